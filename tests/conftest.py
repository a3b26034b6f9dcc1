"""Test harness: offscreen Qt, one torch thread, isolated user folders (HOME, XDG_*, QSettings), guards.

The environment must be set before anything imports Qt, so this module does it first.
"""
from __future__ import annotations

import gzip
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MLP_STUDIO_NO_DOWNLOAD", "1")  # CI never reaches the internet

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED_DATA = ROOT.parent / "shared" / "data"
MNIST_T10K_DIR = SHARED_DATA / "mnist-t10k"
FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")


def pytest_configure(config):
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point HOME, XDG folders and the app's own folders at a temp dir for every test."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config")):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    _redirect_qsettings(home / ".config")
    yield home


def _redirect_qsettings(folder: Path) -> None:
    """QSettings caches its folders when first used, so XDG_CONFIG_HOME alone cannot move them: set them."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # a core-only environment without Qt has no QSettings to redirect
        return

    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))


def _read_idx_gz(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        return np.frombuffer(data, np.uint8, offset=16).reshape(count, 28, 28)
    return np.frombuffer(data, np.uint8, offset=8)


@pytest.fixture(scope="session")
def mnist_t10k_dir() -> Path:
    """The folder with the genuine MNIST test set; skips when it is absent."""
    if not (MNIST_T10K_DIR / "t10k-images-idx3-ubyte.gz").exists():
        pytest.skip(f"MNIST t10k not found at {MNIST_T10K_DIR}")
    return MNIST_T10K_DIR


@pytest.fixture(scope="session")
def mnist_t10k(mnist_t10k_dir) -> tuple[np.ndarray, np.ndarray]:
    """(images uint8 (10000, 28, 28), labels uint8 (10000,)) read independently of core."""
    images = _read_idx_gz(mnist_t10k_dir / "t10k-images-idx3-ubyte.gz")
    labels = _read_idx_gz(mnist_t10k_dir / "t10k-labels-idx1-ubyte.gz")
    return images, labels


@pytest.fixture(scope="session")
def fashion_dir() -> Path:
    """Debian's Fashion-MNIST folder; skips when the package is not installed."""
    if not (FASHION_DIR / "train-images-idx3-ubyte.gz").exists():
        pytest.skip(f"Fashion-MNIST not found at {FASHION_DIR} (apt-get install dataset-fashion-mnist)")
    return FASHION_DIR


class FakeClock:
    """A clock the test advances by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()
