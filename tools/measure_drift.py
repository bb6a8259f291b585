"""Measure how fast SGP4 drifts from the real ISS, on the real element sets in ``orbits/``.

Each pair of real ISS sets less than 30 days apart is compared (the later one standing for
the truth; see ``game/orbit/drift.py``), and the figures behind the game's epoch warning
(``game.orbit.api.EPOCH_WARNING_DAYS``) are printed. Run from the repository root::

    python tools/measure_drift.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.orbit.api import EPOCH_WARNING_DAYS, load_orbit  # noqa: E402
from game.orbit.drift import DRIFT_LIMIT_KM, measure_drift  # noqa: E402

MAX_GAP_DAYS = 30.0


def main() -> int:
    sets = sorted((load_orbit(p) for p in (ROOT / "orbits").glob("iss-*.tle")),
                  key=lambda o: o.epoch_unix_s)
    worst = None
    for a, b in itertools.combinations(sets, 2):
        days = (b.epoch_unix_s - a.epoch_unix_s) / 86400.0
        if days > MAX_GAP_DAYS:
            continue
        d = measure_drift(a, b)
        print(f"{Path(a.source).name} -> {Path(b.source).name}: {d.days:.2f} days apart")
        print(f"  older set flown {d.days:.2f} d forward: {d.km_at_newer_epoch:,.0f} km off")
        print(f"  newer set flown {d.days:.2f} d back:    {d.km_at_older_epoch:,.0f} km off")
        print(f"  fit: older set's error {d.k_older_km_per_day2:.2f} km/day^2, newer set's "
              f"{d.k_newer_km_per_day2:.2f} km/day^2 (rms misfit {d.rms_fit_km:.0f} km)")
        for age in (1, 2, 3, 5, 7):
            print(f"    at {age} d: {d.k_worst * age * age:7.0f} km (worse set)")
        print(f"  {DRIFT_LIMIT_KM:.0f} km reached after {d.age_for():.2f} days (worse set)")
        worst = d if worst is None or d.k_worst > worst.k_worst else worst
    if worst is None:
        print("no pair of real sets within 30 days")
        return 1
    print(f"warning age in the game: {EPOCH_WARNING_DAYS:g} days "
          f"(measured: {DRIFT_LIMIT_KM:.0f} km after {worst.age_for():.2f} days)")
    return 0 if EPOCH_WARNING_DAYS <= worst.age_for() else 1


if __name__ == "__main__":
    raise SystemExit(main())
