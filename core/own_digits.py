"""The class's own digits: drawings labelled by the students, kept safely in the user's data folder.

A collection is two arrays in an .npz file: `images` uint8 (N, 28, 28), preprocessed exactly like
MNIST, and `labels` int64 (N,) from 0 to 9. Every save replaces the file atomically (a crash
leaves the old file or the new one, never half of one). Loading validates everything and raises
CollectionError with a sentence; a damaged file is never overwritten without saying so. A teacher
gathers a whole class's digits by importing each student's exported file.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.datasets import normalize_pixels
from core.errors import CollectionError
from core.i18n import translate
from core.inference import forward
from core.paths import atomic_write_bytes, user_data_dir
from core.preprocess import preprocess
from core.reports import WeightsReport

FILE_NAME = "my_digits.npz"
FORMAT_VERSION = 1
MAX_DIGITS = 50_000                  # about 40 MB of images: far more than a class draws
MAX_FILE_BYTES = 64 * 1024 * 1024    # refuse to even open anything bigger
MAX_UNPACKED_BYTES = MAX_DIGITS * 28 * 28 + MAX_DIGITS * 8 + 4096  # a zip member may never unpack to more
IMAGE_SHAPE = (28, 28)


def default_path() -> Path:
    """The collection file in the user's data folder."""
    return user_data_dir() / FILE_NAME


def to_digit_image(image: np.ndarray) -> np.ndarray:
    """A 28×28 uint8 image as it is, or any other drawing (canvas) preprocessed like MNIST."""
    a = np.asarray(image)
    if a.shape == IMAGE_SHAPE and a.dtype == np.uint8:
        return a.copy()
    if a.ndim != 2:
        raise CollectionError(translate("core.own_digits", "A digit must be a 2-D image, not an array of shape "
                                        "{shape}.").format(shape=a.shape))
    result = preprocess(a)
    if result is None:
        raise CollectionError(translate("core.own_digits", "The canvas is empty: draw a digit before adding it to "
                                        "your digits."))
    return np.round(result.centred_28 * 255).astype(np.uint8)


def _check_label(label: object) -> int:
    if isinstance(label, bool) or not isinstance(label, (int, np.integer)) or not 0 <= label <= 9:
        raise CollectionError(translate("core.own_digits", "A digit's label must be a whole number from 0 to 9, "
                                        "not {label!r}.").format(label=label))
    return int(label)


def read_collection(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(images, labels) from a collection file, validated; CollectionError says what is wrong."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CollectionError(translate("core.own_digits", "{name} is not a file.").format(name=name))
        if size > MAX_FILE_BYTES:
            raise CollectionError(translate("core.own_digits", "{name} is {size:.0f} MB, too large to be a digit "
                                            "collection.").format(name=name, size=size / 2**20))
        _refuse_zip_bomb(path)
        with np.load(path, allow_pickle=False) as data:
            if not {"images", "labels"} <= set(data.files):
                raise CollectionError(translate("core.own_digits", "{name} is not a digit collection (it has no "
                                                "images and labels).").format(name=name))
            images, labels = data["images"], data["labels"]
    except CollectionError:
        raise
    except FileNotFoundError:
        raise CollectionError(translate("core.own_digits", "The file {name} does not exist.").format(
            name=name)) from None
    # numpy and zipfile raise a zoo of types on damaged bytes (fuzzing found ValueError, zlib.error,
    # SyntaxError and tokenize.TokenError from the .npy header, MemoryError from a gigantic shape,
    # NotImplementedError from an unknown compression): every one means "damaged".
    except Exception as exc:  # noqa: BLE001
        raise CollectionError(translate("core.own_digits", "{name} is damaged or is not a digit collection "
                                        "({error}).").format(name=name, error=type(exc).__name__)) from None
    return validate_collection(images, labels, name)


def _refuse_zip_bomb(path: Path) -> None:
    """A zip member that claims to unpack to more than any collection could hold is refused unread."""
    if not zipfile.is_zipfile(path):
        return  # np.load reports what it is (or is not)
    with zipfile.ZipFile(path) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise CollectionError(translate("core.own_digits", "{name} would unpack to more than a digit collection "
                                            "can hold; it is damaged or is not a digit collection.").format(
                name=path.name))


def validate_collection(images: np.ndarray, labels: np.ndarray, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Check shapes, dtypes, label range and size; returns contiguous copies."""
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE:
        raise CollectionError(translate("core.own_digits", "{name} holds images of shape {shape} ({dtype}); "
                                        "a digit collection holds 28×28 uint8 images.").format(
            name=name, shape=images.shape, dtype=images.dtype))
    if labels.ndim != 1 or labels.dtype.kind not in "iu" or len(labels) != len(images):
        raise CollectionError(translate("core.own_digits", "{name} holds {labels} labels for {images} images; "
                                        "every digit needs exactly one whole-number label.").format(
            name=name, labels=labels.size, images=len(images)))
    if len(labels) and not 0 <= int(labels.min()) <= int(labels.max()) <= 9:
        raise CollectionError(translate("core.own_digits", "{name} has labels outside 0 to 9.").format(name=name))
    if len(images) > MAX_DIGITS:
        raise CollectionError(translate("core.own_digits", "{name} holds {count:,} digits; at most {maximum:,} "
                                        "are allowed.").format(name=name, count=len(images), maximum=MAX_DIGITS))
    return np.ascontiguousarray(images), labels.astype(np.int64)


def collection_bytes(images: np.ndarray, labels: np.ndarray) -> bytes:
    """The .npz file content for a collection."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, images=images, labels=labels, format_version=np.int64(FORMAT_VERSION))
    return buffer.getvalue()


class OwnDigits:
    """An editable collection of labelled 28×28 digits, saved to `path` after every change."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.images = np.zeros((0,) + IMAGE_SHAPE, np.uint8)
        self.labels = np.zeros(0, np.int64)

    @classmethod
    def open(cls, path: Path | None = None) -> OwnDigits:
        """The saved collection (empty if there is none yet); CollectionError if the file is damaged."""
        digits = cls(path)
        if digits.path.exists():
            digits.images, digits.labels = read_collection(digits.path)
        return digits

    def __len__(self) -> int:
        return len(self.labels)

    def counts(self) -> np.ndarray:
        """How many digits of each label (10,)."""
        return np.bincount(self.labels, minlength=10)

    def add(self, image: np.ndarray, label: int) -> int:
        """Add a 28×28 uint8 digit or a canvas drawing with its label, save, and return its index."""
        label = _check_label(label)
        digit = to_digit_image(image)
        if len(self) >= MAX_DIGITS:
            raise CollectionError(translate("core.own_digits", "Your collection already holds {maximum:,} digits, "
                                            "the most it can keep.").format(maximum=MAX_DIGITS))
        self._replace(np.concatenate([self.images, digit[None]]), np.append(self.labels, label))
        return len(self) - 1

    def remove(self, index: int) -> None:
        """Delete digit `index` and save."""
        if not 0 <= index < len(self):
            raise CollectionError(translate("core.own_digits", "There is no digit number {number}; the collection "
                                            "has {count}.").format(number=index + 1, count=len(self)))
        self._replace(np.delete(self.images, index, axis=0), np.delete(self.labels, index))

    def _replace(self, images: np.ndarray, labels: np.ndarray) -> None:
        """Save the new arrays first; memory changes only if the save worked (nothing half-done)."""
        self._write(self.path, images, labels)
        self.images, self.labels = images, labels

    def save(self) -> None:
        """Write the collection to its file (atomic)."""
        self._write(self.path, self.images, self.labels)

    def _write(self, path: Path, images: np.ndarray, labels: np.ndarray) -> None:
        if path == self.path:
            self._refuse_damaged_target()
        try:
            atomic_write_bytes(path, collection_bytes(images, labels))
        except OSError as exc:
            raise CollectionError(translate("core.own_digits", "Could not save your digits to {path}: {reason}. "
                                            "The previous file is unchanged.").format(
                path=path, reason=exc.strerror or exc)) from None

    def _refuse_damaged_target(self) -> None:
        """Never replace a damaged collection file silently: it may hold a class's work."""
        if not self.path.exists():
            return
        try:
            read_collection(self.path)
        except CollectionError as exc:
            raise CollectionError(translate("core.own_digits", "{problem} It was not overwritten; move it aside "
                                            "(set_aside_damaged) before saving new digits.").format(
                problem=exc)) from None

    def export_to(self, path: Path) -> None:
        """Write a copy of the collection to a file the user chose (to share with a teacher)."""
        self._write(Path(path), self.images, self.labels)

    def import_from(self, path: Path) -> int:
        """Add the digits of another collection file, skipping exact duplicates; returns how many were added."""
        images, labels = read_collection(Path(path))
        seen = {(img.tobytes(), int(lab)) for img, lab in zip(self.images, self.labels)}
        keep = []
        for i, (img, lab) in enumerate(zip(images, labels)):
            key = (img.tobytes(), int(lab))
            if key not in seen:
                seen.add(key)
                keep.append(i)
        if len(self) + len(keep) > MAX_DIGITS:
            raise CollectionError(translate("core.own_digits", "Importing {count:,} digits would make more than "
                                            "{maximum:,}.").format(count=len(keep), maximum=MAX_DIGITS))
        if keep:
            self._replace(np.concatenate([self.images, images[keep]]), np.concatenate([self.labels, labels[keep]]))
        return len(keep)


def set_aside_damaged(path: Path | None = None) -> Path:
    """Rename a damaged collection file to `my_digits.damaged-N.npz` (kept, not lost); returns the new path."""
    path = Path(path) if path is not None else default_path()
    for n in range(1, 10_000):
        target = path.with_name(f"{path.stem}.damaged-{n}{path.suffix}")
        if not target.exists():
            path.rename(target)
            return target
    raise CollectionError(translate("core.own_digits", "Too many damaged copies of {name} are kept next to it; "
                                    "delete some.").format(name=path.name))


def load_own_digits() -> tuple[np.ndarray, np.ndarray]:
    """The saved collection as (images uint8 (N, 28, 28), labels int64); empty if none was saved."""
    digits = OwnDigits.open()
    return digits.images, digits.labels


@dataclass(frozen=True)
class DigitsTest:
    """How a network did on a collection: "how well does it read our handwriting?"."""

    correct: int
    total: int
    predictions: np.ndarray    # int64 (N,): the network's answer for each digit

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else float("nan")


def evaluate_digits(weights: WeightsReport, images: np.ndarray, labels: np.ndarray) -> DigitsTest:
    """Run a network (numpy forward pass) on a collection and count the digits it reads right."""
    if len(labels) == 0:
        return DigitsTest(0, 0, np.zeros(0, np.int64))
    x = normalize_pixels(images.reshape(len(images), -1) / np.float32(255.0))
    predictions = forward(weights, x).logits.argmax(axis=1).astype(np.int64)
    return DigitsTest(int(np.sum(predictions == labels)), len(labels), predictions)
