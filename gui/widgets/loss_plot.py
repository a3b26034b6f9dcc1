"""Loss per training step: raw points and a smoothed curve, grown in place, with a divergence marker."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from core.i18n import translate
from core.reports import LossReport
from gui.plot_cache import cache_static_items

SMOOTHING = 0.9  # exponential moving average, as TensorBoard's smoothing slider
# The plot redraws up to 10 times a second while training. An axis range that moved on every redraw
# made pyqtgraph paint twice per update (once more after the deferred auto-range), and antialiased
# curves plus a full grid tripled the cost of each paint: ~35 ms per update, 5 ms without them.
GROWTH = 1.25    # when points run past the x range, it grows by a quarter at once
# A 10-minute run of a small network takes ~1 million steps. Past this many points a curve is
# thinned to every second point (the raw curve keeps the higher loss of each pair, so spikes stay
# visible): older steps get coarser, recent ones stay exact, and memory and drawing time stay bounded
# (at 200,000 points the 10-minute soak's event-loop p99 had grown to 166 ms).
MAX_POINTS = 50_000


class GrowingSeries:
    """x/y buffers that double in capacity, so adding points never copies the whole history each time."""

    def __init__(self, capacity: int = 4096) -> None:
        self.x = np.empty(capacity, np.float64)
        self.y = np.empty(capacity, np.float64)
        self.size = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        need = self.size + len(x)
        if need > len(self.x):
            capacity = max(need, 2 * len(self.x))
            self.x = np.resize(self.x, capacity)
            self.y = np.resize(self.y, capacity)
        self.x[self.size:need] = x
        self.y[self.size:need] = y
        self.size = need

    def halve(self, keep_peaks: bool) -> None:
        """Keep every second point (the first step of each pair); an odd last point stays as it is."""
        n = self.size - self.size % 2
        x = self.x[0:n:2].copy()
        y = np.maximum(self.y[0:n:2], self.y[1:n:2]) if keep_peaks else self.y[1:n:2].copy()
        half = n // 2
        self.x[:half], self.y[:half] = x, y
        if self.size % 2:
            self.x[half], self.y[half] = self.x[self.size - 1], self.y[self.size - 1]
        self.size = half + self.size % 2

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[:self.size], self.y[:self.size]

    def clear(self) -> None:
        self.size = 0


def smooth(values: np.ndarray, start: float | None, alpha: float = SMOOTHING) -> np.ndarray:
    """Bias-free EMA continuing from `start` (the last smoothed value), like TensorBoard."""
    out = np.empty(len(values), np.float64)
    last = values[0] if start is None else start
    for i, v in enumerate(values):
        last = alpha * last + (1 - alpha) * v
        out[i] = last
    return out


class LossPlot(pg.PlotWidget):
    """The training loss per step; non-finite points are left out (divergence is marked instead)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("gui.widgets.loss_plot", "Loss per step"))
        self.setLabel("bottom", translate("gui.widgets.loss_plot", "step"))
        self.setLabel("left", translate("gui.widgets.loss_plot", "loss"))
        self.showGrid(x=False, y=True, alpha=0.2)
        self.addLegend(offset=(-10, 10))
        self._raw = self.plot(pen=pg.mkPen((150, 170, 200), width=1),
                              name=translate("gui.widgets.loss_plot", "each batch"), antialias=False)
        self._smooth = self.plot(pen=pg.mkPen((0, 90, 181), width=2.5),
                                 name=translate("gui.widgets.loss_plot", "smoothed"), antialias=False)
        for curve in (self._raw, self._smooth):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self._x_end = 0.0            # the managed x range is [0, x_end]; 0 = not set yet
        self._y_top = 0.0
        self._user_zoomed = False    # after the student zooms or pans, the ranges are theirs
        self.getPlotItem().getViewBox().sigRangeChangedManually.connect(self._on_user_zoom)
        cache_static_items(self.getPlotItem())   # the axes stand still: paint them from a pixmap
        self.getAxis("left").setStyle(autoReduceTextSpace=False)   # no re-layout when the numbers get shorter
        self._raw_series, self._smooth_series = GrowingSeries(), GrowingSeries()
        self._marker = pg.InfiniteLine(angle=90, pen=pg.mkPen((213, 94, 0), width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                                       label=translate("gui.widgets.loss_plot", "diverged"),
                                       labelOpts={"position": 0.9, "color": (213, 94, 0)})
        self._marker.setVisible(False)
        self.addItem(self._marker)
        self.setToolTip(translate("gui.widgets.loss_plot",
                                  "The loss of every training step (light) and its moving average (dark). "
                                  "It should fall; if it shoots up, the learning rate is too large."))

    @property
    def point_count(self) -> int:
        return self._raw_series.size

    def add_points(self, report: LossReport) -> None:
        """Append the report's points (all of them: nothing is dropped on the way)."""
        self.add_reports([report])

    def add_reports(self, reports: list[LossReport]) -> None:
        """Append the points of several reports with one redraw."""
        steps = np.concatenate([r.steps for r in reports])
        losses = np.concatenate([r.losses for r in reports]).astype(np.float64)
        finite = np.isfinite(losses)
        steps, losses = steps[finite], losses[finite]
        if not len(steps):
            return
        last = self._smooth_series.y[self._smooth_series.size - 1] if self._smooth_series.size else None
        self._raw_series.extend(steps, losses)
        self._smooth_series.extend(steps, smooth(losses, last))
        if self._raw_series.size > MAX_POINTS:
            self._raw_series.halve(keep_peaks=True)
            self._smooth_series.halve(keep_peaks=False)
        self._raw.setData(*self._raw_series.view())
        self._smooth.setData(*self._smooth_series.view())
        self._fit_ranges(float(steps[-1]), float(losses.max()), float(min(losses.min(), 0.0)))

    def show_penalty(self, l1: float, l2: float) -> None:
        """Name what the curve adds to the data loss: the L1 and L2 penalties of this run, if any."""
        if l1 and l2:
            label = translate("gui.widgets.loss_plot", "loss + L1 and L2 penalties")
        elif l1:
            label = translate("gui.widgets.loss_plot", "loss + L1 penalty λ₁·Σ|W|")
        elif l2:
            label = translate("gui.widgets.loss_plot", "loss + L2 penalty λ·ΣW²")
        else:
            label = translate("gui.widgets.loss_plot", "loss")
        self.setLabel("left", label)

    def start_run(self, total_steps: int) -> None:
        """A run of `total_steps` starts: the x axis spans all of it, so it stays still while the curve grows."""
        self._x_end = float(max(total_steps, 1))
        self._y_top = 0.0
        self._user_zoomed = False
        view = self.getPlotItem().getViewBox()
        view.setXRange(0, self._x_end, padding=0.02)

    def _fit_ranges(self, last_step: float, top: float, bottom: float) -> None:
        """Widen the ranges only when the data leaves them (each change costs a second repaint)."""
        if self._user_zoomed:
            return
        view = self.getPlotItem().getViewBox()
        if last_step > self._x_end:
            self._x_end = max(last_step, self._x_end * GROWTH)
            view.setXRange(0, self._x_end, padding=0.02)
        if top > self._y_top or bottom < 0.0:
            self._y_top = max(top, self._y_top) * 1.05
            view.setYRange(bottom * 1.05, self._y_top, padding=0.0)

    def _on_user_zoom(self, *_args) -> None:
        self._user_zoomed = True

    def mark_divergence(self, step: int) -> None:
        self._marker.setValue(step)
        self._marker.setVisible(True)

    def clear_history(self) -> None:
        self._x_end, self._y_top, self._user_zoomed = 0.0, 0.0, False
        self.getPlotItem().getViewBox().enableAutoRange()
        self._raw_series.clear()
        self._smooth_series.clear()
        self._raw.setData([], [])
        self._smooth.setData([], [])
        self._marker.setVisible(False)

    def history(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, losses) shown so far, for CSV export."""
        return self._raw_series.view()
