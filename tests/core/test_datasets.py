"""core.datasets: IDX reading and validation, folder layouts, splits, toy sets (no network)."""
from __future__ import annotations

import gzip
import hashlib
import struct
import sys
import tempfile
import time
import tracemalloc
import types
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import datasets
from core.datasets import (DATASET_NAMES, IMAGE_DATASETS, MNIST_MEAN, MNIST_STD, Dataset,
                           dataset_class_names, dataset_input_shape, dataset_task, find_idx_files,
                           load_dataset, load_idx_pair, locate, normalize_pixels, read_idx, to_pixels)
from core.errors import DatasetError

TOY_NAMES = [n for n in DATASET_NAMES if n not in IMAGE_DATASETS]
TWO_D_NAMES = ["Two gaussians", "Circle", "XOR", "Spiral"]
CURVE_NAMES = ["Line", "Parabola", "Sine"]


# ---------------------------------------------------------------- helpers

def idx_bytes(array: np.ndarray, magic: int | None = None, dims: tuple[int, ...] | None = None) -> bytes:
    """IDX encoding of a uint8 array, with an optionally lying magic or header."""
    array = np.asarray(array, np.uint8)
    magic = (0x800 + array.ndim) if magic is None else magic
    dims = array.shape if dims is None else dims
    return struct.pack(f">I{len(dims)}I", magic, *dims) + array.tobytes()


def random_images(n: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (n, 28, 28), dtype=np.uint8)


def digit_labels(n: int) -> np.ndarray:
    return (np.arange(n) % 10).astype(np.uint8)


def write(path: Path, data: bytes, compress: bool = False) -> Path:
    path.write_bytes(gzip.compress(data, compresslevel=1) if compress else data)
    return path


def write_pair(folder: Path, split: str, n: int, names: tuple[str, str] | None = None,
               compress: bool = True, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Write a valid images/labels pair of n items under standard (or given) names."""
    folder.mkdir(parents=True, exist_ok=True)
    gz = ".gz" if compress else ""
    names = names or (f"{split}-images-idx3-ubyte{gz}", f"{split}-labels-idx1-ubyte{gz}")
    images, labels = random_images(n, seed), digit_labels(n)
    write(folder / names[0], idx_bytes(images), compress)
    write(folder / names[1], idx_bytes(labels), compress)
    return images, labels


@pytest.fixture
def no_system_copies(monkeypatch, tmp_path):
    """Pretend no distribution package is installed, whatever this machine has."""
    empty = tmp_path / "no-system-copy"
    monkeypatch.setattr(datasets, "SYSTEM_DIRS", {"MNIST": (empty,), "Fashion-MNIST": (empty,)})
    return empty


# ---------------------------------------------------------------- real data (D-15)

def test_real_t10k_reads_10000_images_and_digit_labels(mnist_t10k_dir, mnist_t10k):
    images = read_idx(mnist_t10k_dir / "t10k-images-idx3-ubyte.gz")
    labels = read_idx(mnist_t10k_dir / "t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and set(np.unique(labels)) == set(range(10))
    np.testing.assert_array_equal(images, mnist_t10k[0])
    np.testing.assert_array_equal(labels, mnist_t10k[1])


def test_real_t10k_files_have_the_published_md5(mnist_t10k_dir):
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        digest = hashlib.md5((mnist_t10k_dir / name).read_bytes()).hexdigest()
        assert digest == datasets.CHECKSUMS["MNIST"][name]


def test_read_idx_max_items_reads_only_the_first_items(mnist_t10k_dir, mnist_t10k):
    images = read_idx(mnist_t10k_dir / "t10k-images-idx3-ubyte.gz", max_items=50)
    np.testing.assert_array_equal(images, mnist_t10k[0][:50])


def test_lone_t10k_folder_is_split_7000_1000_2000_and_covers_every_image(mnist_t10k_dir, mnist_t10k):
    data = load_dataset("MNIST", folder=mnist_t10k_dir)
    assert data.split_sizes == {"train": 7000, "val": 1000, "test": 2000}
    assert "test set" in data.source and str(mnist_t10k_dir) in data.source
    x = np.concatenate([data.x_train, data.x_val, data.x_test])
    y = np.concatenate([data.y_train, data.y_val, data.y_test])
    assert x.dtype == np.float32 and x.shape == (10000, 784) and y.dtype == np.int64
    # the three splits are disjoint and together hold every original image with its label
    pixels = np.rint(to_pixels(x) * 255).astype(np.int64).reshape(10000, -1)
    original = mnist_t10k[0].reshape(10000, -1).astype(np.int64)
    key = lambda p, lab: np.sort(p @ np.arange(1, 785) * 10 + lab)  # noqa: E731
    np.testing.assert_array_equal(key(pixels, y), key(original, mnist_t10k[1].astype(np.int64)))


def test_images_are_normalised_with_the_mnist_mean_and_std(mnist_t10k_dir, mnist_t10k):
    data = load_dataset("MNIST", folder=mnist_t10k_dir)
    first_train = 0  # the training split keeps the original order
    expected = normalize_pixels(mnist_t10k[0][first_train].reshape(-1) / 255.0)
    np.testing.assert_allclose(data.x_train[0], expected, atol=1e-6)
    assert data.x_train.flags.c_contiguous
    assert data.x_train.min() == pytest.approx(-MNIST_MEAN / MNIST_STD, abs=1e-6)


def test_split_depends_on_seed_and_only_on_seed(mnist_t10k_dir):
    a = load_dataset("MNIST", folder=mnist_t10k_dir, seed=1)
    b = load_dataset("MNIST", folder=mnist_t10k_dir, seed=1)
    c = load_dataset("MNIST", folder=mnist_t10k_dir, seed=2)
    np.testing.assert_array_equal(a.x_val, b.x_val)
    assert not np.array_equal(a.y_val, c.y_val)


@pytest.fixture(scope="module")
def fashion(fashion_dir) -> Dataset:
    return load_dataset("Fashion-MNIST")


def test_fashion_system_copy_is_found(fashion_dir, isolated_user_dirs):
    assert locate("Fashion-MNIST") == fashion_dir


def test_fashion_system_copy_loads_60000_training_images(fashion, fashion_dir):
    assert fashion.split_sizes == {"train": 55000, "val": 5000, "test": 10000}  # 60,000 before the split
    assert fashion.class_names[0] == "T-shirt/top" and fashion.class_names[9] == "Ankle boot"
    assert "Debian" in fashion.source and str(fashion_dir) in fashion.source
    assert set(np.unique(fashion.y_test)) == set(range(10))
    assert fashion.x_train.shape == (55000, 784) and fashion.is_image


# ---------------------------------------------------------------- IDX validation (D-11)

IMAGES = random_images(6)
LABELS = digit_labels(6)

BAD_FILES = {
    "wrong magic": (b"\x12\x34" + idx_bytes(IMAGES)[2:], "not an IDX"),
    "wrong type code": (idx_bytes(IMAGES, magic=0x0D03), "32-bit float"),
    "two dimensions": (idx_bytes(IMAGES.reshape(6, 784), magic=0x0802), "2-dimensional"),
    "not 28x28": (idx_bytes(np.zeros((6, 32, 32), np.uint8)), "32×32"),
    "short payload": (idx_bytes(IMAGES)[:-100], "cut short"),
    "long payload": (idx_bytes(IMAGES) + b"\0" * 784, "more data than"),
    "labels above 9": (idx_bytes(np.array([1, 2, 12, 3], np.uint8)), "label 12 at position 2"),
    "no images": (idx_bytes(np.zeros((0, 28, 28), np.uint8)), "no items"),
    "no labels": (idx_bytes(np.zeros(0, np.uint8)), "no items"),
    "header cut": (idx_bytes(IMAGES)[:10], "too short"),
    "empty": (b"", "too short"),
    "claims too many": (idx_bytes(IMAGES, dims=(10**6, 28, 28)), "too large"),
}


@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gz"])
@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_idx_files_raise_a_sentence_naming_file_and_problem(case, compress, tmp_path):
    data, problem = BAD_FILES[case]
    path = write(tmp_path / "t10k-images-idx3-ubyte", data, compress)
    with pytest.raises(DatasetError) as caught:
        read_idx(path)
    message = str(caught.value)
    assert problem in message and str(path) in message
    assert "Traceback" not in message and message.endswith(".")


def test_swapped_files_are_reported(tmp_path):
    images = write(tmp_path / "images", idx_bytes(IMAGES))
    labels = write(tmp_path / "labels", idx_bytes(LABELS))
    with pytest.raises(DatasetError, match="swapped"):
        load_idx_pair(labels, images)
    with pytest.raises(DatasetError, match="holds images, not labels"):
        load_idx_pair(images, images)


def test_count_mismatch_between_images_and_labels_is_reported(tmp_path):
    images = write(tmp_path / "images", idx_bytes(IMAGES))
    labels = write(tmp_path / "labels", idx_bytes(digit_labels(5)))
    with pytest.raises(DatasetError, match="6 images but .* 5 labels"):
        load_idx_pair(images, labels)


def test_a_valid_pair_reads_back_exactly(tmp_path):
    images = write(tmp_path / "images.gz", idx_bytes(IMAGES), compress=True)
    labels = write(tmp_path / "labels", idx_bytes(LABELS))
    got_images, got_labels = load_idx_pair(images, labels)
    np.testing.assert_array_equal(got_images, IMAGES)
    np.testing.assert_array_equal(got_labels, LABELS)


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p], ids=["missing", "folder"])
def test_unreadable_paths_raise_dataset_error(make, tmp_path):
    with pytest.raises(DatasetError, match="cannot be read"):
        read_idx(make(tmp_path))


# ---------------------------------------------------------------- gzip faults (D-12)

def test_truncated_gzip_is_reported_as_damaged(tmp_path):
    whole = gzip.compress(idx_bytes(random_images(50)))
    path = write(tmp_path / "t10k-images-idx3-ubyte.gz", whole[: len(whole) // 2])
    with pytest.raises(DatasetError, match="damaged"):
        read_idx(path)


def test_bit_flip_inside_gzip_is_reported_as_damaged(tmp_path):
    whole = bytearray(gzip.compress(idx_bytes(random_images(50))))
    whole[len(whole) // 2] ^= 0x01
    path = write(tmp_path / "t10k-images-idx3-ubyte.gz", bytes(whole))
    with pytest.raises(DatasetError, match="damaged"):
        read_idx(path)


def zeros_gzip(header: bytes, megabytes: int) -> bytes:
    """A gzip stream of `header` followed by `megabytes` MB of zeros (a few KB on disk)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [packer.compress(header)] + [packer.compress(block) for _ in range(megabytes)]
    return b"".join(parts) + packer.flush()


def peak_memory_of(call) -> int:
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_gzip_bomb_claiming_a_gigabyte_is_refused_without_allocating_it(tmp_path):
    count = 1_300_000  # 1.3 M images × 784 bytes ≈ 1 GB announced
    path = write(tmp_path / "bomb.gz", zeros_gzip(struct.pack(">IIII", 0x803, count, 28, 28), 16))
    started = time.perf_counter()
    peak = peak_memory_of(lambda: pytest.raises(DatasetError, read_idx, path))
    assert time.perf_counter() - started < 2.0  # refused from the header, not after inflating
    assert peak < 5_000_000
    with pytest.raises(DatasetError, match="too large"):
        read_idx(path)


def test_gzip_bomb_with_a_modest_header_stops_after_the_announced_bytes(tmp_path):
    header = struct.pack(">IIII", 0x803, 100, 28, 28)  # 78 KB announced, 64 MB inside
    path = write(tmp_path / "bomb.gz", zeros_gzip(header, 64))
    peak = peak_memory_of(lambda: pytest.raises(DatasetError, read_idx, path))
    assert peak < 5_000_000
    with pytest.raises(DatasetError, match="more data than its header"):
        read_idx(path)


# ---------------------------------------------------------------- fuzz (D-14)

def _valid_idx(kind: str, n: int) -> bytes:
    return idx_bytes(random_images(n) if kind == "images" else digit_labels(n))


fuzz_inputs = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda head, body: head + body,  # plausible headers with arbitrary payloads
              st.sampled_from([b"\0\0\x08\x03", b"\0\0\x08\x01", b"\0\0\x08\x02", b"\0\0\x0d\x03"]),
              st.binary(max_size=4000)),
    st.builds(lambda kind, n, cut, flip: _mutate(_valid_idx(kind, n), cut, flip),
              st.sampled_from(["images", "labels"]), st.integers(1, 3),
              st.integers(0, 3000), st.integers(0, 3000)),
)


def _mutate(data: bytes, cut: int, flip: int) -> bytes:
    data = bytearray(data[: max(1, len(data) - cut % len(data))])
    data[flip % len(data)] ^= 0xFF
    return bytes(data)


@pytest.fixture(scope="module")
def fuzz_dir():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=fuzz_inputs, compress=st.booleans())
def test_fuzzed_idx_bytes_only_ever_raise_dataset_error(data, compress, fuzz_dir):
    path = write(fuzz_dir / "fuzz-images-idx3-ubyte", data, compress)
    try:
        result = read_idx(path)
    except DatasetError:
        return
    assert result.dtype == np.uint8 and result.shape[1:] in [(28, 28), ()]  # only valid files pass


# ---------------------------------------------------------------- folder layouts (D-13)

LAYOUTS = {
    "standard gz": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", True),
    "standard raw": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", False),
    "dot names": ("t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte", False),
    "upper case": ("T10K-IMAGES-IDX3-UBYTE.GZ", "T10K-Labels-Idx1-Ubyte.GZ", True),
    "underscores": ("t10k_images_idx3_ubyte", "t10k_labels_idx1_ubyte", False),
    "raw file named .gz": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", False),
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_common_file_spellings_are_found_and_load(layout, tmp_path):
    images_name, labels_name, compress = LAYOUTS[layout]
    images, labels = write_pair(tmp_path, "t10k", 20, (images_name, labels_name), compress)
    (tmp_path / ("._" + images_name)).write_bytes(b"macOS resource fork")  # must be ignored
    found = find_idx_files(tmp_path, "t10k")
    assert found == (tmp_path / images_name, tmp_path / labels_name)
    np.testing.assert_array_equal(load_idx_pair(*found)[0], images)
    assert find_idx_files(tmp_path, "train") is None


def test_kaggle_layout_with_a_folder_per_file_is_found(tmp_path):
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"):
        (tmp_path / name).mkdir()
    write_pair(tmp_path, "train", 12, ("train-images-idx3-ubyte/train-images-idx3-ubyte",
                                       "train-labels-idx1-ubyte/train-labels-idx1-ubyte"), False)
    images, labels = find_idx_files(tmp_path, "train")
    assert images.is_file() and images.parent.name == "train-images-idx3-ubyte"


def test_a_lone_images_file_or_other_names_are_not_a_pair(tmp_path):
    write(tmp_path / "t10k-images-idx3-ubyte.gz", idx_bytes(IMAGES), True)
    write(tmp_path / "t10k-labels-idx1-ubyte.zip", idx_bytes(LABELS))
    write(tmp_path / "my-t10k-labels-idx1-ubyte", idx_bytes(LABELS))
    assert find_idx_files(tmp_path, "t10k") is None
    assert find_idx_files(tmp_path / "absent", "t10k") is None


def test_locate_prefers_user_folder_then_cache_then_system(tmp_path, monkeypatch):
    from core.paths import user_cache_dir
    user, system = tmp_path / "mine", tmp_path / "system"
    monkeypatch.setattr(datasets, "SYSTEM_DIRS", {"MNIST": (system,), "Fashion-MNIST": ()})
    for folder in (user, user_cache_dir() / "MNIST", system):
        write_pair(folder, "t10k", 10)
    assert locate("MNIST", user) == user
    assert locate("MNIST", tmp_path / "empty") == user_cache_dir() / "MNIST"
    for path in (user_cache_dir() / "MNIST").iterdir():
        path.unlink()
    assert locate("MNIST") == system
    for path in system.iterdir():
        path.unlink()
    assert locate("MNIST") is None
    assert locate("Caveman") is None


def test_an_unwritable_cache_folder_does_not_break_locate(monkeypatch, no_system_copies):
    def read_only_home():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(datasets, "user_cache_dir", read_only_home)
    assert locate("MNIST") is None
    with pytest.raises(DatasetError, match="not on this computer"):
        load_dataset("MNIST")


def test_locate_understands_torchvision_raw_folders(tmp_path, no_system_copies):
    write_pair(tmp_path / "FashionMNIST" / "raw", "train", 24)
    assert locate("Fashion-MNIST", tmp_path) == tmp_path / "FashionMNIST" / "raw"


# ---------------------------------------------------------------- loading image datasets

def test_missing_mnist_says_so_and_never_downloads(monkeypatch, no_system_copies):
    monkeypatch.setattr(datasets, "download", lambda *a, **k: pytest.fail("load_dataset downloaded"))
    with pytest.raises(DatasetError, match="MNIST is not on this computer yet"):
        load_dataset("MNIST")


def test_a_chosen_folder_without_files_is_named_in_the_error(tmp_path):
    with pytest.raises(DatasetError) as caught:
        load_dataset("Fashion-MNIST", folder=tmp_path)
    assert str(tmp_path) in str(caught.value) and "no Fashion-MNIST files" in str(caught.value)


def test_train_and_test_pairs_carve_one_twelfth_for_validation(tmp_path):
    train_images, train_labels = write_pair(tmp_path, "train", 120, seed=1)
    test_images, _ = write_pair(tmp_path, "t10k", 30, seed=2)
    data = load_dataset("MNIST", folder=tmp_path)
    assert data.split_sizes == {"train": 110, "val": 10, "test": 30}  # as 55,000/5,000 of 60,000
    np.testing.assert_allclose(to_pixels(data.x_test), test_images / 255.0, atol=1e-5)
    train_and_val = np.concatenate([data.y_train, data.y_val])
    np.testing.assert_array_equal(np.bincount(train_and_val), np.bincount(train_labels))


def test_a_corrupt_file_in_a_chosen_folder_stops_loading(tmp_path):
    write_pair(tmp_path, "t10k", 20)
    write(tmp_path / "t10k-labels-idx1-ubyte.gz", idx_bytes(digit_labels(19)), True)
    with pytest.raises(DatasetError, match="matching pairs"):
        load_dataset("MNIST", folder=tmp_path)


def fake_module(monkeypatch, name: str, **functions) -> None:
    module = types.ModuleType(name)
    module.__dict__.update(functions)
    monkeypatch.setitem(sys.modules, name, module)


def test_synthetic_digits_carve_validation_from_their_training_set(monkeypatch):
    calls = []

    def load_synthetic_digits(seed: int = 0):
        calls.append(seed)
        return random_images(120), digit_labels(120), random_images(40, 1), digit_labels(40)

    fake_module(monkeypatch, "core.synthetic_digits", load_synthetic_digits=load_synthetic_digits)
    data = load_dataset("Synthetic digits", seed=7)
    assert calls == [7]
    assert data.split_sizes == {"train": 110, "val": 10, "test": 40}
    assert data.y_train.dtype == np.int64 and data.x_train.shape == (110, 784)
    np.testing.assert_allclose(to_pixels(data.x_test), random_images(40, 1) / 255.0, atol=1e-5)


def test_own_digits_are_split_80_20_with_validation_from_training(monkeypatch):
    fake_module(monkeypatch, "core.own_digits",
                load_own_digits=lambda: (random_images(50), digit_labels(50)))
    data = load_dataset("My digits")
    sizes = data.split_sizes
    assert sizes == {"train": 35, "val": 5, "test": 10}
    assert data.class_names == tuple("0123456789")


def test_own_digits_need_at_least_ten(monkeypatch):
    fake_module(monkeypatch, "core.own_digits",
                load_own_digits=lambda: (random_images(9), digit_labels(9)))
    with pytest.raises(DatasetError, match="at least 10"):
        load_dataset("My digits")


def test_malformed_images_from_another_module_are_refused(monkeypatch):
    fake_module(monkeypatch, "core.own_digits",
                load_own_digits=lambda: (np.zeros((20, 28, 28), np.float32), digit_labels(20)))
    with pytest.raises(DatasetError, match="uint8 28×28"):
        load_dataset("My digits")


def test_missing_digit_modules_give_a_sentence(monkeypatch):
    monkeypatch.setitem(sys.modules, "core.synthetic_digits", None)  # import fails
    with pytest.raises(DatasetError, match="not available"):
        load_dataset("Synthetic digits")


# ---------------------------------------------------------------- pixels

def test_normalize_and_to_pixels_are_inverse():
    pixels = np.linspace(0, 1, 784, dtype=np.float64).reshape(1, 784)
    x = normalize_pixels(pixels)
    assert x.dtype == np.float32
    assert x[0, 0] == pytest.approx(-MNIST_MEAN / MNIST_STD, rel=1e-6)
    assert to_pixels(x).shape == (1, 28, 28)
    np.testing.assert_allclose(to_pixels(x).reshape(1, 784), pixels, atol=1e-6)
    assert to_pixels(x[0]).shape == (28, 28)


def test_to_pixels_clips_and_refuses_wrong_sizes():
    assert to_pixels(np.full(784, 100.0)).max() == 1.0
    assert to_pixels(np.full(784, -100.0)).min() == 0.0
    with pytest.raises(DatasetError, match="784"):
        to_pixels(np.zeros((2, 10)))


# ---------------------------------------------------------------- names and the Dataset record

def test_cheap_metadata_matches_what_loading_gives():
    for name in TOY_NAMES:
        data = load_dataset(name)
        assert (data.task, data.input_shape, data.class_names) == \
               (dataset_task(name), dataset_input_shape(name), dataset_class_names(name))
    assert dataset_input_shape("MNIST") == (28, 28)
    assert dataset_class_names("Fashion-MNIST")[9] == "Ankle boot"
    assert dataset_task("Sine") == "regression" and dataset_class_names("Sine") == ()


@pytest.mark.parametrize("bad", ["mnist", "CIFAR-10", None])
def test_unknown_names_list_the_known_ones(bad):
    with pytest.raises(DatasetError, match="choose one of: MNIST, Fashion-MNIST"):
        dataset_task(bad)
    with pytest.raises(DatasetError):
        load_dataset(bad)


@pytest.mark.parametrize("kwargs", [{"seed": -1}, {"seed": 1.5}, {"noise": -0.1},
                                    {"noise": float("nan")}])
def test_bad_seed_or_noise_is_refused(kwargs):
    with pytest.raises(DatasetError):
        load_dataset("Line", **kwargs)


def test_dataset_properties():
    spiral, line = load_dataset("Spiral"), load_dataset("Line")
    assert (spiral.input_size, spiral.num_outputs, spiral.is_image) == (2, 2, False)
    assert (line.input_size, line.num_outputs, line.is_image) == (1, 1, False)
    assert Dataset.__dataclass_params__.frozen
    with pytest.raises(AttributeError):
        spiral.name = "other"


def test_dataset_refuses_arrays_a_model_cannot_take():
    x, y = np.zeros((3, 2), np.float64), np.zeros(3, np.int64)
    with pytest.raises(ValueError, match="float32"):
        Dataset("XOR", "classification", (2,), ("blue", "orange"), x, y, x, y, x, y, "test")


# ---------------------------------------------------------------- toy sets

def test_caveman_is_the_lecture_data_exactly():
    data = load_dataset("Caveman")
    np.testing.assert_array_equal(data.x_train, np.array([[0.5], [2.0], [1.0]], np.float32))
    np.testing.assert_array_equal(data.y_train, np.array([[2.0], [5.0], [3.0]], np.float32))
    np.testing.assert_array_equal(data.x_val, data.x_train)
    np.testing.assert_array_equal(data.y_test, data.y_train)
    assert data.task == "regression" and "potatoes" in data.source and "validation" in data.source


@pytest.mark.parametrize("name", TOY_NAMES)
def test_toy_sets_have_model_ready_shapes_and_dtypes(name):
    data = load_dataset(name)
    for split in ("train", "val", "test"):
        x, y = getattr(data, f"x_{split}"), getattr(data, f"y_{split}")
        assert x.dtype == np.float32 and x.flags.c_contiguous and x.shape[1] == data.input_size
        if data.task == "regression":
            assert y.dtype == np.float32 and y.shape == (len(x), 1)
        else:
            assert y.dtype == np.int64 and y.shape == (len(x),) and set(np.unique(y)) == {0, 1}
        assert np.isfinite(x).all()


@pytest.mark.parametrize("name", CURVE_NAMES + TWO_D_NAMES)
def test_toy_sets_split_70_15_15_without_overlap(name):
    data = load_dataset(name)
    sizes = data.split_sizes
    total = sum(sizes.values())
    assert total == (200 if name in CURVE_NAMES else 600)
    assert sizes["val"] == sizes["test"] == round(total * 0.15)
    rows = np.concatenate([data.x_train, data.x_val, data.x_test])
    assert len(np.unique(rows, axis=0)) == total  # no example in two splits


@pytest.mark.parametrize("name", CURVE_NAMES + TWO_D_NAMES)
def test_toy_sets_are_deterministic_by_seed(name):
    a, b, c = load_dataset(name, seed=3), load_dataset(name, seed=3), load_dataset(name, seed=4)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_train, b.y_train)
    assert not np.array_equal(a.x_train, c.x_train)


def test_curves_follow_their_formula_without_noise():
    formulas = {"Line": lambda x: 0.5 * x + 1, "Parabola": lambda x: 0.5 * x**2 - 1, "Sine": np.sin}
    for name, formula in formulas.items():
        data = load_dataset(name, noise=0.0)
        assert data.x_train.min() >= -3 and data.x_train.max() <= 3
        np.testing.assert_allclose(data.y_train, formula(data.x_train), atol=1e-5)
        noisy = load_dataset(name, noise=0.5)
        residual = noisy.y_train - formula(noisy.x_train)
        assert 0.3 < residual.std() < 0.7  # noise is the standard deviation on y


def test_two_d_sets_have_their_shape_without_noise():
    xor = load_dataset("XOR", noise=0.0)
    x = np.concatenate([xor.x_train, xor.x_val])
    y = np.concatenate([xor.y_train, xor.y_val])
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] < 0).astype(np.int64))
    circle = load_dataset("Circle", noise=0.0)
    radius = np.linalg.norm(circle.x_train, axis=1)
    assert radius[circle.y_train == 0].max() <= 0.5 < 0.7 <= radius[circle.y_train == 1].min()
    blobs = load_dataset("Two gaussians", noise=0.0)
    assert blobs.x_train[blobs.y_train == 0].mean() < 0 < blobs.x_train[blobs.y_train == 1].mean()


def test_two_d_classes_are_balanced_and_present_in_every_split():
    for name in TWO_D_NAMES:
        data = load_dataset(name)
        y = np.concatenate([data.y_train, data.y_val, data.y_test])
        assert abs(np.bincount(y)[0] - np.bincount(y)[1]) < 120  # XOR is balanced only roughly
        for split in (data.y_train, data.y_val, data.y_test):
            assert set(np.unique(split)) == {0, 1}
