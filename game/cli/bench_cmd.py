"""``iss-game bench``: speed figures of every layer, as text or one JSON object.

Each section is a function ``fn(quick: bool) -> dict`` of figures in its own module of
:mod:`game.bench`, imported only when ``bench`` runs. To add a section, add it to
:func:`sections`; keep figure names unit-bearing
(``_ms``, ``_us``, ``_m``). A section that fails is reported with its error and makes the
exit status 1, but the other sections still run.
"""

from __future__ import annotations

import json
import sys
import time

from game.errors import UserError

#: The sections in the order they run and print (``--only`` names one).
SECTIONS = ("ground_track", "render", "orbit_editor", "sim", "replay", "pacing")


def sections() -> dict:
    """Each section's function by name (the bench modules imported now; pygame only
    once the render section runs)."""
    from game.bench import ground_track, orbit_editor, pacing, render, replay, sim

    return {"ground_track": ground_track.bench_ground_track, "render": render.bench_render,
            "orbit_editor": orbit_editor.bench_live_recompute, "sim": sim.bench_sim,
            "replay": replay.bench_seek, "pacing": pacing.bench_pacing}


def run(args) -> int:
    quick = bool(getattr(args, "quick", False))
    only = getattr(args, "only", None)
    if only and only not in SECTIONS:
        raise UserError(f"no bench section '{only}'; choose from {', '.join(SECTIONS)}",
                        where="--only")
    results: dict[str, dict] = {}
    failed = False
    funcs = sections()
    for name in SECTIONS:
        if only and name != only:
            continue
        t0 = time.perf_counter()
        try:
            figures = dict(funcs[name](quick))
        except Exception as exc:  # noqa: BLE001 - reported with its type and exit 1; a
            # bench section's bug must not hide the other sections' figures
            figures = {"error": f"{type(exc).__name__}: {exc}"}
            failed = True
        results[name] = figures
        if not args.json:
            print(f"{name}  ({time.perf_counter() - t0:.1f} s)")
            width = max((len(k) for k in figures), default=0)
            for key, value in figures.items():
                print(f"  {key:<{width}}  {value}")
    if args.json:
        print(json.dumps(results))
    if failed:
        print("iss-game bench: error: a section failed (see its 'error')", file=sys.stderr)
    return 1 if failed else 0
