"""Cameras: a plain pinhole camera plus the three controllers the player switches between.

A :class:`Camera` lives in the Earth-fixed frame, in Earth radii. ``rot`` holds the
camera axes as rows (right, down, forward), so a world point ``p`` is ``rot @ (p - pos)``
in camera coordinates, and a pixel is ``centre + f * (x/z, y/z)``.

Controllers (free, follow, cupola) turn the ISS state into a target camera each frame;
:class:`CameraRig` blends from the old camera to the new one when the player switches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.view.render.astro import EARTH_RADIUS_KM, smoothstep, unit_from_latlon


@dataclass
class Camera:
    pos: np.ndarray  # (3,) Earth radii, Earth-fixed
    rot: np.ndarray  # (3, 3) rows: right, down, forward
    fov_y_deg: float = 40.0

    def focal_px(self, height_px: int) -> float:
        return 0.5 * height_px / math.tan(math.radians(self.fov_y_deg) / 2)

    def project(self, pts: np.ndarray, w: int, h: int) -> tuple[np.ndarray, np.ndarray]:
        """Screen xy (n, 2) of world points (n, 3), and camera depth z (n,)."""
        pc = (np.asarray(pts, dtype=np.float64) - self.pos) @ self.rot.T
        z = pc[:, 2]
        zs = np.where(z > 1e-9, z, 1e-9)
        f = self.focal_px(h)
        xy = np.stack([w / 2 + f * pc[:, 0] / zs, h / 2 + f * pc[:, 1] / zs], axis=1)
        return xy, z

    def visible_on_earth(self, pts: np.ndarray, radius: float = 1.0) -> np.ndarray:
        """True where the segment camera -> point does not pass through the Earth."""
        p = np.asarray(pts, dtype=np.float64)
        d = p - self.pos
        dd = np.einsum("ij,ij->i", d, d)
        # Closest approach of the segment to the centre.
        t = np.clip(-(self.pos @ d.T) / np.maximum(dd, 1e-30), 0.0, 1.0)
        closest = self.pos + t[:, None] * d
        blocked = np.einsum("ij,ij->i", closest, closest) < (radius * radius) * (1 - 1e-9)
        # A point on the surface itself: visible iff it faces the camera.
        return ~blocked


def look_rot(forward: np.ndarray, up: np.ndarray) -> np.ndarray:
    f = forward / np.linalg.norm(forward)
    right = np.cross(f, up)
    n = np.linalg.norm(right)
    if n < 1e-9:
        right = np.cross(f, np.array([1.0, 0.0, 0.0]))
        n = np.linalg.norm(right)
    right /= n
    down = np.cross(f, right)
    return np.stack([right, down, f])


def blend(a: Camera, b: Camera, t: float) -> Camera:
    """Camera between ``a`` (t=0) and ``b`` (t=1): positions eased along an arc-ish path."""
    if t >= 1.0:
        return b
    s = float(smoothstep(0.0, 1.0, t))
    ra, rb = np.linalg.norm(a.pos), np.linalg.norm(b.pos)
    ua, ub = a.pos / ra, b.pos / rb
    u = ua * (1 - s) + ub * s
    nu = np.linalg.norm(u)
    u = u / nu if nu > 1e-6 else ub
    # Pull out a little mid-way so the camera swings round the Earth, never through it.
    r = ra * (1 - s) + rb * s + 0.6 * math.sin(math.pi * s) * max(ra, rb) * 0.5
    pos = u * r
    fwd = a.rot[2] * (1 - s) + b.rot[2] * s
    up = -(a.rot[1] * (1 - s) + b.rot[1] * s)
    return Camera(pos, look_rot(fwd, up), a.fov_y_deg * (1 - s) + b.fov_y_deg * s)


class FreeCam:
    """Orbit around the Earth: drag to turn, wheel to zoom. Keeps an inertial heading, so
    the Earth turns beneath it; until the player drags, it drifts after the ISS."""

    def __init__(self, dist: float = 3.7):
        self.az_inertial_deg = 0.0
        self.el_deg = 20.0
        self.dist = dist
        self.auto = True
        self._init = False

    def drag(self, dx_px: float, dy_px: float) -> None:
        self.auto = False
        k = 0.25 * min(self.dist - 1.0, 2.0) / 2.0 + 0.05
        self.az_inertial_deg -= dx_px * k
        self.el_deg = max(-85.0, min(85.0, self.el_deg + dy_px * k))

    def zoom(self, steps: float) -> None:
        self.dist = float(np.clip(1.0 + (self.dist - 1.0) * (0.9 ** steps), 1.15, 12.0))

    def update(self, dt_real: float, iss_lat: float, iss_lon: float, gmst_deg: float) -> None:
        target_az = iss_lon + gmst_deg - 20.0
        target_el = iss_lat * 0.6 + 8.0
        if not self._init:
            self.az_inertial_deg, self.el_deg, self._init = target_az, target_el, True
        if self.auto:
            k = 1.0 - math.exp(-dt_real * 0.5)
            daz = (target_az - self.az_inertial_deg + 180.0) % 360.0 - 180.0
            self.az_inertial_deg += daz * k
            self.el_deg += (target_el - self.el_deg) * k

    def camera(self, gmst_deg: float) -> Camera:
        u = unit_from_latlon(self.el_deg, self.az_inertial_deg - gmst_deg)
        pos = u * self.dist
        return Camera(pos, look_rot(-u, np.array([0.0, 0.0, 1.0])), 40.0)


def _lvlh(iss_pos: np.ndarray, iss_vel: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(forward, starboard, nadir) unit vectors of the ISS local-vertical frame."""
    nadir = -iss_pos / np.linalg.norm(iss_pos)
    fwd = iss_vel - (iss_vel @ nadir) * nadir
    fwd /= np.linalg.norm(fwd)
    stbd = np.cross(nadir, fwd)
    return fwd, stbd, nadir


class FollowCam:
    """Chase view: behind, above and to starboard of the station, about 180 m out, looking
    down at it some 22 degrees: the whole 109 m truss and its wings in frame, the Earth
    below filling the lower half and its limb (20 degrees below the local horizontal
    from 420 km) with space above it."""

    AIM_UP_K, AIM_AHEAD_K = 0.4, 0.25  # the aim point, in units of the offsets above

    def __init__(self):
        self.back_m, self.up_m, self.side_m = 150.0, 68.0, 62.0

    def zoom(self, steps: float) -> None:
        k = 0.9 ** steps
        self.back_m = float(np.clip(self.back_m * k, 60, 600))
        self.up_m = float(np.clip(self.up_m * k, 27, 272))
        self.side_m = float(np.clip(self.side_m * k, 25, 248))

    def camera(self, iss_pos: np.ndarray, iss_vel: np.ndarray) -> Camera:
        fwd, stbd, nadir = _lvlh(iss_pos, iss_vel)
        m = 1.0 / (EARTH_RADIUS_KM * 1000.0)
        off = (-fwd * self.back_m - nadir * self.up_m + stbd * self.side_m) * m
        pos = iss_pos + off
        # Aim above and ahead of the station, so that it sits low and right of centre,
        # clear of the HUD's boxes in the view's upper left (play v2's act box).
        aim = nadir * (4.0 - self.AIM_UP_K * self.up_m) + fwd * self.AIM_AHEAD_K * self.back_m
        look = iss_pos + aim * m - pos
        return Camera(pos, look_rot(look, -nadir), 55.0)


class CupolaCam:
    """The Cupola's view straight down (nadir), the ground track running up the screen.

    Wide, as a face at the windows sees it: ``FOV_DEG`` across the view's height spans
    about 1,800 km of ground from 420 km up (more across a wide window, whose corners
    reach the horizon)."""

    FOV_DEG = 124.0

    def camera(self, iss_pos: np.ndarray, iss_vel: np.ndarray) -> Camera:
        fwd, _stbd, nadir = _lvlh(iss_pos, iss_vel)
        return Camera(iss_pos.copy(), look_rot(nadir, fwd), self.FOV_DEG)


class CameraRig:
    """Holds the three controllers and the active one; eases over ``transition_s``."""

    MODES = ("free", "follow", "cupola")

    def __init__(self, mode: str = "free"):
        self.free, self.follow, self.cupola = FreeCam(), FollowCam(), CupolaCam()
        self.mode = mode
        self._from: Camera | None = None
        self._t = 1.0
        self.transition_s = 1.2
        self.last: Camera | None = None

    def set_mode(self, mode: str) -> None:
        if mode != self.mode and mode in self.MODES:
            self._from = self.last
            self._t = 0.0 if self.last is not None else 1.0
            self.mode = mode

    def cycle(self) -> None:
        self.set_mode(self.MODES[(self.MODES.index(self.mode) + 1) % len(self.MODES)])

    def update(self, dt_real: float, iss_lat: float, iss_lon: float, gmst_deg: float) -> None:
        self.free.update(dt_real, iss_lat, iss_lon, gmst_deg)
        if self._t < 1.0:
            self._t = min(1.0, self._t + dt_real / self.transition_s)

    def camera(self, gmst_deg: float, iss_pos: np.ndarray, iss_vel: np.ndarray) -> Camera:
        if self.mode == "free":
            cam = self.free.camera(gmst_deg)
        elif self.mode == "follow":
            cam = self.follow.camera(iss_pos, iss_vel)
        else:
            cam = self.cupola.camera(iss_pos, iss_vel)
        if self._from is not None and self._t < 1.0:
            cam = blend(self._from, cam, self._t)
        self.last = cam
        return cam
