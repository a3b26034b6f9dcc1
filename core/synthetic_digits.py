"""Handwritten-looking digits drawn by code, so the app works offline with no download.

Each digit has a few stroke templates (the ways people write it: a 1 with or without a flag, an
open or closed 4, a 7 with or without a bar). A sample jitters the template's control points,
passes smooth Catmull-Rom curves through them, slants, rotates, stretches and gently warps the
result, picks a pen thickness, and rasterises the strokes with anti-aliased round ends on a small
canvas. The canvas then goes through `core.preprocess`, exactly like a drawing on the Draw tab,
so the images look like MNIST. Everything is vectorised over samples: 24,000 digits take a few
seconds, and the result is cached as .npz in the user's cache folder.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np

from core.paths import atomic_write_bytes, user_cache_dir
from core.preprocess import preprocess_batch

N_TRAIN, N_TEST = 20_000, 4_000
CACHE_VERSION = 2            # bump when the templates or the variation change
CANVAS = 40                  # side of the synthetic canvas in pixels
SPACING = 0.1                # curve sample spacing in template units (≈ 2.5 px at the drawn size)
HEIGHT_PX = (20.0, 28.0)     # digit height on the canvas
RADIUS = (0.02, 0.1)         # pen radius as a fraction of the digit height
JITTER = 0.05                # std of each control point's random move, in template units
SLANT = (0.2, 0.25)          # shear x += k·(height above the middle): mean and std of k (MNIST leans right)
ROTATION_STD = 0.12          # radians
ASPECT_STD = 0.15            # log of the horizontal stretch
ELASTIC = 0.06               # amplitude of the smooth random warp, in template units
WARP_FREQUENCY = 0.6         # std of the warp's spatial frequency: low = a gentle bend, not a wiggle
BALANCE_STD = 0.12           # how far the waist of a digit moves (see _Warp)
CHUNK = 8_000                # segments rasterised at once (small enough to stay in the CPU cache)

# Templates in a unit box, x to the right and y downwards. A stroke is a list of points that a
# smooth curve passes through; a point with a third value 1 is a corner (the curve may bend sharply).
Stroke = tuple[tuple[float, ...], ...]
TEMPLATES: dict[int, tuple[tuple[float, tuple[Stroke, ...]], ...]] = {
    0: ((0.6, (((0.55, 0.0), (0.25, 0.1), (0.08, 0.45), (0.2, 0.88), (0.5, 1.0), (0.8, 0.88),
                (0.92, 0.5), (0.78, 0.12), (0.5, 0.01), (0.35, 0.08)),)),
        (0.4, (((0.6, 0.02), (0.3, 0.12), (0.2, 0.5), (0.3, 0.9), (0.5, 1.0), (0.7, 0.9),
                (0.8, 0.5), (0.72, 0.1), (0.55, 0.0)),))),
    1: ((0.6, (((0.5, 0.0), (0.5, 1.0)),)),
        (0.25, (((0.3, 0.2, 1), (0.55, 0.0, 1), (0.55, 1.0)),)),
        (0.15, (((0.3, 0.2, 1), (0.55, 0.0, 1), (0.55, 1.0)), ((0.3, 1.0), (0.8, 1.0))))),
    2: ((0.35, (((0.15, 0.25), (0.35, 0.03), (0.65, 0.02), (0.82, 0.25), (0.7, 0.5), (0.4, 0.75),
                 (0.12, 1.0, 1), (0.45, 0.97), (0.8, 1.0)),)),
        (0.3, (((0.15, 0.25), (0.35, 0.03), (0.65, 0.02), (0.82, 0.22), (0.72, 0.45), (0.45, 0.68),
                (0.25, 0.82), (0.12, 0.92), (0.22, 1.0), (0.4, 0.93), (0.4, 0.8), (0.52, 0.82), (0.65, 0.92),
                (0.9, 0.97)),)),
        (0.2, (((0.1, 0.3), (0.3, 0.05), (0.6, 0.0), (0.8, 0.15), (0.75, 0.4), (0.5, 0.65), (0.22, 0.9),
                (0.12, 1.0, 1), (0.45, 0.96), (0.75, 0.94), (0.92, 0.88)),)),
        (0.15, (((0.15, 0.15), (0.45, 0.0), (0.82, 0.12), (0.72, 0.4), (0.12, 1.0, 1), (0.88, 0.98)),)),
        (0.15, (((0.2, 0.2), (0.45, 0.0), (0.7, 0.1), (0.66, 0.35), (0.48, 0.65), (0.32, 0.88), (0.26, 1.0, 1),
                 (0.6, 0.97), (0.9, 1.0)),))),
    3: ((0.35, (((0.1, 0.15), (0.45, 0.0), (0.78, 0.1), (0.78, 0.32), (0.48, 0.48, 1), (0.82, 0.62),
                 (0.82, 0.88), (0.5, 1.0), (0.08, 0.85)),)),
        (0.2, (((0.08, 0.25), (0.4, 0.02), (0.75, 0.08), (0.75, 0.3), (0.45, 0.47, 1), (0.82, 0.62),
                (0.82, 0.88), (0.5, 1.0), (0.08, 0.82)),)),
        (0.2, (((0.2, 0.1), (0.5, 0.0), (0.72, 0.12), (0.65, 0.32), (0.42, 0.45, 1), (0.75, 0.55),
                (0.88, 0.78), (0.65, 0.98), (0.3, 0.98), (0.1, 0.85)),)),
        (0.1, (((0.12, 0.12), (0.45, 0.0), (0.78, 0.1), (0.76, 0.32), (0.45, 0.47), (0.76, 0.6),
                (0.84, 0.85), (0.5, 1.0), (0.1, 0.86)),)),
        (0.15, (((0.15, 0.02, 1), (0.82, 0.0, 1), (0.42, 0.42, 1), (0.78, 0.55), (0.82, 0.85), (0.5, 1.0),
                 (0.12, 0.88)),))),
    4: ((0.55, (((0.3, 0.0, 1), (0.12, 0.6, 1), (0.9, 0.6)), ((0.7, 0.0), (0.7, 1.0)))),
        (0.25, (((0.25, 0.0), (0.2, 0.4), (0.35, 0.58), (0.88, 0.55)), ((0.72, 0.0), (0.7, 1.0)))),
        (0.2, (((0.62, 0.0, 1), (0.1, 0.62, 1), (0.9, 0.62)), ((0.62, 0.0), (0.62, 1.0))))),
    5: ((0.45, (((0.82, 0.0, 1), (0.25, 0.02, 1), (0.2, 0.48, 1), (0.5, 0.4), (0.78, 0.55),
                 (0.78, 0.85), (0.5, 0.98), (0.12, 0.9)),)),
        (0.35, (((0.25, 0.02, 1), (0.2, 0.48, 1), (0.5, 0.4), (0.78, 0.55), (0.78, 0.85), (0.5, 0.98),
                 (0.12, 0.9)), ((0.25, 0.02), (0.82, 0.0)))),
        (0.2, (((0.8, 0.02, 1), (0.3, 0.05, 1), (0.25, 0.45), (0.5, 0.4), (0.8, 0.6), (0.75, 0.9), (0.4, 1.0),
                (0.1, 0.88)),))),
    6: ((0.45, (((0.62, 0.0), (0.38, 0.22), (0.2, 0.55), (0.22, 0.88), (0.48, 1.0), (0.75, 0.87),
                 (0.75, 0.65), (0.5, 0.56), (0.25, 0.68)),)),
        (0.3, (((0.6, 0.0), (0.36, 0.35), (0.24, 0.7), (0.3, 0.95), (0.55, 1.0), (0.75, 0.85),
                (0.7, 0.65), (0.45, 0.6), (0.27, 0.76)),)),
        (0.25, (((0.35, 0.0), (0.27, 0.35), (0.22, 0.7), (0.3, 0.95), (0.55, 1.0), (0.78, 0.85), (0.75, 0.62),
                 (0.5, 0.55), (0.24, 0.72)),))),
    7: ((0.45, (((0.12, 0.02, 1), (0.88, 0.0, 1), (0.5, 1.0)),)),
        (0.2, (((0.12, 0.05), (0.5, 0.0), (0.88, 0.02, 1), (0.62, 0.5), (0.52, 1.0)),)),
        (0.15, (((0.12, 0.2, 1), (0.12, 0.02, 1), (0.88, 0.0, 1), (0.5, 1.0)),)),
        (0.2, (((0.12, 0.02, 1), (0.88, 0.0, 1), (0.5, 1.0)), ((0.4, 0.5), (0.85, 0.5))))),
    8: ((0.5, (((0.78, 0.12), (0.5, 0.0), (0.22, 0.12), (0.27, 0.35), (0.5, 0.5), (0.78, 0.7),
                (0.74, 0.95), (0.5, 1.0), (0.22, 0.92), (0.22, 0.7), (0.5, 0.5), (0.73, 0.3),
                (0.78, 0.12)),)),
        (0.25, (((0.5, 0.45), (0.25, 0.3), (0.28, 0.05), (0.5, 0.0), (0.72, 0.05), (0.75, 0.3), (0.5, 0.45)),
                ((0.5, 0.45), (0.2, 0.65), (0.27, 0.95), (0.5, 1.0), (0.78, 0.92), (0.8, 0.65),
                 (0.5, 0.45)))),
        (0.25, (((0.55, 0.0), (0.22, 0.15), (0.35, 0.4), (0.7, 0.6), (0.75, 0.9), (0.45, 1.0), (0.22, 0.85),
                 (0.35, 0.6), (0.7, 0.35), (0.8, 0.1), (0.55, 0.0)),))),
    9: ((0.5, (((0.8, 0.22), (0.5, 0.0), (0.2, 0.18), (0.27, 0.42), (0.55, 0.45), (0.8, 0.28, 1),
                (0.78, 0.65), (0.72, 1.0)),)),
        (0.2, (((0.8, 0.22), (0.5, 0.0), (0.2, 0.18), (0.27, 0.42), (0.55, 0.45), (0.8, 0.28, 1),
                (0.75, 0.7), (0.55, 1.0)),)),
        (0.3, (((0.8, 0.15), (0.55, 0.0), (0.3, 0.12), (0.32, 0.3), (0.58, 0.33), (0.8, 0.2, 1),
                (0.8, 1.0)),))),
}

# (extra slant, width factor) per digit, fitted so that the synthetic digits' mean slant −σxy/σyy and
# aspect σx/σy (second moments of the ink) match those of the real MNIST digits, class by class
CALIBRATION: dict[int, tuple[float, float]] = {
    0: (0.05, 1.1), 1: (0.03, 0.8), 2: (-0.19, 1.17), 3: (-0.17, 0.82), 4: (0.04, 0.99),
    5: (0.05, 1.0), 6: (-0.14, 1.06), 7: (-0.14, 0.95), 8: (-0.05, 0.84), 9: (0.07, 0.89),
}


def catmull_rom_basis(points: np.ndarray, spacing: float = SPACING) -> np.ndarray:
    """Matrix B (K, P): B @ points (P, 2) samples the smooth curve through the points.

    Uniform Catmull-Rom, P(t) = ½[2p₁ + (p₂−p₀)t + (2p₀−5p₁+4p₂−p₃)t² + (−p₀+3p₁−3p₂+p₃)t³];
    the missing neighbours at the ends are reflections (p₋₁ = 2p₀ − p₁), so two points give a line.
    The curve is linear in the points, so jittered copies of a template share one matrix.
    """
    n = len(points)
    rows = []
    for i in range(n - 1):
        count = max(1, int(np.ceil(np.linalg.norm(points[i + 1] - points[i]) / spacing)))
        t = np.arange(count)[:, None] / count
        coeffs = 0.5 * np.hstack([-t + 2 * t**2 - t**3, 2 - 5 * t**2 + 3 * t**3,
                                  t + 4 * t**2 - 3 * t**3, -t**2 + t**3])        # (count, 4)
        block = np.zeros((count, n))
        for coeff, j in zip(coeffs.T, (i - 1, i, i + 1, i + 2)):
            for index, weight in _neighbour(j, n):
                block[:, index] += weight * coeff
        rows.append(block)
    last = np.zeros((1, n))
    last[0, -1] = 1.0
    return np.vstack(rows + [last])


def _neighbour(j: int, n: int) -> tuple[tuple[int, float], ...]:
    """Point j as a combination of real points (reflected beyond either end)."""
    if j < 0:
        return (0, 2.0), (1, -1.0)
    if j >= n:
        return (n - 1, 2.0), (n - 2, -1.0)
    return ((j, 1.0),)


def stroke_basis(stroke: Stroke) -> tuple[np.ndarray, np.ndarray]:
    """(B (K, P), points (P, 2)) for a stroke whose corners split it into separate smooth pieces."""
    points = np.array([p[:2] for p in stroke], np.float64)
    corners = [0] + [i for i, p in enumerate(stroke) if len(p) > 2 and 0 < i < len(stroke) - 1] \
        + [len(stroke) - 1]
    blocks = []
    for start, end in zip(corners, corners[1:]):
        piece = catmull_rom_basis(points[start:end + 1])
        block = np.zeros((len(piece), len(points)))
        block[:, start:end + 1] = piece
        blocks.append(block if not blocks else block[1:])  # the corner point is already there
    return np.vstack(blocks), points


def _transforms(m: int, rng: np.random.Generator, calibration: tuple[float, float] = (0.0, 1.0)) -> np.ndarray:
    """Random 2×2 maps (m, 2, 2): horizontal stretch, then slant, then rotation."""
    aspect = calibration[1] * np.exp(rng.normal(0.0, ASPECT_STD, m))
    slant = calibration[0] + rng.normal(*SLANT, m)
    angle = rng.normal(0.0, ROTATION_STD, m)
    cos, sin = np.cos(angle), np.sin(angle)
    rotate = np.stack([np.stack([cos, -sin], -1), np.stack([sin, cos], -1)], -2)
    shear = np.zeros((m, 2, 2))
    shear[:, 0, 0], shear[:, 0, 1], shear[:, 1, 1] = aspect, -slant, 1.0  # y grows downwards: top leans right
    return rotate @ shear


class _Warp:
    """One smooth random deformation per sample, the same for all its strokes (so they still meet).

    Two low-frequency plane waves per axis bend the digit gently; a "balance" remap
    u → u + b·2u(1 − u) moves the waist (the middle of a 3, 8 or 2) up or down and left or right,
    so top and bottom parts vary in size as in real handwriting.
    """

    def __init__(self, m: int, rng: np.random.Generator) -> None:
        self.directions = rng.normal(0.0, WARP_FREQUENCY, (m, 1, 4, 2))   # cycles per digit height
        self.phases = rng.uniform(0, 2 * np.pi, (m, 1, 4))
        self.balance = np.clip(rng.normal(0.0, BALANCE_STD, (m, 1, 2)), -0.4, 0.4)

    def __call__(self, points: np.ndarray) -> np.ndarray:
        """Deform points (m, K, 2) given in the unit box."""
        out = points + self.balance * 2 * points * (1 - points)
        waves = ELASTIC * np.sin(2 * np.pi * (points[:, :, None, :] * self.directions).sum(-1) + self.phases)
        out[..., 0] += waves[..., 0] + waves[..., 1]
        out[..., 1] += waves[..., 2] + waves[..., 3]
        return out


def draw_template(strokes: tuple[Stroke, ...], m: int, rng: np.random.Generator,
                  calibration: tuple[float, float] = (0.0, 1.0)) -> tuple[list[np.ndarray], np.ndarray]:
    """m random renditions of one template: (m, K, 2) pixel positions per stroke, and the heights (m,)."""
    maps, height = _transforms(m, rng, calibration), rng.uniform(*HEIGHT_PX, (m, 1, 1))
    offset = CANVAS / 2 + rng.uniform(-1, 1, (m, 1, 2)) * (CANVAS - HEIGHT_PX[1]) / 4
    warp = _Warp(m, rng)
    drawn = []
    for stroke in strokes:
        basis, points = stroke_basis(stroke)
        ctrl = points[None] + rng.normal(0.0, JITTER, (m,) + points.shape)       # (m, P, 2)
        curve = warp(basis @ ctrl) - 0.5                                         # (m, K, 2), centred
        drawn.append((curve @ maps.transpose(0, 2, 1)) * height + offset)
    return drawn, height[:, 0, 0]


def rasterise(starts: np.ndarray, ends: np.ndarray, radii: np.ndarray, image: np.ndarray,
              n_images: int, size: int = CANVAS) -> np.ndarray:
    """Anti-aliased thick segments with round ends: ink = clip(r + ½ − distance, 0, 1), max over segments.

    starts/ends (S, 2) in pixels (x, y), radii (S,), image (S,) the canvas of each segment.
    Each segment only touches a small window around itself; segments are sorted by the window
    they need and done in chunks of similar windows, so the work is about S × window².
    """
    canvas = np.zeros(n_images * size * size, np.float32)
    starts, ends, radii = (np.asarray(v, np.float32) for v in (starts, ends, radii))
    sides = np.ceil(np.abs(ends - starts).max(axis=1) + 2 * radii).astype(np.int64) + 3
    order = np.argsort(sides, kind="stable")
    for lo in range(0, len(order), CHUNK):
        part = order[lo:lo + CHUNK]
        values, index = _segment_ink(starts[part], ends[part], radii[part], image[part],
                                     int(sides[part].max()), size)
        np.maximum.at(canvas, index, values)
    return canvas.reshape(n_images, size, size)


def _segment_ink(a: np.ndarray, b: np.ndarray, r: np.ndarray, image: np.ndarray, side: int, size: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Ink values and flat canvas indices of the pixels in each segment's side×side window (zeros left out)."""
    corner = np.floor(np.minimum(a, b) - r[:, None] - 1.0).astype(np.int64)     # (S, 2) window origin
    grid = np.arange(side)
    px = corner[:, 0, None, None] + grid[None, None, :]                          # (S, 1, side)
    py = corner[:, 1, None, None] + grid[None, :, None]                          # (S, side, 1)
    dx, dy = (b - a)[:, 0, None, None], (b - a)[:, 1, None, None]
    rel_x = (px - a[:, 0, None, None]).astype(np.float32) + np.float32(0.5)     # pixel centres
    rel_y = (py - a[:, 1, None, None]).astype(np.float32) + np.float32(0.5)
    length2 = np.maximum(dx * dx + dy * dy, np.float32(1e-9))
    t = np.clip((rel_x * dx + rel_y * dy) / length2, 0.0, 1.0)                   # closest point on the segment
    ink = r[:, None, None] + np.float32(0.5) - np.hypot(rel_x - t * dx, rel_y - t * dy)
    inside = (ink > 0) & (px >= 0) & (px < size) & (py >= 0) & (py < size)
    flat = (image[:, None, None] * size + py) * size + px
    return np.minimum(ink[inside], np.float32(1.0)), flat[inside]


def _segments(drawn: list[np.ndarray], radius: np.ndarray, first: int
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Flatten strokes (m, K, 2) into segment starts, ends, radii and image numbers."""
    parts = []
    m = len(radius)
    for curve in drawn:
        k = curve.shape[1] - 1
        image = np.repeat(np.arange(first, first + m), k)
        parts.append((curve[:, :-1].reshape(-1, 2), curve[:, 1:].reshape(-1, 2), np.repeat(radius, k), image))
    return tuple(np.concatenate(column) for column in zip(*parts))  # type: ignore[return-value]


def generate_digits(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n synthetic digits (about n/10 of each): uint8 (n, 28, 28) images and int64 labels, shuffled."""
    labels = np.arange(n) % 10
    rng.shuffle(labels)
    canvases_segments, order = [], []
    for digit, variants in TEMPLATES.items():
        who = np.flatnonzero(labels == digit)
        weights = np.array([w for w, _ in variants])
        choice = rng.choice(len(variants), size=len(who), p=weights / weights.sum())
        for v, (_, strokes) in enumerate(variants):
            members = who[choice == v]
            if len(members) == 0:
                continue
            drawn, height = draw_template(strokes, len(members), rng, CALIBRATION[digit])
            radius = rng.uniform(*RADIUS, len(members)) * height
            canvases_segments.append(_segments(drawn, radius, len(order)))
            order.extend(members)
    starts, ends, radii, image = (np.concatenate(c) for c in zip(*canvases_segments))
    canvases = rasterise(starts, ends, radii, image, n, CANVAS)
    fields, _ = preprocess_batch(canvases)
    images = np.empty((n, 28, 28), np.uint8)
    images[np.array(order)] = np.round(fields * 255).astype(np.uint8)
    return images, labels.astype(np.int64)


def cache_path(seed: int) -> Path:
    """Where the digits of this seed are cached."""
    return user_cache_dir() / f"synthetic_digits_v{CACHE_VERSION}_seed{seed}.npz"


def _read_cache(path: Path) -> tuple[np.ndarray, ...] | None:
    """The cached arrays, or None if the file is missing, damaged or of another shape."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = tuple(data[k] for k in ("train_images", "train_labels", "test_images", "test_labels"))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None
    expected = ((N_TRAIN, 28, 28), (N_TRAIN,), (N_TEST, 28, 28), (N_TEST,))
    dtypes = (np.uint8, np.int64, np.uint8, np.int64)
    ok = all(a.shape == s and a.dtype == d for a, s, d in zip(arrays, expected, dtypes))
    return arrays if ok and arrays[1].max() <= 9 and arrays[3].max() <= 9 and arrays[1].min() >= 0 else None


def load_synthetic_digits(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(train_images, train_labels, test_images, test_labels): 20,000 + 4,000 digits, cached per seed."""
    path = cache_path(seed)
    cached = _read_cache(path)
    if cached is not None:
        return cached  # type: ignore[return-value]
    rng = np.random.default_rng([seed, 0x5D161])
    train_images, train_labels = generate_digits(N_TRAIN, rng)
    test_images, test_labels = generate_digits(N_TEST, rng)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, train_images=train_images, train_labels=train_labels,
                        test_images=test_images, test_labels=test_labels)
    try:
        atomic_write_bytes(path, buffer.getvalue())
    except OSError:
        pass  # a read-only cache only costs a regeneration next time
    return train_images, train_labels, test_images, test_labels
