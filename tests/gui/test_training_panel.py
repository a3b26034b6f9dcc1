from __future__ import annotations

import numpy as np
import pytest

from core.datasets import Dataset, normalize_pixels
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import TrainingConfig
from gui.app_state import AppState
from gui.panels.training_panel import TrainingPanel
from gui.training_controller import TrainingController


@pytest.fixture
def small_mnist(mnist_t10k) -> Dataset:
    images, labels = mnist_t10k
    x = normalize_pixels(images[:3000].reshape(-1, 784) / 255.0)
    y = labels[:3000].astype(np.int64)
    return Dataset("MNIST", "classification", (28, 28), tuple("0123456789"), x[:2000], y[:2000],
                   x[2000:2500], y[2000:2500], x[2500:], y[2500:], "t10k subset")


@pytest.fixture
def errors(errors_shown):
    """The harness's collector of error messages (tests/gui/conftest.py)."""
    return errors_shown


@pytest.fixture
def panel(qtbot, small_mnist, errors):
    state, controller = AppState(), TrainingController()
    panel = TrainingPanel(state, controller)
    qtbot.addWidget(panel)
    state.set_dataset(small_mnist)
    state.set_network(NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10))
    state.set_config(TrainingConfig(learning_rate=1e-3, batch_size=32, epochs=2))
    yield panel
    assert controller.shutdown()


def finish(qtbot, panel, timeout=60_000):
    qtbot.waitUntil(lambda: not panel._controller.is_running, timeout=timeout)


def test_a_run_shows_loss_epochs_heatmaps_and_test_results(qtbot, panel):
    with qtbot.waitSignal(panel._controller.run_finished, timeout=60_000) as blocker:
        panel.train_or_pause()
    finish(qtbot, panel)
    report = blocker.args[0]
    assert report.outcome == "completed" and report.test_metric > 0.6
    assert panel.loss_plot.point_count == 2 * 63  # every step of 2 epochs of 2,000 samples at batch 32
    assert [e.epoch for e in panel.epoch_curves.history] == [1, 2]
    weights = panel._state.weights
    assert weights is not None and weights.step == 126
    mosaic = panel.weights_view.images[0].image   # the first layer as 16 tiles of 28×28
    assert mosaic is not None and mosaic.shape[0] >= 4 * 28 and np.isfinite(mosaic).all()
    assert len(panel.grad_plot.curves) == 3
    assert panel._state.training_state == "finished" and panel.train_button.text() == "Train"
    assert panel.view_tabs.currentWidget() is panel.results_view
    assert "Done: completed" in panel.progress_label.text()


def test_pause_resume_step_and_stop(qtbot, panel):
    controller = panel._controller
    panel._state.set_config(TrainingConfig(learning_rate=1e-3, batch_size=1, epochs=50))  # long: cannot end first
    with qtbot.waitSignal(controller.loss_reported, timeout=30_000):
        panel.train_or_pause()
    assert panel.train_button.text() == "Pause" and not panel.optimizer_combo.isEnabled()
    with qtbot.waitSignal(controller.finished, timeout=5000):
        panel.train_or_pause()                              # pause
    assert panel._state.training_state == "paused" and panel.train_button.text() == "Continue"
    paused_at = panel._job.step
    with qtbot.waitSignal(controller.finished, timeout=5000):
        panel.step_once()
    assert panel._job.step == paused_at + 1 and panel._state.weights.step == paused_at + 1
    with qtbot.waitSignal(controller.run_finished, timeout=10_000) as blocker:
        panel.stop()
    finish(qtbot, panel)
    assert blocker.args[0].outcome == "stopped" and panel._state.training_state == "finished"


def test_start_pressed_twice_keeps_one_run(qtbot, panel):
    with qtbot.waitSignal(panel._controller.loss_reported, timeout=30_000):
        panel.train_or_pause()
    job = panel._job
    panel.step_once()                     # ignored while running
    panel._controller.start(lambda stop: iter(()))  # refused by the controller
    assert panel._job is job
    with qtbot.waitSignal(panel._controller.finished, timeout=5000):
        panel.train_or_pause()


def test_learning_rate_1000_shows_the_divergence_banner_and_retry(qtbot, panel):
    panel._state.set_config(TrainingConfig(learning_rate=1000.0, optimizer="sgd", batch_size=32, epochs=1))
    with qtbot.waitSignal(panel._controller.diverged, timeout=30_000):
        panel.train_or_pause()
    finish(qtbot, panel)
    assert panel.divergence_banner.isVisibleTo(panel) and "1000" in panel.divergence_banner.text
    assert panel.loss_plot._marker.isVisible()
    assert panel._state.training_state == "diverged"
    panel.retry_smaller_lr()   # a fresh run at a 10× smaller rate; the banner goes until it diverges again
    assert panel._state.config.learning_rate == pytest.approx(100.0) and not panel.divergence_banner.isVisibleTo(panel)
    assert panel._controller.is_running and panel.loss_plot.point_count == 0
    finish(qtbot, panel)


def test_learning_rate_change_mid_run_reaches_the_trainer(qtbot, panel):
    panel._state.set_config(TrainingConfig(learning_rate=1e-3, batch_size=1, epochs=50))  # long: cannot end first
    with qtbot.waitSignal(panel._controller.loss_reported, timeout=30_000):
        panel.train_or_pause()
    panel.lr_control._slider.setValue(panel.lr_control._slider.value() + 100)  # ×10
    assert panel._state.config.learning_rate == pytest.approx(1e-2)
    rates: list[float] = []
    panel._controller.loss_reported.connect(lambda report: rates.append(report.learning_rate))
    # reports already queued before the change still carry 0.001; the new rate must arrive and stay
    qtbot.waitUntil(lambda: any(r == pytest.approx(1e-2) for r in rates), timeout=10_000)
    first_new = next(i for i, r in enumerate(rates) if r == pytest.approx(1e-2))
    qtbot.waitUntil(lambda: len(rates) >= first_new + 3, timeout=10_000)
    assert all(r == pytest.approx(1e-2) for r in rates[first_new:])
    with qtbot.waitSignal(panel._controller.finished, timeout=5000):
        panel.train_or_pause()


def test_bad_settings_show_a_message_and_revert(qtbot, panel, errors):
    panel.batch_control._spin.setValue(5000)   # more than the 2,000 training samples
    panel.batch_control._spin.editingFinished.emit()
    assert errors and "larger than the training set" in errors[-1]
    assert panel._state.config.batch_size == 32 and panel.batch_control.value == 32


def test_settings_are_locked_while_training_but_learning_rate_is_not(qtbot, panel):
    with qtbot.waitSignal(panel._controller.loss_reported, timeout=30_000):
        panel.train_or_pause()
    assert not panel.batch_control.isEnabled() and not panel.regularisation.isEnabled()
    assert panel.lr_control.isEnabled()
    with qtbot.waitSignal(panel._controller.finished, timeout=5000):
        panel.train_or_pause()
    assert panel.batch_control.isEnabled()


def test_network_change_is_refused_while_training(qtbot, panel):
    from core.errors import SpecError

    with qtbot.waitSignal(panel._controller.loss_reported, timeout=30_000):
        panel.train_or_pause()
    with pytest.raises(SpecError, match="Stop training"):
        panel._state.set_network(NetworkSpec(784, (LayerSpec(8),), 10))
    with qtbot.waitSignal(panel._controller.finished, timeout=5000):
        panel.train_or_pause()


def test_no_dataset_gives_a_message_not_a_crash(qtbot, errors):
    state, controller = AppState(), TrainingController()
    panel = TrainingPanel(state, controller)
    qtbot.addWidget(panel)
    panel.train_or_pause()
    assert errors and "Load a dataset first" in errors[-1] and not controller.is_running


def test_overfit_presets_set_network_and_settings(qtbot, panel):
    with qtbot.waitSignal(panel._controller.loss_reported, timeout=30_000):
        panel.run_overfit_preset(0)
    assert panel._state.network.layer_sizes == (784, 512, 512, 10) and panel._state.config.train_size == 200
    with qtbot.waitSignal(panel._controller.finished, timeout=5000):
        panel.train_or_pause()
    panel.run_overfit_preset(1)
    assert panel._state.config.l2 > 0 and panel._state.config.patience > 0
    assert all(layer.dropout > 0 for layer in panel._state.network.hidden)
    with qtbot.waitSignal(panel._controller.finished, timeout=30_000):
        panel.train_or_pause()


def test_quick_train_uses_the_default_network_for_one_epoch(qtbot, panel):
    panel._state.set_network(NetworkSpec(784, (LayerSpec(64),), 10))
    with qtbot.waitSignal(panel._controller.run_finished, timeout=60_000) as blocker:
        panel.start_quick_train()
    finish(qtbot, panel)
    assert panel._state.network.describe() == "784-16-16-10" and panel._state.config.epochs == 1
    assert blocker.args[0].epoch == 1 and panel._state.weights is not None


def test_quick_train_without_images_explains(qtbot, errors):
    from core.datasets import load_dataset

    state, controller = AppState(), TrainingController()
    panel = TrainingPanel(state, controller)
    qtbot.addWidget(panel)
    state.set_dataset(load_dataset("Circle"))
    panel.start_quick_train()
    assert "digit images" in errors[-1] and not controller.is_running
