"""GUI-test guards: no QThread outlives a test; widgets are touched only from the GUI thread."""
from __future__ import annotations

import threading

import pytest


@pytest.fixture(autouse=True)
def no_dangling_threads(qapp, monkeypatch):
    """Fail a test that leaves a QThread running."""
    from PySide6.QtCore import QThread

    started: list = []
    original_start = QThread.start

    def tracking_start(self, *args):
        started.append(self)
        return original_start(self, *args)

    monkeypatch.setattr(QThread, "start", tracking_start)
    yield started
    running = []
    for thread in started:
        try:
            if thread.isRunning():
                running.append(thread)
        except RuntimeError:  # the C++ object is gone: it was cleaned up
            pass
    for thread in running:  # do not leave it for the next test, but still fail
        thread.requestInterruption()
        thread.quit()
        thread.wait(5000)
    assert not running, f"{len(running)} QThread(s) still running at the end of the test"


@pytest.fixture(autouse=True)
def gui_thread_guard(qapp, monkeypatch):
    """Fail any test in which a widget or plot item is updated from another thread."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QLabel, QProgressBar

    main = threading.main_thread()
    offenders: list[str] = []

    def guard(cls, name):
        original = getattr(cls, name)

        def checked(self, *args, **kwargs):
            if threading.current_thread() is not main:
                offenders.append(f"{cls.__name__}.{name} from {threading.current_thread().name}")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, checked)

    for cls, name in ((pg.PlotDataItem, "setData"), (pg.ImageItem, "setImage"),
                      (QLabel, "setText"), (QProgressBar, "setValue")):
        guard(cls, name)
    yield offenders
    assert not offenders, "widgets touched off the GUI thread: " + ", ".join(offenders[:5])
