"""The read-only views of a game: what the UI draws and what bots and the AI decide on.

A :class:`StateView` is a frozen snapshot: tuples of small named tuples, built from the
game's state when something changed (cheap enough to build every few mission seconds).
It holds everything a player can see and nothing they cannot, so a bot that decides on
it plays by the same information as a human. Field names are a contract (bots written
against them keep working): add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from game.sim.crew import air_short
from game.sim.events import mission_clock


class ModuleView(NamedTuple):
    id: str
    name: str
    segment: str  # "USOS", "ROS" or "vehicle"
    holder: str  # "us" or "ru"
    capturing: str  # side taking it over, or ""
    capture_due: int  # tick the capture completes, or -1
    crew: tuple[str, ...]  # ids of crew inside (not gone)


class HatchView(NamedTuple):
    id: str
    a: str
    b: str
    open: bool
    sealed_from: str  # module it was closed from ("" when open)


class CrewView(NamedTuple):
    id: str
    name: str
    side: str  # "us", "ru" or "neutral"
    agency: str
    module: str
    task: str  # idle, move, open, force, close, offline, restore, talk, restrain, held,
    #            free, escort, leave
    target: str
    due: int  # tick the current task (or hop) completes
    route: tuple[str, ...]  # modules still to enter on a move
    stress: int
    stress_limit: int  # over this they refuse force
    loyalty: int
    restrained: bool
    gone: bool
    lean_us: int  # partner crew: how far each side has won them over
    lean_ru: int
    witnessed: int  # flashes seen
    free: bool  # aboard, not restrained, not pinned: counts in fights and for holding
    pinned_until: int  # a failed attacker is out of action until this tick (-1: not)
    barred: str  # segment they were last shown out of, or ""
    barred_until: int  # ... and may not enter again before this tick
    braced_until: int  # fought off a grab: not to be grabbed again before this tick


class SystemView(NamedTuple):
    id: str
    module: str
    name: str
    on: bool  # switched on
    working: bool  # on, and powered (dependencies between segments)
    cut_by: str  # side that took it offline ("" when on)


class FightView(NamedTuple):
    """A restraint under way: telegraphed, its odds fixed when it started."""

    attacker: str
    target: str
    module: str
    odds_permille: int  # chance the attacker succeeds, per mille
    attackers: int  # counted when it started
    defenders: int
    due: int  # tick it resolves


class BondView(NamedTuple):
    a: str
    b: str
    value: int  # 0-100


class TrustChange(NamedTuple):
    tick: int
    delta: int
    reason: str


class Refusal(NamedTuple):
    tick: int
    side: str
    crew: str
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class StateView:
    tick: int
    mission_s: int
    unix_s: float
    act: int  # 1 routine, 2 orders, 3 dark
    modules: tuple[ModuleView, ...]
    hatches: tuple[HatchView, ...]
    crew: tuple[CrewView, ...]
    systems: tuple[SystemView, ...]
    fights: tuple[FightView, ...]
    bonds: tuple[BondView, ...]  # every pair, once
    trust: int
    trust_ledger: tuple[TrustChange, ...]  # what moved trust lately, newest last
    truce_due: int  # tick a truce will hold, or -1
    peace_talk: dict  # side -> talked across the divide since its order (truce needs both)
    seize_side: str
    seize_due: int
    oxygen_generating: bool
    oxygen_reserve_s: int
    power_low: bool
    orders: dict  # side -> tick the order arrived, or -1
    may_act: dict  # side -> may use force anywhere (its order arrived, or the dark)
    may_defend: dict  # side -> may use force in its own segment (may act, or attacked)
    next_contact: dict  # side -> tick of the next pass over its mission control, or -1
    last_contact: dict  # side -> tick the latest pass over it began (public orbit), or -1
    silenced: dict  # ground station -> tick it was struck
    debris_deadline: int  # tick the debris cloud arrives, or -1
    war_begun: bool
    strikes: tuple  # war.Strike up to now (lat, lon, tick, unix_s, magnitude, witnessed)
    refusals: tuple[Refusal, ...]  # the latest refused commands (any side)
    ended: bool
    ending: str
    ending_text: str
    winner: str | None  # "us", "ru" or None (truce, stalemate, station lost, together)

    # ---- helpers: what a player reads off the screen -----------------------------------
    @property
    def air_short(self) -> bool:
        """No talk calms anyone now (no oxygen made, or a low reserve): the rules' test."""
        return air_short(self.oxygen_generating, self.oxygen_reserve_s)

    def crew_by_id(self, cid: str) -> CrewView | None:
        for c in self.crew:
            if c.id == cid:
                return c
        return None

    def module(self, mid: str) -> ModuleView | None:
        for m in self.modules:
            if m.id == mid:
                return m
        return None

    def hatch_is_open(self, hid: str) -> bool:
        for h in self.hatches:
            if h.id == hid:
                return h.open
        raise KeyError(hid)

    def bond(self, a: str, b: str) -> int:
        for x in self.bonds:
            if (x.a == a and x.b == b) or (x.a == b and x.b == a):
                return x.value
        return 0


# ---- building them (a mixin of game.sim.game.Game) ---------------------------------------


class ViewsMixin:
    def _view(self) -> StateView:
        from game.sim import station as st
        from game.sim.crew import pair_index, stress_limit

        s, su = self._s, self.setup
        cached = self._view_cache
        if cached is not None and cached[0] == self._version:
            view = cached[1]
            if view.tick != s.tick:  # only time moved: the same snapshot, a new clock
                view = replace(view, tick=s.tick, mission_s=s.tick,
                               unix_s=float(su.timeline.start_unix_s) + s.tick,
                               oxygen_reserve_s=self.oxygen_reserve_s)
                self._view_cache = (self._version, view)
            return view
        inside: dict[str, list[str]] = {}
        for c in s.crew:
            if not c.gone:
                inside.setdefault(c.module, []).append(c.id)
        modules = tuple(
            ModuleView(m, st.MODULE_NAME[m], st.SEGMENT[m], s.holder[i],
                       *(s.capture.get(m) or ("", -1)), tuple(inside.get(m, ())))
            for i, m in enumerate(st.MODULE_IDS))
        hatches = tuple(HatchView(h, *st.HATCH_ENDS[h], s.hatch_open[i], s.sealed_from[i])
                        for i, h in enumerate(st.HATCH_IDS))
        crew = tuple(CrewView(c.id, c.name, c.side, c.agency, c.module, c.task, c.target, c.due,
                              c.route, c.stress, stress_limit(c.loyalty), c.loyalty,
                              c.restrained, c.gone, c.lean_us, c.lean_ru, c.witnessed, c.free,
                              c.pinned_until, c.barred, c.barred_until, c.braced_until)
                     for c in s.crew)
        systems = tuple(SystemView(sid, st.SYSTEM_MODULE[sid], st.SYSTEM_NAME[sid],
                                   s.sys_on[i], self.system_working(sid), s.cut_by[i])
                        for i, sid in enumerate(st.SYSTEM_IDS))
        fights = []
        for c in s.crew:
            if c.task == "restrain":
                fights.append(FightView(c.id, c.target, c.module, c.odds, *c.counted, c.due))
        n = len(s.crew)
        bonds = tuple(BondView(a.id, b.id, s.bonds[pair_index(i, j, n)])
                      for i, a in enumerate(s.crew) for j, b in enumerate(s.crew) if i < j)
        ending = s.ending
        view = StateView(
            tick=s.tick, mission_s=s.tick, unix_s=float(su.timeline.start_unix_s) + s.tick,
            act=s.act, modules=modules, hatches=hatches, crew=crew, systems=systems,
            fights=tuple(fights), bonds=bonds, trust=s.trust,
            trust_ledger=tuple(TrustChange(*e) for e in s.ledger), truce_due=s.truce_due,
            peace_talk=dict(s.peace_talk), seize_side=s.seize_side, seize_due=s.seize_due,
            oxygen_generating=self.oxygen_generating, oxygen_reserve_s=self.oxygen_reserve_s,
            power_low=s.power_low, orders=dict(s.order_tick),
            may_act={side: self.may_act(side) for side in ("us", "ru")},
            may_defend={side: self.may_defend(side) for side in ("us", "ru")},
            next_contact={side: self.next_contact(side) for side in ("us", "ru")},
            last_contact={side: self.last_contact(side) for side in ("us", "ru")},
            silenced=dict(s.silenced), debris_deadline=s.debris_deadline,
            war_begun=s.war_begun, strikes=su.war.strikes[:s.strike_idx],
            refusals=tuple(self.refusals), ended=bool(ending), ending=ending,
            ending_text=s.ending_text, winner=self.winner)
        self._view_cache = (self._version, view)
        return view

    def view_for(self, side: str) -> StateView:
        """What ``side`` knows: the full view, but the other side's order is secret until
        this side learns of it (its own mission control's next pass, the other side's
        first use of force, or the dark), and the other side's stress and loyalty are
        theirs. Bots, the AI and a human player each see only their side's view."""
        full = self._view()
        cache = self._side_cache.get(side)
        if cache is not None and cache[0] is full:
            return cache[1]
        s = self._s
        foe = "ru" if side == "us" else "us"
        knows = s.act >= 3 or s.knows_order[side] >= 0
        # we hit them, they hit someone, or they are taking a module (which only a side
        # with its order may do, in plain sight)
        shown = s.attacked[foe] or s.used_force[foe] or \
            any(m.capturing == foe for m in full.modules)
        foe_may = full.may_act[foe] if knows or shown else False
        foe_defend = full.may_defend[foe] if knows or shown else False
        orders = {side: full.orders[side], foe: full.orders[foe] if knows else -1}
        act = full.act if full.act >= 3 else \
            (2 if full.orders[side] >= 0 or (knows and full.orders[foe] >= 0) or foe_may else 1)
        crew = tuple(c if c.side != foe else c._replace(stress=-1, stress_limit=-1, loyalty=-1)
                     for c in full.crew)
        view = replace(full, orders=orders, may_act={side: full.may_act[side], foe: foe_may},
                       may_defend={side: full.may_defend[side], foe: foe_defend},
                       act=act, crew=crew,
                       peace_talk={side: full.peace_talk[side],
                                   foe: full.peace_talk[foe] if knows else False},
                       refusals=tuple(r for r in full.refusals if r.side == side))
        self._side_cache[side] = (full, view)
        return view

    def summary(self) -> dict:
        """What happened, for the end screen and ``iss-game sim --json``."""
        from game.sim import station as st

        s = self._s
        held = {side: sorted(m for m in st.MODULE_IDS if st.SEGMENT[m] != "vehicle"
                             and s.holder[st.MODULE_INDEX[m]] == side) for side in ("us", "ru")}
        stats = dict(s.stats)
        stats["stress_refusals"] = self.refusal_counts["stress"]
        stats["bond_refusals"] = self.refusal_counts["bond"]
        return {
            "ending": s.ending, "winner": self.winner, "text": s.ending_text, "ticks": s.tick,
            "mission_time": mission_clock(s.tick),
            "act": s.act, "trust": s.trust, "oxygen_reserve_s": self.oxygen_reserve_s,
            "modules_held": {k: len(v) for k, v in held.items()},
            "control_modules": {m: s.holder[st.MODULE_INDEX[m]] for m in st.CONTROL_MODULES},
            "orders": dict(s.order_tick), "silenced": dict(sorted(s.silenced.items())),
            "strikes": s.strike_idx,
            "crew": [{"id": c.id, "name": c.name, "side": c.side, "module": c.module,
                      "stress": c.stress, "loyalty": c.loyalty, "restrained": c.restrained,
                      "gone": c.gone} for c in s.crew],
            "stats": stats,
        }

