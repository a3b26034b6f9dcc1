"""The Data tab: choose, load or download a dataset, and see what is in it.

Loading and downloading run in a `BackgroundRunner`, so the window never freezes. A download runs
`core.datasets.download` in a helper thread inside that worker, because its progress arrives
through a callback; the worker turns the callbacks into throttled `DownloadProgress` tuples it
yields, and the panel draws them.
"""
from __future__ import annotations

import functools
import importlib.util
import queue
import threading
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QSizePolicy, QSlider, QStackedWidget, QVBoxLayout, QWidget)

import core.datasets as datasets
from core.errors import DatasetError, DownloadCancelled, StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.throttle import RateLimiter
from gui import dialogs
from gui.app_state import AppState
from gui.training_controller import BackgroundRunner

DOWNLOADABLE = ("MNIST", "Fashion-MNIST")
DOWNLOAD_MB = {"MNIST": 12, "Fashion-MNIST": 31}
NOISELESS = ("Caveman",)          # generated sets whose points have no noise setting
FALLBACK = "Two gaussians"        # generated in milliseconds: always available
GRID_ROWS, GRID_COLS = 6, 8
PROGRESS_HZ = 10.0
CLASS_COLORS = ((8, 119, 189), (245, 147, 34), (60, 160, 60), (200, 40, 40), (140, 90, 190),
                (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))
CONTEXT = "gui.panels.data_panel"
SPLIT_NAMES = {"train": QT_TRANSLATE_NOOP("gui.panels.data_panel", "Training"),
               "val": QT_TRANSLATE_NOOP("gui.panels.data_panel", "Validation"),
               "test": QT_TRANSLATE_NOOP("gui.panels.data_panel", "Test")}


class DownloadProgress(NamedTuple):
    """Bytes of a download done so far, and the expected total."""

    done: int
    total: int


class DownloadStopped(NamedTuple):
    """The user cancelled a download; nothing was kept."""

    message: str


def ask_folder(parent: QWidget | None) -> str:
    """Ask for the folder that holds the dataset's files ("" when the user cancels)."""
    title = translate("gui.panels.data_panel", "Choose the folder with the MNIST-style .gz files")
    return QFileDialog.getExistingDirectory(parent, title)


def default_dataset_name() -> str:
    """What to load at start-up: MNIST if found, else synthetic digits if available, else a toy set."""
    if _found("MNIST"):
        return "MNIST"
    if importlib.util.find_spec("core.synthetic_digits") is not None:
        return "Synthetic digits"
    return FALLBACK


def _found(name: str, folder: Path | None = None) -> bool:
    try:
        return datasets.locate(name, folder) is not None
    except (StudioError, OSError):
        return False


def _load(name: str, folder: str | None, noise: float) -> datasets.Dataset:
    """Load a dataset; an unexpected failure becomes a DatasetError sentence, never a traceback."""
    try:
        return datasets.load_dataset(name, folder=None if folder is None else Path(folder), noise=noise)
    except StudioError:
        raise
    except Exception as exc:  # noqa: BLE001 - shown to the user as a sentence
        message = translate("gui.panels.data_panel", "Loading {name} failed unexpectedly ({error}: {detail}).")
        raise DatasetError(message.format(name=name, error=type(exc).__name__, detail=exc)) from None


def load_reports(name: str, folder: str | None, noise: float,
                 should_stop: Callable[[], bool]) -> Iterator[object]:
    """A BackgroundRunner report source that yields the loaded dataset."""
    yield _load(name, folder, noise)


def download_reports(name: str, should_stop: Callable[[], bool],
                     hz: float = PROGRESS_HZ) -> Iterator[object]:
    """Download `name` (throttled DownloadProgress tuples), then yield the loaded dataset."""
    try:
        folder = yield from _download_with_progress(name, should_stop, hz)
    except DownloadCancelled as exc:
        yield DownloadStopped(str(exc))
        return
    yield _load(name, str(folder), 0.0)


def _start_download(name: str, events: queue.Queue, cancel: threading.Event) -> threading.Thread:
    """Run `datasets.download` in a helper thread that puts progress, then ("done"|"error", value)."""

    def work() -> None:
        try:
            folder = datasets.download(name, progress=lambda d, t: events.put(DownloadProgress(d, t)),
                                       should_stop=cancel.is_set)
            events.put(("done", folder))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the worker by the caller
            events.put(("error", exc))

    helper = threading.Thread(target=work, name=f"download {name}", daemon=True)
    helper.start()
    return helper


def _download_with_progress(name: str, should_stop: Callable[[], bool], hz: float):
    """Relay a helper thread's download progress as throttled tuples; return the folder."""
    events: queue.Queue = queue.Queue()
    cancel = threading.Event()  # should_stop may only be called in the worker thread itself
    helper = _start_download(name, events, cancel)
    gate, last = RateLimiter(hz), None
    try:
        while True:
            if should_stop():
                cancel.set()
            try:
                event = events.get(timeout=0.05)
            except queue.Empty:
                continue
            if not isinstance(event, DownloadProgress):
                break  # ("done", folder) or ("error", exception)
            last = event
            if gate.ready():
                yield event
    finally:
        cancel.set()
        helper.join()
    if last is not None:
        yield last  # the final figures always reach the bar
    if event[0] == "error":
        raise event[1]
    return event[1]


def class_counts(dataset: datasets.Dataset) -> np.ndarray:
    """Training examples per class (int64, one per class name)."""
    return np.bincount(dataset.y_train, minlength=len(dataset.class_names)).astype(np.int64)


def target_histogram(dataset: datasets.Dataset, bins: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """Counts and bin edges of the regression targets of the training split."""
    y = np.asarray(dataset.y_train, dtype=np.float64).reshape(-1)
    return np.histogram(y, bins=min(bins, max(1, len(y))))


def sample_images(dataset: datasets.Dataset, count: int, seed: int = 0) -> tuple[np.ndarray, list[str]]:
    """`count` random training images as pixels in [0, 1] (k, 28, 28), with their class names."""
    rng = np.random.default_rng(seed)
    n = len(dataset.x_train)
    index = np.sort(rng.choice(n, size=min(count, n), replace=False))
    labels = [dataset.class_names[int(c)] if dataset.class_names else "" for c in dataset.y_train[index]]
    return datasets.to_pixels(dataset.x_train[index]), labels


def split_text(dataset: datasets.Dataset) -> str:
    """'Training 7,000 · Validation 1,000 · Test 2,000'."""
    template = translate("gui.panels.data_panel", "{split}: {count:,}")
    return "   ·   ".join(template.format(split=translate(CONTEXT, SPLIT_NAMES.get(k, k)), count=v)
                           for k, v in dataset.split_sizes.items())


def shape_text(dataset: datasets.Dataset) -> str:
    """What one example is and what the network must output, in words."""
    rows, cols = dataset.input_shape if dataset.is_image else (0, 0)
    if dataset.is_image:
        sample = translate("gui.panels.data_panel", "Each example is a {rows}×{cols} image = {count} input numbers")
    elif dataset.input_size == 2:
        sample = translate("gui.panels.data_panel", "Each example is a point (x₁, x₂) = 2 input numbers")
    elif dataset.input_size > 1:
        sample = translate("gui.panels.data_panel", "Each example is {count} numbers x")
    else:
        sample = translate("gui.panels.data_panel", "Each example is {count} number x")
    sample = sample.format(rows=rows, cols=cols, count=dataset.input_size)
    if dataset.task == "classification":
        text = translate("gui.panels.data_panel", "{sample}; the network outputs {count} class probabilities.")
    else:
        text = translate("gui.panels.data_panel", "{sample}; the network outputs the value y (regression).")
    return text.format(sample=sample, count=len(dataset.class_names or ()))


def points_title(dataset: datasets.Dataset) -> str:
    """Title of the scatter plot: what the dots are and what their colours mean."""
    n, name = len(dataset.x_train), dataset.name
    if dataset.input_size == 2 and dataset.task == "classification":
        one_class = translate("gui.panels.data_panel", "{name} = class {index}")
        names = translate("gui.panels.data_panel", " and ").join(
            one_class.format(name=class_name, index=i) for i, class_name in enumerate(dataset.class_names))
        text = translate("gui.panels.data_panel", "{dataset}: {count:,} training points; colour = class ({names})")
        return text.format(dataset=name, count=n, names=names)
    text = translate("gui.panels.data_panel", "{dataset}: {count:,} training points (x, y)")
    return text.format(dataset=name, count=n)


class SampleGrid(QWidget):
    """A grid of small images with their labels above them (white digits on black, like MNIST)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._images: list[QImage] = []
        self._labels: list[str] = []

    @property
    def labels(self) -> list[str]:
        """The labels shown, in grid order."""
        return list(self._labels)

    def show_samples(self, pixels: np.ndarray, labels: list[str]) -> None:
        """Show images (k, h, w) in [0, 1] with one label each."""
        data = np.ascontiguousarray(np.clip(pixels, 0.0, 1.0) * 255.0, dtype=np.uint8)
        self._images = [QImage(img.data, img.shape[1], img.shape[0], img.shape[1],
                               QImage.Format.Format_Grayscale8).copy() for img in data]
        self._labels = list(labels)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self._images:
            self._paint_tiles(painter)
        painter.end()

    def _paint_tiles(self, painter: QPainter) -> None:
        cols = GRID_COLS
        rows = -(-len(self._images) // cols)
        label_h = 18.0
        cell = min(self.width() / cols, self.height() / rows - label_h)
        size = max(cell - 8.0, 8.0)
        left = (self.width() - cell * cols) / 2
        font = QFont()
        font.setPointSize(10)
        font.setBold(True)
        painter.setFont(font)
        for k, (image, label) in enumerate(zip(self._images, self._labels)):
            x = left + (k % cols) * cell + 4
            y = (k // cols) * (cell + label_h)
            painter.setPen(QColor(20, 20, 20))
            painter.drawText(QRectF(x - 4, y, cell, label_h), Qt.AlignmentFlag.AlignCenter, label)
            painter.drawImage(QRectF(x, y + label_h, size, size), image)


class DataPanel(QWidget):
    """Choose a dataset, load or download it in the background, and show what it contains."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._folders: dict[str, str] = {}     # a folder the user chose, per dataset
        self._fallback: str | None = None     # loaded instead when the start-up choice fails
        self._task = ""                       # "load" | "download" while the runner works
        self._pending_folder: tuple[str, str | None] = ("", None)
        self.runner = BackgroundRunner(self, error_prefix="")
        self.runner.reported.connect(self._on_report)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._on_finished)
        self._build()
        state.dataset_changed.connect(self.show_dataset)
        self._on_choice_changed(self.dataset_combo.currentIndex())
        if state.dataset is not None:
            self.show_dataset(state.dataset)

    # ---- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_chooser())
        layout.addWidget(self._build_missing_box())
        self.source_label = _label(translate("gui.panels.data_panel", "No data loaded yet."),
                                   translate("gui.panels.data_panel", "Where the data came from"), wrap=True)
        self.shape_label = _label("", translate("gui.panels.data_panel",
                                                "What one example is and what the network must output"), wrap=True)
        self.split_label = _label("", translate("gui.panels.data_panel",
                                                "How many examples each split holds: the network learns from the "
                                                "training split, validation watches for overfitting, test is the "
                                                "final exam"))
        self.split_label.setFont(_font(13, bold=True))
        for label in (self.source_label, self.shape_label, self.split_label):
            layout.addWidget(label)
        views = QHBoxLayout()
        samples = QVBoxLayout()
        self.samples_caption = _label("", translate("gui.panels.data_panel",
                                                    "What the network sees: a few training examples and their labels"))
        self.samples_caption.setFont(_font(11, bold=True))
        samples.addWidget(self.samples_caption)
        samples.addWidget(self._build_samples(), 1)
        views.addLayout(samples, 3)
        views.addWidget(self._build_balance(), 2)
        layout.addLayout(views, 1)

    def _build_chooser(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.dataset_combo = QComboBox(self)
        for name in datasets.DATASET_NAMES:  # names are identifiers, never translated; read back as item data
            self.dataset_combo.addItem(name, name)
        self.dataset_combo.setToolTip(translate("gui.panels.data_panel",
                                                "Which data to learn from: handwritten digits, clothes, or a small "
                                                "toy set"))
        self.dataset_combo.currentIndexChanged.connect(self._on_choice_changed)
        self._build_noise()
        self.load_button = _button(translate("gui.panels.data_panel", "Load"),
                                   translate("gui.panels.data_panel", "Load (or generate) the chosen dataset (Ctrl+L)"),
                                   self)
        self.load_button.clicked.connect(self._on_load_clicked)
        self.folder_button = _button(translate("gui.panels.data_panel", "Choose folder…"),
                                     translate("gui.panels.data_panel",
                                               "Load MNIST-style files (…-idx3-ubyte.gz) from a folder you already "
                                               "have (Ctrl+Shift+O)"), self)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # busy: no percentage for a load
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.setToolTip(translate("gui.panels.data_panel", "Loading in the background; the app stays usable"))
        self.busy_bar.hide()
        dataset_caption = _label(translate("gui.panels.data_panel", "Dataset:"), "")
        noise_caption = _label(translate("gui.panels.data_panel", "Noise:"), "")
        for widget in (dataset_caption, self.dataset_combo, noise_caption, self.noise_slider,
                       self.noise_label, self.load_button, self.folder_button, self.busy_bar):
            row.addWidget(widget)
        row.addStretch(1)
        self._shortcut("Ctrl+L", self.load_button)
        self._shortcut("Ctrl+Shift+O", self.folder_button)
        return row

    def _build_noise(self) -> None:
        self.noise_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.noise_slider.setRange(0, 100)
        self.noise_slider.setValue(10)
        self.noise_slider.setMaximumWidth(180)
        self.noise_slider.setToolTip(translate("gui.panels.data_panel",
                                               "Noise of the generated toy sets: σ of the Gaussian jitter added to "
                                               "each point (0 to 1); applies on the next Load"))
        self.noise_slider.valueChanged.connect(self._on_noise_moved)
        self.noise_label = _label("σ = 0.10", translate("gui.panels.data_panel", "Noise σ of the generated points"))

    def _build_missing_box(self) -> QFrame:
        self.missing_box = QFrame(self)
        self.missing_box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.missing_box)
        self.missing_label = _label("", translate("gui.panels.data_panel", "These files are not on this computer yet"),
                                    wrap=True)
        self.download_button = _button(translate("gui.panels.data_panel", "Download"),
                                       translate("gui.panels.data_panel",
                                                 "Download the four .gz files from the official mirror and check "
                                                 "their checksums (Ctrl+D)"), self)
        self.download_button.clicked.connect(self._on_download_clicked)
        self.download_bar = QProgressBar(self)
        self.download_bar.setToolTip(translate("gui.panels.data_panel", "Bytes downloaded so far, of the total"))
        self.download_bar.setMinimumWidth(260)
        self.download_bar.hide()
        self.cancel_button = _button(translate("gui.panels.data_panel", "Cancel"),
                                     translate("gui.panels.data_panel",
                                               "Stop the download; nothing half-done is kept (Esc)"), self)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.cancel_button.hide()
        for widget in (self.missing_label, self.download_button, self.download_bar, self.cancel_button):
            row.addWidget(widget)
        row.setStretch(0, 1)
        self._shortcut("Ctrl+D", self.download_button)
        self._shortcut("Esc", self.cancel_button)
        self.missing_box.hide()
        return self.missing_box

    def _build_samples(self) -> QStackedWidget:
        self.views = QStackedWidget(self)
        self.sample_grid = SampleGrid(self)
        self.sample_grid.setToolTip(translate("gui.panels.data_panel",
                                              "Random examples from the training split, each with its label"))
        self.point_plot = pg.PlotWidget(self)
        self.point_plot.setToolTip(translate("gui.panels.data_panel", "The training examples: each dot is one example"))
        self.point_plot.showGrid(x=True, y=True, alpha=0.3)
        self.point_plot.getViewBox().setDefaultPadding(0.08)  # points on the edge stay visible
        self.class_items = [self.point_plot.plot([], [], pen=None, symbol="o", symbolSize=7,
                                                 symbolPen=pg.mkPen(40, 40, 40, 120),
                                                 symbolBrush=pg.mkBrush(*color, 200))
                            for i, color in enumerate(CLASS_COLORS[:2])]
        self.value_item = self.point_plot.plot([], [], pen=None, symbol="o", symbolSize=8,
                                               symbolBrush=pg.mkBrush(*CLASS_COLORS[0], 220))
        self.views.addWidget(self.sample_grid)
        self.views.addWidget(self.point_plot)
        return self.views

    def _build_balance(self) -> pg.PlotWidget:
        self.balance_plot = pg.PlotWidget(self)
        self.balance_plot.setToolTip(translate("gui.panels.data_panel",
                                               "How many training examples each class has (a balanced set has "
                                               "bars of equal length)"))
        self.balance_plot.setMouseEnabled(x=False, y=False)
        self.balance_plot.hideButtons()
        for axis in ("left", "bottom"):
            self.balance_plot.getAxis(axis).setStyle(tickFont=_font(11))
        self.class_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=pg.mkBrush(*CLASS_COLORS[0]))
        self.value_bars = pg.BarGraphItem(x=[], height=[], width=1.0, brush=pg.mkBrush(*CLASS_COLORS[1]))
        self.balance_plot.addItem(self.class_bars)
        self.balance_plot.addItem(self.value_bars)
        self.count_texts = [pg.TextItem("", color=(20, 20, 20), anchor=(0, 0.5)) for _ in range(10)]
        for text in self.count_texts:
            self.balance_plot.addItem(text)
        return self.balance_plot

    def _shortcut(self, keys: str, button: QPushButton) -> None:
        key = QShortcut(QKeySequence(keys), self)
        key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        key.activated.connect(button.animateClick)

    # ---- public actions ------------------------------------------------------------------------

    @property
    def chosen_name(self) -> str:
        """The dataset selected in the chooser (not necessarily the loaded one)."""
        return self.dataset_combo.currentData()

    def choose(self, name: str) -> None:
        """Select `name` in the chooser (as the user would), without loading it."""
        self.dataset_combo.setCurrentIndex(max(self.dataset_combo.findData(name), 0))

    def load(self, name: str | None = None, folder: str | None = None) -> bool:
        """Load `name` (default: the chosen one) in the background; False while another task runs."""
        if self._refuse_while_training():
            return False
        name = name or self.chosen_name
        folder = folder or self._folders.get(name)
        noise = self.noise_slider.value() / 100.0
        started = self.runner.start(functools.partial(load_reports, name, folder, noise))
        if started:
            self._task, self._pending_folder = "load", (name, folder)
            self._show_busy(translate("gui.panels.data_panel", "Loading {name}…").format(name=name))
        return started

    def load_default(self) -> str:
        """The start-up load: MNIST if found, else synthetic digits, else a toy set; returns the name."""
        name = default_dataset_name()
        self._fallback = FALLBACK if name != FALLBACK else None
        self.choose(name)
        self.load(name)
        return name

    def download(self, name: str | None = None) -> bool:
        """Download `name` (default: the chosen one) in the background, then load it."""
        name = name or self.chosen_name
        started = self.runner.start(functools.partial(download_reports, name))
        if started:
            self._task, self._pending_folder = "download", (name, None)
            self._show_download_started(name)
        return started

    def _refuse_while_training(self) -> bool:
        if self._state.is_training:
            dialogs.show_error(self, translate("gui.panels.data_panel",
                                               "Stop training before loading other data: the running training uses "
                                               "the current data."))
        return self._state.is_training

    def cancel(self) -> None:
        """Stop a running download (or load) as soon as it next checks."""
        self.runner.request_stop()
        self.cancel_button.setEnabled(False)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """For the main window's closeEvent: stop background work and wait for it."""
        return self.runner.shutdown(timeout_ms)

    # ---- showing -------------------------------------------------------------------------------

    @Slot(object)
    def show_dataset(self, dataset) -> None:
        """Show where `dataset` came from, its splits, its class balance and its examples."""
        if dataset is None:
            return
        with QSignalBlocker(self.dataset_combo):
            self.dataset_combo.setCurrentIndex(max(self.dataset_combo.findData(dataset.name), 0))
        self._update_choice_widgets()
        self.source_label.setText(dataset.source)
        self.shape_label.setText(shape_text(dataset))
        self.split_label.setText(split_text(dataset))
        self._show_examples(dataset)
        self._show_balance(dataset)

    def _show_examples(self, dataset) -> None:
        if dataset.is_image:
            pixels, labels = sample_images(dataset, GRID_ROWS * GRID_COLS)
            self.sample_grid.show_samples(pixels, labels)
            self.views.setCurrentWidget(self.sample_grid)
            caption = translate("gui.panels.data_panel", "{count} random training examples, each with its label")
            self.samples_caption.setText(caption.format(count=len(labels)))
            self.samples_caption.show()
            return
        self.samples_caption.hide()
        self.views.setCurrentWidget(self.point_plot)
        x, y = dataset.x_train, dataset.y_train
        two_d = dataset.input_size == 2 and dataset.task == "classification"
        for c, item in enumerate(self.class_items):
            chosen = x[y == c] if two_d else np.empty((0, 2), np.float32)
            item.setData(chosen[:, 0], chosen[:, 1])
        points = (x[:, 0], y[:, 0]) if not two_d else ([], [])
        self.value_item.setData(*points)
        self.value_item.setSymbolSize(14 if len(x) < 20 else 7)
        self.point_plot.setLabel("bottom", "x₁" if two_d else "x")
        self.point_plot.setLabel("left", "x₂" if two_d else "y")
        self.point_plot.setTitle(points_title(dataset))
        self.point_plot.enableAutoRange()

    def _show_balance(self, dataset) -> None:
        classes = dataset.task == "classification"
        self.class_bars.setVisible(classes)
        self.value_bars.setVisible(not classes)
        for text in self.count_texts:
            text.setText("")
        self.balance_plot.getViewBox().invertY(classes)  # first class at the top, like a list
        if classes:
            self._show_class_bars(dataset)
        else:
            self._show_target_bars(dataset)

    def _show_class_bars(self, dataset) -> None:
        counts = class_counts(dataset)
        rows = np.arange(len(counts))
        self.class_bars.setOpts(x0=np.zeros(len(counts)), y=rows, width=counts, height=0.7)
        names = dataset.class_names
        self.balance_plot.getAxis("left").setTicks([[(int(i), names[i]) for i in rows]])
        for text, row, count in zip(self.count_texts, rows, counts):
            text.setText(f"{int(count):,}")
            text.setPos(float(count), float(row))
        self.balance_plot.setLabel("bottom", translate("gui.panels.data_panel", "training examples"))
        self.balance_plot.setLabel("left", "")
        self.balance_plot.setTitle(translate("gui.panels.data_panel", "Class balance (training split)"))
        self.balance_plot.setXRange(0, float(counts.max(initial=1)) * 1.3, padding=0)
        self.balance_plot.setYRange(-0.6, len(counts) - 0.4, padding=0)

    def _show_target_bars(self, dataset) -> None:
        counts, edges = target_histogram(dataset)
        self.value_bars.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=counts, width=np.diff(edges) * 0.9)
        self.balance_plot.getAxis("left").setTicks(None)
        self.balance_plot.setLabel("bottom", translate("gui.panels.data_panel", "target y"))
        self.balance_plot.setLabel("left", translate("gui.panels.data_panel", "examples"))
        self.balance_plot.setTitle(translate("gui.panels.data_panel", "Targets y of the training split"))
        span = max(float(edges[-1] - edges[0]), 1.0)
        self.balance_plot.setXRange(edges[0] - 0.05 * span, edges[-1] + 0.05 * span, padding=0)
        self.balance_plot.setYRange(0, float(counts.max(initial=1)) * 1.15, padding=0)

    def _update_choice_widgets(self) -> None:
        """Noise only for noisy toy sets; folder and download only for MNIST-style files."""
        name = self.chosen_name
        noisy = name not in datasets.IMAGE_DATASETS and name not in NOISELESS
        for widget in (self.noise_slider, self.noise_label):
            widget.setEnabled(noisy)
        self.folder_button.setEnabled(name in DOWNLOADABLE and not self.runner.is_running)
        missing = name in DOWNLOADABLE and name not in self._folders and not _found(name)
        text = translate("gui.panels.data_panel", "{name} is not on this computer yet. Download it (about {size} MB), "
                         "or choose a folder that holds its files.")
        self.missing_label.setText(text.format(name=name, size=DOWNLOAD_MB.get(name, 0)) if missing else "")
        self.missing_box.setVisible(missing or self._task == "download")

    def _show_busy(self, text: str) -> None:
        self.busy_bar.setFormat(text)
        self.busy_bar.setToolTip(text)
        self.busy_bar.show()
        self._set_controls_enabled(False)

    def _show_download_started(self, name: str) -> None:
        self.download_bar.setRange(0, 1000)
        self.download_bar.setValue(0)
        connecting = translate("gui.panels.data_panel", "Connecting to download {name}…")
        self.download_bar.setFormat(connecting.format(name=name))
        self.download_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.download_button.hide()
        self._set_controls_enabled(False)

    def show_download_progress(self, progress: DownloadProgress) -> None:
        """Show bytes and percentage of a running download."""
        total = max(progress.total, progress.done, 1)
        self.download_bar.setValue(int(1000 * progress.done / total))
        text = translate("gui.panels.data_panel", "{done:.1f} of {total:.1f} MB ({percent:.0f} %)")
        self.download_bar.setFormat(text.format(done=progress.done / 1e6, total=total / 1e6,
                                                percent=100 * progress.done / total))

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.dataset_combo, self.load_button, self.download_button):
            widget.setEnabled(enabled)
        self.folder_button.setEnabled(enabled and self.chosen_name in DOWNLOADABLE)

    def _show_idle(self) -> None:
        self.busy_bar.hide()
        self.download_bar.hide()
        self.cancel_button.hide()
        self.download_button.show()
        self._task = ""
        self._set_controls_enabled(True)
        self._update_choice_widgets()

    # ---- user events and background results ----------------------------------------------------

    @Slot(int)
    def _on_choice_changed(self, _index: int) -> None:
        self._update_choice_widgets()

    @Slot(int)
    def _on_noise_moved(self, value: int) -> None:
        self.noise_label.setText(f"σ = {value / 100:.2f}")

    @Slot()
    def _on_load_clicked(self) -> None:
        self._fallback = None
        self.load()

    @Slot()
    def _on_folder_clicked(self) -> None:
        folder = ask_folder(self)
        if folder:
            self._fallback = None
            self.load(self.chosen_name, folder)

    @Slot()
    def _on_download_clicked(self) -> None:
        self._fallback = None
        self.download()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.cancel()

    @Slot(object)
    def _on_report(self, report: object) -> None:
        if isinstance(report, DownloadProgress):
            self.show_download_progress(report)
        elif isinstance(report, DownloadStopped):
            self.missing_label.setText(report.message)
            dialogs.show_notice(self, report.message)
        elif isinstance(report, datasets.Dataset):
            self._use_dataset(report)

    def _use_dataset(self, dataset: datasets.Dataset) -> None:
        """Hand loaded data to the app, unless training started meanwhile (it needs its data)."""
        if self._state.is_training:
            message = translate("gui.panels.data_panel", "{name} was loaded but not used: stop training before "
                                "switching to other data.")
            dialogs.show_error(self, message.format(name=dataset.name))
            return
        self._remember_folder()
        self._fallback = None
        self._state.set_dataset(dataset)

    def _remember_folder(self) -> None:
        name, folder = self._pending_folder
        if folder:
            self._folders[name] = folder

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        dialogs.show_error(self, message)

    @Slot(str)
    def _on_finished(self, _outcome: str) -> None:
        self._show_idle()
        fallback, self._fallback = self._fallback, None
        if fallback is not None and self._state.dataset is None:
            self.choose(fallback)
            self.load(fallback)


def _label(text: str, tip: str, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setToolTip(tip)
    label.setWordWrap(wrap)
    return label


def _button(text: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    return button


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font
