"""Trainer throughput with and without on-the-fly data augmentation, measured in the same process.

784-128-64-10 ReLU, Adam, batch 64, on MNIST (the t10k set in ../shared/data/mnist-t10k unless
--data names another folder), one torch thread. Plain and augmented runs alternate so that load
from other processes hits both alike; the median of each is reported. The time is the whole
`TrainingSession.run()` (steps, reports and the per-epoch evaluation), i.e. what a student waits for.

    python bench/augmentation_speed.py [--repeats 5] [--epochs 2]

Last line: augmented/plain=<x>   (target >= 0.8)
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.datasets import load_dataset  # noqa: E402
from core.network_spec import LayerSpec, NetworkSpec  # noqa: E402
from core.reports import Augmentation, TrainingConfig  # noqa: E402
from core.training import TrainingSession, configure_threads  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist-t10k"
SPEC = NetworkSpec(784, (LayerSpec(128), LayerSpec(64)), 10)
AUGMENTATION = Augmentation(shift_px=2.0, rotation_deg=15.0, scale=0.1, thickness=0.5, noise=0.1)


def samples_per_second(dataset, config: TrainingConfig) -> float:
    """Training samples per second over one whole run (all reports consumed, as the GUI worker does)."""
    session = TrainingSession(SPEC, dataset, config)
    start = time.perf_counter()
    for _ in session.run():
        pass
    elapsed = time.perf_counter() - start
    return session.step * session.batch_size / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    configure_threads(1)
    dataset = load_dataset("MNIST", folder=args.data)
    plain = TrainingConfig(learning_rate=1e-3, batch_size=64, optimizer="adam", epochs=args.epochs)
    augmented = plain.with_changes(augmentation=AUGMENTATION)
    samples_per_second(dataset, plain)  # warm-up: first-call costs must not count against either side
    rates: dict[str, list[float]] = {"plain": [], "augmented": []}
    for i in range(args.repeats):
        for name, config in (("plain", plain), ("augmented", augmented)):
            rates[name].append(samples_per_second(dataset, config.with_changes(seed=i)))
        print(f"repeat {i + 1}: plain {rates['plain'][-1]:,.0f} samples/s, "
              f"augmented {rates['augmented'][-1]:,.0f} samples/s")
    plain_rate, aug_rate = statistics.median(rates["plain"]), statistics.median(rates["augmented"])
    print(f"{len(dataset.x_train):,} training images, {SPEC.describe()}, Adam, batch 64, {args.epochs} epochs, "
          f"augmentation {AUGMENTATION}")
    print(f"median: plain {plain_rate:,.0f} samples/s, augmented {aug_rate:,.0f} samples/s")
    print(f"augmented/plain={aug_rate / plain_rate:.3f}")


if __name__ == "__main__":
    main()
