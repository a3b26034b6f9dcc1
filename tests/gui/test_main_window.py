from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QMenu,
                               QScrollBar, QTabBar, QWidget)

from core.datasets import load_dataset
from core.inference import forward
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import TrainingConfig
from gui import file_actions
from gui.main_window import MainWindow
from gui.settings_store import SettingsStore


@pytest.fixture
def errors(errors_shown):
    """The harness's collector of error messages (tests/gui/conftest.py)."""
    return errors_shown


@pytest.fixture
def window(qtbot, tmp_path, errors):
    window = MainWindow(auto_load=False, settings=SettingsStore(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.state.set_dataset(load_dataset("Two gaussians"))
    yield window
    assert window.shutdown()


def train_briefly(qtbot, window, epochs=3):
    window.state.set_config(TrainingConfig(learning_rate=0.05, batch_size=16, epochs=epochs))
    with qtbot.waitSignal(window.controller.run_finished, timeout=60_000):
        window.training_panel.train_or_pause()
    qtbot.waitUntil(lambda: not window.controller.is_running, timeout=10_000)


def test_window_has_every_panel_and_a_status_bar(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == \
        ["Data", "Network", "Training", "Draw", "Terrain", "Inside"]
    status = " ".join(label.text() for label in (window._status_dataset, window._status_network, window._status_state))
    assert "Two gaussians" in status and "2-8-8-2" in status and "not trained" in status


def test_every_action_has_a_shortcut_or_a_menu_and_every_control_a_tooltip(window):
    menu_actions = {a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    for action in window.actions():
        assert not action.shortcut().isEmpty() or action in menu_actions, action.text()
    controls = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit)
    missing = [f"{type(w).__name__} '{_caption(w)}' in {type(w.parent()).__name__}"
               for w in window.findChildren(QWidget)
               if isinstance(w, controls) and not isinstance(w, QScrollBar)
               and w.objectName() not in ("qt_tableview_cornerbutton", "qt_menubar_ext_button")
               and not isinstance(w.parent(), QTabBar)
               and not _explained(w)]
    assert not missing, missing


def _caption(widget) -> str:
    return widget.objectName() or (widget.text() if hasattr(widget, "text") else "")


def _explained(widget) -> bool:
    """A control explains itself by its tooltip; a spin box's or combo's inner line edit by its owner's."""
    if widget.toolTip():
        return True
    owner = widget.parent()
    return isinstance(widget, QLineEdit) and isinstance(owner, (QAbstractSpinBox, QComboBox)) and bool(owner.toolTip())


def test_shortcuts_drive_training(qtbot, window):
    window.show()
    window.tabs.setCurrentWidget(window.training_panel)
    window.state.set_config(TrainingConfig(learning_rate=0.01, batch_size=1, epochs=1000))  # long: it cannot end first
    train = next(a for a in window.actions() if a.text() == "Train / Pause")
    assert train.shortcut().toString() == "Space"
    with qtbot.waitSignal(window.controller.loss_reported, timeout=30_000):
        train.trigger()
    assert window.state.training_state == "running"
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        train.trigger()
    assert window.state.training_state == "paused"


def test_save_and_open_model_round_trip_gives_bitwise_equal_predictions(qtbot, window, tmp_path):
    train_briefly(qtbot, window)
    x = window.state.dataset.x_test
    before = forward(window.state.weights, x).probabilities
    path = str(tmp_path / "net.pt")
    with qtbot.waitSignals([window.model_files.saved, window.model_files._runner.finished], timeout=30_000):
        assert window.save_model_to(path)
    window.training_panel.reset()
    assert window.state.weights is None
    with qtbot.waitSignal(window.model_files.loaded, timeout=30_000):
        assert window.open_model_from(path)
    np.testing.assert_array_equal(forward(window.state.weights, x).probabilities, before)


def test_junk_model_file_is_refused_and_current_model_kept(qtbot, window, tmp_path, errors):
    train_briefly(qtbot, window, epochs=1)
    weights = window.state.weights
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a model at all")
    with qtbot.waitSignal(window.model_files._runner.finished, timeout=30_000):
        window.open_model_from(str(junk))
    assert errors and window.state.weights is weights


def test_model_for_other_data_shape_is_refused_with_advice(qtbot, window, tmp_path, errors):
    from core.model_io import save_model
    from core.model import build_model, snapshot_weights

    spec = NetworkSpec(784, (LayerSpec(4),), 10)
    path = tmp_path / "digits.pt"
    save_model(path, spec, snapshot_weights(build_model(spec), spec).layers, TrainingConfig(), "MNIST")
    with qtbot.waitSignal(window.model_files.loaded, timeout=30_000):
        window.open_model_from(str(path))
    assert "MNIST" in errors[-1] and window.state.network.input_size == 2


def test_save_without_weights_explains(window, errors, monkeypatch):
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: "/tmp/never.pt")
    window.save_model()
    assert "no trained network" in errors[-1]


def test_show_code_opens_a_runnable_script(qtbot, window):
    window.show_code()
    from gui.code_dialog import CodeDialog

    dialog = window.findChild(CodeDialog)
    assert dialog is not None
    code = dialog.editor.toPlainText()
    compile(code, "script.py", "exec")
    assert "import torch" in code and "nn.Linear(2, 8)" in code
    dialog.close()


def test_presentation_mode_grows_fonts_and_restores(window):
    label = window._status_network
    before = label.font().pointSizeF()
    window.set_presentation(True)
    assert label.font().pointSizeF() >= 18 > before
    window.set_presentation(False)
    assert label.font().pointSizeF() == pytest.approx(before)


def test_focus_mode_hides_everything_but_the_panel(window):
    window.show()
    window.set_focus_mode(True)
    assert not window.tabs.tabBar().isVisible() and not window.menuBar().isVisible()
    window.set_focus_mode(False)
    assert window.tabs.tabBar().isVisible()


def test_lesson_show_me_loads_data_and_switches_panel(qtbot, window):
    action = {"panel": "training", "dataset": "XOR", "learning_rate": 0.03}
    with qtbot.waitSignal(window.state.config_changed, timeout=30_000):
        window.show_me(action)
    qtbot.waitUntil(lambda: window.state.dataset.name == "XOR", timeout=30_000)
    assert window.state.config.learning_rate == pytest.approx(0.03)
    assert window.tabs.currentWidget() is window.training_panel


def test_settings_persist_between_windows(qtbot, tmp_path, errors):
    store = SettingsStore(tmp_path / "s.ini")
    first = MainWindow(auto_load=False, settings=store)
    qtbot.addWidget(first)
    first.tabs.setCurrentIndex(4)
    first.state.set_config(first.state.config.with_changes(learning_rate=0.003))
    first.close()
    second = MainWindow(auto_load=False, settings=SettingsStore(tmp_path / "s.ini"))
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 4 and second.state.config.learning_rate == pytest.approx(0.003)
    assert second.width() > 100 and second.height() > 100


def test_closing_mid_training_stops_the_thread(qtbot, window):
    window.state.set_config(TrainingConfig(learning_rate=0.01, batch_size=1, epochs=1000))
    with qtbot.waitSignal(window.controller.loss_reported, timeout=30_000):
        window.training_panel.train_or_pause()
    thread = window.controller._thread
    assert window.close()
    assert thread.isFinished() and not window.controller.is_running


def test_heavy_tabs_are_built_on_first_show_and_follow_the_state(qtbot, window):
    assert not window._terrain_tab.is_built and not window._draw_tab.is_built and not window._inside_tab.is_built
    window.show()
    window.tabs.setCurrentIndex(3)   # Draw
    assert window._draw_tab.is_built and not window._terrain_tab.is_built
    assert window.draw_panel.parent() is window._draw_tab and window.draw_panel.isVisible()
    window.set_presentation(True)
    window.tabs.setCurrentIndex(4)   # Terrain, built while presentation mode is on
    assert window._terrain_tab.is_built
    label_sizes = [w.font().pointSizeF() for w in window.terrain_panel.findChildren(QLabel) if w.isVisible()]
    assert label_sizes and min(label_sizes) >= 18
    window.set_presentation(False)
