"""The Data tab: loading toy sets and MNIST in the background, bad folders, downloads and Cancel."""
from __future__ import annotations

import gzip
import hashlib
import http.server
import socket
import struct
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import core.datasets as datasets
from core.errors import DownloadCancelled
from gui import dialogs
from gui.app_state import AppState
from gui.panels import data_panel
from gui.panels.data_panel import DataPanel, DownloadProgress

LOAD_MS = 20_000


@pytest.fixture
def messages(monkeypatch, qtbot):
    """Every error and notice the panel shows, instead of message boxes."""
    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)
    seen: dict[str, list[str]] = {"error": [], "notice": []}
    notifier = dialogs.notifier()
    notifier.error_shown.connect(seen["error"].append)
    notifier.notice_shown.connect(seen["notice"].append)
    yield seen
    notifier.error_shown.disconnect(seen["error"].append)
    notifier.notice_shown.disconnect(seen["notice"].append)


@pytest.fixture
def panel(qtbot, messages):
    state = AppState()
    widget = DataPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    yield widget
    assert widget.runner.shutdown()


def wait_idle(qtbot, panel: DataPanel) -> None:
    qtbot.waitUntil(lambda: not panel.runner.is_running, timeout=LOAD_MS)


def load(qtbot, panel: DataPanel, name: str) -> None:
    panel.choose(name)
    with qtbot.waitSignal(panel._state.dataset_changed, timeout=LOAD_MS):
        panel.load_button.click()
    wait_idle(qtbot, panel)


def idx_gz(path: Path, array: np.ndarray) -> bytes:
    """Write `array` (uint8) as a gzipped IDX file and return its bytes."""
    magic = 0x0803 if array.ndim == 3 else 0x0801
    header = struct.pack(">II", magic, len(array)) + b"".join(struct.pack(">I", n) for n in array.shape[1:])
    data = gzip.compress(header + array.astype(np.uint8).tobytes())
    path.write_bytes(data)
    return data


def test_a_toy_set_loads_in_the_background_and_shows_its_points(panel, qtbot):
    panel.choose("Two gaussians")
    assert panel.noise_slider.isEnabled() and not panel.folder_button.isEnabled()
    assert not panel.missing_box.isVisibleTo(panel)
    with qtbot.waitSignal(panel._state.dataset_changed, timeout=LOAD_MS):
        panel.load_button.click()
        assert panel.busy_bar.isVisibleTo(panel) and not panel.load_button.isEnabled()
    wait_idle(qtbot, panel)
    dataset = panel._state.dataset
    assert dataset.name == "Two gaussians"
    assert panel.split_label.text() == "Training: 420   ·   Validation: 90   ·   Test: 90"
    assert panel.views.currentWidget() is panel.point_plot
    blue_x, _ = panel.class_items[0].getData()
    assert len(blue_x) == int((dataset.y_train == 0).sum())
    counts = panel.class_bars.opts["width"]
    assert list(counts) == np.bincount(dataset.y_train).tolist()
    assert not panel.busy_bar.isVisibleTo(panel) and panel.load_button.isEnabled()
    assert panel._state.network.layer_sizes[0] == 2       # the designer's input follows the data


def test_the_noise_slider_changes_the_generated_set(panel, qtbot):
    panel.noise_slider.setValue(0)
    assert panel.noise_label.text() == "σ = 0.00"
    load(qtbot, panel, "Sine")
    clean = panel._state.dataset
    assert np.allclose(clean.y_train[:, 0], np.sin(clean.x_train[:, 0]), atol=1e-5)
    assert panel.views.currentWidget() is panel.point_plot
    assert len(panel.value_item.getData()[0]) == len(clean.x_train)
    panel.noise_slider.setValue(50)
    load(qtbot, panel, "Sine")
    assert "σ = 0.5" in panel._state.dataset.source
    assert not panel.class_bars.isVisible() and panel.value_bars.isVisible()


def test_mnist_loads_from_a_chosen_folder(panel, qtbot, monkeypatch, mnist_t10k_dir, mnist_t10k):
    monkeypatch.setattr(data_panel, "ask_folder", lambda parent: str(mnist_t10k_dir))
    panel.choose("MNIST")
    assert panel.folder_button.isEnabled() and not panel.noise_slider.isEnabled()
    with qtbot.waitSignal(panel._state.dataset_changed, timeout=LOAD_MS):
        panel.folder_button.click()
    wait_idle(qtbot, panel)
    dataset = panel._state.dataset
    assert dataset.name == "MNIST" and str(mnist_t10k_dir) in panel.source_label.text()
    assert panel.split_label.text() == "Training: 7,000   ·   Validation: 1,000   ·   Test: 2,000"
    assert panel.views.currentWidget() is panel.sample_grid
    labels = panel.sample_grid.labels
    assert len(labels) == 48 and set(labels) <= set("0123456789") and len(set(labels)) > 5
    assert sum(panel.class_bars.opts["width"]) == 7_000
    assert [t.toPlainText() for t in panel.count_texts][:1] == [f"{int((dataset.y_train == 0).sum()):,}"]
    assert not panel.missing_box.isVisibleTo(panel)        # the folder is remembered
    assert panel._state.network.describe() == "784-16-16-10"


def test_a_bad_folder_shows_the_reason_and_keeps_the_previous_data(panel, qtbot, monkeypatch, tmp_path,
                                                                      messages):
    load(qtbot, panel, "XOR")
    before = panel._state.dataset
    rng = np.random.default_rng(1)
    (tmp_path / "t10k-images-idx3-ubyte").write_bytes(rng.bytes(5000))
    (tmp_path / "t10k-labels-idx1-ubyte").write_bytes(rng.bytes(100))
    monkeypatch.setattr(data_panel, "ask_folder", lambda parent: str(tmp_path))
    panel.choose("MNIST")
    with qtbot.waitSignal(dialogs.notifier().error_shown, timeout=LOAD_MS):
        panel.folder_button.click()
    wait_idle(qtbot, panel)
    assert len(messages["error"]) == 1
    assert "t10k-images-idx3-ubyte" in messages["error"][0] and "Traceback" not in messages["error"][0]
    assert panel._state.dataset is before
    assert panel.split_label.text().startswith("Training: 420")


def test_cancel_stops_a_download_and_keeps_nothing(panel, qtbot, monkeypatch, messages):
    calls = {}

    def slow_download(name, dest_dir=None, *, progress=None, should_stop=None, **kwargs):
        """A fake transfer (in the helper thread): 10 kB per 5 ms until told to stop."""
        calls["name"] = name
        for done in range(0, 10_000_000, 10_000):
            if should_stop():
                raise DownloadCancelled(f"The {name} download was cancelled; the unfinished file was removed.")
            progress(done, 10_000_000)
            time.sleep(0.005)
        raise AssertionError("the download was never cancelled")

    monkeypatch.setattr(datasets, "download", slow_download)
    monkeypatch.setattr(data_panel, "_found", lambda name, folder=None: False)
    panel.choose("MNIST")
    assert panel.missing_box.isVisibleTo(panel) and "12 MB" in panel.missing_label.text()
    qtbot.mouseClick(panel.download_button, _left())
    assert panel.cancel_button.isVisibleTo(panel) and not panel.load_button.isEnabled()
    qtbot.waitUntil(lambda: "%" in panel.download_bar.format() and panel.download_bar.value() > 0,
                    timeout=LOAD_MS)
    assert "MB" in panel.download_bar.format()
    with qtbot.waitSignal(panel.runner.finished, timeout=LOAD_MS) as finished:
        qtbot.mouseClick(panel.cancel_button, _left())
    assert finished.args == ["stopped"]
    assert calls["name"] == "MNIST"
    assert messages["notice"] and "cancelled" in messages["notice"][0]
    assert messages["error"] == []
    assert panel._state.dataset is None
    assert not panel.cancel_button.isVisibleTo(panel) and panel.download_button.isVisibleTo(panel)
    assert panel.load_button.isEnabled()


def test_offline_download_shows_a_sentence(panel, qtbot, monkeypatch, messages):
    with socket.socket() as probe:                         # a port where nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.delenv("MLP_STUDIO_NO_DOWNLOAD", raising=False)
    monkeypatch.setitem(datasets.MIRRORS, "MNIST", (f"http://127.0.0.1:{port}/",))
    panel.choose("MNIST")
    with qtbot.waitSignal(dialogs.notifier().error_shown, timeout=LOAD_MS):
        qtbot.mouseClick(panel.download_button, _left())
    wait_idle(qtbot, panel)
    message = messages["error"][0]
    assert "Could not download" in message and "refused" in message
    assert panel._state.dataset is None
    assert panel.missing_box.isVisibleTo(panel) and panel.download_button.isEnabled()


def test_download_from_a_local_server_then_loads_the_files(panel, qtbot, monkeypatch, tmp_path, messages):
    served = tmp_path / "server"
    served.mkdir()
    rng = np.random.default_rng(0)
    checksums = {}
    for prefix, n in (("train", 120), ("t10k", 30)):
        images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        labels = np.arange(n, dtype=np.uint8) % 10
        for kind, array in (("images-idx3", images), ("labels-idx1", labels)):
            name = f"{prefix}-{kind}-ubyte.gz"
            checksums[name] = hashlib.md5(idx_gz(served / name, array)).hexdigest()
    quiet = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: quiet(*a, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.delenv("MLP_STUDIO_NO_DOWNLOAD", raising=False)
        monkeypatch.setitem(datasets.MIRRORS, "MNIST", (f"http://127.0.0.1:{server.server_address[1]}/",))
        monkeypatch.setitem(datasets.CHECKSUMS, "MNIST", checksums)
        panel.choose("MNIST")
        assert panel.missing_box.isVisibleTo(panel)
        with qtbot.waitSignal(panel._state.dataset_changed, timeout=LOAD_MS):
            qtbot.mouseClick(panel.download_button, _left())
        wait_idle(qtbot, panel)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert messages["error"] == []
    dataset = panel._state.dataset
    assert dataset.name == "MNIST" and dataset.split_sizes == {"train": 110, "val": 10, "test": 30}
    assert "downloaded" in dataset.source
    assert not panel.missing_box.isVisibleTo(panel)       # found in the cache from now on


def test_download_reports_are_throttled_and_end_with_the_final_figures(monkeypatch):
    def fast_download(name, dest_dir=None, *, progress=None, should_stop=None, **kwargs):
        for done in range(0, 1001):
            progress(done, 1000)
        return Path("/nowhere")

    monkeypatch.setattr(datasets, "download", fast_download)
    monkeypatch.setattr(data_panel, "_load", lambda name, folder, noise: ("loaded", name, folder))
    reports = list(data_panel.download_reports("MNIST", lambda: False, hz=1e-3))
    progress = [r for r in reports if isinstance(r, DownloadProgress)]
    assert len(progress) == 2                              # the first (rate-limited) and the last
    assert progress[-1] == DownloadProgress(1000, 1000)
    assert reports[-1] == ("loaded", "MNIST", "/nowhere")


def test_load_default_falls_back_to_a_toy_set(panel, qtbot, monkeypatch, messages):
    monkeypatch.setattr(data_panel, "default_dataset_name", lambda: "My digits")  # none drawn yet
    with qtbot.waitSignal(panel._state.dataset_changed, timeout=LOAD_MS):
        assert panel.load_default() == "My digits"
    wait_idle(qtbot, panel)
    assert messages["error"] and "My digits" in messages["error"][0]
    assert panel._state.dataset.name == "Two gaussians"
    assert panel.chosen_name == "Two gaussians"


def test_default_choice_prefers_mnist_then_synthetic_digits(monkeypatch):
    monkeypatch.setattr(datasets, "locate", lambda name, folder=None: Path("/data") if name == "MNIST" else None)
    assert data_panel.default_dataset_name() == "MNIST"
    monkeypatch.setattr(datasets, "locate", lambda name, folder=None: None)
    monkeypatch.setattr(data_panel.importlib.util, "find_spec", lambda name: object())
    assert data_panel.default_dataset_name() == "Synthetic digits"
    monkeypatch.setattr(data_panel.importlib.util, "find_spec", lambda name: None)
    assert data_panel.default_dataset_name() == "Two gaussians"


def test_loading_is_refused_while_training(panel, qtbot, messages):
    panel._state.set_training_state("running")
    panel.choose("Circle")
    panel.load_button.click()
    assert not panel.runner.is_running
    assert messages["error"] and "Stop training" in messages["error"][0]
    assert panel._state.dataset is None


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
