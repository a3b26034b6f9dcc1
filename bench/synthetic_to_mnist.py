"""Train the default network on synthetic digits only, then test it on the real MNIST test set.

The synthetic digits (core/synthetic_digits.py) are the offline default; this measures whether
they teach a network to read real handwriting. Prints the generation time (cold and cached), the
synthetic test accuracy, the accuracy on all 10,000 real MNIST test digits with the confusion
matrix, and ends with one machine-readable line:

    synthetic_to_real_mnist_acc=<x>

The network is the default one (784-16-16-10) with the default training settings except the
learning rate: Adam at 0.003 instead of the app's 0.01, because at 0.01 this small network ends
its 5 epochs on noisy weights and the accuracy on real digits varies by ±2 points from seed to
seed (0.82-0.85); pass --learning-rate 0.01 to measure the app default.

Run: python bench/synthetic_to_mnist.py [--epochs 5] [--seed 0] [--learning-rate 0.003]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MNIST_DIR = ROOT.parent / "shared" / "data" / "mnist-t10k"
LEARNING_RATE = 0.003

import numpy as np  # noqa: E402
import torch  # noqa: E402

from core.datasets import find_idx_files, load_dataset, load_idx_pair, normalize_pixels  # noqa: E402
from core.inference import forward  # noqa: E402
from core.network_spec import default_spec  # noqa: E402
from core.reports import TrainingConfig  # noqa: E402
from core.synthetic_digits import load_synthetic_digits  # noqa: E402
from core.training import TrainingSession  # noqa: E402


def time_generation(seed: int) -> tuple[float, float]:
    """Seconds to generate the 24,000 digits into an empty cache, then to load them from it."""
    start = time.perf_counter()
    load_synthetic_digits(seed)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    load_synthetic_digits(seed)
    return cold, time.perf_counter() - start


def train(seed: int, epochs: int, learning_rate: float):
    """The default network trained on the Synthetic digits dataset; returns (dataset, weights, spec, seconds)."""
    dataset = load_dataset("Synthetic digits", seed=seed)
    spec = default_spec(dataset.input_size, dataset.num_outputs, dataset.task)
    config = TrainingConfig(epochs=epochs, seed=seed, learning_rate=learning_rate)
    session = TrainingSession(spec, dataset, config)
    start = time.perf_counter()
    for _ in session.run():
        pass
    return dataset, session.snapshot(), spec, time.perf_counter() - start


def confusion(true: np.ndarray, pred: np.ndarray, classes: int = 10) -> np.ndarray:
    """Rows: true digit; columns: predicted digit."""
    return np.bincount(true * classes + pred, minlength=classes * classes).reshape(classes, classes)


def print_confusion(matrix: np.ndarray) -> None:
    print("confusion on real MNIST (rows: true digit, columns: predicted; last column: recall)")
    print("      " + " ".join(f"{c:>5d}" for c in range(10)) + "  recall")
    for digit, row in enumerate(matrix):
        print(f"  {digit:>2d}  " + " ".join(f"{v:>5d}" for v in row) + f"  {row[digit] / row.sum():6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=TrainingConfig().epochs)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE)
    args = parser.parse_args()
    torch.set_num_threads(1)
    files = find_idx_files(MNIST_DIR, "t10k")
    if files is None:
        sys.exit(f"The real MNIST test set was not found in {MNIST_DIR}.")
    images, labels = load_idx_pair(*files)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache  # a cold cache, so the generation is timed
        cold, warm = time_generation(args.seed)
        dataset, weights, spec, seconds = train(args.seed, args.epochs, args.learning_rate)
    print(f"generation of 24,000 synthetic digits: {cold:.2f} s (cached: {warm:.3f} s)")
    print(f"trained {spec.describe()} for {args.epochs} epochs (Adam, learning rate {args.learning_rate:g}) "
          f"on synthetic digits in {seconds:.1f} s")
    synthetic_acc = float((forward(weights, dataset.x_test).probabilities.argmax(1) == dataset.y_test).mean())
    x = normalize_pixels(images.reshape(len(images), -1) / np.float32(255))
    pred = forward(weights, x).probabilities.argmax(axis=1)
    truth = labels.astype(np.int64)
    accuracy = float((pred == truth).mean())
    print(f"accuracy on the synthetic test set: {synthetic_acc:.4f}")
    print(f"accuracy on the real MNIST test set ({len(truth):,} digits): {accuracy:.4f}")
    print_confusion(confusion(truth, pred))
    print(f"synthetic_to_real_mnist_acc={accuracy:.4f}")


if __name__ == "__main__":
    main()
