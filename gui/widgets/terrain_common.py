"""Small pieces shared by the terrain explorer's three views: buttons, plots, arrows, the heat map."""
from __future__ import annotations

import math
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QPushButton

from core.terrain import Terrain2D, TerrainGrid, contour_segments, display_heights, sample_grid

PLOT_FONT_PT = 11
TERRAIN_COLOURS = ["#2b4c7e", "#3f7fb5", "#74b4d6", "#b9dfe2", "#eef3d0", "#f6d58e", "#eea35b", "#d86a3c"]
PATH_SHADOW = (255, 255, 255, 200)


def make_button(text: str, tooltip: str, slot: Callable[[], None], checkable: bool = False) -> QPushButton:
    """A push button with its tooltip; mouse clicks do not steal keyboard focus from the game."""
    button = QPushButton(text)
    button.setToolTip(tooltip)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.clicked.connect(slot)
    return button


def make_spin(value: float, low: float, high: float, decimals: int, step: float, tooltip: str) -> QDoubleSpinBox:
    """A number field with range, precision and tooltip."""
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setValue(value)
    spin.setToolTip(tooltip)
    spin.setKeyboardTracking(False)
    return spin


def make_label(text: str = "", tooltip: str = "", point_size: float | None = None, bold: bool = False,
               monospace: bool = False) -> QLabel:
    """A word-wrapped label for readouts, readable from the back of the room."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setToolTip(tooltip)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont("monospace") if monospace else label.font()
    if monospace:
        font.setStyleHint(QFont.StyleHint.Monospace)
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    label.setFont(font)
    return label


def form_label(text: str) -> QLabel:
    """A short caption in front of a control, centred on the control's line."""
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label


def style_plot(plot: pg.PlotItem, title: str, x_label: str, y_label: str) -> None:
    """Large, readable title, axis labels and ticks; no mouse zoom (clicks place things instead)."""
    plot.setTitle(title, size="13pt")
    font = QFont()
    font.setPointSize(PLOT_FONT_PT)
    for side, label in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(side)
        axis.setTickFont(font)
        axis.setLabel(label, **{"font-size": f"{PLOT_FONT_PT + 1}pt"})
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.15)


def terrain_colormap() -> pg.ColorMap:
    """Deep blue valleys to warm peaks, light in the middle so coloured paths stay visible."""
    return pg.ColorMap(np.linspace(0.0, 1.0, len(TERRAIN_COLOURS)), [QColor(c) for c in TERRAIN_COLOURS])


def arrow_angle(dx: float, dy: float) -> float:
    """pg.ArrowItem's angle for a data-space direction (0° points left; y is up in the plot)."""
    return math.degrees(math.atan2(dy, -dx))


class VectorArrow:
    """An arrow from a point along a vector, drawn as a line plus a head, with an optional label."""

    def __init__(self, plot: pg.PlotItem, colour: str, width: float = 3.0, label: str = "") -> None:
        self._line = pg.PlotDataItem(pen=pg.mkPen(colour, width=width))
        self._head = pg.ArrowItem(headLen=16, tipAngle=35, brush=colour, pen=pg.mkPen(colour))
        self._text = pg.TextItem(label, color=colour, anchor=(0, 1))
        self._text.setFont(QFont(QFont().family(), PLOT_FONT_PT, QFont.Weight.Bold))
        for item in (self._line, self._head, self._text):
            item.setZValue(20)
            plot.addItem(item)
        self.set_visible(False)

    def show_vector(self, origin: np.ndarray, vector: np.ndarray) -> None:
        """Draw origin → origin + vector; hidden if the vector is zero or not finite."""
        tip = origin + vector
        if not (np.isfinite(tip).all() and np.hypot(*vector) > 0):
            self.set_visible(False)
            return
        self._line.setData([origin[0], tip[0]], [origin[1], tip[1]])
        self._head.setPos(QPointF(float(tip[0]), float(tip[1])))
        self._head.setStyle(angle=arrow_angle(float(vector[0]), float(vector[1])))
        self._text.setPos(QPointF(float(tip[0]), float(tip[1])))
        self.set_visible(True)

    def set_label(self, text: str) -> None:
        """Change the words next to the arrow head."""
        self._text.setText(text)

    def set_visible(self, visible: bool) -> None:
        """Show or hide all parts together."""
        for item in (self._line, self._head, self._text):
            item.setVisible(visible)


class TerrainMap:
    """A heat map with contour lines of a 2-D terrain inside a plot; redrawn only on a new terrain."""

    def __init__(self, plot: pg.PlotItem, contour_count: int = 14) -> None:
        self._plot, self._contour_count = plot, contour_count
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(terrain_colormap().getLookupTable(nPts=256))
        self.image.setZValue(-20)
        self._contours = pg.PlotDataItem(connect="pairs", pen=pg.mkPen((40, 40, 40, 110), width=1))
        self._contours.setZValue(-10)
        plot.addItem(self.image)
        plot.addItem(self._contours)
        plot.setAspectLocked(True)
        self.grid: TerrainGrid | None = None

    def show_terrain(self, terrain: Terrain2D, n: int = 161) -> None:
        """Sample the terrain, colour it by log height, draw contours and fit the view."""
        self.grid = sample_grid(terrain, n)
        heights = display_heights(self.grid.z)
        top = float(heights.max()) or 1.0
        self.image.setImage(heights, autoLevels=False, levels=(0.0, top))
        (x0, x1), (y0, y1) = terrain.x_range, terrain.y_range
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        levels = np.linspace(0.0, top, self._contour_count + 2)[1:-1]
        display_grid = TerrainGrid(self.grid.xs, self.grid.ys, heights.astype(np.float64))
        segments = contour_segments(display_grid, levels)
        self._contours.setData(segments[:, 0], segments[:, 1])
        self._plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)


def make_path_item(plot: pg.PlotItem, colour: str, width: float = 3.0, name: str | None = None,
                   symbol_size: int = 0) -> pg.PlotDataItem:
    """A descent path: a coloured line over a pale shadow so it reads on any terrain colour."""
    shadow = pg.PlotDataItem(pen=pg.mkPen(PATH_SHADOW, width=width + 3))
    plot.addItem(shadow)
    item = pg.PlotDataItem(pen=pg.mkPen(colour, width=width), name=name,
                           symbol="o" if symbol_size else None, symbolSize=symbol_size,
                           symbolBrush=colour, symbolPen=pg.mkPen("w"))
    plot.addItem(item)
    item.shadow = shadow  # moves with the path (see set_path)
    for part in (shadow, item):
        part.setZValue(5)
    return item


def set_path(item: pg.PlotDataItem, points: np.ndarray) -> None:
    """Show an (n, 2) path (and its shadow); empty input clears it."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    for part in (item.shadow, item):
        part.setData(points[:, 0], points[:, 1])


def display_vector(vector: np.ndarray, span: float, low: float = 0.04, high: float = 0.25) -> np.ndarray:
    """The vector rescaled so its drawn length lies between low·span and high·span (direction kept)."""
    length = float(np.hypot(*vector))
    if not np.isfinite(length) or length == 0:
        return np.zeros(2)
    return vector * (min(max(length, low * span), high * span) / length)
