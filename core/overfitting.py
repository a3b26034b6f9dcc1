"""Seeing and curing overfitting: a one-line diagnosis of the curves and the "Overfit me" presets.

`diagnose` reads the epoch history (train and validation loss per epoch) and says in one sentence
what the curves show, for the line under the plot. `overfit_presets` gives the lecture's
experiment: a wide network on 200 images that memorises them, and the same with L2, dropout and
early stopping, so the two runs can be compared side by side.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import EpochReport, TrainingConfig

MIN_EPOCHS = 3
RISE_EPOCHS = 2          # validation loss above its minimum this many epochs in a row = memorising
RISE_TOLERANCE = 0.02    # ... by more than 2 %, so that noise is not called overfitting
PLATEAU = 0.01           # relative change per epoch below which a loss counts as levelled off
GOOD_ACCURACY = 0.9
GOOD_R2 = 0.9

# English names that also identify the two presets; show them as translate("core.overfitting", name)
OVERFIT_ME = QT_TRANSLATE_NOOP("core.overfitting", "Overfit me")
OVERFIT_CURED = QT_TRANSLATE_NOOP("core.overfitting", "Overfit me — cured")

# the diagnoses, in English; `diagnose` returns them translated
NOT_ENOUGH = QT_TRANSLATE_NOOP("core.overfitting", "not enough epochs yet: train at least 3 epochs to see a trend")
NOT_FINITE = QT_TRANSLATE_NOOP("core.overfitting", "the loss is not a finite number: training diverged — "
                                                   "lower the learning rate")
NO_VALIDATION = QT_TRANSLATE_NOOP("core.overfitting", "there is no validation loss, so overfitting cannot be seen — "
                                                      "the data needs a validation split")
MEMORISING = QT_TRANSLATE_NOOP("core.overfitting", "validation loss has risen for {n} epochs while training loss "
                                                   "falls: the network is memorising the training set")
TRAIN_RISING = QT_TRANSLATE_NOOP("core.overfitting", "training loss is rising: the steps are too large — "
                                                     "lower the learning rate")
UNDERFITTING = QT_TRANSLATE_NOOP("core.overfitting", "training and validation loss are both high: the network "
                                                     "underfits — more capacity or more epochs")
GAP_OPENING = QT_TRANSLATE_NOOP("core.overfitting", "training loss is far below validation loss (gap {gap:.2f}) and "
                                                    "validation loss has stopped improving: the network is starting "
                                                    "to memorise")
STILL_LEARNING = QT_TRANSLATE_NOOP("core.overfitting", "both losses falling: still learning")
VAL_BLIP = QT_TRANSLATE_NOOP("core.overfitting", "validation loss rose this epoch while training loss falls: "
                                                 "watch whether it keeps rising")
LEVELLED_GOOD = QT_TRANSLATE_NOOP("core.overfitting", "both losses have levelled off with a small gap: the network "
                                                      "generalises — more epochs will not help")
LEVELLED = QT_TRANSLATE_NOOP("core.overfitting", "both losses have levelled off: more epochs will not help — "
                                                 "change the network or the learning rate")


def diagnose(history: Sequence[EpochReport]) -> str:
    """One line saying what the train/validation curves show: learning, memorising, underfitting or done."""
    sentence, values = _diagnosis(history)
    return translate("core.overfitting", sentence).format(**values)


def _diagnosis(history: Sequence[EpochReport]) -> tuple[str, dict]:
    """The English diagnosis and the values for its placeholders."""
    if len(history) < MIN_EPOCHS:
        return NOT_ENOUGH, {}
    train = np.array([r.train_loss for r in history], dtype=np.float64)
    val = np.array([r.val_loss for r in history], dtype=np.float64)
    if not np.isfinite(train).all():
        return NOT_FINITE, {}
    if np.isnan(val).all():
        return NO_VALIDATION, {}
    if not np.isfinite(val).all():
        return NOT_FINITE, {}
    rising = epochs_since_best(val)
    if rising >= RISE_EPOCHS and val[-1] > val.min() * (1 + RISE_TOLERANCE) and train[-1] <= train[-1 - rising]:
        return MEMORISING, {"n": rising}
    if train[-1] > train[-2] > train[-3] and train[-1] > train.min() * 1.1:
        return TRAIN_RISING, {}
    return _trend_sentence(train, val, history[-1])


def _trend_sentence(train: np.ndarray, val: np.ndarray, last: EpochReport) -> tuple[str, dict]:
    """The diagnosis (and its values) when validation loss has not clearly turned upwards."""
    train_flat = relative_change(train) > -PLATEAU
    val_flat = relative_change(val) > -PLATEAU
    gap = float(val[-1] - train[-1])
    wide_gap = gap > 0.05 and gap > 0.5 * val[-1]
    if train_flat and not wide_gap and not _fits_well(last):
        return UNDERFITTING, {}
    if wide_gap and val_flat:
        return GAP_OPENING, {"gap": gap}
    if val[-1] > val[-2] and train[-1] <= train[-2]:
        return VAL_BLIP, {}
    if not (train_flat and val_flat):
        return STILL_LEARNING, {}
    return (LEVELLED_GOOD, {}) if not wide_gap else (GAP_OPENING, {"gap": gap})


def epochs_since_best(val_loss: Sequence[float]) -> int:
    """How many epochs ago the validation loss was lowest (0 = it is lowest now)."""
    values = np.asarray(val_loss, dtype=np.float64)
    return int(len(values) - 1 - int(np.argmin(values)))


def relative_change(loss: np.ndarray, window: int = 2) -> float:
    """Mean relative change per epoch over the last `window` epochs (negative = falling)."""
    recent = np.asarray(loss[-(window + 1):], dtype=np.float64)
    scale = np.maximum(np.abs(recent[:-1]), 1e-12)
    return float(np.mean(np.diff(recent) / scale))


def _fits_well(report: EpochReport) -> bool:
    """Whether the training metric is high enough that 'underfitting' would be the wrong word."""
    metric = report.train_metric
    if not math.isfinite(metric):
        return False
    return metric >= (GOOD_ACCURACY if report.metric_name == "accuracy" else GOOD_R2)


def train_val_gap(history: Sequence[EpochReport]) -> float:
    """Validation minus training loss in the last epoch (how much the network memorised); NaN if none."""
    if not history:
        return float("nan")
    return float(history[-1].val_loss - history[-1].train_loss)


def overfit_presets(input_size: int, output_size: int) -> dict[str, tuple[NetworkSpec, TrainingConfig]]:
    """The overfitting experiment: a wide net on 200 images, then the same with L2, dropout and early stopping."""
    wide = NetworkSpec(input_size, (LayerSpec(512), LayerSpec(512)), output_size)
    overfit = TrainingConfig(learning_rate=1e-3, batch_size=32, optimizer="adam", loss="cross_entropy",
                             epochs=100, seed=0, train_size=200)
    cured_spec = wide.with_hidden([LayerSpec(512, dropout=0.5), LayerSpec(512, dropout=0.5)])
    cured = overfit.with_changes(l2=3e-3, patience=6)
    return {OVERFIT_ME: (wide, overfit), OVERFIT_CURED: (cured_spec, cured)}


__all__ = ["diagnose", "overfit_presets", "epochs_since_best", "relative_change", "train_val_gap",
           "OVERFIT_ME", "OVERFIT_CURED"]
