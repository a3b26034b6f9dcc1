"""Create the QApplication with the app's global settings, and the `mlp-studio` entry point."""
from __future__ import annotations

import sys

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

APP_NAME = "MLP Studio"
ORGANIZATION = "MLP Studio"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once) with pyqtgraph set for row-major matrices and a white theme."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    # row-major: ImageItem shows weight[row, col] as row = output unit, like the matrix on the slide
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w", foreground="k")
    return app


def main() -> int:
    """Start the app: the window shows before torch is imported (torch loads with the first dataset)."""
    app = create_application()
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
