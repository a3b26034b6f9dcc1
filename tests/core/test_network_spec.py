from __future__ import annotations

import pytest

from core.errors import SpecError
from core.model import build_model
from core.network_spec import (ACTIVATIONS, LayerSpec, NetworkSpec, default_spec, layer_formula, layer_shapes,
                               parameter_count, presets, validate)


def lecture_spec() -> NetworkSpec:
    return NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10)


def test_lecture_network_has_13002_parameters():
    assert parameter_count(lecture_spec()) == 13_002


@pytest.mark.parametrize("hidden", [(), (LayerSpec(3),), (LayerSpec(128), LayerSpec(64, "tanh")),
                                    (LayerSpec(5, "sigmoid", 0.5), LayerSpec(7, "leaky_relu"), LayerSpec(2, "linear"))])
def test_parameter_count_matches_torch(hidden):
    spec = NetworkSpec(20, hidden, 4)
    model = build_model(spec)
    assert parameter_count(spec) == sum(p.numel() for p in model.parameters())


def test_layer_shapes_follow_torch_linear_convention():
    assert layer_shapes(lecture_spec()) == [((16, 784), (16,)), ((16, 16), (16,)), ((10, 16), (10,))]


def test_layer_formula_names_activation_and_shapes():
    spec = lecture_spec()
    assert layer_formula(spec, 0) == "h1 = ReLU(W1·x + b1)   W1: 16×784, b1: 16"
    assert layer_formula(spec, 1) == "h2 = ReLU(W2·h1 + b2)   W2: 16×16, b2: 16"
    assert layer_formula(spec, 2) == "ŷ = softmax(W3·h2 + b3)   W3: 10×16, b3: 10"
    linear = NetworkSpec(1, (), 1, "linear")
    assert layer_formula(linear, 0) == "ŷ = W1·x + b1   W1: 1×1, b1: 1"
    with pytest.raises(SpecError, match="no layer 4"):
        layer_formula(spec, 3)


@pytest.mark.parametrize("spec, fragment", [
    (NetworkSpec(784, (LayerSpec(0),), 10), "between 1 and 4096"),
    (NetworkSpec(784, (LayerSpec(5000),), 10), "between 1 and 4096"),
    (NetworkSpec(784, (LayerSpec(16, "swish"),), 10), "unknown activation"),
    (NetworkSpec(784, (LayerSpec(16, dropout=0.95),), 10), "Dropout"),
    (NetworkSpec(784, (LayerSpec(2.5),), 10), "whole number"),
    (NetworkSpec(784, (), 10, "sigmoid"), "softmax or linear"),
    (NetworkSpec(784, (), 10, init="ones"), "initialisation"),
    (NetworkSpec(0, (), 10), "input size"),
    (NetworkSpec(784, (LayerSpec(4),) * 9, 10), "hidden layers"),
])
def test_invalid_specs_raise_a_sentence(spec, fragment):
    with pytest.raises(SpecError, match=fragment) as info:
        validate(spec)
    assert str(info.value).endswith(".")


def test_spec_round_trips_through_dict_and_rejects_garbage():
    spec = NetworkSpec(784, (LayerSpec(16, "tanh", 0.2),), 10, init="zeros")
    assert NetworkSpec.from_dict(spec.to_dict()) == spec
    with pytest.raises(SpecError):
        NetworkSpec.from_dict({"hidden": [{"units": "many"}]})
    with pytest.raises(SpecError):
        NetworkSpec.from_dict({"input_size": 784, "output_size": 10, "hidden": [{"units": -3}]})


def test_presets_fit_their_data_and_include_the_lecture_network():
    image = presets(784, 10, "classification")
    assert parameter_count(image["784-16-16-10 (the lecture network, 13,002 parameters)"]) == 13_002
    assert image["linear (no hidden layer)"].hidden == ()
    for input_size, output_size, task in ((784, 10, "classification"), (2, 2, "classification"), (1, 1, "regression")):
        for spec in presets(input_size, output_size, task).values():
            validate(spec)
            assert spec.layer_sizes[0] == input_size and spec.layer_sizes[-1] == output_size
            assert spec.output_activation == ("linear" if task == "regression" else "softmax")


def test_default_spec_depends_on_task():
    assert default_spec().describe() == "784-16-16-10"
    assert default_spec(1, 1, "regression").output_activation == "linear"
    assert all(a in ACTIVATIONS for a in default_spec(2, 2).activations[:-1])
