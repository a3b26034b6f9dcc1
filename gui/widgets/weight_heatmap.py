"""Live pictures of the weights: one heatmap per layer, and the gradient norm of each layer over time.

The first layer of image data is drawn as one 28×28 tile per hidden neuron (what each neuron
"looks for" in the picture); every other layer as its W matrix (rows = neurons of that layer,
columns = their inputs), with the biases as a strip underneath. Colours use the diverging CET-D1
map with symmetric levels ±L, so zero is always the middle colour and blue < 0 < red; L is a round
number just above max|w| that stays put while max|w| moves a little (the colour bar's numbers do
not flicker, and an unchanged colour bar is not redrawn). Items are built once per architecture and
updated in place, because `show_weights` runs a few times a second while training; axes, titles
and colour bars are painted from a pixmap cache (gui/plot_cache.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import NetworkSpec
from core.reports import WeightsReport
from gui.plot_cache import cache_static_items

COLORMAP_NAME = "CET-D1"
IMAGE_SHAPE = (28, 28)
MAX_TILES = 64              # more tiles than 8×8 would be too small to read on a projector
SEPARATOR = 1               # pixels between tiles
LAYERS_PER_ROW = 3
MAX_COLUMN_TICKS = 8        # the matrices are narrow: fewer numbers along x than along y
MOSAIC_STRETCH = 3          # the tiles get more room than the small matrices beside them
TITLE_SIZE = "12pt"
GRID_PEN = pg.mkPen(70, 70, 70, width=1)
NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)   # × 10^k: the colour bar's limits
KEEP_BELOW = 0.6            # a limit L is kept while max|w| stays within [0.6·L, L]
GROWTH_HEADROOM = 1.2       # weights that outgrow L get a new L ≥ 1.2·max|w|: growing weights (early
                            # training) change the colour bar every few frames, not every frame
BIAS_WIDTH = 34             # px: the bias column beside each matrix
AXIS_HEIGHT = 48            # px: matrix and bias column share it, so their rows line up
CURVE_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                 "#7f7f7f", "#bcbd22", "#17becf")
NO_WEIGHTS = QT_TRANSLATE_NOOP("gui.widgets.weight_heatmap", "The weights appear here when training starts.")


def mosaic_grid(n_tiles: int) -> tuple[int, int]:
    """(rows, columns) of a near-square grid for `n_tiles` tiles: 16 → (4, 4), 10 → (3, 4)."""
    cols = max(1, math.ceil(math.sqrt(n_tiles)))
    return max(1, math.ceil(n_tiles / cols)), cols


def tile_origin(k: int, cols: int, tile: tuple[int, int] = IMAGE_SHAPE) -> tuple[int, int]:
    """(row, column) of the top-left pixel of tile k in the mosaic (tiles in reading order)."""
    return (k // cols) * (tile[0] + SEPARATOR), (k % cols) * (tile[1] + SEPARATOR)


def weight_mosaic(weight: np.ndarray, tile: tuple[int, int] = IMAGE_SHAPE,
                  max_tiles: int = MAX_TILES) -> np.ndarray:
    """The first `max_tiles` weight rows (n_out, H·W) as H×W tiles in one image, 1-px gaps of 0."""
    n = min(len(weight), max_tiles)
    rows, cols = mosaic_grid(n)
    height, width = tile[0] + SEPARATOR, tile[1] + SEPARATOR
    canvas = np.zeros((rows * cols, height, width), np.float32)
    canvas[:n, :tile[0], :tile[1]] = weight[:n].reshape(n, *tile)
    canvas = canvas.reshape(rows, cols, height, width).transpose(0, 2, 1, 3)
    return np.ascontiguousarray(canvas.reshape(rows * height, cols * width)[:-SEPARATOR, :-SEPARATOR])


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """(−m, +m) with m = max|value|, so 0 is the middle colour; all zero (or empty) gives (−1, 1)."""
    limit = float(np.abs(values).max()) if values.size else 0.0
    if not math.isfinite(limit) or limit == 0.0:
        limit = 1.0
    return -limit, limit


def nice_limit(limit: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) that is ≥ limit > 0."""
    scale = 10.0 ** math.floor(math.log10(limit))
    return next(step * scale for step in NICE_STEPS if step * scale >= limit * (1 - 1e-9))


def steady_levels(values: np.ndarray, current: float | None = None) -> tuple[float, float]:
    """(−L, +L) with L a round number ≥ max|value|; the current L is kept while max|value| is in [0.6·L, L]
    (and a growing max|value| gets 20 % headroom)."""
    limit = symmetric_levels(values)[1]
    if current is not None and KEEP_BELOW * current <= limit <= current:
        return -current, current
    high = nice_limit(limit * GROWTH_HEADROOM if current is not None and limit > current else limit)
    return -high, high


def sanitize(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """A float32 C-contiguous copy safe for setImage (NaN/inf → 0), and whether it was all finite."""
    array = np.asarray(values, dtype=np.float32)
    finite = bool(np.isfinite(array).all())
    clean = array if finite else np.nan_to_num(array, nan=0.0, posinf=0.0, neginf=0.0)
    return np.ascontiguousarray(clean), finite


def finite_frame(report: WeightsReport) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Each layer's (weight, bias) ready for setImage, or None if any value is NaN or infinite."""
    frame = [(sanitize(layer.weight), sanitize(layer.bias)) for layer in report.layers]
    if not all(w_ok and b_ok for (_, w_ok), (_, b_ok) in frame):
        return None
    return [(weight, bias) for (weight, _), (bias, _) in frame]


def layer_title_parts(index: int, shape: tuple[int, int], is_mosaic: bool, is_output: bool) -> tuple[str, str]:
    """The title's head 'Layer 1: W1 16×784' and its note '(one 28×28 tile per neuron)' ('' for a matrix)."""
    n_out, n_in = shape
    if is_output:
        head = translate("gui.widgets.weight_heatmap", "Layer {index} (output): W{index} {rows}×{columns}")
    else:
        head = translate("gui.widgets.weight_heatmap", "Layer {index}: W{index} {rows}×{columns}")
    head = head.format(index=index, rows=n_out, columns=n_in)
    if not is_mosaic:  # the axes say "neuron (row)" and "input (column)"
        return head, ""
    if n_out > MAX_TILES:
        return head, translate("gui.widgets.weight_heatmap",
                               "(first {shown} of {total} neurons, one 28×28 tile each)").format(shown=MAX_TILES,
                                                                                                 total=n_out)
    return head, translate("gui.widgets.weight_heatmap", "(one 28×28 tile per neuron)")


def layer_title(index: int, shape: tuple[int, int], is_mosaic: bool, is_output: bool) -> str:
    """'Layer 1: W1 16×784 (one 28×28 tile per neuron)' and the like, on one line."""
    head, note = layer_title_parts(index, shape, is_mosaic, is_output)
    return f"{head} {note}" if note else head


@dataclass
class _LayerItems:
    """The plot items of one layer, built once and then only fed new arrays."""

    is_mosaic: bool
    shape: tuple[int, int]        # (n_out, n_in)
    title: str
    plot: pg.PlotItem
    image: pg.ImageItem
    bias_image: pg.ImageItem
    colorbar: pg.ColorBarItem
    limit: float | None = None    # the colour bar's L (levels ±L); None until the first weights


class WeightsView(QWidget):
    """Heatmaps of every layer's weights and biases, updated in place from WeightsReports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note = QLabel(translate("gui.widgets.weight_heatmap", NO_WEIGHTS))
        self._note.setToolTip(translate("gui.widgets.weight_heatmap",
                                        "Which training step the pictures show, or why a frame was skipped"))
        self._graphics = pg.GraphicsLayoutWidget()
        self._graphics.setToolTip(translate("gui.widgets.weight_heatmap",
                                            "Blue = negative weight, white = 0, red = positive. Each layer has its "
                                            "own colour scale ±L, a round number just above max|w|. The column b beside each layer holds the "
                                            "bias of each neuron, on the same scale: z = W·x + b."))
        self._layers: list[_LayerItems] = []
        self._key: tuple | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._note)
        layout.addWidget(self._graphics, 1)

    @property
    def images(self) -> tuple[pg.ImageItem, ...]:
        """The weight image of each layer (for tests and screenshots)."""
        return tuple(items.image for items in self._layers)

    @property
    def bias_images(self) -> tuple[pg.ImageItem, ...]:
        """The bias strip of each layer."""
        return tuple(items.bias_image for items in self._layers)

    @property
    def colorbars(self) -> tuple[pg.ColorBarItem, ...]:
        """The colour bar of each layer (its levels are ±L, L a round number just above the layer's max|w|)."""
        return tuple(items.colorbar for items in self._layers)

    @property
    def titles(self) -> tuple[str, ...]:
        """Each layer's title on one line, e.g. 'Layer 2: W2 16×16'."""
        return tuple(items.title for items in self._layers)

    def note(self) -> str:
        """The line above the heatmaps: the step shown, or why a frame was skipped."""
        return self._note.text()

    def show_network(self, spec: NetworkSpec, input_shape: tuple) -> None:
        """Build the heatmaps for this architecture (does nothing if it is already built)."""
        sizes = spec.layer_sizes
        shapes = tuple((sizes[i + 1], sizes[i]) for i in range(len(sizes) - 1))
        self._build(shapes, tuple(input_shape))

    @Slot(object)
    def show_weights(self, report: WeightsReport | None) -> None:
        """Draw a snapshot in place; None clears the pictures; non-finite snapshots are skipped."""
        if report is None:
            self._clear_images()
            return
        shapes = tuple(tuple(layer.weight.shape) for layer in report.layers)
        if shapes != tuple(items.shape for items in self._layers):
            self._build(shapes, self._input_shape_for(shapes))
        frame = finite_frame(report)
        if frame is None:
            self._note.setText(translate("gui.widgets.weight_heatmap",
                                         "Step {step:,}: non-finite weights (NaN or ∞), so this frame "
                                         "was skipped; the pictures show the last good weights.").format(
                step=report.step))
            return
        for items, (weight, bias) in zip(self._layers, frame):
            _draw_layer(items, weight, bias)
        self._note.setText(translate("gui.widgets.weight_heatmap", "Weights after step {step:,}").format(
            step=report.step))

    @staticmethod
    def _input_shape_for(shapes: tuple) -> tuple:
        """A report for a new architecture arrived before show_network: 784 inputs are images."""
        n_in = shapes[0][1] if shapes else 0
        return IMAGE_SHAPE if n_in == IMAGE_SHAPE[0] * IMAGE_SHAPE[1] else (n_in,)

    def _build(self, shapes: tuple, input_shape: tuple) -> None:
        """Create one title, plot, bias column and colour bar per layer (only when the layout changes)."""
        key = (shapes, input_shape)
        if key == self._key:
            return
        self._key = key
        self._graphics.clear()
        self._layers = []
        is_image = input_shape == IMAGE_SHAPE
        for i, shape in enumerate(shapes):
            is_mosaic = is_image and i == 0
            title = layer_title_parts(i + 1, shape, is_mosaic, i == len(shapes) - 1)
            row, col = divmod(i, LAYERS_PER_ROW)
            self._layers.append(self._add_layer(2 * row, 3 * col, shape, is_mosaic, title))
            self._graphics.ci.layout.setColumnStretchFactor(3 * col, MOSAIC_STRETCH if is_mosaic else 1)
        cache_static_items(self._graphics.ci)
        self._note.setText(translate("gui.widgets.weight_heatmap", NO_WEIGHTS))

    def _add_layer(self, row: int, col: int, shape: tuple[int, int], is_mosaic: bool,
                   title: tuple[str, str]) -> _LayerItems:
        """Grid cells of one layer: the title (head, note) above [weights | bias column | colour bar]."""
        head, note = title
        self._graphics.addLabel(f"{head}<br>{note}" if note else head, row=row, col=col, colspan=3,
                                size=TITLE_SIZE)
        plot = self._graphics.addPlot(row=row + 1, col=col)
        image = _add_image(plot, _picture_shape(is_mosaic, shape))
        if is_mosaic:
            _style_mosaic(plot, shape[0])
        else:
            plot.setLabel("left", translate("gui.widgets.weight_heatmap", "neuron (row)"))
            plot.setLabel("bottom", translate("gui.widgets.weight_heatmap", "input (column)"))
            plot.getAxis("bottom").setHeight(AXIS_HEIGHT)
            image.setRect(0.5, 0.5, shape[1], shape[0])  # cell (i, j) centred on (j+1, i+1): 1-based
            plot.setRange(xRange=(0.5, shape[1] + 0.5), yRange=(0.5, shape[0] + 0.5), padding=0)
            _integer_ticks(plot.getAxis("bottom"), shape[1], most=MAX_COLUMN_TICKS)
            _integer_ticks(plot.getAxis("left"), shape[0])
        bias_plot = self._graphics.addPlot(row=row + 1, col=col + 1)
        bias_image = _add_image(bias_plot, (shape[0], 1))
        _style_bias_column(bias_plot, bias_image, shape[0], linked_to=None if is_mosaic else plot)
        colorbar = pg.ColorBarItem(colorMap=pg.colormap.get(COLORMAP_NAME), interactive=False,
                                   width=16, label=translate("gui.widgets.weight_heatmap", "weight w and bias b"))
        self._graphics.addItem(colorbar, row=row + 1, col=col + 2)
        colorbar.setImageItem([image, bias_image])
        colorbar.setLevels((-1.0, 1.0))
        return _LayerItems(is_mosaic, shape, f"{head} {note}" if note else head, plot, image, bias_image, colorbar)

    def _clear_images(self) -> None:
        for items in self._layers:
            items.image.setImage(np.zeros(_picture_shape(items.is_mosaic, items.shape), np.float32),
                                 autoLevels=False)
            items.bias_image.setImage(np.zeros((items.shape[0], 1), np.float32), autoLevels=False)
            # the colour bars keep their scale: zeros are white on any of them, and redrawing three colour
            # bars (their axes) at the click that starts a run held the event loop for ~8 ms more
        self._note.setText(translate("gui.widgets.weight_heatmap", NO_WEIGHTS))


def _picture_shape(is_mosaic: bool, shape: tuple[int, int]) -> tuple[int, int]:
    """Pixel size of a layer's picture: the mosaic's, or the matrix's own (n_out, n_in)."""
    if not is_mosaic:
        return shape
    rows, cols = mosaic_grid(min(shape[0], MAX_TILES))
    return rows * (IMAGE_SHAPE[0] + SEPARATOR) - SEPARATOR, cols * (IMAGE_SHAPE[1] + SEPARATOR) - SEPARATOR


def _add_image(plot: pg.PlotItem, shape: tuple[int, int]) -> pg.ImageItem:
    """A row-major ImageItem of zeros in a fixed, menu-less plot with row 0 at the top."""
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.invertY(True)  # row 0 at the top, like the matrix on the slide (and upright digits)
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    image.setImage(np.zeros(shape, np.float32), autoLevels=False)  # before setRect, which scales by size
    return image


def _style_bias_column(plot: pg.PlotItem, image: pg.ImageItem, n_out: int,
                       linked_to: pg.PlotItem | None) -> None:
    """A narrow column with b of each neuron, level with the matrix rows it belongs to."""
    image.setRect(0, 0.5, 1, n_out)
    plot.setXRange(0, 1, padding=0)
    plot.setLabel("bottom", "b")
    plot.getAxis("bottom").setTicks([[], []])
    if linked_to is not None:  # same rows as the matrix: b_i sits next to row i of W
        plot.hideAxis("left")
        plot.setFixedWidth(BIAS_WIDTH)
        plot.getAxis("bottom").setHeight(AXIS_HEIGHT)
        plot.setYLink(linked_to)
    else:
        plot.setLabel("left", translate("gui.widgets.weight_heatmap", "neuron"))
        plot.setFixedWidth(BIAS_WIDTH + 45)
        plot.setYRange(0.5, n_out + 0.5, padding=0)
        _integer_ticks(plot.getAxis("left"), n_out)


def _integer_ticks(axis: pg.AxisItem, n: int, most: int = 16) -> None:
    """Neuron and input numbers: every unit when few, else 1 and round steps (never 1.5)."""
    if n <= most:
        axis.setTicks([[(i, str(i)) for i in range(1, n + 1)]])
        return
    step = next(s for s in (5, 10, 20, 50, 100, 200, 500, 1000, 2000) if n / s < most)
    axis.setTicks([[(i, str(i)) for i in (1, *range(step, n + 1, step))]])


def _style_mosaic(plot: pg.PlotItem, n_out: int) -> None:
    """Square tiles without pixel axes, with dark grid lines between them."""
    plot.setAspectLocked(True)
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    rows, cols = mosaic_grid(min(n_out, MAX_TILES))
    height, width = _picture_shape(True, (n_out, 0))
    x, y = [], []
    for c in range(1, cols):  # a line through the middle of each 1-px gap
        x += [c * (IMAGE_SHAPE[1] + SEPARATOR) - 0.5] * 2
        y += [0, height]
    for r in range(1, rows):
        x += [0, width]
        y += [r * (IMAGE_SHAPE[0] + SEPARATOR) - 0.5] * 2
    if x:
        plot.addItem(pg.PlotDataItem(x, y, connect="pairs", pen=GRID_PEN))
    plot.setRange(xRange=(0, width), yRange=(0, height), padding=0.02)


def _draw_layer(items: _LayerItems, weight: np.ndarray, bias: np.ndarray) -> None:
    """Feed one layer's finite arrays to its images; levels ±L of this layer, set only when L changes
    (setting them redraws the colour bar's axis: half the cost of a frame)."""
    picture = weight_mosaic(weight) if items.is_mosaic else weight
    items.image.setImage(picture, autoLevels=False)
    items.bias_image.setImage(bias.reshape(-1, 1), autoLevels=False)
    low, high = steady_levels(weight, items.limit)
    if high != items.limit:
        items.limit = high
        items.colorbar.setLevels((low, high))


class GradientNormPlot(pg.PlotWidget):
    """‖∂L/∂W‖ of each layer against the training step, on a log axis (vanishing gradients show)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        item = self.getPlotItem()
        item.setTitle(translate("gui.widgets.weight_heatmap", "Gradient norm per layer ‖∂L/∂W‖"),
                      size=TITLE_SIZE)
        item.setLabel("bottom", translate("gui.widgets.weight_heatmap", "training step"))
        item.setLabel("left", translate("gui.widgets.weight_heatmap", "‖∂L/∂W‖ (log scale)"))
        item.setLogMode(y=True)
        item.getAxis("left").enableAutoSIPrefix(False)
        item.showGrid(x=True, y=True, alpha=0.3)
        item.setDownsampling(auto=True, mode="peak")  # long runs: thousands of points stay cheap to draw
        item.setClipToView(True)
        self._legend = item.addLegend(offset=(-10, 10))
        cache_static_items(item)
        self._curves: list[pg.PlotDataItem] = []
        self._buffers: list[tuple[np.ndarray, np.ndarray, int]] = []
        self._stale: set[int] = set()   # curves whose points arrived while the plot was hidden (another tab)
        self.setToolTip(translate("gui.widgets.weight_heatmap",
                                  "How strongly the loss pulls on each layer's weights: the L2 norm of its "
                                  "gradient, ‖∂L/∂W‖ = √(Σ (∂L/∂w)²). Layers near the input with much "
                                  "smaller norms learn slowly (vanishing gradients)."))

    @property
    def curves(self) -> tuple[pg.PlotDataItem, ...]:
        """One curve per layer, input side first."""
        return tuple(self._curves)

    @Slot(int, object)
    def show_grad_norms(self, step: int, norms: np.ndarray) -> None:
        """Append one point per layer; non-finite and zero norms are left out (log axis)."""
        norms = np.asarray(norms, dtype=np.float64).ravel()
        if len(norms) != len(self._curves):
            self._make_curves(len(norms))
        for i, value in enumerate(norms):
            if math.isfinite(value) and value > 0:
                self._append(i, float(step), float(value))

    def show_grad_norm_series(self, steps: list[int], norms: list[np.ndarray]) -> None:
        """Append several reports' norms (one row per step) with one redraw per curve."""
        if not steps:
            return
        rows = [np.asarray(n, np.float64).ravel() for n in norms]
        if any(len(row) != len(self._curves) for row in rows):
            for step, row in zip(steps, rows):  # the layer count changed: rebuild on the way
                self.show_grad_norms(step, row)
            return
        table = np.array(rows).reshape(len(rows), len(self._curves))
        x = np.asarray(steps, np.float64)
        for i in range(table.shape[1]):
            keep = np.isfinite(table[:, i]) & (table[:, i] > 0)
            self._extend(i, x[keep], table[keep, i])

    @Slot()
    def clear_history(self) -> None:
        """Forget every point (a new run starts); the curves and the legend stay (rebuilding them took 11 ms)."""
        for curve in self._curves:
            curve.setData([], [])
        self._buffers = [(np.empty(256), np.empty(256), 0) for _ in self._curves]
        self._stale = set()

    def _make_curves(self, n_layers: int) -> None:
        for curve in self._curves:
            self.getPlotItem().removeItem(curve)
        self._legend.clear()
        self._curves, self._buffers, self._stale = [], [], set()
        for i in range(n_layers):
            if i == n_layers - 1 and n_layers > 1:
                name = translate("gui.widgets.weight_heatmap", "output layer")
            else:
                name = translate("gui.widgets.weight_heatmap", "layer {index}").format(index=i + 1)
            pen = pg.mkPen(CURVE_COLOURS[i % len(CURVE_COLOURS)], width=1)  # wide pens are slow in Qt
            self._curves.append(self.getPlotItem().plot(name=name, pen=pen))
            self._buffers.append((np.empty(256), np.empty(256), 0))

    def _append(self, i: int, step: float, value: float) -> None:
        self._extend(i, np.array([step]), np.array([value]))

    def _extend(self, i: int, steps: np.ndarray, values: np.ndarray) -> None:
        x, y, n = self._buffers[i]
        need = n + len(steps)
        if need > len(x):  # grow by doubling: amortised O(1) per point
            x, y = np.resize(x, max(need, 2 * len(x))), np.resize(y, max(need, 2 * len(x)))
        x[n:need], y[n:need] = steps, values
        self._buffers[i] = (x, y, need)
        if self.isVisible():
            self._curves[i].setData(x[:need], y[:need])
        else:   # setData on a hidden plot still costs its bounds and downsampling: done when shown
            self._stale.add(i)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        for i in sorted(self._stale):
            x, y, n = self._buffers[i]
            self._curves[i].setData(x[:n], y[:n])
        self._stale.clear()
