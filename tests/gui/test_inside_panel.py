"""The Inside panel: stepping through backprop, typing softmax scores, switching input, the bias trick."""
from __future__ import annotations

import sys
import threading
from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import walkthrough as wt
from core.network_spec import LayerSpec, NetworkSpec, default_spec
from core.reports import WeightsReport
from gui import dialogs
from gui.app_state import AppState
from gui.panels import inside_panel
from gui.panels.inside_panel import BACKPROP, CHECK, FORWARD, SOFTMAX, InsidePanel

LECTURE_TEXT = "-6.8, 2.6, 5.9, 6.7, 1.9, -1.3, -5.7, 3.2, 1.3, 1.0"


@dataclass(frozen=True)
class FakeDataset:
    """Just the fields of core.datasets.Dataset the panel reads."""

    name: str
    task: str
    input_shape: tuple[int, ...]
    class_names: tuple[str, ...]
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str = "test"

    @property
    def input_size(self) -> int:
        return int(np.prod(self.input_shape))

    @property
    def num_outputs(self) -> int:
        return len(self.class_names) or 1

    @property
    def is_image(self) -> bool:
        return self.input_shape == (28, 28)


def image_dataset() -> FakeDataset:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(6, 784)).astype(np.float32)
    y = np.array([7, 2, 1, 0, 4, 1], np.int64)
    return FakeDataset("MNIST", "classification", (28, 28), tuple("0123456789"), x, y, x, y, x, y)


def regression_dataset() -> FakeDataset:
    x = np.linspace(-1, 1, 8, dtype=np.float32).reshape(-1, 1)
    y = (x ** 2).astype(np.float32)
    return FakeDataset("Curve", "regression", (1,), (), x, y, x, y, x, y)


@pytest.fixture
def errors(monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)
    shown: list[str] = []
    dialogs.notifier().error_shown.connect(shown.append)
    yield shown
    dialogs.notifier().error_shown.disconnect(shown.append)


@pytest.fixture
def state(qtbot) -> AppState:
    return AppState()


@pytest.fixture
def panel(qtbot, state, errors) -> InsidePanel:
    widget = InsidePanel(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wait_refreshed(qtbot, panel: InsidePanel) -> None:
    qtbot.waitUntil(lambda: panel.tabs.currentIndex() not in panel._dirty, timeout=3000)


def weights_for(spec: NetworkSpec, seed: int, step: int = 7) -> WeightsReport:
    layers = wt.random_layers(spec, seed)
    return WeightsReport(step, layers, spec.activations, np.zeros(len(layers), np.float32))


# ---------------------------------------------------------------- backprop step by step

def test_next_and_previous_walk_through_the_chain_with_autograd_beside_each_gradient(qtbot, panel):
    panel.tabs.setCurrentIndex(BACKPROP)
    wait_refreshed(qtbot, panel)
    view = panel.backprop_view
    assert view.title_label.text() == "Hidden value" and not view.prev_button.isEnabled()
    assert "<b>ŷ</b> = ?" in view.diagram_label.text() and "∂L/∂" not in view.diagram_label.text()
    for _ in range(9):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.formula_label.text() == "∂L/∂w1 = (ŷ − y)·w2·x = (−1.5)·1.5·2 = −4.5"
    assert "torch.autograd gives −4.5" in view.torch_label.text() and "✓" in view.torch_label.text()
    assert view.phase_label.text() == "Backward pass · step 10 of 13"
    assert [view.table.isRowHidden(r) for r in range(view.table.rowCount())] == [False] * 10 + [True] * 3
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.formula_label.text() == "∂h/∂w1 = x = 2" and view.table.isRowHidden(9)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.title_label.text() == "Loss with the new weights" and not view.next_button.isEnabled()
    assert "∂L/∂w1 = −4.5" in view.diagram_label.text() and "<b>w1</b> = 0.5<br>→ 0.95" in view.diagram_label.text()
    assert "w1 ← w1 − η·∂L/∂w1 = 0.5 − 0.1·(−4.5) = 0.95" == view.table.item(10, 2).text()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.title_label.text() == "Prediction"


def test_typed_chain_numbers_recompute_every_step_and_autograd_agrees(qtbot, panel):
    panel.tabs.setCurrentIndex(BACKPROP)
    wait_refreshed(qtbot, panel)
    view = panel.backprop_view
    view.chain_spins["w2"].setValue(-2.0)
    view.go_last()
    grads = {s.key: s for s in view.steps if s.key}
    assert float(grads["grad:w1"].value) == pytest.approx((0.5 * -2.0 * 2.0 - 3.0) * -2.0 * 2.0)
    assert all(s.difference < 1e-12 for s in view.steps if s.reference is not None)
    assert view.table.item(9, 4).text() == wt.vector_text(grads["grad:w1"].reference)


def test_tiny_relu_network_shows_the_mask_and_rejects_a_typo(qtbot, panel, errors):
    panel.tabs.setCurrentIndex(BACKPROP)
    wait_refreshed(qtbot, panel)
    view = panel.backprop_view
    view.network_combo.setCurrentIndex(1)
    assert view.params.currentIndex() == 1
    view.position = next(i for i, s in enumerate(view.steps) if "mask" in s.title)
    view.show_position()
    assert view.formula_label.text().endswith("→ [1, 0]")
    edit = view.tiny_edits["x"]
    edit.setText("1, banana")
    edit.editingFinished.emit()
    assert errors and "'banana' is not a number" in errors[-1]
    assert view.formula_label.text().endswith("→ [1, 0]")          # the last good steps stay
    edit.setText("1, 2, 3")
    edit.editingFinished.emit()
    assert "Type 2 numbers for x" in errors[-1]


# ---------------------------------------------------------------- softmax and losses

def test_typing_the_lecture_scores_gives_class_3_a_probability_of_0_66(qtbot, panel):
    panel.tabs.setCurrentIndex(SOFTMAX)
    view = panel.softmax_view
    view.scores_edit.clear()
    qtbot.keyClicks(view.scores_edit, "1, 2")
    assert view.table.rowCount() == 3                                 # two classes and the Σ row, live
    view.scores_edit.clear()
    qtbot.keyClicks(view.scores_edit, LECTURE_TEXT)
    qtbot.keyClick(view.scores_edit, Qt.Key.Key_Return)
    view.label_spin.setValue(3)
    assert view.table.rowCount() == 11
    assert view.table.item(3, 4).text() == "0.66"
    assert view.table.item(3, 3).text() == "812.4"                    # exp(6.7)
    assert view.table.item(10, 4).text() == "1.00"
    assert "−log 0.661 = 0.414" in view.loss_label.text()


def test_temperature_flattens_and_the_label_changes_the_loss(qtbot, panel):
    panel.tabs.setCurrentIndex(SOFTMAX)
    view = panel.softmax_view
    view.show_scores(np.array(wt.LECTURE_SCORES), 3)
    view.temperature_slider.setValue(100)                             # T = 10
    assert view.temperature_label.text() == "T = 10.00"
    assert view.walk.probabilities[3] < 0.3 and view.table.item(3, 2).text() == "0.67"
    view.temperature_slider.setValue(0)
    view.label_spin.setValue(2)
    assert view.walk.label == 2 and "−log 0.297" in view.loss_label.text()


def test_garbage_scores_give_a_sentence_and_keep_the_last_good_table(qtbot, panel, errors):
    panel.tabs.setCurrentIndex(SOFTMAX)
    view = panel.softmax_view
    before = view.table.item(3, 4).text()
    view.scores_edit.clear()
    qtbot.keyClicks(view.scores_edit, "1, 2, x")
    qtbot.keyClick(view.scores_edit, Qt.Key.Key_Return)
    assert errors == ["'x' is not a number; type the scores like −6.8, 2.6, 5.9."]
    assert view.table.rowCount() == 3                                 # "1, 2" was shown while typing
    view._on_example_clicked()
    assert view.table.item(3, 4).text() == before == "0.66"


def test_regression_losses_are_shown_for_typed_predictions(qtbot, panel):
    view = panel.softmax_view
    view.pred_edit.setText("1, 2, 3, 5")
    view.target_edit.setText("1")
    view.pred_edit.textEdited.emit("1, 2, 3, 5")
    text = view.regression_label.text()
    assert "MSE</b> = (1/4) Σ (ŷ − y)² = <b>5.25" in text and "<b>MAE</b> = (1/4) Σ |ŷ − y| = <b>1.75" in text
    assert "RMSE</b> = √MSE = <b>2.291" in text


# ---------------------------------------------------------------- forward pass, inputs and the bias trick

def test_switching_input_changes_what_goes_through_the_network(qtbot, state, panel):
    dataset = image_dataset()
    state.set_dataset(dataset)
    wait_refreshed(qtbot, panel)
    view = panel.forward_view
    assert panel.input_combo.currentData() == "data" and panel.class_spin.value() == 7
    np.testing.assert_allclose(view.views["x"].matrix.values[:, 0], dataset.x_test[0], rtol=1e-6)
    panel.index_spin.setValue(2)
    wait_refreshed(qtbot, panel)
    np.testing.assert_allclose(view.views["x"].matrix.values[:, 0], dataset.x_test[2], rtol=1e-6)
    assert panel.class_spin.value() == 1 and "test image #2 (label 1)" in panel.input_label.text()
    assert not panel.input_combo.model().item(0).isEnabled()          # no drawing yet
    drawing = np.linspace(-0.4, 2.8, 784)
    state.set_drawing(drawing)
    assert panel.input_combo.model().item(0).isEnabled()
    panel.input_combo.setCurrentIndex(0)
    wait_refreshed(qtbot, panel)
    np.testing.assert_allclose(view.views["x"].matrix.values[:, 0], drawing)
    assert "your drawing" in panel.input_label.text() and not panel.index_spin.isEnabled()
    expected = wt.network_walk(panel.current_weights(), drawing)[0].z
    np.testing.assert_allclose(view.shown_z(), expected)


def test_bias_trick_gives_the_same_z_as_w_x_plus_b(qtbot, state, panel):
    spec = NetworkSpec(5, (LayerSpec(3, "tanh"),), 2)
    state.set_network(spec)
    weights = weights_for(spec, seed=4)
    state.set_weights(weights)
    wait_refreshed(qtbot, panel)
    view = panel.forward_view
    x = panel.current_input().x
    expected = weights.layers[0].weight.astype(np.float64) @ x + weights.layers[0].bias
    np.testing.assert_allclose(view.shown_z(), expected, atol=1e-12)
    assert view.views["W"].matrix.values.shape == (3, 5)
    view.trick_check.setChecked(True)
    np.testing.assert_allclose(view.shown_z(), expected, atol=1e-12)
    assert view.views["W"].matrix.values.shape == (3, 6)
    np.testing.assert_array_equal(view.views["W"].matrix.values[:, -1], weights.layers[0].bias)
    assert view.views["x"].matrix.values[-1, 0] == 1.0 and view.views["x"].matrix.values.shape == (6, 1)
    assert view.formula_label.text().startswith("[W1 | b1] · [x; 1] = z1")
    assert view.captions["b"].parentWidget().isHidden()
    view.trick_check.setChecked(False)
    assert not view.captions["b"].parentWidget().isHidden() and view.views["W"].matrix.values.shape == (3, 5)


def test_layer_choice_and_hover_explain_which_weight_multiplies_which_pixel(qtbot, state, panel):
    state.set_dataset(image_dataset())
    wait_refreshed(qtbot, panel)
    view = panel.forward_view
    view.views["W"].hovered.emit(3, 407)
    walk = view.walk
    assert view.detail_label.text().startswith(f"W1[3, 407] = {wt.num(walk.weight[3, 407], 3)} multiplies "
                                               f"pixel (14, 15)")
    assert view.views["x"].currentIndex().row() == 407 and view.views["z"].currentIndex().row() == 3
    tip = view.views["z"].matrix.data(view.views["z"].matrix.index(3, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("z1[3] = W1[3, :]·x + b1[3]")
    view.layer_combo.setCurrentIndex(2)
    assert view.walk.index == 2 and view.views["W"].matrix.values.shape == (10, 16)
    assert view.formula_label.text() == "W3 · h2 + b3 = z3    →    softmax(z3) = h3"
    np.testing.assert_allclose(view.views["h"].matrix.values[:, 0].sum(), 1.0)


def test_zooming_out_shows_colours_only(qtbot, panel):
    view = panel.forward_view.views["W"]
    panel.forward_view.zoom_slider.setValue(0)
    assert not view.matrix.show_numbers and view.horizontalHeader().defaultSectionSize() == 12
    panel.forward_view.zoom_slider.setValue(6)
    assert view.matrix.show_numbers and view.matrix.data(view.matrix.index(0, 0)) is not None


def test_untrained_weights_are_labelled_and_live_weights_replace_them(qtbot, state, panel):
    wait_refreshed(qtbot, panel)
    assert "untrained (random) weights" in panel.weights_label.text()
    spec = state.network
    trained = weights_for(spec, seed=9, step=1234)
    state.set_weights(trained)
    wait_refreshed(qtbot, panel)
    assert panel.weights_label.text() == "trained weights, step 1,234"
    np.testing.assert_allclose(panel.forward_view.views["W"].matrix.values, trained.layers[0].weight)
    state.set_weights(None)
    wait_refreshed(qtbot, panel)
    assert "untrained (random) weights" in panel.weights_label.text()


def test_only_the_visible_sub_tab_is_recomputed(qtbot, state, panel, monkeypatch):
    calls = []
    original = wt.network_walk
    monkeypatch.setattr(inside_panel.wt, "network_walk", lambda *a, **k: calls.append(1) or original(*a, **k))
    panel.tabs.setCurrentIndex(BACKPROP)
    for step in range(5):
        state.set_weights(weights_for(state.network, seed=step, step=step))
    qtbot.wait(50)
    assert calls == []
    panel.tabs.setCurrentIndex(FORWARD)
    wait_refreshed(qtbot, panel)
    assert len(calls) == 1                                            # once, with the latest weights
    np.testing.assert_allclose(panel.forward_view.views["W"].matrix.values,
                               weights_for(state.network, seed=4).layers[0].weight)
    panel.hide()
    state.set_weights(weights_for(state.network, seed=5))
    qtbot.wait(50)
    assert len(calls) == 1


# ---------------------------------------------------------------- whole-network check

def test_whole_network_check_agrees_with_autograd_for_each_loss(qtbot, state, panel):
    state.set_dataset(image_dataset())
    panel.tabs.setCurrentIndex(CHECK)
    wait_refreshed(qtbot, panel)
    view = panel.check_view
    assert "✓ manual backward pass = torch.autograd" in view.summary_label.text()
    assert view.table.rowCount() == 3 and view.table.item(0, 1).text() == "δ1 = (W2ᵀ·δ2) ⊙ [z1 > 0]"
    assert all(float(view.table.item(r, c).text().replace("−", "-")) < 1e-6 for r in range(3) for c in (5, 6))
    chosen = panel.current_input()
    expected = wt.manual_backward(panel.current_weights(), chosen.x, np.array([7]))
    assert f"loss manual {wt.num(expected.loss, 6)}" in view.loss_label.text()
    view.loss_combo.setCurrentIndex(view.loss_combo.findData("mse"))
    wait_refreshed(qtbot, panel)
    mse = wt.manual_backward(panel.current_weights(), chosen.x, np.array([7]), loss="mse")
    assert f"loss manual {wt.num(mse.loss, 6)}" in view.loss_label.text()
    assert view.table.item(2, 1).text().startswith("δ3 = softmax'(z3)ᵀ")
    state.set_weights(weights_for(state.network, seed=2))              # live weights keep the chosen loss
    wait_refreshed(qtbot, panel)
    assert view.loss == "mse" and "✓" in view.summary_label.text()


def test_regression_data_offers_mse_and_mae_and_fills_the_regression_losses(qtbot, state, panel):
    state.set_dataset(regression_dataset())
    panel.index_spin.setValue(7)
    panel.tabs.setCurrentIndex(CHECK)
    wait_refreshed(qtbot, panel)
    combo = panel.check_view.loss_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["mse", "mae"]
    assert not panel.class_spin.isEnabled() and "toy-set point #7" in panel.input_label.text()
    assert "✓" in panel.check_view.summary_label.text()
    panel.tabs.setCurrentIndex(SOFTMAX)
    wait_refreshed(qtbot, panel)
    view = panel.softmax_view
    assert not view.network_button.isEnabled() and view.regression_button.isEnabled()
    view.regression_button.click()
    assert view.target_edit.text() == "1"                              # x = 1 → y = 1²
    prediction = wt.network_walk(panel.current_weights(), np.array([1.0]))[-1].z
    assert view.pred_edit.text() == wt.num(prediction[0])


def test_network_output_button_follows_the_live_scores(qtbot, state, panel):
    state.set_dataset(image_dataset())
    panel.tabs.setCurrentIndex(SOFTMAX)
    wait_refreshed(qtbot, panel)
    view = panel.softmax_view
    view.network_button.setChecked(True)
    logits = wt.network_walk(panel.current_weights(), panel.current_input().x)[-1].z
    np.testing.assert_allclose(view.walk.scores, logits)
    assert view.walk.label == 7
    new = weights_for(state.network, seed=3)
    state.set_weights(new)
    wait_refreshed(qtbot, panel)
    np.testing.assert_allclose(view.walk.scores, wt.network_walk(new, panel.current_input().x)[-1].z)


def test_autograd_side_is_imported_only_when_a_comparison_is_first_shown(qtbot, state, errors, monkeypatch):
    """torch must not load at window start-up: the panel imports core.autograd_check lazily."""
    import core

    monkeypatch.delitem(sys.modules, "core.autograd_check", raising=False)
    monkeypatch.delattr(core, "autograd_check", raising=False)
    widget = InsidePanel(state)
    qtbot.addWidget(widget)
    widget.show()
    wait_refreshed(qtbot, widget)
    assert widget.forward_view.walk is not None and "core.autograd_check" not in sys.modules
    widget.tabs.setCurrentIndex(BACKPROP)
    wait_refreshed(qtbot, widget)
    assert "core.autograd_check" in sys.modules and len(widget.backprop_view.steps) == 13


def test_without_torch_in_memory_the_steps_show_at_once_and_autograd_follows_from_a_thread(
        qtbot, panel, monkeypatch):
    release = threading.Event()
    original = wt.load_autograd_side

    def slow_import(should_stop):        # stands in for the seconds torch takes to import
        release.wait(5)
        yield from original(should_stop)

    monkeypatch.setattr(inside_panel, "torch_loaded", lambda: False)
    monkeypatch.setattr(inside_panel.wt, "load_autograd_side", slow_import)
    panel.tabs.setCurrentIndex(BACKPROP)
    wait_refreshed(qtbot, panel)
    view = panel.backprop_view
    assert len(view.steps) == 13 and all(s.reference is None for s in view.steps)
    view.go_last()
    assert view.torch_label.text() == "torch.autograd: loading torch for the comparison…"
    assert panel._loader.is_running
    with qtbot.waitSignal(panel._loader.finished, timeout=10000) as finished:
        release.set()
    assert finished.args == ["completed"]
    qtbot.waitUntil(lambda: view.steps[-1].reference is not None, timeout=3000)
    assert "✓ the same" in view.torch_label.text() and not panel._loader.is_running
    assert panel.shutdown()


def test_default_spec_panel_starts_with_a_random_example_input(qtbot, state, panel):
    wait_refreshed(qtbot, panel)
    assert state.network == default_spec()
    assert panel.input_combo.currentData() == "example" and "random example input" in panel.input_label.text()
    np.testing.assert_allclose(panel.forward_view.views["x"].matrix.values[:, 0], wt.example_input(784))


def test_matrix_colours_never_see_nan_or_inf(qtbot):
    import warnings

    model = inside_panel.MatrixModel()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model.set_values(np.array([[np.nan, np.inf], [-np.inf, 0.5]]), ["0", "1"], ["0", "1"])
    assert model._levels.tolist() == [[127, 255], [0, 255]]
    assert model.data(model.index(0, 0)) == "nan"
