"""Regularisation: L1 and L2 weight penalties, early stopping, and how many training images to use."""
from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider, QSpinBox, QWidget

from core.i18n import translate
from core.reports import TrainingConfig

# 0 (off), then 1, 2, 5 per decade from 1e-6 up to 10: readable values on a log scale
RATES: tuple[float, ...] = (0.0, *(float(f"{m}e{e}") for e in range(-6, 1) for m in (1, 2, 5)), 10.0)
TRAIN_SIZES: tuple[int, ...] = (100, 200, 1000, 5000, 0)   # 0 = all
MAX_PATIENCE = 100


def rate_to_tick(rate: float) -> int:
    """Slider position of the ladder value nearest to `rate` on a log scale (0 = off)."""
    if not (isinstance(rate, (int, float)) and math.isfinite(rate)) or rate <= 0:
        return 0
    logs = [math.log10(r) for r in RATES[1:]]
    return 1 + min(range(len(logs)), key=lambda i: abs(logs[i] - math.log10(rate)))


def tick_to_rate(tick: int) -> float:
    """The penalty rate at a slider position (0 = off)."""
    return RATES[min(max(tick, 0), len(RATES) - 1)]


def format_rate(rate: float) -> str:
    """'off', '1e-04', '0.002', '5'... short enough for a label next to the slider."""
    if rate <= 0:
        return translate("gui.widgets.regularisation_controls", "off")
    return f"{rate:g}" if 1e-3 <= rate else f"{rate:.0e}"


def format_train_size(n: int, available: int | None = None) -> str:
    """'1,000' or 'all' / 'all (7,000)'."""
    if n:
        return f"{n:,}"
    if available is None:
        return translate("gui.widgets.regularisation_controls", "all")
    return translate("gui.widgets.regularisation_controls", "all ({available:,})").format(available=available)


class RegularisationControls(QWidget):
    """L1 and L2 rates (log sliders), early-stopping patience and training-set size; emits them as one dict."""

    regularisation_changed = Signal(dict)  # {"l1": float, "l2": float, "patience": int, "train_size": int}

    def __init__(self, config: TrainingConfig | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._l1, self._l1_value = self._rate_slider(translate(
            "gui.widgets.regularisation_controls",
            "L1 penalty λ₁·Σ|W|: adds λ₁ times the sum of the absolute weights to the loss.\n"
            "Its gradient λ₁·sign(W) pushes every weight towards 0 by the same amount, so many become exactly 0.\n"
            "Log scale from 1e-6 to 10; far left = off. Biases are not penalised."))
        self._l2, self._l2_value = self._rate_slider(translate(
            "gui.widgets.regularisation_controls",
            "L2 penalty λ·ΣW²: adds λ times the sum of the squared weights to the loss (weight decay).\n"
            "Its gradient 2λ·W shrinks large weights most, so the network prefers many small weights.\n"
            "Log scale from 1e-6 to 10; far left = off. Biases are not penalised."))
        self._patience = QSpinBox()
        self._patience.setRange(0, MAX_PATIENCE)
        self._patience.setSpecialValueText(translate("gui.widgets.regularisation_controls", "off"))
        self._patience.setSuffix(translate("gui.widgets.regularisation_controls", " epochs"))
        self._patience.setToolTip(translate("gui.widgets.regularisation_controls",
                                            "Early stopping: stop when the validation loss has not improved for "
                                            "this many epochs,\nthen restore the weights of the best epoch. "
                                            "0 = off (train all epochs)."))
        self._train_size = QComboBox()
        for n in TRAIN_SIZES:
            self._train_size.addItem(format_train_size(n), n)
        self._train_size.setToolTip(translate("gui.widgets.regularisation_controls",
                                              "Train on only the first N training images. Few images (100, 200) "
                                              "with a big network\nmake it overfit quickly: it memorises them. "
                                              "Validation and test sets stay whole."))
        self._build_layout()
        self.set_values(config or TrainingConfig())
        for slider in (self._l1, self._l2):
            slider.valueChanged.connect(self._on_rate_moved)
        self._patience.valueChanged.connect(self._on_patience_changed)
        self._train_size.currentIndexChanged.connect(self._on_train_size_chosen)

    def _rate_slider(self, tooltip: str) -> tuple[QSlider, QLabel]:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, len(RATES) - 1)
        slider.setPageStep(3)   # one decade
        value = QLabel()
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("0.0005 ") + 8)
        for widget in (slider, value):
            widget.setToolTip(tooltip)
        return slider, value

    def _build_layout(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for title, slider, value in (
                (translate("gui.widgets.regularisation_controls", "L1 penalty λ₁·Σ|W|"), self._l1, self._l1_value),
                (translate("gui.widgets.regularisation_controls", "L2 penalty λ·ΣW²"), self._l2, self._l2_value)):
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            label = QLabel(title)
            label.setToolTip(slider.toolTip())
            form.addRow(label, row)
        form.addRow(self._labelled(translate("gui.widgets.regularisation_controls", "Early stopping patience"),
                                   self._patience), self._patience)
        form.addRow(self._labelled(translate("gui.widgets.regularisation_controls", "Training set size"),
                                   self._train_size), self._train_size)

    @staticmethod
    def _labelled(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setToolTip(field.toolTip())
        label.setBuddy(field)
        return label

    def values(self) -> dict:
        """The current settings, with the keys TrainingConfig uses."""
        return {"l1": self._rate_of(self._l1, self._l1_value), "l2": self._rate_of(self._l2, self._l2_value),
                "patience": self._patience.value(), "train_size": int(self._train_size.currentData())}

    def set_values(self, config: TrainingConfig) -> None:
        """Show a configuration's l1, l2, patience and train_size without emitting a change."""
        for slider, label, rate in ((self._l1, self._l1_value, config.l1), (self._l2, self._l2_value, config.l2)):
            with QSignalBlocker(slider):
                slider.setValue(rate_to_tick(rate))
            label.setProperty("rate", float(rate))     # the exact value, even between two ladder steps
            label.setText(format_rate(float(rate)))
        with QSignalBlocker(self._patience):
            self._patience.setValue(min(max(int(config.patience), 0), MAX_PATIENCE))
        with QSignalBlocker(self._train_size):
            self._train_size.setCurrentIndex(self._train_size_index(int(config.train_size)))

    def set_available(self, n_train: int | None) -> None:
        """Show how many training images 'all' means for the current dataset."""
        index = self._train_size.findData(0)
        self._train_size.setItemText(index, format_train_size(0, n_train))

    def _train_size_index(self, n: int) -> int:
        """The combo index for n, adding an item for a size that is not in the list (e.g. from a file)."""
        index = self._train_size.findData(n)
        if index < 0:
            self._train_size.insertItem(self._train_size.count() - 1, format_train_size(n), n)
            index = self._train_size.findData(n)
        return index

    @staticmethod
    def _rate_of(slider: QSlider, label: QLabel) -> float:
        exact = label.property("rate")
        return float(exact) if exact is not None else tick_to_rate(slider.value())

    @Slot(int)
    def _on_rate_moved(self, tick: int) -> None:
        label = self._l1_value if self.sender() is self._l1 else self._l2_value
        rate = tick_to_rate(tick)
        label.setProperty("rate", rate)
        label.setText(format_rate(rate))
        self.regularisation_changed.emit(self.values())

    @Slot(int)
    def _on_patience_changed(self, _value: int) -> None:
        self.regularisation_changed.emit(self.values())

    @Slot(int)
    def _on_train_size_chosen(self, _index: int) -> None:
        self.regularisation_changed.emit(self.values())
