"""The one place that touches QSettings: it reads and writes the settings groups of core.settings.

Every value is checked when it is read (`Group.from_dict`): garbage falls back to that key's
default. A settings file Qt cannot parse is copied aside (`<name>.corrupt-<time>`, RELIABILITY
S-01) and replaced by a fresh one, so the app always starts. A saved window geometry that is
damaged or off-screen never restores a 1×1 or invisible window (S-03).
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from core.settings import SETTINGS_GROUPS, valid_geometry
from gui.app import APP_NAME, ORGANIZATION

G = TypeVar("G")
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
MAX_SETTINGS_BYTES = 1024 * 1024


class SettingsStore:
    """Reads and writes the app's settings groups (UiSettings, TrainingDefaults, ...) and the window geometry."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            default = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME)
            path = default.fileName()
        self.path = Path(path)
        self.corrupt_copy: Path | None = None
        self._settings = self._open()

    def _open(self) -> QSettings:
        """Open the file; a damaged one is kept as a copy and replaced by an empty one."""
        settings = QSettings(str(self.path), QSettings.Format.IniFormat)
        settings.allKeys()  # parse now: status() reports a format error only after a read
        if settings.status() != QSettings.Status.FormatError and not _looks_damaged(self.path):
            return settings
        self.corrupt_copy = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            shutil.copy2(self.path, self.corrupt_copy)
        except OSError:
            self.corrupt_copy = None  # cannot keep a copy: still start with defaults
        settings.clear()
        settings.sync()
        return QSettings(str(self.path), QSettings.Format.IniFormat)  # a fresh object has no sticky error

    def load(self, group: type[G]) -> G:
        """The stored values of a settings group, each checked; defaults for anything missing or bad."""
        self._settings.beginGroup(group.GROUP)
        try:
            data = {key: self._settings.value(key) for key in self._settings.childKeys()}
        finally:
            self._settings.endGroup()
        return group.from_dict(data)

    def save(self, value) -> bool:
        """Store one settings group (a core.settings dataclass); False if the file could not be written."""
        if type(value) not in SETTINGS_GROUPS:
            raise TypeError(f"{type(value).__name__} is not a settings group")
        for key, item in value.to_dict().items():
            # lists as "16,16": QSettings would store an empty list as @Invalid() and lose it
            stored = ",".join(str(v) for v in item) if isinstance(item, list) else item
            self._settings.setValue(f"{value.GROUP}/{key}", stored)
        return self.sync()

    def sync(self) -> bool:
        """Write pending changes to disk; False if Qt reports an error."""
        self._settings.sync()
        return self._settings.status() == QSettings.Status.NoError

    def save_window(self, window: QWidget) -> bool:
        """Remember the window's size, place and (for a main window) its docks and toolbars."""
        self._settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        if isinstance(window, QMainWindow):
            self._settings.setValue(STATE_KEY, window.saveState())
        return self.sync()

    def restore_window(self, window: QWidget) -> bool:
        """Put the window where it was; a damaged, tiny or off-screen geometry gives a safe default.

        Returns True when the saved geometry was used as it was.
        """
        blob = self._settings.value(GEOMETRY_KEY)
        restored = isinstance(blob, QByteArray) and not blob.isEmpty() and window.restoreGeometry(blob)
        state = self._settings.value(STATE_KEY)
        if isinstance(window, QMainWindow) and isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        return fit_to_screen(window, use_position=restored) and restored


def _looks_damaged(path: Path) -> bool:
    """True for a file Qt did not write: too large, not UTF-8, or with control characters.

    Qt's INI parser accepts about 7 % of random byte strings without a format error.
    """
    try:
        if not path.is_file():
            return False
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return True
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return True
    except OSError:
        return False  # unreadable: QSettings reports that itself, and a copy could not be made anyway
    return any(ord(c) < 32 and c not in "\t\r\n" for c in text)


def fit_to_screen(window: QWidget, use_position: bool = True) -> bool:
    """Resize and move `window` so it is not tiny and lies on its screen; True if nothing had to change."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    frame = window.geometry()
    x, y = (frame.x(), frame.y()) if use_position else (None, None)
    safe = valid_geometry(frame.width(), frame.height(), area.width(), area.height(), x=x, y=y,
                          screen_x=area.x(), screen_y=area.y())
    unchanged = (safe.x, safe.y, safe.width, safe.height) == (frame.x(), frame.y(), frame.width(), frame.height())
    if not unchanged:
        window.resize(safe.width, safe.height)
        window.move(safe.x, safe.y)
    return unchanged
