"""The people aboard: who they are, where they start, how they feel, whom they trust.

The film's six (US: Kira Foster, Gordon Barrett, Christian Campbell; Russia: Alexey
Pulov, his brother Nicholai, Weronika Vetrov) and, in scenario ``international``, three
partner-agency crew who start neutral (ESA, JAXA, CSA; fictional names) and can be won
over by either side, and lost again.

Stress and loyalty are integers 0-100. A crew member's *stress limit* is
``STRESS_LIMIT_BASE + loyalty * STRESS_LIMIT_PER_LOYALTY // 100``: over it, they refuse
force (restrain, seal a hatch, cut a system), and the player is told why.

*Bonds* (0-100) join every pair of crew. They start where the film starts them: Gordon
and Weronika are lovers, Weronika trusts Kira most, Kira and Alexey leave together at
the end, the men were "like brothers". Talk across the divide raises them, force
between the two lowers them; a strong bond makes a crew member refuse to restrain the
other, and lets a mixed crew leave together (the film's ending).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.facts.ground import AGENCY_STATION, PARTNER_AGENCIES  # noqa: F401 - this module's face
from game.sim import tuning as tn

NEUTRAL = "neutral"

# id, name, side, agency, start module, stress, loyalty
FILM_CREW: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    ("kira", "Kira Foster", "us", "NASA", "cupola", 15, 70),
    ("gordon", "Gordon Barrett", "us", "NASA", "destiny", 10, 85),
    ("christian", "Christian Campbell", "us", "NASA", "harmony", 25, 75),
    ("alexey", "Alexey Pulov", "ru", "Roscosmos", "zvezda", 10, 75),
    ("nicholai", "Nicholai Pulov", "ru", "Roscosmos", "zarya", 15, 90),
    ("weronika", "Weronika Vetrov", "ru", "Roscosmos", "unity", 20, 65),
)

PARTNER_CREW: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    ("elena", "Elena Brandt", NEUTRAL, "ESA", "columbus", 10, 50),
    ("haruto", "Haruto Sato", NEUTRAL, "JAXA", "kibo_jpm", 10, 50),
    ("maya", "Maya Tremblay", NEUTRAL, "CSA", "quest", 10, 50),
)

#: Bonds at the start, from the film; every other pair starts at DEFAULT_BOND.
FILM_BONDS: dict[tuple[str, str], int] = {
    ("gordon", "weronika"): 65,  # a clandestine romance
    ("kira", "weronika"): 40,  # "the only one she trusts"
    ("kira", "alexey"): 35,  # they leave together
    ("gordon", "nicholai"): 25,  # "like brothers"
    ("christian", "alexey"): 20,
    ("alexey", "nicholai"): 80,  # brothers
    ("gordon", "christian"): 50,
    ("gordon", "kira"): 40,
    ("nicholai", "weronika"): 45,
}
DEFAULT_BOND = 10

SCENARIOS = ("film", "international")


def roster(scenario: str):
    """The crew table for a scenario (ValueError for an unknown one)."""
    if scenario == "film":
        return FILM_CREW
    if scenario == "international":
        return FILM_CREW + PARTNER_CREW
    raise ValueError(f"unknown scenario '{scenario}' (expected one of {', '.join(SCENARIOS)})")


def stress_limit(loyalty: int) -> int:
    """Stress above which a crew member refuses to use force."""
    return tn.STRESS_LIMIT_BASE + loyalty * tn.STRESS_LIMIT_PER_LOYALTY // 100


def air_short(oxygen_generating: bool, oxygen_reserve_s: int) -> bool:
    """No oxygen made, or the reserve under ``AIR_SHORT_S``: no talk calms anyone."""
    return not oxygen_generating or oxygen_reserve_s < tn.AIR_SHORT_S


def pair_index(i: int, j: int, n: int) -> int:
    """Index of the unordered pair (i, j), i != j, among ``n`` crew (row-major, i < j)."""
    if i > j:
        i, j = j, i
    return i * n - i * (i + 1) // 2 + (j - i - 1)


def initial_bonds(ids: tuple[str, ...]) -> list[int]:
    n = len(ids)
    out = [DEFAULT_BOND] * (n * (n - 1) // 2)
    where = {c: k for k, c in enumerate(ids)}
    for (a, b), v in FILM_BONDS.items():
        if a in where and b in where:
            out[pair_index(where[a], where[b], n)] = v
    return out


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
    task: str = "idle"  # idle, move, open, force, close, offline, restore, talk, restrain,
    #                     held (the target of a restraint), free, escort, leave
    target: str = ""  # module, hatch, system or crew id of the task
    due: int = 0  # tick at which the task (or the current hop of a move) completes
    route: tuple[str, ...] = ()  # modules still to enter on a move (first = current hop)
    odds: int = 0  # a restraint attempt: its odds in per mille, fixed when it started,
    counted: tuple[int, int] = (0, 0)  # ... from these attackers and defenders
    pinned_until: int = -1  # a failed attacker is out of action until this tick
    barred: str = ""  # segment this crew member was shown out of ("USOS"/"ROS") ...
    barred_until: int = -1  # ... until this tick
    lean_us: int = 0  # partner crew only: how far each side has won them over
    lean_ru: int = 0
    witnessed: int = 0  # flashes this crew member has seen
    braced_until: int = -1  # fought off a grab: may not be grabbed again before this tick

    @property
    def free(self) -> bool:
        """Aboard, conscious, not restrained, not pinned: counts for holding a module."""
        return not self.restrained and not self.gone and self.pinned_until < 0

    def to_list(self) -> list:
        return [self.id, self.side, self.module, self.stress, self.loyalty,
                int(self.restrained), int(self.gone), self.task, self.target, self.due,
                list(self.route), self.odds, self.pinned_until, self.barred,
                self.barred_until, self.lean_us, self.lean_ru, self.witnessed,
                list(self.counted), self.braced_until]

    def load_list(self, data: list) -> None:
        (_id, self.side, self.module, self.stress, self.loyalty, restrained, gone, self.task,
         self.target, self.due, route, self.odds, self.pinned_until, self.barred,
         self.barred_until, self.lean_us, self.lean_ru, self.witnessed, counted,
         self.braced_until) = data
        self.restrained, self.gone, self.route = bool(restrained), bool(gone), tuple(route)
        self.counted = tuple(counted)


def make_crew(scenario: str) -> list[Crew]:
    return [Crew(id=i, name=n, side=s, agency=a, module=m, stress=st, loyalty=lo)
            for (i, n, s, a, m, st, lo) in roster(scenario)]
