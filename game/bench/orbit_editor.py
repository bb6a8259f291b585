"""Bench figures for the orbit panel (``iss-game bench``, section ``orbit_editor``).

One live recompute is what the panel does for every slider move: ``edit_elements`` plus
:func:`game.session.orbit_preview.compute_preview` (the one orbit sampler for 24 h at
20 s: the ground track three orbits ahead, sunlight share, passes over Houston and
Korolyov by the vectorised elevation scan of the same positions). The budget is 16 ms
(one frame at 60 fps). The exact recompute on release (passes by Skyfield's
``find_events``) is reported beside it.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

__all__ = ["bench_live_recompute"]


def bench_live_recompute(quick: bool = False) -> dict:
    from game.orbit.api import edit_elements, load_orbit
    from game.session.orbit_preview import PREVIEW_ORBITS, compute_preview

    orbit = load_orbit()
    start = orbit.epoch_unix_s
    n = 40 if quick else 300
    incl = np.linspace(51.6, 97.0, n)  # a drag from the ISS's inclination to polar
    compute_preview(orbit, start)  # warm the Sun grid and UT1 table
    live = []
    points = 0
    for i in incl:
        t0 = time.perf_counter()
        edited = edit_elements(orbit, inclination_deg=float(i),
                               altitude_km=orbit.mean_altitude_km)
        p = compute_preview(edited, start)
        live.append((time.perf_counter() - t0) * 1000.0)
        points = len(p.unix_s)
    exact = []
    for i in incl[:: max(n // (5 if quick else 20), 1)]:
        edited = edit_elements(orbit, inclination_deg=float(i))
        t0 = time.perf_counter()
        compute_preview(edited, start, exact_passes=True)
        exact.append((time.perf_counter() - t0) * 1000.0)
    live_sorted = sorted(live)
    return {
        "track_points": points,
        "orbits_ahead": PREVIEW_ORBITS,
        "live_median_ms": round(statistics.median(live), 2),
        "live_p99_ms": round(live_sorted[min(int(0.99 * len(live)), len(live) - 1)], 2),
        "live_budget_ms": 16.0,
        "release_exact_passes_median_ms": round(statistics.median(exact), 2),
        "samples": n,
    }
