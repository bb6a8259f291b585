"""Building the simulation's :class:`~game.orbit.timeline.OrbitTimeline` in one go.

Everything is vectorised over the samples: the one orbit sampler
(:func:`game.orbit.sample.sample_orbit`: one SGP4 call, one Earth rotation, one shadow
test), then one elevation test per station. A day at 10 s (8,640 samples) takes a few
milliseconds, so the game can rebuild it whenever the orbit is edited.
"""

from __future__ import annotations

import numpy as np

from game.errors import UserError
from game.facts.ground import GROUND_STATIONS
from game.orbit.elements import Orbit
from game.orbit.passes import in_view
from game.orbit.sample import sample_orbit
from game.orbit.sun import direction_lat_lon_deg
from game.orbit.timeline import OrbitTimeline
from game.orbit.timescale import check_time_span

__all__ = ["build_timeline", "MAX_TIMELINE_SAMPLES"]

#: A bound on one timeline (about 46 days at 1 s): keeps memory in the tens of MB.
MAX_TIMELINE_SAMPLES = 4_000_000


def build_timeline(orbit: Orbit, start_unix_s: float, step_s: float, n: int,
                   min_elevation_deg: float | None = None) -> OrbitTimeline:
    """Per-sample sky facts for ``n`` samples ``step_s`` apart from ``start_unix_s``.

    Stations count as in view at their own elevation mask (``game.facts.ground``: 10°,
    below which real links are unreliable) unless ``min_elevation_deg`` says otherwise.
    """
    if not step_s > 0:
        raise UserError(f"timeline step must be positive, got {step_s}")
    if not 1 <= n <= MAX_TIMELINE_SAMPLES:
        raise UserError(f"timeline must have 1..{MAX_TIMELINE_SAMPLES} samples, got {n}")
    check_time_span([float(start_unix_s), float(start_unix_s) + (int(n) - 1) * float(step_s)],
                    "mission time")
    t = float(start_unix_s) + np.arange(int(n), dtype=np.float64) * float(step_s)
    s = sample_orbit(orbit, t)
    sub_lat, sub_lon = direction_lat_lon_deg(s.sun_ecef)  # the sub-solar point
    return OrbitTimeline(
        start_unix_s=float(start_unix_s),
        step_s=float(step_s),
        lat_deg=s.lat_deg,
        lon_deg=s.lon_deg,
        alt_km=s.alt_km,
        sunlit=s.sunlit,
        subsolar_lat_deg=sub_lat,
        subsolar_lon_deg=sub_lon,
        station_in_view={sid: in_view(s.r_ecef_km, sid, min_elevation_deg)
                         for sid in GROUND_STATIONS},
        orbit_id=orbit.orbit_id,
    )
