"""A large fuzz campaign over orbit files: counts of refused, accepted, tracebacks, hangs.

Draws cases from the same hypothesis strategies as ``tests/test_orbit_fuzz.py`` (TLE/3LE
fields rewritten at their columns, OMM JSON/CSV fields replaced) and judges each by the
same rule (``tests/orbit_fuzz.py``: refused with one clean line, or accepted with a 3LE
that reloads the same, finite positions over the default game's span and a recorded game
of it that verifies; here the game is a full default one, warp 30, and what
``iss-game orbit show`` computes, passes over 24 h and orbital dawn, is run too and timed:
``over_2s`` counts cases, refused or accepted, that took more than 2 s in all).

Each worker runs in its own process and reports every case before judging it; a case
that takes longer than ``--timeout`` seconds is a hang: the worker is killed, the case
saved, and a new worker carries on. Run from the repository root::

    python tools/fuzz_orbits.py --cases 30000 --workers 2 --out out/fuzz

Writes ``summary.json`` and, for any traceback, broken rule or hang, the case itself
under ``--out``. Exit status 0 only when there are no tracebacks, broken rules or hangs.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

CHUNK = 250


def _bound(judge, chunk_seed: int):
    def one_case(text):
        judge(chunk_seed, text)
    return one_case


def _worker(first_seed: int, n_chunks: int, warp: float, queue) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ["ISS_GAME_HOME"] = os.environ.get("ISS_GAME_HOME") or "/tmp/iss-fuzz-home"
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from orbit_fuzz import cases, check_case

    def judge(chunk_seed: int, text: str) -> None:
        queue.put(("start", chunk_seed, text))
        t0 = time.monotonic()
        try:
            outcome = check_case(text, warp=warp, show=True)
        except AssertionError as exc:
            queue.put(("broken", chunk_seed, text, str(exc)[:500]))
            return
        except Exception:  # noqa: BLE001 - a traceback is what we are counting
            queue.put(("traceback", chunk_seed, text, traceback.format_exc()[-3000:]))
            return
        queue.put((outcome, chunk_seed, text, time.monotonic() - t0))

    for k in range(n_chunks):
        chunk_seed = first_seed + k
        run = seed(chunk_seed)(settings(
            max_examples=CHUNK, deadline=None, database=None, phases=[Phase.generate],
            suppress_health_check=list(HealthCheck))(given(cases())(
                _bound(judge, chunk_seed))))
        run()
    queue.put(("done", first_seed, "", 0.0))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=30_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds a case may take")
    ap.add_argument("--warp", type=float, default=30.0, help="warp of the recorded games")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "fuzz")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    chunks = max(1, -(-args.cases // CHUNK))
    per_worker = -(-chunks // args.workers)
    counts = {"cases": 0, "refused": 0, "accepted": 0, "tracebacks": 0, "broken": 0,
              "hangs": 0, "over_2s": 0}
    slowest = (0.0, "")
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    jobs = []  # [process, next seed, chunks left, current case, started]
    for w in range(args.workers):
        first = args.seed + w * per_worker
        left = min(per_worker, chunks - w * per_worker)
        if left > 0:
            jobs.append([None, first, left, None, 0.0])

    def start(job):
        p = ctx.Process(target=_worker, args=(job[1], job[2], args.warp, queue), daemon=True)
        p.start()
        job[0], job[3], job[4] = p, None, time.monotonic()

    for job in jobs:
        start(job)
    t_start = time.monotonic()
    findings = 0
    while any(job[0] is not None for job in jobs):
        try:
            msg = queue.get(timeout=min(1.0, args.timeout / 4))
        except Exception:  # noqa: BLE001 - queue.Empty
            msg = None
        now = time.monotonic()
        if msg is not None:
            kind, chunk_seed = msg[0], msg[1]
            job = next((j for j in jobs if j[0] is not None
                        and j[1] <= chunk_seed < j[1] + j[2]), None)
            if kind == "start" and job is not None:
                job[3], job[4] = (chunk_seed, msg[2]), now
            elif kind == "done" and job is not None:
                job[0].join(5)
                job[0] = None
            elif job is not None:
                job[3] = None
                counts["cases"] += 1
                if kind in ("refused", "accepted"):
                    counts[kind] += 1
                    counts["over_2s"] += msg[3] > 2.0
                    if msg[3] > slowest[0]:
                        slowest = (msg[3], msg[2][:300])
                else:
                    counts["tracebacks" if kind == "traceback" else "broken"] += 1
                    findings += 1
                    (args.out / f"{kind}-{findings}.txt").write_text(
                        json.dumps({"seed": chunk_seed, "case": msg[2], "why": msg[3]}))
                if counts["cases"] % 1000 == 0:
                    print(json.dumps(counts), f"{now - t_start:.0f}s", flush=True)
        for job in jobs:
            if job[0] is not None and job[3] is not None and now - job[4] > args.timeout:
                counts["cases"] += 1
                counts["hangs"] += 1
                findings += 1
                (args.out / f"hang-{findings}.txt").write_text(
                    json.dumps({"seed": job[3][0], "case": job[3][1]}))
                job[0].kill()
                job[0].join()
                # carry on with the next chunk (the rest of this one is skipped)
                done = job[3][0] - job[1] + 1
                job[1], job[2] = job[1] + done, job[2] - done
                job[0] = None
                if job[2] > 0:
                    start(job)
            elif job[0] is not None and not job[0].is_alive() and job[3] is None \
                    and queue.empty():
                print(f"worker for seeds {job[1]}.. stopped (exit {job[0].exitcode}) "
                      "between cases", file=sys.stderr)
                job[0] = None
            elif job[0] is not None and not job[0].is_alive() and job[3] is not None:
                counts["cases"] += 1  # the worker died on a case: a crash, not a hang
                counts["tracebacks"] += 1
                findings += 1
                (args.out / f"crash-{findings}.txt").write_text(
                    json.dumps({"seed": job[3][0], "case": job[3][1],
                                "exitcode": job[0].exitcode}))
                done = job[3][0] - job[1] + 1
                job[1], job[2] = job[1] + done, job[2] - done
                job[0] = None
                if job[2] > 0:
                    start(job)
    summary = dict(counts, seconds=round(time.monotonic() - t_start),
                   slowest_case_s=round(slowest[0], 2), slowest_case=slowest[1])
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary))
    return 0 if counts["tracebacks"] == counts["broken"] == counts["hangs"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
