"""Write the edited orbit presets in ``orbits/`` (``preset-*.tle``) with ``iss-game orbit edit``.

The presets are "what if" worlds built from the real ISS element sets, so the war below
looks different from each. Every one is produced by the game's own command-line editor
(SGP4 mean elements in, a valid 3LE with checksums out); each name line ends in
``EDITED`` and ``orbits/README.md`` lists what was changed. Run from the repository root::

    python tools/make_presets.py          # rewrites orbits/preset-*.tle

Deterministic: the same sources give byte-identical files. The real sets (``iss-*.tle``)
are only read. Presets are named ``preset-*`` so ``game.paths.default_orbit_file()``
(the newest ``iss-*.tle``) still picks the real ISS.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORBITS = ROOT / "orbits"
TODAY = "iss-2026-10-08.tle"  # the newest real set
FILM = "iss-2024-01-18.tle"  # the real set of the day before the film's US release

#: The mean altitude of the real set TODAY (420.8 km). A TLE keeps its Kozai mean motion
#: when only the inclination changes, and SGP4's J2 correction from Kozai to Brouwer
#: depends on inclination, so the height would shift by up to 6 km; fix it instead.
SAME_HEIGHT = ["--altitude", "420.8"]

#: (output file, source set, name line (at most 24 columns), ``orbit edit`` options)
PRESETS: list[tuple[str, str, str, list[str]]] = [
    # The real 2024-01-18 set propagated by SGP4 to 2024-01-19 00:00 UTC: where the ISS
    # was when the film opened. Only the epoch moves; the orbit is the real one.
    ("preset-film-2024-01-19.tle", FILM, "ISS (2024-01-19, EDITED)",
     ["--epoch", "2024-01-19T00:00:00Z"]),
    # Sun-synchronous polar orbit at the ISS's height (97.1 deg at ~415 km): passes over
    # both poles, so every city of the war passes beneath it within a day.
    ("preset-polar.tle", TODAY, "ISS (POLAR, EDITED)", ["--inclination", "97.1", *SAME_HEIGHT]),
    # The critical inclination (63.4 deg, Molniya's): reaches 63 deg N, over Moscow,
    # Korolyov and most of Russia, Europe, Canada.
    ("preset-high-63.tle", TODAY, "ISS (63.4 DEG, EDITED)",
     ["--inclination", "63.4", *SAME_HEIGHT]),
    # Low equatorial orbit: stays within 8 deg of the equator. Neither Korolyov (55.9 N)
    # nor Houston (29.6 N) ever sees it above the horizon: no orders reach the crew.
    ("preset-equatorial.tle", TODAY, "ISS (EQUATORIAL, EDITED)",
     ["--inclination", "8", *SAME_HEIGHT]),
]


def main() -> int:
    for out, source, name, options in PRESETS:
        cmd = [sys.executable, "-m", "game", "orbit", "edit", str(ORBITS / source), *options,
               "--name", name, "-o", str(ORBITS / out)]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            return done.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
