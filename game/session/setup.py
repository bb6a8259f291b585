"""What a new game is made of, as chosen in the title menu or on the command line.

One mutable object passed between screens: the title menu fills it, the orbit panel
replaces its orbit, the game screen starts a simulation from it, and the recorder copies
it into a replay header. It holds choices, never simulation state.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.newgame import mission_start
from game.orbit.api import Orbit

SIDE_CONTROLLERS = ("human", "ai")  # what the title menu offers (bots: --us/--ru bot:FILE)


@dataclass
class GameSetup:
    orbit: Orbit  # the element set the ISS flies (may be an edited one, not on disk)
    orbit_label: str  # where it came from, for menus: file name or "edited"
    epoch_unix_s: float | None = None  # mission start; None: game.newgame.default_start
    seed: int = 1
    scenario: str = "film"  # "film" (six crew) or "international" (+ESA, JAXA, CSA)
    us: str = "human"  # "human" or "ai"
    ru: str = "ai"
    difficulty: str = "hard"  # AI level: "easy" or "hard"
    warp: float = 30.0  # sets the game's length (30 min of play at this warp); the
    #                     pace itself adapts (game.session.pacing)
    hints: bool = False  # the first-game guide (game.session.guide): on from the title

    @property
    def start_unix_s(self) -> float:
        """The mission start the game will fly (:func:`game.newgame.mission_start`): the
        chosen one, else the element set's epoch plus the seed's offset."""
        return mission_start(self.orbit, self.seed, self.epoch_unix_s)

    def start_for(self, orbit: Orbit) -> float:
        """The mission start a game on ``orbit`` (not yet chosen) would fly."""
        return mission_start(orbit, self.seed, self.epoch_unix_s)


def fresh_seed() -> int:
    """A new seed for each launch of the title menu (1-999999: short to read and to type
    back), so every newcomer does not play the same game."""
    import secrets

    return 1 + secrets.randbelow(999_999)


def side_mode(setup) -> str:
    """Who plays, in one word: "us" or "ru" (that side is human, against the AI), "both"
    (hot-seat) or "watch" (AI against AI)."""
    if setup.us == "human" and setup.ru == "human":
        return "both"
    if setup.us == "ai" and setup.ru == "ai":
        return "watch"
    return "ru" if setup.ru == "human" else "us"


def apply_side(setup, mode: str) -> None:
    """Set both sides' controllers from a :func:`side_mode` word."""
    setup.us, setup.ru = {"us": ("human", "ai"), "ru": ("ai", "human"),
                          "both": ("human", "human"), "watch": ("ai", "ai")}[mode]
