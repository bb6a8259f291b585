"""Bench figures for the orbit layer (``iss-game bench``, section ``ground_track``).

Speeds are wall-clock medians on this machine; the error is the fast path against
Skyfield's full chain over ten days. Kept out of the tests on purpose: tests check
correctness, the bench reports speed.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

__all__ = ["bench_ground_track"]


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


def bench_ground_track(quick: bool = False) -> dict:
    """8,640 points (24 h at 10 s): fast path vs Skyfield, and the 10-day max error."""
    from game.orbit.api import (
        build_timeline,
        ecef_from_geodetic,
        edit_elements,
        ground_track,
        ground_track_skyfield,
        load_orbit,
    )

    orbit = load_orbit()
    t = orbit.epoch_unix_s + np.arange(8640, dtype=np.float64) * 10.0
    ground_track(orbit, t)  # warm caches (UT1 table)
    build_timeline(orbit, orbit.epoch_unix_s, 10.0, 8640)  # warm the Sun grid
    fast_ms = _median_ms(lambda: ground_track(orbit, t), 5 if quick else 30)
    sky_ms = _median_ms(lambda: ground_track_skyfield(orbit, t), 1 if quick else 3)
    timeline_ms = _median_ms(lambda: build_timeline(orbit, orbit.epoch_unix_s, 10.0, 8640),
                             3 if quick else 15)
    n_edit = 200 if quick else 2000
    t0 = time.perf_counter()
    for i in range(n_edit):
        edit_elements(orbit, altitude_km=400.0 + (i % 100), inclination_deg=51.0 + i % 7)
    edit_us = (time.perf_counter() - t0) / n_edit * 1e6

    step = 601.0 if quick else 97.0  # co-prime with the orbit: every phase is sampled
    t10 = orbit.epoch_unix_s + np.arange(0.0, 10 * 86400.0, step)
    a, b = ground_track(orbit, t10), ground_track_skyfield(orbit, t10)
    err_m = np.linalg.norm(ecef_from_geodetic(a.lat_deg, a.lon_deg, a.alt_km)
                           - ecef_from_geodetic(b.lat_deg, b.lon_deg, b.alt_km), axis=1) * 1e3
    return {
        "points": int(len(t)),
        "fast_ms": round(fast_ms, 3),
        "skyfield_ms": round(sky_ms, 1),
        "speedup": round(sky_ms / fast_ms, 1),
        "max_error_m": round(float(err_m.max()), 4),
        "error_samples_10d": int(len(t10)),
        "timeline_8640_ms": round(timeline_ms, 2),
        "edit_elements_us": round(edit_us, 1),
    }
