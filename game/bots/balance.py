"""``iss-game balance``: is it a good game? Measured, over many seeds, against the targets.

Every scripted strategy (``game.bots.strategies``, plus any ``--bot FILE.py``) plays both
sides against ``ai:hard`` over the seeds; the AIs play each other (hard v hard, hard v
easy both ways). The table prints win / loss / other per strategy and side, the endings
of AI-vs-AI games, how often the side ordered first wins, how often the war is seen from
the station and stress makes someone refuse, and each target of issue 10 with PASS or
FAIL. The games are the real ones (bundled orbit, seeded start, the same code as ``iss-game
sim``); they run in parallel processes, one timeline per seed.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from game.bots.loader import BotController, controller_for
from game.bots.strategies import STRATEGIES, make_strategy

TARGETS = (
    ("strategy_max_win", "no strategy wins more than 45% on either side", 0.45),
    ("nothing_min_loss", "doing nothing loses at least 60%", 0.60),
    ("first_order_wins", "equal hard AIs: the side ordered first wins 55-75% of decisive",
     (0.55, 0.75)),
    ("decisive", "equal hard AIs: at least 40% of games decisive", 0.40),
    ("hard_beats_easy", "hard beats easy in at least 65% of decisive games", 0.65),
    ("flash_seen", "at least 90% of games see a flash from the station", 0.90),
    ("stress_refusals", "stress refusals in 15-50% of games", (0.15, 0.50)),
    ("ending_max", "no ending over 50% of AI-vs-AI games", 0.50),
    ("ending_min", "every ending reached in at least 2% of AI-vs-AI games", 0.02),
)


def _controller(spec: str, side: str, seed: int):
    if spec.startswith("strategy:"):
        return BotController(make_strategy(spec.split(":", 1)[1], side, seed), side, spec)
    return controller_for(spec, side, seed)


def _play_seed(job) -> list[dict]:
    """All the cells of one seed on one timeline (built once)."""
    from game.newgame import TIMELINE_STEP_S, default_start, max_ticks_for
    from game.orbit.api import build_timeline, load_orbit
    from game.sim.api import new_game, play

    orbit_path, scenario, seed, cells, warp = job
    orbit = load_orbit(orbit_path)
    max_ticks = max_ticks_for(warp)
    timeline = build_timeline(orbit, default_start(orbit, seed), TIMELINE_STEP_S, max_ticks + 1)
    out = []
    for us, ru in cells:
        game = new_game(scenario, seed, timeline, max_ticks=max_ticks)
        summary = play(game, {"us": _controller(us, "us", seed),
                              "ru": _controller(ru, "ru", seed)})
        arrival = game.setup.order_arrival
        first = None if arrival["us"] == arrival["ru"] else \
            ("us" if arrival["us"] < arrival["ru"] else "ru")
        if min(arrival.values()) >= game.max_ticks:
            first = None
        out.append({"seed": seed, "scenario": scenario, "us": us, "ru": ru,
                    "ending": summary["ending"], "winner": summary["winner"],
                    "first_order": first, "ticks": summary["ticks"],
                    "flashes": summary["stats"]["flashes_witnessed"],
                    "stress_refusals": summary["stats"]["stress_refusals"]})
    return out


def cells_for(strategies, bots) -> list[tuple[str, str]]:
    cells = []
    for name in [*(f"strategy:{s}" for s in strategies), *(f"bot:{b}" for b in bots)]:
        cells += [(name, "ai:hard"), ("ai:hard", name)]
    cells += [("ai:hard", "ai:hard"), ("ai:hard", "ai:easy"), ("ai:easy", "ai:hard")]
    return cells


def run(seeds, *, scenarios=("film",), strategies=None, bots=(), orbit_path=None,
        warp: float = 30.0, jobs: int | None = None) -> list[dict]:
    """Every cell for every seed and scenario: one result dict per game."""
    from game.paths import default_orbit_file

    strategies = list(STRATEGIES) if strategies is None else list(strategies)
    orbit_path = str(orbit_path or default_orbit_file())
    work = []
    for scenario in scenarios:
        names = [s for s in strategies if scenario == "international" or
                 s != "recruit_then_infiltrate"]
        cells = cells_for(names, bots)
        work += [(orbit_path, scenario, seed, cells, warp) for seed in seeds]
    jobs = jobs or min(len(work), os.cpu_count() or 1)
    results: list[dict] = []
    if jobs <= 1:
        for job in work:
            results += _play_seed(job)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            for part in pool.map(_play_seed, work, chunksize=1):
                results += part
    return results


def _pct(x: float) -> str:
    return f"{100 * x:3.0f}%"


def summarize(results: list[dict]) -> dict:
    """The figures the targets are about, from the games."""
    out: dict = {"strategies": {}, "ai": {}}
    for r in results:
        for side, spec in (("us", r["us"]), ("ru", r["ru"])):
            if not spec.startswith(("strategy:", "bot:")):
                continue
            key = (r["scenario"], spec.split(":", 1)[1], side)
            row = out["strategies"].setdefault(key, Counter())
            row["games"] += 1
            other = "ru" if side == "us" else "us"
            row["win" if r["winner"] == side else "loss" if r["winner"] == other
                else "other"] += 1
            row["ending:" + r["ending"]] += 1
    ai_games = [r for r in results if r["us"].startswith("ai") and r["ru"].startswith("ai")]
    hh = [r for r in ai_games if r["us"] == r["ru"] == "ai:hard"]
    decisive = [r for r in hh if r["winner"]]
    first = [r for r in decisive if r["first_order"]]
    he = [r for r in ai_games if r["us"] != r["ru"]]
    he_dec = [r for r in he if r["winner"]]
    hard_won = sum(1 for r in he_dec if r[r["winner"]] == "ai:hard")
    endings = Counter(r["ending"] for r in ai_games)
    out["ai"] = {
        "games": len(ai_games), "hard_v_hard": len(hh),
        "decisive": len(decisive) / len(hh) if hh else 0.0,
        "first_order_wins": (sum(1 for r in first if r["winner"] == r["first_order"]) /
                             len(first)) if first else 0.0,
        "hard_beats_easy": hard_won / len(he_dec) if he_dec else 0.0,
        "endings": {k: v / len(ai_games) for k, v in sorted(endings.items())},
    }
    out["flash_seen"] = sum(1 for r in results if r["flashes"] > 0) / len(results)
    out["stress_refusals"] = sum(1 for r in ai_games if r["stress_refusals"] > 0) / \
        max(1, len(ai_games))
    return out


def check_targets(s: dict) -> list[tuple[str, str, str, bool]]:
    """(id, what, measured, passed) for every target."""
    from game.sim.api import ENDINGS

    rows = s["strategies"]
    worst = max((r["win"] / r["games"], k) for k, r in rows.items()) if rows else (0.0, ("-",))
    nothing = [r["loss"] / r["games"] for k, r in rows.items() if k[1] == "nothing"]
    ends = s["ai"]["endings"]
    got = {
        "strategy_max_win": (worst[0], f"{_pct(worst[0])} ({'/'.join(worst[1])})"),
        "nothing_min_loss": (min(nothing, default=0.0), _pct(min(nothing, default=0.0))),
        "first_order_wins": (s["ai"]["first_order_wins"], _pct(s["ai"]["first_order_wins"])),
        "decisive": (s["ai"]["decisive"], _pct(s["ai"]["decisive"])),
        "hard_beats_easy": (s["ai"]["hard_beats_easy"], _pct(s["ai"]["hard_beats_easy"])),
        "flash_seen": (s["flash_seen"], _pct(s["flash_seen"])),
        "stress_refusals": (s["stress_refusals"], _pct(s["stress_refusals"])),
        "ending_max": (max(ends.values(), default=0.0),
                       f"{_pct(max(ends.values(), default=0.0))} "
                       f"({max(ends, key=ends.get) if ends else '-'})"),
        "ending_min": (min(ends.get(e, 0.0) for e in ENDINGS),
                       f"{_pct(min(ends.get(e, 0.0) for e in ENDINGS))} "
                       f"({min(ENDINGS, key=lambda e: ends.get(e, 0.0))})"),
    }
    out = []
    for tid, what, goal in TARGETS:
        value, shown = got[tid]
        if isinstance(goal, tuple):
            ok = goal[0] <= value <= goal[1]
        elif tid in ("strategy_max_win", "ending_max"):
            ok = value <= goal
        else:
            ok = value >= goal
        out.append((tid, what, shown, ok))
    return out


def table(s: dict, seeds_label: str) -> str:
    lines = [f"Strategies against ai:hard, {seeds_label}: win / loss / other"]
    keys = sorted({(k[0], k[1]) for k in s["strategies"]})
    lines.append(f"  {'scenario':<14}{'strategy':<26}{'as US':>20}{'as Russia':>22}")
    for scenario, name in keys:
        cols = []
        for side in ("us", "ru"):
            r = s["strategies"].get((scenario, name, side))
            if not r:
                cols.append("-")
                continue
            n = r["games"]
            cols.append(f"{_pct(r['win'] / n)} {_pct(r['loss'] / n)} {_pct(r['other'] / n)}")
        lines.append(f"  {scenario:<14}{name:<26}{cols[0]:>20}{cols[1]:>22}")
    ai = s["ai"]
    lines.append("")
    lines.append(f"AI against AI ({ai['games']} games, {ai['hard_v_hard']} hard v hard):")
    lines.append("  endings: " + ", ".join(f"{k} {_pct(v)}" for k, v in ai["endings"].items()))
    lines.append("")
    lines.append("Targets (issue 10):")
    for _tid, what, shown, ok in check_targets(s):
        lines.append(f"  {'PASS' if ok else 'FAIL'}  {what}: {shown}")
    return "\n".join(lines)


def main(args) -> int:
    lo, hi = args.seeds
    seeds = range(lo, hi + 1)
    scenarios = tuple(args.scenario or ("film", "international"))
    results = run(seeds, scenarios=scenarios, strategies=args.strategy, bots=args.bot or (),
                  orbit_path=args.orbit, jobs=args.jobs)
    s = summarize(results)
    if args.json:
        print(json.dumps({"seeds": [lo, hi], "scenarios": list(scenarios),
                          "targets": [{"id": t, "what": w, "measured": m, "pass": ok}
                                      for t, w, m, ok in check_targets(s)],
                          "ai": s["ai"], "flash_seen": s["flash_seen"],
                          "stress_refusals": s["stress_refusals"],
                          "strategies": [{"scenario": k[0], "strategy": k[1], "side": k[2],
                                          **dict(v)} for k, v in sorted(s["strategies"].items())]},
                         sort_keys=True))
    else:
        print(table(s, f"seeds {lo}-{hi}, {'+'.join(scenarios)}"))
    return 0
