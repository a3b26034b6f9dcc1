"""The caveman's regression: three days of potatoes and apples, a straight line, and its loss terrain.

Left, the data with the current line f(x) = w·x + b and its errors; middle, the MSE over (w, b)
with the descent path. The student first drags w and b by hand, then lets gradient descent
finish the job (it ends at w = 2, b = 1). Below, batch, mini-batch and stochastic gradient descent
on a larger noisy version of the same data, side by side.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QSlider, QSpinBox, QVBoxLayout, QWidget

from core.descent import SGD, Descender, format_number, format_rate, step_arithmetic
from core.i18n import translate
from core.linear_regression import (B_RANGE, BATCH_KINDS, CAVEMAN_GRAD_TOL, CAVEMAN_START, TRUE_B, TRUE_W,
                                    W_RANGE, batch_comparison, best_fit, caveman_data, describe_line,
                                    line_points, loss_terrain, mse_loss, noisy_caveman_data, residual_segments)
from gui.widgets.terrain_common import (TerrainMap, form_label, make_button, make_label, make_path_item,
                                        make_spin, set_path, style_plot)

TICKS_PER_UNIT = 100  # sliders move w and b in steps of 0.01
PATH_COLOUR = "#e41a1c"
BATCH_COLOURS = ("#111111", "#7b2cbf", "#e41a1c")
X_VIEW, Y_VIEW = (0.0, 3.0), (-1.0, 8.0)


def value_to_tick(value: float) -> int:
    """Slider position for a parameter value."""
    return round(value * TICKS_PER_UNIT)


def tick_to_value(tick: int) -> float:
    """Parameter value for a slider position."""
    return tick / TICKS_PER_UNIT


class CavemanRegression(QWidget):
    """Data and line, loss terrain with path, hand sliders and descent controls, and batch comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = caveman_data()
        self._terrain = loss_terrain(self._data)
        self._walker = Descender(self._terrain, CAVEMAN_START)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_tick)
        self._build_data_plot()
        self._build_loss_plot()
        self._build_batch_plots()
        self._build_controls()
        self._build_layout()
        self.set_parameters(*CAVEMAN_START)
        self.run_batch_comparison()

    # ---- construction --------------------------------------------------------------------

    def _build_data_plot(self) -> None:
        self.data_widget = pg.PlotWidget()
        plot = self.data_widget.getPlotItem()
        style_plot(plot, translate("gui.widgets.terrain_caveman", "The caveman's days"),
                   translate("gui.widgets.terrain_caveman", "potatoes eaten"),
                   translate("gui.widgets.terrain_caveman", "apples collected"))
        plot.setRange(xRange=X_VIEW, yRange=Y_VIEW, padding=0.02)
        self._residuals = plot.plot(connect="pairs", pen=pg.mkPen("#e41a1c", width=2, style=Qt.PenStyle.DashLine))
        self._line = plot.plot(pen=pg.mkPen("#1f5fa8", width=4))
        self._points = plot.plot([], [], pen=None, symbol="o", symbolSize=16, symbolBrush="#f28e2b",
                                 symbolPen=pg.mkPen("k", width=1.5))
        self._points.setData(self._data.x, self._data.y)
        self.data_widget.setToolTip(translate("gui.widgets.terrain_caveman", "Orange: the three days. Blue: the "
                                              "line w·x + b. Red dashes: the errors that the MSE squares and "
                                              "averages."))

    def _build_loss_plot(self) -> None:
        self.loss_widget = pg.PlotWidget()
        plot = self.loss_widget.getPlotItem()
        style_plot(plot, translate("gui.widgets.terrain_caveman", "Loss terrain: MSE over (w, b)"),
                   translate("gui.widgets.terrain_caveman", "w (slope)"),
                   translate("gui.widgets.terrain_caveman", "b (intercept)"))
        self._loss_map = TerrainMap(plot)
        self._loss_map.show_terrain(self._terrain)
        self._path = make_path_item(plot, PATH_COLOUR, symbol_size=5)
        self._here = pg.ScatterPlotItem(size=18, brush=PATH_COLOUR, pen=pg.mkPen("w", width=2))
        self._best = pg.ScatterPlotItem([TRUE_W], [TRUE_B], size=20, symbol="star", brush="w", pen=pg.mkPen("k"))
        for item in (self._here, self._best):
            item.setZValue(15)
            plot.addItem(item)
        self.loss_widget.setToolTip(translate("gui.widgets.terrain_caveman", "Every point of this map is one line; "
                                              "its colour is that line's error. Click to choose w and b; the white "
                                              "star is the best line."))
        plot.scene().sigMouseClicked.connect(self._on_loss_clicked)

    def _build_batch_plots(self) -> None:
        self._batch_widgets, self._batch_paths, self._batch_maps = [], [], []
        noisy = noisy_caveman_data()
        noisy_terrain, best = loss_terrain(noisy, "Noisy caveman"), best_fit(noisy)
        for name, colour in zip(BATCH_KINDS, BATCH_COLOURS):
            widget = pg.PlotWidget()
            plot = widget.getPlotItem()
            title = translate("core.linear_regression", name)  # BATCH_KINDS' names are marked in core
            style_plot(plot, title, "w", "b")
            terrain_map = TerrainMap(plot, contour_count=10)
            terrain_map.show_terrain(noisy_terrain, n=121)
            widget.setToolTip(translate("gui.widgets.terrain_caveman", "{name}: each step uses the gradient of "
                                        "that many points of the 60 noisy days.").format(name=title))
            self._batch_widgets.append(widget)
            self._batch_maps.append(terrain_map)
            self._batch_paths.append(make_path_item(plot, colour, width=2))
            star = pg.ScatterPlotItem([best[0]], [best[1]], size=16, symbol="star", brush="w", pen=pg.mkPen("k"))
            star.setZValue(15)
            plot.addItem(star)

    def _build_controls(self) -> None:
        self._w_slider = self._make_slider(W_RANGE, translate("gui.widgets.terrain_caveman",
                                                              "w: how many apples each potato is worth (the slope)."))
        self._b_slider = self._make_slider(B_RANGE, translate("gui.widgets.terrain_caveman", "b: apples collected "
                                                              "on a day without potatoes (the intercept)."))
        self._w_label = make_label("", translate("gui.widgets.terrain_caveman", "The current slope w."), 13, True)
        self._b_label = make_label("", translate("gui.widgets.terrain_caveman", "The current intercept b."), 13, True)
        self._loss_label = make_label("", translate("gui.widgets.terrain_caveman", "Mean squared error of the "
                                                    "current line on the three days."), 14, True)
        self._lr = make_spin(0.1, 0.001, 1.0, 3, 0.01, translate("gui.widgets.terrain_caveman", "Learning rate: "
                                                                 "each step moves w and b by −learning rate × their "
                                                                 "gradient."))
        self._lr.valueChanged.connect(self._on_lr_changed)
        self._step = make_button(translate("gui.widgets.terrain_caveman", "Step"),
                                 translate("gui.widgets.terrain_caveman",
                                           "One gradient-descent step: w and b move together."),
                                 self._on_step_clicked)
        self._play = make_button(translate("gui.widgets.terrain_caveman", "Play"),
                                 translate("gui.widgets.terrain_caveman",
                                           "Let gradient descent find the best line; press again to pause."),
                                 self._on_play_toggled, True)
        self._reset = make_button(translate("gui.widgets.terrain_caveman", "Reset"),
                                  translate("gui.widgets.terrain_caveman", "Back to the caveman's first guess."),
                                  self._on_reset_clicked)
        self._speed = QSlider(Qt.Orientation.Horizontal)
        self._speed.setRange(1, 20)
        self._speed.setToolTip(translate("gui.widgets.terrain_caveman",
                                         "Play speed: steps per frame (25 frames a second)."))
        self._arithmetic = make_label("", translate("gui.widgets.terrain_caveman",
                                                    "The arithmetic of the last step, for w and for b."),
                                      11, True, True)
        self._status = make_label("", translate("gui.widgets.terrain_caveman", "How the descent is going."), 11)
        self._batch_lr = make_spin(0.05, 0.001, 0.25, 3, 0.01, translate("gui.widgets.terrain_caveman",
                                                                         "Learning rate for the three paths below."))
        self._batch_steps = QSpinBox()
        self._batch_steps.setRange(10, 1000)
        self._batch_steps.setValue(150)
        self._batch_steps.setToolTip(translate("gui.widgets.terrain_caveman",
                                               "How many steps each path takes (the same for all three)."))
        self._seed = QSpinBox()
        self._seed.setRange(0, 9999)
        self._seed.setToolTip(translate("gui.widgets.terrain_caveman",
                                        "Random seed for the order of the points (change it to see other noise)."))
        self._run_batches = make_button(translate("gui.widgets.terrain_caveman", "Run batch vs stochastic"),
                                        translate("gui.widgets.terrain_caveman",
                                                  "Draw the three paths again with these settings."),
                                        self._on_run_batches_clicked)

    def _make_slider(self, value_range: tuple[float, float], tooltip: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(value_to_tick(value_range[0]), value_to_tick(value_range[1]))
        slider.setToolTip(tooltip)
        slider.valueChanged.connect(self._on_slider_moved)
        return slider

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.data_widget, 1)
        top.addWidget(self.loss_widget, 1)
        top.addWidget(self._controls_box())
        bottom = QHBoxLayout()
        for widget in self._batch_widgets:
            bottom.addWidget(widget, 1)
        bottom.addWidget(self._batch_box())
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addLayout(bottom, 2)

    def _controls_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_caveman", "Find the best line"))
        box.setFixedWidth(340)
        grid = QGridLayout(box)
        grid.addWidget(make_label(translate("gui.widgets.terrain_caveman", "1. By hand: drag w and b"), "", 11,
                                  True), 0, 0, 1, 3)
        grid.addWidget(self._w_label, 1, 0)
        grid.addWidget(self._w_slider, 1, 1, 1, 2)
        grid.addWidget(self._b_label, 2, 0)
        grid.addWidget(self._b_slider, 2, 1, 1, 2)
        grid.addWidget(self._loss_label, 3, 0, 1, 3)
        grid.addWidget(make_label(translate("gui.widgets.terrain_caveman", "2. Let gradient descent do it"), "", 11,
                                  True), 4, 0, 1, 3)
        grid.addWidget(form_label(translate("gui.widgets.terrain_caveman", "learning rate")), 5, 0)
        grid.addWidget(self._lr, 5, 1, 1, 2)
        grid.addWidget(self._step, 6, 0)
        grid.addWidget(self._play, 6, 1)
        grid.addWidget(self._reset, 6, 2)
        grid.addWidget(form_label(translate("gui.widgets.terrain_caveman", "speed")), 7, 0)
        grid.addWidget(self._speed, 7, 1, 1, 2)
        grid.addWidget(self._arithmetic, 8, 0, 1, 3)
        grid.addWidget(self._status, 9, 0, 1, 3)
        grid.setRowStretch(10, 1)
        return box

    def _batch_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_caveman", "Noisy data (60 days)"))
        box.setFixedWidth(340)
        grid = QGridLayout(box)
        rows = ((translate("gui.widgets.terrain_caveman", "learning rate"), self._batch_lr),
                (translate("gui.widgets.terrain_caveman", "steps"), self._batch_steps),
                (translate("gui.widgets.terrain_caveman", "seed"), self._seed))
        for row, (text, widget) in enumerate(rows):
            grid.addWidget(form_label(text), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self._run_batches, 3, 0, 1, 2)
        self._batch_summary = make_label("", translate("gui.widgets.terrain_caveman",
                                                       "Final loss of each path on the noisy data."), 10)
        grid.addWidget(self._batch_summary, 4, 0, 1, 2)
        grid.setRowStretch(5, 1)
        return box

    # ---- public API ------------------------------------------------------------------------

    @property
    def walker(self) -> Descender:
        """The descent on the caveman's loss (its path and status)."""
        return self._walker

    @property
    def is_playing(self) -> bool:
        """True while Play steps on the timer."""
        return self._timer.isActive()

    def set_parameters(self, w: float, b: float) -> None:
        """Put the line at (w, b) (clamped to the map) and start a fresh descent from there."""
        self.stop()
        w, b = float(np.clip(w, *W_RANGE)), float(np.clip(b, *B_RANGE))
        self._walker = Descender(self._terrain, (w, b), SGD(self._lr.value()), max_steps=5000,
                                 grad_tol=CAVEMAN_GRAD_TOL)
        self._arithmetic.setText("")
        self._show_state()

    def step_once(self) -> None:
        """One gradient step on (w, b), with its arithmetic."""
        self.advance(1)

    def advance(self, count: int) -> None:
        """Up to count gradient steps on (w, b); the arithmetic shown is that of the last one."""
        self._walker.advance(count - 1)
        (w, b), lr = self._walker.point.copy(), self._lr.value()
        detail = self._walker.step()
        if detail is not None:
            (gw, gb), (new_w, new_b) = detail.gradient, self._walker.point
            self._arithmetic.setText(step_arithmetic(w, lr, gw, new_w, "w") + "\n"
                                     + step_arithmetic(b, lr, gb, new_b, "b"))
        self._show_state()

    def play(self) -> None:
        """Let gradient descent run on the timer."""
        if not self._walker.done:
            self._timer.start(40)
        self._show_play_state()

    def stop(self) -> None:
        """Pause (also when the tab is hidden or closed)."""
        self._timer.stop()
        self._show_play_state()

    def run_batch_comparison(self) -> dict[str, np.ndarray]:
        """Draw batch, mini-batch and stochastic paths on the noisy data; returns them by name."""
        data = noisy_caveman_data()
        paths = batch_comparison(data, self._batch_lr.value(), self._batch_steps.value(), seed=self._seed.value())
        lines = []
        for item, (name, path) in zip(self._batch_paths, paths.items()):
            set_path(item, path)
            lines.append(translate("gui.widgets.terrain_caveman", "{name}: loss {loss}").format(
                name=translate("core.linear_regression", name),
                loss=format_number(float(mse_loss(data, *path[-1])), 3)))
        self._batch_summary.setText("\n".join(lines))
        return paths

    # ---- slots ----------------------------------------------------------------------------

    @Slot()
    def _on_slider_moved(self) -> None:
        self.set_parameters(tick_to_value(self._w_slider.value()), tick_to_value(self._b_slider.value()))

    @Slot(float)
    def _on_lr_changed(self, lr: float) -> None:
        self._walker.rule = SGD(lr)

    @Slot()
    def _on_step_clicked(self) -> None:
        self.step_once()

    @Slot()
    def _on_play_toggled(self) -> None:
        if self._play.isChecked():
            self.play()
        else:
            self.stop()

    @Slot()
    def _on_reset_clicked(self) -> None:
        self.set_parameters(*CAVEMAN_START)

    @Slot()
    def _on_timer_tick(self) -> None:
        self.advance(self._speed.value())
        if self._walker.done:
            self.stop()

    @Slot(object)
    def _on_loss_clicked(self, event) -> None:
        view_box = self.loss_widget.getPlotItem().getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view_box.mapSceneToView(event.scenePos())
        self.set_parameters(point.x(), point.y())
        event.accept()

    @Slot()
    def _on_run_batches_clicked(self) -> None:
        self.run_batch_comparison()

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden view does not play on in the background."""
        self.stop()
        super().hideEvent(event)

    # ---- drawing --------------------------------------------------------------------------

    def _show_state(self) -> None:
        """Line, errors, loss, path and sliders for the current (w, b)."""
        w, b = (float(v) for v in self._walker.point)
        self._line.setData(*line_points(w, b, X_VIEW))
        self._residuals.setData(*residual_segments(self._data, w, b))
        set_path(self._path, np.array(self._walker.points))
        self._here.setData([w], [b])
        self._w_label.setText(f"w = {format_number(w)}")
        self._b_label.setText(f"b = {format_number(b)}")
        self._loss_label.setText(f"MSE = {format_number(self._walker.values[-1], 3)}")
        self.data_widget.getPlotItem().setTitle(describe_line(w, b), size="13pt")
        self._status.setText(self._status_text())
        with QSignalBlocker(self._w_slider), QSignalBlocker(self._b_slider):
            self._w_slider.setValue(value_to_tick(w))
            self._b_slider.setValue(value_to_tick(b))

    def _status_text(self) -> str:
        run = self._walker.result()
        if run.steps == 0 and run.outcome == "running":
            return translate("gui.widgets.terrain_caveman", "Press Step or Play (lr = {rate}).").format(
                rate=format_rate(self._lr.value()))
        return run.message

    def _show_play_state(self) -> None:
        with QSignalBlocker(self._play):
            self._play.setChecked(self._timer.isActive())
        self._play.setText(translate("gui.widgets.terrain_caveman", "Pause") if self._timer.isActive()
                           else translate("gui.widgets.terrain_caveman", "Play"))
