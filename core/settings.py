"""Persisted preferences as versioned, frozen groups that validate every value they are given.

Each group has defaults, `to_dict` (plain values a settings file can hold) and `from_dict`, which
checks each key on its own: a garbage, out-of-range or NaN value falls back to *that key's* default
(never 0.0, never the whole group). `migrate()` brings a dict written by an older version up to
date first. `valid_geometry` decides where a window may open. No Qt here: `gui.settings_store`
is the only place that touches QSettings.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any, Callable, ClassVar, Mapping

from core.network_spec import ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_UNITS
from core.reports import LOSSES, MAX_LR, MIN_LR, OPTIMIZERS

TABS: tuple[str, ...] = ("data", "network", "training", "draw", "terrain", "inside")
LANGUAGES: tuple[str, ...] = ("en", "fr")
MIN_FONT_SCALE, MAX_FONT_SCALE = 0.75, 3.0
MIN_WINDOW = (640, 480)
DEFAULT_WINDOW = (1280, 800)
FALLBACK_SCREEN = (1280, 800)

_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


# ---------------------------------------------------------------- value checkers (raise ValueError)

def parse_bool(value: object) -> bool:
    """A bool from a bool, 0/1 or a word a settings file may hold ("true", "no", ...)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"{value!r} is not true or false")


def parse_float(value: object, low: float, high: float) -> float:
    """A finite float in [low, high] from a number or its text; anything else is a ValueError."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{value!r} is not a number")
    number = float(value)  # "banana" raises ValueError here
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"{number!r} is outside {low:g}..{high:g}")
    return number


def parse_int(value: object, low: int, high: int) -> int:
    """A whole number in [low, high] from an int, an integral float or its text."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{value!r} is not a whole number")
    number = float(value) if isinstance(value, str) else value
    if isinstance(number, float):
        if not math.isfinite(number) or not number.is_integer():
            raise ValueError(f"{value!r} is not a whole number")
        number = int(number)
    if not low <= number <= high:
        raise ValueError(f"{number} is outside {low}..{high}")
    return number


def parse_choice(value: object, choices: tuple[str, ...]) -> str:
    """One of `choices`, exactly."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
    return value


def parse_units(value: object) -> tuple[int, ...]:
    """Hidden-layer widths from a list or from text like "16, 16" (QSettings stores lists as text)."""
    if isinstance(value, str):
        value = [part for part in value.replace(";", ",").split(",") if part.strip()]
    if not isinstance(value, (list, tuple)) or len(value) > MAX_HIDDEN_LAYERS:
        raise ValueError(f"{value!r} is not a list of at most {MAX_HIDDEN_LAYERS} layer sizes")
    return tuple(parse_int(item.strip() if isinstance(item, str) else item, 1, MAX_UNITS) for item in value)


# ---------------------------------------------------------------- the shared machinery

class _SettingsGroup:
    """Mixin: `to_dict`, per-key `from_dict`, and `migrate` for the frozen groups below."""

    GROUP: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1
    _RULES: ClassVar[dict[str, Callable[[object], Any]]] = {}
    _MIGRATIONS: ClassVar[dict[int, Callable[[dict], dict]]] = {}  # {old version: step to old + 1}

    def to_dict(self) -> dict[str, Any]:
        """Plain values for a settings file, plus the group's version."""
        data = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        data["version"] = self.VERSION
        return data

    @classmethod
    def migrate(cls, data: Mapping[str, object]) -> dict[str, object]:
        """Bring a dict written by an older version up to this one (unknown or newer: kept as is)."""
        data = dict(data)
        try:
            version = parse_int(data.get("version", cls.VERSION), 0, 10_000)
        except ValueError:
            version = cls.VERSION  # a damaged version number: trust the per-key checks instead
        while version < cls.VERSION:
            step = cls._MIGRATIONS.get(version)
            data = step(data) if step else data
            version += 1
        data["version"] = cls.VERSION
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None):
        """Migrate, then check each key; a bad value becomes that key's default."""
        data = cls.migrate(data if isinstance(data, Mapping) else {})
        values = {}
        for f in fields(cls):
            if f.name in data and f.name in cls._RULES:
                try:
                    values[f.name] = cls._RULES[f.name](data[f.name])
                except (ValueError, TypeError, OverflowError):
                    pass  # garbage, out of range or NaN: keep the default for this key only
        return cls(**values)

    @classmethod
    def rejected_keys(cls, data: Mapping[str, object]) -> list[str]:
        """Keys whose stored value would be replaced by the default (for a log or a test)."""
        data = cls.migrate(data)
        bad = []
        for name, rule in cls._RULES.items():
            if name in data:
                try:
                    rule(data[name])
                except (ValueError, TypeError, OverflowError):
                    bad.append(name)
        return bad


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------- the groups

@dataclass(frozen=True)
class UiSettings(_SettingsGroup):
    """How the window looks: presentation mode, language, last tab, font scale, full screen."""

    presentation_mode: bool = False
    language: str = "en"
    last_tab: str = "data"
    font_scale: float = 1.0
    full_screen: bool = False
    lesson_panel_visible: bool = True

    GROUP: ClassVar[str] = "ui"
    VERSION: ClassVar[int] = 1
    _RULES: ClassVar[dict[str, Callable[[object], Any]]] = {
        "presentation_mode": parse_bool,
        "language": lambda v: parse_choice(v, LANGUAGES),
        "last_tab": lambda v: parse_choice(v, TABS),
        "font_scale": lambda v: parse_float(v, MIN_FONT_SCALE, MAX_FONT_SCALE),
        "full_screen": parse_bool,
        "lesson_panel_visible": parse_bool,
    }


@dataclass(frozen=True)
class TrainingDefaults(_SettingsGroup):
    """The training settings a new session starts with."""

    learning_rate: float = 0.01
    batch_size: int = 64
    optimizer: str = "adam"
    loss: str = "cross_entropy"
    epochs: int = 5
    momentum: float = 0.9
    seed: int = 0
    patience: int = 0

    GROUP: ClassVar[str] = "training"
    VERSION: ClassVar[int] = 1
    _RULES: ClassVar[dict[str, Callable[[object], Any]]] = {
        "learning_rate": lambda v: parse_float(v, MIN_LR, MAX_LR),
        "batch_size": lambda v: parse_int(v, 0, 1_000_000),
        "optimizer": lambda v: parse_choice(v, OPTIMIZERS),
        "loss": lambda v: parse_choice(v, LOSSES),
        "epochs": lambda v: parse_int(v, 1, 10_000),
        "momentum": lambda v: parse_float(v, 0.0, 0.999),
        "seed": lambda v: parse_int(v, 0, 2**31 - 1),
        "patience": lambda v: parse_int(v, 0, 1_000),
    }

    def apply_to(self, config):
        """A TrainingConfig (core.reports) with these values over `config`'s other fields."""
        return config.with_changes(**{f.name: getattr(self, f.name) for f in fields(self)})

    @classmethod
    def from_config(cls, config) -> TrainingDefaults:
        """Remember a TrainingConfig's values as the defaults for the next session."""
        return cls.from_dict({f.name: getattr(config, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class NetworkDefaults(_SettingsGroup):
    """The hidden layers the designer starts with."""

    hidden: tuple[int, ...] = (16, 16)
    activation: str = "relu"

    GROUP: ClassVar[str] = "network"
    VERSION: ClassVar[int] = 1
    _RULES: ClassVar[dict[str, Callable[[object], Any]]] = {
        "hidden": parse_units,
        "activation": lambda v: parse_choice(v, ACTIVATIONS),
    }


SETTINGS_GROUPS = (UiSettings, TrainingDefaults, NetworkDefaults)


# ---------------------------------------------------------------- window geometry

@dataclass(frozen=True)
class WindowGeometry:
    """Where and how large the main window opens, in device-independent pixels."""

    x: int
    y: int
    width: int
    height: int


def _finite_int(value: object) -> int | None:
    """An int from a finite number (not bool), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return int(value)


def valid_geometry(width: object, height: object, screen_w: object, screen_h: object,
                   x: object = None, y: object = None, screen_x: int = 0, screen_y: int = 0) -> WindowGeometry:
    """A window size and place that is never tiny and always on the screen.

    A size below the minimum or not a number gives the default size; a size larger than the
    screen is shrunk to it; a position that would put any part off-screen is moved on, and a
    missing one centres the window.
    """
    sw, sh = _finite_int(screen_w), _finite_int(screen_h)
    if not sw or not sh or sw < 200 or sh < 200:
        sw, sh = FALLBACK_SCREEN
    w, h = _finite_int(width), _finite_int(height)
    if w is None or h is None or w < MIN_WINDOW[0] or h < MIN_WINDOW[1]:
        w, h = DEFAULT_WINDOW
    w, h = min(w, sw), min(h, sh)
    left, top = _finite_int(x), _finite_int(y)
    if left is None or top is None:
        left, top = screen_x + (sw - w) // 2, screen_y + (sh - h) // 2
    left = min(max(left, screen_x), screen_x + sw - w)
    top = min(max(top, screen_y), screen_y + sh - h)
    return WindowGeometry(left, top, w, h)
