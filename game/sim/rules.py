"""The rules: how commands are validated and applied, and how time moves the game.

The game is event driven: between two *due* ticks (a hop ends, a task completes, a
capture or seize or truce timer runs out, a strike, an order, the oxygen reserve ends)
nothing can change, so ``step`` jumps straight from one to the next. A 54,000-tick game
costs a few thousand cheap updates, not 54,000 scans of everything.

Rules (all numbers visible to the player through the help and the state view):
- Move: hop by hop along the shortest way through open hatches; a hop is
  ``5 + ceil(len_a + len_b)`` s (half of each module at 0.5 m/s plus 5 s for the hatch).
  A hatch closed in front of a moving crew member stops them in the module they are in.
- Open a hatch: 5 s; forcing one sealed from the other side: 120 s, and the one who
  forces it is through, inside. Close: 5 s, never with a free enemy in either of the
  hatch's two modules (no sealing a hatch in someone's face).
- Capture: one side's free crew alone in a module for 60 s takes it (only once that
  side may act: its order arrived, it was attacked, or the ground went dark).
- Seize: one side holds Destiny and Zvezda, with no free enemy inside either, for
  600 s -> ``us_control`` / ``ru_control``.
- Restrain: 30 s, then success with odds attackers/(attackers+defenders) (free crew of
  each side present at that moment); on failure the defenders restrain the attacker.
  Needs that side's order (or self-defence, or act 3). Trust -15.
- Free: 60 s, a crewmate (or partner) in the module, no free enemy present.
- Talk: 60 s. Across the sides: trust +4, both stress -5, the listener's loyalty -3.
  Within a side: both stress -10. To a neutral partner crew member: their lean towards
  the speaker's side +20, joining it at 60; trust +2.
- Systems: offline/restore takes 30 s in the system's module. Offline needs the side to
  hold that module (Destiny: US power feed to the Russian segment; Zvezda: attitude
  control and reboost, Elektron; Tranquility: the US oxygen generator) and to may act;
  trust -10. Restore needs no free enemy in the module.
  Dependencies: Elektron works only with the US power feed on; attitude control off for
  1800 s lets the arrays drift off the Sun: power low, which stops both the Russian
  feed and the Tranquility generator until attitude is restored.
- Oxygen: with no generator working the 4 h reserve runs down (it does not refill);
  at zero -> ``station_lost``.
- Debris: an ASAT test raises a warning; attitude control must work at some moment in
  the next 1800 s (an avoidance burn), or the station is hit -> ``station_lost``.
- Trust 0-100 (starts at 50), shared: 80 or more held for 600 s -> ``truce``, counted
  only once both sides may act (both had their orders, were attacked, or act 3): a
  truce is two sides choosing not to fight, not one side that was never told to.
  Witnessed flashes -2 (night -4), sealing a hatch -2, each order arriving -10.
- Stress 0-100 per crew: witnessed flash +magnitude (x3 in the Cupola, x2 at night);
  order received +15; restrained +10; restraining +5. Over ``50 + loyalty*40//100`` a
  crew member refuses hostile orders (restrain, close, offline).
- Leave: from inside the side's own vehicle once the war has begun, with every free
  crew member of the side aboard (or the vehicle full) and no free enemy aboard; 60 s
  -> ``evacuation_us`` / ``evacuation_ru``: the side that stays holds the station.
- Acts: 1 routine until the first order arrives; 2 orders; 3 dark once both Houston and
  Korolyov are struck (then anyone may act). Their pace is the war's (war.py): the war
  begins 10-20 min in; each mission control sends its order 5-15 min after the first
  flashes, and it arrives at that centre's next pass (>= 10 degrees up), so the real orbit
  decides which side hears first and by how much; a mission control is struck at a
  seeded 5-9 h, but never before 20-60 min after its own first pass following its order
  (each side gets its one real chance to hear). A struck centre is silent.
- Time limit: ``max_ticks`` (default 54,000 s: 30 minutes of play at warp 30) ends the
  game as ``stalemate``: nobody took the station, nobody made peace.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from game.sim import station as st
from game.sim.commands import (
    CloseHatch,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    Stop,
    SystemOffline,
    SystemRestore,
    Talk,
)
from game.sim.crew import AGENCY_STATION, JOIN_AT, LEAN_PER_TALK, NEUTRAL, stress_limit
from game.sim.events import Event, Result
from game.sim.prng import Prng
from game.sim.state import (
    SIDES,
    CrewView,
    GameState,
    HatchView,
    ModuleView,
    StateView,
    SystemView,
)

CAPTURE_S = 60
SEIZE_S = 600
TRUCE_S = 600
TRUCE_AT = 80
RESTRAIN_S = 30
FREE_S = 60
TALK_S = 60
SYSTEM_S = 30
LEAVE_S = 60
POWER_DRIFT_S = 1800
DEBRIS_WINDOW_S = 1800
ORDER_STRESS = 15
ORDER_TRUST = -10
TALK_TRUST = 4
#: Version of the rules, the numbers and the data they read (cities.csv). A replay records
#: it and can only be re-simulated by a build with the same value, so bump it whenever a
#: change makes the same commands give a different game; tests/test_sim_golden.py fails
#: until you do.
RULES_VERSION = 1

DEFAULT_MAX_TICKS = 54_000

ENDINGS = ("us_control", "ru_control", "truce", "evacuation_us", "evacuation_ru",
           "station_lost", "stalemate")
NEVER = 1 << 62
OTHER = {"us": "ru", "ru": "us"}
SIDE_NAME = {"us": "the US crew", "ru": "the Russian crew", NEUTRAL: "partner crew"}
SIDE_TITLE = {"us": "The US crew", "ru": "The Russian crew", NEUTRAL: "Partner crew"}
_HATCH_INDEX = {h: i for i, h in enumerate(st.HATCH_IDS)}
_SYS_INDEX = {s: i for i, s in enumerate(st.SYSTEM_IDS)}
_MOD_INDEX = st.MODULE_INDEX
_HOSTILE = ("restrain", "close", "offline")


@dataclass(frozen=True)
class Setup:
    """What is fixed for the whole game: drawn from the seed and the orbit at the start."""

    scenario: str
    seed: int
    max_ticks: int
    timeline: object  # game.orbit.timeline.OrbitTimeline
    war: object  # war.WarPlan
    order_issue: dict  # side -> tick its mission control sends the order
    order_arrival: dict  # side -> tick the order reaches the crew (or NEVER)
    contacts: dict  # partner station id -> tuple of pass-start ticks (international)
    digest: str  # of all of the above: part of every checksum


def _hatch_name(h: str) -> str:
    a, b = st.HATCH_ENDS[h]
    return f"{st.MODULE_NAME[a]}\u2013{st.MODULE_NAME[b]}"


class Game:
    """One game: submit commands, step time, read ``state``; see game.sim.api."""

    def __init__(self, setup: Setup, state: GameState):
        self.setup = setup
        self._s = state
        self._crew = {c.id: c for c in state.crew}
        self._events: list[Event] = []
        self._listeners: list = []
        self._due_cache = -1

    # ---- public surface ----------------------------------------------------------------

    @property
    def tick(self) -> int:
        return self._s.tick

    @property
    def ended(self) -> bool:
        return bool(self._s.ending)

    @property
    def ending(self) -> str:
        return self._s.ending

    def add_listener(self, fn) -> None:
        """``fn(tick, cmd)`` is called for every *accepted* command (the recording hook)."""
        self._listeners.append(fn)

    def remove_listener(self, fn) -> None:
        self._listeners.remove(fn)

    def submit(self, cmd) -> Result:
        """Validate ``cmd`` against the current state; apply and log it, or refuse it."""
        reason = self._check(cmd)
        if reason:
            return Result(False, reason)
        self._apply(cmd)
        self._s.stats["commands_" + cmd.side] += 1
        self._due_cache = -1
        for fn in tuple(self._listeners):
            fn(self._s.tick, cmd)
        return Result(True, "")

    def step(self, n: int = 1) -> list[Event]:
        """Advance ``n`` ticks (less if the game ends); return the events that happened."""
        if n < 0:
            raise ValueError("n must be >= 0")
        s = self._s
        target = s.tick + n
        self._events = out = []
        while not s.ending and s.tick < target:
            due = self._next_due()
            if due > target:
                s.tick = target
                break
            s.tick = max(due, s.tick + 1) if due <= s.tick else due
            self._process(s.tick)
            self._due_cache = -1
        self._events = []
        return out

    def run_until(self, tick: int) -> list[Event]:
        return self.step(max(0, tick - self._s.tick))

    def next_due(self) -> int:
        """The next tick at which something will happen by itself (for fast-forwarding)."""
        return self._next_due()

    def checksum(self) -> str:
        """Stable hash of set-up digest + canonical state (hex, 32 chars)."""
        blob = json.dumps(self._s.to_data(), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=True)
        h = hashlib.blake2b(digest_size=16)
        h.update(self.setup.digest.encode())
        h.update(blob.encode())
        return h.hexdigest()

    def snapshot(self) -> dict:
        """A cheap, independent copy of the state (JSON-able) for seeking."""
        return self._s.to_data()

    def restore(self, snap: dict) -> None:
        self._s.load_data(snap)
        self._due_cache = -1

    def may_act(self, side: str) -> bool:
        """May ``side`` restrain, seal hatches and cut systems? (orders/self-defence/dark)"""
        s = self._s
        return s.order_tick.get(side, -1) >= 0 or s.attacked.get(side, False) or s.act >= 3

    def crew_by_id(self, cid: str):
        """The live crew record (read it, never write it: only commands change state)."""
        return self._crew.get(cid)

    @property
    def crew(self) -> tuple:
        """Live crew records in fixed order (read-only by convention; the AI reads these)."""
        return tuple(self._s.crew)

    @property
    def max_ticks(self) -> int:
        return self.setup.max_ticks

    def hatch_open(self, h: str) -> bool:
        return self._s.hatch_open[_HATCH_INDEX[h]]

    def system_on(self, sys_id: str) -> bool:
        return self._s.sys_on[_SYS_INDEX[sys_id]]

    def system_working(self, sys_id: str) -> bool:
        return self._working(sys_id)

    def holder(self, module: str) -> str:
        return self._s.holder[_MOD_INDEX[module]]

    @property
    def trust(self) -> int:
        return self._s.trust

    @property
    def oxygen_reserve_s(self) -> int:
        s = self._s
        if self._o2_generating():
            return s.o2_reserve_s
        return max(0, s.o2_reserve_s - (s.tick - s.o2_tick))

    @property
    def oxygen_generating(self) -> bool:
        return self._o2_generating()

    @property
    def seize(self) -> tuple[str, int]:
        """(side seizing the station, tick it completes) or ("", -1)."""
        return self._s.seize_side, self._s.seize_due

    @property
    def act(self) -> int:
        """The story's act: 1 routine, 2 orders, 3 dark."""
        return self._s.act

    def order_tick(self, side: str) -> int:
        """Tick ``side``'s order arrived, or -1."""
        return self._s.order_tick.get(side, -1)

    def was_attacked(self, side: str) -> bool:
        """Has ``side`` suffered a hostile act (restraint attempt, system cut)?"""
        return self._s.attacked.get(side, False)

    @property
    def stats(self) -> dict:
        return dict(self._s.stats)

    @property
    def state(self) -> StateView:
        return self._view()

    # ---- validation ----------------------------------------------------------------------

    def _check(self, cmd) -> str:
        s = self._s
        if s.ending:
            return f"the game is over ({s.ending})"
        kind = getattr(type(cmd), "kind", None)
        if kind is None or not hasattr(self, "_check_" + kind):
            return "not a command"
        if cmd.side not in SIDES:
            return f"unknown side '{cmd.side}'"
        c = self._crew.get(cmd.crew)
        if c is None:
            return f"no crew member '{cmd.crew}'"
        if c.side != cmd.side:
            owner = "neutral" if c.side == NEUTRAL else f"with {SIDE_NAME[c.side]}"
            return f"{c.name} is {owner}: not yours to command"
        if c.gone:
            return f"{c.name} has left the station"
        if c.restrained:
            return f"{c.name} is restrained"
        if kind in _HOSTILE:
            if not self.may_act(cmd.side):
                return ("routine: no order from the ground yet; "
                        f"{c.name} will not {kind} before the order arrives or "
                        f"{SIDE_NAME[OTHER[cmd.side]]} attack")
            limit = stress_limit(c.loyalty)
            if c.stress > limit:
                return (f"{c.name} refuses: stress {c.stress} over the limit {limit} "
                        f"(saw {c.witnessed} flashes)")
        return getattr(self, "_check_" + kind)(cmd, c)

    def _check_move(self, cmd: Move, c) -> str:
        if cmd.to not in _MOD_INDEX:
            return f"no module '{cmd.to}'"
        if cmd.to == c.module:
            return f"{c.name} is already in {st.MODULE_NAME[cmd.to]}"
        if st.path(c.module, cmd.to, self.hatch_open) is None:
            route = st.route_ignoring_hatches(c.module, cmd.to)
            for here, nxt in zip([c.module, *route], route, strict=False):
                h = st.HATCH_BETWEEN[(here, nxt)]
                if not self.hatch_open(h):
                    return f"no way through: hatch {_hatch_name(h)} is closed"
            return "no way through"
        return ""

    def _check_hatch(self, cmd, c, want_open: bool) -> str:
        if cmd.hatch not in _HATCH_INDEX:
            return f"no hatch '{cmd.hatch}'"
        if c.module not in st.HATCH_ENDS[cmd.hatch]:
            return f"{c.name} is not at hatch {_hatch_name(cmd.hatch)}"
        if self.hatch_open(cmd.hatch) == want_open:
            return f"hatch {_hatch_name(cmd.hatch)} is already {'open' if want_open else 'closed'}"
        return ""

    def _check_open(self, cmd: OpenHatch, c) -> str:
        return self._check_hatch(cmd, c, True)

    def _check_close(self, cmd: CloseHatch, c) -> str:
        why = self._check_hatch(cmd, c, False)
        if why:
            return why
        for m in st.HATCH_ENDS[cmd.hatch]:
            if self._enemies_in(m, cmd.side):
                return f"cannot seal hatch {_hatch_name(cmd.hatch)} in the enemy's face " \
                       f"(they are in {st.MODULE_NAME[m]})"
        return ""

    def _check_at_system(self, cmd, c) -> str:
        """Both system commands: the system exists and the crew member stands by it."""
        if cmd.system not in _SYS_INDEX:
            return f"no system '{cmd.system}'"
        mod = st.SYSTEM_MODULE[cmd.system]
        if c.module != mod:
            return f"{st.SYSTEM_NAME[cmd.system]} is in {st.MODULE_NAME[mod]}; {c.name} is not"
        return ""

    def _check_offline(self, cmd: SystemOffline, c) -> str:
        why = self._check_at_system(cmd, c)
        if why:
            return why
        mod = st.SYSTEM_MODULE[cmd.system]
        if self.holder(mod) != cmd.side:
            return f"{SIDE_NAME[cmd.side]} must hold {st.MODULE_NAME[mod]} first"
        if not self.system_on(cmd.system):
            return f"{st.SYSTEM_NAME[cmd.system]} is already offline"
        return ""

    def _check_restore(self, cmd: SystemRestore, c) -> str:
        why = self._check_at_system(cmd, c)
        if why:
            return why
        mod = st.SYSTEM_MODULE[cmd.system]
        if self.system_on(cmd.system):
            return f"{st.SYSTEM_NAME[cmd.system]} is already on"
        if self._enemies_in(mod, cmd.side):
            return f"the enemy is in {st.MODULE_NAME[mod]}"
        return ""

    def _check_target(self, cmd, c):
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

    def _check_talk(self, cmd: Talk, c) -> str:
        return self._check_target(cmd, c)[1]

    def _check_restrain(self, cmd: Restrain, c) -> str:
        t, why = self._check_target(cmd, c)
        if why:
            return why
        if t.side == c.side:
            return f"{t.name} is on your side"
        if t.restrained:
            return f"{t.name} is already restrained"
        return ""

    def _check_free(self, cmd: Free, c) -> str:
        t, why = self._check_target(cmd, c)
        if why:
            return why
        if not t.restrained:
            return f"{t.name} is not restrained"
        if t.side not in (c.side, NEUTRAL):
            return f"{t.name} is with {SIDE_NAME[t.side]}"
        if self._enemies_in(c.module, c.side):
            return f"not with the enemy watching in {st.MODULE_NAME[c.module]}"
        return ""

    def _check_leave(self, cmd: Leave, c) -> str:
        v = st.VEHICLE_OF[cmd.side]
        if c.module not in st.VEHICLES:
            return f"{c.name} is not aboard a vehicle"
        if c.module != v:
            return f"the {st.MODULE_NAME[c.module]} is not your vehicle"
        if self._s.strike_idx == 0:
            return "routine: no reason to abandon the station before the war begins"
        return self._leave_blocker(cmd.side, v)

    def _leave_blocker(self, side: str, v: str) -> str:
        cap = st.VEHICLES[v][1]
        aboard = [x for x in self._s.crew if x.free and x.module == v]
        mine = [x for x in self._s.crew if x.free and x.side == side]
        if self._enemies_in(v, side):
            return f"the enemy is aboard the {st.MODULE_NAME[v]}"
        missing = [x.name for x in mine if x.module != v]
        if missing and len(aboard) < cap:
            return f"not everyone is aboard: {', '.join(missing)}"
        return ""

    def _check_stop(self, cmd: Stop, c) -> str:
        return ""

    # ---- applying commands ---------------------------------------------------------------

    def _apply(self, cmd) -> None:
        s = self._s
        c = self._crew[cmd.crew]
        kind = cmd.kind
        c.route = ()
        c.target = ""
        if kind == "move":
            route = st.path(c.module, cmd.to, self.hatch_open)
            c.task, c.target, c.route = "move", cmd.to, tuple(route)
            c.due = s.tick + st.HOP_S[(c.module, route[0])]
        elif kind == "open":
            sealed = s.sealed_from[_HATCH_INDEX[cmd.hatch]]
            forcing = sealed not in ("", c.module)
            c.task, c.target = ("force" if forcing else "open"), cmd.hatch
            c.due = s.tick + (st.FORCE_S if forcing else st.HATCH_S)
        elif kind == "close":
            c.task, c.target, c.due = "close", cmd.hatch, s.tick + st.HATCH_S
        elif kind in ("offline", "restore"):
            c.task, c.target, c.due = kind, cmd.system, s.tick + SYSTEM_S
        elif kind in ("talk", "restrain", "free"):
            c.task, c.target = kind, cmd.target
            c.due = s.tick + {"talk": TALK_S, "restrain": RESTRAIN_S, "free": FREE_S}[kind]
        elif kind == "leave":
            c.task, c.target, c.due = "leave", c.module, s.tick + LEAVE_S
        else:  # stop
            c.task, c.due = "idle", 0

    # ---- time ----------------------------------------------------------------------------

    def _next_due(self) -> int:
        if self._due_cache >= 0:
            return self._due_cache
        s, su = self._s, self.setup
        due = su.max_ticks
        for c in s.crew:
            if c.task != "idle" and c.due < due:
                due = c.due
        for _side, cdue in s.capture.values():
            if cdue < due:
                due = cdue
        for d in (s.seize_due, s.truce_due, s.debris_deadline):
            if 0 <= d < due:
                due = d
        if s.strike_idx < len(su.war.strikes):
            due = min(due, su.war.strikes[s.strike_idx].tick)
        for side in SIDES:
            if s.order_tick[side] < 0:
                due = min(due, su.order_arrival[side])
        if not s.asat_done:
            due = min(due, su.war.asat_tick)
        if not self._o2_generating():
            due = min(due, s.o2_tick + s.o2_reserve_s)
        if s.attitude_off_tick >= 0 and not s.power_low:
            due = min(due, s.attitude_off_tick + POWER_DRIFT_S)
        for sid, ticks in su.contacts.items():
            i = s.contact_idx.get(sid, 0)
            if i < len(ticks):
                due = min(due, ticks[i])
        self._due_cache = due
        return due

    def _emit(self, kind: str, text: str, **data) -> None:
        self._events.append(Event(self._s.tick, kind, text, data))

    def _process(self, t: int) -> None:
        s, su = self._s, self.setup
        strikes = su.war.strikes
        while s.strike_idx < len(strikes) and strikes[s.strike_idx].tick <= t:
            self._strike(strikes[s.strike_idx])
            s.strike_idx += 1
        for side in SIDES:
            if s.order_tick[side] < 0 and su.order_arrival[side] <= t:
                self._order(side)
        for sid, ticks in su.contacts.items():
            i = s.contact_idx.get(sid, 0)
            while i < len(ticks) and ticks[i] <= t:
                self._agency_call(sid)
                i += 1
            s.contact_idx[sid] = i
        for c in s.crew:
            if c.task != "idle" and c.due <= t and not s.ending:
                self._complete(c)
        if not s.asat_done and su.war.asat_tick <= t:
            s.asat_done = True
            s.debris_deadline = t + DEBRIS_WINDOW_S
            s.debris_ok = self._working("attitude")
            self._emit("debris_warning", "Debris warning: an anti-satellite test shattered a "
                       "satellite; an avoidance burn needs attitude control within 30 min",
                       deadline=s.debris_deadline)
        if 0 <= s.debris_deadline <= t:
            s.debris_deadline = -1
            if s.debris_ok:
                self._emit("debris_avoided", "Debris avoidance burn done: the cloud passes by")
            else:
                return self._end("station_lost", "The debris cloud hit the station: no thrusters "
                                 "were there to dodge it")
        if s.attitude_off_tick >= 0 and not s.power_low and \
                s.attitude_off_tick + POWER_DRIFT_S <= t:
            self._set_power_low(True)
        if not self._o2_generating() and s.o2_tick + s.o2_reserve_s <= t:
            s.o2_reserve_s = 0
            s.o2_tick = t
            return self._end("station_lost", "The oxygen reserve ran out: no generator was "
                             "working in Zvezda or Tranquility")
        if s.ending:
            return
        self._refresh_control()
        if s.ending:
            return
        self._refresh_truce()
        if 0 <= s.truce_due <= t:
            return self._end("truce", f"Truce: trust held at {s.trust} for 10 minutes; the crew "
                             "choose each other over the war below")
        if t >= su.max_ticks:
            return self._end("stalemate", "Time is up: nobody took the station and nobody "
                             "made peace")

    # ---- completions -------------------------------------------------------------------

    def _complete(self, c) -> None:
        getattr(self, "_done_" + c.task)(c)

    def _idle(self, c) -> None:
        c.task, c.target, c.route, c.due = "idle", "", (), 0

    def _done_move(self, c) -> None:
        nxt = c.route[0]
        h = st.HATCH_BETWEEN[(c.module, nxt)]
        if not self.hatch_open(h):
            self._emit("blocked", f"{c.name} is stopped by the closed hatch {_hatch_name(h)}",
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
        i = _HATCH_INDEX[c.target]
        s = self._s
        forced = c.task == "force"
        ends = st.HATCH_ENDS[c.target]
        if c.module in ends and not s.hatch_open[i]:
            s.hatch_open[i], s.sealed_from[i] = True, ""
            if forced:  # they force their way through
                c.module = ends[1] if c.module == ends[0] else ends[0]
                self._emit("hatch_forced", f"{c.name} forced hatch {_hatch_name(c.target)} "
                           f"and is in {st.MODULE_NAME[c.module]}", crew=c.id, hatch=c.target,
                           module=c.module)
            else:
                self._emit("hatch_opened", f"{c.name} opened hatch {_hatch_name(c.target)}",
                           crew=c.id, hatch=c.target)
        self._idle(c)

    _done_force = _done_open

    def _done_close(self, c) -> None:
        i = _HATCH_INDEX[c.target]
        s = self._s
        if c.module in st.HATCH_ENDS[c.target] and s.hatch_open[i]:
            s.hatch_open[i], s.sealed_from[i] = False, c.module
            s.stats["hatches_closed"] += 1
            self._emit("hatch_closed", f"{c.name} sealed hatch {_hatch_name(c.target)} from "
                       f"{st.MODULE_NAME[c.module]}", crew=c.id, hatch=c.target,
                       sealed_from=c.module)
            self._add_trust(-2)
        self._idle(c)

    def _done_offline(self, c) -> None:
        sys_id = c.target
        s = self._s
        if c.module == st.SYSTEM_MODULE[sys_id] and self.system_on(sys_id):
            self._set_system(sys_id, False)
            s.stats["systems_cut"] += 1
            s.attacked[OTHER[c.side]] = True
            self._emit("system_offline", f"{c.name} took {st.SYSTEM_NAME[sys_id]} offline",
                       crew=c.id, system=sys_id)
            self._add_trust(-10)
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
        t = self._crew[c.target]
        self._idle(c)
        if t.gone or t.module != c.module:
            return
        s = self._s
        s.stats["talks"] += 1
        if t.side == NEUTRAL:
            if c.side == "us":
                t.lean_us += LEAN_PER_TALK
                lean = t.lean_us
            else:
                t.lean_ru += LEAN_PER_TALK
                lean = t.lean_ru
            self._emit("talked", f"{c.name} talked with {t.name}", crew=c.id, target=t.id)
            self._add_trust(2)
            if lean >= JOIN_AT and not t.restrained:
                t.side, t.loyalty = c.side, 60
                self._emit("joined", f"{t.name} ({t.agency}) joins {SIDE_NAME[c.side]}",
                           crew=t.id, side=c.side)
        elif t.side == c.side:
            c.stress, t.stress = max(0, c.stress - 10), max(0, t.stress - 10)
            self._emit("talked", f"{c.name} steadied {t.name}", crew=c.id, target=t.id)
        else:
            c.stress, t.stress = max(0, c.stress - 5), max(0, t.stress - 5)
            t.loyalty = max(0, t.loyalty - 3)
            self._emit("talked", f"{c.name} talked with {t.name} across the divide",
                       crew=c.id, target=t.id)
            self._add_trust(TALK_TRUST)

    def _done_restrain(self, c) -> None:
        t = self._crew[c.target]
        s = self._s
        self._idle(c)
        if t.gone or t.restrained or t.module != c.module:
            return
        here = [x for x in s.crew if x.free and x.module == c.module]
        att = sum(1 for x in here if x.side == c.side)
        dfn = sum(1 for x in here if x.side == t.side)
        rng = Prng(s.rng)
        won = rng.below(att + dfn) < att
        s.rng = rng.state
        if t.side in SIDES:
            s.attacked[t.side] = True
        c.stress = min(100, c.stress + 5)
        t.stress = min(100, t.stress + 10)
        self._add_trust(-15)
        if won:
            t.restrained = True
            self._idle(t)
            s.stats["restraints"] += 1
            self._emit("restrained", f"{c.name} restrained {t.name} ({att} against {dfn})",
                       crew=c.id, target=t.id, attackers=att, defenders=dfn)
        else:
            s.stats["restrain_failed"] += 1
            if t.side in SIDES:
                c.restrained = True
                self._idle(c)
            self._emit("restrain_failed", f"{c.name} failed to restrain {t.name} ({att} "
                       f"against {dfn})" + (f"; {c.name} is overpowered" if c.restrained else ""),
                       crew=c.id, target=t.id, attackers=att, defenders=dfn)

    def _done_free(self, c) -> None:
        t = self._crew[c.target]
        self._idle(c)
        if t.restrained and t.module == c.module and not self._enemies_in(c.module, c.side):
            t.restrained = False
            self._emit("freed", f"{c.name} freed {t.name}", crew=c.id, target=t.id)

    def _done_leave(self, c) -> None:
        v = c.module
        self._idle(c)
        if v != st.VEHICLE_OF[c.side] or self._leave_blocker(c.side, v):
            return
        names = []
        for x in self._s.crew:
            if x.free and x.module == v:
                x.gone = True
                self._idle(x)
                names.append(x.name)
        self._emit("left", f"The {st.MODULE_NAME[v]} undocked with {', '.join(names)}",
                   vehicle=v, side=c.side)
        stays = OTHER[c.side]
        self._end(f"evacuation_{c.side}", f"{SIDE_TITLE[c.side]} left in the "
                  f"{st.MODULE_NAME[v]}; {SIDE_NAME[stays]} hold the station")

    # ---- the world -------------------------------------------------------------------------

    def _strike(self, k) -> None:
        s = self._s
        if k.station:
            s.silenced[k.station] = k.tick
            self._emit("station_silenced", f"{k.city} was struck: it falls silent",
                       station=k.station, lat=k.lat, lon=k.lon)
            if "houston" in s.silenced and "korolyov" in s.silenced and s.act < 3:
                s.act = 3
                self._emit("act", "Act 3, dark: both mission controls are gone; no more "
                           "orders, no more help", act=3)
        data = {"lat": k.lat, "lon": k.lon, "magnitude": k.magnitude, "city": k.city,
                "bloc": k.bloc, "night": k.night, "unix_s": k.unix_s, "witnessed": k.witnessed}
        if not k.witnessed:
            self._emit("strike", f"{k.city} struck (out of sight)", **data)
            return
        s.stats["flashes_witnessed"] += 1
        for c in s.crew:
            if c.gone:
                continue
            w = k.magnitude * (3 if c.module == st.CUPOLA else 1) * (2 if k.night else 1)
            c.stress = min(100, c.stress + w)
            c.witnessed += 1
        self._add_trust(-4 if k.night else -2)
        self._emit("flash", f"A flash over {k.city}" + (" lights the night" if k.night else ""),
                   **data)

    def _order(self, side: str) -> None:
        s = self._s
        s.order_tick[side] = s.tick
        for c in s.crew:
            if c.side == side and not c.gone:
                c.stress = min(100, c.stress + ORDER_STRESS)
        station = "Houston" if side == "us" else "Korolyov"
        self._emit("order_received", f"{station} to {SIDE_NAME[side]}: take control of the "
                   "station by any means necessary", side=side)
        if s.act == 1:
            s.act = 2
            self._emit("act", "Act 2, orders: the ground has spoken", act=2)
        self._add_trust(ORDER_TRUST)

    def _agency_call(self, sid: str) -> None:
        s = self._s
        if sid in s.silenced:
            return
        present = [c for c in s.crew if c.side == NEUTRAL and c.free
                   and AGENCY_STATION.get(c.agency) == sid]
        if not present:
            return
        self._add_trust(2)
        self._emit("agency_call", f"{present[0].agency} calls {present[0].name}: keep the "
                   "peace up there", station=sid)

    def _add_trust(self, d: int) -> None:
        s = self._s
        s.trust = max(0, min(100, s.trust + d))

    def _refresh_truce(self) -> None:
        s = self._s
        if s.trust >= TRUCE_AT and s.truce_due < 0 and self.may_act("us") and \
                self.may_act("ru"):
            s.truce_due = s.tick + TRUCE_S
            self._emit("truce_started", f"Trust {s.trust}: a truce holds if it stays at "
                       f"{TRUCE_AT}+ for 10 minutes", due=s.truce_due)
        elif s.trust < TRUCE_AT and s.truce_due >= 0:
            s.truce_due = -1
            self._emit("truce_broken", f"Trust fell to {s.trust}: the truce is off")

    # ---- systems ----------------------------------------------------------------------

    def _working(self, sys_id: str) -> bool:
        s = self._s
        on = s.sys_on[_SYS_INDEX[sys_id]]
        if sys_id == "o2_zvezda":
            return on and self._working("power_ru")
        if sys_id in ("power_ru", "o2_tranquility"):
            return on and not s.power_low
        return on

    def _o2_generating(self) -> bool:
        return self._working("o2_zvezda") or self._working("o2_tranquility")

    def _settle_o2(self) -> None:
        s = self._s
        if not self._o2_generating():
            s.o2_reserve_s = max(0, s.o2_reserve_s - (s.tick - s.o2_tick))
        s.o2_tick = s.tick

    def _o2_changed(self, was: bool) -> None:
        now = self._o2_generating()
        if was and not now:
            self._emit("oxygen_off", "No oxygen generator is working: the reserve lasts "
                       f"{self._s.o2_reserve_s // 60} min", reserve_s=self._s.o2_reserve_s)
        elif now and not was:
            self._emit("oxygen_on", "Oxygen generation is back", reserve_s=self._s.o2_reserve_s)

    def _set_system(self, sys_id: str, on: bool) -> None:
        s = self._s
        self._settle_o2()
        was = self._o2_generating()
        s.sys_on[_SYS_INDEX[sys_id]] = on
        if sys_id == "attitude":
            if on:
                s.attitude_off_tick = -1
                if s.debris_deadline >= 0:
                    s.debris_ok = True
                if s.power_low:
                    s.power_low = False
                    self._emit("power_restored", "Attitude control is back: the arrays track "
                               "the Sun again")
            else:
                s.attitude_off_tick = s.tick
        self._o2_changed(was)

    def _set_power_low(self, low: bool) -> None:
        self._settle_o2()
        was = self._o2_generating()
        self._s.power_low = low
        self._emit("power_low", "Without attitude control the arrays drifted off the Sun: "
                   "power is low (no feed to the Russian segment, no US oxygen)")
        self._o2_changed(was)

    # ---- control --------------------------------------------------------------------------

    def _enemies_in(self, module: str, side: str) -> bool:
        enemy = OTHER.get(side)
        return any(x.free and x.module == module and x.side == enemy for x in self._s.crew)

    def _refresh_control(self) -> None:
        s = self._s
        t = s.tick
        present: dict[str, int] = {}  # module -> bitmask of sides (1 us, 2 ru)
        for c in s.crew:
            if c.free and c.side in SIDES:
                present[c.module] = present.get(c.module, 0) | (1 if c.side == "us" else 2)
        may = {side: self.may_act(side) for side in SIDES}
        # captures: start, keep or cancel
        for m in list(s.capture):
            mask = present.get(m, 0)
            side = s.capture[m][0]
            if mask != (1 if side == "us" else 2):
                del s.capture[m]
        for m, mask in present.items():
            if mask == 3 or st.SEGMENT[m] == "vehicle":
                continue
            side = "us" if mask == 1 else "ru"
            if not may[side] or s.holder[_MOD_INDEX[m]] == side or m in s.capture:
                continue
            s.capture[m] = [side, t + CAPTURE_S]
        for m in sorted(s.capture, key=_MOD_INDEX.get):
            side, due = s.capture[m]
            if due <= t:
                del s.capture[m]
                s.holder[_MOD_INDEX[m]] = side
                s.stats["captures"] += 1
                self._emit("captured", f"{SIDE_TITLE[side]} took "
                           f"{st.MODULE_NAME[m]}", module=m, side=side)
        # seize: both command-and-control modules held, no free enemy inside
        a, b = st.CONTROL_MODULES
        side = s.holder[_MOD_INDEX[a]]
        holding = side if side == s.holder[_MOD_INDEX[b]] else ""
        if holding:
            enemy_bit = 2 if holding == "us" else 1
            if present.get(a, 0) & enemy_bit or present.get(b, 0) & enemy_bit:
                holding = ""
        if holding and s.seize_side != holding:
            s.seize_side, s.seize_due = holding, t + SEIZE_S
            self._emit("seize_started", f"{SIDE_TITLE[holding]} hold Destiny and "
                       "Zvezda: the station is theirs in 10 minutes", side=holding,
                       due=s.seize_due)
        elif not holding and s.seize_side:
            self._emit("seize_broken", "Command and control is contested again",
                       side=s.seize_side)
            s.seize_side, s.seize_due = "", -1
        if s.seize_side and s.seize_due <= t:
            side = s.seize_side
            self._end(f"{side}_control", f"{SIDE_TITLE[side]} seized the station: "
                      "they hold Destiny and Zvezda, command and control of the whole ISS")

    def _end(self, ending: str, text: str) -> None:
        s = self._s
        if s.ending:
            return
        self._settle_o2()
        s.ending, s.ending_text = ending, text
        for c in s.crew:
            if c.task != "idle":
                self._idle(c)
        s.capture.clear()
        s.seize_due = s.truce_due = s.debris_deadline = -1
        self._emit("ended", text, ending=ending)

    # ---- views -------------------------------------------------------------------------------

    def summary(self) -> dict:
        """What happened, for the end screen and ``iss-game sim --json``."""
        s = self._s
        held = {side: sorted(m for m in st.MODULE_IDS if st.SEGMENT[m] != "vehicle"
                             and s.holder[_MOD_INDEX[m]] == side) for side in SIDES}
        return {
            "ending": s.ending, "text": s.ending_text, "ticks": s.tick,
            "mission_time": f"{s.tick // 3600:d}:{s.tick // 60 % 60:02d}:{s.tick % 60:02d}",
            "act": s.act, "trust": s.trust, "oxygen_reserve_s": self.oxygen_reserve_s,
            "modules_held": {k: len(v) for k, v in held.items()},
            "control_modules": {m: s.holder[_MOD_INDEX[m]] for m in st.CONTROL_MODULES},
            "orders": dict(s.order_tick), "silenced": dict(sorted(s.silenced.items())),
            "strikes": s.strike_idx,
            "crew": [{"id": c.id, "name": c.name, "side": c.side, "module": c.module,
                      "stress": c.stress, "restrained": c.restrained, "gone": c.gone}
                     for c in s.crew],
            "stats": dict(s.stats),
        }

    def _view(self) -> StateView:
        s, su = self._s, self.setup
        inside: dict[str, list[str]] = {}
        for c in s.crew:
            if not c.gone:
                inside.setdefault(c.module, []).append(c.id)
        modules = tuple(
            ModuleView(m, st.MODULE_NAME[m], st.SEGMENT[m], s.holder[i],
                       s.capture.get(m, ["", -1])[0], s.capture.get(m, ["", -1])[1],
                       tuple(inside.get(m, ())))
            for i, m in enumerate(st.MODULE_IDS))
        hatches = tuple(HatchView(h, *st.HATCH_ENDS[h], s.hatch_open[i], s.sealed_from[i])
                        for i, h in enumerate(st.HATCH_IDS))
        crew = tuple(CrewView(c.id, c.name, c.side, c.agency, c.module, c.task, c.target, c.due,
                              c.route, c.stress, stress_limit(c.loyalty), c.loyalty,
                              c.restrained, c.gone, c.lean_us, c.lean_ru, c.witnessed)
                     for c in s.crew)
        systems = tuple(SystemView(sid, st.SYSTEM_MODULE[sid], st.SYSTEM_NAME[sid],
                                   s.sys_on[i], self._working(sid))
                        for i, sid in enumerate(st.SYSTEM_IDS))
        return StateView(
            tick=s.tick, mission_s=s.tick, unix_s=float(su.timeline.start_unix_s) + s.tick,
            act=s.act, modules=modules, hatches=hatches, crew=crew, systems=systems,
            trust=s.trust, truce_due=s.truce_due, seize_side=s.seize_side, seize_due=s.seize_due,
            oxygen_generating=self._o2_generating(), oxygen_reserve_s=self.oxygen_reserve_s,
            power_low=s.power_low, orders=dict(s.order_tick),
            may_act={side: self.may_act(side) for side in SIDES},
            silenced=dict(s.silenced), debris_deadline=s.debris_deadline,
            strikes=su.war.strikes[:s.strike_idx], ended=bool(s.ending), ending=s.ending,
            ending_text=s.ending_text)
