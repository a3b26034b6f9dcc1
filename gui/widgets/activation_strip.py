"""Per-layer strips of hidden activations: one cell per neuron that lights up for the current drawing."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.i18n import translate

MAX_PER_ROW = 32          # a wider layer wraps onto more rows
DARK = QColor(25, 25, 35)
WARM = QColor(255, 190, 0)      # strongly positive: lit
COOL = QColor(60, 120, 255)     # negative (tanh, leaky ReLU)


def cell_levels(values: np.ndarray) -> np.ndarray:
    """Each neuron's activation relative to the layer's largest |value|, in [-1, 1] (0 if all are 0)."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float64).reshape(-1), nan=0.0, posinf=0.0, neginf=0.0)
    top = float(np.abs(v).max()) if v.size else 0.0
    return v / top if top > 0 else np.zeros_like(v)


def _blend(level: float) -> QColor:
    """Dark for 0, warm for +1, cool for −1."""
    end = WARM if level >= 0 else COOL
    t = min(abs(level), 1.0)
    return QColor(int(DARK.red() + (end.red() - DARK.red()) * t),
                  int(DARK.green() + (end.green() - DARK.green()) * t),
                  int(DARK.blue() + (end.blue() - DARK.blue()) * t))


class ActivationStrip(QWidget):
    """One strip per hidden layer; brighter cell = that neuron responds more to the drawing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: list[str] = []
        self._levels: list[np.ndarray] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(90)
        self.setToolTip(translate("gui.widgets.activation_strip",
                                  "Hidden activations h = activation(W·x + b) for the current drawing: each cell is "
                                  "one neuron, brighter = stronger response (relative to the layer's strongest); "
                                  "blue = negative."))

    @property
    def levels(self) -> list[np.ndarray] | None:
        return self._levels

    def show_layers(self, titles: Sequence[str]) -> None:
        """Name the hidden layers (e.g. 'Hidden 1 · 16 ReLU'); clears the activations."""
        self._titles = list(titles)
        self._levels = None
        self.updateGeometry()
        self.update()

    def show_activations(self, activations: Sequence[np.ndarray] | None) -> None:
        """Light the cells: one array per hidden layer, or None for all dark."""
        self._levels = None if activations is None else [cell_levels(a) for a in activations]
        self.update()

    def _rows(self, i: int) -> int:
        size = len(self._levels[i]) if self._levels and i < len(self._levels) else MAX_PER_ROW
        return max(1, -(-size // MAX_PER_ROW))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = sum(self._rows(i) for i in range(len(self._titles)))
        return QSize(420, 34 * len(self._titles) + 18 * rows + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        font = QFont(self.font())
        painter.setFont(font)
        line = painter.fontMetrics().height()
        y = 2.0
        for i, title in enumerate(self._titles):
            painter.setPen(QColor(30, 30, 30))
            painter.drawText(QRectF(4, y, self.width() - 8, line), Qt.AlignmentFlag.AlignLeft, title)
            y += line + 2
            y = self._paint_cells(painter, i, y) + 8
        if not self._titles:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             translate("gui.widgets.activation_strip", "No hidden layers"))
        painter.end()

    def _paint_cells(self, painter: QPainter, i: int, y: float) -> float:
        levels = self._levels[i] if self._levels and i < len(self._levels) else None
        count = len(levels) if levels is not None else 0
        per_row = min(MAX_PER_ROW, max(count, 1))
        cell = min(22.0, (self.width() - 8) / per_row)
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        if levels is None:
            painter.fillRect(QRectF(4, y, self.width() - 8, cell), QColor(235, 235, 235))
            painter.drawText(QRectF(4, y, self.width() - 8, cell), Qt.AlignmentFlag.AlignCenter, "—")
            return y + cell
        for k, level in enumerate(levels):
            row, col = divmod(k, per_row)
            rect = QRectF(4 + col * cell, y + row * cell, cell - 1, cell - 1)
            painter.fillRect(rect, _blend(float(level)))
        return y + self._rows(i) * cell
