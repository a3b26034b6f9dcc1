"""The app as a child process, for the process-level reliability tests (C-03, T-02, T-03, L-08, S-04, S-05).

`python -m tests.reliability.app_child <scenario> [args]` runs one scenario and exits with the app's
exit code. `kill_loop_child` is started from a fork server that has torch and the GUI already
imported, so twenty start → train → SIGKILL → restart cycles fit in the normal test run.
The parent sets HOME/XDG_* so every child's files land in a temp folder.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MLP_STUDIO_NO_DOWNLOAD", "1")

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KILL_LOOP_MODEL = "kill_loop.pt"
# torch._dynamo: the first optimizer imports it (about 2 s); preloading it lets a child train at once
PRELOAD = ["torch", "torch._dynamo", "core.training", "core.model_io", "gui.main_window", "tests.reliability.app_child"]


def use_home(home: Path) -> None:
    """Point HOME and the XDG folders at `home` (read at each use by core.paths and, first, by QSettings)."""
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache"),
                     ("XDG_CONFIG_HOME", ".config")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(home / sub)


def random_digits(n: int = 600):
    """A small 784-input classification Dataset of noise (training only needs shapes, not meaning)."""
    import numpy as np

    from core.datasets import Dataset

    rng = np.random.default_rng(0)
    x = rng.normal(size=(n, 784)).astype(np.float32)
    y = rng.integers(0, 10, n).astype(np.int64)
    cut = n * 8 // 10
    return Dataset("MNIST", "classification", (28, 28), tuple("0123456789"), x[:cut], y[:cut],
                   x[cut:], y[cut:], x[cut:], y[cut:], "random")


def start_training(window, batch_size: int = 16) -> None:
    """A small network on random digits, trained 'forever' from the Training panel."""
    from core.network_spec import LayerSpec, NetworkSpec
    from core.reports import TrainingConfig

    window.state.set_dataset(random_digits())
    window.state.set_network(NetworkSpec(784, (LayerSpec(32),), 10))
    window.state.set_config(TrainingConfig(learning_rate=0.01, batch_size=batch_size, epochs=10_000))
    window.training_panel.train_or_pause()


# ---------------------------------------------------------------- whole-app scenarios (C-03, T-02, T-03)

def scenario_start_quit() -> int:
    """C-03: the real entry point with no data and no settings; the window closes itself after 500 ms."""
    from PySide6.QtCore import QTimer

    from gui.app import create_application, main

    app = create_application([])
    QTimer.singleShot(500, app.closeAllWindows)
    return main()


def _when_training(window, action) -> None:
    """Run `action` once, on the first loss report (training really runs)."""
    from PySide6.QtCore import QObject, Slot

    class Trigger(QObject):
        @Slot(object)
        def fire(self, report) -> None:
            window.controller.loss_reported.disconnect(self.fire)
            print(f"TRAINING step={report.step}", flush=True)
            action()

    window._reliability_trigger = Trigger(window)
    window.controller.loss_reported.connect(window._reliability_trigger.fire)


def scenario_mid_training(how: str) -> int:
    """T-02 (`close`: close then quit, as the user does) or T-03 (`quit`: aboutToQuit only, as at logout)."""
    from PySide6.QtCore import QTimer

    from gui.app import create_application
    from gui.main_window import MainWindow

    app = create_application([])
    window = MainWindow(auto_load=False)
    window.show()
    if how == "close":
        _when_training(window, lambda: (QTimer.singleShot(300, window.close), QTimer.singleShot(400, app.quit)))
    else:
        _when_training(window, app.quit)
    QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang the test: 3 = training never started
    start_training(window)
    code = app.exec()
    print(f"EXIT running={window.controller.is_running}", flush=True)
    return code


# ---------------------------------------------------------------- kill loop (L-08)

def startup_report() -> dict:
    """What a fresh start finds after the previous run was killed: stale temp files, settings, model, digits."""
    from core.model_io import load_model
    from core.own_digits import OwnDigits
    from core.paths import PART_SUFFIX, user_cache_dir, user_data_dir
    from gui.app import clean_stale_files
    from gui.settings_store import SettingsStore

    removed = clean_stale_files()
    data, cache = user_data_dir(), user_cache_dir()
    report = {"removed_parts": [p.name for p in removed],
              "remaining_parts": [str(p) for root in (data, cache) for p in root.rglob("*" + PART_SUFFIX)]}
    store = SettingsStore()
    report["settings_file"] = str(store.path)
    report["settings_corrupt_copy"] = str(store.corrupt_copy) if store.corrupt_copy else None
    model = data / KILL_LOOP_MODEL
    report["model"] = "absent"
    if model.exists():
        try:
            report["model"] = f"ok {load_model(model).spec.describe()}"
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the test
            report["model"] = f"error {type(exc).__name__}: {exc}"
    try:
        report["digits"] = f"ok {len(OwnDigits.open())}"
    except Exception as exc:  # noqa: BLE001
        report["digits"] = f"error {type(exc).__name__}: {exc}"
    return report


def _churn(window, marker: Path):
    """A QObject whose timer keeps saving the model, the settings and a new digit while training runs."""
    import numpy as np
    from PySide6.QtCore import QObject, QTimer, Slot

    from core.own_digits import OwnDigits
    from core.paths import user_data_dir

    class Churn(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.digits, self.tick, self.rng = OwnDigits.open(), 0, np.random.default_rng()
            self.timer = QTimer(self)
            self.timer.timeout.connect(self.step)
            self.timer.start(15)

        @Slot()
        def step(self) -> None:
            self.tick += 1
            if self.tick % 3 == 0 and window.state.weights is not None and not window.model_files.busy:
                window.save_model_to(str(user_data_dir() / KILL_LOOP_MODEL))
            elif self.tick % 3 == 1:
                window.save_settings()
            else:
                self.digits.add(self.rng.integers(0, 256, (28, 28), dtype=np.uint8), int(self.rng.integers(10)))
            if window.state.weights is not None and not marker.exists():
                marker.write_text("training")

    return Churn()


def kill_loop_child(home: str, index: int) -> None:
    """One life of the kill loop: check the start is clean, then train and save until killed."""
    from core.paths import atomic_write_bytes

    use_home(Path(home))
    report = startup_report()
    atomic_write_bytes(Path(home) / f"report-{index}.json", json.dumps(report).encode())
    from gui import dialogs
    from gui.app import create_application
    from gui.main_window import MainWindow

    dialogs.SHOW_DIALOGS = False  # an error is recorded by the notifier; no box waits for a click
    app = create_application([])
    window = MainWindow(auto_load=False)
    window.show()
    window._reliability_churn = _churn(window, Path(home) / f"training-{index}")
    start_training(window)
    app.exec()


# ---------------------------------------------------------------- settings writers (S-04, S-05)

def scenario_settings_writer(path: str, tag: int, count: int) -> int:
    """Save TrainingDefaults `count` times; each save names its writer (seed) and round (batch size)."""
    from gui.settings_store import SettingsStore

    store = SettingsStore(path)
    for i in range(count):
        if not store.save(written(tag, i)):
            print(f"SAVE FAILED at {i}", flush=True)
            return 2
        if i == 0:
            print("FIRST", flush=True)
    print(f"DONE {tag}", flush=True)
    return 0


def settings_writer_child(home: str, path: str, tag: int, marker: str) -> None:
    """S-04 from the fork server: save for ever, after touching `marker` once the first save is done."""
    use_home(Path(home))
    from gui.settings_store import SettingsStore

    store = SettingsStore(path)
    for i in range(10**9):
        store.save(written(tag, i))
        if i == 0:
            Path(marker).write_text("saved")


def written(tag: int, i: int):
    """What writer `tag` saves in round `i`: its keys agree with each other only if saved together."""
    from core.settings import TrainingDefaults

    return TrainingDefaults(seed=tag, batch_size=i, epochs=1 + i % 50)


def main(argv: list[str]) -> int:
    scenario = argv[1]
    if scenario == "start-quit":
        return scenario_start_quit()
    if scenario in ("close", "quit"):
        return scenario_mid_training(scenario)
    if scenario == "settings-writer":
        return scenario_settings_writer(argv[2], int(argv[3]), int(argv[4]))
    raise SystemExit(f"unknown scenario {scenario}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
