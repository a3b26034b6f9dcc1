"""The walkthrough's hand computations against torch.autograd and the lecture's own numbers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from core import walkthrough as wt
from core.autograd_check import chain_reference, network_reference, tiny_network_reference
from core.errors import ConfigError, FormulaError, SpecError
from core.inference import forward, softmax
from core.model import build_model, snapshot_weights
from core.network_spec import ACTIVATIONS, LayerSpec, NetworkSpec, default_spec
from core.reports import LayerWeights
from core.training import data_loss

ROOT = Path(__file__).resolve().parents[2]


def random_network(sizes: list[int], seed: int = 0) -> tuple[LayerWeights, ...]:
    rng = np.random.default_rng(seed)
    return tuple(LayerWeights(rng.normal(0, 0.7, (n_out, n_in)), rng.normal(0, 0.3, n_out))
                 for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def assert_gradients_equal(manual: wt.NetworkGradients, reference: wt.NetworkGradients, tol: float = 1e-6) -> None:
    assert manual.loss == pytest.approx(reference.loss, abs=tol)
    for gw, rw, gb, rb in zip(manual.weight_grads, reference.weight_grads, manual.bias_grads, reference.bias_grads):
        np.testing.assert_allclose(gw, rw, atol=tol, rtol=0)
        np.testing.assert_allclose(gb, rb, atol=tol, rtol=0)
    assert wt.max_difference(wt.compare_gradients(manual, reference)) < tol


# ---------------------------------------------------------------- softmax and losses

def test_lecture_softmax_example_gives_class_3_a_probability_of_0_66():
    walk = wt.softmax_walk(wt.parse_numbers("−6.8, 2.6, 5.9, 6.7, 1.9, −1.3, −5.7, 3.2, 1.3, 1.0"), 1.0, label=3)
    assert f"{walk.probabilities[3]:.2f}" == "0.66"
    assert int(np.argmax(walk.probabilities)) == 3
    assert walk.shift == 0.0                                   # the plain exp of the slide, not shifted
    assert walk.exps[3] == pytest.approx(np.exp(6.7)) and walk.total == pytest.approx(np.exp(walk.scores).sum())
    assert walk.probabilities.sum() == pytest.approx(1.0)
    assert walk.loss == pytest.approx(-np.log(walk.probabilities[3]))
    assert f"{walk.loss:.2f}" == "0.41"


def test_temperature_sharpens_below_one_and_flattens_above():
    scores = np.array(wt.LECTURE_SCORES)
    cold, warm, hot = (wt.softmax_walk(scores, t).probabilities for t in (0.5, 1.0, 5.0))
    assert cold[3] > warm[3] > hot[3]
    assert hot.max() - hot.min() < warm.max() - warm.min()
    np.testing.assert_allclose(hot, softmax(scores, 5.0))
    np.testing.assert_allclose(wt.softmax_walk(scores, 5.0).scaled, scores / 5.0)


def test_huge_scores_are_shifted_but_give_the_same_probabilities_and_loss():
    walk = wt.softmax_walk([1000.0, 1001.0, 990.0], 1.0, label=0)
    assert np.isfinite(walk.exps).all() and walk.shift == 1001.0
    expected = torch.softmax(torch.tensor([1000.0, 1001.0, 990.0], dtype=torch.float64), 0).numpy()
    np.testing.assert_allclose(walk.probabilities, expected)
    assert walk.loss == pytest.approx(float(torch.nn.functional.cross_entropy(
        torch.tensor([[1000.0, 1001.0, 990.0]], dtype=torch.float64), torch.tensor([0]))))


@pytest.mark.parametrize("temperature, label, error", [(0.0, None, ConfigError), (float("nan"), None, ConfigError),
                                                       (1.0, 10, ConfigError), (1.0, -1, ConfigError)])
def test_bad_temperature_or_label_is_refused_with_a_sentence(temperature, label, error):
    with pytest.raises(error) as info:
        wt.softmax_walk(wt.LECTURE_SCORES, temperature, label)
    assert str(info.value).endswith(".")


@pytest.mark.parametrize("text", ["", "1, two, 3", "1, inf", "nan"])
def test_typed_numbers_that_are_not_numbers_are_refused(text):
    with pytest.raises(FormulaError):
        wt.parse_numbers(text)


def test_typed_numbers_accept_unicode_minus_semicolons_and_brackets():
    np.testing.assert_array_equal(wt.parse_numbers("[−1.5; 2  3e-1]"), [-1.5, 2.0, 0.3])


def test_regression_losses_mse_rmse_mae():
    walk = wt.regression_losses([1.0, 2.0, 3.0, 5.0], [1.0, 1.0, 1.0, 1.0])
    np.testing.assert_array_equal(walk.errors, [0.0, 1.0, 2.0, 4.0])
    assert walk.mse == pytest.approx(21 / 4)
    assert walk.rmse == pytest.approx(np.sqrt(21 / 4))
    assert walk.mae == pytest.approx(7 / 4)
    assert wt.regression_losses([2.0, 4.0], [3.0]).mae == pytest.approx(1.0)   # one target for all
    with pytest.raises(FormulaError):
        wt.regression_losses([1.0, 2.0, 3.0], [1.0, 2.0])


# ---------------------------------------------------------------- forward pass and the bias trick

def test_layer_forward_and_the_bias_trick_give_the_same_z():
    layer = random_network([7, 4], seed=3)[0]
    x = np.random.default_rng(1).normal(size=7)
    walk = wt.layer_forward(layer, x, "relu")
    trick = wt.bias_trick(walk.weight, walk.bias, walk.x)
    np.testing.assert_allclose(walk.z, layer.weight @ x + layer.bias)
    np.testing.assert_allclose(trick.z, walk.z, atol=1e-12)
    assert trick.weight.shape == (4, 8) and trick.x.shape == (8,)
    np.testing.assert_array_equal(trick.weight[:, -1], layer.bias)
    assert trick.x[-1] == 1.0
    np.testing.assert_array_equal(walk.h, np.maximum(walk.z, 0))


def test_network_walk_matches_inference_forward():
    spec = NetworkSpec(784, (LayerSpec(16, "tanh"), LayerSpec(16, "leaky_relu")), 10)
    weights = wt.untrained_weights(spec, seed=2)
    x = wt.example_input(784)
    walks = wt.network_walk(weights, x)
    result = forward(weights, x.astype(np.float32))
    assert [w.z.shape for w in walks] == [(16,), (16,), (10,)]
    for walk, z in zip(walks, result.pre_activations):
        np.testing.assert_allclose(walk.z, z, atol=1e-4)
    np.testing.assert_allclose(walks[-1].h, result.probabilities, atol=1e-5)
    np.testing.assert_array_equal(walks[1].x, walks[0].h)       # each layer's input is the previous h


def test_layer_forward_refuses_an_input_of_the_wrong_size():
    with pytest.raises(SpecError):
        wt.layer_forward(random_network([5, 3])[0], np.zeros(4), "relu")


def test_untrained_weights_are_reproducible_and_fit_the_spec():
    spec = default_spec()
    a, b = wt.untrained_weights(spec, seed=0), wt.untrained_weights(spec, seed=0)
    assert wt.weights_fit(a, spec) and not wt.weights_fit(a, NetworkSpec(784, (LayerSpec(8),), 10))
    np.testing.assert_array_equal(a.layers[0].weight, b.layers[0].weight)
    assert np.abs(a.layers[0].weight).max() <= 1 / np.sqrt(784)
    zeros = wt.untrained_weights(NetworkSpec(4, (LayerSpec(3),), 2, init="zeros"))
    assert not np.any(zeros.layers[0].weight)


def test_weight_explanation_names_the_pixel_and_the_product():
    text = wt.weight_explanation(0, 3, 407, 0.021, 0.83, (28, 28))
    assert text.startswith("W1[3, 407] = 0.021 multiplies pixel (14, 15)")
    assert "0.0174" in text and "z1[3]" in text
    assert "h1[5] = −0.5" in wt.weight_explanation(1, 2, 5, 0.1, -0.5)


# ---------------------------------------------------------------- the chain and the 2-2-1 network

def test_chain_steps_walk_forward_then_backward_then_update():
    steps = wt.chain_steps(wt.ChainParams(x=2.0, y=3.0, w1=0.5, w2=1.5, lr=0.1))
    phases = [s.phase for s in steps]
    assert phases == sorted(phases, key=wt.PHASES.index) and set(phases) == set(wt.PHASES)
    by_key = {s.key: float(s.value) for s in steps if s.key}
    assert by_key["h"] == 1.0 and by_key["y_hat"] == 1.5 and by_key["loss"] == 1.125
    assert by_key["grad:w1"] == pytest.approx((1.5 - 3.0) * 1.5 * 2.0)       # (ŷ − y)·w2·x
    assert by_key["new:w1"] == pytest.approx(0.5 - 0.1 * -4.5)
    assert by_key["new:loss"] < by_key["loss"]
    assert any("(ŷ − y)·w2·x = (−1.5)·1.5·2 = −4.5" in s.formula for s in steps)


@pytest.mark.parametrize("params", [wt.ChainParams(), wt.ChainParams(-1.3, 0.7, 2.1, -0.4, 0.05),
                                    wt.ChainParams(0.0, 1.0, 3.0, 2.0, 1.0)])
def test_chain_gradients_equal_autograd(params):
    steps = wt.attach_reference(wt.chain_steps(params), chain_reference(params))
    compared = [s for s in steps if s.reference is not None]
    assert {s.key for s in compared} >= {"grad:w1", "grad:w2", "grad:h", "grad:y_hat", "new:w1", "new:w2"}
    assert all(s.difference < 1e-12 for s in compared)


@pytest.mark.parametrize("params", [
    wt.TinyParams(),
    wt.TinyParams((0.3, 0.9), -1.0, ((1.0, -2.0), (0.4, 0.6)), (0.5, -0.2), (-0.7, 1.3), 0.0, 0.5),
    wt.TinyParams((1.0, 1.0), 1.0, ((1.0, -1.0), (2.0, 1.0)), (0.0, -3.0), (0.5, 0.5), 0.1, 0.1),  # z = [0, 0]
])
def test_tiny_network_gradients_and_update_equal_autograd(params):
    steps = wt.attach_reference(wt.tiny_network_steps(params), tiny_network_reference(params))
    compared = {s.key: s for s in steps if s.reference is not None}
    assert {"grad:W1", "grad:b1", "grad:w2", "grad:b2", "grad:z", "new:W1", "new:loss"} <= set(compared)
    assert max(s.difference for s in compared.values()) < 1e-12


def test_tiny_network_shows_the_relu_mask_blocking_a_negative_unit():
    steps = wt.tiny_network_steps(wt.TinyParams())
    by_key = {s.key: s for s in steps if s.key}
    np.testing.assert_allclose(by_key["z"].value, [1.2, -1.1])
    mask = next(s for s in steps if "mask" in s.title)
    np.testing.assert_array_equal(mask.value, [1.0, 0.0])
    np.testing.assert_allclose(by_key["grad:W1"].value[1], [0.0, 0.0])      # the dead unit learns nothing


# ---------------------------------------------------------------- the whole-network manual backward pass

CLASSIFICATION_LOSSES = ("cross_entropy", "mse", "mae")


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
@pytest.mark.parametrize("loss", CLASSIFICATION_LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_manual_backward_equals_autograd_for_classification(activation, loss, depth):
    sizes = [6, 5, 4, 5][:depth] + [3]
    layers = random_network(sizes, seed=depth)
    names = (activation,) * (depth - 1) + ("softmax",)
    x = np.random.default_rng(7).normal(size=(4, 6))
    y = np.array([0, 2, 1, 2])
    manual = wt.manual_backward(layers, x, y, names, loss)
    assert_gradients_equal(manual, network_reference(layers, x, y, names, loss))
    assert [g.shape for g in manual.weight_grads] == [(b, a) for a, b in zip(sizes[:-1], sizes[1:])]


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
@pytest.mark.parametrize("loss", ("mse", "mae"))
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_manual_backward_equals_autograd_for_regression(activation, loss, depth):
    sizes = [2, 6, 5, 4][:depth] + [1]
    layers = random_network(sizes, seed=10 + depth)
    names = (activation,) * (depth - 1) + ("linear",)
    x = np.random.default_rng(8).normal(size=(5, 2))
    y = np.random.default_rng(9).normal(size=(5, 1))
    assert_gradients_equal(wt.manual_backward(layers, x, y, names, loss),
                           network_reference(layers, x, y, names, loss))


@pytest.mark.parametrize("loss", CLASSIFICATION_LOSSES)
def test_manual_backward_equals_the_training_model_gradients(loss):
    """The same gradients as the app's own nn.Sequential and core.training.data_loss (float32)."""
    spec = NetworkSpec(12, (LayerSpec(8, "relu"), LayerSpec(6, "tanh")), 4)
    model = build_model(spec, seed=3)
    x = torch.randn(9, 12)
    y = torch.tensor([0, 1, 2, 3, 0, 1, 2, 3, 3])
    data_loss(model(x), y, loss, "classification").backward()
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    manual = wt.manual_backward(snapshot_weights(model, spec), x.numpy(), y.numpy(), loss=loss)
    for layer, gw, gb in zip(linears, manual.weight_grads, manual.bias_grads):
        np.testing.assert_allclose(gw, layer.weight.grad.numpy(), atol=1e-6)
        np.testing.assert_allclose(gb, layer.bias.grad.numpy(), atol=1e-6)


def test_manual_backward_reproduces_the_lecture_two_layer_numpy_network():
    """pytorch/examples' warm-up from the lecture notes, verbatim, against manual_backward and autograd."""
    N, D_in, H, D_out = 64, 1000, 100, 10
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((N, D_in)), rng.standard_normal((N, D_out))
    w1, w2 = rng.standard_normal((D_in, H)), rng.standard_normal((H, D_out))
    learning_rate = 1e-6
    for t in range(3):
        # --- the lecture's code
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        loss = np.square(y_pred - y).sum()
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        # --- ours: W is (n_out, n_in) like nn.Linear, so the lecture's w1 is W1ᵀ; no biases
        layers = (LayerWeights(w1.T, np.zeros(H)), LayerWeights(w2.T, np.zeros(D_out)))
        manual = wt.manual_backward(layers, x, y, ("relu", "linear"), "sum_squared")
        assert manual.loss == pytest.approx(loss, rel=1e-12)
        np.testing.assert_allclose(manual.weight_grads[0], grad_w1.T, rtol=1e-10, atol=1e-6)
        np.testing.assert_allclose(manual.weight_grads[1], grad_w2.T, rtol=1e-10, atol=1e-6)
        reference = network_reference(layers, x, y, ("relu", "linear"), "sum_squared")
        np.testing.assert_allclose(manual.weight_grads[0], reference.weight_grads[0], rtol=1e-10, atol=1e-6)
        np.testing.assert_allclose(manual.weight_grads[1], reference.weight_grads[1], rtol=1e-10, atol=1e-6)
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2


# ---------------------------------------------------------------- the ReLU derivative is a mask of z > 0

def relu_trap() -> tuple[tuple[LayerWeights, ...], np.ndarray, np.ndarray, np.ndarray]:
    """A net whose hidden z is exactly [0, −0.5, 0, 3, 0]: zeros and negatives where wrong rules differ."""
    w1 = np.array([[1.0, -0.5], [-1.0, 0.0], [2.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    b1 = np.array([0.0, 0.5, -4.0, 0.0, 0.0])
    w2 = np.array([[0.3, -1.2, 0.7, 0.5, 1.1], [-0.4, 0.8, 0.9, -0.6, 0.2], [1.5, 0.1, -0.3, 0.4, -0.9]])
    x = np.array([[1.0, 2.0]])
    layers = (LayerWeights(w1, b1), LayerWeights(w2, np.array([0.1, -0.2, 0.05])))
    z = x @ w1.T + b1
    assert z.tolist() == [[0.0, -0.5, 0.0, 3.0, 0.0]]
    return layers, x, np.array([1]), z[0]


def test_relu_backward_is_the_incoming_gradient_masked_by_z_greater_than_zero():
    grad = np.array([1.0, 2.0, 3.0, 4.0, -5.0])
    z = np.array([-1.0, 0.0, 0.5, 2.0, 1e-300])
    np.testing.assert_array_equal(wt.relu_backward(grad, z), [0.0, 0.0, 3.0, 4.0, -5.0])


def test_hidden_relu_gradient_is_exactly_the_masked_upstream_gradient_and_equals_autograd():
    layers, x, y, z = relu_trap()
    manual = wt.manual_backward(layers, x, y, ("relu", "softmax"))
    upstream = manual.deltas[1] @ layers[1].weight                  # ∂L/∂h1 = W2ᵀ δ2
    np.testing.assert_array_equal(manual.deltas[0][0], upstream[0] * (z > 0))
    assert manual.deltas[0][0, [0, 1, 2, 4]].tolist() == [0.0, 0.0, 0.0, 0.0] and manual.deltas[0][0, 3] != 0
    torch_grads = network_reference(layers, x, y, ("relu", "softmax"))
    assert_gradients_equal(manual, torch_grads, tol=1e-12)


WRONG_RELU_DERIVATIVES = {
    "z >= 0": lambda grad, z: grad * (z >= 0),
    "sign(z)": lambda grad, z: grad * np.sign(z),
    "h itself": lambda grad, z: grad * np.maximum(z, 0),
    "no mask": lambda grad, z: grad,
    "mask of h >= 0": lambda grad, z: grad * (np.maximum(z, 0) >= 0),
}


@pytest.mark.parametrize("name", WRONG_RELU_DERIVATIVES)
def test_a_wrong_relu_derivative_is_caught_by_the_autograd_comparison(name, monkeypatch):
    layers, x, y, _ = relu_trap()
    reference = network_reference(layers, x, y, ("relu", "softmax"))
    monkeypatch.setattr(wt, "relu_backward", WRONG_RELU_DERIVATIVES[name])
    wrong = wt.manual_backward(layers, x, y, ("relu", "softmax"))
    assert wt.max_difference(wt.compare_gradients(wrong, reference)) > 1e-3
    with pytest.raises(AssertionError):
        assert_gradients_equal(wrong, reference)


def test_compare_gradients_reports_the_largest_difference_per_layer():
    layers = random_network([4, 3, 2])
    x, y = np.ones((1, 4)), np.array([1])
    manual = wt.manual_backward(layers, x, y, ("tanh", "softmax"))
    bumped = wt.NetworkGradients(manual.loss, (manual.weight_grads[0] + 0.25, manual.weight_grads[1]),
                                 manual.bias_grads)
    rows = wt.compare_gradients(manual, bumped)
    assert [r.layer for r in rows] == [1, 2] and rows[0].shape == (3, 4)
    assert rows[0].weight_diff == pytest.approx(0.25) and rows[1].max_diff == 0.0
    assert wt.max_difference(rows) == pytest.approx(0.25)


def test_backward_formulas_name_the_relu_mask_and_the_softmax_delta():
    rules = wt.backward_formulas(("relu", "tanh", "softmax"), "cross_entropy", "classification")
    assert rules == ("δ1 = (W2ᵀ·δ2) ⊙ [z1 > 0]", "δ2 = (W3ᵀ·δ3) ⊙ (1 − tanh²(z2))", "δ3 = softmax(z3) − onehot(y)")


@pytest.mark.parametrize("y, loss, task", [(np.array([10]), "cross_entropy", "classification"),
                                           (np.array([0.5]), "cross_entropy", "regression"),
                                           (np.array([1]), "hinge", "classification")])
def test_bad_labels_or_losses_are_refused_with_a_sentence(y, loss, task):
    layers = random_network([3, 10])
    with pytest.raises(ConfigError):
        wt.manual_backward(layers, np.ones(3), y, ("softmax",), loss, task)


def test_walkthrough_is_pure_numpy():
    code = "import sys, core.walkthrough; sys.exit('torch' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
