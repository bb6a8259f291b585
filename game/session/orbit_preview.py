"""The orbit panel's live preview: ground track, sunlight and passes for an orbit and start.

No pygame, so the bench and tests call it directly. Every slider move runs
:func:`compute_preview` (a few ms): the one orbit sampler
(:func:`game.orbit.api.sample_orbit`, the one the timeline and the window's feed use) at
20 s over the next 24 h gives the track three orbits ahead, the sunlight share and a
vectorised elevation scan for the passes over mission control (each station's own mask,
:mod:`game.facts.ground`); on release it runs again with ``exact_passes=True``
(Skyfield's ``find_events``). The footprint helpers give the ground a station sees, for
the panel's rings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.facts.earth import WGS84_EQUATORIAL_RADIUS_KM
from game.facts.ground import GROUND_STATIONS, MISSION_CONTROL

#: Sampling of the live preview: the track and the pass scan share one SGP4 run (a pass
#: above 10 degrees lasts minutes: at 20 s its rise and set are seconds off).
PREVIEW_STEP_S = 20.0
PREVIEW_ORBITS = 3
PASS_HOURS = 24.0
STATIONS = tuple((sid, GROUND_STATIONS[sid].short) for sid in MISSION_CONTROL.values())


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


def scan_passes(t: np.ndarray, elev: np.ndarray, min_elevation_deg: float) -> list[PassWindow]:
    """Passes from sampled elevations: rise and set interpolated linearly between samples,
    the peak from a parabola through the highest three (at 20 s steps: seconds and a
    fraction of a degree off; the exact ones come from find_events when the mouse is
    released). A pass shorter than a step can be missed."""
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
    n_day = int(PASS_HOURS * 3600.0 / PREVIEW_STEP_S) + 1
    n = n3 if exact_passes else max(n3, n_day)  # the exact passes need no scan
    s = api.sample_orbit(orbit, start_unix_s + np.arange(n) * PREVIEW_STEP_S)
    track = slice(0, n3)
    lit = s.sunlit[track]
    passes: dict[str, list[PassWindow]] = {}
    for sid, _label in STATIONS:
        mask = GROUND_STATIONS[sid].min_elevation_deg
        if exact_passes:
            passes[sid] = [PassWindow(p.rise_unix_s, p.set_unix_s, p.max_elevation_deg)
                           for p in api.passes(orbit, sid, start_unix_s, PASS_HOURS)]
        else:
            passes[sid] = scan_passes(s.unix_s[:n_day],
                                      api.elevation_from_ecef_deg(s.r_ecef_km[:n_day], sid),
                                      mask)
    return Preview(float(start_unix_s), s.unix_s[track], s.lat_deg[track], s.lon_deg[track],
                   s.alt_km[track], lit, float(lit.mean()), passes, exact_passes,
                   np.asarray(s.sun_ecef[0], float))


def footprint_radius_deg(alt_km: float, station_id: str) -> float:
    """Great-circle radius of the ground around ``station_id`` that sees a satellite at
    ``alt_km`` at least the station's own elevation mask above its horizon (spherical
    Earth)."""
    re_km = WGS84_EQUATORIAL_RADIUS_KM
    e = math.radians(GROUND_STATIONS[station_id].min_elevation_deg)
    return math.degrees(math.acos(re_km / (re_km + alt_km) * math.cos(e)) - e)


def circle_latlon(lat_deg: float, lon_deg: float, radius_deg: float, n: int = 120):
    lat1, lon1, d = math.radians(lat_deg), math.radians(lon_deg), math.radians(radius_deg)
    b = np.linspace(0.0, 2 * np.pi, n)
    lat2 = np.arcsin(np.sin(lat1) * np.cos(d) + np.cos(lat1) * np.sin(d) * np.cos(b))
    lon2 = lon1 + np.arctan2(np.sin(b) * np.sin(d) * np.cos(lat1),
                             np.cos(d) - np.sin(lat1) * np.sin(lat2))
    return np.degrees(lat2), (np.degrees(lon2) + 180.0) % 360.0 - 180.0
