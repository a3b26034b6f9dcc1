"""Shared helpers for the benchmark scripts (run from the repository root: python bench/<name>.py)."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MNIST_T10K = ROOT.parent / "shared" / "data" / "mnist-t10k"
FASHION = Path("/usr/share/datasets/fashion-mnist")


def bench_dataset():
    """Fashion-MNIST train (Debian's copy) if present, else the MNIST t10k set."""
    from core.datasets import load_dataset

    if (FASHION / "train-images-idx3-ubyte.gz").exists():
        return load_dataset("Fashion-MNIST", folder=FASHION)
    if MNIST_T10K.exists():
        return load_dataset("MNIST", folder=MNIST_T10K)
    sys.exit("No dataset: install dataset-fashion-mnist or provide ../shared/data/mnist-t10k")


def median_of(fn, repeats: int = 3) -> float:
    """Median of `fn()` over repeats (the machine is noisy)."""
    return statistics.median(fn() for _ in range(repeats))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
