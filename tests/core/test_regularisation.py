"""L1/L2 penalties, dropout, early stopping and the training-set size, checked against hand computation."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch

import core.training as training
from core.datasets import Dataset
from core.inference import forward
from core.model import build_model, linear_layers, snapshot_layers
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import EpochReport, FinishedReport, LossReport, TrainingConfig, WeightsReport
from core.training import TrainingSession, weight_penalty


def points_dataset(n_train: int = 40, n_val: int = 40, seed: int = 0, flip: float = 0.0,
                   y_train: np.ndarray | None = None) -> Dataset:
    """Two Gaussian blobs in 2-D; `flip` of the training labels are wrong (noise to memorise)."""
    rng = np.random.default_rng(seed)

    def blobs(n):
        y = rng.integers(0, 2, n)
        x = rng.normal(0, 1, (n, 2)) + np.where(y[:, None] == 1, 1.0, -1.0)
        return x.astype(np.float32), y.astype(np.int64)

    x_tr, y_tr = blobs(n_train)
    flipped = rng.random(n_train) < flip
    y_tr = np.where(flipped, 1 - y_tr, y_tr) if y_train is None else y_train.astype(np.int64)
    x_va, y_va = blobs(n_val)
    x_te, y_te = blobs(20)
    return Dataset("Two gaussians", "classification", (2,), ("blue", "orange"), x_tr, y_tr, x_va, y_va,
                   x_te, y_te, "test blobs")


# ------------------------------------------------------------------ weight penalty

def value(penalty) -> float:
    return float(penalty.detach()) if isinstance(penalty, torch.Tensor) else float(penalty)


def test_weight_penalty_equals_hand_computation_over_weights_only():
    spec = NetworkSpec(5, (LayerSpec(4), LayerSpec(3)), 2)
    model = build_model(spec, seed=1)
    with torch.no_grad():
        for layer in linear_layers(model):
            layer.bias.fill_(100.0)      # biases are not penalised: these must not count
    weights = [layer.weight for layer in snapshot_layers(model)]
    l1, l2 = 0.03, 0.2
    by_hand = l1 * sum(np.abs(w).sum() for w in weights) + l2 * sum((w.astype(np.float64) ** 2).sum() for w in weights)
    assert value(weight_penalty(model, l1, l2)) == pytest.approx(by_hand, rel=1e-5)
    assert value(weight_penalty(model, l1, 0.0)) == pytest.approx(l1 * sum(np.abs(w).sum() for w in weights), rel=1e-5)
    assert value(weight_penalty(model, 0.0, l2)) == pytest.approx(l2 * sum((w ** 2).sum() for w in weights), rel=1e-5)
    assert weight_penalty(model, 0.0, 0.0) == 0.0


def _softmax_regression_step(w: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray, lr: float,
                             l1: float, l2: float) -> tuple[np.ndarray, np.ndarray, float]:
    """One SGD step of softmax regression by hand: dL/dz = softmax(z) - onehot(y), averaged over the batch."""
    z = x.astype(np.float64) @ w.T + b
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    onehot = np.eye(w.shape[0])[y]
    data_loss = float(-np.log(p[np.arange(len(y)), y]).mean())
    grad_z = (p - onehot) / len(y)
    grad_w = grad_z.T @ x + l1 * np.sign(w) + 2 * l2 * w     # d(l1·Σ|W| + l2·ΣW²)/dW
    grad_b = grad_z.sum(axis=0)                              # no penalty on the bias
    loss = data_loss + l1 * np.abs(w).sum() + l2 * (w ** 2).sum()
    return w - lr * grad_w, b - lr * grad_b, loss


@pytest.mark.parametrize("l1, l2", [(0.0, 0.5), (0.2, 0.0), (0.1, 0.3)])
def test_one_sgd_step_with_penalty_matches_the_hand_computed_update(l1, l2):
    dataset = points_dataset()
    spec = NetworkSpec(2, (), 2)                                 # softmax regression: easy to do by hand
    config = TrainingConfig(learning_rate=0.5, batch_size=0, optimizer="sgd", epochs=1, l1=l1, l2=l2, loss_hz=1e9)
    session = TrainingSession(spec, dataset, config)
    (start,) = session.snapshot().layers
    reports = list(session.run(max_steps=1))
    (after,) = session.snapshot().layers
    w, b, loss = _softmax_regression_step(start.weight.astype(np.float64), start.bias.astype(np.float64),
                                          dataset.x_train, dataset.y_train, 0.5, l1, l2)
    assert np.allclose(after.weight, w, atol=1e-5) and np.allclose(after.bias, b, atol=1e-5)
    shown = [r for r in reports if isinstance(r, LossReport)][0].losses[0]
    assert shown == pytest.approx(loss, rel=1e-5)             # the shown loss includes the penalty
    plain = _softmax_regression_step(start.weight.astype(np.float64), start.bias.astype(np.float64),
                                     dataset.x_train, dataset.y_train, 0.5, 0.0, 0.0)[0]
    assert not np.allclose(after.weight, plain, atol=1e-4)    # and the penalty really changed the step


# ------------------------------------------------------------------ dropout

def test_dropout_is_active_in_training_and_off_in_evaluation():
    spec = NetworkSpec(784, (LayerSpec(64, dropout=0.5), LayerSpec(32, dropout=0.5)), 10)
    model = build_model(spec, seed=0)
    x = torch.randn(8, 784)
    model.eval()
    with torch.no_grad():
        first, second = model(x), model(x)
    assert torch.equal(first, second)
    expected = forward(snapshot_layers(model), x.numpy(), spec.activations).logits   # numpy: no dropout at all
    assert np.allclose(first.numpy(), expected, atol=1e-4)
    model.train()
    with torch.no_grad():
        noisy_a, noisy_b = model(x), model(x)
    assert not torch.equal(noisy_a, noisy_b) and not torch.allclose(noisy_a, first, atol=1e-3)


def test_dropout_zeroes_about_the_chosen_fraction_and_rescales_the_rest():
    spec = NetworkSpec(20, (LayerSpec(2000, activation="linear", dropout=0.3),), 2)
    model = build_model(spec, seed=0)
    hidden = torch.nn.Sequential(*list(model)[:2])   # Linear, Dropout
    x = torch.randn(1, 20)
    hidden.eval()
    clean = hidden(x).detach()
    hidden.train()
    dropped = hidden(x).detach()
    zeroed = (dropped == 0) & (clean != 0)
    assert 0.25 < float(zeroed.float().mean()) < 0.35
    kept = ~zeroed
    assert torch.allclose(dropped[kept], clean[kept] / 0.7, atol=1e-5)   # inverted dropout: 1/(1-p)


def test_training_session_evaluates_without_dropout():
    dataset = points_dataset()
    spec = NetworkSpec(2, (LayerSpec(32, dropout=0.5),), 2)
    session = TrainingSession(spec, dataset, TrainingConfig(batch_size=8, epochs=1))
    list(session.run(max_steps=3))
    x = torch.as_tensor(dataset.x_val)
    assert torch.equal(session.predict(x), session.predict(x))
    assert session.model.training                       # back in training mode for the next step
    loss, _ = session.evaluate(x, torch.as_tensor(dataset.y_val))
    logits = forward(session.snapshot(), dataset.x_val).logits
    by_numpy = torch.nn.functional.cross_entropy(torch.as_tensor(logits), torch.as_tensor(dataset.y_val))
    assert loss == pytest.approx(float(by_numpy), rel=1e-4)


# ------------------------------------------------------------------ early stopping

def test_early_stopping_restores_the_weights_of_the_best_epoch():
    dataset = points_dataset(n_train=30, n_val=200, flip=0.3)       # noisy labels: a wide net memorises them
    spec = NetworkSpec(2, (LayerSpec(128), LayerSpec(128)), 2)
    config = TrainingConfig(learning_rate=0.01, batch_size=10, optimizer="adam", epochs=300, patience=4)
    session = TrainingSession(spec, dataset, config)
    snapshots: dict[int, tuple] = {}
    history: list[EpochReport] = []
    reports = []
    for report in session.run():
        reports.append(report)
        if isinstance(report, EpochReport):       # the generator is paused: the model is this epoch's
            history.append(report)
            snapshots[report.epoch] = snapshot_layers(session.model)
    finished = reports[-1]
    assert isinstance(finished, FinishedReport) and finished.outcome == "early_stopped"
    val = [r.val_loss for r in history]
    best_epoch = int(np.argmin(val)) + 1
    assert finished.best_epoch == best_epoch
    assert history[-1].epoch == best_epoch + 4 < 300       # stopped `patience` epochs after the best
    assert min(val[best_epoch:]) >= val[best_epoch - 1]
    final = snapshot_layers(session.model)
    last_weights = [r for r in reports if isinstance(r, WeightsReport)][-1]
    for restored, best, published in zip(final, snapshots[best_epoch], last_weights.layers):
        assert np.array_equal(restored.weight, best.weight) and np.array_equal(restored.bias, best.bias)
        assert np.array_equal(published.weight, best.weight)
    assert not np.array_equal(final[0].weight, snapshots[history[-1].epoch][0].weight)


def test_without_patience_the_run_goes_to_the_last_epoch():
    dataset = points_dataset(n_train=30, n_val=200, flip=0.3)
    spec = NetworkSpec(2, (LayerSpec(64),), 2)
    config = TrainingConfig(learning_rate=0.01, batch_size=10, epochs=12, patience=0)
    reports = list(TrainingSession(spec, dataset, config).run())
    assert reports[-1].outcome == "completed" and reports[-1].epoch == 12


# ------------------------------------------------------------------ training-set size

def test_train_size_uses_only_the_first_n_samples(monkeypatch):
    n_total, n_used = 120, 50
    labels = np.r_[np.zeros(n_used), np.ones(n_total - n_used)]   # class 1 only beyond the first 50
    dataset = points_dataset(n_train=n_total, y_train=labels)
    seen: list[int] = []
    real_loss = training.data_loss

    def recording_loss(output, y, loss, task):
        if output.requires_grad:
            seen.extend(y.tolist())
        return real_loss(output, y, loss, task)

    monkeypatch.setattr(training, "data_loss", recording_loss)
    config = TrainingConfig(batch_size=16, epochs=3, train_size=n_used)
    session = TrainingSession(NetworkSpec(2, (LayerSpec(8),), 2), dataset, config)
    list(session.run())
    assert session.n_train == n_used and session.steps_per_epoch == math.ceil(n_used / 16)
    assert len(seen) == 3 * n_used and set(seen) == {0}


def test_train_size_larger_than_the_data_means_all_of_it():
    dataset = points_dataset(n_train=40)
    session = TrainingSession(NetworkSpec(2, (), 2), dataset, TrainingConfig(batch_size=8, train_size=1000))
    assert session.n_train == 40
