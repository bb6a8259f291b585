"""Can SGP4 fly this element set over a span of time? A coarse sample says, cheaply.

SGP4 answers anything it is asked, and some answers are not an orbit: an error code
(decayed, eccentricity out of range), NaN with no error, or a position a hundred
million km out for a satellite with a huge negative drag term. The game refuses such a
span *before* computing with it (a track, a timeline, passes, the Sun), with one line
saying when it fails and why, worded for before or after the epoch.

The sample is three points an orbit (at least 16, at most :data:`MAX_SAMPLES`), spread
so they fall at different phases of the orbit; it costs well under a millisecond for a
span of days. Dense work (a game's timeline, a track) checks every point it computes as
well (:func:`game.orbit.track.position_teme_km`), so a failure between two samples is
still one clean error, never NaN in the game.
"""

from __future__ import annotations

import math

import numpy as np

from game.errors import OrbitDataError
from game.orbit.elements import Orbit, epoch_offset_text, sgp4_error_text
from game.orbit.limits import MAX_RADIUS_KM, MIN_RADIUS_KM
from game.orbit.timescale import DAY_S, iso_utc, jd_utc_split

__all__ = ["check_flight", "flight_problem", "MAX_SAMPLES"]

MAX_SAMPLES = 2000
_PER_ORBIT = 3.0
_GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0


def _sample_times(orbit: Orbit, start: float, end: float) -> np.ndarray:
    period_s = 2.0 * math.pi / max(orbit.satrec.no_kozai, 1e-12) * 60.0
    n = int(min(max(math.ceil((end - start) / period_s * _PER_ORBIT) + 2, 16), MAX_SAMPLES))
    if end <= start:
        return np.array([start], dtype=np.float64)
    # Evenly spaced, each inner point nudged by a golden-ratio fraction of a step, so a
    # step that happens to be a whole number of orbits does not sample one phase only.
    step = (end - start) / (n - 1)
    jitter = (np.arange(n) * _GOLDEN) % 1.0 - 0.5
    jitter[0] = jitter[-1] = 0.0
    return np.ascontiguousarray(start + (np.arange(n) + jitter * 0.9) * step)


def flight_problem(orbit: Orbit, unix_s: np.ndarray, err: np.ndarray,
                   r: np.ndarray, v: np.ndarray | None = None) -> str | None:
    """Why SGP4's output at ``unix_s`` is not an orbit the game can use, at the bad
    time nearest the epoch, or None when every point is fine."""
    with np.errstate(invalid="ignore", over="ignore"):
        finite = np.isfinite(r).all(axis=1)
        if v is not None:
            finite &= np.isfinite(v).all(axis=1)
        radius = np.sqrt((np.where(finite[:, None], r, 0.0) ** 2).sum(axis=1))
    bad = (err != 0) | ~finite | (radius > MAX_RADIUS_KM) | (radius < MIN_RADIUS_KM)
    if not bad.any():
        return None
    # the failure nearest the epoch: what goes wrong first as the set is flown away from it
    where_bad = np.flatnonzero(bad)
    i = int(where_bad[np.argmin(np.abs(unix_s[where_bad] - orbit.epoch_unix_s))])
    t = float(unix_s[i])
    days = (t - orbit.epoch_unix_s) / DAY_S
    when = f"{iso_utc(t)} ({epoch_offset_text(days)})"
    if err[i]:
        why = f"{sgp4_error_text(err[i], days)} (SGP4 error {int(err[i])})"
    elif not finite[i]:
        why = "SGP4 gives no finite position"
    elif radius[i] > MAX_RADIUS_KM:
        why = (f"SGP4 puts it {radius[i]:.3g} km from the Earth's centre, beyond the "
               f"{MAX_RADIUS_KM:,.0f} km of an Earth orbit")
    else:
        why = "SGP4 puts it under the ground"
    return f"{orbit.name}: SGP4 cannot propagate to {when}: {why}"


def check_flight(orbit: Orbit, start_unix_s: float, end_unix_s: float,
                 where: str | None = None) -> None:
    """Raise :class:`OrbitDataError` unless SGP4 gives a finite position within the
    Earth's reach (and no error code) at a coarse sample over ``start..end``."""
    start, end = sorted((float(start_unix_s), float(end_unix_s)))
    if not (math.isfinite(start) and math.isfinite(end)):
        raise OrbitDataError(f"{orbit.name}: the time span to fly is not finite",
                             where=where or orbit.source)
    t = _sample_times(orbit, start, end)
    jd, fr = jd_utc_split(t)
    err, r, v = orbit.satrec.sgp4_array(jd, fr)
    problem = flight_problem(orbit, t, err, r, v)
    if problem:
        raise OrbitDataError(problem, where=where or orbit.source)
