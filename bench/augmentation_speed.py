"""Trainer throughput with and without on-the-fly data augmentation, measured in the same process.

784-128-64-10 ReLU, Adam, batch 64, on MNIST (the t10k set in ../shared/data/mnist-t10k unless
--data names another folder), one torch thread. The time is the whole `TrainingSession.run()`
(steps, reports, the per-epoch evaluation and, for augmented runs, building the PixelBank of the
training images on the first step): what a student waits for. Runs of every setting
alternate, so that load from other processes hits them alike, and the median of each is reported,
both per wall-clock second and per CPU second of this process. The trainer augments the next chunk
of images on a second thread while the current one trains (core/training.py, AUGMENT_IN_BACKGROUND),
so the two differ: the CPU time counts both threads, the wall-clock time is what a student waits for.
"all five" is the headline: shift, rotation, scale, thickness and noise at once; the single
augmentations show where the time goes.

    python bench/augmentation_speed.py [--repeats 5] [--epochs 3] [--inline]

Last line: augmented/plain=<wall-clock ratio, all five> cpu_augmented/plain=<CPU-time ratio>   (target >= 0.8)
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from core.augmentation import PixelBank  # noqa: E402
from core.datasets import load_dataset  # noqa: E402
from core.network_spec import LayerSpec, NetworkSpec  # noqa: E402
from core.reports import Augmentation, TrainingConfig  # noqa: E402
import core.training as training  # noqa: E402
from core.training import TrainingSession, configure_threads  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist-t10k"
SPEC = NetworkSpec(784, (LayerSpec(128), LayerSpec(64)), 10)
ALL_FIVE = Augmentation(shift_px=2.0, rotation_deg=15.0, scale=0.1, thickness=0.5, noise=0.1)
SETTINGS = {"plain": Augmentation(), "all five": ALL_FIVE,
            "shift+rotation+scale": Augmentation(shift_px=2.0, rotation_deg=15.0, scale=0.1),
            "thickness": Augmentation(thickness=0.5), "noise": Augmentation(noise=0.1)}


def samples_per_second(dataset, config: TrainingConfig) -> tuple[float, float]:
    """Training samples per wall-clock second and per CPU second over one whole run (all reports consumed)."""
    session = TrainingSession(SPEC, dataset, config)
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in session.run():
        pass
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    samples = session.step * session.batch_size
    return samples / wall, samples / cpu


def measure(dataset, epochs: int, repeats: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) samples/s per setting, the settings' runs interleaved."""
    base = TrainingConfig(learning_rate=1e-3, batch_size=64, optimizer="adam", epochs=epochs)
    samples_per_second(dataset, base)  # warm-up: first-call costs must not count against any setting
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in SETTINGS}
    for i in range(repeats):
        for name, aug in SETTINGS.items():
            runs[name].append(samples_per_second(dataset, base.with_changes(seed=i, augmentation=aug)))
        print(f"repeat {i + 1}: " + ", ".join(f"{name} {r[-1][0]:,.0f}/s" for name, r in runs.items()))
    return {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
            for name, rs in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--inline", action="store_true", help="augment in the training thread, no second thread")
    args = parser.parse_args()
    configure_threads(1)
    training.AUGMENT_IN_BACKGROUND = not args.inline
    dataset = load_dataset("MNIST", folder=args.data)
    rates = measure(dataset, args.epochs, args.repeats)
    plain_wall, plain_cpu = rates["plain"]
    print(f"{len(dataset.x_train):,} training images, {SPEC.describe()}, Adam, batch 64, {args.epochs} epochs, "
          f"median of {args.repeats}; all five = {ALL_FIVE}")
    print(f"  augmentation in a background thread: {training.AUGMENT_IN_BACKGROUND and (os.cpu_count() or 1) > 1}")
    for name, (wall, cpu) in rates.items():
        print(f"  {name:22s} {wall:8,.0f} samples/s ({wall / plain_wall:.3f} of plain)   "
              f"{cpu:8,.0f} per CPU s ({cpu / plain_cpu:.3f})")
    bank = PixelBank(torch.from_numpy(dataset.x_train), thickness=True)
    print(f"  pixel bank (images, dilations, erosions as uint8): {bank.nbytes / 1e6:.1f} MB "
          f"for {len(bank):,} images")
    wall, cpu = rates["all five"]
    print(f"augmented/plain={wall / plain_wall:.3f} cpu_augmented/plain={cpu / plain_cpu:.3f}")


if __name__ == "__main__":
    main()
