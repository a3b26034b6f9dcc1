"""Time from process start to a visible main window (median of fresh processes).

Usage: python bench/startup.py [--runs 5]      Last line: window_visible_s=<x>
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import os, sys, time
from PySide6.QtCore import QTimer
from gui.app import create_application
app = create_application([])
from gui.main_window import MainWindow
window = MainWindow()
window.show()
def visible():
    print(f"VISIBLE {time.time() - float(os.environ['START_TS']):.4f} torch_loaded={'torch' in sys.modules}")
    window.close()
    app.quit()
QTimer.singleShot(0, visible)
app.exec()
"""


def one_run() -> float:
    env = dict(os.environ, START_TS=repr(time.time()), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    line = next((l for l in out.stdout.splitlines() if l.startswith("VISIBLE")), None)
    if line is None:
        sys.exit(f"the app did not start:\n{out.stderr[-3000:]}")
    print(line)
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = [one_run() for _ in range(parser.parse_args().runs)]
    print(f"window_visible_s={statistics.median(runs):.3f}")


if __name__ == "__main__":
    main()
