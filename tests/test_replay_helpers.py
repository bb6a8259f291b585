"""Shared helpers for the replay tests: small recorded games, built in-process."""

from __future__ import annotations

import functools
from pathlib import Path

from pinned import pinned_orbit

from game.replay.recorder import Recorder


@functools.cache
def _orbit_and_timeline(warp: float, start_offset_s: float = 0.0):
    from game.orbit.api import build_timeline

    orbit = pinned_orbit()
    max_ticks = int(round(1800 * warp))
    start = orbit.epoch_unix_s + start_offset_s
    return orbit, build_timeline(orbit, start, 1.0, max_ticks + 1), max_ticks


def record_game(path: Path, seed: int = 1, warp: float = 30.0, *, ai=("us", "ru"),
                checksum_every: int = 600) -> Path:
    """Record an AI game through the real Recorder (as the game screens do)."""
    from game.sim.ai import AI
    from game.sim.api import new_game
    from game.sim.runner import play

    orbit, timeline, max_ticks = _orbit_and_timeline(warp)
    game = new_game("film", seed, timeline, max_ticks=max_ticks)
    sides = {s: ("ai" if s in ai else "human") for s in ("us", "ru")}
    with Recorder.for_game(path, game, orbit=orbit, sides=sides, difficulty="hard", warp=warp,
                           checksum_every=checksum_every, attach=False) as rec:
        play(game, {s: AI(s, seed, "hard") for s in ai}, on_command=rec.on_command,
             checksum_every=rec.checksum_every, on_checksum=rec.on_checksum)
        rec.finish(game)
    return path
