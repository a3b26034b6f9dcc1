"""Fuzzing the files a teacher or a student may hand the app: lessons, own-digit collections, settings.

Only the project's own error type for that file may ever escape (LessonError, CollectionError), and
a damaged settings file never raises at all: every value falls back to its default. The IDX reader
(D-14), the model loader (M-06) and the terrain formula parser are fuzzed in tests/core.
"""
from __future__ import annotations

import copy
import io
import json
import math
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import CollectionError, LessonError
from core.lessons import DEFAULT_LESSON_FOLDER, Lesson, load_lessons, parse_lesson
from core.own_digits import collection_bytes, read_collection
from core.settings import MIN_WINDOW, SETTINGS_GROUPS

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
LESSON_FILES = sorted(DEFAULT_LESSON_FOLDER.glob("*.json"))
GOOD_LESSON = json.loads(LESSON_FILES[0].read_text(encoding="utf-8"))
GOOD_DIGITS = collection_bytes(np.random.default_rng(0).integers(0, 256, (12, 28, 28), dtype=np.uint8),
                               np.arange(12) % 10)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)


def _paths(node, prefix=()):
    """Every path (tuple of keys/indexes) into a JSON document."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


LESSON_PATHS = list(_paths(GOOD_LESSON))[1:]


def _replaced(document, path, value):
    mutated = copy.deepcopy(document)
    node = mutated
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return mutated


# ---------------------------------------------------------------- lessons

@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_lesson_text_only_raises_lesson_error(text):
    try:
        lesson = parse_lesson(text, "fuzz.json")
    except LessonError as exc:
        assert "fuzz.json" in str(exc)
    else:
        assert isinstance(lesson, Lesson)


@settings(max_examples=250, deadline=None)
@given(st.sampled_from(LESSON_PATHS), json_values)
def test_fuzz_one_value_of_a_real_lesson_only_raises_lesson_error(path, value):
    """A lesson with one value replaced by any JSON value: parsed with its checks, or refused in a sentence."""
    text = json.dumps(_replaced(GOOD_LESSON, path, value), allow_nan=True)
    try:
        lesson = parse_lesson(text, "fuzz.json")
    except LessonError as exc:
        assert str(exc).startswith("fuzz.json") and str(exc).endswith((".", "?", ")"))
    else:
        assert lesson.steps and all(isinstance(step.title, str) and step.title for step in lesson.steps)


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(st.binary(max_size=600))
def test_fuzz_lesson_files_in_a_folder_never_raise(tmp_path, data):
    """Random bytes beside a good lesson: the good one still loads, the junk is listed as a LessonError."""
    folder = tmp_path / "lessons"
    folder.mkdir(exist_ok=True)
    (folder / "good.json").write_bytes(LESSON_FILES[0].read_bytes())
    (folder / "junk.json").write_bytes(data)
    lessons, errors = load_lessons(folder)
    assert "good.json" in [lesson.source for lesson in lessons]
    assert all(isinstance(error, LessonError) for error in errors)
    assert len(lessons) + len(errors) == 2


# ---------------------------------------------------------------- own digits

def _check_digits(path: Path) -> None:
    try:
        images, labels = read_collection(path)
    except CollectionError as exc:
        assert path.name in str(exc)
    else:
        assert images.dtype == np.uint8 and images.shape[1:] == (28, 28)
        assert labels.dtype == np.int64 and len(labels) == len(images)
        assert not len(labels) or 0 <= labels.min() <= labels.max() <= 9


@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURES)
@given(st.binary(max_size=2048))
def test_fuzz_digit_collection_random_bytes(tmp_path, data):
    path = tmp_path / "my_digits.npz"
    path.write_bytes(data)
    _check_digits(path)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES)
@given(st.integers(0, len(GOOD_DIGITS) - 1), st.integers(0, 255), st.booleans())
def test_fuzz_digit_collection_flips_and_truncations(tmp_path, position, xor, truncate):
    damaged = bytearray(GOOD_DIGITS[:position] if truncate else GOOD_DIGITS)
    if not truncate:
        damaged[position] ^= xor or 1
    path = tmp_path / "my_digits.npz"
    path.write_bytes(bytes(damaged))
    _check_digits(path)


arrays = st.tuples(
    st.sampled_from(["uint8", "int64", "float32", "int8", "bool", "<U3", "complex64"]),
    st.lists(st.integers(0, 30), min_size=0, max_size=4),
    st.integers(-3, 12))


@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURES)
@given(arrays, arrays, st.booleans())
def test_fuzz_digit_collection_arrays_of_any_type_and_shape(tmp_path, images_spec, labels_spec, named):
    """Well-formed .npz files whose arrays have any dtype, shape and values (or other names)."""
    members = {}
    for key, (dtype, shape, fill) in (("images", images_spec), ("labels", labels_spec)):
        members[key if named else key + "_x"] = np.full(shape, fill).astype(dtype) if math.prod(shape) < 5000 \
            else np.zeros(0, dtype)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **members)
    path = tmp_path / "my_digits.npz"
    path.write_bytes(buffer.getvalue())
    _check_digits(path)


def _npy_header(shape: tuple, descr: str) -> bytes:
    header = f"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}"
    header += " " * (63 - (10 + len(header)) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode()


@pytest.mark.parametrize("claimed", [(10**11, 28, 28), (4 * 10**7, 28, 28), (2 * 10**6, 28, 28)])
def test_digit_collection_claiming_a_gigantic_array_is_refused_without_allocating_it(tmp_path, claimed):
    """A header that promises gigabytes (and holds 100 bytes) must not cost gigabytes."""
    from tests.reliability.probes import rss_mb

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("images.npy", _npy_header(claimed, "|u1") + bytes(100))
        archive.writestr("labels.npy", _npy_header((5,), "<i8") + bytes(40))
    path = tmp_path / "huge.npz"
    path.write_bytes(buffer.getvalue())
    before = rss_mb()
    with pytest.raises(CollectionError, match="huge.npz"):
        read_collection(path)
    assert rss_mb() - before < 100


def test_digit_collection_zip_bomb_is_refused_unread(tmp_path):
    """A small file whose images unpack to 200 MB is refused before anything is unpacked."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("images.npy", "w", force_zip64=True) as member:
            member.write(_npy_header((255_102, 28, 28), "|u1"))
            chunk = bytes(2**20)
            for _ in range(200):
                member.write(chunk)
        archive.writestr("labels.npy", _npy_header((5,), "<i8") + bytes(40))
    path = tmp_path / "bomb.npz"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2**20
    with pytest.raises(CollectionError, match="unpack"):
        read_collection(path)


# ---------------------------------------------------------------- settings files

def _check_settings_file(path: Path) -> None:
    from gui.settings_store import SettingsStore

    store = SettingsStore(path)
    for group in SETTINGS_GROUPS:
        value = store.load(group)
        assert group.from_dict(value.to_dict()) == value  # every value passed its check
    assert store.save(SETTINGS_GROUPS[0]())  # and the app can write its settings again


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURES)
@given(st.binary(max_size=800))
def test_fuzz_settings_file_random_bytes_never_raise(tmp_path, data):
    path = tmp_path / "fuzz.ini"
    path.write_bytes(data)
    _check_settings_file(path)


ini_keys = st.sampled_from(["learning_rate", "batch_size", "optimizer", "epochs", "momentum", "hidden",
                            "hidden_units", "activation", "presentation_mode", "last_tab", "version",
                            "lesson_panel_visible", "full_screen", "geometry", "x"])
ini_values = st.one_of(st.text(max_size=12), st.integers().map(str), st.floats().map(repr),
                       st.sampled_from(["true", "@ByteArray(\\0\\x1)", "@Invalid()", "@Variant(\\0)", "nan",
                                        "1e308", "-5", "16,,x", "@Rect(0 0 1 1)"]))


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURES)
@given(st.lists(st.tuples(st.sampled_from(["ui", "training", "network", "window", "General"]), ini_keys,
                          ini_values), max_size=12))
def test_fuzz_settings_file_values_fall_back_per_key(tmp_path, entries):
    """INI text as another program (or a half-written file) might leave it."""
    lines = []
    for group, key, value in entries:
        lines += [f"[{group}]", f"{key}={value}"]
    path = tmp_path / "fuzz.ini"
    path.write_text("\n".join(lines), encoding="utf-8", errors="replace")
    _check_settings_file(path)


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES)
@given(st.binary(max_size=120))
def test_fuzz_saved_window_geometry_never_gives_a_tiny_or_lost_window(qtbot, tmp_path, blob):
    from PySide6.QtCore import QByteArray, QSettings
    from PySide6.QtWidgets import QMainWindow

    from gui.settings_store import GEOMETRY_KEY, SettingsStore

    path = tmp_path / "geometry.ini"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    raw.setValue(GEOMETRY_KEY, QByteArray(blob))
    raw.sync()
    del raw
    window = QMainWindow()
    qtbot.addWidget(window)
    SettingsStore(path).restore_window(window)
    area = window.screen().availableGeometry()
    assert window.width() >= min(MIN_WINDOW[0], area.width()) and window.height() >= min(MIN_WINDOW[1], area.height())
    assert area.intersects(window.geometry())


# ---------------------------------------------------------------- model files (beyond M-06)

@pytest.mark.filterwarnings("ignore:Detected pickle protocol:UserWarning")  # torch's note on a flipped byte
def test_every_one_byte_flip_of_a_small_model_file_loads_or_is_refused(tmp_path):
    """M-06 made exhaustive: each byte of a small file flipped in turn (random fuzzing missed some)."""
    from core.errors import ModelFileError
    from core.model_io import load_model, save_model
    from core.network_spec import LayerSpec, NetworkSpec
    from core.reports import LayerWeights, TrainingConfig

    spec = NetworkSpec(4, (LayerSpec(3),), 2)
    rng = np.random.default_rng(0)
    layers = tuple(LayerWeights(rng.normal(size=(n_out, n_in)).astype(np.float32), np.zeros(n_out, np.float32))
                   for n_in, n_out in ((4, 3), (3, 2)))
    path = tmp_path / "model.pt"
    save_model(path, spec, layers, TrainingConfig(), "Two gaussians")
    good, escaped = path.read_bytes(), []
    for position in range(len(good)):
        damaged = bytearray(good)
        damaged[position] ^= 0x40
        path.write_bytes(bytes(damaged))
        try:
            load_model(path)
        except ModelFileError:
            pass
        except Exception as exc:  # noqa: BLE001 - collected: only ModelFileError may escape
            escaped.append(f"byte {position}: {type(exc).__name__}: {exc}")
    assert not escaped, escaped[:5]
