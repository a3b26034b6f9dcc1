"""core.own_digits: the class's own digits, kept safely, validated, shared as files."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from core import own_digits as od
from core.datasets import load_dataset
from core.errors import CollectionError
from core.paths import user_data_dir
from core.preprocess import preprocess
from core.reports import LayerWeights, WeightsReport

ROOT = Path(__file__).resolve().parents[2]


def digit(value: int) -> np.ndarray:
    """A distinct 28×28 uint8 image per value."""
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 10 + value % 8] = 255
    image[4 + value, 8:20] = 200
    return image


def canvas_with_a_stroke() -> np.ndarray:
    canvas = np.zeros((280, 280), np.uint8)
    canvas[40:240, 130:150] = 255
    canvas[40:60, 90:150] = 255
    return canvas


def npz_bytes(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_added_digits_are_saved_in_the_user_data_folder_and_reload():
    digits = od.OwnDigits.open()
    assert len(digits) == 0 and digits.path == user_data_dir() / "my_digits.npz"
    for label in (3, 1, 4):
        digits.add(digit(label), label)
    reloaded = od.OwnDigits.open()
    assert reloaded.labels.tolist() == [3, 1, 4] and reloaded.labels.dtype == np.int64
    assert np.array_equal(reloaded.images[2], digit(4)) and reloaded.images.dtype == np.uint8
    assert reloaded.counts()[[1, 3, 4]].tolist() == [1, 1, 1]


def test_a_canvas_is_stored_preprocessed_like_mnist():
    digits = od.OwnDigits()
    digits.add(canvas_with_a_stroke(), 7)
    expected = np.round(preprocess(canvas_with_a_stroke()).centred_28 * 255).astype(np.uint8)
    assert np.array_equal(digits.images[0], expected)


def test_remove_deletes_the_right_digit_and_saves():
    digits = od.OwnDigits()
    for label in range(5):
        digits.add(digit(label), label)
    digits.remove(1)
    assert od.OwnDigits.open().labels.tolist() == [0, 2, 3, 4]
    with pytest.raises(CollectionError, match="no digit number 9"):
        digits.remove(8)


@pytest.mark.parametrize("label", [10, -1, "3", 2.0, True, None])
def test_labels_must_be_digits(label):
    with pytest.raises(CollectionError, match="0 to 9"):
        od.OwnDigits().add(digit(0), label)
    assert not od.default_path().exists()


def test_an_empty_canvas_cannot_be_added():
    with pytest.raises(CollectionError, match="empty"):
        od.OwnDigits().add(np.zeros((280, 280), np.uint8), 3)


def test_a_failed_save_keeps_the_old_file_and_the_collection_unchanged(monkeypatch):
    digits = od.OwnDigits()
    digits.add(digit(1), 1)
    before = od.default_path().read_bytes()

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(CollectionError, match="previous file is unchanged"):
        digits.add(digit(2), 2)
    assert od.default_path().read_bytes() == before
    assert digits.labels.tolist() == [1]                       # memory matches the file
    assert not list(od.default_path().parent.glob("*.part"))   # no temp file left behind


def test_a_process_killed_in_the_middle_of_a_save_loses_nothing(tmp_path):
    """A real crash: the child is SIGKILLed after writing the new temp file, before the rename."""
    path = tmp_path / "my_digits.npz"
    first = od.OwnDigits(path)
    first.add(digit(5), 5)
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        import numpy as np
        from core import own_digits as od
        digits = od.OwnDigits.open({str(path)!r})
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        digits.add(np.zeros((28, 28), np.uint8) + 9, 9)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    survivor = od.OwnDigits.open(path)
    assert survivor.labels.tolist() == [5] and np.array_equal(survivor.images[0], digit(5))
    assert list(tmp_path.glob("*.part"))   # the half-finished save is a stale temp file, not the collection


MALFORMED = {
    "random bytes": b"\x00\x9f garbage \xff" * 20,
    "empty": b"",
    "text": b"images,labels\n1,2\n",
    "no arrays": npz_bytes(other=np.zeros(3)),
    "float images": npz_bytes(images=np.zeros((2, 28, 28), np.float32), labels=np.zeros(2, np.int64)),
    "wrong size": npz_bytes(images=np.zeros((2, 32, 32), np.uint8), labels=np.zeros(2, np.int64)),
    "label 12": npz_bytes(images=np.zeros((2, 28, 28), np.uint8), labels=np.array([3, 12])),
    "float labels": npz_bytes(images=np.zeros((2, 28, 28), np.uint8), labels=np.array([3.0, 1.0])),
    "count mismatch": npz_bytes(images=np.zeros((3, 28, 28), np.uint8), labels=np.zeros(2, np.int64)),
    "pickled objects": npz_bytes(images=np.array([object()], dtype=object), labels=np.zeros(1, np.int64)),
}


@pytest.mark.parametrize("content", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_file_gives_a_sentence_and_is_never_overwritten(content):
    path = od.default_path()
    path.write_bytes(content)
    with pytest.raises(CollectionError) as info:
        od.OwnDigits.open()
    message = str(info.value)
    assert message.endswith(".") and "my_digits.npz" in message and "Traceback" not in message
    with pytest.raises(CollectionError, match="not overwritten"):
        od.OwnDigits().add(digit(1), 1)
    assert path.read_bytes() == content


def test_a_damaged_file_can_be_set_aside_and_a_new_collection_started():
    od.default_path().write_bytes(b"garbage")
    kept = od.set_aside_damaged()
    assert kept.read_bytes() == b"garbage" and kept.name == "my_digits.damaged-1.npz"
    digits = od.OwnDigits.open()
    digits.add(digit(2), 2)
    assert od.OwnDigits.open().labels.tolist() == [2]
    od.default_path().write_bytes(b"again")
    assert od.set_aside_damaged().name == "my_digits.damaged-2.npz"


def test_too_large_collections_are_refused(monkeypatch):
    monkeypatch.setattr(od, "MAX_DIGITS", 2)
    digits = od.OwnDigits()
    digits.add(digit(0), 0)
    digits.add(digit(1), 1)
    with pytest.raises(CollectionError, match="at most|most it can keep"):
        digits.add(digit(2), 2)
    od.default_path().write_bytes(npz_bytes(images=np.zeros((3, 28, 28), np.uint8), labels=np.zeros(3, np.int64)))
    with pytest.raises(CollectionError, match="at most 2"):
        od.OwnDigits.open()


def test_export_and_import_gather_a_class_without_duplicates(tmp_path):
    alice, bob = od.OwnDigits(tmp_path / "alice.npz"), od.OwnDigits(tmp_path / "bob.npz")
    for label in (0, 1, 2):
        alice.add(digit(label), label)
    bob.add(digit(7), 7)
    bob.add(digit(1), 1)                      # the same drawing as one of Alice's
    alice.export_to(tmp_path / "from_alice.npz")
    teacher = od.OwnDigits.open()
    assert teacher.import_from(tmp_path / "from_alice.npz") == 3
    assert teacher.import_from(bob.path) == 1
    assert teacher.import_from(tmp_path / "from_alice.npz") == 0
    assert sorted(od.OwnDigits.open().labels.tolist()) == [0, 1, 2, 7]


def test_importing_a_bad_file_changes_nothing(tmp_path):
    digits = od.OwnDigits()
    digits.add(digit(4), 4)
    bad = tmp_path / "bad.npz"
    bad.write_bytes(MALFORMED["label 12"])
    with pytest.raises(CollectionError, match="outside 0 to 9"):
        digits.import_from(bad)
    with pytest.raises(CollectionError, match="does not exist"):
        digits.import_from(tmp_path / "missing.npz")
    assert od.OwnDigits.open().labels.tolist() == [4]


def test_load_own_digits_is_empty_without_a_file_and_feeds_the_dataset():
    images, labels = od.load_own_digits()
    assert images.shape == (0, 28, 28) and labels.shape == (0,)
    digits = od.OwnDigits()
    for i in range(20):
        digits.add(digit(i % 10), i % 10)
    images, labels = od.load_own_digits()
    assert images.shape == (20, 28, 28) and labels.dtype == np.int64
    dataset = load_dataset("My digits")
    assert sum(dataset.split_sizes.values()) == 20


def test_evaluate_digits_counts_what_the_network_reads_right():
    bias = np.full(10, -5.0, np.float32)
    bias[3] = 5.0                            # this "network" always answers 3
    weights = WeightsReport(0, (LayerWeights(np.zeros((10, 784), np.float32), bias),), ("softmax",),
                            np.zeros(1, np.float32))
    images = np.stack([digit(i) for i in range(4)])
    result = od.evaluate_digits(weights, images, np.array([3, 3, 1, 0]))
    assert (result.correct, result.total) == (2, 4) and result.accuracy == pytest.approx(0.5)
    assert result.predictions.tolist() == [3, 3, 3, 3]
    assert od.evaluate_digits(weights, images[:0], np.zeros(0, np.int64)).total == 0
