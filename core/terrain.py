"""Loss terrains for the gradient-descent game: 1-D curves and 2-D surfaces with exact gradients.

A terrain is a function with its analytic gradient, a plotting range and a suggested start.
Descent code sees every terrain through two methods on a parameter vector ``p``:
``value(p) -> float`` and ``gradient(p) -> array``, so the caveman's regression loss
(parameters ``(w, b)``) runs through exactly the same step rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol

import numpy as np

from core.errors import FormulaError
from core.formula import Formula, parse_formula
from core.i18n import QT_TRANSLATE_NOOP, translate

Array = np.ndarray


class Objective(Protocol):
    """Anything gradient descent can walk on: a value and a gradient at a parameter vector."""

    dims: int

    def value(self, p: Array) -> float:
        """The loss at parameter vector p."""

    def gradient(self, p: Array) -> Array:
        """The gradient of the loss at p, same shape as p."""


@dataclass(frozen=True)
class Terrain1D:
    """A curve f(x) with its slope f'(x), a range to show and a place to start.

    `name` and `description` are English, marked for translation with the context "core.terrain":
    show them as translate("core.terrain", terrain.name).
    """

    key: str
    name: str
    formula_text: str
    fn: Callable[[Array], Array] = field(repr=False)
    grad_fn: Callable[[Array], Array] = field(repr=False)
    x_range: tuple[float, float] = (-3.0, 3.0)
    start: float = 0.0
    lr: float = 0.1
    description: str = ""
    dims: int = 1

    def f(self, x: Array | float) -> Array:
        """Height of the terrain at x (vectorised; never warns)."""
        with np.errstate(all="ignore"):
            return np.asarray(self.fn(np.asarray(x, dtype=np.float64)), dtype=np.float64)

    def slope(self, x: Array | float) -> Array:
        """Slope f'(x) of the terrain (vectorised; never warns)."""
        with np.errstate(all="ignore"):
            return np.asarray(self.grad_fn(np.asarray(x, dtype=np.float64)), dtype=np.float64)

    def value(self, p: Array) -> float:
        """Objective interface: f at the one-element parameter vector p."""
        return float(self.f(p[0]))

    def gradient(self, p: Array) -> Array:
        """Objective interface: the slope as a one-element vector."""
        return np.array([float(self.slope(p[0]))])


@dataclass(frozen=True)
class Terrain2D:
    """A surface f(x, y) with its gradient, a square-ish view and a suggested start (names as in Terrain1D)."""

    key: str
    name: str
    formula_text: str
    fn: Callable[[Array, Array], Array] = field(repr=False)
    grad_fn: Callable[[Array, Array], tuple[Array, Array]] = field(repr=False)
    x_range: tuple[float, float] = (-3.0, 3.0)
    y_range: tuple[float, float] = (-3.0, 3.0)
    start: tuple[float, float] = (2.0, 2.0)
    description: str = ""
    dims: int = 2

    def f(self, x: Array | float, y: Array | float) -> Array:
        """Height of the surface (vectorised; never warns)."""
        with np.errstate(all="ignore"):
            return np.asarray(self.fn(np.asarray(x, np.float64), np.asarray(y, np.float64)), np.float64)

    def grad(self, x: Array | float, y: Array | float) -> tuple[Array, Array]:
        """Partial derivatives (df/dx, df/dy) (vectorised; never warns)."""
        with np.errstate(all="ignore"):
            gx, gy = self.grad_fn(np.asarray(x, np.float64), np.asarray(y, np.float64))
            return np.asarray(gx, np.float64), np.asarray(gy, np.float64)

    def value(self, p: Array) -> float:
        """Objective interface: f at p = (x, y)."""
        return float(self.f(p[0], p[1]))

    def gradient(self, p: Array) -> Array:
        """Objective interface: the gradient at p = (x, y) as a vector."""
        gx, gy = self.grad(p[0], p[1])
        return np.array([float(gx), float(gy)])


# ---- 1-D presets (the lecture's terrain levels) -------------------------------------------------

VALLEY = Terrain1D(
    "valley", QT_TRANSLATE_NOOP("core.terrain", "Simple valley"), "(x - 1)²",
    lambda x: (x - 1) ** 2, lambda x: 2 * (x - 1),
    x_range=(-3.0, 5.0), start=-2.0, lr=0.1,
    description=QT_TRANSLATE_NOOP("core.terrain",
        "One valley, a bowl of curvature L = 2: the learning-rate exercise lives here."))
TWO_VALLEYS = Terrain1D(
    "two_valleys", QT_TRANSLATE_NOOP("core.terrain", "Two valleys and a hill"), "x⁴ − 3x² + x",
    lambda x: x ** 4 - 3 * x ** 2 + x, lambda x: 4 * x ** 3 - 6 * x + 1,
    x_range=(-2.2, 2.2), start=1.9, lr=0.02,
    description=QT_TRANSLATE_NOOP("core.terrain",
        "A global minimum (left), a local minimum (right) and a local maximum between."))
SHOULDER = Terrain1D(
    "shoulder", QT_TRANSLATE_NOOP("core.terrain", "Flat shoulder (saddle)"), "x⁴/4 − 2x³/3",
    lambda x: x ** 4 / 4 - 2 * x ** 3 / 3, lambda x: x ** 2 * (x - 2),
    x_range=(-1.5, 3.0), start=-1.0, lr=0.1,
    description=QT_TRANSLATE_NOOP("core.terrain",
        "At x = 0 the slope is zero but it is not a minimum; the valley is at x = 2."))
PLATEAU = Terrain1D(
    "plateau", QT_TRANSLATE_NOOP("core.terrain", "Plateau"), "1 − exp(−x²/2)",
    lambda x: 1 - np.exp(-x ** 2 / 2), lambda x: x * np.exp(-x ** 2 / 2),
    x_range=(-5.0, 5.0), start=3.5, lr=0.5,
    description=QT_TRANSLATE_NOOP("core.terrain",
        "Far from the valley the ground is almost flat: the slope nearly vanishes."))
STEEP_WALLS = Terrain1D(
    "steep_walls", QT_TRANSLATE_NOOP("core.terrain", "Steep walls"), "x⁴",
    lambda x: x ** 4, lambda x: 4 * x ** 3,
    x_range=(-2.5, 2.5), start=2.0, lr=0.05,
    description=QT_TRANSLATE_NOOP("core.terrain",
        "A flat floor between steep walls: high up, one step can fling you far away."))

TERRAINS_1D: dict[str, Terrain1D] = {t.key: t for t in (VALLEY, TWO_VALLEYS, SHOULDER, PLATEAU, STEEP_WALLS)}


# ---- 2-D presets --------------------------------------------------------------------------------

def _himmelblau(x: Array, y: Array) -> Array:
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def _himmelblau_grad(x: Array, y: Array) -> tuple[Array, Array]:
    a, b = x ** 2 + y - 11, x + y ** 2 - 7
    return 4 * x * a + 2 * b, 2 * a + 4 * y * b


BOWL = Terrain2D(
    "bowl", QT_TRANSLATE_NOOP("core.terrain", "Round bowl"), "x² + y²",
    lambda x, y: x ** 2 + y ** 2, lambda x, y: (2 * x, 2 * y),
    start=(2.5, -2.0), description=QT_TRANSLATE_NOOP("core.terrain",
        "Every direction curves the same: the gradient points straight at the bottom."))
RAVINE = Terrain2D(
    "ravine", QT_TRANSLATE_NOOP("core.terrain", "Elongated ravine"), "0.02x² + 2y²",
    lambda x, y: 0.02 * x ** 2 + 2 * y ** 2, lambda x, y: (0.04 * x, 4 * y),
    x_range=(-5.0, 5.0), y_range=(-5.0, 5.0), start=(-4.5, 2.0),
    description=QT_TRANSLATE_NOOP("core.terrain",
        "Steep sides, gentle floor: plain GD zig-zags across, momentum rolls along."))
ROSENBROCK = Terrain2D(
    "rosenbrock", QT_TRANSLATE_NOOP("core.terrain", "Rosenbrock banana"), "(1 − x)² + 100(y − x²)²",
    lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2,
    lambda x, y: (-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)),
    x_range=(-2.0, 2.0), y_range=(-1.0, 3.0), start=(-1.5, 2.0),
    description=QT_TRANSLATE_NOOP("core.terrain",
        "A curved, flat-bottomed valley; the minimum is at (1, 1)."))
SADDLE = Terrain2D(
    "saddle", QT_TRANSLATE_NOOP("core.terrain", "Saddle"), "x² + y⁴/4 − y²",
    lambda x, y: x ** 2 + y ** 4 / 4 - y ** 2, lambda x, y: (2 * x, y ** 3 - 2 * y),
    x_range=(-2.5, 2.5), y_range=(-2.5, 2.5), start=(2.2, 0.02),
    description=QT_TRANSLATE_NOOP("core.terrain",
        "A saddle at (0, 0) between two valleys at y = ±1.41; start on y = 0 to get stuck."))
SEVERAL_MINIMA = Terrain2D(
    "several_minima", QT_TRANSLATE_NOOP("core.terrain", "Several minima"), "(x² + y − 11)² + (x + y² − 7)²",
    _himmelblau, _himmelblau_grad,
    x_range=(-5.0, 5.0), y_range=(-5.0, 5.0), start=(0.0, 0.0),
    description=QT_TRANSLATE_NOOP("core.terrain",
        "Himmelblau's function: four valleys of equal depth; the start decides which one."))

TERRAINS_2D: dict[str, Terrain2D] = {t.key: t for t in (BOWL, RAVINE, ROSENBROCK, SADDLE, SEVERAL_MINIMA)}


# ---- typed formulas ----------------------------------------------------------------------------

def terrain_from_formula(text: str, x_range: tuple[float, float] = (-3.0, 3.0)) -> Terrain1D:
    """A 1-D terrain from a typed formula in x; the slope comes from the formula."""
    formula = parse_formula(text, ("x",))
    _require_finite_somewhere(formula, (np.linspace(*x_range, 201),), x_range)
    return Terrain1D("formula", QT_TRANSLATE_NOOP("core.terrain", "Your formula"), formula.text,
                     lambda x: formula.value(x), lambda x: formula.gradient(x)[0],
                     x_range=x_range, start=x_range[0] + 0.8 * (x_range[1] - x_range[0]), lr=0.05,
                     description=f"f(x) = {formula.text}")


def terrain2d_from_formula(text: str, x_range: tuple[float, float] = (-3.0, 3.0),
                           y_range: tuple[float, float] = (-3.0, 3.0)) -> Terrain2D:
    """A 2-D terrain from a typed formula in x and y; the gradient comes from the formula."""
    formula = parse_formula(text, ("x", "y"))
    gx, gy = np.meshgrid(np.linspace(*x_range, 41), np.linspace(*y_range, 41))
    _require_finite_somewhere(formula, (gx, gy), x_range)
    start = (x_range[0] + 0.8 * (x_range[1] - x_range[0]), y_range[0] + 0.7 * (y_range[1] - y_range[0]))
    return Terrain2D("formula", QT_TRANSLATE_NOOP("core.terrain", "Your formula"), formula.text,
                     lambda x, y: formula.value(x, y), lambda x, y: formula.gradient(x, y),
                     x_range=x_range, y_range=y_range, start=start,
                     description=f"f(x, y) = {formula.text}")


def _require_finite_somewhere(formula: Formula, coords: tuple[Array, ...], x_range: tuple[float, float]) -> None:
    """Refuse a formula that has no finite value anywhere on the range shown."""
    value = formula.value(*coords)
    if not np.isfinite(value).any():
        raise FormulaError(translate("core.terrain", "The formula has no finite value anywhere between "
                                                     "x = {low:g} and x = {high:g}.").format(low=x_range[0],
                                                                                            high=x_range[1]))


# ---- sampling for plots -------------------------------------------------------------------------

@dataclass(frozen=True)
class TerrainGrid:
    """f sampled on a grid: z[i, j] = f(xs[j], ys[i]) (row-major, as ImageItem expects)."""

    xs: Array  # (nx,)
    ys: Array  # (ny,)
    z: Array   # (ny, nx), non-finite entries replaced by the largest finite value


def sample_curve(terrain: Terrain1D, n: int = 600,
                 x_range: tuple[float, float] | None = None) -> tuple[Array, Array]:
    """x and f(x) for drawing the curve; non-finite heights become NaN (drawn as gaps)."""
    xs = np.linspace(*(x_range or terrain.x_range), n)
    fs = terrain.f(xs)
    return xs, np.where(np.isfinite(fs), fs, np.nan)


def curve_limits(heights: Array, margin: float = 0.08) -> tuple[float, float]:
    """A y-range that shows every finite height with a margin; (−1, 1) when there is none."""
    finite = heights[np.isfinite(heights)]
    if not len(finite):
        return -1.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    pad = margin * ((high - low) or 1.0)
    return low - pad, high + pad


def sample_grid(terrain: Terrain2D, n: int = 161) -> TerrainGrid:
    """The surface on an n × n grid over the terrain's range, with finite heights only."""
    xs = np.linspace(*terrain.x_range, n)
    ys = np.linspace(*terrain.y_range, n)
    z = terrain.f(xs[None, :], ys[:, None])
    return TerrainGrid(xs, ys, finite_or_max(z))


def finite_or_max(z: Array) -> Array:
    """Replace inf/NaN by the largest finite value (or 0 if none), so images never see them."""
    finite = np.isfinite(z)
    fill = float(z[finite].max()) if finite.any() else 0.0
    return np.where(finite, z, fill)


def display_heights(z: Array) -> Array:
    """log(1 + f − min f): a colour scale on which both a bowl and the banana show detail."""
    return np.log1p(np.maximum(z - z.min(), 0.0)).astype(np.float32)


def visible_window(terrain: Terrain1D, x: float, radius: float, n: int = 80) -> tuple[Array, Array]:
    """The piece of curve the creature can see through the mist: x ± radius, clipped to the range."""
    low, high = terrain.x_range
    left, right = max(low, x - radius), min(high, x + radius)
    if right <= left:  # the creature is outside the shown range: it sees nothing
        return np.empty(0), np.empty(0)
    xs, fs = sample_curve(terrain, n, (left, right))
    if not np.isfinite(fs).any():  # a hole in a typed formula: nothing to see, and nothing to plot
        return np.empty(0), np.empty(0)
    return xs, fs


def contour_segments(grid: TerrainGrid, levels: Array) -> Array:
    """Contour lines by marching squares, as point pairs (2k, 2) for a 'pairs'-connected line."""
    z = grid.z
    corners = np.stack([z[:-1, :-1], z[:-1, 1:], z[1:, 1:], z[1:, :-1]])  # counter-clockwise from bottom-left
    low, high = corners.min(axis=0), corners.max(axis=0)
    pieces = []
    for level in np.asarray(levels, dtype=np.float64):
        rows, cols = np.nonzero((low < level) & (high >= level))  # only the cells the level crosses
        if len(rows):
            pieces.append(_cell_segments(grid, corners[:, rows, cols] - level, rows, cols))
    return np.concatenate(pieces) if pieces else np.empty((0, 2))


def _cell_segments(grid: TerrainGrid, values: Array, rows: Array, cols: Array) -> Array:
    """Segments in the crossed cells: each cell crossed on 2 (or 4) edges yields 1 (or 2) segments."""
    x0, x1, y0, y1 = grid.xs[cols], grid.xs[cols + 1], grid.ys[rows], grid.ys[rows + 1]
    ends = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    hits, px, py = [], [], []
    for k in range(4):
        a, b = values[k], values[(k + 1) % 4]
        with np.errstate(all="ignore"):
            t = np.clip(a / (a - b), 0.0, 1.0)  # linear interpolation along the edge
        (xa, ya), (xb, yb) = ends[k], ends[(k + 1) % 4]
        hits.append((a < 0) != (b < 0))
        px.append(xa + t * (xb - xa))
        py.append(ya + t * (yb - ya))
    return _pair_crossings(np.array(hits), np.array(px), np.array(py))


def _pair_crossings(hits: Array, xs: Array, ys: Array) -> Array:
    """Join the crossed edges (4, k) of every cell into segments: the first two, then the last two."""
    rank = np.cumsum(hits, axis=0) * hits  # 1..4 for crossed edges, 0 otherwise
    points = []
    for first, second in ((1, 2), (3, 4)):
        mask_a, mask_b = rank == first, rank == second
        cells = mask_b.any(axis=0)
        pa = np.stack([(xs * mask_a).sum(0)[cells], (ys * mask_a).sum(0)[cells]], axis=1)
        pb = np.stack([(xs * mask_b).sum(0)[cells], (ys * mask_b).sum(0)[cells]], axis=1)
        points.append(np.stack([pa, pb], axis=1).reshape(-1, 2))
    return np.concatenate(points)


# ---- shape of the ground under the creature -----------------------------------------------------

@dataclass(frozen=True)
class StationaryPoint:
    """A place where the slope is zero, and what kind of place it is."""

    x: float
    height: float
    kind: str  # "minimum" | "maximum" | "flat"


def stationary_points(terrain: Terrain1D, n: int = 2001) -> list[StationaryPoint]:
    """Minima and maxima in the terrain's range: sign changes of the slope, refined by bisection."""
    xs = np.linspace(*terrain.x_range, n)
    slopes = terrain.slope(xs)
    left, right = slopes[:-1], slopes[1:]
    crossings = ((left < 0) & (right >= 0)) | ((left > 0) & (right <= 0))
    spacing = float(xs[1] - xs[0])
    points = []
    for i in np.flatnonzero(crossings):
        x = _bisect_slope(terrain, float(xs[i]), float(xs[i + 1]))
        before, after = float(terrain.slope(x - spacing)), float(terrain.slope(x + spacing))
        kind = "minimum" if before < 0 < after else "maximum" if before > 0 > after else "flat"
        points.append(StationaryPoint(x, float(terrain.f(x)), kind))
    return points


def landing_site(terrain: Terrain1D, x: float, points: list[StationaryPoint] | None = None) -> str:
    """Where a creature that stopped at x is: 'global minimum', 'local minimum', 'maximum' or 'flat'.

    A run stops when the slope is small, which is near but not exactly at a stationary point,
    so x is matched to the nearest one within 3% of the range; otherwise the ground there is
    merely flat (a shoulder or a plateau), not a valley bottom.
    """
    points = stationary_points(terrain) if points is None else points
    tolerance = 0.03 * (terrain.x_range[1] - terrain.x_range[0])
    near = [p for p in points if abs(p.x - x) <= tolerance and p.kind != "flat"]
    if not near:
        return "flat"
    nearest = min(near, key=lambda p: abs(p.x - x))
    if nearest.kind == "maximum":
        return "maximum"
    lowest = min(p.height for p in points if p.kind == "minimum")
    return "global minimum" if nearest.height <= lowest + 1e-9 else "local minimum"


def _bisect_slope(terrain: Terrain1D, left: float, right: float, iterations: int = 60) -> float:
    """Where the slope crosses zero between left and right."""
    s_left = float(terrain.slope(left))
    for _ in range(iterations):
        mid = 0.5 * (left + right)
        s_mid = float(terrain.slope(mid))
        if (s_mid < 0) == (s_left < 0):
            left, s_left = mid, s_mid
        else:
            right = mid
    return 0.5 * (left + right)
