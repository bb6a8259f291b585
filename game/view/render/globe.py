"""The Earth: Blue Marble in the Earth-fixed frame, lit by the real Sun, on a CPU.

How it stays fast (numpy only, no per-pixel Python):

- The globe is ray-cast at the resolution it is asked for (the scene's internal 3D
  resolution, chosen from the frame budget) and only inside the bounding box of its disc
  plus atmosphere.
- The camera-frame geometry (which pixels hit the disc, their surface normals, the limb's
  coverage and rim, the glow ring) depends only on where the Earth's centre sits in camera
  coordinates. The follow and Cupola cameras ride with the ISS, so it hardly changes: it is
  cached (keyed on that centre to ~100 m) and reused while only the Earth turns beneath.
- Per frame, for the disc's pixels only: one 4x3 matrix product (BLAS) turns the normals
  to Earth-fixed and gives the Sun's elevation, arcsin/arctan2 give the texel, and the
  texture (one uint32 per texel: R, G, B and city lights) is sampled nearest, or, close to
  the ground where a texel spans pixels, bilinearly with two channels per integer
  operation (SWAR). Shading is a handful of float32 array operations; the result is
  packed to pixels and scattered into the bounding box.

Shading: Lambert day side; a soft twilight band (smoothstep over about ±6 degrees of
solar elevation) with a warm tint; night side dark blue with city lights; a faint
atmosphere rim inside and outside the limb, brighter on the day side.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pygame

from game.view.render.camera import Camera
from game.view.resources import EarthMaps, earth_maps

ATMOSPHERE = 1.03  # outer radius of the drawn glow, Earth radii
_C_STEP = 1.5e-4  # Earth radii (~1 km): the cached geometry's key on the Earth's centre
CHUNK = 65536  # pixels shaded at a time
_LIGHT_RGB = np.array([255.0, 196.0, 120.0], dtype=np.float32)
_RIM_RGB = np.array([90.0, 150.0, 255.0], dtype=np.float32)
_TWILIGHT_RGB = np.array([255.0, 110.0, 40.0], dtype=np.float32)
# Close to the ground (Cupola, follow): colour and contrast, and a faint blue night.
_NEAR_SATURATION = 1.3
_NEAR_CONTRAST = 1.18
_NEAR_PIVOT = 70.0
_NIGHT_NEAR_RGB = (3.0, 6.0, 14.0)


def shade_factors(mu: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(day, night_lights, twilight) weights from the cosine of the Sun's zenith angle.

    ``day`` is 0 on the night side and rises smoothly through the twilight band to Lambert
    brightness; ``night`` is where city lights show; ``twilight`` peaks at the terminator.
    """
    mu = np.asarray(mu, dtype=np.float32)
    t = np.clip((mu + 0.10) * (1.0 / 0.20), 0.0, 1.0)  # -5.7 deg .. +5.7 deg of elevation
    band = t * t * (3.0 - 2.0 * t)
    day = band * (0.32 + 0.68 * np.clip(mu, 0.0, 1.0))
    tn = np.clip((mu + 0.16) * (1.0 / 0.20), 0.0, 1.0)
    night = 1.0 - tn * tn * (3.0 - 2.0 * tn)
    twilight = band * (1.0 - band) * 4.0
    return day, night, twilight


class GlobeRenderer:
    def __init__(self, maps: EarthMaps | None = None):
        self.maps = maps or earth_maps()
        self._rays: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        # Our own copy of the lights, edited in place as cities go dark (copying 34 MB at
        # the first strike was a 200 ms hitch).
        self._lights = self.maps.lights.copy()
        self._rgb_packed = (self.maps.r.astype(np.uint32) | (self.maps.g.astype(np.uint32) << 8)
                            | (self.maps.b.astype(np.uint32) << 16))
        self._packed = self._pack(self._lights)
        self._blackout_key: tuple = ()
        self._surf: pygame.Surface | None = None
        self._shifts = (16, 8, 0)
        self._wrap = (self.maps.width & (self.maps.width - 1)) == 0  # power of two: a mask
        self._geo_cache: dict[tuple, _Geometry] = {}
        self._last_geo: _Geometry | None = None
        self.geometry_hits = 0
        self.geometry_misses = 0
        self.last_scale = 1
        self.night_texture = 0.05
        self.night_texture_near = 0.07

    def _pack(self, lights: np.ndarray) -> np.ndarray:
        """One uint32 per texel: R, G, B, lights (little-endian bytes): one take per pixel."""
        a = np.round(np.clip(lights, 0.0, 1.0) * 255.0).astype(np.uint32) << 24
        packed = self._rgb_packed | a
        if packed.dtype.byteorder == ">" or np.little_endian is False:  # pragma: no cover
            packed = packed.byteswap()
        return packed

    # -- city lights going out -------------------------------------------------------
    def set_blackouts(self, spots: list[tuple[float, float, float]]) -> None:
        """Cities whose lights are out: (lat_deg, lon_deg, radius_deg). Cheap when unchanged,
        and when spots are only added (a new strike) just the texels around them are
        repacked (repacking the whole 2048x1024 map was a ~50 ms hitch per strike)."""
        key = tuple(spots)
        if key == self._blackout_key:
            return
        old = set(self._blackout_key)
        added = [sp for sp in spots if sp not in old]
        grown = old.issubset(key)
        self._blackout_key = key
        if not spots:
            self._lights = self.maps.lights.copy()
            self._packed = self._pack(self._lights)
            return
        w, h = self.maps.width, self.maps.height
        if grown:
            lights = self._lights.reshape(h, w)  # ours (a copy): edit in place
            packed = self._packed.reshape(h, w)
        else:
            lights = self.maps.lights.reshape(h, w).copy()
            packed = None
            added = list(spots)
        rgb = self._rgb_packed.reshape(h, w)
        for lat, lon, rad in added:
            r0 = int((90.0 - lat - rad) / 180.0 * h)
            r1 = int((90.0 - lat + rad) / 180.0 * h) + 1
            rows = np.arange(max(r0, 0), min(r1, h))
            if rows.size == 0:
                continue
            rlat = 90.0 - (rows + 0.5) * 180.0 / h
            span = rad / max(math.cos(math.radians(lat)), 0.05)
            c0 = int((lon - span + 180.0) / 360.0 * w)
            c1 = int((lon + span + 180.0) / 360.0 * w) + 1
            cols = np.arange(c0, c1) % w
            clon = (np.arange(c0, c1) + 0.5) * 360.0 / w - 180.0
            dlat = (rlat[:, None] - lat) / rad
            dlon = (clon[None, :] - lon) * math.cos(math.radians(lat)) / rad
            d2 = dlat * dlat + dlon * dlon
            keep = np.clip((d2 - 0.6) / 0.4, 0.0, 1.0).astype(np.float32)  # soft edge
            ix = np.ix_(rows, cols)
            lights[ix] *= keep
            if packed is not None:
                a = np.round(np.clip(lights[ix], 0.0, 1.0) * 255.0).astype(np.uint32) << 24
                packed[ix] = rgb[ix] | a
        self._lights = lights.ravel()
        if packed is None:
            self._packed = self._pack(self._lights)

    # -- ray cache ---------------------------------------------------------------------
    def _ray_grid(self, w: int, h: int, fov_y_deg: float) -> tuple[np.ndarray, ...]:
        key = (w, h, round(fov_y_deg, 3))
        grid = self._rays.get(key)
        if grid is None:
            f = 0.5 * h / math.tan(math.radians(fov_y_deg) / 2)
            xs = (np.arange(w, dtype=np.float32) + 0.5 - w / 2) / f
            ys = (np.arange(h, dtype=np.float32) + 0.5 - h / 2) / f
            dx = np.repeat(xs[:, None], h, axis=1)  # (w, h): surfarray layout
            dy = np.repeat(ys[None, :], w, axis=0)
            n = np.sqrt(dx * dx + dy * dy + 1.0)
            grid = (dx / n, dy / n, 1.0 / n)
            if len(self._rays) > 8:
                self._rays.clear()
            self._rays[key] = grid
        return grid

    def _bbox(self, cam: Camera, w: int, h: int) -> tuple[int, int, int, int] | None:
        """Screen box (x0, y0, x1, y1) holding the disc and its glow, or None if off screen."""
        d = float(np.linalg.norm(cam.pos))
        r = ATMOSPHERE
        if d <= r * 1.0001:
            return 0, 0, w, h
        # Silhouette circle of the atmosphere sphere as seen from the camera.
        u = cam.pos / d
        c0 = u * (r * r / d)
        rad = r * math.sqrt(max(1.0 - (r / d) ** 2, 0.0))
        a = np.cross(u, [0.0, 0.0, 1.0] if abs(u[2]) < 0.9 else [1.0, 0.0, 0.0])
        a /= np.linalg.norm(a)
        b = np.cross(u, a)
        ang = np.linspace(0, 2 * np.pi, 48, endpoint=False)
        pts = c0 + rad * (np.cos(ang)[:, None] * a + np.sin(ang)[:, None] * b)
        xy, z = cam.project(pts, w, h)
        if np.any(z <= 1e-6):
            # Part of the rim is behind the camera: the Earth may fill any part of the view.
            fwd_hits = (cam.rot[2] @ (-cam.pos)) > 0
            return (0, 0, w, h) if fwd_hits or np.any(z > 0) else None
        x0, y0 = np.floor(xy.min(axis=0)) - 2
        x1, y1 = np.ceil(xy.max(axis=0)) + 2
        x0, y0 = max(int(x0), 0), max(int(y0), 0)
        x1, y1 = min(int(x1), w), min(int(y1), h)
        if x1 <= x0 or y1 <= y0:
            return None
        return x0, y0, x1, y1

    @staticmethod
    def pick(cam: Camera, size: tuple[int, int], x: float, y: float
             ) -> tuple[float, float] | None:
        """(lat, lon) in degrees of the Earth's surface under pixel (x, y), or None (space).
        The same ray-sphere geometry the renderer uses, for clicks and for tests."""
        w, h = size
        f = cam.focal_px(h)
        d = np.array([(x - w / 2) / f, (y - h / 2) / f, 1.0])
        d = cam.rot.T @ (d / np.linalg.norm(d))
        b = float(d @ cam.pos)
        disc = b * b - (float(cam.pos @ cam.pos) - 1.0)
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        if t <= 0:
            return None
        p = cam.pos + t * d
        return math.degrees(math.asin(max(-1.0, min(1.0, p[2])))), math.degrees(
            math.atan2(p[1], p[0]))

    # -- geometry (camera frame), cached -------------------------------------------------
    def _geometry(self, cam: Camera, w: int, h: int, box: tuple[int, int, int, int]
                  ) -> _Geometry:
        rot64 = cam.rot.astype(np.float64)
        C = rot64 @ (-cam.pos)  # Earth centre, camera frame
        key = (w, h, round(cam.fov_y_deg, 3), box, tuple(np.round(C / _C_STEP).astype(int)))
        g = self._geo_cache.get(key)
        if g is not None:
            self.geometry_hits += 1
            return g
        self.geometry_misses += 1
        x0, y0, x1, y1 = box
        dxg, dyg, dzg = self._ray_grid(w, h, cam.fov_y_deg)
        dx = dxg[x0:x1, y0:y1].ravel()
        dy = dyg[x0:x1, y0:y1].ravel()
        dz = dzg[x0:x1, y0:y1].ravel()
        c0, c1, c2 = (float(v) for v in C)
        cc = c0 * c0 + c1 * c1 + c2 * c2
        b = dx * c0 + dy * c1 + dz * c2  # distance along each ray to its closest approach
        q = cc - b * b  # squared distance of closest approach to the centre
        r = np.sqrt(np.maximum(q, 0.0))
        # Antialiased limb: the fraction of each pixel covered by the disc, from how far
        # its ray passes from the centre (1 - r) over one pixel's width there.
        f_px = 0.5 * h / math.tan(math.radians(cam.fov_y_deg) / 2)
        edge = math.sqrt(max(cc - 1.0, 1e-8)) / f_px
        cov = np.clip((1.0 - r) * (1.0 / edge) + 0.5, 0.0, 1.0)
        front = b > 0
        cov[~front] = 0.0
        full = np.flatnonzero(cov >= 1.0)
        part = np.flatnonzero(front & (cov < 1.0) & (r < ATMOSPHERE))

        def normals(idx):
            bb = b[idx]
            t = bb - np.sqrt(np.maximum(1.0 - q[idx], 0.0))
            P = np.empty((3, idx.size), dtype=np.float32)
            P[0] = t * dx[idx] - c0
            P[1] = t * dy[idx] - c1
            P[2] = t * dz[idx] - c2
            cosv = np.clip(-(dx[idx] * P[0] + dy[idx] * P[1] + dz[idx] * P[2]), 0.0, 1.0)
            return P, ((1.0 - cosv) ** 3).astype(np.float32)

        P, rim = normals(full)
        Pe, rime = normals(part)
        # The glow ring: air at each ray's closest approach, lit by the Sun at that point.
        bb = b[part]
        M = np.empty((3, part.size), dtype=np.float32)
        M[0] = bb * dx[part] - c0
        M[1] = bb * dy[part] - c1
        M[2] = bb * dz[part] - c2
        gr = np.clip((ATMOSPHERE - r[part]) / (ATMOSPHERE - 1.0), 0.0, 1.0)
        g = _Geometry(shape=(x1 - x0, y1 - y0), full=full, P=P, rim=rim, part=part, Pe=Pe,
                      rime=rime, cov_e=cov[part].astype(np.float32), air=M,
                      glow2=(gr * gr).astype(np.float32))
        if len(self._geo_cache) >= 4:
            self._geo_cache.pop(next(iter(self._geo_cache)))
        self._geo_cache[key] = g
        return g

    @property
    def last_coverage(self) -> np.ndarray | None:
        """The disc's coverage (0..1) of each pixel of the last bounding box (for tests)."""
        g = self._last_geo
        if g is None:
            return None
        cov = np.zeros(g.shape[0] * g.shape[1], dtype=np.float32)
        cov[g.full] = 1.0
        cov[g.part] = g.cov_e
        return cov.reshape(g.shape)

    # -- texture ---------------------------------------------------------------------------
    def _texels(self, n: np.ndarray, bilinear: bool) -> np.ndarray:
        """Packed texels (uint32: R, G, B, lights) under Earth-fixed unit normals (3, N)."""
        mw, mh = self.maps.width, self.maps.height
        fr = np.arcsin(np.clip(n[2], -1.0, 1.0))
        fr *= -mh / np.pi
        fr += 0.5 * mh
        fc = np.arctan2(n[1], n[0])
        fc *= 0.5 * mw / np.pi
        fc += 0.5 * mw
        wrap = self._wrap
        if not bilinear:
            row = fr.astype(np.int32)
            np.clip(row, 0, mh - 1, out=row)
            col = fc.astype(np.int32)
            col = (col & (mw - 1)) if wrap else np.minimum(col, mw - 1)
            row *= mw
            row += col
            return np.take(self._packed, row)
        fr -= 0.5
        fc -= 0.5
        r0f = np.floor(fr)
        c0f = np.floor(fc)
        fr -= r0f
        fc -= c0f
        fr *= 256.0
        fc *= 256.0
        wr = fr.astype(np.uint32)
        wc = fc.astype(np.uint32)
        r0 = r0f.astype(np.int32)
        np.clip(r0, 0, mh - 1, out=r0)
        r1 = np.minimum(r0 + 1, mh - 1)
        c0 = c0f.astype(np.int32)
        if wrap:
            c0 &= mw - 1
            c1 = c0 + 1
            c1 &= mw - 1
        else:
            c0 %= mw
            c1 = (c0 + 1) % mw
        r0 *= mw
        r1 *= mw
        tex = self._packed
        top = _lerp2(np.take(tex, r0 + c0), np.take(tex, r0 + c1), wc)
        bot = _lerp2(np.take(tex, r1 + c0), np.take(tex, r1 + c1), wc)
        return _lerp2(top, bot, wr)

    # -- shading ---------------------------------------------------------------------------
    def _shade(self, P: np.ndarray, rim0: np.ndarray, Q: np.ndarray, near: bool,
               cov: np.ndarray | None = None, air: np.ndarray | None = None,
               glow2: np.ndarray | None = None, s_cam: np.ndarray | None = None
               ) -> np.ndarray:
        """Pixels (uint32, the target surface's format) for camera-frame normals ``P``,
        shaded in chunks that stay in the CPU's cache (whole-frame temporaries cost more in
        memory traffic and page faults than in arithmetic)."""
        n = P.shape[1]
        out = np.empty(n, dtype=np.uint32)

        def run(i: int) -> None:
            j = min(i + CHUNK, n)
            if cov is None:
                out[i:j] = self._shade_chunk(P[:, i:j], rim0[i:j], Q, near)
            else:
                out[i:j] = self._shade_chunk(P[:, i:j], rim0[i:j], Q, near, cov[i:j],
                                             air[:, i:j], glow2[i:j], s_cam)

        starts = range(0, n, CHUNK)
        pool = _pool() if len(starts) > 1 else None
        if pool is None:
            for i in starts:
                run(i)
        else:  # numpy lets go of the GIL inside each operation: the chunks overlap
            list(pool.map(run, starts))
        return out

    def _shade_chunk(self, P: np.ndarray, rim0: np.ndarray, Q: np.ndarray, near: bool,
                     cov: np.ndarray | None = None, air: np.ndarray | None = None,
                     glow2: np.ndarray | None = None, s_cam: np.ndarray | None = None
                     ) -> np.ndarray:
        nm = Q @ P  # rows: Earth-fixed normal x, y, z; cosine of the Sun's zenith angle
        mu = nm[3]
        tx = self._texels(nm[:3], near)
        day, night, twi = shade_factors(mu)
        rch = (tx & 0xFF).astype(np.float32)
        gch = ((tx >> 8) & 0xFF).astype(np.float32)
        bch = ((tx >> 16) & 0xFF).astype(np.float32)
        a = (tx >> 24).astype(np.float32)
        if near:
            # Seen from orbit, close: livelier colour and contrast (the Blue Marble is soft
            # when magnified), a faint moonlit/airglow night instead of black, and city
            # lights that read as sharp points (a steeper curve, brighter cores).
            # ((c - lum) * S + lum - P) * K + P = c * S*K + (lum * (1 - S) * K + P * (1 - K))
            sk = _NEAR_SATURATION * _NEAR_CONTRAST
            lum = rch + gch
            lum += bch
            lum *= (1.0 - _NEAR_SATURATION) * _NEAR_CONTRAST / 3.0
            lum += _NEAR_PIVOT * (1.0 - _NEAR_CONTRAST)
            a *= 1.5 / 255.0
            a -= 0.2
            np.clip(a, 0.0, 1.3, out=a)
            lights = a * np.sqrt(a)  # ~ a ** 1.6, steep: sharp cores
            lights *= night
            nt = self.night_texture_near
            tint = _NIGHT_NEAR_RGB
        else:
            lights = a
            lights *= night * (1.0 / 255.0)
            nt = self.night_texture
            tint = (0.0, 0.0, 0.0)
        # Limb: rays grazing the sphere see more air.
        rim = np.clip(mu + 0.3, 0.0, 1.0)
        rim *= 0.75
        rim += 0.25
        rim *= rim0
        lit = day
        lit += nt
        shifts = self._shifts
        out = None
        if cov is not None:
            glow = np.clip(s_cam @ air + 0.2, 0.0, 1.0)  # the Sun's height at the air point
            glow *= 0.85
            glow += 0.15
            glow *= glow2
        for ch, base in enumerate((rch, gch, bch)):
            if near:
                base *= sk
                base += lum
            v = base
            v *= lit
            v += lights * float(_LIGHT_RGB[ch])
            v += twi * float(_TWILIGHT_RGB[ch] * 0.045)
            v += rim * float(_RIM_RGB[ch] * 0.9)
            v += (2.0, 3.0, 9.0)[ch]
            if near:
                v += night * tint[ch]
            if cov is not None:
                # The limb's partial pixels: the disc over its own glow.
                gl = glow * float(_RIM_RGB[ch] * 1.1)
                v -= gl
                v *= cov
                v += gl
            np.clip(v, 0.0, 255.0, out=v)
            c = v.astype(np.uint32)
            c <<= shifts[ch]
            out = c if out is None else (out | c)
        return out

    def render(self, cam: Camera, sun_ecef: np.ndarray, size: tuple[int, int],
               scale: int | None = None) -> tuple[pygame.Surface, tuple[int, int]] | None:
        """Draw the globe for a view of ``size``, ray-cast at ``1/scale`` of it (default 1:
        the caller chooses the resolution).

        Returns (surface, topleft) to blit with its colour key (black = transparent),
        at ``size``'s resolution, or None if the Earth is not in view.
        """
        scale = int(scale or 1)
        self.last_scale = scale
        W, H = size
        w, h = max(W // scale, 1), max(H // scale, 1)
        box = self._bbox(cam, w, h)
        if box is None:
            return None
        g = self._geometry(cam, w, h, box)
        self._last_geo = g
        rot64 = cam.rot.astype(np.float64)
        s_cam = rot64 @ np.asarray(sun_ecef, dtype=np.float64)
        # One matrix takes camera-frame normals to Earth-fixed ones and to the Sun's height.
        Q = np.vstack([rot64.T, s_cam[None, :]]).astype(np.float32)
        # Close to the ground (Cupola, follow) one texel spans several pixels: filter it.
        dist = float(np.linalg.norm(cam.pos))
        ground_px = (dist - 1.0) / cam.focal_px(h)
        near = ground_px < 2.0 * math.pi / self.maps.width
        bw, bh = g.shape
        if self._surf is None or self._surf.get_size() != (bw, bh):
            self._surf = pygame.Surface((bw, bh), 0, 32)
            self._surf.set_colorkey((0, 0, 0))
            sh = self._surf.get_shifts()
            self._shifts = (sh[0], sh[1], sh[2])
        out = np.zeros(bw * bh, dtype=np.uint32)
        out[g.full] = self._shade(g.P, g.rim, Q, near)
        if g.part.size:
            out[g.part] = self._shade(g.Pe, g.rime, Q, near, cov=g.cov_e, air=g.air,
                                      glow2=g.glow2, s_cam=s_cam.astype(np.float32))
        pygame.surfarray.blit_array(self._surf, out.reshape(bw, bh))
        x0, y0 = box[0], box[1]
        if scale == 1:
            return self._surf, (x0, y0)
        big = pygame.transform.smoothscale(self._surf, (bw * scale, bh * scale))
        big.set_colorkey((0, 0, 0))
        return big, (x0 * scale, y0 * scale)


@dataclass(frozen=True)
class _Geometry:
    """The camera-frame part of a globe frame (see :meth:`GlobeRenderer._geometry`):
    ``full`` pixels wholly on the disc (normals ``P``, rim factor ``rim``) and ``part``
    pixels on the limb or in the glow ring (``Pe``, ``rime``, coverage ``cov_e``, the air
    point ``air`` and glow weight ``glow2``); indices into the bounding box, x-major."""

    shape: tuple[int, int]
    full: np.ndarray
    P: np.ndarray
    rim: np.ndarray
    part: np.ndarray
    Pe: np.ndarray
    rime: np.ndarray
    cov_e: np.ndarray
    air: np.ndarray
    glow2: np.ndarray


_POOL: list = []


def _pool():
    """A small thread pool for shading chunks, or None (``ISS_GAME_THREADS=N`` turns it on
    with N threads)."""
    if not _POOL:
        try:
            n = int(os.environ.get("ISS_GAME_THREADS", "0") or 0)
        except ValueError:  # ISS_GAME_THREADS is a tuning knob: not a number, no threads
            n = 0
        n = n or 1  # off by default: on a shared 2-core machine it gained ~5 % in the
        # median and lost more in the tail (a worker descheduled stalls the frame)
        _POOL.append(ThreadPoolExecutor(n, thread_name_prefix="globe") if n > 1 else None)
    return _POOL[0]


_LO = np.uint32(0x00FF00FF)
_HI = np.uint32(0xFF00FF00)


def _lerp2(a: np.ndarray, b: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Per byte, ``a + (b - a) * w / 256`` of packed uint32 texels (w: 0..255), two
    channels per integer operation: the even bytes, then the odd ones."""
    iw = np.uint32(256) - w
    lo = (a & _LO) * iw
    lo += (b & _LO) * w
    lo >>= 8
    lo &= _LO
    hi = ((a >> 8) & _LO) * iw
    hi += ((b >> 8) & _LO) * w
    hi &= _HI
    lo |= hi
    return lo
