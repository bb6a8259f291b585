"""The game's mutable state, its canonical form, and the read-only view the UI gets.

Everything here is integers, strings and booleans: no floats that could sum differently,
no sets or dicts whose order could vary. ``GameState.to_data()`` is the one canonical
form: snapshots are it, the checksum hashes it, ``load_data`` restores it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim import station as st
from game.sim.crew import Crew, make_crew

SIDES = ("us", "ru")
O2_RESERVE_S = 4 * 3600  # oxygen reserve with both generators off: four hours


class GameState:
    """All that changes during a game (the set-up that does not is in ``Game.setup``)."""

    def __init__(self, scenario: str, rng_state: int):
        self.tick = 0
        self.rng = rng_state
        self.holder = [st.INITIAL_HOLDER[m] for m in st.MODULE_IDS]
        self.capture: dict[str, list] = {}  # module -> [side, due tick]
        self.hatch_open = [True] * len(st.HATCH_IDS)
        self.sealed_from = [""] * len(st.HATCH_IDS)  # module it was sealed from
        self.sys_on = [True] * len(st.SYSTEM_IDS)
        self.crew: list[Crew] = make_crew(scenario)
        self.trust = 50
        self.truce_due = -1
        self.seize_side = ""
        self.seize_due = -1
        self.o2_reserve_s = O2_RESERVE_S
        self.o2_tick = 0  # tick at which o2_reserve_s was last brought up to date
        self.attitude_off_tick = -1
        self.power_low = False
        self.order_tick = {"us": -1, "ru": -1}
        self.attacked = {"us": False, "ru": False}  # was attacked: may act in self-defence
        self.act = 1
        self.strike_idx = 0
        self.silenced: dict[str, int] = {}
        self.debris_deadline = -1
        self.debris_ok = False
        self.asat_done = False
        self.contact_idx: dict[str, int] = {}
        self.ending = ""
        self.ending_text = ""
        self.stats = {"restraints": 0, "restrain_failed": 0, "talks": 0, "captures": 0,
                      "systems_cut": 0, "flashes_witnessed": 0, "hatches_closed": 0,
                      "commands_us": 0, "commands_ru": 0}

    def to_data(self) -> dict:
        """Canonical, JSON-able, freshly built (shares nothing with the live state)."""
        return {
            "tick": self.tick, "rng": self.rng, "holder": list(self.holder),
            "capture": {m: list(v) for m, v in sorted(self.capture.items())},
            "hatch_open": [int(b) for b in self.hatch_open], "sealed_from": list(self.sealed_from),
            "sys_on": [int(b) for b in self.sys_on], "crew": [c.to_list() for c in self.crew],
            "trust": self.trust, "truce_due": self.truce_due, "seize_side": self.seize_side,
            "seize_due": self.seize_due, "o2_reserve_s": self.o2_reserve_s, "o2_tick": self.o2_tick,
            "attitude_off_tick": self.attitude_off_tick, "power_low": int(self.power_low),
            "order_tick": dict(self.order_tick),
            "attacked": {k: int(v) for k, v in self.attacked.items()}, "act": self.act,
            "strike_idx": self.strike_idx, "silenced": dict(sorted(self.silenced.items())),
            "debris_deadline": self.debris_deadline, "debris_ok": int(self.debris_ok),
            "asat_done": int(self.asat_done),
            "contact_idx": dict(sorted(self.contact_idx.items())),
            "ending": self.ending, "ending_text": self.ending_text, "stats": dict(self.stats),
        }

    def load_data(self, d: dict) -> None:
        """Restore from ``to_data()`` output (trusted: it came from this process)."""
        self.tick, self.rng = d["tick"], d["rng"]
        self.holder = list(d["holder"])
        self.capture = {m: list(v) for m, v in d["capture"].items()}
        self.hatch_open = [bool(b) for b in d["hatch_open"]]
        self.sealed_from = list(d["sealed_from"])
        self.sys_on = [bool(b) for b in d["sys_on"]]
        for c, data in zip(self.crew, d["crew"], strict=True):
            c.load_list(data)
        self.trust, self.truce_due = d["trust"], d["truce_due"]
        self.seize_side, self.seize_due = d["seize_side"], d["seize_due"]
        self.o2_reserve_s, self.o2_tick = d["o2_reserve_s"], d["o2_tick"]
        self.attitude_off_tick, self.power_low = d["attitude_off_tick"], bool(d["power_low"])
        self.order_tick = dict(d["order_tick"])
        self.attacked = {k: bool(v) for k, v in d["attacked"].items()}
        self.act, self.strike_idx = d["act"], d["strike_idx"]
        self.silenced = dict(d["silenced"])
        self.debris_deadline, self.debris_ok = d["debris_deadline"], bool(d["debris_ok"])
        self.asat_done = bool(d["asat_done"])
        self.contact_idx = dict(d["contact_idx"])
        self.ending, self.ending_text = d["ending"], d["ending_text"]
        self.stats = dict(d["stats"])


# ---- read-only views for the UI -------------------------------------------------------


@dataclass(frozen=True)
class ModuleView:
    id: str
    name: str
    segment: str  # "USOS", "ROS" or "vehicle"
    holder: str  # "us" or "ru"
    capturing: str  # side taking it over, or ""
    capture_due: int  # tick the capture completes, or -1
    crew: tuple[str, ...]  # ids of crew inside


@dataclass(frozen=True)
class HatchView:
    id: str
    a: str
    b: str
    open: bool
    sealed_from: str  # module it was closed from ("" when open or never sealed)


@dataclass(frozen=True)
class CrewView:
    id: str
    name: str
    side: str
    agency: str
    module: str
    task: str  # idle, move, open, force, close, offline, restore, talk, restrain, free, leave
    target: str
    due: int  # tick the current task (or hop) completes
    route: tuple[str, ...]  # modules still to enter on a move
    stress: int
    stress_limit: int
    loyalty: int
    restrained: bool
    gone: bool
    lean_us: int
    lean_ru: int
    witnessed: int


@dataclass(frozen=True)
class SystemView:
    id: str
    module: str
    name: str
    on: bool  # switched on
    working: bool  # on, and powered (dependencies between segments)


@dataclass(frozen=True)
class StateView:
    tick: int
    mission_s: int
    unix_s: float
    act: int  # 1 routine, 2 orders, 3 dark
    modules: tuple[ModuleView, ...]
    hatches: tuple[HatchView, ...]
    crew: tuple[CrewView, ...]
    systems: tuple[SystemView, ...]
    trust: int
    truce_due: int  # tick a truce will hold, or -1
    seize_side: str
    seize_due: int
    oxygen_generating: bool
    oxygen_reserve_s: int
    power_low: bool
    orders: dict  # side -> tick the order arrived, or -1
    may_act: dict  # side -> may restrain / seal / cut (orders, self-defence or dark)
    silenced: dict  # ground station -> tick it was struck
    debris_deadline: int
    strikes: tuple  # war.Strike up to now (lat, lon, tick, unix_s, magnitude, witnessed)
    ended: bool
    ending: str
    ending_text: str
