"""core.preprocess: canvas → MNIST's own recipe (crop, longer side 20 px, centre of mass, normalise)."""
from __future__ import annotations

import numpy as np
import pytest

from core.datasets import normalize_pixels
from core.preprocess import BOX, PreprocessResult, centre_of_mass, preprocess, preprocess_batch

SEVEN = [(0.0, 0.0), (1.0, 0.0), (0.45, 1.0)]            # a 7 in a unit box (x right, y down)
FOUR = [(0.6, 0.0), (0.0, 0.65), (1.0, 0.65), (0.6, 0.65), (0.6, 0.0), (0.6, 1.0)]


def draw(points, left: float, top: float, height: float, width: float = 14.0, size: int = 280) -> np.ndarray:
    """Render a polyline (unit-box points scaled by `height`) as a thick anti-aliased stroke, float [0, 1]."""
    p = np.array(points, np.float64) * height + [left, top]
    ys, xs = np.mgrid[0:size, 0:size] + 0.5
    dist = np.full((size, size), np.inf)
    for a, b in zip(p[:-1], p[1:]):
        d = b - a
        t = np.clip(((xs - a[0]) * d[0] + (ys - a[1]) * d[1]) / max(d @ d, 1e-9), 0, 1)
        dist = np.minimum(dist, np.hypot(xs - a[0] - t * d[0], ys - a[1] - t * d[1]))
    return np.clip(width / 2 + 0.5 - dist, 0.0, 1.0).astype(np.float32)


def mean_difference(a: PreprocessResult, b: PreprocessResult) -> float:
    return float(np.abs(a.centred_28 - b.centred_28).mean())


def test_real_mnist_digits_come_out_unchanged(mnist_t10k):
    """MNIST was made by this recipe, so running it again must not move or rescale its digits."""
    images = mnist_t10k[0][:300]
    results = [preprocess(image) for image in images]
    errors = np.array([np.abs(r.centred_28 - image / 255.0).max() for r, image in zip(results, images)])
    assert np.median(errors) < 1e-5
    assert np.mean(errors < 0.06) > 0.97   # only the faintest edge pixels (< 5 % grey) may be cropped off


def test_stages_follow_the_recipe():
    canvas = draw(SEVEN, left=60, top=40, height=180, width=16)
    result = preprocess(canvas)
    top, left, height, width = result.bbox
    assert (top, left) == (int(40 - 8), int(60 - 8))                        # the ink's box, stroke included
    assert result.cropped.shape == (height, width)
    assert max(result.scaled_20.shape) == BOX
    assert result.scaled_20.shape[1] == round(width * BOX / height)         # aspect ratio kept
    assert np.allclose(centre_of_mass(result.centred_28[None])[0], 14.0, atol=0.5)
    assert result.centred_28.dtype == np.float32 and result.centred_28.shape == (28, 28)
    assert 0.0 <= result.centred_28.min() and result.centred_28.max() <= 1.0
    assert np.array_equal(result.model_input, normalize_pixels(result.centred_28).reshape(784))


def test_scaling_averages_areas_so_the_ink_is_conserved():
    canvas = draw(FOUR, left=50, top=30, height=200, width=20)
    result = preprocess(canvas)
    factor = (max(result.scaled_20.shape) / max(result.cropped.shape)) ** 2
    assert result.scaled_20.sum() == pytest.approx(result.cropped.sum() * factor, rel=0.02)
    grey = (result.scaled_20 > 0.05) & (result.scaled_20 < 0.95)
    assert grey.sum() > 10   # anti-aliased edges, as in MNIST, not a hard threshold


@pytest.mark.parametrize("left, top", [(0, 0), (100, 20), (37, 101)])
def test_a_shifted_drawing_gives_the_same_image(left, top):
    reference = preprocess(draw(SEVEN, left=60, top=40, height=150))
    shifted = preprocess(draw(SEVEN, left=left + 10, top=top + 10, height=150))
    assert mean_difference(reference, shifted) < 1e-4


@pytest.mark.parametrize("height, width", [(80, 7.5), (250, 23)])
def test_a_smaller_or_larger_drawing_gives_nearly_the_same_image(height, width):
    reference = preprocess(draw(FOUR, left=40, top=40, height=160, width=15))
    other = preprocess(draw(FOUR, left=10, top=10, height=height, width=width))
    assert mean_difference(reference, other) < 0.03
    assert mean_difference(reference, preprocess(draw(SEVEN, 40, 40, 160, 15))) > 0.1  # another digit differs


def test_a_thicker_pen_gives_a_similar_image_in_the_same_place():
    thin, thick = (preprocess(draw(FOUR, left=40, top=40, height=180, width=w)) for w in (14, 24))
    assert mean_difference(thin, thick) < 0.06
    assert np.corrcoef(thin.centred_28.ravel(), thick.centred_28.ravel())[0, 1] > 0.85
    assert np.allclose(centre_of_mass(thick.centred_28[None])[0], 14.0, atol=0.5)


@pytest.mark.parametrize("canvas", [np.zeros((280, 280), np.uint8), np.zeros((280, 280), np.float32),
                                    np.full((280, 280), 0.01, np.float32), np.full((64, 64), np.nan)])
def test_an_empty_canvas_gives_no_result(canvas):
    assert preprocess(canvas) is None


def test_empty_canvases_in_a_batch_give_blank_images_without_nan():
    canvases = np.zeros((3, 40, 40), np.float32)
    canvases[1, 10:30, 18:22] = 1.0
    images, drawn = preprocess_batch(canvases)
    assert drawn.tolist() == [False, True, False]
    assert np.isfinite(images).all() and images[0].max() == 0 and images[1].max() > 0.9


def test_a_single_dot_is_scaled_up_and_centred():
    canvas = np.zeros((280, 280), np.uint8)
    canvas[200, 10] = 255
    result = preprocess(canvas)
    assert result.bbox == (200, 10, 1, 1)
    assert result.scaled_20.shape == (20, 20) and np.isfinite(result.model_input).all()
    assert np.allclose(centre_of_mass(result.centred_28[None])[0], 14.0, atol=0.5)


@pytest.mark.parametrize("rows, cols, shape", [(slice(135, 145), slice(None), (1, 20)),
                                               (slice(None), slice(0, 3), (20, 1)),
                                               (slice(None), slice(None), (20, 20))])
def test_lines_across_the_whole_canvas_do_not_crash(rows, cols, shape):
    canvas = np.zeros((280, 280), np.float32)
    canvas[rows, cols] = 1.0
    result = preprocess(canvas)
    assert result.scaled_20.shape == shape
    assert np.isfinite(result.model_input).all() and result.centred_28.max() <= 1.0


def test_a_diagonal_line_corner_to_corner():
    result = preprocess(draw([(0, 0), (1, 1)], left=0, top=0, height=279, width=10))
    assert result.scaled_20.shape == (20, 20)
    assert np.isfinite(result.model_input).all()


def test_uint8_and_float_canvases_agree():
    canvas = draw(SEVEN, left=30, top=50, height=170)
    as_uint8 = np.round(canvas * 255).astype(np.uint8)
    assert mean_difference(preprocess(canvas), preprocess(as_uint8)) < 0.005


def test_any_square_size_works_the_same():
    small = preprocess(draw(FOUR, left=8, top=8, height=48, width=4.5, size=64))
    large = preprocess(draw(FOUR, left=40, top=40, height=192, width=18, size=280))
    assert mean_difference(small, large) < 0.03


def test_the_batch_path_matches_the_single_path():
    rng = np.random.default_rng(1)
    canvases = np.stack([draw(SEVEN if i % 2 else FOUR, *rng.uniform(0, 25, 2), rng.uniform(10, 30),
                              width=rng.uniform(1.5, 4), size=56) for i in range(12)])
    images, drawn = preprocess_batch(canvases, chunk=5)
    assert drawn.all()
    for canvas, image in zip(canvases, images):
        assert np.abs(preprocess(canvas).centred_28 - image).max() < 1e-4


def test_a_canvas_must_be_two_dimensional():
    with pytest.raises(ValueError, match="2-D"):
        preprocess(np.zeros((2, 28, 28)))
