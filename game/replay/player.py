"""Playing a replay back: play/pause, speed, seek, step, jump to the next event.

Pure (no pygame): the replay screen draws ``player.game.state``; tests and the bench
drive it directly.

On load the player plays the whole replay once, headless (a 30-minute game takes well
under a second), and keeps along the way

* a snapshot every ``snapshot_every`` ticks (``Game.snapshot()`` plus the position in
  the command list), so :meth:`ReplayPlayer.seek` restores the nearest earlier one and
  re-simulates at most that many ticks forward;
* every event the game emitted (for the timeline's markers and "next event");
* the first desync, if the file's checksums or commands do not match the re-simulation.

"The state at tick T" means: the game stepped to T, with the commands logged at T not
yet submitted (they go in as play continues). That is the state a checksum at T was
taken of, and seeking to T lands on exactly the state playing straight to T reaches.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from game.replay.reader import Replay

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
MIN_SPEED, MAX_SPEED = SPEEDS[0], SPEEDS[-1]
DEFAULT_SNAPSHOT_EVERY = 600
#: Events worth a marker on the timeline and a stop for "next event".
NOTABLE_KINDS = ("order_received", "captured", "flash", "restrained", "station_silenced",
                 "act", "seize_started", "truce_started", "left", "ended")


@dataclass(frozen=True)
class Desync:
    """The first place the re-simulation parted from the file."""

    tick: int
    line: int
    message: str  # one line, e.g. "desync at tick 1200: expected ab.., got cd.."
    expected: str = ""
    got: str = ""


class Cursor:
    """A game plus its position in the replay's entry list."""

    def __init__(self, replay: Replay, game):
        self.entries = replay.entries
        self.ticks = [e.t for e in replay.entries]
        self.game = game
        self.index = 0

    def apply_next(self, *, check: bool = False, events: list | None = None) -> Desync | None:
        """Step to the next entry's tick and apply it (submit its command, or compare its
        checksum when ``check``); return the desync it shows, if any."""
        g = self.game
        e = self.entries[self.index]
        self.index += 1
        if g.tick < e.t:
            out = g.run_until(e.t)
            if events is not None:
                events.extend(out)
        if e.cmd is not None:
            res = g.submit(e.cmd)
            if check and not res.ok:
                return Desync(e.t, e.line, f"desync at tick {e.t}: line {e.line}: the game "
                              f"refuses the command ({res.reason})")
        elif check:
            got = g.checksum() if g.tick == e.t else f"(game ended at tick {g.tick})"
            if got != e.checksum:
                return Desync(e.t, e.line, f"desync at tick {e.t}: expected {e.checksum}, "
                              f"got {got}", e.checksum, got)
            if e.log != e.log_actual:
                return Desync(e.t, e.line, f"desync at tick {e.t}: the commands before line "
                              f"{e.line} are not the ones recorded (command log expected "
                              f"{e.log}, got {e.log_actual})", e.log, e.log_actual)
        return None

    def advance_to(self, target: int, *, inclusive: bool = False, check: bool = False,
                   events: list | None = None) -> Desync | None:
        """Step to ``target``, applying the entries logged before it (at it too, if
        ``inclusive``). With ``check``, stop at the first desync and return it."""
        end = (bisect.bisect_right if inclusive else bisect.bisect_left)(self.ticks, target)
        while self.index < end:
            d = self.apply_next(check=check, events=events)
            if d is not None:
                return d
        g = self.game
        if g.tick < target:
            out = g.run_until(target)
            if events is not None:
                events.extend(out)
        return None


class ReplayPlayer:
    """Playback of one checked :class:`Replay` (see the module docstring)."""

    def __init__(self, replay: Replay, *, snapshot_every: int = DEFAULT_SNAPSHOT_EVERY,
                 speed: float = 1.0):
        self.replay = replay
        self.snapshot_every = max(1, int(snapshot_every))
        self.warp = float(replay.warp)
        self.playing = False
        self.speed = clamp_speed(speed)
        self.desync: Desync | None = None
        self._cur = Cursor(replay, replay.new_game())
        self.events: list = []
        self._snaps: list[tuple[int, int, dict]] = []
        self._build()
        self._snap_ticks = [s[0] for s in self._snaps]
        self._event_ticks = [e.tick for e in self.events]
        self._pos = 0.0
        self._restore(0)

    # ---- loading ---------------------------------------------------------------------

    def _build(self) -> None:
        cur, g = self._cur, self._cur.game
        end = self.replay.last_tick
        k = self.snapshot_every
        t = 0
        while True:
            self._snaps.append((g.tick, cur.index, g.snapshot()))
            if t >= end or g.ended:
                break
            t = min(t + k, end)
            d = cur.advance_to(t, check=self.desync is None, events=self.events)
            if d is not None and self.desync is None:
                self.desync = d
                cur.advance_to(t, events=self.events)  # carry on: still watchable
            if g.tick < t:  # ended early
                break
        d = cur.advance_to(end, inclusive=True, check=self.desync is None, events=self.events)
        self.desync = self.desync or d
        res = self.replay.result
        if self.desync is None and res is not None:
            self.desync = check_result(g, res, self.replay.result_line)
        self.end_tick = g.tick  # == end, unless a tampered game ended sooner

    def _restore(self, i: int) -> None:
        tick, index, snap = self._snaps[i]
        self._cur.game.restore(snap)
        self._cur.index = index
        self._pos = float(tick)

    # ---- reading ---------------------------------------------------------------------

    @property
    def game(self):
        """The live game at the current tick (read it, never change it)."""
        return self._cur.game

    @property
    def tick(self) -> int:
        return self._cur.game.tick

    @property
    def position(self) -> float:
        """Mission seconds, fractional between ticks while playing (for smooth drawing)."""
        return max(float(self.tick), min(self._pos, float(self.tick) + 1.0))

    @property
    def snapshot_count(self) -> int:
        return len(self._snaps)

    @property
    def at_end(self) -> bool:
        return self.tick >= self.end_tick

    def events_between(self, t0: int, t1: int, kinds=None) -> list:
        """Events with ``t0 < tick <= t1`` (optionally of ``kinds``)."""
        lo = bisect.bisect_right(self._event_ticks, t0)
        hi = bisect.bisect_right(self._event_ticks, t1)
        out = self.events[lo:hi]
        return [e for e in out if e.kind in kinds] if kinds else out

    def markers(self, kinds=NOTABLE_KINDS) -> list:
        """Events worth a mark on the timeline."""
        return [e for e in self.events if e.kind in kinds]

    # ---- controls --------------------------------------------------------------------

    def play(self) -> None:
        if self.at_end:
            self.seek(0)
        self.playing = True

    def pause(self) -> None:
        self.playing = False

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, speed: float) -> float:
        self.speed = clamp_speed(speed)
        return self.speed

    def faster(self) -> float:
        return self.set_speed(next((s for s in SPEEDS if s > self.speed), MAX_SPEED))

    def slower(self) -> float:
        return self.set_speed(next((s for s in reversed(SPEEDS) if s < self.speed), MIN_SPEED))

    def update(self, real_dt_s: float) -> list:
        """Advance by ``real_dt_s`` seconds of real time at warp x speed when playing;
        return the events that happened on the way."""
        if not self.playing:
            return []
        self._pos += float(real_dt_s) * self.warp * self.speed
        target = min(int(self._pos), self.end_tick)
        events: list = []
        if target > self.tick:
            self._cur.advance_to(target, events=events)
        if self.tick >= self.end_tick:
            self._pos = float(self.tick)
            self.playing = False
        return events

    def seek(self, tick: float) -> int:
        """Go to ``tick`` (clamped to the replay): restore the nearest earlier snapshot
        and re-simulate forward, or just play forward if that is nearer."""
        target = int(min(max(0, int(tick)), self.end_tick))
        i = bisect.bisect_right(self._snap_ticks, target) - 1
        if not (self._snaps[i][0] <= self.tick <= target):
            self._restore(i)
        self._cur.advance_to(target)
        self._pos = float(self.tick)
        return self.tick

    def step(self, n: int = 1) -> int:
        """Step ``n`` ticks forward (or back if negative); pauses."""
        self.playing = False
        return self.seek(self.tick + int(n))

    def next_event(self, kinds=NOTABLE_KINDS):
        """Seek to the next event (of ``kinds``) after the current tick; return it or None."""
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        i = bisect.bisect_right(self._event_ticks, self.tick)
        for e in self.events[i:]:
            if not kinds or e.kind in kinds:
                self.seek(e.tick)
                return e
        return None

    def prev_event(self, kinds=NOTABLE_KINDS):
        """Seek to the last event (of ``kinds``) before the current tick; return it or None."""
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        i = bisect.bisect_left(self._event_ticks, self.tick)
        for e in reversed(self.events[:i]):
            if not kinds or e.kind in kinds:
                self.seek(e.tick)
                return e
        return None


def clamp_speed(speed: float) -> float:
    try:
        s = float(speed)
    except (TypeError, ValueError):  # not a number (the command line checks first): 1x
        return 1.0
    if s != s:
        return 1.0
    return min(max(s, MIN_SPEED), MAX_SPEED)


def check_result(game, res: dict, line: int) -> Desync | None:
    """The desync, if the re-simulated ``game`` does not end as the result line says."""
    if game.tick != res["ticks"] or (game.ending or "") != res["ending"]:
        return Desync(res["ticks"], line, f"desync at tick {res['ticks']}: line {line}: the "
                      f"file says the game ended '{res['ending'] or 'unfinished'}' at tick "
                      f"{res['ticks']}, the re-simulation '{game.ending or 'unfinished'}' "
                      f"at tick {game.tick}")
    if res.get("log_actual", res["log"]) != res["log"]:
        return Desync(res["ticks"], line, f"desync at tick {res['ticks']}: line {line}: the "
                      f"commands are not the ones recorded (command log expected "
                      f"{res['log']}, got {res.get('log_actual')})", res["log"],
                      str(res.get("log_actual")))
    got = game.checksum() if res["checksum"] else ""
    if got != res["checksum"]:
        return Desync(res["ticks"], line, f"desync at tick {res['ticks']}: expected "
                      f"{res['checksum']}, got {got}", res["checksum"], got)
    return None
