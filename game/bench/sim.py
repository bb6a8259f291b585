"""Simulation speed for ``iss-game bench``: whole AI-vs-AI games, headless.

The budget (issue 10): a whole game -- 30 minutes of play at warp 30, 54,000 ticks --
in at most 150 ms on average. The orbit timeline is built once outside
the timing (the game gets it from game.orbit: the bundled ISS, as every game has an
orbit); what is timed is ``new_game`` plus ``play`` with the hard AI on both sides.
"""

from __future__ import annotations

import time

from game.orbit.api import build_timeline, load_orbit
from game.sim.api import AI, new_game, play

WARP = 30.0
TICKS = 54_000


def bench_sim(quick: bool = False) -> dict:
    orbit = load_orbit()
    timeline = build_timeline(orbit, orbit.epoch_unix_s, 1.0, TICKS + 1)
    seeds = range(5 if quick else 20)
    total_s = 0.0
    total_ticks = 0
    worst_s = 0.0
    endings: dict[str, int] = {}
    for seed in seeds:
        t0 = time.perf_counter()
        game = new_game("film", seed, timeline, max_ticks=TICKS)
        play(game, {"us": AI("us", seed, "hard"), "ru": AI("ru", seed, "hard")})
        dt = time.perf_counter() - t0
        total_s += dt
        worst_s = max(worst_s, dt)
        total_ticks += game.tick
        endings[game.ending] = endings.get(game.ending, 0) + 1
    # the longest possible game: both sides human (no commands) runs to the time limit
    t0 = time.perf_counter()
    game = new_game("film", 0, timeline, max_ticks=TICKS)
    play(game, {})
    full_s = time.perf_counter() - t0
    ticks_per_s = total_ticks / total_s if total_s else 0.0
    return {
        "orbit": "bundled ISS",
        "games": len(seeds),
        "ticks": total_ticks,
        "ticks_per_s": round(ticks_per_s),
        "real_time_factor_x": round(ticks_per_s),  # one tick is one mission second
        "vs_warp30_play_x": round(ticks_per_s / WARP, 1),
        "mean_game_ms": round(1000 * total_s / len(seeds), 2),
        "worst_game_ms": round(1000 * worst_s, 2),
        "full_54000_tick_game_no_commands_ms": round(1000 * full_s, 2),
        "budget_game_ms": 150,
        "endings_epoch_start": endings,  # sim uses a seeded start; see sim_cmd
    }
