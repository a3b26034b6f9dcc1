"""RegularisationControls: log-scale L1/L2 rates, patience and training-set size as one dict, no echo."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QSlider, QSpinBox

from core.reports import TrainingConfig
from gui.widgets.regularisation_controls import (RATES, RegularisationControls, format_rate, rate_to_tick,
                                                 tick_to_rate)

KEYS = {"l1", "l2", "patience", "train_size"}


@pytest.fixture
def controls(qtbot):
    widget = RegularisationControls()
    qtbot.addWidget(widget)
    return widget


def sliders(widget) -> tuple[QSlider, QSlider]:
    l1, l2 = widget.findChildren(QSlider)
    return l1, l2


def test_the_rate_ladder_is_off_then_log_steps_up_to_ten():
    assert RATES[0] == 0.0 and RATES[1] == 1e-6 and RATES[-1] == 10.0
    assert all(b > a for a, b in zip(RATES, RATES[1:]))
    assert tick_to_rate(0) == 0.0 and tick_to_rate(len(RATES) - 1) == 10.0
    for tick in range(len(RATES)):
        assert rate_to_tick(tick_to_rate(tick)) == tick
    assert rate_to_tick(3e-4) == RATES.index(2e-4) or rate_to_tick(3e-4) == RATES.index(5e-4)
    assert rate_to_tick(1e-9) == 1 and rate_to_tick(100.0) == len(RATES) - 1
    assert rate_to_tick(float("nan")) == 0 and rate_to_tick(-1.0) == 0


def test_rates_read_well():
    assert format_rate(0.0) == "off" and format_rate(1e-4) == "1e-04" and format_rate(0.002) == "0.002"
    assert format_rate(10.0) == "10"


def test_moving_the_l2_slider_emits_all_four_values(controls, qtbot):
    _, l2 = sliders(controls)
    with qtbot.waitSignal(controls.regularisation_changed, timeout=1000) as blocker:
        l2.setValue(RATES.index(1e-3))
    assert blocker.args[0] == {"l1": 0.0, "l2": 1e-3, "patience": 0, "train_size": 0}
    assert any(label.text() == "0.001" for label in controls.findChildren(QLabel))


def test_moving_the_l1_slider_changes_only_l1(controls, qtbot):
    l1, _ = sliders(controls)
    controls.set_values(TrainingConfig(l2=0.01, patience=3, train_size=200))
    with qtbot.waitSignal(controls.regularisation_changed, timeout=1000) as blocker:
        l1.setValue(RATES.index(5e-5))
    assert blocker.args[0] == {"l1": 5e-5, "l2": 0.01, "patience": 3, "train_size": 200}


def test_patience_and_training_set_size_are_emitted(controls, qtbot):
    spin, combo = controls.findChild(QSpinBox), controls.findChild(QComboBox)
    with qtbot.waitSignal(controls.regularisation_changed, timeout=1000) as blocker:
        spin.setValue(5)
    assert blocker.args[0]["patience"] == 5
    assert [combo.itemText(i) for i in range(combo.count())] == ["100", "200", "1,000", "5,000", "all"]
    with qtbot.waitSignal(controls.regularisation_changed, timeout=1000) as blocker:
        combo.setCurrentIndex(2)
    assert blocker.args[0]["train_size"] == 1000
    with qtbot.waitSignal(controls.regularisation_changed, timeout=1000) as blocker:
        combo.setCurrentIndex(combo.count() - 1)
    assert blocker.args[0]["train_size"] == 0
    assert spin.text() == "5 epochs"


def test_set_values_shows_the_config_without_echo(controls, qtbot):
    config = TrainingConfig(l1=1e-5, l2=3e-4, patience=7, train_size=5000)
    with qtbot.assertNotEmitted(controls.regularisation_changed):
        controls.set_values(config)
    l1, l2 = sliders(controls)
    assert l1.value() == RATES.index(1e-5)
    assert controls.values() == {"l1": 1e-5, "l2": 3e-4, "patience": 7, "train_size": 5000}   # exact, not the ladder's
    assert any(label.text() == "3e-04" for label in controls.findChildren(QLabel))
    assert controls.findChild(QSpinBox).value() == 7 and controls.findChild(QComboBox).currentText() == "5,000"


def test_a_training_set_size_from_a_file_gets_its_own_entry(controls):
    controls.set_values(TrainingConfig(train_size=3000))
    combo = controls.findChild(QComboBox)
    assert combo.currentText() == "3,000" and controls.values()["train_size"] == 3000
    controls.set_values(TrainingConfig(train_size=3000))
    assert combo.count() == 6            # not added twice


def test_off_is_shown_for_zero_and_all_gets_the_dataset_size(controls):
    controls.set_available(7000)
    combo, spin = controls.findChild(QComboBox), controls.findChild(QSpinBox)
    assert combo.currentText() == "all (7,000)"
    assert spin.text() == "off"
    assert sum(label.text() == "off" for label in controls.findChildren(QLabel)) == 2


def test_labels_name_the_penalties_and_every_control_explains_itself(controls):
    texts = [label.text() for label in controls.findChildren(QLabel)]
    assert "L2 penalty λ·ΣW²" in texts and "L1 penalty λ₁·Σ|W|" in texts
    for widget in [*controls.findChildren(QSlider), controls.findChild(QSpinBox), controls.findChild(QComboBox)]:
        assert widget.toolTip().strip()
    l1, l2 = sliders(controls)
    assert "2λ·W" in l2.toolTip() and "sign(W)" in l1.toolTip()
