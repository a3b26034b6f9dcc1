"""The one place user-facing messages go through, so tests can observe every one of them."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class Notifier(QObject):
    """Emits every error and notice shown to the user (tests connect to it)."""

    error_shown = Signal(str)
    notice_shown = Signal(str)


_notifier: Notifier | None = None
SHOW_DIALOGS = True  # tests turn real message boxes off and watch the notifier instead


def notifier() -> Notifier:
    global _notifier
    if _notifier is None:
        _notifier = Notifier()
    return _notifier


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, message: str) -> None:
    if not SHOW_DIALOGS:
        return
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal but non-blocking: the event loop (and training) keep running


def show_error(parent: QWidget | None, message: str, title: str = "MLP Studio") -> None:
    """Tell the user something went wrong, in a sentence (never a traceback)."""
    notifier().error_shown.emit(message)
    _box(parent, QMessageBox.Icon.Warning, title, message)


def show_notice(parent: QWidget | None, message: str, title: str = "MLP Studio") -> None:
    """Tell the user something worth knowing that is not an error."""
    notifier().notice_shown.emit(message)
    _box(parent, QMessageBox.Icon.Information, title, message)


def confirm(parent: QWidget | None, question: str, title: str = "MLP Studio") -> bool:
    """Ask a yes/no question (modal). Tests replace this function."""
    if not SHOW_DIALOGS:
        return True
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes
