"""The 2-D terrain: a contour/heat map with the gradient at the current point, and an optimizer race.

Plain GD, momentum, RMSProp and Adam start from the same point, each with its own learning rate
and colour. Step-by-step mode advances one optimizer and shows its gradient, its velocity (or
running averages) and its update vector, with the numbers.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLineEdit, QSlider, QVBoxLayout, QWidget)

from core.descent import (RACE_LEARNING_RATES, RACERS, Descender, format_number, format_vector,
                          race_summary, start_race)
from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.terrain import TERRAINS_2D, Terrain2D, terrain2d_from_formula
from gui import dialogs
from gui.widgets.terrain_common import (TerrainMap, VectorArrow, display_vector, form_label, make_button,
                                        make_label, make_path_item, make_spin, set_path, style_plot)

RACER_COLOURS = {"GD": "#e41a1c", "Momentum": "#7b2cbf", "RMSProp": "#138a36", "Adam": "#111111"}
RACE_MAX_STEPS = 3000
TICK_MS = 30
CONTEXT = "gui.widgets.terrain_race"
# Keys: the step's state names (core.descent). Values: arrow labels, drawn in the direction of motion.
VELOCITY_LABELS = {"velocity": QT_TRANSLATE_NOOP("gui.widgets.terrain_race", "−velocity"), "momentum m": "−m"}


class TerrainRace(QWidget):
    """Map of a 2-D loss surface with the race controls beside it."""

    race_finished = Signal()  # every racer has an outcome

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terrain: Terrain2D = TERRAINS_2D["ravine"]
        self._start = np.array(self._terrain.start)
        self._racers: dict[str, Descender] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_tick)
        self._build_plot()
        self._build_controls()
        self._build_layout()
        self.set_terrain(self._terrain)

    # ---- construction --------------------------------------------------------------------

    def _build_plot(self) -> None:
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setToolTip(translate("gui.widgets.terrain_race",
                                              "Click on the map to choose where every optimizer starts."))
        plot = self.plot_widget.getPlotItem()
        style_plot(plot, "", "x", "y")
        self._map = TerrainMap(plot)
        legend = plot.addLegend(offset=(-8, -8), labelTextSize="12pt", brush=(255, 255, 255, 210))
        self._paths = {name: make_path_item(plot, RACER_COLOURS[name], name=name) for name in RACERS}
        self._heads = pg.ScatterPlotItem(size=13, pen=pg.mkPen("w", width=1.5))
        self._start_marker = pg.ScatterPlotItem(size=18, symbol="star", brush="w", pen=pg.mkPen("k", width=1.5))
        for item in (self._heads, self._start_marker):
            item.setZValue(15)
            plot.addItem(item)
        self._downhill = VectorArrow(plot, "#b00020", label=translate("gui.widgets.terrain_race", "−gradient"))
        self._velocity = VectorArrow(plot, "#7b2cbf", label=translate("gui.widgets.terrain_race", "velocity"))
        self._update = VectorArrow(plot, "#000000", label=translate("gui.widgets.terrain_race", "update"))
        legend.setZValue(40)
        plot.scene().sigMouseClicked.connect(self._on_plot_clicked)

    def _build_controls(self) -> None:
        self._terrain_combo = QComboBox()
        for terrain in TERRAINS_2D.values():
            self._terrain_combo.addItem(translate("core.terrain", terrain.name), terrain.key)
        self._terrain_combo.addItem(translate("gui.widgets.terrain_race", "Your formula"), "formula")
        self._terrain_combo.setToolTip(translate("gui.widgets.terrain_race",
                                                 "Loss surfaces: a round bowl, an elongated ravine, the Rosenbrock "
                                                 "banana, a saddle, several minima, or 'Your formula' typed below."))
        self._terrain_combo.activated.connect(self._on_terrain_chosen)
        self._formula_edit = QLineEdit()
        self._formula_edit.setPlaceholderText(translate("gui.widgets.terrain_race",
                                                        "your surface, e.g. x**2 + 3*y**2"))
        self._formula_edit.setToolTip(translate("gui.widgets.terrain_race",
                                                "Type f(x, y) with numbers, x, y, + − * / **, brackets and sin cos "
                                                "exp log sqrt abs tanh; press Enter. The gradient comes from the "
                                                "formula."))
        self._formula_edit.returnPressed.connect(self._on_formula_entered)
        self._formula_button = make_button(translate("gui.widgets.terrain_race", "Use"),
                                           translate("gui.widgets.terrain_race",
                                                     "Build the surface from your formula."),
                                           self._on_formula_entered)
        self._formula_error = make_label("", translate("gui.widgets.terrain_race",
                                                       "Why the formula could not be used."))
        self._formula_error.setStyleSheet("color: #b00020;")
        self._enabled: dict[str, QCheckBox] = {}
        self._rates: dict[str, QDoubleSpinBox] = {}
        self._results = {name: make_label("", translate("gui.widgets.terrain_race", "How {name} is doing: "
                                                        "outcome, steps and loss.").format(name=name))
                         for name in RACERS}
        for name in RACERS:
            self._build_racer_row(name)
        self._build_race_buttons()

    def _build_racer_row(self, name: str) -> None:
        box = QCheckBox(name)
        box.setChecked(True)
        box.setStyleSheet(f"QCheckBox {{ color: {RACER_COLOURS[name]}; font-weight: bold; }}")
        box.setToolTip(translate("gui.widgets.terrain_race", "Let {name} take part in the race.").format(name=name))
        box.toggled.connect(self._on_racers_changed)
        spin = make_spin(0.1, 0.0001, 10.0, 4, 0.001,
                         translate("gui.widgets.terrain_race", "{name}'s own learning rate.").format(name=name))
        spin.valueChanged.connect(self._on_racers_changed)
        self._results[name].setStyleSheet(f"color: {RACER_COLOURS[name]};")
        self._enabled[name], self._rates[name] = box, spin

    def _build_race_buttons(self) -> None:
        self._race = make_button(translate("gui.widgets.terrain_race", "Race"),
                                 translate("gui.widgets.terrain_race",
                                           "Start (or pause) the race: every optimizer steps at once."),
                                 self._on_race_toggled, True)
        self._step_all = make_button(translate("gui.widgets.terrain_race", "Step all"),
                                     translate("gui.widgets.terrain_race", "One step for every optimizer."),
                                     self._on_step_all_clicked)
        self._reset = make_button(translate("gui.widgets.terrain_race", "Reset"),
                                  translate("gui.widgets.terrain_race", "Everyone back to the start."),
                                  self._on_reset_clicked)
        self._speed = QSlider(Qt.Orientation.Horizontal)
        self._speed.setRange(1, 40)
        self._speed.setValue(5)
        self._speed.setToolTip(translate("gui.widgets.terrain_race",
                                         "Race speed: steps per frame for every optimizer."))
        self._explain_combo = QComboBox()
        for name in RACERS:
            self._explain_combo.addItem(name, name)  # optimizer names are not translated; the data is the key
        self._explain_combo.setToolTip(translate("gui.widgets.terrain_race",
                                                 "The optimizer whose next step is explained with numbers and arrows."))
        self._explain = make_button(translate("gui.widgets.terrain_race", "Explain one step"),
                                    translate("gui.widgets.terrain_race", "Advance only this optimizer by one step "
                                              "and show its gradient, velocity and update with numbers."),
                                    self._on_explain_clicked)
        self._explanation = make_label("", translate("gui.widgets.terrain_race",
                                                     "The arithmetic of the explained step."), 11, monospace=True)

    def _build_layout(self) -> None:
        side = QVBoxLayout()
        side.addWidget(self._surface_box())
        side.addWidget(self._race_box())
        side.addWidget(self._explain_box(), 1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(430)
        outer = QHBoxLayout(self)
        outer.addWidget(self.plot_widget, 1)
        outer.addWidget(panel)

    def _surface_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_race", "Surface"))
        grid = QGridLayout(box)
        grid.addWidget(self._terrain_combo, 0, 0, 1, 2)
        grid.addWidget(self._formula_edit, 1, 0)
        grid.addWidget(self._formula_button, 1, 1)
        grid.addWidget(self._formula_error, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return box

    def _race_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_race", "Optimizer race (learning rate each)"))
        grid = QGridLayout(box)
        for row, name in enumerate(RACERS):
            grid.addWidget(self._enabled[name], 2 * row, 0)
            grid.addWidget(self._rates[name], 2 * row, 1)
            grid.addWidget(self._results[name], 2 * row + 1, 0, 1, 3)
        last = 2 * len(RACERS)
        grid.addWidget(self._race, last, 0)
        grid.addWidget(self._step_all, last, 1)
        grid.addWidget(self._reset, last, 2)
        grid.addWidget(form_label(translate("gui.widgets.terrain_race", "speed")), last + 1, 0)
        grid.addWidget(self._speed, last + 1, 1, 1, 2)
        return box

    def _explain_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_race", "Step by step"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self._explain_combo, 1)
        row.addWidget(self._explain)
        layout.addLayout(row)
        layout.addWidget(self._explanation)
        layout.addStretch(1)
        return box

    # ---- public API ------------------------------------------------------------------------

    @property
    def terrain(self) -> Terrain2D:
        """The surface being raced on."""
        return self._terrain

    @property
    def racers(self) -> dict[str, Descender]:
        """The runs in the race, by optimizer name."""
        return self._racers

    @property
    def is_racing(self) -> bool:
        """True while the race timer runs."""
        return self._timer.isActive()

    def set_terrain(self, terrain: Terrain2D) -> None:
        """Race on another surface: redraw the map, reset the start and the suggested learning rates."""
        self.stop()
        self._terrain = terrain
        self._map.show_terrain(terrain)
        title = translate("gui.widgets.terrain_race", "{name}:  f = {formula}").format(
            name=translate("core.terrain", terrain.name), formula=terrain.formula_text)
        self.plot_widget.getPlotItem().setTitle(title, size="13pt")
        rates = RACE_LEARNING_RATES.get(terrain.key, RACE_LEARNING_RATES["formula"])
        for name, spin in self._rates.items():
            with QSignalBlocker(spin):
                spin.setValue(rates[name])
        self._select_terrain_in_combo(terrain.key)
        self.set_start(np.array(terrain.start))

    def set_start(self, start: np.ndarray) -> None:
        """Put every racer at start (clamped to the map) and clear the paths."""
        self.stop()
        (x0, x1), (y0, y1) = self._terrain.x_range, self._terrain.y_range
        self._start = np.array([np.clip(start[0], x0, x1), np.clip(start[1], y0, y1)], dtype=np.float64)
        rates = {name: self._rates[name].value() for name in RACERS if self._enabled[name].isChecked()}
        self._racers = start_race(self._terrain, self._start, rates, RACE_MAX_STEPS)
        self._start_marker.setData([self._start[0]], [self._start[1]])
        self._explanation.setText("")
        self._hide_step_arrows()
        self._show_race()

    def step_all(self, steps: int = 1) -> None:
        """Advance every racer that is still running by up to `steps` steps."""
        for racer in self._racers.values():
            racer.advance(steps)
        self._show_race()

    def explain_step(self, name: str) -> list[str]:
        """One step of one optimizer, drawn as arrows and returned as lines of arithmetic."""
        index = self._explain_combo.findData(name)
        if index >= 0:
            with QSignalBlocker(self._explain_combo):
                self._explain_combo.setCurrentIndex(index)
        racer = self._racers.get(name)
        if racer is None:
            lines = [translate("gui.widgets.terrain_race", "{name} is not racing.").format(name=name)]
        elif racer.done:
            lines = [translate("gui.widgets.terrain_race", "{name} has finished: {message}").format(
                name=name, message=racer.result().message)]
        else:
            before = racer.point.copy()
            detail = racer.step()
            lines = [*detail.lines,
                     translate("gui.widgets.terrain_race", "point {before} → {after}").format(
                         before=format_vector(before), after=format_vector(racer.point)),
                     translate("gui.widgets.terrain_race", "loss {before} → {after}").format(
                         before=format_number(racer.values[-2], 4), after=format_number(racer.values[-1], 4))]
            self._show_step_arrows(before, detail)
        self._explanation.setText("\n".join(lines))
        self._show_race(arrows=False)
        return lines

    def play(self) -> None:
        """Run the race on the timer."""
        if not self._all_done():
            self._timer.start()
        self._show_play_state()

    def stop(self) -> None:
        """Pause the race (also when the tab is hidden or closed)."""
        self._timer.stop()
        self._show_play_state()

    # ---- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_terrain_chosen(self, index: int) -> None:
        key = self._terrain_combo.itemData(index)
        if key == "formula":
            self._on_formula_entered()
        else:
            self.set_terrain(TERRAINS_2D[key])

    @Slot()
    def _on_formula_entered(self) -> None:
        try:
            terrain = terrain2d_from_formula(self._formula_edit.text())
        except StudioError as exc:
            self._formula_error.setText(str(exc))
            self._select_terrain_in_combo(self._terrain.key)
            dialogs.notifier().error_shown.emit(str(exc))
            return
        self._formula_error.setText("")
        self.set_terrain(terrain)

    @Slot()
    def _on_racers_changed(self) -> None:
        self.set_start(self._start)

    @Slot()
    def _on_race_toggled(self) -> None:
        if self._race.isChecked():
            self.play()
        else:
            self.stop()

    @Slot()
    def _on_step_all_clicked(self) -> None:
        self.step_all(1)

    @Slot()
    def _on_reset_clicked(self) -> None:
        self.set_start(self._start)

    @Slot()
    def _on_explain_clicked(self) -> None:
        self.stop()
        self.explain_step(self._explain_combo.currentData())

    @Slot()
    def _on_timer_tick(self) -> None:
        self.step_all(self._speed.value())
        if self._all_done():
            self.stop()
            self.race_finished.emit()

    @Slot(object)
    def _on_plot_clicked(self, event) -> None:
        view_box = self.plot_widget.getPlotItem().getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view_box.mapSceneToView(event.scenePos())
        self.set_start(np.array([point.x(), point.y()]))
        event.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden race does not run on in the background."""
        self.stop()
        super().hideEvent(event)

    # ---- drawing --------------------------------------------------------------------------

    def _all_done(self) -> bool:
        return all(racer.done for racer in self._racers.values())

    def _show_race(self, arrows: bool = True) -> None:
        """Paths, current positions, results; and the downhill arrow at the start."""
        spots = []
        for name in RACERS:
            racer = self._racers.get(name)
            set_path(self._paths[name], np.array(racer.points) if racer else np.empty((0, 2)))
            self._results[name].setText(race_summary(name, racer.result()) if racer else translate(
                "gui.widgets.terrain_race", "{name}: not racing").format(name=name))
            if racer:
                spots.append({"pos": tuple(racer.point), "brush": RACER_COLOURS[name]})
        self._heads.setData(spots)
        if arrows:
            self._show_downhill_at_start()

    def _show_downhill_at_start(self) -> None:
        span = self._terrain.x_range[1] - self._terrain.x_range[0]
        self._downhill.show_vector(self._start, display_vector(-self._terrain.gradient(self._start), span, 0.12, 0.12))

    def _show_step_arrows(self, before: np.ndarray, detail) -> None:
        span = self._terrain.x_range[1] - self._terrain.x_range[0]
        self._downhill.show_vector(before, display_vector(-detail.gradient, span, 0.12, 0.12))
        name, velocity = next(((k, v) for k, v in detail.state.items() if k in VELOCITY_LABELS), ("", None))
        self._velocity.set_visible(False)
        if velocity is not None:
            self._velocity.set_label(translate(CONTEXT, VELOCITY_LABELS[name]))
            self._velocity.show_vector(before, display_vector(-velocity, span, 0.10, 0.10))
        self._update.show_vector(before, display_vector(detail.update, span, 0.03, 0.3))

    def _hide_step_arrows(self) -> None:
        self._velocity.set_visible(False)
        self._update.set_visible(False)

    def _show_play_state(self) -> None:
        with QSignalBlocker(self._race):
            self._race.setChecked(self._timer.isActive())
        self._race.setText(translate("gui.widgets.terrain_race", "Pause") if self._timer.isActive()
                           else translate("gui.widgets.terrain_race", "Race"))

    def _select_terrain_in_combo(self, key: str) -> None:
        with QSignalBlocker(self._terrain_combo):
            index = self._terrain_combo.findData(key)
            if index >= 0:
                self._terrain_combo.setCurrentIndex(index)
