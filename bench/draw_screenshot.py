"""Screenshot of the Draw tab: a digit drawn with the mouse and a trained network's live answer.

Trains the default network on the offline Synthetic digits for the default 5 epochs, draws a "2"
with QTest mouse events, keeps a few drawings as "my digits" and tests the network on them, then
saves resources/screenshots/draw_panel.png (1280×800). User folders point at a temporary place, so
nothing of the user's own digits is read or changed.

Run: python bench/draw_screenshot.py [--out resources/screenshots/draw_panel.png]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

TWO = [(0.28, 0.3), (0.38, 0.17), (0.55, 0.14), (0.68, 0.22), (0.68, 0.38), (0.55, 0.55), (0.38, 0.7),
       (0.27, 0.82), (0.45, 0.8), (0.62, 0.8), (0.76, 0.82)]
SEVEN = [(0.25, 0.2), (0.75, 0.18), (0.5, 0.85)]
ONE = [(0.5, 0.15), (0.47, 0.85)]


def draw(panel, points: list[tuple[float, float]], steps: int = 6) -> None:
    """Drag the mouse through the points (fractions of the board) like a hand would."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    canvas, board = panel.canvas, panel.canvas.board_rect()

    def at(x: float, y: float) -> QPoint:
        return QPoint(int(board.left() + x * board.width()), int(board.top() + y * board.height()))

    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[0]))
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        for t in np.linspace(0, 1, steps + 1)[1:]:
            QTest.mouseMove(canvas, at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots" / "draw_panel.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = os.path.join(home, variable.lower())
        save_screenshot(args.out)
    print(f"saved {args.out}")


def save_screenshot(out: Path) -> None:
    import torch

    torch.set_num_threads(1)
    from core.datasets import load_dataset
    from core.reports import TrainingConfig
    from core.training import TrainingSession
    from gui.app import create_application
    from gui.app_state import AppState
    from gui.panels.draw_panel import DrawPanel
    from gui.training_controller import TrainingController

    app = create_application([])
    state, controller = AppState(), TrainingController()
    dataset = load_dataset("Synthetic digits")
    state.set_dataset(dataset)
    session = TrainingSession(state.network, dataset, TrainingConfig())
    for _ in session.run():
        pass
    state.set_weights(session.snapshot())
    panel = DrawPanel(state, controller)
    panel.resize(1280, 800)
    panel.show()
    app.processEvents()
    for points, label in ((SEVEN, 7), (ONE, 1), (TWO, 2), (SEVEN, 7), (ONE, 1)):
        draw(panel, points)
        panel.add_to_digits(label)
    panel.test_button.click()
    draw(panel, TWO)
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(out))
    print(f"answer: {panel.bars.answer}")


if __name__ == "__main__":
    main()
