from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch

import core.training as training
from core.datasets import Dataset, normalize_pixels
from core.errors import ConfigError, SpecError
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import (OPTIMIZERS, DivergenceReport, EpochReport, FinishedReport, LossReport, TrainingConfig,
                          WarningReport, WeightsReport)
from core.training import TrainingSession, make_report_source, pick_device


def toy_dataset(n: int = 240, seed: int = 0) -> Dataset:
    """Two separable blobs in 2-D."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    x = (rng.normal(0, 0.5, (n, 2)) + np.where(y[:, None] == 1, 1.5, -1.5)).astype(np.float32)
    a, b = int(n * 0.7), int(n * 0.85)
    return Dataset("Blobs", "classification", (2,), ("blue", "orange"), x[:a], y[:a].astype(np.int64),
                   x[a:b], y[a:b].astype(np.int64), x[b:], y[b:].astype(np.int64), "made in the test")


def caveman() -> Dataset:
    x = np.array([[0.5], [2.0], [1.0]], np.float32)
    y = np.array([[2.0], [5.0], [3.0]], np.float32)
    return Dataset("Caveman", "regression", (1,), (), x, y, x.copy(), y.copy(), x.copy(), y.copy(), "the lecture")


def mnist_dataset(images: np.ndarray, labels: np.ndarray, n_train: int = 8000) -> Dataset:
    x = normalize_pixels(images.reshape(len(images), 784) / 255.0)
    y = labels.astype(np.int64)
    return Dataset("MNIST", "classification", (28, 28), tuple("0123456789"), x[:n_train], y[:n_train],
                   x[n_train:n_train + 500], y[n_train:n_train + 500], x[n_train:], y[n_train:], "t10k")


def blob_spec(**kw) -> NetworkSpec:
    return NetworkSpec(2, (LayerSpec(8, "tanh"),), 2, **kw)


def run_all(session, **kw) -> list:
    return list(session.run(**kw))


def losses_of(reports) -> tuple[np.ndarray, np.ndarray]:
    loss_reports = [r for r in reports if isinstance(r, LossReport)]
    return (np.concatenate([r.steps for r in loss_reports]), np.concatenate([r.losses for r in loss_reports]))


def test_mnist_784_128_10_reaches_93_percent(mnist_t10k):
    images, labels = mnist_t10k
    config = TrainingConfig(learning_rate=1e-3, batch_size=64, optimizer="adam", epochs=5, seed=0)
    session = TrainingSession(NetworkSpec(784, (LayerSpec(128),), 10), mnist_dataset(images, labels), config)
    finished = [r for r in run_all(session) if isinstance(r, FinishedReport)]
    assert len(finished) == 1 and finished[0].outcome == "completed"
    assert finished[0].test_metric >= 0.93
    assert finished[0].confusion.sum() == 2000 and np.trace(finished[0].confusion) / 2000 == pytest.approx(
        finished[0].test_metric, abs=1e-6)


def test_caveman_regression_converges_to_the_exact_line():
    config = TrainingConfig(learning_rate=0.1, batch_size=0, optimizer="sgd", loss="mse", epochs=3000)
    session = TrainingSession(NetworkSpec(1, (), 1, "linear"), caveman(), config)
    reports = run_all(session)
    weights = [r for r in reports if isinstance(r, WeightsReport)][-1]
    assert weights.layers[0].weight[0, 0] == pytest.approx(2.0, abs=1e-3)
    assert weights.layers[0].bias[0] == pytest.approx(1.0, abs=1e-3)
    assert session.steps_per_epoch == 1  # batch 0 = all samples = batch gradient descent
    epoch = [r for r in reports if isinstance(r, EpochReport)][-1]
    assert epoch.metric_name == "R²" and epoch.train_metric == pytest.approx(1.0, abs=1e-5)


def test_sgd_at_learning_rate_1000_diverges_within_100_steps(mnist_t10k):
    images, labels = mnist_t10k
    config = TrainingConfig(learning_rate=1000.0, optimizer="sgd", batch_size=64, epochs=1)
    session = TrainingSession(NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10),
                              mnist_dataset(images[:3000], labels[:3000], 2000), config)
    reports = run_all(session)
    diverged = [r for r in reports if isinstance(r, DivergenceReport)]
    assert len(diverged) == 1 and diverged[0].step <= 100
    assert "1000" in diverged[0].message and "too large" in diverged[0].message or "overshoots" in diverged[0].message
    assert reports[-1].outcome == "diverged"
    last_weights = [r for r in reports if isinstance(r, WeightsReport)][-1]
    assert all(np.isfinite(l.weight).all() for l in last_weights.layers)
    assert math.isfinite(reports[-1].test_loss) and reports[-1].test_loss < 10  # the good weights were kept


def test_nan_loss_at_step_k_is_reported_and_last_good_weights_kept(monkeypatch):
    real_loss = training.data_loss
    calls = itertools.count(1)

    def loss_with_nan(output, y, loss, task):
        value = real_loss(output, y, loss, task)
        return value * float("nan") if next(calls) == 7 else value

    monkeypatch.setattr(training, "data_loss", loss_with_nan)
    session = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=5, batch_size=8, weights_hz=1e9))
    reports = run_all(session)
    diverged = [r for r in reports if isinstance(r, DivergenceReport)]
    assert [d.step for d in diverged] == [7] and diverged[0].reason == "non-finite"
    final = [r for r in reports if isinstance(r, WeightsReport)][-1]
    snapshots = [r for r in reports if isinstance(r, WeightsReport) and r.step == 5]
    np.testing.assert_array_equal(final.layers[0].weight, snapshots[0].layers[0].weight)


def test_infinite_gradients_are_caught(monkeypatch):
    session = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=5, batch_size=8, optimizer="sgd",
                                                                         weights_hz=1e9))
    real_step = session._optimizer.step
    calls = itertools.count(1)

    def poisoned_step(*args, **kwargs):
        if next(calls) == 4:
            session.model[0].weight.grad.fill_(float("inf"))
        return real_step(*args, **kwargs)

    monkeypatch.setattr(session._optimizer, "step", poisoned_step)
    reports = run_all(session)
    assert any(isinstance(r, DivergenceReport) and r.step <= 5 for r in reports)
    final = [r for r in reports if isinstance(r, WeightsReport)][-1]
    assert all(np.isfinite(layer.weight).all() for layer in final.layers)


def test_stop_request_ends_training_at_the_next_step():
    calls = itertools.count()
    session = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=100, batch_size=16))
    steps, _ = losses_of(run_all(session, should_stop=lambda: next(calls) >= 3))
    assert steps.tolist() == [1, 2, 3] and session.step == 3 and not session.finished


def test_pause_and_resume_gives_the_same_run_as_no_pause():
    config = TrainingConfig(epochs=3, batch_size=16, seed=3)
    straight = TrainingSession(blob_spec(), toy_dataset(), config)
    _, straight_losses = losses_of(run_all(straight))
    paused = TrainingSession(blob_spec(), toy_dataset(), config)
    reports = []
    while not paused.finished:
        reports += run_all(paused, max_steps=7)  # Step button / pause every 7 steps
    steps, losses = losses_of(reports)
    assert steps.tolist() == list(range(1, straight.step + 1))
    np.testing.assert_allclose(losses, straight_losses, rtol=1e-6)


def test_step_button_runs_exactly_one_batch():
    session = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=2, batch_size=16))
    reports = list(make_report_source(session, max_steps=1)(lambda: False))
    steps, _ = losses_of(reports)
    assert steps.tolist() == [1] and isinstance(reports[-1], WeightsReport) and reports[-1].step == 1


def test_every_loss_point_travels_although_reports_are_capped(fake_clock):
    config = TrainingConfig(epochs=2, batch_size=8, loss_hz=20.0)
    session = TrainingSession(blob_spec(), toy_dataset(), config)
    reports = list(session.run(clock=fake_clock))   # time stands still: only the first report passes the gate
    loss_reports = [r for r in reports if isinstance(r, LossReport)]
    steps = np.concatenate([r.steps for r in loss_reports])
    assert steps.tolist() == list(range(1, session.total_steps + 1))
    assert len(loss_reports) <= 2 + config.epochs  # first, one flush per epoch end, and the final flush


def test_learning_rate_change_mid_run_takes_effect():
    session = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=3, batch_size=16, optimizer="sgd",
                                                                         learning_rate=0.5))
    run_all(session, max_steps=3)
    session.set_learning_rate(1e-6)
    before = session.snapshot().layers[0].weight
    reports = run_all(session, max_steps=5)
    after = session.snapshot().layers[0].weight
    assert np.abs(after - before).max() < 1e-4
    assert [r.learning_rate for r in reports if isinstance(r, LossReport)][-1] == pytest.approx(1e-6)
    with pytest.raises(ConfigError):
        session.set_learning_rate(float("nan"))


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_optimizer_learns_the_blobs(optimizer):
    lr = {"sgd": 0.1, "momentum": 0.05, "rmsprop": 0.01, "adam": 0.01}[optimizer]
    config = TrainingConfig(epochs=8, batch_size=16, optimizer=optimizer, learning_rate=lr)
    reports = run_all(TrainingSession(blob_spec(), toy_dataset(), config))
    assert reports[-1].outcome == "completed" and reports[-1].test_metric >= 0.95


@pytest.mark.parametrize("loss", ["mse", "mae"])
def test_mse_and_mae_losses_train_classifiers_and_regressors(loss):
    reports = run_all(TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=8, batch_size=16, loss=loss,
                                                                                 learning_rate=0.02)))
    assert reports[-1].test_metric >= 0.9
    regression = run_all(TrainingSession(NetworkSpec(1, (), 1, "linear"), caveman(),
                                         TrainingConfig(epochs=500, batch_size=0, loss=loss, learning_rate=0.05)))
    assert regression[-1].metric_name == "R²" and regression[-1].test_metric > 0.9


def test_same_seed_same_run_and_other_seed_other_run():
    def losses(seed):
        return losses_of(run_all(TrainingSession(blob_spec(), toy_dataset(),
                                                 TrainingConfig(epochs=1, batch_size=8, seed=seed))))[1]
    np.testing.assert_array_equal(losses(1), losses(1))
    assert not np.array_equal(losses(1), losses(2))


def test_dead_network_gets_a_stuck_at_chance_warning(mnist_t10k):
    images, labels = mnist_t10k
    spec = NetworkSpec(784, (LayerSpec(16),), 10, init="zeros")  # zero init: every hidden unit stays 0
    session = TrainingSession(spec, mnist_dataset(images[:6000], labels[:6000], 5000),
                              TrainingConfig(epochs=1, batch_size=16, learning_rate=1e-3))
    warnings = [r for r in run_all(session) if isinstance(r, WarningReport)]
    assert len(warnings) == 1 and "chance" in warnings[0].message


def test_epoch_reports_one_per_epoch_with_val_figures():
    reports = run_all(TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=4, batch_size=32)))
    epochs = [r for r in reports if isinstance(r, EpochReport)]
    assert [e.epoch for e in epochs] == [1, 2, 3, 4]
    assert all(0.0 <= e.val_metric <= 1.0 and e.metric_name == "accuracy" for e in epochs)
    assert epochs[-1].train_loss < epochs[0].train_loss


@pytest.mark.parametrize("config, fragment", [
    (TrainingConfig(batch_size=10_000), "larger than the training set"),
    (TrainingConfig(learning_rate=0.0), "learning rate"),
    (TrainingConfig(learning_rate=-1.0), "learning rate"),
    (TrainingConfig(learning_rate=float("nan")), "finite"),
    (TrainingConfig(learning_rate=1e308), "learning rate"),
    (TrainingConfig(optimizer="lbfgs"), "optimizer"),
    (TrainingConfig(epochs=0), "epochs"),
    (TrainingConfig(batch_size=-1), "batch size"),
])
def test_bad_settings_are_refused_with_a_sentence(config, fragment):
    with pytest.raises(ConfigError, match=fragment):
        TrainingSession(blob_spec(), toy_dataset(), config)


def test_cross_entropy_on_regression_and_misfit_network_are_refused():
    with pytest.raises(ConfigError, match="regression"):
        TrainingSession(NetworkSpec(1, (), 1, "linear"), caveman(), TrainingConfig(loss="cross_entropy", batch_size=0))
    with pytest.raises(SpecError, match="does not fit"):
        TrainingSession(NetworkSpec(784, (), 10), toy_dataset(), TrainingConfig())


def test_finish_reports_test_figures_for_the_stop_button():
    session = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=50, batch_size=8))
    run_all(session, max_steps=20)
    reports = list(session.finish())
    assert isinstance(reports[-1], FinishedReport) and reports[-1].outcome == "stopped" and session.finished
    assert reports[-1].confusion.shape == (2, 2)


def test_pick_device_prefers_cuda_when_present(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert pick_device().type == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert pick_device().type == "cpu"


def test_training_can_start_from_given_weights():
    first = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=3, batch_size=16))
    run_all(first)
    layers = first.snapshot().layers
    second = TrainingSession(blob_spec(), toy_dataset(), TrainingConfig(epochs=1, batch_size=16, seed=5),
                             initial_layers=layers)
    np.testing.assert_array_equal(second.snapshot().layers[0].weight, layers[0].weight)
    with pytest.raises(SpecError, match="do not fit"):
        TrainingSession(NetworkSpec(2, (LayerSpec(4),), 2), toy_dataset(), TrainingConfig(), initial_layers=layers)


def test_augmented_runs_are_reproducible_across_pauses(mnist_t10k):
    from core.reports import Augmentation

    images, labels = mnist_t10k
    dataset = mnist_dataset(images[:700], labels[:700], 500)
    config = TrainingConfig(epochs=2, batch_size=32, seed=4,
                            augmentation=Augmentation(shift_px=2, rotation_deg=10, thickness=0.5, noise=0.1))
    spec = NetworkSpec(784, (LayerSpec(16),), 10)
    straight = TrainingSession(spec, dataset, config)
    _, straight_losses = losses_of(run_all(straight))
    paused = TrainingSession(spec, dataset, config)
    reports = []
    while not paused.finished:
        reports += run_all(paused, max_steps=5)
    np.testing.assert_allclose(losses_of(reports)[1], straight_losses, rtol=1e-6)
    plain = TrainingSession(spec, dataset, config.with_changes(augmentation=Augmentation()))
    assert not np.allclose(losses_of(run_all(plain))[1], straight_losses)  # augmentation did change the inputs
