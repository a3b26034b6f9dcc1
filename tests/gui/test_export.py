"""Exporting plots and heatmaps as PNG/SVG and the loss as CSV: real files, clear errors, atomic writes."""
from __future__ import annotations

import csv
import errno
import math
import os
import xml.etree.ElementTree as ElementTree

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from core.errors import StudioError
from gui.export import export_columns_csv, export_loss_csv, export_plot


@pytest.fixture
def loss_plot(qtbot):
    widget = pg.PlotWidget(title="Loss")
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.plot(np.arange(100.0), np.exp(-np.arange(100.0) / 20), pen=pg.mkPen("#0072B2", width=2))
    widget.setLabel("bottom", "step")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def heatmap(qtbot):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    plot = widget.addPlot(title="W1")
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    weights = np.random.default_rng(0).normal(size=(16, 28)).astype(np.float32)
    limit = float(np.abs(weights).max())
    image.setImage(weights, autoLevels=False, levels=(-limit, limit))
    image.setColorMap(pg.colormap.get("CET-D1"))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _png(path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull() and path.stat().st_size > 0
    return image


def test_png_of_a_plot_is_a_real_image_at_twice_the_size(loss_plot, tmp_path):
    path = export_plot(loss_plot, tmp_path / "loss.png")
    image = _png(path)
    source = loss_plot.getPlotItem().sceneBoundingRect()
    assert image.width() == int(int(source.width()) * 2)
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 3  # not a blank canvas: background, axes, text, curve


def test_svg_of_a_plot_is_valid_svg_with_the_curve(loss_plot, tmp_path):
    path = export_plot(loss_plot, tmp_path / "loss.SVG")
    assert path.stat().st_size > 0
    root = ElementTree.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert any(element.tag.endswith(("path", "polyline")) for element in root.iter())


def test_heatmap_and_plot_item_export(heatmap, loss_plot, tmp_path):
    _png(export_plot(heatmap, tmp_path / "weights.png"))
    assert ElementTree.parse(export_plot(heatmap, tmp_path / "weights.svg")).getroot().tag.endswith("svg")
    _png(export_plot(loss_plot.getPlotItem(), tmp_path / "item.png"))


@pytest.mark.parametrize("name", ["plot.jpg", "plot", "plot.png.txt"])
def test_unknown_suffix_is_a_sentence(loss_plot, tmp_path, name):
    with pytest.raises(StudioError, match=r"\.png or \.svg"):
        export_plot(loss_plot, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_things_that_are_not_plots_are_refused(tmp_path, qtbot):
    with pytest.raises(StudioError, match="Only plots"):
        export_plot("a string", tmp_path / "x.png")
    with pytest.raises(StudioError, match="Only plots"):
        export_plot(pg.PlotCurveItem(), tmp_path / "x.png")  # an item in no scene


def test_write_errors_are_sentences_and_keep_the_old_file(loss_plot, tmp_path, monkeypatch):
    path = tmp_path / "loss.png"
    path.write_bytes(b"old picture")

    def refuse(*args):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StudioError, match="permission"):
        export_plot(loss_plot, path)
    with pytest.raises(StudioError, match="permission"):
        export_loss_csv(tmp_path / "loss.png", [1], [0.5])
    assert path.read_bytes() == b"old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loss.png"]  # no temp file left
    monkeypatch.undo()
    with pytest.raises(StudioError, match="does not exist"):
        export_plot(loss_plot, tmp_path / "missing" / "loss.png")


def test_loss_csv_round_trips_with_full_precision(tmp_path):
    steps = np.arange(1, 6, dtype=np.int64)
    losses = np.array([2.302585, 1.1, 0.123456789, np.nan, np.inf], dtype=np.float32)
    path = export_loss_csv(tmp_path / "loss.csv", steps, losses)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == ["step", "loss"] and len(rows) == 6
    assert [int(r[0]) for r in rows[1:]] == [1, 2, 3, 4, 5]
    values = np.array([float(r[1]) for r in rows[1:]], dtype=np.float32)
    assert np.array_equal(values[:3], losses[:3]) and math.isnan(values[3]) and math.isinf(values[4])


def test_csv_columns_must_match(tmp_path):
    with pytest.raises(StudioError, match="same length"):
        export_loss_csv(tmp_path / "loss.csv", [1, 2, 3], [0.5, 0.4])
    with pytest.raises(StudioError, match="same length"):
        export_columns_csv(tmp_path / "x.csv", {"a": np.zeros((2, 2))})
    assert not (tmp_path / "loss.csv").exists()
    path = export_columns_csv(tmp_path / "epochs.csv", {"epoch": [1, 2], "train": [0.5, 0.25], "val": [0.6, 0.4]})
    assert path.read_text().splitlines() == ["epoch,train,val", "1,0.5,0.6", "2,0.25,0.4"]
