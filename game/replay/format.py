"""The replay file format: JSON Lines, one self-contained object a line.

Modelled on the idea of RTS replay files (a header, then per-turn commands, then periodic
state hashes so a mismatch names the turn)::

    {"format": "iss-game-replay", "version": 1, "game_version": "0.1.0", "rules": 1,
     "created_utc": "2025-01-02T03:04:05Z", "seed": 7, "scenario": "film",
     "sides": {"us": "ai", "ru": "human"}, "difficulty": "hard",
     "orbit": {"name": "ISS (ZARYA)", "line1": "1 25544U ...", "line2": "2 25544 ..."},
     "start_unix_s": 1735787045.0, "warp": 30.0, "max_ticks": 54000,
     "timeline": {"step_s": 1.0, "samples": 54001}, "checksum_every": 600}
    {"t": 0, "cmd": {"kind": "move", "side": "us", "crew": "kira", "to": "destiny"}}
    {"t": 600, "checksum": "9f2c...32 hex", "log": "41d0...32 hex"}
    ...
    {"result": {"ending": "truce", "ticks": 31234, "checksum": "...", "log": "...",
                "text": "..."}}

* ``rules`` is :data:`game.sim.api.RULES_VERSION`: a replay re-simulates only under the
  rules it was played by, and a build with other rules says so instead of desyncing.
* The header is always the first line; everything needed to rebuild the game is in it,
  including the element set itself, so a replay plays the same after ``orbits/`` changed.
* ``{"t", "cmd"}``: a command the game *accepted* at tick ``t`` (``game.sim`` dict form).
* ``{"t", "checksum"}``: ``Game.checksum()`` when the game stood at tick ``t``.
  Lines are in the order things happened: a checksum at ``t`` written before a command at
  ``t`` was taken before that command was submitted. ``log`` is a BLAKE2b-128 chain over
  every command line written so far (the exact bytes, newline included): a command
  edited so that the state never shows it (say a move re-ordered before the crew left)
  is still caught, at the next checksum line.
* ``{"result"}``: the last line of a finished game. Without it (a crash, a kill) the file
  still plays up to its last complete line.

Every line is written whole and flushed, so a crash never leaves a file that refuses to
load. Readers treat the file as hostile (see :mod:`game.replay.reader`).
"""

from __future__ import annotations

import json

from game.newgame import MAX_SEED  # noqa: F401 - one bound for the game and its replays

FORMAT_NAME = "iss-game-replay"
FORMAT_VERSION = 1
FILE_SUFFIX = ".jsonl"

#: Bounds on untrusted input.
MAX_FILE_BYTES = 64 * 2**20
MAX_LINE_BYTES = 16 * 2**10
MAX_DEPTH = 6  # deepest JSON nesting any line legitimately needs is 3
MAX_TICKS = 2_000_000  # 1000x warp for a 30-minute game is 1.8 M
MIN_CHECKSUM_EVERY, MAX_CHECKSUM_EVERY = 1, 1_000_000
DEFAULT_CHECKSUM_EVERY = 600  # ten mission minutes: 90 checksums in a 30-minute game
#: Who played a side, as a replay header records it (a bot's file is not recorded: the
#: replay carries its commands, so it never runs the bot).
SIDE_CONTROLLERS = ("human", "ai", "ai:easy", "ai:hard", "bot")


def recorded_controller(spec: str) -> str:
    """A player SPEC (``human``, ``ai``, ``ai:hard``, ``bot:FILE.py``) as a header stores it."""
    return "bot" if spec.startswith("bot:") else spec
DIFFICULTIES = ("easy", "hard")
SCENARIOS = ("film", "international")


def encode_line(obj: dict) -> str:
    """One JSON line (no newline): compact, ASCII, never NaN/Infinity."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def command_line(t: int, cmd) -> str:
    """The exact line (no newline) a command accepted at tick ``t`` is written as. The
    recorder writes it and the reader rebuilds it for the command-log chain, so both
    hash the same bytes by construction."""
    from game.sim.api import command_to_dict

    return encode_line({"t": int(t), "cmd": command_to_dict(cmd)})


def make_header(*, seed: int, scenario: str, sides: dict, difficulty: str, orbit,
                start_unix_s: float, warp: float, max_ticks: int, timeline_step_s: float = 1.0,
                timeline_samples: int | None = None,
                checksum_every: int = DEFAULT_CHECKSUM_EVERY,
                created_utc: str | None = None) -> dict:
    """The header dict. ``orbit`` is a game.orbit Orbit or a dict with name/line1/line2
    (or a [line1, line2] list). ``timeline_samples`` defaults to ``max_ticks + 1``."""
    from game import __version__
    from game.sim.api import RULES_VERSION

    if isinstance(orbit, dict):
        orb = {"name": str(orbit.get("name") or ""), "line1": orbit["line1"],
               "line2": orbit["line2"]}
    elif isinstance(orbit, (list, tuple)):
        orb = {"name": "", "line1": orbit[0], "line2": orbit[1]}
    else:
        orb = {"name": orbit.name, "line1": orbit.line1, "line2": orbit.line2}
    if created_utc is None:
        import datetime as _dt

        created_utc = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    max_ticks = int(max_ticks)
    return {
        "format": FORMAT_NAME, "version": FORMAT_VERSION, "game_version": __version__,
        "rules": RULES_VERSION, "created_utc": created_utc, "seed": int(seed), "scenario": scenario,
        "sides": {s: recorded_controller(sides[s]) for s in ("us", "ru")},
        "difficulty": difficulty,
        "orbit": orb, "start_unix_s": float(start_unix_s), "warp": float(warp),
        "max_ticks": max_ticks,
        "timeline": {"step_s": float(timeline_step_s),
                     "samples": int(timeline_samples if timeline_samples is not None
                                    else max_ticks + 1)},
        "checksum_every": int(checksum_every),
    }
