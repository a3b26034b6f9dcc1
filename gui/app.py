"""Create the QApplication with the app's global settings, and the `mlp-studio` entry point."""
from __future__ import annotations

import os
import sys

# numpy's OpenBLAS threads on the GUI thread oversubscribe this 2-core machine: a 10,000×32 @ 32×32 matmul
# took 5.8 ms with them and 0.58 ms without (set before numpy is first imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
