"""The network as neurons in columns and links between them, coloured by the weights once trained.

Large layers are drawn as a few neurons, "…" and the count. Links follow TensorFlow Playground:
colour = sign of the weight, thickness = |w| relative to the largest |w| of that layer. The colours
are the two ends of the CET-D1 map the weight heatmaps use (blue < 0 < red), so a weight has the
same colour everywhere in the app.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.i18n import translate
from core.network_spec import ACTIVATION_LABELS, NetworkSpec
from core.reports import WeightsReport

MAX_SHOWN = 10            # a layer with more neurons is drawn as HEAD + "…" + TAIL
HEAD, TAIL = 4, 4
NEGATIVE = QColor(33, 81, 219)     # CET-D1 low end
POSITIVE = QColor(192, 2, 6)       # CET-D1 high end
PLAIN_LINK = QColor(170, 170, 170)
NEURON_EDGE = QColor(60, 60, 60)
ACTIVE = QColor(255, 170, 0)       # a neuron that "lights up"
MAX_LINK_WIDTH = 5.0
TITLE_WIDTH = 140.0                # px for a column title such as 'Hidden 1 / 16 · ReLU'
LINK_LEVELS = 8                    # widths/opacities links are bucketed into


@dataclass(frozen=True)
class _Column:
    """How one layer is drawn: which neuron indices are shown and where the "…" goes."""

    size: int
    shown: np.ndarray      # int (k,) indices into the layer
    gap_after: int         # position in `shown` after which "…" is drawn (-1 = none)
    title: str


def shown_indices(size: int, middle: bool = False) -> tuple[np.ndarray, int]:
    """Neuron indices drawn for a layer of `size` neurons, and where the "…" goes (-1 = none).

    Hidden layers show their first and last neurons. An input layer (`middle`) shows inputs from
    the middle of the range instead: the first and last pixels of an image are always blank, so
    their links would never show what the network learned.
    """
    if size <= MAX_SHOWN:
        return np.arange(size), -1
    if middle:
        return np.unique(np.linspace(0.35 * size, 0.65 * size, HEAD + TAIL).round().astype(int)), HEAD - 1
    return np.concatenate([np.arange(HEAD), np.arange(size - TAIL, size)]), HEAD - 1


def _titles(spec: NetworkSpec) -> list[str]:
    names = [translate("gui.widgets.network_diagram", "Input")] + \
        [translate("gui.widgets.network_diagram", "Hidden {index}").format(index=i)
         for i in range(1, len(spec.hidden) + 1)] + [translate("gui.widgets.network_diagram", "Output")]
    acts = ["", *(ACTIVATION_LABELS.get(a, a) or translate("gui.widgets.network_diagram", "linear")
                  for a in spec.activations)]
    return [f"{name}\n{size:,}" + (f" · {act}" if act else "")
            for name, size, act in zip(names, spec.layer_sizes, acts)]


def link_styles(weight: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sign (+1/−1/0) and relative magnitude in [0, 1] of the links between shown neurons."""
    w = np.nan_to_num(np.asarray(weight, dtype=np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    limit = float(np.abs(w).max()) if w.size else 0.0
    sub = w[np.ix_(rows, cols)]  # (shown outputs, shown inputs)
    scale = np.abs(sub) / limit if limit > 0 else np.zeros_like(sub)
    return np.sign(sub), scale


def activation_levels(values: np.ndarray, shown: np.ndarray) -> np.ndarray:
    """How strongly each shown neuron lights up, in [0, 1] (relative to the layer's largest |value|)."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float32).reshape(-1), nan=0.0, posinf=0.0, neginf=0.0)
    if v.size <= int(shown.max(initial=0)):
        return np.zeros(len(shown), np.float32)
    v = v - min(float(v.min()), 0.0)  # normalised pixels are negative on the background
    top = float(v.max())
    return v[shown] / top if top > 0 else np.zeros(len(shown), np.float32)


class NetworkDiagram(QWidget):
    """Neurons as circles in columns (input left, output right), links between consecutive layers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setToolTip(translate("gui.widgets.network_diagram", "The network: each circle is a neuron, each line a "
                                                                 "weight. After training, red lines are positive "
                                                                 "weights, blue lines negative, thicker = larger |w|."))
        self._spec: NetworkSpec | None = None
        self._columns: list[_Column] = []
        self._weights: WeightsReport | None = None                        # a report that fits the network
        self._links: list[tuple[np.ndarray, np.ndarray]] | None = None   # per layer: sign, scale (when painted)
        self._levels: list[np.ndarray | None] | None = None
        self._class_names: tuple[str, ...] = ()
        self._backdrop: QPixmap | None = None  # links and labels: redrawn only when they change

    # ---- public, cheap: store what to draw and schedule a repaint --------------------------------

    @property
    def spec(self) -> NetworkSpec | None:
        """The network drawn, or None before the first show_network."""
        return self._spec

    @property
    def has_weights(self) -> bool:
        """True when links are coloured by a weights report."""
        return self._weights is not None

    @property
    def has_activations(self) -> bool:
        """True when neurons light up for an input."""
        return self._levels is not None

    def show_network(self, spec: NetworkSpec) -> None:
        """Draw `spec` with plain links (weights and activations are cleared)."""
        self._spec = spec
        self._columns = [_Column(size, *shown_indices(size, middle=i == 0), title)
                         for i, (size, title) in enumerate(zip(spec.layer_sizes, _titles(spec)))]
        self._weights, self._links, self._levels = None, None, None
        self._refresh_backdrop()

    def set_class_names(self, names: tuple[str, ...] | list[str]) -> None:
        """Label the output neurons (e.g. "0".."9"); empty for no labels."""
        self._class_names = tuple(str(n) for n in names)
        self._refresh_backdrop()

    @Slot(object)
    def show_weights(self, report: WeightsReport | None) -> None:
        """Colour links by sign and thickness by |w|; None (or a report of another shape) = plain links.

        The link styles are worked out when the diagram is painted: a diagram on a hidden tab costs
        nothing for the reports that arrive several times a second while training.
        """
        self._weights = report if report is not None and self._matches(report) else None
        self._links = None
        self._refresh_backdrop()

    @Slot(object)
    def show_activations(self, activations: list[np.ndarray] | None) -> None:
        """Light up neurons: one array per layer (input first), or per layer after the input; None = off."""
        if activations is None or not self._columns:
            self._levels = None
        else:
            arrays = list(activations)
            if len(arrays) == len(self._columns) - 1:
                arrays = [None, *arrays]  # e.g. ForwardResult.activations: no input layer
            self._levels = [None if a is None else activation_levels(a, col.shown)
                            for a, col in zip(arrays, self._columns)]
        self.update()

    def _matches(self, report: WeightsReport) -> bool:
        sizes = [c.size for c in self._columns]
        if len(report.layers) != len(sizes) - 1:
            return False
        return all(layer.weight.shape == (n_out, n_in)
                   for layer, n_in, n_out in zip(report.layers, sizes, sizes[1:]))

    # ---- geometry ------------------------------------------------------------------------------

    def neuron_positions(self) -> list[np.ndarray]:
        """Centre (x, y) of every shown neuron per column, in widget pixels (k, 2)."""
        left, right = 60.0, self.width() - 80.0
        n = len(self._columns)
        margin_top, margin_bottom = (96.0 if self._staggered() else 56.0), 34.0
        height = max(self.height() - margin_top - margin_bottom, 10.0)
        out = []
        for i, col in enumerate(self._columns):
            x = left + (right - left) * (i / (n - 1) if n > 1 else 0.5)
            slots = len(col.shown) + (1 if col.gap_after >= 0 else 0)
            pitch = min(height / max(slots, 1), 56.0)
            top = margin_top + (height - pitch * slots) / 2 + pitch / 2
            ys = [top + pitch * (j + (1 if 0 <= col.gap_after < j else 0)) for j in range(len(col.shown))]
            out.append(np.column_stack([np.full(len(ys), x), ys]))
        return out

    def _column_spacing(self) -> float:
        return (self.width() - 140.0) / max(len(self._columns) - 1, 1)

    def _staggered(self) -> bool:
        """Titles alternate between two rows when columns are too close for them side by side."""
        return self._column_spacing() < TITLE_WIDTH

    def _radius(self) -> float:
        slots = max((len(c.shown) + (c.gap_after >= 0) for c in self._columns), default=1)
        pitch = min(max(self.height() - (130.0 if self._staggered() else 90.0), 10.0) / slots, 56.0)
        return float(np.clip(pitch * 0.32, 3.0, 16.0))

    # ---- painting ------------------------------------------------------------------------------

    def _refresh_backdrop(self) -> None:
        self._backdrop = None
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._backdrop = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Blit the cached links and labels, then draw the neurons (their fill follows activations)."""
        painter = QPainter(self)
        if self._backdrop is None:
            self._backdrop = self._paint_backdrop()
        painter.drawPixmap(0, 0, self._backdrop)
        if self._columns:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_neurons(painter, self.neuron_positions(), self._radius())
        painter.end()

    def _paint_backdrop(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.white)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._columns:
            painter.drawText(QRectF(0, 0, self.width(), self.height()), Qt.AlignmentFlag.AlignCenter,
                             translate("gui.widgets.network_diagram", "No network yet"))
        else:
            positions = self.neuron_positions()
            self._paint_links(painter, positions)
            self._paint_labels(painter, positions, self._radius())
            self._paint_legend(painter)
        painter.end()
        return pixmap

    def _paint_links(self, painter: QPainter, positions: list[np.ndarray]) -> None:
        """All links of one style in one drawLines call: 16 pens at most, not one per link."""
        if self._weights is not None and self._links is None:
            self._links = [link_styles(layer.weight, right.shown, left.shown)
                           for layer, left, right in zip(self._weights.layers, self._columns, self._columns[1:])]
        for layer, (a, b) in enumerate(zip(positions, positions[1:])):
            starts = np.repeat(a[None, :, :], len(b), axis=0).reshape(-1, 2)   # (out·in, 2)
            ends = np.repeat(b[:, None, :], len(a), axis=1).reshape(-1, 2)
            if self._links is None:
                painter.setPen(QPen(PLAIN_LINK, 0.8))
                painter.drawLines(_lines(starts, ends))
                continue
            sign, scale = (m.reshape(-1) for m in self._links[layer])  # row-major like starts/ends
            level = np.rint(scale * (LINK_LEVELS - 1)).astype(int)
            for s in (-1.0, 1.0):
                for k in range(LINK_LEVELS):
                    chosen = (sign == s) & (level == k)
                    if chosen.any():
                        painter.setPen(_link_pen(s, k / (LINK_LEVELS - 1)))
                        painter.drawLines(_lines(starts[chosen], ends[chosen]))

    def _paint_neurons(self, painter: QPainter, positions: list[np.ndarray], radius: float) -> None:
        painter.setPen(QPen(NEURON_EDGE, 1.2))
        for c, (col, pts) in enumerate(zip(self._columns, positions)):
            levels = self._levels[c] if self._levels is not None else None
            for j, p in enumerate(pts):
                fill = QColor(Qt.GlobalColor.white)
                if levels is not None:
                    fill = _blend(QColor(Qt.GlobalColor.white), ACTIVE, float(levels[j]))
                painter.setBrush(fill)
                painter.drawEllipse(QPointF(*p), radius, radius)
            if col.gap_after >= 0:
                gap_y = (pts[col.gap_after, 1] + pts[col.gap_after + 1, 1]) / 2
                painter.setPen(QPen(NEURON_EDGE))
                painter.setFont(_font(15, bold=True))
                painter.drawText(QRectF(pts[0, 0] - 30, gap_y - 14, 60, 28), Qt.AlignmentFlag.AlignCenter, "⋮")
                painter.setPen(QPen(NEURON_EDGE, 1.2))

    def _paint_labels(self, painter: QPainter, positions: list[np.ndarray], radius: float) -> None:
        painter.setPen(QPen(QColor(20, 20, 20)))
        painter.setFont(_font(10, bold=True))
        staggered = self._staggered()
        width = min(TITLE_WIDTH, 2 * self._column_spacing() - 6) if staggered else TITLE_WIDTH
        for i, (col, pts) in enumerate(zip(self._columns, positions)):
            top = 4.0 + (42.0 if staggered and i % 2 else 0.0)
            rect = QRectF(float(pts[0, 0]) - width / 2, top, width, 40)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, col.title)
        painter.setFont(_font(9))
        for j, p in zip(self._columns[0].shown, positions[0]):  # which inputs these are: x1 … x784
            rect = QRectF(p[0] - radius - 58, p[1] - 10, 54, 20)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"x{j + 1}")
        out_col, out_pts = self._columns[-1], positions[-1]
        if self._class_names and len(self._class_names) == out_col.size:
            painter.setFont(_font(10))
            for j, p in zip(out_col.shown, out_pts):
                rect = QRectF(p[0] + radius + 4, p[1] - 10, 70, 20)
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 self._class_names[j])

    def _paint_legend(self, painter: QPainter) -> None:
        y = self.height() - 14.0
        painter.setFont(_font(9))
        if self._weights is None:
            painter.setPen(QPen(QColor(90, 90, 90)))
            painter.drawText(QPointF(10, y + 4), translate("gui.widgets.network_diagram", "Untrained: links are shown "
                                                                                          "plain. Train to colour them "
                                                                                          "by weight."))
            return
        for x, color, text in ((10.0, POSITIVE, translate("gui.widgets.network_diagram", "positive weight")),
                               (150.0, NEGATIVE, translate("gui.widgets.network_diagram", "negative weight"))):
            painter.setPen(QPen(color, 3))
            painter.drawLine(QPointF(x, y), QPointF(x + 24, y))
            painter.setPen(QPen(QColor(40, 40, 40)))
            painter.drawText(QPointF(x + 30, y + 4), text)
        painter.drawText(QPointF(290, y + 4), translate("gui.widgets.network_diagram", "thickness = |w| (relative to "
                                                                                       "the layer's largest)"))


def _link_pen(sign: float, scale: float) -> QPen:
    """Colour by sign; width and strength by relative |w| (small weights are pale and thin).

    Opaque colours mixed with white instead of alpha: antialiased translucent wide lines cost
    about 1 ms each in Qt's raster engine, opaque ones about 0.05 ms.
    """
    color = _blend(QColor(Qt.GlobalColor.white), POSITIVE if sign > 0 else NEGATIVE, 0.3 + 0.7 * scale)
    return QPen(color, float(0.5 + MAX_LINK_WIDTH * scale))


def _lines(starts: np.ndarray, ends: np.ndarray) -> list[QLineF]:
    return [QLineF(x0, y0, x1, y1) for (x0, y0), (x1, y1) in zip(starts.tolist(), ends.tolist())]


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    t = min(max(t, 0.0), 1.0)
    return QColor(int(a.red() + (b.red() - a.red()) * t), int(a.green() + (b.green() - a.green()) * t),
                  int(a.blue() + (b.blue() - a.blue()) * t))


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font
