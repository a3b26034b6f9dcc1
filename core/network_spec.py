"""The network a student designs: frozen layer specs, validation, parameter counts and formulas."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from core.errors import SpecError
from core.i18n import QT_TRANSLATE_NOOP, translate

ACTIVATIONS: tuple[str, ...] = ("relu", "leaky_relu", "sigmoid", "tanh", "linear")
ACTIVATION_LABELS = {"relu": "ReLU", "leaky_relu": "LeakyReLU", "sigmoid": "σ", "tanh": "tanh",
                     "linear": "", "softmax": "softmax"}
INITS: tuple[str, ...] = ("default", "small_random", "zeros")
OUTPUT_ACTIVATIONS: tuple[str, ...] = ("softmax", "linear")
MAX_UNITS = 4096
MAX_HIDDEN_LAYERS = 8
TINY_PRESET = QT_TRANSLATE_NOOP("core.network_spec", "{network} (tiny)")


@dataclass(frozen=True)
class LayerSpec:
    """One hidden layer: how many neurons, which activation, how much dropout."""

    units: int
    activation: str = "relu"
    dropout: float = 0.0


@dataclass(frozen=True)
class NetworkSpec:
    """A whole MLP: input size (fixed by the data), hidden layers, output (fixed by the task)."""

    input_size: int
    hidden: tuple[LayerSpec, ...] = ()
    output_size: int = 10
    output_activation: str = "softmax"
    init: str = "default"

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        return (self.input_size, *(layer.units for layer in self.hidden), self.output_size)

    @property
    def activations(self) -> tuple[str, ...]:
        """Activation after each Linear layer; the last is the output's."""
        return (*(layer.activation for layer in self.hidden), self.output_activation)

    def describe(self) -> str:
        """'784-16-16-10', as the lecture writes it."""
        return "-".join(str(n) for n in self.layer_sizes)

    def with_hidden(self, hidden: tuple[LayerSpec, ...] | list[LayerSpec]) -> NetworkSpec:
        return replace(self, hidden=tuple(hidden))

    def to_dict(self) -> dict:
        return {"input_size": self.input_size, "output_size": self.output_size,
                "output_activation": self.output_activation, "init": self.init,
                "hidden": [{"units": h.units, "activation": h.activation, "dropout": h.dropout}
                           for h in self.hidden]}

    @staticmethod
    def from_dict(data: dict) -> NetworkSpec:
        """Rebuild and validate a spec read from a file; bad content raises SpecError."""
        try:
            hidden = tuple(LayerSpec(int(h["units"]), str(h.get("activation", "relu")),
                                     float(h.get("dropout", 0.0))) for h in data.get("hidden", []))
            spec = NetworkSpec(int(data["input_size"]), hidden, int(data["output_size"]),
                               str(data.get("output_activation", "softmax")), str(data.get("init", "default")))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SpecError(translate("core.network_spec", "The network description is incomplete or malformed "
                                                           "({problem}).").format(problem=exc)) from None
        validate(spec)
        return spec


def _check_units(units: object, what: str) -> None:
    """`what` is the layer as the subject of a sentence: 'The output layer', 'Hidden layer 2' (translated)."""
    if isinstance(units, bool) or not isinstance(units, int):
        raise SpecError(translate("core.network_spec", "{what} must be a whole number of neurons, "
                                                       "not {units!r}.").format(what=what, units=units))
    if not 1 <= units <= MAX_UNITS:
        raise SpecError(translate("core.network_spec", "{what} must have between 1 and {limit} neurons, "
                                                       "not {units}.").format(what=what, limit=MAX_UNITS, units=units))


def validate(spec: NetworkSpec) -> NetworkSpec:
    """Check every field; raise SpecError with a sentence for the first problem found."""
    if not isinstance(spec.input_size, int) or isinstance(spec.input_size, bool) or not 1 <= spec.input_size <= 100_000:
        raise SpecError(translate("core.network_spec", "The input size must be between 1 and 100000, "
                                                       "not {size!r}.").format(size=spec.input_size))
    _check_units(spec.output_size, translate("core.network_spec", "The output layer"))
    if len(spec.hidden) > MAX_HIDDEN_LAYERS:
        raise SpecError(translate("core.network_spec", "At most {limit} hidden layers are supported, "
                                                       "not {count}.").format(limit=MAX_HIDDEN_LAYERS,
                                                                              count=len(spec.hidden)))
    for i, layer in enumerate(spec.hidden, start=1):
        _check_units(layer.units, translate("core.network_spec", "Hidden layer {index}").format(index=i))
        if layer.activation not in ACTIVATIONS:
            raise SpecError(translate("core.network_spec", "Hidden layer {index} has an unknown activation "
                                                           "{activation!r}; choose one of {choices}.").format(
                index=i, activation=layer.activation, choices=", ".join(ACTIVATIONS)))
        if not (isinstance(layer.dropout, (int, float)) and 0.0 <= layer.dropout <= 0.9):
            raise SpecError(translate("core.network_spec", "Dropout of hidden layer {index} must be between 0 "
                                                           "and 0.9, not {dropout!r}.").format(index=i,
                                                                                              dropout=layer.dropout))
    if spec.output_activation not in OUTPUT_ACTIVATIONS:
        raise SpecError(translate("core.network_spec", "The output activation must be softmax or linear, "
                                                       "not {activation!r}.").format(activation=spec.output_activation))
    if spec.init not in INITS:
        raise SpecError(translate("core.network_spec", "Unknown weight initialisation {init!r}; choose one of "
                                                       "{choices}.").format(init=spec.init, choices=", ".join(INITS)))
    return spec


def parameter_count(spec: NetworkSpec) -> int:
    """Weights plus biases of every Linear layer (784-16-16-10 has 13,002)."""
    sizes = spec.layer_sizes
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def layer_shapes(spec: NetworkSpec) -> list[tuple[tuple[int, int], tuple[int]]]:
    """(W shape, b shape) per layer, W as (n_out, n_in) like torch.nn.Linear."""
    sizes = spec.layer_sizes
    return [((n_out, n_in), (n_out,)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def layer_formula(spec: NetworkSpec, index: int) -> str:
    """The lecture's formula for layer `index` (0-based), e.g. 'h1 = ReLU(W1·x + b1)   W1: 16×784, b1: 16'."""
    shapes = layer_shapes(spec)
    if not 0 <= index < len(shapes):
        raise SpecError(translate("core.network_spec", "The network has {count} layers; there is no "
                                                       "layer {number}.").format(count=len(shapes), number=index + 1))
    (n_out, n_in), _ = shapes[index]
    k = index + 1
    source = "x" if index == 0 else f"h{index}"
    target = "ŷ" if index == len(shapes) - 1 else f"h{k}"
    act = ACTIVATION_LABELS[spec.activations[index]]
    inner = f"W{k}·{source} + b{k}"
    body = f"{act}({inner})" if act else inner
    return f"{target} = {body}   W{k}: {n_out}×{n_in}, b{k}: {n_out}"


def default_spec(input_size: int = 784, output_size: int = 10, task: str = "classification") -> NetworkSpec:
    """The lecture network for images (784-16-16-10); a small tanh net for toy sets."""
    output_activation = "softmax" if task == "classification" else "linear"
    if input_size == 784:
        hidden = (LayerSpec(16), LayerSpec(16))
    elif input_size == 1 and task == "regression":
        hidden = (LayerSpec(16, "tanh"), LayerSpec(16, "tanh"))
    else:
        hidden = (LayerSpec(8, "tanh"), LayerSpec(8, "tanh"))
    return NetworkSpec(input_size, hidden, output_size, output_activation)


def presets(input_size: int, output_size: int, task: str) -> dict[str, NetworkSpec]:
    """Named networks the designer offers for a dataset of this shape.

    The names are English and also identify a preset (lessons refer to them); show one with
    `preset_label(name)`.
    """
    out = "softmax" if task == "classification" else "linear"
    make = lambda *hidden: NetworkSpec(input_size, tuple(hidden), output_size, out)  # noqa: E731
    if input_size == 784:
        return {QT_TRANSLATE_NOOP("core.network_spec", "784-16-16-10 (the lecture network, 13,002 parameters)"):
                make(LayerSpec(16), LayerSpec(16)),
                "784-64-64-10": make(LayerSpec(64), LayerSpec(64)),
                QT_TRANSLATE_NOOP("core.network_spec", "784-128-10 (one wide layer)"): make(LayerSpec(128)),
                QT_TRANSLATE_NOOP("core.network_spec", "linear (no hidden layer)"): make()}
    if task == "regression" and input_size == 1:
        return {QT_TRANSLATE_NOOP("core.network_spec", "1-16-16-1 tanh (smooth curves)"):
                make(LayerSpec(16, "tanh"), LayerSpec(16, "tanh")),
                QT_TRANSLATE_NOOP("core.network_spec", "1-32-1 ReLU (piecewise lines)"): make(LayerSpec(32)),
                QT_TRANSLATE_NOOP("core.network_spec", "linear (a straight line: w·x + b)"): make()}
    return {f"{input_size}-8-8-{output_size} tanh": make(LayerSpec(8, "tanh"), LayerSpec(8, "tanh")),
            f"{input_size}-16-16-{output_size} ReLU": make(LayerSpec(16), LayerSpec(16)),
            TINY_PRESET.format(network=f"{input_size}-4-{output_size}"): make(LayerSpec(4, "tanh")),
            QT_TRANSLATE_NOOP("core.network_spec", "linear (no hidden layer)"): make()}


def preset_label(name: str) -> str:
    """The text the designer's menu shows for the preset called `name` (a key of `presets`)."""
    tiny_suffix = TINY_PRESET.format(network="")
    if name.endswith(tiny_suffix):
        return translate("core.network_spec", TINY_PRESET).format(network=name[:-len(tiny_suffix)])
    return translate("core.network_spec", name)


def is_finite_number(value: object) -> bool:
    """True for a real, finite int/float (not bool)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
