"""The Earth: Blue Marble in the Earth-fixed frame, lit by the real Sun, on a CPU.

How it stays fast (numpy only, no per-pixel Python):

- The globe is ray-cast at a reduced internal resolution (1/2 of the screen, 1/3 when the
  Earth fills the screen) and only inside the bounding box of its disc plus atmosphere,
  then smooth-scaled up; the texture is the limit of detail anyway.
- Per-pixel ray directions for a (size, fov, scale) are computed once and cached.
- Per frame: one ray-sphere hit in camera coordinates, one 3x3 rotation to Earth-fixed,
  arcsin/arctan2 to a flat texel index, ``np.take`` of the texture channels and the
  lights, and the lighting from one dot product with the Sun direction.

Shading: Lambert day side; a soft twilight band (smoothstep over about ±6 degrees of
solar elevation) with a warm tint; night side dark blue with city lights; a faint
atmosphere rim inside and outside the limb, brighter on the day side.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.view.render.camera import Camera
from game.view.resources import EarthMaps, earth_maps

ATMOSPHERE = 1.03  # outer radius of the drawn glow, Earth radii
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
        self._lights = self.maps.lights
        self._rgb_packed = (self.maps.r.astype(np.uint32) | (self.maps.g.astype(np.uint32) << 8)
                            | (self.maps.b.astype(np.uint32) << 16))
        self._packed = self._pack(self._lights)
        self._blackout_key: tuple = ()
        self._surf: pygame.Surface | None = None
        self.last_scale = 2
        self.night_texture = 0.05
        self.night_texture_near = 0.07
        self.last_coverage: np.ndarray | None = None

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
            self._lights = self.maps.lights
            self._packed = self._pack(self._lights)
            return
        w, h = self.maps.width, self.maps.height
        if grown:
            if self._lights is self.maps.lights:  # first strike: copies, not a full repack
                self._lights = self._lights.copy()
                self._packed = self._packed.copy()
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

    def _bilinear(self, fr: np.ndarray, fc: np.ndarray) -> np.ndarray:
        """Texels (..., 4) float32, bilinearly filtered (wraps in longitude)."""
        mw, mh = self.maps.width, self.maps.height
        fr = fr - 0.5
        fc = fc - 0.5
        r0f = np.floor(fr)
        c0f = np.floor(fc)
        wr = (fr - r0f)[..., None]
        wc = (fc - c0f)[..., None]
        r0 = np.clip(r0f.astype(np.intp), 0, mh - 1)
        r1 = np.minimum(r0 + 1, mh - 1)
        c0 = c0f.astype(np.intp) % mw
        c1 = (c0 + 1) % mw
        shape = fr.shape + (4,)

        def tap(r, c):
            return np.take(self._packed, r * mw + c).view(np.uint8).reshape(shape)

        top = tap(r0, c0) * (1.0 - wc) + tap(r0, c1) * wc
        bot = tap(r1, c0) * (1.0 - wc) + tap(r1, c1) * wc
        return (top * (1.0 - wr) + bot * wr).astype(np.float32)

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

    def render(self, cam: Camera, sun_ecef: np.ndarray, size: tuple[int, int],
               scale: int | None = None) -> tuple[pygame.Surface, tuple[int, int]] | None:
        """Draw the globe for a full-resolution view of ``size``.

        Returns (surface, topleft) to blit with its colour key (black = transparent),
        already at full resolution, or None if the Earth is not in view.
        """
        W, H = size
        box = self._bbox(cam, W, H)
        if box is None:
            return None
        bx0, by0, bx1, by1 = box
        if scale is None:
            near = (float(np.linalg.norm(cam.pos)) - 1.0) < 0.2  # texture is magnified
            scale = 2 if (bx1 - bx0) * (by1 - by0) <= 460_000 else (4 if near else 3)
        self.last_scale = scale
        w, h = max(W // scale, 1), max(H // scale, 1)
        x0, y0 = bx0 // scale, by0 // scale
        x1, y1 = min(-(-bx1 // scale), w), min(-(-by1 // scale), h)
        dxg, dyg, dzg = self._ray_grid(w, h, cam.fov_y_deg)
        dx, dy, dz = dxg[x0:x1, y0:y1], dyg[x0:x1, y0:y1], dzg[x0:x1, y0:y1]

        rot64 = cam.rot.astype(np.float64)
        C = [float(v) for v in rot64 @ (-cam.pos)]  # Earth centre, camera frame
        s = [float(v) for v in rot64 @ sun_ecef]  # Sun direction, camera frame
        rot = [[float(v) for v in r] for r in rot64]  # python floats keep arrays float32
        cc = C[0] * C[0] + C[1] * C[1] + C[2] * C[2]
        b = dx * C[0] + dy * C[1] + dz * C[2]
        q = cc - b * b  # squared distance of closest approach to the centre
        t = b - np.sqrt(np.maximum(1.0 - q, 0.0))
        px, py, pz = t * dx - C[0], t * dy - C[1], t * dz - C[2]  # unit normal, camera frame

        # Earth-fixed normal -> texel index.
        nx = px * rot[0][0] + py * rot[1][0] + pz * rot[2][0]
        ny = px * rot[0][1] + py * rot[1][1] + pz * rot[2][1]
        nz = px * rot[0][2] + py * rot[1][2] + pz * rot[2][2]
        mw, mh = self.maps.width, self.maps.height
        fr = (0.5 - np.arcsin(np.clip(nz, -1.0, 1.0)) * (1.0 / np.pi)) * mh
        fc = (np.arctan2(ny, nx) * (0.5 / np.pi) + 0.5) * mw
        # Close to the ground (Cupola, follow) one texel spans many pixels: filter it.
        ground_px = (math.sqrt(cc) - 1.0) * scale / cam.focal_px(H)
        near_ground = ground_px < 2.0 * math.pi / mw
        if near_ground:
            texel = self._bilinear(fr, fc)
        else:
            row = fr.astype(np.intp)
            col = fc.astype(np.intp)
            np.clip(row, 0, mh - 1, out=row)
            col %= mw
            idx = row * mw + col
            texel = np.take(self._packed, idx).view(np.uint8).reshape(idx.shape + (4,))

        mu = px * s[0] + py * s[1] + pz * s[2]
        day, night, twi = shade_factors(mu)
        nt = self.night_texture
        if near_ground:
            # Seen from orbit, close: livelier colour and contrast (the 2 km/px Blue Marble
            # is soft when magnified), a faint moonlit/airglow night instead of black, and
            # city lights that read as sharp points (a steeper curve, brighter cores).
            # ((c - lum) * S + lum - P) * K + P  =  c * S*K  +  (lum * (1 - S) * K + P * (1 - K))
            sk = _NEAR_SATURATION * _NEAR_CONTRAST
            lum = texel[..., 0] + texel[..., 1]
            lum += texel[..., 2]
            lum *= (1.0 - _NEAR_SATURATION) * _NEAR_CONTRAST / 3.0
            lum += _NEAR_PIVOT * (1.0 - _NEAR_CONTRAST)
            a = texel[..., 3] * (1.0 / 255.0)
            lights = np.clip(a * 1.5 - 0.2, 0.0, 1.3) ** 1.6 * night
            nt = self.night_texture_near
        else:
            lights = texel[..., 3] * (night * (1.0 / 255.0))
        # Limb: rays grazing the sphere see more air.
        cosv = np.clip(-(dx * px + dy * py + dz * pz), 0.0, 1.0)
        rim = (1.0 - cosv) ** 3 * (0.25 + 0.75 * np.clip(mu + 0.3, 0.0, 1.0))
        # Glow outside the limb.
        glow_r = np.sqrt(np.maximum(q, 0.0))
        g = np.clip((ATMOSPHERE - glow_r) / (ATMOSPHERE - 1.0), 0.0, 1.0)
        mu_air = ((b * dx - C[0]) * s[0] + (b * dy - C[1]) * s[1] + (b * dz - C[2]) * s[2])
        glow = np.where(b <= 0, 0.0, g * g * (0.15 + 0.85 * np.clip(mu_air + 0.2, 0, 1)))
        # Antialiased limb: the fraction of each internal pixel covered by the disc, from
        # how far its ray passes from the centre (1 - r) over one pixel's width there.
        f_int = 0.5 * h / math.tan(math.radians(cam.fov_y_deg) / 2)
        edge = math.sqrt(max(cc - 1.0, 1e-8)) / f_int
        cov = np.clip((1.0 - glow_r) * (1.0 / edge) + 0.5, 0.0, 1.0)
        cov = np.where(b > 0, cov, 0.0)
        self.last_coverage = cov

        out = np.empty(dx.shape + (3,), dtype=np.uint8)
        night_tint = _NIGHT_NEAR_RGB if near_ground else (0.0, 0.0, 0.0)
        lit = day + nt
        for ch in range(3):
            base = texel[..., ch]
            if near_ground:
                base = base * sk + lum
            v = base * lit + lights * float(_LIGHT_RGB[ch])
            v += twi * float(_TWILIGHT_RGB[ch] * 0.045)
            v += rim * float(_RIM_RGB[ch] * 0.9) + ((2.0, 3.0, 9.0)[ch])
            if near_ground:
                v += night * night_tint[ch]
            gl = glow * float(_RIM_RGB[ch] * 1.1)
            v -= gl
            v *= cov
            v += gl
            np.clip(v, 0.0, 255.0, out=v)
            out[:, :, ch] = v
        surf = pygame.Surface((x1 - x0, y1 - y0))
        pygame.surfarray.blit_array(surf, out)
        big = pygame.transform.smoothscale(surf, ((x1 - x0) * scale, (y1 - y0) * scale))
        big.set_colorkey((0, 0, 0))
        return big, (x0 * scale, y0 * scale)
