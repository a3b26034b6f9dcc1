"""The Draw tab: draw a digit, watch MNIST's preprocessing, and see the network answer live.

The drawing goes through `core.preprocess` (crop → longer side to 20 px → centre of mass at the
centre of 28×28 → normalise), each stage shown, and then through `core.inference.forward` on the
latest weight snapshot: numpy on the GUI thread, well under a millisecond, so it also works while
training runs and the answer changes as the network learns. Students can keep their drawings as
"my digits" to train on or to test a network on their own handwriting.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSizePolicy, QSlider,
                               QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from core.datasets import to_pixels
from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.inference import forward
from core.network_spec import ACTIVATION_LABELS, NetworkSpec
from core.own_digits import OwnDigits, evaluate_digits, set_aside_damaged
from core.preprocess import PreprocessResult, preprocess
from core.reports import LossReport, WeightsReport
from gui import dialogs
from gui.app_state import AppState
from gui.training_controller import TrainingController
from gui.widgets.activation_strip import ActivationStrip
from gui.widgets.drawing_canvas import DEFAULT_BRUSH, MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from gui.widgets.network_diagram import NetworkDiagram
from gui.widgets.prediction_bars import PredictionBars

DIGIT_NAMES = tuple(str(d) for d in range(10))
STAGE_BOX = 72            # on-screen size of each small preprocessing stage
SEEN_BOX = 168            # on-screen size of "what the network sees" (6 screen pixels per pixel)
ICON = 48                 # gallery thumbnails
PROGRESS_STEPS = 1000
CONTEXT = "gui.panels.draw_panel"
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("gui.panels.draw_panel", "Draw a digit")
DRAW_HINT = QT_TRANSLATE_NOOP("gui.panels.draw_panel", "Draw big: a digit that fills most of the square reads best.")
NO_MODEL_TEXT = QT_TRANSLATE_NOOP("gui.panels.draw_panel",
                                  "No trained network yet.\n\nTrain one on the Training tab, or click Quick train: "
                                  "the default network learns the current dataset in one short run (under a "
                                  "minute), and you can draw while it learns.")
# What keeps a network from reading a drawing (unusable_problem's keys) → the English sentence shown.
UNUSABLE_TEXTS = {
    "no_model": NO_MODEL_TEXT,
    "not_28x28": QT_TRANSLATE_NOOP("gui.panels.draw_panel", "The current network does not take 28×28 images. "
                                   "Choose an image dataset on the Data tab."),
    "diverged": QT_TRANSLATE_NOOP("gui.panels.draw_panel", "The network's weights hold NaN or ∞ (its training "
                                  "diverged), so it cannot read a drawing. Reset the weights and train again with a "
                                  "smaller learning rate."),
}


def ask_export_path(parent: QWidget | None) -> str | None:
    """Ask where to export the digit collection (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(parent, translate("gui.panels.draw_panel", "Export my digits"),
                                          "my_digits.npz", translate("gui.panels.draw_panel",
                                                                     "Digit collections (*.npz)"))
    return path or None


def ask_import_path(parent: QWidget | None) -> str | None:
    """Ask which digit collection file to import (tests replace this function)."""
    path, _ = QFileDialog.getOpenFileName(parent, translate("gui.panels.draw_panel", "Import digits"), "",
                                          translate("gui.panels.draw_panel", "Digit collections (*.npz)"))
    return path or None


def gray_pixmap(pixels01: np.ndarray, box: int, smooth: bool = False) -> QPixmap:
    """A picture in [0, 1] as a pixmap fitting box×box (nearest-neighbour: pixels stay visible)."""
    data = np.ascontiguousarray(np.clip(pixels01, 0.0, 1.0) * 255, dtype=np.uint8)
    image = QImage(data.data, data.shape[1], data.shape[0], data.shape[1], QImage.Format.Format_Grayscale8)
    mode = Qt.TransformationMode.SmoothTransformation if smooth else Qt.TransformationMode.FastTransformation
    return QPixmap.fromImage(image.scaled(box, box, Qt.AspectRatioMode.KeepAspectRatio, mode))


def progress_value(report: LossReport) -> int:
    """The progress bar's value (0 to PROGRESS_STEPS) for a training report."""
    return PROGRESS_STEPS * report.step // max(report.total_steps, 1)


def layer_titles(spec: NetworkSpec) -> list[str]:
    """'Hidden 1 · 16 neurons · ReLU' for each hidden layer."""
    return [translate("gui.panels.draw_panel", "Hidden {index} · {units} neurons · {activation}").format(
                index=i, units=layer.units, activation=ACTIVATION_LABELS.get(layer.activation, layer.activation))
            for i, layer in enumerate(spec.hidden, start=1)]


def unusable_problem(weights: WeightsReport | None, dataset) -> str | None:
    """What keeps the current network from reading a drawing: "not_images" or a key of UNUSABLE_TEXTS (None if
    nothing does)."""
    if dataset is not None and not dataset.is_image:
        return "not_images"
    if weights is None:
        return "no_model"
    if weights.layers[0].weight.shape[1] != 784:
        return "not_28x28"
    if not all(np.isfinite(layer.weight).all() and np.isfinite(layer.bias).all() for layer in weights.layers):
        return "diverged"
    return None


def unusable_reason(weights: WeightsReport | None, dataset) -> str | None:
    """Why the current network cannot read a drawing, in words (None if it can)."""
    problem = unusable_problem(weights, dataset)
    if problem == "not_images":
        return translate("gui.panels.draw_panel", "The current dataset ({name}) is not made of images. Choose MNIST, "
                         "Fashion-MNIST, Synthetic digits or My digits on the Data tab to draw.").format(
                             name=dataset.name)
    return None if problem is None else translate(CONTEXT, UNUSABLE_TEXTS[problem])


class StageView(QWidget):
    """One preprocessing stage: a caption above a picture."""

    def __init__(self, caption: str, box: int, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = box
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.picture = QLabel()
        self.picture.setFixedSize(box + 2, box + 2)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: black; border: 1px solid #888;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setToolTip(tooltip)

    def show_pixels(self, pixels01: np.ndarray | None, smooth: bool = False) -> None:
        """Show the stage's picture, or an empty black box."""
        if pixels01 is None:
            self.picture.clear()
        else:
            self.picture.setPixmap(gray_pixmap(pixels01, self._box, smooth))


class DrawPanel(QWidget):
    """Draw a digit; see MNIST's preprocessing, the network's answer and its hidden neurons, live."""

    quick_train_requested = Signal()   # the user wants a short default run (the main window starts it)

    def __init__(self, state: AppState, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state, self._controller = state, controller
        self._result: PreprocessResult | None = None
        self._prediction_stale = False   # weights changed while the tab was hidden
        self._rng = np.random.default_rng()
        self._digits = OwnDigits()
        self._build()
        state.weights_changed.connect(self._on_weights_changed)
        state.network_changed.connect(self.show_network)
        state.dataset_changed.connect(self._on_dataset_changed)
        state.training_state_changed.connect(self._on_training_state_changed)
        controller.loss_reported.connect(self._on_loss_reported)
        self.show_network(state.network)
        self.diagram.show_weights(state.weights)
        self._on_dataset_changed(state.dataset)
        self._on_training_state_changed(state.training_state)
        self.open_digits()

    # ---- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.addLayout(self._build_canvas_column(), 0, 0)
        grid.addLayout(self._build_stage_column(), 0, 1)
        grid.addLayout(self._build_answer_column(), 0, 2)
        grid.addWidget(self._build_digits_group(), 1, 0, 1, 3)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(0, 1)

    def _build_canvas_column(self) -> QVBoxLayout:
        self.canvas = DrawingCanvas(self)
        self.canvas.drawing_changed.connect(self._on_drawing_changed)
        self.canvas.label_pressed.connect(self.add_to_digits)
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(int(MIN_BRUSH), int(MAX_BRUSH))
        self.brush_slider.setValue(int(DEFAULT_BRUSH))
        self.brush_slider.setToolTip(translate("gui.panels.draw_panel", "Pen thickness in canvas pixels (the canvas "
                                               "is 280 across; MNIST strokes end up about 2–3 px wide after scaling "
                                               "to 20 px)"))
        self.brush_slider.valueChanged.connect(self._on_brush_changed)
        self.undo_button = _button(translate("gui.panels.draw_panel", "Undo"),
                                   translate("gui.panels.draw_panel", "Take back the last stroke (Ctrl+Z)"),
                                   self.canvas.undo)
        self.clear_button = _button(translate("gui.panels.draw_panel", "Clear"),
                                    translate("gui.panels.draw_panel", "Wipe the canvas (Esc, Delete or right-click)"),
                                    self.canvas.clear)
        self.random_button = _button(translate("gui.panels.draw_panel", "Random test image"),
                                     translate("gui.panels.draw_panel", "Put a real image from the test set on the "
                                               "canvas; you can then draw on it"), self._on_random_clicked)
        pen = QHBoxLayout()
        pen.addWidget(QLabel(translate("gui.panels.draw_panel", "Pen thickness")))
        pen.addWidget(self.brush_slider, 1)
        tools = QHBoxLayout()
        for button in (self.undo_button, self.clear_button, self.random_button):
            tools.addWidget(button)
        self.hint_label = QLabel(translate(CONTEXT, DRAW_HINT))
        self.hint_label.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(_title(translate("gui.panels.draw_panel", "1. Draw a digit")))
        column.addWidget(self.canvas)
        column.addLayout(pen)
        column.addLayout(tools)
        column.addWidget(self.hint_label)
        column.addStretch(1)  # spare height goes below the tools, not between canvas and tools
        return column

    def _build_stage_column(self) -> QVBoxLayout:
        self.crop_view = StageView(translate("gui.panels.draw_panel", "Crop to the ink"), STAGE_BOX,
                                   translate("gui.panels.draw_panel", "The bounding box of everything you drew"))
        self.scale_view = StageView(translate("gui.panels.draw_panel", "Longer side → 20 px"), STAGE_BOX,
                                    translate("gui.panels.draw_panel", "Scaled so the longer side is 20 pixels, "
                                              "keeping the shape; grey edges come from averaging (anti-aliasing), "
                                              "as in MNIST"))
        self.centre_view = StageView(translate("gui.panels.draw_panel", "Centre of mass → middle"), STAGE_BOX,
                                     translate("gui.panels.draw_panel", "Placed in a 28×28 field so that the ink's "
                                               "centre of mass is at the centre pixel (14, 14), exactly as MNIST "
                                               "was made"))
        stages = QHBoxLayout()
        for i, view in enumerate((self.crop_view, self.scale_view, self.centre_view)):
            if i:
                stages.addWidget(_arrow())
            stages.addWidget(view)
        self.seen_view = StageView(translate("gui.panels.draw_panel", "What the network sees (28 × 28)"), SEEN_BOX,
                                   translate("gui.panels.draw_panel", "The final input, normalised as in training: "
                                             "x = (pixel − 0.1307) / 0.3081"))
        self.seen_view.caption.setWordWrap(False)
        self.strips = ActivationStrip(self)
        column = QVBoxLayout()
        column.addWidget(_title(translate("gui.panels.draw_panel", "2. Prepared like MNIST")))
        column.addLayout(stages)
        column.addWidget(self.seen_view, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(_title(translate("gui.panels.draw_panel", "Hidden neurons for this drawing")))
        column.addWidget(self.strips, 1)
        return column

    def _build_answer_column(self) -> QVBoxLayout:
        self.bars = PredictionBars(self)
        self.no_model_label = QLabel(translate(CONTEXT, NO_MODEL_TEXT))
        self.no_model_label.setWordWrap(True)
        self.no_model_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quick_train_button = _button(translate("gui.panels.draw_panel", "Quick train"),
                                          translate("gui.panels.draw_panel", "Train the default network on the "
                                                    "current dataset for one short run, so the canvas has a network "
                                                    "to ask"), self._on_quick_train)
        self.quick_train_button.setMinimumSize(180, 44)
        font = self.quick_train_button.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.quick_train_button.setFont(font)
        no_model = QWidget()
        box = QVBoxLayout(no_model)
        box.addStretch(1)
        box.addWidget(self.no_model_label)
        box.addWidget(self.quick_train_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        self.answer_stack = QStackedWidget()
        self.answer_stack.addWidget(no_model)
        self.answer_stack.addWidget(self.bars)
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setFormat(translate("gui.panels.draw_panel", "Training… %p%"))
        self.progress.setToolTip(translate("gui.panels.draw_panel",
                                           "Progress of the training run; the answer changes as the network learns"))
        self.diagram = NetworkDiagram(self)
        column = QVBoxLayout()
        column.addWidget(_title(translate("gui.panels.draw_panel", "3. The network's answer")))
        column.addWidget(self.answer_stack, 3)
        column.addWidget(self.progress)
        column.addWidget(self.diagram, 2)
        return column

    def _build_digits_group(self) -> QGroupBox:
        group = QGroupBox(translate("gui.panels.draw_panel", "My digits: keep your drawings to train on, or to test "
                                    "a network on your handwriting"))
        self.label_spin = QSpinBox()
        self.label_spin.setRange(0, 9)
        self.label_spin.setToolTip(translate("gui.panels.draw_panel", "The digit you drew (its label)"))
        self.add_button = _button(translate("gui.panels.draw_panel", "Add to my digits"),
                                  translate("gui.panels.draw_panel", "Keep the drawing with the label on the left "
                                            "(or press 0–9 while the canvas has the focus)"), self._on_add_clicked)
        self.count_label = QLabel()
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setFlow(QListWidget.Flow.LeftToRight)
        self.gallery.setWrapping(False)
        self.gallery.setIconSize(QSize(ICON, ICON))
        self.gallery.setFixedHeight(ICON + 44)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.gallery.setToolTip(translate("gui.panels.draw_panel", "Your digits with their labels; 'label→answer' "
                                          "in red: the network read it wrong"))
        QShortcut(QKeySequence.StandardKey.Delete, self.gallery, self._on_delete_clicked,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.delete_button = _button(translate("gui.panels.draw_panel", "Delete"),
                                     translate("gui.panels.draw_panel", "Remove the selected digits (Delete)"),
                                     self._on_delete_clicked)
        self.export_button = _button(translate("gui.panels.draw_panel", "Export…"),
                                     translate("gui.panels.draw_panel",
                                               "Save a copy of your digits to a file, e.g. for your teacher"),
                                     self._on_export_clicked)
        self.import_button = _button(translate("gui.panels.draw_panel", "Import…"),
                                     translate("gui.panels.draw_panel", "Add the digits from a file (e.g. a "
                                               "classmate's); exact duplicates are skipped"), self._on_import_clicked)
        self.test_button = _button(translate("gui.panels.draw_panel", "Test the network on my digits"),
                                   translate("gui.panels.draw_panel", "How many of your digits does the current "
                                             "network read correctly?"), self._on_test_clicked)
        self.test_label = QLabel()
        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("gui.panels.draw_panel", "Label")))
        row.addWidget(self.label_spin)
        left.addLayout(row)
        left.addWidget(self.add_button)
        left.addWidget(self.count_label)
        right = QGridLayout()
        for i, button in enumerate((self.delete_button, self.export_button, self.import_button)):
            right.addWidget(button, 0, i)
        right.addWidget(self.test_button, 1, 0, 1, 3)
        right.addWidget(self.test_label, 2, 0, 1, 3)
        layout = QHBoxLayout(group)
        layout.addLayout(left)
        layout.addWidget(self.gallery, 1)
        layout.addLayout(right)
        return group

    # ---- the drawing ---------------------------------------------------------------------------

    @property
    def result(self) -> PreprocessResult | None:
        return self._result

    @Slot(object)
    def _on_drawing_changed(self, pixels: np.ndarray) -> None:
        self._result = preprocess(pixels)
        if self._result is None:
            self.hint_label.setText(translate(CONTEXT, DRAW_HINT))  # a test image that was on the canvas is gone
        self._show_stages(self._result)
        self._state.set_drawing(None if self._result is None else self._result.model_input)
        self.predict()

    def _show_stages(self, result: PreprocessResult | None) -> None:
        if result is None:
            for view in (self.crop_view, self.scale_view, self.centre_view, self.seen_view):
                view.show_pixels(None)
            return
        self.crop_view.show_pixels(result.cropped, smooth=True)
        self.scale_view.show_pixels(result.scaled_20)
        self.centre_view.show_pixels(result.centred_28)
        self.seen_view.show_pixels(result.centred_28)

    def predict(self) -> None:
        """Ask the current network about the current drawing and show the answer and activations."""
        problem = unusable_problem(self._state.weights, self._state.dataset)
        reason = unusable_reason(self._state.weights, self._state.dataset)
        self.answer_stack.setCurrentIndex(0 if reason else 1)
        self.quick_train_button.setVisible(problem == "no_model")
        self.no_model_label.setText(reason or "")
        if reason or self._result is None:
            self.bars.show_message(translate(CONTEXT, EMPTY_MESSAGE), self.class_names())
            self.strips.show_activations(None)
            self.diagram.show_activations(None)
            return
        output = forward(self._state.weights, self._result.model_input)
        self.bars.show_probabilities(output.probabilities, self.class_names())
        self.strips.show_activations(output.activations[:-1])
        self.diagram.show_activations(list(output.activations))

    def class_names(self) -> tuple[str, ...]:
        """The current dataset's class names (digits when there is none)."""
        dataset = self._state.dataset
        return tuple(dataset.class_names) if dataset is not None and dataset.is_image else DIGIT_NAMES

    @Slot(int)
    def _on_brush_changed(self, width: int) -> None:
        self.canvas.set_brush_width(width)

    @Slot()
    def _on_random_clicked(self) -> None:
        dataset = self._state.dataset
        index = int(self._rng.integers(len(dataset.x_test)))
        label = self.class_names()[int(dataset.y_test[index])]
        self.canvas.set_pixels(to_pixels(dataset.x_test[index]))
        self.hint_label.setText(translate("gui.panels.draw_panel", "Test image #{number} of {dataset}, labelled "
                                          "“{label}”. Draw on it to change it; Clear to start again.").format(
                                              number=index + 1, dataset=dataset.name, label=label))

    # ---- the network and the data --------------------------------------------------------------

    @Slot(object)
    def show_network(self, spec: NetworkSpec) -> None:
        """Follow a new network design (its layers for the strips and the diagram)."""
        self.diagram.show_network(spec)
        self.strips.show_layers(layer_titles(spec))
        self.predict()

    @Slot(object)
    def _on_weights_changed(self, weights: WeightsReport | None) -> None:
        self.diagram.show_weights(weights)
        if self.isVisible():
            self.predict()
        else:   # training sends weights 4× a second: a hidden tab answers when it is shown
            self._prediction_stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._prediction_stale:
            self._prediction_stale = False
            self.predict()

    @Slot(object)
    def _on_dataset_changed(self, dataset) -> None:
        usable = dataset is not None and dataset.is_image and len(dataset.x_test) > 0
        self.random_button.setEnabled(usable)
        self.diagram.set_class_names(self.class_names())
        self.predict()

    @Slot(str)
    def _on_training_state_changed(self, training_state: str) -> None:
        self.progress.setVisible(training_state == "running")

    @Slot(object)
    def _on_loss_reported(self, report: LossReport) -> None:
        with QSignalBlocker(self.progress):
            self.progress.setValue(progress_value(report))

    @Slot()
    def _on_quick_train(self) -> None:
        self.no_model_label.setText(translate("gui.panels.draw_panel", "Quick training started: the answer appears "
                                              "as soon as the network has its first weights."))
        self.quick_train_requested.emit()

    # ---- my digits -----------------------------------------------------------------------------

    @property
    def digits(self) -> OwnDigits:
        return self._digits

    def open_digits(self) -> None:
        """Load the saved collection; a damaged file is kept aside (never overwritten) and reported."""
        try:
            self._digits = OwnDigits.open()
        except StudioError as exc:
            self._digits = OwnDigits()
            dialogs.show_error(self, f"{exc} {self._set_aside()}")
        self._fill_gallery()

    def _set_aside(self) -> str:
        try:
            kept = set_aside_damaged(self._digits.path)
        except (OSError, StudioError):
            return translate("gui.panels.draw_panel",
                             "It was left where it is; new digits are not saved until it is moved away.")
        return translate("gui.panels.draw_panel",
                         "It was kept as {name}, and a new, empty collection was started.").format(name=kept.name)

    @Slot(int)
    def add_to_digits(self, label: int) -> None:
        """Keep the current drawing with `label` in my digits (saved at once), then clear the canvas."""
        if self._result is None:
            dialogs.show_error(self, translate("gui.panels.draw_panel",
                                               "Draw a digit first, then add it to your digits with its label."))
            return
        try:
            self._digits.add(self.canvas.pixels(), label)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._append_item(len(self._digits) - 1)
        self.canvas.clear()
        self._show_count(translate("gui.panels.draw_panel", "Added a {label}.").format(label=label))

    @Slot()
    def _on_add_clicked(self) -> None:
        self.add_to_digits(self.label_spin.value())

    @Slot()
    def _on_delete_clicked(self) -> None:
        rows = sorted((self.gallery.row(item) for item in self.gallery.selectedItems()), reverse=True)
        try:
            for row in rows:
                self._digits.remove(row)
                self.gallery.takeItem(row)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
        self._show_count(translate("gui.panels.draw_panel", "Deleted {count}.").format(count=len(rows)) if rows
                         else translate("gui.panels.draw_panel", "Select digits to delete first."))

    @Slot()
    def _on_export_clicked(self) -> None:
        path = ask_export_path(self)
        if path is None:
            return
        try:
            self._digits.export_to(path)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        dialogs.show_notice(self, translate("gui.panels.draw_panel", "Exported {count} digits to {path}.").format(
            count=len(self._digits), path=path))

    @Slot()
    def _on_import_clicked(self) -> None:
        path = ask_import_path(self)
        if path is None:
            return
        try:
            added = self._digits.import_from(path)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._fill_gallery()
        self._show_count(translate("gui.panels.draw_panel", "Imported {count} new digits.").format(count=added))

    @Slot()
    def _on_test_clicked(self) -> None:
        reason = unusable_reason(self._state.weights, self._state.dataset)
        if reason or not len(self._digits):
            dialogs.show_error(self, reason.split("\n")[0] if reason
                               else translate("gui.panels.draw_panel", "Add some digits first."))
            return
        result = evaluate_digits(self._state.weights, self._digits.images, self._digits.labels)
        self.test_label.setText(translate("gui.panels.draw_panel", "The network reads {correct} of your {total} "
                                          "digits ({accuracy:.0%}).").format(
                                              correct=result.correct, total=result.total, accuracy=result.accuracy))
        self._mark_gallery(result.predictions)

    def _fill_gallery(self) -> None:
        self.gallery.clear()
        for index in range(len(self._digits)):
            self._append_item(index)
        self._show_count("")

    def _append_item(self, index: int) -> None:
        image = self._digits.images[index] / np.float32(255.0)
        item = QListWidgetItem(QIcon(gray_pixmap(image, ICON)), str(int(self._digits.labels[index])))
        item.setToolTip(translate("gui.panels.draw_panel", "Label {label}").format(
            label=int(self._digits.labels[index])))
        self.gallery.addItem(item)

    def _mark_gallery(self, predictions: np.ndarray) -> None:
        for row, (label, guess) in enumerate(zip(self._digits.labels, predictions)):
            item = self.gallery.item(row)
            wrong = int(label) != int(guess)
            item.setText(f"{label}→{guess}" if wrong else str(label))
            item.setForeground(QColor(200, 0, 0) if wrong else QColor(0, 0, 0))

    def _show_count(self, news: str) -> None:
        counts = self._digits.counts()
        self.count_label.setText(translate("gui.panels.draw_panel", "{news}\n{count} digits saved.").format(
            news=news, count=len(self._digits)))
        each = ", ".join(translate("gui.panels.draw_panel", "{count} × “{digit}”").format(count=n, digit=d)
                         for d, n in enumerate(counts) if n)
        self.count_label.setToolTip(translate("gui.panels.draw_panel", "How many of each: {counts}").format(
            counts=each or translate("gui.panels.draw_panel", "none yet")))


def _button(text: str, tooltip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tooltip)
    button.clicked.connect(slot)
    return button


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + 3)
    font.setBold(True)
    label.setFont(font)
    return label


def _arrow() -> QLabel:
    label = QLabel("→")
    font = label.font()
    font.setPointSize(font.pointSize() + 8)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
    return label
