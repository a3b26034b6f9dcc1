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


def samples_per_second(dataset, config: TrainingConfig) -> tuple[float, float]:
    """Training samples per wall-clock second and per CPU second over one whole run (all reports consumed)."""
    session = TrainingSession(SPEC, dataset, config)
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in session.run():
        pass
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    samples = session.step * session.batch_size
    return samples / wall, samples / cpu


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
    rates: dict[str, list[tuple[float, float]]] = {"plain": [], "augmented": []}
    for i in range(args.repeats):
        for name, config in (("plain", plain), ("augmented", augmented)):
            rates[name].append(samples_per_second(dataset, config.with_changes(seed=i)))
        print(f"repeat {i + 1}: plain {rates['plain'][-1][0]:,.0f} samples/s ({rates['plain'][-1][1]:,.0f} per CPU s), "
              f"augmented {rates['augmented'][-1][0]:,.0f} samples/s ({rates['augmented'][-1][1]:,.0f} per CPU s)")
    wall = {name: statistics.median(r[0] for r in runs) for name, runs in rates.items()}
    cpu = {name: statistics.median(r[1] for r in runs) for name, runs in rates.items()}
    print(f"{len(dataset.x_train):,} training images, {SPEC.describe()}, Adam, batch 64, {args.epochs} epochs, "
          f"augmentation {AUGMENTATION}")
    print(f"median wall clock: plain {wall['plain']:,.0f} samples/s, augmented {wall['augmented']:,.0f} samples/s, "
          f"ratio {wall['augmented'] / wall['plain']:.3f}")
    print(f"median per CPU second: plain {cpu['plain']:,.0f}, augmented {cpu['augmented']:,.0f}, "
          f"ratio {cpu['augmented'] / cpu['plain']:.3f}")
    print(f"augmented/plain={wall['augmented'] / wall['plain']:.3f} cpu_augmented/plain={cpu['augmented'] / cpu['plain']:.3f}")

if __name__ == "__main__":
    main()
