"""Does data augmentation help the network read freehand drawings? freehand/clean with and without it.

The "Draw & predict" measurement (bench/drawing_robustness.py) trains a network on the real MNIST
t10k images, redraws 2,000 held-out test digits on the 280×280 canvas the way users draw (anywhere,
30–90 % of the canvas, solid pen, thicker strokes, slightly rotated), runs them through the Draw
tab's preprocessing and compares the accuracy with that on the clean 28×28 images. This bench does
the same twice, with the same split, network, settings and seed: once trained on the plain images,
once with on-the-fly augmentation. It uses drawing_robustness.py's own split and rendering
(`mnist_split`, `draw_like_a_user`), so the "plain" figure is that bench's figure; should that file
be missing or change, it falls back to the rendering below (`render_freehand`) and says so.

    python bench/augmentation_robustness.py [--epochs 5] [--network lecture|wide] [--shift 2 ...]

Last line: plain freehand/clean=<x> clean_acc=<x> augmented freehand/clean=<x> clean_acc=<x>
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.datasets import load_dataset, normalize_pixels, to_pixels  # noqa: E402
from core.network_spec import LayerSpec, NetworkSpec, default_spec  # noqa: E402
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


def train(dataset, spec: NetworkSpec, config: TrainingConfig) -> tuple[TrainingSession, float]:
    """Train one network to the end; return it and the seconds it took."""
    session = TrainingSession(spec, dataset, config)
    start = time.perf_counter()
    for _ in session.run():
        pass
    return session, time.perf_counter() - start


def split_and_drawings(data: Path, seed: int) -> tuple[object, np.ndarray, str]:
    """The dataset, the test digits drawn on the canvas and preprocessed (N, 784), and whose rendering it is."""
    try:
        sys.path.insert(0, str(ROOT / "bench"))
        from drawing_robustness import draw_like_a_user, mnist_split  # the Draw tab's own measurement
        from core.datasets import find_idx_files, load_idx_pair
        from core.preprocess import preprocess
    except ImportError:
        dataset = load_dataset("MNIST", folder=data)
        fields, drawn = preprocess_batch(render_freehand(to_pixels(dataset.x_test), seed=seed))
        assert drawn.all(), "every rendered canvas must hold ink"
        return dataset, normalize_pixels(fields).reshape(len(fields), 784), "this bench's render_freehand"
    images, labels = load_idx_pair(*find_idx_files(data, "t10k"))
    dataset = mnist_split(images, labels)
    rng = np.random.default_rng(seed)
    drawings = [draw_like_a_user(image, rng)[0] for image in images[8000:]]
    inputs = np.stack([preprocess(canvas).model_input for canvas in drawings])
    return dataset, inputs, "bench/drawing_robustness.py's draw_like_a_user"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=TrainingConfig().epochs)
    parser.add_argument("--train-seeds", type=int, default=3, help="train this many times (seeds seed, seed+1, ...)")
    parser.add_argument("--network", choices=("lecture", "wide"), default="lecture",
                        help="lecture: 784-16-16-10 as in drawing_robustness.py; wide: 784-128-64-10")
    parser.add_argument("--shift", type=float, default=2.0)
    parser.add_argument("--rotation", type=float, default=10.0)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--thickness", type=float, default=0.5)
    parser.add_argument("--noise", type=float, default=0.0)
    args = parser.parse_args()
    configure_threads(1)
    dataset, freehand_x, renderer = split_and_drawings(args.data, args.seed)
    spec = default_spec() if args.network == "lecture" else SPEC
    augmentation = Augmentation(args.shift, args.rotation, args.scale, args.thickness, args.noise)
    results: dict[str, list[tuple[float, float, float]]] = {"plain": [], "augmented": []}
    for seed in range(args.seed, args.seed + args.train_seeds):
        plain = TrainingConfig(epochs=args.epochs, seed=seed)   # drawing_robustness.py's settings
        for name, config in (("plain", plain), ("augmented", plain.with_changes(augmentation=augmentation))):
            session, seconds = train(dataset, spec, config)
            clean = accuracy(session, dataset.x_test, dataset.y_test)
            freehand = accuracy(session, freehand_x, dataset.y_test)
            results[name].append((freehand / clean, clean, freehand))
            print(f"seed {seed} {name:9s}: clean {clean:.4f}, freehand {freehand:.4f}, "
                  f"freehand/clean {freehand / clean:.4f} ({seconds:.0f} s of training)")
    print(f"{len(dataset.x_train):,} training images, {len(freehand_x):,} test digits drawn with {renderer}; "
          f"{spec.describe()}, Adam lr {TrainingConfig().learning_rate:g}, {args.epochs} epochs, "
          f"mean of {args.train_seeds} training seeds; augmentation {augmentation}")
    means = {name: np.mean(values, axis=0) for name, values in results.items()}
    for name, (ratio, clean, freehand) in means.items():
        spread = np.std([r[0] for r in results[name]])
        print(f"  {name:9s}: clean {clean:.4f}, freehand {freehand:.4f}, freehand/clean {ratio:.4f} ± {spread:.4f}")
    print(" ".join(f"{name} freehand/clean={ratio:.4f} clean_acc={clean:.4f}"
                   for name, (ratio, clean, _) in means.items()))

if __name__ == "__main__":
    main()
