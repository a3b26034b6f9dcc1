"""DrawingCanvas: strokes from mouse events, throttled reports, undo, clear, keys, pictures."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui.widgets.drawing_canvas import RESOLUTION, DrawingCanvas

LEFT, RIGHT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot):
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(400, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def at(canvas: DrawingCanvas, x: float, y: float) -> QPoint:
    """A widget point at fractions (x, y) of the board."""
    board = canvas.board_rect()
    return QPoint(int(board.left() + x * board.width()), int(board.top() + y * board.height()))


def stroke(qtbot, canvas: DrawingCanvas, points: list[tuple[float, float]], steps: int = 4) -> None:
    qtbot.mousePress(canvas, LEFT, NONE, at(canvas, *points[0]))
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        for t in np.linspace(0, 1, steps + 1)[1:]:
            QTest.mouseMove(canvas, at(canvas, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    qtbot.mouseRelease(canvas, LEFT, NONE, at(canvas, *points[-1]))


def test_a_stroke_puts_ink_where_it_was_drawn_and_reports_it(qtbot, canvas):
    reports = []
    canvas.drawing_changed.connect(reports.append)
    stroke(qtbot, canvas, [(0.2, 0.5), (0.8, 0.5)])
    pixels = reports[-1]                   # the release reports at once, without waiting
    assert pixels.shape == (RESOLUTION, RESOLUTION) and pixels.dtype == np.uint8
    row = pixels[RESOLUTION // 2]
    assert row[int(0.3 * RESOLUTION):int(0.7 * RESOLUTION)].min() == 255   # solid along the stroke
    assert pixels[:RESOLUTION // 3].max() == 0 and pixels[-RESOLUTION // 3:].max() == 0
    assert np.array_equal(pixels, canvas.pixels()) and canvas.stroke_count == 1


def test_reports_are_throttled_while_drawing_but_the_last_state_always_arrives(qtbot, canvas):
    reports = []
    canvas.drawing_changed.connect(reports.append)
    stroke(qtbot, canvas, [(0.1, 0.1), (0.9, 0.2), (0.2, 0.9), (0.9, 0.9)], steps=15)
    assert 2 <= len(reports) < 46          # fewer reports than the 46 mouse events
    assert np.array_equal(reports[-1], canvas.pixels())


def test_a_pending_report_is_delivered_after_the_pen_pauses(qtbot, canvas):
    reports = []
    canvas.drawing_changed.connect(reports.append)
    qtbot.mousePress(canvas, LEFT, NONE, at(canvas, 0.3, 0.3))
    for x in (0.35, 0.4, 0.45, 0.5):
        QTest.mouseMove(canvas, at(canvas, x, 0.3))
    qtbot.waitUntil(lambda: np.array_equal(reports[-1], canvas.pixels()), timeout=1000)
    qtbot.mouseRelease(canvas, LEFT, NONE, at(canvas, 0.5, 0.3))


def test_a_click_without_moving_draws_a_round_dot(qtbot, canvas):
    qtbot.mouseClick(canvas, LEFT, NONE, at(canvas, 0.5, 0.5))
    ink = canvas.pixels() > 127
    rows, cols = np.nonzero(ink)
    assert ink.sum() > 100
    assert abs((rows.max() - rows.min()) - (cols.max() - cols.min())) <= 2   # as tall as wide


def test_undo_takes_back_only_the_last_stroke(qtbot, canvas):
    stroke(qtbot, canvas, [(0.2, 0.3), (0.8, 0.3)])
    after_first = canvas.pixels()
    stroke(qtbot, canvas, [(0.5, 0.1), (0.5, 0.9)])
    assert not np.array_equal(canvas.pixels(), after_first)
    with qtbot.waitSignal(canvas.drawing_changed, timeout=1000):
        QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert np.array_equal(canvas.pixels(), after_first) and canvas.stroke_count == 1
    canvas.undo()
    canvas.undo()   # nothing left to undo: no error
    assert canvas.pixels().max() == 0 and canvas.is_empty


@pytest.mark.parametrize("clear", ["right_click", "escape", "delete", "method"])
def test_clearing_empties_the_canvas(qtbot, canvas, clear):
    stroke(qtbot, canvas, [(0.2, 0.2), (0.8, 0.8)])
    with qtbot.waitSignal(canvas.drawing_changed, timeout=1000) as blocker:
        if clear == "right_click":
            qtbot.mouseClick(canvas, RIGHT, NONE, at(canvas, 0.5, 0.5))
        elif clear == "escape":
            QTest.keyClick(canvas, Qt.Key.Key_Escape)
        elif clear == "delete":
            QTest.keyClick(canvas, Qt.Key.Key_Delete)
        else:
            canvas.clear()
    assert blocker.args[0].max() == 0 and canvas.is_empty and canvas.stroke_count == 0


def test_a_thicker_pen_leaves_more_ink(qtbot, canvas):
    canvas.set_brush_width(8)
    stroke(qtbot, canvas, [(0.2, 0.5), (0.8, 0.5)])
    thin = (canvas.pixels() > 127).sum()
    canvas.clear()
    canvas.set_brush_width(30)
    stroke(qtbot, canvas, [(0.2, 0.5), (0.8, 0.5)])
    thick = (canvas.pixels() > 127).sum()
    assert thick > 3 * thin
    canvas.set_brush_width(1000)
    assert canvas.brush_width <= 48


def test_the_drawing_does_not_depend_on_the_widget_size(qtbot, canvas):
    stroke(qtbot, canvas, [(0.25, 0.25), (0.75, 0.6)])
    small = canvas.pixels()
    canvas.clear()
    canvas.resize(700, 700)
    qtbot.waitUntil(lambda: canvas.board_rect().width() > 600, timeout=1000)
    stroke(qtbot, canvas, [(0.25, 0.25), (0.75, 0.6)])
    large = canvas.pixels()
    overlap = ((small > 127) & (large > 127)).sum() / max((small > 127).sum(), 1)
    assert overlap > 0.9


def test_digit_keys_ask_to_label_the_drawing(qtbot, canvas):
    with qtbot.waitSignal(canvas.label_pressed, timeout=1000) as blocker:
        QTest.keyClick(canvas, Qt.Key.Key_7)
    assert blocker.args == [7]


def test_a_picture_can_be_put_on_the_canvas_and_edited(qtbot, canvas):
    picture = np.zeros((28, 28), np.float32)
    picture[4:24, 12:16] = 1.0
    with qtbot.waitSignal(canvas.drawing_changed, timeout=1000) as blocker:
        canvas.set_pixels(picture)
    pixels = blocker.args[0]
    assert pixels[RESOLUTION // 2, int(14 / 28 * RESOLUTION)] > 200 and pixels[:, :50].max() == 0
    stroke(qtbot, canvas, [(0.1, 0.9), (0.9, 0.9)])
    canvas.undo()                                  # undo removes the stroke, not the picture
    assert np.array_equal(canvas.pixels(), pixels) and not canvas.is_empty
    canvas.clear()
    assert canvas.is_empty and canvas.pixels().max() == 0
