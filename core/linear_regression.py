"""The caveman's regression: fit apples = w · potatoes + b by gradient descent on the MSE surface.

The lecture's data are three days: potatoes eaten 0.5, 2, 1 and apples collected 2, 5, 3, which
lie exactly on f(x) = 2x + 1. The loss over (w, b) is a 2-D terrain, so the same step rules and
runs as the terrain explorer apply. A larger noisy version of the same data shows how batch,
mini-batch and stochastic gradients differ.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.descent import format_number
from core.i18n import QT_TRANSLATE_NOOP
from core.terrain import Terrain2D

Array = np.ndarray

CAVEMAN_POTATOES = np.array([0.5, 2.0, 1.0])
CAVEMAN_APPLES = np.array([2.0, 5.0, 3.0])
TRUE_W, TRUE_B = 2.0, 1.0
W_RANGE, B_RANGE = (-1.0, 5.0), (-3.0, 5.0)
CAVEMAN_START = (-0.5, 4.0)
CAVEMAN_GRAD_TOL = 1e-4  # tight enough that the answer shows as exactly w = 2.00, b = 1.00
# English names that are also keys; show them as translate("core.linear_regression", name)
BATCH_KINDS = {QT_TRANSLATE_NOOP("core.linear_regression", "Batch (all points)"): None,
               QT_TRANSLATE_NOOP("core.linear_regression", "Mini-batch (8)"): 8,
               QT_TRANSLATE_NOOP("core.linear_regression", "Stochastic (1)"): 1}
# terrain names and descriptions are shown as translate("core.terrain", terrain.name), as for core.terrain's own
CAVEMAN_NAME = QT_TRANSLATE_NOOP("core.terrain", "Caveman's loss")


@dataclass(frozen=True)
class RegressionData:
    """Inputs x (potatoes) and targets y (apples), both (n,)."""

    x: Array
    y: Array


def caveman_data() -> RegressionData:
    """The lecture's three days."""
    return RegressionData(CAVEMAN_POTATOES.copy(), CAVEMAN_APPLES.copy())


def noisy_caveman_data(n: int = 60, noise: float = 0.6, seed: int = 0) -> RegressionData:
    """Many more days of the same caveman: y = 2x + 1 plus Gaussian noise, reproducible by seed."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 3.0, n)
    return RegressionData(x, TRUE_W * x + TRUE_B + rng.normal(0.0, noise, n))


def mse_loss(data: RegressionData, w: Array | float, b: Array | float) -> Array:
    """Mean squared error of f(x) = w·x + b; w and b may be arrays of the same shape (a grid)."""
    w, b = np.asarray(w, np.float64), np.asarray(b, np.float64)
    with np.errstate(all="ignore"):
        residual = w[..., None] * data.x + b[..., None] - data.y  # (..., n)
        return np.mean(residual ** 2, axis=-1)


def mse_gradient(data: RegressionData, w: Array | float, b: Array | float) -> tuple[Array, Array]:
    """(dL/dw, dL/db) = (2·mean(r·x), 2·mean(r)) with residual r = w·x + b − y."""
    w, b = np.asarray(w, np.float64), np.asarray(b, np.float64)
    with np.errstate(all="ignore"):
        residual = w[..., None] * data.x + b[..., None] - data.y
        return 2 * np.mean(residual * data.x, axis=-1), 2 * np.mean(residual, axis=-1)


def loss_terrain(data: RegressionData, name: str = CAVEMAN_NAME) -> Terrain2D:
    """The MSE over (w, b) as a terrain: x is w, y is b."""
    return Terrain2D("caveman", name, "mean((w·x + b − y)²)",
                     lambda w, b: mse_loss(data, w, b), lambda w, b: mse_gradient(data, w, b),
                     x_range=W_RANGE, y_range=B_RANGE, start=CAVEMAN_START,
                     description=QT_TRANSLATE_NOOP("core.terrain", "Each point of this map is one straight line; "
                                                                   "its height is the line's error."))


def best_fit(data: RegressionData) -> tuple[float, float]:
    """The least-squares line in closed form, for checking where descent should end."""
    design = np.stack([data.x, np.ones_like(data.x)], axis=1)  # (n, 2)
    (w, b), *_ = np.linalg.lstsq(design, data.y, rcond=None)
    return float(w), float(b)


def line_points(w: float, b: float, x_range: tuple[float, float] = (0.0, 3.0)) -> tuple[Array, Array]:
    """Two points of the line f(x) = w·x + b across x_range, for drawing it."""
    xs = np.array(x_range, dtype=np.float64)
    with np.errstate(all="ignore"):
        return xs, w * xs + b


def residual_segments(data: RegressionData, w: float, b: float) -> tuple[Array, Array]:
    """Vertical segments from each point to the line (the errors the MSE squares), as pairs."""
    with np.errstate(all="ignore"):
        predicted = w * data.x + b
    xs = np.repeat(data.x, 2)
    ys = np.stack([data.y, predicted], axis=1).reshape(-1)
    return xs, ys


def minibatch_path(data: RegressionData, batch_size: int | None, lr: float, steps: int,
                   start: tuple[float, float] = CAVEMAN_START, seed: int = 0) -> Array:
    """(steps + 1, 2) path of (w, b) under SGD on batches; None means the full batch.

    Batches are drawn like a shuffling DataLoader: a fresh permutation every epoch, cut into
    consecutive batches (the last one may be smaller).
    """
    rng = np.random.default_rng(seed)
    n = len(data.x)
    size = n if batch_size is None else max(1, min(int(batch_size), n))
    p = np.array(start, dtype=np.float64)
    path, order, cursor = [p.copy()], rng.permutation(n), 0
    with np.errstate(all="ignore"):
        for _ in range(steps):
            if cursor >= n:
                order, cursor = rng.permutation(n), 0
            batch = order[cursor:cursor + size]
            cursor += size
            grad = mse_gradient(RegressionData(data.x[batch], data.y[batch]), p[0], p[1])
            p = p - lr * np.array([float(grad[0]), float(grad[1])])
            path.append(p.copy())
    return np.array(path)


def batch_comparison(data: RegressionData, lr: float = 0.05, steps: int = 150,
                     start: tuple[float, float] = CAVEMAN_START, seed: int = 0) -> dict[str, Array]:
    """Batch, mini-batch and stochastic paths from the same start with the same number of steps."""
    return {name: minibatch_path(data, size, lr, steps, start, seed) for name, size in BATCH_KINDS.items()}


def path_wobble(path: Array) -> float:
    """How much a path zig-zags: total length divided by the straight distance from start to end."""
    length = float(np.sum(np.linalg.norm(np.diff(path, axis=0), axis=1)))
    direct = float(np.linalg.norm(path[-1] - path[0]))
    return length / direct if direct > 0 else float("inf")


def describe_line(w: float, b: float) -> str:
    """The line as the caveman's formula, e.g. 'f(x) = 2.00·x + 1.00' (never '+ −')."""
    sign = "−" if b < 0 else "+"
    return f"f(x) = {format_number(w)}·x {sign} {format_number(abs(b))}"
