"""The 3D scene: stars, the Earth, ground track, ISS, flashes and the station model.

:class:`Scene` draws a plain :class:`ViewState` (what to show) seen by a
:class:`~game.view.render.camera.Camera` (from where) into a rectangle of any pygame Surface. It
reads the state and never changes it; screens own the state and the camera.

The 3D view is drawn at an internal resolution and scaled up to the rectangle (smoothly):
:class:`RenderBudget` picks it from how long the 3D part of recent frames took, per camera,
so a 4K window costs about what a small one does. What must stay sharp is drawn at the
rectangle's own resolution after the scale: the ISS marker and its label, the station
inset. ``scene.render_size`` is the internal size of the last frame (F3 shows it).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import pygame

from game.view.render.astro import EARTH_RADIUS_KM, gmst_deg, rot_z, unit_from_latlon
from game.view.render.camera import Camera
from game.view.render.feed import IssState
from game.view.render.globe import GlobeRenderer, shade_factors
from game.view.widgets import font

#: Mission seconds: how long the white flash and the orange afterglow last.
FLASH_TAU_S = 6.0
AFTERGLOW_TAU_S = 240.0
AFTERGLOW_END_S = 1200.0
#: Degrees of arc past the horizon from which a strike still lights the air over the limb.
BEYOND_HORIZON_DEG = 12.0
#: The station inset (free camera): its size in pixels, 12 px in from the bottom right.
INSET_SIZE = (300, 190)


def inset_box(rect: pygame.Rect, k: float = 1.0) -> pygame.Rect:
    """Where the station inset goes inside the scene's ``rect``, at interface factor ``k``."""
    w, h = int(INSET_SIZE[0] * k), int(INSET_SIZE[1] * k)
    m = int(12 * k)
    return pygame.Rect(rect.right - w - m, rect.bottom - h - m, w, h)


class RenderBudget:
    """The 3D view's internal resolution, from the time its frames take.

    ``factor(mode, size)`` is the fraction of the view's width and height drawn, one of
    :data:`LEVELS`. Per camera (their costs differ) it keeps running means of the 3D
    part's two costs: what grows with the internal pixels (the globe's ray casting and
    shading, ``pixel_ms``) and what does not (the scale to the window, the station model,
    sprites: ``rest_ms``), and picks the largest level whose predicted time fits
    ``budget_ms``, moving one level at a time and only after a few frames agree, so the
    resolution does not flicker. ``fixed`` forces a factor (tests). A camera starts at
    the level that gives at most :data:`START_PIXELS` internal pixels.
    """

    LEVELS = (1.0, 0.9, 0.8, 0.7, 0.62, 0.55, 0.5, 0.45, 0.4, 0.36, 0.33, 0.3, 0.27, 0.25)
    START_PIXELS = 400_000
    MIN_PIXELS = 90_000

    def __init__(self, budget_ms: float = 12.0):
        self.budget_ms = budget_ms
        self.fixed: float | None = None
        self._level: dict[str, int] = {}
        self._cost: dict[str, tuple[float, float]] = {}  # mode -> (ms per Mpx, rest ms)
        self._votes: dict[str, int] = {}

    def _start_level(self, px: int) -> int:
        for i, f in enumerate(self.LEVELS):
            if px * f * f <= self.START_PIXELS:
                return i
        return len(self.LEVELS) - 1

    def factor(self, mode: str, size: tuple[int, int]) -> float:
        if self.fixed is not None:
            return self.fixed
        if mode not in self._level:
            self._level[mode] = self._start_level(max(size[0] * size[1], 1))
        return self.LEVELS[self._level[mode]]

    def predict_ms(self, mode: str, px: float) -> float | None:
        """The 3D part's expected time at ``px`` internal pixels (None: not measured)."""
        cost = self._cost.get(mode)
        return None if cost is None else cost[1] + cost[0] * px / 1e6

    def report(self, mode: str, size: tuple[int, int], internal_px: int, pixel_ms: float,
               rest_ms: float) -> None:
        """The 3D part of a frame took ``pixel_ms + rest_ms`` at ``internal_px`` pixels."""
        if self.fixed is not None or mode not in self._level or internal_px <= 0:
            return
        rate = pixel_ms / (internal_px / 1e6)
        old = self._cost.get(mode)
        a = 0.12
        cost = (rate, rest_ms) if old is None else (old[0] * (1 - a) + rate * a,
                                                    old[1] * (1 - a) + rest_ms * a)
        self._cost[mode] = cost
        px = max(size[0] * size[1], 1)
        i = self._level[mode]
        want = len(self.LEVELS) - 1
        for j, f in enumerate(self.LEVELS):
            if self.predict_ms(mode, px * f * f) <= self.budget_ms:
                want = j
                break
        while want > 0 and px * self.LEVELS[want] ** 2 < self.MIN_PIXELS:
            want -= 1
        vote = (want > i) - (want < i)
        v = self._votes.get(mode, 0)
        v = v + vote if vote and (v == 0 or (v > 0) == (vote > 0)) else vote
        self._votes[mode] = v
        if abs(v) >= (4 if v > 0 else 10):  # drop quickly when over, climb back slowly
            self._level[mode] = i + (1 if v > 0 else -1)
            self._votes[mode] = 0


@dataclass
class ViewState:
    """Everything the scene shows; plain data, built fresh each frame by its screen."""

    unix_s: float  # UTC POSIX seconds being shown (interpolated between ticks)
    iss: IssState  # where the ISS is then (the orbit feed's state), Earth radii, Earth-fixed
    sun_ecef: np.ndarray  # (3,) unit vector to the Sun, Earth-fixed
    track_behind: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))  # surface units
    track_ahead: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))
    #: Strikes as rows (lat_deg, lon_deg, t_strike_unix_s, magnitude 0..1+).
    flashes: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    module_tints: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    camera_mode: str = "free"  # flashes need the ISS horizon except in "free"
    show_track: bool = True
    show_model_inset: bool = True

    @property
    def gmst_deg(self) -> float:
        return gmst_deg(self.unix_s)


def flash_intensity(dt_s, magnitude):
    """(flash, afterglow) brightness ``dt_s`` mission seconds after a strike (0 before)."""
    dt = np.asarray(dt_s, dtype=np.float64)
    mag = np.asarray(magnitude, dtype=np.float64)
    after = dt >= 0
    d = np.maximum(dt, 0.0)
    flash = np.where(after, mag * np.exp(-d / FLASH_TAU_S), 0.0)
    glow = np.where(after & (d < AFTERGLOW_END_S),
                    mag * np.exp(-d / AFTERGLOW_TAU_S) * np.clip(1 - d / AFTERGLOW_END_S, 0, 1)
                    * np.clip(d / 2.0, 0, 1), 0.0)
    return flash, glow


def blackout_spots(flashes: np.ndarray, unix_s: float) -> list[tuple[float, float, float]]:
    """Cities whose lights are out at ``unix_s``: every strike that has happened."""
    if len(flashes) == 0:
        return []
    done = flashes[flashes[:, 2] <= unix_s]
    return [(round(float(a), 3), round(float(b), 3), 0.35 + 0.35 * math.sqrt(max(float(m), 0)))
            for a, b, _t, m in done]


def _glow_sprite(size: int, rgb: tuple[int, int, int], power: float) -> pygame.Surface:
    r = np.linspace(-1, 1, size)
    d = np.sqrt(r[:, None] ** 2 + r[None, :] ** 2)
    a = np.clip(1 - d, 0, 1) ** power
    arr = np.stack([a * c for c in rgb], axis=2).astype(np.uint8)
    s = pygame.Surface((size, size))
    pygame.surfarray.blit_array(s, arr)
    return s


class Stars:
    """Fixed stars (seeded, inertial frame): drawn as single pixels and small crosses."""

    def __init__(self, n: int = 2200, seed: int = 7):
        rng = np.random.default_rng(seed)
        v = rng.normal(size=(n, 3))
        self.dirs = v / np.linalg.norm(v, axis=1)[:, None]
        mag = rng.power(0.25, n)  # mostly faint
        self.level = np.clip(40 + 215 * (1 - mag) ** 3 + rng.normal(0, 12, n), 30, 255)
        tint = rng.uniform(-1, 1, n)
        self.rgb = np.stack([self.level * (1 + 0.10 * tint), self.level,
                             self.level * (1 - 0.10 * tint)], axis=1).clip(0, 255).astype(int)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, cam: Camera, gmst_deg: float) -> None:
        d = self.dirs @ rot_z(-math.radians(gmst_deg)).T  # inertial -> Earth-fixed
        pc = d @ cam.rot.T
        f = cam.focal_px(rect.height)
        ok = pc[:, 2] > 0.05
        x = (rect.centerx + f * pc[ok, 0] / pc[ok, 2]).astype(np.int32)
        y = (rect.centery + f * pc[ok, 1] / pc[ok, 2]).astype(np.int32)
        rgb = self.rgb[ok]
        inside = (x >= rect.left) & (x < rect.right) & (y >= rect.top) & (y < rect.bottom)
        x, y, rgb = x[inside], y[inside], rgb[inside]
        if x.size == 0:
            return
        px = pygame.surfarray.pixels3d(surf)
        px[x, y] = rgb
        big = rgb[:, 1] > 200
        for dx, dy in ((1, 0), (0, 1)):
            xx = np.clip(x[big] + dx, rect.left, rect.right - 1)
            yy = np.clip(y[big] + dy, rect.top, rect.bottom - 1)
            px[xx, yy] = rgb[big] // 2
        del px


class Scene:
    def __init__(self, station_facts: dict | None = None, globe: GlobeRenderer | None = None):
        from game.view.render.station_model import StationModel
        from game.view.resources import station_facts as _facts

        self.globe = globe or GlobeRenderer()
        self.stars = Stars()
        self.model = StationModel(station_facts if station_facts is not None else _facts())
        self._bases = {"flash": _glow_sprite(64, (255, 250, 235), 1.6),
                       "glow": _glow_sprite(64, (255, 120, 40), 2.2),
                       "core": _glow_sprite(64, (255, 255, 255), 4.0),
                       "ember": _glow_sprite(64, (255, 210, 120), 3.0),
                       "ring": _ring_sprite(128, (255, 226, 190))}
        self._sprite_cache: dict[tuple, pygame.Surface] = {}
        self._frame: pygame.Surface | None = None
        self._frame_size: tuple[int, int] = (0, 0)
        self._inset: pygame.Surface | None = None
        self._inset_key = None
        self.ui_k = 1.0  # the interface factor: the inset and labels scale with it
        self.budget = RenderBudget()
        self.render_size: tuple[int, int] = (0, 0)
        self._globe_ms = 0.0
        self.beyond_glows = 0  # strikes drawn as a glow over the horizon, last frame
        self._buf: pygame.Surface | None = None
        self._label_k = 0.0
        self._set_label_scale(1.0)

    def _set_label_scale(self, k: float) -> None:
        if k != self._label_k:
            self._label_k = k
            self.font = font(max(8, round(18 * k)))
            self._iss_label = self.font.render("ISS", True, (255, 255, 255))

    # -- helpers -----------------------------------------------------------------------
    def project_iss(self, state: ViewState, cam: Camera, rect: pygame.Rect
                    ) -> tuple[float, float, bool]:
        """Pixel (x, y) of the ISS within ``rect``'s surface, and whether it is in view."""
        xy, z = cam.project(state.iss.pos[None, :], rect.width, rect.height)
        vis = bool(z[0] > 0 and cam.visible_on_earth(state.iss.pos[None, :])[0])
        return float(xy[0, 0] + rect.left), float(xy[0, 1] + rect.top), vis

    def _sprite(self, which: str, size: int, level: float = 1.0) -> pygame.Surface:
        """A glow sprite ``size`` px across, dimmed to ``level`` (quantised to 1/16, so the
        dimmed copies are cached too: no per-frame copy and multiply)."""
        size = int(min(max(size, 3), 512))
        if size >= 24:  # ~6 % steps: a growing ring or fading glow reuses its sprites
            size = int(round(2.0 ** (round(math.log2(size) * 12.0) / 12.0)))
        lv = int(max(1, min(16, round(level * 16))))
        key = (which, size, lv)
        s = self._sprite_cache.get(key)
        if s is None:
            s = pygame.transform.smoothscale(self._bases[which], (size, size))
            if lv < 16:
                v = lv * 16 - 1
                s.fill((v, v, v), special_flags=pygame.BLEND_MULT)
            if len(self._sprite_cache) > 600:
                self._sprite_cache.pop(next(iter(self._sprite_cache)))  # oldest first
            self._sprite_cache[key] = s
        return s

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: ViewState, cam: Camera) -> None:
        """The 3D view at the budget's internal resolution, scaled into ``rect``; then what
        stays sharp (the ISS marker, the inset) at ``rect``'s own resolution."""
        t0 = time.perf_counter()
        rect = pygame.Rect(rect)
        self._set_label_scale(self.ui_k)
        mode = state.camera_mode
        f = self.budget.factor(mode, rect.size)
        w = max(1, int(round(rect.width * f)))
        h = max(1, int(round(rect.height * f)))
        if (w, h) == rect.size:
            prev_clip = surf.get_clip()
            surf.set_clip(rect)
            self._draw_3d(surf, rect, state, cam)
            surf.set_clip(prev_clip)
        else:
            if self._buf is None or self._buf.get_size() != (w, h):
                self._buf = pygame.Surface((w, h)).convert(surf) if surf.get_bitsize() == 32 \
                    else pygame.Surface((w, h), 0, 32)
            self._draw_3d(self._buf, self._buf.get_rect(), state, cam)
            target = surf.subsurface(rect.clip(surf.get_rect()))
            if target.get_size() == rect.size:
                pygame.transform.smoothscale(self._buf, rect.size, target)
            else:
                surf.blit(pygame.transform.smoothscale(self._buf, rect.size), rect.topleft)
        self.render_size = (w, h)
        total = (time.perf_counter() - t0) * 1000.0
        self.budget.report(mode, rect.size, w * h, self._globe_ms, total - self._globe_ms)
        prev_clip = surf.get_clip()
        surf.set_clip(rect)
        if not (mode == "follow" or self._near_iss(state, cam)):
            self._draw_iss_marker(surf, rect, state, cam)
        surf.set_clip(prev_clip)
        if state.show_model_inset and mode != "follow":
            self._draw_inset(surf, rect, state)

    def _draw_3d(self, surf: pygame.Surface, rect: pygame.Rect, state: ViewState,
                 cam: Camera) -> None:
        """Stars, Earth, track, flashes and the station (or the Cupola around us)."""
        surf.fill((0, 0, 3), rect)
        gmst = state.gmst_deg
        self.stars.draw(surf, rect, cam, gmst)
        self.globe.set_blackouts(blackout_spots(state.flashes, state.unix_s))
        t0 = time.perf_counter()
        out = self.globe.render(cam, state.sun_ecef, rect.size)
        self._globe_ms = (time.perf_counter() - t0) * 1000.0
        if out is not None:
            g, (gx, gy) = out
            surf.blit(g, (rect.left + gx, rect.top + gy))
        if state.show_track:
            self._draw_track(surf, rect, state, cam)
        self._draw_flashes(surf, rect, state, cam)
        if state.camera_mode == "cupola" and self._near_iss(state, cam):
            # We are in the Cupola: the station is behind us, its window frame around us.
            surf.blit(self._cupola_frame(rect.size), rect.topleft)
        elif state.camera_mode == "follow" or self._near_iss(state, cam):
            self._draw_model(surf, rect, state, cam)

    def _near_iss(self, state: ViewState, cam: Camera) -> bool:
        return float(np.linalg.norm(cam.pos - state.iss.pos)) * EARTH_RADIUS_KM < 2.0

    def _polyline_runs(self, surf, rect, cam, pts, colour, width) -> None:
        if len(pts) < 2:
            return
        p = pts * 1.0015
        vis = (p @ cam.pos) > 1.0015 * 1.0015  # faces the camera: in front of the limb
        xy, z = cam.project(p, rect.width, rect.height)
        vis &= z > 1e-4
        xy = np.clip(xy + (rect.left, rect.top), -4000, 8000)
        edges = np.flatnonzero(np.diff(vis.astype(np.int8))) + 1
        for run_idx, seg in zip(np.split(np.arange(len(p)), edges),
                                np.split(vis, edges), strict=True):
            if len(seg) >= 2 and seg[0]:
                pl = xy[run_idx].tolist()
                pygame.draw.lines(surf, colour, False, pl, width)

    def _draw_track(self, surf, rect, state, cam) -> None:
        self._polyline_runs(surf, rect, cam, state.track_behind, (80, 150, 230), 1)
        self._polyline_runs(surf, rect, cam, state.track_ahead, (255, 205, 80), 2)
        # Sub-satellite point.
        sub = unit_from_latlon(state.iss.lat_deg, state.iss.lon_deg)[None, :] * 1.0015
        if (sub @ cam.pos)[0] > 1.0015 ** 2:
            xy, z = cam.project(sub, rect.width, rect.height)
            if z[0] > 0:
                c = (int(xy[0, 0]) + rect.left, int(xy[0, 1]) + rect.top)
                pygame.draw.circle(surf, (255, 230, 120), c, 4, 1)
                pygame.draw.circle(surf, (255, 230, 120), c, 1)

    def _draw_iss_marker(self, surf, rect, state, cam) -> None:
        x, y, vis = self.project_iss(state, cam, rect)
        if not vis or not rect.collidepoint(x, y):
            return
        sub = unit_from_latlon(state.iss.lat_deg, state.iss.lon_deg)[None, :]
        sxy, sz = cam.project(sub, rect.width, rect.height)
        if sz[0] > 0 and (sub @ cam.pos)[0] > 1.0:
            pygame.draw.line(surf, (150, 150, 160), (x, y),
                             (sxy[0, 0] + rect.left, sxy[0, 1] + rect.top), 1)
        col = (255, 255, 255) if state.iss.sunlit else (150, 170, 210)
        pygame.draw.circle(surf, col, (int(x), int(y)), 4)
        pygame.draw.circle(surf, (255, 210, 90), (int(x), int(y)), 8, 1)
        surf.blit(self._iss_label, (int(x) + 10, int(y) - 14))

    def _draw_flashes(self, surf, rect, state, cam) -> None:
        """Each strike: a white-hot core, a bloom and a shock ring that races out for a
        few seconds, then an orange afterglow with an ember at its heart for minutes.
        Sizes are in kilometres on the ground, so they read right from any camera (large
        and spectacular from the Cupola); every sprite is a cached additive blit."""
        fl = state.flashes
        if len(fl) == 0:
            return
        dt = state.unix_s - fl[:, 2]
        flash, glow = flash_intensity(dt, fl[:, 3])
        live = (flash > 0.01) | (glow > 0.01)
        if not np.any(live):
            return
        fl, flash, glow, dt = fl[live], flash[live], glow[live], dt[live]
        p = unit_from_latlon(fl[:, 0], fl[:, 1])
        # Brightest at night: a flash on the sunlit side is washed out by the day.
        _day, dark, _twi = shade_factors(p @ state.sun_ecef)
        bright = 0.35 + 0.65 * np.asarray(dark, dtype=np.float64)
        vis = (p @ cam.pos) > 1.0
        if state.camera_mode != "free":  # seen from the ISS: only inside its horizon
            vis &= (p @ state.iss.pos) > 1.0  # p.(P - p) > 0: the ISS sees the point
        xy, z = cam.project(p, rect.width, rect.height)
        vis &= z > 1e-4
        f = cam.focal_px(rect.height)
        km_px = f / np.maximum(z, 1e-6) / EARTH_RADIUS_KM  # pixels per km at that depth
        add = pygame.BLEND_ADD

        def put(which, size, level, cx, cy):
            s = self._sprite(which, size, level)
            surf.blit(s, (cx - s.get_width() / 2, cy - s.get_height() / 2), special_flags=add)

        for i in np.flatnonzero(vis):
            cx, cy = xy[i, 0] + rect.left, xy[i, 1] + rect.top
            k = float(km_px[i])
            b = float(bright[i])
            g = float(min(glow[i], 1.0))
            if g > 0.01:
                put("glow", np.clip(220.0 * k * (0.5 + g), 6, 300), g * b, cx, cy)
                put("ember", np.clip(45.0 * k * (0.6 + 0.4 * g), 3, 60), g * b, cx, cy)
            fi = float(min(flash[i], 1.0))
            if fi > 0.01:
                put("flash", np.clip(900.0 * k * fi, 10, 520), b, cx, cy)
                ring_km = 30.0 + 28.0 * float(dt[i])  # the shock front, outrunning the fade
                if ring_km * k > 8:
                    put("ring", np.clip(2 * ring_km * k, 8, 512), min(1.0, 1.6 * fi) * b,
                        cx, cy)
                put("core", np.clip(70.0 * k * (0.5 + 0.5 * fi), 8, 120), 1.0, cx, cy)
        self.beyond_glows = self._draw_beyond_horizon(surf, rect, cam, p[~vis], flash[~vis],
                                                      glow[~vis], bright[~vis], put)

    def _draw_beyond_horizon(self, surf, rect, cam, p, flash, glow, bright, put) -> int:
        """Strikes hidden behind the horizon light the air above it: a glow on the limb
        at the horizon point nearest each one, fading with how far beyond the horizon it
        is (:data:`BEYOND_HORIZON_DEG`); brightest at night. Returns how many were drawn."""
        if len(p) == 0:
            return 0
        d = float(np.linalg.norm(cam.pos))
        if d <= 1.0005:
            return 0
        c = cam.pos / d
        tang = p - (p @ c)[:, None] * c[None, :]
        tn = np.linalg.norm(tang, axis=1)
        ok = tn > 1e-6
        tang[ok] /= tn[ok][:, None]
        cos_h = 1.0 / d  # the horizon circle: points h with h.c = 1/d
        h = cos_h * c[None, :] + math.sqrt(1.0 - cos_h * cos_h) * tang
        beyond = np.degrees(np.arccos(np.clip(np.einsum("ij,ij->i", p, h), -1.0, 1.0)))
        behind = (p @ c) < cos_h  # past the camera's horizon (not merely off screen)
        fade = np.exp(-beyond / (BEYOND_HORIZON_DEG / 2.5))
        level = np.maximum(np.minimum(flash, 1.0), 0.6 * np.minimum(glow, 1.0)) * fade * bright
        sel = np.flatnonzero(ok & behind & (beyond < BEYOND_HORIZON_DEG) & (level > 0.03))
        if sel.size == 0:
            return 0
        air = h[sel] * 1.004  # ~25 km up: the air over the limb
        xy, z = cam.project(air, rect.width, rect.height)
        f = cam.focal_px(rect.height)
        n = 0
        for j, i in enumerate(sel):
            if z[j] <= 1e-4:
                continue
            k = f / float(z[j]) / EARTH_RADIUS_KM
            cx, cy = xy[j, 0] + rect.left, xy[j, 1] + rect.top
            if not (-200 < cx - rect.left < rect.width + 200 and
                    -200 < cy - rect.top < rect.height + 200):
                continue
            lv = float(min(level[i], 1.0))
            put("flash", np.clip(700.0 * k, 12, 420), lv, cx, cy)
            put("glow", np.clip(1400.0 * k, 16, 512), lv, cx, cy)
            n += 1
        return n

    def _cupola_frame(self, size: tuple[int, int]) -> pygame.Surface:
        if self._frame is None or self._frame_size != size:
            self._frame = cupola_frame(size)
            self._frame_size = size
        return self._frame

    def _body_to_world(self, state: ViewState) -> np.ndarray:
        nadir = -state.iss.pos / np.linalg.norm(state.iss.pos)
        fwd = state.iss.vel - (state.iss.vel @ nadir) * nadir
        fwd /= np.linalg.norm(fwd)
        stbd = np.cross(nadir, fwd)
        return np.stack([fwd, stbd, nadir], axis=1)

    def _draw_model(self, surf, rect, state, cam) -> None:
        cam_m = (cam.pos - state.iss.pos) * EARTH_RADIUS_KM * 1000.0
        self.model.draw(surf, rect, cam.rot, cam_m, cam.focal_px(rect.height),
                        self._body_to_world(state), state.sun_ecef, state.iss.sunlit,
                        state.module_tints)

    def _draw_inset(self, surf, rect, state) -> None:
        box = inset_box(rect, self.ui_k)
        w, h = box.size
        b2w = self._body_to_world(state)
        spin = (state.unix_s / 20.0) % 360.0  # a slow turn so the shape reads in 3D
        spin_q = round(spin / 1.5) * 1.5
        key = (state.iss.sunlit, tuple(sorted(state.module_tints.items())), spin_q,
               tuple(np.round(b2w.T @ state.sun_ecef, 1)), (w, h))
        if key != self._inset_key or self._inset is None:
            self._inset_key = key
            inset = pygame.Surface((w, h))
            inset.fill((6, 8, 16))
            # Camera in body axes: orbiting above-behind the station.
            a = math.radians(spin_q)
            eye_b = np.array([math.cos(a) * -0.8, math.sin(a) * 0.8, -0.55])
            eye_b /= np.linalg.norm(eye_b)
            dist = 185.0
            from game.view.render.camera import look_rot
            rot_b = look_rot(-eye_b, np.array([0.0, 0.0, -1.0]))
            # Express in world axes for the shared model renderer.
            rot_w = rot_b @ b2w.T
            cam_w = b2w @ (eye_b * dist)
            self.model.draw(inset, inset.get_rect(), rot_w, cam_w, 0.5 * h / math.tan(0.35),
                            b2w, state.sun_ecef, state.iss.sunlit, state.module_tints)
            label = self.font.render("ISS  " + ("sunlit" if state.iss.sunlit else "in eclipse"),
                                     True, (200, 210, 230))
            inset.blit(label, (int(8 * self.ui_k), int(6 * self.ui_k)))
            pygame.draw.rect(inset, (60, 70, 100), inset.get_rect(), 1)
            self._inset = inset
        surf.blit(self._inset, box.topleft)


def _ring_sprite(size: int, rgb: tuple[int, int, int]) -> pygame.Surface:
    """A soft bright ring (the shock front of a strike) for additive blits."""
    r = np.linspace(-1, 1, size)
    d = np.sqrt(r[:, None] ** 2 + r[None, :] ** 2)
    a = np.exp(-((d - 0.82) / 0.07) ** 2) + 0.25 * np.clip(1 - d, 0, 1) ** 2
    a = np.clip(a, 0, 1)
    arr = np.stack([a * c for c in rgb], axis=2).astype(np.uint8)
    s = pygame.Surface((size, size))
    pygame.surfarray.blit_array(s, arr)
    return s


def cupola_frame(size: tuple[int, int]) -> pygame.Surface:
    """The Cupola around the view, as an overlay with alpha, made once per view size: the
    round central window, six trapezoid side windows between it and a hexagon (their
    mullions at the hexagon's corners), and the dark inside of the module beyond."""
    w, h = size
    R = 0.5 * min(w, h)
    xs = (np.arange(w, dtype=np.float32) + 0.5 - w / 2) / R
    ys = (np.arange(h, dtype=np.float32) + 0.5 - h / 2) / R
    x, y = xs[:, None], ys[None, :]
    r = np.sqrt(x * x + y * y)
    px = 1.0 / R  # one pixel, in these units: edges are a pixel soft

    def inside(d):  # 1 inside (d < 0), 0 outside, antialiased
        return np.clip(0.5 - d / px, 0.0, 1.0)

    hexd = np.zeros_like(r)
    for k in range(6):  # flat sides facing 30 + 60k degrees: corners at 0, 60, ... degrees
        a = math.radians(30 + 60 * k)
        hexd = np.maximum(hexd, x * math.cos(a) + y * math.sin(a))
    r_centre, ring_w, r_hex, mull_w = 0.50, 0.035, 1.02, 0.030
    centre = inside(r - r_centre)
    in_hex = inside(hexd - r_hex * math.cos(math.radians(30)))
    ring = inside(np.abs(r - r_centre - ring_w / 2) - ring_w / 2)
    mull = np.zeros_like(r)
    for k in range(6):
        a = math.radians(60 * k)
        along = x * math.cos(a) + y * math.sin(a)
        across = np.abs(-x * math.sin(a) + y * math.cos(a))
        mull = np.maximum(mull, inside(across - mull_w / 2) * (along > 0))
    mull *= 1.0 - centre
    side_glass = in_hex * (1.0 - centre)
    # Alpha: clear centre, side windows faintly tinted, frame solid, outside nearly solid.
    alpha = side_glass * 0.16 + (1.0 - in_hex) * (0.80 + 0.15 * np.clip(r - 1.0, 0, 1))
    alpha = np.maximum(alpha, np.maximum(ring, mull))
    shade = np.clip(1.15 - 0.35 * r, 0.45, 1.0)  # frame lit a little from the window
    rgb = np.empty((w, h, 3), dtype=np.float32)
    for ch, (glass, metal, dark) in enumerate(((8, 24, 10), (14, 26, 11), (26, 32, 16))):
        frame = np.maximum(ring, mull)
        c = glass * side_glass * (1 - frame) + metal * shade * frame
        c += dark * (1.0 - in_hex) * (1 - frame)
        rgb[..., ch] = c
    s = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.surfarray.blit_array(s, rgb.astype(np.uint8))
    a = pygame.surfarray.pixels_alpha(s)
    a[...] = np.clip(alpha * 255.0, 0, 255).astype(np.uint8)
    del a
    return s
