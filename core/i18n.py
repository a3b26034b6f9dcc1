"""Translatable text for core/ and gui/, without Qt in core.

Every user-visible sentence is written as

    translate("core.datasets", "The file {name} is not an IDX file.").format(name=path.name)

`translate` returns the English text until the GUI installs Qt's translator with `use_translator`
(gui/i18n.py passes `QCoreApplication.translate`); then it returns the sentence in the chosen
language. `pyside6-lupdate` finds every `translate("context", "text")` call (and
`QT_TRANSLATE_NOOP("context", "text")` for texts kept in constants, translated where they are shown),
so the translation files list each sentence once (resources/i18n/update.py).

Rules that keep a sentence translatable: the text is one literal (implicit concatenation of literals
is fine), never an f-string; values go in with `.format(name=...)` and named placeholders, so a
translation can put them in another order; the context is the module's dotted name.
"""
from __future__ import annotations

from typing import Callable

Translator = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def use_translator(translator: Translator | None) -> None:
    """Route every later `translate` call through `translator` (None: back to English)."""
    global _translator
    _translator = translator or _english


def translate(context: str, text: str) -> str:
    """`text` in the current language (English when no translator is installed or it has no entry)."""
    translated = _translator(context, text)
    return translated if translated else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a text kept in a constant for translation; `translate(context, text)` where it is shown."""
    return text
