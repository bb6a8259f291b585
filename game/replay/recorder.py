"""Writing a replay as the game is played: one flushed JSON line at a time.

For a windowed game (the game screens)::

    from game.replay.api import Recorder, auto_replay_path

    rec = Recorder.for_game(auto_replay_path(setup), game, orbit=setup.orbit,
                            sides={"us": setup.us, "ru": setup.ru},
                            difficulty=setup.difficulty, warp=setup.warp)
    # rec.attach(game) was done by for_game: every accepted command is logged
    ...each frame, after game.step(...):  rec.checkpoint(game)   # checksum every N ticks
    ...when the game ends or the player quits:  rec.finish(game)  # result line, close

``Recorder.create(path, seed=..., scenario=..., ...)`` takes the header fields directly
(see :func:`game.replay.format.make_header`); ``on_command(tick, cmd)``,
``on_checksum(tick, digest)`` and ``finish(summary_or_game)`` are the low-level writes;
``with Recorder.create(...) as rec:`` closes the file whatever happens (without a result
line if ``finish`` was not called: the replay then plays as a truncated one).

The recorder never raises into the game once the file is open: if the disk fills up,
recording stops (``rec.error`` says why) and the game goes on.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import stat
from pathlib import Path

from game.errors import ReplayError
from game.replay.format import (
    DEFAULT_CHECKSUM_EVERY,
    FILE_SUFFIX,
    command_line,
    encode_line,
    make_header,
)


class Recorder:
    """An open replay file. Build it with :meth:`create` or :meth:`for_game`."""

    def __init__(self, path: Path, fh, header: dict):
        self.path = Path(path)
        self.header = header
        self.checksum_every = int(header["checksum_every"])
        self.error: str | None = None
        self._reason = ""
        self.closed = False
        self.finished = False
        self._fh = fh
        self._game = None
        self._next_checksum = self.checksum_every
        self._last_checksum: tuple[int, str] | None = None
        self._log = hashlib.blake2b(digest_size=16)  # chain over every command line
        self._dirty = False  # a command was written after the last checksum
        self._tick = 0  # tick of the last line handed to _write_line
        self._last_good_tick = 0  # tick of the last line known written
        self._write(header)

    # ---- opening ---------------------------------------------------------------------

    @classmethod
    def create(cls, path, *, exclusive: bool = False, **header_fields) -> Recorder:
        """Open ``path`` for writing (replacing it unless ``exclusive``) and write the
        header built from ``header_fields`` (keyword arguments of ``make_header``).
        A file that cannot be opened is a :class:`ReplayError`."""
        header = make_header(**header_fields)
        p = Path(path)
        try:
            if stat.S_ISFIFO(os.stat(p).st_mode):  # opening it would wait for a reader
                raise ReplayError("is a pipe (FIFO); a replay is written to a file",
                                  where=str(p))
        except (OSError, ValueError):
            pass  # missing (to be made) or unusable: open() below says which
        try:
            fh = open(p, "x" if exclusive else "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise ReplayError(f"cannot write replay ({exc.strerror or exc})",
                              where=str(p)) from None
        except ValueError:  # a NUL in the name
            raise ReplayError("cannot write replay (not a usable file name)",
                              where=str(p)) from None
        rec = cls(p, fh, header)
        if rec.error:  # not even the header went down: leave no empty file behind
            rec.close()
            if p.is_file():
                try:
                    p.unlink()
                except OSError:  # a folder gone read-only: the empty file stays, the
                    pass  # ReplayError below still says why
            raise ReplayError(f"cannot write replay ({rec._reason})", where=str(p))
        return rec

    @classmethod
    def for_game(cls, path, game, *, orbit, sides: dict, difficulty: str, warp: float,
                 checksum_every: int = DEFAULT_CHECKSUM_EVERY, exclusive: bool = False,
                 attach: bool = True) -> Recorder:
        """A recorder for a fresh ``game`` (tick 0): seed, scenario, max_ticks and the
        timeline's start, step and length are read from the game itself, so the replay
        rebuilds exactly this game. Attaches to ``game`` unless ``attach=False``."""
        tl = game.setup.timeline
        rec = cls.create(path, exclusive=exclusive, seed=game.setup.seed,
                         scenario=game.setup.scenario, sides=sides, difficulty=difficulty,
                         orbit=orbit, start_unix_s=float(tl.start_unix_s), warp=warp,
                         max_ticks=game.max_ticks, timeline_step_s=float(tl.step_s),
                         timeline_samples=len(tl), checksum_every=checksum_every)
        if attach:
            rec.attach(game)
        return rec

    def attach(self, game) -> None:
        """Log every command ``game`` accepts from now on; :meth:`checkpoint` and
        :meth:`finish` may then be given the same game."""
        self._game = game
        game.add_listener(self.on_command)
        self._next_checksum = (game.tick // self.checksum_every + 1) * self.checksum_every

    # ---- writing ---------------------------------------------------------------------

    def on_command(self, tick: int, cmd) -> None:
        """An accepted command at ``tick`` (the ``Game.add_listener`` signature)."""
        line = command_line(tick, cmd)
        self._tick = int(tick)
        self._log.update(line.encode("ascii") + b"\n")
        self._dirty = True
        self._write_line(line)

    def on_checksum(self, tick: int, digest: str) -> None:
        """The game's checksum at ``tick`` (the ``runner.play(on_checksum=)`` signature)."""
        self._last_checksum = (int(tick), str(digest))
        self._tick = int(tick)
        self._dirty = False
        self._write({"t": int(tick), "checksum": str(digest), "log": self._log.hexdigest()})

    def checkpoint(self, game=None) -> None:
        """Call after stepping a live game: writes its checksum when it has reached the
        next multiple of ``checksum_every`` (or ended). Cheap when there is nothing due."""
        game = game or self._game
        if game is None:
            return
        if game.tick >= self._next_checksum or (game.ended and not self._checksummed(game)):
            self.on_checksum(game.tick, game.checksum())
            self._next_checksum = (game.tick // self.checksum_every + 1) * self.checksum_every

    def _checksummed(self, game) -> bool:
        return (self._last_checksum is not None and self._last_checksum[0] == game.tick
                and not self._dirty)

    @property
    def ok(self) -> bool:
        """Every line so far is on disk."""
        return self.error is None

    def finish(self, summary=None) -> str | None:
        """Write the result line and close. ``summary``: the game (its checksum is taken
        now), a ``Game.summary()`` dict (the last checksum written is used), or None for
        the attached game. Returns :attr:`error`: None when the whole replay was
        written, else the one-line reason it was not."""
        if self.closed or self.finished:
            return self.error
        game = summary if summary is not None and hasattr(summary, "summary") else None
        if summary is None:
            game = self._game
        if game is not None:
            if not self._checksummed(game):
                self.on_checksum(game.tick, game.checksum())
            summary = game.summary()
        summary = dict(summary or {})
        last = self._last_checksum
        ticks = int(summary.get("ticks", last[0] if last else 0))
        result = {"ending": str(summary.get("ending") or ""), "ticks": ticks,
                  "checksum": last[1] if last and last[0] == ticks and not self._dirty else "",
                  "log": self._log.hexdigest(),
                  "text": str(summary.get("text") or "")[:500]}
        if "mission_time" in summary:
            result["mission_time"] = str(summary["mission_time"])[:20]
        self._tick = ticks
        self._write({"result": result})
        self.finished = True
        self.close()
        return self.error

    def close(self) -> None:
        """Close the file (idempotent) and detach from the game."""
        if self._game is not None:
            try:
                self._game.remove_listener(self.on_command)
            except ValueError:  # the game's listener was already removed
                pass
            self._game = None
        if not self.closed:
            self.closed = True
            try:
                self._fh.close()
            except (OSError, ValueError) as exc:
                self._fail(exc)

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self, obj: dict) -> None:
        self._write_line(encode_line(obj))

    def _write_line(self, line: str) -> None:
        if self.closed or self.error:
            return
        try:
            self._fh.write(line + "\n")
            self._fh.flush()
        except (OSError, ValueError) as exc:
            self._fail(exc)
            return
        self._last_good_tick = self._tick

    def _fail(self, exc: Exception) -> None:
        if self.error is not None:
            return
        self._reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror
                        else str(exc)) or type(exc).__name__
        self.error = (f"recording stopped at tick {self._tick} ({self._reason}); the "
                      f"replay on disk plays up to tick {self._last_good_tick} at most")


def auto_replay_path(setup=None, *, now: _dt.datetime | None = None,
                     folder: Path | None = None) -> Path:
    """A new, unused file name in the user's replays folder for a windowed game, e.g.
    ``2025-01-02_03-04-05_film_seed7.jsonl`` (local time; a ``-2`` suffix if taken).
    ``setup``: a game.view.setup.GameSetup (or anything with ``scenario`` and ``seed``)."""
    if folder is None:
        from game.paths import user_replays_dir

        folder = user_replays_dir()
    now = now or _dt.datetime.now()
    stem = now.strftime("%Y-%m-%d_%H-%M-%S")
    if setup is not None:
        stem += f"_{getattr(setup, 'scenario', 'film')}_seed{int(getattr(setup, 'seed', 0))}"
    path = Path(folder) / (stem + FILE_SUFFIX)
    n = 2
    while path.exists():
        path = Path(folder) / f"{stem}-{n}{FILE_SUFFIX}"
        n += 1
    return path
