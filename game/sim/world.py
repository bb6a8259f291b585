"""Time and the world: what happens by itself, tick by tick.

- The war (``war.py`` draws it at the start): each strike is a flash the crew see (inside
  the station's horizon), a glow on the horizon (a night strike a little beyond it), or
  out of sight; what they see moves their stress, loyalty and the shared trust.
- The ground: each side's order arrives at its mission control's first pass after it is
  sent; every later pass eases that side's stress and restores, remotely, the systems
  of its own segment that are off where no free enemy stands. A struck centre is silent.
  Partner agencies' passes call their crew to calm (international).
- Life support: oxygen generators and their dependencies, the reserve running down (and
  back up), power drifting low without attitude control, the debris cloud.
- Calm: every ``CALM_S`` without force used aboard, everyone's stress eases.

``_process`` runs everything due at a tick, in a fixed order; ``_next_due`` says when
that is next, so ``Game.step`` can jump there.
"""

from __future__ import annotations

from game.facts.ground import GROUND_STATIONS, MISSION_CONTROL
from game.sim import station as st
from game.sim import tuning as tn
from game.sim.crew import NEUTRAL, PARTNER_AGENCIES, air_short
from game.sim.prng import mix64, seed_state

_SIDE_OF_SEGMENT = {"USOS": "us", "ROS": "ru"}
_NAME = {"us": "the US crew", "ru": "the Russian crew"}
_MC_SIDE = {sid: side for side, sid in MISSION_CONTROL.items()}
_SYS_INDEX = {s: i for i, s in enumerate(st.SYSTEM_IDS)}


class WorldMixin:
    # ---- dice --------------------------------------------------------------------------

    def _roll(self, kind: str, a, b) -> int:
        """A die in [0, 1000) keyed to the event itself (seed, tick, who, to whom): the
        same attempt always rolls the same, and no two attempts share one sequence."""
        key = f"{kind}:{self._s.tick}:{a.id}:{b.id}"
        return mix64(seed_state(self.setup.seed, key)) % 1000

    # ---- the war -----------------------------------------------------------------------

    def _strike(self, k) -> None:
        s = self._s
        s.war_begun = True
        if k.station:
            s.silenced[k.station] = k.tick
            self._emit("station_silenced", f"{k.city} was struck: it falls silent",
                       station=k.station, lat=k.lat, lon=k.lon)
            if all(sid in s.silenced for sid in MISSION_CONTROL.values()) and s.act < 3:
                s.act = 3
                self._emit("act", "Act 3, dark: both mission controls are gone; no more "
                           "orders, no more help; anyone may use force", act=3)
        data = {"lat": k.lat, "lon": k.lon, "magnitude": k.magnitude, "city": k.city,
                "bloc": k.bloc, "night": k.night, "unix_s": k.unix_s, "witnessed": k.witnessed,
                "glow": k.glow}
        aboard = [c for c in s.crew if not c.gone]
        if k.witnessed:
            s.stats["flashes_witnessed"] += 1
            for c in aboard:
                w = tn.FLASH_STRESS * k.magnitude * \
                    (tn.CUPOLA_FLASH_X if c.module == st.CUPOLA else 1) * \
                    (tn.NIGHT_FLASH_X if k.night else 1)
                self._stress(c, w)
                c.witnessed += 1
                if c.side in ("us", "ru") and c.agency not in PARTNER_AGENCIES:
                    d = tn.OWN_BLOC_LOYALTY if k.bloc == c.side else tn.OTHER_BLOC_LOYALTY
                    c.loyalty = max(0, min(100, c.loyalty + d))
            self._trust(tn.FLASH_NIGHT_TRUST if k.night else tn.FLASH_TRUST,
                        f"a flash over {k.city}")
            self._emit("flash", f"A flash over {k.city}" +
                       (" lights the night" if k.night else ""), **data)
        elif k.glow:
            s.stats["glows_seen"] += 1
            for c in aboard:
                self._stress(c, tn.GLOW_STRESS)
            self._emit("glow", f"A glow on the night horizon: {k.city} burns", **data)
        else:
            self._emit("strike", f"{k.city} struck (out of sight)", **data)

    # ---- the ground --------------------------------------------------------------------

    def _order(self, side: str) -> None:
        s = self._s
        s.order_tick[side] = s.tick
        for c in s.crew:
            if c.side == side and not c.gone:
                self._stress(c, tn.ORDER_STRESS)
        station = GROUND_STATIONS[MISSION_CONTROL[side]].short
        self._emit("order_received", f"{station} to {_NAME[side]}: take control of the "
                   "station by any means necessary", side=side)
        if s.act == 1:
            s.act = 2
        # private to that side, as its order is: each side's own act 2
        self._emit("act", "Act 2, orders: the ground has spoken", act=2, side=side)
        self._intel(side)

    def _contact(self, sid: str) -> None:
        """A pass over a ground station begins."""
        s = self._s
        if sid in s.silenced:
            return
        side = _MC_SIDE.get(sid)
        if side is not None:
            if s.order_tick[side] < 0 or s.order_tick[side] == s.tick:
                return  # the order pass itself
            return self._mission_contact(side, sid)
        present = [c for c in s.crew if c.agency == GROUND_STATIONS[sid].agency and c.free]
        if not present:
            return
        for c in present:
            c.lean_us = max(0, c.lean_us - tn.AGENCY_CALM)
            c.lean_ru = max(0, c.lean_ru - tn.AGENCY_CALM)
            self._refresh_partner(c)
        self._trust(tn.PARTNER_CALL_TRUST, f"{present[0].agency} called for calm")
        self._emit("agency_call", f"{present[0].agency} calls {present[0].name}: keep the "
                   "peace up there", station=sid)

    def _mission_contact(self, side: str, sid: str) -> None:
        s = self._s
        for c in s.crew:
            if c.side == side and not c.gone:
                self._stress(c, -tn.CONTACT_CALM)
        restored = []
        for sys_id in st.SYSTEM_IDS:
            mod = st.SYSTEM_MODULE[sys_id]
            if _SIDE_OF_SEGMENT.get(st.SEGMENT[mod]) == side and not self.system_on(sys_id) \
                    and s.cut_by[_SYS_INDEX[sys_id]] != side and not self._enemies_in(mod, side):
                self._set_system(sys_id, True)
                restored.append(st.SYSTEM_NAME[sys_id])
                s.stats["remote_restores"] += 1
        name = GROUND_STATIONS[sid].short
        text = f"Pass over {name}: the ground talks {_NAME[side]} through it"
        if restored:
            text += f" and restores {', '.join(restored)} remotely"
        self._emit("contact", text, side=side, station=sid, restored=len(restored))
        self._intel(side)

    def _intel(self, side: str) -> None:
        """What the ground knows of the other side's order, told at each pass (the order's
        own included) until this side knows it."""
        s = self._s
        if s.knows_order[side] >= 0:
            return
        name = GROUND_STATIONS[MISSION_CONTROL[side]].short
        foe = "ru" if side == "us" else "us"
        if s.order_tick[foe] >= 0:
            s.knows_order[side] = s.tick
            self._emit("intel", f"{name} to {_NAME[side]}: {_NAME[foe]} have their order "
                       "too: take control of the station by any means necessary",
                       side=side, about=foe, ordered=True)
        else:
            self._emit("intel", f"{name} to {_NAME[side]}: no order has reached "
                       f"{_NAME[foe]} yet", side=side, about=foe, ordered=False)

    def next_contact(self, side: str) -> int:
        """Tick of the next pass over ``side``'s mission control, or -1 (silent, none)."""
        sid = MISSION_CONTROL[side]
        if sid in self._s.silenced:
            return -1
        ticks = self.setup.contacts.get(sid, ())
        i = self._s.contact_idx.get(sid, 0)
        return ticks[i] if i < len(ticks) else -1

    def last_contact(self, side: str) -> int:
        """Tick the latest pass over ``side``'s mission control began (-1: none yet)."""
        sid = MISSION_CONTROL[side]
        i = self._s.contact_idx.get(sid, 0)
        return self.setup.contacts.get(sid, ())[i - 1] if i > 0 else -1

    # ---- systems and life support ------------------------------------------------------

    def system_working(self, sys_id: str) -> bool:
        s = self._s
        on = s.sys_on[_SYS_INDEX[sys_id]]
        if sys_id == "o2_zvezda":
            return on and self.system_working("power_ru")
        if sys_id in ("power_ru", "o2_tranquility"):
            return on and not s.power_low
        return on

    @property
    def oxygen_generating(self) -> bool:
        return self.system_working("o2_zvezda") or self.system_working("o2_tranquility")

    @property
    def air_short(self) -> bool:
        return air_short(self.oxygen_generating, self.oxygen_reserve_s)

    @property
    def oxygen_reserve_s(self) -> int:
        s = self._s
        dt = s.tick - s.o2_tick
        if self.oxygen_generating:
            return min(tn.O2_RESERVE_S, s.o2_reserve_s + dt)
        return max(0, s.o2_reserve_s - dt)

    def _settle_o2(self) -> None:
        s = self._s
        s.o2_reserve_s = self.oxygen_reserve_s
        s.o2_tick = s.tick

    def _o2_changed(self, was: bool) -> None:
        s = self._s
        now = self.oxygen_generating
        if was and not now:
            s.o2_stress_due = s.tick + tn.O2_STRESS_S
            self._emit("oxygen_off", "No oxygen generator is working: the reserve lasts "
                       f"{tn.duration(s.o2_reserve_s)}", reserve_s=s.o2_reserve_s,
                       runs_out=s.tick + s.o2_reserve_s)
        elif now and not was:
            s.o2_stress_due = -1
            self._emit("oxygen_on", "Oxygen generation is back: the reserve refills",
                       reserve_s=s.o2_reserve_s)

    def _set_system(self, sys_id: str, on: bool) -> None:
        s = self._s
        self._settle_o2()
        was = self.oxygen_generating
        s.sys_on[_SYS_INDEX[sys_id]] = on
        if on:
            s.cut_by[_SYS_INDEX[sys_id]] = ""
        if sys_id == "attitude":
            if on:
                s.attitude_off_tick = -1
                if s.power_low:
                    s.power_low = False
                    self._emit("power_restored", "Attitude control is back: the arrays "
                               "track the Sun again")
            else:
                s.attitude_off_tick = s.tick
        self._o2_changed(was)

    def _set_power_low(self) -> None:
        self._settle_o2()
        was = self.oxygen_generating
        self._s.power_low = True
        self._emit("power_low", "Without attitude control the arrays drifted off the Sun: "
                   "power is low (no feed to the Russian segment, no US oxygen)")
        self._o2_changed(was)

    # ---- time --------------------------------------------------------------------------

    def _next_due(self) -> int:
        if self._due_cache >= 0:
            return self._due_cache
        s, su = self._s, self.setup
        due = su.max_ticks
        for c in s.crew:
            if c.task != "idle" and c.due < due:
                due = c.due
            if 0 <= c.pinned_until < due:
                due = c.pinned_until
        for _side, cdue in s.capture.values():
            if cdue < due:
                due = cdue
        for d in (s.seize_due, s.truce_due, s.debris_deadline, s.calm_due):
            if 0 <= d < due:
                due = d
        if s.strike_idx < len(su.war.strikes):
            due = min(due, su.war.strikes[s.strike_idx].tick)
        for side in ("us", "ru"):
            if s.order_tick[side] < 0:
                due = min(due, su.order_arrival[side])
        for sid, ticks in su.contacts.items():
            i = s.contact_idx.get(sid, 0)
            if i < len(ticks):
                due = min(due, ticks[i])
        if not s.asat_done:
            due = min(due, su.war.asat_tick)
        if not self.oxygen_generating:
            due = min(due, s.o2_tick + s.o2_reserve_s)
            if s.o2_stress_due >= 0:
                due = min(due, s.o2_stress_due)
        if s.attitude_off_tick >= 0 and not s.power_low:
            due = min(due, s.attitude_off_tick + tn.POWER_DRIFT_S)
        for since in s.intrusion.values():
            if since >= 0:
                due = min(due, since + tn.INTRUSION_S)
        self._due_cache = due
        return due

    def _process(self, t: int) -> None:
        s, su = self._s, self.setup
        strikes = su.war.strikes
        while s.strike_idx < len(strikes) and strikes[s.strike_idx].tick <= t:
            self._strike(strikes[s.strike_idx])
            s.strike_idx += 1
        for side in ("us", "ru"):
            if s.order_tick[side] < 0 and su.order_arrival[side] <= t:
                self._order(side)
        for sid, ticks in su.contacts.items():
            i = s.contact_idx.get(sid, 0)
            while i < len(ticks) and ticks[i] <= t:
                self._contact(sid)
                i += 1
            s.contact_idx[sid] = i
        for c in s.crew:
            if 0 <= c.pinned_until <= t:
                c.pinned_until = -1
                self._emit("recovered", f"{c.name} is back on their feet", crew=c.id)
        for c in s.crew:
            if c.task != "idle" and c.due <= t and not s.ending:
                self._complete(c)
        if not s.asat_done and su.war.asat_tick <= t:
            s.asat_done = True
            s.debris_deadline = t + tn.DEBRIS_WINDOW_S
            self._emit("debris_warning", "Debris warning: an anti-satellite test shattered a "
                       f"satellite; in {tn.duration(tn.DEBRIS_WINDOW_S)} the avoidance burn "
                       "needs attitude control (Zvezda)", deadline=s.debris_deadline)
        if 0 <= s.debris_deadline <= t:
            s.debris_deadline = -1
            if self.system_working("attitude"):
                self._emit("debris_avoided", "Debris avoidance burn done: the cloud passes by")
            else:
                return self._end("station_lost", "The debris cloud hit the station: attitude "
                                 "control was off, there was no avoidance burn")
        if s.attitude_off_tick >= 0 and not s.power_low and \
                s.attitude_off_tick + tn.POWER_DRIFT_S <= t:
            self._set_power_low()
        if not self.oxygen_generating:
            if s.o2_tick + s.o2_reserve_s <= t:
                s.o2_reserve_s, s.o2_tick = 0, t
                return self._end("station_lost", "The oxygen reserve ran out: no generator "
                                 "was working in Zvezda or Tranquility")
            if 0 <= s.o2_stress_due <= t:
                s.o2_stress_due = t + tn.O2_STRESS_S
                for c in s.crew:
                    if not c.gone:
                        self._stress(c, tn.O2_STRESS)
        if 0 <= s.calm_due <= t:
            s.calm_due = t + tn.CALM_S
            for c in s.crew:
                if not c.gone:
                    self._stress(c, -tn.CALM_STRESS)
        if s.ending:
            return
        self._refresh_control()
        if s.ending:
            return
        self._refresh_truce()
        if 0 <= s.truce_due <= t:
            return self._end("truce", f"Truce: trust held at {s.trust} for "
                             f"{tn.duration(tn.TRUCE_S)}; the crew choose each other over the "
                             "war below")
        if t >= su.max_ticks:
            return self._end("stalemate", "Time is up: nobody took the station and nobody "
                             "made peace")


__all__ = ["WorldMixin", "NEUTRAL"]
