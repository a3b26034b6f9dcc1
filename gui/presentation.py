"""Presentation mode: everything large and high-contrast for a classroom projector, and back again.

`apply_presentation(window_or_app, True)` scales the fonts of the application and of every widget
under `window_or_app` (×1.5, never below 18 pt), and in every pyqtgraph view the axis tick fonts,
axis labels, titles, legends and text labels (same rule), the line widths of curves (×2) and the
marker sizes (×1.5). It also sets a high-contrast palette built on the Okabe–Ito colour-blind-safe
colours (`PALETTE`, `SERIES_COLORS`: use them for curves). Every original is stored on the object
it belongs to, so applying twice never compounds and `apply_presentation(..., False)` restores
what was there. Sizes are in points, so the result is the same physical size on a 100 % and a
200 % (HiDPI) screen.

Call it again after building new plots while the mode is on: new items are scaled, the others
stay as they are.
"""
from __future__ import annotations

import math
import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
PALETTE: dict[str, str] = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
# Curve colours in order of contrast on white (yellow is too pale for thin lines on a projector).
SERIES_COLORS: tuple[str, ...] = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["bluish_green"],
                                  PALETTE["orange"], PALETTE["reddish_purple"], PALETTE["sky_blue"], PALETTE["black"])
MIN_POINT_SIZE = 18.0
FONT_SCALE = 1.5
PEN_SCALE = 2.0
SYMBOL_SCALE = 1.5
_SAVED = "_presentation_saved"        # attribute on pyqtgraph items holding their originals
_FONT_PROPERTY = "_presentation_font"  # dynamic Qt properties on widgets: the original font and
_OWN_FONT_PROPERTY = "_presentation_own_font"  # whether the widget had set it itself, and
_POINTS_PROPERTY = "_presentation_points"  # the size its text had (own or inherited)
_SIZE_RESOLVED = 0x2  # QFont::SizeResolved bit of resolveMask(): the font sets its own size (no PySide enum)

_app_saved: dict | None = None


def presentation_enabled() -> bool:
    """True while presentation mode is on."""
    return _app_saved is not None


def scaled_point_size(points: float) -> float:
    """The presentation size of a font: ×1.5, never below 18 pt."""
    return max(MIN_POINT_SIZE, points * FONT_SCALE)


def apply_presentation(window_or_app: QWidget | QApplication | None, enabled: bool) -> None:
    """Switch presentation mode on or off for the app and every widget and plot under `window_or_app`."""
    app = QApplication.instance()
    roots = app.topLevelWidgets() if window_or_app is None or isinstance(window_or_app, QApplication) \
        else [window_or_app]
    if enabled:
        _apply_app(app)
        for root in roots:
            _apply_widgets(root)
            _apply_plots(root)
    else:
        _restore_app(app)  # first: widgets that inherit again must find the normal application font
        for root in roots:
            _restore_plots(root)
            _restore_widgets(root)


# ---------------------------------------------------------------- application: font and palette

def high_contrast_palette(base: QPalette) -> QPalette:
    """Black on white, dark frames, Okabe–Ito blue for selection, focus and links.

    A palette rather than an application style sheet: Qt does not deliver font changes to
    widgets under a style sheet, and with one, 51 of the main window's 929 widgets did not get
    their fonts back after presentation mode (6 without, all inside tables with their own sheet).
    """
    palette = QPalette(base)
    black, white, grey = QColor("#000000"), QColor("#FFFFFF"), QColor("#595959")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText):
        palette.setColor(role, black)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
                 QPalette.ColorRole.ToolTipBase, QPalette.ColorRole.AlternateBase):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(PALETTE["blue"]))
    palette.setColor(QPalette.ColorRole.HighlightedText, white)
    palette.setColor(QPalette.ColorRole.Link, QColor(PALETTE["blue"]))
    palette.setColor(QPalette.ColorRole.PlaceholderText, grey)
    for role in (QPalette.ColorRole.Dark, QPalette.ColorRole.Shadow):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.Mid, grey)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


def _apply_app(app: QApplication) -> None:
    global _app_saved
    if _app_saved is None:
        _app_saved = {"font": QFont(app.font()), "palette": QPalette(app.palette())}
    font = QFont(_app_saved["font"])
    font.setPointSizeF(scaled_point_size(_points(font)))
    app.setFont(font)  # for widgets made while the mode is on
    app.setPalette(high_contrast_palette(_app_saved["palette"]))


def _restore_app(app: QApplication) -> None:
    global _app_saved
    if _app_saved is None:
        return
    app.setPalette(_app_saved["palette"])
    app.setFont(_app_saved["font"])
    _app_saved = None


def _base_points() -> float:
    """The normal application font size in points (before presentation mode)."""
    font = _app_saved["font"] if _app_saved is not None else QApplication.font()
    return _points(font)


def _points(font: QFont) -> float:
    """A font's size in points, also for fonts set in pixels (at 96 pixels per inch)."""
    return font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 72.0 / 96.0


def _scaled_font(font: QFont) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(scaled_point_size(_points(font)))
    return scaled


# ---------------------------------------------------------------- widget fonts

def _widgets(root: QWidget) -> list[QWidget]:
    """`root` and all its descendants, parents before children."""
    return [root, *root.findChildren(QWidget)]


def _apply_widgets(root: QWidget) -> None:
    """Give every widget its scaled font explicitly.

    Under a style sheet Qt propagates neither QApplication.setFont nor a parent's setFont to
    the widgets (a documented limitation), so each widget gets its own font. The size is scaled
    from the one it had before: its own if it set one, else the one it inherited. The original
    font, whether the widget had set it, and that size are kept as dynamic properties.
    """
    widgets = _widgets(root)
    for widget in widgets:  # all originals first: Qt copies some fonts along (a combo box into its popup)
        if widget.property(_FONT_PROPERTY) is None:  # parents come first, so a child finds its parent's size
            widget.setProperty(_POINTS_PROPERTY, _original_points(widget))
            widget.setProperty(_OWN_FONT_PROPERTY, widget.testAttribute(Qt.WidgetAttribute.WA_SetFont))
            widget.setProperty(_FONT_PROPERTY, QFont(widget.font()))
    for widget in widgets:
        font = QFont(widget.property(_FONT_PROPERTY))
        font.setPointSizeF(scaled_point_size(widget.property(_POINTS_PROPERTY)))
        widget.setFont(font)


def _original_points(widget: QWidget) -> float:
    """The text size a widget had before presentation mode: its own, else its parent's, else the app's."""
    font, parent = widget.font(), widget.parentWidget()
    # Qt copies an owner's font into its popups (a combo box's list): they count as inheriting
    owned_window = widget.isWindow() and parent is not None
    if not owned_window and widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and font.resolveMask() & _SIZE_RESOLVED:
        return _points(font)
    if parent is None:
        return _base_points()
    saved = parent.property(_POINTS_PROPERTY)
    return float(saved) if saved is not None else _original_points(parent)


def _restore_widgets(root: QWidget) -> None:
    for widget in _widgets(root):
        saved = widget.property(_FONT_PROPERTY)
        if saved is None:
            continue
        # the saved font keeps its resolve mask; QFont() has none: the widget inherits its font again
        widget.setFont(saved if widget.property(_OWN_FONT_PROPERTY) else QFont())
        for name in (_FONT_PROPERTY, _OWN_FONT_PROPERTY, _POINTS_PROPERTY):
            widget.setProperty(name, None)


# ---------------------------------------------------------------- pyqtgraph items

def _plot_items(root: QWidget) -> list:
    """Every graphics item in every pyqtgraph view under `root`."""
    views = [root] if isinstance(root, pg.GraphicsView) else []
    views += root.findChildren(pg.GraphicsView)
    return [item for view in views if view.scene() is not None for item in view.scene().items()]


def _apply_plots(root: QWidget) -> None:
    for item in _plot_items(root):
        for kind, (save, scale, _) in _HANDLERS.items():
            if isinstance(item, kind) and _handles(item):
                if not hasattr(item, _SAVED):
                    setattr(item, _SAVED, save(item))
                scale(item, getattr(item, _SAVED))
                break


def _restore_plots(root: QWidget) -> None:
    for item in _plot_items(root):
        saved = getattr(item, _SAVED, None)
        if saved is None:
            continue
        for kind, (_, _, restore) in _HANDLERS.items():
            if isinstance(item, kind):
                restore(item, saved)
                break
        delattr(item, _SAVED)


def _handles(item) -> bool:
    """Curves and scatters inside a PlotDataItem are scaled through their PlotDataItem."""
    if isinstance(item, (pg.PlotCurveItem, pg.ScatterPlotItem)):
        return not isinstance(item.parentItem(), pg.PlotDataItem)
    return True


def _css_points(size: object) -> float | None:
    """'14pt' or '12px' (a pyqtgraph style value) in points, or None."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*(pt|px)\s*", str(size or ""))
    if not match:
        return None
    value = float(match.group(1))
    return value if match.group(2) == "pt" else value * 72.0 / 96.0


def _wider(pen_args, factor: float = PEN_SCALE):
    """A copy of a pen (any pyqtgraph pen argument) `factor` times as wide (cosmetic 0 counts as 1 px)."""
    pen = pg.mkPen(pen_args)
    pen.setWidthF(max(pen.widthF(), 1.0) * factor)
    return pen


# axis: tick font and label size
def _save_axis(axis: pg.AxisItem) -> dict:
    tick = axis.style.get("tickFont")
    return {"tick_font": QFont(tick) if tick is not None else None, "label_style": dict(axis.labelStyle)}


def _scale_axis(axis: pg.AxisItem, saved: dict) -> None:
    tick = saved["tick_font"] if saved["tick_font"] is not None else QFont(_app_saved_font())
    axis.setTickFont(_scaled_font(tick))
    label_points = _css_points(saved["label_style"].get("font-size")) or _base_points()
    axis.labelStyle = {**saved["label_style"], "font-size": f"{scaled_point_size(label_points):g}pt"}
    axis._updateLabel()  # pyqtgraph has no public call that re-renders the label with a new style


def _restore_axis(axis: pg.AxisItem, saved: dict) -> None:
    axis.setTickFont(saved["tick_font"])
    axis.labelStyle = dict(saved["label_style"])
    axis._updateLabel()


def _app_saved_font() -> QFont:
    return _app_saved["font"] if _app_saved is not None else QApplication.font()


# titles and legend entries
def _save_label(label: pg.LabelItem) -> dict:
    plot = label.parentItem()
    row_height = plot.layout.rowMaximumHeight(0) if _is_title(label) else None
    return {"size": label.opts.get("size"), "row_height": row_height}


def _is_title(label: pg.LabelItem) -> bool:
    plot = label.parentItem()
    return isinstance(plot, pg.PlotItem) and plot.titleLabel is label


def _scale_label(label: pg.LabelItem, saved: dict) -> None:
    points = scaled_point_size(_css_points(saved["size"]) or _base_points())
    label.setText(label.text, size=f"{points:g}pt")
    if _is_title(label) and label.isVisible():  # pyqtgraph fixes the title row at 30 px: make room
        height = math.ceil(label.item.boundingRect().height()) + 4
        label.parentItem().layout.setRowFixedHeight(0, height)
        label.setMaximumHeight(height)


def _restore_label(label: pg.LabelItem, saved: dict) -> None:
    if saved["size"] is None:
        label.opts.pop("size", None)
        label.setText(label.text)
    else:
        label.setText(label.text, size=saved["size"])
    if saved["row_height"] is not None and _is_title(label):
        label.parentItem().layout.setRowFixedHeight(0, saved["row_height"])
        label.setMaximumHeight(saved["row_height"])


# text labels placed in a plot (heatmap values, annotations)
def _save_text(item: pg.TextItem) -> dict:
    font = item.textItem.font()
    if _app_saved is not None and font == QApplication.font():  # made while the mode was on: a default font
        font = _app_saved["font"]
    return {"font": QFont(font)}


def _scale_text(item: pg.TextItem, saved: dict) -> None:
    item.setFont(_scaled_font(saved["font"]))


def _restore_text(item: pg.TextItem, saved: dict) -> None:
    item.setFont(saved["font"])


# curves with optional markers
def _save_data_item(item: pg.PlotDataItem) -> dict:
    return {key: item.opts.get(key) for key in ("pen", "shadowPen", "symbolPen", "symbolSize")}


def _scale_data_item(item: pg.PlotDataItem, saved: dict) -> None:
    if saved["pen"] is not None:
        item.setPen(_wider(saved["pen"]))
    if saved["shadowPen"] is not None:
        item.setShadowPen(_wider(saved["shadowPen"]))
    if item.opts.get("symbol") is not None:
        item.setSymbolSize(saved["symbolSize"] * SYMBOL_SCALE)
        if saved["symbolPen"] is not None:
            item.setSymbolPen(_wider(saved["symbolPen"]))


def _restore_data_item(item: pg.PlotDataItem, saved: dict) -> None:
    if saved["pen"] is not None:
        item.setPen(saved["pen"])
    if saved["shadowPen"] is not None:
        item.setShadowPen(saved["shadowPen"])
    if item.opts.get("symbol") is not None:
        item.setSymbolSize(saved["symbolSize"])
        if saved["symbolPen"] is not None:
            item.setSymbolPen(saved["symbolPen"])


# standalone curves, scatters and lines
def _save_pen(item) -> dict:
    pen = item.opts.get("pen") if isinstance(getattr(item, "opts", None), dict) else item.pen
    size = item.opts.get("size") if isinstance(item, pg.ScatterPlotItem) else None
    return {"pen": pg.mkPen(pen), "size": size}


def _scale_pen(item, saved: dict) -> None:
    item.setPen(_wider(saved["pen"]))
    if saved["size"] is not None:
        item.setSize(saved["size"] * SYMBOL_SCALE)


def _restore_pen(item, saved: dict) -> None:
    item.setPen(saved["pen"])
    if saved["size"] is not None:
        item.setSize(saved["size"])


_HANDLERS = {
    pg.AxisItem: (_save_axis, _scale_axis, _restore_axis),
    pg.LabelItem: (_save_label, _scale_label, _restore_label),
    pg.TextItem: (_save_text, _scale_text, _restore_text),
    pg.PlotDataItem: (_save_data_item, _scale_data_item, _restore_data_item),
    pg.PlotCurveItem: (_save_pen, _scale_pen, _restore_pen),
    pg.ScatterPlotItem: (_save_pen, _scale_pen, _restore_pen),
    pg.InfiniteLine: (_save_pen, _scale_pen, _restore_pen),
}


def series_pen(index: int, width: float = 2.0) -> QPen:
    """A pen in the index-th colour-blind-safe series colour (for curves drawn by other panels)."""
    return pg.mkPen(SERIES_COLORS[index % len(SERIES_COLORS)], width=width)
