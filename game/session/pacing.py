"""The pace of a game: how many mission seconds pass in a real second, moment by moment.

A fixed warp is wrong both ways (issue 11): at 30x a restraint is over in a second and a
seize countdown in twenty, while the hours before an order crawl by for ten real minutes
with nothing to decide. The :class:`Pacer` runs fast (:data:`MAX_WARP`) through quiet
stretches and eases down before what matters, so that the next thing that matters is
always some real seconds away:

- every *attention point* (a pass over your own mission control, an enemy floating toward
  one of your crew or your command module or vehicle, your own crew's task completing, a
  capture, seize, truce, oxygen or debris countdown, a pinned crew member recovering) has a
  *lead* in real seconds and a *floor* warp: the warp is at most ``time_to / lead`` and
  never below the floor while it approaches, so a countdown is watched slowing down to it;
- a restraint under way holds the warp at :data:`FIGHT_WARP` at most (30 mission seconds
  take :data:`FIGHT_REAL_S` real ones; the player's own speed-up cannot make one resolve in
  under :data:`MIN_FIGHT_REAL_S`);
- after a notable event (a flash, an order, a capture, a restraint's outcome ...) the warp
  lingers at :data:`LINGER_WARP` at most for :data:`LINGER_S`, time to read the log;
- speeding up is eased (at most x :data:`RAMP_PER_S` a real second), slowing down is at
  once.

The player's ``factor`` (the - and + keys: x1/4 ... x4) multiplies all of it. The policy
reads only the :class:`~game.sim.api.StateView` of the side it paces for (a human player's
own view: it slows for nothing that side cannot see coming), so it never gives a secret
away.

:func:`measure` plays a whole game (AI against AI, the default settings) under this
policy as a window would, a fixed real step at a time, and reports the figures the issue
asks for: the longest real stretch with nothing to decide for the side paced, the shortest
restraint in real seconds, the game's real length. ``iss-game bench`` (section ``pacing``)
and ``tools/measure_pacing.py`` print them; ``tests/test_pacing.py`` holds them to the
targets on a few seeds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.sim.api import station, tuning

MAX_WARP = 400.0  # quiet stretches: an hour of mission time in 9 real seconds
MIN_WARP = 5.0  # the readable floor of anything approaching
FIGHT_REAL_S = 5.0  # a restraint at the default pace takes this long in real seconds
MIN_FIGHT_REAL_S = 4.0  # ... and never less, whatever the player's factor
FIGHT_WARP = tuning.RESTRAIN_S / FIGHT_REAL_S
LINGER_WARP = 30.0
LINGER_S = 2.0
RAMP_PER_S = 3.0
FACTORS = (0.25, 0.5, 1.0, 2.0, 4.0)  # the player's - and + on top of the policy

# Attention points: (lead real s, floor warp). The warp before one is at most
# max(floor, time_to / lead).
LEAD = {
    "arrive": (1.5, 20.0),  # your own crew member arrives where you sent them
    "undock": (8.0, MIN_WARP),  # a vehicle is undocking: the game ends with it
    "force": (5.0, MIN_WARP),  # an enemy forcing a hatch
    "approach": (5.0, MIN_WARP),  # an enemy floats toward your crew or command module
    "recover": (3.0, MIN_WARP),  # a pinned crew member is back on their feet
    "capture": (8.0, MIN_WARP),
    "seize": (20.0, 10.0),
    "truce": (20.0, 10.0),
    "debris": (15.0, 20.0),
    "oxygen": (15.0, 20.0),
    "pass_order": (6.0, 10.0),  # your mission control's pass, your order not yet come
    "pass": (3.0, 20.0),  # a later pass (calm, remote restores, intelligence)
}

#: Events after which the pace lingers a moment (for the side that sees them).
NOTABLE = frozenset({
    "flash", "order_received", "intel", "contact", "act", "captured", "restrain_started",
    "restrained", "restrain_failed", "restrain_called_off", "seize_started", "seize_broken",
    "truce_started", "truce_broken", "oxygen_off", "power_low", "debris_warning",
    "station_silenced",
    "system_offline", "hatch_closed", "hatch_forced", "escorted", "intrusion", "joined",
    "left_side", "leave_aborted", "left", "blocked",
})
#: Events that stop a frame's mission time at once (the pace must change before more of
#: it passes): a restraint begins.
BRAKE = frozenset({"restrain_started"})
#: Events that are the other side's secret (data["side"] names whose they are).
PRIVATE = frozenset({"order_received", "contact", "intel", "act"})  # with a "side": theirs
_REASON = {
    "arrive": "{what}", "undock": "{what}", "force": "{what}", "approach": "{what}",
    "recover": "{what}",
    "capture": "capture of {what}", "seize": "{what} seize countdown",
    "truce": "truce countdown", "debris": "debris countdown", "oxygen": "oxygen running out",
    "pass_order": "{what} pass ahead", "pass": "{what} pass ahead",
}
_MC = {"us": "Houston", "ru": "Korolyov"}
_SIDE = {"us": "USA", "ru": "Russia"}


def visible(ev, side: str | None) -> bool:
    """May a player commanding ``side`` (None: watching) see event ``ev``?"""
    if side is None or ev.kind not in PRIVATE:
        return True
    return ev.data.get("side", side) == side


@dataclass(frozen=True)
class Point:
    """Something that matters ahead: its tick, and the lead and floor of its kind."""

    kind: str
    tick: int
    what: str = ""

    @property
    def reason(self) -> str:
        return _REASON[self.kind].format(what=self.what)


def arrival_ticks(c) -> list[tuple[str, int]]:
    """(module, tick it is entered) along a moving crew member's remaining route."""
    out, t = [], c.due
    for i, m in enumerate(c.route):
        out.append((m, t))
        if i + 1 < len(c.route):
            t += station.HOP_S[(m, c.route[i + 1])]
    return out


def attention(view, side: str | None) -> list[Point]:
    """What matters ahead in ``view`` for a player commanding ``side`` (None: watching,
    both sides' interests)."""
    pts: list[Point] = []
    sides = (side,) if side is not None else ("us", "ru")
    now = view.tick
    crew = view.crew
    for m in view.modules:
        if m.capturing and m.capture_due > now:
            pts.append(Point("capture", m.capture_due, m.name))
    if view.seize_side and view.seize_due > now:
        pts.append(Point("seize", view.seize_due, _SIDE.get(view.seize_side, "")))
    if view.truce_due > now:
        pts.append(Point("truce", view.truce_due))
    if view.debris_deadline > now:
        pts.append(Point("debris", view.debris_deadline))
    if not view.oxygen_generating and view.oxygen_reserve_s > 0:
        pts.append(Point("oxygen", now + view.oxygen_reserve_s))
    for s in sides:
        nc = view.next_contact.get(s, -1)
        ordered = view.orders.get(s, -1) >= 0
        # before the war no order is even sent, and passes before your order bring
        # nothing: a pass matters once the order may come, and every pass after it
        if nc > now and (ordered or view.war_begun):
            pts.append(Point("pass" if ordered else "pass_order", nc, _MC[s]))
        mine_at = {c.module for c in crew if c.side == s and not c.gone}
        targets = mine_at | {station.VEHICLE_OF[s],
                             "destiny" if s == "us" else "zvezda"}
        for c in crew:
            if c.gone:
                continue
            first = c.name.split()[0]
            if c.task == "leave" and c.due > now:
                pts.append(Point("undock", c.due, f"{first} undocking the "
                                 f"{station.MODULE_NAME.get(c.module, c.module)}"))
            if c.side == s:
                if side is not None and c.task == "move" and c.route:
                    end = arrival_ticks(c)[-1]
                    pts.append(Point("arrive", end[1], f"{first} arriving in "
                                     f"{station.MODULE_NAME[end[0]]}"))
                if 0 <= c.pinned_until and c.pinned_until > now:
                    pts.append(Point("recover", c.pinned_until, f"{first} recovers"))
            elif c.side in ("us", "ru") and c.task == "move" and c.route:
                for mod, t in arrival_ticks(c):
                    if mod in targets and t > now:
                        pts.append(Point("approach", t, f"{first} coming to "
                                         f"{station.MODULE_NAME[mod]}"))
                        break
            elif c.side in ("us", "ru") and c.task == "force" and c.due > now:
                pts.append(Point("force", c.due, f"{first} forcing a hatch"))
    return pts


def policy(view, side: str | None, at_tick: int | None = None,
           points: list[Point] | None = None) -> tuple[float, str]:
    """(warp, why) the policy wants at ``at_tick`` (default: now) for ``view``: the
    plain policy, before the player's factor, the linger and the ramp."""
    at = view.tick if at_tick is None else at_tick
    warp, why = MAX_WARP, "quiet"
    for p in attention(view, side) if points is None else points:
        left = p.tick - at
        if left <= 0:
            continue
        lead, floor = LEAD[p.kind]
        w = max(floor, left / lead)
        if w < warp:
            warp, why = w, p.reason
    for f in view.fights:
        if f.due > at and FIGHT_WARP < warp:
            warp, why = FIGHT_WARP, "a restraint under way"
    return warp, why


class Pacer:
    """The adaptive warp of one game for the side a player commands (None: watching).

    Each fixed real step: :meth:`note` the events the game produced, then :meth:`step`
    gives the warp for the next one. ``factor`` is the player's own - and + on top."""

    def __init__(self, side: str | None = None, factor: float = 1.0):
        self.side = side
        self.factor = factor
        self.warp = MIN_WARP
        self.why = "start"
        self._linger = 0.0
        self.hold = 0.0  # a warp cap for a while (first-game hints); 0: none
        self._points_key = None
        self._points: list[Point] = []

    def faster(self) -> float:
        i = FACTORS.index(self.factor) if self.factor in FACTORS else 2
        self.factor = FACTORS[min(i + 1, len(FACTORS) - 1)]
        return self.factor

    def slower(self) -> float:
        i = FACTORS.index(self.factor) if self.factor in FACTORS else 2
        self.factor = FACTORS[max(i - 1, 0)]
        return self.factor

    def note(self, events) -> None:
        """Events seen since the last step: a notable one makes the pace linger."""
        for ev in events:
            if ev.kind in NOTABLE and visible(ev, self.side):
                self._linger = LINGER_S

    def points(self, view) -> list[Point]:
        """The attention points of ``view`` (cached while only time moves)."""
        key = (id(view.crew), id(view.modules), view.seize_due, view.truce_due,
               view.debris_deadline, view.oxygen_generating, tuple(view.next_contact.items()))
        if key != self._points_key:
            self._points_key = key
            self._points = attention(view, self.side)
        return self._points

    def target(self, view, at_tick: int | None = None) -> tuple[float, str]:
        """The warp the policy wants now, with the player's factor (fights capped)."""
        warp, why = policy(view, self.side, at_tick, self.points(view))
        warp *= self.factor
        if any(f.due > (view.tick if at_tick is None else at_tick) for f in view.fights):
            warp = min(warp, tuning.RESTRAIN_S / MIN_FIGHT_REAL_S)
        return max(warp, 0.5), why

    def step(self, view, dt: float) -> float:
        """The warp for the next ``dt`` real seconds."""
        want, why = self.target(view)
        if self._linger > 0:
            self._linger -= dt
            if LINGER_WARP * self.factor < want:
                want, why = LINGER_WARP * self.factor, "just happened"
        if self.hold > 0 and self.hold < want:
            want, why = self.hold, "reading a hint"
        if want > self.warp:
            want = min(want, self.warp * RAMP_PER_S ** dt)
        self.warp, self.why = want, why
        return want

    def real_seconds(self, view, ahead_s: float, extra: tuple[Point, ...] = ()) -> float:
        """About how many real seconds the next ``ahead_s`` mission seconds take at this
        pace, if nothing new happens (the HUD's "about 20 s" beside a countdown); ``extra``
        attention points count as if they were already there (an order being previewed:
        a move's arrival)."""
        return self.forecast(view, ahead_s, extra)[0]

    def forecast(self, view, ahead_s: float,
                 extra: tuple[Point, ...] = ()) -> tuple[float, bool]:
        """(real seconds, open-ended) for the next ``ahead_s`` mission seconds: as
        :meth:`real_seconds`, and whether some of that time was counted at the quiet pace,
        which anything new (a crew member on the move, a pass) slows: then the real time
        is that much *at least*, not about that much."""
        if ahead_s <= 0:
            return 0.0, False
        t, real, now = 0.0, 0.0, view.tick
        quiet_warp = MAX_WARP * self.factor
        open_ended = False
        pts = self.points(view) + list(extra)
        for _ in range(4000):
            w, _why = policy(view, self.side, int(now + t), pts)
            w = max(w * self.factor, 0.5)
            if any(f.due > now + t for f in view.fights):
                w = min(w, tuning.RESTRAIN_S / MIN_FIGHT_REAL_S)
            step = min(ahead_s - t, max(1.0, w * 0.25))
            if w >= quiet_warp and step >= 60.0:
                open_ended = True
            t += step
            real += step / w
            if t >= ahead_s:
                break
        return real, open_ended

    def real_words(self, view, ahead_s: float, extra: tuple[Point, ...] = ()) -> str:
        """The HUD's words for it: "about 20 s", or "at least 2 min" when open-ended."""
        real, open_ended = self.forecast(view, ahead_s, extra)
        return about(real, at_least=open_ended)


def about(real_s: float, *, at_least: bool = False) -> str:
    """Real seconds in words for the HUD: "about 20 s", "about 2 min" ("at least 20 s"
    where the pace may well slow on the way)."""
    word = "at least" if at_least else "about"
    if real_s < 1.5 and not at_least:
        return "a moment"
    if real_s < 90:
        return f"{word} {max(round(real_s), 1)} s"
    return f"{word} {round(real_s / 60)} min"


# ---- measuring it --------------------------------------------------------------------

#: Events that give the player something to decide, whoever's crew they are about
#: (the rest count only when they concern the player's own crew).
DECIDE_ANY = frozenset({
    "order_received", "contact", "intel", "act", "captured", "seize_started", "seize_broken",
    "truce_started", "truce_broken", "oxygen_off", "oxygen_on", "power_low",
    "power_restored", "debris_warning", "debris_avoided", "station_silenced", "flash",
    "restrain_started", "restrained", "restrain_failed", "escorted", "intrusion", "joined",
    "left_side", "left", "leave_aborted", "hatch_closed", "hatch_forced", "system_offline",
    "system_restored", "ended",
})


def decides(ev, side: str | None, own: set[str]) -> bool:
    """Does event ``ev`` give a player commanding ``side`` something to decide?"""
    if not visible(ev, side):
        return False
    if ev.kind in DECIDE_ANY:
        return True
    return bool({ev.data.get("crew"), ev.data.get("target")} & own)


@dataclass
class PacingFigures:
    seed: int
    side: str | None
    ending: str
    real_s: float  # the whole game, in real seconds at this pace
    mission_s: int
    longest_quiet_s: float  # the longest real stretch with nothing to decide
    quiet_at_tick: int  # where it ended
    restraints: int
    shortest_restraint_s: float  # real seconds (inf: no restraint)


def measure(setup, side: str | None, *, real_step: float = 1.0 / 60.0,
            factor: float = 1.0) -> PacingFigures:
    """Play ``setup``'s game with both sides by the AI (as ``iss-game sim``), paced as a
    window would pace it for a player commanding ``side`` (None: watching), one
    ``real_step`` at a time; return the figures."""
    import dataclasses

    from game.session.world import SimWorld

    world = SimWorld(dataclasses.replace(setup, us="ai", ru="ai"), record=False)
    game = world.game
    pacer = Pacer(side, factor)
    own = {c.id for c in game.state.crew if c.side == side} if side else \
        {c.id for c in game.state.crew}
    got: list = []
    world.listeners.append(lambda what: got.append(what[1]) if what[0] == "event" else None)
    real = 0.0
    last_decision = 0.0
    longest, longest_at = 0.0, 0
    fights: dict[tuple[str, str], float] = {}
    shortest, n_fights = math.inf, 0
    while not game.ended:
        view = game.view_for(side) if side else game.state
        warp = pacer.step(view, real_step)
        world.advance(warp * real_step, brake=True)
        real += real_step
        pacer.note(got)
        for ev in got:
            if ev.kind == "restrain_started":
                fights[(ev.data["crew"], ev.data["target"])] = real
            elif ev.kind in ("restrained", "restrain_failed"):
                began = fights.pop((ev.data["crew"], ev.data["target"]), None)
                if began is not None:
                    n_fights += 1
                    shortest = min(shortest, real - began)
            if decides(ev, side, own):
                if real - last_decision > longest:
                    longest, longest_at = real - last_decision, ev.tick
                last_decision = real
        got.clear()
    return PacingFigures(setup.seed, side, game.ending, real, game.tick, longest, longest_at,
                         n_fights, shortest)


#: The targets (issue 11): never more than 2 real minutes with nothing to decide; a
#: restraint never resolves in under 3 real seconds.
QUIET_TARGET_S = 120.0
RESTRAINT_TARGET_S = 3.0


def survey(orbit, seeds, sides=("us", "ru", None), *, real_step: float = 1.0 / 60.0,
           factor: float = 1.0) -> dict:
    """:func:`measure` over ``seeds`` and viewpoints: the worst figures and the verdict."""
    from game.session.setup import GameSetup

    runs = [measure(GameSetup(orbit=orbit, orbit_label="survey", seed=s), side,
                    real_step=real_step, factor=factor)
            for s in seeds for side in sides]
    quiet = max(runs, key=lambda f: f.longest_quiet_s)
    fights = [f for f in runs if f.restraints]
    shortest = min((f.shortest_restraint_s for f in fights), default=math.inf)
    minutes = sorted(f.real_s / 60 for f in runs)
    return {
        "games": len(runs),
        "longest_quiet_s": round(quiet.longest_quiet_s, 1),
        "longest_quiet_at": f"seed {quiet.seed}, {quiet.side or 'watching'}, tick "
                            f"{quiet.quiet_at_tick}",
        "restraints": sum(f.restraints for f in runs),
        "shortest_restraint_s": round(shortest, 2) if fights else None,
        "real_minutes_median": round(minutes[len(minutes) // 2], 1),
        "real_minutes_max": round(minutes[-1], 1),
        "quiet_target_s": QUIET_TARGET_S,
        "restraint_target_s": RESTRAINT_TARGET_S,
        "verdict": "PASS" if quiet.longest_quiet_s <= QUIET_TARGET_S
        and shortest >= RESTRAINT_TARGET_S else "FAIL",
        "runs": runs,
    }
