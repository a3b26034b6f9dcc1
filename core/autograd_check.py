"""The same gradients as `core.walkthrough`, computed by torch.autograd and returned as numpy.

The walkthrough does backpropagation by hand; this module lets torch do it for the same numbers
(float64), so the app can show both side by side. Only single examples or small batches go through
here; the GUI imports it lazily, so torch is not loaded at window start-up.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import torch
import torch.nn.functional as F

from core.errors import ConfigError
from core.i18n import translate
from core.inference import LEAKY_SLOPE
from core.reports import LayerWeights, WeightsReport
from core.training import data_loss
from core.walkthrough import (WALK_LOSSES, ChainParams, NetworkGradients, TinyParams, activation_names,
                              as_layers)

_ACTIVATIONS = {"relu": torch.relu, "leaky_relu": lambda z: F.leaky_relu(z, LEAKY_SLOPE),
                "sigmoid": torch.sigmoid, "tanh": torch.tanh, "linear": lambda z: z}


def _leaf(value) -> torch.Tensor:
    """A float64 tensor that collects its gradient."""
    return torch.tensor(np.asarray(value, dtype=np.float64), dtype=torch.float64, requires_grad=True)


def _const(value) -> torch.Tensor:
    return torch.tensor(np.asarray(value, dtype=np.float64), dtype=torch.float64)


def _numpy(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().cpu().numpy().astype(np.float64, copy=True)


def _sgd_step(params: Sequence[torch.Tensor], lr: float) -> list[torch.Tensor]:
    """The plain SGD update w ← w − η·∂L/∂w in torch, on copies of the parameters.

    Written as torch.optim.SGD does it (`param.add_(grad, alpha=-lr)`) rather than by calling it:
    the first optimizer step imports torch._dynamo, which froze the GUI for 3-4 s on this machine.
    """
    with torch.no_grad():
        return [p.detach().clone().add_(p.grad, alpha=-lr) for p in params]


def chain_reference(p: ChainParams) -> dict[str, np.ndarray]:
    """autograd's values for the chain h = w1·x, ŷ = w2·h, L = ½(ŷ − y)², keyed like the walkthrough's steps."""
    x, y = _const(p.x), _const(p.y)
    w1, w2 = _leaf(p.w1), _leaf(p.w2)
    h = w1 * x
    y_hat = w2 * h
    h.retain_grad()
    y_hat.retain_grad()
    loss = 0.5 * (y_hat - y) ** 2
    loss.backward()
    new_w1, new_w2 = _sgd_step([w1, w2], p.lr)
    with torch.no_grad():
        new_loss = 0.5 * (new_w2 * new_w1 * x - y) ** 2
    values = {"h": h, "y_hat": y_hat, "loss": loss, "grad:y_hat": y_hat.grad, "grad:h": h.grad,
              "grad:w1": w1.grad, "grad:w2": w2.grad, "new:w1": new_w1, "new:w2": new_w2, "new:loss": new_loss}
    return {key: _numpy(value) for key, value in values.items()}


def _tiny_loss(x, y, w1, b1, w2, b2) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    z = w1 @ x + b1
    h = torch.relu(z)
    y_hat = w2 @ h + b2
    return z, h, y_hat, 0.5 * (y_hat - y) ** 2


def tiny_network_reference(p: TinyParams) -> dict[str, np.ndarray]:
    """autograd's values for the 2-2-1 ReLU network, keyed like the walkthrough's steps."""
    a = p.arrays()
    x, y = _const(a["x"]), _const(p.y)
    params = {"W1": _leaf(a["W1"]), "b1": _leaf(a["b1"]), "w2": _leaf(a["w2"]), "b2": _leaf(p.b2)}
    z, h, y_hat, loss = _tiny_loss(x, y, *params.values())
    for tensor in (z, h, y_hat):
        tensor.retain_grad()
    loss.backward()
    new = dict(zip(params, _sgd_step(list(params.values()), p.lr)))
    with torch.no_grad():
        new_loss = _tiny_loss(x, y, *new.values())[-1]
    values = {"z": z, "h": h, "y_hat": y_hat, "loss": loss, "grad:y_hat": y_hat.grad, "grad:h": h.grad,
              "grad:z": z.grad, "new:loss": new_loss}
    values.update({f"grad:{name}": t.grad for name, t in params.items()})
    values.update({f"new:{name}": t for name, t in new.items()})
    return {key: _numpy(value) for key, value in values.items()}


def _network_loss(output: torch.Tensor, y, loss: str, task: str) -> torch.Tensor:
    """The training loss (core.training.data_loss), or the lecture's summed squared error."""
    if loss not in WALK_LOSSES:
        raise ConfigError(translate("core.autograd_check", "Unknown loss {loss!r}; choose one of {choices}.").format(
            loss=loss, choices=", ".join(WALK_LOSSES)))
    if loss == "sum_squared":
        return ((output - _const(y).reshape(output.shape)) ** 2).sum()
    if task == "classification":
        return data_loss(output, torch.as_tensor(np.asarray(y, dtype=np.int64).reshape(-1)), loss, task)
    if loss == "cross_entropy":
        raise ConfigError(translate("core.autograd_check", "Cross-entropy needs classes; for a regression output "
                                                           "choose MSE or MAE."))
    return data_loss(output, _const(y).reshape(output.shape), loss, task)


def network_reference(weights: WeightsReport | Sequence[LayerWeights], x: np.ndarray, y,
                      activations: Sequence[str] | None = None, loss: str = "cross_entropy",
                      task: str | None = None) -> NetworkGradients:
    """Loss and ∂L/∂W, ∂L/∂b of every layer by torch.autograd, for the same numbers as `manual_backward`."""
    layers, names = as_layers(weights), activation_names(weights, activations)
    task = task or ("classification" if names[-1] == "softmax" else "regression")
    params = [(_leaf(layer.weight), _leaf(layer.bias)) for layer in layers]
    h = _const(np.atleast_2d(np.asarray(x, dtype=np.float64)))
    for k, (weight, bias) in enumerate(params):
        h = h @ weight.T + bias
        if k < len(params) - 1:
            h = _ACTIVATIONS[names[k]](h)        # the output layer gives logits, as in core.model
    value = _network_loss(h, y, loss, task)
    value.backward()
    return NetworkGradients(float(value.detach()), tuple(_numpy(w.grad) for w, _ in params),
                            tuple(_numpy(b.grad) for _, b in params))
