"""The network diagram: columns of neurons, weight-coloured links, neurons that light up."""
from __future__ import annotations

import numpy as np
import pytest

from core.network_spec import LayerSpec, NetworkSpec
from core.reports import LayerWeights, WeightsReport
from gui.widgets.network_diagram import (NEGATIVE, POSITIVE, NetworkDiagram, activation_levels, link_styles,
                                         shown_indices)

WIDE = NetworkSpec(784, (LayerSpec(64), LayerSpec(64)), 10)


def report_for(spec: NetworkSpec, make) -> WeightsReport:
    sizes = spec.layer_sizes
    layers = tuple(LayerWeights(make((b, a)).astype(np.float32), np.zeros(b, np.float32))
                   for a, b in zip(sizes, sizes[1:]))
    return WeightsReport(7, layers, spec.activations, np.zeros(len(layers), np.float32))


@pytest.fixture
def diagram(qtbot):
    widget = NetworkDiagram()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def colour_counts(widget: NetworkDiagram) -> tuple[int, int]:
    """Pixels close to the positive and to the negative link colour (legend excluded)."""
    image = widget.grab().toImage()
    ptr = image.constBits()
    arr = np.frombuffer(ptr, np.uint8).reshape(image.height(), image.bytesPerLine())[:, :image.width() * 4]
    rgb = arr.reshape(image.height(), image.width(), 4)[:-30, :, 2::-1].astype(int)  # BGRA -> RGB

    def near(color):
        target = np.array([color.red(), color.green(), color.blue()])
        return int((np.abs(rgb - target).sum(axis=-1) < 60).sum())

    return near(POSITIVE), near(NEGATIVE)


def test_large_layers_show_a_few_neurons_and_a_gap():
    shown, gap = shown_indices(784)
    assert shown.tolist() == [0, 1, 2, 3, 780, 781, 782, 783] and gap == 3
    shown, gap = shown_indices(10)
    assert shown.tolist() == list(range(10)) and gap == -1


def test_wide_network_is_drawn_in_columns(diagram):
    diagram.show_network(WIDE)
    positions = diagram.neuron_positions()
    assert [len(p) for p in positions] == [8, 8, 8, 10]
    xs = [p[0, 0] for p in positions]
    assert xs == sorted(xs) and len(set(xs)) == 4              # input left ... output right
    for column in positions:
        assert np.all(np.diff(column[:, 1]) > 0)               # top to bottom, no overlap
        assert column[:, 1].min() > 0 and column[:, 1].max() < diagram.height()
    assert not diagram.grab().isNull()


def test_links_take_the_colour_of_the_weight_sign(diagram):
    diagram.show_network(WIDE)
    plain_pos, plain_neg = colour_counts(diagram)
    assert plain_pos < 50 and plain_neg < 50                   # untrained: grey links
    diagram.show_weights(report_for(WIDE, lambda shape: np.full(shape, 0.3)))
    positive, negative = colour_counts(diagram)
    assert positive > 500 and negative < 50
    diagram.show_weights(report_for(WIDE, lambda shape: np.full(shape, -0.3)))
    positive, negative = colour_counts(diagram)
    assert negative > 500 and positive < 50


def test_zero_random_and_mismatched_weights_draw_without_error(diagram):
    diagram.show_network(WIDE)
    diagram.show_weights(report_for(WIDE, np.zeros))
    assert diagram.has_weights
    assert not diagram.grab().isNull()
    rng = np.random.default_rng(0)
    diagram.show_weights(report_for(WIDE, lambda shape: rng.normal(0, 0.1, shape)))
    assert not diagram.grab().isNull()
    other = NetworkSpec(784, (LayerSpec(16),), 10)
    diagram.show_weights(report_for(other, np.ones))           # a stale report of another network
    assert not diagram.has_weights
    diagram.show_weights(None)
    assert not diagram.has_weights


def test_a_hidden_diagram_works_out_its_links_only_when_painted(diagram, monkeypatch):
    import gui.widgets.network_diagram as module

    calls = []
    real = module.link_styles
    monkeypatch.setattr(module, "link_styles", lambda *args: calls.append(1) or real(*args))
    diagram.show_network(WIDE)
    diagram.hide()
    for value in (0.1, 0.2, 0.3):                               # weight reports of a run, tab hidden
        diagram.show_weights(report_for(WIDE, lambda shape: np.full(shape, value)))
    assert calls == [] and diagram.has_weights
    diagram.show()
    positive, negative = colour_counts(diagram)                  # painting computes the latest report's links
    assert positive > 500 and negative < 50
    assert len(calls) == len(WIDE.layer_sizes) - 1


def test_link_styles_scale_by_the_largest_weight_of_the_layer():
    weight = np.array([[2.0, -1.0, 0.0], [0.5, -4.0, 1.0]], np.float32)  # (n_out, n_in)
    sign, scale = link_styles(weight, rows=np.array([0, 1]), cols=np.array([0, 1]))
    assert sign.tolist() == [[1, -1], [1, -1]]
    np.testing.assert_allclose(scale, [[0.5, 0.25], [0.125, 1.0]])
    sign, scale = link_styles(weight, rows=np.array([0, 1]), cols=np.array([0, 2]))  # -4 not drawn
    np.testing.assert_allclose(scale, [[0.5, 0.0], [0.125, 0.25]])                    # still scaled by 4
    sign, scale = link_styles(np.zeros((2, 3)), np.array([0, 1]), np.array([0, 2]))
    assert not scale.any() and not sign.any()
    sign, scale = link_styles(np.array([[np.nan, 1.0]]), np.array([0]), np.array([0, 1]))
    assert np.isfinite(scale).all() and scale.tolist() == [[0.0, 1.0]]


def test_activations_light_up_neurons(diagram):
    spec = NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10)
    diagram.show_network(spec)
    hidden = np.zeros(16, np.float32)
    hidden[2] = 4.0
    hidden[15] = 1.0
    probs = np.full(10, 0.1, np.float32)
    diagram.show_activations([hidden, hidden, probs])          # ForwardResult.activations: no input
    assert diagram.has_activations
    levels = diagram._levels
    assert levels[0] is None
    shown, _ = shown_indices(16)
    expected = np.zeros(len(shown))
    expected[2], expected[-1] = 1.0, 0.25
    assert levels[1] == pytest.approx(expected)
    assert levels[3] == pytest.approx(np.ones(10))
    assert not diagram.grab().isNull()
    diagram.show_activations(None)
    assert not diagram.has_activations


def test_activation_levels_handle_negative_inputs_and_short_arrays():
    x = np.array([-0.42, -0.42, 2.8, 1.19], np.float32)      # normalised pixels: background < 0
    assert activation_levels(x, np.arange(4)) == pytest.approx([0, 0, 1, (1.19 + 0.42) / 3.22], abs=1e-6)
    assert activation_levels(np.zeros(3), np.arange(8)).tolist() == [0.0] * 8
