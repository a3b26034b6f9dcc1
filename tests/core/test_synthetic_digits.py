"""core.synthetic_digits: offline handwriting drawn by code, preprocessed like MNIST, cached."""
from __future__ import annotations

import numpy as np
import pytest

from core import synthetic_digits as sd
from core.datasets import load_dataset
from core.paths import user_cache_dir
from core.preprocess import centre_of_mass


@pytest.fixture
def small_sets(monkeypatch):
    """Shrink the generated sets so cache tests run in a blink."""
    monkeypatch.setattr(sd, "N_TRAIN", 300)
    monkeypatch.setattr(sd, "N_TEST", 100)


def test_catmull_rom_passes_through_its_points_and_two_points_make_a_line():
    points = np.array([[0.0, 0.0], [0.3, 0.5], [0.9, 0.2], [1.0, 1.0]])
    curve = sd.catmull_rom_basis(points, spacing=0.05) @ points
    for point in points:
        assert np.min(np.linalg.norm(curve - point, axis=1)) < 1e-9
    line = sd.catmull_rom_basis(points[:2], spacing=0.05) @ points[:2]
    direction = points[1] / np.linalg.norm(points[1])
    assert np.allclose(line - (line @ direction)[:, None] * direction, 0.0, atol=1e-12)


def test_a_corner_is_kept_sharp():
    stroke = ((0.0, 0.0, 1), (1.0, 0.0, 1), (1.0, 1.0))
    basis, points = sd.stroke_basis(stroke)
    curve = basis @ points
    first_leg = curve[curve[:, 1] == 0.0]
    assert first_leg[:, 0].max() == pytest.approx(1.0)   # the path reaches the corner before turning
    assert np.all((curve[:, 0] > 1 - 1e-9) | (curve[:, 1] < 1e-9))   # and never cuts it


def test_rasterised_segment_has_the_pen_width_and_soft_edges():
    canvas = sd.rasterise(np.array([[10.0, 20.0]]), np.array([[30.0, 20.0]]), np.array([2.5]), np.array([0]),
                          n_images=1, size=40)[0]
    assert canvas.max() == pytest.approx(1.0)
    assert canvas[20, 10:30].min() == pytest.approx(1.0)                   # solid along the middle
    assert canvas.sum() == pytest.approx(20 * 5 + np.pi * 2.5**2, rel=0.03)  # capsule area: round ends
    edge = canvas[(canvas > 0) & (canvas < 1)]
    assert edge.size > 20                                                   # anti-aliased, not jagged
    assert canvas[20, 0:6].max() == 0.0 and canvas[0:15].max() == 0.0


def test_segments_of_one_image_never_ink_another():
    starts, ends = np.array([[5.0, 5.0], [20.0, 20.0]]), np.array([[35.0, 35.0], [20.0, 20.0]])
    canvases = sd.rasterise(starts, ends, np.array([3.0, 4.0]), np.array([0, 2]), n_images=3, size=40)
    assert canvases[1].max() == 0.0 and canvases[0].max() == 1.0 and canvases[2].max() == 1.0


def test_generated_digits_look_like_mnist(mnist_t10k):
    images, labels = sd.generate_digits(500, np.random.default_rng(0))
    assert images.dtype == np.uint8 and images.shape == (500, 28, 28) and labels.dtype == np.int64
    assert np.bincount(labels, minlength=10).tolist() == [50] * 10
    ink = images > 0
    rows, cols = ink.any(axis=2), ink.any(axis=1)
    extent = np.maximum(rows.sum(1) + 0, cols.sum(1))
    assert np.all(ink.any(axis=(1, 2)))
    assert np.median(extent) >= 19                          # the longer side fills MNIST's 20-px box
    assert np.allclose(centre_of_mass(images.astype(float)), 14.0, atol=0.6)
    real = mnist_t10k[0][:2000] / 255.0
    assert abs(images.mean() / 255 - real.mean()) < 0.05    # about as much ink as real digits


def test_nearest_class_mean_of_synthetic_digits_reads_real_mnist(mnist_t10k):
    """A cheap realism check: class averages learnt from synthetic digits classify real ones."""
    images, labels = sd.generate_digits(2000, np.random.default_rng(1))
    means = np.stack([images[labels == d].reshape(-1, 784).mean(0) for d in range(10)]) / 255.0
    real, truth = mnist_t10k[0][:2000].reshape(-1, 784) / 255.0, mnist_t10k[1][:2000]
    distances = ((real[:, None, :] - means[None]) ** 2).sum(-1)
    assert (distances.argmin(1) == truth).mean() > 0.55   # chance is 0.10


def test_the_same_seed_gives_the_same_digits_and_another_seed_others():
    a = sd.generate_digits(60, np.random.default_rng([3, 1]))
    b = sd.generate_digits(60, np.random.default_rng([3, 1]))
    c = sd.generate_digits(60, np.random.default_rng([4, 1]))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_load_caches_and_reuses_the_digits(small_sets, monkeypatch):
    train_x, train_y, test_x, test_y = sd.load_synthetic_digits(seed=2)
    assert train_x.shape == (300, 28, 28) and test_x.shape == (100, 28, 28)
    assert train_y.dtype == np.int64 and set(np.unique(test_y)) == set(range(10))
    assert sd.cache_path(2).parent == user_cache_dir() and sd.cache_path(2).exists()
    monkeypatch.setattr(sd, "generate_digits", lambda *a: pytest.fail("the cache was not used"))
    again = sd.load_synthetic_digits(seed=2)
    assert all(np.array_equal(x, y) for x, y in zip(again, (train_x, train_y, test_x, test_y)))


@pytest.mark.parametrize("damage", [b"", b"not a zip file", None])
def test_a_damaged_cache_is_regenerated(small_sets, damage):
    original = sd.load_synthetic_digits(seed=5)
    path = sd.cache_path(5)
    data = path.read_bytes()
    path.write_bytes(damage if damage is not None else data[: len(data) // 2])
    regenerated = sd.load_synthetic_digits(seed=5)
    assert all(np.array_equal(x, y) for x, y in zip(regenerated, original))
    assert sd._read_cache(path) is not None   # rewritten whole


def test_a_cache_of_the_wrong_size_is_not_trusted(small_sets, monkeypatch):
    sd.load_synthetic_digits(seed=1)
    monkeypatch.setattr(sd, "N_TRAIN", 310)
    assert sd._read_cache(sd.cache_path(1)) is None
    assert sd.load_synthetic_digits(seed=1)[0].shape == (310, 28, 28)


def test_an_unwritable_cache_still_returns_digits(small_sets, monkeypatch):
    def refuse(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sd, "atomic_write_bytes", refuse)
    train_x, *_ = sd.load_synthetic_digits(seed=3)
    assert train_x.shape == (300, 28, 28) and not sd.cache_path(3).exists()


def test_the_synthetic_digits_dataset_loads_through_core_datasets(small_sets):
    dataset = load_dataset("Synthetic digits", seed=0)
    assert dataset.is_image and dataset.class_names == tuple("0123456789")
    assert dataset.split_sizes["test"] == 100
    assert dataset.split_sizes["train"] + dataset.split_sizes["val"] == 300
