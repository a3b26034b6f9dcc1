"""The "Terrain explorer" tab: the gradient-descent game in 1-D and 2-D, and the caveman's regression."""
from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from core.i18n import QT_TRANSLATE_NOOP, translate
from gui.widgets.terrain_caveman import CavemanRegression
from gui.widgets.terrain_game import TerrainGame
from gui.widgets.terrain_race import TerrainRace

CONTEXT = "gui.panels.terrain_panel"
MODES = (QT_TRANSLATE_NOOP("gui.panels.terrain_panel", "1-D game"),
         QT_TRANSLATE_NOOP("gui.panels.terrain_panel", "2-D terrain & race"),
         QT_TRANSLATE_NOOP("gui.panels.terrain_panel", "Caveman's regression"))  # English names: set_mode's keys


class TerrainPanel(QWidget):
    """Three sub-tabs; needs nothing from the rest of the app. Timers stop when hidden or closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.game = TerrainGame()
        self.race = TerrainRace()
        self.caveman = CavemanRegression()
        self.tabs = QTabWidget()
        tips = (translate("gui.panels.terrain_panel", "A creature in the mist feels only the slope under its feet: "
                          "play gradient descent by hand or by the rule, on the lecture's terrains."),
                translate("gui.panels.terrain_panel", "A 2-D loss surface with its gradient, and a race between GD, "
                          "momentum, RMSProp and Adam."),
                translate("gui.panels.terrain_panel", "Fit the caveman's line f(x) = w·x + b: by hand, then by "
                          "gradient descent on the loss terrain."))
        for widget, mode, tip in zip((self.game, self.race, self.caveman), MODES, tips):
            title = translate(CONTEXT, mode).replace("&", "&&")
            self.tabs.setTabToolTip(self.tabs.addTab(widget, title), tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def set_mode(self, mode: str) -> None:
        """Show one of MODES (the English name, whatever the language shown)."""
        self.tabs.setCurrentIndex(MODES.index(mode))

    def stop_all(self) -> None:
        """Stop every Play/Race timer (for close and for the main window's shutdown)."""
        for view in (self.game, self.race, self.caveman):
            view.stop()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the tab pauses everything."""
        self.stop_all()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """No timer outlives the panel."""
        self.stop_all()
        super().closeEvent(event)
