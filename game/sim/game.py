"""One game: the public surface of the rules (submit commands, step time, read views).

The rules are split by topic, each a mixin of :class:`Game` in its own file:

- ``tasks.py``: every command, checked, started and completed (a new command touches
  only ``commands.py``, ``tasks.py`` and ``tuning.py``);
- ``control.py``: who holds which module, seizing the station, the truce;
- ``world.py``: time and the world: the war, orders and passes, life support, debris,
  what moves stress and loyalty;
- ``views.py``: the read-only snapshot the UI and bots read, and the end summary.

The game is event driven: between two *due* ticks (a hop ends, a task completes, a
timer runs out, a strike, a pass) nothing can change, so ``step`` jumps straight from
one to the next. A 54,000-tick game costs a few thousand cheap updates.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from dataclasses import dataclass

from game.sim import station as st
from game.sim import tuning as tn
from game.sim.control import ControlMixin
from game.sim.crew import pair_index
from game.sim.events import Event, Result
from game.sim.state import LEDGER_SIZE, SIDES
from game.sim.tasks import TasksMixin
from game.sim.views import Refusal, ViewsMixin
from game.sim.world import WorldMixin

NEVER = 1 << 62
ENDINGS = ("us_control", "ru_control", "truce", "evacuation_us", "evacuation_ru",
           "together", "station_lost", "stalemate")
#: ending -> the side that won it (None: nobody did)
WINNER = {"us_control": "us", "ru_control": "ru", "evacuation_us": "ru",
          "evacuation_ru": "us", "truce": None, "together": None, "station_lost": None,
          "stalemate": None, "": None}
OTHER = {"us": "ru", "ru": "us"}
HATCH_INDEX = {h: i for i, h in enumerate(st.HATCH_IDS)}
SYS_INDEX = {s: i for i, s in enumerate(st.SYSTEM_IDS)}
MOD_INDEX = st.MODULE_INDEX


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
    contacts: dict  # ground station id -> tuple of pass-start ticks before it falls silent
    digest: str  # of all of the above: part of every checksum


class Game(TasksMixin, ControlMixin, WorldMixin, ViewsMixin):
    """One game: submit commands, step time, read ``state``; see game.sim.api."""

    def __init__(self, setup: Setup, state):
        self.setup = setup
        self._s = state
        self._crew = {c.id: c for c in state.crew}
        self._crew_index = {c.id: i for i, c in enumerate(state.crew)}
        self._events: list[Event] = []
        self._listeners: list = []
        self._due_cache = -1
        self._version = 0  # bumps whenever the state changes (views are cached by it)
        self._view_cache = None
        self._side_cache: dict = {}
        self._parts: dict = {}  # the parts views are built from (game.sim.views)
        self.refusals: deque[Refusal] = deque(maxlen=16)  # not state: refused commands
        self.refusal_counts = {"stress": 0, "bond": 0, "other": 0}

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

    @property
    def winner(self) -> str | None:
        """"us", "ru" or None (no ending yet, or one nobody won)."""
        return WINNER.get(self._s.ending)

    @property
    def max_ticks(self) -> int:
        return self.setup.max_ticks

    @property
    def version(self) -> int:
        """Bumps whenever anything in the game changes (time alone does not count)."""
        return self._version

    def add_listener(self, fn) -> None:
        """``fn(tick, cmd)`` is called for every *accepted* command (the recording hook)."""
        self._listeners.append(fn)

    def remove_listener(self, fn) -> None:
        self._listeners.remove(fn)

    def submit(self, cmd) -> Result:
        """Validate ``cmd`` against the current state; apply and log it, or refuse it."""
        reason = self._check(cmd)
        if reason:
            self._refused(cmd, reason)
            return Result(False, reason)
        self._start(cmd)
        self._s.stats["commands_" + cmd.side] += 1
        self._changed()
        for fn in tuple(self._listeners):
            fn(self._s.tick, cmd)
        return Result(True, "")

    def step(self, n: int = 1) -> list[Event]:
        """Advance ``n`` ticks (less if the game ends); return the events that happened."""
        if n < 0:
            raise ValueError("n must be >= 0")
        s = self._s
        target = s.tick + n
        # Events a submitted command emitted (a restraint begins, a truce broken by it)
        # come out with this step, first: they happened at the tick it was submitted.
        self._events = out = self._events
        while not s.ending and s.tick < target:
            due = self._next_due()
            if due > target:
                s.tick = target
                break
            s.tick = max(due, s.tick + 1) if due <= s.tick else due
            self._process(s.tick)
            self._changed()
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
        self._changed()

    def may_act(self, side: str) -> bool:
        """May ``side`` use force anywhere (restrain, seal, cut)? Its order, or the dark."""
        s = self._s
        return s.order_tick.get(side, -1) >= 0 or s.act >= 3

    def may_defend(self, side: str) -> bool:
        """May ``side`` use force at least in its own segment: it may act, or it was
        attacked (or intruded upon) and defends itself."""
        return self.may_act(side) or self._s.attacked.get(side, False)

    @property
    def stats(self) -> dict:
        return dict(self._s.stats)

    @property
    def trust(self) -> int:
        return self._s.trust

    @property
    def act(self) -> int:
        return self._s.act

    @property
    def state(self):
        """The read-only :class:`~game.sim.views.StateView` (rebuilt only on change)."""
        return self._view()

    # ---- for the rules' mixins ---------------------------------------------------------

    def _changed(self) -> None:
        self._due_cache = -1
        self._version += 1

    def _emit(self, kind: str, text: str, **data) -> None:
        self._events.append(Event(self._s.tick, kind, text, data))

    def _refused(self, cmd, reason: str) -> None:
        kind = getattr(type(cmd), "kind", "?")
        self.refusals.append(Refusal(self._s.tick, str(getattr(cmd, "side", "")),
                                     str(getattr(cmd, "crew", "")), kind, reason))
        key = "stress" if " refuses: stress " in reason else \
            "bond" if " refuses: bonded " in reason else "other"
        self.refusal_counts[key] += 1
        self._version += 1  # views show the latest refusals

    def _trust(self, delta: int, reason: str) -> None:
        s = self._s
        new = max(0, min(100, s.trust + delta))
        if new == s.trust:
            return
        s.ledger.append([s.tick, new - s.trust, reason])
        del s.ledger[:-LEDGER_SIZE]
        s.trust = new

    def _stress(self, c, delta: int) -> None:
        c.stress = max(0, min(100, c.stress + delta))

    def _bond(self, a, b) -> int:
        n = len(self._s.crew)
        return self._s.bonds[pair_index(self._crew_index[a.id], self._crew_index[b.id], n)]

    def _add_bond(self, a, b, delta: int) -> None:
        n = len(self._s.crew)
        k = pair_index(self._crew_index[a.id], self._crew_index[b.id], n)
        self._s.bonds[k] = max(0, min(100, self._s.bonds[k] + delta))

    def _idle(self, c) -> None:
        c.task, c.target, c.route, c.due, c.odds, c.counted = "idle", "", (), 0, 0, (0, 0)

    def _enemies_in(self, module: str, side: str) -> bool:
        enemy = OTHER.get(side)
        return any(x.free and x.module == module and x.side == enemy for x in self._s.crew)

    def hatch_open(self, h: str) -> bool:
        return self._s.hatch_open[HATCH_INDEX[h]]

    def holder(self, module: str) -> str:
        return self._s.holder[MOD_INDEX[module]]

    def system_on(self, sys_id: str) -> bool:
        return self._s.sys_on[SYS_INDEX[sys_id]]

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
        self._emit("ended", text, ending=ending, winner=WINNER[ending])


__all__ = ["Game", "Setup", "ENDINGS", "WINNER", "NEVER", "SIDES", "tn"]
