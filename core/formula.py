"""A safe parser for typed terrain formulas such as ``x**4 - 3*x**2 + x``.

The text is parsed with :mod:`ast` and only a whitelist of nodes is accepted: numbers,
the names ``x`` and ``y`` (and the constants ``pi`` and ``e``), ``+ - * / **`` (``^`` is
read as ``**``), unary minus and a few functions of one argument. Nothing is ever passed
to ``eval``. The gradient comes from the formula itself by forward-mode differentiation:
every node is evaluated together with its partial derivatives (value, d/dx, d/dy).
"""
from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from core.errors import FormulaError
from core.i18n import translate

MAX_LENGTH = 200
MAX_DEPTH = 25
MAX_NODES = 120
MAX_EXPONENT = 10.0
MAX_CONSTANT = 1e6
CONSTANTS = {"pi": math.pi, "e": math.e}

# name -> (function, derivative of the function at u)
FUNCTIONS: dict[str, tuple[Callable[[np.ndarray], np.ndarray], Callable[[np.ndarray], np.ndarray]]] = {
    "sin": (np.sin, np.cos),
    "cos": (np.cos, lambda u: -np.sin(u)),
    "exp": (np.exp, np.exp),
    "log": (np.log, lambda u: 1.0 / u),
    "sqrt": (np.sqrt, lambda u: 0.5 / np.sqrt(u)),
    "abs": (np.abs, np.sign),
    "tanh": (np.tanh, lambda u: 1.0 - np.tanh(u) ** 2),
}

_BINARY = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
_SYMBOLS = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&", ast.BitXor: "^",
            ast.BitOr: "|", ast.LShift: "<<", ast.RShift: ">>"}

Node = tuple  # ("num", c) | ("var", i) | ("neg", a) | (op, a, b) | ("pow", a, p) | ("call", name, a)


@dataclass(frozen=True)
class Formula:
    """A parsed formula of one or two variables with its value and exact gradient."""

    text: str
    variables: tuple[str, ...]
    tree: Node
    _last: dict = field(default_factory=dict, compare=False, repr=False)  # one scalar point, see below

    def value(self, *coords: np.ndarray | float) -> np.ndarray:
        """The formula at the given coordinates (arrays broadcast; never warns)."""
        return self.value_and_gradient(*coords)[0]

    def gradient(self, *coords: np.ndarray | float) -> tuple[np.ndarray, ...]:
        """The partial derivatives, one array per variable, from the formula itself."""
        return self.value_and_gradient(*coords)[1]

    def value_and_gradient(self, *coords: np.ndarray | float) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
        """Value and gradient in one forward-mode pass; non-finite results stay as inf/NaN."""
        if len(coords) != len(self.variables):
            raise FormulaError(translate("core.formula", "This formula needs {count} coordinate(s).").format(
                count=len(self.variables)))
        arrays = [np.asarray(c, dtype=np.float64) for c in coords]
        key = tuple(float(a) for a in arrays) if all(a.ndim == 0 for a in arrays) else None
        if key is not None and key in self._last:  # descent asks for value, then gradient, at one point
            value, grads = self._last[key]
            return value.copy(), tuple(g.copy() for g in grads)
        with np.errstate(all="ignore"):
            value, grads = _evaluate(self.tree, arrays)
            shape = np.broadcast_shapes(*(a.shape for a in arrays))
            value = np.broadcast_to(value, shape).astype(np.float64)
            grads = tuple(np.broadcast_to(g, shape).astype(np.float64) for g in grads)
        if key is not None:
            self._last.clear()
            self._last[key] = (value.copy(), tuple(g.copy() for g in grads))
        return value, grads


def parse_formula(text: str, variables: tuple[str, ...] = ("x",)) -> Formula:
    """Parse a typed formula into a :class:`Formula`, or raise FormulaError with a plain sentence."""
    if not isinstance(text, str):
        raise FormulaError(translate("core.formula", "The formula must be text."))
    cleaned = text.strip()
    if not cleaned:
        raise FormulaError(translate("core.formula", "Type a formula, for example x**4 - 3*x**2 + x."))
    if len(cleaned) > MAX_LENGTH:
        raise FormulaError(translate("core.formula", "The formula is too long: keep it under {limit} "
                                                     "characters.").format(limit=MAX_LENGTH))
    try:  # ^ is how people write powers; as text it must become ** to get the precedence right
        expression = ast.parse(cleaned.replace("^", "**"), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise FormulaError(_syntax_message(cleaned)) from exc
    counter = [0]
    tree = _convert(expression, variables, depth=0, counter=counter)
    return Formula(cleaned, tuple(variables), tree)


def _syntax_message(text: str) -> str:
    """A helpful sentence for text that is not even a formula."""
    if not text.isprintable():
        return translate("core.formula", "The formula contains characters that cannot be typed in a formula.")
    if any(ch.isdigit() and nxt.isalpha() for ch, nxt in zip(text, text[1:])):
        return translate("core.formula", "Could not read '{text}': write a * between a number and a name "
                                         "(3*x, not 3x).").format(text=text)
    if text.count("(") != text.count(")"):
        return translate("core.formula", "Could not read '{text}': the brackets do not match.").format(text=text)
    return translate("core.formula", "Could not read '{text}' as a formula; check for a missing operator "
                                     "or bracket.").format(text=text)


def _convert(node: ast.AST, variables: tuple[str, ...], depth: int, counter: list[int]) -> Node:
    """Check one AST node against the whitelist and turn it into a small tuple tree."""
    counter[0] += 1
    if depth > MAX_DEPTH or counter[0] > MAX_NODES:
        raise FormulaError(translate("core.formula", "The formula is too deeply nested or too long; "
                                                     "please simplify it."))
    if isinstance(node, ast.Constant):
        return ("num", _check_constant(node.value))
    if isinstance(node, ast.Name):
        return _convert_name(node.id, variables)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _convert(node.operand, variables, depth + 1, counter)
        return ("neg", operand) if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        return _convert_binary(node, variables, depth, counter)
    if isinstance(node, ast.Call):
        return _convert_call(node, variables, depth, counter)
    raise FormulaError(_not_allowed_message(node, variables))


def _check_constant(value: object) -> float:
    """Accept plain finite numbers of a sensible size."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FormulaError(translate("core.formula", "Only plain numbers are allowed in a formula (no text, "
                                                     "no complex numbers)."))
    if isinstance(value, int) and abs(value) > MAX_CONSTANT:
        raise FormulaError(translate("core.formula", "The number {value} is too large: keep numbers below "
                                                     "{limit:g}.").format(value=value, limit=MAX_CONSTANT))
    if not math.isfinite(value) or abs(value) > MAX_CONSTANT:
        raise FormulaError(translate("core.formula", "A number in the formula is too large: keep numbers below "
                                                     "{limit:g}.").format(limit=MAX_CONSTANT))
    return float(value)


def _convert_name(name: str, variables: tuple[str, ...]) -> Node:
    """Variables become ("var", index); pi and e become numbers."""
    if name in variables:
        return ("var", variables.index(name))
    if name in CONSTANTS:
        return ("num", CONSTANTS[name])
    if name in FUNCTIONS:
        raise FormulaError(translate("core.formula", "The name '{name}' is a function: write it with brackets, "
                                                     "like {name}(x).").format(name=name))
    raise FormulaError(translate("core.formula", "Unknown name '{name}'. Use {variables}, pi, e, or one of the "
                                                 "functions {functions}.").format(
        name=name, variables=_variables_text(variables), functions=", ".join(FUNCTIONS)))


def _variables_text(variables: tuple[str, ...]) -> str:
    """'x', or 'x and y'."""
    if len(variables) < 2:
        return "".join(variables)
    return translate("core.formula", "{first} and {last}").format(first=" and ".join(variables[:-1]),
                                                                   last=variables[-1])


def _convert_binary(node: ast.BinOp, variables: tuple[str, ...], depth: int, counter: list[int]) -> Node:
    """+ - * / and powers; the exponent of a power must be a plain, small number."""
    op = _BINARY.get(type(node.op))
    if op is None:
        symbol = _SYMBOLS.get(type(node.op), type(node.op).__name__)
        raise FormulaError(translate("core.formula", "The operator '{symbol}' is not allowed; use + - * / and ** "
                                                     "only.").format(symbol=symbol))
    left = _convert(node.left, variables, depth + 1, counter)
    right = _convert(node.right, variables, depth + 1, counter)
    if op == "pow":
        return ("pow", left, _constant_exponent(right))
    return (op, left, right)


def _constant_exponent(tree: Node) -> float:
    """Fold the exponent to a number and check its size (x**1000 would only overflow)."""
    if _has_variable(tree):
        raise FormulaError(translate("core.formula", "The exponent must be a plain number such as 2 or 0.5; "
                                                     "use exp(...) for exponentials."))
    with np.errstate(all="ignore"):
        exponent = float(_evaluate(tree, [])[0])
    if not math.isfinite(exponent) or abs(exponent) > MAX_EXPONENT:
        raise FormulaError(translate("core.formula", "The exponent is too large: keep powers between -{limit:g} "
                                                     "and {limit:g}.").format(limit=MAX_EXPONENT))
    return exponent


def _has_variable(tree: Node) -> bool:
    """True if the subtree mentions x or y."""
    if tree[0] == "var":
        return True
    return any(isinstance(child, tuple) and _has_variable(child) for child in tree[1:])


def _convert_call(node: ast.Call, variables: tuple[str, ...], depth: int, counter: list[int]) -> Node:
    """Only whitelisted functions of exactly one argument."""
    if not isinstance(node.func, ast.Name):
        raise FormulaError(translate("core.formula", "Only the functions {functions} can be called, and attribute "
                                                     "access (a.b) is not allowed.").format(
            functions=", ".join(FUNCTIONS)))
    name = node.func.id
    if name not in FUNCTIONS:
        raise FormulaError(translate("core.formula", "The name '{name}' is not an allowed function; use one of "
                                                     "{functions}.").format(name=name, functions=", ".join(FUNCTIONS)))
    if len(node.args) != 1 or node.keywords or isinstance(node.args[0], ast.Starred):
        raise FormulaError(translate("core.formula", "The function {name} takes exactly one argument, "
                                                     "like {name}(x).").format(name=name))
    return ("call", name, _convert(node.args[0], variables, depth + 1, counter))


def _not_allowed_message(node: ast.AST, variables: tuple[str, ...]) -> str:
    """A sentence naming what was typed and what is allowed instead."""
    allowed = translate("core.formula", "numbers, {variables}, pi, e, + - * / ** (or ^), brackets and "
                                        "{functions}").format(variables=_variables_text(variables),
                                                              functions=", ".join(FUNCTIONS))
    if isinstance(node, ast.Attribute):
        sentence = translate("core.formula", "Attribute access (a.b) is not allowed in a formula. Allowed: {allowed}.")
    elif isinstance(node, ast.Compare):
        sentence = translate("core.formula", "Comparisons (<, >, ==) are not allowed in a formula. "
                                             "Allowed: {allowed}.")
    elif isinstance(node, ast.Subscript):
        sentence = translate("core.formula", "Indexing with [ ] is not allowed in a formula. Allowed: {allowed}.")
    else:
        sentence = translate("core.formula", "That kind of expression is not allowed in a formula. "
                                             "Allowed: {allowed}.")
    return sentence.format(allowed=allowed)


def _evaluate(tree: Node, coords: list[np.ndarray]) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Forward-mode evaluation: returns (value, partial derivatives) of a subtree."""
    kind = tree[0]
    if kind == "num":
        return np.float64(tree[1]), tuple(np.float64(0.0) for _ in coords)
    if kind == "var":
        return coords[tree[1]], tuple(np.float64(i == tree[1]) for i in range(len(coords)))
    if kind == "neg":
        value, grads = _evaluate(tree[1], coords)
        return -value, tuple(-g for g in grads)
    if kind == "call":
        function, derivative = FUNCTIONS[tree[1]]
        value, grads = _evaluate(tree[2], coords)
        outer = derivative(value)  # chain rule: d f(u) = f'(u) du
        return function(value), tuple(outer * g for g in grads)
    if kind == "pow":
        value, grads = _evaluate(tree[1], coords)
        p = tree[2]
        outer = p * np.power(value, p - 1.0) if p != 0 else np.float64(0.0)
        return np.power(value, p), tuple(outer * g for g in grads)
    return _evaluate_binary(kind, _evaluate(tree[1], coords), _evaluate(tree[2], coords))


def _evaluate_binary(kind: str, left: tuple, right: tuple) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Sum, difference, product and quotient rules."""
    (u, du), (v, dv) = left, right
    if kind == "add":
        return u + v, tuple(a + b for a, b in zip(du, dv))
    if kind == "sub":
        return u - v, tuple(a - b for a, b in zip(du, dv))
    if kind == "mul":
        return u * v, tuple(a * v + u * b for a, b in zip(du, dv))
    quotient = u / v
    return quotient, tuple((a - quotient * b) / v for a, b in zip(du, dv))
