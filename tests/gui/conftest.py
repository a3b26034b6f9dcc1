"""GUI-test guards: no QThread or QTimer of ours outlives a test; widgets are touched only from the GUI
thread; message boxes never open, and every error shown goes through an observable notifier.

The same fixtures guard tests/reliability (its conftest imports them from here).
"""
from __future__ import annotations

import sys
import threading
import types
import weakref
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OWN_CODE = tuple(str(ROOT / folder) for folder in ("gui", "core", "tests", "bench"))
VIEW_MODULES = ("gui.widgets.", "gui.panels.")


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
def no_active_timers(qapp, monkeypatch):
    """Fail a test that leaves one of our own QTimers running once its widgets are closed.

    Only timers started from the project's files count: pyqtgraph's and Qt's internal timers are
    theirs to manage. pytest-qt closes the test's widgets before this teardown runs.
    """
    import shiboken6
    from PySide6.QtCore import QTimer

    started: list[tuple[weakref.ref, str]] = []
    original_start = QTimer.start

    def tracking_start(self, *args):
        caller = sys._getframe(1)
        if caller.f_code.co_filename.startswith(OWN_CODE):
            started.append((weakref.ref(self), f"{Path(caller.f_code.co_filename).name}:{caller.f_lineno}"))
        return original_start(self, *args)

    monkeypatch.setattr(QTimer, "start", tracking_start)
    yield started
    active = []
    for ref, where in started:
        timer = ref()
        if timer is not None and shiboken6.isValid(timer) and timer.isActive():
            timer.stop()  # do not let it fire into the next test, but still fail
            active.append(where)
    assert not active, "QTimer(s) still active after the test's widgets were closed, started at " + \
        ", ".join(sorted(set(active)))


def _view_methods():
    """(class, name) of the app's own view-update methods: AppState setters and widgets' show_* methods."""
    for module_name, module in list(sys.modules.items()):
        if not (module_name.startswith(VIEW_MODULES) or module_name == "gui.app_state") or module is None:
            continue
        prefix = "set_" if module_name == "gui.app_state" else "show_"
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != module_name:
                continue
            for name, value in vars(cls).items():
                if name.startswith(prefix) and isinstance(value, types.FunctionType):
                    yield cls, name


@pytest.fixture(autouse=True)
def gui_thread_guard(qapp, monkeypatch):
    """Fail any test in which a widget, a plot item or one of our views is updated from another thread."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

    main = threading.main_thread()
    offenders: list[str] = []

    def guard(cls, name):
        original = getattr(cls, name)

        def checked(self, *args, **kwargs):
            if threading.current_thread() is not main:
                offenders.append(f"{cls.__name__}.{name} from {threading.current_thread().name}")
            return original(self, *args, **kwargs)

        checked.__name__, checked.__doc__ = name, original.__doc__
        monkeypatch.setattr(cls, name, checked)

    for cls, name in ((pg.PlotDataItem, "setData"), (pg.ImageItem, "setImage"), (QLabel, "setText"),
                      (QProgressBar, "setValue"), (QStatusBar, "showMessage")):
        guard(cls, name)
    for cls, name in list(_view_methods()):
        guard(cls, name)
    yield offenders
    assert not offenders, "widgets touched off the GUI thread: " + ", ".join(offenders[:5])


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Message boxes never open in tests; errors are observed through `dialogs.notifier()` instead.

    A modal file or message dialog would wait forever for a click offscreen, so Qt's static dialog
    functions fail the test at once instead (replace `ask_*_path` / `dialogs.confirm` in the test).
    """
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from gui import dialogs

    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)

    def refuse(cls, name):
        def blocked(*args, **kwargs):
            raise AssertionError(f"{cls.__name__}.{name} would block the test waiting for a click; "
                                 "replace the app's ask_* function instead")
        monkeypatch.setattr(cls, name, staticmethod(blocked))

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        refuse(QFileDialog, name)
    for name in ("question", "warning", "critical", "information"):
        refuse(QMessageBox, name)
    for name in ("getText", "getInt", "getDouble", "getItem"):
        refuse(QInputDialog, name)


@pytest.fixture
def errors_shown(qapp):
    """Every error message shown to the user during the test, in order."""
    from gui import dialogs

    shown: list[str] = []

    def collect(message: str) -> None:
        shown.append(message)

    dialogs.notifier().error_shown.connect(collect)
    yield shown
    dialogs.notifier().error_shown.disconnect(collect)
