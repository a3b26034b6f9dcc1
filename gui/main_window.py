"""The main window: assembles panels, menus, shortcuts and the status bar (no logic of its own)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from core.network_spec import parameter_count
from gui import dialogs
from gui.app_state import AppState
from gui.panels.data_panel import DataPanel
from gui.panels.designer_panel import DesignerPanel
from gui.panels.draw_panel import DrawPanel
from gui.panels.inside_panel import InsidePanel
from gui.panels.terrain_panel import TerrainPanel
from gui.panels.training_panel import TrainingPanel
from gui.training_controller import BackgroundRunner, TrainingController

STATE_WORDS = {"idle": "not trained", "running": "training…", "paused": "paused", "finished": "trained",
               "diverged": "diverged"}


class MainWindow(QMainWindow):
    """One tab per activity; menus and shortcuts call the panels' public actions."""

    def __init__(self, parent: QWidget | None = None, auto_load: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("MLP Studio")
        self.resize(1400, 900)
        self.state = AppState(self)
        self.controller = TrainingController(self)
        self.data_panel = DataPanel(self.state)
        self.designer_panel = DesignerPanel(self.state)
        self.training_panel = TrainingPanel(self.state, self.controller)
        self.draw_panel = DrawPanel(self.state, self.controller)
        self.terrain_panel = TerrainPanel()
        self.inside_panel = InsidePanel(self.state)
        self.tabs = QTabWidget()
        for panel, title, tip in ((self.data_panel, "Data", "Choose and inspect the data"),
                                  (self.designer_panel, "Network", "Design the network layer by layer"),
                                  (self.training_panel, "Training", "Train and watch it learn"),
                                  (self.draw_panel, "Draw", "Draw a digit and see the prediction"),
                                  (self.terrain_panel, "Terrain", "Gradient descent as a game"),
                                  (self.inside_panel, "Inside", "Forward pass and backpropagation with numbers")):
            self.tabs.setTabToolTip(self.tabs.addTab(panel, title), tip)
        self.setCentralWidget(self.tabs)
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._closing = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # logout / app.quit() without a close event
        if auto_load:
            QTimer.singleShot(0, self.data_panel.load_default)

    def _build_status_bar(self) -> None:
        self._status_dataset, self._status_network = QLabel(), QLabel()
        self._status_state, self._status_speed = QLabel(), QLabel()
        for label in (self._status_dataset, self._status_network, self._status_state, self._status_speed):
            self.statusBar().addPermanentWidget(label)
        self._show_status()

    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence | None, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work whichever tab has focus
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit, "Close MLP Studio")
        training = self.menuBar().addMenu("&Training")
        tp = self.training_panel
        self._action(training, "Train / Pause", tp.train_or_pause, "Space", "Start, continue or pause training")
        self._action(training, "Step one batch", tp.step_once, "S", "Train on one batch, then pause")
        self._action(training, "Stop and test", tp.stop, "Ctrl+.", "End the run and measure test accuracy")
        self._action(training, "Reset weights", tp.reset, "R", "Start again from random weights")
        view = self.menuBar().addMenu("&View")
        for index in range(self.tabs.count()):
            self._action(view, f"{self.tabs.tabText(index)} tab", self._tab_switcher(index), f"Ctrl+{index + 1}",
                         self.tabs.tabToolTip(index))
        self.view_menu = view
        self.help_menu = self.menuBar().addMenu("&Help")
        self.file_menu = file_menu
        self._action(self.help_menu, "About MLP Studio", self._show_about, None, "What this app is")

    def _tab_switcher(self, index: int):
        return lambda: self.tabs.setCurrentIndex(index)

    def _connect(self) -> None:
        self.state.dataset_changed.connect(self._show_status)
        self.state.network_changed.connect(self._show_status)
        self.state.training_state_changed.connect(self._show_status)
        self.training_panel.samples_per_s_changed.connect(self._show_speed)
        self.draw_panel.quick_train_requested.connect(self.training_panel.start_quick_train)

    @Slot()
    def _show_status(self, *_args) -> None:
        dataset = self.state.dataset
        self._status_dataset.setText(f"Data: {dataset.name}" if dataset is not None else "Data: none loaded")
        spec = self.state.network
        self._status_network.setText(f"Network: {spec.describe()} · {parameter_count(spec):,} parameters")
        self._status_state.setText(f"State: {STATE_WORDS[self.state.training_state]}")
        if self.state.training_state != "running":
            self._status_speed.setText("")

    @Slot(float)
    def _show_speed(self, samples_per_s: float) -> None:
        self._status_speed.setText(f"{samples_per_s:,.0f} samples/s")

    @Slot()
    def _show_about(self) -> None:
        dialogs.show_notice(self, "MLP Studio teaches how neural networks learn: draw a digit, design a network, "
                                  "watch it train, and play gradient descent on a loss terrain.")

    @Slot()
    def shutdown(self) -> bool:
        """Stop every background thread (training, loading) before Qt destroys them."""
        return all(runner.shutdown(5000) for runner in self.findChildren(BackgroundRunner))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        for panel in (self.terrain_panel, self.draw_panel):
            panel.close()  # stops their timers
        super().closeEvent(event)
