"""The list of replays in a folder, for the replays browser: one checked summary a file.

Every file is read through the same hostile-input reader as ``iss-game replay``; one
that cannot be read is listed with its error instead of being skipped or crashing.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path

from game.errors import ReplayError
from game.replay.format import FILE_SUFFIX
from game.replay.reader import read_replay

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


def describe(path) -> ReplayInfo:
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError:
        mtime = 0.0
    file_time = _dt.datetime.fromtimestamp(mtime).strftime("%Y-%m-%d %H:%M") if mtime else ""
    try:
        r = read_replay(p)
    except ReplayError as exc:
        msg = str(exc)
        prefix = f"{p}: "
        return ReplayInfo(p, error=msg[len(prefix):] if msg.startswith(prefix) else msg,
                          created=file_time, modified=mtime)
    h = r.header
    created = h["created_utc"].replace("T", " ")[:16] or file_time
    sides = f"US {h['sides']['us']} vs Russia {h['sides']['ru']}"
    ending = (r.result or {}).get("ending") or ("cut short" if r.warning else "unfinished")
    return ReplayInfo(p, created=created, sides=sides, scenario=h["scenario"], ending=ending,
                      ticks=r.last_tick, warp=h["warp"], seed=h["seed"], modified=mtime)


def list_replays(folder=None) -> list[ReplayInfo]:
    """Replays in ``folder`` (default: the user's replays folder), newest first."""
    if folder is None:
        from game.paths import user_replays_dir

        folder = user_replays_dir()
    try:
        names = [e for e in os.scandir(folder) if e.name.endswith(FILE_SUFFIX) and e.is_file()]
    except OSError:
        return []
    names.sort(key=lambda e: e.stat().st_mtime, reverse=True)
    return [describe(e.path) for e in names[:MAX_LISTED]]
