"""The "Inside" tab: one example through the network with real numbers.

Four sub-tabs: the forward pass of one layer as matrices (W · x + b = z → activation(z) = h),
softmax and the losses, backpropagation step by step on the lecture's tiny networks, and the
whole-network check of the app's manual (numpy) backward pass against torch.autograd.
All maths lives in `core.walkthrough`; the torch side (`core.autograd_check`) is imported only
when a comparison is first shown, so this panel never loads torch at window start-up; if torch is
not in memory by then, it is imported in a background thread while the numpy side shows at once.
Only the visible sub-tab is recomputed, at most once per event-loop turn and rarer when a refresh
is slow (huge networks), so live weights (≤ 5 Hz) never make the GUI lag.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFrame,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QSizePolicy, QSlider, QSpinBox, QSplitter, QStackedWidget, QTableView,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from core import walkthrough as wt
from core.errors import FormulaError, StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import ACTIVATION_LABELS, NetworkSpec
from core.reports import LOSS_LABELS, WeightsReport
from gui import dialogs
from gui.app_state import AppState
from gui.training_controller import BackgroundRunner

COLORMAP_NAME = "CET-D1"
FORWARD, SOFTMAX, BACKPROP, CHECK = range(4)
TAB_TITLES = (QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Forward pass"),
              QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Softmax && loss"),
              QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Backprop step by step"),
              QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Whole-network check"))
AGREE_TOLERANCE = 1e-6
REFRESH_DUTY = 0.25     # at most this share of the GUI thread recomputes the visible sub-tab (huge networks)
PHASE_COLOURS = {"forward": "#dbeafe", "backward": "#fde2c8", "update": "#d9f2d9"}
PHASE_NAMES = {"forward": QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Forward pass"),
               "backward": QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Backward pass"),
               "update": QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Update")}
PHASE_SHORT = {"forward": QT_TRANSLATE_NOOP("gui.panels.inside_panel", "forward"),     # the table's "pass" column
               "backward": QT_TRANSLATE_NOOP("gui.panels.inside_panel", "backward"),
               "update": QT_TRANSLATE_NOOP("gui.panels.inside_panel", "update")}
ZOOM_LEVELS = (12, 18, 26, 40, 52, 64, 80)      # cell width in px; numbers appear from 40 px
NUMBERS_FROM = 40
DEFAULT_ZOOM = 5
HEADER_HEIGHT = 40
HOVER_HINT = QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Hover over a weight to see which input it multiplies "
                                                           "(its input and its output light up).")
UNTRAINED_NOTE = QT_TRANSLATE_NOOP("gui.panels.inside_panel", "untrained (random) weights, seed 0 — train the "
                                                               "network to see learned ones")
REGRESSION_EXAMPLE = ("2.5, 0.0, 2.1, 7.8", "3.0, −0.5, 2.0, 7.0")


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _cell_text(value: float, decimals: int = 3) -> str:
    """A table cell of at most 6 characters: fewer decimals for larger numbers, a real minus sign."""
    size = abs(value)
    if size == 0:
        return "0"
    if size >= 1000 or size < 0.5 * 10 ** -decimals:
        text = f"{value:.0e}"
    else:
        text = f"{value:.{max(0, decimals - (2 if size >= 100 else 1 if size >= 10 else 0))}f}"
    return text.replace("-", "−")


_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole.value), int(Qt.ItemDataRole.ToolTipRole.value)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole.value), int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT, _CENTER = int(Qt.ItemDataRole.TextAlignmentRole.value), int(Qt.AlignmentFlag.AlignCenter.value)


def _colour_table() -> list[QColor]:
    """256 colours of the diverging map (blue < 0 < red)."""
    lut = pg.colormap.get(COLORMAP_NAME).getLookupTable(nPts=256)
    return [QColor(int(r), int(g), int(b)) for r, g, b in lut[:, :3]]


# ---------------------------------------------------------------- matrix tables

class MatrixModel(QAbstractTableModel):
    """A numpy matrix as table cells: the number, a diverging colour (blue < 0 < red) and a tooltip."""

    _brushes: list[QBrush] = []
    _text_brushes: list[QBrush] = []

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not MatrixModel._brushes:
            MatrixModel._brushes = [QBrush(colour) for colour in _colour_table()]
            white, black = QBrush(QColor("white")), QBrush(QColor("black"))
            MatrixModel._text_brushes = [white if abs(level - 127.5) > 95 else black for level in range(256)]
        self.values = np.zeros((0, 0))
        self._rows: list[str] = []
        self._cols: list[str] = []
        self._levels = np.zeros((0, 0), np.uint8)
        self._tooltip: Callable[[int, int], str] | None = None
        self.show_numbers = True
        self.decimals = 3
        self.label_every = 1

    def set_values(self, values: np.ndarray, rows: Sequence[str], cols: Sequence[str],
                   tooltip: Callable[[int, int], str] | None = None) -> None:
        """Show a matrix ((n,) vectors become one column); the colour scale is ±max|value|."""
        values = np.asarray(values, dtype=np.float64)
        values = values.reshape(-1, 1) if values.ndim == 1 else values
        reset = values.shape != self.values.shape
        relabel = list(rows) != self._rows or list(cols) != self._cols
        if reset:
            self.beginResetModel()
        self.values, self._rows, self._cols, self._tooltip = values, list(rows), list(cols), tooltip
        finite = np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)   # colours never see NaN/inf
        limit = float(np.abs(finite).max()) if values.size else 1.0
        limit = limit if limit > 0 else 1.0   # symmetric: 0 is the middle colour
        scaled = np.nan_to_num(values / limit, nan=0.0, posinf=1.0, neginf=-1.0)
        self._levels = np.clip((scaled + 1.0) * 127.5, 0, 255).astype(np.uint8)
        if reset:
            self.endResetModel()
        elif values.size:
            self.dataChanged.emit(self.index(0, 0), self.index(values.shape[0] - 1, values.shape[1] - 1))
            if relabel:   # only then: a header asks for every label again (784 of them)
                self.relabel()

    def relabel(self) -> None:
        """Tell the headers that their labels changed."""
        rows, cols = self.rowCount(), self.columnCount()
        if rows and cols:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, cols - 1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.values.shape[0]

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.values.shape[1]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        role = int(role)   # plain ints: this runs for every visible cell and role at each repaint
        row, col = index.row(), index.column()
        if role == _DISPLAY:
            return _cell_text(float(self.values[row, col]), self.decimals) if self.show_numbers else None
        if role == _BACKGROUND:
            return self._brushes[self._levels[row, col]]
        if role == _FOREGROUND:
            return self._text_brushes[self._levels[row, col]]
        if role == _TOOLTIP and self._tooltip is not None:
            return self._tooltip(row, col)
        if role == _ALIGNMENT:
            return _CENTER
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self._cols if orientation == Qt.Orientation.Horizontal else self._rows
        label = labels[section] if section < len(labels) else str(section)
        if self.label_every > 1:   # zoomed out: a short label now and then, or they would overlap
            return label.split("\n")[0] if section % self.label_every == 0 or section == len(labels) - 1 else ""
        return label


class MatrixView(QTableView):
    """A zoomable table of one matrix or vector; reports the cell under the mouse."""

    hovered = Signal(int, int)        # row, column under the mouse
    zoom_requested = Signal(int)      # +1 / −1 from Ctrl + mouse wheel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = MatrixModel(self)
        self.setModel(self.matrix)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(6)
            header.setHighlightSections(True)
        self.horizontalHeader().setFixedHeight(HEADER_HEIGHT)   # the same in every table, so rows line up
        self.setStyleSheet("QTableView { selection-background-color: #ffd43b; selection-color: black; }")
        self.entered.connect(self._on_entered)

    def set_zoom(self, cell_width: int) -> None:
        """Cell size and font for a zoom level; below NUMBERS_FROM px only colours are drawn."""
        self.matrix.show_numbers = cell_width >= NUMBERS_FROM
        self.matrix.decimals = 3 if cell_width >= 64 else 2
        self.setFont(_font(10 if cell_width >= 64 else 9 if cell_width >= 52 else 8))
        self.horizontalHeader().setDefaultSectionSize(cell_width)
        self.verticalHeader().setDefaultSectionSize(max(12, min(26, cell_width // 2 + 2)))
        self.matrix.relabel()   # labels depend on the zoom
        self.viewport().update()

    def content_width(self) -> int:
        """The width that shows every column without scrolling."""
        header = self.verticalHeader()
        side = header.sizeHint().width() if header.isVisible() else 0
        return self.horizontalHeader().length() + side + 2 * self.frameWidth() + \
            self.verticalScrollBar().sizeHint().width()

    def highlight(self, row: int, column: int = 0) -> None:
        """Select one cell and scroll to it (the partner of a hovered weight)."""
        if 0 <= row < self.matrix.rowCount() and 0 <= column < self.matrix.columnCount():
            index = self.matrix.index(row, column)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    @Slot(QModelIndex)
    def _on_entered(self, index: QModelIndex) -> None:
        self.hovered.emit(index.row(), index.column())


def _matrix_box(title: str, view: MatrixView) -> tuple[QWidget, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    caption = QLabel(title)
    caption.setFont(_font(12, bold=True))
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(caption)
    layout.addWidget(view)
    return box, caption


def _operator(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(_font(20, bold=True))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


# ---------------------------------------------------------------- 1: forward pass of one layer

class ForwardView(QWidget):
    """W · x + b = z → activation(z) = h for one layer, as coloured tables of real numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._walks: tuple[wt.LayerWalk, ...] = ()
        self._shape: tuple[int, ...] | None = None
        self._label_cache: tuple = (None, [], [])
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(translate("gui.panels.inside_panel", "Which layer to look inside: its weights W, "
                                                                         "input, bias b, z and h."))
        self.trick_check = QCheckBox(translate("gui.panels.inside_panel", "Bias trick"))
        self.trick_check.setToolTip(translate("gui.panels.inside_panel", "Fold the bias into the weights: [W | b] · "
                                                                         "[x; 1] = W · x + b (shortcut B)."))
        self.zoom_slider = QSlider(Qt.Orientation.Horizontal)
        self.zoom_slider.setRange(0, len(ZOOM_LEVELS) - 1)
        self.zoom_slider.setValue(DEFAULT_ZOOM)
        self.zoom_slider.setToolTip(translate("gui.panels.inside_panel", "Cell size of the tables; small cells show "
                                                                         "only colours (Ctrl + mouse wheel, "
                                                                         "Ctrl++ / Ctrl+−)."))
        self.formula_label = QLabel()
        self.formula_label.setFont(_font(17, bold=True))
        self.detail_label = QLabel(translate("gui.panels.inside_panel", HOVER_HINT))
        self.detail_label.setFont(_font(13))
        self.detail_label.setWordWrap(True)
        self.views = {name: MatrixView() for name in ("W", "x", "b", "z", "h")}
        self._build()
        self._connect()
        self._on_zoom(self.zoom_slider.value())

    def _build(self) -> None:
        controls = QHBoxLayout()
        for widget in (QLabel(translate("gui.panels.inside_panel", "Layer")), self.layer_combo, self.trick_check,
                       QLabel(translate("gui.panels.inside_panel", "Zoom")), self.zoom_slider):
            controls.addWidget(widget)
        controls.addStretch(1)
        row = QHBoxLayout()
        self.captions: dict[str, QLabel] = {}
        self.boxes: dict[str, QWidget] = {}
        self.operators = {"·": _operator("·"), "+": _operator("+"), "=": _operator("="), "→": _operator("→")}
        row.addStretch(0)
        for part in ("W", "·", "x", "+", "b", "=", "z", "→", "h"):
            if part in self.views:
                self.boxes[part], self.captions[part] = _matrix_box(part, self.views[part])
                row.addWidget(self.boxes[part], 6 if part == "W" else 1)
            else:
                row.addWidget(self.operators[part])
        row.addStretch(0)
        for name in ("x", "b", "z", "h"):
            self.views[name].horizontalHeader().setStretchLastSection(True)
            self.views[name].setMinimumWidth(175 if name == "x" else 96)
            self.boxes[name].setMaximumWidth(240 if name == "x" else 170)
        for name in ("b", "z", "h"):
            self.views[name].verticalHeader().setVisible(False)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.formula_label)
        layout.addLayout(row, 1)
        layout.addWidget(self.detail_label)

    def _connect(self) -> None:
        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        self.trick_check.toggled.connect(self._on_trick_toggled)
        self.zoom_slider.valueChanged.connect(self._on_zoom)
        self.views["W"].hovered.connect(self._on_weight_hovered)
        for name in ("x", "b", "z", "h"):
            self.views[name].hovered.connect(getattr(self, f"_on_{name}_hovered"))
        for view in self.views.values():
            view.zoom_requested.connect(self._on_zoom_step)
        shortcuts = (("Ctrl++", self._on_zoom_in), ("Ctrl+=", self._on_zoom_in), ("Ctrl+-", self._on_zoom_out),
                     ("B", self.trick_check.toggle))
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated \
                .connect(slot)

    @property
    def layer(self) -> int:
        """The chosen layer, 0-based."""
        return max(0, self.layer_combo.currentIndex())

    @property
    def walk(self) -> wt.LayerWalk | None:
        """The layer on screen, or None before the first refresh."""
        return self._walks[self.layer] if self.layer < len(self._walks) else None

    def show_walks(self, walks: Sequence[wt.LayerWalk], input_shape: Sequence[int] | None) -> None:
        """Show the chosen layer of a new forward pass (all layers given, one shown)."""
        self._walks, self._shape = tuple(walks), tuple(input_shape) if input_shape else None
        items = [_layer_title(w, len(walks)) for w in walks]
        if items != [self.layer_combo.itemText(i) for i in range(self.layer_combo.count())]:
            with QSignalBlocker(self.layer_combo):
                current = self.layer_combo.currentIndex()
                self.layer_combo.clear()
                self.layer_combo.addItems(items)
                self.layer_combo.setCurrentIndex(min(max(current, 0), len(items) - 1))
        self._render()

    def _render(self) -> None:
        walk = self.walk
        if walk is None:
            return
        k, trick = walk.index + 1, self.trick_check.isChecked()
        src = wt.source_name(walk.index)
        act = ACTIVATION_LABELS.get(walk.activation) or translate("gui.panels.inside_panel", "identity")
        self.formula_label.setText(_forward_formula(walk, trick))
        folded = wt.bias_trick(walk.weight, walk.bias, walk.x) if trick else None
        weight, x, z = (folded.weight, folded.x, folded.z) if folded else (walk.weight, walk.x, walk.z)
        n_out, n_in = walk.weight.shape
        cols, inputs = self._labels(n_in, trick)
        rows = [str(i) for i in range(n_out)]
        for view in self.views.values():
            view.matrix.label_every = self._label_every()
        self.views["W"].matrix.set_values(weight, rows, cols, self._weight_tip)
        self.views["x"].matrix.set_values(x, inputs, [src], self._x_tip)
        self.views["b"].matrix.set_values(walk.bias, rows, [f"b{k}"], self._b_tip)
        self.views["z"].matrix.set_values(z, rows, [f"z{k}"], self._z_tip)
        self.views["h"].matrix.set_values(walk.h, rows, [f"h{k}"], self._h_tip)
        self._set_captions(walk, trick, act)
        self._fit_weight_box()

    def _fit_weight_box(self) -> None:
        """Small matrices get just their width; wide ones take the room there is and scroll."""
        fitted = self.views["W"].content_width()
        self.boxes["W"].setMaximumWidth(max(fitted, self.captions["W"].sizeHint().width()))

    def _set_captions(self, walk: wt.LayerWalk, trick: bool, act: str) -> None:
        k, (n_out, n_in) = walk.index + 1, walk.weight.shape
        src = wt.source_name(walk.index)
        self.captions["W"].setText(f"[W{k} | b{k}]   {n_out} × {n_in + 1}" if trick else f"W{k}   {n_out} × {n_in}")
        self.captions["x"].setText(f"[{src}; 1]" if trick else src)
        self.captions["b"].setText(f"b{k}")
        self.captions["z"].setText(f"z{k}")
        self.captions["h"].setText(f"h{k} = {act}(z{k})")
        for widget in (self.captions["b"].parentWidget(), self.operators["+"]):
            widget.setVisible(not trick)

    def _labels(self, n_in: int, trick: bool) -> tuple[list[str], list[str]]:
        """Column labels of W and row labels of x, cached: live weights would rebuild 1,568 strings 5×/s."""
        key = (self.layer, n_in, self._shape, trick)
        if self._label_cache[0] != key:
            cols = [self._input_label(j, "\n") for j in range(n_in)] + (["b"] if trick else [])
            inputs = [self._input_label(j, " ") for j in range(n_in)] + (["1 (× b)"] if trick else [])
            self._label_cache = (key, cols, inputs)
        return self._label_cache[1], self._label_cache[2]

    def _input_label(self, j: int, gap: str) -> str:
        position = wt.input_position(j, self._shape) if self.layer == 0 else None
        return f"{j}{gap}({position[0]},{position[1]})" if position is not None and len(position) == 2 else str(j)

    def shown_z(self) -> np.ndarray:
        """The z column on screen (with or without the bias trick)."""
        return self.views["z"].matrix.values[:, 0].copy()

    def _weight_tip(self, row: int, col: int) -> str:
        walk = self.walk
        if col >= walk.weight.shape[1]:
            return translate("gui.panels.inside_panel", "b{k}[{row}] = {bias} multiplies the appended 1").format(
                k=walk.index + 1, row=row, bias=wt.num(walk.bias[row]))
        return wt.weight_explanation(walk.index, row, col, walk.weight[row, col], walk.x[col],
                                     self._shape if walk.index == 0 else None)

    def _x_tip(self, row: int, col: int) -> str:
        walk = self.walk
        if row >= walk.x.shape[0]:
            return translate("gui.panels.inside_panel", "the 1 appended to x, so that the last column of [W | b] adds "
                                                        "the bias")
        return wt.input_explanation(walk.index, row, walk.x[row], self._shape if walk.index == 0 else None)

    def _b_tip(self, row: int, col: int) -> str:
        return f"b{self.walk.index + 1}[{row}] = {wt.num(self.walk.bias[row])}"

    def _z_tip(self, row: int, col: int) -> str:
        return wt.z_explanation(self.walk, row)

    def _h_tip(self, row: int, col: int) -> str:
        return wt.h_explanation(self.walk, row)

    @Slot(int)
    def _on_layer_chosen(self, index: int) -> None:
        self.detail_label.setText(translate("gui.panels.inside_panel", HOVER_HINT))
        self._render()

    @Slot(bool)
    def _on_trick_toggled(self, checked: bool) -> None:
        self._render()

    def _label_every(self) -> int:
        """1 when numbers show; zoomed out, label one image row (28) or every 10th input only."""
        if ZOOM_LEVELS[self.zoom_slider.value()] >= NUMBERS_FROM:
            return 1
        return self._shape[1] if self._shape is not None and len(self._shape) == 2 and self.layer == 0 else 10

    @Slot(int)
    def _on_zoom(self, level: int) -> None:
        for view in self.views.values():
            view.matrix.label_every = self._label_every()
            view.set_zoom(ZOOM_LEVELS[level])
        self._fit_weight_box()

    @Slot(int)
    def _on_zoom_step(self, step: int) -> None:
        self.zoom_slider.setValue(self.zoom_slider.value() + step)

    @Slot()
    def _on_zoom_in(self) -> None:
        self._on_zoom_step(1)

    @Slot()
    def _on_zoom_out(self) -> None:
        self._on_zoom_step(-1)

    @Slot(int, int)
    def _on_weight_hovered(self, row: int, col: int) -> None:
        self.detail_label.setText(self._weight_tip(row, col))
        self.views["x"].highlight(col)
        for name in ("b", "z", "h"):
            self.views[name].highlight(row)

    @Slot(int, int)
    def _on_x_hovered(self, row: int, col: int) -> None:
        self.detail_label.setText(self._x_tip(row, col))

    @Slot(int, int)
    def _on_b_hovered(self, row: int, col: int) -> None:
        self.detail_label.setText(self._b_tip(row, col))

    @Slot(int, int)
    def _on_z_hovered(self, row: int, col: int) -> None:
        self.detail_label.setText(self._z_tip(row, col))

    @Slot(int, int)
    def _on_h_hovered(self, row: int, col: int) -> None:
        self.detail_label.setText(self._h_tip(row, col))


def _layer_title(walk: wt.LayerWalk, n_layers: int) -> str:
    k, (n_out, n_in) = walk.index + 1, walk.weight.shape
    role = translate("gui.panels.inside_panel", "output layer") if k == n_layers else \
        translate("gui.panels.inside_panel", "hidden layer")
    act = ACTIVATION_LABELS.get(walk.activation) or translate("gui.panels.inside_panel", "no activation")
    return translate("gui.panels.inside_panel", "Layer {k} ({role}, {activation}): W{k} is {rows} × {cols}").format(
        k=k, role=role, activation=act, rows=n_out, cols=n_in)


def _forward_formula(walk: wt.LayerWalk, trick: bool) -> str:
    k, src = walk.index + 1, wt.source_name(walk.index)
    act = ACTIVATION_LABELS.get(walk.activation) or translate("gui.panels.inside_panel", "identity")
    product = f"[W{k} | b{k}] · [{src}; 1]" if trick else f"W{k} · {src} + b{k}"
    return f"{product} = z{k}    →    {act}(z{k}) = h{k}"


# ---------------------------------------------------------------- 2: softmax and the losses

class SoftmaxView(QWidget):
    """Raw scores → exp → divide by the sum → probabilities, the cross-entropy loss, and MSE/RMSE/MAE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._network_scores: np.ndarray | None = None
        self._network_label: int | None = None
        self._network_output: tuple[np.ndarray, np.ndarray] | None = None
        self.class_names: tuple[str, ...] = ()
        self.walk: wt.SoftmaxWalk | None = None
        self._make_controls()
        self._make_results()
        self._build()
        self._connect()
        self._on_temperature_label()
        self.show_scores(np.array(wt.LECTURE_SCORES), wt.LECTURE_LABEL)
        self._on_regression_edited()

    def _make_controls(self) -> None:
        self.scores_edit = QLineEdit()
        self.scores_edit.setFont(_font(13))
        self.scores_edit.setToolTip(translate("gui.panels.inside_panel", "Raw scores (logits) s of each class, "
                                                                         "separated by commas; press Enter."))
        self.example_button = QPushButton(translate("gui.panels.inside_panel", "Lecture example"))
        self.example_button.setToolTip(translate("gui.panels.inside_panel", "The lecture's scores −6.8, 2.6, 5.9, "
                                                                            "6.7, … (class 3 gets 0.66)."))
        self.network_button = QPushButton(translate("gui.panels.inside_panel", "Network output"))
        self.network_button.setCheckable(True)
        self.network_button.setToolTip(translate("gui.panels.inside_panel", "Follow the scores the current network "
                                                                            "gives the chosen input (live)."))
        self.temperature_slider = QSlider(Qt.Orientation.Horizontal)
        self.temperature_slider.setRange(-100, 100)        # T = 10^(tick / 100): 0.1 … 10
        self.temperature_slider.setToolTip(translate("gui.panels.inside_panel",
                                                     "Temperature T in p_i = exp(s_i / T) / Σ_j exp(s_j / T): "
                                                     "T < 1 sharpens, T > 1 flattens the probabilities."))
        self.temperature_label = QLabel("T = 1")
        self.temperature_label.setMinimumWidth(70)
        self.label_spin = QSpinBox()
        self.label_spin.setToolTip(translate("gui.panels.inside_panel", "The correct class y; the loss is "
                                                                        "L = −log p_y."))

    def _make_results(self) -> None:
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([translate("gui.panels.inside_panel", "class"),
                                              translate("gui.panels.inside_panel", "score s"),
                                              "s / T", "exp(s / T)", "p = exp / Σ", "−log p"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFont(_font(12))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(translate("gui.panels.inside_panel", "Each step of softmax for every class; the last "
                                                                   "row sums the column."))
        self.plot = pg.PlotWidget()
        self.plot.setYRange(0, 1, padding=0.02)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setLabel("left", translate("gui.panels.inside_panel", "probability p"))
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.bars = pg.BarGraphItem(x=[0], height=[0], width=0.7, brush="#9ca3af")
        self.plot.addItem(self.bars)
        self.loss_label = QLabel()
        self.loss_label.setFont(_font(16, bold=True))
        self.loss_label.setWordWrap(True)
        self.pred_edit, self.target_edit = QLineEdit(REGRESSION_EXAMPLE[0]), QLineEdit(REGRESSION_EXAMPLE[1])
        self.pred_edit.setToolTip(translate("gui.panels.inside_panel", "Predictions ŷ of a regression network, "
                                                                       "separated by commas."))
        self.target_edit.setToolTip(translate("gui.panels.inside_panel", "Targets y (one number for all, or one per "
                                                                         "prediction)."))
        self.regression_button = QPushButton(translate("gui.panels.inside_panel", "Network output"))
        self.regression_button.setToolTip(translate("gui.panels.inside_panel", "Use the current network's output and "
                                                                               "the target of the chosen input."))
        self.regression_label = QLabel()
        self.regression_label.setFont(_font(13))
        self.regression_label.setTextFormat(Qt.TextFormat.RichText)

    def _build(self) -> None:
        top = QHBoxLayout()
        for widget in (QLabel(translate("gui.panels.inside_panel", "Scores s:")), self.scores_edit,
                       self.example_button, self.network_button):
            top.addWidget(widget)
        knobs = QHBoxLayout()
        for widget in (QLabel(translate("gui.panels.inside_panel", "Temperature")), self.temperature_slider,
                       self.temperature_label, QLabel(translate("gui.panels.inside_panel", "   Correct class y")),
                       self.label_spin):
            knobs.addWidget(widget)
        knobs.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plot)
        splitter.setSizes([620, 420])
        regression = QGroupBox(translate("gui.panels.inside_panel", "Regression outputs: MSE, RMSE and MAE"))
        form = QGridLayout(regression)
        form.addWidget(QLabel(translate("gui.panels.inside_panel", "Predictions ŷ")), 0, 0)
        form.addWidget(self.pred_edit, 0, 1)
        form.addWidget(QLabel(translate("gui.panels.inside_panel", "Targets y")), 0, 2)
        form.addWidget(self.target_edit, 0, 3)
        form.addWidget(self.regression_button, 0, 4)
        form.addWidget(self.regression_label, 1, 0, 1, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(knobs)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.loss_label)
        layout.addWidget(regression)

    def _connect(self) -> None:
        self.scores_edit.textEdited.connect(self._on_scores_edited)
        self.scores_edit.editingFinished.connect(self._on_scores_finished)
        self.example_button.clicked.connect(self._on_example_clicked)
        self.network_button.toggled.connect(self._on_network_toggled)
        self.temperature_slider.valueChanged.connect(self._on_temperature_moved)
        self.label_spin.valueChanged.connect(self._on_label_changed)
        for edit in (self.pred_edit, self.target_edit):
            edit.textEdited.connect(self._on_regression_edited)
            edit.editingFinished.connect(self._on_regression_finished)
        self.regression_button.clicked.connect(self._on_regression_network)

    @property
    def temperature(self) -> float:
        """T from the slider: 10^(tick / 100), from 0.1 to 10."""
        return float(10 ** (self.temperature_slider.value() / 100))

    def set_network_output(self, scores: np.ndarray | None, label: int | None,
                           regression: tuple[np.ndarray, np.ndarray] | None, class_names: Sequence[str]) -> None:
        """Remember the network's scores for the chosen input; follow them if 'Network output' is on."""
        self._network_scores, self._network_label, self._network_output = scores, label, regression
        self.class_names = tuple(class_names)
        self.network_button.setEnabled(scores is not None)
        self.regression_button.setEnabled(regression is not None)
        if scores is None and self.network_button.isChecked():
            with QSignalBlocker(self.network_button):
                self.network_button.setChecked(False)
        if self.network_button.isChecked():
            self.show_scores(scores, label)

    def show_scores(self, scores: np.ndarray, label: int | None = None) -> None:
        """Put scores in the text box (no echo) and recompute every step."""
        with QSignalBlocker(self.scores_edit):
            self.scores_edit.setText(", ".join(wt.num(s) for s in scores))
        self._use_scores(scores, label)

    def _use_scores(self, scores: np.ndarray, label: int | None) -> None:
        with QSignalBlocker(self.label_spin):
            self.label_spin.setRange(0, len(scores) - 1)
            if label is not None:
                self.label_spin.setValue(int(label))
        self._recompute(np.asarray(scores, dtype=np.float64))

    def _recompute(self, scores: np.ndarray) -> None:
        label = min(self.label_spin.value(), len(scores) - 1)
        self.walk = wt.softmax_walk(scores, self.temperature, label)
        self._fill_table(self.walk)
        self._draw_bars(self.walk)
        p = self.walk.probabilities[label]
        self.loss_label.setText(translate("gui.panels.inside_panel", "Cross-entropy loss L = −log p({label}) = "
                                                                     "−log {p} = {loss}        (predicted: "
                                                                     "{predicted})")
                                .format(label=self._class_name(label), p=wt.num(p, 3), loss=wt.num(self.walk.loss, 3),
                                        predicted=self._class_name(int(np.argmax(self.walk.probabilities)))))

    def _class_name(self, i: int) -> str:
        names = self.class_names
        if len(names) != len(self.walk.scores) or names[i] == str(i):
            return translate("gui.panels.inside_panel", "class {index}").format(index=i)
        return translate("gui.panels.inside_panel", "class {index} '{name}'").format(index=i, name=names[i])

    def _fill_table(self, walk: wt.SoftmaxWalk) -> None:
        n = walk.scores.size
        self.table.setRowCount(n + 1)
        shift = translate("gui.panels.inside_panel", " (shifted by {shift})").format(shift=wt.num(walk.shift)) \
            if walk.shift else ""
        self.table.setHorizontalHeaderItem(3, QTableWidgetItem(f"exp(s / T){shift}"))
        losses = -np.log(np.maximum(walk.probabilities, 1e-300))
        for i in range(n):
            cells = (str(i), wt.num(walk.scores[i]), wt.num(walk.scaled[i]), wt.num(walk.exps[i]),
                     _probability_text(walk.probabilities[i]), wt.num(losses[i], 3))
            self._set_row(i, cells, bold=i == walk.label)
        self._set_row(n, ("Σ", "", "", wt.num(walk.total), _probability_text(walk.probabilities.sum()), ""), True)

    def _set_row(self, row: int, cells: Sequence[str], bold: bool) -> None:
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if bold:
                item.setFont(_font(12, bold=True))
                item.setBackground(QBrush(QColor("#fff3bf")))
            self.table.setItem(row, col, item)

    def _draw_bars(self, walk: wt.SoftmaxWalk) -> None:
        n = walk.scores.size
        brushes = [pg.mkBrush("#e8590c" if i == walk.label else "#4c6ef5") for i in range(n)]
        self.bars.setOpts(x=np.arange(n), height=walk.probabilities, width=0.7, brushes=brushes)
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        ticks = [(i, str(i)) for i in range(n)] if n <= 30 else None
        self.plot.getAxis("bottom").setTicks([ticks] if ticks else None)

    def _typed_scores(self, quiet: bool) -> np.ndarray | None:
        try:
            return wt.parse_numbers(self.scores_edit.text(), "scores")
        except StudioError as exc:
            if not quiet:
                dialogs.show_error(self, str(exc))
            return None

    @Slot(str)
    def _on_scores_edited(self, text: str) -> None:
        with QSignalBlocker(self.network_button):
            self.network_button.setChecked(False)
        scores = self._typed_scores(quiet=True)
        if scores is not None:
            self._use_scores(scores, None)   # the text stays as typed

    @Slot()
    def _on_scores_finished(self) -> None:
        scores = self._typed_scores(quiet=False)
        if scores is not None:
            self._recompute(scores)

    @Slot()
    def _on_example_clicked(self) -> None:
        with QSignalBlocker(self.network_button):
            self.network_button.setChecked(False)
        with QSignalBlocker(self.temperature_slider):
            self.temperature_slider.setValue(0)
        self._on_temperature_label()
        self.show_scores(np.array(wt.LECTURE_SCORES), wt.LECTURE_LABEL)

    @Slot(bool)
    def _on_network_toggled(self, checked: bool) -> None:
        if checked and self._network_scores is not None:
            self.show_scores(self._network_scores, self._network_label)

    @Slot(int)
    def _on_temperature_moved(self, tick: int) -> None:
        self._on_temperature_label()
        if self.walk is not None:
            self._recompute(self.walk.scores)

    def _on_temperature_label(self) -> None:
        self.temperature_label.setText(f"T = {self.temperature:.2f}")

    @Slot(int)
    def _on_label_changed(self, label: int) -> None:
        if self.walk is not None:
            self._recompute(self.walk.scores)

    def _regression_walk(self, quiet: bool) -> wt.RegressionWalk | None:
        try:
            return wt.regression_losses(wt.parse_numbers(self.pred_edit.text(), "predictions"),
                                        wt.parse_numbers(self.target_edit.text(), "targets"))
        except StudioError as exc:
            if not quiet:
                dialogs.show_error(self, str(exc))
            return None

    @Slot()
    def _on_regression_edited(self) -> None:
        walk = self._regression_walk(quiet=True)
        if walk is not None:
            self.regression_label.setText(_regression_text(walk))

    @Slot()
    def _on_regression_finished(self) -> None:
        walk = self._regression_walk(quiet=False)
        if walk is not None:
            self.regression_label.setText(_regression_text(walk))

    @Slot()
    def _on_regression_network(self) -> None:
        if self._network_output is None:
            return
        prediction, target = self._network_output
        self.pred_edit.setText(", ".join(wt.num(v) for v in prediction))
        self.target_edit.setText(", ".join(wt.num(v) for v in target))
        self._on_regression_edited()


def _probability_text(p: float) -> str:
    """Two decimals like the slide (0.66); tiny probabilities in scientific notation."""
    return f"{p:.2f}" if p >= 0.005 or p == 0 else f"{p:.1e}".replace("-", "−")


def _regression_text(walk: wt.RegressionWalk) -> str:
    n = walk.errors.size
    errors = translate("gui.panels.inside_panel", "errors ŷ − y = {errors}").format(
        errors=wt.vector_text(walk.errors))
    return (f"{errors}<br>"
            f"<b>MSE</b> = (1/{n}) Σ (ŷ − y)² = <b>{wt.num(walk.mse)}</b>&nbsp;&nbsp;&nbsp; "
            f"<b>RMSE</b> = √MSE = <b>{wt.num(walk.rmse)}</b>&nbsp;&nbsp;&nbsp; "
            f"<b>MAE</b> = (1/{n}) Σ |ŷ − y| = <b>{wt.num(walk.mae)}</b>")


# ---------------------------------------------------------------- 3: backpropagation step by step

NETWORKS = (("chain", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Chain: h = w1·x,  ŷ = w2·h,  "
                                                                   "L = ½(ŷ − y)²")),
            ("tiny", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "2-2-1 network with ReLU: z = W1·x + b1,  "
                                                                  "h = ReLU(z),  ŷ = w2·h + b2")))
# the diagram above the steps, in network order: each column holds (name, key of its value, key of its gradient)
DIAGRAM_COLUMNS = {
    "chain": ((("x", "param:x", ""),), (("w1", "param:w1", "grad:w1"),), (("h", "h", "grad:h"),),
              (("w2", "param:w2", "grad:w2"),), (("ŷ", "y_hat", "grad:y_hat"),), (("L", "loss", ""),)),
    "tiny": ((("x", "param:x", ""),), (("W1", "param:W1", "grad:W1"), ("b1", "param:b1", "grad:b1")),
             (("z", "z", "grad:z"),), (("h", "h", "grad:h"),),
             (("w2", "param:w2", "grad:w2"), ("b2", "param:b2", "grad:b2")), (("ŷ", "y_hat", "grad:y_hat"),),
             (("L", "loss", ""),)),
}
# (name, what the box holds): the label is the English text before " (", translated where it is shown
TINY_FIELDS = (("x", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "x (2 numbers)")),
               ("w1", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "W1 (4 numbers, row by row)")), ("b1", "b1 (2)"),
               ("w2", "w2 (2)"), ("b2", "b2"), ("y", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "target y")),
               ("lr", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "learning rate η")))


class BackpropView(QWidget):
    """Next/Previous through forward values, local derivatives and their products, then the update."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: tuple[wt.Step, ...] = ()
        self.position = 0
        self._known: dict[str, np.ndarray] = {}
        self.autograd: ModuleType | None = None   # core.autograd_check once torch is loaded (set by the panel)
        self.network_combo = QComboBox()
        self.network_combo.addItems([translate("gui.panels.inside_panel", text) for _, text in NETWORKS])
        self.network_combo.setToolTip(translate("gui.panels.inside_panel", "Which tiny network to backpropagate "
                                                                           "through by hand."))
        self.chain_spins = {name: self._spin(name, value) for name, value in
                            (("x", 2.0), ("y", 3.0), ("w1", 0.5), ("w2", 1.5), ("lr", 0.1))}
        defaults = wt.TinyParams()
        self.tiny_edits = {name: QLineEdit(_tiny_default(defaults, name)) for name, _ in TINY_FIELDS}
        for name, text in TINY_FIELDS:
            self.tiny_edits[name].setToolTip(translate("gui.panels.inside_panel", "{what}; press Enter to recompute "
                                                                                  "every step.").format(
                what=translate("gui.panels.inside_panel", text)))
        self._make_stepper()
        self._build()
        self._connect()

    def _spin(self, name: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-100.0, 100.0)
        spin.setDecimals(3)
        spin.setSingleStep(0.1)
        spin.setValue(value)
        spin.setToolTip(translate("gui.panels.inside_panel", "Learning rate η in w ← w − η·∂L/∂w.") if name == "lr"
                        else translate("gui.panels.inside_panel", "The value of {name}.").format(name=name))
        return spin

    def _make_stepper(self) -> None:
        self.prev_button = QPushButton(translate("gui.panels.inside_panel", "◀  Previous"))
        self.next_button = QPushButton(translate("gui.panels.inside_panel", "Next  ▶"))
        self.reset_button = QPushButton(translate("gui.panels.inside_panel", "«  Start"))
        self.all_button = QPushButton(translate("gui.panels.inside_panel", "Show all  »"))
        tips = ((self.prev_button, translate("gui.panels.inside_panel", "Go one step back (Left arrow, Page Up).")),
                (self.next_button, translate("gui.panels.inside_panel", "Show the next step (Right arrow, "
                                                                        "Page Down).")),
                (self.reset_button, translate("gui.panels.inside_panel", "Back to the first step (Home).")),
                (self.all_button, translate("gui.panels.inside_panel", "Show every step at once (End).")))
        for button, tip in tips:
            button.setToolTip(tip)
            button.setFont(_font(12, bold=True))
        self._make_card()
        self._make_table()

    def _make_card(self) -> None:
        self.diagram_label = QLabel()
        self.diagram_label.setTextFormat(Qt.TextFormat.RichText)
        self.diagram_label.setFont(_font(12))
        self.diagram_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        self.diagram_label.setToolTip(translate("gui.panels.inside_panel", "What is known so far: values (top) appear "
                                                                           "on the way forward, gradients (bottom) on "
                                                                           "the way back, new weights after the "
                                                                           "update."))
        self.phase_label, self.title_label = QLabel(), QLabel()
        self.phase_label.setFont(_font(12, bold=True))
        self.title_label.setFont(_font(15, bold=True))
        self.formula_label = QLabel()
        self.formula_label.setFont(_font(19))
        self.formula_label.setWordWrap(True)
        self.torch_label = QLabel()
        self.torch_label.setFont(_font(13))

    def _make_table(self) -> None:
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([translate("gui.panels.inside_panel", "pass"),
                                              translate("gui.panels.inside_panel", "step"),
                                              translate("gui.panels.inside_panel", "formula with the numbers"),
                                              translate("gui.panels.inside_panel", "value"), "torch.autograd",
                                              translate("gui.panels.inside_panel", "|difference|")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.setFont(_font(11))
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setToolTip(translate("gui.panels.inside_panel", "The steps so far; torch.autograd computes the "
                                                                   "same quantities for comparison."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((0, 90), (1, 260), (3, 130), (4, 130), (5, 100)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _build(self) -> None:
        self._build_params()
        buttons = QHBoxLayout()
        for widget in (self.reset_button, self.prev_button, self.next_button, self.all_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.card = QFrame()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QVBoxLayout(self.card)
        for widget in (self.phase_label, self.title_label, self.formula_label, self.torch_label):
            card_layout.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("gui.panels.inside_panel", "Network")))
        top.addWidget(self.network_combo, 1)
        layout = QVBoxLayout(self)
        for item in (top, self.params, buttons, self.diagram_label, self.card):
            (layout.addLayout if isinstance(item, QHBoxLayout) else layout.addWidget)(item)
        layout.addWidget(self.table, 1)

    def _build_params(self) -> None:
        self.params = QStackedWidget()
        chain_page, tiny_page = QWidget(), QWidget()
        chain_row = QHBoxLayout(chain_page)
        chain_row.setContentsMargins(0, 0, 0, 0)
        for name, spin in self.chain_spins.items():
            chain_row.addWidget(QLabel({"lr": "η", "y": translate("gui.panels.inside_panel", "target y")}.get(name,
                                                                                                           name)))
            chain_row.addWidget(spin)
        chain_row.addStretch(1)
        tiny_form = QHBoxLayout(tiny_page)
        tiny_form.setContentsMargins(0, 0, 0, 0)
        for name, text in TINY_FIELDS:
            tiny_form.addWidget(QLabel(translate("gui.panels.inside_panel", text.split(" (")[0])))
            tiny_form.addWidget(self.tiny_edits[name], 3 if name == "w1" else 2)
        self.params.addWidget(chain_page)
        self.params.addWidget(tiny_page)
        self.params.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _connect(self) -> None:
        self.network_combo.currentIndexChanged.connect(self._on_network_chosen)
        for spin in self.chain_spins.values():
            spin.valueChanged.connect(self._on_params_changed)
        for edit in self.tiny_edits.values():
            edit.editingFinished.connect(self._on_params_changed)
        self.prev_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_forward)
        self.reset_button.clicked.connect(self.go_first)
        self.all_button.clicked.connect(self.go_last)
        keys = ((("Right", "PgDown"), self.go_forward), (("Left", "PgUp"), self.go_back),
                (("Home",), self.go_first), (("End",), self.go_last))
        for sequences, slot in keys:
            for sequence in sequences:
                QShortcut(QKeySequence(sequence), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut) \
                    .activated.connect(slot)

    @property
    def network(self) -> str:
        """'chain' or 'tiny'."""
        return NETWORKS[self.network_combo.currentIndex()][0]

    def chain_params(self) -> wt.ChainParams:
        """The chain's numbers as typed."""
        return wt.ChainParams(**{name: spin.value() for name, spin in self.chain_spins.items()})

    def tiny_params(self) -> wt.TinyParams:
        """The 2-2-1 network's numbers as typed (FormulaError for a wrong count or a non-number)."""
        what = {name: translate("gui.panels.inside_panel", text) for name, text in TINY_FIELDS}
        values = {name: wt.parse_numbers(self.tiny_edits[name].text(), what[name]) for name, _ in TINY_FIELDS}
        sizes = {"x": 2, "w1": 4, "b1": 2, "w2": 2, "b2": 1, "y": 1, "lr": 1}
        for name, _ in TINY_FIELDS:
            if values[name].size != sizes[name]:
                message = translate("gui.panels.inside_panel", "Type {count} numbers for {what}.") if sizes[name] > 1 \
                    else translate("gui.panels.inside_panel", "Type {count} number for {what}.")
                raise FormulaError(message.format(count=sizes[name], what=what[name]))
        w1 = values["w1"].reshape(2, 2)
        return wt.TinyParams(tuple(values["x"]), float(values["y"][0]), (tuple(w1[0]), tuple(w1[1])),
                             tuple(values["b1"]), tuple(values["w2"]), float(values["b2"][0]), float(values["lr"][0]))

    def recompute(self) -> None:
        """Rebuild the steps from the typed numbers, with torch.autograd's values once torch is loaded."""
        if self.network == "chain":
            params = self.chain_params()
            steps = wt.chain_steps(params)
            reference = self.autograd.chain_reference(params) if self.autograd else {}
            self._known = {f"param:{k}": np.float64(getattr(params, k)) for k in ("x", "w1", "w2")}
        else:
            params = self.tiny_params()
            steps = wt.tiny_network_steps(params)
            reference = self.autograd.tiny_network_reference(params) if self.autograd else {}
            self._known = {f"param:{k}": v for k, v in params.arrays().items()}
            self._known.update({"param:b2": np.float64(params.b2)})
        self.steps = wt.attach_reference(steps, reference)
        self.position = min(self.position, len(self.steps) - 1)
        self._fill_table()
        self.show_position()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.steps))
        for row, step in enumerate(self.steps):
            torch_text = "" if step.reference is None else wt.vector_text(step.reference)
            diff = step.difference
            cells = (translate("gui.panels.inside_panel", PHASE_SHORT[step.phase]), step.title, step.formula,
                     wt.vector_text(step.value), torch_text, _difference_text(diff))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(QColor(PHASE_COLOURS[step.phase])))
                item.setToolTip(f"{step.title}: {step.formula}")
                self.table.setItem(row, col, item)

    def show_position(self) -> None:
        """Reveal the steps up to the current one and show it large."""
        if not self.steps:
            return
        step = self.steps[self.position]
        for row in range(len(self.steps)):
            self.table.setRowHidden(row, row > self.position)
        self.table.selectRow(self.position)
        self.table.scrollToItem(self.table.item(self.position, 0))
        self.phase_label.setText(translate("gui.panels.inside_panel", "{phase} · step {step} of {steps}").format(
            phase=translate("gui.panels.inside_panel", PHASE_NAMES[step.phase]), step=self.position + 1,
            steps=len(self.steps)))
        self.card.setStyleSheet(f"QFrame {{ background: {PHASE_COLOURS[step.phase]}; }}")
        self.title_label.setText(step.title)
        self.formula_label.setText(step.formula)
        self.torch_label.setText(_torch_text(step, self.autograd is not None))
        revealed = dict(self._known, **{s.key: s.value for s in self.steps[:self.position + 1] if s.key})
        self.diagram_label.setText(_diagram_html(DIAGRAM_COLUMNS[self.network], revealed))
        self.prev_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.steps) - 1)

    @Slot()
    def go_forward(self) -> None:
        """Next step."""
        self.position = min(self.position + 1, max(0, len(self.steps) - 1))
        self.show_position()

    @Slot()
    def go_back(self) -> None:
        """Previous step."""
        self.position = max(self.position - 1, 0)
        self.show_position()

    @Slot()
    def go_first(self) -> None:
        """Back to the first step."""
        self.position = 0
        self.show_position()

    @Slot()
    def go_last(self) -> None:
        """Every step at once."""
        self.position = max(0, len(self.steps) - 1)
        self.show_position()

    @Slot(int)
    def _on_network_chosen(self, index: int) -> None:
        self.params.setCurrentIndex(index)
        self.position = 0
        self._on_params_changed()

    @Slot()
    def _on_params_changed(self) -> None:
        try:
            self.recompute()
        except StudioError as exc:
            dialogs.show_error(self, str(exc))


def _diagram_html(columns, known: dict[str, np.ndarray]) -> str:
    """The network as a row: each quantity with its value (or ?) and, below, its gradient once known."""
    top, bottom = [], []
    for column in columns:
        values, grads = [], []
        for name, value_key, grad_key in column:
            value = wt.vector_text(known[value_key]) if value_key in known else "?"
            new_key = "new:" + value_key.split(":")[-1]
            if value_key.startswith("param:") and new_key in known:
                value += f"<br>→ {wt.vector_text(known[new_key])}"
            values.append(f"<b>{name}</b> = {value}")
            if grad_key in known:
                grads.append(f"∂L/∂{name} = {wt.vector_text(known[grad_key])}")
        top.append("<td align='center'>" + "<br>".join(values) + "</td>")
        bottom.append("<td align='center' style='color:#b35900'>" + "<br>".join(grads) + "</td>")
    arrow, gap = "<td align='center' style='color:#1c4fd8'>→</td>", "<td></td>"
    return f"<table cellspacing='0' cellpadding='3'><tr>{arrow.join(top)}</tr><tr>{gap.join(bottom)}</tr></table>"


def _tiny_default(params: wt.TinyParams, name: str) -> str:
    value = {"x": params.x, "w1": np.ravel(params.w1), "b1": params.b1, "w2": params.w2, "b2": [params.b2],
             "y": [params.y], "lr": [params.lr]}[name]
    return ", ".join(wt.num(v) for v in value)


def _difference_text(diff: float | None) -> str:
    return "" if diff is None else "0" if diff == 0 else f"{diff:.1e}".replace("-", "−")


def _torch_text(step: wt.Step, loaded: bool = True) -> str:
    if step.key and not loaded:
        return translate("gui.panels.inside_panel", "torch.autograd: loading torch for the comparison…")
    if step.reference is None:
        return translate("gui.panels.inside_panel", "A local derivative: no separate torch value (it is part of the "
                                                    "product that follows).")
    diff = step.difference
    verdict = translate("gui.panels.inside_panel", "✓ the same") if diff <= AGREE_TOLERANCE else \
        translate("gui.panels.inside_panel", "✗ different")
    return translate("gui.panels.inside_panel", "torch.autograd gives {value}   {verdict} "
                                                "(|difference| = {difference})").format(
        value=wt.vector_text(step.reference), verdict=verdict, difference=_difference_text(diff))


# ---------------------------------------------------------------- 4: whole-network check

class CheckView(QWidget):
    """Per-layer gradients of the manual numpy backward pass against torch.autograd for one input."""

    loss_chosen = Signal(str)  # a key of LOSS_LABELS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_combo = QComboBox()
        self.loss_combo.setToolTip(translate("gui.panels.inside_panel", "The loss to differentiate (as in training: "
                                                                        "cross-entropy on the logits; MSE/MAE compare "
                                                                        "softmax with the one-hot target)."))
        self.summary_label = QLabel()
        self.summary_label.setFont(_font(16, bold=True))
        self.summary_label.setWordWrap(True)
        self.loss_label = QLabel()
        self.loss_label.setFont(_font(12))
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([translate("gui.panels.inside_panel", "layer"),
                                              translate("gui.panels.inside_panel", "rule for δ = ∂L/∂z"),
                                              translate("gui.panels.inside_panel", "∂L/∂W shape"),
                                              translate("gui.panels.inside_panel", "‖∂L/∂W‖ manual (numpy)"),
                                              "‖∂L/∂W‖ torch.autograd",
                                              translate("gui.panels.inside_panel", "max |diff| ∂L/∂W"),
                                              translate("gui.panels.inside_panel", "max |diff| ∂L/∂b")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setFont(_font(11))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(translate("gui.panels.inside_panel", "∂L/∂W = δ·(layer input)ᵀ and ∂L/∂b = δ for "
                                                                   "each layer; pick a row to see it."))
        self._manual: wt.NetworkGradients | None = None
        self._reference: wt.NetworkGradients | None = None
        self._build_images()
        self._build()
        self.loss_combo.currentIndexChanged.connect(self._on_loss_chosen)
        self.table.itemSelectionChanged.connect(self._on_row_chosen)

    def _build_images(self) -> None:
        self.images = pg.GraphicsLayoutWidget()
        self.image_items, self.image_plots = [], []
        for row, title in enumerate((translate("gui.panels.inside_panel", "manual backward pass (numpy)"),
                                     "torch.autograd")):
            plot = self.images.addPlot(row=row, col=0, title=title)
            plot.invertY(True)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            item = pg.ImageItem(axisOrder="row-major")
            plot.addItem(item)
            self.image_items.append(item)
            self.image_plots.append(plot)
        self.colorbar = pg.ColorBarItem(colorMap=pg.colormap.get(COLORMAP_NAME), interactive=False)
        self.colorbar.setImageItem(self.image_items)
        self.images.addItem(self.colorbar, row=0, col=1, rowspan=2)   # one scale for both pictures
        self.images.setToolTip(translate("gui.panels.inside_panel", "∂L/∂W of the chosen layer (rows: neurons, "
                                                                    "columns: inputs); blue < 0 < red, the same scale "
                                                                    "for both."))

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("gui.panels.inside_panel", "Loss")))
        top.addWidget(self.loss_combo)
        top.addWidget(self.loss_label, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.images)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

    @property
    def loss(self) -> str:
        """The chosen loss key."""
        return self.loss_combo.currentData() or "cross_entropy"

    def set_losses(self, losses: Sequence[str], current: str) -> None:
        """Offer the losses that fit the task, starting at `current` (no echo; a user's choice stays)."""
        if [self.loss_combo.itemData(i) for i in range(self.loss_combo.count())] == list(losses):
            return
        with QSignalBlocker(self.loss_combo):
            self.loss_combo.clear()
            for loss in losses:
                self.loss_combo.addItem(translate("core.reports", LOSS_LABELS[loss]), loss)
            index = self.loss_combo.findData(current)
            self.loss_combo.setCurrentIndex(index if index >= 0 else 0)

    def show_check(self, manual: wt.NetworkGradients, reference: wt.NetworkGradients | None,
                   rules: Sequence[str], description: str) -> None:
        """Fill the table, the verdict and the gradient pictures (reference None: torch is still loading)."""
        self._manual, self._reference = manual, reference
        rows = wt.compare_gradients(manual, reference if reference is not None else manual)
        self._show_verdict(rows, reference is not None)
        autograd_loss = wt.num(reference.loss, 6) if reference is not None else "…"
        self.loss_label.setText(translate("gui.panels.inside_panel", "{description}:   loss manual {manual},  "
                                                                     "autograd {autograd}").format(
            description=description, manual=wt.num(manual.loss, 6), autograd=autograd_loss))
        self.table.setRowCount(len(rows))
        for r, rule in zip(rows, rules):
            cells = [f"{r.layer}", rule, f"{r.shape[0]} × {r.shape[1]}", f"{r.manual_norm:.6g}",
                     f"{r.reference_norm:.6g}", _difference_text(r.weight_diff), _difference_text(r.bias_diff)]
            if reference is None:
                cells[4:] = [translate("gui.panels.inside_panel", "loading…"), "", ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if col == 1
                                      else Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r.layer - 1, col, item)
        self._show_images()

    def _show_verdict(self, rows: Sequence[wt.LayerComparison], compared: bool) -> None:
        if not compared:
            self.summary_label.setText(translate("gui.panels.inside_panel", "Loading torch to compare with "
                                                                            "torch.autograd…"))
            self.summary_label.setStyleSheet("color: #555555;")
            return
        worst = wt.max_difference(rows)
        agree = worst <= AGREE_TOLERANCE
        count = sum(r.shape[0] * (r.shape[1] + 1) for r in rows)
        verdict = translate("gui.panels.inside_panel", "✓ manual backward pass = torch.autograd") if agree else \
            translate("gui.panels.inside_panel", "✗ manual and autograd disagree!")
        self.summary_label.setText(translate("gui.panels.inside_panel", "Largest difference over all {count:,} "
                                                                        "gradients: {difference}   {verdict}").format(
            count=count, difference=_difference_text(worst), verdict=verdict))
        self.summary_label.setStyleSheet(f"color: {'#1b7a1b' if agree else '#c92a2a'};")

    def _show_images(self) -> None:
        if self._manual is None:
            return
        row = min(max(0, self.table.currentRow()), len(self._manual.weight_grads) - 1)
        other = self._reference if self._reference is not None else self._manual
        pictures = tuple(np.nan_to_num(g[row], nan=0.0, posinf=0.0, neginf=0.0)
                         for g in (self._manual.weight_grads, other.weight_grads))
        limit = float(max(np.abs(p).max() for p in pictures)) or 1.0
        if self._reference is None:   # nothing to show for autograd yet: an even middle colour
            pictures = (pictures[0], np.zeros_like(pictures[1]))
        titles = (translate("gui.panels.inside_panel", "manual backward pass (numpy)"),
                  "torch.autograd" if self._reference is not None else
                  translate("gui.panels.inside_panel", "torch.autograd (loading…)"))
        for item, values, plot, title in zip(self.image_items, pictures, self.image_plots, titles):
            item.setImage(np.ascontiguousarray(values, dtype=np.float32), autoLevels=False)
            plot.setTitle(f"∂L/∂W{row + 1} — {title}")
        self.colorbar.setLevels(low=-limit, high=limit)

    @Slot(int)
    def _on_loss_chosen(self, index: int) -> None:
        self.loss_chosen.emit(self.loss)

    @Slot()
    def _on_row_chosen(self) -> None:
        self._show_images()


# ---------------------------------------------------------------- the panel

@dataclass(frozen=True)
class ChosenInput:
    """The example the panel looks at."""

    x: np.ndarray                       # (D,) model-ready input
    label: int | np.ndarray | None      # class, regression target, or None (a drawing has no label)
    description: str                    # "test image #12 (label 7)"
    shape: tuple[int, ...] | None       # (28, 28) for images


INPUT_SOURCES = (("drawing", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Current drawing")),
                 ("data", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Test image #")),
                 ("example", QT_TRANSLATE_NOOP("gui.panels.inside_panel", "Example input (random)")))


def pick_input(source: str, index: int, dataset, drawing: np.ndarray | None, input_size: int) -> ChosenInput:
    """The chosen input, falling back to a fixed random example when the choice does not fit the network."""
    image_shape = (28, 28) if input_size == 784 else None
    if source == "drawing" and drawing is not None and np.asarray(drawing).size == input_size:
        return ChosenInput(np.asarray(drawing, np.float64).reshape(-1), None,
                           translate("gui.panels.inside_panel", "your drawing"), image_shape)
    if source == "data" and dataset is not None and dataset.input_size == input_size:
        x_split, y_split = (dataset.x_test, dataset.y_test) if len(dataset.x_test) else (dataset.x_train,
                                                                                            dataset.y_train)
        k = int(np.clip(index, 0, len(x_split) - 1))
        label = int(y_split[k]) if dataset.task == "classification" else np.asarray(y_split[k], np.float64)
        kind = translate("gui.panels.inside_panel", "test image") if dataset.is_image else \
            translate("gui.panels.inside_panel", "toy-set point")
        shown = translate("gui.panels.inside_panel", "label {label}").format(label=label) \
            if dataset.task == "classification" else translate("gui.panels.inside_panel", "target y = {target}").format(
                target=", ".join(wt.num(v) for v in np.ravel(label)))
        description = translate("gui.panels.inside_panel", "{kind} #{index} ({shown})").format(kind=kind, index=k,
                                                                                               shown=shown)
        return ChosenInput(np.asarray(x_split[k], np.float64), label, description,
                           tuple(dataset.input_shape) if dataset.is_image else None)
    return ChosenInput(wt.example_input(input_size), None,
                       translate("gui.panels.inside_panel", "a random example input (seed 0)"), image_shape)


def torch_loaded() -> bool:
    """True once torch is fully imported (then the autograd side imports quickly).

    A module appears in sys.modules as soon as its import starts; importing it then from the GUI
    thread would wait on the import lock of the thread that is still loading it (2.6 s measured).
    """
    torch = sys.modules.get("torch")
    return torch is not None and not getattr(getattr(torch, "__spec__", None), "_initializing", False)


class InsidePanel(QWidget):
    """Look inside the network: forward pass, softmax and loss, backprop step by step, autograd check."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._untrained: tuple[NetworkSpec, WeightsReport] | None = None
        self._dirty = {FORWARD, SOFTMAX, BACKPROP, CHECK}   # BACKPROP: once, when first shown (torch loads then)
        self._last_error = ""
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._next_refresh_at = 0.0
        self._autograd: ModuleType | None = None
        self._loader = BackgroundRunner(self, error_prefix=translate("gui.panels.inside_panel",
                                                                     "The comparison with torch.autograd is not "
                                                                     "available: "))
        self._make_input_bar()
        self.forward_view, self.softmax_view = ForwardView(), SoftmaxView()
        self.backprop_view, self.check_view = BackpropView(), CheckView()
        self.tabs = QTabWidget()
        for view, title in zip((self.forward_view, self.softmax_view, self.backprop_view, self.check_view),
                               TAB_TITLES):
            self.tabs.addTab(view, translate("gui.panels.inside_panel", title))
        self._build()
        self._connect()
        self._sync_inputs()

    def _make_input_bar(self) -> None:
        self.input_combo = QComboBox()
        for key, text in INPUT_SOURCES:
            self.input_combo.addItem(translate("gui.panels.inside_panel", text), key)
        self.input_combo.setToolTip(translate("gui.panels.inside_panel", "Which example goes through the network: "
                                                                         "your drawing, an example of the data set, "
                                                                         "or a fixed random input."))
        self.index_spin = QSpinBox()
        self.index_spin.setToolTip(translate("gui.panels.inside_panel", "Number of the test image or toy-set point."))
        self.class_spin = QSpinBox()
        self.class_spin.setToolTip(translate("gui.panels.inside_panel", "The correct class y used by the loss (taken "
                                                                        "from the data when it has one)."))
        self.input_label = QLabel()
        self.input_label.setFont(_font(11))
        self.weights_label = QLabel()
        self.weights_label.setFont(_font(11, bold=True))
        self.thumbnail = pg.GraphicsLayoutWidget()
        self.thumbnail.setFixedSize(64, 64)
        self.thumbnail.ci.setContentsMargins(0, 0, 0, 0)
        box = self.thumbnail.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.thumbnail_image = pg.ImageItem(axisOrder="row-major")
        box.addItem(self.thumbnail_image)
        self.thumbnail.setToolTip(translate("gui.panels.inside_panel", "The input as a picture."))

    def _build(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.thumbnail, QLabel(translate("gui.panels.inside_panel", "Input")), self.input_combo,
                       self.index_spin, QLabel(translate("gui.panels.inside_panel", "Correct class")),
                       self.class_spin):
            bar.addWidget(widget)
        text = QVBoxLayout()
        text.addWidget(self.input_label)
        text.addWidget(self.weights_label)
        bar.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.state.weights_changed.connect(self._on_state_changed)
        self.state.network_changed.connect(self._on_network_changed)
        self.state.drawing_changed.connect(self._on_drawing_changed)
        self.state.dataset_changed.connect(self._on_dataset_changed)
        self.input_combo.currentIndexChanged.connect(self._on_input_chosen)
        self.index_spin.valueChanged.connect(self._on_input_chosen)
        self.class_spin.valueChanged.connect(self._on_class_chosen)
        self.check_view.loss_chosen.connect(self._on_loss_chosen)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._refresh_timer.timeout.connect(self._on_refresh_due)
        self._loader.finished.connect(self._on_autograd_loaded)
        self._loader.failed.connect(self._on_autograd_failed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)   # a QThread must not be destroyed while it runs
        for number in range(4):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(
                [self._show_forward, self._show_softmax, self._show_backprop, self._show_check][number])

    # ---- what the panel looks at

    def current_weights(self) -> WeightsReport:
        """The latest trained weights, or fixed-seed random ones for the current network."""
        spec = self.state.network
        if wt.weights_fit(self.state.weights, spec):
            return self.state.weights
        if self._untrained is None or self._untrained[0] != spec:
            self._untrained = (spec, wt.untrained_weights(spec, seed=0))
        return self._untrained[1]

    def current_input(self) -> ChosenInput:
        """The example chosen in the input bar."""
        return pick_input(self.input_combo.currentData(), self.index_spin.value(), self.state.dataset,
                          self.state.drawing, self.state.network.input_size)

    @property
    def task(self) -> str:
        """'classification' for a softmax output, else 'regression'."""
        return "classification" if self.state.network.output_activation == "softmax" else "regression"

    def _target(self, chosen: ChosenInput):
        """The label the losses use: the class spin box, or the data's target (zeros for a random input)."""
        if self.task == "classification":
            return np.array([self.class_spin.value()])
        target = chosen.label if chosen.label is not None else np.zeros(self.state.network.output_size)
        return np.asarray(target, np.float64).reshape(1, -1)

    def _sync_inputs(self, take_label: bool = True, prefer: str | None = None) -> None:
        """Enable the input choices that fit the network and the data; set ranges (no echo).

        `prefer` replaces the fixed random example by new data or a new drawing when it fits.
        """
        spec, dataset = self.state.network, self.state.dataset
        fits_data = dataset is not None and dataset.input_size == spec.input_size
        model = self.input_combo.model()
        drawing_ok = self.state.drawing is not None and spec.input_size == 784
        model.item(0).setEnabled(drawing_ok)
        model.item(1).setEnabled(fits_data)
        model.item(1).setText(translate("gui.panels.inside_panel", "Test image #") if fits_data and dataset.is_image
                              else translate("gui.panels.inside_panel", "Toy-set point #"))
        with QSignalBlocker(self.input_combo), QSignalBlocker(self.index_spin), QSignalBlocker(self.class_spin):
            preferred = self.input_combo.findData(prefer) if prefer else -1
            if preferred >= 0 and model.item(preferred).isEnabled() and self.input_combo.currentData() == "example":
                self.input_combo.setCurrentIndex(preferred)
            if not model.item(self.input_combo.currentIndex()).isEnabled():
                self.input_combo.setCurrentIndex(1 if fits_data else (0 if drawing_ok else 2))
            n = (len(dataset.x_test) or len(dataset.x_train)) if fits_data else 1
            self.index_spin.setRange(0, max(0, n - 1))
            self.index_spin.setEnabled(self.input_combo.currentData() == "data")
            self.class_spin.setRange(0, spec.output_size - 1)
            self.class_spin.setEnabled(self.task == "classification")
            label = self.current_input().label if take_label else None
            if isinstance(label, int):
                self.class_spin.setValue(label)
        self.check_view.set_losses(("cross_entropy", "mse", "mae") if self.task == "classification"
                                   else ("mse", "mae"), self.state.config.loss)

    # ---- lazy refresh

    def _invalidate(self) -> None:
        self._dirty |= {FORWARD, SOFTMAX, CHECK}
        self._schedule_refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule_refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._refresh_timer.stop()   # nothing is computed while hidden; showing again catches up

    def _schedule_refresh(self) -> None:
        """One refresh per event-loop turn at most, and rarer when the last one was slow (huge networks)."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start(int(max(0.0, self._next_refresh_at - time.monotonic()) * 1000))

    def refresh_visible(self) -> None:
        """Recompute the visible sub-tab if something it shows has changed (nothing when hidden)."""
        tab = self.tabs.currentIndex()
        if not self.isVisible() or tab not in self._dirty:
            return
        self._dirty.discard(tab)
        started = time.monotonic()
        try:
            {FORWARD: self._refresh_forward, SOFTMAX: self._refresh_softmax, BACKPROP: self._refresh_backprop,
             CHECK: self._refresh_check}[tab]()
        except StudioError as exc:
            if str(exc) != self._last_error:   # live weights must not open a dialog five times a second
                self._last_error = str(exc)
                dialogs.show_error(self, str(exc))
        elapsed = time.monotonic() - started
        self._next_refresh_at = time.monotonic() + elapsed * (1.0 / REFRESH_DUTY - 1.0)

    def autograd_side(self) -> ModuleType | None:
        """core.autograd_check if torch is loaded; else None, and torch starts loading in the background."""
        if self._autograd is None and torch_loaded() and not self._loader.is_running:
            self._use_autograd()
        elif self._autograd is None:
            self._loader.start(wt.load_autograd_side)   # refused (False) while already loading
        return self._autograd

    def _use_autograd(self) -> None:
        from core import autograd_check  # torch is already in memory here: a fast import

        self._autograd = self.backprop_view.autograd = autograd_check

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Wait for a background torch import to end (for closeEvent / aboutToQuit)."""
        return self._loader.shutdown(timeout_ms)

    def _refresh_backprop(self) -> None:
        self.autograd_side()
        self.backprop_view.recompute()

    def _refresh_header(self, chosen: ChosenInput, weights: WeightsReport) -> None:
        self.input_label.setText(translate("gui.panels.inside_panel", "Looking at {input} through the {network} "
                                                                      "network").format(
            input=chosen.description, network=self.state.network.describe()))
        trained = weights is self.state.weights
        self.weights_label.setText(translate("gui.panels.inside_panel", "trained weights, step {step:,}").format(
            step=weights.step) if trained else translate("gui.panels.inside_panel", UNTRAINED_NOTE))
        self.weights_label.setStyleSheet("" if trained else "color: #c05600;")
        self.thumbnail.setVisible(chosen.shape is not None and len(chosen.shape) == 2)
        if chosen.shape is not None and len(chosen.shape) == 2:
            picture = np.ascontiguousarray(chosen.x.reshape(chosen.shape), dtype=np.float32)
            self.thumbnail_image.setImage(picture, autoLevels=False, levels=(float(picture.min()),
                                                                             float(picture.max()) or 1.0))

    def _refresh_forward(self) -> None:
        chosen, weights = self.current_input(), self.current_weights()
        self._refresh_header(chosen, weights)
        self.forward_view.show_walks(wt.network_walk(weights, chosen.x), chosen.shape)

    def _refresh_softmax(self) -> None:
        chosen, weights = self.current_input(), self.current_weights()
        self._refresh_header(chosen, weights)
        logits = wt.network_walk(weights, chosen.x)[-1].z
        if self.task == "classification":
            self.softmax_view.set_network_output(logits, self.class_spin.value(), None, self._class_names())
        else:
            self.softmax_view.set_network_output(None, None, (logits, self._target(chosen).reshape(-1)), ())

    def _refresh_check(self) -> None:
        chosen, weights = self.current_input(), self.current_weights()
        self._refresh_header(chosen, weights)
        loss, target, autograd = self.check_view.loss, self._target(chosen), self.autograd_side()
        manual = wt.manual_backward(weights, chosen.x, target, loss=loss, task=self.task)
        reference = None if autograd is None else autograd.network_reference(weights, chosen.x, target,
                                                                              loss=loss, task=self.task)
        rules = wt.backward_formulas(weights.activations, loss, self.task)
        if self.task == "classification":
            label = translate("gui.panels.inside_panel", ", correct class {label}").format(label=int(target[0]))
        else:
            label = "" if chosen.label is not None else translate("gui.panels.inside_panel", ", target y = {target}") \
                .format(target=wt.vector_text(target[0]))
        self.check_view.show_check(manual, reference, rules, f"{chosen.description}{label}")

    def _class_names(self) -> tuple[str, ...]:
        dataset = self.state.dataset
        names = tuple(dataset.class_names) if dataset is not None else ()
        return names if len(names) == self.state.network.output_size else ()

    # ---- slots

    @Slot(object)
    def _on_state_changed(self, value: object) -> None:
        self._sync_inputs(take_label=False)
        self._invalidate()

    @Slot(object)
    def _on_network_changed(self, spec: object) -> None:
        self._sync_inputs(prefer="data")   # a new dataset announces itself before its network
        self._invalidate()

    @Slot(object)
    def _on_dataset_changed(self, dataset: object) -> None:
        self._sync_inputs(prefer="data")
        self._invalidate()

    @Slot(object)
    def _on_drawing_changed(self, drawing: object) -> None:
        self._sync_inputs(take_label=False, prefer="drawing")
        self._invalidate()

    @Slot(int)
    def _on_input_chosen(self, value: int) -> None:
        self._sync_inputs()
        self._invalidate()

    @Slot(int)
    def _on_class_chosen(self, value: int) -> None:
        self._invalidate()

    @Slot(str)
    def _on_loss_chosen(self, loss: str) -> None:
        self._invalidate()

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        self._schedule_refresh()

    @Slot()
    def _on_refresh_due(self) -> None:
        self.refresh_visible()

    @Slot(str)
    def _on_autograd_loaded(self, outcome: str) -> None:
        if outcome == "completed":
            self._use_autograd()
            self._dirty |= {BACKPROP, CHECK}
            self._schedule_refresh()

    @Slot(str)
    def _on_autograd_failed(self, message: str) -> None:
        dialogs.show_error(self, message)

    @Slot()
    def _show_forward(self) -> None:
        self.tabs.setCurrentIndex(FORWARD)

    @Slot()
    def _show_softmax(self) -> None:
        self.tabs.setCurrentIndex(SOFTMAX)

    @Slot()
    def _show_backprop(self) -> None:
        self.tabs.setCurrentIndex(BACKPROP)

    @Slot()
    def _show_check(self) -> None:
        self.tabs.setCurrentIndex(CHECK)
