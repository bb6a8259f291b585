"""The public face of ``game.replay``: import from here.

Recording (every game, windowed or ``iss-game sim --record``)::

    rec = Recorder.for_game(auto_replay_path(setup), game, orbit=setup.orbit,
                            sides={"us": setup.us, "ru": setup.ru},
                            difficulty=setup.difficulty, warp=setup.warp)
    ... after each game.step(...): rec.checkpoint(game)
    ... at the end or on quit:      rec.finish(game)

Reading, checking and playing back (files are untrusted: anything wrong is a
:class:`game.errors.ReplayError` naming the file and line)::

    replay = read_replay(path)          # .warning is set if the file was cut short
    report = verify_replay(replay)      # .ok, .message ("desync at tick T: ...")
    player = ReplayPlayer(replay)       # .seek(tick), .step(n), .next_event(), .game

Listing a folder of replays (the browser): ``list_replays(folder)`` gives one
:class:`ReplayInfo` a file (header and tail only; a bad file carries its error).

The file format is described in :mod:`game.replay.format`.
"""

from __future__ import annotations

from game.replay.catalog import ReplayInfo, list_replays
from game.replay.format import (
    DEFAULT_CHECKSUM_EVERY,
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    make_header,
)
from game.replay.player import MAX_SPEED, MIN_SPEED, NOTABLE_KINDS, SPEEDS, Desync, ReplayPlayer
from game.replay.reader import Entry, Replay, parse_replay, read_replay
from game.replay.recorder import Recorder, auto_replay_path
from game.replay.verify import VerifyReport, verify_replay

__all__ = [
    "Recorder", "auto_replay_path", "make_header",
    "read_replay", "parse_replay", "Replay", "Entry",
    "verify_replay", "VerifyReport", "ReplayPlayer", "Desync", "SPEEDS", "NOTABLE_KINDS",
    "MIN_SPEED", "MAX_SPEED", "list_replays", "ReplayInfo",
    "FORMAT_NAME", "FORMAT_VERSION", "FILE_SUFFIX", "DEFAULT_CHECKSUM_EVERY",
]
