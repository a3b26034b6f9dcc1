"""The Terrain explorer tab: click to place, step, reveal, play, race, caveman; no timer outlives it."""
from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QMainWindow,
                               QSlider, QTabBar, QTabWidget)

from core.terrain import TERRAINS_1D, TERRAINS_2D
from gui.panels.terrain_panel import MODES, TerrainPanel
from gui.widgets.terrain_caveman import CavemanRegression
from gui.widgets.terrain_game import CHALLENGES, TerrainGame
from gui.widgets.terrain_race import TerrainRace


def shown(qtbot, widget, size=(1200, 750)):
    """Register, size and show a widget; at the end of the test it is closed with no timer running."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    assert not [t for t in widget.findChildren(QTimer) if t.isActive()]


@pytest.fixture
def panel(qtbot):
    yield from shown(qtbot, TerrainPanel())


@pytest.fixture
def game(qtbot):
    yield from shown(qtbot, TerrainGame())


@pytest.fixture
def race(qtbot):
    yield from shown(qtbot, TerrainRace(), (1000, 700))


@pytest.fixture
def caveman(qtbot):
    yield from shown(qtbot, CavemanRegression())


def click_at(qtbot, plot_widget, x: float, y: float) -> None:
    """A real mouse click on a pyqtgraph plot at data coordinates (x, y)."""
    scene_point = plot_widget.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    pos = plot_widget.mapFromScene(scene_point)
    qtbot.mouseClick(plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))


def screen_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_three_modes_and_every_control_has_a_tooltip(panel):
    tabs = panel.findChild(QTabWidget)
    assert [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())] == list(MODES)
    assert all(tabs.tabToolTip(i) for i in range(tabs.count()))
    controls = [w for kind in (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit)
                for w in panel.findChildren(kind)
                if not isinstance(w.parent(), (QAbstractSpinBox, QComboBox, QTabBar))]
    assert len(controls) > 50  # all three modes are searched, not only the visible one
    missing = [f"{type(w).__name__} '{w.text() if hasattr(w, 'text') else ''}'" for w in controls if not w.toolTip()]
    assert not missing


def test_click_places_the_creature(qtbot, game):
    qtbot.waitUntil(lambda: game.plot_widget.getPlotItem().getViewBox().width() > 100, timeout=3000)
    click_at(qtbot, game.plot_widget, 3.0, 4.0)
    assert game.walker.point[0] == pytest.approx(3.0, abs=0.05)
    assert game.walker.steps == 0


def test_step_shows_the_arithmetic_of_gradient_descent(qtbot, game):
    qtbot.mouseClick(game._step, Qt.MouseButton.LeftButton)
    assert game.walker.steps == 1
    # f = (x − 1)², start x = −2: slope −6, x ← −2 − 0.1 × (−6) = −1.4
    assert game._arithmetic.text() == "x ← −2.00 − 0.1 × (−6.00) = −1.40"
    assert "Steps: 1" in game._steps_label.text()


def test_keys_step_and_jump(qtbot, game):
    qtbot.keyClick(game, Qt.Key.Key_Space)
    assert game.walker.steps == 1
    game.set_mode("manual")
    x = game.walker.point[0]
    qtbot.keyClick(game, Qt.Key.Key_Right)
    assert game.walker.point[0] == pytest.approx(x + 0.5)
    assert "downhill" in game._arithmetic.text()
    qtbot.keyClick(game, Qt.Key.Key_Left)
    qtbot.keyClick(game, Qt.Key.Key_Left)
    assert game.walker.point[0] == pytest.approx(x - 0.5)
    assert "uphill" in game._arithmetic.text()


def test_game_keys_win_over_a_window_wide_space_shortcut(qtbot):
    window = QMainWindow()  # the main window binds Space to Train/Pause
    qtbot.addWidget(window)
    game = TerrainGame()
    window.setCentralWidget(game)
    fired = []
    action = QAction("Train", window)
    action.setShortcut(QKeySequence("Space"))
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    game.setFocus()
    qtbot.waitUntil(game.hasFocus, timeout=2000)
    qtbot.keyClick(game, Qt.Key.Key_Space)
    assert game.walker.steps == 1 and not fired
    window.close()


def test_mist_hides_the_terrain_until_revealed(qtbot, game):
    assert not game._full_curve.isVisible()
    seen_x, _ = game._seen_curve.getData()
    assert seen_x.max() - seen_x.min() < 0.2 * (game.terrain.x_range[1] - game.terrain.x_range[0])
    qtbot.mouseClick(game._reveal, Qt.MouseButton.LeftButton)
    assert game._full_curve.isVisible()
    qtbot.mouseClick(game._reveal, Qt.MouseButton.LeftButton)
    assert not game._full_curve.isVisible()


def test_play_steps_on_a_timer_and_hiding_stops_it(qtbot, panel):
    game = panel.game
    game._speed.setValue(30)
    qtbot.mouseClick(game._play, Qt.MouseButton.LeftButton)
    assert game.is_playing and game._play.text() == "Pause"
    qtbot.waitUntil(lambda: game.walker.steps >= 3, timeout=3000)
    panel.set_mode(MODES[1])  # another sub-tab: the game is hidden
    assert not game.is_playing and game._play.text() == "Play"


def test_play_stops_by_itself_when_converged(qtbot, game):
    game.set_learning_rate(0.5)
    game.play()
    qtbot.waitUntil(lambda: not game.is_playing, timeout=3000)
    assert game.walker.status == "converged"
    assert "global minimum" in game._status.text()


def test_learning_rate_exercise_reports_each_outcome(qtbot, game):
    qtbot.mouseClick(game._exercise_buttons[0], Qt.MouseButton.LeftButton)
    assert "lr 0.03: converged in 141 steps" in game._exercise_text.text()
    qtbot.mouseClick(game._exercise_buttons[2], Qt.MouseButton.LeftButton)
    assert "lr 1: oscillates forever" in game._exercise_text.text()
    game.set_learning_rate(1.2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        qtbot.mouseClick(game._exercise_own, Qt.MouseButton.LeftButton)
    assert "lr 1.2: diverged" in game._exercise_text.text()


def test_no_inf_or_nan_ever_reaches_the_screen(qtbot, game):
    game.set_terrain(TERRAINS_1D["steep_walls"])
    game.set_learning_rate(5.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(30):
            game.step_once()
    assert game.walker.status == "diverged"
    texts = " ".join(screen_texts(game))
    assert not re.search(r"\binf\b|\bnan\b", texts, re.IGNORECASE)


def test_learning_rate_setter_does_not_echo(qtbot, game):
    with qtbot.assertNotEmitted(game._lr.valueChanged):
        game.set_learning_rate(0.2)
    assert game.walker.rule.lr == pytest.approx(0.2)


def test_typed_formula_is_used_and_a_bad_one_is_explained(qtbot, game):
    qtbot.keyClicks(game._formula_edit, "__import__('os')")
    qtbot.keyClick(game._formula_edit, Qt.Key.Key_Return)
    assert "not an allowed function" in game._formula_error.text()
    assert game.terrain.key == "valley"
    game._formula_edit.setText("x**4 - 3*x**2 + x")
    qtbot.mouseClick(game._formula_button, Qt.MouseButton.LeftButton)
    assert game.terrain.key == "formula" and game._formula_error.text() == ""
    assert game.terrain.slope(1.0) == pytest.approx(4 - 6 + 1)


def test_formula_holes_never_reach_the_plot_and_never_warn(qtbot, game):
    game._formula_edit.setText("log(x)")
    game._terrain_combo.setCurrentIndex(game._terrain_combo.findData("formula"))
    game._terrain_combo.activated.emit(game._terrain_combo.currentIndex())
    assert game.terrain.key == "formula"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        game.place_creature(-2.0)  # log has no value here
        game.step_once()
        game.grab()  # paints every item now, so a NaN in a plot item would warn here
    assert game._slope_label.text().startswith("No ground here")
    assert game.walker.status == "diverged"
    assert not re.search(r"\binf\b|\bnan\b", " ".join(screen_texts(game)), re.IGNORECASE)


def test_formula_choice_without_a_formula_falls_back(qtbot, game):
    game._terrain_combo.activated.emit(game._terrain_combo.findData("formula"))
    assert "Type a formula" in game._formula_error.text()
    assert game._terrain_combo.currentData() == "valley"


def test_hilltop_challenge_is_answered_by_playing(qtbot, game):
    game._challenge_combo.setCurrentIndex(3)
    qtbot.mouseClick(game._try_challenge, Qt.MouseButton.LeftButton)
    x = game.walker.point[0]
    assert game.terrain.key == "two_valleys" and not game._full_curve.isVisible()
    qtbot.mouseClick(game._show_answer, Qt.MouseButton.LeftButton)
    assert "Play first" in game._challenge_text.text()
    qtbot.mouseClick(game._step, Qt.MouseButton.LeftButton)
    assert game.walker.point[0] == pytest.approx(x, abs=1e-6)  # a zero slope: no move
    qtbot.mouseClick(game._show_answer, Qt.MouseButton.LeftButton)
    assert "Barely" in game._challenge_text.text()


@pytest.mark.parametrize("index", range(len(CHALLENGES)))
def test_every_challenge_sets_up(game, index):
    game.set_up_challenge(index)
    assert game.terrain.key == CHALLENGES[index].terrain
    assert game._challenge_text.text() == CHALLENGES[index].question


def test_random_restarts_show_where_each_creature_ended(qtbot, game):
    game.set_terrain(TERRAINS_1D["two_valleys"])
    qtbot.mouseClick(game._restarts, Qt.MouseButton.LeftButton)
    assert game._restart_summary.text().startswith("8 creatures:")
    assert "minimum" in game._restart_summary.text()
    assert len(game._restart_ends.data) == 8 and game._full_curve.isVisible()


def test_race_runs_to_the_end_with_every_optimizer(qtbot, race):
    race.set_terrain(TERRAINS_2D["bowl"])
    race._speed.setValue(40)
    with qtbot.waitSignal(race.race_finished, timeout=10000):
        qtbot.mouseClick(race._race, Qt.MouseButton.LeftButton)
    assert not race.is_racing
    for name, racer in race.racers.items():
        assert racer.status == "converged"
        xs, _ = race._paths[name].getData()
        assert len(xs) == racer.steps + 1
        assert race._results[name].text().startswith(f"{name}: converged in {racer.steps} steps")


def test_click_on_the_map_sets_the_common_start(qtbot, race):
    qtbot.waitUntil(lambda: race.plot_widget.getPlotItem().getViewBox().width() > 100, timeout=3000)
    click_at(qtbot, race.plot_widget, 2.0, -1.0)
    for racer in race.racers.values():
        np.testing.assert_allclose(racer.point, [2.0, -1.0], atol=0.1)
        assert racer.steps == 0


def test_step_by_step_explains_momentum_with_numbers(qtbot, race):
    race._explain_combo.setCurrentText("Momentum")
    qtbot.mouseClick(race._explain, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(race._explain, Qt.MouseButton.LeftButton)
    text = race._explanation.text()
    assert "velocity v ← 0.9 × v + g" in text and "update = −lr × v" in text
    assert race.racers["Momentum"].steps == 2 and race.racers["GD"].steps == 0
    assert race._velocity._line.isVisible() and race._update._line.isVisible()


def test_caveman_descends_to_w_2_and_b_1(qtbot, caveman):
    caveman._lr.setValue(0.3)
    caveman._speed.setValue(20)
    caveman.play()
    qtbot.waitUntil(lambda: not caveman.is_playing, timeout=10000)
    assert caveman.walker.status == "converged"
    assert caveman._w_label.text() == "w = 2.00" and caveman._b_label.text() == "b = 1.00"
    assert caveman._w_slider.value() == 200 and caveman._b_slider.value() == 100
    assert caveman.data_widget.getPlotItem().titleLabel.text == "f(x) = 2.00·x + 1.00"


def test_caveman_hand_sliders_move_the_line_and_restart_descent(qtbot, caveman):
    caveman.step_once()
    caveman._w_slider.setValue(150)
    assert caveman.walker.point[0] == pytest.approx(1.5) and caveman.walker.steps == 0
    _, ys = caveman._line.getData()
    assert ys[1] - ys[0] == pytest.approx(1.5 * 3.0)
    caveman.step_once()
    assert "w ←" in caveman._arithmetic.text() and "b ←" in caveman._arithmetic.text()


def test_batch_vs_stochastic_paths_are_drawn_side_by_side(qtbot, caveman):
    caveman._batch_steps.setValue(60)
    qtbot.mouseClick(caveman._run_batches, Qt.MouseButton.LeftButton)
    lengths = [len(item.getData()[0]) for item in caveman._batch_paths]
    assert lengths == [61, 61, 61]
    assert caveman._batch_summary.text().count("loss") == 3


def test_closing_stops_every_timer(qtbot, panel):
    panel.game.play()
    panel.race.play()
    panel.caveman.play()
    assert any(t.isActive() for t in panel.findChildren(QTimer))
    panel.close()
    assert not [t for t in panel.findChildren(QTimer) if t.isActive()]
