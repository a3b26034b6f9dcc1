"""Create the QApplication with the app's global settings, and the `mlp-studio` entry point."""
from __future__ import annotations

import os
import sys
from pathlib import Path

# numpy's OpenBLAS threads on the GUI thread oversubscribe this 2-core machine: a 10,000×32 @ 32×32 matmul
# took 5.8 ms with them and 0.58 ms without (set before numpy is first imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

APP_NAME = "MLP Studio"
ORGANIZATION = "MLP Studio"
# A younger temp file may belong to another MLP Studio window that is saving right now.
STALE_PART_AGE_S = 60.0


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once) with pyqtgraph set for row-major matrices and a white theme."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    # row-major: ImageItem shows weight[row, col] as row = output unit, like the matrix on the slide
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w", foreground="k")
    return app


def clean_stale_files() -> list[Path]:
    """Remove the temp files (`*.part`) a crash or a kill left in the app's data and cache folders."""
    from core.paths import clean_stale_parts, user_cache_dir, user_data_dir

    removed: list[Path] = []
    try:
        roots = [user_data_dir(), user_cache_dir()]
        folders = roots + sorted(sub for root in roots for sub in root.iterdir() if sub.is_dir())
    except OSError:  # an unreadable home folder: nothing to clean, and the app still starts
        return removed
    for folder in folders:
        removed += clean_stale_parts(folder, min_age_s=STALE_PART_AGE_S)
    return removed


def install_saved_language() -> str:
    """Translate the app into the language saved in the settings (English when none or unreadable)."""
    from core.settings import UiSettings
    from gui.i18n import current_language, install_language
    from gui.settings_store import SettingsStore

    install_language(SettingsStore().load(UiSettings).language)
    return current_language()


def main() -> int:
    """Start the app: the window shows before torch is imported (torch loads with the first dataset)."""
    app = create_application()
    clean_stale_files()
    install_saved_language()
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    code = app.exec()
    # A timer may have started background work after the last window closed (seen: the torch warm-up).
    # Qt aborts the process when a running QThread is destroyed, so stop it before Python tears down.
    if not window.shutdown():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # still busy after 5 s (torch importing on a loaded machine): leave it undestroyed
    return code


if __name__ == "__main__":
    sys.exit(main())
