"""The people aboard: who they are, where they start, how they feel.

The film's six (US: Kira Foster, Gordon Barrett, Christian; Russia: Alexey Pulov,
Nicholai, Weronika) and, in scenario ``international``, three partner-agency crew who
start neutral (ESA, JAXA, CSA; fictional names) and can be won over by either side.

Stress and loyalty are integers 0-100. A crew member's *stress limit* is
``50 + loyalty * 40 // 100``: over it, they refuse hostile orders (restrain, seal a
hatch, cut a system), and the player is told why.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.facts.ground import AGENCY_STATION  # noqa: F401 - part of this module's face

NEUTRAL = "neutral"

# id, name, side, agency, start module, stress, loyalty
FILM_CREW: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    ("kira", "Kira Foster", "us", "NASA", "cupola", 15, 70),
    ("gordon", "Gordon Barrett", "us", "NASA", "destiny", 10, 85),
    ("christian", "Christian", "us", "NASA", "harmony", 20, 75),
    ("alexey", "Alexey Pulov", "ru", "Roscosmos", "zvezda", 10, 85),
    ("nicholai", "Nicholai", "ru", "Roscosmos", "zarya", 15, 80),
    ("weronika", "Weronika", "ru", "Roscosmos", "unity", 20, 65),
)

PARTNER_CREW: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    ("elena", "Elena Brandt", NEUTRAL, "ESA", "columbus", 10, 50),
    ("haruto", "Haruto Sato", NEUTRAL, "JAXA", "kibo_jpm", 10, 50),
    ("maya", "Maya Tremblay", NEUTRAL, "CSA", "quest", 10, 50),
)


SCENARIOS = ("film", "international")

JOIN_AT = 60  # a neutral's lean toward one side at which they join it
LEAN_PER_TALK = 20


def roster(scenario: str):
    """The crew table for a scenario (ValueError for an unknown one)."""
    if scenario == "film":
        return FILM_CREW
    if scenario == "international":
        return FILM_CREW + PARTNER_CREW
    raise ValueError(f"unknown scenario '{scenario}' (expected one of {', '.join(SCENARIOS)})")


def stress_limit(loyalty: int) -> int:
    """Stress above which a crew member refuses hostile orders."""
    return 50 + loyalty * 40 // 100


@dataclass
class Crew:
    """One crew member's mutable state (the game owns it; the UI sees a CrewView)."""

    id: str
    name: str
    side: str  # "us", "ru" or "neutral" (partner crew until won over)
    agency: str
    module: str
    stress: int
    loyalty: int
    restrained: bool = False
    gone: bool = False  # left the station in a vehicle
    task: str = "idle"  # idle, move, open, force, close, offline, restore, talk, ...
    target: str = ""  # module, hatch, system or crew id of the task
    due: int = 0  # tick at which the task (or the current hop of a move) completes
    route: tuple[str, ...] = ()  # modules still to enter on a move (first = current hop)
    lean_us: int = 0  # partner crew only: how far each side has won them over
    lean_ru: int = 0
    witnessed: int = 0  # flashes this crew member has seen

    @property
    def free(self) -> bool:
        """Aboard, conscious and not restrained: counts for holding a module."""
        return not self.restrained and not self.gone

    def to_list(self) -> list:
        return [self.id, self.side, self.module, self.stress, self.loyalty,
                int(self.restrained), int(self.gone), self.task, self.target, self.due,
                list(self.route), self.lean_us, self.lean_ru, self.witnessed]

    def load_list(self, data: list) -> None:
        (_id, self.side, self.module, self.stress, self.loyalty, restrained, gone, self.task,
         self.target, self.due, route, self.lean_us, self.lean_ru, self.witnessed) = data
        self.restrained, self.gone, self.route = bool(restrained), bool(gone), tuple(route)


def make_crew(scenario: str) -> list[Crew]:
    return [Crew(id=i, name=n, side=s, agency=a, module=m, stress=st, loyalty=lo)
            for (i, n, s, a, m, st, lo) in roster(scenario)]
