"""The Sun seen from the Earth and from the ISS: sub-solar point, shadow, orbital dawn.

The Sun's direction comes from JPL DE421 (``skyfield-data``, no download), which covers
only :func:`~game.orbit.timescale.supported_span` (about 1899-07-29..2053-10-08): every
function here raises :class:`~game.errors.OrbitDataError` for a time outside it. Skyfield is
asked only on a coarse hourly grid; between grid points the direction is interpolated in
the quasi-inertial TEME-like frame (where the Sun moves ~0.04° an hour, so linear
interpolation is exact to arc-seconds) and then turned Earth-fixed with the GMST angle
at each instant. That keeps a day of 10-second samples to about a millisecond.

Shadow: the same model as Skyfield's ``is_sunlit``: the ISS is in eclipse when the line
towards the Sun meets a sphere of the Earth's equatorial radius (no penumbra, no
oblateness; those move orbital sunrise by a few seconds).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.facts.earth import WGS84_EQUATORIAL_RADIUS_KM
from game.orbit.elements import Orbit
from game.orbit.timescale import (
    as_unix_array,
    check_time_span,
    hourly_brackets,
    skyfield_times,
)
from game.orbit.track import gmst_rad, position_ecef_km

__all__ = ["sun_direction_ecef", "subsolar_point", "direction_lat_lon_deg", "sunlit",
           "sunlit_skyfield", "sun_events", "SunEvent", "terminator", "EARTH_SHADOW_RADIUS_KM"]

#: Radius of the Earth's shadow cylinder: the equatorial radius, as Skyfield uses.
EARTH_SHADOW_RADIUS_KM = WGS84_EQUATORIAL_RADIUS_KM
_GRID_S = 3600.0
_grid_cache: dict[int, np.ndarray] = {}  # hour index -> Sun unit vector, TEME-like frame


def _rotate_z(v: np.ndarray, angle: np.ndarray) -> np.ndarray:
    """Rotate vectors (n, 3) by ``angle`` about z (counter-clockwise, radians)."""
    c, s = np.cos(angle), np.sin(angle)
    out = np.empty_like(v)
    out[:, 0] = c * v[:, 0] - s * v[:, 1]
    out[:, 1] = s * v[:, 0] + c * v[:, 1]
    out[:, 2] = v[:, 2]
    return out


def _sun_grid(hours: np.ndarray) -> np.ndarray:
    missing = [int(h) for h in hours if int(h) not in _grid_cache]
    if missing:
        from skyfield.framelib import itrs

        from game.orbit.timescale import ephemeris

        eph = ephemeris()
        t_s = np.array(missing, float) * _GRID_S
        pos = (eph["sun"] - eph["earth"]).at(skyfield_times(t_s)).frame_xyz(itrs).km.T
        pos /= np.linalg.norm(pos, axis=1)[:, None]
        inertial = _rotate_z(pos, gmst_rad(t_s))  # undo the Earth's turn: TEME-like
        if len(_grid_cache) > 100_000:
            _grid_cache.clear()
        _grid_cache.update(zip(missing, inertial, strict=True))
    return np.array([_grid_cache[int(h)] for h in hours])


def sun_direction_ecef(unix_s) -> np.ndarray:
    """Unit vectors from the Earth's centre towards the Sun, Earth-fixed, shape (n, 3).

    Geometric direction from DE421 (aberration, 20 arc-seconds, left out).
    """
    t = as_unix_array(unix_s)
    if t.size == 0:
        return np.empty((0, 3))
    check_time_span(t)
    # Only the grid hours that bracket the times asked for: a year-long track needs
    # thousands, and two far-apart times need four, not every hour in between.
    hours, i, w = hourly_brackets(t, _GRID_S)
    grid = _sun_grid(hours)
    w = w[:, None]
    v = grid[i] * (1.0 - w) + grid[i + 1] * w
    v /= np.linalg.norm(v, axis=1)[:, None]
    return _rotate_z(v, -gmst_rad(t))


def direction_lat_lon_deg(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(lat_deg, lon_deg in [-180, 180)) that Earth-fixed unit vectors (n, 3) point to:
    the sub-solar point of a Sun direction, the points of the terminator circle."""
    lat = np.degrees(np.arcsin(np.clip(v[:, 2], -1.0, 1.0)))
    lon = (np.degrees(np.arctan2(v[:, 1], v[:, 0])) + 180.0) % 360.0 - 180.0
    return lat, lon


def subsolar_point(unix_s) -> tuple[np.ndarray, np.ndarray]:
    """Where the Sun is overhead: WGS84 (lat_deg, lon_deg in [-180, 180)).

    The geodetic latitude whose vertical points at the (infinitely far) Sun is just the
    Sun's declination in the Earth-fixed frame.
    """
    return direction_lat_lon_deg(sun_direction_ecef(unix_s))


def shadow_margin_km(r: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Positive in sunlight, negative in shadow, continuous: distance of the ISS from the
    shadow cylinder's surface on the night side, and |r| - R on the day side."""
    along = np.einsum("ij,ij->i", r, s)
    dist_axis = np.sqrt(np.maximum(np.einsum("ij,ij->i", r, r) - along**2, 0.0))
    day = np.linalg.norm(r, axis=1)
    return np.where(along < 0.0, dist_axis, day) - EARTH_SHADOW_RADIUS_KM


def sunlit(orbit: Orbit, unix_s) -> np.ndarray:
    """Is the ISS in sunlight (not in the Earth's shadow) at each time? bool array."""
    t = as_unix_array(unix_s)
    return shadow_margin_km(position_ecef_km(orbit, t), sun_direction_ecef(t)) > 0.0


def sunlit_skyfield(orbit: Orbit, unix_s) -> np.ndarray:
    """Reference: Skyfield's ``is_sunlit`` with DE421, for tests and the bench."""
    from skyfield.api import EarthSatellite

    from game.orbit.timescale import ephemeris, timescale

    check_time_span(unix_s)
    sat = EarthSatellite.from_satrec(orbit.satrec, timescale())
    return np.asarray(sat.at(skyfield_times(unix_s)).is_sunlit(ephemeris()), bool)


@dataclass(frozen=True)
class SunEvent:
    """Orbital sunrise (``kind == "sunrise"``: leaving the shadow) or sunset."""

    unix_s: float
    kind: str


def sun_events(orbit: Orbit, start_unix_s: float, end_unix_s: float,
               scan_step_s: float = 30.0) -> list[SunEvent]:
    """Orbital sunrises and sunsets between two times, each to well under a second.

    Scans at ``scan_step_s`` (ISS day and night each last over 30 minutes) and refines
    every change by bisection, all crossings at once.
    """
    if not end_unix_s > start_unix_s:
        return []
    n = int(np.ceil((end_unix_s - start_unix_s) / scan_step_s)) + 1
    t = np.minimum(start_unix_s + np.arange(n) * scan_step_s, end_unix_s)
    lit = sunlit(orbit, t)
    idx = np.flatnonzero(lit[1:] != lit[:-1])
    if idx.size == 0:
        return []
    lo, hi = t[idx].copy(), t[idx + 1].copy()
    rising = ~lit[idx]
    for _ in range(30):  # 30 s / 2**30: far below a microsecond
        mid = 0.5 * (lo + hi)
        m_lit = sunlit(orbit, mid)
        same_as_lo = m_lit != rising
        lo = np.where(same_as_lo, mid, lo)
        hi = np.where(same_as_lo, hi, mid)
    times = 0.5 * (lo + hi)
    return [SunEvent(float(ti), "sunrise" if r else "sunset")
            for ti, r in zip(times, rising, strict=True)]


def terminator(unix_s: float, n: int = 361) -> tuple[np.ndarray, np.ndarray]:
    """The day/night line at one instant: ``n`` (lat_deg, lon_deg) points 90° from the
    sub-solar point (geometric; no refraction or twilight)."""
    s = sun_direction_ecef([unix_s])[0]
    a = np.cross(s, [0.0, 0.0, 1.0])
    if np.linalg.norm(a) < 1e-9:
        a = np.array([1.0, 0.0, 0.0])
    a /= np.linalg.norm(a)
    b = np.cross(s, a)
    ang = np.linspace(0.0, 2 * np.pi, n)
    return direction_lat_lon_deg(np.cos(ang)[:, None] * a + np.sin(ang)[:, None] * b)
