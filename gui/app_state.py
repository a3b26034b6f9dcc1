"""The app's current choices, one signal per field; panels read and write it, views follow it."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from core.errors import SpecError, StudioError
from core.i18n import translate
from core.network_spec import NetworkSpec, default_spec, validate
from core.reports import TrainingConfig, WeightsReport, validate_config

TRAINING_STATES = ("idle", "running", "paused", "finished", "diverged")


def fit_config_to_dataset(config: TrainingConfig, dataset) -> TrainingConfig:
    """Adapt settings that cannot work with new data: loss for the task, batch size for tiny sets."""
    if dataset.task == "regression" and config.loss == "cross_entropy":
        config = config.with_changes(loss="mse")
    elif dataset.task == "classification" and config.loss == "mae":
        config = config.with_changes(loss="cross_entropy")
    if config.batch_size > len(dataset.x_train):
        config = config.with_changes(batch_size=0)
    return config


class AppState(QObject):
    """Current dataset, network, training settings, latest weights and drawing."""

    dataset_changed = Signal(object)         # core.datasets.Dataset | None
    network_changed = Signal(object)         # NetworkSpec
    config_changed = Signal(object)          # TrainingConfig
    weights_changed = Signal(object)         # WeightsReport | None
    drawing_changed = Signal(object)         # np.ndarray (784,) model-ready input, or None
    training_state_changed = Signal(str)     # one of TRAINING_STATES

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dataset = None
        self.network: NetworkSpec = default_spec()
        self.config = TrainingConfig()
        self.weights: WeightsReport | None = None
        self.drawing: np.ndarray | None = None
        self.training_state = "idle"

    @property
    def is_training(self) -> bool:
        return self.training_state == "running"

    def set_dataset(self, dataset) -> None:
        """Switch data; a network that does not fit it is replaced by the default for its shape."""
        self.dataset = dataset
        self.dataset_changed.emit(dataset)
        spec = self.network
        if dataset is not None and (spec.input_size != dataset.input_size or spec.output_size != dataset.num_outputs):
            self.set_network(default_spec(dataset.input_size, dataset.num_outputs, dataset.task), force=True)
        if dataset is not None:
            self.set_config(fit_config_to_dataset(self.config, dataset))

    def set_network(self, spec: NetworkSpec, force: bool = False) -> None:
        """Validate and store a new network; refused while training runs (SpecError)."""
        if self.is_training and not force:
            raise SpecError(translate("gui.app_state", "Stop training before changing the network."))
        validate(spec)
        if spec == self.network:
            return
        self.network = spec
        self.network_changed.emit(spec)
        self.set_weights(None)

    def set_config(self, config: TrainingConfig) -> None:
        """Validate and store training settings (ConfigError on bad values)."""
        n = len(self.dataset.x_train) if self.dataset is not None else None
        task = self.dataset.task if self.dataset is not None else None
        validate_config(config, n_train=None if config.train_size else n, task=task)
        if config != self.config:
            self.config = config
            self.config_changed.emit(config)

    def set_weights(self, report: WeightsReport | None) -> None:
        self.weights = report
        self.weights_changed.emit(report)

    def set_drawing(self, x: np.ndarray | None) -> None:
        self.drawing = x
        self.drawing_changed.emit(x)

    def set_training_state(self, state: str) -> None:
        if state not in TRAINING_STATES:
            raise StudioError(translate("gui.app_state", "Unknown training state {state}.").format(state=repr(state)))
        if state != self.training_state:
            self.training_state = state
            self.training_state_changed.emit(state)
