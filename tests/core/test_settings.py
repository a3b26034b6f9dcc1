"""Settings groups validate per key (RELIABILITY.md S-02) and windows always open usable (geometry)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.reports import TrainingConfig
from core.settings import (DEFAULT_WINDOW, MIN_WINDOW, NetworkDefaults, SETTINGS_GROUPS, TrainingDefaults,
                           UiSettings, valid_geometry)


@pytest.mark.parametrize("group", SETTINGS_GROUPS)
def test_defaults_round_trip_through_a_dict(group):
    value = group()
    data = value.to_dict()
    assert data["version"] == group.VERSION
    assert group.from_dict(data) == value


def test_good_values_survive_including_text_from_an_ini_file():
    ui = UiSettings.from_dict({"presentation_mode": "true", "language": "fr", "last_tab": "draw",
                               "font_scale": "1.5", "full_screen": "false", "version": "1"})
    assert ui == UiSettings(presentation_mode=True, language="fr", last_tab="draw", font_scale=1.5)
    training = TrainingDefaults.from_dict({"learning_rate": "0.5", "batch_size": "32", "epochs": 3.0,
                                           "optimizer": "sgd"})
    assert (training.learning_rate, training.batch_size, training.epochs, training.optimizer) == (0.5, 32, 3, "sgd")
    assert NetworkDefaults.from_dict({"hidden": ["64", "32"]}).hidden == (64, 32)
    assert NetworkDefaults.from_dict({"hidden": "128, 10"}).hidden == (128, 10)
    assert NetworkDefaults.from_dict({"hidden": []}).hidden == ()  # a linear model is a valid choice


@pytest.mark.parametrize("key, value", [
    ("learning_rate", "banana"), ("learning_rate", float("nan")), ("learning_rate", "nan"),
    ("learning_rate", "inf"), ("learning_rate", -1.0), ("learning_rate", 0.0), ("learning_rate", 1e9),
    ("learning_rate", True), ("learning_rate", None), ("learning_rate", [0.1]),
    ("batch_size", -5), ("batch_size", 2.5), ("batch_size", "lots"), ("batch_size", 10**12),
    ("optimizer", "adamw"), ("optimizer", 3), ("epochs", 0), ("epochs", "1e400"),
    ("momentum", 1.0), ("seed", -1), ("patience", "x"), ("loss", "hinge"),
])
def test_garbage_training_values_fall_back_to_that_keys_default_only(key, value):
    """S-02: lr=banana, NaN, out of range... -> the key's default, never 0.0; other keys are kept."""
    data = {"learning_rate": 0.2, "batch_size": 16, "optimizer": "rmsprop", "loss": "mse", "epochs": 9,
            "momentum": 0.5, "seed": 4, "patience": 2}
    good = TrainingDefaults.from_dict(data)
    data[key] = value
    result = TrainingDefaults.from_dict(data)
    assert getattr(result, key) == getattr(TrainingDefaults(), key)
    assert result.learning_rate != 0.0
    for other in (k for k in data if k != key):
        assert getattr(result, other) == getattr(good, other)
    assert TrainingDefaults.rejected_keys(data) == [key]


@pytest.mark.parametrize("value", [-5, 0, "0", "a,b", [16, -5], list(range(20)), 99999, None, 3.5, "16,,x"])
def test_bad_hidden_layers_fall_back_to_the_default(value):
    """S-02: hidden=-5 and friends."""
    assert NetworkDefaults.from_dict({"hidden": value, "activation": "tanh"}) == NetworkDefaults(activation="tanh")


@pytest.mark.parametrize("key, value", [
    ("presentation_mode", "maybe"), ("presentation_mode", 2), ("language", "de"), ("language", None),
    ("last_tab", "nowhere"), ("font_scale", float("nan")), ("font_scale", 0.0), ("font_scale", 50),
    ("full_screen", "yes please"),
])
def test_garbage_ui_values_fall_back(key, value):
    base = {"presentation_mode": True, "language": "fr", "last_tab": "terrain", "font_scale": 2.0,
            "full_screen": True}
    base[key] = value
    result = UiSettings.from_dict(base)
    assert getattr(result, key) == getattr(UiSettings(), key)
    assert result.font_scale != 0.0
    assert result.last_tab == ("terrain" if key != "last_tab" else "data")


@pytest.mark.parametrize("data", [None, "text", 42, [], {"version": "garbage"}, {"version": 99, "language": "fr"}])
def test_not_a_dict_or_odd_versions_give_defaults_or_keep_known_keys(data):
    result = UiSettings.from_dict(data)
    assert result.language == ("fr" if isinstance(data, dict) and "language" in data else "en")


def test_migrate_runs_registered_steps_from_older_versions(monkeypatch):
    monkeypatch.setattr(UiSettings, "VERSION", 2)
    def rename_zoom(data: dict) -> dict:
        data = dict(data)
        data["font_scale"] = data.pop("zoom", 1.0)
        return data

    monkeypatch.setattr(UiSettings, "_MIGRATIONS", {1: rename_zoom})
    migrated = UiSettings.migrate({"version": 1, "zoom": 1.75})
    assert migrated == {"version": 2, "font_scale": 1.75}
    assert UiSettings.from_dict({"version": 1, "zoom": 1.75}).font_scale == 1.75


def test_training_defaults_apply_to_and_from_a_config():
    defaults = TrainingDefaults(learning_rate=0.3, batch_size=8, optimizer="sgd", epochs=2)
    config = defaults.apply_to(TrainingConfig(l2=0.01))
    assert (config.learning_rate, config.batch_size, config.optimizer, config.epochs, config.l2) == (0.3, 8, "sgd", 2, 0.01)
    assert TrainingDefaults.from_config(config) == defaults


@given(st.dictionaries(st.sampled_from(["learning_rate", "batch_size", "optimizer", "epochs", "momentum"]),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8))))
def test_any_values_give_a_valid_training_config(data):
    config = TrainingDefaults.from_dict(data).apply_to(TrainingConfig())
    from core.reports import validate_config

    validate_config(config)
    assert math.isfinite(config.learning_rate) and config.learning_rate > 0


# ---------------------------------------------------------------- geometry (S-03's pure part)

@pytest.mark.parametrize("width, height", [(1, 1), (0, 0), (-100, 500), (float("nan"), 700), ("big", 700),
                                           (None, None), (100, 5000), (True, 800)])
def test_tiny_or_garbage_sizes_become_the_default(width, height):
    geometry = valid_geometry(width, height, 1920, 1080)
    assert (geometry.width, geometry.height) == DEFAULT_WINDOW


def test_a_good_size_is_kept_and_a_huge_one_fits_the_screen():
    assert valid_geometry(1000, 700, 1920, 1080, x=50, y=60) == valid_geometry(1000, 700, 1920, 1080, 50, 60)
    g = valid_geometry(1000, 700, 1920, 1080, x=50, y=60)
    assert (g.x, g.y, g.width, g.height) == (50, 60, 1000, 700)
    big = valid_geometry(5000, 4000, 1366, 768)
    assert (big.width, big.height) == (1366, 768) and (big.x, big.y) == (0, 0)


@given(st.one_of(st.integers(-10**6, 10**6), st.floats(), st.none()),
       st.one_of(st.integers(-10**6, 10**6), st.floats(), st.none()),
       st.one_of(st.integers(-10**5, 10**5), st.none()), st.one_of(st.integers(-10**5, 10**5), st.none()),
       st.sampled_from([(1920, 1080), (1366, 768), (3840, 2160), (800, 600), (0, 0)]),
       st.sampled_from([(0, 0), (1920, 0), (-1280, 200)]))
def test_windows_are_always_on_screen_and_never_tiny(width, height, x, y, screen, origin):
    sw, sh = screen if screen != (0, 0) else (1280, 800)
    g = valid_geometry(width, height, *screen, x=x, y=y, screen_x=origin[0], screen_y=origin[1])
    assert g.width >= min(MIN_WINDOW[0], sw) and g.height >= min(MIN_WINDOW[1], sh)
    assert g.width <= sw and g.height <= sh
    assert origin[0] <= g.x and g.x + g.width <= origin[0] + sw
    assert origin[1] <= g.y and g.y + g.height <= origin[1] + sh
