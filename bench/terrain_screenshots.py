"""Regenerate the Terrain explorer screenshots (offscreen), one per mode, for the README.

Usage (from the repository root): python bench/terrain_screenshots.py [--out resources/screenshots]
Writes terrain_1d.png, terrain_2d.png and terrain_caveman.png at 1200 × 750.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1200, 750)


def shoot_1d(panel) -> None:
    """The learning-rate exercise done, then the saddle challenge played and answered, in the mist."""
    game = panel.game
    for lr in (0.03, 0.1, 1.0):
        game.run_exercise(lr)
    game.set_up_challenge(4)
    for _ in range(12):
        game.step_once()
    game._on_answer_clicked()


def shoot_2d(panel) -> None:
    """The ravine race part-way, then one explained Momentum step."""
    from core.terrain import TERRAINS_2D

    race = panel.race
    race.set_terrain(TERRAINS_2D["ravine"])
    race.step_all(70)
    race.explain_step("Momentum")


def shoot_caveman(panel) -> None:
    """A hand-made guess, then a few descent steps; the batch comparison below."""
    caveman = panel.caveman
    caveman.set_parameters(0.5, 3.5)
    caveman.advance(12)


def main() -> None:
    """Build the panel once, put it in each mode, save a grab of each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args()
    from gui.app import create_application

    app = create_application([])
    from gui.panels.terrain_panel import MODES, TerrainPanel

    args.out.mkdir(parents=True, exist_ok=True)
    panel = TerrainPanel()
    panel.resize(*SIZE)
    panel.show()
    for mode, shoot, name in zip(MODES, (shoot_1d, shoot_2d, shoot_caveman),
                                 ("terrain_1d.png", "terrain_2d.png", "terrain_caveman.png")):
        panel.set_mode(mode)
        app.processEvents()
        shoot(panel)
        app.processEvents()
        panel.grab().save(str(args.out / name))
        print(args.out / name)
    panel.close()


if __name__ == "__main__":
    main()
