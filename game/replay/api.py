"""The public face of ``game.replay``: import from here.

Recording (every game, windowed or ``iss-game sim --record``)::

    rec = Recorder.for_game(auto_replay_path(setup), game, orbit=setup.orbit,
                            sides={"us": setup.us, "ru": setup.ru},
                            difficulty=setup.difficulty, warp=setup.warp)
    ... after each game.step(...): rec.checkpoint(game)
    ... at the end or on quit:      rec.finish(game)

The file format is described in :mod:`game.replay.format`.
"""

from __future__ import annotations

from game.replay.format import (
    DEFAULT_CHECKSUM_EVERY,
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    make_header,
)
from game.replay.recorder import Recorder, auto_replay_path, open_recording

__all__ = [
    "Recorder", "auto_replay_path", "open_recording", "make_header",
    "FORMAT_NAME", "FORMAT_VERSION", "FILE_SUFFIX", "DEFAULT_CHECKSUM_EVERY",
]
