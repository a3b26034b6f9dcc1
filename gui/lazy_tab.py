"""A tab page that builds its panel the first time it is shown, so the window appears sooner."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    """Holds a factory; the panel is made on first show or first access of `panel`."""

    built = Signal(object)   # the panel, once

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._panel: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> QWidget:
        if self._panel is None:
            self._panel = self._factory()
            self.layout().addWidget(self._panel)
            self._panel.show()  # a child added to a visible widget stays hidden unless shown (Qt docs)
            self.built.emit(self._panel)
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:
        self.panel  # noqa: B018 - building is the point
        super().showEvent(event)
