"""How long from lifting the pen to the new answer on screen, on the Draw tab?

Draws random strokes on the DrawPanel's canvas with QTest mouse events. For each stroke it times
the mouse release (which reports the drawing at once) through the preprocessing, the numpy
forward pass and the repaint of the prediction bars (`repaint()` paints synchronously); it also
times the whole panel's repaint and each throttled update while the pen moves. Ends with one
machine-readable line:

    stroke_to_prediction_p50_ms=<x> stroke_to_prediction_p99_ms=<x>

Run: python bench/draw_latency.py [--strokes 400] [--offscreen]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402


def random_stroke(rng: np.random.Generator, side: float) -> list[tuple[int, int]]:
    """A wobbly digit-sized stroke of 6–20 points inside the board."""
    n = int(rng.integers(6, 21))
    start = rng.uniform(0.2, 0.8, 2) * side
    steps = rng.normal(0.0, side * 0.05, (n, 2)).cumsum(axis=0)
    points = np.clip(start + steps, 2, side - 3)
    return [(int(x), int(y)) for x, y in points]


def percentiles(values: list[float]) -> tuple[float, float]:
    return float(np.percentile(values, 50)), float(np.percentile(values, 99))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strokes", type=int, default=400)
    parser.add_argument("--offscreen", action="store_true", help="no window (QT_QPA_PLATFORM=offscreen)")
    args = parser.parse_args()
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import torch

    torch.set_num_threads(1)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from core.model import build_model, snapshot_weights
    from core.network_spec import default_spec
    from gui.app import create_application
    from gui.app_state import AppState
    from gui.panels.draw_panel import DrawPanel
    from gui.training_controller import TrainingController

    app = create_application([])
    state, controller = AppState(), TrainingController()
    spec = default_spec()
    state.set_weights(snapshot_weights(build_model(spec, seed=0), spec, 0))
    panel = DrawPanel(state, controller)
    panel.resize(1280, 800)
    panel.show()
    app.processEvents()
    canvas, board = panel.canvas, panel.canvas.board_rect()
    origin = board.topLeft().toPoint()
    rng = np.random.default_rng(0)
    release, whole, moves = [], [], []
    for i in range(args.strokes + 20):
        points = [origin + QPoint(x, y) for x, y in random_stroke(rng, board.width())]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        for point in points[1:]:
            start = time.perf_counter()
            QTest.mouseMove(canvas, point)
            moves.append(time.perf_counter() - start)
        start = time.perf_counter()
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
        panel.bars.repaint()
        bars_done = time.perf_counter()
        panel.repaint()
        if i >= 20:  # the first strokes warm up caches and fonts
            release.append(bars_done - start)
            whole.append(time.perf_counter() - start)
        if i % 8 == 7:
            canvas.clear()
        app.processEvents()
    p50, p99 = (1000 * v for v in percentiles(release))
    w50, w99 = (1000 * v for v in percentiles(whole))
    m50, m99 = (1000 * v for v in percentiles(moves))
    print(f"{len(release)} strokes on a {spec.describe()} network ({os.environ.get('QT_QPA_PLATFORM', 'default')} "
          f"platform)")
    print(f"pen lifted → bars repainted: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {1000 * max(release):.2f} ms")
    print(f"pen lifted → whole panel repainted: p50 {w50:.2f} ms, p99 {w99:.2f} ms")
    print(f"each pen move (redraw + throttled update): p50 {m50:.2f} ms, p99 {m99:.2f} ms")
    print(f"stroke_to_prediction_p50_ms={p50:.2f} stroke_to_prediction_p99_ms={p99:.2f}")


if __name__ == "__main__":
    main()
