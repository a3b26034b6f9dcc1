"""Paint the still parts of a live plot from a pixmap: axes, titles and labels.

pyqtgraph's axes and labels are Python items, so every repaint of a plot used to replay each
axis's picture in Python while the GUI thread held the GIL, which the training thread needs for
every step. With Qt's DeviceCoordinateCache an unchanged item is drawn from a cached pixmap in C++
and its Python `paint` is not called at all; an item that changes (new ticks, new text) calls
`update()`, which refreshes its cache. Measured on the weight heatmaps of 784-128-64-10
(bench/gui_training.py's window): 7.5 → 5.7 ms per repaint.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

CACHED_TYPES = (pg.AxisItem, pg.LabelItem)


def cache_static_items(root: QGraphicsItem) -> int:
    """Give every axis and label under `root` (a plot item or a layout) a pixmap cache; returns how many."""
    count = 0
    for item in _descendants(root):
        if isinstance(item, CACHED_TYPES):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            count += 1
    return count


def _descendants(root: QGraphicsItem) -> list[QGraphicsItem]:
    found, stack = [], [root]
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(item.childItems())
    return found
