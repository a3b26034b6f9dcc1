"""Load and soak scenarios on a live main window (RELIABILITY L-01..L-05, L-07), shared by
tests/reliability/test_soak.py (short runs) and bench/soak.py (long runs).

Every wait runs the Qt event loop with a deadline (no sleeping), so the window keeps painting and the
lateness probe keeps measuring while a scenario runs.
"""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import numpy as np

from core.network_spec import LayerSpec, NetworkSpec
from core.reports import TrainingConfig
from tests.reliability.probes import LatenessProbe, draw_stroke, rss_mb, run_events, wait_until

SOAK_SPEC = NetworkSpec(784, (LayerSpec(32), LayerSpec(16)), 10)
SOAK_CONFIG = TrainingConfig(learning_rate=0.01, batch_size=64, optimizer="sgd", momentum=0.9, epochs=10_000)


class Collector:
    """Counts what the app tells the user and what reaches the views (connected on the GUI thread)."""

    def __init__(self, window) -> None:
        from gui import dialogs

        self.errors: list[str] = []
        self.loaded = 0
        self.updates = 0
        dialogs.notifier().error_shown.connect(self.errors.append)
        window.model_files.loaded.connect(self._on_loaded)
        window.controller.loss_reported.connect(self._on_update)
        window.controller.weights_reported.connect(self._on_update)
        self._window = window

    def _on_loaded(self, _loaded) -> None:
        self.loaded += 1

    def _on_update(self, _report) -> None:
        self.updates += 1

    def close(self) -> None:
        from gui import dialogs

        dialogs.notifier().error_shown.disconnect(self.errors.append)
        self._window.model_files.loaded.disconnect(self._on_loaded)
        self._window.controller.loss_reported.disconnect(self._on_update)
        self._window.controller.weights_reported.disconnect(self._on_update)


def train(window, config: TrainingConfig = SOAK_CONFIG, spec: NetworkSpec = SOAK_SPEC) -> None:
    """Start (or continue) a practically endless run and wait for its first weights."""
    if window.controller.is_running:
        return
    if window.state.network != spec:
        window.state.set_network(spec)
    if window.state.config != config:
        window.state.set_config(config)
    window.training_panel.train_or_pause()
    if not wait_until(lambda: window.controller.is_running and window.state.weights is not None, 30_000):
        raise AssertionError("training did not start within 30 s")


def pause(window) -> None:
    """Pause a running run and wait until its thread has really ended."""
    if window.controller.is_running:
        window.training_panel.train_or_pause()
    if not wait_until(lambda: not window.controller.is_running, 10_000):
        raise AssertionError("training did not pause within 10 s")


def live_views(window, seconds: float) -> None:
    """Train with every live view on screen in turn (each sub-tab of the Training panel for a while)."""
    window.tabs.setCurrentWidget(window.training_panel)
    tabs = window.training_panel.view_tabs
    slices = max(tabs.count(), int(seconds))
    for k in range(slices):
        tabs.setCurrentIndex(k % tabs.count())
        run_events(int(1000 * seconds / slices))


def start_stop_cycles(window, cycles: int) -> dict:
    """L-01: start → first report → pause, `cycles` times, with every view updating; RSS growth after 10 warm-ups."""
    window.tabs.setCurrentWidget(window.training_panel)
    before = 0.0
    for i in range(cycles + 10):
        if i == 10:
            before = rss_mb()
        first = window.state.weights.step if window.state.weights is not None else -1
        train(window)
        wait_until(lambda: window.state.weights is not None and window.state.weights.step > first, 10_000)
        pause(window)
    return {"cycles": cycles, "rss_growth_mb": rss_mb() - before}


def strokes_while_training(window, strokes: int, rng: np.random.Generator) -> dict:
    """L-05/T-10: pen strokes on the Draw tab while training; every prediction must be a distribution."""
    train(window)
    window.tabs.setCurrentWidget(window.draw_panel)
    canvas, bars, bad = window.draw_panel.canvas, window.draw_panel.bars, 0
    for k in range(strokes):
        if k % 15 == 0:
            canvas.clear()
        draw_stroke(canvas, rng)
        p = bars.probabilities
        bad += p is None or not np.isfinite(p).all() or abs(float(p.sum()) - 1.0) > 1e-5
        run_events(2)  # training reports and painting go on between strokes
    return {"strokes": strokes, "bad_predictions": int(bad)}


def junk_model_files(folder: Path, good: bytes | None = None) -> list[Path]:
    """Files that are not MLP Studio models: empty, random, text, a zip, a pickle, halves of a good file."""
    rng = np.random.default_rng(7)
    folder.mkdir(parents=True, exist_ok=True)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("data.pkl", b"not a pickle")
    contents = {"empty.pt": b"", "random.pt": rng.bytes(3000), "text.pt": b"weights: [1, 2, 3]\n" * 50,
                "zip.pt": zipped.getvalue(), "pickle.pt": b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01."}
    if good:  # (a flipped byte inside the weights is not junk: it loads as other weights, see test_fuzz_files)
        contents["truncated.pt"] = good[: len(good) // 2]
        contents["tail.pt"] = good[len(good) // 2:]
    paths = []
    for name, data in contents.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def open_junk(window, paths: list[Path], opens: int, collector: Collector) -> dict:
    """L-07: open junk model files `opens` times (paused); every one must be refused with a sentence."""
    pause(window)
    errors_before, loaded_before = len(collector.errors), collector.loaded
    for k in range(opens):
        if not window.open_model_from(str(paths[k % len(paths)])):
            raise AssertionError(f"open {k} was not even started: {collector.errors[-1:]}")
        if not wait_until(lambda: not window.model_files.busy, 10_000):
            raise AssertionError(f"open {k} did not finish within 10 s")
    refused = len(collector.errors) - errors_before
    return {"opens": opens, "refused": refused, "loaded": collector.loaded - loaded_before}


def _cycle(window, junk: list[Path], save_to: Path, rng: np.random.Generator, collector: Collector,
           probe: LatenessProbe, worst: dict[str, float]) -> tuple[int, list[str]]:
    """One soak cycle; returns (wrong predictions, problems) and records each phase's worst lateness."""
    problems: list[str] = []

    def phase(name: str, action):
        first = len(probe.lateness_ms)
        result = action()
        worst[name] = max([worst.get(name, 0.0), *probe.lateness_ms[first:]])
        return result

    phase("resume", lambda: train(window))
    phase("live views", lambda: live_views(window, 1.0))
    bad = phase("strokes", lambda: strokes_while_training(window, 20, rng))["bad_predictions"]
    result = phase("junk opens", lambda: open_junk(window, junk, 2, collector))
    if result["refused"] != 2 or result["loaded"]:
        problems.append(f"junk {result}")
    saved = phase("save", lambda: window.save_model_to(str(save_to))
                  and wait_until(lambda: not window.model_files.busy, 10_000))
    if not saved:
        problems.append(f"save failed {collector.errors[-1:]}")
    return bad, problems


def soak(window, seconds: float, junk: list[Path], save_to: Path, rng: np.random.Generator,
         on_cycle=None) -> dict:
    """The combined long run: live views, strokes, pause, junk opens, a save and resume, over and over."""
    collector, probe = Collector(window), LatenessProbe(rss_every_s=1.0)
    probe.start()
    worst: dict[str, float] = {}
    _cycle(window, junk, save_to, rng, collector, probe, worst)  # warm-up: every tab built, every cache filled
    live_views(window, min(max(0.1 * seconds, 2.0), 30.0))
    probe.reset()
    worst.clear()
    deadline, cycles, bad, problems = time.monotonic() + seconds, 0, 0, []
    while time.monotonic() < deadline:
        wrong, trouble = _cycle(window, junk, save_to, rng, collector, probe, worst)
        bad += wrong
        problems += [f"cycle {cycles}: {text}" for text in trouble]
        cycles += 1
        if on_cycle is not None:
            on_cycle(cycles, probe)
    pause(window)
    probe.stop()
    collector.close()
    return {"cycles": cycles, "rss_slope_mb_per_min": probe.rss_slope(), "lateness_p99_ms": probe.p99(),
            "lateness_max_ms": probe.worst(), "bad_predictions": bad, "problems": problems,
            "worst_by_phase_ms": worst,
            "rss_start_mb": probe.rss_values[0] if probe.rss_values else 0.0, "rss_end_mb": rss_mb()}
