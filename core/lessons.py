"""Guided lessons: JSON files a teacher can edit, read and checked here into frozen steps.

A lesson file (resources/lessons/*.json) looks like

    {"version": 1, "number": 2, "title": "...", "summary": "...",
     "steps": [{"title": "...", "text": "...", "question": "...",
                "show_me": {"panel": "training", "dataset": "Caveman", "network": "linear",
                            "learning_rate": 0.1, "batch_size": 0, "optimizer": "sgd",
                            "epochs": 300, "start_training": true}}]}

`show_me` is optional. `network` is a preset name of the designer (or its first words, e.g.
"784-16-16-10" or "linear") or a list of hidden layers: `[16, 16]` or
`[{"units": 8, "activation": "tanh", "dropout": 0.0}]`. Every problem (unknown key, wrong
type, unknown panel or dataset, a number out of range) is a LessonError naming the file, the
step and the problem; one bad file never hides the good ones.

Translations of the shipped lessons sit in a folder per language (resources/lessons/fr/*.json, the same
file names, steps and "show_me" actions, only the texts translated). `lesson_folder(language)` picks it
when it holds lessons and falls back to the English files otherwise.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from core.datasets import DATASET_NAMES, dataset_class_names, dataset_input_shape, dataset_task
from core.errors import LessonError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.network_spec import (ACTIVATIONS, INITS, MAX_HIDDEN_LAYERS, MAX_UNITS, LayerSpec, NetworkSpec,
                               presets)
from core.reports import LOSSES, MAX_LR, MIN_LR, OPTIMIZER_LABELS, OPTIMIZERS

LESSON_VERSION = 1
PANELS: tuple[str, ...] = ("data", "network", "training", "draw", "terrain", "inside")
PANEL_LABELS = {"data": QT_TRANSLATE_NOOP("core.lessons", "Data"),
                "network": QT_TRANSLATE_NOOP("core.lessons", "Network"),
                "training": QT_TRANSLATE_NOOP("core.lessons", "Training"),
                "draw": QT_TRANSLATE_NOOP("core.lessons", "Draw"),
                "terrain": QT_TRANSLATE_NOOP("core.lessons", "Terrain"),
                "inside": QT_TRANSLATE_NOOP("core.lessons", "Inside")}   # English; translate where shown
DEFAULT_LESSON_FOLDER = Path(__file__).resolve().parents[1] / "resources" / "lessons"
ENGLISH = "en"   # the language of the lessons in DEFAULT_LESSON_FOLDER itself
MAX_LESSON_BYTES = 256 * 1024
MAX_STEPS = 40
MAX_TEXT_CHARS = 4000
# (input size, outputs, task) of every kind of dataset, to check presets named without a dataset
_SHAPES = {(784, 10, "classification"), (1, 1, "regression"), (2, 2, "classification")}

_LESSON_KEYS = {"version", "number", "title", "summary", "steps"}
_STEP_KEYS = {"title", "text", "question", "show_me"}
_LAYER_KEYS = {"units", "activation", "dropout"}


@dataclass(frozen=True)
class LessonStep:
    """One screen of a lesson: a few sentences, a question, and what "Show me" sets up."""

    title: str
    text: str
    question: str
    show_me: dict | None = None   # checked action dict (see the module docstring); None = no button


@dataclass(frozen=True)
class Lesson:
    """A numbered lesson made of steps, read from one file."""

    number: int
    title: str
    summary: str
    steps: tuple[LessonStep, ...]
    source: str                   # the file name, for messages


# ---------------------------------------------------------------- value checks

def _fail(where: str, problem: str) -> LessonError:
    """A LessonError that says where (file, step, layer) and what the problem is."""
    return LessonError(translate("core.lessons", "{where}: {problem}").format(where=where, problem=problem))


def _text(value: object, where: str, key: str, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        problem = translate("core.lessons", "'{key}' must be a non-empty text, not {value!r}.")
        raise _fail(where, problem.format(key=key, value=value))
    if len(value) > MAX_TEXT_CHARS:
        problem = translate("core.lessons", "'{key}' is longer than {limit} characters.")
        raise _fail(where, problem.format(key=key, limit=MAX_TEXT_CHARS))
    return value.strip()


def _whole(value: object, where: str, key: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problem = translate("core.lessons", "'{key}' must be a whole number from {low} to {high}, not {value!r}.")
        raise _fail(where, problem.format(key=key, low=low, high=high, value=value))
    return value


def _number(value: object, where: str, key: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        problem = translate("core.lessons", "'{key}' must be a number from {low:g} to {high:g}, not {value!r}.")
        raise _fail(where, problem.format(key=key, low=low, high=high, value=value))
    return float(value)


def _choice(value: object, where: str, key: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        problem = translate("core.lessons", "unknown {key} {value!r}; choose one of: {choices}.")
        raise _fail(where, problem.format(key=key, value=value, choices=", ".join(choices)))
    return value


def _flag(value: object, where: str, key: str) -> bool:
    if not isinstance(value, bool):
        problem = translate("core.lessons", "'{key}' must be true or false, not {value!r}.")
        raise _fail(where, problem.format(key=key, value=value))
    return value


def _keys(data: object, allowed: set[str], required: set[str], where: str, what: str) -> dict:
    """`data` as a dict with no unknown and no missing keys; `what` names it in messages ("a step")."""
    if not isinstance(data, dict):
        problem = translate("core.lessons", "{what} must be a JSON object {{...}}, not {kind}.")
        raise _fail(where, problem.format(what=what, kind=type(data).__name__))
    unknown = sorted(set(data) - allowed)
    if unknown:
        problem = translate("core.lessons", "unknown key {key!r} in {what}; allowed keys are {allowed}.")
        raise _fail(where, problem.format(key=unknown[0], what=what, allowed=", ".join(sorted(allowed))))
    missing = sorted(required - set(data))
    if missing:
        problem = translate("core.lessons", "{what} has no '{key}'.")
        raise _fail(where, problem.format(what=what, key=missing[0]))
    return data


# ---------------------------------------------------------------- networks

def match_preset(name: str, input_size: int, output_size: int, task: str) -> NetworkSpec | None:
    """The designer preset called `name`, or whose name starts with `name` plus a space; else None."""
    options = presets(input_size, output_size, task)
    if name in options:
        return options[name]
    found = [spec for key, spec in options.items() if key.startswith(name + " ")]
    return found[0] if len(found) == 1 else None


def _check_layers(value: list, where: str) -> list[dict]:
    """Hidden layers as [16, 16] or [{"units": 8, "activation": "tanh"}]; returns plain dicts."""
    if len(value) > MAX_HIDDEN_LAYERS:
        problem = translate("core.lessons", "'network' has {count} hidden layers; at most {limit} are allowed.")
        raise _fail(where, problem.format(count=len(value), limit=MAX_HIDDEN_LAYERS))
    layers = []
    for i, item in enumerate(value, start=1):
        at = translate("core.lessons", "{where}, hidden layer {number}").format(where=where, number=i)
        if not isinstance(item, dict):
            item = {"units": item}
        item = _keys(item, _LAYER_KEYS, {"units"}, at, translate("core.lessons", "a hidden layer"))
        layers.append({"units": _whole(item["units"], at, "units", 1, MAX_UNITS),
                       "activation": _choice(item.get("activation", "relu"), at, "activation", ACTIVATIONS),
                       "dropout": _number(item.get("dropout", 0.0), at, "dropout", 0.0, 0.9)})
    return layers


def _check_network(value: object, dataset: str | None, where: str) -> str | list[dict]:
    """A preset that exists (for the action's dataset, or for some dataset) or a valid layer list."""
    if isinstance(value, list):
        return _check_layers(value, where)
    if not isinstance(value, str) or not value.strip():
        problem = translate("core.lessons", "'network' must be a preset name or a list of layer sizes, not {value!r}.")
        raise _fail(where, problem.format(value=value))
    shapes = [_dataset_shape(dataset)] if dataset else sorted(_SHAPES)
    if any(match_preset(value, *shape) for shape in shapes):
        return value
    if dataset:
        problem = translate("core.lessons", "there is no network preset called {name!r} for the {dataset} data.")
        raise _fail(where, problem.format(name=value, dataset=dataset))
    problem = translate("core.lessons", "there is no network preset called {name!r} for any dataset.")
    raise _fail(where, problem.format(name=value))


def _dataset_shape(name: str) -> tuple[int, int, str]:
    """(input size, outputs, task) of a dataset, without loading it."""
    return math.prod(dataset_input_shape(name)), len(dataset_class_names(name)) or 1, dataset_task(name)


def resolve_network(network: str | list, input_size: int, output_size: int, task: str,
                    init: str = "default") -> NetworkSpec:
    """The NetworkSpec an action's 'network' means for data of this shape (LessonError if none)."""
    if isinstance(network, str):
        spec = match_preset(network, input_size, output_size, task)
        if spec is None:
            message = translate("core.lessons", "There is no network preset called {name!r} for data with "
                                                "{inputs} inputs and {outputs} outputs.")
            raise LessonError(message.format(name=network, inputs=input_size, outputs=output_size))
        return NetworkSpec(spec.input_size, spec.hidden, spec.output_size, spec.output_activation, init)
    hidden = tuple(LayerSpec(int(h["units"]), h.get("activation", "relu"), float(h.get("dropout", 0.0)))
                   if isinstance(h, dict) else LayerSpec(int(h)) for h in network)
    output = "softmax" if task == "classification" else "linear"
    return NetworkSpec(input_size, hidden, output_size, output, init)


# ---------------------------------------------------------------- actions and steps

_ACTION_RULES: dict[str, Callable[[object, str, str], Any]] = {
    "panel": lambda v, w, k: _choice(v, w, "panel", PANELS),
    "dataset": lambda v, w, k: _choice(v, w, "dataset", DATASET_NAMES),
    "learning_rate": lambda v, w, k: _number(v, w, k, MIN_LR, MAX_LR),
    "batch_size": lambda v, w, k: _whole(v, w, k, 0, 1_000_000),
    "optimizer": lambda v, w, k: _choice(v, w, "optimizer", OPTIMIZERS),
    "loss": lambda v, w, k: _choice(v, w, "loss", LOSSES),
    "epochs": lambda v, w, k: _whole(v, w, k, 1, 10_000),
    "patience": lambda v, w, k: _whole(v, w, k, 0, 1_000),
    "train_size": lambda v, w, k: _whole(v, w, k, 0, 10_000_000),
    "l2": lambda v, w, k: _number(v, w, k, 0.0, 10.0),
    "init": lambda v, w, k: _choice(v, w, "init", INITS),
    "start_training": lambda v, w, k: _flag(v, w, k),
}
ACTION_KEYS = frozenset(_ACTION_RULES) | {"network"}


def check_action(action: object, where: str = "show_me") -> dict:
    """A checked copy of a "Show me" action dict (LessonError on any problem)."""
    data = _keys(action, set(ACTION_KEYS), set(), where, "'show_me'")
    if not data:
        raise _fail(where, translate("core.lessons", "'show_me' is empty; remove it or say what to set up."))
    checked = {key: _ACTION_RULES[key](value, where, key) for key, value in data.items() if key != "network"}
    if "network" in data:
        checked["network"] = _check_network(data["network"], checked.get("dataset"), where)
    return checked


def _parse_step(data: object, where: str) -> LessonStep:
    step = _keys(data, _STEP_KEYS, _STEP_KEYS - {"show_me"}, where, translate("core.lessons", "a step"))
    show_me = check_action(step["show_me"], where) if step.get("show_me") is not None else None
    return LessonStep(_text(step["title"], where, "title"), _text(step["text"], where, "text"),
                      _text(step["question"], where, "question"), show_me)


def parse_lesson(text: str, source_name: str) -> Lesson:
    """Read one lesson from JSON text; LessonError names `source_name`, the step and the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = translate("core.lessons", "the file is not valid JSON (line {line}, column {column}: {reason}).")
        raise _fail(source_name, problem.format(line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise _fail(source_name, translate("core.lessons", "the file is nested too deeply to be a lesson.")) from None
    data = _keys(data, _LESSON_KEYS, _LESSON_KEYS, source_name, translate("core.lessons", "the lesson"))
    if data["version"] != LESSON_VERSION or isinstance(data["version"], bool):
        problem = translate("core.lessons", "lesson format version {version!r} is not supported "
                                            "(this MLP Studio reads version {supported}).")
        raise _fail(source_name, problem.format(version=data["version"], supported=LESSON_VERSION))
    steps = data["steps"]
    if not isinstance(steps, list) or not 1 <= len(steps) <= MAX_STEPS:
        problem = translate("core.lessons", "'steps' must be a list of 1 to {limit} steps.")
        raise _fail(source_name, problem.format(limit=MAX_STEPS))
    return Lesson(_whole(data["number"], source_name, "number", 0, 999),
                  _text(data["title"], source_name, "title"), _text(data["summary"], source_name, "summary"),
                  tuple(_parse_step(step, _step_place(source_name, i)) for i, step in enumerate(steps, start=1)),
                  source_name)


def _step_place(source_name: str, number: int) -> str:
    """Where a step sits, for messages: "04_the_learning_rate.json, step 2"."""
    return translate("core.lessons", "{file}, step {number}").format(file=source_name, number=number)


def _read_lesson_file(path: Path) -> Lesson:
    try:
        if path.stat().st_size > MAX_LESSON_BYTES:
            problem = translate("core.lessons", "the file is larger than {limit} KB; a lesson is a few pages of text.")
            raise _fail(path.name, problem.format(limit=MAX_LESSON_BYTES // 1024))
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path.name, translate("core.lessons", "the file is not UTF-8 text; save it as UTF-8.")) from None
    except OSError as exc:
        problem = translate("core.lessons", "the file cannot be read ({reason}).")
        raise _fail(path.name, problem.format(reason=exc.strerror or exc)) from None
    return parse_lesson(text, path.name)


def _lesson_paths(folder: Path) -> list[Path]:
    """The *.json files directly in `folder`, sorted (OSError if it cannot be listed)."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())


def lesson_folder(language: str = ENGLISH, folder: Path | str = DEFAULT_LESSON_FOLDER) -> Path:
    """Where the lessons in `language` are: <folder>/<language> when it holds lesson files, else `folder` (English)."""
    folder = Path(folder)
    if language == ENGLISH or not language.isalpha():
        return folder
    try:
        return folder / language if _lesson_paths(folder / language) else folder
    except OSError:   # no such folder: the English lessons
        return folder


def load_lessons(folder: Path | str = DEFAULT_LESSON_FOLDER,
                 language: str | None = None) -> tuple[list[Lesson], list[LessonError]]:
    """Every lesson in `folder` sorted by number, and separately one LessonError per bad file.

    With a `language` ("fr"), the lessons of `lesson_folder(language, folder)`: the translated ones when
    that language has a folder of lessons, else the English ones. Without it, `folder` itself.
    """
    folder = Path(folder) if language is None else lesson_folder(language, folder)
    try:
        paths = _lesson_paths(folder)
    except OSError:
        message = translate("core.lessons", "The lesson folder {folder} cannot be read or does not exist.")
        return [], [LessonError(message.format(folder=folder))]
    lessons, errors = [], []
    for path in paths:
        try:
            lessons.append(_read_lesson_file(path))
        except LessonError as exc:
            errors.append(exc)
    lessons.sort(key=lambda lesson: (lesson.number, lesson.source))
    return lessons, errors


def describe_action(action: Mapping[str, object] | None) -> str:
    """What "Show me" will set up, in words (for its tooltip)."""
    if not action:
        return translate("core.lessons", "This step has nothing to set up.")
    parts = []
    if "dataset" in action:
        parts.append(translate("core.lessons", "load the {dataset} data").format(dataset=action["dataset"]))
    if "network" in action:
        parts.append(_describe_network(action["network"]))
    parts += _describe_settings(action)
    if "panel" in action:
        tab = translate("core.lessons", PANEL_LABELS[action["panel"]])
        parts.append(translate("core.lessons", "switch to the {tab} tab").format(tab=tab))
    if action.get("start_training"):
        parts.append(translate("core.lessons", "start training"))
    return translate("core.lessons", "Show me will {actions}.").format(actions=", ".join(parts))


def _describe_network(net: str | list) -> str:
    if isinstance(net, str):
        return translate("core.lessons", "use the {network} network").format(network=net)
    if not net:
        return translate("core.lessons", "use a network without hidden layers")
    layers = ", ".join(f"{h['units']} {h['activation']}" if isinstance(h, dict) else str(h) for h in net)
    return translate("core.lessons", "use hidden layers {layers}").format(layers=layers)


def _describe_settings(action: Mapping[str, object]) -> list[str]:
    """The training settings of an action in words ("learning rate 0.1"), in a fixed order."""
    parts = []
    if "optimizer" in action:
        label = OPTIMIZER_LABELS.get(action["optimizer"], action["optimizer"])
        parts.append(translate("core.lessons", "optimizer {value}").format(value=translate("core.reports", label)))
    if "learning_rate" in action:
        parts.append(translate("core.lessons", "learning rate {value}").format(value=action["learning_rate"]))
    if "batch_size" in action:
        parts.append(translate("core.lessons", "batch size all") if action["batch_size"] == 0 else
                     translate("core.lessons", "batch size {value}").format(value=action["batch_size"]))
    if "epochs" in action:
        parts.append(translate("core.lessons", "epochs {value}").format(value=action["epochs"]))
    if "train_size" in action:
        parts.append(translate("core.lessons", "training examples all") if action["train_size"] == 0 else
                     translate("core.lessons", "training examples {value}").format(value=action["train_size"]))
    if "patience" in action:
        parts.append(translate("core.lessons", "patience {value}").format(value=action["patience"]))
    return parts
