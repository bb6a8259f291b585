"""The orbit *timeline*: what the simulation needs to know about the sky, per sample.

``game.orbit`` computes it once (Skyfield, SGP4, DE421) and ``game.sim`` only indexes it,
so the simulation stays fast, free of Skyfield, testable with a hand-made timeline, and
identical on replay. Only numpy and dataclasses here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class OrbitTimeline:
    """Per-sample facts about the orbit, ``step_s`` mission seconds apart from ``start_unix_s``.

    All arrays have the same length ``n``. Times are UTC seconds since 1970-01-01
    (POSIX, no leap seconds). Sample ``i`` describes mission time ``i * step_s``.
    """

    start_unix_s: float
    step_s: float
    lat_deg: np.ndarray  # sub-satellite point, WGS84 geodetic latitude
    lon_deg: np.ndarray  # sub-satellite point, east longitude in [-180, 180)
    alt_km: np.ndarray  # height above the WGS84 ellipsoid
    sunlit: np.ndarray  # bool: the ISS is in sunlight (not in Earth's shadow)
    subsolar_lat_deg: np.ndarray  # where the Sun is overhead: tells night side from day
    subsolar_lon_deg: np.ndarray
    station_in_view: dict[str, np.ndarray] = field(default_factory=dict)  # id -> bool
    orbit_id: str = ""  # identifies the element set (e.g. its two lines) for checksums

    def __post_init__(self):
        n = len(self.lat_deg)
        arrays = [self.lon_deg, self.alt_km, self.sunlit, self.subsolar_lat_deg,
                  self.subsolar_lon_deg, *self.station_in_view.values()]
        if any(len(a) != n for a in arrays):
            raise ValueError("every timeline array must have the same length")
        if self.step_s <= 0:
            raise ValueError("step_s must be positive")

    def __len__(self) -> int:
        return len(self.lat_deg)

    @property
    def duration_s(self) -> float:
        """Mission seconds covered: the last sample is at ``duration_s``."""
        return (len(self) - 1) * self.step_s

    def index_at(self, mission_s: float) -> int:
        """Sample index in effect at ``mission_s`` (clamped to the timeline's ends)."""
        return int(min(max(mission_s // self.step_s, 0), len(self) - 1))

    def in_view(self, station_id: str, mission_s: float) -> bool:
        """Is the ISS in view of ground station ``station_id`` at ``mission_s``?"""
        return bool(self.station_in_view[station_id][self.index_at(mission_s)])
