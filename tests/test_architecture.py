"""Architecture rules and crash canaries that must fail before users do."""
from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {"core": ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"), "gui": ("torch",)}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_never_imports_forbidden_modules(package):
    offenders = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in (ROOT / package).rglob("*.py")
                 for name in imported_modules(path) & set(FORBIDDEN[package])]
    assert not offenders, offenders


def test_core_imports_without_qt_in_a_fresh_interpreter():
    code = ("import sys, pkgutil, importlib, core\n"
            "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('core.' + m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]\n"
            "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def test_window_module_does_not_import_torch():
    """The window must appear before torch loads (start-up time)."""
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import sys, gui.app, gui.main_window\n"
            "assert 'torch' not in sys.modules, 'torch imported at start-up'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def test_no_dangerous_thread_or_load_calls_in_source():
    """T-07 and M-02 guards: no terminate(), no BlockingQueuedConnection, torch.load only with weights_only=True."""
    problems = []
    for path in list((ROOT / "core").rglob("*.py")) + list((ROOT / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("terminate", "BlockingQueuedConnection"):
                problems.append(f"{path.name}:{node.lineno} uses {node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "torch":
                kw = {k.arg: k.value for k in node.keywords}
                if not (isinstance(kw.get("weights_only"), ast.Constant) and kw["weights_only"].value is True):
                    problems.append(f"{path.name}:{node.lineno} calls torch.load without weights_only=True")
    assert not problems, problems


def test_pinned_versions_are_installed():
    """C-02: the PySide6 pin is what keeps Python 3.11 alive; torch must be the CPU build we pin."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = dict(d.split("==") for d in deps if "==" in d)
    assert pins["PySide6-Essentials"] == "6.11.3" == version("PySide6-Essentials")
    assert version("torch").split("+")[0] == pins["torch"]
    assert version("pyqtgraph") == pins["pyqtgraph"]


def test_signal_emit_keeps_refcount_of_true(qapp):
    """C-01: PySide6 6.12.0 drops a reference to True on every emit and aborts Python 3.11."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        ping = Signal(object)

    emitter, received = Emitter(), []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(1000):
        emitter.ping.emit(i)
    assert len(received) == 1000
    assert abs(sys.getrefcount(True) - before) < 50


def test_many_plot_updates_in_a_subprocess_exit_cleanly():
    """C-01 (process level): 500 pyqtgraph setData/setImage updates must not abort the interpreter."""
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import numpy as np, pyqtgraph as pg\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([]); w = pg.PlotWidget(); c = w.plot(); img = pg.ImageItem(axisOrder='row-major')\n"
            "w.addItem(img)\n"
            "for i in range(500):\n"
            "    c.setData(np.arange(10), np.random.rand(10)); img.setImage(np.random.rand(8, 8), autoLevels=False)\n"
            "    app.processEvents()\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr[-2000:]
