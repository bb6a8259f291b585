"""Measure bot files vs ai:hard: both sides, both scenarios, seeds 1-40 (SEEDS=N, SCEN=film,
international, JOBS=2), on orbits/iss-2026-10-08.tle; the bot time limit is raised to 60 s
so a loaded machine does not abort a run. Run from the repo root with .venv/bin/python."""
import sys, json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from game.bots import balance
from game.bots.balance import _play_seed
from game.bots.loader import BotController, controller_for, load_bot
import importlib.util

def _ctl(spec, side, seed):
    if spec.startswith("bot:"):
        path = spec[4:]
        sp = importlib.util.spec_from_file_location("b_" + path.replace("/", "_").replace(".", "_"), path)
        m = importlib.util.module_from_spec(sp); sp.loader.exec_module(m)
        return BotController(m.make_bot(side, seed), side, spec, time_limit_s=60)
    return controller_for(spec, side, seed)
balance._controller = _ctl

ORBIT = "orbits/iss-2026-10-08.tle"

def main():
    bots = sys.argv[1:]
    n = 40
    scen = ("film", "international")
    import os
    if os.environ.get("SEEDS"):
        n = int(os.environ["SEEDS"])
    if os.environ.get("SCEN"):
        scen = tuple(os.environ["SCEN"].split(","))
    cells = []
    for b in bots:
        cells += [(f"bot:{b}", "ai:hard"), ("ai:hard", f"bot:{b}")]
    work = [(ORBIT, s, seed, cells, 30.0) for s in scen for seed in range(1, n + 1)]
    res = []
    with ProcessPoolExecutor(int(os.environ.get("JOBS", "2"))) as pool:
        for part in pool.map(_play_seed, work, chunksize=1):
            res += part
    rows = {}
    for r in res:
        for side in ("us", "ru"):
            spec = r[side]
            if not spec.startswith("bot:"):
                continue
            k = (spec[4:].split("/")[-1], r["scenario"], side)
            c = rows.setdefault(k, Counter())
            c["n"] += 1
            other = "ru" if side == "us" else "us"
            c["win" if r["winner"] == side else "loss" if r["winner"] == other else "other"] += 1
            c["e:" + r["ending"]] += 1
    for k in sorted(rows):
        c = rows[k]
        ends = {e[2:]: v for e, v in c.items() if e.startswith("e:")}
        print(f"{k[0]:<28}{k[1]:<14}{k[2]:<4} W {100*c['win']//c['n']:3d}% L {100*c['loss']//c['n']:3d}% O {100*c['other']//c['n']:3d}%  {ends}")
    with open("/tmp/adv_last.json", "w") as f:
        json.dump(res, f)

if __name__ == "__main__":
    main()
