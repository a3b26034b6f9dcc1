"""Data augmentation for 28×28 image batches: random shift, rotation, scale, stroke thickness, noise.

Every image gets its own random changes, in this order: thickening/thinning blends it towards its
3×3 dilation or erosion by a random signed amount; one grid_sample pass then shifts, rotates and
scales it (one random affine map per image, nearest-neighbour like torchvision's RandomAffine); and
Gaussian pixel noise is added last and clipped to the pixel range [0, 1]. The result is on the
normalised scale of the unaugmented data (the warp works on a scale whose background is 0, which
is what grid_sample's zero padding fills in). Labels never pass through here.

The trainer builds a `PixelBank` of its training images once per run (uint8 pixels with their
dilations and erosions) and asks `BatchAugmenter.augment_rows` for a chunk of rows at a time;
`make_augmenter` (any batch) and `augment_preview` (the GUI's strip) compute the same changes from
the batch itself. Cost per batch and where it goes: bench/augmentation_speed.py.
"""
from __future__ import annotations

import math
import threading
from typing import Callable, Hashable, NamedTuple

import numpy as np
import torch
import torch.nn.functional as F

from core.datasets import MNIST_MEAN, MNIST_STD, normalize_pixels
from core.errors import ConfigError
from core.reports import Augmentation

SIDE = 28
# Nearest-neighbour resampling, as torchvision's RandomAffine does by default: it moves whole pixels
# (no blur) and costs 40 % of bilinear per batch (bench/augmentation_speed.py).
WARP_MODE = "nearest"
OFFSET = MNIST_MEAN / MNIST_STD   # normalised value + OFFSET = pixel / MNIST_STD
NOISE_BANK = 1 << 20      # pre-drawn Gaussian values for pixel noise (4 MB)
NOISE_SEED_OFFSET = 104_729
PREVIEW_NOISE_BANK = 1 << 15   # enough for a preview strip, cheap to draw on every slider move
SMALL_BATCH = 16          # up to this many images (the preview's 8) the grid avoids BLAS
PIXEL_SCALE = 1.0 / (255.0 * MNIST_STD)   # uint8 pixel value · PIXEL_SCALE = pixel / MNIST_STD
PLAN_BLOCK = 4096         # images whose random changes the trainer draws at once
IDLE_S = 1.0              # a background augmentation thread with no work for this long ends by itself
MORPH_CHUNK = 1024        # images dilated at once when a PixelBank is built: bounded temporaries
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


class PixelBank:
    """The training images as uint8 pixels, with their 3×3 dilations and erosions: computed once per session.

    Gathering a chunk's rows from here is the cheapest start of an augmentation: a uint8
    index_select plus a conversion to float cost ~6 µs per 64 images, where indexing the float
    inputs costs ~30 µs, and the stored dilations and erosions turn thickness into the same gather
    and a lerp (~12 µs per 64 images instead of ~75 µs for four shifted maxima on every chunk).
    Memory: 784 bytes per image, three times with thickness (2,352 bytes: 16 MB for MNIST t10k's
    7,000 training images, 129 MB for 55,000 images).
    """

    def __init__(self, x: torch.Tensor, thickness: bool) -> None:
        self.size = n = len(x)
        # images in rows [0, N), their dilations in [N, 2N), their erosions in [2N, 3N): one gather
        # fetches a chunk's images together with whichever of the two each of them blends towards
        self.rows = torch.empty((3 if thickness else 1) * n, SIDE * SIDE, dtype=torch.uint8, device=x.device)
        to_bytes(x, out=self.rows[:n])
        if thickness:
            grow_and_shrink(self.rows[:n], out=(self.rows[n:2 * n], self.rows[2 * n:]))

    def __len__(self) -> int:
        return self.size

    @property
    def nbytes(self) -> int:
        """Memory held, in bytes."""
        return self.rows.numel() * self.rows.element_size()


class Draws(NamedTuple):
    """Random changes for B images: theta (B, 2, 3); sign (±1), erode (1 where sign < 0), weight (B, 1)."""

    theta: torch.Tensor
    sign: torch.Tensor
    erode: torch.Tensor
    weight: torch.Tensor


class _Plan(NamedTuple):
    """Random changes drawn for PLAN_BLOCK images at once, handed out chunk by chunk."""

    used: int
    theta: torch.Tensor      # (B, 2, 3)
    weight: torch.Tensor     # (B, 1)
    offsets: torch.Tensor    # (2, B): 0, and where each image's dilation or erosion lies in the bank
    noise: np.ndarray        # (B,) U(0, 1): where a chunk's noise starts in the bank
    bank_size: int


class BatchAugmenter:
    """Applies one Augmentation to whole normalised batches (B, 784) with its own seeded random numbers.

    Written for speed, because the trainer runs it on every image of every epoch
    (bench/augmentation_speed.py): the per-image random numbers and affine maps are a few numpy
    operations on (B,) arrays (dozens of tiny torch calls cost more than the pixel work), the
    sampling grid is one small matrix product instead of affine_grid (20x slower on the CPU), pixel
    noise is read at a random offset from a bank of Gaussian values drawn once (fresh values cost as
    much as a training step) and added in the same pass that returns to the normalised scale, and
    the trainer's chunks start from a PixelBank and reuse their working buffers (`augment_rows`).
    """

    def __init__(self, aug: Augmentation, seed: int, noise_bank: int = NOISE_BANK) -> None:
        self.aug = check_augmentation(aug)
        self.rng = np.random.default_rng(int(seed))
        self.warps = bool(aug.shift_px or aug.rotation_deg or aug.scale)
        # the bank has its own generator, so turning noise on does not change the other random draws
        # (the preview's digits keep their pose while the noise slider moves)
        bank_rng = np.random.default_rng(int(seed) + NOISE_SEED_OFFSET)
        self._noise_bank = (torch.from_numpy(self._noise_values(bank_rng, noise_bank)) if aug.noise else None)
        self._cache: dict[torch.device, tuple[torch.Tensor, torch.Tensor | None]] = {}
        self._plan: _Plan | None = None
        self._buffers: dict[torch.device, tuple[torch.Tensor, ...]] = {}

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        """Augmented copy of x (B, 784); same shape, dtype and device; x itself and labels are untouched."""
        n = len(x)
        if n == 0:
            return x
        draws = self._draw(n, x.device)
        pixels = x.reshape(n, 1, SIDE, SIDE) + OFFSET     # pixels / MNIST_STD: background 0, a new buffer
        if self.aug.thickness:
            pixels = _thicken(pixels, draws.sign.view(n, 1, 1, 1), draws.weight.view(n, 1, 1, 1))
        noise_start = self.rng.random() if self.aug.noise else 0.0
        return self._warp_and_noise(pixels, draws.theta, 1.0, noise_start).reshape(x.shape).to(x.dtype)

    def augment_rows(self, bank: PixelBank, rows: torch.Tensor) -> torch.Tensor:
        """Augmented, normalised float32 copies (B, 784) of the bank's images at `rows` (B,).

        Does what __call__ does to the same images (thickness, then warp, then noise), but starts
        from the bank's uint8 pixels, dilations and erosions, and takes its random numbers from draws
        made for PLAN_BLOCK images at a time: in the training loop every numpy call costs several µs.
        """
        n = len(rows)
        if n == 0:
            return torch.empty(0, SIDE * SIDE, device=rows.device)
        plan = self._planned(n, len(bank), rows.device)
        raw, floats, grid = self._workspace(n, rows.device)
        if self.aug.thickness:   # rows (2, n): the images, then the dilation or erosion of each
            index = torch.add(rows, plan.offsets[:, plan.used:plan.used + n]).view(-1)
            floats.copy_(torch.index_select(bank.rows, 0, index, out=raw))      # 0..255 as float
            pixels = torch.lerp(floats[:n], floats[n:], plan.weight[plan.used:plan.used + n], out=floats[:n])
        else:
            pixels = floats[:n].copy_(torch.index_select(bank.rows, 0, rows, out=raw[:n]))
        if not self.warps:   # the result must not be a workspace buffer: the next call overwrites those
            pixels = pixels.clone()
        theta, noise_start = plan.theta[plan.used:plan.used + n], plan.noise[plan.used]
        out = self._warp_and_noise(pixels.view(n, 1, SIDE, SIDE), theta, PIXEL_SCALE, noise_start, grid)
        return out.view(n, SIDE * SIDE)

    def _workspace(self, n: int, device: torch.device) -> tuple[torch.Tensor, ...]:
        """Buffers reused from call to call: uint8 rows (2n, 784), floats (2n, 784), a grid (2n, 784).

        Fresh buffers of these sizes for every chunk made glibc hand memory back and forth to the
        system: 21 page faults and ~60 µs of system time per training step (bench/augmentation_speed.py).
        """
        work = self._buffers.get(device)
        if work is None or len(work[0]) < 2 * n:
            work = (torch.empty(2 * n, SIDE * SIDE, dtype=torch.uint8, device=device),
                    torch.empty(2 * n, SIDE * SIDE, device=device), torch.empty(2 * n, SIDE * SIDE, device=device))
            self._buffers[device] = work
        return tuple(buffer[:2 * n] for buffer in work)

    def _draw(self, n: int, device: torch.device) -> Draws:
        """Random changes for n images: one numpy call for all of them (U(-1, 1) scaled by the strengths)."""
        u = self.rng.uniform(-1.0, 1.0, (5, n))   # dx, dy, angle, zoom, thickness
        aug = self.aug
        theta = affine_matrices(u[0] * aug.shift_px, u[1] * aug.shift_px, u[2] * math.radians(aug.rotation_deg),
                                1.0 + u[3] * aug.scale)
        amount = (u[4] * aug.thickness).astype(np.float32)
        # up to +strength towards dilation, up to −strength·THINNING towards erosion
        weight = np.abs(amount) * np.where(amount < 0, np.float32(THINNING), np.float32(1.0))
        arrays = (theta, np.where(amount < 0, np.float32(-1.0), np.float32(1.0)), (amount < 0).astype(np.int64),
                  weight.reshape(n, 1))
        return Draws(*(torch.from_numpy(a).to(device) for a in arrays))

    def _planned(self, n: int, bank_size: int, device: torch.device) -> _Plan:
        """The plan whose entries [used, used + n) are the next n images' changes (drawn PLAN_BLOCK at a time)."""
        plan = self._plan
        if plan is None or plan.used + n > len(plan.weight) or plan.bank_size != bank_size:
            size = max(n, PLAN_BLOCK)
            draws = self._draw(size, device)
            offsets = torch.stack([torch.zeros_like(draws.erode), (draws.erode + 1) * bank_size])
            plan = _Plan(0, draws.theta, draws.weight, offsets, self.rng.random(size), bank_size)
        self._plan = plan._replace(used=plan.used + n)
        return plan

    def _warp_and_noise(self, pixels: torch.Tensor, theta: torch.Tensor, scale: float, noise_start: float,
                        grid: torch.Tensor | None = None) -> torch.Tensor:
        """Warp (B, 1, 28, 28), whose background is 0 and pixel/MNIST_STD = value·scale; normalise, add noise."""
        base, bank = self._device_tensors(pixels.device)
        if self.warps:
            pixels = warp(pixels, theta, base, grid)
        q = pixels.reshape(-1)                 # this call's own buffer: every step below works in place
        if bank is None:
            return q.mul_(scale).sub_(OFFSET) if scale != 1.0 else q.sub_(OFFSET)
        # the noise values carry −OFFSET: noise + value·scale is the normalised, noisy pixel in one pass
        torch.add(self._noise(bank, len(q), noise_start), q, alpha=scale, out=q)
        return q.clamp_(-OFFSET, (1.0 - MNIST_MEAN) / MNIST_STD)   # noise is the only step that leaves [0, 1]

    def _device_tensors(self, device: torch.device) -> tuple[torch.Tensor, torch.Tensor | None]:
        if device not in self._cache:
            bank = None if self._noise_bank is None else self._noise_bank.to(device)
            self._cache[device] = (base_grid().to(device), bank)
        return self._cache[device]

    def _noise_values(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """n values σ/MNIST_STD·N(0, 1) − OFFSET, float32."""
        values = rng.standard_normal(n, dtype=np.float32)
        values *= np.float32(self.aug.noise / MNIST_STD)
        values -= np.float32(OFFSET)
        return values

    def _noise(self, bank: torch.Tensor, n: int, start: float) -> torch.Tensor:
        """n noise values: the bank's slice `start` ∈ [0, 1) of the way along, or fresh ones for huge batches."""
        if n > len(bank) // 2:
            return torch.from_numpy(self._noise_values(self.rng, n)).to(bank.device)
        first = int(start * (len(bank) - n))
        return bank[first:first + n]


class ChunkAugmenter:
    """The trainer's augmenter: augmented copies of chunks of the training images, by row number.

    With `background`, the trainer asks for the next chunk (`prepare`) as soon as it takes the
    current one, and a second thread makes it while the current one trains: torch ops release the
    GIL, so on two cores the augmentation costs little wall-clock time, though ~5 % more CPU time
    than in line (bench/augmentation_speed.py prints both). One chunk is made at a time and always
    in the order asked for, so the same seed gives the same images, with or without the thread.
    `pause()` (the trainer calls it whenever run() returns) waits for the chunk in hand, keeps it for
    the next `take`, and ends the thread.
    """

    def __init__(self, aug: Augmentation, seed: int, x: torch.Tensor, background: bool) -> None:
        self.augmenter = BatchAugmenter(aug, seed)
        self._x, self._thickness = x, bool(aug.thickness)
        self._bank: PixelBank | None = None
        self._worker = _Worker(self._make) if background else None

    def take(self, key: Hashable, rows: torch.Tensor) -> torch.Tensor:
        """Augmented images at `rows` (B,) of x, (B, 784): the chunk prepared under `key`, or made now."""
        made = self._worker.result(key) if self._worker is not None else None
        return made if made is not None else self._make(rows)

    def prepare(self, key: Hashable, rows: torch.Tensor) -> None:
        """Start making the chunk of `rows` in the background (nothing to do without a thread)."""
        if self._worker is not None:
            self._worker.submit(key, rows)

    def pause(self) -> None:
        """Let the chunk in hand be finished (it is kept for take) and end the background thread."""
        if self._worker is not None:
            self._worker.stop()

    @property
    def bank(self) -> PixelBank:
        """The PixelBank of x, built on first use (in the training thread, inside run())."""
        if self._bank is None:
            self._bank = PixelBank(self._x, self._thickness)
        return self._bank

    def _make(self, rows: torch.Tensor) -> torch.Tensor:
        return self.augmenter.augment_rows(self.bank, rows)


class _Worker:
    """One background thread that does one job at a time; it ends on stop() or after IDLE_S without work."""

    def __init__(self, work: Callable[[torch.Tensor], torch.Tensor]) -> None:
        self._work = work
        self._changed = threading.Condition()
        self._job: tuple[Hashable, torch.Tensor] | None = None                       # asked for, not yet done
        self._done: tuple[Hashable, torch.Tensor | BaseException] | None = None      # done, not yet taken
        self._thread: threading.Thread | None = None
        self._stopping = False

    def submit(self, key: Hashable, rows: torch.Tensor) -> None:
        """Ask for work(rows); a result not taken by now is dropped."""
        with self._changed:
            self._job, self._done, self._stopping = (key, rows), None, False
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="augmentation", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def result(self, key: Hashable) -> torch.Tensor | None:
        """The result of the job submitted under `key`, once done; None if the last job had another key."""
        with self._changed:
            while self._job is not None:
                self._changed.wait()
            done, self._done = self._done, None
        if done is None or done[0] != key:
            return None
        if isinstance(done[1], BaseException):
            raise done[1]
        return done[1]

    def stop(self) -> None:
        """Finish the job in hand (its result is kept) and end the thread; it starts again on submit."""
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _serve(self) -> None:
        while True:
            with self._changed:
                while self._job is None and not self._stopping and self._changed.wait(IDLE_S):
                    pass
                if self._job is None:   # stopped, or idle for IDLE_S: end (submit starts a new thread)
                    self._thread = None
                    return
                key, rows = self._job
            try:
                out: torch.Tensor | BaseException = self._work(rows)
            except BaseException as error:   # raised again in the training thread, by result()
                out = error
            with self._changed:
                self._job, self._done = None, (key, out)
                self._changed.notify_all()


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


def warp(pixels: torch.Tensor, theta: torch.Tensor, base: torch.Tensor,
         grid: torch.Tensor | None = None) -> torch.Tensor:
    """Resample every image (B, 1, 28, 28) through its own affine map theta (B, 2, 3), zeros outside.

    `grid`, if given, is a (2B, 784) buffer for the sampling grid; the result is always a new tensor.
    """
    n = len(pixels)
    if n <= SMALL_BATCH and theta.device.type == "cpu":
        # the preview runs on the GUI thread: plain numpy arithmetic, so no BLAS or OpenMP thread wakes up
        t, b = theta.numpy(), base.cpu().numpy()
        grid = torch.from_numpy(t[:, :, 0:1] * b[0] + t[:, :, 1:2] * b[1] + t[:, :, 2:3])
    else:
        grid = torch.mm(theta.reshape(n * 2, 3), base, out=grid)
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


def to_bytes(x: torch.Tensor, out: torch.Tensor | None = None) -> torch.Tensor:
    """Normalised images (N, 784) as uint8 pixels 0..255 (exact for 8-bit images such as MNIST's)."""
    pixels = torch.empty(x.shape, dtype=torch.uint8, device=x.device) if out is None else out
    for lo in range(0, len(x), MORPH_CHUNK):   # chunks of ~3 MB: no float temporary as large as the data set
        part = x[lo:lo + MORPH_CHUNK] * (MNIST_STD * 255.0) + MNIST_MEAN * 255.0
        pixels[lo:lo + MORPH_CHUNK] = part.round_().clamp_(0, 255)
    return pixels


def grow_and_shrink(pixels: torch.Tensor, out: tuple[torch.Tensor, torch.Tensor] | None = None
                    ) -> tuple[torch.Tensor, torch.Tensor]:
    """3×3 dilation and erosion of uint8 images (N, 784), as max_pool2d(±x, 3, 1, 1) would give them."""
    dilated, eroded = (torch.empty_like(pixels), torch.empty_like(pixels)) if out is None else out
    for lo in range(0, len(pixels), MORPH_CHUNK):
        images = pixels[lo:lo + MORPH_CHUNK].view(-1, SIDE, SIDE)
        # padding with the extreme uint8 value ignores pixels outside the image, as −∞ padding does
        _morph(images, torch.maximum, 0, out=dilated[lo:lo + MORPH_CHUNK].view(-1, SIDE, SIDE))
        _morph(images, torch.minimum, 255, out=eroded[lo:lo + MORPH_CHUNK].view(-1, SIDE, SIDE))
    return dilated, eroded


def _morph(images: torch.Tensor, pick: Callable, fill: int, out: torch.Tensor) -> torch.Tensor:
    """3×3 maximum or minimum filter of (B, 28, 28) images into out (B, 28, 28).

    Works on each framed 30×30 image as one flat row of 900 values, where the right-hand neighbour
    is +1 and the one below +30 (the frame keeps rows apart): long contiguous rows make the four
    uint8 maxima 25 % faster than on (B, 30, 28) views with rows of 28.
    """
    b = len(images)
    flat = F.pad(images, (1, 1, 1, 1), value=fill).view(b, 900)
    across = pick(flat[:, :-2], flat[:, 1:-1])           # (B, 898): rows of three, centred on i + 1
    pick(across, flat[:, 2:], out=across)
    block = pick(across[:, :-60], across[:, 30:-30])     # (B, 838): 3×3 blocks, centred on j + 31
    pick(block, across[:, 60:], out=block)
    # the block centred on image pixel (r, c) is entry 30·r + c
    return out.copy_(block.as_strided((b, SIDE, SIDE), (block.stride(0), 30, 1)))


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


__all__ = ["LIMITS", "Augmenter", "BatchAugmenter", "ChunkAugmenter", "PixelBank", "make_augmenter",
           "augment_batch", "augment_preview", "affine_matrices", "base_grid", "warp", "thicken", "to_bytes", "grow_and_shrink",
           "check_augmentation"]
