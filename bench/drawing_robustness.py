"""Does a network trained on MNIST read digits drawn the way people draw on the canvas?

Trains the default network on the first 8,000 images of the real MNIST test set (the only real
MNIST available offline), then takes the last 2,000 and re-draws each one on a 280×280 canvas the
way a user would: anywhere on the canvas, 30–90 % of its height, with a solid pen (sharp edges),
thicker strokes, and slightly rotated. Each drawing goes through the Draw tab's preprocessing
(`core.preprocess`) and the numpy forward pass. Prints the accuracy on the clean 28×28 images,
on the drawings (also by drawn size), and ends with one machine-readable line:

    freehand/clean=<x> clean_acc=<x>

Run: python bench/drawing_robustness.py [--seed 0] [--epochs 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MNIST_DIR = ROOT.parent / "shared" / "data" / "mnist-t10k"

import numpy as np  # noqa: E402
import torch  # noqa: E402

from core.datasets import DIGIT_NAMES, Dataset, find_idx_files, load_idx_pair, normalize_pixels  # noqa: E402
from core.inference import forward  # noqa: E402
from core.network_spec import default_spec  # noqa: E402
from core.preprocess import preprocess  # noqa: E402
from core.reports import TrainingConfig  # noqa: E402
from core.training import TrainingSession  # noqa: E402

CANVAS = 280
SIZE_RANGE = (0.30, 0.90)      # drawn height of the digit's box, as a fraction of the canvas
ROTATION_DEG = 6.0             # slight rotation: uniform in ±6°
THICKEN = (0.0, 0.4)           # blend towards a 3×3 dilation: up to ~0.4 MNIST px more per side
PEN_THRESHOLD = (0.3, 0.5)     # a pen has sharp edges: ink where the smooth digit exceeds this


def to_x(images: np.ndarray) -> np.ndarray:
    """uint8 (N, 28, 28) to model inputs (N, 784)."""
    return normalize_pixels(images.reshape(len(images), -1) / np.float32(255.0))


def mnist_split(images: np.ndarray, labels: np.ndarray) -> Dataset:
    """8,000 images to learn from (1,000 of them for validation) and 2,000 to test on."""
    y = labels.astype(np.int64)
    return Dataset("MNIST", "classification", (28, 28), DIGIT_NAMES, to_x(images[:7000]), y[:7000],
                   to_x(images[7000:8000]), y[7000:8000], to_x(images[8000:]), y[8000:],
                   "the real MNIST test set, split 7,000/1,000/2,000")


def thicken(image01: np.ndarray, amount: float) -> np.ndarray:
    """Blend a 28×28 image towards its 3×3 grey-level dilation (thicker strokes)."""
    padded = np.pad(image01, 1)
    dilated = np.max([padded[dy:dy + 28, dx:dx + 28] for dy in range(3) for dx in range(3)], axis=0)
    return image01 + amount * (dilated - image01)


def sample_bilinear(image: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bilinear samples of `image` at fractional (rows, cols); 0 outside."""
    padded = np.pad(image, 1)
    r, c = rows + 1.0, cols + 1.0
    r0 = np.clip(np.floor(r).astype(np.int64), 0, padded.shape[0] - 2)
    c0 = np.clip(np.floor(c).astype(np.int64), 0, padded.shape[1] - 2)
    fr, fc = np.clip(r - r0, 0, 1), np.clip(c - c0, 0, 1)
    top = padded[r0, c0] * (1 - fc) + padded[r0, c0 + 1] * fc
    bottom = padded[r0 + 1, c0] * (1 - fc) + padded[r0 + 1, c0 + 1] * fc
    inside = (rows > -1) & (rows < image.shape[0]) & (cols > -1) & (cols < image.shape[1])
    return np.where(inside, top * (1 - fr) + bottom * fr, 0.0)


def draw_like_a_user(image: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """A 28×28 MNIST digit redrawn on a 280×280 canvas: moved, resized, rotated, with a thicker solid pen."""
    digit = thicken(image / 255.0, rng.uniform(*THICKEN))
    size = rng.uniform(*SIZE_RANGE)
    scale = size * CANVAS / 20.0                       # MNIST's ink box is 20 px tall or wide
    angle = np.deg2rad(rng.uniform(-ROTATION_DEG, ROTATION_DEG))
    half = 14.0 * scale * 1.1                          # the rotated 28×28 field, with a margin
    centre = rng.uniform(half, CANVAS - half, 2) if half < CANVAS / 2 else np.full(2, CANVAS / 2)
    ys, xs = np.mgrid[0:CANVAS, 0:CANVAS] + 0.5 - centre[:, None, None]
    cos, sin = np.cos(angle), np.sin(angle)
    rows = (cos * ys - sin * xs) / scale + 13.5        # inverse map: canvas → digit pixel coordinates
    cols = (sin * ys + cos * xs) / scale + 13.5
    smooth = sample_bilinear(digit, rows, cols)
    threshold = rng.uniform(*PEN_THRESHOLD)
    ink = np.clip((smooth - threshold) * 4.0 + 0.5, 0.0, 1.0)   # a pen's sharp, anti-aliased edge
    return np.round(ink * 255).astype(np.uint8), size


def train(dataset: Dataset, seed: int, epochs: int):
    session = TrainingSession(default_spec(), dataset, TrainingConfig(epochs=epochs, seed=seed))
    for _ in session.run():
        pass
    return session.snapshot()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=TrainingConfig().epochs)
    args = parser.parse_args()
    torch.set_num_threads(1)
    files = find_idx_files(MNIST_DIR, "t10k")
    if files is None:
        sys.exit(f"The real MNIST test set was not found in {MNIST_DIR}.")
    images, labels = load_idx_pair(*files)
    dataset = mnist_split(images, labels)
    weights = train(dataset, args.seed, args.epochs)
    test_images, truth = images[8000:], dataset.y_test
    clean = forward(weights, dataset.x_test).probabilities.argmax(1) == truth
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    drawn = [draw_like_a_user(image, rng) for image in test_images]
    inputs = np.stack([preprocess(canvas).model_input for canvas, _ in drawn])
    seconds = time.perf_counter() - start
    sizes = np.array([size for _, size in drawn])
    freehand = forward(weights, inputs).probabilities.argmax(1) == truth
    print(f"{len(truth):,} test digits; drawings made and preprocessed in {seconds:.1f} s")
    print(f"accuracy on the clean 28×28 images: {clean.mean():.4f}")
    print(f"accuracy on the same digits drawn on the canvas: {freehand.mean():.4f}")
    for low, high in ((0.3, 0.5), (0.5, 0.7), (0.7, 0.9)):
        band = (sizes >= low) & (sizes < high)
        print(f"  drawn at {low:.0%}–{high:.0%} of the canvas: {freehand[band].mean():.4f} ({band.sum()} digits)")
    print(f"freehand/clean={freehand.mean() / clean.mean():.4f} clean_acc={clean.mean():.4f}")


if __name__ == "__main__":
    main()
