"""The network's answer: a big "3 — 87% sure" and one bar per class, the winner highlighted."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.i18n import translate

WINNER = QColor(230, 120, 0)
OTHER = QColor(90, 130, 190)
TRACK = QColor(235, 235, 235)
TEXT = QColor(30, 30, 30)


def answer_text(probabilities: np.ndarray, class_names: Sequence[str]) -> str:
    """'3 — 87% sure' for the most likely class."""
    winner = int(np.argmax(probabilities))
    return translate("gui.widgets.prediction_bars", "{name} — {probability:.0%} sure").format(
        name=class_names[winner], probability=probabilities[winner])


class PredictionBars(QWidget):
    """A big answer line above horizontal bars of the softmax probabilities."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._answer = QLabel(translate("gui.widgets.prediction_bars", "Draw a digit"))
        self._answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self._answer.font()
        font.setPointSize(max(22, font.pointSize() * 2))
        font.setBold(True)
        self._answer.setFont(font)
        self._answer.setToolTip(translate("gui.widgets.prediction_bars", "The class with the highest probability, "
                                                                         "and that probability"))
        self._chart = _BarChart(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._answer)
        layout.addWidget(self._chart, 1)
        self.setToolTip(translate("gui.widgets.prediction_bars", "Softmax output: p_k = e^(z_k) / Σ_j e^(z_j), one "
                                                                 "bar per class; they add up to 100%."))

    @property
    def probabilities(self) -> np.ndarray | None:
        return self._chart.probabilities

    @property
    def answer(self) -> str:
        return self._answer.text()

    def show_probabilities(self, probabilities: np.ndarray, class_names: Sequence[str]) -> None:
        """Show one bar per class and the winner in words."""
        probs = np.asarray(probabilities, dtype=np.float64).reshape(-1)
        self._answer.setText(answer_text(probs, class_names))
        self._chart.set_bars(probs, [str(n) for n in class_names])

    def show_message(self, message: str, class_names: Sequence[str] = ()) -> None:
        """No prediction: a message instead of the answer, and empty bars."""
        self._answer.setText(message)
        self._chart.set_bars(None, [str(n) for n in class_names])


class _BarChart(QWidget):
    """Horizontal bars, one row per class: name, bar, percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probabilities: np.ndarray | None = None
        self._names: list[str] = [str(d) for d in range(10)]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 200)

    def set_bars(self, probabilities: np.ndarray | None, names: list[str]) -> None:
        self.probabilities = probabilities
        if names:
            self._names = names
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 320)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = len(self._names)
        row = self.height() / max(n, 1)
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, min(16.0, row * 0.42)))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        name_width = max(metrics.horizontalAdvance(name) for name in self._names) + 10
        percent_width = metrics.horizontalAdvance("100%") + 8
        bar_width = max(10.0, self.width() - name_width - percent_width)
        winner = int(np.argmax(self.probabilities)) if self.probabilities is not None else -1
        for i, name in enumerate(self._names):
            top = i * row
            p = float(self.probabilities[i]) if self.probabilities is not None else 0.0
            self._paint_row(painter, QRectF(0, top, name_width, row), name, p, i == winner,
                            QRectF(name_width, top + row * 0.15, bar_width, row * 0.7), percent_width)
        painter.end()

    def _paint_row(self, painter: QPainter, label: QRectF, name: str, p: float, winner: bool,
                   track: QRectF, percent_width: float) -> None:
        font = painter.font()
        font.setBold(winner)
        painter.setFont(font)
        painter.setPen(TEXT)
        painter.drawText(label.adjusted(0, 0, -8, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        painter.fillRect(track, TRACK)
        painter.fillRect(QRectF(track.left(), track.top(), track.width() * p, track.height()),
                         WINNER if winner else OTHER)
        text = QRectF(track.right() + 4, label.top(), percent_width, label.height())
        if self.probabilities is not None:
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{p:.0%}")
