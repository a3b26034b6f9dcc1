"""Build a torch MLP from a NetworkSpec and copy its weights out as numpy."""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from core.network_spec import NetworkSpec, validate
from core.reports import LayerWeights, WeightsReport

_ACTIVATION_MODULES = {"relu": nn.ReLU, "leaky_relu": lambda: nn.LeakyReLU(0.01),
                       "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}


def build_model(spec: NetworkSpec, seed: int | None = None) -> nn.Sequential:
    """Linear → activation (→ dropout) per hidden layer, then a Linear output producing logits."""
    validate(spec)
    if seed is not None:
        torch.manual_seed(seed)
    modules: list[nn.Module] = []
    sizes = spec.layer_sizes
    for i, layer in enumerate(spec.hidden):
        modules.append(nn.Linear(sizes[i], sizes[i + 1]))
        if layer.activation != "linear":
            modules.append(_ACTIVATION_MODULES[layer.activation]())
        if layer.dropout > 0:
            modules.append(nn.Dropout(layer.dropout))
    modules.append(nn.Linear(sizes[-2], sizes[-1]))  # softmax lives in the loss / inference
    model = nn.Sequential(*modules)
    _initialise(model, spec.init)
    return model


def _initialise(model: nn.Sequential, init: str) -> None:
    """'default' keeps PyTorch's Kaiming-uniform; 'zeros' really is all zeros (a lesson in symmetry)."""
    if init == "default":
        return
    with torch.no_grad():
        for layer in linear_layers(model):
            if init == "zeros":
                layer.weight.zero_()
            else:
                layer.weight.normal_(0.0, 0.01)
            layer.bias.zero_()


def linear_layers(model: nn.Sequential) -> list[nn.Linear]:
    return [m for m in model if isinstance(m, nn.Linear)]


def snapshot_layers(model: nn.Sequential) -> tuple[LayerWeights, ...]:
    """Copy each Linear layer out of torch.

    `Tensor.numpy()` shares memory with the tensor and `optimizer.step()` writes in place,
    so without `.copy()` the GUI could draw a half-updated matrix.
    """
    return tuple(LayerWeights(layer.weight.detach().cpu().numpy().astype(np.float32, copy=True),
                              layer.bias.detach().cpu().numpy().astype(np.float32, copy=True))
                 for layer in linear_layers(model))


def grad_norms(model: nn.Sequential) -> np.ndarray:
    """L2 norm of each Linear layer's weight gradient (0 where there is none yet)."""
    norms = [float(layer.weight.grad.norm()) if layer.weight.grad is not None else 0.0
             for layer in linear_layers(model)]
    return np.asarray(norms, dtype=np.float32)


def snapshot_weights(model: nn.Sequential, spec: NetworkSpec, step: int = 0) -> WeightsReport:
    """A WeightsReport of the model as it is now."""
    return WeightsReport(step, snapshot_layers(model), spec.activations, grad_norms(model))


def load_layers(model: nn.Sequential, layers: tuple[LayerWeights, ...]) -> None:
    """Write numpy weights back into the model (used to restore the best or last good weights)."""
    with torch.no_grad():
        for layer, values in zip(linear_layers(model), layers):
            layer.weight.copy_(torch.from_numpy(values.weight))
            layer.bias.copy_(torch.from_numpy(values.bias))
