"""The Help > Glossary: the words of the lecture, each in two or three plain sentences with its formula.

The texts are marked with QT_TRANSLATE_NOOP (context "gui.glossary") so Qt's translation tools pick
them up, and are translated when they are shown; a formula is marked too where it has words in it.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QTextBrowser, QVBoxLayout, QWidget)

from core.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: its definition and, where there is one, its formula."""

    term: str
    definition: str
    formula: str = ""


def _entry(term: str, definition: str, formula: str = "") -> GlossaryEntry:
    return GlossaryEntry(term, definition, formula)


GLOSSARY: tuple[GlossaryEntry, ...] = (
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "neuron"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The basic unit of a network. It multiplies each input by a weight, adds the results "
                             "and a bias, and passes the sum through an activation function."),
           "a = f(w·x + b)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "weight"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A number on a connection that says how strongly an input affects a neuron. Training "
                             "changes the weights; they are what the network learns."),
           "z = w₁x₁ + w₂x₂ + … + b"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "bias"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A number added to a neuron's weighted sum. It shifts the point at which the neuron "
                             "switches on, independently of the inputs."),
           "z = w·x + b"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "activation function"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The function a neuron applies to its weighted sum. Without it, any number of layers "
                             "would only compute a straight-line (linear) function."),
           "ReLU(z) = max(0, z)   σ(z) = 1 / (1 + e⁻ᶻ)   tanh(z)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "layer"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Neurons side by side that read the same inputs. A whole layer is one matrix product "
                             "followed by the activation; each row of W is one neuron."),
           "h = f(W·x + b)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "hidden layer"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A layer between the input and the output. Its values are not given by the data: the "
                             "network invents them while it learns."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "multilayer perceptron (MLP)"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A network of fully connected layers, each feeding the next. 784-16-16-10 is an MLP "
                             "with 784 inputs, two hidden layers of 16 neurons and 10 outputs."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "parameter"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Every number the network learns: all weights and biases. 784-16-16-10 has 13,002 "
                             "parameters."),
           "784·16 + 16 + 16·16 + 16 + 16·10 + 10 = 13,002"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "forward pass"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Computing the network's output for an input, layer by layer from the input to the "
                             "output, with the weights as they are."),
           "ŷ = f₃(W₃·f₂(W₂·f₁(W₁·x + b₁) + b₂) + b₃)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "logit"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A raw score of the output layer before softmax. Larger means more likely, but logits "
                             "are not probabilities."),
           "z = W·h + b"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "softmax"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Turns the output scores into probabilities: all positive and adding up to 1. The "
                             "largest score gets the largest probability."),
           "softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "one-hot"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A target written as a vector with a 1 for the right class and 0 elsewhere; the digit 3 "
                             "is (0,0,0,1,0,0,0,0,0,0)."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "loss"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "One number that says how wrong the network's predictions are on some examples. "
                             "Training makes it smaller; zero means perfect."),
           "L(ŷ, y)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "mean squared error"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The average of the squared differences between prediction and target; the usual loss "
                             "for predicting numbers (regression)."),
           "L = (1/N) Σ (ŷᵢ − yᵢ)²"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "cross-entropy"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The usual loss for classes: minus the logarithm of the probability the network gives "
                             "to the right class. Sure and right costs almost 0; sure and wrong costs a lot."),
           QT_TRANSLATE_NOOP("gui.glossary", "L = −log p(correct class)")),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "gradient"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The slope of the loss with respect to every parameter, as one vector. It points in the "
                             "direction in which the loss rises fastest."),
           "∇L = (∂L/∂w₁, ∂L/∂w₂, …)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "gradient descent"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Training by repeatedly taking a small step against the gradient, i.e. downhill on the "
                             "loss."),
           "θ ← θ − η·∇L(θ)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "learning rate"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The step size η of gradient descent. Too small and training crawls; too large and the "
                             "loss jumps around or explodes."),
           "θ ← θ − η·∇L"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "epoch"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "One pass over all training examples. With mini-batches of size B and N examples, an "
                             "epoch has ⌈N/B⌉ steps."),
           QT_TRANSLATE_NOOP("gui.glossary", "steps per epoch = ⌈N / B⌉")),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "batch"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The examples used for one training step. Batch gradient descent uses all of them for "
                             "every step: exact but slow."),
           QT_TRANSLATE_NOOP("gui.glossary", "∇L = (1/B) Σ ∇Lᵢ over the batch")),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "mini-batch"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A small random group of examples (e.g. 32 or 64) for one step: a good compromise "
                             "between the noise of single examples and the cost of all."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "stochastic gradient descent (SGD)"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Gradient descent with the gradient of a single example (or a small batch) per step: "
                             "cheap and noisy steps, many per epoch."),
           "θ ← θ − η·∇Lᵢ(θ)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "momentum"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Keeps part of the previous step, like a rolling ball: it smooths zig-zags and rolls "
                             "through small bumps."),
           "v ← μ·v + ∇L,   θ ← θ − η·v"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "Adam"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "An optimizer that combines momentum with a separate, self-adjusting step size for "
                             "every parameter. A good default for most networks."),
           "θ ← θ − η·m̂ / (√v̂ + ε)"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "backpropagation"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The way the gradient is computed: the error at the output is passed back layer by "
                             "layer, multiplying local derivatives with the chain rule."),
           "δₗ = (Wₗ₊₁ᵀ·δₗ₊₁) ⊙ f′(zₗ),   ∂L/∂Wₗ = δₗ·hₗ₋₁ᵀ"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "chain rule"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The derivative of a chain of functions is the product of the derivatives of its links."),
           "∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "vanishing gradient"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "When the gradient shrinks as it travels back through many layers (e.g. the sigmoid's "
                             "slope is at most 0.25), so the first layers hardly learn."),
           "0.25⁴ ≈ 0.004"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "initialisation"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The starting values of the weights, usually small random numbers. If all weights start "
                             "equal, all neurons of a layer stay identical forever."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "training set"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The examples the network learns from: the gradient is computed on them."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "validation set"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Examples kept aside during training to check how well the network does on data it has "
                             "not learned from; used to choose settings and to stop early."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "test set"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Examples used once, at the very end, for an honest final score. Nothing is tuned on "
                             "them."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "overfitting"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "When the network memorises its training examples instead of the general pattern: "
                             "training loss keeps falling while validation loss rises."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "early stopping"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Stop training when the validation loss has not improved for a number of epochs (the "
                             "patience) and keep the weights of the best epoch."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "regularisation"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Anything that discourages memorising, such as a penalty on large weights (L1, L2) or "
                             "dropout."),
           "L_total = L + λ₁Σ|w| + λ₂Σw²"),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "dropout"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "During training, each neuron of a layer is switched off at random with probability p, "
                             "so the network cannot rely on any single neuron."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "accuracy"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "The fraction of examples whose predicted class is the right one."),
           QT_TRANSLATE_NOOP("gui.glossary", "accuracy = correct / total")),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "confusion matrix"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "A table that counts, for every true class (row), how often each class was predicted "
                             "(column). Mistakes are off the diagonal."),
           ""),
    _entry(QT_TRANSLATE_NOOP("gui.glossary", "supervised learning"),
           QT_TRANSLATE_NOOP("gui.glossary",
                             "Learning from examples that come with the right answer (a label or a number), like the "
                             "caveman's notebook of potatoes and apples."),
           ""),
)


def tr(text: str) -> str:
    """A glossary text (term, definition or formula) in the user's language."""
    return translate("gui.glossary", text)


def sort_key(text: str) -> str:
    """Alphabetical order whatever the accents ('époque' between 'early' and 'gradient')."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def entry_html(entry: GlossaryEntry) -> str:
    """An entry as the rich text the dialog shows."""
    formula = f"<p style='font-family: serif; font-size: x-large'>{tr(entry.formula)}</p>" if entry.formula else ""
    return f"<h2>{tr(entry.term)}</h2><p>{tr(entry.definition)}</p>{formula}"


class GlossaryDialog(QDialog):
    """A searchable list of the lecture's terms with their definitions and formulas (non-modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("gui.glossary", "Glossary"))
        self.resize(760, 480)
        self._filter = QLineEdit()
        self._filter.setPlaceholderText(translate("gui.glossary", "Search, e.g. gradient"))
        self._filter.setToolTip(translate("gui.glossary", "Type part of a word to show only matching terms."))
        self._filter.setClearButtonEnabled(True)
        self._terms = QListWidget()
        self._terms.setToolTip(translate("gui.glossary", "Click a term to read what it means."))
        self._text = QTextBrowser()
        self._text.setToolTip(translate("gui.glossary", "The definition, and the formula where there is one."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(translate("gui.glossary",
                                                                                   "Close the glossary (Esc)."))
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        for entry in sorted(GLOSSARY, key=lambda e: sort_key(tr(e.term))):
            item = QListWidgetItem(tr(entry.term))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self._terms.addItem(item)
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self._terms.currentItemChanged.connect(self._on_terms_current_changed)
        self._terms.setCurrentRow(0)

    def _layout(self, buttons: QDialogButtonBox) -> None:
        left = QVBoxLayout()
        left.addWidget(self._filter)
        left.addWidget(self._terms)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self._text, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(row)
        outer.addWidget(buttons)

    def visible_terms(self) -> list[str]:
        """The terms the list shows now (after the search filter)."""
        return [self._terms.item(i).text() for i in range(self._terms.count()) if not self._terms.item(i).isHidden()]

    def show_term(self, term: str) -> bool:
        """Select `term` (case-insensitive, English or as shown) and show its definition; False if there is none."""
        with QSignalBlocker(self._filter):
            self._filter.clear()
        self._apply_filter("")
        for i in range(self._terms.count()):
            item = self._terms.item(i)
            if term.lower() in (item.text().lower(), item.data(Qt.ItemDataRole.UserRole).term.lower()):
                self._terms.setCurrentRow(i)
                return True
        return False

    def shown_text(self) -> str:
        """The definition on display, as plain text."""
        return self._text.toPlainText()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self._terms.count()):
            item = self._terms.item(i)
            entry = item.data(Qt.ItemDataRole.UserRole)
            haystack = f"{item.text()} {tr(entry.definition)}".lower()
            item.setHidden(bool(needle) and needle not in haystack)

    @Slot(str)
    def _on_filter_text_changed(self, text: str) -> None:
        self._apply_filter(text)
        visible = [i for i in range(self._terms.count()) if not self._terms.item(i).isHidden()]
        if visible and (self._terms.currentItem() is None or self._terms.currentItem().isHidden()):
            self._terms.setCurrentRow(visible[0])

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_terms_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._text.setHtml(entry_html(current.data(Qt.ItemDataRole.UserRole)) if current is not None else "")
