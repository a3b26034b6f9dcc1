"""ResultsView: headline, confusion-matrix cells and the gallery of misclassified test images."""
from __future__ import annotations

import numpy as np
import pytest

from core.datasets import DIGIT_NAMES, FASHION_NAMES, Dataset, load_dataset, normalize_pixels
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import FinishedReport, TrainingConfig
from core.training import TrainingSession
from gui.widgets.results_view import (EMPTY, THUMBNAIL, ResultsView, headline, mistake_caption, row_shares,
                                      thumbnail, wrap_name)


def _image_dataset(images: np.ndarray, labels: np.ndarray, names: tuple[str, ...] = DIGIT_NAMES) -> Dataset:
    x = normalize_pixels(images[:1600].reshape(-1, 784) / 255.0)
    y = labels[:1600].astype(np.int64)
    parts = {"x_train": x[:1200], "y_train": y[:1200], "x_val": x[1200:1300], "y_val": y[1200:1300],
             "x_test": x[1300:], "y_test": y[1300:]}
    return Dataset(name="MNIST", task="classification", input_shape=(28, 28), class_names=names,
                   source="test subset", **{k: np.ascontiguousarray(v) for k, v in parts.items()})


def _finish(spec: NetworkSpec, dataset: Dataset, **config) -> FinishedReport:
    session = TrainingSession(spec, dataset, TrainingConfig(**config))
    reports = list(session.run())
    return next(r for r in reports if isinstance(r, FinishedReport))


@pytest.fixture(scope="module")
def mnist(mnist_t10k) -> Dataset:
    return _image_dataset(*mnist_t10k)


@pytest.fixture(scope="module")
def mnist_finished(mnist) -> FinishedReport:
    """A briefly trained 784-16-10 network: most test digits right, some wrong."""
    return _finish(NetworkSpec(784, (LayerSpec(16),), 10), mnist, learning_rate=0.003, batch_size=64, epochs=1)


def _view(qtbot) -> ResultsView:
    view = ResultsView()
    qtbot.addWidget(view)
    return view


def _report(confusion, wrong=(), predicted=(), metric=0.5, name="accuracy", outcome="completed") -> FinishedReport:
    return FinishedReport(outcome, 120, 3, 0.25, metric, name,
                          None if confusion is None else np.asarray(confusion, np.int64),
                          np.asarray(wrong, np.int64), np.asarray(predicted, np.int64))


def test_headline_and_captions_in_words():
    assert headline(_report(None, metric=0.9561)) == "Test accuracy 95.6 %"
    assert headline(_report(None, metric=0.981, name="R²")) == "Test R² 0.98"
    assert headline(_report(None, metric=float("nan"))) == "Test accuracy —"
    assert mistake_caption("4", "9") == "true 4 → predicted 9"


def test_row_shares_divide_by_the_true_class_total():
    shares = row_shares(np.array([[3, 1], [0, 0]]))
    assert shares.tolist() == [[0.75, 0.25], [0.0, 0.0]]
    assert shares.dtype == np.float32


def test_long_class_names_wrap_onto_two_lines():
    assert wrap_name("Ankle boot") == "Ankle\nboot"
    assert wrap_name("T-shirt/top") == "T-shirt/\ntop"
    assert wrap_name("Sneaker") == "Sneaker"


def test_thumbnail_is_an_enlarged_dark_on_light_picture():
    pixels = np.zeros((28, 28), np.float32)
    pixels[:14] = 1.0                                   # top half is ink
    image = thumbnail(pixels).toImage()
    assert (image.width(), image.height()) == (THUMBNAIL, THUMBNAIL)
    assert image.pixelColor(5, 5).value() < 10          # ink is dark
    assert image.pixelColor(5, THUMBNAIL - 5).value() > 245


def test_real_run_shows_accuracy_counts_and_the_mistakes(qtbot, mnist, mnist_finished):
    view = _view(qtbot)
    view.show_results(mnist_finished, mnist)
    report = mnist_finished
    assert view.headline_text == f"Test accuracy {100 * report.test_metric:.1f} %"
    assert f"{len(mnist.x_test):,} test examples" in view.details_text
    cells = view.confusion_plot.cell_texts
    assert len(cells) == 10
    texts = np.array([[int(cell.toPlainText().replace(",", "")) for cell in row] for row in cells])
    np.testing.assert_array_equal(texts, report.confusion)
    np.testing.assert_allclose(view.confusion_plot.image.image, row_shares(report.confusion))
    wrong_total = int(report.confusion.sum() - np.trace(report.confusion))
    assert 0 < len(report.misclassified) <= wrong_total
    assert view.gallery.count() == len(report.misclassified)
    captions = [view.gallery.item(k).text() for k in range(view.gallery.count())]
    expected = [f"true {mnist.y_test[i]} → predicted {p}"
                for i, p in zip(report.misclassified, report.misclassified_pred)]
    assert captions == expected
    assert all(mnist.y_test[i] != p for i, p in zip(report.misclassified, report.misclassified_pred))
    assert f"{wrong_total:,}" in view.gallery_title


def test_class_names_label_the_axes_and_the_captions(qtbot, mnist_t10k):
    dataset = _image_dataset(*mnist_t10k, names=FASHION_NAMES)
    confusion = np.eye(10, dtype=np.int64) * 5
    confusion[9, 7] = 2                                  # two ankle boots taken for sneakers
    wrong = np.flatnonzero(dataset.y_test == 9)[:2]
    view = _view(qtbot)
    view.show_results(_report(confusion, wrong, [7, 7]), dataset)
    assert [view.gallery.item(k).text() for k in range(2)] == ["true Ankle boot → predicted Sneaker"] * 2
    left = view.confusion_plot.plot.getAxis("left")._tickLevels[0]
    bottom = view.confusion_plot.plot.getAxis("bottom")._tickLevels[0]
    assert [name for _, name in left] == list(FASHION_NAMES)
    assert bottom[9] == (9, "Ankle\nboot")
    assert view.confusion_plot.cell_texts[9][7].toPlainText() == "2"
    assert view.gallery_title == "All 2 misclassified test images"


def test_diagonal_is_outlined_and_cells_follow_the_class_count(qtbot, mnist_t10k):
    dataset = _image_dataset(*mnist_t10k)
    view = _view(qtbot)
    view.show_results(_report(np.arange(100).reshape(10, 10)), dataset)
    x, y = view.confusion_plot.diagonal.getData()
    assert len(x) == 10 * 8                              # 4 sides × 2 ends per diagonal cell
    mid_x, mid_y = (x[0::2] + x[1::2]) / 2, (y[0::2] + y[1::2]) / 2
    assert np.all(np.abs(mid_x - mid_y) == 0.5)           # every side belongs to a diagonal cell …
    cells, sides = np.unique(np.round((mid_x + mid_y) / 2), return_counts=True)
    assert cells.tolist() == list(range(10)) and np.all(sides == 4)   # … four sides for each
    assert view.confusion_plot.cell_texts[3][4].toPlainText() == "34"


def test_bad_indices_in_a_report_are_skipped(qtbot, mnist_t10k):
    dataset = _image_dataset(*mnist_t10k)
    confusion = np.eye(10, dtype=np.int64)
    confusion[0, 1] = 3
    view = _view(qtbot)
    view.show_results(_report(confusion, [0, 10 ** 6, -1], [1, 1, 1]), dataset)
    assert view.gallery.count() == 1


def test_regression_shows_r_squared_and_no_matrix(qtbot):
    dataset = load_dataset("Sine")
    view = _view(qtbot)
    view.show()
    view.show_results(_report(None, metric=0.9712, name="R²"), dataset)
    assert view.headline_text == "Test R² 0.97"
    assert "R² = 1 −" in view.details_text
    assert not view.confusion_plot.isVisible() and not view.gallery.isVisible()


def test_two_d_points_have_a_matrix_but_no_gallery(qtbot):
    dataset = load_dataset("XOR")
    view = _view(qtbot)
    view.show()
    view.show_results(_report([[40, 3], [2, 45]], [0, 1], [1, 0], metric=0.94), dataset)
    assert view.confusion_plot.isVisible() and not view.gallery.isVisible()
    assert "5 test points" in view.gallery_title
    assert view.confusion_plot.cell_texts[1][0].toPlainText() == "2"


def test_clear_returns_to_the_empty_state(qtbot, mnist, mnist_finished):
    view = _view(qtbot)
    view.show()
    view.show_results(mnist_finished, mnist)
    view.clear()
    assert view.headline_text == EMPTY == "Train a network to see its test results"
    assert view.gallery.count() == 0 and not view.confusion_plot.isVisible()
    view.show_results(mnist_finished, mnist)              # and it can be filled again
    assert view.gallery.count() == len(mnist_finished.misclassified) and view.confusion_plot.isVisible()


def test_the_confusion_grid_is_made_before_the_run_ends_and_reused(qtbot):
    from gui.widgets.results_view import ResultsView

    view = ResultsView()
    qtbot.addWidget(view)
    view.confusion_plot.prepare(10)
    cells = [text for row in view.confusion_plot.cell_texts for text in row]
    assert len(cells) == 100
    view.confusion_plot.show_confusion(np.eye(10, dtype=np.int64) * 7, tuple("0123456789"))
    assert [text for row in view.confusion_plot.cell_texts for text in row] == cells   # no rebuild at the end
    assert view.confusion_plot.cell_texts[3][3].toPlainText() == "7"


def test_counts_never_spill_over_their_cells_even_with_a_projector_font(qtbot):
    from PySide6.QtGui import QFont

    from gui.widgets.results_view import _ConfusionPlot

    plot = _ConfusionPlot()
    qtbot.addWidget(plot)
    plot.resize(420, 420)
    plot.show()
    qtbot.waitExposed(plot)
    plot.prepare(10)
    big = QFont()
    big.setPointSize(22)                                   # what presentation mode does to text items
    for row in plot.cell_texts:
        for text in row:
            text.setFont(big)
    plot.show_confusion(np.full((10, 10), 1234, np.int64), tuple("0123456789"))
    qtbot.wait(50)
    box = plot.plot.getViewBox()
    cell = min(box.width(), box.height()) / 10
    item = plot.cell_texts[4][4].textItem
    drawn = item.mapRectToScene(item.boundingRect()).width()
    assert 0 < drawn <= cell                               # "1,234" fits inside its cell
    assert item.font().pointSize() == 22                   # the font itself is untouched
    small_scale = plot.cell_texts[4][4].scale()
    plot.resize(1000, 1000)                                # more room: the numbers grow back
    qtbot.wait(50)
    assert plot.cell_texts[4][4].scale() > small_scale
