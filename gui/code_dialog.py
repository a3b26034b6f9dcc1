"""'Show the PyTorch code': the script for the current network and settings, to copy or save."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from core.errors import StudioError
from core.i18n import translate
from core.paths import atomic_write_bytes
from gui import dialogs, file_actions


class CodeDialog(QDialog):
    """Shows a standalone script; Copy puts it on the clipboard, Save writes it to a .py file."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("gui.code_dialog", "The PyTorch code for this network"))
        self.resize(900, 700)
        self.editor = QPlainTextEdit(code)
        self.editor.setReadOnly(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setToolTip(translate("gui.code_dialog", "A script that trains the same network with the same "
                                         "settings, outside the app."))
        hint = QLabel(translate("gui.code_dialog",
                                "Run it with:  python mlp_studio_model.py   (it needs only torch and numpy)"))
        copy = QPushButton(translate("gui.code_dialog", "Copy"))
        save = QPushButton(translate("gui.code_dialog", "Save as…"))
        close = QPushButton(translate("gui.code_dialog", "Close"))
        copy.setToolTip(translate("gui.code_dialog", "Copy the whole script to the clipboard."))
        save.setToolTip(translate("gui.code_dialog", "Save the script as a .py file."))
        close.setToolTip(translate("gui.code_dialog", "Close this window."))
        copy.clicked.connect(self._on_copy_clicked)
        save.clicked.connect(self._on_save_clicked)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        for button in (copy, save, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())

    @Slot()
    def _on_save_clicked(self) -> None:
        path = file_actions.ask_save_path(self, translate("gui.code_dialog", "Save the script"),
                                          translate("gui.code_dialog", "Python files (*.py)"), "mlp_studio_model.py")
        if not path:
            return
        try:
            atomic_write_bytes(path, self.editor.toPlainText().encode("utf-8"))
        except OSError as exc:
            dialogs.show_error(self, translate("gui.code_dialog", "Could not save the script to {path}: {reason}.")
                               .format(path=path, reason=exc.strerror or exc))
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
