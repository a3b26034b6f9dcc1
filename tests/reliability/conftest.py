"""Reliability tests share the GUI guards (threads, timers, GUI-thread, dialogs) and a few app fixtures."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.gui.conftest import (errors_shown, gui_thread_guard, no_active_timers,  # noqa: F401 - fixtures
                                no_dangling_threads, no_message_boxes)

ROOT = Path(__file__).resolve().parents[2]


def soak_seconds(default: float = 3.0) -> float:
    """How long a soak test runs: SOAK_SECONDS when set (developers: 600), else a short CI run."""
    value = os.environ.get("SOAK_SECONDS", "")
    try:
        return max(float(value), 0.5) if value else default
    except ValueError:
        return default


def child_env(home: Path) -> dict[str, str]:
    """Environment for an app child process: offscreen, no downloads, user folders under `home`."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", MLP_STUDIO_NO_DOWNLOAD="1", HOME=str(home),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_CONFIG_HOME=str(home / ".config"), PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1",
               OMP_NUM_THREADS="1")
    return env


@pytest.fixture(scope="session")
def mnist_small(mnist_t10k):
    """The first 2,000 genuine t10k digits as a model-ready Dataset (1,400 train, 200 val, 400 test)."""
    from core.datasets import Dataset, normalize_pixels

    images, labels = mnist_t10k
    x = np.ascontiguousarray(normalize_pixels(images[:2000] / 255.0).reshape(2000, 784), np.float32)
    y = labels[:2000].astype(np.int64)
    return Dataset("MNIST", "classification", (28, 28), tuple(str(d) for d in range(10)),
                   x[:1400], y[:1400], x[1400:1600], y[1400:1600], x[1600:], y[1600:], "t10k (first 2,000)")


@pytest.fixture(scope="session")
def mnist_t10k_dataset(mnist_t10k_dir):
    """The whole t10k set as the app loads it (7,000 train, 1,000 val, 2,000 test): epochs of ~110 batches."""
    from core.datasets import load_dataset

    return load_dataset("MNIST", folder=mnist_t10k_dir)


def _main_window(qtbot, dataset):
    from gui.main_window import MainWindow

    main = MainWindow(auto_load=False)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.state.set_dataset(dataset)
    return main


@pytest.fixture
def window(qtbot, mnist_small):
    """The whole main window with 2,000 MNIST digits loaded and nothing loading in the background."""
    main = _main_window(qtbot, mnist_small)
    yield main
    assert main.shutdown()


@pytest.fixture
def soak_window(qtbot, mnist_t10k_dataset):
    """The main window with the whole t10k set: the epochs are long enough for a realistic soak."""
    main = _main_window(qtbot, mnist_t10k_dataset)
    yield main
    assert main.shutdown()


if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
