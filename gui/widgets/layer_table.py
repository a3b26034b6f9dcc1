"""The hidden layers of the network as an editable table: units, activation and dropout per row."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_UNITS, LayerSpec

# names and tips are English, marked for translation (formulas alone are not): translate them where shown
ACTIVATION_NAMES = {"relu": "ReLU", "leaky_relu": "Leaky ReLU",
                    "sigmoid": QT_TRANSLATE_NOOP("gui.widgets.layer_table", "Sigmoid σ"), "tanh": "tanh",
                    "linear": QT_TRANSLATE_NOOP("gui.widgets.layer_table", "none (linear)")}
ACTIVATION_TIPS = {"relu": "ReLU(z) = max(0, z)",
                   "leaky_relu": QT_TRANSLATE_NOOP("gui.widgets.layer_table", "LeakyReLU(z) = z if z > 0 else 0.01·z"),
                   "sigmoid": "σ(z) = 1 / (1 + e^(−z))", "tanh": "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
                   "linear": QT_TRANSLATE_NOOP("gui.widgets.layer_table",
                                               "h = z (no activation: stacked linear layers stay one linear map)")}
NEW_LAYER_UNITS = 16
COLUMNS = (QT_TRANSLATE_NOOP("gui.widgets.layer_table", "Layer"),
           QT_TRANSLATE_NOOP("gui.widgets.layer_table", "Neurons"),
           QT_TRANSLATE_NOOP("gui.widgets.layer_table", "Activation"),
           QT_TRANSLATE_NOOP("gui.widgets.layer_table", "Dropout"))


def activation_name(activation: str) -> str:
    """'ReLU', 'Sigmoid σ'... in the current language (the key itself for an unknown activation)."""
    return translate("gui.widgets.layer_table", ACTIVATION_NAMES.get(activation, activation))


def activation_tip(activation: str) -> str:
    """The activation's formula, e.g. 'ReLU(z) = max(0, z)', in the current language."""
    return translate("gui.widgets.layer_table", ACTIVATION_TIPS.get(activation, activation))


class LayerTable(QWidget):
    """Rows are hidden layers (first row = first hidden layer); add, remove and reorder them."""

    layers_changed = Signal(object)  # tuple[LayerSpec, ...], only for edits the user made

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = self._build_table()
        buttons = QHBoxLayout()
        self.add_button = self._button(
            translate("gui.widgets.layer_table", "Add layer"),
            translate("gui.widgets.layer_table", "Insert a hidden layer below the selected one (Ctrl+Shift+A)"),
            self._on_add_clicked, "Ctrl+Shift+A")
        self.remove_button = self._button(
            translate("gui.widgets.layer_table", "Remove"),
            translate("gui.widgets.layer_table", "Delete the selected hidden layer (Ctrl+Shift+D)"),
            self._on_remove_clicked, "Ctrl+Shift+D")
        self.up_button = self._button(
            translate("gui.widgets.layer_table", "Move up"),
            translate("gui.widgets.layer_table", "Move the selected layer towards the input (Alt+Up)"),
            self._on_up_clicked, "Alt+Up")
        self.down_button = self._button(
            translate("gui.widgets.layer_table", "Move down"),
            translate("gui.widgets.layer_table", "Move the selected layer towards the output (Alt+Down)"),
            self._on_down_clicked, "Alt+Down")
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table)
        layout.addLayout(buttons)
        self._table.currentCellChanged.connect(self._on_current_changed)
        self._update_buttons()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS), self)
        table.setHorizontalHeaderLabels([translate("gui.widgets.layer_table", title) for title in COLUMNS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.setToolTip(translate("gui.widgets.layer_table",
                                   "The hidden layers, from the input (top) to the output (bottom). "
                                   "Each computes h = activation(W·x + b)."))
        return table

    def _button(self, text: str, tip: str, slot, shortcut: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        key = QShortcut(QKeySequence(shortcut), self)
        key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        key.activated.connect(button.click)
        return button

    # ---- reading and writing ------------------------------------------------------------------

    @property
    def table(self) -> QTableWidget:
        """The table itself (rows = hidden layers)."""
        return self._table

    def layers(self) -> tuple[LayerSpec, ...]:
        """The hidden layers as the widgets show them now."""
        return tuple(self._row_layer(row) for row in range(self._table.rowCount()))

    def set_layers(self, layers: tuple[LayerSpec, ...] | list[LayerSpec], current: int | None = None) -> None:
        """Show `layers` without emitting `layers_changed`; keep (or set) the selected row."""
        keep = self._table.currentRow() if current is None else current
        with QSignalBlocker(self._table):
            self._table.setRowCount(len(layers))
            for row, layer in enumerate(layers):
                self._fill_row(row, layer)
            if layers:
                self._table.setCurrentCell(min(max(keep, 0), len(layers) - 1), 0)
        self._update_buttons()

    def select_layer(self, row: int) -> None:
        """Select hidden layer `row` (0-based), as a click on its row would."""
        self._table.setCurrentCell(row, 0)

    def spin_box(self, row: int) -> QSpinBox:
        """The neurons spin box of `row` (for tests and keyboard focus)."""
        return self._table.cellWidget(row, 1)

    def activation_combo(self, row: int) -> QComboBox:
        """The activation chooser of `row`."""
        return self._table.cellWidget(row, 2)

    def dropout_spin(self, row: int) -> QDoubleSpinBox:
        """The dropout spin box of `row`."""
        return self._table.cellWidget(row, 3)

    def _row_layer(self, row: int) -> LayerSpec:
        units = self.spin_box(row).value()
        activation = self.activation_combo(row).currentData()
        dropout = round(self.dropout_spin(row).value(), 2)
        return LayerSpec(units, activation, dropout)

    def _fill_row(self, row: int, layer: LayerSpec) -> None:
        """Write `layer` into row `row`, reusing its widgets (an editing spin box must survive)."""
        if self._table.cellWidget(row, 1) is None:
            name = QTableWidgetItem(f"h{row + 1}")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setToolTip(translate("gui.widgets.layer_table", "Hidden layer {number}: click to select it").format(
                number=row + 1))
            self._table.setItem(row, 0, name)
            self._table.setCellWidget(row, 1, self._units_spin())
            self._table.setCellWidget(row, 2, self._activation_combo())
            self._table.setCellWidget(row, 3, self._dropout_spin())
        spin, combo, dropout = self.spin_box(row), self.activation_combo(row), self.dropout_spin(row)
        with QSignalBlocker(spin), QSignalBlocker(combo), QSignalBlocker(dropout):
            spin.setValue(layer.units)
            combo.setCurrentIndex(max(combo.findData(layer.activation), 0))
            dropout.setValue(layer.dropout)

    def _units_spin(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, MAX_UNITS)
        spin.setKeyboardTracking(False)  # one change per typed number, not one per digit
        tip = translate("gui.widgets.layer_table", "Neurons in this layer (1–{most}); W has one row per neuron")
        spin.setToolTip(tip.format(most=MAX_UNITS))
        spin.valueChanged.connect(self._on_cell_edited)
        return spin

    def _activation_combo(self) -> QComboBox:
        combo = QComboBox()
        for i, name in enumerate(ACTIVATIONS):
            combo.addItem(activation_name(name), name)
            combo.setItemData(i, activation_tip(name), Qt.ItemDataRole.ToolTipRole)
        heading = translate("gui.widgets.layer_table", "Activation applied to each neuron: h = f(z)")
        combo.setToolTip("\n".join([heading, *(activation_tip(name) for name in ACTIVATIONS)]))
        combo.currentIndexChanged.connect(self._on_cell_edited)
        return combo

    def _dropout_spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 0.9)
        spin.setSingleStep(0.05)
        spin.setDecimals(2)
        spin.setKeyboardTracking(False)
        spin.setToolTip(translate("gui.widgets.layer_table",
                                  "Dropout (0–0.9): during training each neuron of this layer is switched off "
                                  "with this probability (the others are scaled by 1/(1−p)); off when predicting"))
        spin.valueChanged.connect(self._on_cell_edited)
        return spin

    def _update_buttons(self) -> None:
        rows, row = self._table.rowCount(), self._table.currentRow()
        self.add_button.setEnabled(rows < MAX_HIDDEN_LAYERS)
        self.remove_button.setEnabled(rows > 0 and row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < rows - 1)

    def _edit(self, layers: list[LayerSpec], current: int) -> None:
        """Show an edited list of layers and report it as the user's change."""
        self.set_layers(layers, current)
        self.layers_changed.emit(tuple(layers))

    # ---- user events --------------------------------------------------------------------------

    @Slot()
    def _on_cell_edited(self) -> None:
        sender = self.sender()
        for row in range(self._table.rowCount()):
            if sender in (self.spin_box(row), self.activation_combo(row), self.dropout_spin(row)):
                self._table.setCurrentCell(row, 0)
        self.layers_changed.emit(self.layers())

    @Slot(int, int, int, int)
    def _on_current_changed(self, row: int, _column: int, _old_row: int, _old_column: int) -> None:
        self._update_buttons()

    @Slot()
    def _on_add_clicked(self) -> None:
        layers, row = list(self.layers()), self._table.currentRow()
        at = row + 1 if row >= 0 else len(layers)
        template = layers[row] if row >= 0 else LayerSpec(NEW_LAYER_UNITS)
        layers.insert(at, template)
        self._edit(layers, at)

    @Slot()
    def _on_remove_clicked(self) -> None:
        layers, row = list(self.layers()), self._table.currentRow()
        if 0 <= row < len(layers):
            del layers[row]
            self._edit(layers, min(row, len(layers) - 1))

    @Slot()
    def _on_up_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def _on_down_clicked(self) -> None:
        self._move(+1)

    def _move(self, delta: int) -> None:
        layers, row = list(self.layers()), self._table.currentRow()
        target = row + delta
        if 0 <= row < len(layers) and 0 <= target < len(layers):
            layers[row], layers[target] = layers[target], layers[row]
            self._edit(layers, target)
