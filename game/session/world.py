"""The live game behind the play screen (its ``world``), without pygame.

:class:`SimWorld` builds the game from a :class:`~game.session.setup.GameSetup` the same
way ``iss-game sim`` does (:func:`game.newgame.setup_game`: same seed, same orbit, same
start -> the same game), then only ever

- advances it by whole ticks as mission time passes (``advance``: one tick = one mission
  second; the AI controllers of AI sides get their say at their wake ticks, exactly as in
  :func:`game.sim.runner.play`),
- submits commands (``submit``: the player's clicks and the AI's decisions are the same
  Command objects), and
- reads ``game.state`` for the screens.

It never touches simulation state otherwise. For the 3D view it provides the strikes of
the sim's war schedule as flashes and the module tints by holder, in the one palette of
the game (:data:`game.session.palette.PALETTE`). Events go to a message log
(:class:`game.session.log.Log`) and to listeners (sound). Every windowed game is recorded
(issue 5): :func:`open_recorder` opens a ``game.replay`` Recorder in the user's replays
folder, attached to the game (accepted commands), checkpointed after every step
(checksums), finished with the result. Headless games (screenshots, tests, benches) are
not recorded (``record=False``; ``iss-game sim --record FILE`` is the explicit way to
record one), and a game left before it started (no mission second passed, or no command
accepted) leaves no file behind: :meth:`close` deletes it, so the Replays browser never
fills with empty "unfinished 0:00" rows.

A user folder that cannot be written (read-only, full, ``ISS_GAME_HOME`` under a file)
never stops a game: it plays on unrecorded, and the log, the HUD (:attr:`warnings`), the
end screen (:meth:`record_line`) and stderr say why, once. So does a disk that fills up
mid-game (the recorder's ``error``, checked after every advance). The HUD also keeps the
old-element-set warning (``game.orbit.api.epoch_warning`` over the game's whole span).
"""

from __future__ import annotations

import math
import sys
from collections import deque
from pathlib import Path

import numpy as np

from game.errors import UserError
from game.facts.ground import GROUND_STATIONS
from game.facts.ground import MISSION_CONTROL as _MISSION_CONTROL
from game.orbit.api import epoch_warning
from game.replay.api import Recorder, auto_replay_path
from game.session.log import Log
from game.session.pacing import BRAKE, PRIVATE, Pacer
from game.session.palette import (
    LOG_NOTE,
    LOG_ORDER,
    LOG_REFUSED,
    LOG_START,
    LOG_WARNING,
    PALETTE,
    event_colour,
    module_colour,
)
from game.session.wording import SIDE_LABEL, describe, refusal_words
from game.sim.api import AI, play

MISSION_CONTROL = {side: (sid, GROUND_STATIONS[sid].short)
                   for side, sid in _MISSION_CONTROL.items()}
CHECKSUM_EVERY = 600  # ticks between recorded state checksums


def _short(exc: UserError) -> str:
    """A user error's message for the HUD: without where it happened (the log and the end
    screen say it) and without the advice after ";"."""
    text = str(exc)
    if exc.where and text.startswith(f"{exc.where}: "):
        text = text[len(exc.where) + 2:]
    return text.split(";")[0]


def _run_ends(idx: np.ndarray) -> np.ndarray:
    """For sorted sample indices, the last index of the unbroken run each one is in."""
    if len(idx) == 0:
        return idx.copy()
    last_of_run = np.flatnonzero(np.diff(idx) != 1)  # positions where a run ends
    ends = np.append(idx[last_of_run], idx[-1])
    run_no = np.concatenate([[0], np.cumsum(np.diff(idx) != 1)])
    return ends[run_no]


def open_recorder(setup, game):
    """A recorder for this game in the user's replays folder, attached to the game (it
    logs every accepted command). A :class:`~game.errors.UserFolderError` if the folder
    cannot be made or written, a :class:`~game.errors.ReplayError` if the file cannot."""
    return Recorder.for_game(auto_replay_path(setup), game, orbit=setup.orbit,
                             sides={"us": setup.us, "ru": setup.ru},
                             difficulty=setup.difficulty, warp=setup.warp)


class SimWorld:
    """A live game for the play screen (see the module docstring)."""

    def __init__(self, setup, *, record: bool = True, game=None):
        from game.newgame import setup_game

        self.setup = setup
        orbit = setup.orbit
        self.start_unix_s = setup.start_unix_s
        self.game = game or setup_game(orbit, seed=setup.seed, scenario=setup.scenario,
                                       start_unix_s=self.start_unix_s, warp=setup.warp)
        self.sides = {"us": setup.us, "ru": setup.ru}
        self.controllers = {side: AI(side, setup.seed, setup.difficulty)
                            for side, who in self.sides.items() if who == "ai"}
        self.humans = [s for s in ("us", "ru") if self.sides[s] == "human"]
        self.commanding: str | None = self.humans[0] if self.humans else None
        #: The session's fractional mission clock, for rendering between ticks only: the
        #: game's ``tick`` is the truth (``tick <= mission_s < tick + 1`` while it runs,
        #: ``mission_s == tick`` once it has ended).
        self.mission_s = 0.0
        self.log = Log()
        self.listeners: list = []  # fn(event) for sound and screens
        self.refusals: deque[tuple[str, float]] = deque(maxlen=4)  # (reason, real time left)
        self._tints: dict = {}
        self._tints_key = None
        strikes = self.game.setup.war.strikes
        self._flashes = np.array(
            [(k.lat, k.lon, k.unix_s, 0.45 + 0.35 * k.magnitude) for k in strikes],
            dtype=np.float64).reshape(-1, 4)
        tl = self.game.setup.timeline
        self._in_view = {sid: np.flatnonzero(np.asarray(tl.station_in_view[sid], dtype=bool))
                         for sid, _n in MISSION_CONTROL.values() if sid in tl.station_in_view}
        # for each in-view sample, the last sample of its pass (asked twice a frame)
        self._pass_end = {sid: _run_ends(idx) for sid, idx in self._in_view.items()}
        self._step_s = float(tl.step_s)
        self.summary: dict | None = None
        self._brake = False
        self.recorder = None
        self.record_path = ""
        #: Why this game is not (fully) recorded, one line (None: it is, or it was never
        #: meant to be); ``record_short`` is its HUD form.
        self.record_error: str | None = None
        self.record_short: str | None = None
        #: The old-element-set warning over the game's whole span (None: none needed).
        self.epoch_warning = epoch_warning(orbit, self.start_unix_s,
                                           self.start_unix_s + self.game.max_ticks)
        self.commands_accepted = 0  # any side's, the AI's too: a game with none is empty
        self.game.add_listener(self._count_command)
        if record:
            self.start_recording()
        self.pacer = Pacer(self.commanding)
        self.refusal_repeats: dict[str, int] = {}  # reason -> times in a row (toasts)
        self.log.add(0, f"Mission start: {self.who_plays()}; seed {setup.seed}, "
                        f"{setup.scenario}.", LOG_START)
        self.log.add(0, "Routine: the crew work together. Orders come only over your "
                        "mission control.", LOG_NOTE)
        if self.epoch_warning:
            self.log.add(0, self.epoch_warning.replace("warning: ", "Old element set: ", 1),
                         LOG_WARNING)

    def who_plays(self) -> str:
        """Who commands which side, in words (the log's first line, the end screen)."""
        s = self.setup
        ai = f"the AI ({s.difficulty})"
        if s.us == "human" and s.ru == "human":
            return "hot-seat, USA and Russia both played here"
        if s.us == "ai" and s.ru == "ai":
            return f"watched: the AI ({s.difficulty}) on both sides"
        mine = "USA" if s.us == "human" else "Russia"
        theirs = "Russia" if mine == "USA" else "USA"
        return f"you command {mine}, {ai} commands {theirs}"

    # -- recording ----------------------------------------------------------------------
    def _count_command(self, _tick: int, _cmd) -> None:
        self.commands_accepted += 1

    def start_recording(self) -> None:
        """Open the replay file (once); the game screen calls it when a windowed game
        starts. A folder or file that cannot be written never stops the game: the game
        plays on unrecorded and says why (:attr:`record_error`)."""
        if self.recorder is not None or self.record_path or self.record_error:
            return
        try:
            self.recorder = open_recorder(self.setup, self.game)
        except UserError as exc:  # UserFolderError (the folder), ReplayError (the file)
            self._record_problem(f"Not recording: {exc}", _short(exc))
            return
        self.record_path = str(self.recorder.path)
        self._ck_every = int(self.recorder.checksum_every or CHECKSUM_EVERY)

    def _check_recorder(self) -> None:
        """After each advance: a recorder that stopped (a full disk) is said at once."""
        rec = self.recorder
        if rec is not None and rec.error and self.record_error is None:
            self._record_problem(f"Not fully recorded: {rec.error} ({self.record_path})",
                                 rec.error.split(";")[0])

    def _record_problem(self, text: str, short: str) -> None:
        """Say once, in the log, on the HUD (:attr:`warnings`) and on stderr, why the game
        is not (fully) recorded."""
        if self.record_error is not None:
            return
        self.record_error, self.record_short = text, short
        self.log.add(self.game.tick, text, LOG_WARNING)
        print(f"iss-game: warning: {text}", file=sys.stderr)

    def _finish_recording(self) -> None:
        rec, self.recorder = self.recorder, None
        if rec is not None:
            error = rec.finish(self.game)
            if error and self.record_error is None:
                self._record_problem(f"Not fully recorded: {error} ({self.record_path})",
                                     error.split(";")[0])

    def record_line(self) -> str:
        """Where this game's replay is, in one line, for the end screen: "Recorded to
        PATH" only when every line reached the disk; else why not."""
        if self.record_error:
            return self.record_error
        if self.record_path:
            return (f"Recording to {self.record_path}" if self.recorder is not None
                    else f"Recorded to {self.record_path}")
        return "Not recorded (headless games are not saved)"

    @property
    def warnings(self) -> list[str]:
        """What the HUD keeps on screen, short: the old element set, a replay that is not
        being written."""
        out = []
        if self.epoch_warning:
            out.append(self.epoch_warning.split(";")[0].replace("warning: ", "Old element "
                                                                "set: ", 1))
        if self.record_short:
            out.append(f"NOT RECORDING: {self.record_short}")
        return out

    @property
    def empty(self) -> bool:
        """Nothing worth a replay: not ended, and no mission second or no command yet."""
        g = self.game
        return not g.ended and (g.tick == 0 or self.commands_accepted == 0)

    def close(self) -> None:
        """Leaving the game (quit, new game, title): write the result and close the file;
        a game left before it started is not kept (the file is deleted)."""
        rec = self.recorder
        if rec is not None and self.empty:
            self.recorder = None
            rec.close()
            try:
                Path(rec.path).unlink(missing_ok=True)
            except OSError:  # a folder that went read-only: an empty file stays behind
                pass
            self.record_path = ""
            return
        self._finish_recording()

    # -- the PlayScreen world seam ---------------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.game.ended

    def advance(self, mission_dt_s: float, *, brake: bool = False) -> None:
        """Let ``mission_dt_s`` of mission time pass. ``brake``: stop early, dropping the
        rest, at an event that must change the pace (a restraint begins)."""
        g = self.game
        if g.ended:
            self.mission_s = float(g.tick)  # the clock stops where the game did
            return
        self.mission_s += mission_dt_s
        target = min(int(math.floor(self.mission_s + 1e-9)), g.max_ticks)
        rec = self.recorder
        while g.tick < target and not g.ended:
            # The same loop as `iss-game sim`, in pieces that end where a controller may
            # decide: an event that must change the pace (a restraint begins: a command
            # submitted) stops the frame there, and the rest of its mission time is not
            # spent (game.session.pacing).
            wakes = [c.wake for c in self.controllers.values()] if brake else []
            until = g.tick + 1 if any(w <= g.tick for w in wakes) else \
                min([target, *wakes])
            self._brake = False
            play(g, self.controllers, until=until, on_events=self._on_events,
                 checksum_every=self._ck_every if rec is not None else 0,
                 on_checksum=rec.on_checksum if rec is not None else None)
            self._check_recorder()
            if self._brake and brake:
                self.mission_s = float(g.tick)
                break
        if g.ended:
            self.mission_s = float(g.tick)  # the clock stops where the game did
        if g.ended and self.summary is None:
            self.summary = g.summary()
            self._finish_recording()

    def flashes(self) -> np.ndarray:
        return self._flashes

    def module_tints(self) -> dict[str, tuple[int, int, int]]:
        st = self.state
        key = tuple((m.holder, self.module_status(m)) for m in st.modules)
        if key != self._tints_key:
            self._tints_key = key
            self._tints = {m.id: module_colour(m.holder, self.module_status(m))
                           for m in st.modules}
        return self._tints

    # -- commands --------------------------------------------------------------------------
    def submit(self, cmd):
        """Submit a player's command; a refusal is logged and kept for the toast."""
        res = self.game.submit(cmd)
        name = self._name(getattr(cmd, "crew", ""))
        side = getattr(cmd, "side", None)
        if res.ok:
            self.log.add(self.game.tick, f"{name}: {describe(cmd, self._name)}", LOG_ORDER,
                         "order", side=side)
        else:
            self.refuse(res.reason, side=side)
        for fn in tuple(self.listeners):
            fn(("accepted" if res.ok else "refused", cmd))
        return res

    def refuse(self, reason: str, *, side: str | None = None, seconds: float = 5.0) -> None:
        """A refusal: in the log (the side's own), and as a toast; the same reason again
        refreshes its toast and counts it ("x3") instead of stacking another."""
        reason = refusal_words(reason)
        self.log.add(self.game.tick, f"Refused - {reason}", LOG_REFUSED, "refused",
                     side=side if side is not None else self.commanding)
        n = 1
        for i, (r, _left) in enumerate(self.refusals):
            if r == reason:
                del self.refusals[i]
                n = self.refusal_repeats.get(reason, 1) + 1
                break
        self.refusal_repeats[reason] = n
        self.refusals.append((reason, seconds))

    def drain(self, commands: list) -> list:
        """Submit (and empty) the screens' command queue; return the results."""
        out = [self.submit(c) for c in commands]
        commands.clear()
        return out

    def _name(self, cid: str) -> str:
        c = self.game.state.crew_by_id(cid)
        return c.name if c is not None else cid

    def switch_side(self) -> str | None:
        """Hot-seat: hand command to the other human side (if both are human)."""
        if len(self.humans) == 2:
            self.commanding = "ru" if self.commanding == "us" else "us"
            self.pacer.side = self.commanding
            self.refusals.clear()
            self.log.add(self.game.tick, f"{SIDE_LABEL[self.commanding]} now commands "
                         "(hot-seat)", PALETTE[self.commanding])
        return self.commanding

    # -- reading ---------------------------------------------------------------------------
    @property
    def state(self):
        """What the player sees: the commanding side's view while one human plays (the
        other side's order is secret until learned), everything when watching AIs or
        once the game has ended. The game caches its views: this costs nothing."""
        g = self.game
        if self.commanding is not None and not g.ended:
            return g.view_for(self.commanding)
        return g.state

    def invalidate(self) -> None:
        """Kept for callers that restored a snapshot: the game's own views follow it."""

    def module_status(self, m) -> str:
        """"contested" while a capture runs or both sides' free crew are inside."""
        if m.capturing:
            return "contested"
        sides = set()
        view = self.state
        for cid in m.crew:
            c = view.crew_by_id(cid)
            if c is not None and c.free and c.side in ("us", "ru"):
                sides.add(c.side)
        return "contested" if len(sides) == 2 else ""

    def next_window(self, side: str) -> tuple[str, int]:
        """("in view"|"next"|"silent"|"none", mission seconds) for a side's mission control."""
        sid, _name = MISSION_CONTROL[side]
        st = self.state
        if sid in st.silenced:
            return "silent", int(st.silenced[sid])
        idx = self._in_view.get(sid)
        if idx is None or len(idx) == 0:
            return "none", -1
        i = int(self.game.tick / self._step_s)
        k = int(np.searchsorted(idx, i))
        if k >= len(idx):
            return "none", -1
        if idx[k] == i:
            return "in view", int((self._pass_end[sid][k] - i + 1) * self._step_s)
        return "next", int((idx[k] - i) * self._step_s)

    # -- events ----------------------------------------------------------------------------
    def log_events(self, events) -> None:
        """Log ``events`` and tell the listeners as if they had just happened: the replay
        screen rebuilds its log from the replay's events so."""
        self._on_events(events)

    def _on_events(self, events) -> None:
        for ev in events:
            if ev.kind in BRAKE:
                self._brake = True
            # an order, a pass, the ground's intelligence: that side's secret
            private = ev.data.get("side") if ev.kind in PRIVATE else None
            self.log.add(ev.tick, ev.text, event_colour(ev), ev.kind, side=private)
            for fn in tuple(self.listeners):
                fn(("event", ev))
