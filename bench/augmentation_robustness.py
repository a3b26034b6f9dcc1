"""Does data augmentation help the network read freehand drawings? freehand/clean with and without it.

Two 784-128-64-10 networks are trained on the MNIST t10k training split (same seed, epochs and
optimiser), one on the plain images and one with on-the-fly augmentation. Both are then tested on
the test split twice: on the original 28×28 images ("clean") and on the same digits drawn the way
users draw on the 280×280 canvas of "Draw & predict" ("freehand": random position, ink box 30–90 %
of the canvas, slight rotation, strokes redrawn to a round pen's width), passed through the
panel's own preprocessing (core.preprocess.preprocess_batch). freehand/clean = freehand accuracy
divided by clean accuracy.

The rendering follows the description of bench/drawing_robustness.py ("Draw & predict"); that file
did not exist when this was written, so the rendering is this file's own (render_freehand below).

    python bench/augmentation_robustness.py [--epochs 15] [--shift 2 --rotation 10 ...]

Last line: plain freehand/clean=<x> clean_acc=<x> augmented freehand/clean=<x> clean_acc=<x>
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.datasets import load_dataset, normalize_pixels, to_pixels  # noqa: E402
from core.network_spec import LayerSpec, NetworkSpec  # noqa: E402
from core.preprocess import preprocess_batch  # noqa: E402
from core.reports import Augmentation, TrainingConfig  # noqa: E402
from core.training import TrainingSession, configure_threads  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist-t10k"
CANVAS = 280                      # the Draw panel's drawing resolution
PEN = (14.0, 26.0)                # pen widths users draw with, in canvas pixels (the canvas default is 20)
MNIST_STROKE = 2.5                # typical MNIST stroke width in pixels of the 28×28 image
SIZE = (0.3, 0.9)                 # the ink box's longer side as a fraction of the canvas
ROTATION_DEG = 10.0
SPEC = NetworkSpec(784, (LayerSpec(128), LayerSpec(64)), 10)


def ink_box(image01: np.ndarray) -> tuple[float, float, float]:
    """(centre row, centre column, longer side) of a 28×28 digit's ink, in pixels."""
    rows, cols = np.flatnonzero(image01.max(axis=1) > 0.05), np.flatnonzero(image01.max(axis=0) > 0.05)
    return (rows[0] + rows[-1]) / 2, (cols[0] + cols[-1]) / 2, max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1


def placement_grid(images01: np.ndarray, rng: np.random.Generator) -> tuple[torch.Tensor, np.ndarray]:
    """grid_sample grids (N, CANVAS, CANVAS, 2) placing each digit on the canvas, and its scale k (canvas px per px)."""
    n = len(images01)
    boxes = np.array([ink_box(image) for image in images01])
    size = rng.uniform(*SIZE, n) * CANVAS
    k = size / boxes[:, 2]
    angle = np.radians(rng.uniform(-ROTATION_DEG, ROTATION_DEG, n))
    half = size / 2 * 1.1
    centre = np.stack([rng.uniform(half, CANVAS - half), rng.uniform(half, CANVAS - half)], axis=1)  # (row, col)
    v, u = np.meshgrid(np.arange(CANVAS) + 0.5, np.arange(CANVAS) + 0.5, indexing="ij")            # canvas px
    dv, du = v[None] - centre[:, 0, None, None], u[None] - centre[:, 1, None, None]
    cos, sin = np.cos(angle)[:, None, None], np.sin(angle)[:, None, None]
    row = boxes[:, 0, None, None] + 0.5 + (cos * dv - sin * du) / k[:, None, None]   # source px (edges)
    col = boxes[:, 1, None, None] + 0.5 + (sin * dv + cos * du) / k[:, None, None]
    grid = np.stack([col / 14.0 - 1.0, row / 14.0 - 1.0], axis=-1)                  # to [-1, 1], x first
    return torch.from_numpy(grid.astype(np.float32)), k


def dilate(images: torch.Tensor, radius: int) -> torch.Tensor:
    """Grey dilation by a (2r+1)² square: shifted maxima, rows then columns (max_pool2d is slow for 1 channel)."""
    if radius <= 0:
        return images
    padded = F.pad(images, (radius, radius, radius, radius))
    size = images.shape[-1]
    rows = padded[..., :, 0:size]
    for d in range(1, 2 * radius + 1):
        rows = torch.maximum(rows, padded[..., :, d:d + size])
    out = rows[..., 0:size, :]
    for d in range(1, 2 * radius + 1):
        out = torch.maximum(out, rows[..., d:d + size, :])
    return out


def redraw_with_pen(canvas: torch.Tensor, k: float, pen: float) -> torch.Tensor:
    """Make the scaled digit's strokes as wide as the pen (thicker or thinner), with a pen's solid ink."""
    difference = (pen - MNIST_STROKE * k) / 2
    if difference >= 0.5:
        canvas = dilate(canvas, int(round(difference)))
    elif difference <= -0.5:
        canvas = -dilate(-canvas, int(round(-difference)))
    return ((canvas - 0.25) / 0.35).clamp(0.0, 1.0)   # a pen leaves solid ink with a soft edge


def render_freehand(images01: np.ndarray, seed: int = 0, chunk: int = 64) -> np.ndarray:
    """Digits (N, 28, 28) in [0, 1] drawn on CANVAS×CANVAS canvases as a user would: float32 (N, 280, 280)."""
    rng = np.random.default_rng(seed)
    out = np.zeros((len(images01), CANVAS, CANVAS), np.float32)
    for lo in range(0, len(images01), chunk):
        part = images01[lo:lo + chunk]
        grid, k = placement_grid(part, rng)
        source = torch.from_numpy(np.ascontiguousarray(part, np.float32))[:, None]
        canvases = F.grid_sample(source, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
        pens = rng.uniform(*PEN, len(part))
        for i in range(len(part)):
            out[lo + i] = redraw_with_pen(canvases[i:i + 1], float(k[i]), float(pens[i]))[0, 0].numpy()
    return out


def accuracy(session: TrainingSession, x: np.ndarray, y: np.ndarray) -> float:
    """Test accuracy of the trained model on normalised inputs (N, 784)."""
    return session.evaluate(torch.as_tensor(x), torch.as_tensor(y))[1]


def train(dataset, epochs: int, augmentation: Augmentation) -> tuple[TrainingSession, float]:
    """Train one network to the end; return it and the seconds it took."""
    config = TrainingConfig(learning_rate=1e-3, batch_size=64, optimizer="adam", epochs=epochs, seed=0,
                            augmentation=augmentation)
    session = TrainingSession(SPEC, dataset, config)
    start = time.perf_counter()
    for _ in session.run():
        pass
    return session, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--shift", type=float, default=2.0)
    parser.add_argument("--rotation", type=float, default=10.0)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--thickness", type=float, default=0.5)
    parser.add_argument("--noise", type=float, default=0.0)
    parser.add_argument("--save-examples", type=Path, help="save 16 rendered canvases and their 28×28 as .npz")
    args = parser.parse_args()
    configure_threads(1)
    dataset = load_dataset("MNIST", folder=args.data)
    augmentation = Augmentation(args.shift, args.rotation, args.scale, args.thickness, args.noise)
    clean_x, labels = dataset.x_test, dataset.y_test
    canvases = render_freehand(to_pixels(clean_x), seed=1)
    fields, drawn = preprocess_batch(canvases)
    assert drawn.all(), "every rendered canvas must hold ink"
    freehand_x = normalize_pixels(fields).reshape(len(fields), 784)
    if args.save_examples:
        np.savez_compressed(args.save_examples, canvases=canvases[:16], fields=fields[:16], labels=labels[:16])
    results = {}
    for name, aug in (("plain", Augmentation()), ("augmented", augmentation)):
        session, seconds = train(dataset, args.epochs, aug)
        clean, freehand = accuracy(session, clean_x, labels), accuracy(session, freehand_x, labels)
        results[name] = (freehand / clean, clean)
        print(f"{name:9s}: clean {clean:.4f}, freehand {freehand:.4f}, freehand/clean {freehand / clean:.3f} "
              f"({seconds:.0f} s of training)")
    print(f"{len(dataset.x_train):,} training images, {len(labels):,} test digits, {SPEC.describe()}, Adam, "
          f"{args.epochs} epochs; augmentation {augmentation}")
    print(" ".join(f"{name} freehand/clean={ratio:.3f} clean_acc={clean:.4f}"
                   for name, (ratio, clean) in results.items()))


if __name__ == "__main__":
    main()
