"""The orbit panel's live preview: ground track, sunlight and passes for an orbit and start.

No pygame, so the bench and tests call it directly. Every slider move runs
:func:`compute_preview` (~a few ms: the fast vectorised SGP4 track three orbits ahead
at 20 s, the sunlight share from the same positions, passes over mission control in the
next 24 h from a vectorised elevation check at 60 s steps); on release it runs again
with ``exact_passes=True`` (Skyfield's ``find_events``). The footprint helpers give the
ground a station sees, for the panel's rings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.facts.earth import WGS84_EQUATORIAL_RADIUS_KM
from game.facts.ground import DEFAULT_MIN_ELEVATION_DEG, GROUND_STATIONS, MISSION_CONTROL

#: Sampling of the live preview: the track and the pass scan share one SGP4 run.
PREVIEW_STEP_S = 20.0
PASS_SCAN_STEP_S = 60.0  # live pass scan: a pass above 10° lasts minutes
PREVIEW_ORBITS = 3
PASS_HOURS = 24.0
STATIONS = tuple((sid, GROUND_STATIONS[sid].short) for sid in MISSION_CONTROL.values())
MIN_ELEVATION_DEG = DEFAULT_MIN_ELEVATION_DEG


@dataclass(frozen=True)
class PassWindow:
    rise_unix_s: float
    set_unix_s: float
    max_elevation_deg: float


@dataclass(frozen=True)
class Preview:
    """What the panel shows for one orbit and mission start."""

    start_unix_s: float
    unix_s: np.ndarray  # three orbits ahead, PREVIEW_STEP_S apart
    lat_deg: np.ndarray
    lon_deg: np.ndarray
    alt_km: np.ndarray
    sunlit: np.ndarray  # bool per point
    sunlit_share: float
    passes: dict[str, list[PassWindow]]  # station id -> passes in the next PASS_HOURS
    exact: bool  # passes from find_events (True) or the live elevation scan (False)
    sun_ecef: np.ndarray  # (3,) unit vector to the Sun at the start

    @property
    def max_abs_lat_deg(self) -> float:
        return float(np.max(np.abs(self.lat_deg)))


def _elevation_deg(r_ecef_km: np.ndarray, lat_deg: float, lon_deg: float) -> np.ndarray:
    from game.orbit.api import ecef_from_geodetic

    site = ecef_from_geodetic(lat_deg, lon_deg, 0.0)
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    up = np.array([math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)])
    d = r_ecef_km - site
    return np.degrees(np.arcsin(np.clip((d @ up) / np.linalg.norm(d, axis=1), -1.0, 1.0)))


def scan_passes(t: np.ndarray, elev: np.ndarray, min_elevation_deg: float = MIN_ELEVATION_DEG
                ) -> list[PassWindow]:
    """Passes from sampled elevations: rise and set interpolated linearly between samples,
    the peak from a parabola through the highest three (at 60 s steps: seconds and a
    degree or two off; the exact ones come from find_events when the mouse is released).
    A pass shorter than a step can be missed."""
    above = elev >= min_elevation_deg
    if not above.any():
        return []
    edges = np.flatnonzero(np.diff(above.astype(np.int8)))
    starts = list(edges[~above[edges]] + 1)
    ends = list(edges[above[edges]] + 1)  # first index below
    if above[0]:
        starts.insert(0, 0)
    if above[-1]:
        ends.append(len(t))

    def cross(i: int) -> float:  # between samples i-1 and i
        e0, e1 = elev[i - 1], elev[i]
        f = (min_elevation_deg - e0) / (e1 - e0) if e1 != e0 else 0.0
        return float(t[i - 1] + f * (t[i] - t[i - 1]))

    out = []
    for s, e in zip(starts, ends, strict=True):
        rise = float(t[0]) if s == 0 else cross(s)
        sett = float(t[-1]) if e == len(t) else cross(e)
        k = s + int(np.argmax(elev[s:e]))
        peak = float(elev[k])
        if 0 < k < len(t) - 1:  # a parabola through the top three samples
            a, b, c = elev[k - 1], elev[k], elev[k + 1]
            den = a - 2.0 * b + c
            if den < 0.0:
                peak = float(b - (a - c) ** 2 / (8.0 * den))
        out.append(PassWindow(rise, sett, peak))
    return out


def compute_preview(orbit, start_unix_s: float, *, exact_passes: bool = False) -> Preview:
    """Ground track three orbits ahead, sunlight share and passes over mission control.

    Raises :class:`~game.errors.OrbitDataError` if SGP4 cannot fly the orbit then.
    """
    from game.orbit import api

    period_s = orbit.period_min * 60.0
    n3 = int(math.ceil(PREVIEW_ORBITS * period_s / PREVIEW_STEP_S)) + 1
    t3 = start_unix_s + np.arange(n3) * PREVIEW_STEP_S
    r3 = api.position_ecef_km(orbit, t3)
    lat, lon, alt = api.geodetic_from_ecef(r3)
    sun3 = api.sun_direction_ecef(t3)
    # In the Earth's shadow: behind the Earth (r.s < 0) and inside the cylinder of the
    # Earth's equatorial radius along the Sun line (game.orbit.sun's model), from the
    # same positions instead of a second SGP4 run.
    along = np.einsum("ij,ij->i", r3, sun3)
    off_axis_sq = np.einsum("ij,ij->i", r3, r3) - along**2
    lit = (along >= 0.0) | (off_axis_sq > api.EARTH_SHADOW_RADIUS_KM**2)
    passes: dict[str, list[PassWindow]] = {}
    if not exact_passes:
        t_day = start_unix_s + np.arange(0.0, PASS_HOURS * 3600.0 + 1.0, PASS_SCAN_STEP_S)
        r = api.position_ecef_km(orbit, t_day)
    for sid, _label in STATIONS:
        st = api.GROUND_STATIONS[sid]
        if exact_passes:
            passes[sid] = [PassWindow(p.rise_unix_s, p.set_unix_s, p.max_elevation_deg)
                           for p in api.passes(orbit, sid, start_unix_s, PASS_HOURS,
                                               MIN_ELEVATION_DEG)]
        else:
            passes[sid] = scan_passes(t_day, _elevation_deg(r, st.lat_deg, st.lon_deg))
    return Preview(float(start_unix_s), t3, lat, lon, alt, lit, float(lit.mean()), passes,
                   exact_passes, np.asarray(sun3[0], float))


def footprint_radius_deg(alt_km: float, min_elevation_deg: float = MIN_ELEVATION_DEG) -> float:
    """Great-circle radius of the ground that sees a satellite at ``alt_km`` at least
    ``min_elevation_deg`` above its horizon (spherical Earth)."""
    re_km = WGS84_EQUATORIAL_RADIUS_KM
    e = math.radians(min_elevation_deg)
    return math.degrees(math.acos(re_km / (re_km + alt_km) * math.cos(e)) - e)


def circle_latlon(lat_deg: float, lon_deg: float, radius_deg: float, n: int = 120):
    lat1, lon1, d = math.radians(lat_deg), math.radians(lon_deg), math.radians(radius_deg)
    b = np.linspace(0.0, 2 * np.pi, n)
    lat2 = np.arcsin(np.sin(lat1) * np.cos(d) + np.cos(lat1) * np.sin(d) * np.cos(b))
    lon2 = lon1 + np.arctan2(np.sin(b) * np.sin(d) * np.cos(lat1),
                             np.cos(d) - np.sin(lat1) * np.sin(lat2))
    return np.degrees(lat2), (np.degrees(lon2) + 180.0) % 360.0 - 180.0
