"""The game's mutable state and its one canonical form.

Everything here is integers, strings and booleans: no floats that could sum differently,
no sets or dicts whose order could vary. ``GameState.to_data()`` is the one canonical
form: snapshots are it, the checksum hashes it, ``load_data`` restores it. The read-only
views the UI and the bots get are built from it in ``views.py``.
"""

from __future__ import annotations

from game.sim import station as st
from game.sim import tuning as tn
from game.sim.crew import Crew, initial_bonds, make_crew

SIDES = ("us", "ru")
LEDGER_SIZE = 12  # trust changes kept for the player to read


class GameState:
    """All that changes during a game (the set-up that does not is in ``Game.setup``)."""

    def __init__(self, scenario: str):
        self.tick = 0
        self.holder = [st.INITIAL_HOLDER[m] for m in st.MODULE_IDS]
        self.capture: dict[str, list] = {}  # module -> [side, due tick]
        self.hatch_open = [True] * len(st.HATCH_IDS)
        self.sealed_from = [""] * len(st.HATCH_IDS)  # module it was sealed from
        self.sys_on = [True] * len(st.SYSTEM_IDS)
        self.cut_by = [""] * len(st.SYSTEM_IDS)  # side that took each system offline
        self.crew: list[Crew] = make_crew(scenario)
        self.bonds: list[int] = initial_bonds(tuple(c.id for c in self.crew))
        self.trust = tn.TRUST_START
        self.ledger: list[list] = []  # [tick, delta, reason], newest last
        self.truce_due = -1
        self.peace_talk = {"us": False, "ru": False}  # talked across since the order
        self.talked: dict[str, int] = {}  # "a:b" pair or "partner:side" -> tick it counted
        self.seize_side = ""
        self.seize_due = -1
        self.o2_reserve_s = tn.O2_RESERVE_S
        self.o2_tick = 0  # tick at which o2_reserve_s was last brought up to date
        self.o2_stress_due = -1
        self.attitude_off_tick = -1
        self.power_low = False
        self.order_tick = {"us": -1, "ru": -1}
        self.attacked = {"us": False, "ru": False}  # was attacked: may act in self-defence
        self.knows_order = {"us": -1, "ru": -1}  # tick a side learned the other's order
        self.used_force = {"us": False, "ru": False}  # has shown it will use force
        self.intrusion = {"us": -1, "ru": -1}  # since when armed enemies are in our home
        self.act = 1
        self.war_begun = False
        self.strike_idx = 0
        self.silenced: dict[str, int] = {}
        self.contact_idx: dict[str, int] = {}  # station -> passes already handled
        self.debris_deadline = -1
        self.asat_done = False
        self.last_fight = 0  # tick of the last use of force (stress eases after CALM_S)
        self.calm_due = tn.CALM_S
        self.ending = ""
        self.ending_text = ""
        self.stats = {"restraints": 0, "restrain_failed": 0, "talks": 0, "captures": 0,
                      "systems_cut": 0, "flashes_witnessed": 0, "glows_seen": 0,
                      "hatches_closed": 0, "escorts": 0, "stress_refusals": 0,
                      "bond_refusals": 0, "remote_restores": 0, "partners_joined": 0,
                      "partners_lost": 0, "commands_us": 0, "commands_ru": 0}

    def to_data(self) -> dict:
        """Canonical, JSON-able, freshly built (shares nothing with the live state)."""
        return {
            "tick": self.tick, "holder": list(self.holder),
            "capture": {m: list(v) for m, v in sorted(self.capture.items())},
            "hatch_open": [int(b) for b in self.hatch_open], "sealed_from": list(self.sealed_from),
            "sys_on": [int(b) for b in self.sys_on], "cut_by": list(self.cut_by),
            "crew": [c.to_list() for c in self.crew],
            "bonds": list(self.bonds), "trust": self.trust,
            "ledger": [list(e) for e in self.ledger], "truce_due": self.truce_due,
            "peace_talk": {k: int(v) for k, v in self.peace_talk.items()},
            "talked": dict(sorted(self.talked.items())),
            "seize_side": self.seize_side, "seize_due": self.seize_due,
            "o2_reserve_s": self.o2_reserve_s, "o2_tick": self.o2_tick,
            "o2_stress_due": self.o2_stress_due,
            "attitude_off_tick": self.attitude_off_tick, "power_low": int(self.power_low),
            "order_tick": dict(self.order_tick),
            "attacked": {k: int(v) for k, v in self.attacked.items()}, "act": self.act,
            "knows_order": dict(self.knows_order),
            "used_force": {k: int(v) for k, v in self.used_force.items()},
            "intrusion": dict(self.intrusion),
            "war_begun": int(self.war_begun), "strike_idx": self.strike_idx,
            "silenced": dict(sorted(self.silenced.items())),
            "contact_idx": dict(sorted(self.contact_idx.items())),
            "debris_deadline": self.debris_deadline, "asat_done": int(self.asat_done),
            "last_fight": self.last_fight, "calm_due": self.calm_due,
            "ending": self.ending, "ending_text": self.ending_text, "stats": dict(self.stats),
        }

    def load_data(self, d: dict) -> None:
        """Restore from ``to_data()`` output (trusted: it came from this process)."""
        self.tick = d["tick"]
        self.holder = list(d["holder"])
        self.capture = {m: list(v) for m, v in d["capture"].items()}
        self.hatch_open = [bool(b) for b in d["hatch_open"]]
        self.sealed_from = list(d["sealed_from"])
        self.sys_on = [bool(b) for b in d["sys_on"]]
        self.cut_by = list(d["cut_by"])
        for c, data in zip(self.crew, d["crew"], strict=True):
            c.load_list(data)
        self.bonds = list(d["bonds"])
        self.trust, self.ledger = d["trust"], [list(e) for e in d["ledger"]]
        self.truce_due = d["truce_due"]
        self.peace_talk = {k: bool(v) for k, v in d["peace_talk"].items()}
        self.talked = dict(d["talked"])
        self.seize_side, self.seize_due = d["seize_side"], d["seize_due"]
        self.o2_reserve_s, self.o2_tick = d["o2_reserve_s"], d["o2_tick"]
        self.o2_stress_due = d["o2_stress_due"]
        self.attitude_off_tick, self.power_low = d["attitude_off_tick"], bool(d["power_low"])
        self.order_tick = dict(d["order_tick"])
        self.attacked = {k: bool(v) for k, v in d["attacked"].items()}
        self.knows_order = dict(d["knows_order"])
        self.used_force = {k: bool(v) for k, v in d["used_force"].items()}
        self.intrusion = dict(d["intrusion"])
        self.act, self.war_begun = d["act"], bool(d["war_begun"])
        self.strike_idx = d["strike_idx"]
        self.silenced = dict(d["silenced"])
        self.contact_idx = dict(d["contact_idx"])
        self.debris_deadline, self.asat_done = d["debris_deadline"], bool(d["asat_done"])
        self.last_fight, self.calm_due = d["last_fight"], d["calm_due"]
        self.ending, self.ending_text = d["ending"], d["ending_text"]
        self.stats = dict(d["stats"])
