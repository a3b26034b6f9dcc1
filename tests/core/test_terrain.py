"""Terrains: analytic gradients against finite differences, the shape of the ground, plot sampling."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from core.errors import FormulaError
from core.terrain import (BOWL, RAVINE, SHOULDER, TERRAINS_1D, TERRAINS_2D, TWO_VALLEYS, TerrainGrid,
                          contour_segments, curve_limits, display_heights, finite_or_max, landing_site, sample_curve,
                          sample_grid, stationary_points, terrain2d_from_formula, terrain_from_formula,
                          visible_window)

H = 1e-6


@pytest.mark.parametrize("key", TERRAINS_1D)
def test_1d_slopes_match_finite_differences(key):
    terrain = TERRAINS_1D[key]
    xs = np.linspace(*terrain.x_range, 23)
    numeric = (terrain.f(xs + H) - terrain.f(xs - H)) / (2 * H)
    np.testing.assert_allclose(terrain.slope(xs), numeric, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("key", TERRAINS_2D)
def test_2d_gradients_match_finite_differences(key):
    terrain = TERRAINS_2D[key]
    rng = np.random.default_rng(3)
    x, y = rng.uniform(*terrain.x_range, 25), rng.uniform(*terrain.y_range, 25)
    gx, gy = terrain.grad(x, y)
    np.testing.assert_allclose(gx, (terrain.f(x + H, y) - terrain.f(x - H, y)) / (2 * H), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(gy, (terrain.f(x, y + H) - terrain.f(x, y - H)) / (2 * H), rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("text", ["x**4 - 3*x**2 + x", "sin(2*x)*exp(-x**2/4)", "sqrt(1 + x^2) - tanh(x)"])
def test_typed_1d_terrain_gradient_matches_finite_differences(text):
    terrain = terrain_from_formula(text, (-2.0, 2.0))
    xs = np.linspace(-1.9, 1.9, 15)
    numeric = (terrain.f(xs + H) - terrain.f(xs - H)) / (2 * H)
    np.testing.assert_allclose(terrain.slope(xs), numeric, rtol=1e-5, atol=1e-6)
    assert terrain.value(np.array([0.5])) == pytest.approx(float(terrain.f(0.5)))


def test_typed_2d_terrain_gradient_matches_finite_differences():
    terrain = terrain2d_from_formula("x**2*y + cos(x*y) + 0.5*y**4")
    p = np.array([0.7, -1.2])
    numeric = [(terrain.value(p + d) - terrain.value(p - d)) / (2 * H) for d in np.eye(2) * H]
    np.testing.assert_allclose(terrain.gradient(p), numeric, rtol=1e-6)


def test_formula_without_any_finite_value_is_refused():
    with pytest.raises(FormulaError, match="no finite value"):
        terrain_from_formula("log(-1 - x**2)")
    with pytest.raises(FormulaError, match="no finite value"):
        terrain2d_from_formula("sqrt(-1 - x**2 - y**2)")


def test_two_valleys_has_a_global_minimum_a_local_minimum_and_a_hilltop():
    points = stationary_points(TWO_VALLEYS)
    assert [p.kind for p in points] == ["minimum", "maximum", "minimum"]
    for p in points:
        assert abs(float(TWO_VALLEYS.slope(p.x))) < 1e-9
    assert points[0].height < points[2].height  # the left valley is the deeper one
    assert landing_site(TWO_VALLEYS, points[0].x + 0.01) == "global minimum"
    assert landing_site(TWO_VALLEYS, points[2].x - 0.01) == "local minimum"
    assert landing_site(TWO_VALLEYS, points[1].x) == "maximum"


def test_the_shoulder_is_flat_but_not_a_minimum():
    assert float(SHOULDER.slope(0.0)) == 0.0
    assert [p.x for p in stationary_points(SHOULDER)] == pytest.approx([2.0])
    assert landing_site(SHOULDER, -0.02) == "flat"
    assert landing_site(SHOULDER, 2.001) == "global minimum"


def test_grid_is_row_major_with_x_along_columns():
    grid = sample_grid(RAVINE, n=31)
    j, i = 5, 20
    assert grid.z.shape == (31, 31)
    assert grid.z[i, j] == pytest.approx(float(RAVINE.f(grid.xs[j], grid.ys[i])))


def test_images_and_curves_never_get_inf_or_nan():
    z = np.array([[1.0, np.inf], [np.nan, 3.0]])
    assert np.isfinite(finite_or_max(z)).all() and finite_or_max(z).max() == 3.0
    assert np.isfinite(display_heights(finite_or_max(z))).all()
    terrain = terrain_from_formula("log(x)", (-1.0, 2.0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        xs, fs = sample_curve(terrain, 50)
    assert np.isnan(fs[xs <= 0]).all() and np.isfinite(fs[xs > 0]).all()


def test_curve_limits_cover_finite_heights_only():
    low, high = curve_limits(np.array([np.nan, 1.0, 3.0, np.inf]))
    assert low < 1.0 and high > 3.0 and high - low < 3.0
    assert curve_limits(np.array([np.nan, np.nan])) == (-1.0, 1.0)
    assert curve_limits(np.array([2.0, 2.0])) == pytest.approx((1.92, 2.08))


def test_contours_of_the_bowl_are_circles():
    grid = sample_grid(BOWL, n=81)
    segments = contour_segments(grid, np.array([1.0, 4.0]))
    radii = np.hypot(segments[:, 0], segments[:, 1])
    assert len(segments) % 2 == 0 and len(segments) > 100
    assert set(np.round(radii, 1)) == {1.0, 2.0}


def test_contour_of_a_level_outside_the_surface_is_empty():
    grid = TerrainGrid(np.arange(3.0), np.arange(3.0), np.zeros((3, 3)))
    assert contour_segments(grid, np.array([5.0])).shape == (0, 2)


def test_mist_shows_only_a_neighbourhood():
    xs, fs = visible_window(TWO_VALLEYS, 0.5, 0.3)
    assert xs.min() == pytest.approx(0.2) and xs.max() == pytest.approx(0.8)
    xs, _ = visible_window(TWO_VALLEYS, 2.1, 0.3)
    assert xs.max() == pytest.approx(TWO_VALLEYS.x_range[1])  # clipped to the map
