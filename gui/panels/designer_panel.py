"""The Network tab: design the hidden layers, see the parameter count, the formulas and the diagram."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSizePolicy,
                               QVBoxLayout, QWidget)

from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import (INITS, LayerSpec, NetworkSpec, layer_formula, layer_shapes, parameter_count,
                               preset_label, presets)
from gui import dialogs
from gui.app_state import AppState
from gui.widgets.layer_table import LayerTable
from gui.widgets.network_diagram import HEAD, MAX_SHOWN, TAIL, NetworkDiagram

CONTEXT = "gui.panels.designer_panel"
INIT_LABELS = {"default": QT_TRANSLATE_NOOP("gui.panels.designer_panel", "Default (PyTorch: Kaiming uniform)"),
               "small_random": QT_TRANSLATE_NOOP("gui.panels.designer_panel", "Small random (N(0, 0.01²))"),
               "zeros": QT_TRANSLATE_NOOP("gui.panels.designer_panel", "All zeros (watch the symmetry problem)")}
INIT_TIPS = {"default": QT_TRANSLATE_NOOP("gui.panels.designer_panel", "W ~ U(−1/√n_in, 1/√n_in), the same for "
                                          "b: PyTorch's default for nn.Linear"),
             "small_random": "W ~ N(0, 0.01²), b = 0",
             "zeros": QT_TRANSLATE_NOOP("gui.panels.designer_panel", "W = 0, b = 0: every neuron of a layer computes "
                                        "the same thing and they never differ")}
CUSTOM = QT_TRANSLATE_NOOP("gui.panels.designer_panel", "Custom network")


def describe_input(spec: NetworkSpec, dataset) -> str:
    """'784 inputs (28×28 pixels)' and the like, for the fixed input layer."""
    shape = getattr(dataset, "input_shape", None)
    if shape is not None and len(shape) == 2:
        text = translate("gui.panels.designer_panel",
                         "{count:,} inputs: the {rows}×{cols} pixels of an image, fixed by the data")
        return text.format(count=spec.input_size, rows=shape[0], cols=shape[1])
    if spec.input_size == 784:
        return translate("gui.panels.designer_panel", "784 inputs: the 28×28 pixels of an image, fixed by the data")
    if spec.input_size == 2:
        return translate("gui.panels.designer_panel",
                         "2 inputs: the coordinates (x₁, x₂) of a point, fixed by the data")
    if spec.input_size == 1:
        return translate("gui.panels.designer_panel", "1 input: the number x, fixed by the data")
    return translate("gui.panels.designer_panel", "{count:,} inputs, fixed by the data").format(count=spec.input_size)


def describe_output(spec: NetworkSpec, dataset) -> str:
    """'10 outputs: one per class (softmax)' and the like, for the fixed output layer."""
    names = tuple(getattr(dataset, "class_names", ()) or ())
    listed = f" ({', '.join(names)})" if names and len(", ".join(names)) <= 40 else ""
    if spec.output_activation == "softmax":
        text = translate("gui.panels.designer_panel",
                         "{count} outputs: one probability per class{listed}, via softmax; fixed by the task")
    elif spec.output_size > 1:
        text = translate("gui.panels.designer_panel",
                         "{count} outputs: the predicted value (linear); fixed by the task")
    else:
        text = translate("gui.panels.designer_panel", "{count} output: the predicted value (linear); fixed by the task")
    return text.format(count=spec.output_size, listed=listed)


def formula_lines(spec: NetworkSpec) -> list[str]:
    """One line per layer: the lecture's formula with shapes and that layer's parameter count."""
    line = translate("gui.panels.designer_panel", "{formula}   ({count:,} parameters)")
    return [line.format(formula=layer_formula(spec, i), count=n_out * n_in + n_out)
            for i, ((n_out, n_in), _) in enumerate(layer_shapes(spec))]


def diagram_hint(spec: NetworkSpec) -> str:
    """How to read the diagram: what is left out, and that every layer is fully connected."""
    (n_out, n_in), _ = layer_shapes(spec)[0]
    big = [n for n in spec.layer_sizes if n > MAX_SHOWN]
    sampled = translate("gui.panels.designer_panel", "The diagram draws {shown} neurons of each layer with more than "
                        "{most} (⋮ stands for the rest). ") if big else ""
    every = translate("gui.panels.designer_panel", "Every neuron receives every output of the layer before: the first "
                      "layer alone has {n_out}×{n_in} = {weights:,} weights. After training, red links are positive "
                      "weights, blue ones negative, and thicker means larger |w|.")
    return (sampled + every).format(shown=HEAD + TAIL, most=MAX_SHOWN, n_out=n_out, n_in=n_in, weights=n_out * n_in)


class DesignerPanel(QWidget):
    """Edit the network (hidden layers, initialisation, presets); input and output follow the data."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._presets: dict[str, NetworkSpec] = {}
        self._presets_key: tuple | None = None
        self._build()
        state.network_changed.connect(self.show_network)
        state.dataset_changed.connect(self._on_dataset_changed)
        state.weights_changed.connect(self.diagram.show_weights)
        self._on_dataset_changed(state.dataset)
        self.show_network(state.network)
        self.diagram.show_weights(state.weights)

    # ---- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.preset_combo = QComboBox(self)
        self.preset_combo.setToolTip(translate("gui.panels.designer_panel",
                                               "Start from a ready-made network for this data (your layers are "
                                               "replaced)"))
        self.preset_combo.activated.connect(self._on_preset_activated)
        self.input_label = _wrapped_label("", translate("gui.panels.designer_panel",
                                                        "The input layer has one neuron per number in a sample; the "
                                                        "data decides how many"))
        self.output_label = _wrapped_label("", translate("gui.panels.designer_panel",
                                                         "The output layer has one neuron per class (classification) "
                                                         "or per predicted value (regression)"))
        self.layer_table = LayerTable(self)
        self.layer_table.layers_changed.connect(self._on_layers_changed)
        self.init_combo = self._build_init_combo()
        self.count_label = QLabel(self)
        self.count_label.setFont(_font(22, bold=True))
        self.count_label.setToolTip(translate("gui.panels.designer_panel",
                                              "Weights plus biases: Σ over layers of n_out·n_in + n_out"))
        breakdown_tip = translate("gui.panels.designer_panel",
                                  "Parameters of each layer: W has n_out×n_in numbers, b has n_out")
        self.breakdown_label = _wrapped_label("", breakdown_tip)
        self.hint_label = _wrapped_label("", translate("gui.panels.designer_panel", "How to read the diagram"))
        self.hint_label.setStyleSheet("color: #444;")
        self.formula_label = QLabel(self)
        self.formula_label.setFont(_mono_font(11))
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula_label.setToolTip(translate("gui.panels.designer_panel",
                                                "What each layer computes, with the shapes of its weights W and "
                                                "biases b"))
        self.diagram = NetworkDiagram(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_controls(), 0)
        layout.addLayout(self._build_view(), 1)

    def _build_controls(self) -> QWidget:
        box = QWidget(self)
        box.setMaximumWidth(520)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(translate("gui.panels.designer_panel", "Preset:"), self.preset_combo)
        form.addRow(translate("gui.panels.designer_panel", "Input:"), self.input_label)
        column.addLayout(form)
        hidden = QGroupBox(translate("gui.panels.designer_panel", "Hidden layers (first row = next to the input)"), box)
        QVBoxLayout(hidden).addWidget(self.layer_table)
        self.layer_table.table.setMinimumHeight(150)
        self.layer_table.table.setMaximumHeight(290)  # room for all 8 layers, not more
        column.addWidget(hidden)
        form = QFormLayout()
        form.addRow(translate("gui.panels.designer_panel", "Output:"), self.output_label)
        form.addRow(translate("gui.panels.designer_panel", "Initial weights:"), self.init_combo)
        column.addLayout(form)
        column.addWidget(self.count_label)
        column.addWidget(self.breakdown_label)
        column.addSpacing(12)
        column.addWidget(self.hint_label)
        column.addStretch(1)
        return box

    def _build_view(self) -> QVBoxLayout:
        view = QVBoxLayout()
        view.addWidget(self.diagram, 1)
        formulas = QGroupBox(translate("gui.panels.designer_panel", "What each layer computes"), self)
        QVBoxLayout(formulas).addWidget(self.formula_label)
        formulas.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        view.addWidget(formulas, 0)
        return view

    def _build_init_combo(self) -> QComboBox:
        combo = QComboBox(self)
        tips = {name: translate(CONTEXT, INIT_TIPS.get(name, name)) for name in INITS}
        for i, name in enumerate(INITS):
            combo.addItem(translate(CONTEXT, INIT_LABELS.get(name, name)), name)
            combo.setItemData(i, tips[name], Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(translate("gui.panels.designer_panel", "How the weights start before training:") + "\n"
                         + "\n".join(tips[n] for n in INITS))
        combo.currentIndexChanged.connect(self._on_init_changed)
        return combo

    # ---- showing the state (no echo) -----------------------------------------------------------

    @Slot(object)
    def show_network(self, spec: NetworkSpec) -> None:
        """Show `spec` in every widget without sending edits back."""
        self.layer_table.set_layers(spec.hidden)
        with QSignalBlocker(self.init_combo):
            self.init_combo.setCurrentIndex(max(self.init_combo.findData(spec.init), 0))
        self.input_label.setText(describe_input(spec, self._state.dataset))
        self.output_label.setText(describe_output(spec, self._state.dataset))
        count = translate("gui.panels.designer_panel", "{count:,} parameters").format(count=parameter_count(spec))
        self.count_label.setText(count)
        self.breakdown_label.setText(_breakdown(spec))
        self.hint_label.setText(diagram_hint(spec))
        self.formula_label.setText("\n".join(formula_lines(spec)))
        self.diagram.show_network(spec)
        self._fill_presets(spec)
        self._show_preset(spec)

    def _show_preset(self, spec: NetworkSpec) -> None:
        """Select the preset equal to `spec` (any initialisation), or "Custom network"."""
        plain = replace(spec, init="default")
        name = next((n for n, p in self._presets.items() if p == plain), CUSTOM)
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(name), 0))

    def _fill_presets(self, spec: NetworkSpec) -> None:
        """Offer the presets for this input/output shape (rebuilt only when the shape changes)."""
        task = "classification" if spec.output_activation == "softmax" else "regression"
        key = (spec.input_size, spec.output_size, task)
        if key == self._presets_key:
            return
        self._presets_key, self._presets = key, presets(*key)
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.clear()
            self.preset_combo.addItem(translate(CONTEXT, CUSTOM), CUSTOM)
            for name in self._presets:  # shown translated; the English name (the preset's key) is the item data
                self.preset_combo.addItem(preset_label(name), name)

    # ---- user edits ----------------------------------------------------------------------------

    def apply_network(self, spec: NetworkSpec) -> bool:
        """Hand an edited network to the app state; on refusal show why and revert the widgets."""
        try:
            self._state.set_network(spec)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            self.show_network(self._state.network)
            return False
        return True

    @Slot(object)
    def _on_layers_changed(self, layers: tuple[LayerSpec, ...]) -> None:
        self.apply_network(self._state.network.with_hidden(layers))

    @Slot(int)
    def _on_init_changed(self, _index: int) -> None:
        self.apply_network(replace(self._state.network, init=self.init_combo.currentData()))

    @Slot(int)
    def _on_preset_activated(self, _index: int) -> None:
        preset = self._presets.get(self.preset_combo.currentData())
        if preset is None:
            self._show_preset(self._state.network)
            return
        self.apply_network(replace(preset, init=self._state.network.init))

    @Slot(object)
    def _on_dataset_changed(self, dataset) -> None:
        self.diagram.set_class_names(tuple(getattr(dataset, "class_names", ()) or ()))
        self.show_network(self._state.network)


def _breakdown(spec: NetworkSpec) -> str:
    parts = [f"{n_out:,}×{n_in:,} + {n_out:,}" for (n_out, n_in), _ in layer_shapes(spec)]
    legend = translate("gui.panels.designer_panel", "(weights W + biases b of each layer)")
    return "= " + "  +  ".join(f"({p})" for p in parts) + "\n  " + legend


def _wrapped_label(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setToolTip(tip)
    return label


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _mono_font(points: int) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(points)
    return font
