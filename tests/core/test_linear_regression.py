"""The caveman's regression: the loss surface, its gradient, and the descent to w = 2, b = 1."""
from __future__ import annotations

import numpy as np
import pytest

from core.descent import SGD, Descender, run_descent
from core.linear_regression import (BATCH_KINDS, CAVEMAN_GRAD_TOL, CAVEMAN_START, batch_comparison, best_fit,
                                    caveman_data, line_points, loss_terrain, minibatch_path, mse_gradient, mse_loss,
                                    noisy_caveman_data, path_wobble, residual_segments)


def test_the_three_days_lie_on_the_line_2x_plus_1():
    data = caveman_data()
    np.testing.assert_array_equal(data.x, [0.5, 2.0, 1.0])
    np.testing.assert_array_equal(data.y, [2.0, 5.0, 3.0])
    assert float(mse_loss(data, 2.0, 1.0)) == 0.0
    assert best_fit(data) == pytest.approx((2.0, 1.0))


def test_loss_by_hand_at_one_point():
    # w = 1, b = 0: predictions 0.5, 2, 1 -> errors -1.5, -3, -2 -> mean of squares = 15.25 / 3
    assert float(mse_loss(caveman_data(), 1.0, 0.0)) == pytest.approx(15.25 / 3)


def test_gradient_matches_finite_differences_on_a_grid():
    data, h = noisy_caveman_data(20, seed=4), 1e-6
    w, b = np.meshgrid(np.linspace(-1, 5, 7), np.linspace(-3, 5, 6))
    gw, gb = mse_gradient(data, w, b)
    np.testing.assert_allclose(gw, (mse_loss(data, w + h, b) - mse_loss(data, w - h, b)) / (2 * h), rtol=1e-6)
    np.testing.assert_allclose(gb, (mse_loss(data, w, b + h) - mse_loss(data, w, b - h)) / (2 * h), rtol=1e-6)


def test_grid_evaluation_equals_point_by_point():
    data = caveman_data()
    w, b = np.array([[0.0, 1.0], [2.0, 3.0]]), np.array([[1.0, 1.0], [1.0, -1.0]])
    expected = [[np.mean((wi * data.x + bi - data.y) ** 2) for wi, bi in zip(rw, rb)] for rw, rb in zip(w, b)]
    np.testing.assert_allclose(mse_loss(data, w, b), expected)


def test_gradient_descent_finds_w_2_and_b_1():
    run = run_descent(loss_terrain(caveman_data()), CAVEMAN_START, SGD(0.1), max_steps=1000,
                      grad_tol=CAVEMAN_GRAD_TOL)
    assert run.outcome == "converged"
    np.testing.assert_allclose(run.final_point, [2.0, 1.0], atol=1e-3)
    assert np.all(np.diff(run.values) <= 1e-12)  # at a safe rate every step lowers the loss


def test_each_step_updates_both_w_and_b():
    walker = Descender(loss_terrain(caveman_data()), CAVEMAN_START, SGD(0.1))
    walker.step()
    assert np.all(walker.point != np.array(CAVEMAN_START))


def test_full_batch_path_is_plain_gradient_descent():
    data = noisy_caveman_data(30, seed=2)
    path = minibatch_path(data, None, 0.05, 40)
    walker = Descender(loss_terrain(data), CAVEMAN_START, SGD(0.05), grad_tol=0.0)
    walker.advance(40)
    np.testing.assert_allclose(path, np.array(walker.points), atol=1e-12)


def test_stochastic_paths_are_noisier_and_all_head_for_the_best_line():
    data = noisy_caveman_data()
    paths = batch_comparison(data, lr=0.05, steps=150)
    assert list(paths) == list(BATCH_KINDS)
    wobble = [path_wobble(p) for p in paths.values()]
    assert wobble[0] < wobble[1] < wobble[2]
    best = np.array(best_fit(data))
    for path in paths.values():
        assert path.shape == (151, 2)
        assert np.linalg.norm(path[-1] - best) < 0.5 * np.linalg.norm(path[0] - best)


def test_noisy_data_is_reproducible_by_seed():
    a, b, c = noisy_caveman_data(seed=1), noisy_caveman_data(seed=1), noisy_caveman_data(seed=2)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.y, c.y)
    assert best_fit(noisy_caveman_data(2000, seed=0)) == pytest.approx((2.0, 1.0), abs=0.1)
    np.testing.assert_array_equal(minibatch_path(a, 1, 0.05, 30, seed=5), minibatch_path(a, 1, 0.05, 30, seed=5))


def test_drawing_helpers():
    xs, ys = line_points(2.0, 1.0, (0.0, 3.0))
    np.testing.assert_allclose(ys, [1.0, 7.0])
    rx, ry = residual_segments(caveman_data(), 1.0, 0.0)
    np.testing.assert_allclose(rx, [0.5, 0.5, 2.0, 2.0, 1.0, 1.0])
    np.testing.assert_allclose(ry, [2.0, 0.5, 5.0, 2.0, 3.0, 1.0])
