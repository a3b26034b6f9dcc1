"""The forward pass in numpy over a weight snapshot: live predictions without torch in the GUI."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from core.reports import LayerWeights, WeightsReport

LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class ForwardResult:
    """Every layer's output for one input or a batch."""

    pre_activations: tuple[np.ndarray, ...]   # z of each layer
    activations: tuple[np.ndarray, ...]       # h of each hidden layer, then the output (probabilities or values)
    logits: np.ndarray                        # z of the output layer
    probabilities: np.ndarray | None          # softmax(logits) for classification, else None


def activate(z: np.ndarray, name: str) -> np.ndarray:
    """Apply an activation by name (softmax over the last axis)."""
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, LEAKY_SLOPE * z)
    if name == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # overflow-free form of 1 / (1 + e^-z)
    if name == "tanh":
        return np.tanh(z)
    if name == "softmax":
        return softmax(z)
    return z


def softmax(z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """exp(z/T) / sum exp(z/T), shifted by the max so large scores never overflow."""
    scaled = np.asarray(z, dtype=np.float64) / temperature
    e = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def forward(weights: WeightsReport | Sequence[LayerWeights], x: np.ndarray,
            activations: Sequence[str] | None = None) -> ForwardResult:
    """Run x ((D,) or (N, D)) through the snapshot; hidden activations and softmax come back."""
    layers = weights.layers if isinstance(weights, WeightsReport) else tuple(weights)
    names = tuple(activations) if activations is not None else weights.activations
    h = np.asarray(x, dtype=np.float32)
    zs, hs = [], []
    for layer, name in zip(layers, names):
        z = h @ layer.weight.T + layer.bias  # weight (n_out, n_in)
        h = activate(z, name)
        zs.append(z)
        hs.append(h)
    probs = hs[-1] if names[-1] == "softmax" else None
    return ForwardResult(tuple(zs), tuple(hs), zs[-1], probs)
