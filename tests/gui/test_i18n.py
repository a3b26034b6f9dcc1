"""The French translation: complete, in step with the code, and really used by every panel.

The catalogue test re-runs pyside6-lupdate over the code, so a new English text that nobody
translated fails here; the window test builds every panel in French and looks for English left
on screen (a text that was not passed through `translate`, or was translated at import time).
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QMenu, QTabWidget, QWidget

from core.i18n import translate
from gui import i18n
from gui.settings_store import SettingsStore

ROOT = Path(__file__).resolve().parents[2]
UPDATE = ROOT / "resources" / "i18n" / "update.py"


def _has_lupdate() -> bool:
    import PySide6

    return (Path(PySide6.__file__).resolve().parent / "lupdate").exists() or shutil.which("pyside6-lupdate") is not None


needs_lupdate = pytest.mark.skipif(not _has_lupdate(), reason="Qt's lupdate is not installed with PySide6")


def _update_module():
    spec = importlib.util.spec_from_file_location("i18n_update", UPDATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue():
    """(context, English, French) of every message in the shipped .ts file."""
    return _update_module().read_messages(_update_module().TS_FILE)


@pytest.fixture
def french():
    assert i18n.install_language("fr")
    yield
    i18n.install_language("en")


@needs_lupdate
def test_every_text_in_the_code_has_a_french_translation(tmp_path, catalogue):
    update = _update_module()
    fresh = tmp_path / "fresh.ts"
    update.lupdate(update.source_files(), fresh)
    in_code = {(context, source) for context, source, _ in update.read_messages(fresh)}
    shipped = {(context, source) for context, source, _ in catalogue}
    assert len(in_code) > 1200
    assert sorted(in_code - shipped) == [], "texts in the code missing from the .ts: run resources/i18n/update.py"
    assert update.problems(catalogue) == []   # every message translated, with the same {placeholders}


@needs_lupdate
def test_the_shipped_qm_is_built_from_the_shipped_ts(tmp_path):
    update = _update_module()
    built = tmp_path / "built.qm"
    update.lrelease(update.TS_FILE, built)
    assert built.read_bytes() == update.QM_FILE.read_bytes(), "run resources/i18n/update.py to rebuild the .qm"


def test_the_update_script_finds_untranslated_texts_and_wrong_placeholders(tmp_path):
    update = _update_module()
    messages = [("c", "Epoch {epoch}", "Époque {epoch}"), ("c", "Loss", None), ("c", "{n:,} images", "{count} images")]
    found = update.problems(messages)
    assert len(found) == 2 and "untranslated" in found[0] and "placeholders" in found[1]


def test_installing_french_translates_gui_and_core_texts_and_english_comes_back(french, tmp_path):
    assert i18n.current_language() == "fr"
    assert translate("gui.main_window", "Data") != "Data"
    from core.datasets import read_idx
    from core.errors import StudioError

    junk = tmp_path / "train-images-idx3-ubyte"
    junk.write_bytes(b"not an idx file at all")
    with pytest.raises(StudioError) as caught:
        read_idx(junk)
    words = f" {caught.value} ".lower().split()
    assert words and "the" not in words and ("le" in words or "la" in words or "les" in words or "de" in words)
    i18n.install_language("en")
    assert translate("gui.main_window", "Data") == "Data"


def test_an_unknown_language_or_a_missing_file_leaves_english(monkeypatch, tmp_path):
    assert not i18n.install_language("xx") and i18n.current_language() == "en"
    monkeypatch.setattr(i18n, "I18N_FOLDER", tmp_path)    # no .qm there
    assert not i18n.install_language("fr") and i18n.current_language() == "en"
    assert translate("gui.main_window", "Data") == "Data"


def _visible_texts(window) -> list[str]:
    """Every caption, title and tooltip of the window's widgets, menus and plots."""
    import pyqtgraph as pg

    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    for plot in window.findChildren(pg.PlotWidget):
        item = plot.getPlotItem()
        texts.append(item.titleLabel.text)
        texts += [item.getAxis(side).labelText for side in ("left", "bottom")]
    return [text for text in texts if text]


def test_every_panel_built_in_french_shows_french(qtbot, tmp_path, french, catalogue):
    from core.datasets import load_dataset
    from gui.main_window import MainWindow

    window = MainWindow(auto_load=False, settings=SettingsStore(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.state.set_dataset(load_dataset("Two gaussians"))
    for index in range(window.tabs.count()):   # the Draw, Terrain and Inside panels are built when first shown
        window.tabs.setCurrentIndex(index)
    translated = {source: french_text for _, source, french_text in catalogue
                  if french_text and french_text != source and len(source) > 3}
    left_in_english = sorted({text for text in _visible_texts(window) if text in translated})
    assert left_in_english == []
    assert window.tabs.tabText(0) == translate("gui.main_window", "Data") != "Data"
    assert window.shutdown()


def test_choosing_a_language_saves_it_and_offers_a_restart(qtbot, tmp_path, monkeypatch):
    from core.settings import UiSettings
    from gui import dialogs
    from gui.main_window import MainWindow

    store = SettingsStore(tmp_path / "settings.ini")
    window = MainWindow(auto_load=False, settings=store)
    qtbot.addWidget(window)
    questions, restarts = [], []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, title="": questions.append(question) or False)
    monkeypatch.setattr(window, "restart", lambda: restarts.append(True))
    window.language_actions["fr"].trigger()
    assert SettingsStore(tmp_path / "settings.ini").load(UiSettings).language == "fr"
    assert questions and "Restart" in questions[0] and restarts == []   # the user said "later"
    window.save_settings()                                              # a later save keeps the choice
    assert SettingsStore(tmp_path / "settings.ini").load(UiSettings).language == "fr"
    assert window.shutdown()


def test_the_app_starts_in_the_saved_language(tmp_path):
    """A fresh process with language = fr in its settings shows the French tab titles."""
    env_home = tmp_path / "home"
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from gui.app import create_application, install_saved_language\n"
        "from core.settings import UiSettings\n"
        "from gui.settings_store import SettingsStore\n"
        "app = create_application([])\n"
        "SettingsStore().save(UiSettings(language='fr'))\n"
        "print(install_saved_language())\n"
        "from gui.main_window import MainWindow\n"
        "w = MainWindow(auto_load=False)\n"
        "print(w.tabs.tabText(0))\n"
        "w.shutdown()\n")
    env = {"HOME": str(env_home), "XDG_CONFIG_HOME": str(env_home / "config"), "PATH": "/usr/bin:/bin",
           "XDG_DATA_HOME": str(env_home / "data"), "XDG_CACHE_HOME": str(env_home / "cache")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    language, first_tab = done.stdout.split("\n")[:2]
    assert language == "fr" and first_tab not in ("", "Data")


def test_every_translated_literal_names_its_context_literally():
    """pyside6-lupdate skips translate(CONTEXT, "text") with a variable context: that text would stay English."""
    import ast

    skipped = []
    for path in sorted([*ROOT.glob("gui/**/*.py"), *ROOT.glob("core/**/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, text = node.args[:2]
                literal = lambda n: isinstance(n, ast.Constant) and isinstance(n.value, str)  # noqa: E731
                if literal(text) and not literal(context):
                    skipped.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert skipped == []
