"""One example through a network with every intermediate number: forward, softmax, loss, backprop.

Pure numpy in float64, so the hand computation can be shown number by number and compared with
`torch.autograd` (see `core.autograd_check`, which holds the torch side) to 1e-6.
Conventions follow `core.inference` and `core.training`: weight (n_out, n_in), z = W·x + b, the
network outputs logits, cross-entropy works on logits, and for classification MSE/MAE compare
softmax with the one-hot target.
"""
from __future__ import annotations

import importlib
import math
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Sequence

import numpy as np

from core.errors import ConfigError, FormulaError, SpecError
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.inference import LEAKY_SLOPE, activate
from core.network_spec import ACTIVATION_LABELS, NetworkSpec, validate
from core.reports import LayerWeights, WeightsReport

LECTURE_SCORES: tuple[float, ...] = (-6.8, 2.6, 5.9, 6.7, 1.9, -1.3, -5.7, 3.2, 1.3, 1.0)
LECTURE_LABEL = 3
WALK_LOSSES: tuple[str, ...] = ("cross_entropy", "mse", "mae", "sum_squared")
MAX_TYPED_NUMBERS = 1000
EXP_SHIFT_LIMIT = 50.0   # beyond this exp() is shown shifted by the max (the same probabilities)
PHASES: tuple[str, ...] = ("forward", "backward", "update")
# what the GUI calls the numbers it hands to parse_numbers (translated there, inside the sentences)
TYPED_WHAT: tuple[str, ...] = (QT_TRANSLATE_NOOP("core.walkthrough", "scores"),
                               QT_TRANSLATE_NOOP("core.walkthrough", "predictions"),
                               QT_TRANSLATE_NOOP("core.walkthrough", "targets"))


# ---------------------------------------------------------------- numbers as text

def num(value: float, digits: int = 4) -> str:
    """A number the way a slide writes it: 4 significant digits and a real minus sign."""
    value = float(f"{float(value):.12g}")   # round off float noise first, so 0.0091125 ± 1e-17 read the same
    if value == 0:
        return "0"
    text = f"{value:.{digits}g}"
    return text.replace("-", "−")


def factor(value: float) -> str:
    """A number inside a product: negatives in parentheses, e.g. (−1.5)."""
    text = num(value)
    return f"({text})" if text.startswith("−") else text


def vector_text(values: np.ndarray) -> str:
    """[1.2, −1.1] for a vector, [[a, b], [c, d]] for a matrix."""
    values = np.asarray(values, dtype=np.float64)
    if values.ndim == 0:
        return num(values)
    return "[" + ", ".join(vector_text(v) for v in values) + "]"


def parse_numbers(text: str, what: str = "scores") -> np.ndarray:
    """Read typed numbers separated by commas, semicolons or spaces ('−' works as a minus)."""
    cleaned = text.replace("−", "-").replace("–", "-").strip().strip("[]()")
    tokens = [t for t in re.split(r"[,;\s]+", cleaned) if t]
    what = translate("core.walkthrough", what)
    if not tokens:
        raise FormulaError(translate("core.walkthrough", "Type at least one number for the {what}, separated by "
                                                         "commas.").format(what=what))
    if len(tokens) > MAX_TYPED_NUMBERS:
        raise FormulaError(translate("core.walkthrough", "At most {limit} {what} can be shown, not {count}.").format(
            limit=MAX_TYPED_NUMBERS, what=what, count=len(tokens)))
    values = []
    for token in tokens:
        try:
            value = float(token)
        except ValueError:
            message = translate("core.walkthrough", "'{token}' is not a number; type the {what} like −6.8, 2.6, 5.9.")
            raise FormulaError(message.format(token=token, what=what)) from None
        if not math.isfinite(value):
            raise FormulaError(translate("core.walkthrough", "The {what} must be ordinary finite numbers, "
                                                             "not '{token}'.").format(what=what, token=token))
        values.append(value)
    return np.asarray(values, dtype=np.float64)


# ---------------------------------------------------------------- weights and inputs

def as_layers(weights: WeightsReport | Sequence[LayerWeights]) -> tuple[LayerWeights, ...]:
    """The layers of a report or a plain list of LayerWeights."""
    return weights.layers if isinstance(weights, WeightsReport) else tuple(weights)


def activation_names(weights: WeightsReport | Sequence[LayerWeights],
                     activations: Sequence[str] | None) -> tuple[str, ...]:
    """The activation after each layer: given, or the report's own; SpecError if they do not match."""
    if activations is not None:
        names = tuple(activations)
    elif isinstance(weights, WeightsReport):
        names = weights.activations
    else:
        raise SpecError(translate("core.walkthrough", "Say which activation follows each layer."))
    if len(names) != len(as_layers(weights)):
        raise SpecError(translate("core.walkthrough", "The network has {layers} layers but {activations} "
                                                      "activations.").format(layers=len(as_layers(weights)),
                                                                             activations=len(names)))
    return names


def random_layers(spec: NetworkSpec, seed: int = 0) -> tuple[LayerWeights, ...]:
    """Untrained weights for a spec, like PyTorch's default U(±1/√n_in), reproducible by seed."""
    validate(spec)
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out in zip(spec.layer_sizes[:-1], spec.layer_sizes[1:]):
        bound = 1.0 / math.sqrt(n_in)
        if spec.init == "zeros":
            weight, bias = np.zeros((n_out, n_in)), np.zeros(n_out)
        elif spec.init == "small_random":
            weight, bias = rng.normal(0.0, 0.01, (n_out, n_in)), np.zeros(n_out)
        else:
            weight, bias = rng.uniform(-bound, bound, (n_out, n_in)), rng.uniform(-bound, bound, n_out)
        layers.append(LayerWeights(weight.astype(np.float32), bias.astype(np.float32)))
    return tuple(layers)


def untrained_weights(spec: NetworkSpec, seed: int = 0) -> WeightsReport:
    """A WeightsReport of fixed-seed random weights, for looking inside before any training."""
    layers = random_layers(spec, seed)
    return WeightsReport(0, layers, spec.activations, np.zeros(len(layers), np.float32))


def weights_fit(weights: WeightsReport | None, spec: NetworkSpec) -> bool:
    """True when a snapshot has exactly the layer shapes and activations of the spec."""
    if weights is None or tuple(weights.activations) != spec.activations:
        return False
    sizes = spec.layer_sizes
    return len(weights.layers) == len(sizes) - 1 and all(
        layer.weight.shape == (n_out, n_in) for layer, n_in, n_out in zip(weights.layers, sizes[:-1], sizes[1:]))


def example_input(input_size: int, seed: int = 0) -> np.ndarray:
    """A fixed random input for when there is no data and no drawing yet."""
    return np.random.default_rng(seed).normal(0.0, 1.0, input_size)


def input_position(index: int, input_shape: Sequence[int] | None) -> tuple[int, ...] | None:
    """(row, column) of input `index` for an image input; None for flat inputs."""
    if input_shape is None or len(input_shape) < 2:
        return None
    return tuple(int(i) for i in np.unravel_index(index, tuple(input_shape)))


def source_name(layer_index: int) -> str:
    """Name of a layer's input vector: x for the first, h1, h2, ... after."""
    return "x" if layer_index == 0 else f"h{layer_index}"


def weight_explanation(layer_index: int, row: int, col: int, weight: float, source: float,
                       input_shape: Sequence[int] | None = None) -> str:
    """'W1[3, 407] = 0.021 multiplies pixel (14, 15) = 0.83 → adds 0.017 to z1[3]'."""
    k = layer_index + 1
    position = input_position(col, input_shape) if layer_index == 0 else None
    if position is not None:
        target = translate("core.walkthrough", "pixel {position} = x[{col}] = {value}").format(
            position=str(tuple(position)).replace(",)", ")"), col=col, value=num(source, 3))
    else:
        target = f"{source_name(layer_index)}[{col}] = {num(source, 3)}"
    return translate("core.walkthrough", "W{k}[{row}, {col}] = {weight} multiplies {target} → adds {product} "
                                         "to z{k}[{row}]").format(k=k, row=row, col=col, weight=num(weight, 3),
                                                                  target=target, product=num(weight * source, 3))


# ---------------------------------------------------------------- forward pass of one layer

@dataclass(frozen=True)
class LayerWalk:
    """One layer with every number: W·x + b = z, then activation(z) = h (float64)."""

    index: int              # 0-based layer number
    activation: str
    weight: np.ndarray      # (n_out, n_in)
    bias: np.ndarray        # (n_out,)
    x: np.ndarray           # (n_in,) the layer's input
    z: np.ndarray           # (n_out,) pre-activation
    h: np.ndarray           # (n_out,) activation(z); softmax probabilities for a softmax output


@dataclass(frozen=True)
class BiasTrick:
    """The lecture's bias trick: b as an extra column of W and a 1 appended to x."""

    weight: np.ndarray      # (n_out, n_in + 1) = [W | b]
    x: np.ndarray           # (n_in + 1,) = [x; 1]
    z: np.ndarray           # (n_out,) = [W | b]·[x; 1], the same z as W·x + b


def layer_forward(layer: LayerWeights, x: np.ndarray, activation: str, index: int = 0) -> LayerWalk:
    """z = W·x + b and h = activation(z) for one input vector, in float64."""
    weight = np.asarray(layer.weight, dtype=np.float64)
    bias = np.asarray(layer.bias, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    if weight.shape[1] != x.shape[0]:
        raise SpecError(translate("core.walkthrough", "Layer {layer} expects {expected} inputs but got {got}.").format(
            layer=index + 1, expected=weight.shape[1], got=x.shape[0]))
    with np.errstate(invalid="ignore", over="ignore"):  # non-finite weights show as nan/inf cells, quietly
        z = weight @ x + bias
        h = activate(z, activation)
    return LayerWalk(index, activation, weight, bias, x, z, h)


def network_walk(weights: WeightsReport | Sequence[LayerWeights], x: np.ndarray,
                 activations: Sequence[str] | None = None) -> tuple[LayerWalk, ...]:
    """Every layer of the network for one input, each with its own x, z and h."""
    names = activation_names(weights, activations)
    walks, h = [], np.asarray(x, dtype=np.float64).reshape(-1)
    for index, (layer, name) in enumerate(zip(as_layers(weights), names)):
        walk = layer_forward(layer, h, name, index)
        walks.append(walk)
        h = walk.h
    return tuple(walks)


def bias_trick(weight: np.ndarray, bias: np.ndarray, x: np.ndarray) -> BiasTrick:
    """Fold b into W as a last column and append a 1 to x; the product is the same z."""
    weight = np.asarray(weight, dtype=np.float64)
    augmented = np.column_stack([weight, np.asarray(bias, dtype=np.float64)])   # (n_out, n_in + 1)
    x_aug = np.append(np.asarray(x, dtype=np.float64).reshape(-1), 1.0)
    return BiasTrick(augmented, x_aug, augmented @ x_aug)


def z_explanation(walk: LayerWalk, row: int) -> str:
    """'z1[3] = W1[3, :]·x + b1[3] = 1.234 + (−0.05) = 1.184' for one pre-activation."""
    k, dot = walk.index + 1, float(walk.weight[row] @ walk.x)
    return (f"z{k}[{row}] = W{k}[{row}, :]·{source_name(walk.index)} + b{k}[{row}] = {num(dot)} + "
            f"{factor(walk.bias[row])} = {num(walk.z[row])}")


def h_explanation(walk: LayerWalk, row: int) -> str:
    """'h1[3] = ReLU(z1[3]) = ReLU(1.184) = 1.184' for one activation."""
    k = walk.index + 1
    label = ACTIVATION_LABELS.get(walk.activation) or translate("core.walkthrough", "identity")
    name = f"h{k}"
    if walk.activation == "softmax":
        return f"{name}[{row}] = softmax(z{k})[{row}] = e^{factor(walk.z[row])} / Σ e^z{k} = {num(walk.h[row])}"
    return f"{name}[{row}] = {label}(z{k}[{row}]) = {label}({num(walk.z[row])}) = {num(walk.h[row])}"


def input_explanation(layer_index: int, index: int, value: float, input_shape: Sequence[int] | None = None) -> str:
    """'x[407] = pixel (14, 15) = 0.83' or 'h1[5] = 0.3' for one input of a layer."""
    position = input_position(index, input_shape) if layer_index == 0 else None
    name = f"{source_name(layer_index)}[{index}]"
    if position is not None and len(position) == 2:
        return translate("core.walkthrough", "{name} = pixel ({row}, {col}) = {value}").format(
            name=name, row=position[0], col=position[1], value=num(value))
    return f"{name} = {num(value)}"


# ---------------------------------------------------------------- softmax, cross-entropy, regression losses

@dataclass(frozen=True)
class SoftmaxWalk:
    """Raw scores → exp → divide by the sum → probabilities, and −log p of the correct class."""

    scores: np.ndarray
    temperature: float
    scaled: np.ndarray          # s / T
    shift: float                # subtracted before exp so it cannot overflow (0 for ordinary scores)
    exps: np.ndarray            # exp(s / T − shift)
    total: float                # Σ exps
    probabilities: np.ndarray
    label: int | None
    loss: float | None          # −log p[label]


def softmax_walk(scores: Sequence[float] | np.ndarray, temperature: float = 1.0,
                 label: int | None = None) -> SoftmaxWalk:
    """Every step of softmax with temperature T, and the cross-entropy loss for `label`."""
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    if scores.size == 0 or not np.isfinite(scores).all():
        raise FormulaError(translate("core.walkthrough", "Softmax needs at least one finite score."))
    if not (isinstance(temperature, (int, float)) and math.isfinite(temperature) and temperature > 0):
        raise ConfigError(translate("core.walkthrough", "The temperature must be a positive number, "
                                                        "not {value!r}.").format(value=temperature))
    if label is not None and not 0 <= label < scores.size:
        raise ConfigError(translate("core.walkthrough", "The correct class must be from 0 to {last}, "
                                                        "not {label}.").format(last=scores.size - 1, label=label))
    scaled = scores / temperature
    top = float(scaled.max())
    shift = top if abs(top) > EXP_SHIFT_LIMIT else 0.0
    exps = np.exp(scaled - shift)
    total = float(exps.sum())
    loss = None if label is None else math.log(total) + shift - float(scaled[label])  # −log p, stable
    return SoftmaxWalk(scores, float(temperature), scaled, shift, exps, total, exps / total, label, loss)


@dataclass(frozen=True)
class RegressionWalk:
    """The three regression losses of one set of predictions, with the errors they come from."""

    predictions: np.ndarray
    targets: np.ndarray
    errors: np.ndarray          # ŷ − y
    mse: float                  # (1/n) Σ (ŷ − y)²
    rmse: float                 # √MSE, in the units of y
    mae: float                  # (1/n) Σ |ŷ − y|


def regression_losses(predictions: Sequence[float] | np.ndarray,
                      targets: Sequence[float] | np.ndarray) -> RegressionWalk:
    """MSE, RMSE and MAE of predictions against targets (one target may serve every prediction)."""
    pred = np.asarray(predictions, dtype=np.float64).reshape(-1)
    target = np.asarray(targets, dtype=np.float64).reshape(-1)
    if target.size == 1 and pred.size > 1:
        target = np.full_like(pred, target[0])
    if pred.size == 0 or pred.shape != target.shape:
        raise FormulaError(translate("core.walkthrough", "Type as many targets as predictions ({predictions} "
                                                         "predictions, {targets} targets).").format(
            predictions=pred.size, targets=target.size))
    errors = pred - target
    mse = float(np.mean(errors ** 2))
    return RegressionWalk(pred, target, errors, mse, math.sqrt(mse), float(np.mean(np.abs(errors))))


# ---------------------------------------------------------------- step-by-step backprop on tiny networks

@dataclass(frozen=True)
class Step:
    """One step of a walkthrough: a title, the formula with the numbers put in, and the value."""

    phase: str                          # "forward" | "backward" | "update"
    title: str
    formula: str
    value: np.ndarray                   # float64, shape () for a number
    key: str = ""                       # the quantity torch also computes ("grad:w1"); "" if none
    reference: np.ndarray | None = None  # torch's value for `key`, once attached

    @property
    def difference(self) -> float | None:
        """max |ours − torch| for this step, None when there is nothing to compare."""
        if self.reference is None:
            return None
        return float(np.max(np.abs(self.value - np.asarray(self.reference, dtype=np.float64))))


def _operand(value) -> str:
    """A number or vector as a factor of a product."""
    value = np.asarray(value, dtype=np.float64)
    return factor(float(value)) if value.ndim == 0 else vector_text(value)


def _step(phase: str, title: str, formula: str, value, key: str = "") -> Step:
    return Step(phase, title, formula, np.asarray(value, dtype=np.float64), key)


def attach_reference(steps: Sequence[Step], reference: dict[str, np.ndarray]) -> tuple[Step, ...]:
    """Put torch's value next to each step that has one."""
    return tuple(replace(s, reference=np.asarray(reference[s.key], dtype=np.float64))
                 if s.key in reference else s for s in steps)


@dataclass(frozen=True)
class ChainParams:
    """The lecture's chain h = w1·x, ŷ = w2·h, L = ½(ŷ − y)², with learning rate η."""

    x: float = 2.0
    y: float = 3.0
    w1: float = 0.5
    w2: float = 1.5
    lr: float = 0.1


def _chain_values(p: ChainParams) -> dict[str, float]:
    """Every number of the chain: forward values, gradients, updated weights and the new loss."""
    v = {"h": p.w1 * p.x}
    v["y_hat"] = p.w2 * v["h"]
    v["loss"] = 0.5 * (v["y_hat"] - p.y) ** 2
    v["d_yhat"] = v["y_hat"] - p.y
    v["d_w2"], v["d_h"] = v["d_yhat"] * v["h"], v["d_yhat"] * p.w2
    v["d_w1"] = v["d_h"] * p.x
    v["new_w1"], v["new_w2"] = p.w1 - p.lr * v["d_w1"], p.w2 - p.lr * v["d_w2"]
    v["new_loss"] = 0.5 * (v["new_w2"] * v["new_w1"] * p.x - p.y) ** 2
    return v


def _descent_title(name: str) -> str:
    """'Gradient-descent step for w1'."""
    return translate("core.walkthrough", "Gradient-descent step for {name}").format(name=name)


def _was(old: float) -> str:
    """'(was 0.5)' after a new loss."""
    return translate("core.walkthrough", "(was {old})").format(old=num(old))


def _chain_forward(p: ChainParams, v: dict[str, float]) -> tuple[Step, ...]:
    return (
        _step("forward", translate("core.walkthrough", "Hidden value"),
              f"h = w1·x = {factor(p.w1)}·{factor(p.x)} = {num(v['h'])}", v["h"], "h"),
        _step("forward", translate("core.walkthrough", "Prediction"),
              f"ŷ = w2·h = {factor(p.w2)}·{factor(v['h'])} = {num(v['y_hat'])}", v["y_hat"], "y_hat"),
        _step("forward", translate("core.walkthrough", "Loss"),
              f"L = ½(ŷ − y)² = ½({num(v['y_hat'])} − {factor(p.y)})² = {num(v['loss'])}", v["loss"], "loss"),
    )


def _chain_backward(p: ChainParams, v: dict[str, float]) -> tuple[Step, ...]:
    d = factor(v["d_yhat"])
    return (
        _step("backward", translate("core.walkthrough", "Start at the loss: ∂L/∂ŷ"),
              f"∂L/∂ŷ = ŷ − y = {num(v['y_hat'])} − {factor(p.y)} = {num(v['d_yhat'])}", v["d_yhat"], "grad:y_hat"),
        _step("backward", translate("core.walkthrough", "Local derivative of ŷ = w2·h with respect to w2"),
              f"∂ŷ/∂w2 = h = {num(v['h'])}", v["h"]),
        _step("backward", translate("core.walkthrough", "Chain rule for w2"),
              f"∂L/∂w2 = ∂L/∂ŷ·∂ŷ/∂w2 = (ŷ − y)·h = {d}·{factor(v['h'])} = {num(v['d_w2'])}", v["d_w2"], "grad:w2"),
        _step("backward", translate("core.walkthrough", "Local derivative of ŷ = w2·h with respect to h"),
              f"∂ŷ/∂h = w2 = {num(p.w2)}", p.w2),
        _step("backward", translate("core.walkthrough", "Chain rule into h"),
              f"∂L/∂h = ∂L/∂ŷ·∂ŷ/∂h = (ŷ − y)·w2 = {d}·{factor(p.w2)} = {num(v['d_h'])}", v["d_h"], "grad:h"),
        _step("backward", translate("core.walkthrough", "Local derivative of h = w1·x with respect to w1"),
              f"∂h/∂w1 = x = {num(p.x)}", p.x),
        _step("backward", translate("core.walkthrough", "Product along the whole chain"),
              f"∂L/∂w1 = (ŷ − y)·w2·x = {d}·{factor(p.w2)}·{factor(p.x)} = {num(v['d_w1'])}", v["d_w1"], "grad:w1"),
    )


def _chain_update(p: ChainParams, v: dict[str, float]) -> tuple[Step, ...]:
    return (
        _step("update", _descent_title("w1"), f"w1 ← w1 − η·∂L/∂w1 = {num(p.w1)} − {num(p.lr)}·"
              f"{factor(v['d_w1'])} = {num(v['new_w1'])}", v["new_w1"], "new:w1"),
        _step("update", _descent_title("w2"), f"w2 ← w2 − η·∂L/∂w2 = {num(p.w2)} − {num(p.lr)}·"
              f"{factor(v['d_w2'])} = {num(v['new_w2'])}", v["new_w2"], "new:w2"),
        _step("update", translate("core.walkthrough", "Loss with the new weights"),
              f"L = ½(w2·w1·x − y)² = ½({factor(v['new_w2'])}·{factor(v['new_w1'])}·{factor(p.x)} − "
              f"{factor(p.y)})² = {num(v['new_loss'])}  {_was(v['loss'])}", v["new_loss"], "new:loss"),
    )


def chain_steps(p: ChainParams) -> tuple[Step, ...]:
    """Forward values, local derivatives and their products along the chain, then the update."""
    v = _chain_values(p)
    return _chain_forward(p, v) + _chain_backward(p, v) + _chain_update(p, v)


@dataclass(frozen=True)
class TinyParams:
    """A 2-2-1 network: z = W1·x + b1, h = ReLU(z), ŷ = w2·h + b2, L = ½(ŷ − y)²."""

    x: tuple[float, float] = (1.0, -2.0)
    y: float = 2.0
    w1: tuple[tuple[float, float], tuple[float, float]] = ((0.5, -0.3), (-0.8, 0.2))
    b1: tuple[float, float] = (0.1, 0.1)
    w2: tuple[float, float] = (1.0, -0.5)
    b2: float = 0.2
    lr: float = 0.1

    def arrays(self) -> dict[str, np.ndarray]:
        """The parameters as float64 arrays: x (2,), W1 (2, 2), b1 (2,), w2 (2,)."""
        return {"x": np.asarray(self.x, np.float64), "W1": np.asarray(self.w1, np.float64),
                "b1": np.asarray(self.b1, np.float64), "w2": np.asarray(self.w2, np.float64)}


def _tiny_forward(p: TinyParams) -> tuple[Step, ...]:
    a = p.arrays()
    x, w1, b1, w2 = a["x"], a["W1"], a["b1"], a["w2"]
    z = w1 @ x + b1
    h = np.maximum(z, 0.0)
    y_hat = float(w2 @ h + p.b2)
    loss = 0.5 * (y_hat - p.y) ** 2
    rows = [" + ".join(f"{factor(w)}·{factor(v)}" for w, v in zip(w1[i], x)) + f" + {factor(b1[i])}" for i in range(2)]
    out = " + ".join(f"{factor(w)}·{factor(v)}" for w, v in zip(w2, h)) + f" + {factor(p.b2)}"
    return (
        _step("forward", translate("core.walkthrough", "Hidden pre-activations"),
              f"z = W1·x + b1 = [{rows[0]}, {rows[1]}] = {vector_text(z)}", z, "z"),
        _step("forward", translate("core.walkthrough", "ReLU keeps the positive part"),
              f"h = ReLU(z) = max(z, 0) = {vector_text(h)}", h, "h"),
        _step("forward", translate("core.walkthrough", "Output"), f"ŷ = w2·h + b2 = {out} = {num(y_hat)}",
              y_hat, "y_hat"),
        _step("forward", translate("core.walkthrough", "Loss"),
              f"L = ½(ŷ − y)² = ½({num(y_hat)} − {factor(p.y)})² = {num(loss)}", loss, "loss"),
    )


def _tiny_gradients(p: TinyParams) -> dict[str, np.ndarray]:
    a = p.arrays()
    z = a["W1"] @ a["x"] + a["b1"]
    h = np.maximum(z, 0.0)
    d_yhat = float(a["w2"] @ h + p.b2) - p.y
    d_h = d_yhat * a["w2"]
    d_z = relu_backward(d_h, z)
    return {"z": z, "h": h, "y_hat": np.float64(d_yhat), "w2": d_yhat * h, "b2": np.float64(d_yhat),
            "grad_h": d_h, "mask": (z > 0).astype(np.float64), "grad_z": d_z, "W1": np.outer(d_z, a["x"]), "b1": d_z}


def _tiny_backward(p: TinyParams) -> tuple[Step, ...]:
    g, w2, x = _tiny_gradients(p), np.asarray(p.w2, np.float64), np.asarray(p.x, np.float64)
    d = float(g["y_hat"])
    gradient_for = translate("core.walkthrough", "Gradient for {name}")
    mask = translate("core.walkthrough", "ReLU'(z) = [z > 0] with z = {z} → {mask}").format(
        z=vector_text(g["z"]), mask=vector_text(g["mask"]))
    return (
        _step("backward", translate("core.walkthrough", "Start at the loss: ∂L/∂ŷ"), f"∂L/∂ŷ = ŷ − y = {num(d)}",
              d, "grad:y_hat"),
        _step("backward", gradient_for.format(name="b2"), f"∂L/∂b2 = ∂L/∂ŷ·1 = {num(d)}", d, "grad:b2"),
        _step("backward", gradient_for.format(name="w2"), f"∂L/∂w2 = ∂L/∂ŷ·h = {factor(d)}·{vector_text(g['h'])} = "
              f"{vector_text(g['w2'])}", g["w2"], "grad:w2"),
        _step("backward", translate("core.walkthrough", "Chain rule into h"),
              f"∂L/∂h = ∂L/∂ŷ·w2 = {factor(d)}·{vector_text(w2)} = {vector_text(g['grad_h'])}", g["grad_h"], "grad:h"),
        _step("backward", translate("core.walkthrough", "Local derivative of ReLU: a mask"), mask, g["mask"]),
        _step("backward", translate("core.walkthrough", "Chain rule through ReLU"),
              f"∂L/∂z = ∂L/∂h ⊙ [z > 0] = {vector_text(g['grad_h'])} ⊙ {vector_text(g['mask'])} = "
              f"{vector_text(g['grad_z'])}", g["grad_z"], "grad:z"),
        _step("backward", gradient_for.format(name="b1"), f"∂L/∂b1 = ∂L/∂z = {vector_text(g['b1'])}", g["b1"],
              "grad:b1"),
        _step("backward", translate("core.walkthrough", "Gradient for W1 (outer product)"),
              f"∂L/∂W1 = ∂L/∂z·xᵀ = {vector_text(g['grad_z'])}·{vector_text(x)}ᵀ = {vector_text(g['W1'])}", g["W1"],
              "grad:W1"),
    )


def _tiny_update(p: TinyParams) -> tuple[Step, ...]:
    g, a = _tiny_gradients(p), p.arrays()
    new = {"W1": a["W1"] - p.lr * g["W1"], "b1": a["b1"] - p.lr * g["b1"],
           "w2": a["w2"] - p.lr * g["w2"], "b2": p.b2 - p.lr * float(g["b2"])}
    old = {"W1": a["W1"], "b1": a["b1"], "w2": a["w2"], "b2": p.b2}
    steps = [_step("update", _descent_title(name),
                   f"{name} ← {name} − η·∂L/∂{name} = {vector_text(old[name])} − {num(p.lr)}·"
                   f"{_operand(g[name])} = {vector_text(new[name])}", new[name], f"new:{name}")
             for name in ("W1", "b1", "w2", "b2")]
    moved = TinyParams(p.x, p.y, tuple(map(tuple, new["W1"])), tuple(new["b1"]), tuple(new["w2"]),
                       float(new["b2"]), p.lr)
    new_loss = float(_tiny_forward(moved)[-1].value)
    old_loss = float(_tiny_forward(p)[-1].value)
    steps.append(_step("update", translate("core.walkthrough", "Loss with the new weights"),
                       f"L = ½(ŷ − y)² = {num(new_loss)}  {_was(old_loss)}", new_loss, "new:loss"))
    return tuple(steps)


def tiny_network_steps(p: TinyParams) -> tuple[Step, ...]:
    """The 2-2-1 ReLU network: forward values, backward through the ReLU mask, then the update."""
    return _tiny_forward(p) + _tiny_backward(p) + _tiny_update(p)


# ---------------------------------------------------------------- the manual backward pass of a whole MLP

def relu_backward(grad_h: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Chain rule through ReLU: the incoming gradient where z > 0, zero elsewhere (also at z = 0)."""
    return grad_h * (np.asarray(z) > 0)


def activation_backward(grad_h: np.ndarray, z: np.ndarray, name: str) -> np.ndarray:
    """∂L/∂z = ∂L/∂h ⊙ activation'(z) for a hidden layer."""
    if name == "relu":
        return relu_backward(grad_h, z)
    if name == "leaky_relu":
        return grad_h * np.where(z > 0, 1.0, LEAKY_SLOPE)
    if name == "sigmoid":
        s = activate(z, "sigmoid")
        return grad_h * s * (1.0 - s)
    if name == "tanh":
        t = np.tanh(z)
        return grad_h * (1.0 - t * t)
    if name == "linear":
        return grad_h
    raise SpecError(translate("core.walkthrough", "A hidden layer cannot use the activation {name!r}.").format(
        name=name))


def softmax_backward(grad_p: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Chain rule through softmax (rows): ∂L/∂z = p ⊙ (∂L/∂p − Σ ∂L/∂p ⊙ p)."""
    return p * (grad_p - np.sum(grad_p * p, axis=-1, keepdims=True))


def _targets(y, logits: np.ndarray, classification: bool) -> np.ndarray:
    if classification:
        labels = np.asarray(y).reshape(-1)
        if labels.shape[0] != logits.shape[0] or not np.issubdtype(labels.dtype, np.integer) \
                or labels.min() < 0 or labels.max() >= logits.shape[1]:
            raise ConfigError(translate("core.walkthrough", "Each label must be a class number from 0 to "
                                                            "{last}.").format(last=logits.shape[1] - 1))
        return np.eye(logits.shape[1])[labels]
    target = np.asarray(y, dtype=np.float64)
    if target.size != logits.size:
        raise ConfigError(translate("core.walkthrough", "The targets have {count} values but the network gives "
                                                        "{outputs}.").format(count=target.size, outputs=logits.size))
    return target.reshape(logits.shape)


def output_gradient(logits: np.ndarray, y, loss: str, task: str) -> tuple[float, np.ndarray]:
    """(mean loss, ∂L/∂logits) with the training conventions; 'sum_squared' is the lecture's Σ(ŷ − y)²."""
    if loss not in WALK_LOSSES:
        raise ConfigError(translate("core.walkthrough", "Unknown loss {loss!r}; choose one of {choices}.").format(
            loss=loss, choices=", ".join(WALK_LOSSES)))
    classification = task == "classification" and loss != "sum_squared"
    if loss == "cross_entropy" and not classification:
        raise ConfigError(translate("core.walkthrough", "Cross-entropy needs classes; for a regression output "
                                                        "choose MSE or MAE."))
    target = _targets(y, logits, classification)
    if loss == "cross_entropy":
        p = activate(logits, "softmax")
        top = logits.max(axis=1, keepdims=True)
        log_sum = np.log(np.sum(np.exp(logits - top), axis=1)) + top[:, 0]      # log Σ exp z, stable
        value = float(np.mean(log_sum - np.sum(logits * target, axis=1)))       # −log p[y]
        return value, (p - target) / logits.shape[0]            # softmax + cross-entropy: (p − onehot) / N
    out = activate(logits, "softmax") if classification else logits
    diff = out - target
    if loss == "sum_squared":
        return float(np.sum(diff ** 2)), 2.0 * diff
    if loss == "mse":
        value, grad_out = float(np.mean(diff ** 2)), 2.0 * diff / diff.size
    else:
        value, grad_out = float(np.mean(np.abs(diff))), np.sign(diff) / diff.size
    return value, softmax_backward(grad_out, out) if classification else grad_out


@dataclass(frozen=True)
class NetworkGradients:
    """Loss and ∂L/∂W, ∂L/∂b of every layer (float64), from the manual pass or from autograd."""

    loss: float
    weight_grads: tuple[np.ndarray, ...]    # (n_out, n_in) per layer
    bias_grads: tuple[np.ndarray, ...]      # (n_out,) per layer
    deltas: tuple[np.ndarray, ...] = ()     # ∂L/∂z per layer, (N, n_out)


def manual_backward(weights: WeightsReport | Sequence[LayerWeights], x: np.ndarray, y,
                    activations: Sequence[str] | None = None, loss: str = "cross_entropy",
                    task: str | None = None) -> NetworkGradients:
    """Backpropagation by hand in numpy: δ_L from the loss, then δ_k = (W_{k+1}ᵀ δ_{k+1}) ⊙ act'(z_k)."""
    layers, names = as_layers(weights), activation_names(weights, activations)
    task = task or ("classification" if names[-1] == "softmax" else "regression")
    h = np.atleast_2d(np.asarray(x, dtype=np.float64))            # (N, D)
    zs, hs = [], [h]
    for k, layer in enumerate(layers):
        zs.append(hs[-1] @ np.asarray(layer.weight, np.float64).T + np.asarray(layer.bias, np.float64))
        if k < len(layers) - 1:
            hs.append(activate(zs[-1], names[k]))                 # the output layer keeps its logits
    value, delta = output_gradient(zs[-1], y, loss, task)
    grads_w, grads_b, deltas = [], [], []
    for k in reversed(range(len(layers))):
        grads_w.append(delta.T @ hs[k])                           # ∂L/∂W_k = δ_kᵀ · h_{k−1}
        grads_b.append(delta.sum(axis=0))
        deltas.append(delta)
        if k > 0:
            grad_h = delta @ np.asarray(layers[k].weight, np.float64)   # ∂L/∂h_{k−1} = W_kᵀ δ_k
            delta = activation_backward(grad_h, zs[k - 1], names[k - 1])
    return NetworkGradients(value, tuple(reversed(grads_w)), tuple(reversed(grads_b)), tuple(reversed(deltas)))


def backward_formulas(activations: Sequence[str], loss: str, task: str) -> tuple[str, ...]:
    """The rule that gives δ of each layer, as the lecture writes it (first layer first)."""
    n = len(activations)
    derivative = {"relu": "[z{k} > 0]", "leaky_relu": translate("core.walkthrough", "(1 if z{k} > 0 else 0.01)"),
                  "sigmoid": "σ(z{k})(1 − σ(z{k}))",
                  "tanh": "(1 − tanh²(z{k}))", "linear": "1"}
    if loss == "cross_entropy":
        last = f"δ{n} = softmax(z{n}) − onehot(y)"
    elif loss == "sum_squared":
        last = f"δ{n} = 2(z{n} − y)"
    else:
        core_term = "2(ŷ − y)/n" if loss == "mse" else "sign(ŷ − y)/n"
        last = f"δ{n} = softmax'(z{n})ᵀ·{core_term}" if task == "classification" else f"δ{n} = {core_term}"
    rules = [f"δ{k} = (W{k + 1}ᵀ·δ{k + 1}) ⊙ " + derivative[activations[k - 1]].format(k=k) for k in range(1, n)]
    return (*rules, last)


@dataclass(frozen=True)
class LayerComparison:
    """Manual against autograd gradients for one layer."""

    layer: int                  # 1-based
    shape: tuple[int, int]
    manual_norm: float          # ‖∂L/∂W‖ from the manual pass
    reference_norm: float       # ‖∂L/∂W‖ from autograd
    weight_diff: float          # max |manual − autograd| over ∂L/∂W
    bias_diff: float            # max |manual − autograd| over ∂L/∂b

    @property
    def max_diff(self) -> float:
        """The larger of the two differences."""
        return max(self.weight_diff, self.bias_diff)


def _norm(values: np.ndarray) -> float:
    """‖values‖ (Frobenius) without BLAS: called on the GUI thread while training threads run."""
    return math.sqrt(float(np.sum(np.square(values))))


def compare_gradients(manual: NetworkGradients, reference: NetworkGradients) -> tuple[LayerComparison, ...]:
    """Per-layer norms and largest differences between two sets of gradients."""
    if len(manual.weight_grads) != len(reference.weight_grads):
        raise SpecError(translate("core.walkthrough", "The two gradient sets belong to networks with different "
                                                      "numbers of layers."))
    rows = []
    for k, (gw, rw, gb, rb) in enumerate(zip(manual.weight_grads, reference.weight_grads,
                                             manual.bias_grads, reference.bias_grads), start=1):
        rows.append(LayerComparison(k, tuple(gw.shape), _norm(gw), _norm(rw),
                                    float(np.max(np.abs(gw - rw))), float(np.max(np.abs(gb - rb)))))
    return tuple(rows)


def max_difference(comparisons: Sequence[LayerComparison]) -> float:
    """The largest difference over all layers (0 for no layers)."""
    return max((c.max_diff for c in comparisons), default=0.0)


def load_autograd_side(should_stop: Callable[[], bool]) -> Iterator[str]:
    """A report source for a background thread: import the torch side (seconds on first use)."""
    importlib.import_module("core.autograd_check")
    yield "loaded"
