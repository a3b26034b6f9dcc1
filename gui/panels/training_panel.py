"""Training: settings, Train/Pause/Step/Stop/Reset, and every live view of the run."""
from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import default_spec
from core.overfitting import overfit_presets
from core.reports import (LOSS_LABELS, LOSSES, OPTIMIZER_LABELS, OPTIMIZERS, DivergenceReport, EpochReport,
                          FinishedReport, LossReport, WarningReport, WeightsReport)
from core.training_job import TrainingJob
from gui import dialogs
from gui.app_state import AppState
from gui.training_controller import TrainingController
from gui.view_pacer import ViewPacer
from gui.widgets.augmentation_controls import AugmentationControls
from gui.widgets.batch_size_control import BatchSizeControl
from gui.widgets.decision_view import DecisionView
from gui.widgets.epoch_curves import EpochCurves
from gui.widgets.learning_rate_control import LearningRateControl
from gui.widgets.loss_plot import LossPlot
from gui.widgets.regularisation_controls import RegularisationControls
from gui.widgets.results_view import ResultsView
from gui.widgets.weight_heatmap import GradientNormPlot, WeightsView


LOSS_REDRAW_S = 0.1      # the loss curve grows at up to 10 Hz
WEIGHTS_REDRAW_S = 0.25  # heatmaps, gradient norms and the decision boundary at up to 4 Hz
MIN_COLUMN_WIDTH = 330   # px: the settings column's width on a small screen
COLUMN_SHARE = 0.3       # at most this share of the window's width for the settings column
EPOCHS_REDRAW_S = 0.2    # one-batch epochs (caveman, batch = all) come hundreds a second
CONTEXT = "gui.panels.training_panel"
OUTCOME_WORDS = {"completed": QT_TRANSLATE_NOOP("gui.panels.training_panel", "completed"),
                 "early_stopped": QT_TRANSLATE_NOOP("gui.panels.training_panel", "early stopped"),
                 "diverged": QT_TRANSLATE_NOOP("gui.panels.training_panel", "diverged")}


def shown_label(labels: dict[str, str], name: str) -> str:
    """An optimizer's or loss's label in the app's language (core.reports marks them); the name stays item data."""
    return translate("core.reports", labels[name])


def format_progress(report: LossReport, epochs: int, steps_per_epoch: int, batch_size: int) -> str:
    """'Epoch 2/5 · step 340/4,300 · 12,400 samples/s · ETA 0:21'."""
    remaining = report.total_steps - report.step
    eta = ""
    if report.samples_per_s > 0 and remaining > 0:
        seconds = remaining * batch_size / report.samples_per_s
        eta = translate("gui.panels.training_panel", " · ETA {minutes}:{seconds:02d}").format(
            minutes=int(seconds // 60), seconds=int(seconds % 60))
    epoch = min(report.step // max(steps_per_epoch, 1) + 1, epochs)
    text = translate("gui.panels.training_panel",
                     "Epoch {epoch}/{epochs} · step {step:,}/{total:,} · {rate:,.0f} samples/s{eta}")
    return text.format(epoch=epoch, epochs=epochs, step=report.step, total=report.total_steps,
                       rate=report.samples_per_s, eta=eta)


class Banner(QFrame):
    """A coloured message strip with an optional action button (divergence, warnings)."""

    action_clicked = Signal()

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"Banner {{ background: {colour}; border-radius: 4px; }} QLabel {{ color: black; }}")
        self._text = QLabel()
        self._text.setWordWrap(True)
        self._button = QPushButton()
        self._button.setToolTip(translate("gui.panels.training_panel", "Do what the message suggests."))
        self._button.clicked.connect(self.action_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._button)
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    def show_message(self, text: str, action: str = "", tooltip: str = "") -> None:
        self._text.setText(text)
        self._button.setText(action)
        self._button.setToolTip(tooltip)
        self._button.setVisible(bool(action))
        self.show()


class FittingScrollArea(QScrollArea):
    """Scrolls its column up and down, and is as wide as the column wants to be (up to 30 % of the window).

    French labels and presentation mode's larger fonts make the settings wider; a fixed minimum
    width cut them off behind a horizontal scroll bar. Only on a screen too small for the whole
    column does the scroll bar come back, rather than the window growing past the screen.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self._width = 0
        content.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        width = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        limit = max(MIN_COLUMN_WIDTH, int(COLUMN_SHARE * self.window().width()))
        return QSize(min(width + 2 * self.frameWidth(), limit), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._follow_width()  # the limit follows the window's width

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._follow_width()  # fonts or language changed the column: tell the splitter
        return super().eventFilter(watched, event)

    def _follow_width(self) -> None:
        # only when the width really changed: the progress text changes the column's layout ten times a
        # second while training, and an updateGeometry each time re-laid out (and repainted) every plot
        width = self.minimumSizeHint().width()
        if width != self._width:
            self._width = width
            self.updateGeometry()


class TrainingPanel(QWidget):
    """Settings and controls on the left, live curves, weights and results on the right."""

    samples_per_s_changed = Signal(float)

    def __init__(self, state: AppState, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state, self._controller = state, controller
        self._job: TrainingJob | None = None
        self._initial_layers: tuple | None = None
        self._intent = "train"          # what the running thread is for: train, step, pause, stop, finish, reset
        self._results_due: FinishedReport | None = None   # shown one event-loop turn after the last plots
        self._diverged = False
        # reports wait here until the pacer hands them to the views (nothing is dropped)
        self._loss_backlog: list[LossReport] = []
        self._weights_latest: WeightsReport | None = None
        self._grad_backlog: list[WeightsReport] = []
        self._epoch_backlog: list[EpochReport] = []
        self.pacer = ViewPacer(self)
        self.pacer.add("loss", self._flush_loss, LOSS_REDRAW_S)
        self.pacer.add("weights", self._flush_weights, WEIGHTS_REDRAW_S)
        self.pacer.add("epochs", self._flush_epochs, EPOCHS_REDRAW_S)
        self.pacer.add("epoch_metric", self._flush_epoch_metric, EPOCHS_REDRAW_S)
        self._build_controls()
        self._build_views()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._controls_scroll)
        splitter.addWidget(self._views)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 1000])
        QVBoxLayout(self).addWidget(splitter)
        self._connect()
        self.show_config(state.config)
        self.show_dataset(state.dataset)
        self._update_buttons()

    # ---- construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.lr_control = LearningRateControl(self._state.config.learning_rate)
        self.batch_control = BatchSizeControl(self._state.config.batch_size)
        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:  # the shown label may be translated; the item data is the optimizer's name
            self.optimizer_combo.addItem(shown_label(OPTIMIZER_LABELS, name), name)
        self.optimizer_combo.setToolTip(translate("gui.panels.training_panel",
                                                  "How each step uses the gradient: SGD w ← w − η·g; momentum keeps a "
                                                  "velocity v ← 0.9·v + g; RMSProp and Adam scale steps per weight."))
        self.loss_combo = QComboBox()
        for name in LOSSES:
            self.loss_combo.addItem(shown_label(LOSS_LABELS, name), name)
        self.loss_combo.setToolTip(translate("gui.panels.training_panel",
                                             "What is minimised: cross-entropy −log p(correct class); MSE mean "
                                             "(ŷ − y)²; MAE mean |ŷ − y|."))
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 10_000)
        self.epochs_spin.setToolTip(translate("gui.panels.training_panel",
                                              "An epoch is one pass over the whole training set."))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setToolTip(translate("gui.panels.training_panel",
                                            "Random seed for the initial weights and the order of samples: same seed, "
                                            "same run."))
        form = QFormLayout()
        form.addRow(translate("gui.panels.training_panel", "Learning rate η"), self.lr_control)
        form.addRow(translate("gui.panels.training_panel", "Batch size"), self.batch_control)
        form.addRow(translate("gui.panels.training_panel", "Optimizer"), self.optimizer_combo)
        form.addRow(translate("gui.panels.training_panel", "Loss"), self.loss_combo)
        form.addRow(translate("gui.panels.training_panel", "Epochs"), self.epochs_spin)
        form.addRow(translate("gui.panels.training_panel", "Seed"), self.seed_spin)
        settings = QGroupBox(translate("gui.panels.training_panel", "Settings"))
        settings.setLayout(form)
        self.train_button = QPushButton(translate("gui.panels.training_panel", "Train"))
        self.train_button.setToolTip(translate("gui.panels.training_panel",
                                               "Start or continue training (Space); press again to pause."))
        self.step_button = QPushButton(translate("gui.panels.training_panel", "Step"))
        self.step_button.setToolTip(translate("gui.panels.training_panel",
                                              "Train on exactly one batch, then pause (S)."))
        self.stop_button = QPushButton(translate("gui.panels.training_panel", "Stop"))
        self.stop_button.setToolTip(translate("gui.panels.training_panel",
                                              "End the run and measure the test accuracy."))
        self.reset_button = QPushButton(translate("gui.panels.training_panel", "Reset weights"))
        self.reset_button.setToolTip(translate("gui.panels.training_panel",
                                               "Throw the trained weights away and start again from random ones (R)."))
        buttons = QGridLayout()
        for i, button in enumerate((self.train_button, self.step_button, self.stop_button, self.reset_button)):
            buttons.addWidget(button, i // 2, i % 2)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setToolTip(translate("gui.panels.training_panel", "How much of the run is done."))
        self.progress_label = QLabel(translate("gui.panels.training_panel", "Ready"))
        self.progress_label.setWordWrap(True)
        self.progress_label.setToolTip(translate("gui.panels.training_panel",
                                                 "Epoch, step, speed and time left of the current run."))
        box = QWidget()
        column = QVBoxLayout(box)
        column.addWidget(settings)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.progress_label)
        column.addWidget(self._build_overfitting())
        column.addStretch(1)
        self._controls_scroll = FittingScrollArea(box)

    def _build_overfitting(self) -> QGroupBox:
        """L1/L2, early stopping, training-set size, augmentation and the 'Overfit me' experiment."""
        self.regularisation = RegularisationControls(self._state.config)
        self.augmentation = AugmentationControls(self._state.config.augmentation)
        self.overfit_button = QPushButton(translate("gui.panels.training_panel", "Overfit me"))
        self.overfit_button.setToolTip(translate("gui.panels.training_panel",
                                                 "200 training images, a wide 512-512 network, no regularisation, 100 "
                                                 "epochs: watch validation loss rise while training loss falls."))
        self.cure_button = QPushButton(translate("gui.panels.training_panel", "…then cure it"))
        self.cure_button.setToolTip(translate("gui.panels.training_panel",
                                              "The same experiment with L2, dropout 0.5 and early stopping; the "
                                              "previous run stays on the curves as a dotted reference."))
        presets = QHBoxLayout()
        presets.addWidget(self.overfit_button)
        presets.addWidget(self.cure_button)
        group = QGroupBox(translate("gui.panels.training_panel", "Fight overfitting"))
        layout = QVBoxLayout(group)
        layout.addLayout(presets)
        layout.addWidget(self.regularisation)
        layout.addWidget(QLabel(translate("gui.panels.training_panel", "Data augmentation (image data only):")))
        layout.addWidget(self.augmentation)
        return group

    def _build_views(self) -> None:
        self.divergence_banner = Banner("#f6c6a8")
        self.warning_banner = Banner("#fbe7a1")
        self.loss_plot = LossPlot()
        self.epoch_curves = EpochCurves()
        self.weights_view = WeightsView()
        self.grad_plot = GradientNormPlot()
        self.decision_view = DecisionView()
        self.results_view = ResultsView()
        self.view_tabs = QTabWidget()
        self.view_tabs.addTab(self.weights_view, translate("gui.panels.training_panel", "Weights"))
        self.view_tabs.addTab(self.decision_view, translate("gui.panels.training_panel", "Decision / fit"))
        self.view_tabs.addTab(self.grad_plot, translate("gui.panels.training_panel", "Gradient norms"))
        self.view_tabs.addTab(self.results_view, translate("gui.panels.training_panel", "Test results"))
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.loss_plot)
        top.addWidget(self.epoch_curves)
        top.setSizes([450, 650])
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(top)
        vertical.addWidget(self.view_tabs)
        vertical.setSizes([330, 470])
        self._views = QWidget()
        layout = QVBoxLayout(self._views)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.divergence_banner)
        layout.addWidget(self.warning_banner)
        layout.addWidget(vertical, 1)

    def _connect(self) -> None:
        self.train_button.clicked.connect(self.train_or_pause)
        self.step_button.clicked.connect(self.step_once)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button.clicked.connect(self.reset)
        self.lr_control.learning_rate_changed.connect(self._on_learning_rate_changed)
        self.lr_control.invalid_entered.connect(self._on_invalid_input)
        self.batch_control.batch_size_changed.connect(self._on_settings_edited)
        self.optimizer_combo.activated.connect(self._on_settings_edited)
        self.loss_combo.activated.connect(self._on_settings_edited)
        self.epochs_spin.editingFinished.connect(self._on_settings_edited)
        self.seed_spin.editingFinished.connect(self._on_settings_edited)
        self.divergence_banner.action_clicked.connect(self.retry_smaller_lr)
        self.regularisation.regularisation_changed.connect(self._on_regularisation_changed)
        self.augmentation.augmentation_changed.connect(self._on_augmentation_changed)
        self.overfit_button.clicked.connect(self._on_overfit_clicked)
        self.cure_button.clicked.connect(self._on_cure_clicked)
        self._state.config_changed.connect(self.show_config)
        self._state.dataset_changed.connect(self.show_dataset)
        self._state.network_changed.connect(self._on_network_changed)
        c = self._controller
        c.loss_reported.connect(self._on_loss)
        c.weights_reported.connect(self._on_weights)
        c.epochs_reported.connect(self._on_epochs)
        c.diverged.connect(self._on_diverged)
        c.warned.connect(self._on_warned)
        c.run_finished.connect(self._on_run_finished)
        c.failed.connect(self._on_failed)
        c.finished.connect(self._on_thread_finished)

    # ---- views follow the state -----------------------------------------------------------------
    @Slot(object)
    def show_config(self, config) -> None:
        """Write the settings into the widgets without echoing them back as edits."""
        self.lr_control.set_learning_rate(config.learning_rate)
        self.batch_control.set_batch_size(config.batch_size)
        for combo, value in ((self.optimizer_combo, config.optimizer), (self.loss_combo, config.loss)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(value))
        for spin, value in ((self.epochs_spin, config.epochs), (self.seed_spin, config.seed)):
            with QSignalBlocker(spin):
                spin.setValue(value)
        self.regularisation.set_values(config)
        self.augmentation.set_augmentation(config.augmentation)

    @Slot(object)
    def show_dataset(self, dataset) -> None:
        n_train = len(dataset.x_train) if dataset is not None else None
        self.batch_control.set_training_size(n_train)
        self.regularisation.set_available(n_train)
        self.augmentation.set_dataset(dataset)
        if dataset is not None:
            self.decision_view.show_dataset(dataset)
            if dataset.task == "classification":  # the confusion matrix's grid is built before a run ends
                self.results_view.confusion_plot.prepare(len(dataset.class_names))
        self._discard_job()

    @Slot(object)
    def _on_network_changed(self, spec) -> None:
        self._discard_job()

    def _discard_job(self) -> None:
        """Data or network changed: the next Train starts a fresh run."""
        if self._controller.is_running:
            return
        self._job = None
        self._initial_layers = None
        self._clear_views(keep_reference=False)
        dataset = self._state.dataset
        if dataset is not None:
            self.weights_view.show_network(self._state.network, dataset.input_shape)
        self._state.set_training_state("idle")
        self._update_buttons()

    # ---- actions (buttons, menus and shortcuts) ---------------------------------------------------
    @Slot()
    def train_or_pause(self) -> None:
        """Space: start or continue training; while it runs, pause."""
        if self._controller.is_running:
            if self._intent == "train":
                self._intent = "pause"
                self._controller.request_stop()
            return
        job = self._ready_job()
        if job is not None:
            self._start(job.train_source(), "train")

    @Slot()
    def step_once(self) -> None:
        """S: train on one batch, then pause."""
        if self._controller.is_running:
            return
        job = self._ready_job()
        if job is not None:
            self._start(job.train_source(max_steps=1), "step")

    @Slot()
    def stop(self) -> None:
        """End the run now and show the test figures."""
        if self._controller.is_running:
            self._intent = "stop"
            self._controller.request_stop()
        elif self._job is not None and self._job.started and not self._job.finished:
            self._start(self._job.finish_source(), "finish")

    @Slot()
    def reset(self) -> None:
        """R: forget the trained weights; the next run starts from new random ones."""
        if self._controller.is_running:
            self._intent = "reset"
            self._controller.request_stop()
            return
        self._job = None
        self._initial_layers = None
        self._clear_views(keep_reference=True)
        self._state.set_weights(None)
        self._state.set_training_state("idle")
        self._update_buttons()

    def set_initial_weights(self, layers: tuple) -> None:
        """Weights loaded from a file: the next run continues from them instead of random ones."""
        self._job = None
        self._initial_layers = layers
        self._update_buttons()

    @Slot()
    def start_quick_train(self) -> None:
        """The Draw panel's Quick train: the default network, one epoch of Adam."""
        if self._controller.is_running:
            return
        if self._state.dataset is None or not self._state.dataset.is_image:
            dialogs.show_error(self, translate("gui.panels.training_panel",
                                               "Quick train needs digit images: choose MNIST or Synthetic digits in "
                                               "the Data tab, then press Quick train again."))
            return
        dataset = self._state.dataset
        try:
            self._state.set_network(default_spec(dataset.input_size, dataset.num_outputs, dataset.task))
            self._state.set_config(self._state.config.with_changes(
                optimizer="adam", learning_rate=3e-3, batch_size=min(64, len(dataset.x_train)), epochs=1))
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._job = None
        self.train_or_pause()

    @Slot()
    def retry_smaller_lr(self) -> None:
        """The divergence banner's button: same run from scratch at a 10× smaller learning rate."""
        lr = max(self._state.config.learning_rate / 10, 1e-5)
        self._state.set_config(self._state.config.with_changes(learning_rate=lr))
        self.reset()
        self.train_or_pause()

    def _ready_job(self) -> TrainingJob | None:
        """The current job, or a new one (validated now so errors show before anything runs)."""
        if self._job is not None and not self._job.finished:
            return self._job
        if self._state.dataset is None:
            dialogs.show_error(self, translate("gui.panels.training_panel",
                                               "Load a dataset first (Data tab), then train."))
            return None
        try:
            job = TrainingJob(self._state.network, self._state.dataset, self._state.config, self._initial_layers)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return None
        self._job = job
        self._clear_views(keep_reference=True)
        self.loss_plot.start_run(job.total_steps)
        self.loss_plot.show_penalty(job.config.l1, job.config.l2)
        self.epoch_curves.start_run(job.config.epochs)
        return job

    def _start(self, source, intent: str) -> None:
        # Python's full garbage collections scan every object (Qt wrappers, pyqtgraph items, torch's
        # modules) and stop both threads for 100-170 ms in the middle of a run; objects that exist now
        # live as long as the window, so they leave the collector's scans. Garbage is collected first:
        # frozen garbage would never be freed (a soak froze ~6 classes torch.save made per save). Only
        # objects made since the last freeze are scanned, so this takes a few ms.
        gc.collect()
        gc.freeze()
        if self._controller.start(source):
            self._intent = intent
            self._state.set_training_state("running")
            self._update_buttons()

    def _clear_views(self, keep_reference: bool) -> None:
        self._diverged = False
        self._results_due = None
        self.pacer.discard()
        self._loss_backlog.clear()
        self._weights_latest = None
        self._grad_backlog.clear()
        self._epoch_backlog.clear()
        self.loss_plot.clear_history()
        self.epoch_curves.start_new_run(keep_reference)
        self.grad_plot.clear_history()
        self.results_view.clear()
        self.divergence_banner.hide()
        self.warning_banner.hide()
        self.progress.setValue(0)
        self.progress_label.setText(translate("gui.panels.training_panel", "Ready"))

    def _update_buttons(self) -> None:
        running = self._controller.is_running
        started = self._job is not None and self._job.started and not self._job.finished
        if running:
            self.train_button.setText(translate("gui.panels.training_panel", "Pause"))
        elif started:
            self.train_button.setText(translate("gui.panels.training_panel", "Continue"))
        else:
            self.train_button.setText(translate("gui.panels.training_panel", "Train"))
        self.step_button.setEnabled(not running)
        self.stop_button.setEnabled(running or started)
        for widget in (self.batch_control, self.optimizer_combo, self.loss_combo, self.epochs_spin, self.seed_spin,
                       self.regularisation, self.augmentation):
            widget.setEnabled(not running)
        images = self._state.dataset is not None and self._state.dataset.is_image
        for button in (self.overfit_button, self.cure_button):
            button.setEnabled(images and not running)

    # ---- settings edits ------------------------------------------------------------------------
    @Slot(float)
    def _on_learning_rate_changed(self, lr: float) -> None:
        """The learning rate may change while training runs: the next step uses it."""
        try:
            self._state.set_config(self._state.config.with_changes(learning_rate=lr))
            if self._job is not None:
                self._job.set_learning_rate(lr)
        except StudioError as exc:
            self._on_invalid_input(str(exc))

    @Slot()
    def _on_settings_edited(self) -> None:
        config = self._state.config.with_changes(
            batch_size=self.batch_control.value, optimizer=self.optimizer_combo.currentData(),
            loss=self.loss_combo.currentData(), epochs=self.epochs_spin.value(), seed=self.seed_spin.value())
        self.apply_config(config)

    def apply_config(self, config) -> None:
        """Store edited settings; a paused run is discarded because its optimizer no longer matches."""
        if config == self._state.config:
            return
        try:
            self._state.set_config(config)
        except StudioError as exc:
            self._on_invalid_input(str(exc))
            return
        if self._job is not None and not self._controller.is_running:
            self._job = None
            self._update_buttons()

    @Slot(dict)
    def _on_regularisation_changed(self, values: dict) -> None:
        self.apply_config(self._state.config.with_changes(**values))

    @Slot(object)
    def _on_augmentation_changed(self, augmentation) -> None:
        self.apply_config(self._state.config.with_changes(augmentation=augmentation))

    @Slot()
    def _on_overfit_clicked(self) -> None:
        self.run_overfit_preset(0)

    @Slot()
    def _on_cure_clicked(self) -> None:
        self.run_overfit_preset(1)

    def run_overfit_preset(self, which: int) -> None:
        """Set up and start the overfitting experiment (0) or its cure (1)."""
        dataset = self._state.dataset
        if self._controller.is_running or dataset is None:
            return
        spec, config = list(overfit_presets(dataset.input_size, dataset.num_outputs).values())[which]
        try:
            self._state.set_network(spec)
            self._state.set_config(config)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._job = None
        self.train_or_pause()

    @Slot(str)
    def _on_invalid_input(self, message: str) -> None:
        dialogs.show_error(self, message)
        self.show_config(self._state.config)

    # ---- reports from the training thread ----------------------------------------------------------
    @Slot(object)
    def _on_loss(self, report: LossReport) -> None:
        self._loss_backlog.append(report)
        self.pacer.mark("loss")

    @Slot(object)
    def _on_weights(self, report: WeightsReport) -> None:
        self._weights_latest = report
        self._grad_backlog.append(report)
        self.pacer.mark("weights")

    @Slot(object)
    def _on_epochs(self, reports: tuple[EpochReport, ...]) -> None:
        self._epoch_backlog.extend(reports)
        self.pacer.mark("epochs")

    def _flush_loss(self) -> None:
        reports, self._loss_backlog = self._loss_backlog, []
        if not reports:
            return
        self.loss_plot.add_reports(reports)
        report, job = reports[-1], self._job
        if job is not None:
            per_epoch = job.total_steps // job.config.epochs
            self.progress_label.setText(format_progress(report, job.config.epochs, per_epoch, job.batch_size))
        self.progress.setValue(int(1000 * report.step / max(report.total_steps, 1)))
        self.samples_per_s_changed.emit(report.samples_per_s)

    def _flush_weights(self) -> None:
        report, reports = self._weights_latest, self._grad_backlog
        self._weights_latest, self._grad_backlog = None, []
        if report is None:
            return
        self._state.set_weights(report)
        self.weights_view.show_weights(report)
        self.grad_plot.show_grad_norm_series([r.step for r in reports], [r.grad_norms for r in reports])
        if self.decision_view.is_applicable:
            self.decision_view.show_weights(report)

    def _flush_epochs(self) -> None:
        reports, self._epoch_backlog = self._epoch_backlog, []
        if reports:
            self.epoch_curves.add_epochs(reports, defer_metric=True)
            self.pacer.mark("epoch_metric", urgent=True)   # the next tick: one plot's repaint per turn

    def _flush_epoch_metric(self) -> None:
        self.epoch_curves.flush_metric()

    @Slot(object)
    def _on_diverged(self, report: DivergenceReport) -> None:
        self.pacer.flush_all()
        self._diverged = True
        self.loss_plot.mark_divergence(report.step)
        message = translate("gui.panels.training_panel", "Training diverged at step {step}. {message}")
        retry = translate("gui.panels.training_panel", "Retry at η = {rate:g}")
        self.divergence_banner.show_message(
            message.format(step=report.step, message=report.message),
            retry.format(rate=max(report.learning_rate / 10, 1e-5)),
            translate("gui.panels.training_panel",
                      "Start again from new random weights with a learning rate 10× smaller."))

    @Slot(object)
    def _on_warned(self, report: WarningReport) -> None:
        message = translate("gui.panels.training_panel", "Step {step}: {message}")
        self.warning_banner.show_message(message.format(step=report.step, message=report.message))

    @Slot(object)
    def _on_run_finished(self, report: FinishedReport) -> None:
        self.pacer.flush_all()
        # the test results (confusion matrix, gallery) repaint on the next turn, not in the same pass
        # as the plots' last points: together they held the event loop for 45-55 ms
        self._results_due = report
        QTimer.singleShot(0, self._show_results_due)
        if report.outcome == "early_stopped":
            self.epoch_curves.mark_best_epoch(report.best_epoch)
        self.progress.setValue(1000)
        outcome = OUTCOME_WORDS.get(report.outcome, report.outcome.replace("_", " "))
        done = translate("gui.panels.training_panel", "Done: {outcome} after {steps:,} steps")
        self.progress_label.setText(done.format(outcome=translate(CONTEXT, outcome), steps=report.step))

    @Slot()
    def _show_results_due(self) -> None:
        report, self._results_due = self._results_due, None
        if report is None:
            return
        if self._state.dataset is not None:
            self.results_view.show_results(report, self._state.dataset)
        if report.outcome != "diverged":
            self.view_tabs.setCurrentWidget(self.results_view)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        dialogs.show_error(self, message)
        self._job = None

    @Slot(str)
    def _on_thread_finished(self, outcome: str) -> None:
        self.pacer.flush_all()
        self._show_results_due()
        intent = self._intent
        if intent == "stop" and self._job is not None and outcome != "failed" and not self._job.finished:
            self._start(self._job.finish_source(), "finish")
            return
        if intent == "reset":
            self.reset()
            return
        job = self._job
        if job is None or not job.started:
            state = "idle"
        elif job.finished:
            state = "diverged" if self._diverged else "finished"
        else:
            state = "paused"
        self._state.set_training_state(state)
        self._update_buttons()
