"""Train vs validation loss and metric per epoch, the gap shaded, the previous run as a faded reference.

The axes stand still while a run grows: x spans the planned epochs and y widens only when a value
leaves it (`still_y_range`). pyqtgraph repaints a plot whose range moved twice, axes included, and
an epoch end did that to both plots (12 ms per plot, 86 paints for 20 epochs); with still axes and
cached axis pictures (gui/plot_cache.py) it is one paint of the data area (1.3 ms).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.i18n import translate
from core.overfitting import diagnose
from core.reports import EpochReport
from gui.plot_cache import cache_static_items

MAX_MARKED_EPOCHS = 200   # beyond this many epochs the curves are drawn without a marker per epoch
MAX_DRAWN_EPOCHS = 500    # beyond this many, every k-th epoch is drawn (3,000 drawn epochs: 110 ms per update)
LOSS_HEADROOM = 1.15      # a widened loss axis leaves this much room above the highest value
TRAIN_COLOUR, VAL_COLOUR = (0, 114, 178), (230, 159, 0)   # Okabe–Ito blue and orange: colour-blind safe


def metric_titles(metric_name: str) -> tuple[str, str]:
    """(plot title, y-axis label) for a metric: 'Accuracy per epoch' and 'accuracy', or 'R² per epoch' and 'R²'."""
    if metric_name == "accuracy":
        return (translate("gui.widgets.epoch_curves", "Accuracy per epoch"),
                translate("gui.widgets.epoch_curves", "accuracy"))
    title = translate("gui.widgets.epoch_curves", "{metric} per epoch").format(metric=metric_name.capitalize())
    return title, metric_name


def still_y_range(current: tuple[float, float] | None, low: float, high: float,
                  at_most_one: bool) -> tuple[float, float]:
    """The y range for values in [low, high]: the current one while they fit in it, else a wider one.

    A metric that cannot exceed 1 (accuracy, R²) spans its lowest value rounded down to a tenth up
    to 1; anything else (losses) spans 0 (or the lowest value) up to 15 % above the highest.
    """
    if current is not None and current[0] <= low and high <= current[1]:
        return current
    if at_most_one and high <= 1.0:
        bottom = math.floor(low * 10 - 1e-9) / 10
        return (min(bottom, current[0]) if current else bottom), 1.0
    bottom = min(0.0, low * LOSS_HEADROOM)
    return (min(bottom, current[0]) if current else bottom), high * LOSS_HEADROOM


class _TrainValPlot(pg.PlotWidget):
    """One quantity per epoch: train and validation curves, the gap between them shaded."""

    def __init__(self, title: str, y_label: str, at_most_one: bool) -> None:
        super().__init__()
        self.at_most_one = at_most_one   # accuracy and R² never exceed 1: the y axis tops out there
        self._y_range: tuple[float, float] | None = None
        self.setTitle(title)
        self.setToolTip(translate("gui.widgets.epoch_curves",
                                  "Training (blue) and validation (orange) per epoch; the shaded band is the gap "
                                  "between them. Dotted: the previous run, to compare."))
        self.setLabel("bottom", translate("gui.widgets.epoch_curves", "epoch"))
        self.setLabel("left", y_label)
        self.showGrid(x=True, y=True, alpha=0.2)
        # a metric climbs towards the top right corner, a loss falls away from it: the legend keeps out of the way
        self.addLegend(offset=(-10, -10) if at_most_one else (-10, 10))
        for axis in ("left", "bottom"):
            self.getAxis(axis).enableAutoSIPrefix(False)  # "loss (x0.001)" confuses students
        # the numbers' column may widen but never narrows during a run: a narrower one re-laid out and
        # repainted the whole plot (a second, full paint at the first epoch's end)
        self.getAxis("left").setStyle(autoReduceTextSpace=False)
        self.reference_train = self.plot(pen=pg.mkPen(TRAIN_COLOUR + (70,), width=2, style=Qt.PenStyle.DotLine))
        self.reference_val = self.plot(pen=pg.mkPen(VAL_COLOUR + (70,), width=2, style=Qt.PenStyle.DotLine))
        self.train = self.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2.5), symbol="o", symbolSize=6,
                               symbolBrush=TRAIN_COLOUR, name=translate("gui.widgets.epoch_curves", "training"))
        self.val = self.plot(pen=pg.mkPen(VAL_COLOUR, width=2.5), symbol="s", symbolSize=6,
                             symbolBrush=VAL_COLOUR, name=translate("gui.widgets.epoch_curves", "validation"))
        self.gap = pg.FillBetweenItem(self.train, self.val, brush=pg.mkBrush(213, 94, 0, 50))
        self.addItem(self.gap)
        self.stop_marker = pg.InfiniteLine(angle=90, pen=pg.mkPen((0, 158, 115), width=2, style=Qt.PenStyle.DashLine),
                                           label=translate("gui.widgets.epoch_curves", "best epoch (restored)"),
                                           labelOpts={"position": 0.85})
        self.stop_marker.setVisible(False)
        self.addItem(self.stop_marker)
        self._last_epoch = 0.0       # the x axis spans the planned epochs; 0 = follow the data
        self._user_zoomed = False
        self.getPlotItem().getViewBox().sigRangeChangedManually.connect(self._on_user_zoom)
        cache_static_items(self.getPlotItem())

    def show_values(self, epochs: np.ndarray, train: np.ndarray, val: np.ndarray) -> None:
        ok = np.isfinite(train) & np.isfinite(val)
        marked = int(ok.sum()) <= MAX_MARKED_EPOCHS   # thousands of markers (one-batch epochs) cost seconds
        if len(epochs) > MAX_DRAWN_EPOCHS:   # draw every k-th epoch and the last: the curve's shape, not its cost
            keep = np.zeros(len(epochs), bool)
            keep[::math.ceil(len(epochs) / MAX_DRAWN_EPOCHS)] = True
            keep[-1] = True
            ok &= keep
        for curve, values, symbol in ((self.train, train, "o"), (self.val, val, "s")):
            if (curve.opts["symbol"] is not None) != marked:
                curve.setSymbol(symbol if marked else None)
            curve.setData(epochs[ok], values[ok])
        self._fit_y(np.concatenate([train[ok], val[ok]]))
        if self._last_epoch and len(epochs) and epochs[-1] > self._last_epoch and not self._user_zoomed:
            self.span_epochs(int(epochs[-1] * 1.25))

    def span_epochs(self, epochs: int) -> None:
        """Fix the x axis to 1 … epochs: a still axis is one repaint per new point, a moving one two."""
        self._last_epoch = float(max(epochs, 2))
        self._user_zoomed = False
        self.getPlotItem().getViewBox().setXRange(1, self._last_epoch, padding=0.03)

    def follow_data(self) -> None:
        self._last_epoch, self._y_range = 0.0, None
        self.getPlotItem().getViewBox().enableAutoRange()

    def _fit_y(self, values: np.ndarray) -> None:
        """Keep the y range while the values (and the faded previous run) fit in it, else widen it."""
        _, reference = self.reference_train.getData()
        _, reference_val = self.reference_val.getData()
        shown = np.concatenate([values] + [r for r in (reference, reference_val) if r is not None])
        shown = shown[np.isfinite(shown)]
        if not len(shown) or self._user_zoomed:
            return
        y_range = still_y_range(self._y_range, float(shown.min()), float(shown.max()), self.at_most_one)
        if y_range != self._y_range:
            self._y_range = y_range
            self.getPlotItem().getViewBox().setYRange(*y_range, padding=0.03)

    def _on_user_zoom(self, *_args) -> None:
        self._user_zoomed = True

    def keep_as_reference(self) -> None:
        """The current curves become the faded reference; the live ones are emptied."""
        for live, reference in ((self.train, self.reference_train), (self.val, self.reference_val)):
            x, y = live.getData()
            reference.setData(x if x is not None else [], y if y is not None else [])
            live.setData([], [])
        self.stop_marker.setVisible(False)


class EpochCurves(QWidget):
    """Loss and accuracy (or R²) per epoch with a one-line diagnosis underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = _TrainValPlot(translate("gui.widgets.epoch_curves", "Loss per epoch"),
                                       translate("gui.widgets.epoch_curves", "loss"), at_most_one=False)
        self.metric_plot = _TrainValPlot(*metric_titles("accuracy"), at_most_one=True)
        self._diagnosis = QLabel(translate("gui.widgets.epoch_curves",
                                           "Train a network: one point per epoch appears here."))
        self._diagnosis.setWordWrap(True)
        self._diagnosis.setObjectName("diagnosis")
        # room for two lines from the start: a diagnosis that wraps must not shrink both plots mid-run
        # (that re-laid out and repainted them whole at the first epoch's end)
        self._diagnosis.setMinimumHeight(2 * self._diagnosis.fontMetrics().lineSpacing() + 4)
        self._diagnosis.setToolTip(translate("gui.widgets.epoch_curves",
                                             "What the two curves say: a growing gap where validation loss rises "
                                             "while training loss falls means overfitting."))
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.metric_plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(plots, 1)
        layout.addWidget(self._diagnosis)
        self._history: list[EpochReport] = []
        self._columns = np.empty((0, 5))   # epoch, train loss, val loss, train metric, val metric
        self._metric_stale = False
        self._metric_name = "accuracy"

    @property
    def history(self) -> list[EpochReport]:
        return list(self._history)

    @property
    def diagnosis(self) -> str:
        return self._diagnosis.text()

    def add_epoch(self, report: EpochReport) -> None:
        """Append one epoch and redraw both plots and the diagnosis."""
        self.add_epochs([report])

    def add_epochs(self, reports: list[EpochReport], defer_metric: bool = False) -> None:
        """Append several epochs with one redraw (one-batch epochs arrive hundreds a second).

        With `defer_metric` the metric plot waits for `flush_metric`, so the two plots repaint on
        separate event-loop turns (together they held the loop for 40-60 ms at each epoch end).
        """
        if not reports:
            return
        self._history.extend(reports)
        report = reports[-1]
        rows = np.array([[r.epoch, r.train_loss, r.val_loss, r.train_metric, r.val_metric] for r in reports],
                        np.float64)
        self._columns = np.concatenate([self._columns, rows]) if len(self._columns) else rows
        epochs, train_loss, val_loss, train_metric, val_metric = self._columns.T
        self.loss_plot.show_values(epochs, train_loss, val_loss)
        self._metric_stale = True
        if not defer_metric:
            self.flush_metric()
        if report.metric_name != self._metric_name:  # a new title re-lays out the plot: only on change
            self._metric_name = report.metric_name
            title, y_label = metric_titles(report.metric_name)
            self.metric_plot.setTitle(title)
            self.metric_plot.setLabel("left", y_label)
        self._diagnosis.setText(diagnose(self._history))

    def flush_metric(self) -> None:
        """Draw the metric plot up to the last epoch added."""
        if self._metric_stale:
            self._metric_stale = False
            epochs, _, _, train_metric, val_metric = self._columns.T
            self.metric_plot.show_values(epochs, train_metric, val_metric)

    def mark_best_epoch(self, epoch: int) -> None:
        """Early stopping ended the run: mark the restored epoch and say so under the plots."""
        for plot in (self.loss_plot, self.metric_plot):
            plot.stop_marker.setValue(epoch)
            plot.stop_marker.setVisible(True)
        self._diagnosis.setText(translate(
            "gui.widgets.epoch_curves",
            "Early stopping restored the weights of epoch {epoch}, where the validation loss was lowest; "
            "the epochs after it only fitted the training set better.").format(epoch=epoch))

    def start_run(self, epochs: int) -> None:
        """A run of `epochs` starts: both x axes span it (and the faded previous run, if it was longer)."""
        for plot in (self.loss_plot, self.metric_plot):
            x, _ = plot.reference_train.getData()
            plot.span_epochs(max(epochs, int(np.max(x)) if x is not None and len(x) else 0))

    def start_new_run(self, keep_reference: bool = True) -> None:
        """Clear for a new run; the previous run stays as faded dotted curves to compare with."""
        for plot in (self.loss_plot, self.metric_plot):
            if keep_reference and self._history:
                plot.keep_as_reference()
            else:
                for curve in (plot.train, plot.val, plot.reference_train, plot.reference_val):
                    curve.setData([], [])
                plot.stop_marker.setVisible(False)
        for plot in (self.loss_plot, self.metric_plot):
            plot.follow_data()
        self._history.clear()
        self._columns = np.empty((0, 5))
        self._metric_stale = False
        self._diagnosis.setText(translate("gui.widgets.epoch_curves",
                                          "Train a network: one point per epoch appears here."))
