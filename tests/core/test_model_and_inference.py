from __future__ import annotations

import numpy as np
import pytest
import torch

from core.inference import forward, softmax
from core.model import build_model, load_layers, snapshot_weights
from core.network_spec import ACTIVATIONS, LayerSpec, NetworkSpec


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_numpy_forward_equals_torch_model(activation):
    spec = NetworkSpec(30, (LayerSpec(12, activation), LayerSpec(7, activation)), 5)
    model = build_model(spec, seed=1)
    x = torch.randn(16, 30)
    expected = torch.softmax(model(x), dim=1).detach().numpy()
    result = forward(snapshot_weights(model, spec), x.numpy())
    np.testing.assert_allclose(result.probabilities, expected, atol=1e-5)
    np.testing.assert_allclose(result.probabilities.sum(axis=1), 1.0, atol=1e-6)
    assert [h.shape for h in result.activations] == [(16, 12), (16, 7), (16, 5)]


def test_forward_of_one_sample_and_regression_output():
    spec = NetworkSpec(1, (LayerSpec(4, "tanh"),), 1, "linear")
    model = build_model(spec, seed=0)
    result = forward(snapshot_weights(model, spec), np.array([0.5], np.float32))
    assert result.probabilities is None
    np.testing.assert_allclose(result.logits, model(torch.tensor([[0.5]])).detach().numpy()[0], atol=1e-6)


def test_snapshot_is_a_copy_not_a_view():
    spec = NetworkSpec(4, (LayerSpec(3),), 2)
    model = build_model(spec)
    report = snapshot_weights(model, spec)
    before = report.layers[0].weight.copy()
    with torch.no_grad():
        model[0].weight.add_(1.0)  # optimizer.step() writes in place like this
    np.testing.assert_array_equal(report.layers[0].weight, before)
    assert report.layers[0].weight.dtype == np.float32 and report.layers[0].weight.flags.c_contiguous


def test_zero_initialisation_really_is_zero_and_small_random_is_small():
    zeros = build_model(NetworkSpec(10, (LayerSpec(5),), 3, init="zeros"))
    assert all(float(p.detach().abs().sum()) == 0.0 for p in zeros.parameters())
    small = build_model(NetworkSpec(100, (LayerSpec(50),), 3, init="small_random"), seed=0)
    assert 0.005 < float(small[0].weight.detach().std()) < 0.02 and float(small[0].bias.detach().abs().sum()) == 0.0


def test_load_layers_writes_weights_back():
    spec = NetworkSpec(6, (LayerSpec(4),), 2)
    a, b = build_model(spec, seed=1), build_model(spec, seed=2)
    load_layers(b, snapshot_weights(a, spec).layers)
    x = torch.randn(3, 6)
    torch.testing.assert_close(a(x), b(x))


def test_dropout_modules_follow_the_spec():
    model = build_model(NetworkSpec(8, (LayerSpec(4, dropout=0.5), LayerSpec(4)), 2))
    assert sum(isinstance(m, torch.nn.Dropout) for m in model) == 1


def test_softmax_is_stable_for_huge_scores_and_honours_temperature():
    p = softmax(np.array([1000.0, 0.0, -1000.0]))
    assert np.isfinite(p).all() and p[0] == pytest.approx(1.0)
    flat = softmax(np.array([2.0, 1.0]), temperature=1e6)
    assert flat[0] == pytest.approx(0.5, abs=1e-5)
