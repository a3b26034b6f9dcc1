"""The app's language: Qt's translator for gui/ and core/ texts, chosen in View → Language.

The French texts live in resources/i18n/mlp_studio_fr.ts (built into the .qm loaded here by
resources/i18n/update.py). A language takes effect for the whole window when the app starts: the
panels build their texts once, so View → Language saves the choice and offers to restart.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from core.i18n import use_translator
from core.settings import LANGUAGES

I18N_FOLDER = Path(__file__).resolve().parents[1] / "resources" / "i18n"
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}   # each in its own language, never translated
_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    return _current


def install_language(language: str) -> bool:
    """Translate every later text into `language`; False (and English) if its file is missing or bad."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    use_translator(None)
    _current = "en"
    if language == "en" or language not in LANGUAGES or app is None:
        return language == "en"
    ours = QTranslator(app)
    if not ours.load(str(I18N_FOLDER / f"mlp_studio_{language}.qm")):
        return False
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs (OK, Cancel, file dialogs)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    use_translator(QCoreApplication.translate)
    _current = language
    return True
