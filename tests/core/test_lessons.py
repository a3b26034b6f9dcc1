"""Lesson files: the shipped lessons follow the lecture, and every malformed file gives a clear message."""
from __future__ import annotations

import copy
import json
import shutil

import pytest

from core.errors import LessonError
from core.i18n import use_translator
from core.lessons import (DEFAULT_LESSON_FOLDER, PANELS, check_action, describe_action, lesson_folder, load_lessons,
                          match_preset, parse_lesson, resolve_network)
from core.network_spec import LayerSpec, NetworkSpec, parameter_count

GOOD = {"version": 1, "number": 9, "title": "A teacher's lesson", "summary": "Made by hand.",
        "steps": [{"title": "First", "text": "Some sentences.", "question": "Why?",
                   "show_me": {"panel": "training", "dataset": "XOR", "network": [8, 8],
                               "learning_rate": 0.1, "batch_size": 16, "optimizer": "sgd", "epochs": 5,
                               "start_training": True}},
                  {"title": "Second", "text": "More.", "question": "How?"}]}


def _with(change) -> str:
    data = copy.deepcopy(GOOD)
    change(data)
    return json.dumps(data)


def _error(text: str, name: str = "mine.json") -> str:
    with pytest.raises(LessonError) as info:
        parse_lesson(text, name)
    message = str(info.value)
    assert message.startswith(name) and message.endswith(".")
    return message


# ---------------------------------------------------------------- the shipped lessons

def test_the_eight_shipped_lessons_follow_the_lecture():
    lessons, errors = load_lessons(DEFAULT_LESSON_FOLDER)
    assert errors == []
    assert [lesson.number for lesson in lessons] == list(range(1, 9))
    keywords = ["forward pass", "caveman", "mist", "learning rate", "mini-batch", "chain rule", "drawing",
                "overfitting"]
    for lesson, word in zip(lessons, keywords):
        assert word in lesson.title.lower(), lesson.title
        assert 3 <= len(lesson.steps) <= 8 and lesson.summary
        assert any(step.show_me for step in lesson.steps)
        for step in lesson.steps:
            assert len(step.text.split()) >= 15 and step.question.endswith("?")


def test_every_shipped_show_me_resolves_to_a_network_for_its_data():
    lessons, _ = load_lessons()
    for lesson in lessons:
        for step in lesson.steps:
            if step.show_me is None:
                continue
            action = step.show_me
            assert action.get("panel") in PANELS
            if "network" in action and "dataset" in action:
                from core.lessons import _dataset_shape

                spec = resolve_network(action["network"], *_dataset_shape(action["dataset"]))
                assert spec.input_size in (1, 2, 784)


def test_lecture_network_preset_is_the_13002_parameter_one():
    spec = resolve_network("784-16-16-10", 784, 10, "classification")
    assert parameter_count(spec) == 13_002 and spec.describe() == "784-16-16-10"
    assert match_preset("linear", 1, 1, "regression").hidden == ()
    assert match_preset("784", 784, 10, "classification") is None  # ambiguous prefixes do not match


def test_resolve_network_from_layer_lists_and_init():
    spec = resolve_network([{"units": 8, "activation": "tanh", "dropout": 0.2}, 4], 2, 2, "classification",
                           init="zeros")
    assert spec == NetworkSpec(2, (LayerSpec(8, "tanh", 0.2), LayerSpec(4)), 2, "softmax", "zeros")
    assert resolve_network([], 1, 1, "regression").output_activation == "linear"
    with pytest.raises(LessonError, match="no network preset"):
        resolve_network("784-16-16-10", 2, 2, "classification")


# ---------------------------------------------------------------- parse errors

def test_a_good_lesson_parses_with_its_action():
    lesson = parse_lesson(json.dumps(GOOD), "mine.json")
    assert (lesson.number, lesson.title, lesson.source) == (9, "A teacher's lesson", "mine.json")
    assert lesson.steps[0].show_me["network"][0] == {"units": 8, "activation": "relu", "dropout": 0.0}
    assert lesson.steps[1].show_me is None


def test_invalid_json_names_line_and_column():
    message = _error('{"version": 1,\n "title": oops}')
    assert "not valid JSON" in message and "line 2" in message


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(colour="red"), ["unknown key 'colour'"]),
    (lambda d: d.pop("summary"), ["no 'summary'"]),
    (lambda d: d.update(version=2), ["version 2"]),
    (lambda d: d.update(version=True), ["version True"]),
    (lambda d: d.update(number="1"), ["'number'", "whole number"]),
    (lambda d: d.update(steps=[]), ["'steps'"]),
    (lambda d: d.update(steps="one"), ["'steps'"]),
    (lambda d: d.update(title=""), ["'title'"]),
    (lambda d: d["steps"][1].pop("question"), ["step 2", "no 'question'"]),
    (lambda d: d["steps"][1].update(hint="x"), ["step 2", "unknown key 'hint'"]),
    (lambda d: d["steps"][1].update(text=42), ["step 2", "'text'"]),
    (lambda d: d["steps"].__setitem__(1, "text"), ["step 2", "JSON object"]),
    (lambda d: d["steps"][0]["show_me"].update(panel="kitchen"), ["step 1", "unknown panel 'kitchen'"]),
    (lambda d: d["steps"][0]["show_me"].update(dataset="CIFAR"), ["step 1", "unknown dataset 'CIFAR'"]),
    (lambda d: d["steps"][0]["show_me"].update(learning_rate="fast"), ["'learning_rate'", "number"]),
    (lambda d: d["steps"][0]["show_me"].update(learning_rate=0), ["'learning_rate'"]),
    (lambda d: d["steps"][0]["show_me"].update(learning_rate=1e9), ["'learning_rate'"]),
    (lambda d: d["steps"][0]["show_me"].update(batch_size=-1), ["'batch_size'"]),
    (lambda d: d["steps"][0]["show_me"].update(batch_size=2.5), ["'batch_size'"]),
    (lambda d: d["steps"][0]["show_me"].update(epochs=0), ["'epochs'"]),
    (lambda d: d["steps"][0]["show_me"].update(optimizer="lion"), ["unknown optimizer 'lion'"]),
    (lambda d: d["steps"][0]["show_me"].update(start_training="yes"), ["'start_training'", "true or false"]),
    (lambda d: d["steps"][0]["show_me"].update(speed=3), ["unknown key 'speed'"]),
    (lambda d: d["steps"][0].update(show_me={}), ["'show_me' is empty"]),
    (lambda d: d["steps"][0].update(show_me=[1]), ["JSON object"]),
    (lambda d: d["steps"][0]["show_me"].update(network="784-16-16-10"), ["no network preset", "XOR"]),
    (lambda d: d["steps"][0]["show_me"].update(network="banana"), ["no network preset"]),
    (lambda d: d["steps"][0]["show_me"].update(network=[0]), ["hidden layer 1", "'units'"]),
    (lambda d: d["steps"][0]["show_me"].update(network=[8, {"units": 4, "activation": "swish"}]),
     ["hidden layer 2", "unknown activation 'swish'"]),
    (lambda d: d["steps"][0]["show_me"].update(network=[{"units": 4, "colour": 1}]), ["unknown key 'colour'"]),
    (lambda d: d["steps"][0]["show_me"].update(network=[8] * 20), ["at most"]),
    (lambda d: d["steps"][0]["show_me"].update(network=None), ["'network'"]),
], ids=lambda v: "" if callable(v) else " ".join(v)[:40])
def test_each_problem_is_a_sentence_naming_file_and_step(change, words):
    message = _error(_with(change))
    for word in words:
        assert word in message, message


def test_nan_in_json_is_refused():
    text = _with(lambda d: None).replace('"learning_rate": 0.1', '"learning_rate": NaN')
    assert "'learning_rate'" in _error(text)


def test_preset_without_dataset_must_exist_for_some_data():
    assert check_action({"network": "784-16-16-10"})["network"] == "784-16-16-10"
    with pytest.raises(LessonError, match="for any dataset"):
        check_action({"network": "1000-5-1"})


# ---------------------------------------------------------------- folders

def test_a_bad_file_does_not_hide_the_good_ones(tmp_path):
    for path in sorted(DEFAULT_LESSON_FOLDER.glob("*.json"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "00_broken.json").write_text('{"version": 1, "title": ', encoding="utf-8")
    (tmp_path / "05_latin1.json").write_bytes(json.dumps(GOOD).replace("teacher", "t\u00e9acher").encode("latin-1"))
    (tmp_path / "06_huge.json").write_bytes(b" " * (300 * 1024))
    (tmp_path / "07_mine.json").write_text(json.dumps(GOOD), encoding="utf-8-sig")  # with a BOM: fine
    (tmp_path / "notes.txt").write_text("not a lesson")
    lessons, errors = load_lessons(tmp_path)
    assert [lesson.number for lesson in lessons] == [1, 2, 3, 9]
    messages = sorted(str(e) for e in errors)
    assert len(messages) == 3
    assert messages[0].startswith("00_broken.json: the file is not valid JSON")
    assert messages[1].startswith("05_latin1.json") and "UTF-8" in messages[1]
    assert messages[2].startswith("06_huge.json") and "larger than" in messages[2]


def test_a_missing_folder_is_an_error_not_a_crash(tmp_path):
    lessons, errors = load_lessons(tmp_path / "nowhere")
    assert lessons == [] and "does not exist" in str(errors[0])


def test_describe_action_says_what_show_me_will_do():
    text = describe_action(parse_lesson(json.dumps(GOOD), "x.json").steps[0].show_me)
    assert text == ("Show me will load the XOR data, use hidden layers 8 relu, 8 relu, optimizer SGD, "
                    "learning rate 0.1, batch size 16, epochs 5, switch to the Training tab, start training.")
    assert describe_action(None) == "This step has nothing to set up."


# ---------------------------------------------------------------- the French lessons

FRENCH_FOLDER = DEFAULT_LESSON_FOLDER / "fr"
ENGLISH_FILES = sorted(path.name for path in DEFAULT_LESSON_FOLDER.glob("*.json"))


def _texts(lesson) -> list[str]:
    return [lesson.title, lesson.summary] + [text for step in lesson.steps
                                             for text in (step.title, step.text, step.question)]


def test_every_english_lesson_has_a_french_twin_and_nothing_else():
    assert len(ENGLISH_FILES) == 8
    assert sorted(path.name for path in FRENCH_FOLDER.glob("*.json")) == ENGLISH_FILES


@pytest.mark.parametrize("name", ENGLISH_FILES)
def test_french_lesson_has_the_english_structure_and_actions(name):
    english_raw = json.loads((DEFAULT_LESSON_FOLDER / name).read_text(encoding="utf-8"))
    french_raw = json.loads((FRENCH_FOLDER / name).read_text(encoding="utf-8"))
    english = parse_lesson(json.dumps(english_raw), name)
    french = parse_lesson((FRENCH_FOLDER / name).read_text(encoding="utf-8"), name)   # the validator accepts it
    assert (french.number, len(french.steps)) == (english.number, len(english.steps))
    assert french_raw["version"] == english_raw["version"]
    for english_step, french_step in zip(english_raw["steps"], french_raw["steps"]):
        assert list(french_step) == list(english_step)   # same keys, same order
        assert french_step.get("show_me") == english_step.get("show_me")   # identical raw actions
    assert [step.show_me for step in french.steps] == [step.show_me for step in english.steps]


@pytest.mark.parametrize("name", ENGLISH_FILES)
def test_french_lesson_texts_are_translated(name):
    english = parse_lesson((DEFAULT_LESSON_FOLDER / name).read_text(encoding="utf-8"), name)
    french = parse_lesson((FRENCH_FOLDER / name).read_text(encoding="utf-8"), name)
    for english_text, french_text in zip(_texts(english), _texts(french), strict=True):
        assert french_text != english_text, french_text
    for step in french.steps:
        assert len(step.text.split()) >= 15 and step.question.endswith("?"), step.title


def test_loader_reads_the_language_asked_for():
    french, errors = load_lessons(language="fr")
    assert errors == [] and [lesson.number for lesson in french] == list(range(1, 9))
    assert french[0].title == "Neurones, couches et propagation avant"
    assert french[7].title == "Surapprentissage, validation et arrêt précoce"
    english, errors = load_lessons(language="en")
    assert errors == [] and english[0].title == "Neurons, layers and the forward pass"
    assert [lesson.title for lesson in english] == [lesson.title for lesson in load_lessons()[0]]
    assert lesson_folder("fr") == FRENCH_FOLDER and lesson_folder("en") == DEFAULT_LESSON_FOLDER


def test_a_missing_or_empty_language_folder_falls_back_to_english(tmp_path):
    english_titles = [lesson.title for lesson in load_lessons()[0]]
    assert [lesson.title for lesson in load_lessons(language="de")[0]] == english_titles
    assert lesson_folder("de") == DEFAULT_LESSON_FOLDER
    assert lesson_folder("../fr") == DEFAULT_LESSON_FOLDER   # a language is a name, never a path
    shutil.copy(DEFAULT_LESSON_FOLDER / ENGLISH_FILES[0], tmp_path)
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "notes.txt").write_text("no lessons here")
    lessons, errors = load_lessons(tmp_path, language="fr")   # a folder without lessons: English
    assert errors == [] and [lesson.title for lesson in lessons] == english_titles[:1]
    assert load_lessons(tmp_path)[0] == lessons   # no language: the folder itself, as before


def test_error_messages_go_through_the_translator():
    french = {"{where}: {problem}": "{where} : {problem}", "{file}, step {number}": "{file}, étape {number}",
              "unknown {key} {value!r}; choose one of: {choices}.":
                  "valeur inconnue {value!r} pour '{key}' ; choisissez parmi : {choices}.",
              "The lesson folder {folder} cannot be read or does not exist.":
                  "Le dossier de leçons {folder} est illisible ou n'existe pas.",
              "load the {dataset} data": "charger les données {dataset}", "Show me will {actions}.":
                  "« Montre-moi » va {actions}.", "Training": "Entraînement",
              "switch to the {tab} tab": "passer à l'onglet {tab}"}
    use_translator(lambda context, text: french.get(text, "") if context == "core.lessons" else "")
    try:
        message = _error(_with(lambda d: d["steps"][0]["show_me"].update(panel="kitchen")))
        assert message.startswith("mine.json, étape 1 : valeur inconnue 'kitchen' pour 'panel' ; choisissez parmi")
        _, errors = load_lessons("/nowhere/at/all")
        assert str(errors[0]).startswith("Le dossier de leçons")
        assert describe_action({"dataset": "XOR", "panel": "training"}) == (
            "« Montre-moi » va charger les données XOR, passer à l'onglet Entraînement.")
    finally:
        use_translator(None)
    assert _error(_with(lambda d: d.update(steps=[{}]))).startswith("mine.json, step 1: a step has no")
