"""DrawPanel: draw → MNIST preprocessing → live answer; while training; my digits; errors."""
from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.datasets import Dataset, normalize_pixels, to_pixels
from core.inference import forward
from core.model import build_model, snapshot_weights
from core.network_spec import LayerSpec, NetworkSpec, default_spec
from core.own_digits import OwnDigits, default_path
from core.reports import LossReport, TrainingConfig
from core.synthetic_digits import generate_digits
from core.training import TrainingSession, make_report_source
from gui import dialogs
from gui.app_state import AppState
from gui.panels import draw_panel as dp
from gui.training_controller import TrainingController

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
SEVEN = [(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]
FASHION = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")


def image_dataset(n: int = 300, names: tuple[str, ...] = tuple("0123456789"), seed: int = 0) -> Dataset:
    """A small image dataset of synthetic digits (train/val/test)."""
    images, labels = generate_digits(n, np.random.default_rng(seed))
    x = normalize_pixels(images.reshape(n, -1) / np.float32(255))
    a, b = int(n * 0.7), int(n * 0.8)
    return Dataset("Synthetic digits", "classification", (28, 28), names, x[:a], labels[:a], x[a:b], labels[a:b],
                   x[b:], labels[b:], "test data")


def point_dataset() -> Dataset:
    x = np.random.default_rng(0).normal(size=(40, 2)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.int64)
    return Dataset("Circle", "classification", (2,), ("inside", "outside"), x[:30], y[:30], x[30:35], y[30:35],
                   x[35:], y[35:], "test points")


def weights_for(spec: NetworkSpec = default_spec(), seed: int = 0):
    return snapshot_weights(build_model(spec, seed=seed), spec, 0)


@pytest.fixture
def errors(monkeypatch):
    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)
    shown: list[str] = []
    dialogs.notifier().error_shown.connect(shown.append)
    yield shown
    dialogs.notifier().error_shown.disconnect(shown.append)


@pytest.fixture
def controller():
    runner = TrainingController()
    yield runner
    assert runner.shutdown()


@pytest.fixture
def panel(qtbot, errors, controller):
    state = AppState()
    widget = dp.DrawPanel(state, controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def at(panel, x: float, y: float) -> QPoint:
    board = panel.canvas.board_rect()
    return QPoint(int(board.left() + x * board.width()), int(board.top() + y * board.height()))


def draw(qtbot, panel, points=SEVEN, steps: int = 5) -> None:
    canvas = panel.canvas
    qtbot.mousePress(canvas, LEFT, NONE, at(panel, *points[0]))
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        for t in np.linspace(0, 1, steps + 1)[1:]:
            QTest.mouseMove(canvas, at(panel, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    qtbot.mouseRelease(canvas, LEFT, NONE, at(panel, *points[-1]))


def test_drawing_a_digit_updates_the_stages_and_the_bars(qtbot, panel):
    state = panel._state
    state.set_weights(weights_for())
    with qtbot.waitSignal(state.drawing_changed, timeout=1000):
        draw(qtbot, panel)
    probabilities = panel.bars.probabilities
    expected = forward(state.weights, state.drawing).probabilities
    assert np.allclose(probabilities, expected) and probabilities.sum() == pytest.approx(1.0)
    assert state.drawing.shape == (784,) and np.array_equal(state.drawing, panel.result.model_input)
    assert panel.bars.answer.startswith(f"{int(np.argmax(expected))} — ") and panel.bars.answer.endswith("sure")
    assert panel.answer_stack.currentIndex() == 1
    assert panel.seen_view.picture.pixmap() is not None and not panel.seen_view.picture.pixmap().isNull()
    assert panel.strips.levels is not None and len(panel.strips.levels) == 2


def test_an_empty_canvas_asks_for_a_drawing_and_predicts_nothing(qtbot, panel):
    panel._state.set_weights(weights_for())
    draw(qtbot, panel)
    with qtbot.waitSignal(panel._state.drawing_changed, timeout=1000) as blocker:
        QTest.keyClick(panel.canvas, Qt.Key.Key_Escape)
    assert blocker.args == [None]
    assert panel.bars.probabilities is None and panel.bars.answer == "Draw a digit"
    assert panel.strips.levels is None


def test_new_weights_change_the_answer_for_the_same_drawing(qtbot, panel):
    state = panel._state
    state.set_weights(weights_for(seed=0))
    draw(qtbot, panel)
    before = panel.bars.probabilities.copy()
    state.set_weights(weights_for(seed=1))
    after = panel.bars.probabilities
    assert not np.allclose(before, after)
    assert np.allclose(after, forward(state.weights, state.drawing).probabilities)


def test_a_hidden_panel_answers_for_new_weights_when_it_is_shown_again(qtbot, panel):
    state = panel._state
    state.set_weights(weights_for(seed=0))
    draw(qtbot, panel)
    before = panel.bars.probabilities.copy()
    panel.hide()                                          # another tab is in front while training runs
    state.set_weights(weights_for(seed=1))
    assert np.allclose(panel.bars.probabilities, before)  # no forward pass for a hidden tab
    panel.show()
    assert np.allclose(panel.bars.probabilities, forward(state.weights, state.drawing).probabilities)
    assert not np.allclose(panel.bars.probabilities, before)


def test_without_a_network_the_panel_offers_quick_train(qtbot, panel):
    assert panel.answer_stack.currentIndex() == 0
    assert panel.quick_train_button.isVisibleTo(panel)
    draw(qtbot, panel)                                   # drawing still shows the stages
    assert panel.result is not None and panel.bars.probabilities is None
    with qtbot.waitSignal(panel.quick_train_requested, timeout=1000):
        qtbot.mouseClick(panel.quick_train_button, LEFT)


def test_the_progress_bar_follows_the_training_run(qtbot, panel, controller):
    panel._state.set_training_state("running")
    assert panel.progress.isVisibleTo(panel)
    controller.loss_reported.emit(LossReport(0, np.array([50]), np.array([0.5], np.float32), 100.0, 50, 200, 0.01))
    assert panel.progress.value() == 250
    panel._state.set_training_state("finished")
    assert not panel.progress.isVisibleTo(panel)


def test_class_names_follow_the_dataset(qtbot, panel):
    state = panel._state
    state.set_dataset(image_dataset(names=FASHION))
    state.set_weights(weights_for())
    draw(qtbot, panel)
    winner = int(np.argmax(panel.bars.probabilities))
    assert panel.bars.answer.startswith(FASHION[winner] + " — ")


def test_a_dataset_without_images_explains_instead_of_predicting(qtbot, panel):
    state = panel._state
    state.set_dataset(point_dataset())
    state.set_weights(weights_for(state.network))
    draw(qtbot, panel)
    assert panel.answer_stack.currentIndex() == 0 and "not made of images" in panel.no_model_label.text()
    assert not panel.quick_train_button.isVisibleTo(panel) and not panel.random_button.isEnabled()


def test_a_random_test_image_goes_on_the_canvas_and_through_the_pipeline(qtbot, panel):
    state = panel._state
    dataset = image_dataset()
    state.set_dataset(dataset)
    state.set_weights(weights_for())
    panel._rng = np.random.default_rng(3)
    for _ in range(5):
        qtbot.mouseClick(panel.random_button, LEFT)
        index = int(panel.hint_label.text().split("#")[1].split()[0]) - 1
        assert f"labelled “{dataset.y_test[index]}”" in panel.hint_label.text()
        original = to_pixels(dataset.x_test[index])
        assert np.abs(panel.result.centred_28 - original).mean() < 0.005   # the network sees the test image
        expected = forward(state.weights, dataset.x_test[index]).probabilities
        assert np.allclose(panel.bars.probabilities, expected, atol=0.02)
    qtbot.mouseClick(panel.clear_button, LEFT)
    assert panel.hint_label.text() == dp.DRAW_HINT


def test_undo_and_clear_buttons(qtbot, panel):
    draw(qtbot, panel)
    first = panel.canvas.pixels()
    draw(qtbot, panel, [(0.2, 0.6), (0.8, 0.6)])
    qtbot.mouseClick(panel.undo_button, LEFT)
    assert np.array_equal(panel.canvas.pixels(), first)
    qtbot.mouseClick(panel.clear_button, LEFT)
    assert panel.result is None and panel._state.drawing is None


def test_drawing_while_the_network_trains(qtbot, panel, controller):
    """T-10: predictions stay finite and sum to 1 while weights arrive from the training thread."""
    state = panel._state
    dataset = image_dataset(n=1200)
    state.set_dataset(dataset)
    session = TrainingSession(state.network, dataset, TrainingConfig(epochs=4, batch_size=16, weights_hz=50.0))
    controller.weights_reported.connect(state.set_weights)
    seen_weights = []
    state.weights_changed.connect(seen_weights.append)
    assert controller.start(make_report_source(session))
    answers = []
    with qtbot.waitSignal(controller.finished, timeout=60000):
        while controller.is_running:
            draw(qtbot, panel, SEVEN if len(answers) % 2 else [(0.5, 0.1), (0.5, 0.9)], steps=3)
            qtbot.wait(10)
            if panel.bars.probabilities is not None:
                answers.append(panel.bars.probabilities.copy())
    assert len(seen_weights) >= 2 and len(answers) >= 2
    assert all(np.isfinite(p).all() and p.sum() == pytest.approx(1.0) for p in answers)
    final = forward(state.weights, state.drawing).probabilities
    assert np.allclose(panel.bars.probabilities, final)   # the answer follows the latest weights


def test_digit_keys_add_the_drawing_to_my_digits(qtbot, panel):
    draw(qtbot, panel)
    QTest.keyClick(panel.canvas, Qt.Key.Key_7)
    assert panel.digits.labels.tolist() == [7] and panel.gallery.count() == 1
    assert panel.canvas.is_empty                          # ready for the next digit
    assert OwnDigits.open().labels.tolist() == [7]        # saved at once
    assert "1 digits saved" in panel.count_label.text() and "1 × “7”" in panel.count_label.toolTip()


def test_adding_with_the_button_and_an_empty_canvas(qtbot, panel, errors):
    qtbot.mouseClick(panel.add_button, LEFT)
    assert errors and "Draw a digit first" in errors[-1] and len(panel.digits) == 0
    draw(qtbot, panel)
    panel.label_spin.setValue(4)
    qtbot.mouseClick(panel.add_button, LEFT)
    assert panel.digits.labels.tolist() == [4]


def test_deleting_selected_digits(qtbot, panel):
    for label in (1, 2, 3):
        draw(qtbot, panel)
        panel.add_to_digits(label)
    panel.gallery.item(1).setSelected(True)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert panel.digits.labels.tolist() == [1, 3] and panel.gallery.count() == 2
    assert OwnDigits.open().labels.tolist() == [1, 3]


def test_a_crash_during_a_save_keeps_the_collection(qtbot, panel, errors, monkeypatch):
    draw(qtbot, panel)
    panel.add_to_digits(1)
    saved = default_path().read_bytes()

    def crash(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    draw(qtbot, panel)
    panel.add_to_digits(2)
    assert errors and "previous file is unchanged" in errors[-1]
    assert default_path().read_bytes() == saved and panel.gallery.count() == 1
    assert not panel.canvas.is_empty                      # the drawing is not thrown away either


def test_export_and_import_through_the_file_dialogs(qtbot, panel, tmp_path, monkeypatch):
    for label in (5, 6):
        draw(qtbot, panel)
        panel.add_to_digits(label)
    target = tmp_path / "class.npz"
    monkeypatch.setattr(dp, "ask_export_path", lambda parent: str(target))
    qtbot.mouseClick(panel.export_button, LEFT)
    assert OwnDigits.open(target).labels.tolist() == [5, 6]
    panel.digits.remove(0)
    panel.digits.remove(0)
    monkeypatch.setattr(dp, "ask_import_path", lambda parent: str(target))
    qtbot.mouseClick(panel.import_button, LEFT)
    assert panel.digits.labels.tolist() == [5, 6] and panel.gallery.count() == 2
    monkeypatch.setattr(dp, "ask_import_path", lambda parent: None)   # cancelled: nothing happens
    qtbot.mouseClick(panel.import_button, LEFT)
    assert len(panel.digits) == 2


def test_a_malformed_import_gives_a_clear_error(qtbot, panel, errors, tmp_path, monkeypatch):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"this is not a collection")
    monkeypatch.setattr(dp, "ask_import_path", lambda parent: str(bad))
    qtbot.mouseClick(panel.import_button, LEFT)
    assert errors and "bad.npz" in errors[-1] and "damaged" in errors[-1]
    assert len(panel.digits) == 0


def test_a_damaged_collection_at_start_is_kept_aside_not_overwritten(qtbot, errors, controller):
    default_path().write_bytes(b"half a file")
    panel = dp.DrawPanel(AppState(), controller)
    qtbot.addWidget(panel)
    assert errors and "my_digits.npz" in errors[-1] and "my_digits.damaged-1.npz" in errors[-1]
    assert (default_path().parent / "my_digits.damaged-1.npz").read_bytes() == b"half a file"
    draw(qtbot, panel)
    panel.add_to_digits(8)
    assert OwnDigits.open().labels.tolist() == [8]


def test_testing_the_network_on_my_digits_marks_the_misread_ones(qtbot, panel):
    spec = NetworkSpec(784, (), 10)
    weights = weights_for(spec)
    bias = np.full(10, -9.0, np.float32)
    bias[2] = 9.0                                         # always answers 2
    weights = type(weights)(0, (type(weights.layers[0])(np.zeros((10, 784), np.float32), bias),),
                            ("softmax",), np.zeros(1, np.float32))
    panel._state.set_weights(weights)
    for label in (2, 2, 5):
        draw(qtbot, panel)
        panel.add_to_digits(label)
    qtbot.mouseClick(panel.test_button, LEFT)
    assert "2 of your 3" in panel.test_label.text()
    assert [panel.gallery.item(i).text() for i in range(3)] == ["2", "2", "5→2"]


def test_layer_strips_follow_the_network_design(qtbot, panel):
    spec = NetworkSpec(784, (LayerSpec(32, "tanh"), LayerSpec(8), LayerSpec(4, "sigmoid")), 10)
    panel._state.set_network(spec)
    panel._state.set_weights(weights_for(spec))
    draw(qtbot, panel)
    assert [len(levels) for levels in panel.strips.levels] == [32, 8, 4]
    assert panel.strips._titles[0].startswith("Hidden 1 · 32 neurons")


def test_weights_that_diverged_are_explained_not_drawn(qtbot, panel):
    weights = weights_for()
    broken = weights.layers[0].weight.copy()
    broken[0, 0] = np.nan
    weights = type(weights)(0, (type(weights.layers[0])(broken, weights.layers[0].bias), *weights.layers[1:]),
                            weights.activations, weights.grad_norms)
    panel._state.set_weights(weights)
    draw(qtbot, panel)
    assert panel.answer_stack.currentIndex() == 0 and "NaN" in panel.no_model_label.text()
    assert panel.bars.probabilities is None
