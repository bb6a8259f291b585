"""Replay figures for ``iss-game bench``: load time and seek time in whole games.

The budget (issue 5): seeking anywhere in a 30-minute game (54,000 ticks at warp 30)
takes at most 200 ms. Two games are recorded to a temporary folder through the real
recorder: an AI-vs-AI game (hard AI both sides) and a game that runs to the full time
limit (both sides idle: the longest replay there can be). Each is loaded as the replay
screen loads it (read + check + one pass keeping snapshots), then sought to many random
ticks, each seek timed on its own.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from game.replay.api import Recorder, ReplayPlayer, read_replay

WARP = 30.0
TICKS = 54_000


def _record(path: Path, orbit, timeline, seed: int, ai: bool) -> None:
    from game.sim.api import AI, new_game, play

    game = new_game("film", seed, timeline, max_ticks=TICKS)
    who = "ai" if ai else "human"
    rec = Recorder.for_game(path, game, orbit=orbit, sides={"us": who, "ru": who},
                            difficulty="hard", warp=WARP, attach=False)
    with rec:
        ctrls = {s: AI(s, seed, "hard") for s in ("us", "ru")} if ai else {}
        play(game, ctrls, on_command=rec.on_command, checksum_every=rec.checksum_every,
             on_checksum=rec.on_checksum)
        rec.finish(game)


def bench_seek(quick: bool = False) -> dict:
    from game.orbit.api import build_timeline, load_orbit

    orbit = load_orbit()
    start = orbit.epoch_unix_s
    timeline = build_timeline(orbit, start, 1.0, TICKS + 1)
    n_seeks = 40 if quick else 200
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, ai in (("ai_game", True), ("full_game", False)):
            path = Path(tmp) / f"{label}.jsonl"
            _record(path, orbit, timeline, 1, ai)
            t0 = time.perf_counter()
            replay = read_replay(path)
            t1 = time.perf_counter()
            player = ReplayPlayer(replay)
            t2 = time.perf_counter()
            rng = random.Random(5)
            times = []
            for _ in range(n_seeks):
                tick = rng.randrange(player.end_tick + 1)
                a = time.perf_counter()
                player.seek(tick)
                times.append((time.perf_counter() - a) * 1000.0)
            out[f"{label}_ticks"] = player.end_tick
            out[f"{label}_commands"] = replay.command_count
            out[f"{label}_file_kb"] = round(path.stat().st_size / 1024, 1)
            out[f"{label}_read_ms"] = round((t1 - t0) * 1000.0, 1)
            out[f"{label}_load_ms"] = round((t2 - t0) * 1000.0, 1)
            out[f"{label}_snapshots"] = player.snapshot_count
            out[f"{label}_seek_median_ms"] = round(statistics.median(times), 2)
            out[f"{label}_seek_max_ms"] = round(max(times), 2)
    out["seeks_each"] = n_seeks
    out["seek_budget_ms"] = 200
    worst = max(out["ai_game_seek_max_ms"], out["full_game_seek_max_ms"])
    out["seek_within_budget"] = worst <= 200
    return out
