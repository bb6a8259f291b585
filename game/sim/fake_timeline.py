"""A hand-made orbit timeline: for rule tests, demos and anything without Skyfield.

``fake_timeline(n)`` is an ISS parked over the mid-Atlantic at night with no ground
station in view; pass ``windows={"houston": [(start, end), ...]}`` (mission seconds,
end exclusive) to open contact windows, and ``sub_point=(lat, lon)`` to move it.
"""

from __future__ import annotations

import numpy as np

from game.facts.ground import GROUND_STATIONS
from game.orbit.timeline import OrbitTimeline

STATIONS = tuple(GROUND_STATIONS)


def fake_timeline(n: int = 60_000, *, windows=None, sub_point=(30.0, -40.0), alt_km=420.0,
                  subsolar=(0.0, 140.0), step_s: float = 1.0,
                  start_unix_s: float = 1_700_000_000.0) -> OrbitTimeline:
    windows = windows or {}
    in_view = {}
    for sid in STATIONS:
        arr = np.zeros(n, dtype=bool)
        for a, b in windows.get(sid, ()):
            arr[int(a // step_s):int(b // step_s)] = True
        in_view[sid] = arr
    return OrbitTimeline(
        start_unix_s=start_unix_s, step_s=step_s,
        lat_deg=np.full(n, sub_point[0]), lon_deg=np.full(n, sub_point[1]),
        alt_km=np.full(n, alt_km), sunlit=np.zeros(n, dtype=bool),
        subsolar_lat_deg=np.full(n, subsolar[0]), subsolar_lon_deg=np.full(n, subsolar[1]),
        station_in_view=in_view, orbit_id="fake:" + repr(sorted(windows.items())),
    )
