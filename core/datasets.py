"""The data layer: MNIST-style IDX files, verified downloads, and the small teaching datasets.

Every problem a user can cause (a wrong folder, a damaged file, no network) ends as a
`DatasetError` (or `DownloadError` / `DownloadCancelled`) whose message is one plain sentence
naming the file and the problem. Nothing here downloads unless `download()` is called.
"""
from __future__ import annotations

import gzip
import hashlib
import http.client
import math
import os
import re
import struct
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Sequence

import numpy as np

from core.errors import DatasetError, DownloadCancelled, DownloadError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.paths import atomic_writer, clean_stale_parts, user_cache_dir

MNIST_MEAN = 0.1307
MNIST_STD = 0.3081

DATASET_NAMES: tuple[str, ...] = (
    "MNIST", "Fashion-MNIST", "Synthetic digits", "My digits", "Caveman", "Line", "Parabola",
    "Sine", "Two gaussians", "Circle", "XOR", "Spiral",
)
IMAGE_DATASETS: tuple[str, ...] = ("MNIST", "Fashion-MNIST", "Synthetic digits", "My digits")

DIGIT_NAMES = tuple(str(digit) for digit in range(10))
FASHION_NAMES = (QT_TRANSLATE_NOOP("core.datasets", "T-shirt/top"), QT_TRANSLATE_NOOP("core.datasets", "Trouser"),
                 QT_TRANSLATE_NOOP("core.datasets", "Pullover"), QT_TRANSLATE_NOOP("core.datasets", "Dress"),
                 QT_TRANSLATE_NOOP("core.datasets", "Coat"), QT_TRANSLATE_NOOP("core.datasets", "Sandal"),
                 QT_TRANSLATE_NOOP("core.datasets", "Shirt"), QT_TRANSLATE_NOOP("core.datasets", "Sneaker"),
                 QT_TRANSLATE_NOOP("core.datasets", "Bag"), QT_TRANSLATE_NOOP("core.datasets", "Ankle boot"))
TWO_CLASS_NAMES = (QT_TRANSLATE_NOOP("core.datasets", "blue"), QT_TRANSLATE_NOOP("core.datasets", "orange"))

_IMAGE_SHAPE = (28, 28)
_SPECS: dict[str, tuple[str, tuple[int, ...], tuple[str, ...]]] = {
    "MNIST": ("classification", _IMAGE_SHAPE, DIGIT_NAMES),
    "Fashion-MNIST": ("classification", _IMAGE_SHAPE, FASHION_NAMES),
    "Synthetic digits": ("classification", _IMAGE_SHAPE, DIGIT_NAMES),
    "My digits": ("classification", _IMAGE_SHAPE, DIGIT_NAMES),
    "Caveman": ("regression", (1,), ()),
    "Line": ("regression", (1,), ()),
    "Parabola": ("regression", (1,), ()),
    "Sine": ("regression", (1,), ()),
    "Two gaussians": ("classification", (2,), TWO_CLASS_NAMES),
    "Circle": ("classification", (2,), TWO_CLASS_NAMES),
    "XOR": ("classification", (2,), TWO_CLASS_NAMES),
    "Spiral": ("classification", (2,), TWO_CLASS_NAMES),
}

# Published MD5 sums of the .gz files. Tests replace entries to serve small fake files.
CHECKSUMS: dict[str, dict[str, str]] = {
    "MNIST": {
        "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
        "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
        "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
    },
    "Fashion-MNIST": {
        "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
        "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
        "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
    },
}
MIRRORS: dict[str, tuple[str, ...]] = {
    "MNIST": ("https://ossci-datasets.s3.amazonaws.com/mnist/",),
    "Fashion-MNIST": (
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    ),
}
# Where distributions install copies (Debian: `apt-get install dataset-fashion-mnist`).
SYSTEM_DIRS: dict[str, tuple[Path, ...]] = {
    "MNIST": (Path("/usr/share/datasets/mnist"),),
    "Fashion-MNIST": (Path("/usr/share/datasets/fashion-mnist"),),
}
# Sizes of the published files, only to give the progress bar a total before each response.
_PUBLISHED_SIZES: dict[str, dict[str, int]] = {
    "MNIST": {"train-images-idx3-ubyte.gz": 9_912_422, "train-labels-idx1-ubyte.gz": 28_881,
              "t10k-images-idx3-ubyte.gz": 1_648_877, "t10k-labels-idx1-ubyte.gz": 4_542},
    "Fashion-MNIST": {"train-images-idx3-ubyte.gz": 26_421_880, "train-labels-idx1-ubyte.gz": 29_515,
                      "t10k-images-idx3-ubyte.gz": 4_422_102, "t10k-labels-idx1-ubyte.gz": 5_148},
}

IMAGE_MAGIC = 0x0803
LABEL_MAGIC = 0x0801
MAX_IDX_ITEMS = 120_000  # twice MNIST's training set: caps memory at ~94 MB per file
_GZIP_MAGIC = b"\x1f\x8b"
_READ_CHUNK = 1 << 20
_IDX_TYPES = {0x08: QT_TRANSLATE_NOOP("core.datasets", "unsigned byte"),
              0x09: QT_TRANSLATE_NOOP("core.datasets", "signed byte"),
              0x0B: QT_TRANSLATE_NOOP("core.datasets", "16-bit integer"),
              0x0C: QT_TRANSLATE_NOOP("core.datasets", "32-bit integer"),
              0x0D: QT_TRANSLATE_NOOP("core.datasets", "32-bit float"),
              0x0E: QT_TRANSLATE_NOOP("core.datasets", "64-bit float")}

_DOWNLOAD_CHUNK = 64 * 1024
_MAX_DOWNLOAD_BYTES = 100_000_000  # the largest published file is 26 MB
_STALE_PART_AGE_S = 600.0  # older than any live download (deadline 300 s): safe to delete
_USER_AGENT = "MLP-Studio/0.1 (dataset download)"
_PORTAL_REASON = QT_TRANSLATE_NOOP("core.datasets",
                                   "the server sent a web page instead of the data file, so a captive portal "
                                   "(a Wi-Fi login page) or a proxy on your network may be intercepting downloads")


# ---------------------------------------------------------------- names and pixels

def _spec(name: str) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    """The (task, input shape, class names) of a dataset, or a DatasetError for unknown names."""
    try:
        return _SPECS[name]
    except (KeyError, TypeError):
        raise DatasetError(translate("core.datasets", "There is no dataset called {name!r}; choose one of: "
                                     "{names}.").format(name=name, names=", ".join(DATASET_NAMES))) from None


def dataset_task(name: str) -> str:
    """"classification" or "regression", without loading anything."""
    return _spec(name)[0]


def dataset_input_shape(name: str) -> tuple[int, ...]:
    """Shape of one input example, without loading anything: (28, 28), (2,) or (1,)."""
    return _spec(name)[1]


def dataset_class_names(name: str) -> tuple[str, ...]:
    """Names of the classes in the current language, or () for regression, without loading anything."""
    return _shown_class_names(_spec(name)[2])


def _shown_class_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Class names as the user reads them (digits stay digits; "blue", "Trouser"... are translated)."""
    return tuple(translate("core.datasets", name) for name in names)


def normalize_pixels(pixels01: np.ndarray) -> np.ndarray:
    """Pixels in [0, 1] to the model's input scale, (p - MNIST_MEAN) / MNIST_STD, as float32."""
    x = np.array(pixels01, dtype=np.float32)
    x -= np.float32(MNIST_MEAN)
    x /= np.float32(MNIST_STD)
    return x


def to_pixels(x: np.ndarray) -> np.ndarray:
    """Model inputs (N, 784) or (784,) back to pixels in [0, 1] shaped (..., 28, 28), for display."""
    x = np.asarray(x, dtype=np.float32)
    if x.shape[-1:] != (784,) or x.ndim > 2:
        raise DatasetError(translate("core.datasets", "Cannot show inputs of shape {shape} as images; "
                                     "expected 784 values per image.").format(shape=x.shape))
    pixels = x * np.float32(MNIST_STD) + np.float32(MNIST_MEAN)
    return np.clip(pixels, 0.0, 1.0).reshape(x.shape[:-1] + _IMAGE_SHAPE)


def _images_to_x(images: np.ndarray) -> np.ndarray:
    """uint8 (N, 28, 28) to normalised float32 (N, 784), in place to keep the peak memory low."""
    x = images.reshape(len(images), -1).astype(np.float32)
    x /= np.float32(255.0)
    x -= np.float32(MNIST_MEAN)  # the same float32 steps as normalize_pixels
    x /= np.float32(MNIST_STD)
    return x


# ---------------------------------------------------------------- the Dataset record

@dataclass(frozen=True, eq=False)  # eq=False: comparing numpy arrays with == is ambiguous
class Dataset:
    """A dataset split into train/validation/test arrays that a model can use as they are."""

    name: str
    task: str
    input_shape: tuple[int, ...]
    class_names: tuple[str, ...]
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str

    def __post_init__(self) -> None:
        if self.task not in ("classification", "regression"):
            raise ValueError(f"A dataset's task must be classification or regression, not {self.task!r}.")
        y_dtype, y_tail = (np.int64, ()) if self.task == "classification" else (np.float32, (1,))
        for split in ("train", "val", "test"):
            x, y = getattr(self, f"x_{split}"), getattr(self, f"y_{split}")
            if x.dtype != np.float32 or x.shape[1:] != (self.input_size,) or not x.flags.c_contiguous:
                raise ValueError(f"x_{split} must be C-contiguous float32 (N, {self.input_size}).")
            if y.dtype != y_dtype or y.shape != (len(x),) + y_tail:
                raise ValueError(f"y_{split} must be {np.dtype(y_dtype)} {(len(x),) + y_tail}.")

    @property
    def input_size(self) -> int:
        """Number of input values per example (784 for images)."""
        return math.prod(self.input_shape)

    @property
    def num_outputs(self) -> int:
        """Width of the model's last layer: one per class, or 1 for regression."""
        return len(self.class_names) or 1

    @property
    def is_image(self) -> bool:
        """True for 28×28 image datasets (drawn as pictures, not as points)."""
        return self.input_shape == _IMAGE_SHAPE

    @property
    def split_sizes(self) -> dict[str, int]:
        """Number of examples in each split: {"train": ..., "val": ..., "test": ...}."""
        return {"train": len(self.x_train), "val": len(self.x_val), "test": len(self.x_test)}


# ---------------------------------------------------------------- IDX files

def read_idx(path: Path, max_items: int | None = None) -> np.ndarray:
    """Read an MNIST-style IDX file, raw or .gz: uint8 images (N, 28, 28) or labels (N,)."""
    if max_items is not None and max_items < 1:
        raise ValueError("max_items must be at least 1.")
    path = Path(path)
    try:
        with _open_idx(path) as file:
            return _read_idx_stream(file, path, max_items)
    except (EOFError, zlib.error, gzip.BadGzipFile):
        raise DatasetError(translate("core.datasets", "{path} is damaged: its compressed data is cut short or fails "
                                     "its integrity check.").format(path=path)) from None
    except OSError as exc:
        raise DatasetError(translate("core.datasets", "{path} cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from None


def _open_idx(path: Path) -> BinaryIO:
    """Open raw or gzip-compressed, decided by the content rather than the name."""
    with open(path, "rb") as probe:
        compressed = probe.read(2) == _GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def _read_idx_stream(file: BinaryIO, path: Path, max_items: int | None) -> np.ndarray:
    """Parse the header, check it, then read exactly the payload it announces."""
    dims = _read_idx_header(file, path)
    count, item_shape = dims[0], dims[1:]
    keep = count if max_items is None else min(count, max_items)
    payload = _read_payload(file, path, keep, math.prod(item_shape), count)
    if max_items is None and file.read(1):
        raise DatasetError(translate("core.datasets", "{path} holds more data than its header announces "
                                     "({count:,} items); it is damaged or not an MNIST-style file.").format(
            path=path, count=count))
    array = payload.reshape((keep,) + item_shape)
    if array.ndim == 1 and array.max() > 9:
        position = int(np.argmax(array > 9))
        raise DatasetError(translate("core.datasets", "{path} has label {label} at position {position:,}; "
                                     "labels must be digits 0 to 9.").format(
            path=path, label=array[position], position=position))
    return array


def _read_idx_header(file: BinaryIO, path: Path) -> tuple[int, ...]:
    """Check magic, type code and dimensions; returns (count, rows, cols) or (count,)."""
    magic = _read_exact(file, 4, path)
    if magic[:2] != b"\0\0":
        raise DatasetError(translate("core.datasets", "{path} is not an IDX data file (its first bytes are not "
                                     "an IDX header).").format(path=path))
    if magic[2] != 0x08:
        kind = (translate("core.datasets", _IDX_TYPES[magic[2]]) if magic[2] in _IDX_TYPES else
                translate("core.datasets", "unknown (type code 0x{code:02X})").format(code=magic[2]))
        raise DatasetError(translate("core.datasets", "{path} stores {kind} values; MNIST-style files store "
                                     "unsigned bytes.").format(path=path, kind=kind))
    if magic[3] not in (1, 3):
        raise DatasetError(translate("core.datasets", "{path} holds {dimensions}-dimensional data; expected images "
                                     "(3 dimensions) or labels (1 dimension).").format(path=path,
                                                                                       dimensions=magic[3]))
    dims = struct.unpack(f">{magic[3]}I", _read_exact(file, 4 * magic[3], path))
    if dims[0] == 0:
        raise DatasetError(translate("core.datasets", "{path} holds no items (its header says 0).").format(path=path))
    if dims[0] > MAX_IDX_ITEMS:
        raise DatasetError(translate("core.datasets", "{path} is too large: its header announces {count:,} items "
                                     "and MLP Studio reads at most {maximum:,}.").format(
            path=path, count=dims[0], maximum=MAX_IDX_ITEMS))
    if len(dims) == 3 and dims[1:] != _IMAGE_SHAPE:
        raise DatasetError(translate("core.datasets", "{path} holds {rows}×{cols} images; MLP Studio needs "
                                     "28×28 pixels.").format(path=path, rows=dims[1], cols=dims[2]))
    return dims


def _read_exact(file: BinaryIO, size: int, path: Path) -> bytes:
    """Read a header field of `size` bytes or explain that the file ends too early."""
    data = file.read(size)
    if len(data) < size:
        raise DatasetError(translate("core.datasets", "{path} is too short to be an IDX data file (its header is "
                                     "incomplete).").format(path=path))
    return data


def _read_payload(file: BinaryIO, path: Path, keep: int, item_size: int, count: int) -> np.ndarray:
    """Read `keep` items in 1 MB chunks; memory grows with what arrives, not with the claim."""
    buffer = np.empty(keep * item_size, np.uint8)  # untouched pages of np.empty cost no memory
    view, done = memoryview(buffer), 0
    while done < len(buffer):
        got = file.readinto(view[done:done + _READ_CHUNK])
        if not got:
            raise DatasetError(translate("core.datasets", "{path} is cut short: its header announces {count:,} "
                                         "items but the data ends after {done:,}.").format(
                path=path, count=count, done=done // item_size))
        done += got
    return buffer


def load_idx_pair(images_path: Path, labels_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Read an images file and its labels file, checking they belong together."""
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3:
        text = (translate("core.datasets", "{path} holds labels, not images (the images and labels files look "
                          "swapped).") if labels.ndim == 3 else
                translate("core.datasets", "{path} holds labels, not images."))
        raise DatasetError(text.format(path=images_path))
    if labels.ndim != 1:
        raise DatasetError(translate("core.datasets", "{path} holds images, not labels.").format(path=labels_path))
    if len(images) != len(labels):
        raise DatasetError(translate("core.datasets", "{images_path} holds {images:,} images but {labels_path} "
                                     "holds {labels:,} labels; they must come in matching pairs.").format(
            images_path=images_path, images=len(images), labels_path=labels_path, labels=len(labels)))
    return images, labels


_SPLIT_PREFIXES = {"train": "train", "t10k": "(?:t10k|test)"}


def find_idx_files(folder: Path, split: str) -> tuple[Path, Path] | None:
    """The (images, labels) files of a split ("train" or "t10k") in `folder`, in any common spelling."""
    if split not in _SPLIT_PREFIXES:
        raise ValueError(f"split must be 'train' or 't10k', not {split!r}.")
    prefix, sep = _SPLIT_PREFIXES[split], "[-_.]"
    images = _match_file(folder, f"{prefix}{sep}images{sep}idx3{sep}ubyte(?:\\.gz)?")
    labels = _match_file(folder, f"{prefix}{sep}labels{sep}idx1{sep}ubyte(?:\\.gz)?")
    return (images, labels) if images and labels else None


def _match_file(folder: Path, pattern: str) -> Path | None:
    """First file in `folder` whose whole name matches, or one level inside a folder so named."""
    regex = re.compile(pattern, re.IGNORECASE)
    try:
        entries = sorted(Path(folder).iterdir())
        for entry in (e for e in entries if regex.fullmatch(e.name)):
            if entry.is_file():
                return entry
            if entry.is_dir():  # Kaggle's layout: t10k-images-idx3-ubyte/t10k-images-idx3-ubyte
                inner = sorted(e for e in entry.iterdir() if regex.fullmatch(e.name) and e.is_file())
                if inner:
                    return inner[0]
    except OSError:  # missing or unreadable folder: nothing found here
        return None
    return None


def _has_idx_files(folder: Path) -> bool:
    """True when `folder` holds the train pair or the t10k pair."""
    return bool(find_idx_files(folder, "train") or find_idx_files(folder, "t10k"))


def _user_folders(folder: Path, name: str) -> list[Path]:
    """`folder` itself plus torchvision's layouts (raw/, MNIST/raw/, FashionMNIST/raw/)."""
    folder = Path(folder)
    return [folder, folder / "raw", folder / name / "raw", folder / name.replace("-", "") / "raw"]


def locate(name: str, folder: Path | None = None) -> Path | None:
    """The folder to read MNIST or Fashion-MNIST from: `folder`, the download cache, the system copy."""
    _spec(name)
    if name not in MIRRORS:
        return None
    candidates = _user_folders(folder, name) if folder is not None else []
    candidates += [_cache_folder(name), *SYSTEM_DIRS.get(name, ())]
    return next((place for place in candidates if place and _has_idx_files(place)), None)


def _cache_folder(name: str) -> Path | None:
    """user_cache_dir()/<name>, or None when the cache folder cannot be created (read-only home)."""
    try:
        return user_cache_dir() / name
    except OSError:
        return None


# ---------------------------------------------------------------- splits

def _rng(seed: int) -> np.random.Generator:
    """A generator for `seed`, or a DatasetError for a seed numpy refuses."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DatasetError(translate("core.datasets", "The random seed must be a whole number from 0 upwards, "
                                     "not {seed!r}.").format(seed=seed))
    return np.random.default_rng(int(seed))


def _split_indices(n: int, n_val: int, n_test: int, rng: np.random.Generator,
                   what: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random disjoint (train, val, test) index arrays, each in the original order."""
    n_train = n - n_val - n_test
    if n_train < 1 or n_val < 1 or n_test < 0:
        raise DatasetError(translate("core.datasets", "{what} has only {n} examples, too few to split into "
                                     "training, validation and test sets.").format(what=what, n=n))
    order = rng.permutation(n)
    test, val, train = np.split(order, [n_test, n_test + n_val])
    return np.sort(train), np.sort(val), np.sort(test)


def _fraction_split(n: int, val: float, test: float, rng: np.random.Generator,
                    what: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split n examples by fractions, giving validation and test at least one example each."""
    return _split_indices(n, max(1, round(n * val)), max(1, round(n * test)), rng, what)


def _image_dataset(name: str, parts: dict[str, tuple[np.ndarray, np.ndarray]], source: str) -> Dataset:
    """Build a Dataset from uint8 images and labels per split."""
    arrays = {}
    for split, (images, labels) in parts.items():
        arrays[f"x_{split}"] = _images_to_x(images)
        arrays[f"y_{split}"] = np.ascontiguousarray(labels, dtype=np.int64)
    task, shape, classes = _spec(name)
    return Dataset(name=name, task=task, input_shape=shape, class_names=_shown_class_names(classes), source=source,
                   **arrays)


def _take(pair: tuple[np.ndarray, np.ndarray], index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The examples at `index` of an (images, labels) pair."""
    return pair[0][index], pair[1][index]


# ---------------------------------------------------------------- MNIST and Fashion-MNIST

def _describe_place(name: str, folder: Path) -> str:
    """Where a folder of IDX files comes from, in words."""
    if folder == _cache_folder(name):
        return translate("core.datasets", "the copy downloaded into {folder}").format(folder=folder)
    if folder in SYSTEM_DIRS.get(name, ()):
        return translate("core.datasets", "Debian's system copy in {folder}").format(folder=folder)
    return translate("core.datasets", "the files in {folder}").format(folder=folder)


def _find_place(name: str, folder: Path | None) -> Path:
    """The folder to load from; a chosen folder must hold the files itself."""
    if folder is not None:
        place = next((f for f in _user_folders(folder, name) if _has_idx_files(f)), None)
        if place is None:
            raise DatasetError(translate("core.datasets", "{folder} holds no {name} files: it needs "
                                         "train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz, or the t10k "
                                         "pair (compressed or not).").format(folder=folder, name=name))
        return place
    place = locate(name)
    if place is None:
        raise DatasetError(translate("core.datasets", "{name} is not on this computer yet: download it or choose "
                                     "a folder that holds its files.").format(name=name))
    return place


def _load_idx_dataset(name: str, folder: Path | None, rng: np.random.Generator) -> Dataset:
    """MNIST or Fashion-MNIST from IDX files; a lone test set is split 70/10/20 instead."""
    place = _find_place(name, folder)
    where = _describe_place(name, place)
    train_files, test_files = find_idx_files(place, "train"), find_idx_files(place, "t10k")
    if train_files and test_files:
        train, test = load_idx_pair(*train_files), load_idx_pair(*test_files)
        n = len(train[0])
        kept, val, _ = _split_indices(n, max(1, round(n / 12)), 0, rng, str(train_files[0]))
        parts = {"train": _take(train, kept), "val": _take(train, val), "test": test}
        source = translate("core.datasets", "{name} from {where}: {n:,} training images ({val:,} of them kept "
                           "aside for validation) and {test:,} test images.").format(
            name=name, where=where, n=n, val=len(val), test=len(test[0]))
    else:
        files = train_files or test_files
        pair = load_idx_pair(*files)
        indices = _fraction_split(len(pair[0]), 0.1, 0.2, rng, str(files[0]))
        parts = dict(zip(("train", "val", "test"), (_take(pair, i) for i in indices)))
        text = (translate("core.datasets", "{name} from {where}: only its training set ({count:,} images) is "
                          "there, so it was split {sizes} for training, validation and test.") if train_files else
                translate("core.datasets", "{name} from {where}: only its test set ({count:,} images) is there, "
                          "so it was split {sizes} for training, validation and test."))
        sizes = "/".join(f"{len(i):,}" for i in indices)
        source = text.format(name=name, where=where, count=len(pair[0]), sizes=sizes)
    return _image_dataset(name, parts, source)


# ---------------------------------------------------------------- synthetic and own digits

def _check_digits(images: np.ndarray, labels: np.ndarray, origin: str) -> None:
    """Refuse images/labels from another module that do not look like MNIST digits."""
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or images.shape[1:] != _IMAGE_SHAPE or images.dtype != np.uint8:
        raise DatasetError(translate("core.datasets", "{origin} gave images of shape {shape} ({dtype}); "
                                     "expected uint8 28×28 images.").format(origin=origin, shape=images.shape,
                                                                            dtype=images.dtype))
    if labels.shape != (len(images),) or (labels.size and not 0 <= labels.min() <= labels.max() <= 9):
        raise DatasetError(translate("core.datasets", "{origin} gave {labels} labels for {images} images, or labels "
                                     "outside 0 to 9.").format(origin=origin, labels=labels.size,
                                                                images=len(images)))


def _synthetic_digits(rng: np.random.Generator, seed: int) -> Dataset:
    """Digits drawn by code (core.synthetic_digits), with validation carved from training."""
    try:
        from core.synthetic_digits import load_synthetic_digits
    except ModuleNotFoundError as exc:
        if exc.name != "core.synthetic_digits":
            raise
        raise DatasetError(translate("core.datasets", "Synthetic digits are not available in this version of "
                                     "MLP Studio.")) from None
    train_x, train_y, test_x, test_y = load_synthetic_digits(seed=seed)
    generator = translate("core.datasets", "The synthetic digit generator")
    _check_digits(train_x, train_y, generator)
    _check_digits(test_x, test_y, generator)
    train = (np.asarray(train_x), np.asarray(train_y))
    n = len(train[0])
    kept, val, _ = _split_indices(n, max(1, round(n / 12)), 0, rng, "Synthetic digits")
    parts = {"train": _take(train, kept), "val": _take(train, val), "test": (test_x, test_y)}
    source = translate("core.datasets", "Synthetic digits drawn by MLP Studio (seed {seed}): {n:,} training "
                       "images ({val:,} kept aside for validation) and {test:,} test images.").format(
        seed=seed, n=n, val=len(val), test=len(test_x))
    return _image_dataset("Synthetic digits", parts, source)


def _own_digits(rng: np.random.Generator) -> Dataset:
    """The user's own drawings, split 80/20 into training and test (validation from training)."""
    try:
        from core.own_digits import load_own_digits
    except ModuleNotFoundError as exc:
        if exc.name != "core.own_digits":
            raise
        raise DatasetError(translate("core.datasets", "My digits is not available in this version of "
                                     "MLP Studio.")) from None
    images, labels = load_own_digits()
    _check_digits(images, labels, translate("core.datasets", "Your digit collection"))
    pair = (np.asarray(images), np.asarray(labels))
    if len(pair[0]) < 10:
        raise DatasetError(translate("core.datasets", "My digits needs at least 10 drawings to train on; you have "
                                     "saved {count} so far.").format(count=len(pair[0])))
    indices = _fraction_split(len(pair[0]), 0.1, 0.2, rng, "My digits")
    parts = dict(zip(("train", "val", "test"), (_take(pair, i) for i in indices)))
    sizes = "/".join(str(len(i)) for i in indices)
    source = translate("core.datasets", "Your own {count} drawn digits, split {sizes} for training, validation "
                       "and test (80/20 between training and test; validation comes out of the training "
                       "part).").format(count=len(pair[0]), sizes=sizes)
    return _image_dataset("My digits", parts, source)


# ---------------------------------------------------------------- toy sets

_CAVEMAN_X = (0.5, 2.0, 1.0)  # potatoes eaten
_CAVEMAN_Y = (2.0, 5.0, 3.0)  # apples collected
_CURVE_POINTS = 200
_POINTS_PER_CLASS = 300
_CURVES: dict[str, tuple[Callable[[np.ndarray], np.ndarray], str]] = {
    "Line": (lambda x: 0.5 * x + 1.0, "y = 0.5·x + 1"),
    "Parabola": (lambda x: 0.5 * x ** 2 - 1.0, "y = 0.5·x² − 1"),
    "Sine": (np.sin, "y = sin(x)"),
}


def _toy_dataset(name: str, x: np.ndarray, y: np.ndarray, indices: Sequence[np.ndarray],
                 source: str) -> Dataset:
    """Build a Dataset from points and targets and (train, val, test) indices."""
    task, shape, classes = _spec(name)
    y = y.astype(np.int64) if task == "classification" else y.astype(np.float32).reshape(-1, 1)
    x = x.astype(np.float32).reshape(len(x), -1)
    arrays = {}
    for split, index in zip(("train", "val", "test"), indices):
        arrays[f"x_{split}"], arrays[f"y_{split}"] = x[index], y[index]  # fancy indexing copies
    return Dataset(name=name, task=task, input_shape=shape, class_names=_shown_class_names(classes), source=source,
                   **arrays)


def _caveman() -> Dataset:
    """The lecture's three points: potatoes eaten (x) against apples collected (y)."""
    x, y = np.array(_CAVEMAN_X), np.array(_CAVEMAN_Y)
    every = np.arange(3)
    source = translate("core.datasets", "The lecture's caveman data, potatoes eaten (x) against apples collected "
                       "(y): three points, also used as the validation and test sets.")
    return _toy_dataset("Caveman", x, y, (every, every, every), source)


def _curve(name: str, rng: np.random.Generator, seed: int, noise: float) -> Dataset:
    """A 1-D regression curve sampled at random x in [-3, 3], with Gaussian noise on y."""
    formula, text = _CURVES[name]
    x = rng.uniform(-3.0, 3.0, _CURVE_POINTS)
    y = formula(x) + noise * rng.standard_normal(_CURVE_POINTS)
    indices = _fraction_split(_CURVE_POINTS, 0.15, 0.15, rng, name)
    source = translate("core.datasets", "Generated by MLP Studio: {formula} plus noise (σ = {noise:g}) at "
                       "{points} random x in [−3, 3], seed {seed}.").format(
        formula=text, noise=noise, points=_CURVE_POINTS, seed=seed)
    return _toy_dataset(name, x, y, indices, source)


def _two_gaussians(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two round blobs centred at (−0.5, −0.5) and (0.5, 0.5)."""
    labels = np.repeat([0, 1], n)
    centres = np.array([[-0.5, -0.5], [0.5, 0.5]])
    return centres[labels] + rng.normal(0.0, 0.25, (2 * n, 2)), labels


def _circle(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """A disc of radius 0.5 (class 0) inside a ring from 0.7 to 1 (class 1)."""
    labels = np.repeat([0, 1], n)
    radius = np.where(labels == 0, rng.uniform(0.0, 0.5, 2 * n), rng.uniform(0.7, 1.0, 2 * n))
    angle = rng.uniform(0.0, 2 * np.pi, 2 * n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]), labels


def _xor(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points in [−1, 1]²; class 1 where x and y have opposite signs."""
    points = rng.uniform(-1.0, 1.0, (2 * n, 2))
    points += np.sign(points) * 0.05  # a small gap along the axes, as in TensorFlow Playground
    return points, (points[:, 0] * points[:, 1] < 0).astype(np.int64)


def _spiral(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spiral arms of radius 0 to 1, one per class."""
    labels = np.repeat([0, 1], n)
    t = np.tile(np.linspace(0.0, 1.0, n), 2)
    angle = 1.75 * 2 * np.pi * t + np.pi * labels
    return np.column_stack([t * np.sin(angle), t * np.cos(angle)]), labels


_TWO_D: dict[str, tuple[Callable[[np.random.Generator, int], tuple[np.ndarray, np.ndarray]], str]] = {
    "Two gaussians": (_two_gaussians, QT_TRANSLATE_NOOP("core.datasets", "two Gaussian blobs")),
    "Circle": (_circle, QT_TRANSLATE_NOOP("core.datasets", "a disc inside a ring")),
    "XOR": (_xor, QT_TRANSLATE_NOOP("core.datasets", "the four quadrants of XOR")),
    "Spiral": (_spiral, QT_TRANSLATE_NOOP("core.datasets", "two interleaved spirals")),
}


def _two_d(name: str, rng: np.random.Generator, seed: int, noise: float) -> Dataset:
    """A 2-D two-class set like TensorFlow Playground's, jittered by Gaussian noise."""
    make, text = _TWO_D[name]
    points, labels = make(rng, _POINTS_PER_CLASS)
    points = points + noise * rng.standard_normal(points.shape)
    indices = _fraction_split(len(points), 0.15, 0.15, rng, name)
    source = translate("core.datasets", "Generated by MLP Studio: {shape}, {points} points (noise σ = {noise:g}, "
                       "seed {seed}).").format(shape=translate("core.datasets", text), points=len(points),
                                               noise=noise, seed=seed)
    return _toy_dataset(name, points, labels, indices, source)


# ---------------------------------------------------------------- loading by name

def load_dataset(name: str, *, folder: Path | None = None, seed: int = 0, noise: float = 0.1) -> Dataset:
    """Load or generate a dataset by name; never downloads (call `download` for that)."""
    _spec(name)
    rng = _rng(seed)
    if not isinstance(noise, (int, float)) or not math.isfinite(noise) or noise < 0:
        raise DatasetError(translate("core.datasets", "The noise level must be a number from 0 upwards, "
                                     "not {noise!r}.").format(noise=noise))
    if name in MIRRORS:
        return _load_idx_dataset(name, None if folder is None else Path(folder), rng)
    if name == "Synthetic digits":
        return _synthetic_digits(rng, seed)
    if name == "My digits":
        return _own_digits(rng)
    if name == "Caveman":
        return _caveman()
    if name in _CURVES:
        return _curve(name, rng, seed, float(noise))
    return _two_d(name, rng, seed, float(noise))


# ---------------------------------------------------------------- downloads

class _MirrorFailed(Exception):
    """One mirror could not deliver one file; the message says why, in words."""


class _OutOfTime(_MirrorFailed):
    """The overall deadline passed: no other mirror is tried."""


class _RedirectLimit(urllib.request.HTTPRedirectHandler):
    """Follow at most five redirects, and stop as soon as a URL comes round again."""

    max_redirections = 5
    max_repeats = 2


class _Transfer:
    """Book-keeping shared by the files of one download: callbacks, deadline and byte counts."""

    def __init__(self, name: str, sizes: dict[str, int], progress: Callable[[int, int], None] | None,
                 should_stop: Callable[[], bool] | None, timeout: float, deadline: float) -> None:
        self.name, self.sizes, self.timeout, self.deadline = name, sizes, timeout, deadline
        self.progress = progress or (lambda done, total: None)
        self.should_stop = should_stop or (lambda: False)
        self.deadline_at = time.monotonic() + deadline
        self.finished_bytes = 0
        self.opener = urllib.request.build_opener(_RedirectLimit)

    def check(self) -> None:
        """Raise if the user cancelled or the overall deadline has passed."""
        if self.should_stop():
            raise DownloadCancelled(translate("core.datasets", "The {name} download was cancelled; the unfinished "
                                              "file was removed and the finished ones were kept.").format(
                name=self.name))
        if time.monotonic() > self.deadline_at:
            raise _OutOfTime(translate("core.datasets", "gave up: the whole download may take at most "
                                       "{deadline:g} s").format(deadline=self.deadline))

    def read_timeout(self) -> float:
        """Seconds one network read may wait: the per-read timeout, capped by the deadline."""
        return max(0.05, min(self.timeout, self.deadline_at - time.monotonic()))

    def report(self, current_bytes: int) -> None:
        """Tell the caller how far the whole download has come."""
        done = self.finished_bytes + current_bytes
        self.progress(done, max(done, sum(self.sizes.values())))

    def finish_file(self, filename: str, size: int) -> None:
        """Count a verified file as done."""
        self.sizes[filename] = size
        self.finished_bytes += size
        self.report(0)


def download(name: str, dest_dir: Path | None = None, *, mirrors: Sequence[str] | None = None,
             progress: Callable[[int, int], None] | None = None,
             should_stop: Callable[[], bool] | None = None,
             timeout: float = 10.0, deadline: float = 300.0) -> Path:
    """Fetch the four .gz files of MNIST or Fashion-MNIST, MD5-verified; returns their folder.

    Files already present with the right checksum are kept as they are. Each file goes to a
    `*.part` temp file first and replaces the final name only once its checksum matches.
    """
    mirrors = _mirrors_for(name, mirrors)
    folder = _download_folder(name, dest_dir)
    clean_stale_parts(folder, min_age_s=_STALE_PART_AGE_S)
    checksums = CHECKSUMS[name]
    sizes = _PUBLISHED_SIZES.get(name, {})
    transfer = _Transfer(name, {f: sizes.get(f, 0) for f in checksums}, progress, should_stop,
                         timeout, deadline)
    for filename, md5 in checksums.items():
        target = folder / filename
        if _md5_of(target) == md5:
            transfer.finish_file(filename, target.stat().st_size)
            continue
        transfer.check()
        _download_file(transfer, [_join_url(m, filename) for m in mirrors], target, md5)
    return folder


def _mirrors_for(name: str, mirrors: Sequence[str] | None) -> Sequence[str]:
    """The URLs to try; the published ones only when downloads are allowed on this computer."""
    _spec(name)
    if name not in CHECKSUMS:
        raise DatasetError(translate("core.datasets", "{name} is made by MLP Studio itself and needs no "
                                     "download.").format(name=name))
    if mirrors is not None:
        return mirrors
    if os.environ.get("MLP_STUDIO_NO_DOWNLOAD"):
        raise DownloadError(translate("core.datasets", "Downloads are disabled on this computer "
                                      "(MLP_STUDIO_NO_DOWNLOAD is set), so {name} was not downloaded.").format(
            name=name))
    return MIRRORS[name]


def _download_folder(name: str, dest_dir: Path | None) -> Path:
    """The destination folder, created if needed."""
    try:
        folder = Path(dest_dir) if dest_dir is not None else user_cache_dir() / name
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(translate("core.datasets", "Cannot create the folder for {name} ({reason}).").format(
            name=name, reason=exc.strerror or exc)) from None
    return folder


def _join_url(mirror: str, filename: str) -> str:
    """Mirror base URL plus file name, with exactly one slash between."""
    return mirror.rstrip("/") + "/" + filename


def _md5_of(path: Path) -> str | None:
    """Hex MD5 of a file, or None when it is missing or unreadable."""
    digest = hashlib.md5()
    try:
        with open(path, "rb") as file:
            while chunk := file.read(_READ_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _download_file(transfer: _Transfer, urls: list[str], target: Path, md5: str) -> None:
    """Try each URL in turn; one DownloadError lists what went wrong with each."""
    failures = []
    for url in urls:
        try:
            _fetch_verified(transfer, url, target, md5)
            return
        except _MirrorFailed as exc:
            failures.append(translate("core.datasets", "{url}: {reason}").format(url=url, reason=exc))
            if isinstance(exc, _OutOfTime):
                break
    raise DownloadError(translate("core.datasets", "Could not download {file} for {name} ({failures}). Check the "
                                  "internet connection, or download the files yourself and choose their "
                                  "folder.").format(file=target.name, name=transfer.name,
                                                    failures="; ".join(failures)))


def _fetch_verified(transfer: _Transfer, url: str, target: Path, md5: str) -> None:
    """Stream one URL into `<target>.<random>.part` and rename it over `target` if the MD5 matches."""
    digest = hashlib.md5()
    try:
        with atomic_writer(target) as part:
            head, received = _stream(transfer, url, part, digest, target)
            if digest.hexdigest() != md5:  # raising inside the block deletes the temp file
                raise _MirrorFailed(translate("core.datasets", _PORTAL_REASON) if _looks_like_html(head) else
                                    translate("core.datasets", "the file's checksum does not match the published "
                                              "one, so it was damaged on the way or is a different file"))
    except OSError as exc:  # network errors were translated in _stream; this is the local disk
        raise DownloadError(_could_not_save(target, exc)) from None
    transfer.finish_file(target.name, received)


def _stream(transfer: _Transfer, url: str, out: BinaryIO, digest, target: Path) -> tuple[bytes, int]:
    """Copy the body at `url` into `out`; returns its first bytes and its length."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with transfer.opener.open(request, timeout=transfer.read_timeout()) as response:
            return _copy_body(transfer, response, out, digest, target)
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            raise _MirrorFailed(translate("core.datasets", "the server redirected too many times (a redirect "
                                          "loop)")) from None
        raise _MirrorFailed(translate("core.datasets", "the server answered HTTP {code} {reason}").format(
            code=exc.code, reason=exc.reason)) from None
    except urllib.error.URLError as exc:
        raise _MirrorFailed(_network_reason(exc.reason, transfer.timeout)) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _MirrorFailed(_network_reason(exc, transfer.timeout)) from None


def _network_reason(reason: object, timeout: float) -> str:
    """A socket-level failure in words."""
    if isinstance(reason, TimeoutError):
        return translate("core.datasets", "the server sent nothing for {timeout:g} s").format(timeout=timeout)
    if isinstance(reason, OSError) and "ssl" in type(reason).__module__.lower():
        return translate("core.datasets", "the secure connection failed ({reason})").format(reason=reason)
    if isinstance(reason, ConnectionRefusedError):
        return translate("core.datasets", "the connection was refused")
    if "name or service not known" in str(reason).lower() or "getaddrinfo" in str(reason).lower():
        return translate("core.datasets", "the server's name could not be found (is this computer online?)")
    return translate("core.datasets", "the connection failed ({reason})").format(reason=reason)


def _copy_body(transfer: _Transfer, response, out: BinaryIO, digest,
               target: Path) -> tuple[bytes, int]:
    """Copy the body chunk by chunk, checking cancel, deadline, size and HTML on the way."""
    if "html" in response.headers.get("Content-Type", "").lower():
        raise _MirrorFailed(translate("core.datasets", _PORTAL_REASON))
    length = _content_length(response)
    if length is not None:
        transfer.sizes[target.name] = length
    head, received = b"", 0
    while True:
        transfer.check()
        chunk = response.read1(_DOWNLOAD_CHUNK)  # read1: returns after one network read
        if not chunk:
            break
        received += len(chunk)
        if received > _MAX_DOWNLOAD_BYTES:
            raise _MirrorFailed(translate("core.datasets", "the server sent far more data than the file can hold"))
        head += chunk[:max(0, 512 - len(head))]
        digest.update(chunk)
        try:
            out.write(chunk)
        except OSError as exc:  # the local disk, not the network: no other mirror will help
            raise DownloadError(_could_not_save(target, exc)) from None
        transfer.report(received)
    if length is not None and received < length:
        raise _MirrorFailed(translate("core.datasets", "the transfer was cut short ({received:,} of {length:,} "
                                      "bytes arrived)").format(received=received, length=length))
    return head, received


def _could_not_save(target: Path, exc: OSError) -> str:
    """A local disk error while saving a download, in words."""
    return translate("core.datasets", "Could not save {path} ({reason}).").format(path=target,
                                                                                  reason=exc.strerror or exc)


def _content_length(response) -> int | None:
    """The announced body length, or None when absent or nonsense."""
    try:
        length = int(response.headers.get("Content-Length", ""))
    except ValueError:
        return None
    return length if length >= 0 else None


def _looks_like_html(head: bytes) -> bool:
    """True for a body that starts like a web page (a gzip file starts with 0x1f 0x8b)."""
    return head.lstrip().startswith(b"<")
