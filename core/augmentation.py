"""Data augmentation for 28×28 image batches: random shift, rotation, scale, stroke thickness, noise.

`make_augmenter` returns a callable that the trainer applies to every training batch on the fly.
Everything is vectorised over the batch: one grid_sample pass does shift, rotation and scale
together (one random affine map per image, nearest-neighbour like torchvision's RandomAffine), thickening/thinning blends each image towards its
3×3 dilation or erosion by a random signed amount, and Gaussian pixel noise is added last and
clipped to the pixel range [0, 1]. The result is on the normalised scale of the unaugmented data
(the warp itself works on pixels / MNIST_STD, whose background 0 is what grid_sample's zero
padding fills in). Labels never pass through here. `augment_preview` runs the same code on a few
images for the GUI. Cost per batch and where it goes: bench/augmentation_speed.py.
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
# Nearest-neighbour resampling, as torchvision's RandomAffine does by default: it moves whole pixels
# (no blur) and costs 40 % of bilinear per batch, which keeps augmented training at 0.8× of plain.
WARP_MODE = "nearest"
OFFSET = MNIST_MEAN / MNIST_STD   # normalised value + OFFSET = pixel / MNIST_STD
NOISE_BANK = 1 << 20      # pre-drawn Gaussian values for pixel noise (4 MB)
NOISE_SEED_OFFSET = 104_729
PREVIEW_NOISE_BANK = 1 << 15   # enough for a preview strip, cheap to draw on every slider move
SMALL_BATCH = 16          # up to this many images (the preview's 8) the grid avoids BLAS
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
    """Applies one Augmentation to whole normalised batches (B, 784) with its own seeded random numbers.

    Written for speed, because it runs on every training step (bench/augmentation_speed.py): the
    per-image random numbers and affine maps are a few numpy operations on (B,) arrays (dozens of
    tiny torch calls cost more than the pixel work), the sampling grid is one small matrix product
    instead of affine_grid (20x slower on the CPU), dilation/erosion are four shifted maxima instead
    of max_pool2d (20x slower for one channel), pixel noise is read at a random offset from a bank of
    Gaussian values drawn once (fresh values cost as much as a training step), and every step works
    in whichever scale needs the fewest passes over the batch.
    """

    def __init__(self, aug: Augmentation, seed: int, noise_bank: int = NOISE_BANK) -> None:
        self.aug = check_augmentation(aug)
        self.rng = np.random.default_rng(int(seed))
        self.warps = bool(aug.shift_px or aug.rotation_deg or aug.scale)
        # the warp works on pixels / MNIST_STD (background 0, which grid_sample's padding fills in);
        # the noise bank then also carries the step back to the normalised scale: one pass, not two
        self._offset = OFFSET if self.warps else 0.0
        self._noise_scale = aug.noise / MNIST_STD
        # the bank has its own generator, so turning noise on does not change the other random draws
        # (the preview's digits keep their pose while the noise slider moves)
        bank_rng = np.random.default_rng(int(seed) + NOISE_SEED_OFFSET)
        self._noise_bank = (torch.from_numpy(self._noise_values(bank_rng, noise_bank)) if aug.noise else None)
        self._cache: dict[torch.device, tuple[torch.Tensor, torch.Tensor | None]] = {}

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        """Augmented copy of x (B, 784); same shape, dtype and device; x itself and labels are untouched."""
        if len(x) == 0:
            return x
        base, bank = self._device_tensors(x.device)
        n = len(x)
        draws = self.rng.uniform(-1.0, 1.0, (5, n))   # dx, dy, angle, zoom, thickness: one call, U(-1, 1)
        q = x.reshape(n, 1, SIDE, SIDE)
        if self.warps:
            q = warp(q + OFFSET, torch.from_numpy(self._theta(draws)).to(x.device), base)
        if self.aug.thickness:
            sign, weight = (torch.from_numpy(a).to(x.device) for a in self._thickness(draws[4]))
            q = _thicken(q, sign, weight)
        fresh = self.warps or bool(self.aug.thickness)   # q is this call's own buffer, not a view of x
        if bank is not None:   # noise is the only step that can leave [0, 1]: clip only then
            noise = self._noise(bank, n * SIDE * SIDE, x.device)
            q = q.reshape(-1).add_(noise) if fresh else torch.add(q.reshape(-1), noise)
            q = q.clamp_(-OFFSET, (1.0 - MNIST_MEAN) / MNIST_STD)
        elif self.warps:
            q = q.sub_(OFFSET)
        return q.reshape(x.shape).to(x.dtype)

    def _device_tensors(self, device: torch.device) -> tuple[torch.Tensor, torch.Tensor | None]:
        if device not in self._cache:
            bank = None if self._noise_bank is None else self._noise_bank.to(device)
            self._cache[device] = (base_grid().to(device), bank)
        return self._cache[device]

    def _theta(self, draws: np.ndarray) -> np.ndarray:
        """One affine map per image, (n, 2, 3) float32, from U(-1, 1) draws scaled by the strengths."""
        aug = self.aug
        return affine_matrices(draws[0] * aug.shift_px, draws[1] * aug.shift_px,
                               draws[2] * math.radians(aug.rotation_deg), 1.0 + draws[3] * aug.scale)

    def _thickness(self, draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(sign, weight) per image, (n, 1, 1, 1): up to +strength towards dilation, −strength·THINNING erosion."""
        amount = (draws * self.aug.thickness).astype(np.float32)
        sign = np.where(amount < 0, np.float32(-1.0), np.float32(1.0))
        weight = np.abs(amount) * np.where(amount < 0, np.float32(THINNING), np.float32(1.0))
        return sign.reshape(-1, 1, 1, 1), weight.reshape(-1, 1, 1, 1)

    def _noise_values(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """n values σ/MNIST_STD·N(0, 1) − offset, float32."""
        values = rng.standard_normal(n, dtype=np.float32)
        values *= np.float32(self._noise_scale)
        values -= np.float32(self._offset)
        return values

    def _noise(self, bank: torch.Tensor, n: int, device: torch.device) -> torch.Tensor:
        """n noise values: a random slice of the bank, or fresh ones for a huge batch."""
        if n > len(bank) // 2:
            return torch.from_numpy(self._noise_values(self.rng, n)).to(device)
        start = int(self.rng.integers(0, len(bank) - n))
        return bank[start:start + n]


def augment_batch(x: torch.Tensor, aug: Augmentation, seed: int = 0) -> torch.Tensor:
    """Augment one normalised batch (B, 784) with fresh random numbers seeded by `seed`."""
    return make_augmenter(aug, seed)(x)


def base_grid() -> torch.Tensor:
    """(3, 784): x, y and 1 for every pixel centre in affine_grid's [-1, 1] coordinates (align_corners=False)."""
    centres = (torch.arange(SIDE, dtype=torch.float32) * 2.0 + 1.0) / SIDE - 1.0
    ys, xs = torch.meshgrid(centres, centres, indexing="ij")
    return torch.stack([xs.reshape(-1), ys.reshape(-1), torch.ones(SIDE * SIDE)])


def affine_matrices(shift_x: np.ndarray, shift_y: np.ndarray, angle_rad: np.ndarray,
                    zoom: np.ndarray) -> np.ndarray:
    """theta (B, 2, 3) float32 mapping output to input coordinates: ink moves by +shift px, zoom > 1 enlarges."""
    theta = np.empty((len(zoom), 2, 3), np.float32)
    theta[:, 0, 0] = theta[:, 1, 1] = np.cos(angle_rad) / zoom
    theta[:, 1, 0] = np.sin(angle_rad) / zoom
    theta[:, 0, 1] = -theta[:, 1, 0]
    theta[:, 0, 2] = -2.0 * shift_x / SIDE    # one pixel is 2/SIDE in [-1, 1] coordinates
    theta[:, 1, 2] = -2.0 * shift_y / SIDE
    return theta


def warp(pixels: torch.Tensor, theta: torch.Tensor, base: torch.Tensor) -> torch.Tensor:
    """Resample every image (B, 1, 28, 28) through its own affine map theta (B, 2, 3), zeros outside."""
    n = len(pixels)
    if n <= SMALL_BATCH and theta.device.type == "cpu":
        # the preview runs on the GUI thread: plain numpy arithmetic, so no BLAS or OpenMP thread wakes up
        t, b = theta.numpy(), base.cpu().numpy()
        grid = torch.from_numpy(t[:, :, 0:1] * b[0] + t[:, :, 1:2] * b[1] + t[:, :, 2:3])
    else:
        grid = theta.reshape(n * 2, 3) @ base
    # a permuted view: grid_sample reads it as it is, and .contiguous() would cost half as much again
    grid = grid.view(n, 2, SIDE, SIDE).permute(0, 2, 3, 1)
    return F.grid_sample(pixels, grid, mode=WARP_MODE, padding_mode="zeros", align_corners=False)


def thicken(pixels: torch.Tensor, amount: torch.Tensor) -> torch.Tensor:
    """Blend each image (B, 1, 28, 28) towards its 3×3 dilation (amount > 0) or erosion (amount < 0)."""
    amount = amount.reshape(-1, 1, 1, 1).to(pixels.dtype)
    sign = torch.where(amount < 0, -1.0, 1.0).to(pixels.dtype)
    return _thicken(pixels, sign, amount.abs())


def _thicken(pixels: torch.Tensor, sign: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """lerp(p, s·dilate(s·p), w) per image: erosion is −dilation(−p), so one dilation serves both.

    The dilation is four shifted maxima (rows, then columns) of the sign-flipped batch written into
    a frame of −10⁴, which never wins a maximum: pixels outside the image are ignored, as
    max_pool2d's −∞ padding does, in any scale (pixels, pixels/σ or normalised).
    """
    n = len(pixels)
    framed = torch.full((n, 1, SIDE + 2, SIDE + 2), -1e4, dtype=pixels.dtype, device=pixels.device)
    torch.mul(pixels, sign, out=framed[..., 1:-1, 1:-1])
    rows = torch.maximum(framed[..., :-2], framed[..., 1:-1])      # results written in place where they
    torch.maximum(rows, framed[..., 2:], out=rows)                 # can be: fewer buffers, fewer cache misses
    grown = torch.maximum(rows[..., :-2, :], rows[..., 1:-1, :])
    torch.maximum(grown, rows[..., 2:, :], out=grown)
    grown.mul_(sign)
    return torch.lerp(pixels, grown, weight, out=grown)


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
