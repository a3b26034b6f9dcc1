"""Model files: round trip, atomic saves, and refusal of everything that is not a clean MLP Studio model.

Covers RELIABILITY.md M-01 .. M-09.
"""
from __future__ import annotations

import errno
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import model_io
from core.errors import ModelFileError
from core.inference import forward
from core.model import build_model, load_layers, snapshot_layers
from core.model_io import LoadedModel, load_model, save_model
from core.network_spec import LayerSpec, NetworkSpec
from core.paths import clean_stale_parts
from core.reports import LayerWeights, TrainingConfig

ROOT = Path(__file__).resolve().parents[2]
SPEC = NetworkSpec(2, (LayerSpec(5, "tanh"), LayerSpec(4, "relu", dropout=0.1)), 2, "softmax")
CONFIG = TrainingConfig(learning_rate=0.05, batch_size=16, optimizer="momentum", epochs=3, seed=7)


def _layers(seed: int = 0, spec: NetworkSpec = SPEC) -> tuple[LayerWeights, ...]:
    return snapshot_layers(build_model(spec, seed=seed))


def _good_bytes() -> bytes:
    buffer = io.BytesIO()
    payload = {"format": "mlp-studio-model", "version": 1, "spec": json.dumps(SPEC.to_dict()),
               "config": json.dumps(CONFIG.to_dict()), "dataset": "XOR", "extra": "{}",
               "state_dict": build_model(SPEC, seed=1).state_dict()}
    torch.save(payload, buffer)
    return buffer.getvalue()


GOOD_BYTES = _good_bytes()


def _write_payload(path: Path, **changes) -> Path:
    """A torch.save file shaped like ours, with some entries changed (None removes one)."""
    payload = {"format": "mlp-studio-model", "version": 1, "spec": json.dumps(SPEC.to_dict()),
               "config": json.dumps(CONFIG.to_dict()), "dataset": "XOR", "extra": "{}",
               "state_dict": build_model(SPEC, seed=1).state_dict()}
    for key, value in changes.items():
        if value is None:
            payload.pop(key)
        else:
            payload[key] = value
    torch.save(payload, path)
    return path


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    assert "Traceback" not in message and message.endswith(".")
    for word in words:
        assert word.lower() in message.lower(), message
    return message


# ---------------------------------------------------------------- M-07 round trip

def test_round_trip_gives_bitwise_equal_predictions_and_same_settings(tmp_path):
    layers = _layers(3)
    path = tmp_path / "model.pt"
    save_model(path, SPEC, layers, CONFIG, "XOR", extra={"step": 120, "test_accuracy": 0.97})
    loaded = load_model(path)
    assert isinstance(loaded, LoadedModel)
    assert (loaded.spec, loaded.config, loaded.dataset_name) == (SPEC, CONFIG, "XOR")
    assert loaded.extra == {"step": 120, "test_accuracy": 0.97}
    x = np.random.default_rng(0).normal(size=(50, 2)).astype(np.float32)
    before = forward(layers, x, SPEC.activations).probabilities
    after = forward(loaded.layers, x, loaded.spec.activations).probabilities
    assert np.array_equal(before, after)
    for old, new in zip(layers, loaded.layers):
        assert new.weight.dtype == np.float32 and np.array_equal(old.weight, new.weight)
        assert np.array_equal(old.bias, new.bias)


def test_torch_predictions_match_bitwise_after_reload(tmp_path):
    model = build_model(SPEC, seed=4).eval()
    save_model(tmp_path / "m.pt", SPEC, snapshot_layers(model), CONFIG, "XOR")
    fresh = build_model(SPEC, seed=99).eval()
    load_layers(fresh, load_model(tmp_path / "m.pt").layers)
    x = torch.randn(64, 2)
    with torch.no_grad():
        assert torch.equal(model(x), fresh(x))


def test_plain_pytorch_reads_the_file_into_build_model(tmp_path):
    layers = _layers(5)
    save_model(tmp_path / "m.pt", SPEC, layers, CONFIG, "XOR")
    payload = torch.load(tmp_path / "m.pt", weights_only=True)
    spec = NetworkSpec.from_dict(json.loads(payload["spec"]))
    model = build_model(spec)
    model.load_state_dict(payload["state_dict"])  # strict: the keys match exactly
    assert np.array_equal(model[0].weight.detach().numpy(), layers[0].weight)
    assert payload["dataset"] == "XOR" and json.loads(payload["config"])["learning_rate"] == 0.05


def test_saved_weights_are_a_copy_not_a_view(tmp_path):
    layers = _layers(0)
    save_model(tmp_path / "m.pt", SPEC, layers, CONFIG, "XOR")
    layers[0].weight[:] = 123.0  # the caller keeps changing its arrays
    assert not np.any(load_model(tmp_path / "m.pt").layers[0].weight == 123.0)


def test_save_refuses_nan_wrong_count_and_wrong_shapes(tmp_path):
    path = tmp_path / "m.pt"
    bad = list(_layers())
    bad[1] = LayerWeights(np.full_like(bad[1].weight, np.nan), bad[1].bias)
    with pytest.raises(ModelFileError, match="NaN"):
        save_model(path, SPEC, tuple(bad), CONFIG, "XOR")
    with pytest.raises(ModelFileError, match="3 layers but 2"):
        save_model(path, SPEC, _layers()[:2], CONFIG, "XOR")
    wrong = (LayerWeights(np.zeros((5, 3), np.float32), np.zeros(5, np.float32)),) + _layers()[1:]
    with pytest.raises(ModelFileError, match="shape"):
        save_model(path, SPEC, wrong, CONFIG, "XOR")
    assert not path.exists() and not list(tmp_path.glob("*.part"))


# ---------------------------------------------------------------- M-01 junk

@pytest.mark.parametrize("content", [
    b"",                                              # empty
    np.random.default_rng(1).bytes(3000),             # random
    b"hello, this is a text file\n" * 20,             # text
    GOOD_BYTES[: len(GOOD_BYTES) // 2],               # truncated
    GOOD_BYTES[:-30],                                 # truncated near the end (central directory)
    b"PK\x03\x04" + b"\0" * 200,                      # zip magic, then nothing
    b'{"__metadata__": {}}' + b"\0" * 64,             # safetensors-like junk
    pickle.dumps({"format": "mlp-studio-model"}),     # a bare pickle, not a torch archive
], ids=["empty", "random", "text", "half", "cut-end", "zip-magic", "safetensors-junk", "bare-pickle"])
def test_junk_files_are_refused_with_a_sentence(tmp_path, content):
    path = tmp_path / "junk.pt"
    path.write_bytes(content)
    _refused(path, str(path))


def test_a_zip_that_is_not_torch_is_refused(tmp_path):
    path = tmp_path / "notes.pt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a model")
    _refused(path, "without PyTorch data")


def test_safetensors_named_file_is_not_dispatched_to_safetensors(tmp_path):
    path = tmp_path / "model.safetensors"
    path.write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}      ")
    _refused(path, "not an MLP Studio model file")


def test_a_failed_load_leaves_the_existing_file_and_nothing_else(tmp_path):
    good = tmp_path / "good.pt"
    save_model(good, SPEC, _layers(2), CONFIG, "XOR")
    before = good.read_bytes()
    (tmp_path / "bad.pt").write_bytes(b"junk")
    _refused(tmp_path / "bad.pt")
    assert good.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["bad.pt", "good.pt"]


# ---------------------------------------------------------------- M-02 pickled code

class _Exploit:
    """Unpickling this runs a shell command that creates a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("force_unsafe", ["1", "0"])
def test_pickle_payload_never_runs(tmp_path, monkeypatch, force_unsafe):
    if force_unsafe == "1":
        monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    marker = tmp_path / "pwned"
    path = _write_payload(tmp_path / "evil.pt", extra=_Exploit(marker))
    message = _refused(path, "nothing in it was run")
    assert not marker.exists()
    assert "objects other than plain weights" in message
    state_dict_path = _write_payload(tmp_path / "evil2.pt", state_dict={"0.weight": _Exploit(marker)})
    _refused(state_dict_path)
    assert not marker.exists()


def test_good_files_still_load_while_the_unsafe_variable_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    save_model(tmp_path / "m.pt", SPEC, _layers(4), CONFIG, "XOR")
    assert load_model(tmp_path / "m.pt").spec == SPEC  # torch 2.13 honours the explicit weights_only=True


def test_the_exploit_is_real_when_loaded_unsafely(tmp_path):
    """Control: the payload above really runs code under an unsafe load, so its refusal means something."""
    marker = tmp_path / "control"
    path = _write_payload(tmp_path / "evil.pt", extra=_Exploit(marker))
    torch.load(path, weights_only=False)
    assert marker.exists()


def test_legacy_and_raw_pickles_with_code_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    marker = tmp_path / "pwned"
    legacy = tmp_path / "legacy.pt"
    torch.save({"x": _Exploit(marker)}, legacy, _use_new_zipfile_serialization=False)
    raw = tmp_path / "raw.pt"
    raw.write_bytes(pickle.dumps(_Exploit(marker)))
    for path in (legacy, raw):
        _refused(path, "not an MLP Studio model file")
    assert not marker.exists()


def test_weights_only_probe_refuses_when_torch_ignores_it(tmp_path, monkeypatch):
    """If a torch version let the env var defeat weights_only, loading is refused while it is set."""
    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    path = tmp_path / "m.pt"
    save_model(path, SPEC, _layers(), CONFIG, "XOR")
    real_load = torch.load
    monkeypatch.setattr(torch, "load", lambda f, **kw: real_load(f, **{**kw, "weights_only": False}))
    _refused(path, "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD")
    monkeypatch.delenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD")
    monkeypatch.setattr(torch, "load", real_load)
    assert load_model(path).dataset_name == "XOR"


# ---------------------------------------------------------------- M-03 other PyTorch files

def test_whole_module_torchscript_and_list_payloads_are_refused(tmp_path):
    model = build_model(SPEC, seed=0)
    whole = tmp_path / "whole.pt"
    torch.save(model, whole)
    _refused(whole, "objects other than plain weights")
    scripted = tmp_path / "scripted.pt"
    with pytest.warns(DeprecationWarning):
        torch.jit.script(model).save(str(scripted))
    _refused(scripted, "TorchScript")
    listed = tmp_path / "list.pt"
    torch.save([model.state_dict()], listed)
    _refused(listed, "not an MLP Studio model")
    bare_state = tmp_path / "state.pt"
    torch.save(model.state_dict(), bare_state)
    _refused(bare_state, "not an MLP Studio model")


# ---------------------------------------------------------------- M-04 wrong content

def test_wrong_architecture_is_refused(tmp_path):
    other = NetworkSpec(2, (LayerSpec(6, "tanh"),), 2)
    path = _write_payload(tmp_path / "m.pt", state_dict=build_model(other).state_dict())
    _refused(path, "weights do not match")


def test_wrong_shape_of_one_tensor_is_refused(tmp_path):
    state = build_model(SPEC, seed=0).state_dict()
    state["2.weight"] = torch.zeros(4, 6)
    _refused(_write_payload(tmp_path / "m.pt", state_dict=state), "weights do not match", "2.weight", "(4, 5)")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_weights_are_refused(tmp_path, value):
    state = build_model(SPEC, seed=0).state_dict()
    state["0.bias"][2] = value
    _refused(_write_payload(tmp_path / "m.pt", state_dict=state), "NaN weights")


@pytest.mark.parametrize("change, words", [
    ({"format": "something-else"}, ["not an MLP Studio model"]),
    ({"version": 2}, ["newer or unknown"]),
    ({"version": True}, ["newer or unknown"]),
    ({"spec": None}, ["missing: spec"]),
    ({"surprise": 1}, ["unknown: surprise"]),
    ({"spec": "{not json"}, ["not valid JSON"]),
    ({"spec": json.dumps({"input_size": 2, "output_size": 2, "hidden": [{"units": -3}]})}, ["cannot be built"]),
    ({"config": json.dumps({"learning_rate": "banana"})}, ["training settings", "invalid"]),
    ({"dataset": "Nope"}, ["unknown dataset"]),
    ({"dataset": "MNIST"}, ["does not fit the MNIST data"]),
    ({"dataset": 42}, ["not a short text"]),
    ({"state_dict": [1, 2]}, ["weights do not match"]),
], ids=lambda v: str(v)[:40])
def test_structure_problems_are_refused(tmp_path, change, words):
    _refused(_write_payload(tmp_path / "m.pt", **change), *words)


def test_extra_key_and_float64_weights_are_refused(tmp_path):
    state = build_model(SPEC, seed=0).state_dict()
    state["9.weight"] = torch.zeros(1)
    _refused(_write_payload(tmp_path / "a.pt", state_dict=state), "9.weight")
    state = {k: v.double() for k, v in build_model(SPEC, seed=0).state_dict().items()}
    _refused(_write_payload(tmp_path / "b.pt", state_dict=state), "float64")


# ---------------------------------------------------------------- M-05 refused before reading

def test_missing_path_and_folder_are_refused(tmp_path):
    _refused(tmp_path / "nothing.pt", "does not exist")
    _refused(tmp_path, "is a folder")


def test_oversized_file_is_refused_before_any_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.pt"
    with open(path, "wb") as file:
        file.truncate(model_io.MAX_FILE_BYTES + 1)  # sparse: no disk used
    opened = []
    monkeypatch.setattr(os, "open", lambda *a, **k: opened.append(a) or pytest.fail("opened"))
    _refused(path, "larger than")
    assert opened == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.pt"
    os.mkfifo(fifo)
    _refused(fifo, "not a regular file")  # opening it for reading would block forever


# ---------------------------------------------------------------- M-06 fuzz

def _only_model_file_error(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.pt"
        path.write_bytes(data)
        try:
            result = load_model(path)
        except ModelFileError as exc:
            assert str(exc)
        else:
            assert isinstance(result, LoadedModel)
            assert all(np.isfinite(layer.weight).all() for layer in result.layers)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_fuzz_random_bytes(data):
    _only_model_file_error(data)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, len(GOOD_BYTES) - 1))
def test_fuzz_truncations(length):
    _only_model_file_error(GOOD_BYTES[:length])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(GOOD_BYTES) - 1), st.integers(1, 255))
def test_fuzz_one_byte_flips(position, xor):
    data = bytearray(GOOD_BYTES)
    data[position] ^= xor
    _only_model_file_error(bytes(data))


# ---------------------------------------------------------------- M-08 killed mid-save

_SLOW_SAVER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from core.model import build_model, snapshot_layers
    from core.model_io import save_model
    from core.network_spec import LayerSpec, NetworkSpec
    from core.reports import TrainingConfig

    real_replace = os.replace
    def slow_replace(src, dst):
        print("replacing", flush=True)
        time.sleep(60)  # the parent kills us here, between the temp file and the rename
        real_replace(src, dst)
    os.replace = slow_replace
    spec = NetworkSpec(2, (LayerSpec(5, "tanh"), LayerSpec(4, "relu", dropout=0.1)), 2)
    save_model(sys.argv[2], spec, snapshot_layers(build_model(spec, seed=42)), TrainingConfig(), "XOR")
""")


def test_save_killed_mid_write_leaves_the_previous_file_loadable(tmp_path):
    path = tmp_path / "model.pt"
    old_layers = _layers(1)
    save_model(path, SPEC, old_layers, CONFIG, "XOR")
    child = subprocess.Popen([sys.executable, "-c", _SLOW_SAVER, str(ROOT), str(path)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "replacing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    loaded = load_model(path)
    assert np.array_equal(loaded.layers[0].weight, old_layers[0].weight)
    parts = list(tmp_path.glob("*.part"))
    assert len(parts) == 1 and parts[0].stat().st_size > 0  # the finished temp file, never renamed
    assert clean_stale_parts(tmp_path) == parts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.pt"]


# ---------------------------------------------------------------- M-09 disk full, permission

def _fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


@pytest.mark.parametrize("target, code, words", [
    ("fsync", errno.ENOSPC, "the disk is full"),
    ("replace", errno.EACCES, "permission"),
    ("replace", errno.EROFS, "read-only"),
])
def test_save_errors_are_sentences_and_keep_the_old_file(tmp_path, monkeypatch, target, code, words):
    path = tmp_path / "model.pt"
    save_model(path, SPEC, _layers(1), CONFIG, "XOR")
    before = path.read_bytes()
    monkeypatch.setattr(os, target, _fail_with(code))
    with pytest.raises(ModelFileError) as info:
        save_model(path, SPEC, _layers(2), CONFIG, "XOR")
    assert words in str(info.value) and "unchanged" in str(info.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.part"))  # the temp file was removed


def test_save_into_a_missing_folder_is_a_sentence(tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        save_model(tmp_path / "nope" / "m.pt", SPEC, _layers(), CONFIG, "XOR")


def test_a_flipped_byte_inside_the_weights_is_refused(tmp_path):
    """RELIABILITY: a flipped byte in the weights used to load silently; the checksum catches it."""
    import torch as _torch

    from core.errors import ModelFileError as _Error
    from core.model import build_model as _build, snapshot_weights as _snap
    from core.model_io import load_model as _load, save_model as _save
    from core.network_spec import LayerSpec as _Layer, NetworkSpec as _Spec
    from core.reports import TrainingConfig as _Config

    spec = _Spec(2, (_Layer(4),), 2)
    path = tmp_path / "m.pt"
    _save(path, spec, _snap(_build(spec, seed=0), spec).layers, _Config(), "XOR")
    payload = _torch.load(path, weights_only=True)
    payload["state_dict"]["0.weight"][0, 0] += 0.5   # as if one byte of the weights had changed
    _torch.save(payload, path)
    with pytest.raises(_Error, match="damaged"):
        _load(path)
