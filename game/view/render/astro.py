"""Small geometry helpers for the view: Earth-fixed (ECEF) vectors, in Earth radii.

The view draws a spherical Earth of radius 1 in the Earth-fixed frame: x to (0N, 0E),
y to (0N, 90E), z to the North Pole. The orbit engine (``game.orbit.api``) supplies the
real ISS state and the real Sun; the closed-form Sun here is only a fallback (about 0.1
degree of error, far below a pixel of a whole-Earth view) for when that API is absent.
"""

from __future__ import annotations

import numpy as np

from game.facts.earth import EARTH_MEAN_RADIUS_KM

EARTH_RADIUS_KM = EARTH_MEAN_RADIUS_KM
DEG = np.pi / 180.0


def unit_from_latlon(lat_deg, lon_deg) -> np.ndarray:
    """Unit vectors (n, 3) for latitudes/longitudes in degrees."""
    lat = np.radians(np.asarray(lat_deg, dtype=np.float64))
    lon = np.radians(np.asarray(lon_deg, dtype=np.float64))
    cl = np.cos(lat)
    return np.stack([cl * np.cos(lon), cl * np.sin(lon), np.sin(lat)], axis=-1)


def latlon_from_unit(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    v = np.asarray(v, dtype=np.float64)
    r = np.linalg.norm(v, axis=-1)
    return np.degrees(np.arcsin(v[..., 2] / r)), np.degrees(np.arctan2(v[..., 1], v[..., 0]))


def gmst_rad(unix_s) -> np.ndarray:
    """Greenwich mean sidereal angle (IAU 1982, UT1 taken as UTC)."""
    d = (np.asarray(unix_s, dtype=np.float64) - 946728000.0) / 86400.0  # days from J2000
    return np.mod(np.radians(280.46061837 + 360.98564736629 * d), 2 * np.pi)


def sun_direction_ecef(unix_s) -> np.ndarray:
    """Unit vector (n, 3) towards the Sun, Earth-fixed (low-precision almanac formula)."""
    t = np.atleast_1d(np.asarray(unix_s, dtype=np.float64))
    d = (t - 946728000.0) / 86400.0
    g = np.radians(357.529 + 0.98560028 * d)
    q = 280.459 + 0.98564736 * d
    lam = np.radians(q + 1.915 * np.sin(g) + 0.020 * np.sin(2 * g))
    eps = np.radians(23.439 - 0.00000036 * d)
    x, y, z = np.cos(lam), np.cos(eps) * np.sin(lam), np.sin(eps) * np.sin(lam)
    th = gmst_rad(t)
    c, s = np.cos(th), np.sin(th)
    return np.stack([c * x + s * y, -s * x + c * y, z], axis=-1)


def rot_z(angle_rad: float) -> np.ndarray:
    c, s = np.cos(angle_rad), np.sin(angle_rad)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def smoothstep(e0: float, e1: float, x):
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)
