"""AugmentationControls: sliders emit Augmentation values, no echo, the preview follows the sliders."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton, QSlider

from core.datasets import Dataset, normalize_pixels
from core.reports import Augmentation
from gui import dialogs
import gui.widgets.augmentation_controls as controls_module
from gui.widgets.augmentation_controls import (LIMITS, SLIDERS, AugmentationControls, PreviewStrip, tick_to_value,
                                               tile_images, value_to_tick)


def bar_images(n: int = 8) -> np.ndarray:
    """n simple 'digits': a vertical bar, a different height each, pixels in [0, 1]."""
    images = np.zeros((n, 28, 28), np.float32)
    for i in range(n):
        images[i, 6 + i:22, 12:16] = 1.0
    return images


@pytest.fixture
def controls(qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)
    widget = AugmentationControls()
    qtbot.addWidget(widget)
    widget.set_images(bar_images())
    return widget


def slider(widget: AugmentationControls, field: str) -> QSlider:
    return widget.findChild(QSlider, field)


def test_every_slider_emits_the_augmentation_with_its_value(controls, qtbot):
    expected = {"shift_px": 4.0, "rotation_deg": 30.0, "scale": 0.3, "thickness": 1.0, "noise": 0.5}
    for field, top in expected.items():
        with qtbot.waitSignal(controls.augmentation_changed, timeout=1000) as blocker:
            slider(controls, field).setValue(slider(controls, field).maximum())
        aug = blocker.args[0]
        assert isinstance(aug, Augmentation) and getattr(aug, field) == pytest.approx(top)
    assert controls.augmentation == Augmentation(4.0, 30.0, 0.3, 1.0, 0.5)


def test_slider_positions_map_to_round_values():
    shift = next(s for s in SLIDERS if s.field == "shift_px")
    noise = next(s for s in SLIDERS if s.field == "noise")
    assert tick_to_value(shift, 3) == 1.5 and tick_to_value(noise, 10) == 0.1
    assert value_to_tick(noise, 0.1) == 10 and value_to_tick(shift, 99.0) == shift.ticks
    assert value_to_tick(shift, -1.0) == 0


def test_set_augmentation_does_not_echo_and_shows_the_values(controls, qtbot):
    aug = Augmentation(shift_px=2.0, rotation_deg=15.0, scale=0.1, thickness=0.5, noise=0.1)
    with qtbot.assertNotEmitted(controls.augmentation_changed):
        controls.set_augmentation(aug)
    assert controls.augmentation == aug
    assert slider(controls, "rotation_deg").value() == 15 and slider(controls, "scale").value() == 10
    texts = [label.text() for label in controls.findChildren(QLabel)]
    assert "± 2 px" in texts and "± 15°" in texts and "± 10 %" in texts and "σ = 0.10" in texts


def test_preview_shows_the_images_unchanged_without_augmentation(controls):
    assert np.array_equal(controls.preview.shown, tile_images(bar_images(), 8, controls.preview.columns))


def test_preview_follows_the_sliders(controls):
    before = controls.preview.shown.copy()
    slider(controls, "rotation_deg").setValue(30)
    rotated = controls.preview.shown.copy()
    assert not np.array_equal(rotated, before)
    slider(controls, "noise").setValue(20)
    assert not np.array_equal(controls.preview.shown, rotated)
    slider(controls, "noise").setValue(0)
    assert np.array_equal(controls.preview.shown, rotated)   # the same random pose: only the slider moved
    slider(controls, "rotation_deg").setValue(0)
    assert np.array_equal(controls.preview.shown, before)


def test_new_examples_draws_other_random_changes_without_emitting(controls, qtbot):
    slider(controls, "shift_px").setValue(8)
    first = controls.preview.shown.copy()
    button = next(b for b in controls.findChildren(QPushButton) if "examples" in b.text())
    with qtbot.assertNotEmitted(controls.augmentation_changed):
        button.click()
    assert not np.array_equal(controls.preview.shown, first)


def test_no_augmentation_button_sets_everything_to_zero(controls, qtbot):
    controls.set_augmentation(Augmentation(shift_px=2.0, noise=0.2))
    button = next(b for b in controls.findChildren(QPushButton) if "No augmentation" in b.text().replace("&", ""))
    with qtbot.waitSignal(controls.augmentation_changed, timeout=1000) as blocker:
        button.click()
    assert blocker.args[0] == Augmentation() and slider(controls, "shift_px").value() == 0


def _dataset(is_image: bool) -> Dataset:
    if is_image:
        x = normalize_pixels(bar_images(10)).reshape(10, 784)
        shape, size = (28, 28), 784
    else:
        x, shape, size = np.zeros((10, 2), np.float32), (2,), 2
    y = np.arange(10) % 2
    return Dataset("MNIST" if is_image else "XOR", "classification", shape, ("a", "b"), x, y, x[:2], y[:2],
                   x[:2], y[:2], "test")


def test_image_dataset_fills_the_preview_and_other_data_disables_the_sliders(qtbot):
    widget = AugmentationControls()
    qtbot.addWidget(widget)
    widget.set_dataset(_dataset(is_image=False))
    assert not slider(widget, "shift_px").isEnabled()
    assert any("image dataset" in label.text() for label in widget.findChildren(QLabel))
    assert not widget.preview.shown.any() and not widget.preview.isVisibleTo(widget)
    widget.set_dataset(_dataset(is_image=True))
    assert slider(widget, "shift_px").isEnabled() and widget.preview.isVisibleTo(widget)
    assert np.allclose(widget.preview.shown, tile_images(bar_images(), 8, widget.preview.columns), atol=1e-5)


def test_an_impossible_setting_is_reported_not_raised(controls, qtbot):
    with qtbot.waitSignal(dialogs.notifier().error_shown, timeout=1000) as blocker:
        controls.set_augmentation(Augmentation(rotation_deg=90.0))
    assert "between 0 and 30" in blocker.args[0]


def test_preview_strip_uses_two_rows_when_narrow(qtbot):
    strip = PreviewStrip()
    qtbot.addWidget(strip)
    images = bar_images()
    strip.resize(QSize(1200, 120))
    strip.show_images(images)
    assert strip.columns == 8 and strip.shown.shape == (28, 8 * 28 + 7 * 4)
    strip.resize(QSize(400, 220))
    strip.show()
    qtbot.waitUntil(lambda: strip.columns == 4, timeout=2000)
    assert strip.shown.shape == (2 * 28 + 4, 4 * 28 + 3 * 4)
    assert np.array_equal(strip.shown[32:60, 0:28], images[4])     # the fifth image starts row two


def test_every_control_has_a_tooltip(controls):
    for widget in [*controls.findChildren(QSlider), *controls.findChildren(QPushButton), controls.preview]:
        assert widget.toolTip().strip()
    assert "N(0, 1)" in slider(controls, "noise").toolTip()


def test_slider_limits_are_the_augmenters_limits():
    import core.augmentation

    assert LIMITS == core.augmentation.LIMITS
    assert {spec.field for spec in SLIDERS} == set(LIMITS)


def test_importing_the_widgets_does_not_load_torch():
    """The window must appear before torch loads: the widget imports core.augmentation only when needed."""
    import subprocess
    import sys

    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import sys, gui.widgets.augmentation_controls, gui.widgets.regularisation_controls\n"
            "assert 'torch' not in sys.modules\n")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def test_while_torch_loads_the_preview_shows_the_originals_then_catches_up(controls, qtbot, monkeypatch):
    ready = {"torch": False}
    monkeypatch.setattr(controls_module, "torch_loaded", lambda: ready["torch"])
    slider(controls, "rotation_deg").setValue(30)
    originals = tile_images(bar_images(), 8, controls.preview.columns)
    assert np.array_equal(controls.preview.shown, originals)
    ready["torch"] = True
    qtbot.waitUntil(lambda: not np.array_equal(controls.preview.shown, originals), timeout=3000)
