"""The list of replays in a folder, for the replays browser: one checked summary a file.

Each row reads only the file's header (checked by the same hostile-input reader as
``iss-game replay``) and its last lines (the result, or where a cut-short game stops):
a row costs the same for a game of ten commands or fifty thousand. A file that cannot be
read is listed with its error instead of being skipped or crashing; the whole file is
read and checked only when it is played.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path

from game.errors import ReplayError, UserFolderError
from game.replay.format import FILE_SUFFIX, MAX_LINE_BYTES
from game.replay.reader import parse_line, read_header
from game.untrusted import read_tail

MAX_LISTED = 500


@dataclass(frozen=True)
class ReplayInfo:
    path: Path
    error: str = ""  # one line when the file cannot be used
    created: str = ""  # "2025-01-02 03:04" (UTC, from the header) or the file's time
    sides: str = ""  # "US AI vs Russia human"
    scenario: str = ""
    ending: str = ""  # "truce", "us_control", ... or "cut short"
    ticks: int = 0  # mission seconds
    warp: float = 30.0
    seed: int = 0
    modified: float = 0.0  # file time, for sorting

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def play_s(self) -> float:
        """Length in real seconds of play at 1x."""
        return self.ticks / self.warp if self.warp else 0.0


def _tail_summary(p: Path, max_ticks: int) -> tuple[str, int]:
    """(ending, ticks) from the last lines of a replay: its result line, or the tick of
    its last complete line ("cut short")."""
    tail, size = read_tail(p, 2 * MAX_LINE_BYTES + 2, ReplayError)
    lines = tail.split(b"\n")
    complete = tail.endswith(b"\n")
    lines = [line for line in lines[:-1] if line.strip()]  # the last piece: b"" or cut
    if len(tail) < size:
        lines = lines[1:]  # the first piece may be the end of a longer line
    for n, raw in enumerate(reversed(lines)):
        try:
            obj = parse_line(raw.rstrip(b"\r"), 0, str(p))
        except ReplayError:  # a line the tail cut or a bad one: look at the one before
            continue
        res = obj.get("result")
        if n == 0 and complete and isinstance(res, dict):
            from game.sim.api import ENDINGS

            ticks = res.get("ticks")
            if res.get("ending") in (*ENDINGS, "") and isinstance(ticks, int) \
                    and not isinstance(ticks, bool) and 0 <= ticks <= max_ticks:
                return (res.get("ending") or "unfinished"), ticks
        t = obj.get("t")
        if isinstance(t, int) and not isinstance(t, bool) and 0 <= t <= max_ticks:
            return "cut short", t
        if obj.get("format") is not None:  # only the header: nothing was played
            return "cut short", 0
    return "cut short", 0


def describe(path) -> ReplayInfo:
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError:  # vanished while listing: no file time; read_header says why
        mtime = 0.0
    file_time = _dt.datetime.fromtimestamp(mtime).strftime("%Y-%m-%d %H:%M") if mtime else ""
    try:
        h = read_header(p)
        ending, ticks = _tail_summary(p, h["max_ticks"])
    except ReplayError as exc:
        msg = str(exc)
        prefix = f"{exc.where}: " if exc.where else ""
        return ReplayInfo(p, error=msg[len(prefix):] if msg.startswith(prefix) else msg,
                          created=file_time, modified=mtime)
    created = h["created_utc"].replace("T", " ")[:16] or file_time
    sides = f"US {h['sides']['us']} vs Russia {h['sides']['ru']}"
    return ReplayInfo(p, created=created, sides=sides, scenario=h["scenario"], ending=ending,
                      ticks=ticks, warp=h["warp"], seed=h["seed"], modified=mtime)


def list_replays(folder=None) -> list[ReplayInfo]:
    """Replays in ``folder`` (default: the user's replays folder, which is only read: a
    read-only one lists what is there, a missing one nothing), newest first. A folder
    that cannot be read is a :class:`UserFolderError`, one line."""
    if folder is None:
        from game.paths import user_replays_dir

        folder = user_replays_dir(create=False)
    found = []
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                try:
                    if e.name.endswith(FILE_SUFFIX) and e.is_file():
                        found.append((e.stat().st_mtime, e.path))
                except OSError:  # vanished or unreadable while listing
                    continue
    except (FileNotFoundError, NotADirectoryError):  # nothing recorded there (yet)
        return []
    except OSError as exc:  # e.g. a folder the player may not read
        raise UserFolderError(f"cannot list replays ({exc.strerror or exc})",
                              where=str(folder)) from None
    found.sort(reverse=True)
    return [describe(path) for _, path in found[:MAX_LISTED]]
