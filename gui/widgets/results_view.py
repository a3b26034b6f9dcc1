"""The test-set figures after training: the headline metric, a confusion matrix and the mistakes.

The confusion matrix has one row per true class and one column per predicted class; each cell
shows its count, coloured by the share of that row (so rare classes are as visible as common
ones), and the diagonal — the correct answers — is outlined. The gallery shows the misclassified
test images with "true 4 → predicted 9" under each.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from core.datasets import Dataset, to_pixels
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.reports import FinishedReport

EMPTY = QT_TRANSLATE_NOOP("gui.widgets.results_view", "Train a network to see its test results")
THUMBNAIL = 84              # px: 28×28 images scaled ×3 without smoothing
GALLERY_CELL = QSize(132, 150)
TITLE_SIZE = "12pt"
CELL_FONT_PT = 11
BIG_CELL_FONT_PT = 20       # two or three classes: big cells, big numbers
DIAGONAL_PEN = pg.mkPen(0, 140, 60, width=3)
CONFUSION_MAP = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (8, 48, 107)])
WRAP_AT = 8                 # class names longer than this are split over two lines on the x axis
R2_EXPLAINED = QT_TRANSLATE_NOOP("gui.widgets.results_view",
                                 "R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is a perfect fit, 0 is no better than "
                                 "always predicting the mean of the test targets.")


def headline(report: FinishedReport) -> str:
    """'Test accuracy 95.6 %' or 'Test R² 0.98' (a dash when there was no test set)."""
    value = report.test_metric
    if report.metric_name == "accuracy":
        if not math.isfinite(value):
            return translate("gui.widgets.results_view", "Test accuracy —")
        return translate("gui.widgets.results_view", "Test accuracy {percent:.1f} %").format(percent=100 * value)
    if not math.isfinite(value):
        return translate("gui.widgets.results_view", "Test {metric} —").format(metric=report.metric_name)
    return translate("gui.widgets.results_view", "Test {metric} {value:.2f}").format(metric=report.metric_name,
                                                                                     value=value)


def outcome_sentence(report: FinishedReport) -> str:
    """How the run ended, in words, for the line under the headline."""
    epochs = (translate("gui.widgets.results_view", "{count} epoch") if report.epoch == 1
              else translate("gui.widgets.results_view", "{count} epochs")).format(count=report.epoch)
    if report.outcome == "completed":
        text = translate("gui.widgets.results_view", "Training completed after {epochs} ({steps:,} steps).")
    elif report.outcome == "early_stopped":
        text = translate("gui.widgets.results_view", "Stopped early after {epochs}: the weights of epoch {best}, "
                         "where the validation loss was lowest, were restored.")
    elif report.outcome == "diverged":
        text = translate("gui.widgets.results_view",
                         "Training diverged at step {steps:,}; these figures are for the last good weights.")
    elif report.outcome == "stopped":
        text = translate("gui.widgets.results_view", "Stopped after {steps:,} steps ({epochs} completed).")
    else:
        text = translate("gui.widgets.results_view", "Finished after {steps:,} steps.")
    return text.format(epochs=epochs, steps=report.step, best=report.best_epoch)


def mistake_caption(true_name: str, predicted_name: str) -> str:
    """'true 4 → predicted 9'."""
    return translate("gui.widgets.results_view", "true {true} → predicted {predicted}").format(
        true=true_name, predicted=predicted_name)


def row_shares(confusion: np.ndarray) -> np.ndarray:
    """Each count divided by its row total (the share of that true class), 0 for empty rows."""
    counts = np.asarray(confusion, dtype=np.float64)
    totals = counts.sum(axis=1, keepdims=True)
    shares = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    return np.ascontiguousarray(shares, dtype=np.float32)


def wrap_name(name: str) -> str:
    """'Ankle boot' → 'Ankle\\nboot', 'T-shirt/top' → 'T-shirt/\\ntop', so long names fit a column."""
    if len(name) <= WRAP_AT:
        return name
    for separator in (" ", "/", "-"):
        head, found, tail = name.partition(separator)
        if found and head:
            return f"{head}{separator if separator != ' ' else ''}\n{tail}"
    return name[:WRAP_AT - 1] + "…"


def thumbnail(pixels01: np.ndarray) -> QPixmap:
    """A 28×28 image in [0, 1] as a crisp, enlarged black-on-white pixmap."""
    grey = np.ascontiguousarray(255 - np.round(pixels01 * 255).astype(np.uint8))
    image = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format.Format_Grayscale8)
    return QPixmap.fromImage(image.copy()).scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.FastTransformation)


class ResultsView(QWidget):
    """Test accuracy (or R²), the confusion matrix and a gallery of misclassified test images."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headline = QLabel(translate("gui.widgets.results_view", EMPTY))
        font = QFont(self._headline.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self._headline.setFont(font)
        self._headline.setToolTip(translate("gui.widgets.results_view",
                                            "The network's score on test data it never saw during training"))
        self._details = QLabel()
        self._details.setWordWrap(True)
        self._details.setToolTip(translate("gui.widgets.results_view",
                                           "How the run ended and the loss on the test set"))
        self._confusion = _ConfusionPlot()
        self._gallery_title = QLabel()
        self._gallery_title.setWordWrap(True)
        self._gallery_title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._gallery = _make_gallery()
        self._body = self._arrange()
        self.clear()

    def _arrange(self) -> QWidget:
        gallery_box = QVBoxLayout()
        gallery_box.addWidget(self._gallery_title)
        gallery_box.addWidget(self._gallery, 1)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._confusion, 1)
        row.addLayout(gallery_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._headline)
        layout.addWidget(self._details)
        layout.addWidget(body, 1)
        layout.addStretch(0)  # takes the space while the body is hidden, so the text stays at the top
        return body

    @property
    def headline_text(self) -> str:
        """The big line: 'Test accuracy 95.6 %'."""
        return self._headline.text()

    @property
    def details_text(self) -> str:
        """How the run ended and the test loss."""
        return self._details.text()

    @property
    def confusion_plot(self) -> _ConfusionPlot:
        """The confusion-matrix plot (for tests and screenshots)."""
        return self._confusion

    @property
    def gallery(self) -> QListWidget:
        """The list of misclassified test images."""
        return self._gallery

    @property
    def gallery_title(self) -> str:
        """The line above the gallery."""
        return self._gallery_title.text()

    def clear(self) -> None:
        """Back to the empty state: 'Train a network to see its test results'."""
        self._headline.setText(translate("gui.widgets.results_view", EMPTY))
        self._details.clear()
        self._gallery.clear()
        self._body.hide()

    def show_results(self, report: FinishedReport, dataset: Dataset) -> None:
        """Show a finished run's test figures for the dataset it was trained on."""
        self._headline.setText(headline(report))
        details = outcome_sentence(report)
        if math.isfinite(report.test_loss):
            details = translate("gui.widgets.results_view", "{outcome} Test loss {loss:.4g} on {count:,} "
                                "test examples.").format(outcome=details, loss=report.test_loss,
                                                         count=len(dataset.x_test))
        if report.metric_name != "accuracy":
            details += "\n" + translate("gui.widgets.results_view", R2_EXPLAINED)
        self._details.setText(details)
        has_matrix = report.confusion is not None and report.confusion.size > 0
        self._body.setVisible(has_matrix)
        if has_matrix:
            self._confusion.show_confusion(report.confusion, dataset.class_names)
            self._show_gallery(report, dataset)

    def _show_gallery(self, report: FinishedReport, dataset: Dataset) -> None:
        """Thumbnails of the misclassified test images (images only; points have no picture)."""
        self._gallery.clear()
        wrong_total = int(report.confusion.sum() - np.trace(report.confusion))
        self._gallery.setVisible(dataset.is_image and wrong_total > 0)
        if not dataset.is_image:
            self._gallery_title.setText(translate("gui.widgets.results_view",
                                                  "{wrong:,} test points were misclassified; the decision "
                                                  "boundary view shows where they lie.").format(wrong=wrong_total))
            return
        if wrong_total == 0:
            self._gallery_title.setText(translate("gui.widgets.results_view", "No test image was misclassified."))
            return
        self._fill_gallery(report, dataset)
        shown = self._gallery.count()
        if shown < wrong_total:
            title = translate("gui.widgets.results_view", "Misclassified test images: {shown} of {wrong:,}")
        else:
            title = translate("gui.widgets.results_view", "All {wrong:,} misclassified test images")
        self._gallery_title.setText(title.format(shown=shown, wrong=wrong_total))

    def _fill_gallery(self, report: FinishedReport, dataset: Dataset) -> None:
        names = dataset.class_names
        valid = [(int(i), int(p)) for i, p in zip(report.misclassified, report.misclassified_pred)
                 if 0 <= i < len(dataset.x_test) and 0 <= p < len(names)]
        if not valid:
            return
        pixels = to_pixels(dataset.x_test[[i for i, _ in valid]])
        for (index, predicted), image in zip(valid, pixels):
            caption = mistake_caption(names[int(dataset.y_test[index])], names[predicted])
            item = QListWidgetItem(QIcon(thumbnail(image)), caption)
            item.setToolTip(translate("gui.widgets.results_view", "Test image {index:,}: {caption}").format(
                index=index, caption=caption))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self._gallery.addItem(item)


def _make_gallery() -> QListWidget:
    """A wrapping grid of thumbnails with word-wrapped captions (flows with the width)."""
    gallery = QListWidget()
    gallery.setViewMode(QListView.ViewMode.IconMode)
    gallery.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
    gallery.setGridSize(GALLERY_CELL)
    gallery.setResizeMode(QListView.ResizeMode.Adjust)
    gallery.setMovement(QListView.Movement.Static)
    gallery.setWordWrap(True)
    gallery.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    gallery.setToolTip(translate("gui.widgets.results_view",
                                 "Test images the network got wrong, with the true and the predicted class"))
    return gallery


class _ConfusionPlot(pg.GraphicsLayoutWidget):
    """Counts in a classes × classes grid: rows = true class, columns = predicted class."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = self.addPlot(title=translate("gui.widgets.results_view", "Confusion matrix (diagonal = correct)"),
                                 size=TITLE_SIZE)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.invertY(True)  # true class 0 in the top row, as in a printed table
        self.plot.setAspectLocked(True)
        self.plot.setLabel("left", translate("gui.widgets.results_view", "true class"))
        self.plot.setLabel("bottom", translate("gui.widgets.results_view", "predicted class"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(CONFUSION_MAP)
        self.plot.addItem(self.image)
        self.diagonal = pg.PlotDataItem(connect="pairs", pen=DIAGONAL_PEN)
        self.plot.addItem(self.diagonal)
        self.cell_texts: list[list[pg.TextItem]] = []
        self.plot.getViewBox().sigResized.connect(self.fit_cell_texts)
        self.setToolTip(translate("gui.widgets.results_view",
                                  "Each cell counts the test examples of one true class (row) that the network "
                                  "gave one predicted class (column). The colour is the share of that row; the "
                                  "outlined diagonal holds the correct answers."))

    def show_confusion(self, confusion: np.ndarray, class_names: tuple[str, ...]) -> None:
        """Write the counts; the grid of text items is rebuilt only when the class count changes."""
        confusion = np.asarray(confusion)
        classes = len(confusion)
        names = tuple(class_names) if len(class_names) == classes else tuple(str(k) for k in range(classes))
        if len(self.cell_texts) != classes:
            self._build(classes)
        self._label_axes(names)
        shares = row_shares(confusion)
        self.image.setImage(shares, autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(-0.5, -0.5, classes, classes)  # cell (i, j) centred on (j, i)
        for i in range(classes):
            for j in range(classes):
                text = self.cell_texts[i][j]
                text.setText(f"{int(confusion[i, j]):,}")
                text.setColor((255, 255, 255) if shares[i, j] > 0.5 else (20, 20, 20))
        self.fit_cell_texts()

    @Slot()
    def fit_cell_texts(self) -> None:
        """Shrink the counts that would spill over their cells (big fonts in presentation mode, a small
        plot, four-digit counts); the font itself is left alone, so presentation mode can still set it."""
        if not self.cell_texts:
            return
        view = self.plot.getViewBox()
        cell = min(view.width(), view.height()) / len(self.cell_texts)
        widest = max(text.textItem.boundingRect().width() for row in self.cell_texts for text in row)
        scale = 1.0 if widest <= 0 or cell <= 0 else min(1.0, 0.92 * cell / widest)
        for row in self.cell_texts:
            for text in row:
                text.setScale(scale)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_cell_texts()   # presentation mode may have changed the font while the tab was hidden

    def prepare(self, classes: int) -> None:
        """Make the grid's text items now (100 of them take ~70 ms), not at the end of a run."""
        if len(self.cell_texts) != classes:
            self._build(classes)

    def _build(self, classes: int) -> None:
        for row in self.cell_texts:
            for text in row:
                self.plot.removeItem(text)
        font = QFont()
        font.setPointSize(BIG_CELL_FONT_PT if classes <= 3 else CELL_FONT_PT if classes <= 10
                          else max(6, CELL_FONT_PT - classes // 4))
        self.cell_texts = []
        for i in range(classes):
            row = []
            for j in range(classes):
                text = pg.TextItem(anchor=(0.5, 0.5))
                text.setFont(font)
                text.setPos(j, i)
                self.plot.addItem(text)
                row.append(text)
            self.cell_texts.append(row)
        self.diagonal.setData(*_diagonal_outline(classes))
        self.plot.setRange(xRange=(-0.5, classes - 0.5), yRange=(-0.5, classes - 0.5), padding=0.02)

    def _label_axes(self, names: tuple[str, ...]) -> None:
        left = self.plot.getAxis("left")
        left.setTicks([[(k, name) for k, name in enumerate(names)]])
        widest = max(QFontMetrics(left.font()).horizontalAdvance(name) for name in names)
        left.setWidth(widest + 40)  # the axis would hide names that do not fit its default width
        self.plot.getAxis("bottom").setTicks([[(k, wrap_name(name)) for k, name in enumerate(names)]])
        two_lines = any("\n" in wrap_name(name) for name in names)
        self.plot.getAxis("bottom").setHeight(62 if two_lines else 45)


def _diagonal_outline(classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Line segments (pairs of points) around each diagonal cell."""
    x, y = [], []
    for k in range(classes):
        lo, hi = k - 0.5, k + 0.5
        corners = [(lo, lo), (hi, lo), (hi, hi), (lo, hi), (lo, lo)]
        for a, b in zip(corners[:-1], corners[1:]):
            x += [a[0], b[0]]
            y += [a[1], b[1]]
    return np.asarray(x, np.float64), np.asarray(y, np.float64)
