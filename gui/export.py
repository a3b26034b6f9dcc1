"""Export a plot or heatmap as PNG or SVG, and the loss history as CSV, always atomically.

Images come from pyqtgraph's own exporters (ImageExporter for PNG, SVGExporter for SVG). The bytes
are made in memory first and written with `core.paths.atomic_write_bytes`, so a failed export
never leaves half a file or damages an older one. Problems are StudioErrors with a sentence.
"""
from __future__ import annotations

import contextlib
import csv
import errno
import io
import sys
from pathlib import Path
from typing import Iterator

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.paths import atomic_write_bytes

IMAGE_SUFFIXES = (".png", ".svg")
PNG_SCALE = 2.0  # twice the on-screen size: sharp on slides and on HiDPI screens
IMAGE_FILTER = QT_TRANSLATE_NOOP("gui.export", "PNG image (*.png);;SVG vector image (*.svg)")
CSV_FILTER = QT_TRANSLATE_NOOP("gui.export", "CSV table (*.csv)")


def export_plot(plot_item_or_widget, path: Path | str, scale: float = PNG_SCALE) -> Path:
    """Save a plot (PlotWidget, GraphicsLayoutWidget, PlotItem, any graphics item) as PNG or SVG by suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise StudioError(translate("gui.export", "Cannot export to {name}: choose a file name ending in .png or .svg.")
                          .format(name=path.name))
    item = _export_source(plot_item_or_widget)
    data = _png_bytes(item, scale) if suffix == ".png" else _svg_bytes(item)
    _write(path, data, translate("gui.export", "the image"))
    return path


def _export_source(target) -> QGraphicsItem | QGraphicsScene:
    """The graphics item (or scene) pyqtgraph's exporters take, for any kind of plot we show."""
    if isinstance(target, pg.PlotWidget):
        return target.getPlotItem()
    if isinstance(target, pg.GraphicsLayoutWidget):
        return target.ci
    if isinstance(target, pg.ImageView):
        return target.getView()
    if isinstance(target, pg.GraphicsView):
        return target.scene()
    if isinstance(target, (QGraphicsItem, QGraphicsScene)) and _scene_of(target) is not None:
        return target
    raise StudioError(translate("gui.export", "Only plots and heatmaps that are on screen can be exported as images."))


def _scene_of(item) -> QGraphicsScene | None:
    return item if isinstance(item, QGraphicsScene) else item.scene()


def _png_bytes(item, scale: float) -> bytes:
    exporter = ImageExporter(item)
    width = int(exporter.parameters()["width"] * scale)
    if width < 1 or int(exporter.parameters()["height"]) < 1:
        raise StudioError(translate("gui.export", "The plot has no size yet; show it on screen before exporting it."))
    exporter.parameters()["width"] = width  # the height follows, keeping the aspect ratio
    image = exporter.export(toBytes=True)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image is None or image.isNull() or not image.save(buffer, "PNG"):
        raise StudioError(translate("gui.export", "The plot could not be turned into a PNG image."))
    return bytes(buffer.data())


@contextlib.contextmanager
def _tolerate_closed_paths() -> Iterator[None]:
    """Let pyqtgraph 0.14's SVG exporter read the 'Z' (close path) that Qt 6.11 writes.

    pyqtgraph splits every path token at a comma and fails on 'Z' (pyqtgraph issue #3495), which
    every ViewBox background produces. Dropping it keeps the same outline: Qt's closed rectangles
    end on their first point, and fills close themselves.
    """
    module = sys.modules[SVGExporter.__module__]
    original = module.correctCoordinates

    def tolerant(node, defs, item, options):
        for element in node.getElementsByTagName("path"):
            tokens = (token.rstrip("Zz") for token in element.getAttribute("d").split())
            element.setAttribute("d", " ".join(token for token in tokens if token))
        return original(node, defs, item, options)

    module.correctCoordinates = tolerant
    try:
        yield
    finally:
        module.correctCoordinates = original


def _svg_bytes(item) -> bytes:
    with _tolerate_closed_paths():
        data = SVGExporter(item).export(toBytes=True)
    if not data:
        raise StudioError(translate("gui.export", "The plot could not be turned into an SVG image."))
    return bytes(data) if isinstance(data, (bytes, bytearray, QByteArray)) else str(data).encode("utf-8")


def export_loss_csv(path: Path | str, steps, losses) -> Path:
    """Save the loss curve as a two-column CSV table (step, loss); non-finite losses are written as nan/inf."""
    return export_columns_csv(path, {"step": steps, "loss": losses})


def export_columns_csv(path: Path | str, columns: dict[str, object]) -> Path:
    """Save equally long 1-D columns as a CSV table with a header row."""
    path = Path(path)
    arrays = {name: np.asarray(values).reshape(-1) if np.ndim(values) <= 1 else None
              for name, values in columns.items()}
    if not arrays or any(a is None for a in arrays.values()) or len({len(a) for a in arrays.values()}) != 1:
        raise StudioError(translate("gui.export", "The table cannot be saved: its columns must be lists of the same "
                                                  "length."))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(arrays)
    for row in zip(*arrays.values()):
        writer.writerow(_cell(value) for value in row)
    _write(path, buffer.getvalue().encode("utf-8"), translate("gui.export", "the table"))
    return path


def _cell(value) -> str:
    """Integers as integers, floats with full precision (repr), nan and inf spelled out."""
    if isinstance(value, (np.integer, int)):
        return str(int(value))
    return repr(float(value))


def _write(path: Path, data: bytes, what: str) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        no_permission = translate("gui.export", "you do not have permission to write there")
        reasons = {errno.ENOSPC: translate("gui.export", "the disk is full"), errno.EACCES: no_permission,
                   errno.EPERM: no_permission, errno.ENOENT: translate("gui.export", "the folder does not exist"),
                   errno.EROFS: translate("gui.export", "the disk is read-only"),
                   errno.EISDIR: translate("gui.export", "a folder has that name")}
        reason = reasons.get(exc.errno, exc.strerror or str(exc))
        raise StudioError(translate("gui.export", "Could not save {what} to {path}: {reason}.")
                          .format(what=what, path=path, reason=reason)) from None
