"""Canvas pixels to a 28×28 MNIST-like input, the way MNIST itself was made, every stage kept.

MNIST's recipe (LeCun et al.): the ink's bounding box is scaled so that its longer side is 20 px,
keeping the aspect ratio, with anti-aliasing (grey edges); the result is placed in a 28×28 field so
that its centre of mass lands on the centre pixel (14, 14). Measured on the real test set: every
digit's ink spans exactly 20 px along its longer side and its centre of mass sits at (14.0, 14.0)
± 0.29 px, the spread of a whole-pixel shift. Draw-a-digit demos that skip these steps fail on
drawings that are off-centre, too small or too big.

Everything is numpy and works on batches: the synthetic digits go through exactly this code.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.datasets import normalize_pixels

BOX = 20              # MNIST: the longer side of the ink's bounding box, in pixels
SIZE = 28             # the field the box is placed in
CENTRE = 14.0         # where MNIST puts the centre of mass (row, column), measured on t10k
INK_THRESHOLD = 0.05  # a pixel darker than this counts as ink for the bounding box
SMALL_BATCH = 8       # up to this many canvases the resize avoids BLAS (see _matmul)


@dataclass(frozen=True)
class PreprocessResult:
    """Every stage of the pipeline for one drawing, for display and for the model."""

    bbox: tuple[int, int, int, int]   # (top, left, height, width) of the ink on the canvas
    cropped: np.ndarray               # float32 (height, width) in [0, 1]: the ink's bounding box
    scaled_20: np.ndarray             # float32 (h, w), longer side 20: the box after anti-aliased scaling
    centred_28: np.ndarray            # float32 (28, 28) in [0, 1]: centre of mass at (14, 14)
    model_input: np.ndarray           # float32 (784,): centred_28 normalised like the training data
    shift: tuple[int, int]            # (rows, columns) the scaled box was moved by inside the 28×28


def to_unit(canvas: np.ndarray) -> np.ndarray:
    """Pixels as float32 in [0, 1] (ink = 1); uint8 is divided by 255, NaN counts as no ink."""
    a = np.asarray(canvas)
    if a.dtype == np.uint8:
        return a.astype(np.float32) / np.float32(255.0)
    a = a.astype(np.float32, copy=False)
    return np.where(a > 0, np.minimum(a, np.float32(1.0)), np.float32(0.0))


def ink_boxes(canvases: np.ndarray, threshold: float = INK_THRESHOLD) -> np.ndarray:
    """(top, left, height, width) of the ink of each canvas (N, H, W); height 0 = empty."""
    ink = canvases > threshold
    rows, cols = ink.any(axis=2), ink.any(axis=1)               # (N, H), (N, W)
    top, left = rows.argmax(axis=1), cols.argmax(axis=1)
    bottom = rows.shape[1] - rows[:, ::-1].argmax(axis=1)
    right = cols.shape[1] - cols[:, ::-1].argmax(axis=1)
    empty = ~rows.any(axis=1)
    height, width = np.where(empty, 0, bottom - top), np.where(empty, 0, right - left)
    return np.stack([top, left, height, width], axis=1).astype(np.int64)


def scaled_sizes(heights: np.ndarray, widths: np.ndarray, box: int = BOX) -> tuple[np.ndarray, np.ndarray]:
    """Size of each box after scaling its longer side to `box` px, keeping the aspect ratio (≥ 1 px)."""
    longer = np.maximum(np.maximum(heights, widths), 1)
    h = np.clip(np.floor(heights * box / longer + 0.5), 1, box).astype(np.int64)
    w = np.clip(np.floor(widths * box / longer + 0.5), 1, box).astype(np.int64)
    return h, w


def area_matrices(starts: np.ndarray, lengths: np.ndarray, sizes: np.ndarray, n_in: int,
                  box: int = BOX) -> np.ndarray:
    """Resampling matrices (N, box, n_in) that shrink or stretch span [start, start + length) to `size` px.

    Output pixel j averages the input interval [start + j·s, start + (j+1)·s), s = length / size,
    each input pixel counting by how much of it lies inside: anti-aliasing by area, as MNIST's
    normalisation did. Rows j ≥ size are zero, so every image fits one box × box array.
    """
    f32 = np.float32
    step = (np.maximum(lengths, 1) / np.maximum(sizes, 1)).astype(f32)[:, None, None]  # (N, 1, 1); blank: 1
    lo = starts.astype(f32)[:, None, None] + np.arange(box, dtype=f32)[None, :, None] * step  # (N, box, 1)
    pixel = np.arange(n_in, dtype=f32)                                          # (n_in,)
    weights = np.minimum(pixel + f32(1), lo + step)                             # overlap of pixel and span
    weights -= np.maximum(pixel, lo)
    np.clip(weights, f32(0), None, out=weights)
    weights /= step
    weights *= np.arange(box)[None, :, None] < sizes[:, None, None]
    return weights


def scale_boxes(canvases: np.ndarray, boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each canvas's ink box scaled to a longer side of 20 px: (N, 20, 20) top-left aligned, heights, widths."""
    top, left, height, width = boxes.T
    h, w = scaled_sizes(height, width)
    rows = area_matrices(top, height, h, canvases.shape[1])                     # (N, 20, H)
    cols = area_matrices(left, width, w, canvases.shape[2])                     # (N, 20, W)
    tall = _matmul(rows, canvases)                                               # (N, 20, W)
    scaled = _matmul(tall, cols.transpose(0, 2, 1))                              # (N, 20, 20)
    return np.clip(scaled, 0.0, 1.0), h, w


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b for stacks of matrices: BLAS for batches, numpy's own loop for a single drawing.

    BLAS starts threads for a 20×200×80 product, and on a busy 2-core machine waiting for them
    added 10-20 ms spikes to the 0.3 ms live preprocessing; einsum stays on the calling thread.
    """
    return a @ b if len(a) > SMALL_BATCH else np.einsum("nij,njk->nik", a, b)


def centre_of_mass(images: np.ndarray) -> np.ndarray:
    """(row, column) of the centre of mass of each image (N, H, W); the middle for a blank one."""
    mass = images.sum(axis=(1, 2))
    safe = np.where(mass > 0, mass, 1.0)
    rows = (images.sum(axis=2) * np.arange(images.shape[1])).sum(axis=1) / safe
    cols = (images.sum(axis=1) * np.arange(images.shape[2])).sum(axis=1) / safe
    middle = (np.array(images.shape[1:]) - 1) / 2.0
    return np.where((mass > 0)[:, None], np.stack([rows, cols], axis=1), middle)


def place_by_mass(scaled: np.ndarray, size: int = SIZE, centre: float = CENTRE) -> tuple[np.ndarray, np.ndarray]:
    """Put each scaled box (N, b, b) into a size×size field, moved by whole pixels so that its centre
    of mass is at (centre, centre); returns the fields and the (row, column) shifts."""
    n, box = scaled.shape[0], scaled.shape[1]
    shift = np.floor(centre - centre_of_mass(scaled) + 0.5).astype(np.int64)    # (N, 2)
    padded = np.zeros((n, box + 1, box + 1), scaled.dtype)                      # index `box` = outside
    padded[:, :box, :box] = scaled
    source = np.arange(size)[None, :, None] - shift[:, None, :]                 # (N, size, 2)
    source = np.where((source >= 0) & (source < box), source, box)
    fields = padded[np.arange(n)[:, None, None], source[:, :, 0, None], source[:, None, :, 1]]
    return fields, shift


def preprocess_batch(canvases: np.ndarray, chunk: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """Many canvases (N, H, W) at once: the centred 28×28 images (float32 [0, 1]) and which were non-empty."""
    fields = np.zeros((len(canvases), SIZE, SIZE), np.float32)
    drawn = np.zeros(len(canvases), bool)
    for lo in range(0, len(canvases), chunk):  # chunks keep the temporaries in the CPU cache
        part = to_unit(canvases[lo:lo + chunk])
        boxes = ink_boxes(part)
        scaled, _, _ = scale_boxes(part, boxes)
        drawn[lo:lo + chunk] = boxes[:, 2] > 0
        fields[lo:lo + chunk] = place_by_mass(scaled)[0] * drawn[lo:lo + chunk, None, None]
    return fields, drawn


def preprocess(canvas: np.ndarray) -> PreprocessResult | None:
    """One drawing (H, W; uint8 or float in [0, 1], ink bright) through the MNIST pipeline; None if blank."""
    canvas = np.asarray(canvas)
    if canvas.ndim != 2:
        raise ValueError(f"A canvas must be a 2-D image, not an array of shape {canvas.shape}.")
    threshold = INK_THRESHOLD * 255 if canvas.dtype == np.uint8 else INK_THRESHOLD
    top, left, height, width = (int(v) for v in ink_boxes(canvas[None], threshold)[0])
    if height == 0:
        return None
    cropped = to_unit(canvas[top:top + height, left:left + width])  # convert only the ink's box
    scaled, h, w = scale_boxes(cropped[None], np.array([[0, 0, height, width]]))  # crop first: less to sum
    fields, shift = place_by_mass(scaled)
    centred = fields[0].astype(np.float32)
    return PreprocessResult(
        bbox=(top, left, height, width),
        cropped=cropped,
        scaled_20=scaled[0, :int(h[0]), :int(w[0])].astype(np.float32),
        centred_28=centred,
        model_input=normalize_pixels(centred).reshape(-1),
        shift=(int(shift[0, 0]), int(shift[0, 1])),
    )
