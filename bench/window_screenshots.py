"""Screenshots of the whole window for the README: training in progress, presentation mode, drawing.

Usage: QT_QPA_PLATFORM=offscreen python bench/window_screenshots.py   (writes resources/screenshots/window_*.png)
"""
from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from _common import MNIST_T10K, ROOT  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from core.datasets import load_dataset  # noqa: E402
from core.network_spec import LayerSpec, NetworkSpec  # noqa: E402
from core.reports import TrainingConfig  # noqa: E402
from gui import dialogs  # noqa: E402
from gui.app import create_application  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.settings_store import SettingsStore  # noqa: E402

OUT = ROOT / "resources" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(condition, timeout_s: float = 60) -> None:
    start = time.monotonic()
    while not condition() and time.monotonic() - start < timeout_s:
        wait(50)


def training_window(dataset_name: str, epochs_shown: int, lessons: bool) -> MainWindow:
    """A 1600×1000 window training the lecture network, once `epochs_shown` epochs are on the curves."""
    settings = SettingsStore(os.path.join(tempfile.mkdtemp(), "screens.ini"))
    window = MainWindow(auto_load=False, settings=settings)
    window.resize(1600, 1000)
    window.show()
    window.lesson_dock.setVisible(lessons)
    window.state.set_dataset(load_dataset(dataset_name, folder=MNIST_T10K if dataset_name == "MNIST" else None))
    window.state.set_network(NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10))
    window.state.set_config(TrainingConfig(learning_rate=3e-3, batch_size=32, epochs=20))
    window.tabs.setCurrentWidget(window.training_panel)
    window.training_panel.train_or_pause()
    until(lambda: len(window.training_panel.epoch_curves.history) >= epochs_shown)
    wait(300)   # the accuracy plot follows the loss plot on the next pacer tick
    return window


def french_window(dataset_name: str) -> None:
    """The Training tab in French (View → Language → Français, after the restart it asks for)."""
    from gui.i18n import install_language

    install_language("fr")
    window = training_window(dataset_name, epochs_shown=3, lessons=True)
    window.grab().save(str(OUT / "window_french.png"))
    window.training_panel.train_or_pause()
    until(lambda: not window.controller.is_running)
    window.close()
    install_language("en")


def main() -> None:
    app = create_application([])
    dialogs.SHOW_DIALOGS = False
    name = "MNIST" if MNIST_T10K.exists() else "Synthetic digits"
    window = training_window(name, epochs_shown=4, lessons=False)
    window.grab().save(str(OUT / "window_training.png"))
    window.lesson_dock.show()
    window.resize(1920, 1080)  # presentation mode is for a projector: 1920×1080
    window.set_presentation(True)
    wait(800)
    window.grab().save(str(OUT / "window_presentation.png"))
    window.set_presentation(False)
    window.resize(1600, 1000)
    window.training_panel.train_or_pause()
    until(lambda: not window.controller.is_running)
    window.lesson_dock.hide()
    window.tabs.setCurrentIndex(3)  # the Draw tab (built on first show)
    window.draw_panel.random_button.click()
    wait(500)
    window.grab().save(str(OUT / "window_draw.png"))
    window.close()
    french_window(name)
    print("wrote", ", ".join(p.name for p in sorted(OUT.glob("window_*.png"))))


if __name__ == "__main__":
    sys.exit(main())
