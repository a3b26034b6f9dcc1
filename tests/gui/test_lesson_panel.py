"""The lesson panel, what each lesson's "Show me" sets up, and the glossary (Help)."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea, QAbstractSlider,
                               QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit, QWidget)

from core.datasets import DIGIT_NAMES, FASHION_NAMES, IMAGE_DATASETS, Dataset, load_dataset
from core.errors import ConfigError, LessonError
from core.lessons import DEFAULT_LESSON_FOLDER, load_lessons, resolve_network
from core.network_spec import parameter_count
from gui import dialogs
from gui.app_state import AppState
from gui.glossary import GLOSSARY, GlossaryDialog
from gui.lesson_actions import CONFIG_KEYS, action_pending, apply_lesson_action
from gui.panels.lesson_panel import LessonPanel

LESSONS, LESSON_ERRORS = load_lessons(DEFAULT_LESSON_FOLDER)


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch):
    monkeypatch.setattr(dialogs, "SHOW_DIALOGS", False)


@pytest.fixture
def errors_shown(qtbot):
    shown: list[str] = []
    dialogs.notifier().error_shown.connect(shown.append)
    yield shown
    dialogs.notifier().error_shown.disconnect(shown.append)


def _fake_images(name: str) -> Dataset:
    """An image dataset of the right shape without reading MNIST (300 random 'images')."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 784)).astype(np.float32)
    y = rng.integers(0, 10, 300).astype(np.int64)
    classes = FASHION_NAMES if name == "Fashion-MNIST" else DIGIT_NAMES
    return Dataset(name, "classification", (28, 28), classes, x[:200], y[:200], x[200:250], y[200:250],
                   x[250:], y[250:], "fake")


def _load(name: str) -> Dataset:
    return _fake_images(name) if name in IMAGE_DATASETS else load_dataset(name)


@pytest.fixture
def state(qtbot):
    return AppState()


# ---------------------------------------------------------------- "Show me" of every lesson

@pytest.mark.parametrize("lesson", LESSONS, ids=[f"lesson-{lesson.number}" for lesson in LESSONS])
def test_each_show_me_sets_the_state_it_claims(state, lesson):
    assert LESSON_ERRORS == []
    for step in (s for s in lesson.steps if s.show_me):
        action = step.show_me
        panel = apply_lesson_action(action, state, _load)
        assert panel == action.get("panel")
        if "dataset" in action:
            assert state.dataset.name == action["dataset"]
            assert state.config.loss == ("cross_entropy" if state.dataset.task == "classification" else "mse")
        if "network" in action:
            data = state.dataset
            assert state.network == resolve_network(action["network"], data.input_size, data.num_outputs, data.task)
            assert (state.network.input_size, state.network.output_size) == (data.input_size, data.num_outputs)
            if isinstance(action["network"], str) and action["network"][0].isdigit():
                assert state.network.describe() == action["network"]
        for key in CONFIG_KEYS:
            if key in action:
                assert getattr(state.config, key) == action[key], (lesson.source, step.title, key)


def test_claims_written_in_the_lesson_texts_hold(state):
    """A few facts the texts state in words, checked against the state "Show me" leaves."""
    by_number = {lesson.number: lesson for lesson in LESSONS}
    apply_lesson_action(by_number[7].steps[2].show_me, state, _load)
    assert parameter_count(state.network) == 13_002 and state.config.optimizer == "adam"
    apply_lesson_action(by_number[2].steps[2].show_me, state, _load)
    assert state.network.hidden == () and state.config.batch_size == 0 and state.dataset.name == "Caveman"
    apply_lesson_action(by_number[5].steps[1].show_me, state, _load)
    assert state.config.batch_size == 1 and len(state.dataset.x_train) == 420  # "420 training points"
    apply_lesson_action(by_number[8].steps[0].show_me, state, _load)
    assert (state.config.train_size, state.config.patience, state.network.describe()) == (500, 0, "784-64-64-10")
    apply_lesson_action(by_number[6].steps[3].show_me, state, _load)
    assert [layer.activation for layer in state.network.hidden] == ["sigmoid", "sigmoid"]


def test_a_background_loader_defers_the_rest_until_the_data_is_there(state):
    requested = []
    before = (state.network, state.config)
    action = LESSONS[6].steps[2].show_me  # MNIST, 784-16-16-10, Adam...
    assert apply_lesson_action(action, state, requested.append) == "training"
    assert requested == ["MNIST"] and action_pending(action, state)
    assert (state.network, state.config) == before
    state.set_dataset(_fake_images("MNIST"))
    assert not action_pending(action, state)
    apply_lesson_action(action, state, lambda name: pytest.fail("must not load again"))
    assert state.network.describe() == "784-16-16-10" and state.config.learning_rate == 0.001


def test_show_me_is_refused_while_training_and_changes_nothing(state):
    state.set_dataset(load_dataset("XOR"))
    state.set_training_state("running")
    before = (state.dataset, state.network, state.config)
    with pytest.raises(LessonError, match="Pause or stop"):
        apply_lesson_action(LESSONS[2].steps[3].show_me, state, _load)
    assert (state.dataset, state.network, state.config) == before
    assert apply_lesson_action({"panel": "terrain"}, state) == "terrain"  # only switching tabs is fine


def test_bad_actions_are_refused_before_anything_changes(state):
    state.set_dataset(load_dataset("XOR"))
    before = (state.dataset, state.network, state.config)
    for action, error in (({"panel": "kitchen"}, LessonError), ({"learning_rate": -1}, LessonError),
                          ({"dataset": "Caveman", "network": "784-16-16-10"}, LessonError),
                          ({"dataset": "Caveman", "loss": "cross_entropy"}, ConfigError)):
        with pytest.raises(error):
            apply_lesson_action(action, state, lambda name: pytest.fail("checked before loading"))
        assert (state.dataset, state.network, state.config) == before
    with pytest.raises(LessonError, match="Spiral was loaded"):
        apply_lesson_action({"dataset": "Circle"}, state, lambda name: load_dataset("Spiral"))
    with pytest.raises(LessonError, match="no way to load"):
        apply_lesson_action({"dataset": "Circle"}, state)


# ---------------------------------------------------------------- the panel

@pytest.fixture
def panel(qtbot, state):
    widget = LessonPanel(state)
    qtbot.addWidget(widget)
    widget.resize(420, 800)
    return widget


def test_panel_lists_the_eight_lessons_and_walks_through_steps(panel):
    assert panel._chooser.count() == 8 and panel.errors == []
    assert panel._chooser.itemText(0).startswith("1. Neurons")
    assert not panel._previous.isEnabled() and panel._next.isEnabled()
    assert panel._step_title.text().startswith("Step 1 of 4")
    panel._chooser.setCurrentIndex(1)  # as a user would
    assert panel.current_lesson().number == 2 and "Step 1 of 4" in panel._step_title.text()
    for _ in range(5):
        panel._next.click()
    assert panel._step_title.text() == "Step 4 of 4: Predicting a new day"
    assert not panel._next.isEnabled() and panel._previous.isEnabled()
    assert panel._question.text().startswith("Think: What does the model predict for 10 potatoes?")
    assert "w ≈ 2 and b ≈ 1" in panel._text.toPlainText()
    panel._previous.click()
    assert panel._step_title.text().startswith("Step 3 of 4")


def test_show_me_emits_the_steps_action_and_is_off_for_steps_without_one(panel, qtbot):
    panel.set_lesson(1)
    panel.set_step(2)
    assert panel._show_me.isEnabled() and "start training" in panel._show_me.toolTip()
    with qtbot.waitSignal(panel.show_me_requested, timeout=1000) as blocker:
        panel._show_me.click()
    assert blocker.args[0] == panel.current_step().show_me
    blocker.args[0]["learning_rate"] = 99  # a copy: changing it does not change the lesson
    assert panel.current_step().show_me["learning_rate"] == 0.1
    panel.set_step(3)
    assert not panel._show_me.isEnabled()
    with qtbot.assertNotEmitted(panel.show_me_requested):
        panel._show_me.click()


def test_show_me_waits_while_training_runs(panel, state):
    panel.set_lesson(1)
    panel.set_step(2)
    state.set_training_state("running")
    assert not panel._show_me.isEnabled() and "Pause or stop" in panel._show_me.toolTip()
    state.set_training_state("paused")
    assert panel._show_me.isEnabled()


def test_set_lesson_does_not_echo_through_the_chooser(panel, qtbot):
    with qtbot.assertNotEmitted(panel._chooser.currentIndexChanged):
        panel.set_lesson(4)
    assert panel._chooser.currentIndex() == 4 and panel.current_lesson().number == 5


def test_malformed_lesson_files_are_shown_in_the_panel_not_crashed(qtbot, state, tmp_path, errors_shown):
    shutil.copy(sorted(DEFAULT_LESSON_FOLDER.glob("*.json"))[0], tmp_path)
    (tmp_path / "99_broken.json").write_text('{"version": 1, "number": 9,', encoding="utf-8")
    bad_panel = json.loads((DEFAULT_LESSON_FOLDER / "04_the_learning_rate.json").read_text(encoding="utf-8"))
    bad_panel["steps"][0]["show_me"]["panel"] = "kitchen"
    (tmp_path / "98_bad_panel.json").write_text(json.dumps(bad_panel), encoding="utf-8")
    widget = LessonPanel(state, folders=[tmp_path])
    qtbot.addWidget(widget)
    assert [lesson.number for lesson in widget.lessons] == [1]
    assert widget._errors_label.isVisibleTo(widget)
    text = widget._errors_label.text()
    assert "99_broken.json: the file is not valid JSON" in text
    assert "98_bad_panel.json, step 1: unknown panel 'kitchen'" in text
    assert errors_shown == []  # shown in the panel, no dialog storm at start-up


def test_no_readable_lessons_leaves_a_calm_empty_panel(qtbot, state, tmp_path):
    widget = LessonPanel(state, folders=[tmp_path / "missing"])
    qtbot.addWidget(widget)
    assert widget.lessons == [] and "No lessons" in widget._summary.text()
    assert not any(b.isEnabled() for b in (widget._previous, widget._next, widget._show_me))
    assert "does not exist" in widget._errors_label.text()


def test_teachers_own_lessons_folder_is_read(qtbot, state, isolated_user_dirs):
    from core.paths import user_data_dir

    own = user_data_dir() / "lessons"
    own.mkdir()
    data = json.loads((DEFAULT_LESSON_FOLDER / "01_neurons_and_the_forward_pass.json").read_text(encoding="utf-8"))
    data.update(number=9, title="My extra lesson")
    (own / "mine.json").write_text(json.dumps(data), encoding="utf-8")
    widget = LessonPanel(state)
    qtbot.addWidget(widget)
    assert widget._chooser.itemText(8) == "9. My extra lesson"


def test_panel_shows_the_lessons_in_the_apps_language(qtbot, state, isolated_user_dirs, monkeypatch):
    from core.paths import user_data_dir
    from gui.panels import lesson_panel

    own = user_data_dir() / "lessons"
    own.mkdir()
    data = json.loads((DEFAULT_LESSON_FOLDER / "01_neurons_and_the_forward_pass.json").read_text(encoding="utf-8"))
    data.update(number=9, title="My extra lesson")
    (own / "mine.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(lesson_panel, "current_language", lambda: "fr")
    widget = LessonPanel(state)
    qtbot.addWidget(widget)
    assert widget.errors == [] and widget._chooser.count() == 9
    assert widget._chooser.itemText(0) == "1. Neurones, couches et propagation avant"
    assert widget._chooser.itemText(8) == "9. My extra lesson"   # the teacher's own folder, read as it is
    widget.set_lesson(1)
    widget.set_step(2)
    assert widget.current_step().show_me == LESSONS[1].steps[2].show_me   # same action as in English
    monkeypatch.setattr(lesson_panel, "current_language", lambda: "de")   # not translated: English
    widget.reload()
    assert widget._chooser.itemText(0).startswith("1. Neurons")


def test_panel_texts_go_through_the_translator(qtbot, state):
    from core.i18n import use_translator

    french = {"Step {number} of {total}: {title}": "Étape {number} sur {total} : {title}",
              "Think: {question}": "Réfléchissez : {question}", "&Next ▶": "&Suivant ▶",
              "{tip} (Alt+S)": "{tip} (Alt+M)", "Show me will {actions}.": "« Montre-moi » va {actions}."}
    use_translator(lambda context, text: french.get(text, "") if context == "gui.panels.lesson_panel" else "")
    try:
        widget = LessonPanel(state)
        qtbot.addWidget(widget)
        widget.set_lesson(1)
        widget.set_step(2)
        assert widget._next.text() == "&Suivant ▶"
        assert widget._step_title.text() == "Étape 3 sur 4 : " + LESSONS[1].steps[2].title
        assert widget._question.text() == "Réfléchissez : " + LESSONS[1].steps[2].question
        assert widget._show_me.toolTip().startswith("Show me will") and widget._show_me.toolTip().endswith("(Alt+M)")
    finally:
        use_translator(None)
    widget.set_step(1)
    assert widget._step_title.text().startswith("Step 2 of 4: ")


# ---------------------------------------------------------------- glossary

def test_glossary_has_the_lecture_words_with_formulas(qtbot):
    terms = {entry.term for entry in GLOSSARY}
    for word in ("neuron", "weight", "bias", "activation function", "loss", "gradient", "learning rate", "epoch",
                 "batch", "mini-batch", "softmax", "cross-entropy", "overfitting", "validation set",
                 "backpropagation"):
        assert word in terms
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    assert dialog.show_term("Learning rate") and "θ ← θ − η·∇L" in dialog.shown_text()
    assert not dialog.show_term("flux capacitor")


def test_glossary_search_filters_terms(qtbot):
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    assert len(dialog.visible_terms()) == len(GLOSSARY)
    qtbot.keyClicks(dialog._filter, "entropy")
    assert dialog.visible_terms() == ["cross-entropy"] and dialog.shown_text().startswith("cross-entropy")
    dialog._filter.clear()
    assert len(dialog.visible_terms()) == len(GLOSSARY)


# ---------------------------------------------------------------- every control explains itself

def _controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets under root, without the inner parts of composite controls (scroll bars...)."""
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QTextEdit, QAbstractSlider, QAbstractSpinBox)
    found = []
    for widget in root.findChildren(QWidget):
        parent, inner = widget.parentWidget(), False
        while parent is not None and parent is not root:
            inner = inner or isinstance(parent, (QComboBox, QLineEdit, QAbstractScrollArea, QAbstractSpinBox))
            parent = parent.parentWidget()
        if isinstance(widget, kinds) and not inner:
            found.append(widget)
    return found


def test_every_control_has_a_tooltip(panel, qtbot):
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    for root in (panel, dialog):
        controls = _controls(root)
        assert len(controls) >= 3
        missing = [f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()}"
                   for w in controls if not w.toolTip().strip()]
        assert missing == [], missing


def test_screenshots_for_review(panel, qtbot, tmp_path):
    panel.set_lesson(3)
    panel.set_step(1)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.grab().save(str(tmp_path / "lesson_panel.png"))
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    dialog.show_term("backpropagation")
    assert dialog.grab().save(str(tmp_path / "glossary.png"))
    assert panel._text.toPlainText() and Qt.TextFormat.PlainText == panel._errors_label.textFormat()
