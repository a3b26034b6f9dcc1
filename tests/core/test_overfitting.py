"""The one-line diagnosis of the curves, and the "Overfit me" experiment on real MNIST digits."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core.datasets import load_dataset
from core.overfitting import (OVERFIT_CURED, OVERFIT_ME, diagnose, epochs_since_best, overfit_presets,
                              relative_change, train_val_gap)
from core.reports import EpochReport, FinishedReport
from core.training import TrainingSession


def history(train, val, train_metric=None, metric_name="accuracy") -> list[EpochReport]:
    """Epoch reports from lists of losses (metric 0.99 unless given)."""
    metrics = train_metric if train_metric is not None else [0.99] * len(train)
    return [EpochReport(i + 1, 10 * (i + 1), t, v, m, m, metric_name)
            for i, (t, v, m) in enumerate(zip(train, val, metrics))]


def test_two_epochs_are_not_enough_to_judge():
    assert diagnose([]) == diagnose(history([1.0, 0.8], [1.1, 0.9])) == \
        "not enough epochs yet: train at least 3 epochs to see a trend"


def test_both_losses_falling_means_still_learning():
    assert diagnose(history([2.0, 1.0, 0.6, 0.4], [2.1, 1.1, 0.7, 0.5])) == "both losses falling: still learning"


def test_rising_validation_loss_with_falling_training_loss_is_memorising():
    h = history([1.0, 0.5, 0.3, 0.2, 0.1, 0.05], [1.0, 0.6, 0.5, 0.55, 0.6, 0.7])
    assert diagnose(h) == ("validation loss has risen for 3 epochs while training loss falls: "
                           "the network is memorising the training set")
    longer = history([1.0, 0.5, 0.3, 0.2, 0.1, 0.05, 0.03], [1.0, 0.6, 0.5, 0.55, 0.6, 0.7, 0.8])
    assert diagnose(longer).startswith("validation loss has risen for 4 epochs")


def test_one_higher_validation_epoch_is_not_yet_called_memorising():
    text = diagnose(history([1.0, 0.6, 0.4, 0.3], [1.0, 0.7, 0.5, 0.55]))
    assert "memorising" not in text and "watch whether it keeps rising" in text


def test_a_tiny_wobble_of_the_validation_loss_is_not_overfitting():
    text = diagnose(history([1.0, 0.6, 0.4, 0.35, 0.33], [1.0, 0.7, 0.500, 0.502, 0.503]))
    assert "memorising" not in text


def test_flat_high_losses_with_low_accuracy_are_underfitting():
    h = history([2.0, 1.50, 1.49, 1.488], [2.0, 1.52, 1.51, 1.505], train_metric=[0.2, 0.45, 0.46, 0.46])
    assert diagnose(h) == ("training and validation loss are both high: the network underfits — "
                           "more capacity or more epochs")


def test_flat_losses_with_high_accuracy_have_levelled_off():
    h = history([0.5, 0.10, 0.099, 0.0985], [0.5, 0.12, 0.119, 0.1185], train_metric=[0.9, 0.98, 0.98, 0.98])
    assert diagnose(h).startswith("both losses have levelled off with a small gap")


def test_a_wide_gap_with_a_stalled_validation_loss_is_called_out():
    h = history([1.0, 0.2, 0.05, 0.02], [1.0, 0.70, 0.695, 0.694])
    assert diagnose(h).startswith("training loss is far below validation loss (gap 0.67)")


def test_rising_training_loss_points_at_the_learning_rate():
    assert "learning rate" in diagnose(history([1.0, 0.8, 1.2, 1.9], [1.0, 0.8, 1.1, 1.8]))


def test_non_finite_losses_and_missing_validation_are_explained():
    assert "diverged" in diagnose(history([1.0, 0.8, float("nan")], [1.0, 0.8, 0.7]))
    nan = float("nan")
    assert "no validation" in diagnose(history([1.0, 0.8, 0.6], [nan, nan, nan]))


def test_regression_histories_use_r_squared_for_underfitting():
    h = history([0.9, 0.81, 0.805, 0.804], [0.9, 0.82, 0.815, 0.814], train_metric=[0.1, 0.2, 0.2, 0.2],
                metric_name="R²")
    assert "underfits" in diagnose(h)


def test_helpers():
    assert epochs_since_best([3.0, 1.0, 2.0, 2.5]) == 2 and epochs_since_best([3.0, 2.0, 1.0]) == 0
    assert relative_change(np.array([1.0, 0.5, 0.25])) == pytest.approx(-0.5)
    assert train_val_gap(history([0.3, 0.2, 0.1], [0.4, 0.5, 0.6])) == pytest.approx(0.5)
    assert np.isnan(train_val_gap([]))


def test_presets_are_the_lecture_experiment():
    presets = overfit_presets(784, 10)
    assert list(presets) == [OVERFIT_ME, OVERFIT_CURED]
    (wide, overfit), (cured_spec, cured) = presets[OVERFIT_ME], presets[OVERFIT_CURED]
    assert overfit.train_size == 200 and overfit.optimizer == "adam" and overfit.epochs >= 50
    assert overfit.l1 == overfit.l2 == 0 and overfit.patience == 0 and not overfit.augmentation.active
    assert all(layer.units >= 256 and layer.dropout == 0 for layer in wide.hidden)
    assert wide.layer_sizes == cured_spec.layer_sizes
    assert all(0.3 <= layer.dropout <= 0.5 for layer in cured_spec.hidden)
    assert cured.l2 > 0 and cured.patience > 0
    assert cured.with_changes(l2=0.0, patience=0) == overfit       # everything else is the same


def _run(spec, config, dataset) -> tuple[list[EpochReport], FinishedReport, float]:
    """Train; return the epoch history, the finished report and the final model's train/val gap."""
    session = TrainingSession(spec, dataset, config)
    reports = list(session.run())
    n = config.train_size
    train_loss, _ = session.evaluate(torch.as_tensor(dataset.x_train[:n]), torch.as_tensor(dataset.y_train[:n]))
    val_loss, _ = session.evaluate(torch.as_tensor(dataset.x_val), torch.as_tensor(dataset.y_val))
    return [r for r in reports if isinstance(r, EpochReport)], reports[-1], val_loss - train_loss


def test_overfit_me_memorises_real_digits_and_the_cure_narrows_the_gap(mnist_t10k_dir):
    dataset = load_dataset("MNIST", folder=mnist_t10k_dir)
    presets = overfit_presets(dataset.input_size, dataset.num_outputs)
    spec, config = presets[OVERFIT_ME]
    overfit_history, overfit_end, overfit_gap = _run(spec, config.with_changes(epochs=40), dataset)
    val = np.array([r.val_loss for r in overfit_history])
    train = np.array([r.train_loss for r in overfit_history])
    best = int(np.argmin(val))
    assert best < 30 and val[-1] > 1.1 * val[best]          # validation loss rises ...
    assert train[-1] < train[best] and train[-1] < 0.01     # ... while training loss keeps falling
    assert "memorising the training set" in diagnose(overfit_history)
    cured_spec, cured_config = presets[OVERFIT_CURED]
    _, cured_end, cured_gap = _run(cured_spec, cured_config.with_changes(epochs=40), dataset)
    assert cured_end.outcome == "early_stopped" and cured_end.best_epoch > 0
    assert cured_gap < 0.8 * overfit_gap
    assert cured_end.test_metric >= overfit_end.test_metric - 0.02
