"""WeightsView and GradientNormPlot: mosaics, matrices, symmetric levels, in-place updates, bad values."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from core.datasets import DIGIT_NAMES, Dataset, normalize_pixels
from core.model import build_model, snapshot_weights
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import LayerWeights, TrainingConfig, WeightsReport
from core.training import TrainingSession
from gui.plot_cache import cache_static_items
from gui.widgets.weight_heatmap import (MAX_TILES, GradientNormPlot, WeightsView, mosaic_grid, nice_limit, sanitize,
                                        steady_levels, symmetric_levels, tile_origin, weight_mosaic)

MNIST_SPEC = NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10)


def _mnist_dataset(images: np.ndarray, labels: np.ndarray, n_train: int = 2000) -> Dataset:
    x = normalize_pixels(images[:n_train + 400].reshape(-1, 784) / 255.0)
    y = labels[:n_train + 400].astype(np.int64)
    split = {"x_train": x[:n_train], "y_train": y[:n_train], "x_val": x[n_train:n_train + 200],
             "y_val": y[n_train:n_train + 200], "x_test": x[n_train + 200:], "y_test": y[n_train + 200:]}
    return Dataset(name="MNIST", task="classification", input_shape=(28, 28), class_names=DIGIT_NAMES,
                   source="test subset", **{k: np.ascontiguousarray(v) for k, v in split.items()})


@pytest.fixture(scope="module")
def trained_reports(mnist_t10k) -> list[WeightsReport]:
    """Two snapshots of a 784-16-16-10 network during a short real training run on MNIST."""
    session = TrainingSession(MNIST_SPEC, _mnist_dataset(*mnist_t10k),
                              TrainingConfig(learning_rate=0.003, batch_size=64, epochs=1))
    first = list(session.run(max_steps=10))
    second = list(session.run(max_steps=20))
    return [[r for r in reports if isinstance(r, WeightsReport)][-1] for reports in (first, second)]


def _report(layers: list[tuple[np.ndarray, np.ndarray]], step: int = 1) -> WeightsReport:
    acts = ("relu",) * (len(layers) - 1) + ("softmax",)
    return WeightsReport(step, tuple(LayerWeights(np.asarray(w, np.float32), np.asarray(b, np.float32))
                                     for w, b in layers), acts, np.ones(len(layers), np.float32))


def _view(qtbot, spec: NetworkSpec = MNIST_SPEC, shape: tuple = (28, 28)) -> WeightsView:
    view = WeightsView()
    qtbot.addWidget(view)
    view.show_network(spec, shape)
    return view


# ---------------------------------------------------------------- the pure helpers

def test_mosaic_places_each_neuron_row_as_a_28x28_tile_in_reading_order():
    weight = np.random.default_rng(0).normal(size=(16, 784)).astype(np.float32)
    mosaic = weight_mosaic(weight)
    assert mosaic_grid(16) == (4, 4)
    assert mosaic.shape == (4 * 29 - 1, 4 * 29 - 1)
    assert mosaic.dtype == np.float32 and mosaic.flags.c_contiguous
    for k in range(16):
        row, col = tile_origin(k, 4)
        np.testing.assert_array_equal(mosaic[row:row + 28, col:col + 28], weight[k].reshape(28, 28))
    assert tile_origin(5, 4) == (29, 29)           # second row, second column
    assert not mosaic[28, :].any() and not mosaic[:, 28].any()   # the 1-px separators are 0


def test_mosaic_of_ten_neurons_leaves_the_unused_tiles_blank():
    weight = np.arange(10 * 784, dtype=np.float32).reshape(10, 784) + 1
    mosaic = weight_mosaic(weight)
    rows, cols = mosaic_grid(10)
    assert (rows, cols) == (3, 4)
    row, col = tile_origin(9, cols)
    np.testing.assert_array_equal(mosaic[row:row + 28, col:col + 28], weight[9].reshape(28, 28))
    row, col = tile_origin(10, cols)
    assert not mosaic[row:row + 28, col:col + 28].any()


def test_mosaic_shows_at_most_64_neurons():
    weight = np.random.default_rng(1).normal(size=(128, 784)).astype(np.float32)
    mosaic = weight_mosaic(weight)
    assert mosaic.shape == (8 * 29 - 1, 8 * 29 - 1)
    row, col = tile_origin(MAX_TILES - 1, 8)
    np.testing.assert_array_equal(mosaic[row:row + 28, col:col + 28], weight[63].reshape(28, 28))


def test_levels_are_symmetric_around_zero_and_fall_back_to_one():
    assert symmetric_levels(np.array([[-0.2, 0.5], [0.1, 0.0]])) == (-0.5, 0.5)
    assert symmetric_levels(np.array([[-3.0, 1.0]])) == (-3.0, 3.0)
    assert symmetric_levels(np.zeros((4, 4))) == (-1.0, 1.0)


def test_colour_limits_are_round_numbers_just_above_the_largest_weight():
    assert [nice_limit(v) for v in (0.5, 0.51, 0.0123, 1.0, 7.2, 9.1, 130.0)] == pytest.approx(
        [0.5, 0.6, 0.015, 1.0, 8.0, 10.0, 150.0])
    assert steady_levels(np.array([[-0.43, 0.2]])) == pytest.approx((-0.5, 0.5))
    assert steady_levels(np.zeros((2, 2))) == (-1.0, 1.0)


def test_colour_limits_stay_put_while_the_weights_move_a_little():
    assert steady_levels(np.array([0.31]), current=0.5) == (-0.5, 0.5)     # within [0.6·L, L]: kept
    assert steady_levels(np.array([0.49]), current=0.5) == (-0.5, 0.5)
    assert steady_levels(np.array([0.52]), current=0.5) == pytest.approx((-0.8, 0.8))    # grew past L: 1.2× room
    assert steady_levels(np.array([0.29]), current=0.5) == pytest.approx((-0.3, 0.3))    # shrank below 0.6·L


def test_sanitize_replaces_non_finite_values_and_says_so():
    clean, finite = sanitize(np.array([[1.0, np.nan], [np.inf, -np.inf]]))
    assert not finite
    assert np.isfinite(clean).all() and clean.dtype == np.float32 and clean.flags.c_contiguous
    same, finite = sanitize(np.array([[1.0, 2.0]]))
    assert finite and same.tolist() == [[1.0, 2.0]]


# ---------------------------------------------------------------- WeightsView with a real run

def test_trained_weights_are_drawn_as_mosaic_matrices_and_bias_columns(qtbot, trained_reports):
    view = _view(qtbot)
    report = trained_reports[-1]
    view.show_weights(report)
    w1, w2, w3 = (layer.weight for layer in report.layers)
    mosaic = view.images[0].image
    np.testing.assert_array_equal(mosaic, weight_mosaic(w1))
    row, col = tile_origin(6, 4)
    np.testing.assert_array_equal(mosaic[row:row + 28, col:col + 28], w1[6].reshape(28, 28))
    np.testing.assert_array_equal(view.images[1].image, w2)       # rows = neurons, columns = inputs
    np.testing.assert_array_equal(view.images[2].image, w3)
    for bias_image, layer in zip(view.bias_images, report.layers):
        np.testing.assert_array_equal(bias_image.image[:, 0], layer.bias)
    assert view.titles[0] == "Layer 1: W1 16×784 (one 28×28 tile per neuron)"
    assert view.titles[2] == "Layer 3 (output): W3 10×16"
    assert "375" not in view.note() and f"{report.step:,}" in view.note()


def test_each_layer_has_its_own_symmetric_levels(qtbot, trained_reports):
    view = _view(qtbot)
    report = trained_reports[-1]
    view.show_weights(report)
    for image, bias_image, colorbar, layer in zip(view.images, view.bias_images, view.colorbars, report.layers):
        limit = float(np.abs(layer.weight).max())
        low, high = colorbar.levels()
        assert low == -high and limit <= high < 1.25 * limit      # a round number just above max|w|
        assert high == pytest.approx(nice_limit(limit))
        assert tuple(image.levels) == pytest.approx((low, high))
        assert tuple(bias_image.levels) == pytest.approx((low, high))   # one colour bar per layer
    limits = [view.colorbars[i].levels()[1] for i in range(3)]
    assert len(set(limits)) > 1                               # not one scale for the whole network


def test_a_colour_bar_is_redrawn_only_when_its_limit_changes(qtbot, trained_reports):
    view = _view(qtbot)
    report = trained_reports[-1]
    view.show_weights(report)
    calls = []
    for colorbar in view.colorbars:
        colorbar.setLevels = lambda *args, **kwargs: calls.append(args)
    nudged = tuple(LayerWeights(layer.weight * 0.98, layer.bias) for layer in report.layers)
    view.show_weights(WeightsReport(report.step + 1, nudged, report.activations, report.grad_norms))
    assert calls == []                                    # max|w| moved 2 %: same colour bars
    np.testing.assert_array_equal(view.images[1].image, nudged[1].weight)   # the pictures did change
    doubled = tuple(LayerWeights(layer.weight * 2.5, layer.bias) for layer in report.layers)
    view.show_weights(WeightsReport(report.step + 2, doubled, report.activations, report.grad_norms))
    assert len(calls) == 3


def test_axes_and_titles_are_painted_from_a_cache(qtbot, trained_reports):
    from PySide6.QtWidgets import QGraphicsItem
    import pyqtgraph as pg

    view = _view(qtbot)
    view.show_weights(trained_reports[-1])
    items = view._graphics.scene().items()
    cached = [i for i in items if isinstance(i, (pg.AxisItem, pg.LabelItem))]
    assert cached and all(i.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for i in cached)
    plain = pg.PlotItem()
    assert cache_static_items(plain) == 4 + 1             # four axes and the title
    assert plain.getViewBox().cacheMode() == QGraphicsItem.CacheMode.NoCache   # the data is not cached


def test_updates_reuse_the_items_built_for_the_architecture(qtbot, trained_reports):
    view = _view(qtbot)
    view.show_weights(trained_reports[0])
    items = view.images + view.bias_images + view.colorbars
    view.show_network(MNIST_SPEC, (28, 28))          # same architecture: nothing is rebuilt
    view.show_weights(trained_reports[1])
    assert all(a is b for a, b in zip(items, view.images + view.bias_images + view.colorbars))
    np.testing.assert_array_equal(view.images[1].image, trained_reports[1].layers[1].weight)
    assert not np.array_equal(trained_reports[0].layers[1].weight, trained_reports[1].layers[1].weight)


def test_a_new_architecture_is_rebuilt(qtbot):
    view = _view(qtbot)
    old = view.images
    spec = NetworkSpec(784, (LayerSpec(128),), 10)
    view.show_network(spec, (28, 28))
    assert len(view.images) == 2 and view.images[0] is not old[0]
    report = snapshot_weights(build_model(spec, seed=0), spec, 0)
    view.show_weights(report)
    assert view.images[0].image.shape == (8 * 29 - 1, 8 * 29 - 1)
    assert view.titles[0] == "Layer 1: W1 128×784 (first 64 of 128 neurons, one 28×28 tile each)"


def test_a_report_for_another_network_rebuilds_the_view_itself(qtbot):
    view = _view(qtbot)
    spec = NetworkSpec(2, (LayerSpec(8), LayerSpec(8)), 2)
    report = snapshot_weights(build_model(spec, seed=0), spec, 3)
    view.show_weights(report)                         # arrived before show_network: still drawn
    assert [image.image.shape for image in view.images] == [(8, 2), (8, 8), (2, 8)]
    np.testing.assert_array_equal(view.images[0].image, report.layers[0].weight)


def test_non_image_first_layer_is_a_matrix_not_a_mosaic(qtbot):
    spec = NetworkSpec(2, (LayerSpec(16),), 2)
    view = _view(qtbot, spec, (2,))
    report = snapshot_weights(build_model(spec, seed=1), spec, 0)
    view.show_weights(report)
    np.testing.assert_array_equal(view.images[0].image, report.layers[0].weight)
    assert view.titles[0] == "Layer 1: W1 16×2"


def test_all_zero_weights_get_levels_of_plus_minus_one(qtbot):
    spec = NetworkSpec(784, (LayerSpec(16, "relu"),), 10, init="zeros")
    view = _view(qtbot, spec)
    report = snapshot_weights(build_model(spec, seed=0), spec, 0)
    assert not any(layer.weight.any() for layer in report.layers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_weights(report)
    assert all(colorbar.levels() == (-1.0, 1.0) for colorbar in view.colorbars)
    assert not view.images[0].image.any()


def test_non_finite_weights_skip_the_frame_without_a_warning(qtbot, trained_reports):
    view = _view(qtbot)
    good = trained_reports[0]
    view.show_weights(good)
    before = [image.image.copy() for image in view.images]
    levels = [colorbar.levels() for colorbar in view.colorbars]
    bad_weight = good.layers[1].weight.copy()
    bad_weight[0, 0], bad_weight[1, 1] = np.nan, np.inf
    bad_layers = (good.layers[0], LayerWeights(bad_weight, good.layers[1].bias), good.layers[2])
    bad = WeightsReport(99, bad_layers, good.activations, good.grad_norms)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_weights(bad)
    assert "non-finite" in view.note() and "99" in view.note()
    for image, old in zip(view.images, before):
        assert np.isfinite(image.image).all()
        np.testing.assert_array_equal(image.image, old)   # the whole frame was skipped, not just layer 2
    assert [colorbar.levels() for colorbar in view.colorbars] == levels


def test_non_finite_bias_also_skips_the_frame(qtbot):
    spec = NetworkSpec(2, (LayerSpec(4),), 2)
    view = _view(qtbot, spec, (2,))
    report = _report([(np.ones((4, 2)), np.array([0.0, np.nan, 0.0, 0.0])), (np.ones((2, 4)), np.zeros(2))])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_weights(report)
    assert "non-finite" in view.note()
    assert not view.bias_images[0].image.any()


def test_none_clears_the_pictures(qtbot, trained_reports):
    view = _view(qtbot)
    view.show_weights(trained_reports[0])
    levels = [colorbar.levels() for colorbar in view.colorbars]
    view.show_weights(None)
    assert all(not image.image.any() for image in view.images)
    assert "appear" in view.note()
    assert [colorbar.levels() for colorbar in view.colorbars] == levels   # blank pictures, same scales


# ---------------------------------------------------------------- GradientNormPlot

def _grad_plot(qtbot) -> GradientNormPlot:
    plot = GradientNormPlot()
    qtbot.addWidget(plot)
    plot.show()
    return plot


def test_gradient_norms_grow_one_curve_per_layer(qtbot):
    plot = _grad_plot(qtbot)
    for step in range(1, 301):  # past the first buffer size: the buffers must grow
        plot.show_grad_norms(step, np.array([0.5, 0.25, step / 100]))
    assert len(plot.curves) == 3
    x, y = plot.curves[2].getOriginalDataset()
    assert x.tolist() == list(range(1, 301))
    assert y[-1] == pytest.approx(3.0) and y[0] == pytest.approx(0.01)
    assert plot.curves[0].getOriginalDataset()[1].tolist() == [0.5] * 300


def test_gradient_norms_keep_only_finite_positive_values(qtbot):
    plot = _grad_plot(qtbot)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot.show_grad_norms(1, np.array([1.0, np.nan]))
        plot.show_grad_norms(2, np.array([np.inf, 0.0]))   # 0 cannot sit on a log axis
        plot.show_grad_norms(3, np.array([2.0, 4.0]))
    assert plot.curves[0].getOriginalDataset()[0].tolist() == [1, 3]
    assert plot.curves[1].getOriginalDataset()[0].tolist() == [3]


def test_a_hidden_gradient_plot_draws_its_points_when_shown(qtbot):
    plot = _grad_plot(qtbot)
    plot.show_grad_norms(1, np.array([1.0, 2.0]))
    plot.hide()                                            # the Weights tab is in front while training runs
    plot.show_grad_norm_series([2, 3], [np.array([1.5, 2.5]), np.array([1.2, 2.2])])
    assert plot.curves[1].getOriginalDataset()[0].tolist() == [1]     # not drawn while hidden
    plot.show()
    assert plot.curves[1].getOriginalDataset()[0].tolist() == [1, 2, 3]
    assert plot.curves[0].getOriginalDataset()[1].tolist() == pytest.approx([1.0, 1.5, 1.2])


def test_clear_history_and_a_new_layer_count_start_afresh(qtbot):
    plot = _grad_plot(qtbot)
    plot.show_grad_norms(1, np.array([1.0, 2.0]))
    plot.clear_history()
    assert len(plot.curves) == 2 and plot.curves[0].getOriginalDataset()[0] is None
    plot.show_grad_norms(5, np.array([1.0, 2.0]))
    assert plot.curves[0].getOriginalDataset()[0].tolist() == [5]
    plot.show_grad_norms(6, np.array([1.0, 2.0, 3.0, 4.0]))
    assert len(plot.curves) == 4
    assert plot.curves[0].getOriginalDataset()[0].tolist() == [6]
