"""Trainer throughput vs a pytorch/examples DataLoader loop and a bare tensor-slicing loop.

Usage: python bench/train_throughput.py [--repeats 3] [--threads 1 2]
784-128-64-10 (ReLU, Adam), one epoch of Fashion-MNIST train (MNIST t10k if absent).
Last line: trainer/dataloader@64=<x> trainer/dataloader@256=<x> trainer/bare@64=<x>
"""
from __future__ import annotations

import argparse

from _common import bench_dataset, median_of, timed

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from core.model import build_model
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import TrainingConfig
from core.training import TrainingSession

SPEC = NetworkSpec(784, (LayerSpec(128), LayerSpec(64)), 10)


def trainer_rate(dataset, batch: int, epochs: int = 1, max_steps: int | None = None) -> float:
    config = TrainingConfig(learning_rate=1e-3, batch_size=batch, optimizer="adam", epochs=epochs)
    session = TrainingSession(SPEC, dataset, config)
    seconds = timed(lambda: [None for _ in session.run(max_steps=max_steps)])
    return session.step * session.batch_size / seconds if max_steps else session.n_train * epochs / seconds


def dataloader_rate(dataset, batch: int) -> float:
    """The pytorch/examples mnist pattern: DataLoader(TensorDataset), shuffle, default Adam."""
    x, y = torch.from_numpy(dataset.x_train), torch.from_numpy(dataset.y_train)
    model = build_model(SPEC, seed=0)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch, shuffle=True)

    def epoch():
        model.train()
        for data, target in loader:
            optimizer.zero_grad()
            loss = F.cross_entropy(model(data), target)
            loss.backward()
            optimizer.step()
    return len(x) / timed(epoch)


def bare_rate(dataset, batch: int) -> float:
    """The least a loop can do: slice a permutation of one tensor, fused Adam, no reports."""
    x, y = torch.from_numpy(dataset.x_train), torch.from_numpy(dataset.y_train)
    model = build_model(SPEC, seed=0)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, fused=True)

    def epoch():
        order = torch.randperm(len(x))
        for start in range(0, len(x), batch):
            idx = order[start:start + batch]
            loss = F.cross_entropy(model(x[idx]), y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    return len(x) / timed(epoch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, nargs="+", default=[1],
                        help="torch thread counts to measure (e.g. --threads 1 2; 2 threads next to any other load "
                             "on this 2-core machine oversubscribes badly)")
    args = parser.parse_args()
    dataset = bench_dataset()
    print(f"data: {dataset.name}, {len(dataset.x_train):,} training samples; model {SPEC.describe()}")
    ratios = {}
    for threads in args.threads:
        torch.set_num_threads(threads)
        print(f"\n-- torch threads: {threads}")
        for batch in (64, 256, 1024):
            t = median_of(lambda: trainer_rate(dataset, batch), args.repeats)
            d = median_of(lambda: dataloader_rate(dataset, batch), args.repeats)
            b = median_of(lambda: bare_rate(dataset, batch), args.repeats)
            print(f"batch {batch:5d}: trainer {t:9,.0f}/s  dataloader {d:9,.0f}/s  bare {b:9,.0f}/s  "
                  f"trainer/dataloader {t / d:.2f}  trainer/bare {t / b:.2f}")
            if threads == args.threads[0]:
                ratios[batch] = (t / d, t / b)
        one = median_of(lambda: trainer_rate(dataset, 1, max_steps=3000), args.repeats)
        sixteen = median_of(lambda: trainer_rate(dataset, 16), args.repeats)
        full = median_of(lambda: trainer_rate(dataset, 0, epochs=5), args.repeats)
        print(f"trainer samples/s: batch 1 {one:,.0f} · batch 16 {sixteen:,.0f} · full batch {full:,.0f}")
    print(f"trainer/dataloader@64={ratios[64][0]:.2f} trainer/dataloader@256={ratios[256][0]:.2f} "
          f"trainer/bare@64={ratios[64][1]:.2f}")


if __name__ == "__main__":
    main()
