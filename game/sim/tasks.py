"""Every command: checked against the state, started, and completed when its time is up.

For a command kind ``k`` the :class:`TasksMixin` has ``_check_k`` (why not, or ""),
``_start_k`` (the crew member's task begins) and, for tasks that take time, ``_done_k``.
The common checks (whose crew, conscious, orders for force, stress, bonds) are in
:meth:`TasksMixin._check`. ``preview`` says before a command is committed what it will
do: the odds, how long, on what condition (the UI's telegraph, built from the same
numbers the rules then use).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim import odds
from game.sim import station as st
from game.sim import tuning as tn
from game.sim.crew import NEUTRAL, stress_limit
from game.sim.events import mission_clock

FORCE = ("restrain", "close", "offline")  # what needs orders (or self-defence, or dark)
#: kind -> (the command field the task targets, the tuning number of its seconds): tasks
#: that only start a clock; the others have a ``_start_<kind>`` of their own.
_TIMED = {"close": ("hatch", "HATCH_S"), "offline": ("system", "SYSTEM_S"),
          "restore": ("system", "SYSTEM_S"), "talk": ("target", "TALK_S"),
          "free": ("target", "FREE_S"), "escort": ("target", "ESCORT_S"),
          "leave": ("module", "LEAVE_S")}
BUSY = ("restrain", "held")  # locked in a struggle: nothing else until it resolves
_NAMES = {"us": "the US crew", "ru": "the Russian crew", NEUTRAL: "partner crew"}
_OTHER = {"us": "ru", "ru": "us"}
_SEGMENT_SIDE = {"USOS": "us", "ROS": "ru"}


@dataclass(frozen=True)
class Preview:
    """What a command would do if submitted now (the telegraph)."""

    ok: bool
    reason: str  # why it would be refused ("" when ok)
    text: str  # one line for the player: "Restrain Alexey - 67% (2 v 1); ..."
    seconds: int = 0  # how long it takes (mission seconds)
    odds_permille: int = -1  # restraint: the chance it succeeds


class TasksMixin:
    # ---- checks ------------------------------------------------------------------------

    def _check(self, cmd) -> str:
        s = self._s
        if s.ending:
            return f"the game is over ({s.ending})"
        kind = getattr(type(cmd), "kind", None)
        if kind is None or not hasattr(self, "_check_" + kind):
            return "not a command"
        if cmd.side not in ("us", "ru"):
            return f"unknown side '{cmd.side}'"
        c = self._crew.get(cmd.crew)
        if c is None:
            return f"no crew member '{cmd.crew}'"
        if c.side != cmd.side:
            owner = "neutral" if c.side == NEUTRAL else f"with {_NAMES[c.side]}"
            return f"{c.name} is {owner}: not yours to command"
        if c.gone:
            return f"{c.name} has left the station"
        if c.restrained:
            return f"{c.name} is restrained"
        if c.pinned_until >= 0:
            until = mission_clock(c.pinned_until)
            return f"{c.name} is pinned after a failed restraint until T+{until}"
        if c.task in BUSY:
            return f"{c.name} is locked in a struggle until T+{mission_clock(c.due)}"
        if kind in FORCE and not self.may_act(cmd.side):
            mc = "Houston" if cmd.side == "us" else "Korolyov"
            if not self.may_defend(cmd.side):
                return (f"routine: no order yet; {c.name} will not {kind} before {mc}'s "
                        f"order arrives or {_NAMES[_OTHER[cmd.side]]} attack")
            # outside it, only an attacker pinned beside them after a failed grab (a
            # failure costs the attacker wherever it happens: rules 5)
            if _SEGMENT_SIDE.get(st.SEGMENT[c.module]) != cmd.side and \
                    c.module != st.VEHICLE_OF[cmd.side] and not self._securing(cmd, c):
                return (f"no order yet: {c.name} defends your own segment but will not "
                        f"{kind} in {st.MODULE_NAME[c.module]} before {mc}'s order")
        if kind in FORCE and not self._securing(cmd, c):
            limit = stress_limit(c.loyalty)
            if c.stress > limit:
                return (f"{c.name} refuses: stress {c.stress} is over {c.name.split()[0]}'s "
                        f"limit {limit} (saw {c.witnessed} flashes)")
        return getattr(self, "_check_" + kind)(cmd, c)

    def _securing(self, cmd, c) -> bool:
        """Restraining an enemy pinned beside you (who just failed a grab) is not starting
        force: stress never stops it. (Without this, a side whose foes were over their
        limit could retry a grab at any odds for free.)"""
        t = self._crew.get(getattr(cmd, "target", None) or "")
        return cmd.kind == "restrain" and t is not None and t.pinned_until >= 0 and \
            t.module == c.module and t.side not in (c.side, NEUTRAL)

    def _check_move(self, cmd, c) -> str:
        if cmd.to not in st.MODULE_INDEX:
            return f"no module '{cmd.to}'"
        if cmd.to == c.module:
            return f"{c.name} is already in {st.MODULE_NAME[cmd.to]}"
        h = st.first_closed_hatch(c.module, cmd.to, self.hatch_open)
        if h:
            return f"no way through: hatch {_hatch(h)} is closed"
        if c.barred and c.barred_until > self._s.tick and not self.may_act(c.side) and \
                any(st.SEGMENT[m] == c.barred for m in st.TREE_ROUTE[(c.module, cmd.to)]):
            return (f"{c.name} was shown out of the {c.barred} and may not go back in "
                    f"before T+{mission_clock(c.barred_until)}")
        return ""

    def _check_hatch(self, cmd, c, want_open: bool) -> str:
        if cmd.hatch not in st.HATCH_ENDS:
            return f"no hatch '{cmd.hatch}'"
        if c.module not in st.HATCH_ENDS[cmd.hatch]:
            return f"{c.name} is not at hatch {_hatch(cmd.hatch)}"
        if self.hatch_open(cmd.hatch) == want_open:
            return f"hatch {_hatch(cmd.hatch)} is already {'open' if want_open else 'closed'}"
        return ""

    def _check_open(self, cmd, c) -> str:
        return self._check_hatch(cmd, c, True)

    def _check_close(self, cmd, c) -> str:
        why = self._check_hatch(cmd, c, False)
        if why:
            return why
        for m in st.HATCH_ENDS[cmd.hatch]:
            if self._enemies_in(m, cmd.side):
                return (f"cannot seal hatch {_hatch(cmd.hatch)} in the enemy's face "
                        f"(they are in {st.MODULE_NAME[m]})")
        return ""

    def _check_at_system(self, cmd, c) -> str:
        if cmd.system not in st.SYSTEM_MODULE:
            return f"no system '{cmd.system}'"
        mod = st.SYSTEM_MODULE[cmd.system]
        if c.module != mod:
            return f"{st.SYSTEM_NAME[cmd.system]} is in {st.MODULE_NAME[mod]}; {c.name} is not"
        return ""

    def _check_offline(self, cmd, c) -> str:
        why = self._check_at_system(cmd, c)
        if why:
            return why
        mod = st.SYSTEM_MODULE[cmd.system]
        if self.holder(mod) != cmd.side:
            return f"{_NAMES[cmd.side]} must hold {st.MODULE_NAME[mod]} first"
        if not self.system_on(cmd.system):
            return f"{st.SYSTEM_NAME[cmd.system]} is already offline"
        return ""

    def _check_restore(self, cmd, c) -> str:
        why = self._check_at_system(cmd, c)
        if why:
            return why
        if self.system_on(cmd.system):
            return f"{st.SYSTEM_NAME[cmd.system]} is already on"
        if self._enemies_in(c.module, cmd.side):
            return f"not with the enemy in {st.MODULE_NAME[c.module]}"
        return ""

    def _target(self, cmd, c):
        t = self._crew.get(cmd.target)
        if t is None:
            return None, f"no crew member '{cmd.target}'"
        if t is c:
            return None, f"{c.name} cannot do that to themselves"
        if t.gone:
            return None, f"{t.name} has left the station"
        if t.module != c.module:
            return None, f"{t.name} is not in {st.MODULE_NAME[c.module]}"
        return t, ""

    def _check_talk(self, cmd, c) -> str:
        t, why = self._target(cmd, c)
        if why:
            return why
        if t.task in BUSY:
            return f"{t.name} is locked in a struggle"
        return ""

    def _check_restrain(self, cmd, c) -> str:
        t, why = self._target(cmd, c)
        if why:
            return why
        if t.side == c.side:
            return f"{t.name} is on your side"
        if t.restrained:
            return f"{t.name} is already restrained"
        if t.task in BUSY:
            return f"{t.name} is already locked in a struggle"
        if t.braced_until > self._s.tick:
            return (f"{t.name} just fought off a grab: the upper hand until "
                    f"T+{mission_clock(t.braced_until)}")
        bond = self._bond(c, t)
        if bond >= tn.BOND_REFUSE:
            return (f"{c.name} refuses: bonded with {t.name} ({bond}; "
                    f"{tn.BOND_REFUSE}+ will not restrain each other)")
        return ""

    def _check_free(self, cmd, c) -> str:
        t, why = self._target(cmd, c)
        if why:
            return why
        if not t.restrained:
            return f"{t.name} is not restrained"
        if t.side not in (c.side, NEUTRAL):
            return f"{t.name} is with {_NAMES[t.side]}"
        if self._enemies_in(c.module, c.side):
            return f"not with the enemy watching in {st.MODULE_NAME[c.module]}"
        return ""

    def _check_escort(self, cmd, c) -> str:
        t, why = self._target(cmd, c)
        if why:
            return why
        seg = st.SEGMENT[c.module]
        if _SEGMENT_SIDE.get(seg) != c.side:
            return f"{c.name} can show guests out of your own segment only"
        if t.side != _OTHER[c.side]:
            return f"{t.name} is not a guest of the other side"
        if t.restrained or t.task in BUSY:
            return f"{t.name} cannot walk out now"
        if self.may_act(t.side):
            # in the world's words: what the refusal tells is the player's deduction
            return f"{t.name} refuses to be shown out: " \
                   f"{('Houston' if t.side == 'us' else 'Korolyov')}'s orders may have come"
        here = [x for x in self._s.crew if x.free and x.module == c.module]
        mine = sum(1 for x in here if x.side == c.side)
        theirs = sum(1 for x in here if x.side == t.side)
        if mine < theirs:
            return f"they are {theirs} to your {mine} in {st.MODULE_NAME[c.module]}"
        return ""

    def _check_leave(self, cmd, c) -> str:
        if c.module not in st.VEHICLES:
            return f"{c.name} is not aboard a vehicle"
        if not self._s.war_begun:
            return "routine: no reason to abandon the station before the war begins"
        aboard = [x for x in self._s.crew if x.free and x.module == c.module]
        if any(x.side != c.side for x in aboard):
            return self._together_blocker(c.module, aboard)
        if c.module != st.VEHICLE_OF[cmd.side]:
            return f"the {st.MODULE_NAME[c.module]} is not your vehicle"
        return self._leave_blocker(cmd.side, c.module)

    def _leave_blocker(self, side: str, v: str) -> str:
        if self.holder(v) != side:
            return (f"the other side has taken the {st.MODULE_NAME[v]}: it will not undock "
                    "for you until you take it back")
        cap = st.VEHICLES[v][1]
        aboard = [x for x in self._s.crew if x.free and x.module == v]
        missing = [x.name for x in self._s.crew if x.free and x.side == side and x.module != v]
        if missing and len(aboard) < cap:
            return f"not everyone is aboard: {', '.join(missing)}"
        return ""

    def _together_blocker(self, v: str, aboard) -> str:
        """A mixed crew leaves together only if each is bonded to someone across."""
        if len(aboard) > st.VEHICLES[v][1]:
            return f"the {st.MODULE_NAME[v]} has {st.VEHICLES[v][1]} seats"
        for x in aboard:
            across = [y for y in aboard if y.side != x.side]
            best = max((self._bond(x, y) for y in across), default=0)
            if best < tn.BOND_ESCAPE:
                return (f"{x.name} will not leave with them (bond {best}, "
                        f"{tn.BOND_ESCAPE} needed)")
        return ""

    def _check_stop(self, cmd, c) -> str:
        return ""

    # ---- starting ----------------------------------------------------------------------

    def _start(self, cmd) -> None:
        c = self._crew[cmd.crew]
        c.route, c.target, c.odds = (), "", 0
        timed = _TIMED.get(cmd.kind)
        if timed is not None:  # the simple ones: a target and a fixed time
            field, seconds = timed
            c.task, c.due = cmd.kind, self._s.tick + getattr(tn, seconds)
            c.target = c.module if field == "module" else getattr(cmd, field)
            return
        getattr(self, "_start_" + cmd.kind)(cmd, c)

    def _start_move(self, cmd, c) -> None:
        route = st.path(c.module, cmd.to, self.hatch_open)
        c.task, c.target, c.route = "move", cmd.to, tuple(route)
        c.due = self._s.tick + st.HOP_S[(c.module, route[0])]

    def _start_open(self, cmd, c) -> None:
        sealed = self._s.sealed_from[st.HATCH_IDS.index(cmd.hatch)]
        forcing = sealed not in ("", c.module)
        c.task, c.target = ("force" if forcing else "open"), cmd.hatch
        c.due = self._s.tick + (tn.FORCE_S if forcing else tn.HATCH_S)

    def _start_stop(self, cmd, c) -> None:
        self._idle(c)

    def _start_restrain(self, cmd, c) -> None:
        s = self._s
        t = self._crew[cmd.target]
        att, dfn, p = odds.restrain_odds(s.crew, c, t, self.holder(c.module),
                                         self._surprised(t))
        due = s.tick + tn.RESTRAIN_S
        c.task, c.target, c.due, c.odds, c.counted = "restrain", t.id, due, p, (att, dfn)
        t.task, t.target, t.route, t.due, t.odds = "held", c.id, (), due, p
        if t.side in ("us", "ru"):
            s.attacked[t.side] = True
        self._force_used(c, t.id, c.module)
        self._trust(tn.RESTRAIN_TRUST, f"{c.name} tried to restrain {t.name}")
        self._emit("restrain_started", f"{c.name} grabs {t.name}: {p // 10}% ({att} v {dfn}), "
                   f"{tn.RESTRAIN_S} s", crew=c.id, target=t.id, odds_permille=p,
                   attackers=att, defenders=dfn, due=due)

    def _surprised(self, t) -> bool:
        """Defenders whose side may not use force yet are taken by surprise."""
        return t.side in ("us", "ru") and not self.may_defend(t.side)

    # ---- completing --------------------------------------------------------------------

    def _complete(self, c) -> None:
        getattr(self, "_done_" + c.task)(c)

    def _done_move(self, c) -> None:
        nxt = c.route[0]
        h = st.HATCH_BETWEEN[(c.module, nxt)]
        if not self.hatch_open(h):
            self._emit("blocked", f"{c.name} is stopped by the closed hatch {_hatch(h)}",
                       crew=c.id, hatch=h, module=c.module)
            return self._idle(c)
        c.module = nxt
        c.route = c.route[1:]
        if c.route:
            c.due += st.HOP_S[(nxt, c.route[0])]
        else:
            self._emit("arrived", f"{c.name} reached {st.MODULE_NAME[nxt]}", crew=c.id,
                       module=nxt)
            self._idle(c)

    def _done_open(self, c) -> None:
        s = self._s
        i = st.HATCH_IDS.index(c.target)
        forced = c.task == "force"
        ends = st.HATCH_ENDS[c.target]
        if c.module in ends and not s.hatch_open[i]:
            s.hatch_open[i], s.sealed_from[i] = True, ""
            if forced:  # they force their way through
                c.module = ends[1] if c.module == ends[0] else ends[0]
                self._emit("hatch_forced", f"{c.name} forced hatch {_hatch(c.target)} "
                           f"and is in {st.MODULE_NAME[c.module]}", crew=c.id, hatch=c.target,
                           module=c.module)
            else:
                self._emit("hatch_opened", f"{c.name} opened hatch {_hatch(c.target)}",
                           crew=c.id, hatch=c.target)
        self._idle(c)

    _done_force = _done_open

    def _done_close(self, c) -> None:
        s = self._s
        i = st.HATCH_IDS.index(c.target)
        if c.module in st.HATCH_ENDS[c.target] and s.hatch_open[i]:
            s.hatch_open[i], s.sealed_from[i] = False, c.module
            s.stats["hatches_closed"] += 1
            self._emit("hatch_closed", f"{c.name} sealed hatch {_hatch(c.target)} from "
                       f"{st.MODULE_NAME[c.module]}", crew=c.id, hatch=c.target,
                       sealed_from=c.module)
            self._force_used(c, "", c.module)
            self._trust(tn.SEAL_TRUST, f"{c.name} sealed a hatch")
        self._idle(c)

    def _done_offline(self, c) -> None:
        s = self._s
        sys_id = c.target
        if c.module == st.SYSTEM_MODULE[sys_id] and self.system_on(sys_id):
            self._set_system(sys_id, False)
            s.cut_by[st.SYSTEM_IDS.index(sys_id)] = c.side
            s.stats["systems_cut"] += 1
            s.attacked[_OTHER[c.side]] = True
            self._emit("system_offline", f"{c.name} took {st.SYSTEM_NAME[sys_id]} offline",
                       crew=c.id, system=sys_id)
            self._force_used(c, "", c.module)
            self._trust(tn.CUT_TRUST, f"{c.name} cut {st.SYSTEM_NAME[sys_id]}")
        self._idle(c)

    def _done_restore(self, c) -> None:
        sys_id = c.target
        if c.module == st.SYSTEM_MODULE[sys_id] and not self.system_on(sys_id) \
                and not self._enemies_in(c.module, c.side):
            self._set_system(sys_id, True)
            self._emit("system_restored", f"{c.name} restored {st.SYSTEM_NAME[sys_id]}",
                       crew=c.id, system=sys_id)
        self._idle(c)

    def _done_talk(self, c) -> None:
        s = self._s
        t = self._crew[c.target]
        self._idle(c)
        if t.gone or t.module != c.module:
            return
        s.stats["talks"] += 1
        if t.side == NEUTRAL:
            return self._talk_partner(c, t)
        _since, fresh, calms = self._talk_now(c, t)
        if fresh:
            s.talked[_pair_key(c, t)] = s.tick
        if t.side == c.side:
            if calms:
                self._stress(c, -tn.TALK_CALM_WITHIN)
                self._stress(t, -tn.TALK_CALM_WITHIN)
                self._emit("talked", f"{c.name} steadied {t.name}", crew=c.id, target=t.id)
            else:
                why = "the air is short" if fresh else "they talked a moment ago"
                self._emit("talked", f"{c.name} talked with {t.name}: no calmer ({why})",
                           crew=c.id, target=t.id)
            return
        if calms:
            self._stress(c, -tn.TALK_CALM_ACROSS)
            self._stress(t, -tn.TALK_CALM_ACROSS)
        if fresh:
            # Mutual, and bounded: talking is diplomacy, not a way to wear the other
            # side's crew down (a talk spammed on the listener alone did that).
            for x in (c, t):
                if x.loyalty > tn.TALK_LOYALTY_FLOOR:
                    x.loyalty = max(tn.TALK_LOYALTY_FLOOR, x.loyalty + tn.TALK_LOYALTY)
            self._add_bond(c, t, tn.TALK_BOND)
        if self._s.order_tick.get(c.side, -1) >= 0 or s.act >= 3:
            s.peace_talk[c.side] = True
        self._emit("talked", f"{c.name} talked with {t.name} across the divide", crew=c.id,
                   target=t.id, bond=self._bond(c, t))
        self._trust(tn.TALK_TRUST if fresh else tn.TALK_TRUST_REPEAT,
                    f"{c.name} talked with {t.name}")

    def _talk_now(self, c, t) -> tuple[int, bool, bool]:
        """(seconds since the pair last talked, whether that is over ``TALK_REPEAT_S``,
        whether a talk now calms them). Talk calms
        once a pair per TALK_REPEAT_S, and nobody while the air is short: a side that cut
        the oxygen and talked the stress away among themselves once drove only the other
        side over its limit."""
        since = self._s.tick - self._s.talked.get(_pair_key(c, t), -tn.TALK_REPEAT_S)
        fresh = since >= tn.TALK_REPEAT_S
        return since, fresh, fresh and not self.air_short

    def _talk_partner(self, c, t) -> None:
        s = self._s
        key = f"{t.id}:{c.side}"
        if s.tick - s.talked.get(key, -tn.TALK_REPEAT_S) >= tn.TALK_REPEAT_S:
            s.talked[key] = s.tick
            if c.side == "us":
                t.lean_us = min(100, t.lean_us + tn.LEAN_PER_TALK)
            else:
                t.lean_ru = min(100, t.lean_ru + tn.LEAN_PER_TALK)
        self._add_bond(c, t, tn.TALK_BOND)
        self._emit("talked", f"{c.name} talked with {t.name} ({t.agency})", crew=c.id,
                   target=t.id, lean_us=t.lean_us, lean_ru=t.lean_ru)
        self._refresh_partner(t)

    def _done_restrain(self, c) -> None:
        s = self._s
        t = self._crew[c.target]
        p = c.odds
        self._idle(c)
        if t.task == "held" and t.target == c.id:
            self._idle(t)
        if t.gone or t.restrained or t.module != c.module or not c.free:
            return
        roll = self._roll("restrain", c, t)
        self._stress(c, tn.RESTRAIN_STRESS)
        if roll < p:
            t.restrained = True
            self._idle(t)
            self._stress(t, tn.RESTRAINED_STRESS)
            s.stats["restraints"] += 1
            self._emit("restrained", f"{c.name} restrained {t.name} ({p // 10}%)",
                       crew=c.id, target=t.id, odds_permille=p)
        else:
            s.stats["restrain_failed"] += 1
            c.pinned_until = s.tick + tn.PIN_S
            t.braced_until = s.tick + tn.BRACE_S  # no chain of grabs keeps them locked
            self._stress(c, tn.PINNED_STRESS)
            self._emit("restrain_failed", f"{c.name} failed to restrain {t.name} "
                       f"({p // 10}%) and is pinned for {tn.PIN_S} s", crew=c.id, target=t.id,
                       odds_permille=p, until=c.pinned_until)

    def _done_held(self, c) -> None:
        self._idle(c)  # the attacker's completion resolves it; this only unlocks

    def _done_free(self, c) -> None:
        t = self._crew[c.target]
        self._idle(c)
        if t.restrained and t.module == c.module and not self._enemies_in(c.module, c.side):
            t.restrained = False
            self._emit("freed", f"{c.name} freed {t.name}", crew=c.id, target=t.id)

    def _done_escort(self, c) -> None:
        s = self._s
        t = self._crew[c.target]
        self._idle(c)
        if t.gone or t.restrained or t.module != c.module or self.may_act(t.side):
            return
        dest = st.BORDER_MODULE[t.side]
        self._idle(t)
        t.module = dest
        t.barred, t.barred_until = st.SEGMENT[c.module], s.tick + tn.ESCORT_BAR_S
        s.stats["escorts"] += 1
        self._emit("escorted", f"{c.name} showed {t.name} back to {st.MODULE_NAME[dest]}",
                   crew=c.id, target=t.id, module=dest, until=t.barred_until)
        self._trust(tn.ESCORT_TRUST, f"{c.name} showed {t.name} out")

    def _done_leave(self, c) -> None:
        v = c.module
        self._idle(c)
        if v not in st.VEHICLES:
            return
        aboard = [x for x in self._s.crew if x.free and x.module == v]
        mixed = any(x.side != c.side for x in aboard)
        why = self._together_blocker(v, aboard) if mixed else \
            ("" if v == st.VEHICLE_OF[c.side] else "not yours") or self._leave_blocker(c.side, v)
        if why:
            self._emit("leave_aborted", f"The {st.MODULE_NAME[v]} stays docked: {why}",
                       vehicle=v)
            return
        for x in aboard:
            x.gone = True
            self._idle(x)
        names = [x.name for x in aboard]
        self._emit("left", f"The {st.MODULE_NAME[v]} undocked with {', '.join(names)}",
                   vehicle=v, side=c.side)
        if mixed:
            return self._end("together", f"{' and '.join(names)} left together in the "
                             f"{st.MODULE_NAME[v]}: they chose each other over their orders")
        stays = _OTHER[c.side]
        self._end(f"evacuation_{c.side}", f"{_NAMES[c.side].capitalize()} left in the "
                  f"{st.MODULE_NAME[v]}; {_NAMES[stays]} hold the station")

    # ---- telegraph ---------------------------------------------------------------------

    def preview(self, cmd) -> Preview:
        """What ``cmd`` would do if submitted now: refused and why, or how long and, for a
        restraint, its odds and the price of failure."""
        why = self._check(cmd)
        c = self._crew.get(getattr(cmd, "crew", ""))
        if why:
            return Preview(False, why, f"Refused: {why}")
        kind = cmd.kind
        if kind == "move":
            secs = odds.move_seconds(c.module, cmd.to, self.hatch_open)
            return Preview(True, "", f"{c.name} to {st.MODULE_NAME[cmd.to]}: {secs} s", secs)
        if kind == "restrain":
            t = self._crew[cmd.target]
            att, dfn, p = odds.restrain_odds(self._s.crew, c, t, self.holder(c.module),
                                             self._surprised(t))
            ca, cd, cp = odds.counter_odds(self._s.crew, c, t, self.holder(c.module))
            return Preview(True, "", f"Restrain {t.name} - {p // 10}% ({att} v {dfn}); on "
                           f"failure {c.name.split()[0]} is pinned {tn.PIN_S} s, open to a "
                           f"counter-grab at {cp // 10}% ({ca} v {cd}); "
                           f"trust {tn.RESTRAIN_TRUST}", tn.RESTRAIN_S, p)
        if kind == "talk" and self._crew[cmd.target].side in (c.side, _OTHER[c.side]):
            t = self._crew[cmd.target]
            since, fresh, calms = self._talk_now(c, t)
            calm = tn.TALK_CALM_WITHIN if t.side == c.side else tn.TALK_CALM_ACROSS
            what = (f"stress -{calm} both" if calms else
                    "no calmer: the air is short" if fresh else
                    "no calmer: they talked "
                    f"{'a moment' if since < 60 else tn.duration(since)} ago")
            if t.side != c.side:
                what = (f"trust +{tn.TALK_TRUST}, bond +{tn.TALK_BOND}, " if fresh else
                        f"trust +{tn.TALK_TRUST_REPEAT}, ") + what
            return Preview(True, "", f"Talk with {t.name}: {tn.duration(tn.TALK_S)}; {what}",
                           tn.TALK_S)
        if kind == "leave":
            aboard = [x for x in self._s.crew if x.free and x.module == c.module]
            mixed = any(x.side != c.side for x in aboard)
            what = "leave together" if mixed else "evacuate: the other side keeps the station"
            return Preview(True, "", f"Undock the {st.MODULE_NAME[c.module]} in "
                           f"{tn.LEAVE_S} s and {what}", tn.LEAVE_S)
        secs = {"open": tn.HATCH_S, "close": tn.HATCH_S, "offline": tn.SYSTEM_S,
                "restore": tn.SYSTEM_S, "talk": tn.TALK_S, "free": tn.FREE_S,
                "escort": tn.ESCORT_S, "stop": 0}[kind]
        if kind == "open":
            sealed = self._s.sealed_from[st.HATCH_IDS.index(cmd.hatch)]
            if sealed not in ("", c.module):
                return Preview(True, "", f"Force hatch {_hatch(cmd.hatch)}: {tn.FORCE_S} s, "
                               f"{c.name.split()[0]} ends up through it", tn.FORCE_S)
        return Preview(True, "", f"{kind.capitalize()}: {secs} s", secs)


def _pair_key(c, t) -> str:
    """The key of a pair's last talk in ``state.talked`` (either order)."""
    return ":".join(sorted((c.id, t.id)))


def _hatch(h: str) -> str:
    a, b = st.HATCH_ENDS[h]
    return f"{st.MODULE_NAME[a]}\u2013{st.MODULE_NAME[b]}"
