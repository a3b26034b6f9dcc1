"""DecisionView: the 2-D heatmap is forward() on the grid, the 1-D curve is the network's output."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from core.datasets import DIGIT_NAMES, Dataset, load_dataset
from core.inference import forward
from core.model import build_model, snapshot_weights
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import LayerWeights, TrainingConfig, WeightsReport
from core.training import TrainingSession
from gui.widgets.decision_view import GRID_SIZE, DecisionView, contour_segments, plane_grid

PLANE_SPEC = NetworkSpec(2, (LayerSpec(8, "tanh"), LayerSpec(8, "tanh")), 2)
CURVE_SPEC = NetworkSpec(1, (LayerSpec(16, "tanh"),), 1, "linear")


def _train(spec: NetworkSpec, dataset: Dataset, **config) -> WeightsReport:
    session = TrainingSession(spec, dataset, TrainingConfig(batch_size=32, **config))
    reports = [r for r in session.run(max_steps=150) if isinstance(r, WeightsReport)]
    return reports[-1]


@pytest.fixture(scope="module")
def xor() -> Dataset:
    return load_dataset("XOR")


@pytest.fixture(scope="module")
def xor_report(xor) -> WeightsReport:
    return _train(PLANE_SPEC, xor, learning_rate=0.03, epochs=50)


@pytest.fixture(scope="module")
def sine() -> Dataset:
    return load_dataset("Sine")


@pytest.fixture(scope="module")
def sine_report(sine) -> WeightsReport:
    return _train(CURVE_SPEC, sine, learning_rate=0.03, epochs=50, loss="mse")


def _view(qtbot, dataset: Dataset | None) -> DecisionView:
    view = DecisionView()
    qtbot.addWidget(view)
    view.show_dataset(dataset)
    return view


def _image_dataset() -> Dataset:
    x = np.zeros((4, 784), np.float32)
    y = np.arange(4, dtype=np.int64)
    return Dataset(name="MNIST", task="classification", input_shape=(28, 28), class_names=DIGIT_NAMES,
                   x_train=x, y_train=y, x_val=x, y_val=y, x_test=x, y_test=y, source="test")


def test_plane_grid_covers_the_data_with_a_margin_row_by_row():
    x = np.array([[0.0, -1.0], [2.0, 3.0]], np.float32)
    points, (x0, y0, width, height) = plane_grid(x, n=4, margin=0.25)
    assert points.shape == (16, 2)
    assert (x0, y0, width, height) == pytest.approx((-0.5, -2.0, 3.0, 6.0))
    assert points[:4, 1].tolist() == pytest.approx([-1.25] * 4)        # first row: lowest x₂
    assert points[:4, 0].tolist() == pytest.approx([-0.125, 0.625, 1.375, 2.125])   # cell centres
    assert points[-1].tolist() == pytest.approx([2.125, 3.25])


def test_heatmap_is_the_network_probability_on_the_grid(qtbot, xor, xor_report):
    view = _view(qtbot, xor)
    assert view.is_applicable
    view.show_weights(xor_report)
    expected = forward(xor_report, view.grid_points).probabilities[:, 1].reshape(GRID_SIZE, GRID_SIZE)
    np.testing.assert_allclose(view.heatmap.image, expected, rtol=1e-6, atol=1e-7)
    assert view.grid_points[:, 0].min() < xor.x_train[:, 0].min()
    assert view.grid_points[:, 1].max() > xor.x_train[:, 1].max()
    assert tuple(view.heatmap.levels) == (0.0, 1.0)
    assert f"{xor_report.step:,}" in view.message()


def test_heatmap_row_zero_is_the_bottom_of_the_plane(qtbot, xor, xor_report):
    """Pixel (row, column) must sit over the grid point it was computed for."""
    view = _view(qtbot, xor)
    view.show_weights(xor_report)
    rect = view.heatmap.mapRectToParent(view.heatmap.boundingRect())
    first, last = view.grid_points[0], view.grid_points[-1]
    assert rect.left() < first[0] < rect.left() + rect.width() / GRID_SIZE
    assert rect.top() < first[1] < rect.top() + rect.height() / GRID_SIZE   # y grows upwards
    assert rect.right() - rect.width() / GRID_SIZE < last[0] < rect.right()


def test_trained_xor_boundary_separates_the_quadrants(qtbot, xor, xor_report):
    view = _view(qtbot, xor)
    view.show_weights(xor_report)
    p = view.heatmap.image
    quarter = GRID_SIZE // 4
    assert p[quarter, quarter] < 0.5 and p[-quarter, -quarter] < 0.5     # same signs: class 0
    assert p[quarter, -quarter] > 0.5 and p[-quarter, quarter] > 0.5     # opposite signs: class 1
    x, y = view.boundary.getData()
    assert len(x) > 20
    assert np.median(np.minimum(np.abs(x), np.abs(y))) < 0.15   # the 50 % line runs along the axes


def test_updates_keep_the_same_items(qtbot, xor, xor_report):
    view = _view(qtbot, xor)
    heatmap, boundary = view.heatmap, view.boundary
    untrained = snapshot_weights(build_model(PLANE_SPEC, seed=3), PLANE_SPEC, 0)
    view.show_weights(untrained)
    view.show_weights(xor_report)
    assert view.heatmap is heatmap and view.boundary is boundary


def test_curve_follows_the_network_output(qtbot, sine, sine_report):
    view = _view(qtbot, sine)
    assert view.is_applicable and view.heatmap is None
    view.show_weights(sine_report)
    x, y = view.curve.getData()
    assert len(x) >= 200
    assert x.min() < sine.x_train.min() and x.max() > sine.x_train.max()
    np.testing.assert_allclose(y, forward(sine_report, x.reshape(-1, 1)).logits[:, 0], rtol=1e-5, atol=1e-6)
    near = np.abs(x - 1.57) < 0.05     # a briefly trained net already bends towards sin(x)
    assert y[near].mean() > 0.5


def test_image_data_has_no_decision_boundary(qtbot, xor_report):
    view = _view(qtbot, _image_dataset())
    assert not view.is_applicable
    assert "decision boundary needs a 2-D dataset" in view.message()
    spec = NetworkSpec(784, (LayerSpec(4),), 10)
    view.show_weights(snapshot_weights(build_model(spec, seed=0), spec, 0))
    assert view.heatmap is None and view.curve is None


def test_switching_datasets_rebuilds_the_plot(qtbot, xor, sine, xor_report):
    view = _view(qtbot, xor)
    view.show_dataset(sine)
    assert view.heatmap is None and view.colorbar is None and view.curve is not None
    view.show_weights(xor_report)                   # a 2-input network does not fit 1-D data: ignored
    assert view.curve.getData()[0] is None
    view.show_dataset(xor)
    assert view.curve is None and view.heatmap is not None
    view.show_dataset(None)
    assert not view.is_applicable


def test_non_finite_weights_skip_the_frame(qtbot, xor, xor_report):
    view = _view(qtbot, xor)
    view.show_weights(xor_report)
    before = view.heatmap.image.copy()
    layers = list(xor_report.layers)
    weight = layers[0].weight.copy()
    weight[0, 0] = np.nan
    layers[0] = LayerWeights(weight, layers[0].bias)
    bad = WeightsReport(77, tuple(layers), xor_report.activations, xor_report.grad_norms)
    overflowing = (LayerWeights(np.full((1, 2), 3e38, np.float32), np.zeros(1, np.float32)),
                   LayerWeights(np.array([[1.0], [-1.0]], np.float32), np.zeros(2, np.float32)))
    huge = WeightsReport(78, overflowing, ("linear", "softmax"), np.ones(2, np.float32))  # finite, output not
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_weights(bad)
        assert "77" in view.message() and "skipped" in view.message()
        view.show_weights(huge)
        assert "78" in view.message() and "skipped" in view.message()
    np.testing.assert_array_equal(view.heatmap.image, before)


def test_contour_of_a_ramp_is_a_straight_line_at_the_crossing():
    values = np.tile(np.linspace(0.0, 1.0, 11), (5, 1))      # rises along x, constant along y
    x, y = contour_segments(values, 0.45, (0.0, 0.0, 11.0, 5.0))
    assert len(x) == 2 * 4                                     # one segment per row of cells
    assert x == pytest.approx(np.full(8, 0.5 + 4.5))          # centre 4.5 holds 0.45
    assert sorted(set(np.round(y, 6))) == pytest.approx([0.5, 1.5, 2.5, 3.5, 4.5])


def test_contour_of_a_bump_is_a_closed_ring_at_the_right_radius():
    n = 60
    c = (np.arange(n) + 0.5) / n * 2 - 1
    xx, yy = np.meshgrid(c, c)
    values = 1 - (xx ** 2 + yy ** 2)                          # 0.5 on the circle of radius √0.5
    x, y = contour_segments(values, 0.5, (-1.0, -1.0, 2.0, 2.0))
    radius = np.hypot(x, y)
    assert radius == pytest.approx(np.full_like(radius, np.sqrt(0.5)), abs=0.01)
    ends = np.round(np.column_stack([x, y]), 9)
    _, counts = np.unique(ends, axis=0, return_counts=True)
    assert np.all(counts == 2)                                 # every end meets the next segment


def test_contour_handles_saddles_and_flat_fields():
    saddle = np.array([[1.0, 0.0], [0.0, 1.0]])
    x, y = contour_segments(saddle, 0.5, (0.0, 0.0, 2.0, 2.0))
    assert len(x) == 4                                         # two segments in the one cell
    x, y = contour_segments(np.zeros((5, 5)), 0.5, (0.0, 0.0, 1.0, 1.0))
    assert len(x) == 0


def test_three_classes_are_coloured_by_the_likeliest_class(qtbot):
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (30, 2)).astype(np.float32)
    y = np.arange(30, dtype=np.int64) % 3
    dataset = Dataset(name="Three", task="classification", input_shape=(2,), class_names=("a", "b", "c"),
                      x_train=x, y_train=y, x_val=x, y_val=y, x_test=x, y_test=y, source="test")
    view = _view(qtbot, dataset)
    weight = np.array([[5.0, 0.0], [-5.0, 0.0], [0.0, 0.0]], np.float32)   # a: x₁ > 0, b: x₁ < 0
    view.show_weights(WeightsReport(1, (LayerWeights(weight, np.zeros(3, np.float32)),), ("softmax",),
                                    np.ones(1, np.float32)))
    picture = view.heatmap.image
    assert picture.shape == (GRID_SIZE, GRID_SIZE, 3) and picture.dtype == np.uint8
    right, left = picture[50, -1].astype(int), picture[50, 0].astype(int)
    assert right[2] > right[0]          # class a is blue (33, 102, 172)
    assert left[0] > left[2]            # class b is orange (230, 115, 0)
    assert view.colorbar is None and view.boundary.getData()[0] is None
