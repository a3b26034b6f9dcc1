"""The main window: assembles panels, menus, shortcuts, the lesson dock and the status bar."""
from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QMainWindow, QTabWidget, QWidget

from core.codegen import pytorch_script
from core.errors import StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import parameter_count
from core.settings import TABS, TrainingDefaults, UiSettings
from core.training_job import warm_up_source
from gui import dialogs, file_actions
from gui.app_state import AppState
from gui.code_dialog import CodeDialog
from gui.export import export_loss_csv, export_plot
from gui.file_actions import ModelFiles, weights_of
from gui.glossary import GlossaryDialog
from gui.i18n import LANGUAGE_NAMES, current_language
from gui.lesson_actions import action_pending, apply_lesson_action
from gui.panels.data_panel import DataPanel
from gui.panels.designer_panel import DesignerPanel
from gui.lazy_tab import LazyTab
from gui.panels.lesson_panel import LessonPanel
from gui.panels.training_panel import TrainingPanel
from gui.presentation import apply_presentation, presentation_enabled
from gui.settings_store import SettingsStore
from gui.training_controller import BackgroundRunner, TrainingController

CONTEXT = "gui.main_window"
STATE_WORDS = {"idle": QT_TRANSLATE_NOOP("gui.main_window", "not trained"),
               "running": QT_TRANSLATE_NOOP("gui.main_window", "training…"),
               "paused": QT_TRANSLATE_NOOP("gui.main_window", "paused"),
               "finished": QT_TRANSLATE_NOOP("gui.main_window", "trained"),
               "diverged": QT_TRANSLATE_NOOP("gui.main_window", "diverged")}
FIGURE_FILTER = QT_TRANSLATE_NOOP("gui.main_window", "PNG image (*.png);;SVG drawing (*.svg)")


class MainWindow(QMainWindow):
    """One tab per activity; menus and shortcuts call the panels' public actions."""

    def __init__(self, parent: QWidget | None = None, auto_load: bool = True,
                 settings: SettingsStore | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("MLP Studio")
        self.resize(1400, 900)
        self.settings = settings or SettingsStore()
        self.state = AppState(self)
        self.controller = TrainingController(self)
        self.model_files = ModelFiles(self.state, self)
        self._build_panels()
        self._build_lesson_dock()
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._pending_lesson: dict | None = None
        self._language = current_language()
        self._closing = False
        self._restore_settings()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # logout / app.quit() without a close event
        self.warm_up = BackgroundRunner(self)
        if auto_load:
            QTimer.singleShot(0, self.data_panel.load_default)
            QTimer.singleShot(300, self.start_warm_up)

    # ---- assembly -------------------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.data_panel = DataPanel(self.state)
        self.designer_panel = DesignerPanel(self.state)
        self.training_panel = TrainingPanel(self.state, self.controller)  # eager: reports arrive while hidden
        # built on first show: the window appears sooner (these panels read the state when they are made)
        self._draw_tab = LazyTab(self._make_draw_panel)
        self._terrain_tab = LazyTab(self._make_terrain_panel)
        self._inside_tab = LazyTab(self._make_inside_panel)
        self.tabs = QTabWidget()
        pages = ((self.data_panel, translate("gui.main_window", "Data"),
                  translate("gui.main_window", "Choose and inspect the data")),
                 (self.designer_panel, translate("gui.main_window", "Network"),
                  translate("gui.main_window", "Design the network layer by layer")),
                 (self.training_panel, translate("gui.main_window", "Training"),
                  translate("gui.main_window", "Train and watch it learn")),
                 (self._draw_tab, translate("gui.main_window", "Draw"),
                  translate("gui.main_window", "Draw a digit and see the prediction")),
                 (self._terrain_tab, translate("gui.main_window", "Terrain"),
                  translate("gui.main_window", "Gradient descent as a game")),
                 (self._inside_tab, translate("gui.main_window", "Inside"),
                  translate("gui.main_window", "Forward pass and backpropagation with numbers")))
        for page, title, tip in pages:
            self.tabs.setTabToolTip(self.tabs.addTab(page, title), tip)
        self.setCentralWidget(self.tabs)

    def _make_draw_panel(self) -> QWidget:
        from gui.panels.draw_panel import DrawPanel

        panel = DrawPanel(self.state, self.controller)
        panel.quick_train_requested.connect(self.training_panel.start_quick_train)
        return self._presented(panel)

    def _make_terrain_panel(self) -> QWidget:
        from gui.panels.terrain_panel import TerrainPanel

        return self._presented(TerrainPanel())

    def _make_inside_panel(self) -> QWidget:
        from gui.panels.inside_panel import InsidePanel

        return self._presented(InsidePanel(self.state))

    def _presented(self, panel: QWidget) -> QWidget:
        """A panel built while presentation mode is on gets its large fonts and thick lines too."""
        if presentation_enabled():
            apply_presentation(panel, True)
        return panel

    @property
    def draw_panel(self):
        return self._draw_tab.panel

    @property
    def terrain_panel(self):
        return self._terrain_tab.panel

    @property
    def inside_panel(self):
        return self._inside_tab.panel

    def _build_lesson_dock(self) -> None:
        self.lesson_panel = LessonPanel(self.state)
        self.lesson_dock = QDockWidget(translate("gui.main_window", "Lessons"), self)
        self.lesson_dock.setObjectName("lessons")
        self.lesson_dock.setWidget(self.lesson_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lesson_dock)
        self.resizeDocks([self.lesson_dock], [300], Qt.Orientation.Horizontal)
        tips = {"qt_dockwidget_closebutton": translate("gui.main_window", "Hide the lessons (F2 shows them again)"),
                "qt_dockwidget_floatbutton": translate("gui.main_window", "Detach the lessons into their own window")}
        for button in self.lesson_dock.findChildren(QAbstractButton):
            button.setToolTip(tips.get(button.objectName(), translate("gui.main_window", "Lessons panel")))

    def _build_status_bar(self) -> None:
        self._status_dataset, self._status_network = QLabel(), QLabel()
        self._status_state, self._status_speed = QLabel(), QLabel()
        for label in (self._status_dataset, self._status_network, self._status_state, self._status_speed):
            self.statusBar().addPermanentWidget(label)
        self._show_status()

    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence | None, tip: str,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work whichever tab has focus, also when the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        self._build_file_menu()
        training = self.menuBar().addMenu(translate("gui.main_window", "&Training"))
        tp = self.training_panel
        self._action(training, translate("gui.main_window", "Train / Pause"), tp.train_or_pause, "Space",
                     translate("gui.main_window", "Start, continue or pause training"))
        self._action(training, translate("gui.main_window", "Step one batch"), tp.step_once, "S",
                     translate("gui.main_window", "Train on one batch, then pause"))
        self._action(training, translate("gui.main_window", "Stop and test"), tp.stop, "Ctrl+.",
                     translate("gui.main_window", "End the run and measure test accuracy"))
        self._action(training, translate("gui.main_window", "Reset weights"), tp.reset, "R",
                     translate("gui.main_window", "Start again from random weights"))
        self._build_view_menu()
        help_menu = self.menuBar().addMenu(translate("gui.main_window", "&Help"))
        self._action(help_menu, translate("gui.main_window", "Glossary"), self.show_glossary,
                     QKeySequence.StandardKey.HelpContents,
                     translate("gui.main_window", "Neuron, weight, bias, loss, gradient… explained"))
        self._action(help_menu, translate("gui.main_window", "About MLP Studio"), self._show_about, None,
                     translate("gui.main_window", "What this app is"))

    def _build_file_menu(self) -> None:
        menu = self.menuBar().addMenu(translate("gui.main_window", "&File"))
        self._action(menu, translate("gui.main_window", "&Open model…"), self.open_model,
                     QKeySequence.StandardKey.Open,
                     translate("gui.main_window", "Load a trained network saved by MLP Studio"))
        self._action(menu, translate("gui.main_window", "&Save model…"), self.save_model,
                     QKeySequence.StandardKey.Save,
                     translate("gui.main_window",
                               "Save the trained network, its settings and the dataset name in one file"))
        menu.addSeparator()
        self._action(menu, translate("gui.main_window", "Export loss plot…"), self.export_loss_plot, "Ctrl+Shift+L",
                     translate("gui.main_window", "Save the loss curve as PNG or SVG"))
        self._action(menu, translate("gui.main_window", "Export weights figure…"), self.export_weights,
                     "Ctrl+Shift+W", translate("gui.main_window", "Save the weight heatmaps as PNG or SVG"))
        self._action(menu, translate("gui.main_window", "Export loss history (CSV)…"), self.export_loss_history,
                     "Ctrl+Shift+C", translate("gui.main_window", "Save every loss point as a table"))
        self._action(menu, translate("gui.main_window", "Show the PyTorch code…"), self.show_code, "Ctrl+K",
                     translate("gui.main_window", "A standalone script that trains this network with these settings"))
        menu.addSeparator()
        self._action(menu, translate("gui.main_window", "&Quit"), self.close, QKeySequence.StandardKey.Quit,
                     translate("gui.main_window", "Close MLP Studio"))

    def _build_view_menu(self) -> None:
        view = self.menuBar().addMenu(translate("gui.main_window", "&View"))
        for index in range(self.tabs.count()):
            self._action(view, translate("gui.main_window", "{tab} tab").format(tab=self.tabs.tabText(index)),
                         self._tab_switcher(index), f"Ctrl+{index + 1}", self.tabs.tabToolTip(index))
        view.addSeparator()
        self.presentation_action = self._action(
            view, translate("gui.main_window", "Presentation mode"), self.set_presentation, "F5",
            translate("gui.main_window", "Large fonts, thick lines, high contrast: for the projector"), True)
        self.full_screen_action = self._action(
            view, translate("gui.main_window", "Full screen"), self.set_full_screen, "F11",
            translate("gui.main_window", "Use the whole screen"), True)
        self.focus_action = self._action(
            view, translate("gui.main_window", "Focus on this panel"), self.set_focus_mode, "Ctrl+Shift+F",
            translate("gui.main_window", "Hide tabs, menus and lessons: only the current panel"), True)
        lessons = self.lesson_dock.toggleViewAction()
        lessons.setShortcut(QKeySequence("F2"))
        lessons.setToolTip(translate("gui.main_window", "Show or hide the guided lessons"))
        view.addAction(lessons)
        self.addAction(lessons)
        view.addSeparator()
        self._build_language_menu(view.addMenu(translate("gui.main_window", "&Language")))

    def _build_language_menu(self, menu) -> None:
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current_language())
            action.setToolTip(translate("gui.main_window",
                                        "{language}: the language of every text in the app (after a restart)")
                              .format(language=name))
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    def choose_language(self, language: str) -> None:
        """Save the language; the window is rebuilt in it when the app restarts (now, if the user wants)."""
        if language == self._language:
            return
        self._language = language
        self.save_settings()
        name = LANGUAGE_NAMES[language]
        if self.controller.is_running:
            dialogs.show_notice(self, translate("gui.main_window",
                                                "MLP Studio will be in {language} the next time it starts.")
                                .format(language=name))
            return
        if dialogs.confirm(self, translate("gui.main_window",
                                           "MLP Studio will be in {language} the next time it starts. Restart now? "
                                           "Save your model first if you want to keep it.").format(language=name)):
            self.restart()

    def restart(self) -> None:
        """Close this window and start MLP Studio again (the same command line)."""
        if self.close():
            QProcess.startDetached(sys.executable, sys.argv)

    def _tab_switcher(self, index: int):
        return lambda: self.tabs.setCurrentIndex(index)

    def _connect(self) -> None:
        self.state.dataset_changed.connect(self._show_status)
        self.state.network_changed.connect(self._show_status)
        self.state.training_state_changed.connect(self._show_status)
        self.state.dataset_changed.connect(self._on_dataset_arrived)
        self.training_panel.samples_per_s_changed.connect(self._show_speed)
        self.lesson_panel.show_me_requested.connect(self.show_me)
        self.model_files.saved.connect(self._on_model_saved)
        self.model_files.loaded.connect(self._on_model_loaded)

    # ---- status bar ------------------------------------------------------------------------------
    @Slot()
    def _show_status(self, *_args) -> None:
        dataset = self.state.dataset
        if dataset is not None:
            self._status_dataset.setText(translate("gui.main_window", "Data: {name}").format(name=dataset.name))
        else:
            self._status_dataset.setText(translate("gui.main_window", "Data: none loaded"))
        spec = self.state.network
        self._status_network.setText(translate("gui.main_window", "Network: {network} · {count:,} parameters")
                                     .format(network=spec.describe(), count=parameter_count(spec)))
        self._status_state.setText(translate("gui.main_window", "State: {state}")
                                   .format(state=translate(CONTEXT, STATE_WORDS[self.state.training_state])))
        if self.state.training_state != "running":
            self._status_speed.setText("")

    @Slot(float)
    def _show_speed(self, samples_per_s: float) -> None:
        self._status_speed.setText(translate("gui.main_window", "{rate:,.0f} samples/s").format(rate=samples_per_s))

    # ---- models, exports and code ------------------------------------------------------------------
    @Slot()
    def save_model(self) -> None:
        title = translate("gui.main_window", "Save the model")
        path = file_actions.ask_save_path(self, title, file_actions.model_filter(), "my_network.pt")
        if path:
            self.save_model_to(path)

    def save_model_to(self, path: str) -> bool:
        """Save the latest weights (also while training runs: a consistent snapshot) in the background."""
        return self.model_files.save_to(path)

    @Slot()
    def open_model(self) -> None:
        title = translate("gui.main_window", "Open a model")
        path = file_actions.ask_open_path(self, title, file_actions.model_filter())
        if path:
            self.open_model_from(path)

    def open_model_from(self, path: str) -> bool:
        """Load a model file in the background; nothing changes unless it is valid."""
        if self.state.is_training:
            dialogs.show_error(self, translate("gui.main_window", "Pause or stop training before opening a model."))
            return False
        return self.model_files.open_from(path)

    @Slot(str)
    def _on_model_saved(self, path: str) -> None:
        self.statusBar().showMessage(translate("gui.main_window", "Saved the model to {path}").format(path=path), 5000)

    @Slot(object)
    def _on_model_loaded(self, loaded) -> None:
        dataset = self.state.dataset
        if dataset is None or dataset.input_size != loaded.spec.input_size \
                or dataset.num_outputs != loaded.spec.output_size:
            data = loaded.dataset_name or translate("gui.main_window", "other data")
            dialogs.show_error(self, translate("gui.main_window",
                                               "This model was trained on {data} ({network}); load data of that shape "
                                               "first (Data tab), then open the model again.")
                               .format(data=data, network=loaded.spec.describe()))
            return
        try:
            self.state.set_network(loaded.spec)
            self.state.set_config(loaded.config)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.training_panel.set_initial_weights(loaded.layers)
        self.state.set_weights(weights_of(loaded))
        self.statusBar().showMessage(translate("gui.main_window", "Loaded {network} trained on {data}")
                                     .format(network=loaded.spec.describe(), data=loaded.dataset_name), 5000)

    def _export(self, target, title: str) -> None:
        path = file_actions.ask_save_path(self, title, translate(CONTEXT, FIGURE_FILTER), "figure.png")
        if not path:
            return
        try:
            export_plot(target, path)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
        else:
            self.statusBar().showMessage(translate("gui.main_window", "Saved {path}").format(path=path), 5000)

    @Slot()
    def export_loss_plot(self) -> None:
        self._export(self.training_panel.loss_plot, translate("gui.main_window", "Export the loss plot"))

    @Slot()
    def export_weights(self) -> None:
        self._export(self.training_panel.weights_view, translate("gui.main_window", "Export the weight heatmaps"))

    @Slot()
    def export_loss_history(self) -> None:
        steps, losses = self.training_panel.loss_plot.history()
        if not len(steps):
            dialogs.show_error(self, translate("gui.main_window", "There is no loss history yet: train first."))
            return
        path = file_actions.ask_save_path(self, translate("gui.main_window", "Export the loss history"),
                                          translate("gui.main_window", "CSV table (*.csv)"), "loss_history.csv")
        if path:
            try:
                export_loss_csv(path, steps, losses)
            except StudioError as exc:
                dialogs.show_error(self, str(exc))

    @Slot()
    def show_code(self) -> None:
        dataset = self.state.dataset
        if dataset is None:
            dialogs.show_error(self, translate("gui.main_window",
                                               "Load a dataset first: the script trains on the same data."))
            return
        try:
            code = pytorch_script(self.state.network, self.state.config, dataset.name, dataset=dataset)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        dialog = CodeDialog(code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ---- lessons, view modes, help ---------------------------------------------------------------
    @Slot(object)
    def show_me(self, action: dict) -> None:
        """A lesson's 'Show me': set up data, network and settings, switch panel, maybe start a run."""
        try:
            panel = apply_lesson_action(action, self.state, self._load_dataset_for_lesson)
        except StudioError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._pending_lesson = action if action_pending(action, self.state) else None
        if panel in TABS:
            self.tabs.setCurrentIndex(TABS.index(panel))
        if self._pending_lesson is None and action.get("start_training"):
            self.training_panel.train_or_pause()

    def _load_dataset_for_lesson(self, name: str):
        self.data_panel.load(name)
        return None  # loads in the background; show_me runs again when it arrives

    @Slot(object)
    def _on_dataset_arrived(self, dataset) -> None:
        action, self._pending_lesson = self._pending_lesson, None
        if action is not None and dataset is not None and dataset.name == action.get("dataset"):
            self.show_me(action)

    @Slot(bool)
    def set_presentation(self, enabled: bool) -> None:
        """Projector mode: large fonts, thick lines, high contrast (persists between runs)."""
        if enabled != presentation_enabled():
            apply_presentation(self, enabled)
        self.presentation_action.setChecked(enabled)

    @Slot(bool)
    def set_full_screen(self, enabled: bool) -> None:
        self.showFullScreen() if enabled else self.showNormal()
        self.full_screen_action.setChecked(enabled)

    @Slot(bool)
    def set_focus_mode(self, enabled: bool) -> None:
        """Only the current panel: no tab bar, menu bar, status bar or lesson dock."""
        self.tabs.tabBar().setVisible(not enabled)
        self.menuBar().setVisible(not enabled)
        self.statusBar().setVisible(not enabled)
        self.lesson_dock.setVisible(not enabled)
        self.focus_action.setChecked(enabled)

    @Slot()
    def show_glossary(self) -> None:
        dialog = GlossaryDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def _show_about(self) -> None:
        dialogs.show_notice(self, translate("gui.main_window",
                                            "MLP Studio teaches how neural networks learn: draw a digit, design a "
                                            "network, watch it train, and play gradient descent on a loss terrain."))

    # ---- settings, start-up and shutdown -------------------------------------------------------------
    def _restore_settings(self) -> None:
        ui = self.settings.load(UiSettings)
        self._language = ui.language
        self.settings.restore_window(self)
        self.tabs.setCurrentIndex(TABS.index(ui.last_tab))
        self.lesson_dock.setVisible(ui.lesson_panel_visible)
        self.state.set_config(self.settings.load(TrainingDefaults).apply_to(self.state.config))
        if ui.presentation_mode:
            self.set_presentation(True)

    def save_settings(self) -> bool:
        ui = UiSettings(presentation_mode=presentation_enabled(), language=self._language,
                        last_tab=TABS[self.tabs.currentIndex()],
                        full_screen=self.isFullScreen(), lesson_panel_visible=self.lesson_dock.isVisible())
        ok = self.settings.save(ui) and self.settings.save(TrainingDefaults.from_config(self.state.config))
        return self.settings.save_window(self) and ok

    @Slot()
    def start_warm_up(self) -> None:
        if self._closing:
            return  # the window closed before the timer fired: nothing is left to warm up for
        self.warm_up.finished.connect(self._on_warm_up_finished)
        self.warm_up.start(warm_up_source())

    @Slot()
    def _on_warm_up_finished(self) -> None:
        gc.freeze()  # torch's and Qt's start-up objects leave the garbage collector's full scans

    @Slot()
    def shutdown(self) -> bool:
        """Stop every background thread (training, loading, saving) before Qt destroys them."""
        return all(runner.shutdown(5000) for runner in self.findChildren(BackgroundRunner))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.shutdown()
        self.training_panel.pacer.flush_all()  # the last reports reach the state; the pacer's timer stops
        self.save_settings()
        for tab in (self._terrain_tab, self._draw_tab, self._inside_tab):
            if tab.is_built:
                tab.panel.close()  # stops their timers
        super().closeEvent(event)
