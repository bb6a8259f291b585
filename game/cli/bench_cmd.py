"""``iss-game bench``: speed figures of every layer, as text or one JSON object.

Each section is a function ``fn(quick: bool) -> dict`` of figures named by its
``"module:function"`` path, imported only when run. To add a section, append a
``(name, "module:function")`` pair to :data:`SECTIONS`; keep figure names unit-bearing
(``_ms``, ``_us``, ``_m``). A section that fails is reported with its error and makes the
exit status 1, but the other sections still run.
"""

from __future__ import annotations

import importlib
import json
import sys
import time

from game.errors import UserError

#: (section name, "module:function") in the order they run and print.
SECTIONS: list[tuple[str, str]] = [
    ("ground_track", "game.bench.ground_track:bench_ground_track"),
    ("render", "game.bench.render:bench_render"),
    ("orbit_editor", "game.bench.orbit_editor:bench_live_recompute"),
    ("sim", "game.bench.sim:bench_sim"),
    ("replay", "game.bench.replay:bench_seek"),
]


def _call(target: str, quick: bool) -> dict:
    module_name, _, func_name = target.partition(":")
    func = getattr(importlib.import_module(module_name), func_name)
    return dict(func(quick))


def run(args) -> int:
    quick = bool(getattr(args, "quick", False))
    only = getattr(args, "only", None)
    names = [name for name, _ in SECTIONS]
    if only and only not in names:
        raise UserError(f"no bench section '{only}'; choose from {', '.join(names)}",
                        where="--only")
    results: dict[str, dict] = {}
    failed = False
    for name, target in SECTIONS:
        if only and name != only:
            continue
        t0 = time.perf_counter()
        try:
            figures = _call(target, quick)
        except Exception as exc:  # a bench section's bug must not hide the others
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
