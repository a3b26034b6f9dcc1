"""The 1-D gradient-descent game: a creature in the mist on a terrain curve.

Manual mode: jump left or right by a chosen size, reading only the slope under your feet.
Gradient-descent mode: each step moves by −lr × slope, with the arithmetic on screen.
Plus random restarts, the lecture's challenges and the learning-rate exercise.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QRadioButton, QSlider, QSpinBox, QVBoxLayout, QWidget)

from core.descent import (SGD, Descender, describe_landing, describe_slope, format_number, format_rate, jump,
                          jump_arithmetic, outcome_phrase, random_restarts, step_arithmetic, summarize_restarts)
from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.terrain import (TERRAINS_1D, Terrain1D, curve_limits, landing_site, sample_curve, stationary_points,
                          terrain_from_formula, visible_window)
from gui import dialogs
from gui.widgets.terrain_common import form_label, make_button, make_label, make_spin, style_plot

MIST_FRACTION = 0.08        # the creature sees ±8% of the map's width
CREATURE_COLOUR = "#f28e2b"
MIST_COLOUR = "#d5dae0"
CONTEXT = "gui.widgets.terrain_game"
NO_GROUND = QT_TRANSLATE_NOOP("gui.widgets.terrain_game", "No ground here: the formula has no value at this x.")
SITE_COLOURS = {"global minimum": "#2ca02c", "local minimum": "#1f77b4", "maximum": "#d62728",
                "flat": "#7f7f7f"}
GAME_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_R, Qt.Key.Key_P)


@dataclass(frozen=True)
class Challenge:
    """One of the lecture's questions: a set-up to play, and the answer revealed after playing.

    title, question and answer are English (marked for translation); translate them where shown.
    """

    title: str
    terrain: str
    start: float | str   # "hilltop": exactly on the terrain's local maximum
    mode: str            # "manual" | "gd"
    lr: float
    question: str
    answer: str


CHALLENGES = (
    Challenge(QT_TRANSLATE_NOOP("gui.widgets.terrain_game", "Which way to go?"), "valley", -2.0, "manual", 0.1,
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "The mist hides the valley. The arrow shows the slope under your feet and points "
                                "uphill. Which way should you jump: left or right?"),
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "Right: go against the slope. Here the slope is negative (the ground falls to the "
                                "right), and gradient descent moves by −lr × slope, so a negative slope means a step "
                                "to the right.")),
    Challenge(QT_TRANSLATE_NOOP("gui.widgets.terrain_game", "What does a flat slope mean?"), "plateau", 3.5, "gd",
              0.5,
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "Press Step a few times. The slope is almost zero. Have you arrived?"),
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "No. A zero slope only says the ground is flat here: a valley bottom, a hilltop, a "
                                "saddle or, as here, a plateau. Each step is −lr × slope, so on a plateau the "
                                "creature crawls. Press Reveal.")),
    Challenge(QT_TRANSLATE_NOOP("gui.widgets.terrain_game", "What does a big step do?"), "valley", -2.0, "gd", 1.05,
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "The learning rate is 1.05. Press Step several times and watch the trail. "
                                "What happens?"),
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "Each step jumps over the valley and lands higher on the other side: the steps grow "
                                "and the run diverges. On this bowl (curvature L = 2), lr = 1 = 2/L bounces forever "
                                "and lr = 0.5 = 1/L lands on the bottom in one step.")),
    Challenge(QT_TRANSLATE_NOOP("gui.widgets.terrain_game", "Can you end at a local maximum?"), "two_valleys",
              "hilltop", "gd", 0.02,
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "The creature stands exactly on the hilltop. Press Step. Then click a little to one "
                                "side and step."),
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "Barely: only if you start exactly on top, where the slope is exactly zero, so "
                                "−lr × slope = 0 and you never move. The slightest nudge and you roll away into a "
                                "valley.")),
    Challenge(QT_TRANSLATE_NOOP("gui.widgets.terrain_game", "Can you get stuck at the saddle?"), "shoulder", -1.0,
              "gd", 0.1,
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "Play with lr = 0.1 from x = −1. Where does the creature stop? Then Reset and try "
                                "lr = 0.4."),
              QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                "Yes. The slope fades to zero on the flat shoulder at x = 0, so the steps shrink to "
                                "nothing and the creature stops although this is not a minimum. With lr = 0.4 the "
                                "first step is big enough to carry it over the shoulder into the valley at x = 2.")),
)
EXERCISE_RATES = (0.03, 0.1, 1.0)
KEYS_HELP = QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                              "Click the map to place the creature.  Keys: ← → jump (manual mode), Space step, "
                              "P play/pause, R reset.")
GOLDILOCKS_HINT = QT_TRANSLATE_NOOP("gui.widgets.terrain_game",
                                    "On this bowl f(x) = (x − 1)² the curvature is L = 2. lr = 0.5 = 1/L reaches the "
                                    "bottom in one step (Goldilocks); lr = 1 = 2/L bounces between two points "
                                    "forever; above 1 it diverges; small rates converge, but slowly.")


class TerrainGame(QWidget):
    """The 1-D game: plot with creature, mist and trail, and the controls beside it."""

    creature_moved = Signal(float)  # the creature's x after any move, click or reset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._terrain: Terrain1D = TERRAINS_1D["valley"]
        self._walker = Descender(self._terrain, self._terrain.start)
        self._exercise_results: list[str] = []
        self._answer_ready = False
        self._restart_seed = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_tick)
        self._build_plot()
        self._build_controls()
        self._build_layout()
        self.set_terrain(self._terrain)

    # ---- construction --------------------------------------------------------------------

    def _build_plot(self) -> None:
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot_widget.setToolTip(translate("gui.widgets.terrain_game",
                                              "Click anywhere on the map to put the creature there."))
        plot = self.plot_widget.getPlotItem()
        style_plot(plot, "", translate("gui.widgets.terrain_game", "x (where the creature stands)"),
                   translate("gui.widgets.terrain_game", "height f(x)"))
        self._full_curve = plot.plot(pen=pg.mkPen((90, 90, 90), width=3), connect="finite")
        self._seen_curve = plot.plot(pen=pg.mkPen("#1f5fa8", width=5), connect="finite")
        self._tangent = plot.plot(pen=pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine))
        self._trail = plot.plot(pen=pg.mkPen(CREATURE_COLOUR, width=1.5, style=Qt.PenStyle.DotLine),
                                symbol="o", symbolSize=7, symbolBrush="#fdd0a2", symbolPen=pg.mkPen(CREATURE_COLOUR))
        self._restart_trails = pg.ScatterPlotItem(size=7, pen=None)
        self._restart_ends = pg.ScatterPlotItem(size=18, pen=pg.mkPen("k", width=1.5))
        self._creature = pg.ScatterPlotItem(size=28, brush=CREATURE_COLOUR, pen=pg.mkPen("#5a2d00", width=2))
        self._slope_arrow = pg.ArrowItem(headLen=18, tailLen=30, tailWidth=6, brush="#d62728", pen=None)
        self._slope_text = pg.TextItem("", color="#d62728", anchor=(0.5, 1.7))
        self._slope_text.setFont(QFont(QFont().family(), 12, QFont.Weight.Bold))
        self._mist_text = pg.TextItem("", color=(90, 90, 90), anchor=(0.5, 0))
        self._clearing = pg.LinearRegionItem(movable=False, brush=(255, 255, 255), pen=pg.mkPen(None))
        self._clearing.setZValue(-50)
        plot.addItem(self._clearing)
        for item in (self._restart_trails, self._restart_ends, self._creature, self._slope_arrow,
                     self._slope_text, self._mist_text):
            plot.addItem(item)
        self._creature.setZValue(30)
        self._slope_arrow.setZValue(25)
        plot.scene().sigMouseClicked.connect(self._on_plot_clicked)

    def _build_controls(self) -> None:
        self._terrain_combo = QComboBox()
        for terrain in TERRAINS_1D.values():
            self._terrain_combo.addItem(translate("core.terrain", terrain.name), terrain.key)
        self._terrain_combo.addItem(translate("gui.widgets.terrain_game", "Your formula"), "formula")
        self._terrain_combo.setToolTip(translate("gui.widgets.terrain_game",
                                                 "Terrain levels from the lecture: choose the ground the creature "
                                                 "lives on, or 'Your formula' to use the one typed below."))
        self._terrain_combo.activated.connect(self._on_terrain_chosen)
        self._formula_edit = QLineEdit()
        self._formula_edit.setPlaceholderText(translate("gui.widgets.terrain_game",
                                                        "type a terrain, e.g. x**4 - 3*x**2 + x"))
        self._formula_edit.setToolTip(translate("gui.widgets.terrain_game",
                                                "Your own terrain f(x): numbers, x, + − * / ** (or ^), brackets and "
                                                "sin cos exp log sqrt abs tanh. Press Enter to use it."))
        self._formula_edit.returnPressed.connect(self._on_formula_entered)
        self._formula_button = make_button(
            translate("gui.widgets.terrain_game", "Use formula"),
            translate("gui.widgets.terrain_game", "Build the terrain from the formula you typed; its slope comes "
                      "from the formula itself."), self._on_formula_entered)
        self._formula_error = make_label("", translate("gui.widgets.terrain_game",
                                                       "Why the formula could not be used."))
        self._formula_error.setStyleSheet("color: #b00020;")
        self._reveal = make_button(
            translate("gui.widgets.terrain_game", "Reveal terrain"),
            translate("gui.widgets.terrain_game", "Lift the mist and show the whole terrain (the creature normally "
                      "sees only the ground near its feet)."), self._on_reveal_toggled, True)
        self._build_move_controls()
        self._build_readouts()
        self._build_lesson_controls()

    def _build_move_controls(self) -> None:
        self._manual_radio = QRadioButton(translate("gui.widgets.terrain_game", "Manual"))
        self._manual_radio.setToolTip(translate("gui.widgets.terrain_game",
                                                "You decide: jump left or right by the step size (keys ← and →)."))
        self._gd_radio = QRadioButton(translate("gui.widgets.terrain_game", "Gradient descent"))
        self._gd_radio.setToolTip(translate("gui.widgets.terrain_game",
                                            "The rule decides: each step moves by −learning rate × slope."))
        self._mode_group = QButtonGroup(self)
        for radio in (self._manual_radio, self._gd_radio):
            self._mode_group.addButton(radio)
        self._gd_radio.setChecked(True)
        self._gd_radio.toggled.connect(self._on_mode_toggled)
        self._step_size = make_spin(0.5, 0.01, 5.0, 2, 0.1,
                                    translate("gui.widgets.terrain_game", "How far one manual jump goes."))
        self._left = make_button(translate("gui.widgets.terrain_game", "◀ Left"),
                                 translate("gui.widgets.terrain_game", "Jump left by the step size (key ←)."),
                                 self._on_left_clicked)
        self._right = make_button(translate("gui.widgets.terrain_game", "Right ▶"),
                                  translate("gui.widgets.terrain_game", "Jump right by the step size (key →)."),
                                  self._on_right_clicked)
        self._lr = make_spin(0.1, 0.001, 5.0, 3, 0.01, translate("gui.widgets.terrain_game",
                                                                 "Learning rate: the step is −learning rate × slope."))
        self._lr.valueChanged.connect(self._on_lr_changed)
        self._step = make_button(translate("gui.widgets.terrain_game", "Step"),
                                 translate("gui.widgets.terrain_game", "One gradient-descent step (key Space)."),
                                 self._on_step_clicked)
        self._play = make_button(translate("gui.widgets.terrain_game", "Play"),
                                 translate("gui.widgets.terrain_game",
                                           "Take steps one after another; press again to pause (key P)."),
                                 self._on_play_toggled, True)
        self._reset = make_button(translate("gui.widgets.terrain_game", "Reset"),
                                  translate("gui.widgets.terrain_game",
                                            "Back to the start: clear the trail and the step counter (key R)."),
                                  self._on_reset_clicked)
        self._speed = QSlider(Qt.Orientation.Horizontal)
        self._speed.setRange(1, 30)
        self._speed.setValue(4)
        self._speed.setToolTip(translate("gui.widgets.terrain_game", "Play speed: steps per second."))
        self._speed.valueChanged.connect(self._on_speed_changed)

    def _build_readouts(self) -> None:
        self._slope_label = make_label("", translate("gui.widgets.terrain_game", "The slope f'(x) under the "
                                                     "creature's feet: all it can feel."), 13, True)
        self._steps_label = make_label("", translate("gui.widgets.terrain_game",
                                                     "How many moves the creature has made since the start."), 12)
        self._arithmetic = make_label("", translate("gui.widgets.terrain_game", "The arithmetic of the last move."),
                                      12, True, monospace=True)
        self._status = make_label("", translate("gui.widgets.terrain_game", "How the run is going: converged, "
                                                "oscillating, diverged or still going."), 12)
        self._keys_help = make_label(translate(CONTEXT, KEYS_HELP), translate(
            "gui.widgets.terrain_game", "Keyboard shortcuts of the game (click the map first)."), 10)
        self._keys_help.setStyleSheet("color: #555555;")

    def _build_lesson_controls(self) -> None:
        self._restart_count = QSpinBox()
        self._restart_count.setRange(2, 30)
        self._restart_count.setValue(8)
        self._restart_count.setToolTip(translate("gui.widgets.terrain_game",
                                                 "How many creatures to drop at random places."))
        self._restarts = make_button(
            translate("gui.widgets.terrain_game", "Random restarts"),
            translate("gui.widgets.terrain_game", "Drop several creatures at random places; each runs gradient "
                      "descent with the current learning rate. Colours show where each ended."),
            self._on_restarts_clicked)
        self._restart_summary = make_label("", translate("gui.widgets.terrain_game", "Where the creatures ended: "
                                                         "green = global minimum, blue = local minimum, red = "
                                                         "hilltop, grey = flat ground."))
        self._challenge_combo = QComboBox()
        for challenge in CHALLENGES:
            self._challenge_combo.addItem(translate(CONTEXT, challenge.title))
        self._challenge_combo.setToolTip(translate("gui.widgets.terrain_game",
                                                   "The lecture's questions, each set up on the right terrain."))
        self._try_challenge = make_button(translate("gui.widgets.terrain_game", "Set up"),
                                          translate("gui.widgets.terrain_game",
                                                    "Put the creature where the question starts."),
                                          self._on_challenge_clicked)
        self._show_answer = make_button(translate("gui.widgets.terrain_game", "Show answer"),
                                        translate("gui.widgets.terrain_game", "Play first, then see the answer."),
                                        self._on_answer_clicked)
        self._challenge_text = make_label(translate("gui.widgets.terrain_game", "Choose a question and press Set up."),
                                          translate("gui.widgets.terrain_game",
                                                    "The question, and after playing, the answer."), 12)
        self._exercise_buttons = [self._exercise_button(lr) for lr in EXERCISE_RATES]
        self._exercise_own = make_button(translate("gui.widgets.terrain_game", "My lr"),
                                         translate("gui.widgets.terrain_game", "Run the bowl with the learning rate "
                                                   "set above (find the Goldilocks rate)."),
                                         self._on_exercise_own_clicked)
        self._hint = make_button(translate("gui.widgets.terrain_game", "Goldilocks?"),
                                 translate("gui.widgets.terrain_game",
                                           "Show which learning rate is just right on this bowl, and why."),
                                 self._on_hint_clicked)
        self._exercise_text = make_label(translate("gui.widgets.terrain_game", "Press a learning rate: the creature "
                                                   "runs the bowl from x = −2 to the end, and the steps are counted "
                                                   "here."),
                                         translate("gui.widgets.terrain_game",
                                                   "Steps to the bottom for each learning rate you tried."), 12)

    def _exercise_button(self, lr: float):
        """A button that runs the learning-rate exercise at lr."""
        rate = format_rate(lr)
        tooltip = translate("gui.widgets.terrain_game", "Run the bowl from x = −2 with learning rate {rate} to the "
                            "end and count the steps.").format(rate=rate)
        return make_button(translate("gui.widgets.terrain_game", "lr {rate}").format(rate=rate), tooltip,
                           self._make_exercise_slot(lr))

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.plot_widget, 1)
        lessons = QHBoxLayout()
        lessons.addWidget(self._challenge_box(), 3)
        lessons.addWidget(self._exercise_box(), 2)
        left.addLayout(lessons)
        right = QVBoxLayout()
        right.addWidget(self._terrain_box())
        right.addWidget(self._move_box())
        right.addWidget(self._readout_box(), 1)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 1)
        side = QWidget()
        side.setLayout(right)
        side.setFixedWidth(390)
        outer.addWidget(side)

    def _terrain_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_game", "Terrain"))
        grid = QGridLayout(box)
        grid.addWidget(self._terrain_combo, 0, 0, 1, 2)
        grid.addWidget(self._reveal, 0, 2)
        grid.addWidget(self._formula_edit, 1, 0, 1, 2)
        grid.addWidget(self._formula_button, 1, 2)
        grid.addWidget(self._formula_error, 2, 0, 1, 3)
        return box

    def _move_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_game", "Move"))
        grid = QGridLayout(box)
        grid.addWidget(self._manual_radio, 0, 0)
        grid.addWidget(self._gd_radio, 0, 1, 1, 2)
        grid.addWidget(form_label(translate("gui.widgets.terrain_game", "step size")), 1, 0)
        grid.addWidget(self._step_size, 1, 1)
        row = QHBoxLayout()
        row.addWidget(self._left)
        row.addWidget(self._right)
        grid.addLayout(row, 1, 2)
        grid.addWidget(form_label(translate("gui.widgets.terrain_game", "learning rate")), 2, 0)
        grid.addWidget(self._lr, 2, 1)
        grid.addWidget(self._step, 2, 2)
        grid.addWidget(self._play, 3, 0)
        grid.addWidget(self._speed, 3, 1)
        grid.addWidget(self._reset, 3, 2)
        grid.addWidget(self._restart_count, 4, 0)
        grid.addWidget(self._restarts, 4, 1, 1, 2)
        return box

    def _readout_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_game", "What the creature knows"))
        layout = QVBoxLayout(box)
        for label in (self._slope_label, self._steps_label, self._arithmetic, self._status, self._restart_summary):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self._keys_help)
        return box

    def _challenge_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_game", "Challenges"))
        grid = QGridLayout(box)
        grid.addWidget(self._challenge_combo, 0, 0)
        grid.addWidget(self._try_challenge, 0, 1)
        grid.addWidget(self._show_answer, 0, 2)
        grid.addWidget(self._challenge_text, 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        return box

    def _exercise_box(self) -> QGroupBox:
        box = QGroupBox(translate("gui.widgets.terrain_game", "Learning-rate exercise (bowl)"))
        grid = QGridLayout(box)
        for column, button in enumerate(self._exercise_buttons):
            grid.addWidget(button, 0, column)
        grid.addWidget(self._exercise_own, 1, 0)
        grid.addWidget(self._hint, 1, 1, 1, 2)
        grid.addWidget(self._exercise_text, 2, 0, 1, 3)
        return box

    # ---- public API ------------------------------------------------------------------------

    @property
    def terrain(self) -> Terrain1D:
        """The terrain being played."""
        return self._terrain

    @property
    def walker(self) -> Descender:
        """The creature's run (position, trail, status)."""
        return self._walker

    @property
    def is_playing(self) -> bool:
        """True while Play is stepping on a timer."""
        return self._timer.isActive()

    def set_terrain(self, terrain: Terrain1D) -> None:
        """Play on another terrain: redraw the map and put the creature at its start."""
        self.stop()
        self._terrain = terrain
        xs, fs = sample_curve(terrain)
        self._full_curve.setData(xs, fs)
        self.plot_widget.getPlotItem().setRange(xRange=terrain.x_range, yRange=curve_limits(fs), padding=0)
        title = translate("gui.widgets.terrain_game", "{name}:  f(x) = {formula}").format(
            name=translate("core.terrain", terrain.name), formula=terrain.formula_text)
        self.plot_widget.getPlotItem().setTitle(title, size="13pt")
        with QSignalBlocker(self._lr):
            self._lr.setValue(terrain.lr)
        self._select_terrain_in_combo(terrain.key)
        self.place_creature(terrain.start)

    def place_creature(self, x: float) -> None:
        """Put the creature at x (clamped to the map) with a fresh trail and step counter."""
        self.stop()
        x = float(np.clip(x, *self._terrain.x_range))
        self._walker = Descender(self._terrain, x, self._rule())
        self._restart_trails.setData([])
        self._restart_ends.setData([])
        self._restart_summary.setText("")
        self._arithmetic.setText("")
        self._show_state()

    def set_mode(self, mode: str) -> None:
        """'manual' or 'gd', as if the radio button was clicked."""
        (self._manual_radio if mode == "manual" else self._gd_radio).setChecked(True)

    def set_revealed(self, revealed: bool) -> None:
        """Lift (True) or lower (False) the mist."""
        with QSignalBlocker(self._reveal):
            self._reveal.setChecked(revealed)
        self._show_state()

    def set_learning_rate(self, lr: float) -> None:
        """Use lr for the next steps (does not restart)."""
        with QSignalBlocker(self._lr):
            self._lr.setValue(lr)
        self._walker.rule = self._rule()

    def step_once(self) -> None:
        """One gradient-descent step (ignored in manual mode or after the run ended)."""
        if self._manual_radio.isChecked():
            return
        x_before, lr = float(self._walker.point[0]), self._lr.value()
        detail = self._walker.step()
        if detail is not None:
            self._arithmetic.setText(step_arithmetic(x_before, lr, float(detail.gradient[0]),
                                                     float(self._walker.point[0])))
        self._after_move()

    def jump_by(self, direction: int) -> None:
        """A manual jump left (−1) or right (+1) by the step size, kept on the map."""
        x = float(self._walker.point[0])
        new_x = jump(x, direction, self._step_size.value(), self._terrain.x_range)
        before = float(self._terrain.f(x))
        self._walker.move_by(new_x - x)
        self._arithmetic.setText(jump_arithmetic(x, new_x, before, float(self._terrain.f(new_x))))
        self._after_move()

    def play(self) -> None:
        """Start stepping on the timer (gradient-descent mode only)."""
        if self._gd_radio.isChecked() and not self._walker.done:
            self._timer.start(round(1000 / self._speed.value()))
        self._show_play_state()

    def stop(self) -> None:
        """Stop Play (called when the tab is hidden or closed)."""
        self._timer.stop()
        self._show_play_state()

    def run_exercise(self, lr: float) -> str:
        """The learning-rate exercise: the bowl from its start at lr, run to the end; returns the verdict."""
        if self._terrain.key != "valley":
            self.set_terrain(TERRAINS_1D["valley"])
        self.set_mode("gd")
        self.set_learning_rate(lr)
        self.place_creature(self._terrain.start)
        self._walker.advance(self._walker.max_steps)
        line = translate("gui.widgets.terrain_game", "lr {rate}: {outcome}").format(
            rate=format_rate(lr), outcome=outcome_phrase(self._walker.status, self._walker.steps))
        self._exercise_results = [line, *self._exercise_results][:4]
        self._exercise_text.setText("\n".join(self._exercise_results))
        self._show_state()
        return line

    def set_up_challenge(self, index: int) -> None:
        """Put the game in the position of CHALLENGES[index] and show its question."""
        challenge = CHALLENGES[index]
        with QSignalBlocker(self._challenge_combo):
            self._challenge_combo.setCurrentIndex(index)
        self.set_terrain(TERRAINS_1D[challenge.terrain])
        self.set_mode(challenge.mode)
        self.set_revealed(False)
        self.set_learning_rate(challenge.lr)
        self.place_creature(self._challenge_start(challenge))
        self._answer_ready = False
        self._challenge_text.setText(translate(CONTEXT, challenge.question))

    # ---- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_terrain_chosen(self, index: int) -> None:
        key = self._terrain_combo.itemData(index)
        if key == "formula":
            self._on_formula_entered()
        else:
            self.set_terrain(TERRAINS_1D[key])

    @Slot()
    def _on_formula_entered(self) -> None:
        try:
            terrain = terrain_from_formula(self._formula_edit.text())
        except StudioError as exc:
            self._formula_error.setText(str(exc))
            self._select_terrain_in_combo(self._terrain.key)
            dialogs.notifier().error_shown.emit(str(exc))
            return
        self._formula_error.setText("")
        self.set_terrain(terrain)

    @Slot()
    def _on_reveal_toggled(self) -> None:
        self._show_state()

    @Slot(bool)
    def _on_mode_toggled(self, _gd: bool) -> None:
        self.stop()
        self.place_creature(float(self._walker.point[0]))
        self._show_mode()

    @Slot()
    def _on_left_clicked(self) -> None:
        self.jump_by(-1)

    @Slot()
    def _on_right_clicked(self) -> None:
        self.jump_by(+1)

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
        self.place_creature(float(self._walker.points[0][0]))

    @Slot(float)
    def _on_lr_changed(self, _lr: float) -> None:
        self._walker.rule = self._rule()

    @Slot(int)
    def _on_speed_changed(self, speed: int) -> None:
        if self._timer.isActive():
            self._timer.setInterval(round(1000 / speed))

    @Slot()
    def _on_timer_tick(self) -> None:
        self.step_once()
        if self._walker.done:
            self.stop()

    @Slot(object)
    def _on_plot_clicked(self, event) -> None:
        view_box = self.plot_widget.getPlotItem().getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        self.place_creature(view_box.mapSceneToView(event.scenePos()).x())
        self.setFocus()
        event.accept()

    @Slot()
    def _on_restarts_clicked(self) -> None:
        self.stop()
        self._restart_seed += 1
        results = random_restarts(self._terrain, self._restart_count.value(), self._lr.value(),
                                  seed=self._restart_seed)
        self._show_restarts(results)
        self.set_revealed(True)

    @Slot()
    def _on_challenge_clicked(self) -> None:
        self.set_up_challenge(self._challenge_combo.currentIndex())

    @Slot()
    def _on_answer_clicked(self) -> None:
        challenge = CHALLENGES[self._challenge_combo.currentIndex()]
        question = translate(CONTEXT, challenge.question)
        if not self._answer_ready:
            self._challenge_text.setText(translate("gui.widgets.terrain_game", "{question}\n\nPlay first: make a "
                                                   "move, then look again.").format(question=question))
            return
        self._challenge_text.setText(translate("gui.widgets.terrain_game", "{question}\n\nAnswer: {answer}").format(
            question=question, answer=translate(CONTEXT, challenge.answer)))

    @Slot()
    def _on_exercise_own_clicked(self) -> None:
        self.run_exercise(self._lr.value())

    @Slot()
    def _on_hint_clicked(self) -> None:
        self._exercise_text.setText("\n".join([translate(CONTEXT, GOLDILOCKS_HINT), *self._exercise_results[:2]]))

    def _make_exercise_slot(self, lr: float):
        return lambda: self.run_exercise(lr)

    # ---- keyboard and visibility ----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Claim the game keys before window-wide shortcuts (the main window uses Space too)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in GAME_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """← → jump, Space steps, P plays or pauses, R resets."""
        actions = {Qt.Key.Key_Left: self._on_left_clicked, Qt.Key.Key_Right: self._on_right_clicked,
                   Qt.Key.Key_Space: self._on_step_clicked, Qt.Key.Key_R: self._on_reset_clicked,
                   Qt.Key.Key_P: self._play.click}
        action = actions.get(Qt.Key(event.key()))
        if action is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden game does not play on in the background."""
        self.stop()
        super().hideEvent(event)

    # ---- drawing --------------------------------------------------------------------------

    def _rule(self) -> SGD | None:
        return SGD(self._lr.value()) if self._gd_radio.isChecked() else None

    def _after_move(self) -> None:
        self._answer_ready = True
        self._show_state()
        self.creature_moved.emit(float(self._walker.point[0]))

    def _show_state(self) -> None:
        """Draw creature, mist, slope and trail, and write the readouts."""
        x = float(self._walker.point[0])
        height, slope = float(self._terrain.f(x)), float(self._terrain.slope(x))
        on_ground = bool(np.isfinite(height) and np.isfinite(slope))  # a typed formula may have holes
        self._creature.setData([x] if on_ground else [], [height] if on_ground else [])
        self._show_mist(x)
        self._show_slope(x, height, slope if on_ground else float("nan"))
        trail_x, trail_f = np.array(self._walker.points)[:, 0], np.array(self._walker.values)
        finite = np.isfinite(trail_f)  # only a start in a hole of a typed formula can be non-finite
        self._trail.setData(trail_x[finite], trail_f[finite])
        self._slope_label.setText(describe_slope(slope) if on_ground else translate(CONTEXT, NO_GROUND))
        self._steps_label.setText(translate("gui.widgets.terrain_game", "Steps: {steps}    x = {x}    "
                                            "f(x) = {height}").format(steps=self._walker.steps, x=format_number(x),
                                                                      height=format_number(height)))
        self._status.setText(self._status_text())
        self._show_mode()

    def _show_mist(self, x: float) -> None:
        revealed = self._reveal.isChecked()
        radius = MIST_FRACTION * (self._terrain.x_range[1] - self._terrain.x_range[0])
        self._full_curve.setVisible(revealed)
        self._seen_curve.setData(*visible_window(self._terrain, x, radius))
        self.plot_widget.getPlotItem().getViewBox().setBackgroundColor(None if revealed else MIST_COLOUR)
        self._clearing.setVisible(not revealed)
        self._clearing.setRegion((x - radius, x + radius))
        view = self.plot_widget.getPlotItem().getViewBox().viewRange()
        self._mist_text.setText("" if revealed else translate("gui.widgets.terrain_game", "Mist: the creature "
                                                              "sees only the ground near its feet"))
        self._mist_text.setPos(QPointF(sum(view[0]) / 2, view[1][1]))

    def _show_slope(self, x: float, height: float, slope: float) -> None:
        """Tangent segment, and the slope as a 1-D vector: a horizontal arrow pointing uphill."""
        half = 0.5 * MIST_FRACTION * (self._terrain.x_range[1] - self._terrain.x_range[0])
        finite = bool(np.isfinite(slope))
        low, high = self.plot_widget.getPlotItem().getViewBox().viewRange()[1]
        ends = np.clip([height - slope * half, height + slope * half], 2 * low - high, 2 * high - low) \
            if finite else []
        self._tangent.setData([x - half, x + half] if finite else [], ends)
        self._slope_arrow.setVisible(finite and slope != 0)
        self._slope_text.setVisible(finite)
        if finite:
            self._slope_arrow.setPos(QPointF(x + (2.2 if slope > 0 else -2.2) * half, height))
            self._slope_arrow.setStyle(angle=180 if slope > 0 else 0)
            self._slope_text.setText(translate("gui.widgets.terrain_game", "slope {slope}").format(
                slope=format_number(slope)) if slope != 0 else translate("gui.widgets.terrain_game", "flat"))
            self._slope_text.setPos(QPointF(x, height))

    def _status_text(self) -> str:
        if self._walker.rule is None:
            return translate("gui.widgets.terrain_game",
                             "Manual mode: you choose the direction and the size of each jump.")
        message = self._walker.result().message
        if self._walker.status == "converged":
            message += " " + describe_landing(landing_site(self._terrain, float(self._walker.point[0])))
        return message

    def _show_mode(self) -> None:
        manual = self._manual_radio.isChecked()
        for widget in (self._step_size, self._left, self._right):
            widget.setEnabled(manual)
        for widget in (self._lr, self._step, self._play, self._speed):
            widget.setEnabled(not manual)

    def _show_play_state(self) -> None:
        with QSignalBlocker(self._play):
            self._play.setChecked(self._timer.isActive())
        self._play.setText(translate("gui.widgets.terrain_game", "Pause") if self._timer.isActive()
                           else translate("gui.widgets.terrain_game", "Play"))

    def _show_restarts(self, results) -> None:
        steps, ends = [], []
        for run, site in results:
            colour = SITE_COLOURS.get(site, "#000000")
            steps.extend({"pos": (float(x), float(f)), "brush": colour} for x, f in zip(run.path[:, 0], run.values))
            ends.append({"pos": (float(run.path[-1, 0]), float(run.values[-1])), "brush": colour})
        self._restart_trails.setData(steps)
        self._restart_ends.setData(ends)
        self._restart_summary.setText(translate("gui.widgets.terrain_game", "{count} creatures: {summary}.").format(
            count=len(results), summary=summarize_restarts(results)))

    def _select_terrain_in_combo(self, key: str) -> None:
        with QSignalBlocker(self._terrain_combo):
            index = self._terrain_combo.findData(key)
            if index >= 0:
                self._terrain_combo.setCurrentIndex(index)

    def _challenge_start(self, challenge: Challenge) -> float:
        if challenge.start == "hilltop":
            return next(p.x for p in stationary_points(self._terrain) if p.kind == "maximum")
        return float(challenge.start)
