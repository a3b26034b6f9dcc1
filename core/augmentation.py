"""Data augmentation for 28×28 image batches: random shift, rotation, scale, stroke thickness, noise.

`make_augmenter` returns a callable that the trainer applies to every training batch on the fly.
Everything is vectorised over the batch: one grid_sample pass does shift, rotation and scale
together (one random affine map per image), thickening/thinning blends each image towards its
3×3 dilation or erosion by a random signed amount, and Gaussian pixel noise is added last. The
work happens on pixels (scaled by 1/MNIST_STD, background 0), clipped to [0, 1] and normalised
again at the end, so the model sees inputs on the same scale as the unaugmented data. Labels
never pass through here. `augment_preview` runs the same code on a few images for the GUI.
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

from core.datasets import MNIST_MEAN, MNIST_STD, normalize_pixels
from core.errors import ConfigError
from core.reports import Augmentation

SIDE = 28
OFFSET = MNIST_MEAN / MNIST_STD   # normalised value + OFFSET = pixel / MNIST_STD
NOISE_BANK = 1 << 20      # pre-drawn Gaussian values for pixel noise (4 MB)
NOISE_SEED_OFFSET = 104_729
PREVIEW_NOISE_BANK = 1 << 15   # enough for a preview strip, cheap to draw on every slider move
THINNING = 0.5            # full erosion wipes out thin strokes (a "1"), so thinning goes half as far
LIMITS = {"shift_px": 4.0, "rotation_deg": 30.0, "scale": 0.3, "thickness": 1.0, "noise": 0.5}

Augmenter = Callable[[torch.Tensor], torch.Tensor]


def check_augmentation(aug: Augmentation) -> Augmentation:
    """Raise ConfigError with a sentence when a strength is not a number within its slider's range."""
    for name, high in LIMITS.items():
        value = getattr(aug, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= high \
                or not math.isfinite(value):
            raise ConfigError(f"The augmentation setting {name.replace('_', ' ')} must be between 0 and "
                              f"{high:g}, not {value!r}.")
    return aug


def make_augmenter(aug: Augmentation, seed: int) -> Augmenter:
    """A callable that randomly changes a batch x (B, 784), normalised; identity when all strengths are 0."""
    check_augmentation(aug)
    if not aug.active:
        return _identity
    return BatchAugmenter(aug, seed)


def _identity(x: torch.Tensor) -> torch.Tensor:
    return x


class BatchAugmenter:
    """Applies one Augmentation to whole normalised batches (B, 784) with its own seeded generator.

    Written for speed, because it runs on every training step (bench/augmentation_speed.py):
    the sampling grid is one small matrix product instead of affine_grid (4x slower on the CPU),
    dilation/erosion are four shifted maxima instead of max_pool2d (20x slower for one channel),
    and pixel noise is read at a random offset from a bank of Gaussian values drawn once
    (drawing 50,000 fresh values costs about as much as a whole training step).
    """

    def __init__(self, aug: Augmentation, seed: int, noise_bank: int = NOISE_BANK) -> None:
        self.aug = check_augmentation(aug)
        self.generator = torch.Generator().manual_seed(int(seed))
        # the bank has its own generator, so turning noise on does not change the other random draws
        # (the preview's digits keep their pose while the noise slider moves)
        bank_generator = torch.Generator().manual_seed(int(seed) + NOISE_SEED_OFFSET)
        self._noise_bank = torch.randn(noise_bank, generator=bank_generator) if aug.noise else None
        self._cache: dict[torch.device, tuple[torch.Tensor, torch.Tensor | None]] = {}

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        """Augmented copy of x (B, 784); same shape, dtype and device; labels are not involved."""
        if len(x) == 0:
            return x
        base, bank = self._device_tensors(x.device)
        aug = self.aug
        # q = pixels / MNIST_STD: background is 0 (as grid_sample's padding needs) and leaving it is
        # one subtraction, two passes over the batch fewer than going through [0, 1] pixels
        q = (x + OFFSET).view(-1, 1, SIDE, SIDE)
        if aug.shift_px or aug.rotation_deg or aug.scale:
            q = warp(q, self._random_theta(len(x)).to(x.device), base)
        if aug.thickness:
            q = thicken(q, self._random_thickness(len(x)).to(x.device))
        if bank is not None:
            q = q.reshape(-1).add_(self._noise(bank, q.numel(), x.device), alpha=aug.noise / MNIST_STD)
        q = q.clamp_(0.0, 1.0 / MNIST_STD).sub_(OFFSET)
        return q.reshape(x.shape).to(x.dtype)

    def _device_tensors(self, device: torch.device) -> tuple[torch.Tensor, torch.Tensor | None]:
        if device not in self._cache:
            bank = None if self._noise_bank is None else self._noise_bank.to(device)
            self._cache[device] = (base_grid().to(device), bank)
        return self._cache[device]

    def _random_theta(self, n: int) -> torch.Tensor:
        draws = torch.rand(4, n, generator=self.generator) * 2.0 - 1.0  # U(-1, 1): dx, dy, angle, zoom
        aug = self.aug
        return affine_matrices(draws[0] * aug.shift_px, draws[1] * aug.shift_px,
                               draws[2] * math.radians(aug.rotation_deg), 1.0 + draws[3] * aug.scale)

    def _random_thickness(self, n: int) -> torch.Tensor:
        """Signed amounts: up to +strength towards dilation, up to -strength·THINNING towards erosion."""
        amount = _uniform(n, self.aug.thickness, self.generator)
        return torch.where(amount < 0, amount * THINNING, amount)

    def _noise(self, bank: torch.Tensor, n: int, device: torch.device) -> torch.Tensor:
        """n standard-normal values: a random slice of the bank, or fresh ones for a huge batch."""
        if n > len(bank) // 2:
            return torch.randn(n, generator=self.generator).to(device)
        start = int(torch.randint(0, len(bank) - n, (1,), generator=self.generator))
        return bank[start:start + n]


def augment_batch(x: torch.Tensor, aug: Augmentation, seed: int = 0) -> torch.Tensor:
    """Augment one normalised batch (B, 784) with a fresh generator seeded by `seed`."""
    return make_augmenter(aug, seed)(x)


def base_grid() -> torch.Tensor:
    """(3, 784): x, y and 1 for every pixel centre in affine_grid's [-1, 1] coordinates (align_corners=False)."""
    centres = (torch.arange(SIDE, dtype=torch.float32) * 2.0 + 1.0) / SIDE - 1.0
    ys, xs = torch.meshgrid(centres, centres, indexing="ij")
    return torch.stack([xs.reshape(-1), ys.reshape(-1), torch.ones(SIDE * SIDE)])


def _uniform(n: int, limit: float, generator: torch.Generator) -> torch.Tensor:
    """n draws from U(-limit, limit) on the CPU (the generator lives there)."""
    return (torch.rand(n, generator=generator) * 2.0 - 1.0) * limit


def affine_matrices(shift_x: torch.Tensor, shift_y: torch.Tensor, angle_rad: torch.Tensor,
                    zoom: torch.Tensor) -> torch.Tensor:
    """theta (B, 2, 3) mapping output to input coordinates: ink moves by +shift pixels, zoom > 1 enlarges."""
    cos, sin = torch.cos(angle_rad) / zoom, torch.sin(angle_rad) / zoom
    tx, ty = -2.0 * shift_x / SIDE, -2.0 * shift_y / SIDE   # one pixel is 2/SIDE in [-1, 1] coordinates
    return torch.stack([torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1)


def warp(pixels: torch.Tensor, theta: torch.Tensor, base: torch.Tensor) -> torch.Tensor:
    """Resample every image (B, 1, 28, 28) through its own affine map theta (B, 2, 3), bilinear, zeros outside."""
    n = len(pixels)
    # a permuted view: grid_sample reads it as it is, and .contiguous() would cost half as much again
    grid = (theta.reshape(n * 2, 3) @ base).view(n, 2, SIDE, SIDE).permute(0, 2, 3, 1)
    return F.grid_sample(pixels, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def thicken(pixels: torch.Tensor, amount: torch.Tensor) -> torch.Tensor:
    """Blend each image (B, 1, 28, 28) towards its 3×3 dilation (amount > 0) or erosion (amount < 0).

    Erosion is -dilation(-p), so one dilation of the sign-flipped batch serves both. The dilation is
    four shifted maxima (rows, then columns): max_pool2d takes 20 times as long for one channel.
    """
    sign = torch.where(amount < 0, -1.0, 1.0).view(-1, 1, 1, 1)
    signed = F.pad(pixels * sign, (1, 1, 1, 1))
    rows = torch.maximum(torch.maximum(signed[..., :-2], signed[..., 1:-1]), signed[..., 2:])
    grown = torch.maximum(torch.maximum(rows[..., :-2, :], rows[..., 1:-1, :]), rows[..., 2:, :]).mul_(sign)
    return pixels.lerp_(grown, amount.abs().view(-1, 1, 1, 1))


def augment_preview(images01: np.ndarray, aug: Augmentation, seed: int) -> np.ndarray:
    """Augmented copies of a few images (N, 28, 28) in [0, 1], for the preview strip (numpy in and out)."""
    images = np.asarray(images01, dtype=np.float32)
    if images.ndim != 3 or images.shape[1:] != (SIDE, SIDE):
        raise ConfigError(f"The preview needs images of shape (N, 28, 28), not {images.shape}.")
    if not check_augmentation(aug).active:
        return np.clip(images, 0.0, 1.0)
    x = torch.from_numpy(normalize_pixels(images).reshape(len(images), SIDE * SIDE))
    out = BatchAugmenter(aug, seed, noise_bank=PREVIEW_NOISE_BANK)(x)
    pixels = (out.numpy() * np.float32(MNIST_STD) + np.float32(MNIST_MEAN)).reshape(images.shape)
    return np.clip(pixels, 0.0, 1.0)


__all__ = ["LIMITS", "Augmenter", "BatchAugmenter", "make_augmenter", "augment_batch", "augment_preview",
           "affine_matrices", "base_grid", "warp", "thicken", "check_augmentation"]
