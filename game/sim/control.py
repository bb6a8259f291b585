"""Who holds what: capturing modules, seizing the station, the truce, and what the use
of force does to the people who see it (partners, bonds).

- Capture: one side's free crew alone in a module for ``CAPTURE_S`` take it, once that
  side may use force.
- Seize: one side holds both command modules (Destiny, Zvezda), no free enemy inside
  either, for ``SEIZE_S``: ``us_control`` / ``ru_control``.
- Truce: trust at ``TRUCE_AT`` or more for ``TRUCE_S``, once both sides have their orders
  (or act 3) and each has talked across the divide since; any force breaks it.
- Partners join a side, or leave it, by how far they lean (see ``tuning``).
"""

from __future__ import annotations

from game.sim import station as st
from game.sim import tuning as tn
from game.sim.crew import NEUTRAL, PARTNER_AGENCIES

_TITLE = {"us": "The US crew", "ru": "The Russian crew"}
_HOME = dict(zip(("us", "ru"), st.CONTROL_MODULES, strict=True))
_NAME = {"us": "the US crew", "ru": "the Russian crew"}


class ControlMixin:
    def _refresh_control(self) -> None:
        s = self._s
        t = s.tick
        present: dict[str, int] = {}  # module -> bitmask of sides (1 us, 2 ru)
        for c in s.crew:
            if c.free and c.side in ("us", "ru"):
                present[c.module] = present.get(c.module, 0) | (1 if c.side == "us" else 2)
        may = {"us": self.may_act("us"), "ru": self.may_act("ru")}
        for m in list(s.capture):
            if present.get(m, 0) != (1 if s.capture[m][0] == "us" else 2):
                del s.capture[m]
        for m, mask in present.items():
            if mask == 3:
                continue
            side = "us" if mask == 1 else "ru"
            if not may[side] or s.holder[st.MODULE_INDEX[m]] == side or m in s.capture:
                continue
            s.capture[m] = [side, t + tn.CAPTURE_S]
        for m in sorted(s.capture, key=st.MODULE_INDEX.get):
            side, due = s.capture[m]
            if due <= t:
                del s.capture[m]
                s.holder[st.MODULE_INDEX[m]] = side
                s.stats["captures"] += 1
                self._emit("captured", f"{_TITLE[side]} took {st.MODULE_NAME[m]}", module=m,
                           side=side)
        self._refresh_intrusion(may)
        a, b = st.CONTROL_MODULES
        side = s.holder[st.MODULE_INDEX[a]]
        holding = side if side == s.holder[st.MODULE_INDEX[b]] else ""
        if holding:
            enemy_bit = 2 if holding == "us" else 1
            if present.get(a, 0) & enemy_bit or present.get(b, 0) & enemy_bit:
                holding = ""
        if holding and s.seize_side != holding:
            s.seize_side, s.seize_due = holding, t + tn.SEIZE_S
            self._emit("seize_started", f"{_TITLE[holding]} hold Destiny and Zvezda: the "
                       f"station is theirs in {tn.duration(tn.SEIZE_S)} unless someone gets "
                       "into either", side=holding, due=s.seize_due)
        elif not holding and s.seize_side:
            self._emit("seize_broken", "Command and control is contested again",
                       side=s.seize_side)
            s.seize_side, s.seize_due = "", -1
        if s.seize_side and s.seize_due <= t:
            side = s.seize_side
            self._end(f"{side}_control", f"{_TITLE[side]} seized the station: they hold "
                      "Destiny and Zvezda, command and control of the whole ISS")

    def _refresh_intrusion(self, may) -> None:
        """Armed enemies (their side may use force) in a side's command module or vehicle
        for INTRUSION_S: that side may defend itself."""
        s = self._s
        for side in ("us", "ru"):
            foe = "ru" if side == "us" else "us"
            if s.attacked[side] or not may[foe]:
                s.intrusion[side] = -1
                continue
            places = (_HOME[side], st.VEHICLE_OF[side])
            inside = [c for c in s.crew if c.free and c.side == foe and c.module in places]
            if not inside:
                s.intrusion[side] = -1
            elif s.intrusion[side] < 0:
                s.intrusion[side] = s.tick
            elif s.tick - s.intrusion[side] >= tn.INTRUSION_S:
                s.attacked[side] = True
                s.intrusion[side] = -1
                self._emit("intrusion", f"{inside[0].name} and the others are intruders in "
                           f"{st.MODULE_NAME[inside[0].module]}: {_NAME[side]} may defend "
                           "themselves", side=side, module=inside[0].module)

    def _truce_possible(self) -> bool:
        s = self._s
        return (self.may_act("us") and self.may_act("ru") and s.peace_talk["us"]
                and s.peace_talk["ru"])

    def _refresh_truce(self) -> None:
        s = self._s
        if s.trust >= tn.TRUCE_AT and s.truce_due < 0 and self._truce_possible():
            s.truce_due = s.tick + tn.TRUCE_S
            self._emit("truce_started", f"Trust {s.trust}: a truce holds if it stays at "
                       f"{tn.TRUCE_AT}+ for {tn.duration(tn.TRUCE_S)} with no force",
                       due=s.truce_due)
        elif s.truce_due >= 0 and s.trust < tn.TRUCE_AT:
            s.truce_due = -1
            self._emit("truce_broken", f"Trust fell to {s.trust}: the truce is off")

    # ---- force and its witnesses -------------------------------------------------------

    def _force_used(self, c, target_id: str, module: str) -> None:
        """``c`` used force in ``module`` (on ``target_id``, if a person): partners there
        lean away from c's side, a bond between the two suffers, a truce in the making is
        off, and the calm clock starts again."""
        s = self._s
        s.last_fight = s.tick
        s.calm_due = s.tick + tn.CALM_S
        if c.side in s.used_force:
            s.used_force[c.side] = True
        if s.truce_due >= 0:
            s.truce_due = -1
            self._emit("truce_broken", f"{c.name} used force: the truce is off")
        if target_id:
            t = self._crew[target_id]
            self._add_bond(c, t, tn.BOND_FORCE)
        for x in s.crew:
            if x.agency in PARTNER_AGENCIES and not x.gone and x.module == module \
                    and x.id != target_id:
                if c.side == "us":
                    x.lean_us = max(0, x.lean_us + tn.LEAN_FORCE_SEEN)
                else:
                    x.lean_ru = max(0, x.lean_ru + tn.LEAN_FORCE_SEEN)
                self._refresh_partner(x)

    def _let_go(self, c, why: str) -> None:
        """``c`` stops a restraint under way without its roll (their side changed): the
        one held is free at once, and the log says so (it once just went quiet)."""
        if c.task != "restrain":
            return
        t = self._crew[c.target]
        if t.task == "held" and t.target == c.id:
            self._idle(t)
        self._emit("restrain_called_off", f"{c.name} let go of {t.name} ({why})",
                   crew=c.id, target=t.id)

    def _refresh_partner(self, t) -> None:
        """A partner joins the side they lean to enough, or leaves the one they no longer do."""
        s = self._s
        if t.restrained or t.gone:
            return
        lean = {"us": t.lean_us, "ru": t.lean_ru}
        if t.side == NEUTRAL:
            if not s.war_begun:
                return
            for side in ("us", "ru"):
                other = "ru" if side == "us" else "us"
                if lean[side] >= tn.JOIN_AT and lean[side] - lean[other] >= tn.JOIN_MARGIN:
                    self._let_go(t, f"joining {_NAME[side]}")
                    self._idle(t)
                    t.side = side
                    s.stats["partners_joined"] += 1
                    self._emit("joined", f"{t.name} ({t.agency}) joins {_NAME[side]}",
                               crew=t.id, side=side)
                    return
        elif lean[t.side] < tn.LEAVE_AT:
            was = t.side
            self._let_go(t, "no longer on that side")
            self._idle(t)
            t.side = NEUTRAL
            s.stats["partners_lost"] += 1
            self._emit("left_side", f"{t.name} ({t.agency}) will no longer side with "
                       f"{_NAME[was]}", crew=t.id, side=was)
