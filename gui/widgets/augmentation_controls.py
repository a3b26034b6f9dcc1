"""Data augmentation: one slider per random change, and eight training images as the network sees them.

The preview runs `core.augmentation.augment_preview` (torch, on 8 images: under a millisecond) on
the GUI thread. That module imports torch, which takes seconds to load, so it is imported only once
torch is in memory (the main window loads it in the background at start-up); until then the strip
shows the images unchanged and checks again every half second.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from core.datasets import to_pixels
from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.reports import Augmentation
from gui import dialogs

# the strongest setting of each slider; equal to core.augmentation.LIMITS (a test checks), written out
# here because importing core.augmentation would load torch while the window starts
LIMITS = {"shift_px": 4.0, "rotation_deg": 30.0, "scale": 0.3, "thickness": 1.0, "noise": 0.5}
TORCH_RETRY_MS = 500
PREVIEW_COUNT = 8
SIDE = 28
GAP = 4                                       # pixels of paper between two preview images
INK_LUT = np.linspace(255, 0, 256).astype(np.uint8)   # dark ink on white paper (reads well on a projector)


@dataclass(frozen=True)
class SliderSpec:
    """One augmentation slider: which Augmentation field, its step, how to show its value, its tooltip.

    `title` and `tooltip` are English, marked for translation; translate them where they are shown."""

    field: str
    title: str
    step: float
    text: Callable[[float], str]
    tooltip: str

    @property
    def ticks(self) -> int:
        return round(LIMITS[self.field] / self.step)


SLIDERS: tuple[SliderSpec, ...] = (
    SliderSpec("shift_px", QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls", "Shift"), 0.5,
               lambda v: f"± {v:g} px",
               QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls",
                                 "Moves each training image by a random amount, up to ± this many pixels "
                                 "left/right and up/down:\n"
                                 "x' = x + Δx,  y' = y + Δy,  Δx, Δy ~ U(−s, s).")),
    SliderSpec("rotation_deg", QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls", "Rotation"), 1.0,
               lambda v: f"± {v:g}°",
               QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls",
                                 "Turns each training image about its centre by a random angle up to ± this many "
                                 "degrees:\nθ ~ U(−r, r).")),
    SliderSpec("scale", QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls", "Scale"), 0.01,
               lambda v: f"± {v * 100:.0f} %",
               QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls",
                                 "Enlarges or shrinks each training image by a random factor 1 + u,  u ~ U(−s, s)\n"
                                 "(0.10 means anything from 90 % to 110 %).")),
    SliderSpec("thickness", QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls", "Stroke thickness"), 0.05,
               lambda v: f"± {v:.2f}",
               QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls",
                                 "Makes the strokes of each training image thicker or thinner by a random amount a:\n"
                                 "p' = p + a·(dilate(p) − p) for a > 0 (up to +s), towards erode(p) for a < 0 "
                                 "(up to −s/2);\n"
                                 "dilate/erode take the max/min over each pixel's 3×3 neighbourhood.")),
    SliderSpec("noise", QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls", "Pixel noise"), 0.01,
               lambda v: f"σ = {v:.2f}",
               QT_TRANSLATE_NOOP("gui.widgets.augmentation_controls",
                                 "Adds random Gaussian noise to every pixel, then clips to [0, 1]:\n"
                                 "p' = clip(p + σ·n, 0, 1),  n ~ N(0, 1).")),
)


def value_to_tick(spec: SliderSpec, value: float) -> int:
    """Slider position for a strength (clamped to the slider's range)."""
    return min(max(round(value / spec.step), 0), spec.ticks)


def tick_to_value(spec: SliderSpec, tick: int) -> float:
    """Strength for a slider position, rounded so 0.1 is 0.1 and not 0.1000000001."""
    return round(tick * spec.step, 6)


def tile_images(images01: np.ndarray, count: int = PREVIEW_COUNT, columns: int = PREVIEW_COUNT) -> np.ndarray:
    """Up to `count` images (n, 28, 28) in a grid on white paper: float32 in [0, 1], gaps between them."""
    rows = -(-count // columns)
    sheet = np.zeros((rows * SIDE + (rows - 1) * GAP, columns * SIDE + (columns - 1) * GAP), np.float32)
    for i, image in enumerate(np.asarray(images01, np.float32)[:count]):
        top, left = _tile_origin(i, columns)
        sheet[top:top + SIDE, left:left + SIDE] = np.clip(np.nan_to_num(image), 0.0, 1.0)
    return sheet


def _tile_origin(i: int, columns: int) -> tuple[int, int]:
    """(top, left) pixel of tile i in a grid with `columns` columns."""
    return (i // columns) * (SIDE + GAP), (i % columns) * (SIDE + GAP)


class PreviewStrip(pg.GraphicsLayoutWidget):
    """Eight 28×28 images in a row (two rows of four when the space is narrow), each in a thin frame."""

    def __init__(self, count: int = PREVIEW_COUNT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count, self.columns = count, count
        self.setBackground("w")
        self.view = self.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(INK_LUT)
        self.view.addItem(self.image)
        self._frames = []
        for _ in range(count):
            frame = pg.QtWidgets.QGraphicsRectItem()
            frame.setPen(pg.mkPen((150, 150, 150), width=1, cosmetic=True))
            self.view.addItem(frame)
            self._frames.append(frame)
        self._images = np.zeros((0, SIDE, SIDE), np.float32)
        self._arrange(count)
        self.setMinimumHeight(100)
        self.setMaximumHeight(260)
        self.setToolTip(translate("gui.widgets.augmentation_controls",
                                  "Eight training images with the random changes applied, as the network will "
                                  "see them.\nEvery batch gets new random changes; “New examples” draws another "
                                  "set."))

    def show_images(self, images01: np.ndarray) -> None:
        """Show up to `count` images (n, 28, 28) with pixels in [0, 1]."""
        self._images = np.asarray(images01, np.float32)
        self.shown = tile_images(self._images, self.count, self.columns)
        self.image.setImage(self.shown, autoLevels=False, levels=(0.0, 1.0))

    def _arrange(self, columns: int) -> None:
        """Lay the tiles out in `columns` columns: frames, picture and visible range."""
        self.columns = columns
        for i, frame in enumerate(self._frames):
            top, left = _tile_origin(i, columns)
            frame.setRect(left - 0.5, top - 0.5, SIDE + 1, SIDE + 1)
        self.show_images(self._images)
        height, width = self.shown.shape
        self.view.setRange(xRange=(-1, width), yRange=(-1, height), padding=0.02)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Two rows of four when one row of eight would leave the images tiny."""
        super().resizeEvent(event)
        if not hasattr(self, "_frames"):   # pyqtgraph calls this from its own __init__
            return
        wide = self.width() >= 5 * self.height() or self.count < 8
        columns = self.count if wide else self.count // 2
        if columns != self.columns:
            self._arrange(columns)


def torch_loaded() -> bool:
    """True once torch is fully imported (a module is in sys.modules while its import still runs)."""
    torch = sys.modules.get("torch")
    return torch is not None and not getattr(getattr(torch, "__spec__", None), "_initializing", False)


class AugmentationControls(QWidget):
    """Sliders for shift, rotation, scale, stroke thickness and noise, with a live preview strip."""

    augmentation_changed = Signal(object)  # core.reports.Augmentation, only for changes the user made

    def __init__(self, augmentation: Augmentation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._augmentation = augmentation or Augmentation()
        self._sources = np.zeros((0, SIDE, SIDE), np.float32)
        self._seed = 0
        self._sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}
        self.preview = PreviewStrip()
        self._note = QLabel()
        self._note.setWordWrap(True)
        self._reset = QPushButton(translate("gui.widgets.augmentation_controls", "&No augmentation"))
        self._reset.setToolTip(translate("gui.widgets.augmentation_controls",
                                         "Set every slider to 0: the network trains on the images exactly as "
                                         "they are."))
        self._reshuffle = QPushButton(translate("gui.widgets.augmentation_controls", "New &examples"))
        self._reshuffle.setToolTip(translate("gui.widgets.augmentation_controls",
                                             "Draw another set of random changes for the preview (training draws new "
                                             "ones for every batch anyway)."))
        self._reshuffle.setShortcut(QKeySequence("Ctrl+E"))
        self._torch_wait = QTimer(self)
        self._torch_wait.setSingleShot(True)
        self._torch_wait.setInterval(TORCH_RETRY_MS)
        self._torch_wait.timeout.connect(self._on_torch_wait_elapsed)
        self._build_layout()
        self._set_enabled(True, translate("gui.widgets.augmentation_controls",
                                          "Choose an image dataset to see its training images here."))
        self.set_augmentation(self._augmentation)
        self._reset.clicked.connect(self._on_reset_clicked)
        self._reshuffle.clicked.connect(self._on_reshuffle_clicked)

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, spec in enumerate(SLIDERS):
            title = QLabel(translate("gui.widgets.augmentation_controls", spec.title))
            slider, value = QSlider(Qt.Orientation.Horizontal), QLabel()
            slider.setRange(0, spec.ticks)
            slider.setPageStep(max(1, spec.ticks // 5))
            slider.setObjectName(spec.field)
            for widget in (title, slider, value):
                widget.setToolTip(translate("gui.widgets.augmentation_controls", spec.tooltip))
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("σ = 0.00 ") + 8)
            slider.valueChanged.connect(self._on_slider_moved)
            grid.addWidget(title, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(value, row, 2)
            self._sliders[spec.field], self._values[spec.field] = slider, value
        buttons = QHBoxLayout()
        buttons.addWidget(self._reset)
        buttons.addWidget(self._reshuffle)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.preview)
        layout.addWidget(self._note)
        layout.addStretch(1)

    @property
    def augmentation(self) -> Augmentation:
        return self._augmentation

    def set_augmentation(self, augmentation: Augmentation) -> None:
        """Show these strengths (e.g. from a loaded configuration) without emitting a change."""
        self._augmentation = augmentation
        for spec in SLIDERS:
            value = float(getattr(augmentation, spec.field))
            with QSignalBlocker(self._sliders[spec.field]):
                self._sliders[spec.field].setValue(value_to_tick(spec, value))
            self._values[spec.field].setText(spec.text(value))
        self._update_preview()

    def set_images(self, images01: np.ndarray) -> None:
        """The training images (n, 28, 28) in [0, 1] that the preview strip shows augmented."""
        self._sources = np.asarray(images01, np.float32)[:PREVIEW_COUNT]
        self._set_enabled(True, "")
        self._update_preview()

    def set_dataset(self, dataset) -> None:
        """Preview the first eight training images of an image dataset; other data cannot be augmented."""
        if dataset is None or not dataset.is_image:
            self._sources = np.zeros((0, SIDE, SIDE), np.float32)
            self._set_enabled(False, translate("gui.widgets.augmentation_controls",
                                               "Augmentation changes images; choose an image dataset "
                                               "(MNIST, Fashion-MNIST, digits) to use it."))
            self._update_preview()
            return
        self.set_images(to_pixels(dataset.x_train[:PREVIEW_COUNT]))

    def _set_enabled(self, enabled: bool, note: str) -> None:
        for slider in self._sliders.values():
            slider.setEnabled(enabled)
        self._reset.setEnabled(enabled)
        self._reshuffle.setEnabled(enabled)
        self._note.setText(note or translate("gui.widgets.augmentation_controls",
                                             "Training draws new random changes for every batch; "
                                             "the test and validation images are never changed."))

    def _update_preview(self) -> None:
        """Show the eight images with the current random changes (the originals while torch loads)."""
        self.preview.setVisible(bool(len(self._sources)))    # no empty frames for non-image data
        if not (len(self._sources) and self._augmentation.active):
            self.preview.show_images(self._sources)
            return
        if not torch_loaded():
            self.preview.show_images(self._sources)
            self._torch_wait.start()
            return
        from core.augmentation import augment_preview  # torch is in memory: a quick import

        try:
            images = augment_preview(self._sources, self._augmentation, self._seed)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.preview.show_images(images)

    @Slot()
    def _on_torch_wait_elapsed(self) -> None:
        self._update_preview()

    @Slot(int)
    def _on_slider_moved(self, tick: int) -> None:
        field = self.sender().objectName()
        spec = next(s for s in SLIDERS if s.field == field)
        value = tick_to_value(spec, tick)
        self._values[field].setText(spec.text(value))
        self._augmentation = replace(self._augmentation, **{field: value})
        self._update_preview()
        self.augmentation_changed.emit(self._augmentation)

    @Slot()
    def _on_reset_clicked(self) -> None:
        if not self._augmentation.active:
            return
        self.set_augmentation(Augmentation())
        self.augmentation_changed.emit(self._augmentation)

    @Slot()
    def _on_reshuffle_clicked(self) -> None:
        self._seed += 1
        self._update_preview()
