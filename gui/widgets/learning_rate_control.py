"""Learning rate on a log scale: a slider from 1e-5 to 10 and a field to type an exact value."""
from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSlider, QWidget

from core.i18n import translate

LOG_MIN, LOG_MAX, TICKS_PER_DECADE = -5.0, 1.0, 100


def lr_to_tick(lr: float) -> int:
    """Slider position for a learning rate (clamped to the slider's range)."""
    log = min(max(math.log10(lr), LOG_MIN), LOG_MAX)
    return round((log - LOG_MIN) * TICKS_PER_DECADE)


def tick_to_lr(tick: int) -> float:
    """Learning rate for a slider position, rounded to 3 significant digits."""
    return float(f"{10 ** (LOG_MIN + tick / TICKS_PER_DECADE):.3g}")


class LearningRateControl(QWidget):
    """Log-scale slider plus a text field; emits only for changes the user made."""

    learning_rate_changed = Signal(float)
    invalid_entered = Signal(str)   # a sentence for the error dialog

    def __init__(self, lr: float = 0.01, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(0, round((LOG_MAX - LOG_MIN) * TICKS_PER_DECADE))
        self._slider.setToolTip(translate("gui.widgets.learning_rate_control",
                                          "Learning rate η on a log scale (1e-5 … 10): each step moves the weights "
                                          "by −η × gradient. Too small: slow. Too large: the loss explodes."))
        self._field = QLineEdit()
        self._field.setFixedWidth(80)
        self._field.setToolTip(translate("gui.widgets.learning_rate_control",
                                         "Type an exact learning rate, e.g. 0.01 or 3e-4, and press Enter."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._slider, 1)
        layout.addWidget(self._field)
        self._value = lr
        self.set_learning_rate(lr)
        self._slider.valueChanged.connect(self._on_slider_moved)
        self._field.editingFinished.connect(self._on_field_edited)

    @property
    def value(self) -> float:
        return self._value

    def set_learning_rate(self, lr: float) -> None:
        """Show `lr` (e.g. after loading a model) without emitting a change."""
        self._value = lr
        with QSignalBlocker(self._slider):
            self._slider.setValue(lr_to_tick(lr))
        self._field.setText(f"{lr:.4g}")

    @Slot(int)
    def _on_slider_moved(self, tick: int) -> None:
        self._value = tick_to_lr(tick)
        self._field.setText(f"{self._value:.4g}")
        self.learning_rate_changed.emit(self._value)

    @Slot()
    def _on_field_edited(self) -> None:
        text = self._field.text().strip()
        try:
            lr = float(text)
        except ValueError:
            lr = float("nan")
        if not (math.isfinite(lr) and 10 ** LOG_MIN <= lr <= 10 ** LOG_MAX):
            self.set_learning_rate(self._value)
            self.invalid_entered.emit(translate("gui.widgets.learning_rate_control",
                                                "“{text}” is not a learning rate between 0.00001 and 10.").format(
                text=text))
            return
        if lr != self._value:
            self.set_learning_rate(lr)
            self.learning_rate_changed.emit(lr)
