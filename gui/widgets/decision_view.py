"""What the network has learned, drawn over the data: a decision boundary (2-D) or a fitted curve (1-D).

For a 2-D classification set the plane is sampled on a fixed GRID_SIZE × GRID_SIZE grid and every
grid point goes through `core.inference.forward` on the latest weight snapshot (numpy, about a
millisecond for a small net), so the colour of each spot is the network's probability for the
second class and the dark line is where that probability is 50 %. For a 1-D regression set the
network's output ŷ(x) is drawn along a dense x grid over the data points. Items are built once per
dataset and updated in place.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.datasets import Dataset
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.inference import forward, softmax
from core.reports import WeightsReport

GRID_SIZE = 100             # grid points per axis: 10,000 forward passes per update
CURVE_POINTS = 400
MARGIN = 0.1                # fraction of the data's range added on each side
TITLE_SIZE = "12pt"
CLASS_COLOURS = ((33, 102, 172), (230, 115, 0), (27, 158, 119), (117, 112, 179), (231, 41, 138),
                 (102, 166, 30), (166, 118, 29), (102, 102, 102), (217, 95, 2), (230, 171, 2))
BOUNDARY_PEN = pg.mkPen(20, 20, 20, width=2)
CURVE_PEN = pg.mkPen(200, 30, 30, width=3)
NOT_2D = QT_TRANSLATE_NOOP("gui.widgets.decision_view", "The decision boundary needs a 2-D dataset (two inputs) "
                           "or a 1-D curve; {name} has {size} inputs.")
NO_DATA = QT_TRANSLATE_NOOP("gui.widgets.decision_view", "Choose a dataset to see what the network learns about it.")


def plane_grid(x: np.ndarray, n: int = GRID_SIZE, margin: float = MARGIN
               ) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """Centres of an n×n grid of cells covering the 2-D points plus a margin, row by row
    (row = x₂ from low to high), and the rectangle (x0, y0, width, height) the cells cover."""
    low, high = _padded_range(x, margin)
    size = (high - low) / n
    centres = [low[k] + (np.arange(n) + 0.5) * size[k] for k in range(2)]
    xx, yy = np.meshgrid(centres[0], centres[1])  # (n, n): rows follow x₂
    points = np.column_stack([xx.ravel(), yy.ravel()]).astype(np.float32)
    return points, (float(low[0]), float(low[1]), float(high[0] - low[0]), float(high[1] - low[1]))


def curve_inputs(x: np.ndarray, n: int = CURVE_POINTS, margin: float = MARGIN) -> np.ndarray:
    """A dense (n, 1) grid of x values over the 1-D data plus a margin."""
    low, high = _padded_range(x, margin)
    return np.linspace(low[0], high[0], n, dtype=np.float32).reshape(-1, 1)


def _padded_range(x: np.ndarray, margin: float) -> tuple[np.ndarray, np.ndarray]:
    """Per-column (low, high) of the finite data, widened by `margin` of the span (at least 0.5)."""
    x = np.asarray(x, dtype=np.float64)
    x = x[np.isfinite(x).all(axis=1)] if len(x) else x
    if len(x) == 0:
        return np.full(x.shape[1], -1.0), np.full(x.shape[1], 1.0)
    low, high = x.min(axis=0), x.max(axis=0)
    pad = np.maximum((high - low) * margin, 0.5 * (high == low))
    return low - pad, high + pad


def class_probabilities(report: WeightsReport, points: np.ndarray) -> np.ndarray:
    """P(class | point) for every point, (N, C), from the numpy forward pass."""
    result = forward(report, points)
    probs = result.probabilities if result.probabilities is not None else softmax(result.logits)
    return np.asarray(probs, dtype=np.float32)


def probability_colours(probs: np.ndarray, n: int) -> np.ndarray:
    """An (n, n, 3) uint8 picture for more than two classes: the likeliest class's colour,
    paler where the network is unsure (white at chance)."""
    classes = probs.shape[1]
    best = probs.argmax(axis=1)
    confidence = (probs.max(axis=1) - 1.0 / classes) / (1.0 - 1.0 / classes)
    colours = np.asarray(CLASS_COLOURS, np.float32)[best % len(CLASS_COLOURS)]
    mixed = 255.0 + (colours - 255.0) * (0.6 * confidence[:, None])  # never darker than 60 %: points stay visible
    return np.ascontiguousarray(mixed.reshape(n, n, 3).astype(np.uint8))


def contour_segments(values: np.ndarray, level: float, rect: tuple[float, float, float, float]
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares on the grid of cell centres: x, y of line segments (pairs of points)
    where the interpolated values cross `level`, in plot coordinates (vectorised numpy)."""
    ny, nx = values.shape
    x0, y0, width, height = rect
    xs = x0 + (np.arange(nx) + 0.5) * width / nx
    ys = y0 + (np.arange(ny) + 0.5) * height / ny
    v = np.asarray(values, dtype=np.float64)
    edges = _edge_crossings(v, level, xs, ys)          # (4, ny-1, nx-1, 2) points, NaN where none
    found = ~np.isnan(edges[..., 0])                   # (4, ny-1, nx-1)
    count = found.sum(axis=0)
    order = np.argsort(~found, axis=0, kind="stable")  # the crossing edges first, in edge order
    pick = np.take_along_axis(edges, order[..., None], axis=0)
    two = count == 2
    segments = [pick[0][two], pick[1][two]]
    saddle = count == 4
    if saddle.any():  # two segments; which corners they cut off depends on the centre value
        centre_above = (v[:-1, :-1] + v[:-1, 1:] + v[1:, :-1] + v[1:, 1:])[saddle] / 4 > level
        corner_above = (v[:-1, :-1] > level)[saddle]
        cut_01 = (centre_above == corner_above)[:, None]  # 00 joins 11: cut off corners 01 and 10
        bottom, top, left, right = (edges[k][saddle] for k in range(4))
        segments += [bottom, np.where(cut_01, right, left),                         # around 01 or 00
                     np.where(cut_01, left, top), np.where(cut_01, top, right)]     # around 10 or 11
    starts, ends = np.concatenate(segments[0::2]), np.concatenate(segments[1::2])
    pairs = np.stack([starts, ends], axis=1).reshape(-1, 2)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _edge_crossings(v: np.ndarray, level: float, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Where `level` is crossed on each cell's bottom, top, left and right edge (NaN if not)."""
    def cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (level - a) / (b - a)
        return np.where((a > level) != (b > level), t, np.nan)

    t_bottom, t_top = cross(v[:-1, :-1], v[:-1, 1:]), cross(v[1:, :-1], v[1:, 1:])
    t_left, t_right = cross(v[:-1, :-1], v[1:, :-1]), cross(v[:-1, 1:], v[1:, 1:])
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    x_left, y_low = np.meshgrid(xs[:-1], ys[:-1])
    points = np.empty((4,) + t_bottom.shape + (2,))
    points[0] = np.stack([x_left + t_bottom * dx, y_low + 0 * t_bottom], axis=-1)
    points[1] = np.stack([x_left + t_top * dx, y_low + dy + 0 * t_top], axis=-1)
    points[2] = np.stack([x_left + 0 * t_left, y_low + t_left * dy], axis=-1)
    points[3] = np.stack([x_left + dx + 0 * t_right, y_low + t_right * dy], axis=-1)
    return points


def class_name(names: tuple[str, ...], k: int) -> str:
    """The dataset's name for class k, or 'class 3' (numbered from 1) when it has none."""
    if k < len(names):
        return names[k]
    return translate("gui.widgets.decision_view", "class {number}").format(number=k + 1)


def _finite_weights(report: WeightsReport) -> bool:
    return all(np.isfinite(layer.weight).all() and np.isfinite(layer.bias).all() for layer in report.layers)


class DecisionView(QWidget):
    """The network's decision boundary over a 2-D dataset, or its fitted curve over 1-D data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message = QLabel(translate("gui.widgets.decision_view", NO_DATA))
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._graphics = pg.GraphicsLayoutWidget()
        self._plot = self._graphics.addPlot()
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        self._mode = "none"          # "plane" | "curve" | "none"
        self._dataset: Dataset | None = None
        self._grid = np.zeros((0, 2), np.float32)
        self._rect = (0.0, 0.0, 1.0, 1.0)
        self._classes = 0
        self.heatmap: pg.ImageItem | None = None
        self.boundary: pg.PlotDataItem | None = None
        self.curve: pg.PlotDataItem | None = None
        self.colorbar: pg.ColorBarItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._message)
        layout.addWidget(self._graphics, 1)
        self._graphics.hide()

    @property
    def is_applicable(self) -> bool:
        """True when the current dataset has a picture here (2-D classes or a 1-D curve)."""
        return self._mode != "none"

    @property
    def grid_points(self) -> np.ndarray:
        """The inputs the heatmap (N×N, row by row) or the curve is computed on."""
        return self._grid

    def message(self) -> str:
        """The line above the plot (why there is no plot, or which step is shown)."""
        return self._message.text()

    def show_dataset(self, dataset: Dataset | None) -> None:
        """Rebuild the plot for a dataset: points by class (2-D) or data points (1-D regression)."""
        self._dataset = dataset
        self._reset_plot()
        if dataset is None:
            self._set_not_applicable(translate("gui.widgets.decision_view", NO_DATA))
        elif dataset.input_size == 2 and dataset.task == "classification":
            self._build_plane(dataset)
        elif dataset.input_size == 1 and dataset.task == "regression":
            self._build_curve(dataset)
        else:
            self._set_not_applicable(translate("gui.widgets.decision_view", NOT_2D).format(
                name=dataset.name, size=f"{dataset.input_size:,}"))

    @Slot(object)
    def show_weights(self, report: WeightsReport | None) -> None:
        """Recompute the heatmap or the curve from a weight snapshot (in place)."""
        if not self.is_applicable or report is None or not self._fits(report):
            return
        with np.errstate(all="ignore"):  # huge weights overflow; the finite check below skips the frame
            if not _finite_weights(report):
                shown = False
            elif self._mode == "plane":
                shown = self._update_plane(class_probabilities(report, self._grid))
            else:
                shown = self._update_curve(forward(report, self._grid).logits[:, 0])
        if shown:
            text = translate("gui.widgets.decision_view", "The network after step {step:,}")
        else:
            text = translate("gui.widgets.decision_view",
                             "Step {step:,}: the network's output is not finite, so this frame was skipped.")
        self._message.setText(text.format(step=report.step))

    def _fits(self, report: WeightsReport) -> bool:
        """The snapshot's input and output sizes match the dataset (the network may be changing)."""
        layers = report.layers
        return bool(layers) and layers[0].weight.shape[1] == self._grid.shape[1] \
            and layers[-1].weight.shape[0] == self._classes

    def _reset_plot(self) -> None:
        if self.colorbar is not None:  # it sits in the plot's own layout, not among its items
            self._plot.layout.removeItem(self.colorbar)
            if self.colorbar.scene() is not None:
                self.colorbar.scene().removeItem(self.colorbar)
        self._plot.clear()
        if self._plot.legend is not None:
            self._plot.legend.clear()
        self.heatmap = self.boundary = self.curve = self.colorbar = None
        self._plot.setAspectLocked(False)

    def _set_not_applicable(self, text: str) -> None:
        self._mode, self._grid = "none", np.zeros((0, 2), np.float32)
        self._message.setText(text)
        self._graphics.hide()

    def _build_plane(self, dataset: Dataset) -> None:
        """Heatmap under the points, a 50 % line and a colour bar; the view is fixed to the grid."""
        self._mode, self._classes = "plane", dataset.num_outputs
        self._grid, self._rect = plane_grid(dataset.x_train)
        names = dataset.class_names
        self._plot.setTitle(translate("gui.widgets.decision_view",
                                      "Decision boundary: colour = the network's probability, line = 50 %"),
                            size=TITLE_SIZE)
        self._plot.setLabel("bottom", translate("gui.widgets.decision_view", "x₁ (first input)"))
        self._plot.setLabel("left", translate("gui.widgets.decision_view", "x₂ (second input)"))
        self._plot.setAspectLocked(True)  # the plane is not stretched: circles stay round
        self.heatmap = pg.ImageItem(axisOrder="row-major")
        self._plot.addItem(self.heatmap)
        self._init_heatmap(names)
        self.boundary = pg.PlotDataItem(connect="pairs", pen=BOUNDARY_PEN)
        self._plot.addItem(self.boundary)
        self._add_points(dataset.x_train, dataset.y_train, names)
        x0, y0, width, height = self._rect
        self._plot.setRange(xRange=(x0, x0 + width), yRange=(y0, y0 + height), padding=0)
        self._graphics.show()
        self._message.setText(translate("gui.widgets.decision_view",
                                        "Train the network to see how it divides the plane."))

    def _init_heatmap(self, names: tuple[str, ...]) -> None:
        """Two classes: P(second class) on a blue–white–orange map with a colour bar; more: RGB."""
        n = GRID_SIZE
        if self._classes == 2:
            colours = [tuple(c + (255 - c) * 0.45 for c in CLASS_COLOURS[0]), (255, 255, 255),
                       tuple(c + (255 - c) * 0.45 for c in CLASS_COLOURS[1])]
            cmap = pg.ColorMap([0.0, 0.5, 1.0], [tuple(int(v) for v in c) for c in colours])
            self.heatmap.setImage(np.full((n, n), 0.5, np.float32), autoLevels=False, levels=(0.0, 1.0))
            self.colorbar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=cmap, interactive=False, width=16,
                                            label=f"P({class_name(names, 1)})")
            self.colorbar.setImageItem(self.heatmap, insert_in=self._plot)
        else:
            self.heatmap.setImage(np.full((n, n, 3), 255, np.uint8), autoLevels=False, levels=(0, 255))
        self.heatmap.setRect(*self._rect)  # after setImage: setRect scales by the image's size

    def _add_points(self, x: np.ndarray, y: np.ndarray, names: tuple[str, ...]) -> None:
        self._plot.addLegend(offset=(10, 10))
        for k in range(self._classes):
            mine = x[y == k]
            colour = CLASS_COLOURS[k % len(CLASS_COLOURS)]
            self._plot.addItem(pg.ScatterPlotItem(mine[:, 0], mine[:, 1], size=8, brush=pg.mkBrush(*colour),
                                                  pen=pg.mkPen(255, 255, 255, width=1),
                                                  name=class_name(names, k)))

    def _build_curve(self, dataset: Dataset) -> None:
        """Data points and the network's curve ŷ(x); the view is fixed to the data."""
        self._mode, self._classes = "curve", 1
        self._grid = curve_inputs(dataset.x_train)
        self._plot.setTitle(translate("gui.widgets.decision_view",
                                      "Fitted curve: the network's output ŷ(x) over the training data"),
                            size=TITLE_SIZE)
        self._plot.setLabel("bottom", translate("gui.widgets.decision_view", "x (input)"))
        self._plot.setLabel("left", translate("gui.widgets.decision_view", "y (target) and ŷ (prediction)"))
        self._plot.addLegend(offset=(10, 10))
        self._plot.addItem(pg.ScatterPlotItem(dataset.x_train[:, 0], dataset.y_train[:, 0], size=8,
                                              brush=pg.mkBrush(*CLASS_COLOURS[0]), pen=pg.mkPen("w"),
                                              name=translate("gui.widgets.decision_view", "training data")))
        self.curve = pg.PlotDataItem(pen=CURVE_PEN, name=translate("gui.widgets.decision_view", "network ŷ(x)"))
        self._plot.addItem(self.curve)
        (x_low, y_low), (x_high, y_high) = _padded_range(
            np.column_stack([dataset.x_train[:, 0], dataset.y_train[:, 0]]), 0.15)
        self._plot.setRange(xRange=(float(self._grid[0, 0]), float(self._grid[-1, 0])),
                            yRange=(float(y_low), float(y_high)), padding=0)
        self._graphics.show()
        self._message.setText(translate("gui.widgets.decision_view",
                                        "Train the network to see its curve follow the data."))

    def _update_plane(self, probs: np.ndarray) -> bool:
        if not np.isfinite(probs).all():
            return False
        n = GRID_SIZE
        if self._classes == 2:
            p1 = np.ascontiguousarray(probs[:, 1].reshape(n, n))
            self.heatmap.setImage(p1, autoLevels=False)
            self.boundary.setData(*contour_segments(p1, 0.5, self._rect))
        else:
            self.heatmap.setImage(probability_colours(probs, n), autoLevels=False)
        return True

    def _update_curve(self, y_hat: np.ndarray) -> bool:
        if not np.isfinite(y_hat).all():
            return False
        self.curve.setData(self._grid[:, 0], np.ascontiguousarray(y_hat, dtype=np.float32))
        return True
