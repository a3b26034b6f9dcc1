"""Step rules against torch.optim, how runs end (converged / oscillating / diverged / max_steps), races."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch

from core.descent import (OUTCOMES, RACE_LEARNING_RATES, RACERS, SGD, Adam, Descender, Momentum, RMSProp,
                          format_number, format_vector, jump, make_rule, random_restarts, run_descent,
                          run_race, start_race, step_arithmetic, summarize_restarts)
from core.errors import ConfigError
from core.terrain import (ROSENBROCK, SEVERAL_MINIMA, SHOULDER, TERRAINS_2D, TWO_VALLEYS, VALLEY, Terrain1D,
                          stationary_points, terrain_from_formula)


def quadratic(curvature: float) -> Terrain1D:
    """f(x) = L/2 · x², whose curvature is L, so GD is stable exactly for lr < 2/L."""
    return Terrain1D("quadratic", "quadratic", "L/2 x²", lambda x: 0.5 * curvature * x ** 2,
                     lambda x: curvature * x, x_range=(-5.0, 5.0))


def himmelblau_torch(p):
    return (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2


def rosenbrock_torch(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


TORCH_CASES = [
    (SGD(0.005), lambda ps: torch.optim.SGD(ps, lr=0.005)),
    (Momentum(0.002), lambda ps: torch.optim.SGD(ps, lr=0.002, momentum=0.9)),
    (RMSProp(0.05), lambda ps: torch.optim.RMSprop(ps, lr=0.05)),
    (Adam(0.1), lambda ps: torch.optim.Adam(ps, lr=0.1)),
]


@pytest.mark.parametrize("rule, make_torch", TORCH_CASES, ids=[r.name for r, _ in TORCH_CASES])
@pytest.mark.parametrize("terrain, torch_fn, start", [
    (SEVERAL_MINIMA, himmelblau_torch, (0.5, -1.5)),
    (ROSENBROCK, rosenbrock_torch, (-0.3, 0.4)),
], ids=["himmelblau", "rosenbrock"])
def test_step_rules_match_torch_optim_for_100_steps(rule, make_torch, terrain, torch_fn, start):
    rule.reset()
    param = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = make_torch([param])
    p = np.array(start)
    for _ in range(100):
        p = p + rule.step(terrain.gradient(p)).update
        optimizer.zero_grad()
        torch_fn(param).backward()
        optimizer.step()
        np.testing.assert_allclose(p, param.detach().numpy(), rtol=0, atol=1e-6)
    assert np.abs(p - np.array(start)).max() > 0.1  # the comparison covered real movement


def test_lr_exercise_on_the_bowl():
    steps = {lr: run_descent(VALLEY, VALLEY.start, SGD(lr)) for lr in (0.03, 0.1, 0.5, 1.0)}
    assert [steps[lr].outcome for lr in (0.03, 0.1, 0.5)] == ["converged"] * 3
    assert steps[0.03].steps == 141 and steps[0.1].steps == 39
    assert steps[0.5].steps == 1  # Goldilocks: lr = 1/L lands on the bottom in one step
    assert steps[1.0].outcome == "oscillating"  # lr = 2/L
    assert steps[0.1].final_point[0] == pytest.approx(1.0, abs=1e-3)


def test_exactly_two_over_l_oscillates_with_constant_loss_for_1000_steps():
    terrain = quadratic(10.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = run_descent(terrain, 3.0, SGD(0.2), max_steps=1000, oscillation_window=None)
    assert run.outcome == "oscillating" and run.steps == 1000
    np.testing.assert_allclose(run.values, run.values[0], rtol=1e-9)
    assert "Oscillates, does not converge" in run.message


def test_exactly_two_over_l_is_reported_early_when_watched():
    run = run_descent(quadratic(10.0), 3.0, SGD(0.2))
    assert run.outcome == "oscillating" and run.steps <= 40


def test_just_above_two_over_l_is_flagged_by_growth_not_by_inf():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = run_descent(quadratic(10.0), 3.0, SGD(0.21), max_steps=1000)
    assert run.outcome == "diverged"
    assert run.steps <= 12
    assert np.isfinite(run.values).all() and np.abs(run.path).max() < 100
    assert "bigger than the last" in run.message


def test_barely_above_two_over_l_still_diverges_and_barely_below_converges():
    assert run_descent(quadratic(10.0), 3.0, SGD(0.201), max_steps=1000).outcome == "diverged"
    assert run_descent(quadratic(10.0), 3.0, SGD(0.19), max_steps=1000).outcome == "converged"


def test_running_out_of_steps_is_max_steps():
    run = run_descent(ROSENBROCK, ROSENBROCK.start, SGD(0.001), max_steps=200)
    assert run.outcome == "max_steps" and run.steps == 200


def test_overflow_to_inf_is_diverged_without_a_warning():
    terrain = terrain_from_formula("exp(x**2)", (-3.0, 3.0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = run_descent(terrain, 2.5, SGD(1.0))
    assert run.outcome == "diverged"
    assert np.isfinite(run.path).all() and np.isfinite(run.values).all()


def test_starting_on_the_hilltop_stays_there():
    hilltop = [p for p in stationary_points(TWO_VALLEYS) if p.kind == "maximum"][0]
    exact = Descender(TWO_VALLEYS, hilltop.x, SGD(0.02), grad_tol=1e-6)
    assert exact.status == "converged" and exact.steps == 0
    nudged = run_descent(TWO_VALLEYS, hilltop.x + 0.05, SGD(0.02))
    assert nudged.outcome == "converged" and nudged.final_point[0] > 1.0  # rolled into the right valley


def test_small_steps_get_stuck_at_the_shoulder_and_big_ones_carry_over():
    stuck = run_descent(SHOULDER, -1.0, SGD(0.1))
    over = run_descent(SHOULDER, -1.0, SGD(0.4))
    assert stuck.outcome == "converged" and -0.1 < stuck.final_point[0] < 0
    assert over.outcome == "converged" and over.final_point[0] == pytest.approx(2.0, abs=1e-3)


def test_random_restarts_find_both_valleys():
    results = random_restarts(TWO_VALLEYS, 10, 0.02, seed=1)
    sites = {site for _, site in results}
    assert {"global minimum", "local minimum"} <= sites
    assert "global minimum" in summarize_restarts(results)


def test_race_starts_everyone_at_the_same_point_and_finishes():
    rates = RACE_LEARNING_RATES["ravine"]
    runs = run_race(TERRAINS_2D["ravine"], np.array([-4.5, 2.0]), rates, max_steps=2000)
    assert list(runs) == list(RACERS)
    for run in runs.values():
        np.testing.assert_array_equal(run.path[0], [-4.5, 2.0])
        assert run.outcome == "converged"
    assert runs["Momentum"].steps < runs["GD"].steps  # the ravine is where momentum pays off


def test_race_racers_advance_independently():
    racers = start_race(VALLEY, np.array([-2.0]), {"GD": 0.1, "Adam": 0.1})
    racers["GD"].advance(5)
    assert racers["GD"].steps == 5 and racers["Adam"].steps == 0


def test_manual_jumps_are_recorded_but_never_judged():
    walker = Descender(VALLEY, -2.0)
    walker.move_by(jump(-2.0, +1, 0.5, VALLEY.x_range) + 2.0)
    assert walker.steps == 1 and walker.point[0] == pytest.approx(-1.5) and walker.status == "running"
    assert jump(4.9, +1, 1.0, VALLEY.x_range) == VALLEY.x_range[1]


def test_bad_learning_rates_are_refused():
    for lr in (0.0, -0.1, float("nan"), float("inf")):
        with pytest.raises(ConfigError):
            make_rule("GD", lr)
    with pytest.raises(ConfigError):
        make_rule("Newton", 0.1)


def test_numbers_on_screen_are_finite_text():
    assert format_number(float("inf")) == "diverged" and format_number(float("nan")) == "diverged"
    assert format_number(-3.4) == "−3.40" and format_number(-1e-9) == "−1.00e−09"
    assert format_number(-0.0) == "0.00" and format_number(2.5e7) == "2.50e+07"
    assert format_vector(np.array([1.0, -2.0])) == "(1.00, −2.00)"
    assert step_arithmetic(1.2, 0.1, 3.4, 0.86) == "x ← 1.20 − 0.1 × 3.40 = 0.86"
    assert step_arithmetic(1.2, 0.1, -3.4, 1.54) == "x ← 1.20 − 0.1 × (−3.40) = 1.54"


def test_step_details_explain_the_numbers():
    rule = Momentum(0.1)
    rule.step(np.array([1.0, 2.0]))
    detail = rule.step(np.array([1.0, 2.0]))
    np.testing.assert_allclose(detail.state["velocity"], [1.9, 3.8])
    np.testing.assert_allclose(detail.update, [-0.19, -0.38])
    assert any("velocity" in line and "(1.90, 3.80)" in line for line in detail.lines)


def random_formula(rng: np.random.Generator) -> str:
    """A random 1-D terrain: a few terms, some tame, some nasty (exp, 1/x, log, high powers)."""
    terms = ["{c}*x**{k}", "{c}*sin({a}*x)", "{c}*exp({a}*x)", "{c}*abs(x)", "{c}*tanh({a}*x)",
             "{c}*log(1 + x**2)", "{c}/x", "{c}*sqrt(abs(x))", "{c}*cos({a}*x**2)", "{c}*x**{k}*exp(-x**2)"]
    chosen = rng.choice(terms, size=rng.integers(1, 4))
    return " + ".join(t.format(c=round(rng.uniform(-3, 3), 2), a=round(rng.uniform(-4, 4), 2),
                               k=int(rng.integers(1, 9))) for t in chosen)


def test_stress_random_functions_always_end_cleanly():
    rng = np.random.default_rng(6)
    outcomes = set()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(100):
            terrain = terrain_from_formula(random_formula(rng), (-4.0, 4.0))
            lr = float(10 ** rng.uniform(-3, 1))
            rule = make_rule(str(rng.choice(RACERS)), lr)
            run = run_descent(terrain, float(rng.uniform(-4, 4)), rule, max_steps=200)
            assert run.outcome in OUTCOMES
            assert np.isfinite(run.path).all() and np.isfinite(run.values).all()
            assert "diverged" != format_number(run.final_value)
            outcomes.add(run.outcome)
    assert {"converged", "diverged"} <= outcomes
