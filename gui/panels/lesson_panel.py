"""The lesson side panel: pick a lesson, read its steps one by one, and let "Show me" set the app up.

The panel only shows lessons; it never changes the app itself. "Show me" emits
`show_me_requested(action)` and the main window applies it (`gui.lesson_actions.apply_lesson_action`),
because only the main window knows the panels. Lesson files that cannot be read are listed in the
panel with their message instead of crashing it. The shipped lessons are shown in the app's language
(resources/lessons/fr/ in French) when they are translated, else in English; the user's own folder is
read as it is.
"""
from __future__ import annotations

import copy
import html
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QTextBrowser,
                               QVBoxLayout, QWidget)

from core.errors import LessonError
from core.i18n import translate
from core.lessons import Lesson, LessonStep, describe_action, lesson_folder, load_lessons
from core.paths import user_data_dir
from gui.app_state import AppState
from gui.i18n import current_language


def lesson_folders(language: str | None = None) -> list[Path]:
    """The shipped lessons in `language` (default: the app's; English when they are not translated),
    plus the user's own folder (<data dir>/lessons) when it exists."""
    own = user_data_dir() / "lessons"
    shipped = lesson_folder(language or current_language())
    return [shipped] + ([own] if own.is_dir() else [])


def _font_with(bold: bool = False, italic: bool = False) -> QFont:
    """A font that sets only weight/slant, so its size still follows the application (and presentation mode)."""
    font = QFont()
    if bold:
        font.setBold(True)
    if italic:
        font.setItalic(True)
    return font


class LessonPanel(QWidget):
    """Lesson list, step text, question, Previous/Next and "Show me"."""

    show_me_requested = Signal(object)  # dict: the step's checked "show_me" action

    def __init__(self, state: AppState, parent: QWidget | None = None,
                 folders: Sequence[Path] | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._folders = list(folders) if folders is not None else None   # None: lesson_folders() at each reload
        self._lessons: list[Lesson] = []
        self._errors: list[LessonError] = []
        self._lesson_index = -1
        self._step_index = 0
        self._build()
        self._connect()
        self.reload()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self._chooser = QComboBox()
        self._chooser.setToolTip(translate("gui.panels.lesson_panel",
                                           "Choose a lesson; they follow the lecture from neurons to overfitting."))
        self._chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._summary = self._wrapped_label(translate("gui.panels.lesson_panel", "What this lesson is about."))
        self._summary.setFont(_font_with(italic=True))
        self._step_title = self._wrapped_label(translate("gui.panels.lesson_panel",
                                                         "The current step and how many there are."))
        self._step_title.setFont(_font_with(bold=True))
        self._text = QTextBrowser()
        self._text.setToolTip(translate("gui.panels.lesson_panel", "The explanation for this step."))
        self._text.setOpenExternalLinks(False)
        self._question = self._wrapped_label(translate("gui.panels.lesson_panel",
                                                       "A question to think about before you go on."))
        self._question.setFrameShape(QFrame.Shape.StyledPanel)
        self._question.setMargin(8)
        self._previous = QPushButton(translate("gui.panels.lesson_panel", "◀ &Previous"))
        self._previous.setToolTip(translate("gui.panels.lesson_panel", "Go back to the previous step (Alt+P)."))
        self._show_me = QPushButton(translate("gui.panels.lesson_panel", "&Show me"))
        self._next = QPushButton(translate("gui.panels.lesson_panel", "&Next ▶"))
        self._next.setToolTip(translate("gui.panels.lesson_panel", "Go on to the next step (Alt+N)."))
        self._errors_label = self._wrapped_label(translate("gui.panels.lesson_panel",
                                                           "Lesson files that could not be read, and why."))
        self._errors_label.setTextFormat(Qt.TextFormat.PlainText)
        self._layout()

    def _wrapped_label(self, tip: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setToolTip(tip)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self._previous, self._show_me, self._next):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._chooser)
        layout.addWidget(self._summary)
        layout.addWidget(self._step_title)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._question)
        layout.addLayout(buttons)
        layout.addWidget(self._errors_label)

    def _connect(self) -> None:
        self._chooser.currentIndexChanged.connect(self._on_chooser_index_changed)
        self._previous.clicked.connect(self._on_previous_clicked)
        self._next.clicked.connect(self._on_next_clicked)
        self._show_me.clicked.connect(self._on_show_me_clicked)
        self._state.training_state_changed.connect(self._on_training_state_changed)

    # ------------------------------------------------------------ public

    @property
    def lessons(self) -> list[Lesson]:
        """The lessons that could be read, in order."""
        return list(self._lessons)

    @property
    def errors(self) -> list[LessonError]:
        """One LessonError per lesson file that could not be read."""
        return list(self._errors)

    def reload(self) -> None:
        """Read the lesson folders again (after a teacher edited a file)."""
        self._lessons, self._errors = [], []
        for folder in self._folders if self._folders is not None else lesson_folders():
            lessons, errors = load_lessons(folder)
            self._lessons += lessons
            self._errors += errors
        self._lessons.sort(key=lambda lesson: (lesson.number, lesson.source))
        with QSignalBlocker(self._chooser):
            self._chooser.clear()
            for lesson in self._lessons:
                self._chooser.addItem(f"{lesson.number}. {lesson.title}")
        self._show_errors()
        self.set_lesson(0 if self._lessons else -1)

    def set_lesson(self, index: int) -> None:
        """Show lesson `index` (0-based) from its first step, without emitting anything."""
        self._lesson_index = index if 0 <= index < len(self._lessons) else -1
        with QSignalBlocker(self._chooser):
            self._chooser.setCurrentIndex(self._lesson_index)
        self.set_step(0)

    def set_step(self, index: int) -> None:
        """Show step `index` (0-based, clamped) of the current lesson."""
        lesson = self.current_lesson()
        self._step_index = min(max(index, 0), len(lesson.steps) - 1) if lesson else 0
        self._show_step()

    def current_lesson(self) -> Lesson | None:
        """The lesson on display, or None when no lesson could be read."""
        return self._lessons[self._lesson_index] if self._lesson_index >= 0 else None

    def current_step(self) -> LessonStep | None:
        """The step on display, or None."""
        lesson = self.current_lesson()
        return lesson.steps[self._step_index] if lesson else None

    # ------------------------------------------------------------ showing

    def _show_step(self) -> None:
        lesson, step = self.current_lesson(), self.current_step()
        if lesson is None or step is None:
            self._show_empty()
            return
        self._summary.setText(lesson.summary)
        title = translate("gui.panels.lesson_panel", "Step {number} of {total}: {title}")
        self._step_title.setText(title.format(number=self._step_index + 1, total=len(lesson.steps), title=step.title))
        self._text.setHtml(f"<p style='line-height: 130%'>{html.escape(step.text)}</p>")
        self._question.setText(translate("gui.panels.lesson_panel", "Think: {question}").format(question=step.question))
        self._previous.setEnabled(self._step_index > 0)
        self._next.setEnabled(self._step_index < len(lesson.steps) - 1)
        self._update_show_me()

    def _show_empty(self) -> None:
        self._summary.setText(translate("gui.panels.lesson_panel", "No lessons could be read."))
        self._step_title.setText("")
        self._text.setHtml("")
        self._question.setText("")
        for button in (self._previous, self._next, self._show_me):
            button.setEnabled(False)

    def _update_show_me(self) -> None:
        step = self.current_step()
        action = step.show_me if step is not None else None
        running = self._state.is_training
        self._show_me.setEnabled(bool(action) and not running)
        if running and action:
            tip = translate("gui.panels.lesson_panel",
                            "Pause or stop the training first: “Show me” changes the data, network or settings.")
        else:
            tip = describe_action(action)
        self._show_me.setToolTip(translate("gui.panels.lesson_panel", "{tip} (Alt+S)").format(tip=tip))

    def _show_errors(self) -> None:
        lines = [str(error) for error in self._errors]
        header = translate("gui.panels.lesson_panel", "These lesson files could not be read:")
        self._errors_label.setText("\n".join([header, *("• " + line for line in lines)]) if lines else "")
        self._errors_label.setVisible(bool(lines))

    # ------------------------------------------------------------ user events

    @Slot(int)
    def _on_chooser_index_changed(self, index: int) -> None:
        self.set_lesson(index)

    @Slot()
    def _on_previous_clicked(self) -> None:
        self.set_step(self._step_index - 1)

    @Slot()
    def _on_next_clicked(self) -> None:
        self.set_step(self._step_index + 1)

    @Slot()
    def _on_show_me_clicked(self) -> None:
        step = self.current_step()
        if step is not None and step.show_me:
            self.show_me_requested.emit(copy.deepcopy(step.show_me))  # the receiver may keep or change it

    @Slot(str)
    def _on_training_state_changed(self, _state: str) -> None:
        self._update_show_me()
