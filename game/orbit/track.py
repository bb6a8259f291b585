"""Where the ISS is over the Earth: SGP4 positions turned Earth-fixed and geodetic.

Two paths that must agree (tests hold them to 100 m over ten days):

* :func:`ground_track` — the fast one the game uses every frame: ``Satrec.sgp4_array``
  on all times at once, TEME → Earth-fixed by the GMST-1982 angle at UT1 (exactly the
  rotation Skyfield's TEME → ITRS chain reduces to; polar motion, a few metres, is
  ignored as Skyfield's built-in timescale also ignores it), then WGS84 geodetic
  coordinates by Bowring's closed form.
* :func:`ground_track_skyfield` — the reference: ``wgs84.subpoint_of(sat.at(t))``,
  about 50-100x slower.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.errors import OrbitDataError
from game.facts.earth import (
    WGS84_ECCENTRICITY_SQUARED,
    WGS84_EQUATORIAL_RADIUS_KM,
    WGS84_FLATTENING,
)
from game.orbit.elements import Orbit
from game.orbit.flight import flight_problem
from game.orbit.timescale import (
    DAY_S,
    JD_UNIX_EPOCH,
    as_unix_array,
    check_time_span,
    dut1_s,
    jd_utc_split,
)

__all__ = ["Track", "ground_track", "ground_track_skyfield", "position_ecef_km",
           "position_teme_km", "gmst_rad", "geodetic_from_ecef", "ecef_from_geodetic",
           "split_antimeridian", "WGS84_A_KM", "WGS84_F"]

WGS84_A_KM = WGS84_EQUATORIAL_RADIUS_KM
WGS84_F = WGS84_FLATTENING
_E2 = WGS84_ECCENTRICITY_SQUARED
_JD_J2000 = 2451545.0
_TAU = 2.0 * np.pi


@dataclass(frozen=True)
class Track:
    """Sub-satellite points at ``unix_s``: WGS84 latitude, east longitude in [-180, 180),
    and height above the ellipsoid."""

    unix_s: np.ndarray
    lat_deg: np.ndarray
    lon_deg: np.ndarray
    alt_km: np.ndarray

    def __len__(self) -> int:
        return len(self.unix_s)


def gmst_rad(unix_s) -> np.ndarray:
    """Greenwich mean sidereal angle (IAU 1982, as SGP4's TEME frame defines it), radians.

    Evaluated at UT1 (UTC + DUT1 from Skyfield's built-in table), the same formula and
    time scale Skyfield uses to turn TEME into the Earth-fixed frame. The polynomial is
    evaluated once, at the first time; the others follow at its rate (the dropped
    quadratic term is 1e-10 rad over a month), which saves a third of the cost.
    """
    t = as_unix_array(unix_s)
    if t.size == 0:
        return t.copy()
    ut1 = t + dut1_s(t)
    ut1_0 = ut1[0]
    day0 = np.floor(ut1_0 / DAY_S)
    whole = JD_UNIX_EPOCH + day0  # UT1 Julian date, split for precision
    frac = (ut1_0 - day0 * DAY_S) / DAY_S
    tc = (whole - _JD_J2000 + frac) / 36525.0
    g = 67310.54841 + (8640184.812866 + (0.093104 + (-6.2e-6) * tc) * tc) * tc
    dg = 8640184.812866 + (0.093104 * 2.0 + (-6.2e-6 * 3.0) * tc) * tc
    theta0 = (whole % 1.0 + frac + g / DAY_S % 1.0) % 1.0 * _TAU
    rate = (1.0 + dg / (DAY_S * 36525.0)) * _TAU / DAY_S  # rad per UT1 second
    return (theta0 + rate * (ut1 - ut1_0)) % _TAU


def position_teme_km(orbit: Orbit, unix_s) -> np.ndarray:
    """SGP4 positions in the TEME frame, shape (n, 3), km.

    Raises :class:`OrbitDataError` if SGP4 cannot fly to some time (an error code: the
    orbit has decayed by then; or a position that is not finite, under the ground or out
    of the Earth's reach), naming the first such time, or if a time is outside the span
    the game computes (:func:`~game.orbit.timescale.supported_span`: one span for the
    whole game, so a track never exists without its day and night). Every position the
    game computes comes through here, so NaN never reaches the game.
    """
    t = as_unix_array(unix_s)
    check_time_span(t)
    jd, fr = jd_utc_split(t)
    err, r, _ = orbit.satrec.sgp4_array(jd, fr)
    problem = flight_problem(orbit, t, err, r)
    if problem:
        raise OrbitDataError(problem, where=orbit.source)
    return r


def position_ecef_km(orbit: Orbit, unix_s) -> np.ndarray:
    """Earth-fixed (ITRF, polar motion ignored) ISS positions, shape (n, 3), km.

    What the 3D view draws: x towards (0° N, 0° E), z towards the North Pole.
    """
    t = as_unix_array(unix_s)
    r = position_teme_km(orbit, t)
    theta = gmst_rad(t)
    c, s = np.cos(theta), np.sin(theta)
    out = np.empty_like(r)
    out[:, 0] = c * r[:, 0] + s * r[:, 1]
    out[:, 1] = -s * r[:, 0] + c * r[:, 1]
    out[:, 2] = r[:, 2]
    return out


def geodetic_from_ecef(xyz_km: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """WGS84 (lat_deg, lon_deg in [-180, 180), height_km) of Earth-fixed points.

    Skyfield iterates; Bowring's formula gets the same answer in one vectorised step.
    """
    x, y, z = xyz_km[:, 0], xyz_km[:, 1], xyz_km[:, 2]
    p = np.hypot(x, y)
    # Bowring's closed form: one step is exact to micrometres below 1000 km altitude.
    b = WGS84_A_KM * (1.0 - WGS84_F)
    ep2 = _E2 / (1.0 - _E2)
    u = np.arctan2(z * WGS84_A_KM, p * b)
    su, cu = np.sin(u), np.cos(u)
    lat = np.arctan2(z + ep2 * b * (su * su * su), p - _E2 * WGS84_A_KM * (cu * cu * cu))
    s, c = np.sin(lat), np.cos(lat)
    n = WGS84_A_KM / np.sqrt(1.0 - _E2 * s * s)
    # Height: robust form at any latitude (projections on the normal).
    height = p * c + z * s - n * (1.0 - _E2 * s * s)
    lon = np.degrees(np.arctan2(y, x))
    lon = (lon + 180.0) % 360.0 - 180.0
    return np.degrees(lat), lon, height


def ecef_from_geodetic(lat_deg, lon_deg, height_km=0.0) -> np.ndarray:
    """Earth-fixed position(s), km, of WGS84 geodetic points; shape (..., 3)."""
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    s = np.sin(lat)
    n = WGS84_A_KM / np.sqrt(1.0 - _E2 * s * s)
    return np.stack([(n + height_km) * np.cos(lat) * np.cos(lon),
                     (n + height_km) * np.cos(lat) * np.sin(lon),
                     (n * (1.0 - _E2) + height_km) * s], axis=-1)


def ground_track(orbit: Orbit, unix_s) -> Track:
    """Sub-satellite points by the fast vectorised path (the one the game uses)."""
    t = as_unix_array(unix_s)
    lat, lon, alt = geodetic_from_ecef(position_ecef_km(orbit, t))
    return Track(t, lat, lon, alt)


def ground_track_skyfield(orbit: Orbit, unix_s) -> Track:
    """Sub-satellite points by Skyfield's full chain: the reference for the fast path."""
    from skyfield.api import EarthSatellite, wgs84

    from game.orbit.timescale import skyfield_times, timescale

    t = as_unix_array(unix_s)
    check_time_span(t)
    sat = EarthSatellite.from_satrec(orbit.satrec, timescale())
    # geographic_position_of: the same lat/lon as subpoint_of, plus the height.
    sub = wgs84.geographic_position_of(sat.at(skyfield_times(t)))
    lon = (sub.longitude.degrees + 180.0) % 360.0 - 180.0
    return Track(t, sub.latitude.degrees, lon, sub.elevation.km)


def split_antimeridian(lat_deg: np.ndarray, lon_deg: np.ndarray) -> list[np.ndarray]:
    """A track as lines of (lon, lat) rows that never jump across the ±180° meridian.

    Where consecutive points wrap, the crossing latitude is interpolated and both pieces
    end exactly on the meridian (+180 on one side, -180 on the other), so they touch.
    """
    lat = np.asarray(lat_deg, float)
    lon = np.asarray(lon_deg, float)
    if len(lat) == 0:
        return []
    d = np.diff(lon)
    wraps = np.flatnonzero(np.abs(d) > 180.0)
    pieces = []
    start = 0
    prefix: np.ndarray | None = None
    for i in wraps:
        lon0, lon1, lat0, lat1 = lon[i], lon[i + 1], lat[i], lat[i + 1]
        edge = 180.0 if lon0 > 0 else -180.0  # the meridian as seen from point i
        lon1_unwrapped = lon1 + 2 * edge
        frac = (edge - lon0) / (lon1_unwrapped - lon0) if lon1_unwrapped != lon0 else 0.0
        lat_x = lat0 + frac * (lat1 - lat0)
        body = np.column_stack([lon[start:i + 1], lat[start:i + 1]])
        parts = [p for p in (prefix, body) if p is not None]
        parts.append(np.array([[edge, lat_x]]))
        pieces.append(np.vstack(parts))
        prefix = np.array([[-edge, lat_x]])
        start = i + 1
    body = np.column_stack([lon[start:], lat[start:]])
    pieces.append(np.vstack([p for p in (prefix, body) if p is not None]))
    return pieces
