"""A square blackboard to draw a digit on: smooth round strokes, undo, clear, live (throttled) pixels.

The drawing lives in a fixed 280×280 grey image (white ink on black, like MNIST) whatever the
widget's size on screen, so a stroke means the same to the preprocessing on a laptop and on a
projector. Pens and touch screens arrive as mouse events (Qt synthesises them), so they draw too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (QColor, QFont, QImage, QKeyEvent, QKeySequence, QMouseEvent, QPainter,
                           QPainterPath, QPaintEvent, QPen)
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.i18n import translate

RESOLUTION = 280          # side of the drawing in pixels (10× MNIST's 28)
DEFAULT_BRUSH = 20.0      # pen width in drawing pixels: ~2 px after scaling to MNIST's 20-px box
MIN_BRUSH, MAX_BRUSH = 6.0, 48.0
THROTTLE_MS = 30          # at most ~33 live updates a second while the pen moves
BOARD = QColor(20, 24, 30)
FRAME = QColor(120, 120, 120)


@dataclass
class Stroke:
    """One pen-down-to-pen-up movement, in drawing pixels."""

    width: float
    points: list[QPointF] = field(default_factory=list)


def stroke_path(points: list[QPointF]) -> QPainterPath:
    """A smooth path through the points: quadratic curves between midpoints (no jagged corners)."""
    path = QPainterPath(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.01, 0.0))  # a dot: a tiny line with round caps
        return path
    for here, after in zip(points[1:-1], points[2:]):
        path.quadTo(here, (here + after) / 2.0)
    path.lineTo(points[-1])
    return path


def image_pixels(image: QImage) -> np.ndarray:
    """A Grayscale8 QImage as an owned uint8 array (rows may be padded in the QImage)."""
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, :width].copy()


def pixels_image(pixels01: np.ndarray, size: int = RESOLUTION) -> QImage:
    """A picture in [0, 1] (e.g. a 28×28 test image) as a size×size Grayscale8 QImage of big square pixels.

    Square pixels (no smoothing) make the round trip exact: cropping and scaling back to 20 px
    gives the network the very test image, so its answer matches the one on the test set.
    """
    data = np.ascontiguousarray(np.round(np.clip(pixels01, 0.0, 1.0) * 255), dtype=np.uint8)
    small = QImage(data.data, data.shape[1], data.shape[0], data.shape[1], QImage.Format.Format_Grayscale8)
    return small.scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.FastTransformation).copy()


class DrawingCanvas(QWidget):
    """Draw with the left button (or a pen or finger); right-click, Esc or Delete clears; Ctrl+Z undoes."""

    drawing_changed = Signal(object)   # np.ndarray uint8 (280, 280), ink 255 on 0; throttled while drawing
    label_pressed = Signal(int)        # a digit key 0–9 pressed while the canvas has the focus
    stroke_finished = Signal()         # the pen was lifted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._brush = DEFAULT_BRUSH
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._base: QImage | None = None               # a picture put on the board (a test image)
        self._committed = self._blank()                # base + finished strokes
        self._image = self._committed.copy()           # what is shown: committed + the current stroke
        self._since_emit = QElapsedTimer()
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self._emit_now)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(200, 200)
        self.setToolTip(translate("gui.widgets.drawing_canvas", "Draw a digit with the mouse, a pen or a finger. "
                                                                "Right-click, Esc or Delete clears; Ctrl+Z undoes "
                                                                "the last stroke; keys 0–9 add the drawing to your "
                                                                "digits."))

    # ---- state --------------------------------------------------------------------------------

    @staticmethod
    def _blank() -> QImage:
        image = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
        image.fill(0)
        return image

    @property
    def brush_width(self) -> float:
        return self._brush

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    @property
    def is_empty(self) -> bool:
        return not self._strokes and self._current is None and self._base is None

    def pixels(self) -> np.ndarray:
        """The drawing as uint8 (280, 280): 0 = board, 255 = full ink."""
        return image_pixels(self._image)

    def set_brush_width(self, width: float) -> None:
        """Pen width for the next strokes, in drawing pixels (280 across)."""
        self._brush = float(min(max(width, MIN_BRUSH), MAX_BRUSH))

    def set_pixels(self, pixels01: np.ndarray) -> None:
        """Put a picture (values in [0, 1], any size, e.g. a 28×28 test image) on the board to edit."""
        self._base = pixels_image(pixels01)
        self._strokes, self._current = [], None
        self._rebuild()

    @Slot()
    def clear(self) -> None:
        """Wipe the board (strokes and any picture)."""
        self._base, self._strokes, self._current = None, [], None
        self._rebuild()

    @Slot()
    def undo(self) -> None:
        """Take back the last finished stroke."""
        if self._strokes and self._current is None:
            self._strokes.pop()
            self._rebuild()

    def _rebuild(self) -> None:
        """Repaint the committed image from the base and the strokes, then report at once."""
        image = self._base.copy() if self._base is not None else self._blank()
        with _Painter(image) as painter:
            for stroke in self._strokes:
                _paint_stroke(painter, stroke)
        self._committed, self._image = image, image.copy()
        self.update()
        self._emit_now()

    # ---- mouse, pen and keys ------------------------------------------------------------------

    def _to_drawing(self, position: QPointF) -> QPointF:
        board = self.board_rect()
        return (position - board.topLeft()) * (RESOLUTION / board.width())

    def board_rect(self) -> QRectF:
        """Where the square board is drawn inside the widget."""
        side = float(min(self.width(), self.height()) - 2)
        return QRectF((self.width() - side) / 2, 1.0, side, side)  # at the top: tools sit just below

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.RightButton:
            self.clear()
        elif event.button() == Qt.MouseButton.LeftButton:
            self._current = Stroke(self._brush, [self._to_drawing(event.position())])
            self._draw_current()
            self._emit_throttled()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._current.points.append(self._to_drawing(event.position()))
            self._draw_current()
            self._emit_throttled()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._strokes.append(self._current)
            self._current = None
            self._committed = self._image.copy()
            self._emit_now()
            self.stroke_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        elif Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
            self.label_pressed.emit(event.key() - Qt.Key.Key_0)
        else:
            super().keyPressEvent(event)

    def _draw_current(self) -> None:
        """The committed drawing plus the stroke in progress (re-stroked whole, so curves stay smooth)."""
        image = self._committed.copy()
        with _Painter(image) as painter:
            _paint_stroke(painter, self._current)
        self._image = image
        self.update()

    # ---- throttled reporting ------------------------------------------------------------------

    def _emit_throttled(self) -> None:
        """Report now if the last report is old enough, else once the interval has passed."""
        if not self._since_emit.isValid() or self._since_emit.elapsed() >= THROTTLE_MS:
            self._emit_now()
        elif not self._pending.isActive():
            self._pending.start(max(1, THROTTLE_MS - int(self._since_emit.elapsed())))

    @Slot()
    def _emit_now(self) -> None:
        self._pending.stop()
        self._since_emit.start()
        self.drawing_changed.emit(self.pixels())

    # ---- painting -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(RESOLUTION + 80, RESOLUTION + 80)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        board = self.board_rect()
        painter.fillRect(board, BOARD)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)  # black adds nothing
        painter.drawImage(board, self._image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.setPen(QPen(FRAME, 1))
        painter.drawRect(board)
        if self.is_empty:
            painter.setPen(QColor(150, 150, 150))
            painter.setFont(QFont(self.font().family(), max(12, int(board.width() / 18))))
            painter.drawText(board, Qt.AlignmentFlag.AlignCenter, translate("gui.widgets.drawing_canvas",
                                                                            "Draw a digit here"))
        painter.end()


class _Painter:
    """QPainter on an image with antialiasing, closed at the end of a `with` block."""

    def __init__(self, image: QImage) -> None:
        self._painter = QPainter(image)
        self._painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def __enter__(self) -> QPainter:
        return self._painter

    def __exit__(self, *exc) -> None:
        self._painter.end()


def _paint_stroke(painter: QPainter, stroke: Stroke) -> None:
    pen = QPen(QColor(255, 255, 255), stroke.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(stroke_path(stroke.points))
