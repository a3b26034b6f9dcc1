"""Soak the whole app for SOAK_SECONDS (default 600): training with every live view, pen strokes on the
Draw tab while it trains, pause, junk model files opened, the model saved, resume, over and over.

Usage: SOAK_SECONDS=600 QT_QPA_PLATFORM=offscreen python bench/soak.py
The scenarios are the ones tests/reliability/test_soak.py runs briefly (tests/reliability/soak_scenarios.py).
Fails (exit 1) on an RSS slope above 5 MB/min, lateness p99 above 100 ms, a crash or a wrong answer.
Last line: rss_slope_mb_per_min=<x> lateness_p99_ms=<x> lateness_max_ms=<x> cycles=<n> crashes=<n>
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MLP_STUDIO_NO_DOWNLOAD", "1")
HOME = Path(tempfile.mkdtemp(prefix="mlp-soak-"))
for _var, _sub in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config")):
    os.environ[_var] = str(HOME / _sub)  # never touch the user's own settings, models or digits

from _common import MNIST_T10K  # noqa: E402 - puts the repository root on sys.path

import numpy as np  # noqa: E402
import torch  # noqa: E402

from tests.reliability.probes import CpuMeter  # noqa: E402

MAX_SLOPE_MB_PER_MIN, MAX_P99_MS = 5.0, 100.0


class CrashCounter:
    """Counts exceptions that reach sys.excepthook (in a slot they would be a broken app, not a dialog)."""

    def __init__(self) -> None:
        self.count = 0
        self._previous = sys.excepthook
        sys.excepthook = self

    def __call__(self, kind, value, traceback) -> None:
        self.count += 1
        self._previous(kind, value, traceback)


def soak_dataset():
    """MNIST t10k (7,000 training digits) when present, else the generated synthetic digits."""
    from core.datasets import load_dataset

    if (MNIST_T10K / "t10k-images-idx3-ubyte.gz").exists():
        return load_dataset("MNIST", folder=MNIST_T10K)
    return load_dataset("Synthetic digits")


def progress(start: float):
    """A cycle callback that prints a line about once a minute."""
    last = [start]

    def report(cycles: int, probe) -> None:
        now = time.monotonic()
        if now - last[0] >= 60:
            last[0] = now
            print(f"{now - start:6.0f} s: {cycles} cycles, RSS {probe.rss_values[-1]:.0f} MB, "
                  f"lateness p99 {probe.p99():.1f} ms so far", flush=True)
    return report


def main() -> int:
    seconds = float(os.environ.get("SOAK_SECONDS", "600"))
    torch.set_num_threads(1)
    crashes = CrashCounter()
    from gui import dialogs
    from gui.app import create_application
    from gui.main_window import MainWindow
    from tests.reliability.soak_scenarios import junk_model_files, soak

    dialogs.SHOW_DIALOGS = False  # nobody clicks OK during a soak; the notifier still counts every message
    app = create_application([])
    window = MainWindow(auto_load=False)
    window.resize(1280, 800)
    window.show()
    window.state.set_dataset(soak_dataset())
    junk = junk_model_files(HOME / "junk")
    meter, started, cpu0 = CpuMeter(), time.monotonic(), time.thread_time()
    result = soak(window, seconds, junk, HOME / "soak.pt", np.random.default_rng(0), progress(time.monotonic()))
    gui_share = (time.thread_time() - cpu0) / (time.monotonic() - started)
    window.close()
    app.processEvents()
    print(f"{seconds:.0f} s soak on {window.state.dataset.name}: {result['cycles']} cycles "
          f"(each: live views 1 s, 20 strokes, 2 junk opens, a save, pause/resume); "
          f"RSS {result['rss_start_mb']:.0f} → {result['rss_end_mb']:.0f} MB; GUI thread busy {gui_share:.0%}; "
          f"other processes used {meter.others():.1f} cores meanwhile")
    print("worst lateness by phase: " + ", ".join(f"{name} {ms:.0f} ms"
                                                  for name, ms in result["worst_by_phase_ms"].items()))
    for problem in result["problems"][:10]:
        print("problem:", problem)
    ok = (result["rss_slope_mb_per_min"] <= MAX_SLOPE_MB_PER_MIN and result["lateness_p99_ms"] <= MAX_P99_MS
          and crashes.count == 0 and not result["problems"] and result["bad_predictions"] == 0)
    print("PASS" if ok else "FAIL")
    print(f"rss_slope_mb_per_min={result['rss_slope_mb_per_min']:.2f} lateness_p99_ms={result['lateness_p99_ms']:.1f} "
          f"lateness_max_ms={result['lateness_max_ms']:.1f} cycles={result['cycles']} crashes={crashes.count}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
