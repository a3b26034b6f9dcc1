"""Apply a lesson step's "Show me" action to the app state: dataset, network, training settings.

The main window calls `apply_lesson_action` when the lesson panel emits `show_me_requested`, then
switches to the returned panel and, if the action says `"start_training": true` and
`action_pending` is False, starts a run. Everything is checked before anything changes, so a
refused action leaves the state as it was.

Loading a dataset may take a while: if `load_dataset_by_name` starts a background load and returns
None, only the load is requested; call `apply_lesson_action` again with the same action once the
dataset has arrived (on `AppState.dataset_changed`) to set the network and the settings.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Callable

from core.datasets import dataset_class_names, dataset_input_shape, dataset_task
from core.errors import LessonError
from core.i18n import translate
from core.lessons import check_action, resolve_network
from core.network_spec import NetworkSpec, validate
from core.reports import TrainingConfig, validate_config
from gui.app_state import AppState

CONFIG_KEYS = ("learning_rate", "batch_size", "optimizer", "loss", "epochs", "patience", "train_size", "l2")


def apply_lesson_action(action: dict, state: AppState,
                        load_dataset_by_name: Callable[[str], object] | None = None) -> str | None:
    """Set up what a "Show me" action describes; returns the panel to show ("training", ...) or None.

    `load_dataset_by_name(name)` loads a dataset: if it returns the Dataset, it is put into the
    state here and the rest is applied; if it returns None (a background load), nothing else is
    changed yet: apply the action again when the data has arrived. Raises a StudioError with a
    sentence (and changes nothing) if the action cannot be applied.
    """
    action = check_action(action)
    changes_state = any(key in action for key in ("dataset", "network", "init", *CONFIG_KEYS))
    if changes_state and state.is_training:
        raise LessonError(translate("gui.lesson_actions", "Pause or stop the training before using “Show me”: it "
                                    "changes the data, the network or the settings."))
    inputs, outputs, task = _target_shape(action, state)
    spec = _target_network(action, state, inputs, outputs, task)
    config = _target_config(action, state.config, task)  # checked now, so a bad action changes nothing
    if action_pending(action, state):
        if not _load_dataset(action["dataset"], state, load_dataset_by_name):
            return action.get("panel")
        config = _target_config(action, state.config, task)  # again: the new data may have adapted the settings
    if spec is not None:
        state.set_network(spec)
    if config is not None:
        state.set_config(config)
    return action.get("panel")


def _target_shape(action: dict, state: AppState) -> tuple[int, int, str]:
    """(inputs, outputs, task) of the data the action will leave in place."""
    if "dataset" in action:
        name = action["dataset"]
        return math.prod(dataset_input_shape(name)), len(dataset_class_names(name)) or 1, dataset_task(name)
    if state.dataset is not None:
        return state.dataset.input_size, state.dataset.num_outputs, state.dataset.task
    spec = state.network
    return spec.input_size, spec.output_size, "classification" if spec.output_activation == "softmax" else "regression"


def _target_network(action: dict, state: AppState, inputs: int, outputs: int, task: str) -> NetworkSpec | None:
    """The network to set, or None when the action leaves the network alone."""
    init = action.get("init", state.network.init)
    if "network" in action:
        return validate(resolve_network(action["network"], inputs, outputs, task, init=init))
    if "init" in action:
        return validate(replace(state.network, init=init))
    return None


def _target_config(action: dict, config: TrainingConfig, task: str) -> TrainingConfig | None:
    """The training settings with the action's values, checked for the target task; None if unchanged.

    A step that names a dataset but no loss gets the usual loss of its task (cross-entropy for
    classes, MSE for numbers), so a lesson never trains digits with the caveman's loss.
    """
    changes = {key: action[key] for key in CONFIG_KEYS if key in action}
    if "dataset" in action and "loss" not in changes:
        changes["loss"] = "cross_entropy" if task == "classification" else "mse"
    if not changes:
        return None
    return validate_config(config.with_changes(**changes), task=task)


def action_pending(action: dict, state: AppState) -> bool:
    """True while the dataset the action asks for is not the one in the state (still to load)."""
    name = action.get("dataset")
    return name is not None and (state.dataset is None or state.dataset.name != name)


def _load_dataset(name: str, state: AppState, load_dataset_by_name: Callable[[str], object] | None) -> bool:
    """Load and set the dataset; False when the loader works in the background (returned None)."""
    if load_dataset_by_name is None:
        raise LessonError(translate("gui.lesson_actions",
                                    "This step needs the {name} data, but there is no way to load it here.")
                          .format(name=name))
    dataset = load_dataset_by_name(name)
    if dataset is None:
        return False
    if getattr(dataset, "name", None) != name:
        loaded = getattr(dataset, "name", None) or translate("gui.lesson_actions", "something else")
        raise LessonError(translate("gui.lesson_actions", "This step needs the {name} data, but {loaded} was loaded.")
                          .format(name=name, loaded=loaded))
    state.set_dataset(dataset)
    return True
