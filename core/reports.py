"""Frozen values that cross from the training thread to the GUI: settings and reports.

Reports hold only Python scalars and numpy arrays that the receiver owns (never torch tensors,
never views of parameters), so the GUI can keep them while training goes on.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace

import numpy as np

from core.errors import ConfigError
from core.i18n import QT_TRANSLATE_NOOP, translate

OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "rmsprop", "adam")
# labels are English, marked for translation: show them as translate("core.reports", LOSS_LABELS[key])
OPTIMIZER_LABELS = {"sgd": "SGD", "momentum": QT_TRANSLATE_NOOP("core.reports", "SGD + momentum"),
                    "rmsprop": "RMSProp", "adam": "Adam"}
LOSSES: tuple[str, ...] = ("cross_entropy", "mse", "mae")
LOSS_LABELS = {"cross_entropy": QT_TRANSLATE_NOOP("core.reports", "cross-entropy"),
               "mse": QT_TRANSLATE_NOOP("core.reports", "mean squared error"),
               "mae": QT_TRANSLATE_NOOP("core.reports", "mean absolute error")}
MIN_LR, MAX_LR = 1e-6, 1e4


@dataclass(frozen=True)
class Augmentation:
    """Random changes applied to training images on the fly (all zero = off)."""

    shift_px: float = 0.0
    rotation_deg: float = 0.0
    scale: float = 0.0       # ± fraction, e.g. 0.1 = 90 %..110 %
    thickness: float = 0.0   # ± strength of thickening/thinning, 0..1
    noise: float = 0.0       # std of pixel noise in [0, 1] pixel units

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) > 0 for f in fields(self))


@dataclass(frozen=True)
class TrainingConfig:
    """Everything the trainer needs besides the network and the data."""

    learning_rate: float = 0.01
    batch_size: int = 64            # 1 = stochastic, N = mini-batch, 0 = all (batch gradient descent)
    optimizer: str = "adam"
    loss: str = "cross_entropy"
    epochs: int = 5
    seed: int = 0
    momentum: float = 0.9
    l1: float = 0.0
    l2: float = 0.0
    patience: int = 0               # early stopping on validation loss; 0 = off
    train_size: int = 0             # use only the first N training samples; 0 = all
    augmentation: Augmentation = field(default_factory=Augmentation)
    loss_hz: float = 20.0
    weights_hz: float = 5.0

    def with_changes(self, **changes) -> TrainingConfig:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "augmentation"}
        data["augmentation"] = {f.name: getattr(self.augmentation, f.name) for f in fields(Augmentation)}
        return data

    @staticmethod
    def from_dict(data: dict) -> TrainingConfig:
        """Rebuild from a file, keeping defaults for unknown or missing keys, then validate."""
        known = {f.name: f for f in fields(TrainingConfig)}
        values = {k: v for k, v in data.items() if k in known and k != "augmentation"}
        aug = data.get("augmentation") or {}
        try:
            augmentation = Augmentation(**{k: float(v) for k, v in aug.items()
                                           if k in {f.name for f in fields(Augmentation)}})
            config = TrainingConfig(**values, augmentation=augmentation)
        except (TypeError, ValueError) as exc:
            raise ConfigError(translate("core.reports", "The training settings are malformed ({problem}).").format(
                problem=exc)) from None
        return validate_config(config)


def _number(value: object, what: str) -> float:
    """`what` names the setting (translated), e.g. 'learning rate'."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(translate("core.reports", "The {what} must be a finite number, not {value!r}.").format(
            what=what, value=value))
    return float(value)


def _whole(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(translate("core.reports", "The {what} must be a whole number from {low} to {high}, "
                                                    "not {value!r}.").format(what=what, low=low, high=high,
                                                                             value=value))
    return value


def validate_config(config: TrainingConfig, n_train: int | None = None, task: str | None = None) -> TrainingConfig:
    """Check every value; raise ConfigError with a sentence for the first problem."""
    lr = _number(config.learning_rate, translate("core.reports", "learning rate"))
    if not MIN_LR <= lr <= MAX_LR:
        raise ConfigError(translate("core.reports", "The learning rate must be between {low:g} and {high:g}, "
                                                    "not {lr:g}.").format(low=MIN_LR, high=MAX_LR, lr=lr))
    _whole(config.batch_size, translate("core.reports", "batch size"), 0, 10_000_000)
    if n_train is not None and config.batch_size > n_train:
        raise ConfigError(translate("core.reports", "The batch size ({batch}) is larger than the training set "
                                                    "({count} samples); choose 'all' for batch gradient "
                                                    "descent.").format(batch=config.batch_size, count=n_train))
    if config.optimizer not in OPTIMIZERS:
        raise ConfigError(translate("core.reports", "Unknown optimizer {name!r}; choose one of {choices}.").format(
            name=config.optimizer, choices=", ".join(OPTIMIZERS)))
    if config.loss not in LOSSES:
        raise ConfigError(translate("core.reports", "Unknown loss {name!r}; choose one of {choices}.").format(
            name=config.loss, choices=", ".join(LOSSES)))
    if task == "regression" and config.loss == "cross_entropy":
        raise ConfigError(translate("core.reports", "Cross-entropy needs classes; for a regression task choose "
                                                    "MSE or MAE."))
    _whole(config.epochs, translate("core.reports", "number of epochs"), 1, 100_000)
    _whole(config.seed, translate("core.reports", "seed"), 0, 2**31 - 1)
    _whole(config.patience, translate("core.reports", "early-stopping patience"), 0, 10_000)
    _whole(config.train_size, translate("core.reports", "training set size"), 0, 10_000_000)
    if not 0.0 <= _number(config.momentum, translate("core.reports", "momentum")) < 1.0:
        raise ConfigError(translate("core.reports", "Momentum must be at least 0 and below 1, not {value:g}.").format(
            value=config.momentum))
    for name in ("l1", "l2"):
        penalty = name.upper()
        value = _number(getattr(config, name), translate("core.reports", "{penalty} rate").format(penalty=penalty))
        if not 0.0 <= value <= 10.0:
            raise ConfigError(translate("core.reports", "The {penalty} rate must be between 0 and 10, "
                                                        "not {value:g}.").format(penalty=penalty, value=value))
    for name in ("loss_hz", "weights_hz"):
        if not _number(getattr(config, name), translate("core.reports", "report rate")) > 0:
            raise ConfigError(translate("core.reports", "Report rates must be positive."))
    return config


@dataclass(frozen=True)
class LayerWeights:
    """One Linear layer, copied out of torch: weight (n_out, n_in) and bias (n_out,)."""

    weight: np.ndarray
    bias: np.ndarray


@dataclass(frozen=True)
class LossReport:
    """Every loss point since the previous report (nothing is dropped; only the rate is capped)."""

    epoch: int
    steps: np.ndarray          # int64 (k,)
    losses: np.ndarray         # float32 (k,)
    samples_per_s: float
    step: int                  # last step done
    total_steps: int           # steps in the whole run
    learning_rate: float


@dataclass(frozen=True)
class WeightsReport:
    """A consistent copy of every layer, with the gradient norm of each layer's weights."""

    step: int
    layers: tuple[LayerWeights, ...]
    activations: tuple[str, ...]   # after each layer; the last is "softmax" or "linear"
    grad_norms: np.ndarray         # float32 (n_layers,)


@dataclass(frozen=True)
class EpochReport:
    """Train and validation loss and metric after one epoch."""

    epoch: int                 # 1-based: epochs done
    step: int
    train_loss: float
    val_loss: float
    train_metric: float
    val_metric: float
    metric_name: str           # "accuracy" or "R²"


@dataclass(frozen=True)
class EpochBatch:
    """Several epochs' summaries sent at once: one-batch epochs (batch = all on a small set) end
    hundreds of times a second, far more often than the GUI should redraw."""

    reports: tuple[EpochReport, ...]


def merge_loss_reports(reports: list[LossReport]) -> LossReport:
    """One report with every point of `reports` (in order); the figures of the last one."""
    last = reports[-1]
    if len(reports) == 1:
        return last
    return LossReport(last.epoch, np.concatenate([r.steps for r in reports]),
                      np.concatenate([r.losses for r in reports]), last.samples_per_s, last.step,
                      last.total_steps, last.learning_rate)


@dataclass(frozen=True)
class DivergenceReport:
    """The run stopped because the loss or the weights blew up."""

    step: int
    learning_rate: float
    reason: str                # "non-finite" | "exploded"
    message: str


@dataclass(frozen=True)
class WarningReport:
    """Something worth telling the student that does not stop the run (e.g. stuck at chance)."""

    step: int
    message: str


@dataclass(frozen=True)
class FinishedReport:
    """The end of a run with the test-set figures."""

    outcome: str               # "completed" | "early_stopped" | "diverged"
    step: int
    epoch: int
    test_loss: float
    test_metric: float
    metric_name: str
    confusion: np.ndarray | None        # int64 (classes, classes): rows true, columns predicted
    misclassified: np.ndarray           # int64 indices into the test split
    misclassified_pred: np.ndarray      # int64 predicted labels for those
    best_epoch: int = 0                 # early stopping: the epoch whose weights were restored


Report = LossReport | WeightsReport | EpochReport | DivergenceReport | WarningReport | FinishedReport
