"""The read-only views of a game: what the UI draws and what bots and the AI decide on.

A :class:`StateView` is a frozen snapshot: tuples of small named tuples, built from the
game's state when something changed, out of parts kept while they stay the same (see
"building them" below: the AI asks for one at almost every change).
It holds everything a player can see and nothing they cannot, so a bot that decides on
it plays by the same information as a human. Field names are a contract (bots written
against them keep working): add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import NamedTuple

from game.sim import station as st
from game.sim.crew import Crew, air_short, pair_index, stress_limit
from game.sim.events import mission_clock
from game.sim.state import SIDES


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
#
# The AI and the bots ask for a view at almost every change of the state, so building one
# is on the game's hot path (issue 10's budget: a whole AI game in 150 ms). A view is
# built from parts, and each part is kept while the raw state it comes from equals what it
# was built from: a crew member's view while their fields are the same, the hatches while
# no hatch moved, and so on. The keys are the raw values themselves, never a flag that a
# rule must remember to set, so a part cannot go stale; a restored game (empty caches)
# builds the same view from scratch, and a test checks that it does.

#: Every field of a ``Crew``: a crew member's part is rebuilt when any of them changed.
_CREW_KEY = attrgetter(*(f.name for f in fields(Crew)))
_WHERE = attrgetter("module", "gone")  # what of a crew member the modules show


def _new_view(**values) -> StateView:
    """A ``StateView`` of exactly these fields, without the frozen ``__init__``'s
    guarded assignment of each of its 37 fields (most of the cost of building one; the
    view is as read-only afterwards)."""
    view = object.__new__(StateView)
    view.__dict__.update(values)
    return view


def _evolve(view: StateView, **changes) -> StateView:
    """``dataclasses.replace`` for the hot path: the fields in ``changes`` new, every other
    one shared with ``view``."""
    new = object.__new__(StateView)
    new.__dict__.update(view.__dict__)
    new.__dict__.update(changes)
    return new


def _crew_view(c: Crew) -> CrewView:
    return CrewView(c.id, c.name, c.side, c.agency, c.module, c.task, c.target, c.due,
                    c.route, c.stress, stress_limit(c.loyalty), c.loyalty, c.restrained,
                    c.gone, c.lean_us, c.lean_ru, c.witnessed, c.free, c.pinned_until,
                    c.barred, c.barred_until, c.braced_until)


def _unseen(cv: CrewView) -> CrewView:
    """A crew member as the other side sees them: their stress and loyalty are theirs."""
    return cv._replace(stress=-1, stress_limit=-1, loyalty=-1)


class ViewsMixin:
    def _view(self) -> StateView:
        s = self._s
        cached = self._view_cache
        if cached is not None and cached[0] == self._version:
            view = cached[1]
            if view.tick != s.tick:  # only time moved: the same snapshot, a new clock
                view = self._at_tick(view)
                self._view_cache = (self._version, view)
            return view
        parts = self._parts
        crew = self._crew_part(parts)
        fights = parts.get("fights")
        if fights is None or fights[0] is not crew:
            fights = (crew, tuple(FightView(c.id, c.target, c.module, c.odds, *c.counted, c.due)
                                  for c in s.crew if c.task == "restrain"))
            parts["fights"] = fights
        view = _new_view(
            tick=s.tick, mission_s=s.tick, unix_s=float(self.setup.timeline.start_unix_s) + s.tick,
            act=s.act, modules=self._modules_part(parts, crew), hatches=self._hatches_part(parts),
            crew=crew, systems=self._systems_part(parts), fights=fights[1],
            bonds=self._bonds_part(parts), trust=s.trust,
            trust_ledger=self._ledger_part(parts), truce_due=s.truce_due,
            peace_talk=dict(s.peace_talk), seize_side=s.seize_side, seize_due=s.seize_due,
            oxygen_generating=self.oxygen_generating, oxygen_reserve_s=self.oxygen_reserve_s,
            power_low=s.power_low, orders=dict(s.order_tick),
            may_act={side: self.may_act(side) for side in SIDES},
            may_defend={side: self.may_defend(side) for side in SIDES},
            next_contact={side: self.next_contact(side) for side in SIDES},
            last_contact={side: self.last_contact(side) for side in SIDES},
            silenced=dict(s.silenced), debris_deadline=s.debris_deadline,
            war_begun=s.war_begun, strikes=self._strikes_part(parts),
            refusals=tuple(self.refusals), ended=bool(s.ending), ending=s.ending,
            ending_text=s.ending_text, winner=self.winner)
        self._view_cache = (self._version, view)
        return view

    def _at_tick(self, view: StateView) -> StateView:
        """``view`` (of this state version) at the current tick: only the clocks moved."""
        t = self._s.tick
        return _evolve(view, tick=t, mission_s=t,
                       unix_s=float(self.setup.timeline.start_unix_s) + t,
                       oxygen_reserve_s=self.oxygen_reserve_s)

    # ---- the parts ----------------------------------------------------------------------

    def _crew_part(self, parts: dict) -> tuple[CrewView, ...]:
        """The crew as everyone sees them (the same tuple as last time when nobody
        changed); kept with it, as the other side sees each (``_crew_seen_by``)."""
        keys = tuple(map(_CREW_KEY, self._s.crew))
        was = parts.get("crew")
        if was is not None and was[0] == keys:
            return was[1]
        old_keys, old_seen, old_unseen = was or ((), (), ())
        seen, unseen = [], []
        for i, (c, key) in enumerate(zip(self._s.crew, keys, strict=True)):
            if i < len(old_keys) and old_keys[i] == key:
                seen.append(old_seen[i])
                unseen.append(old_unseen[i])
            else:
                cv = _crew_view(c)
                seen.append(cv)
                unseen.append(_unseen(cv))
        out = (keys, tuple(seen), tuple(unseen))
        parts["crew"] = out
        return out[1]

    def _modules_part(self, parts: dict, crew: tuple[CrewView, ...]) -> tuple[ModuleView, ...]:
        s = self._s
        key = (tuple(s.holder), tuple((m, *v) for m, v in s.capture.items()),
               tuple(map(_WHERE, crew)))
        was = parts.get("modules")
        if was is not None and was[0] == key:
            return was[1]
        inside: dict[str, list[str]] = {}
        for c in crew:
            if not c.gone:
                inside.setdefault(c.module, []).append(c.id)
        out = tuple(ModuleView(m, st.MODULE_NAME[m], st.SEGMENT[m], s.holder[i],
                               *(s.capture.get(m) or ("", -1)), tuple(inside.get(m, ())))
                    for i, m in enumerate(st.MODULE_IDS))
        parts["modules"] = (key, out)
        return out

    def _hatches_part(self, parts: dict) -> tuple[HatchView, ...]:
        s = self._s
        key = (tuple(s.hatch_open), tuple(s.sealed_from))
        was = parts.get("hatches")
        if was is not None and was[0] == key:
            return was[1]
        out = tuple(HatchView(h, *st.HATCH_ENDS[h], s.hatch_open[i], s.sealed_from[i])
                    for i, h in enumerate(st.HATCH_IDS))
        parts["hatches"] = (key, out)
        return out

    def _systems_part(self, parts: dict) -> tuple[SystemView, ...]:
        s = self._s
        # system_working reads the switches and the power (nothing else)
        key = (tuple(s.sys_on), tuple(s.cut_by), s.power_low)
        was = parts.get("systems")
        if was is not None and was[0] == key:
            return was[1]
        out = tuple(SystemView(sid, st.SYSTEM_MODULE[sid], st.SYSTEM_NAME[sid],
                               s.sys_on[i], self.system_working(sid), s.cut_by[i])
                    for i, sid in enumerate(st.SYSTEM_IDS))
        parts["systems"] = (key, out)
        return out

    def _bonds_part(self, parts: dict) -> tuple[BondView, ...]:
        s = self._s
        key = tuple(s.bonds)
        was = parts.get("bonds")
        if was is not None and was[0] == key:
            return was[1]
        n = len(s.crew)
        out = tuple(BondView(a.id, b.id, s.bonds[pair_index(i, j, n)])
                    for i, a in enumerate(s.crew) for j, b in enumerate(s.crew) if i < j)
        parts["bonds"] = (key, out)
        return out

    def _ledger_part(self, parts: dict) -> tuple[TrustChange, ...]:
        key = tuple(map(tuple, self._s.ledger))
        was = parts.get("ledger")
        if was is not None and was[0] == key:
            return was[1]
        out = tuple(TrustChange(*e) for e in key)
        parts["ledger"] = (key, out)
        return out

    def _strikes_part(self, parts: dict) -> tuple:
        n = self._s.strike_idx
        was = parts.get("strikes")
        if was is not None and was[0] == n:
            return was[1]
        out = tuple(self.setup.war.strikes[:n])
        parts["strikes"] = (n, out)
        return out

    def view_for(self, side: str) -> StateView:
        """What ``side`` knows: the full view, but the other side's order is secret until
        this side learns of it (its own mission control's next pass, the other side's
        first use of force, or the dark), and the other side's stress and loyalty are
        theirs. Bots, the AI and a human player each see only their side's view."""
        s = self._s
        cache = self._side_cache.get(side)
        if cache is not None and cache[0] == self._version:
            view = cache[1]
            if view.tick != s.tick:  # only time moved
                view = self._at_tick(view)
                self._side_cache[side] = (self._version, view)
            return view
        full = self._view()
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
        view = _evolve(full, orders=orders, may_act={side: full.may_act[side], foe: foe_may},
                       may_defend={side: full.may_defend[side], foe: foe_defend},
                       act=act, crew=self._crew_seen_by(side, foe, full.crew),
                       peace_talk={side: full.peace_talk[side],
                                   foe: full.peace_talk[foe] if knows else False},
                       refusals=tuple(r for r in full.refusals if r.side == side))
        self._side_cache[side] = (self._version, view)
        return view

    def _crew_seen_by(self, side: str, foe: str, crew: tuple[CrewView, ...]):
        """The crew with the other side's stress and loyalty hidden (kept while the crew
        tuple is the same one)."""
        parts = self._parts
        key = "crew_seen_by_" + side
        was = parts.get(key)
        if was is not None and was[0] is crew:
            return was[1]
        unseen = parts["crew"][2]
        out = tuple(u if c.side == foe else c for c, u in zip(crew, unseen, strict=True))
        parts[key] = (crew, out)
        return out

    def summary(self) -> dict:
        """What happened, for the end screen and ``iss-game sim --json``."""
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

