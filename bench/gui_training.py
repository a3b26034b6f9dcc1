"""In-app training speed vs headless, event-loop lateness while training, RSS over start/stop cycles.

Fashion-MNIST (55,000 training images) or MNIST t10k, 784-128-64-10, Adam, batch 64, window
1600×1000 on the Training tab with every live view. Headless and in-app runs alternate (--repeats
pairs) and the ratio is of the medians. Runs are 4 epochs (~3.5 s) by default: a 2-epoch run lasts
1.7 s, and on this shared 2-core VM the ratio of one such pair varied from 0.73 to 1.04 with the
same code. Lateness pools the probe ticks of every in-app run.

Usage: QT_QPA_PLATFORM=offscreen python bench/gui_training.py [--epochs 4] [--repeats 5] [--cycles 200]
Last line: inapp/headless=<x> lateness_p99_ms=<x> lateness_max_ms=<x> rss_growth_mb=<x>
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import bench_dataset  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402

from core.network_spec import LayerSpec, NetworkSpec  # noqa: E402
from core.reports import TrainingConfig  # noqa: E402
from core.training import warm_up_optimizers  # noqa: E402
from core.training_job import TrainingJob  # noqa: E402
from gui.app import create_application  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402

SPEC = NetworkSpec(784, (LayerSpec(128), LayerSpec(64)), 10)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def wait_for(signal, timeout_ms: int = 600_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


class LatenessProbe:
    """A 10 ms QTimer; lateness = how much later than 10 ms each tick arrives."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        elapsed = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.samples.append(max(elapsed - 10.0, 0.0))


def headless_rate(dataset, config: TrainingConfig) -> float:
    job = TrainingJob(SPEC, dataset, config)
    start = time.perf_counter()
    for _ in job.train_source()(lambda: False):
        pass
    return job.n_train * config.epochs / (time.perf_counter() - start)


def settle(ms: int = 500) -> None:
    """Let the window finish painting what the set-up changed (the tab switch is not training)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def inapp_rate(window: MainWindow, config: TrainingConfig, probe: LatenessProbe) -> float:
    window.state.set_network(SPEC)
    window.state.set_config(config)
    window.tabs.setCurrentWidget(window.training_panel)
    window.training_panel.reset()   # every run starts from new random weights, as the headless one does
    settle()
    probe.start()
    counts = window.training_panel.pacer.flush_counts()
    start = time.perf_counter()
    window.training_panel.train_or_pause()
    wait_for(window.controller.finished)
    seconds = time.perf_counter() - start
    probe.stop()
    drawn = {name: n - counts[name] for name, n in window.training_panel.pacer.flush_counts().items()}
    print("  views drawn per second: " + ", ".join(f"{name} {n / seconds:.1f}" for name, n in drawn.items()))
    return len(window.state.dataset.x_train) * config.epochs / seconds


def start_stop_cycles(window: MainWindow, cycles: int) -> float:
    """RSS growth (MB) over `cycles` start → first report → stop cycles, after 10 warm-up cycles."""
    panel, controller = window.training_panel, window.controller
    before = 0.0
    for i in range(cycles + 10):
        if i == 10:
            before = rss_mb()
        panel.reset()
        panel.train_or_pause()
        wait_for(controller.loss_reported, 10_000)
        panel.train_or_pause()  # pause
        wait_for(controller.finished, 10_000)
    return rss_mb() - before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--cycles", type=int, default=200)
    args = parser.parse_args()
    torch.set_num_threads(1)
    app = create_application([])
    dataset = bench_dataset()
    config = TrainingConfig(learning_rate=1e-3, batch_size=64, optimizer="adam", epochs=args.epochs)
    warm_up_optimizers()  # torch's first optimizer step (~1 s) is paid by the app's start-up warm-up
    headless_rate(dataset, config.with_changes(epochs=1))   # warm-up: first-call costs count against neither
    window = MainWindow(auto_load=False)
    window.resize(1600, 1000)
    window.show()
    window.start_warm_up()  # as the app does after start-up: torch's first optimizer step is paid here
    wait_for(window.warm_up.finished, 60_000)
    window.state.set_dataset(dataset)
    probe = LatenessProbe()
    headless_runs, inapp_runs = [], []
    for i in range(args.repeats):   # alternate, so that load from elsewhere hits both alike
        headless_runs.append(headless_rate(dataset, config))
        inapp_runs.append(inapp_rate(window, config, probe))
        print(f"pair {i + 1}: headless {headless_runs[-1]:,.0f} samples/s · in-app {inapp_runs[-1]:,.0f} samples/s "
              f"({inapp_runs[-1] / headless_runs[-1]:.2f})")
    headless, inapp = statistics.median(headless_runs), statistics.median(inapp_runs)
    lateness = np.array(probe.samples)
    print(f"median: headless {headless:,.0f} samples/s · in-app {inapp:,.0f} samples/s · {len(lateness)} probe ticks")
    growth = start_stop_cycles(window, args.cycles)
    print(f"RSS growth over {args.cycles} start/stop cycles: {growth:.1f} MB")
    window.close()
    app.processEvents()
    print(f"inapp/headless={inapp / headless:.2f} lateness_p99_ms={np.percentile(lateness, 99):.1f} "
          f"lateness_max_ms={lateness.max():.1f} rss_growth_mb={growth:.1f}")


if __name__ == "__main__":
    main()
