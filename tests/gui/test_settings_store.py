"""QSettings behind SettingsStore: round trips, garbage values (S-02), corrupt files (S-01), geometry (S-03)."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from core.settings import MIN_WINDOW, NetworkDefaults, TrainingDefaults, UiSettings
from gui.settings_store import GEOMETRY_KEY, SettingsStore


@pytest.fixture
def ini(tmp_path):
    return tmp_path / "config" / "mlp-studio.ini"


def _write(path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


def test_groups_round_trip_through_the_file(ini):
    store = SettingsStore(ini)
    ui = UiSettings(presentation_mode=True, language="fr", last_tab="terrain", font_scale=1.75, full_screen=True)
    training = TrainingDefaults(learning_rate=0.003, batch_size=0, optimizer="rmsprop", epochs=12)
    network = NetworkDefaults(hidden=(), activation="tanh")
    assert store.save(ui) and store.save(training) and store.save(network)
    text = ini.read_text()
    assert "[ui]" in text and "language=fr" in text and "learning_rate=0.003" in text
    fresh = SettingsStore(ini)
    assert (fresh.load(UiSettings), fresh.load(TrainingDefaults), fresh.load(NetworkDefaults)) == (ui, training, network)
    assert fresh.corrupt_copy is None


def test_values_written_as_text_by_another_process_are_read(ini):
    _write(ini, "[ui]\npresentation_mode=true\nfont_scale=2.5\nlast_tab=draw\n[network]\nhidden=64, 32\n")
    store = SettingsStore(ini)
    assert store.load(UiSettings) == UiSettings(presentation_mode=True, font_scale=2.5, last_tab="draw")
    assert store.load(NetworkDefaults).hidden == (64, 32)


def test_garbage_values_fall_back_per_key(ini):
    """S-02 through the real file: lr=banana, hidden=-5, NaN -> defaults for those keys only."""
    _write(ini, "[training]\nlearning_rate=banana\nbatch_size=32\nepochs=nan\noptimizer=sgd\n"
                "[network]\nhidden=-5\nactivation=tanh\n[ui]\nfont_scale=nan\nlanguage=fr\nlast_tab=42\n")
    store = SettingsStore(ini)
    training = store.load(TrainingDefaults)
    assert (training.learning_rate, training.epochs) == (TrainingDefaults().learning_rate, TrainingDefaults().epochs)
    assert (training.batch_size, training.optimizer) == (32, "sgd")
    assert store.load(NetworkDefaults) == NetworkDefaults(activation="tanh")
    ui = store.load(UiSettings)
    assert (ui.font_scale, ui.language, ui.last_tab) == (1.0, "fr", "data")
    assert store.corrupt_copy is None  # garbage values are not a corrupt file


@pytest.mark.parametrize("content", [random.Random(seed).randbytes(400) for seed in range(40)] +
                         [b"\x00\x01\x02[ui]\nlanguage=fr\n", b"[ui\nlanguage=fr\n", b"[ui]\n" + b"x" * 2**21],
                         ids=[f"random-{seed}" for seed in range(40)] + ["nul-bytes", "broken-section", "huge"])
def test_corrupt_file_gives_defaults_and_keeps_a_copy(ini, content):
    """S-01."""
    _write(ini, content)
    store = SettingsStore(ini)
    assert store.load(UiSettings) == UiSettings()
    assert store.corrupt_copy is not None and store.corrupt_copy.read_bytes() == content
    assert store.corrupt_copy.parent == ini.parent and store.corrupt_copy.name.startswith(ini.name + ".corrupt-")
    assert store.save(UiSettings(language="fr"))
    assert SettingsStore(ini).load(UiSettings).language == "fr"


def test_empty_or_missing_file_is_simply_defaults(ini):
    assert SettingsStore(ini).load(TrainingDefaults) == TrainingDefaults()
    _write(ini, b"")
    store = SettingsStore(ini)
    assert store.load(UiSettings) == UiSettings() and store.corrupt_copy is None


def test_save_refuses_things_that_are_not_settings_groups(ini):
    with pytest.raises(TypeError):
        SettingsStore(ini).save({"language": "fr"})


# ---------------------------------------------------------------- window geometry (S-03)

def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def _on_screen(window) -> bool:
    area = window.screen().availableGeometry()
    return area.contains(window.geometry())


def test_geometry_round_trip(qtbot, ini):
    window = _window(qtbot)
    window.resize(700, 500)
    window.move(30, 40)
    SettingsStore(ini).save_window(window)
    other = _window(qtbot)
    assert SettingsStore(ini).restore_window(other)
    assert (other.width(), other.height()) == (700, 500)


def test_truncated_geometry_blob_never_gives_a_tiny_window(qtbot, ini):
    window = _window(qtbot)
    window.resize(700, 500)
    store = SettingsStore(ini)
    store.save_window(window)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    blob = settings.value(GEOMETRY_KEY)
    settings.setValue(GEOMETRY_KEY, QByteArray(bytes(blob)[:10]))
    settings.sync()
    other = _window(qtbot)
    other.resize(1, 1)
    assert not SettingsStore(ini).restore_window(other)
    area = other.screen().availableGeometry()
    assert other.width() >= min(MIN_WINDOW[0], area.width()) and other.height() >= min(MIN_WINDOW[1], area.height())
    assert _on_screen(other)


def test_tiny_and_off_screen_saved_windows_are_repaired(qtbot, ini):
    window = _window(qtbot)
    window.setMinimumSize(1, 1)
    window.resize(1, 1)
    window.move(5000, 5000)
    SettingsStore(ini).save_window(window)
    other = _window(qtbot)
    SettingsStore(ini).restore_window(other)
    area = other.screen().availableGeometry()
    assert other.width() >= min(MIN_WINDOW[0], area.width()) and other.height() >= min(MIN_WINDOW[1], area.height())
    assert _on_screen(other)


def test_no_saved_geometry_centres_a_window_that_fits(qtbot, ini):
    other = _window(qtbot)
    other.resize(5000, 4000)
    assert not SettingsStore(ini).restore_window(other)
    assert _on_screen(other)
