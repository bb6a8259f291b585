"""Measure the game's adaptive pace on AI-vs-AI games at the default settings.

Each game is played headless exactly as ``iss-game sim`` plays it, and paced as the
window would pace it (:mod:`game.session.pacing`: one real step at a time, the policy's
warp, the restraint brake) for a player of the US side, of the Russian side, and for
watching. Printed per game and in all: the longest real stretch with nothing to decide
(target: at most 2 minutes), the shortest restraint in real seconds (target: at least 3),
and the game's real length. Run from the repository root::

    python tools/measure_pacing.py [--seeds 1-20] [--step 0.0166667] [--factor 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.orbit.api import load_orbit  # noqa: E402
from game.session.pacing import survey  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1-20", help="A-B (default 1-20)")
    ap.add_argument("--step", type=float, default=1.0 / 60.0, help="real seconds a step")
    ap.add_argument("--factor", type=float, default=1.0, help="the player's - / + factor")
    args = ap.parse_args(argv)
    a, _, b = args.seeds.partition("-")
    seeds = range(int(a), int(b or a) + 1)
    out = survey(load_orbit(), seeds, real_step=args.step, factor=args.factor)
    print(f"{'seed':>4} {'side':>8} {'ending':>14} {'real min':>8} {'quiet s':>8} "
          f"{'restraints':>10} {'shortest s':>10}")
    for f in out.pop("runs"):
        short = f"{f.shortest_restraint_s:.2f}" if f.restraints else "-"
        print(f"{f.seed:>4} {f.side or 'watch':>8} {f.ending:>14} {f.real_s / 60:>8.1f} "
              f"{f.longest_quiet_s:>8.1f} {f.restraints:>10} {short:>10}")
    for k, v in out.items():
        print(f"{k}: {v}")
    return 0 if out["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
