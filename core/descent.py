"""Gradient descent on a terrain: step rules, runs that know how they ended, races and restarts.

The step rules follow torch.optim's update equations exactly (SGD, SGD with momentum, RMSprop,
Adam, default hyper-parameters), but on small numpy vectors so a student can watch every number.
A :class:`Descender` is a run in progress that the GUI advances a few steps per timer tick;
:func:`run_descent` runs one to the end. Every run ends as one of four outcomes:

* ``converged``   - the slope (and, for rules with memory, the step) became tiny;
* ``oscillating`` - it keeps jumping back and forth by the same amount (GD at lr = 2/L on a quadratic);
* ``diverged``    - the steps keep growing while the loss rises, it left the map, or it hit inf/NaN;
* ``max_steps``   - none of the above within the step budget.

All arithmetic runs under ``np.errstate(all="ignore")`` and non-finite points never enter a path,
so no overflow warning escapes and nothing infinite reaches the screen.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from core.errors import ConfigError
from core.i18n import translate
from core.terrain import Objective, Terrain1D, landing_site, stationary_points

Array = np.ndarray
OUTCOMES = ("converged", "oscillating", "diverged", "max_steps")
RACERS = ("GD", "Momentum", "RMSProp", "Adam")

GRAD_TOL = 1e-3          # |gradient| below this counts as flat
STEP_TOL = 1e-4          # rules with memory must also have nearly stopped moving
GROWTH_WINDOW = 8        # consecutive growing steps with rising loss = diverged
OSCILLATION_WINDOW = 30  # consecutive back-and-forth steps of constant size = oscillating
ESCAPE_BOUND = 1e6       # a parameter this large has left any terrain we draw


# ---- numbers on screen --------------------------------------------------------------------------

def format_number(value: float, decimals: int = 2) -> str:
    """A finite number as short text with a real minus sign; 'diverged' for inf/NaN."""
    value = float(value)
    if not math.isfinite(value):
        return translate("core.descent", "diverged")
    magnitude = abs(value)
    scientific = magnitude >= 1e5 or 0 < magnitude < 10 ** -decimals / 2  # never round a real slope to 0.00
    text = f"{value:.{decimals}e}" if scientific else f"{value:.{decimals}f}"
    if text.lstrip("-").strip("0.e+") == "":
        text = text.lstrip("-")  # no "-0.00"
    return text.replace("-", "−")


def format_vector(v: Array, decimals: int = 2) -> str:
    """(a, b) for a vector, a for a scalar, each through format_number."""
    parts = [format_number(x, decimals) for x in np.atleast_1d(v)]
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def format_rate(lr: float) -> str:
    """A learning rate as typed: 0.1, 0.03, 1."""
    return f"{lr:g}" if math.isfinite(lr) else translate("core.descent", "diverged")


def step_arithmetic(x: float, lr: float, slope: float, new_x: float, name: str = "x") -> str:
    """The arithmetic of one gradient step, e.g. 'x ← 1.20 − 0.1 × 3.40 = 0.86'."""
    slope_text = format_number(slope)
    if slope_text.startswith("−"):
        slope_text = f"({slope_text})"
    return f"{name} ← {format_number(x)} − {format_rate(lr)} × {slope_text} = {format_number(new_x)}"


# ---- step rules (torch.optim's equations) -------------------------------------------------------

@dataclass(frozen=True)
class StepDetail:
    """One update of one rule: the gradient it saw, its internal state after, and the update."""

    gradient: Array
    update: Array
    state: dict[str, Array] = field(default_factory=dict)
    rule: StepRule | None = field(default=None, repr=False, compare=False)

    @property
    def lines(self) -> tuple[str, ...]:
        """The step's arithmetic with numbers, for the step-by-step view (written only when asked)."""
        return self.rule.explain(self) if self.rule is not None else ()


class StepRule:
    """Base class: turns a gradient into an update; subclasses keep their own state."""

    name = "GD"
    has_memory = False

    def __init__(self, lr: float) -> None:
        if not (math.isfinite(lr) and lr > 0):
            raise ConfigError(translate("core.descent", "The learning rate must be a positive number."))
        self.lr = float(lr)
        self.reset()

    def reset(self) -> None:
        """Forget all state (start again)."""

    def step(self, g: Array) -> StepDetail:
        """The update for gradient g."""
        raise NotImplementedError

    def explain(self, detail: StepDetail) -> tuple[str, ...]:
        """Lines of arithmetic for one of this rule's steps."""
        return (gradient_line(detail),)


class SGD(StepRule):
    """Plain gradient descent: p ← p − lr·g (torch.optim.SGD)."""

    name = "GD"

    def step(self, g: Array) -> StepDetail:
        """Update = −lr·g."""
        return StepDetail(g, -self.lr * g, {}, self)

    def explain(self, detail: StepDetail) -> tuple[str, ...]:
        """g, then −lr·g."""
        return (gradient_line(detail),
                translate("core.descent", "update = −lr × g = −{lr} × g = {update}").format(
                    lr=format_rate(self.lr), update=format_vector(detail.update)))


class Momentum(StepRule):
    """Heavy ball: v ← μ·v + g, p ← p − lr·v (torch.optim.SGD with momentum, dampening 0)."""

    name = "Momentum"
    has_memory = True

    def __init__(self, lr: float, momentum: float = 0.9) -> None:
        self.momentum = float(momentum)
        super().__init__(lr)

    def reset(self) -> None:
        """Start at rest."""
        self.velocity: Array | None = None

    def step(self, g: Array) -> StepDetail:
        """torch: the first buffer is g itself, later ones μ·v + g."""
        self.velocity = g.copy() if self.velocity is None else self.momentum * self.velocity + g
        return StepDetail(g, -self.lr * self.velocity, {"velocity": self.velocity.copy()}, self)

    def explain(self, detail: StepDetail) -> tuple[str, ...]:
        """g, the new velocity, then −lr·v."""
        return (gradient_line(detail),
                translate("core.descent", "velocity v ← {momentum:g} × v + g = {velocity}").format(
                    momentum=self.momentum, velocity=format_vector(detail.state["velocity"])),
                translate("core.descent", "update = −lr × v = −{lr} × v = {update}").format(
                    lr=format_rate(self.lr), update=format_vector(detail.update)))


class RMSProp(StepRule):
    """s ← α·s + (1 − α)·g², p ← p − lr·g / (√s + ε) (torch.optim.RMSprop defaults)."""

    name = "RMSProp"
    has_memory = True

    def __init__(self, lr: float, alpha: float = 0.99, eps: float = 1e-8) -> None:
        self.alpha, self.eps = float(alpha), float(eps)
        super().__init__(lr)

    def reset(self) -> None:
        """Mean square starts at zero."""
        self.square_avg: Array | None = None

    def step(self, g: Array) -> StepDetail:
        """Scale each coordinate by the running size of its gradient."""
        previous = np.zeros_like(g) if self.square_avg is None else self.square_avg
        self.square_avg = self.alpha * previous + (1 - self.alpha) * g * g
        update = -self.lr * g / (np.sqrt(self.square_avg) + self.eps)
        return StepDetail(g, update, {"mean square": self.square_avg.copy()}, self)

    def explain(self, detail: StepDetail) -> tuple[str, ...]:
        """g, the running mean square, then the scaled update."""
        return (gradient_line(detail),
                translate("core.descent", "mean square s ← {alpha:g} × s + {rest:g} × g² = {square}").format(
                    alpha=self.alpha, rest=1 - self.alpha, square=format_vector(detail.state["mean square"], 4)),
                translate("core.descent", "update = −lr × g / (√s + ε) = {update}").format(
                    update=format_vector(detail.update)))


class Adam(StepRule):
    """Momentum plus RMSProp with bias correction (torch.optim.Adam defaults)."""

    name = "Adam"
    has_memory = True

    def __init__(self, lr: float, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8) -> None:
        self.beta1, self.beta2 = (float(b) for b in betas)
        self.eps = float(eps)
        super().__init__(lr)

    def reset(self) -> None:
        """Moments start at zero, step count at 0."""
        self.t, self.m, self.v = 0, None, None

    def step(self, g: Array) -> StepDetail:
        """torch's order: step_size = lr / (1 − β1^t); denom = √v / √(1 − β2^t) + ε."""
        self.t += 1
        m = np.zeros_like(g) if self.m is None else self.m
        v = np.zeros_like(g) if self.v is None else self.v
        self.m = self.beta1 * m + (1 - self.beta1) * g
        self.v = self.beta2 * v + (1 - self.beta2) * g * g
        correction1, correction2 = 1 - self.beta1 ** self.t, 1 - self.beta2 ** self.t
        denom = np.sqrt(self.v) / math.sqrt(correction2) + self.eps
        update = -(self.lr / correction1) * self.m / denom
        state = {"momentum m": self.m.copy(), "mean square v": self.v.copy(),
                 "bias corrections": np.array([correction1, correction2])}
        return StepDetail(g, update, state, self)

    def explain(self, detail: StepDetail) -> tuple[str, ...]:
        """g, both moments, their bias corrections, then the update."""
        m, v = detail.state["momentum m"], detail.state["mean square v"]
        c1, c2 = detail.state["bias corrections"]
        return (gradient_line(detail),
                f"m ← {self.beta1:g} m + {1 - self.beta1:.1g} g = {format_vector(m)}",
                f"v ← {self.beta2:g} v + {1 - self.beta2:.1g} g² = {format_vector(v, 4)}",
                f"m̂ = m / {c1:.3g} = {format_vector(m / c1)},  v̂ = v / {c2:.3g}",
                translate("core.descent", "update = −lr × m̂ / (√v̂ + ε) = {update}").format(
                    update=format_vector(detail.update)))


def gradient_line(detail: StepDetail) -> str:
    """The first line of every rule's explanation: the gradient it saw."""
    return translate("core.descent", "gradient g = {gradient}").format(gradient=format_vector(detail.gradient))


RULES: dict[str, type[StepRule]] = {"GD": SGD, "Momentum": Momentum, "RMSProp": RMSProp, "Adam": Adam}


def make_rule(name: str, lr: float) -> StepRule:
    """A fresh step rule by its name in RACERS."""
    if name not in RULES:
        raise ConfigError(translate("core.descent", "Unknown optimizer '{name}'; choose one of {choices}.").format(
            name=name, choices=", ".join(RULES)))
    return RULES[name](lr)


# ---- runs ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DescentRun:
    """A finished (or paused) run: the path it took and how it ended."""

    rule: str
    lr: float
    path: Array       # (n + 1, d), finite points only
    values: Array     # (n + 1,)
    gradients: Array  # (n + 1, d)
    outcome: str      # "running" | one of OUTCOMES
    message: str

    @property
    def steps(self) -> int:
        """Number of steps taken."""
        return len(self.path) - 1

    @property
    def final_point(self) -> Array:
        """Where it ended."""
        return self.path[-1]

    @property
    def final_value(self) -> float:
        """The loss where it ended."""
        return float(self.values[-1])


class Descender:
    """A descent in progress on one objective: advance it step by step; it knows when it is done."""

    def __init__(self, objective: Objective, start: Array | float, rule: StepRule | None = None,
                 max_steps: int = 1000, grad_tol: float = GRAD_TOL,
                 oscillation_window: int | None = OSCILLATION_WINDOW) -> None:
        self.objective, self.rule = objective, rule
        self.max_steps, self.grad_tol = int(max_steps), float(grad_tol)
        self.oscillation_window = oscillation_window
        self.last_detail: StepDetail | None = None
        self.restart(start)

    def restart(self, start: Array | float) -> None:
        """Put the walker at start with an empty history and a fresh rule."""
        p = np.atleast_1d(np.asarray(start, dtype=np.float64)).copy()
        if self.rule is not None:
            self.rule.reset()
        self.points, self.values, self.gradients, self.deltas = [p], [], [], []
        self.status, self.reason, self.last_detail = "running", "", None
        self._growth = GrowthWatch()
        value, grad = self._evaluate(p)
        self.values.append(value)
        self.gradients.append(grad)
        if not (math.isfinite(value) and np.isfinite(grad).all()):
            self._finish("diverged", translate("core.descent", "the terrain has no height at the start"))
        elif self._slope_is_flat(grad):
            self._finish("converged", translate("core.descent", "the slope is already zero here"))

    @property
    def point(self) -> Array:
        """Current position."""
        return self.points[-1]

    @property
    def steps(self) -> int:
        """Steps taken so far."""
        return len(self.points) - 1

    @property
    def done(self) -> bool:
        """True once the run has an outcome."""
        return self.status != "running"

    def step(self) -> StepDetail | None:
        """One step of the rule; returns what it computed, or None if the run is already over."""
        if self.done or self.rule is None:
            return None
        with np.errstate(all="ignore"):
            detail = self.rule.step(self.gradients[-1])
            self.last_detail = detail
            self._move_to(self.point + detail.update, self.rule.has_memory)
        return detail

    def move_by(self, delta: Array | float) -> None:
        """A manual jump (the game's left/right buttons): recorded like a step, judged by nobody."""
        with np.errstate(all="ignore"):
            self.status, self.reason = "running", ""
            self._move_to(self.point + np.atleast_1d(np.asarray(delta, np.float64)), None)

    def advance(self, count: int) -> int:
        """Up to count steps (stops early when done); returns how many were taken."""
        taken = 0
        while taken < count and not self.done:
            self.step()
            taken += 1
        return taken

    def result(self) -> DescentRun:
        """A frozen copy of the run so far."""
        outcome = self.status
        return DescentRun(self.rule.name if self.rule else "manual", self.rule.lr if self.rule else 0.0,
                          np.array(self.points), np.array(self.values), np.array(self.gradients),
                          outcome, describe_outcome(outcome, self.steps, self.reason))

    # -- internals --------------------------------------------------------------------------

    def _evaluate(self, p: Array) -> tuple[float, Array]:
        with np.errstate(all="ignore"):
            value = float(self.objective.value(p))
            grad = np.asarray(self.objective.gradient(p), dtype=np.float64)
        return value, grad

    def _slope_is_flat(self, grad: Array) -> bool:
        return float(np.sqrt(np.sum(grad * grad))) <= self.grad_tol

    def _move_to(self, p: Array, rule_has_memory: bool | None) -> None:
        """Record the new point unless it is not finite, then decide whether the run is over."""
        if not np.isfinite(p).all():
            self._finish("diverged", translate("core.descent", "step {step} would have been infinite").format(
                step=self.steps + 1))
            return
        value, grad = self._evaluate(p)
        if not (math.isfinite(value) and np.isfinite(grad).all()):
            self._finish("diverged", translate("core.descent", "step {step} would leave the terrain (no finite "
                                                               "height there)").format(step=self.steps + 1))
            return
        self.deltas.append(p - self.points[-1])
        self.points.append(p)
        self.values.append(value)
        self.gradients.append(grad)
        self._growth.observe(float(np.linalg.norm(self.deltas[-1])), value)
        if rule_has_memory is not None:  # manual jumps have no outcome
            self._check_end(rule_has_memory)

    def _check_end(self, rule_has_memory: bool) -> None:
        """Converged, diverged, oscillating (when watched) or out of steps."""
        if np.abs(self.point).max() > ESCAPE_BOUND:
            self._finish("diverged", translate("core.descent", "it left the map"))
        elif self._growth.diverging(self.values[0]):
            self._finish("diverged", translate("core.descent", "each step is bigger than the last and the loss "
                                                               "keeps rising"))
        elif self._slope_is_flat(self.gradients[-1]) and (
                not rule_has_memory or float(np.abs(self.deltas[-1]).max()) <= STEP_TOL):
            self._finish("converged", "")
        elif self.oscillation_window and is_oscillating(self.deltas, self.oscillation_window):
            self._finish("oscillating", "")
        elif self.steps >= self.max_steps:
            self._finish(*classify_tail(self.deltas, OSCILLATION_WINDOW))

    def _finish(self, status: str, reason: str) -> None:
        self.status, self.reason = status, reason


class GrowthWatch:
    """Divergence by growth, before any inf: a streak of steps each longer than the last while
    the loss rises above where the run started, which has grown the step by at least `factor`.

    GD at lr = 2.1/L grows each step by 1.1 and is caught after `window` steps; 2.01/L after
    about 80. Requiring a loss above the start keeps adaptive rules (RMSProp, Adam), whose
    brief flare-ups on the banana settle again, from being called diverged.
    """

    def __init__(self, window: int = GROWTH_WINDOW, factor: float = 1.5) -> None:
        self.window, self.factor = window, factor
        self.streak, self.streak_start, self.size, self.value = 0, 0.0, None, None

    def observe(self, size: float, value: float) -> None:
        """Feed one step's length and the loss after it."""
        growing = self.size is not None and size > self.size * (1 + 1e-9) and value > self.value
        if growing and self.streak == 0:
            self.streak_start = self.size
        self.streak = self.streak + 1 if growing else 0
        self.size, self.value = size, value

    def diverging(self, start_value: float) -> bool:
        """True when the current streak is long, has grown the step enough and is above the start."""
        return (self.streak >= self.window and self.size >= self.factor * self.streak_start
                and self.value > start_value)


def is_oscillating(deltas: list[Array], window: int) -> bool:
    """Back and forth: each of the last `window` steps reverses the previous one at the same size."""
    ratio = _reversal_ratio(deltas, window)
    return ratio is not None and abs(ratio - 1) <= 1e-3


def classify_tail(deltas: list[Array], window: int) -> tuple[str, str]:
    """How a run that used up its steps ended: oscillating, slowly diverging, or just not there yet."""
    ratio = _reversal_ratio(deltas, window)
    if ratio is not None and ratio > 1 + 1e-3:
        return "diverged", translate("core.descent", "it jumps back and forth a little further every time")
    if ratio is not None and ratio >= 1 - 1e-3:
        return "oscillating", ""
    return "max_steps", ""


def _reversal_ratio(deltas: list[Array], window: int) -> float | None:
    """If each of the last `window` steps reverses the one before: last size / first size."""
    if len(deltas) < window + 1:
        return None
    recent = deltas[-window - 1:]
    if not all(float(np.dot(a, b)) < 0 for a, b in zip(recent, recent[1:])):
        return None
    first = float(np.linalg.norm(recent[0]))
    return float(np.linalg.norm(recent[-1])) / first if first > 0 else None


def describe_outcome(outcome: str, steps: int, reason: str = "") -> str:
    """A sentence for the status line."""
    plural = step_word(steps)
    if outcome == "converged" and reason:
        return translate("core.descent", "Converged in {steps} {plural}: {reason}.").format(
            steps=steps, plural=plural, reason=reason)
    if outcome == "converged":
        return translate("core.descent", "Converged in {steps} {plural}.").format(steps=steps, plural=plural)
    if outcome == "oscillating":
        return translate("core.descent", "Oscillates, does not converge: after {steps} {plural} it still jumps "
                                          "back and forth by the same amount (on a bowl this happens exactly at "
                                          "lr = 2/L).").format(steps=steps, plural=plural)
    if outcome == "diverged" and steps == 0:
        return translate("core.descent", "Diverged before the first step: {reason}.").format(
            reason=reason or translate("core.descent", "the first step is not finite"))
    if outcome == "diverged":
        return translate("core.descent", "Diverged after {steps} {plural}: {reason}.").format(
            steps=steps, plural=plural, reason=reason or translate("core.descent", "the steps keep growing"))
    if outcome == "max_steps":
        return translate("core.descent", "Stopped after {steps} {plural} without converging (the step budget "
                                          "ran out).").format(steps=steps, plural=plural)
    return translate("core.descent", "{steps} {plural} so far.").format(steps=steps, plural=plural)


def step_word(steps: int) -> str:
    """'step' or 'steps' after a count."""
    return translate("core.descent", "step") if steps == 1 else translate("core.descent", "steps")


def run_descent(objective: Objective, start: Array | float, rule: StepRule, max_steps: int = 1000,
                grad_tol: float = GRAD_TOL, oscillation_window: int | None = OSCILLATION_WINDOW) -> DescentRun:
    """Run one rule from start until it converges, oscillates, diverges or runs out of steps."""
    descender = Descender(objective, start, rule, max_steps, grad_tol, oscillation_window)
    descender.advance(max_steps)
    return descender.result()


# ---- races, restarts, exercises ------------------------------------------------------------------

RACE_LEARNING_RATES: dict[str, dict[str, float]] = {
    "bowl": {"GD": 0.1, "Momentum": 0.05, "RMSProp": 0.05, "Adam": 0.2},
    "ravine": {"GD": 0.4, "Momentum": 0.08, "RMSProp": 0.1, "Adam": 0.3},
    "rosenbrock": {"GD": 0.001, "Momentum": 0.001, "RMSProp": 0.01, "Adam": 0.05},
    "saddle": {"GD": 0.1, "Momentum": 0.05, "RMSProp": 0.05, "Adam": 0.1},
    "several_minima": {"GD": 0.01, "Momentum": 0.002, "RMSProp": 0.05, "Adam": 0.1},
    "formula": {"GD": 0.05, "Momentum": 0.02, "RMSProp": 0.05, "Adam": 0.1},
}


def start_race(objective: Objective, start: Array, learning_rates: dict[str, float],
               max_steps: int = 2000) -> dict[str, Descender]:
    """One Descender per optimizer, all from the same start, each with its own learning rate."""
    return {name: Descender(objective, start, make_rule(name, lr), max_steps)
            for name, lr in learning_rates.items()}


def run_race(objective: Objective, start: Array, learning_rates: dict[str, float],
             max_steps: int = 2000) -> dict[str, DescentRun]:
    """The whole race at once: each optimizer's finished run."""
    racers = start_race(objective, start, learning_rates, max_steps)
    return {name: (r.advance(max_steps), r.result())[1] for name, r in racers.items()}


def outcome_phrase(outcome: str, steps: int) -> str:
    """A short verdict: 'converged in 39 steps', 'oscillates forever (after 31 steps)', ..."""
    phrases = {"converged": translate("core.descent", "converged in {steps} {plural}"),
               "oscillating": translate("core.descent", "oscillates forever (seen after {steps} {plural})"),
               "diverged": translate("core.descent", "diverged after {steps} {plural}"),
               "max_steps": translate("core.descent", "not there after {steps} {plural}")}
    phrase = phrases.get(outcome) or translate("core.descent", "running, {steps} {plural}")
    return phrase.format(steps=steps, plural=step_word(steps))


def race_summary(name: str, run: DescentRun) -> str:
    """One line per racer: outcome, steps and final loss."""
    return translate("core.descent", "{name}: {outcome}, loss {loss}").format(
        name=name, outcome=outcome_phrase(run.outcome, run.steps), loss=format_number(run.final_value, 4))


def random_restarts(terrain: Terrain1D, count: int, lr: float, seed: int = 0,
                    max_steps: int = 1000) -> list[tuple[DescentRun, str]]:
    """Drop `count` creatures at random places; each runs plain GD; returns (run, where it ended)."""
    rng = np.random.default_rng(seed)
    low, high = terrain.x_range
    margin = 0.05 * (high - low)
    points = stationary_points(terrain)
    results = []
    for x0 in np.sort(rng.uniform(low + margin, high - margin, count)):
        run = run_descent(terrain, x0, SGD(lr), max_steps)
        site = landing_site(terrain, float(run.final_point[0]), points) if run.outcome == "converged" else run.outcome
        results.append((run, site))
    return results


def summarize_restarts(results: list[tuple[DescentRun, str]]) -> str:
    """'4 in the global minimum, 2 in a local minimum, ...' for the restart panel."""
    counts: dict[str, int] = {}
    for _, site in results:
        counts[site] = counts.get(site, 0) + 1
    names = {"global minimum": translate("core.descent", "{count} in the global minimum"),
             "local minimum": translate("core.descent", "{count} in a local minimum"),
             "maximum": translate("core.descent", "{count} on a hilltop"),
             "flat": translate("core.descent", "{count} stuck on flat ground"),
             "diverged": translate("core.descent", "{count} diverged"),
             "oscillating": translate("core.descent", "{count} still bouncing"),
             "max_steps": translate("core.descent", "{count} still walking")}
    return ", ".join(names[site].format(count=n) if site in names else f"{n} {site}" for site, n in counts.items())


def describe_landing(site: str) -> str:
    """What the place where a 1-D run stopped is, in words for the student."""
    if site == "global minimum":
        return translate("core.descent", "This is the global minimum: the lowest valley.")
    if site == "local minimum":
        return translate("core.descent", "This is a local minimum: a valley, but not the lowest one.")
    if site == "maximum":
        return translate("core.descent", "This is a hilltop (local maximum): the slope is zero, but any nudge "
                                          "rolls you off.")
    if site == "flat":
        return translate("core.descent", "The ground is flat here, but it is not a valley bottom (a shoulder or "
                                          "a plateau).")
    return ""


def jump(x: float, direction: int, size: float, x_range: tuple[float, float]) -> float:
    """The manual game's move: direction −1 (left) or +1 (right) by size, kept on the map."""
    return float(np.clip(x + np.sign(direction) * abs(size), *x_range))


def goldilocks_rate(curvature: float) -> float:
    """On a quadratic of curvature L, lr = 1/L lands on the bottom in one step."""
    return 1.0 / curvature


def jump_arithmetic(x: float, new_x: float, height_before: float, height_after: float) -> str:
    """The manual game's move as arithmetic plus whether it went downhill."""
    delta = new_x - x
    sign = "+" if delta >= 0 else "−"
    change = height_after - height_before
    if change < 0:
        sentence = translate("core.descent", "{move}: you went downhill by {change}")
    elif change > 0:
        sentence = translate("core.descent", "{move}: you went uphill by {change}")
    else:  # the same height (or no finite height to compare)
        sentence = translate("core.descent", "{move}: you went level")
    move = f"x ← {format_number(x)} {sign} {format_number(abs(delta))} = {format_number(new_x)}"
    return sentence.format(move=move, change=format_number(abs(change)))


def describe_slope(slope: float) -> str:
    """The slope under the creature in words: which way the ground falls."""
    text = translate("core.descent", "slope = {slope}").format(slope=format_number(slope))
    if not math.isfinite(slope):
        return text
    if abs(slope) <= GRAD_TOL:
        return text + "  " + translate("core.descent", "(flat)")
    if slope < 0:
        return text + "  " + translate("core.descent", "(ground falls to the right)")
    return text + "  " + translate("core.descent", "(ground falls to the left)")
