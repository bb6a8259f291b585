"""Small geometry helpers for the view: Earth-fixed (ECEF) vectors, in Earth radii.

The view draws a spherical Earth of radius 1 in the Earth-fixed frame: x to (0N, 0E),
y to (0N, 90E), z to the North Pole. The orbit engine (``game.orbit.api``) supplies the
real ISS state, the real Sun and the Earth's rotation (``gmst_rad``): the view has no
second almanac of its own.
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


def gmst_deg(unix_s: float) -> float:
    """The Earth's rotation angle at one instant, degrees: the orbit engine's GMST (the
    angle its Earth-fixed positions and Sun are turned by)."""
    from game.orbit.api import gmst_rad

    return float(np.degrees(gmst_rad(unix_s)[0]))


def rot_z(angle_rad: float) -> np.ndarray:
    c, s = np.cos(angle_rad), np.sin(angle_rad)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def smoothstep(e0: float, e1: float, x):
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)
