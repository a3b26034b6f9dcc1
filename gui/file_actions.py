"""Model files and figure exports from the File menu: paths asked here, work done in the background."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from core.i18n import QT_TRANSLATE_NOOP, translate
from core.reports import WeightsReport
from core.training_job import load_model_source, save_model_source
from gui import dialogs
from gui.app_state import AppState
from gui.training_controller import BackgroundRunner

CONTEXT = "gui.file_actions"
MODEL_FILTER = QT_TRANSLATE_NOOP("gui.file_actions", "MLP Studio models (*.pt);;All files (*)")


def model_filter() -> str:
    """The Open/Save dialogs' filter for model files, in the app's language."""
    return translate(CONTEXT, MODEL_FILTER)


def ask_save_path(parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> str:
    """A path chosen in a Save dialog, or '' if cancelled (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def ask_open_path(parent: QWidget | None, title: str, file_filter: str) -> str:
    """A path chosen in an Open dialog, or '' if cancelled (tests replace this function)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path


class ModelFiles(QObject):
    """Saves the latest weight snapshot and loads model files without blocking the window."""

    saved = Signal(str)        # the path written
    loaded = Signal(object)    # core.model_io.LoadedModel, already checked

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state, self._parent = state, parent
        self._runner = BackgroundRunner(self)
        self._runner.reported.connect(self._on_report)
        self._runner.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._runner.is_running

    def save_to(self, path: str) -> bool:
        """Save the latest snapshot (a consistent copy, also while training runs) to `path`."""
        weights, dataset = self._state.weights, self._state.dataset
        if weights is None:
            dialogs.show_error(self._parent, translate("gui.file_actions",
                                                       "There is no trained network to save yet: train one first."))
            return False
        name = dataset.name if dataset is not None else ""
        source = save_model_source(path, self._state.network, weights.layers, self._state.config, name)
        return self._start(source)

    def open_from(self, path: str) -> bool:
        """Load and check `path` in the background; `loaded` fires if the file is good."""
        return self._start(load_model_source(path))

    def _start(self, source) -> bool:
        if not self._runner.start(source):
            dialogs.show_error(self._parent, translate("gui.file_actions", "A model file is still being read or "
                                                       "written; try again in a moment."))
            return False
        return True

    @Slot(object)
    def _on_report(self, report: object) -> None:
        if isinstance(report, tuple) and report[0] == "saved":
            self.saved.emit(report[1])
        else:
            self.loaded.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        dialogs.show_error(self._parent, message)


def weights_of(loaded) -> WeightsReport:
    """A WeightsReport for weights read from a file (step 0, no gradients yet)."""
    return WeightsReport(0, loaded.layers, loaded.spec.activations, np.zeros(len(loaded.layers), np.float32))
