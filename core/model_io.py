"""Save and load a trained model as one file that plain PyTorch can read, without ever running its code.

The file is `torch.save` of a plain dict: a format tag, a version, the network spec and the
training settings as JSON strings, the dataset name and a `state_dict` whose keys match
`core.model.build_model(spec)`. Anyone can read it back with

    torch.load(path, weights_only=True)["state_dict"]

Loading checks everything before anything reaches the app: the file (kind and size), the archive,
the structure, the spec, the exact keys and shapes, the dtype and finiteness. Every problem ends
as a `ModelFileError` whose message is one sentence; the caller's current model is never touched.
Saving is atomic (temp file, fsync, rename), so a crash never damages the previous file.
"""
from __future__ import annotations

import errno
import hashlib
import io
import json
import math
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from core.errors import ModelFileError, StudioError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.model import build_model, linear_layers
from core.network_spec import NetworkSpec, validate
from core.paths import atomic_write_bytes
from core.reports import LayerWeights, TrainingConfig

FORMAT = "mlp-studio-model"
VERSION = 1
SUFFIX = ".pt"
MAX_FILE_BYTES = 200 * 1024 * 1024   # 8 hidden layers of 1,700 units fit; a bigger file is not ours
MAX_JSON_CHARS = 100_000
MAX_NAME_CHARS = 200
_TOP_KEYS = frozenset({"format", "version", "spec", "config", "dataset", "state_dict", "extra", "sha256"})
_REQUIRED_KEYS = _TOP_KEYS - {"extra", "sha256"}  # sha256: checked when present (files we write have it)
_UNSAFE_ENV = "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"


@dataclass(frozen=True)
class LoadedModel:
    """What a model file holds, checked: network, weights per Linear layer, settings, dataset name."""

    spec: NetworkSpec
    layers: tuple[LayerWeights, ...]
    config: TrainingConfig
    dataset_name: str
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- keys and shapes

def expected_shapes(spec: NetworkSpec) -> dict[str, tuple[int, ...]]:
    """The state_dict keys and shapes that `build_model(spec)` has, in layer order."""
    with torch.device("meta"):  # shapes only: no memory, no random numbers drawn
        model = build_model(spec)
    return {key: tuple(value.shape) for key, value in model.state_dict().items()}


def _linear_keys(spec: NetworkSpec) -> list[tuple[str, str]]:
    """(weight key, bias key) of each Linear layer, e.g. ('0.weight', '0.bias')."""
    with torch.device("meta"):
        model = build_model(spec)
    index = {id(module): name for name, module in model.named_children()}
    return [(f"{index[id(layer)]}.weight", f"{index[id(layer)]}.bias") for layer in linear_layers(model)]


# ---------------------------------------------------------------- saving

def save_model(path: Path | str, spec: NetworkSpec, layers: tuple[LayerWeights, ...], config: TrainingConfig,
               dataset_name: str, extra: dict | None = None) -> None:
    """Write the model atomically; on any failure raise ModelFileError and leave the old file as it was."""
    path = Path(path)
    data = _serialize(spec, tuple(layers), config, dataset_name, extra)
    if len(data) > MAX_FILE_BYTES:
        raise ModelFileError(translate("core.model_io", "This network is too large to save ({size:.0f} MB; "
                                       "MLP Studio keeps model files under {limit} MB).").format(
            size=len(data) / 1e6, limit=MAX_FILE_BYTES // 2**20))
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ModelFileError(translate("core.model_io", "Could not save the model to {path}: {reason}. "
                                       "The previous file, if any, is unchanged.").format(
            path=path, reason=_os_reason(exc))) from None


def _serialize(spec: NetworkSpec, layers: tuple[LayerWeights, ...], config: TrainingConfig,
               dataset_name: str, extra: dict | None) -> bytes:
    """The file's bytes: torch.save of a dict of plain types and float32 tensors."""
    try:
        validate(spec)
        payload = {"format": FORMAT, "version": VERSION,
                   "spec": json.dumps(spec.to_dict()), "config": json.dumps(config.to_dict(), allow_nan=False),
                   "dataset": str(dataset_name), "extra": json.dumps(extra or {}, allow_nan=False),
                   "state_dict": _state_dict(spec, layers)}
        payload["sha256"] = weights_digest(payload["state_dict"])
    except (TypeError, ValueError, StudioError) as exc:
        raise ModelFileError(translate("core.model_io", "The model cannot be saved: {reason}").format(
            reason=exc)) from None
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def weights_digest(state: dict[str, torch.Tensor]) -> str:
    """SHA-256 over every key and weight byte: a flipped byte in the weights would otherwise load silently."""
    digest = hashlib.sha256()
    for key in sorted(state):
        digest.update(key.encode("utf-8"))
        digest.update(state[key].detach().contiguous().numpy().tobytes())
    return digest.hexdigest()


def _state_dict(spec: NetworkSpec, layers: tuple[LayerWeights, ...]) -> dict[str, torch.Tensor]:
    """Tensors keyed like build_model(spec)'s state_dict, checked against the spec's shapes."""
    keys = _linear_keys(spec)
    if len(layers) != len(keys):
        raise ModelFileError(translate("core.model_io", "The network {network} has {layers} layers but "
                                       "{matrices} weight matrices were given; nothing was saved.").format(
            network=spec.describe(), layers=len(keys), matrices=len(layers)))
    shapes = expected_shapes(spec)
    state: dict[str, torch.Tensor] = {}
    for (w_key, b_key), layer in zip(keys, layers):
        for key, array in ((w_key, layer.weight), (b_key, layer.bias)):
            array = np.asarray(array)
            if array.shape != shapes[key]:
                raise ModelFileError(translate("core.model_io", "The weights {key} have shape {shape}, but the "
                                               "network {network} needs {expected}; nothing was saved.").format(
                    key=key, shape=array.shape, network=spec.describe(), expected=shapes[key]))
            if not np.isfinite(array).all():
                raise ModelFileError(translate("core.model_io", "The weights hold NaN or infinite values (training "
                                               "diverged); nothing was saved."))
            state[key] = torch.from_numpy(np.array(array, dtype=np.float32, order="C"))  # a private copy
    return state


def _os_reason(exc: OSError) -> str:
    """An OSError in words."""
    if exc.errno == errno.ENOSPC:
        return translate("core.model_io", "the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return translate("core.model_io", "you do not have permission to write there")
    if exc.errno == errno.ENOENT:
        return translate("core.model_io", "the folder does not exist")
    if exc.errno == errno.EROFS:
        return translate("core.model_io", "the disk is read-only")
    return exc.strerror or str(exc)


# ---------------------------------------------------------------- loading

def load_model(path: Path | str) -> LoadedModel:
    """Read and check a model file; anything unexpected raises ModelFileError with a sentence."""
    path = Path(path)
    data = _read_file(path)
    payload = _unpickle_weights_only(data, path)
    return _check_payload(payload, path)


def _read_file(path: Path) -> bytes:
    """The file's bytes, after refusing missing paths, folders, pipes, devices and huge files."""
    try:
        info = os.stat(path)
    except OSError as exc:
        reason = translate("core.model_io", "it does not exist") if exc.errno == errno.ENOENT else _os_reason(exc)
        raise ModelFileError(_cannot_open(path, reason)) from None
    _check_regular(info, path)
    try:
        # O_NONBLOCK: a pipe swapped in after the stat must not hang the app on open()
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ModelFileError(_cannot_open(path, _os_reason(exc))) from None
    with os.fdopen(fd, "rb") as file:
        _check_regular(os.fstat(file.fileno()), path)
        try:
            data = file.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ModelFileError(translate("core.model_io", "Cannot read {path}: {reason}.").format(
                path=path, reason=_os_reason(exc))) from None
    if len(data) > MAX_FILE_BYTES:
        raise ModelFileError(translate("core.model_io", "{path} is larger than {limit} MB, too large to be an "
                                       "MLP Studio model file.").format(path=path, limit=MAX_FILE_BYTES // 2**20))
    return data


def _cannot_open(path: Path, reason: str) -> str:
    return translate("core.model_io", "Cannot open {path}: {reason}.").format(path=path, reason=reason)


def _check_regular(info: os.stat_result, path: Path) -> None:
    """Refuse anything but a regular file of a plausible size, before reading a byte."""
    if stat.S_ISDIR(info.st_mode):
        raise ModelFileError(translate("core.model_io", "{path} is a folder, not a model file.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise ModelFileError(translate("core.model_io", "{path} is not a regular file (a pipe or a device?); "
                                       "MLP Studio only opens model files it saved.").format(path=path))
    if info.st_size == 0:
        raise ModelFileError(translate("core.model_io", "{path} is empty; it is not a model file.").format(path=path))
    if info.st_size > MAX_FILE_BYTES:
        raise ModelFileError(translate("core.model_io", "{path} is {size:.0f} MB, larger than the {limit} MB an "
                                       "MLP Studio model file may have.").format(
            path=path, size=info.st_size / 2**20, limit=MAX_FILE_BYTES // 2**20))


def _check_archive(data: bytes, path: Path) -> None:
    """A torch.save archive: a zip whose members are stored, within the size cap, and not TorchScript."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise ModelFileError(translate("core.model_io", "{path} is not an MLP Studio model file (it is not a "
                                       "PyTorch archive, or it is damaged or cut short).").format(path=path)) from None
    names = [m.filename for m in members]
    if not any(n.endswith("/data.pkl") for n in names):
        raise ModelFileError(translate("core.model_io", "{path} is not an MLP Studio model file (it is a zip "
                                       "archive without PyTorch data).").format(path=path))
    if any(n.endswith("/constants.pkl") or "/code/" in n for n in names):
        raise ModelFileError(translate("core.model_io", "{path} is not an MLP Studio model file: it is a "
                                       "TorchScript program, and MLP Studio never runs code from a file.").format(
            path=path))
    if sum(m.file_size for m in members) > MAX_FILE_BYTES or any(m.compress_type != zipfile.ZIP_STORED
                                                                 for m in members):
        raise ModelFileError(translate("core.model_io", "{path} is not an MLP Studio model file (its archive is "
                                       "compressed or claims more than {limit} MB of data).").format(
            path=path, limit=MAX_FILE_BYTES // 2**20))


def _unpickle_weights_only(data: bytes, path: Path) -> object:
    """torch.load with weights_only=True (tensors and plain types only): no code from the file ever runs."""
    _check_archive(data, path)
    _refuse_if_weights_only_defeated()
    try:
        return torch.load(io.BytesIO(data), map_location="cpu", weights_only=True, mmap=False)
    except Exception as exc:  # torch raises many types on hostile input; all mean "not a model file"
        reason = translate("core.model_io", "it holds objects other than plain weights") \
            if "Weights only load failed" in str(exc) \
            else translate("core.model_io", "it is damaged or was not written by MLP Studio")
        raise ModelFileError(translate("core.model_io", "{path} cannot be loaded: {reason}. Nothing in it was "
                                       "run.").format(path=path, reason=reason)) from None


def _refuse_if_weights_only_defeated() -> None:
    """With TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD set, prove that torch still honours weights_only=True.

    torch 2.13 lets that variable override only calls that do not pass `weights_only`; this
    probe (a harmless reference to a function) keeps a future change of that rule from opening the door.
    """
    if os.environ.get(_UNSAFE_ENV, "0").strip().lower() in ("", "0", "false", "no", "n"):
        return
    probe = io.BytesIO()
    torch.save(os.getpid, probe)  # pickled by reference; loading it does not call it
    probe.seek(0)
    try:
        torch.load(probe, map_location="cpu", weights_only=True, mmap=False)
    except Exception:  # noqa: BLE001 - refused, as it should be
        return
    raise ModelFileError(translate("core.model_io", "Model files cannot be opened safely while the environment "
                                   "variable {variable} is set; unset it and try again.").format(variable=_UNSAFE_ENV))


def _check_payload(payload: object, path: Path) -> LoadedModel:
    """Structure, spec, settings, keys, shapes, dtype and finiteness; a LoadedModel if all is well."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelFileError(translate("core.model_io", "{path} is a PyTorch file but not an MLP Studio model "
                                       "(it has no '{tag}' tag).").format(path=path, tag=FORMAT))
    version = payload.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= VERSION:
        raise ModelFileError(translate("core.model_io", "{path} was written by a newer or unknown MLP Studio "
                                       "(file version {version!r}; this version reads {supported}).").format(
            path=path, version=version, supported=VERSION))
    keys = set(payload)
    if keys - _TOP_KEYS or _REQUIRED_KEYS - keys:
        missing, unknown = sorted(_REQUIRED_KEYS - keys), sorted(map(str, keys - _TOP_KEYS))
        none = translate("core.model_io", "none")
        raise ModelFileError(translate("core.model_io", "{path} has an unexpected structure (missing: {missing}; "
                                       "unknown: {unknown}).").format(
            path=path, missing=", ".join(missing) or none, unknown=", ".join(unknown) or none))
    spec = _read_spec(payload["spec"], path)
    config = _read_config(payload["config"], path)
    dataset = _read_dataset(payload["dataset"], spec, path)
    extra = _read_json(payload.get("extra", "{}"), _EXTRA, path)
    layers = _read_layers(payload["state_dict"], spec, path)
    if "sha256" in payload and payload["sha256"] != weights_digest(payload["state_dict"]):
        raise ModelFileError(translate("core.model_io", "{path} is damaged: its weights do not match the checksum "
                                       "written when it was saved (a changed byte). Use an intact copy.").format(
            path=path))
    return LoadedModel(spec, layers, config, dataset, extra)


# what _read_json names in its messages ("The {what} in {path} ..."), translated where shown
_EXTRA = QT_TRANSLATE_NOOP("core.model_io", "extra information")
_NETWORK = QT_TRANSLATE_NOOP("core.model_io", "network description")
_SETTINGS = QT_TRANSLATE_NOOP("core.model_io", "training settings")


def _read_json(text: object, what: str, path: Path) -> dict:
    """A JSON object stored as a string; `what` is one of the texts above."""
    what = translate("core.model_io", what)
    if not isinstance(text, str) or len(text) > MAX_JSON_CHARS:
        raise ModelFileError(translate("core.model_io", "The {what} in {path} is not a short JSON text.").format(
            what=what, path=path))
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise ModelFileError(translate("core.model_io", "The {what} in {path} is not valid JSON.").format(
            what=what, path=path)) from None
    if not isinstance(value, dict):
        raise ModelFileError(translate("core.model_io", "The {what} in {path} is not a JSON object.").format(
            what=what, path=path))
    return value


def _read_spec(text: object, path: Path) -> NetworkSpec:
    try:
        return NetworkSpec.from_dict(_read_json(text, _NETWORK, path))
    except StudioError as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise ModelFileError(translate("core.model_io", "The network described in {path} cannot be built: "
                                       "{reason}").format(path=path, reason=exc)) from None


def _read_config(text: object, path: Path) -> TrainingConfig:
    try:
        return TrainingConfig.from_dict(_read_json(text, _SETTINGS, path))
    except StudioError as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise ModelFileError(translate("core.model_io", "The training settings in {path} are invalid: "
                                       "{reason}").format(path=path, reason=exc)) from None


def _read_dataset(name: object, spec: NetworkSpec, path: Path) -> str:
    """The dataset name, which must be known and fit the network's input and output sizes."""
    from core import datasets  # imported late: numpy-only, but not needed for saving

    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        raise ModelFileError(translate("core.model_io", "{path} names its dataset with something that is not a "
                                       "short text.").format(path=path))
    try:
        inputs = math.prod(datasets.dataset_input_shape(name))
        outputs = len(datasets.dataset_class_names(name)) or 1
    except StudioError:
        raise ModelFileError(translate("core.model_io", "{path} was trained on an unknown dataset "
                                       "{name!r}.").format(path=path, name=name)) from None
    if (spec.input_size, spec.output_size) != (inputs, outputs):
        raise ModelFileError(translate("core.model_io", "The network {network} in {path} does not fit the {name} "
                                       "data ({inputs} inputs, {outputs} outputs).").format(
            network=spec.describe(), path=path, name=name, inputs=inputs, outputs=outputs))
    return name


def _read_layers(state: object, spec: NetworkSpec, path: Path) -> tuple[LayerWeights, ...]:
    """Exact key set, shapes, float32 and finite values; then copies as LayerWeights."""
    shapes = expected_shapes(spec)
    if not isinstance(state, dict) or set(state) != set(shapes):
        found = ", ".join(sorted(map(str, state))) if isinstance(state, dict) else \
            translate("core.model_io", "a {type}").format(type=type(state).__name__)
        raise ModelFileError(translate("core.model_io", "The weights do not match the network {network}: {path} "
                                       "holds {found} where {expected} are expected.").format(
            network=spec.describe(), path=path, found=found, expected=", ".join(shapes)))
    for key, shape in shapes.items():
        tensor = state[key]
        if not isinstance(tensor, torch.Tensor) or tuple(tensor.shape) != shape:
            got = tuple(tensor.shape) if isinstance(tensor, torch.Tensor) else type(tensor).__name__
            raise ModelFileError(translate("core.model_io", "The weights do not match the network {network}: {key} "
                                           "in {path} has shape {got}, expected {shape}.").format(
                network=spec.describe(), key=key, path=path, got=got, shape=shape))
        if tensor.dtype != torch.float32 or tensor.layout != torch.strided or tensor.is_quantized:
            raise ModelFileError(translate("core.model_io", "{key} in {path} holds {dtype} values; MLP Studio models "
                                           "hold float32.").format(key=key, path=path, dtype=tensor.dtype))
        if not bool(torch.isfinite(tensor).all()):
            raise ModelFileError(translate("core.model_io", "The file holds NaN weights (not-a-number or infinite "
                                           "values in {key}), left by a diverged run; {path} cannot be used.").format(
                key=key, path=path))
    return tuple(LayerWeights(state[w].detach().numpy().copy(), state[b].detach().numpy().copy())
                 for w, b in _linear_keys(spec))
