"""Presentation mode changes the real widgets' fonts and pens, and restores them exactly."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from gui import presentation
from gui.presentation import MIN_POINT_SIZE, PALETTE, SERIES_COLORS, apply_presentation, presentation_enabled


def _sized(points: float) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    return font


class _Demo(QWidget):
    """A small window made of the real widgets the panels use."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.label = QLabel("Loss over steps")
        self.small = QLabel("a caption with its own 8 pt font")
        self.small.setFont(QFont(self.small.font().family(), 8))
        self.button = QPushButton("Train")
        self.heading = QWidget()
        self.heading.setFont(_sized(24))
        self.heading_label = QLabel("a label inside a 24 pt container", self.heading)
        self.spin = QSpinBox()
        self.warning = QLabel("a label with its own style sheet, as panels use for colours")
        self.warning.setStyleSheet("color: #b00020;")
        self.combo = QComboBox()
        self.combo.addItems(["SGD", "Adam"])
        self.bold = QLabel("bold, size inherited")
        bold = QFont()
        bold.setBold(True)
        self.bold.setFont(bold)
        self.plot = pg.PlotWidget(title="Loss")
        self.plot.addLegend()
        self.curve = self.plot.plot(np.arange(50.0), np.exp(-np.arange(50.0) / 10), name="training",
                                    pen=pg.mkPen(SERIES_COLORS[0], width=1))
        self.dots = self.plot.plot([1, 2, 3], [0.5, 0.4, 0.3], pen=None, symbol="o", symbolSize=6,
                                   symbolPen=pg.mkPen("k"), name="validation")
        self.plot.setLabel("bottom", "step")
        self.plot.setLabel("left", "loss", **{"font-size": "10pt"})
        self.line = pg.InfiniteLine(pos=10, pen=pg.mkPen(PALETTE["vermillion"], width=1.5))
        self.plot.addItem(self.line)
        self.text = pg.TextItem("0.42")
        self.plot.addItem(self.text)
        for widget in (self.label, self.small, self.button, self.heading, self.spin, self.combo, self.bold,
                       self.warning, self.plot):
            layout.addWidget(widget)


@pytest.fixture
def demo(qtbot):
    window = _Demo()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    yield window
    apply_presentation(window, False)  # never leak a scaled application font into other tests


def _snapshot(demo: _Demo) -> dict:
    axis = demo.plot.getPlotItem().getAxis("bottom")
    return {"app_font": QApplication.font().pointSizeF(), "label": demo.label.font().pointSizeF(),
            "small": demo.small.font().pointSizeF(), "pen": demo.curve.opts["pen"].widthF(),
            "symbol": demo.dots.opts["symbolSize"], "line": demo.line.pen.widthF(),
            "tick": None if axis.style["tickFont"] is None else axis.style["tickFont"].pointSizeF(),
            "left_label": dict(demo.plot.getPlotItem().getAxis("left").labelStyle),
            "title": demo.plot.getPlotItem().titleLabel.opts.get("size"),
            "text": demo.text.textItem.font().pointSizeF(), "qss": QApplication.instance().styleSheet(),
            "heading": demo.heading_label.font().pointSizeF(), "bold": demo.bold.font().pointSizeF(),
            "spin_edit": demo.spin.findChild(QLineEdit).font().pointSizeF(),
            "combo_view": demo.combo.view().font().pointSizeF(), "warning": demo.warning.font().pointSizeF(),
            "highlight": QApplication.palette().color(QPalette.ColorRole.Highlight).name(),
            "text_colour": QApplication.palette().color(QPalette.ColorRole.WindowText).name()}


def _settle(qtbot, demo, points: float) -> None:
    """Qt delivers an application font change to widgets through the event loop."""
    qtbot.waitUntil(lambda: demo.label.font().pointSizeF() == points, timeout=2000)


def test_presentation_mode_scales_fonts_and_pens_of_real_widgets(demo, qtbot):
    before = _snapshot(demo)
    apply_presentation(demo, True)
    _settle(qtbot, demo, QApplication.font().pointSizeF())
    assert presentation_enabled()
    axis = demo.plot.getPlotItem().getAxis("bottom")
    assert QApplication.font().pointSizeF() >= MIN_POINT_SIZE
    assert demo.label.font().pointSizeF() >= MIN_POINT_SIZE          # follows the application font
    assert demo.small.font().pointSizeF() >= MIN_POINT_SIZE          # its own font, scaled too
    normal = before["label"]
    expected = max(MIN_POINT_SIZE, 1.5 * normal)
    assert demo.label.font().pointSizeF() == expected                 # scaled once, never twice
    assert demo.spin.findChild(QLineEdit).font().pointSizeF() == expected  # inner parts too
    assert demo.heading_label.font().pointSizeF() == 36.0             # inherits its container's 24 pt × 1.5
    assert demo.bold.font().pointSizeF() == expected and demo.bold.font().bold()
    assert demo.combo.view().font().pointSizeF() == expected          # its popup list: not scaled twice
    assert demo.warning.font().pointSizeF() == expected               # style sheets block inherited fonts
    assert demo.curve.opts["pen"].widthF() == 2 * before["pen"]
    assert demo.curve.opts["pen"].color() == QColor(SERIES_COLORS[0])
    assert demo.dots.opts["symbolSize"] == 1.5 * before["symbol"]
    assert demo.line.pen.widthF() == 2 * before["line"]
    assert axis.style["tickFont"].pointSizeF() >= MIN_POINT_SIZE
    assert demo.plot.getPlotItem().getAxis("left").labelStyle["font-size"] == "18pt"  # 10 pt × 1.5 < 18
    assert float(demo.plot.getPlotItem().titleLabel.opts["size"].rstrip("pt")) >= MIN_POINT_SIZE
    assert demo.text.textItem.font().pointSizeF() >= MIN_POINT_SIZE
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Highlight).name() == PALETTE["blue"].lower()
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Base).name() == "#ffffff"
    apply_presentation(demo, False)
    _settle(qtbot, demo, before["label"])
    assert not presentation_enabled()
    assert _snapshot(demo) == before


def test_applying_twice_does_not_compound(demo, qtbot):
    apply_presentation(demo, True)
    _settle(qtbot, demo, QApplication.font().pointSizeF())
    once = _snapshot(demo)
    apply_presentation(demo, True)
    _settle(qtbot, demo, QApplication.font().pointSizeF())
    assert _snapshot(demo) == once


def test_plots_added_while_on_are_scaled_by_a_second_call(demo):
    apply_presentation(demo, True)
    late = demo.plot.plot([0, 1], [1, 0], pen=pg.mkPen("k", width=1.5))
    apply_presentation(demo, True)
    assert late.opts["pen"].widthF() == 3.0
    assert demo.curve.opts["pen"].widthF() == 2.0
    apply_presentation(demo, False)
    assert late.opts["pen"].widthF() == 1.5


def test_the_title_row_grows_with_the_title(demo):
    plot = demo.plot.getPlotItem()
    apply_presentation(demo, True)
    assert plot.layout.rowMaximumHeight(0) >= plot.titleLabel.item.boundingRect().height()
    apply_presentation(demo, False)
    assert plot.layout.rowMaximumHeight(0) == 30


def test_whole_application_mode_reaches_every_window(demo, qtbot):
    other = _Demo()
    qtbot.addWidget(other)
    apply_presentation(QApplication.instance(), True)
    try:
        assert other.curve.opts["pen"].widthF() == 2.0 and demo.curve.opts["pen"].widthF() == 2.0
    finally:
        apply_presentation(QApplication.instance(), False)
    assert other.curve.opts["pen"].widthF() == 1.0


def test_palette_colours_are_the_okabe_ito_set():
    assert set(PALETTE.values()) == {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
                                     "#D55E00", "#CC79A7"}
    assert "#F0E442" not in SERIES_COLORS  # yellow is too pale for thin lines on white
    assert presentation.series_pen(1).color() == QColor(PALETTE["vermillion"])


def test_screenshots_of_normal_and_presentation_mode(demo, tmp_path, qtbot):
    """Not a pixel test: the PNGs are for looking at (and for the README)."""
    demo.show()
    normal = demo.grab()
    apply_presentation(demo, True)
    _settle(qtbot, demo, QApplication.font().pointSizeF())
    large = demo.grab()
    assert normal.save(str(tmp_path / "normal.png")) and large.save(str(tmp_path / "presentation.png"))
    assert (tmp_path / "presentation.png").stat().st_size > 0


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_training_settings_column_is_never_cut_off_on_a_projector(qtbot, tmp_path, language):
    """1920×1080, presentation mode, English and French: every setting is visible without scrolling sideways."""
    from gui import i18n
    from gui.main_window import MainWindow
    from gui.settings_store import SettingsStore

    i18n.install_language(language)
    try:
        window = MainWindow(auto_load=False, settings=SettingsStore(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        window.tabs.setCurrentWidget(window.training_panel)
        window.set_presentation(True)
        column = window.training_panel._controls_scroll
        fits = lambda: column.viewport().width() >= column.widget().minimumSizeHint().width()  # noqa: E731
        qtbot.waitUntil(fits, timeout=5000)   # the splitter follows the larger fonts on a later layout pass
        assert not column.horizontalScrollBar().isVisible()
        window.set_presentation(False)
        assert window.shutdown()
    finally:
        i18n.install_language("en")
