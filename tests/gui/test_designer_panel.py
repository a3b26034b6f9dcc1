"""The Network tab: building networks through the widgets, presets, refusal while training."""
from __future__ import annotations

import numpy as np
import pytest

from core.network_spec import LayerSpec, NetworkSpec, parameter_count, presets
from core.reports import LayerWeights, WeightsReport
from gui import dialogs
from gui.app_state import AppState
from gui.panels.designer_panel import CUSTOM, DesignerPanel


class FakeDataset:
    """Just the fields the designer reads (the real Dataset needs arrays)."""

    def __init__(self, input_shape, class_names, task="classification"):
        self.name = "fake"
        self.input_shape = input_shape
        self.class_names = class_names
        self.task = task
        self.input_size = int(np.prod(input_shape))
        self.num_outputs = len(class_names) or 1
        self.x_train = np.zeros((100, self.input_size), np.float32)


@pytest.fixture
def errors(monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)
    seen: list[str] = []
    dialogs.notifier().error_shown.connect(seen.append)
    yield seen
    dialogs.notifier().error_shown.disconnect(seen.append)


@pytest.fixture
def panel(qtbot, errors):
    state = AppState()
    widget = DesignerPanel(state)
    qtbot.addWidget(widget)
    return widget


def choose_preset(panel: DesignerPanel, name_start: str) -> None:
    combo = panel.preset_combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(name_start))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_build_the_lecture_network_through_the_widgets(panel, qtbot):
    state, table = panel._state, panel.layer_table
    choose_preset(panel, "linear")
    assert state.network.layer_sizes == (784, 10)
    assert panel.count_label.text() == "7,850 parameters"
    qtbot.mouseClick(table.add_button, _left())
    table.spin_box(0).setValue(100)
    assert state.network.layer_sizes == (784, 100, 10)
    assert panel.count_label.text() == "79,510 parameters"
    qtbot.mouseClick(table.add_button, _left())        # copies the selected layer (100 neurons)
    assert state.network.layer_sizes == (784, 100, 100, 10)
    table.spin_box(0).setValue(16)
    table.spin_box(1).setValue(16)
    assert state.network.layer_sizes == (784, 16, 16, 10)
    assert state.network.describe() == "784-16-16-10"
    assert parameter_count(state.network) == 13_002
    assert "13,002" in panel.count_label.text()
    assert "W1: 16×784, b1: 16" in panel.formula_label.text()
    assert "ŷ = softmax(W3·h2 + b3)   W3: 10×16, b3: 10" in panel.formula_label.text()
    assert panel.preset_combo.currentText().startswith("784-16-16-10")


def test_activation_and_dropout_reach_the_spec(panel):
    table = panel.layer_table
    combo = table.activation_combo(1)
    combo.setCurrentIndex(combo.findData("tanh"))
    table.dropout_spin(0).setValue(0.5)
    hidden = panel._state.network.hidden
    assert hidden == (LayerSpec(16, "relu", 0.5), LayerSpec(16, "tanh", 0.0))
    assert "h2 = tanh(W2·h1 + b2)" in panel.formula_label.text()
    assert panel.preset_combo.currentText() == CUSTOM


def test_reorder_and_remove_layers(panel, qtbot):
    state, table = panel._state, panel.layer_table
    state.set_network(NetworkSpec(784, (LayerSpec(64), LayerSpec(16, "tanh")), 10))
    table.select_layer(1)
    assert table.up_button.isEnabled() and not table.down_button.isEnabled()
    table.select_layer(0)
    assert not table.up_button.isEnabled()
    qtbot.mouseClick(table.down_button, _left())
    assert state.network.hidden == (LayerSpec(16, "tanh"), LayerSpec(64))
    assert table.table.currentRow() == 1                # the selection follows the moved layer
    assert panel.formula_label.text().startswith("h1 = tanh(W1·x + b1)   W1: 16×784")
    qtbot.mouseClick(table.up_button, _left())
    assert state.network.hidden == (LayerSpec(64), LayerSpec(16, "tanh"))
    table.select_layer(0)
    qtbot.mouseClick(table.remove_button, _left())
    assert state.network.hidden == (LayerSpec(16, "tanh"),)
    assert table.table.rowCount() == 1
    qtbot.mouseClick(table.remove_button, _left())
    assert state.network.hidden == ()
    assert not table.remove_button.isEnabled()
    assert panel.count_label.text() == "7,850 parameters"


def test_presets_replace_the_network_and_keep_the_initialisation(panel):
    state = panel._state
    panel.init_combo.setCurrentIndex(panel.init_combo.findData("zeros"))
    assert state.network.init == "zeros"
    choose_preset(panel, "784-64-64-10")
    assert state.network.layer_sizes == (784, 64, 64, 10)
    assert state.network.init == "zeros"
    assert panel.count_label.text() == f"{parameter_count(state.network):,} parameters" == "55,050 parameters"
    assert panel.layer_table.table.rowCount() == 2
    assert panel.layer_table.spin_box(1).value() == 64
    names = [panel.preset_combo.itemText(i) for i in range(panel.preset_combo.count())]
    assert names == [CUSTOM, *presets(784, 10, "classification")]


def test_changes_are_refused_while_training_and_widgets_revert(panel, qtbot, errors):
    state, table = panel._state, panel.layer_table
    before = state.network
    state.set_training_state("running")
    table.spin_box(0).setValue(99)
    assert errors and "Stop training" in errors[-1]
    assert state.network == before
    assert table.spin_box(0).value() == 16
    qtbot.mouseClick(table.add_button, _left())
    assert table.table.rowCount() == 2
    choose_preset(panel, "linear")
    assert state.network == before and table.table.rowCount() == 2
    assert panel.preset_combo.currentText().startswith("784-16-16-10")
    panel.init_combo.setCurrentIndex(panel.init_combo.findData("zeros"))
    assert panel.init_combo.currentData() == "default"
    assert len(errors) == 4
    state.set_training_state("finished")
    table.spin_box(0).setValue(99)
    assert state.network.hidden[0].units == 99


def test_showing_the_state_does_not_echo_back(panel, qtbot):
    spec = NetworkSpec(784, (LayerSpec(32, "sigmoid", 0.2),), 10, init="small_random")
    with qtbot.assertNotEmitted(panel.layer_table.layers_changed):
        panel._state.set_network(spec)
    assert panel.layer_table.layers() == spec.hidden
    assert panel.init_combo.currentData() == "small_random"
    assert panel._state.network == spec


def test_a_two_d_dataset_fixes_input_and_output_and_offers_its_presets(panel):
    state = panel._state
    state.set_dataset(FakeDataset((2,), ("blue", "orange")))
    assert state.network.input_size == 2 and state.network.output_size == 2
    assert "2 inputs" in panel.input_label.text()
    assert "2 outputs" in panel.output_label.text() and "blue, orange" in panel.output_label.text()
    names = [panel.preset_combo.itemText(i) for i in range(1, panel.preset_combo.count())]
    assert names == list(presets(2, 2, "classification"))
    assert panel.diagram.spec == state.network
    state.set_dataset(FakeDataset((1,), (), task="regression"))
    assert "1 input" in panel.input_label.text()
    assert "predicted value" in panel.output_label.text()
    assert panel.preset_combo.itemText(1).startswith("1-16-16-1")


def test_weights_reach_the_diagram_and_a_new_network_clears_them(panel):
    state = panel._state
    sizes = state.network.layer_sizes
    rng = np.random.default_rng(0)
    layers = tuple(LayerWeights(rng.normal(size=(b, a)).astype(np.float32), np.zeros(b, np.float32))
                   for a, b in zip(sizes, sizes[1:]))
    state.set_weights(WeightsReport(1, layers, state.network.activations, np.zeros(3, np.float32)))
    assert panel.diagram.has_weights
    panel.layer_table.spin_box(0).setValue(20)       # the old weights no longer fit
    assert not panel.diagram.has_weights
    assert panel.diagram.spec.layer_sizes == (784, 20, 16, 10)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
