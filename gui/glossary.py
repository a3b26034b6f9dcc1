"""The Help > Glossary: the words of the lecture, each in two or three plain sentences with its formula.

The texts are marked with QT_TRANSLATE_NOOP (context "Glossary") so Qt's translation tools pick
them up, and are translated when they are shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QTextBrowser, QVBoxLayout, QWidget)

CONTEXT = "Glossary"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: its definition and, where there is one, its formula."""

    term: str
    definition: str
    formula: str = ""


def _entry(term: str, definition: str, formula: str = "") -> GlossaryEntry:
    return GlossaryEntry(term, definition, formula)


GLOSSARY: tuple[GlossaryEntry, ...] = (
    _entry(QT_TRANSLATE_NOOP("Glossary", "neuron"),
           QT_TRANSLATE_NOOP("Glossary", "The basic unit of a network. It multiplies each input by a weight, adds the "
                                         "results and a bias, and passes the sum through an activation function."),
           "a = f(w·x + b)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "weight"),
           QT_TRANSLATE_NOOP("Glossary", "A number on a connection that says how strongly an input affects a neuron. "
                                         "Training changes the weights; they are what the network learns."),
           "z = w₁x₁ + w₂x₂ + … + b"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "bias"),
           QT_TRANSLATE_NOOP("Glossary", "A number added to a neuron's weighted sum. It shifts the point at which the "
                                         "neuron switches on, independently of the inputs."),
           "z = w·x + b"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "activation function"),
           QT_TRANSLATE_NOOP("Glossary", "The function a neuron applies to its weighted sum. Without it, any number "
                                         "of layers would only compute a straight-line (linear) function."),
           "ReLU(z) = max(0, z)   σ(z) = 1 / (1 + e⁻ᶻ)   tanh(z)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "layer"),
           QT_TRANSLATE_NOOP("Glossary", "Neurons side by side that read the same inputs. A whole layer is one "
                                         "matrix product followed by the activation; each row of W is one neuron."),
           "h = f(W·x + b)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "hidden layer"),
           QT_TRANSLATE_NOOP("Glossary", "A layer between the input and the output. Its values are not given by the "
                                         "data: the network invents them while it learns."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "multilayer perceptron (MLP)"),
           QT_TRANSLATE_NOOP("Glossary", "A network of fully connected layers, each feeding the next. 784-16-16-10 is "
                                         "an MLP with 784 inputs, two hidden layers of 16 neurons and 10 outputs."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "parameter"),
           QT_TRANSLATE_NOOP("Glossary", "Every number the network learns: all weights and biases. 784-16-16-10 has "
                                         "13,002 parameters."),
           "784·16 + 16 + 16·16 + 16 + 16·10 + 10 = 13,002"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "forward pass"),
           QT_TRANSLATE_NOOP("Glossary", "Computing the network's output for an input, layer by layer from the input "
                                         "to the output, with the weights as they are."), "ŷ = f₃(W₃·f₂(W₂·f₁(W₁·x + b₁) + b₂) + b₃)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "logit"),
           QT_TRANSLATE_NOOP("Glossary", "A raw score of the output layer before softmax. Larger means more likely, "
                                         "but logits are not probabilities."), "z = W·h + b"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "softmax"),
           QT_TRANSLATE_NOOP("Glossary", "Turns the output scores into probabilities: all positive and adding up to 1. "
                                         "The largest score gets the largest probability."),
           "softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "one-hot"),
           QT_TRANSLATE_NOOP("Glossary", "A target written as a vector with a 1 for the right class and 0 elsewhere; "
                                         "the digit 3 is (0,0,0,1,0,0,0,0,0,0)."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "loss"),
           QT_TRANSLATE_NOOP("Glossary", "One number that says how wrong the network's predictions are on some "
                                         "examples. Training makes it smaller; zero means perfect."), "L(ŷ, y)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "mean squared error"),
           QT_TRANSLATE_NOOP("Glossary", "The average of the squared differences between prediction and target; the "
                                         "usual loss for predicting numbers (regression)."),
           "L = (1/N) Σ (ŷᵢ − yᵢ)²"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "cross-entropy"),
           QT_TRANSLATE_NOOP("Glossary", "The usual loss for classes: minus the logarithm of the probability the "
                                         "network gives to the right class. Sure and right costs almost 0; sure and "
                                         "wrong costs a lot."), "L = −log p(correct class)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "gradient"),
           QT_TRANSLATE_NOOP("Glossary", "The slope of the loss with respect to every parameter, as one vector. It "
                                         "points in the direction in which the loss rises fastest."),
           "∇L = (∂L/∂w₁, ∂L/∂w₂, …)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "gradient descent"),
           QT_TRANSLATE_NOOP("Glossary", "Training by repeatedly taking a small step against the gradient, i.e. "
                                         "downhill on the loss."), "θ ← θ − η·∇L(θ)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "learning rate"),
           QT_TRANSLATE_NOOP("Glossary", "The step size η of gradient descent. Too small and training crawls; too "
                                         "large and the loss jumps around or explodes."), "θ ← θ − η·∇L"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "epoch"),
           QT_TRANSLATE_NOOP("Glossary", "One pass over all training examples. With mini-batches of size B and N "
                                         "examples, an epoch has ⌈N/B⌉ steps."), "steps per epoch = ⌈N / B⌉"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "batch"),
           QT_TRANSLATE_NOOP("Glossary", "The examples used for one training step. Batch gradient descent uses all of "
                                         "them for every step: exact but slow."),
           "∇L = (1/B) Σ ∇Lᵢ over the batch"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "mini-batch"),
           QT_TRANSLATE_NOOP("Glossary", "A small random group of examples (e.g. 32 or 64) for one step: a good "
                                         "compromise between the noise of single examples and the cost of all."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "stochastic gradient descent (SGD)"),
           QT_TRANSLATE_NOOP("Glossary", "Gradient descent with the gradient of a single example (or a small batch) "
                                         "per step: cheap and noisy steps, many per epoch."), "θ ← θ − η·∇Lᵢ(θ)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "momentum"),
           QT_TRANSLATE_NOOP("Glossary", "Keeps part of the previous step, like a rolling ball: it smooths zig-zags "
                                         "and rolls through small bumps."), "v ← μ·v + ∇L,   θ ← θ − η·v"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "Adam"),
           QT_TRANSLATE_NOOP("Glossary", "An optimizer that combines momentum with a separate, self-adjusting step "
                                         "size for every parameter. A good default for most networks."),
           "θ ← θ − η·m̂ / (√v̂ + ε)"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "backpropagation"),
           QT_TRANSLATE_NOOP("Glossary", "The way the gradient is computed: the error at the output is passed back "
                                         "layer by layer, multiplying local derivatives with the chain rule."),
           "δₗ = (Wₗ₊₁ᵀ·δₗ₊₁) ⊙ f′(zₗ),   ∂L/∂Wₗ = δₗ·hₗ₋₁ᵀ"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "chain rule"),
           QT_TRANSLATE_NOOP("Glossary", "The derivative of a chain of functions is the product of the derivatives of "
                                         "its links."), "∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "vanishing gradient"),
           QT_TRANSLATE_NOOP("Glossary", "When the gradient shrinks as it travels back through many layers (e.g. the "
                                         "sigmoid's slope is at most 0.25), so the first layers hardly learn."),
           "0.25⁴ ≈ 0.004"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "initialisation"),
           QT_TRANSLATE_NOOP("Glossary", "The starting values of the weights, usually small random numbers. If all "
                                         "weights start equal, all neurons of a layer stay identical forever."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "training set"),
           QT_TRANSLATE_NOOP("Glossary", "The examples the network learns from: the gradient is computed on them."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "validation set"),
           QT_TRANSLATE_NOOP("Glossary", "Examples kept aside during training to check how well the network does on "
                                         "data it has not learned from; used to choose settings and to stop early."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "test set"),
           QT_TRANSLATE_NOOP("Glossary", "Examples used once, at the very end, for an honest final score. Nothing is "
                                         "tuned on them."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "overfitting"),
           QT_TRANSLATE_NOOP("Glossary", "When the network memorises its training examples instead of the general "
                                         "pattern: training loss keeps falling while validation loss rises."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "early stopping"),
           QT_TRANSLATE_NOOP("Glossary", "Stop training when the validation loss has not improved for a number of "
                                         "epochs (the patience) and keep the weights of the best epoch."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "regularisation"),
           QT_TRANSLATE_NOOP("Glossary", "Anything that discourages memorising, such as a penalty on large weights "
                                         "(L1, L2) or dropout."), "L_total = L + λ₁Σ|w| + λ₂Σw²"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "dropout"),
           QT_TRANSLATE_NOOP("Glossary", "During training, each neuron of a layer is switched off at random with "
                                         "probability p, so the network cannot rely on any single neuron."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "accuracy"),
           QT_TRANSLATE_NOOP("Glossary", "The fraction of examples whose predicted class is the right one."),
           "accuracy = correct / total"),
    _entry(QT_TRANSLATE_NOOP("Glossary", "confusion matrix"),
           QT_TRANSLATE_NOOP("Glossary", "A table that counts, for every true class (row), how often each class was "
                                         "predicted (column). Mistakes are off the diagonal."), ""),
    _entry(QT_TRANSLATE_NOOP("Glossary", "supervised learning"),
           QT_TRANSLATE_NOOP("Glossary", "Learning from examples that come with the right answer (a label or a "
                                         "number), like the caveman's notebook of potatoes and apples."), ""),
)


def tr(text: str) -> str:
    """The glossary text in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def entry_html(entry: GlossaryEntry) -> str:
    """An entry as the rich text the dialog shows."""
    formula = f"<p style='font-family: serif; font-size: x-large'>{entry.formula}</p>" if entry.formula else ""
    return f"<h2>{tr(entry.term)}</h2><p>{tr(entry.definition)}</p>{formula}"


class GlossaryDialog(QDialog):
    """A searchable list of the lecture's terms with their definitions and formulas (non-modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.resize(760, 480)
        self._filter = QLineEdit()
        self._filter.setPlaceholderText(self.tr("Search, e.g. gradient"))
        self._filter.setToolTip(self.tr("Type part of a word to show only matching terms."))
        self._filter.setClearButtonEnabled(True)
        self._terms = QListWidget()
        self._terms.setToolTip(self.tr("Click a term to read what it means."))
        self._text = QTextBrowser()
        self._text.setToolTip(self.tr("The definition, and the formula where there is one."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Close the glossary (Esc)."))
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        for entry in sorted(GLOSSARY, key=lambda e: tr(e.term).lower()):
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
        """Select `term` (case-insensitive) and show its definition; False if there is no such term."""
        with QSignalBlocker(self._filter):
            self._filter.clear()
        self._apply_filter("")
        for i in range(self._terms.count()):
            if self._terms.item(i).text().lower() == term.lower():
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
