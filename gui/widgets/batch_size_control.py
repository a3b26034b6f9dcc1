"""Batch size with its meaning in words: 1 = stochastic, N = mini-batch, all = batch gradient descent."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.i18n import QT_TRANSLATE_NOOP, translate

# the labels with words are marked for translation and translated where they are shown
QUICK_CHOICES = ((QT_TRANSLATE_NOOP("gui.widgets.batch_size_control", "1 — stochastic"), 1), ("16", 16), ("32", 32),
                 ("64", 64), ("256", 256), ("1024", 1024),
                 (QT_TRANSLATE_NOOP("gui.widgets.batch_size_control", "all — batch GD"), 0))


def describe_batch(batch_size: int, n_train: int | None) -> str:
    """The lecture's words for a batch size."""
    if batch_size == 1:
        return translate("gui.widgets.batch_size_control",
                         "Stochastic gradient descent: one sample per step (noisy, many steps).")
    if batch_size == 0 or (n_train is not None and batch_size >= n_train):
        if not n_train:
            return translate("gui.widgets.batch_size_control",
                             "Batch gradient descent: the whole training set per step (smooth, one step per epoch).")
        return translate("gui.widgets.batch_size_control",
                         "Batch gradient descent: all {count:,} samples per step (smooth, one step per epoch)."
                         ).format(count=n_train)
    return translate("gui.widgets.batch_size_control",
                     "Mini-batch gradient descent: {size} samples per step.").format(size=batch_size)


class BatchSizeControl(QWidget):
    """A quick-choice combo and an exact spin box (0 = all), with the name of the method underneath."""

    batch_size_changed = Signal(int)

    def __init__(self, batch_size: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._combo = QComboBox()
        for label, value in QUICK_CHOICES:
            self._combo.addItem(translate("gui.widgets.batch_size_control", label), value)
        self._combo.setToolTip(translate("gui.widgets.batch_size_control",
                                         "Common batch sizes: 1 = stochastic, N = mini-batch, "
                                         "all = batch gradient descent."))
        self._spin = QSpinBox()
        self._spin.setRange(0, 1_000_000)
        self._spin.setSpecialValueText(translate("gui.widgets.batch_size_control", "all"))
        self._spin.setToolTip(translate("gui.widgets.batch_size_control",
                                        "Samples per gradient step (0 = all samples = batch gradient descent)."))
        self._words = QLabel()
        self._words.setWordWrap(True)
        self._words.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self._combo, 1)
        row.addWidget(self._spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self._words)
        self._n_train: int | None = None
        self.set_batch_size(batch_size)
        self._combo.activated.connect(self._on_combo_chosen)
        self._spin.editingFinished.connect(self._on_spin_edited)

    @property
    def value(self) -> int:
        return self._spin.value()

    def set_training_size(self, n_train: int | None) -> None:
        self._n_train = n_train
        self._words.setText(describe_batch(self.value, n_train))

    def set_batch_size(self, batch_size: int) -> None:
        """Show a batch size without emitting a change."""
        with QSignalBlocker(self._spin), QSignalBlocker(self._combo):
            self._spin.setValue(batch_size)
            index = self._combo.findData(batch_size)
            self._combo.setCurrentIndex(index)
        self._words.setText(describe_batch(batch_size, self._n_train))

    @Slot(int)
    def _on_combo_chosen(self, index: int) -> None:
        self._set_and_emit(int(self._combo.itemData(index)))

    @Slot()
    def _on_spin_edited(self) -> None:
        self._set_and_emit(self._spin.value())

    def _set_and_emit(self, batch_size: int) -> None:
        self.set_batch_size(batch_size)
        self.batch_size_changed.emit(batch_size)
