"""A 3D ISS built from ``assets/station.json``: modules as shaded cylinders placed by their
real connections and sizes, the integrated truss, eight solar array wings turned to the
Sun by their alpha and beta joints, the radiators edge-on to it, and the docked Soyuz and
Crew Dragon (``game.facts.structure``).

Body frame (metres): x forward (velocity), y starboard, z nadir — the station flies in this
local-vertical attitude. Faces are flat-shaded with the real Sun when the ISS is sunlit and
lit only by a dim blue earthshine in eclipse; each module is tinted by ``tints[id]``
(default: by segment, USOS blue-white, ROS warm).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np
import pygame

from game.facts import structure as S

SIDE_DIR = {"forward": (1, 0, 0), "aft": (-1, 0, 0), "starboard": (0, 1, 0),
            "port": (0, -1, 0), "zenith": (0, 0, -1), "nadir": (0, 0, 1)}
SEGMENT_TINT = {"USOS": (150, 185, 255), "ROS": (255, 170, 120)}
_FACETS = 10
_CELL_RGB = (40, 42, 128)  # deep blue-violet silicon cells
_BACKING_RGB = (196, 186, 160)  # the blankets' pale backs
_SHEEN_RGB = np.array([255.0, 196.0, 105.0])  # gold/copper glint facing the Sun
_EARTHSHINE = np.array([14.0, 22.0, 40.0])
_SUN_STEP = 0.02
_KEY = (255, 0, 254)  # colour key of the cached model image (no face is this colour)


@dataclass
class Part:
    id: str
    segment: str
    centre: np.ndarray
    axis: np.ndarray
    length: float
    radius: float
    radius_end: float | None = None  # a frustum's radius at the far end (None: a cylinder)


def layout(facts: dict) -> list[Part]:
    """Place each pressurised module and adapter by walking the connection graph from Unity."""
    items = {}
    for m in list(facts.get("modules", [])) + list(facts.get("adapters", [])):
        dims = m.get("dimensions", {}) or {}
        length = float(dims.get("length_m") or 4.0)
        diam = float(dims.get("diameter_m") or dims.get("diameter_wide_end_m") or 2.0)
        items[m["id"]] = (m, length, diam / 2)
    links: dict[str, list[tuple[str, np.ndarray]]] = {k: [] for k in items}
    for mid, (m, _l, _r) in items.items():
        for c in m.get("connections", []) or []:
            to, side = c.get("to"), str(c.get("side", "")).lower()
            word = side.split()[0] if side else ""
            if to not in items or word not in SIDE_DIR:
                continue
            d = np.array(SIDE_DIR[word], dtype=float)
            if "attached end" in side:  # the side of *this* module facing its parent
                links[to].append((mid, -d))
                links[mid].append((to, d))
            else:
                links[mid].append((to, d))
                links[to].append((mid, -d))
    root = "unity" if "unity" in items else next(iter(items), None)
    parts: dict[str, Part] = {}
    if root is None:
        return []
    m, length, r = items[root]
    parts[root] = Part(root, m.get("segment", "USOS"), np.zeros(3), np.array([1.0, 0, 0]),
                       length, r)
    todo = deque([root])
    while todo:
        pid = todo.popleft()
        p = parts[pid]
        for cid, d in links[pid]:
            if cid in parts:
                continue
            m, length, r = items[cid]
            along = abs(float(d @ p.axis)) > 0.9
            reach = p.length / 2 if along else p.radius
            parts[cid] = Part(cid, m.get("segment", p.segment), p.centre + d * (reach + length / 2),
                              d.copy(), length, r)
            todo.append(cid)
    return list(parts.values())


def vehicles(parts: list[Part]) -> list[Part]:
    """The docked Soyuz (Rassvet nadir) and Crew Dragon (PMA-2 forward, at Harmony), as
    stacks of cylinders and frustums out from their ports (``game.facts.structure``):
    Soyuz's orbital, descent and service modules; Dragon's capsule, nose at the port,
    and its trunk. Each piece carries its vehicle's id, so it is tinted with it."""
    by = {p.id: p for p in parts}
    out: list[Part] = []

    def stack(port: str, side: str, vid: str, pieces) -> None:
        host = by.get(port)
        if host is None:
            return
        d = np.array(SIDE_DIR[side], dtype=float)
        along = abs(float(d @ host.axis)) > 0.9
        x = host.centre + d * (host.length / 2 if along else host.radius)
        for length, r0, r1 in pieces:
            out.append(Part(vid, "vehicle", x + d * length / 2, d.copy(), length, r0, r1))
            x = x + d * length

    k = S.SOYUZ_LENGTH_M / 7.5
    stack("rassvet", "nadir", "soyuz", [(2.6 * k, 1.1, 1.1), (2.2 * k, 1.05, 1.1),
                                         (2.7 * k, S.SOYUZ_DIAMETER_M / 2, 1.2)])
    r = S.DRAGON_DIAMETER_M / 2
    cap = 4.4
    stack("pma2", "forward", "dragon", [(cap, 0.8, r), (S.DRAGON_LENGTH_M - cap, r, r)])
    return out


def _frame(axis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = np.array([0.0, 0.0, 1.0]) if abs(axis[2]) < 0.9 else np.array([1.0, 0.0, 0.0])
    u = np.cross(axis, a)
    u /= np.linalg.norm(u)
    return u, np.cross(axis, u)


class StationModel:
    """Faces of the station, ready to transform, shade and draw back to front."""

    def __init__(self, facts: dict):
        self.parts = layout(facts)
        self.parts += vehicles(self.parts)
        polys: list[np.ndarray] = []
        normals: list[np.ndarray] = []
        owner: list[str] = []
        kinds: list[int] = []  # 0 module, 1 truss, 2 array (two-sided), 3 radiator
        ang = np.linspace(0, 2 * np.pi, _FACETS, endpoint=False)
        for p in self.parts:
            u, v = _frame(p.axis)
            ring = np.cos(ang)[:, None] * u + np.sin(ang)[:, None] * v
            a = p.centre - p.axis * p.length / 2
            b = p.centre + p.axis * p.length / 2
            ra = p.radius
            rb = p.radius if p.radius_end is None else p.radius_end
            for i in range(_FACETS):
                j = (i + 1) % _FACETS
                quad = np.array([a + ring[i] * ra, a + ring[j] * ra,
                                 b + ring[j] * rb, b + ring[i] * rb])
                polys.append(quad)
                n = (ring[i] + ring[j]) / np.linalg.norm(ring[i] + ring[j])
                n = n * p.length - p.axis * (rb - ra)  # a frustum's faces lean
                normals.append(n / np.linalg.norm(n))
                owner.append(p.id)
                kinds.append(0)
            for end, sign, rr in ((a, -1.0, ra), (b, 1.0, rb)):
                polys.append(end + ring * rr)
                normals.append(p.axis * sign)
                owner.append(p.id)
                kinds.append(0)
        # Integrated truss above Destiny (S0 on Destiny zenith), port to starboard.
        dest = next((p for p in self.parts if p.id == "destiny"), None)
        tc = (dest.centre if dest is not None else np.zeros(3)) + np.array(
            [0, 0, -S.TRUSS_ABOVE_DESTINY_M])
        self.truss_centre = tc
        half_t = S.TRUSS_SECTION_M / 2
        self._box(polys, normals, owner, kinds, tc,
                  np.array([half_t, S.TRUSS_LENGTH_M / 2, half_t]), "truss", 1)
        # The photovoltaic modules' blanket boxes and beta gimbals on the truss.
        for _seg, y in S.PV_MODULES:
            self._box(polys, normals, owner, kinds, tc + np.array([0.0, y, 0.0]),
                      np.array([half_t * 1.6, 1.4, half_t * 1.6]), "truss", 1)
        # Eight wings, two on each PV module, posed each frame by their alpha and beta
        # joints (see _pose_wings); each wing is two blankets of cells either side of
        # its mast.
        self.wing_polys_start = len(polys)
        self.wing_centres = [(tc + np.array([0.0, y, 0.0]), sx) for _seg, y in S.PV_MODULES
                             for sx in (1.0, -1.0)]
        for _k in range(2 * len(self.wing_centres)):
            polys.append(np.zeros((4, 3)))
            normals.append(np.zeros(3))
            owner.append("array")
            kinds.append(2)
        # The main radiators on S1 and P1, turned edge-on to the Sun.
        self.radiator_polys_start = len(polys)
        y0, y1 = S.RADIATOR_Y_M
        pitch = (y1 - y0) / S.RADIATORS_PER_SIDE
        self.radiator_spans = []
        for side in (-1.0, 1.0):
            for k in range(S.RADIATORS_PER_SIDE):
                ya = side * (y0 + k * pitch + 0.5 * (pitch - S.RADIATOR_WIDTH_M))
                yb = ya + side * S.RADIATOR_WIDTH_M
                self.radiator_spans.append((min(ya, yb), max(ya, yb)))
                polys.append(np.zeros((4, 3)))
                normals.append(np.zeros(3))
                owner.append("radiator")
                kinds.append(2)
        # Soyuz's two small wings, across its service module.
        soy = [p for p in self.parts if p.id == "soyuz"]
        if soy:
            sm = soy[-1]
            for sy in (1.0, -1.0):
                c = sm.centre + np.array([0.0, sy * (sm.radius + S.SOYUZ_PANEL_SPAN_M / 4), 0.0])
                half = S.SOYUZ_PANEL_SPAN_M / 4 - 0.3
                polys.append(c + np.array([[-0.6, -half, 0], [0.6, -half, 0], [0.6, half, 0],
                                           [-0.6, half, 0]]))
                normals.append(np.array([1.0, 0.0, 0.0]))
                owner.append("array")
                kinds.append(2)
        # Zvezda's own small wings.
        zv = next((p for p in self.parts if p.id == "zvezda"), None)
        if zv is not None:
            for sy in (1.0, -1.0):
                c = zv.centre + np.array([0.0, sy * (zv.radius + 7.5), 0.0])
                polys.append(c + np.array([[-1.6, -7.0, 0], [1.6, -7.0, 0], [1.6, 7.0, 0],
                                           [-1.6, 7.0, 0]]))
                normals.append(np.array([0.0, 0.0, -1.0]))
                owner.append("array")
                kinds.append(2)
        self.polys = polys
        self.normals = np.array(normals)
        self.owner = owner
        self.kinds = np.array(kinds)
        self.segment = {p.id: p.segment for p in self.parts}
        self.extent_m = 110.0
        # Flat arrays, so a frame transforms and shades every face with a few numpy calls.
        self.counts = np.array([len(q) for q in polys])
        self.starts = np.concatenate([[0], np.cumsum(self.counts)[:-1]])
        self.verts = np.vstack(polys).astype(np.float64)
        self.is_array = np.array([k == 2 and o == "array" for k, o in zip(kinds, owner,
                                                                         strict=True)])
        self.is_radiator = np.array([o == "radiator" for o in owner])
        self.is_blanket = np.zeros(len(polys), dtype=bool)
        self.is_blanket[self.wing_polys_start:self.wing_polys_start + 16] = True
        self.alpha_rad = 0.0  # the joints' last pose (see _pose_wings)
        self.beta_rad = 0.0
        self._base_key = None
        self._base = np.zeros((len(polys), 3))
        self._cache_key = None
        self._cache: tuple[pygame.Surface, tuple[int, int]] | None = None
        self.cache_hits = 0
        self.cache_misses = 0

    @staticmethod
    def _box(polys, normals, owner, kinds, c, half, who, kind) -> None:
        for axis in range(3):
            for sign in (-1.0, 1.0):
                n = np.zeros(3)
                n[axis] = sign
                a1, a2 = [k for k in range(3) if k != axis]
                corners = []
                for s1, s2 in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                    q = np.zeros(3)
                    q[axis] = sign * half[axis]
                    q[a1] = s1 * half[a1]
                    q[a2] = s2 * half[a2]
                    corners.append(c + q)
                polys.append(np.array(corners))
                normals.append(n)
                owner.append(who)
                kinds.append(kind)

    def _pose_wings(self, sun_body: np.ndarray) -> None:
        """Turn the wings to the Sun as the real joints do, and the radiators edge-on.

        Alpha (the rotary joints, about the truss's y axis) lays every wing's long axis
        across the Sun's direction in the x-z plane; beta (each wing's gimbal, about that
        long axis) tilts the blankets toward the Sun's y component. The cells' normal is
        then the Sun's direction itself."""
        sx, sy, sz = (float(v) for v in sun_body)
        rxz = math.hypot(sx, sz)
        if rxz > 1e-9:
            n0 = np.array([sx / rxz, 0.0, sz / rxz])  # the Sun in the x-z plane
        else:  # the Sun straight along the truss: any alpha will do
            n0 = np.array([0.0, 0.0, -1.0])
        self.alpha_rad = math.atan2(n0[0], -n0[2])
        self.beta_rad = math.atan2(sy, rxz)
        along = np.cross(np.array([0.0, 1.0, 0.0]), n0)  # wing long axis, across the Sun
        cb, sb = math.cos(self.beta_rad), math.sin(self.beta_rad)
        n = cb * n0 + sb * np.array([0.0, 1.0, 0.0])
        wid = np.cross(n, along)  # across the wing, in the blankets' plane
        wid /= np.linalg.norm(wid)
        if wid[1] < 0:
            wid = -wid
        root, tip = S.WING_ROOT_M, S.WING_ROOT_M + S.WING_LENGTH_M
        w_out, w_in = S.WING_WIDTH_M / 2, S.WING_MAST_GAP_M / 2
        for k, (c, sign) in enumerate(self.wing_centres):
            base = c + along * sign * root
            end = c + along * sign * tip
            for half, (w0, w1) in enumerate(((-w_out, -w_in), (w_in, w_out))):
                i = self.wing_polys_start + 2 * k + half
                self._set_poly(i, np.array([base + wid * w0, base + wid * w1,
                                            end + wid * w1, end + wid * w0]), n)
        # Radiators: their plane holds the truss axis and the Sun, so they show it an edge;
        # they hang on the Earth's side (+z) of the truss.
        r = n0 if n0[2] >= 0 else -n0
        rn = np.cross(r, np.array([0.0, 1.0, 0.0]))
        tc = self.truss_centre
        for k, (ya, yb) in enumerate(self.radiator_spans):
            a = tc + np.array([0.0, ya, 0.0]) + r * 1.8
            b = tc + np.array([0.0, yb, 0.0]) + r * 1.8
            L = r * S.RADIATOR_LENGTH_M
            self._set_poly(self.radiator_polys_start + k, np.array([a, b, b + L, a + L]), rn)

    def _set_poly(self, i: int, quad: np.ndarray, normal: np.ndarray) -> None:
        self.polys[i] = quad
        if hasattr(self, "verts"):
            self.verts[self.starts[i]:self.starts[i] + len(quad)] = quad
        self.normals[i] = normal

    def wing_normals(self) -> np.ndarray:
        """(16, 3) unit normals of the blankets' cell sides, from their drawn corners."""
        out = []
        for i in range(self.wing_polys_start, self.wing_polys_start + 16):
            q = self.polys[i]
            n = np.cross(q[1] - q[0], q[3] - q[0])
            n /= np.linalg.norm(n)
            out.append(n if n @ self.normals[i] >= 0 else -n)
        return np.array(out)

    # -- colours ---------------------------------------------------------------------
    def _bases(self, tints: dict) -> np.ndarray:
        """Base colour (n, 3) of every face: modules by owner, silver truss, white
        radiators, blue-violet cells (the backs of the blankets are set per frame)."""
        key = tuple(sorted(tints.items()))
        if key != self._base_key:
            self._base_key = key
            for i, (who, kind) in enumerate(zip(self.owner, self.kinds, strict=True)):
                if kind == 2 and who == "array":
                    base = _CELL_RGB
                elif kind == 2:
                    base = (228, 230, 236)
                elif kind == 1:
                    base = (190, 192, 198)
                else:
                    base = tints.get(who) or SEGMENT_TINT.get(self.segment.get(who, "USOS"),
                                                              (200, 200, 200))
                self._base[i] = base
        return self._base

    # -- drawing ---------------------------------------------------------------------
    def draw(self, surf: pygame.Surface, rect: pygame.Rect, cam_rot: np.ndarray,
             cam_pos_m: np.ndarray, focal_px: float, body_to_world: np.ndarray,
             sun_world: np.ndarray, sunlit: bool, tints: dict | None = None,
             cache: bool = True) -> None:
        """Draw into ``rect`` of ``surf``. ``cam_pos_m`` is the camera relative to the ISS in
        metres, world axes; ``cam_rot`` rows are the camera's right/down/forward in world.

        Everything is worked out in the station's body axes, where the follow camera sits
        still: the drawn model is kept as a colour-keyed image and re-blitted while the
        camera (to 1 cm and 1e-4), the Sun (to ~1 degree), the tints and the size stay
        the same, so most frames cost one blit."""
        tints = tints or {}
        cam_b = body_to_world.T @ np.asarray(cam_pos_m, dtype=np.float64)
        rot_b = np.asarray(cam_rot, dtype=np.float64) @ body_to_world
        sun_b = body_to_world.T @ np.asarray(sun_world, dtype=np.float64)
        sun_q = np.round(sun_b / _SUN_STEP) * _SUN_STEP  # wings and shading in ~1 deg steps
        nq = float(np.linalg.norm(sun_q))
        sun_q = sun_q / nq if nq > 1e-9 else np.array([0.0, 0.0, -1.0])
        key = (rect.size, round(float(focal_px), 2), tuple(np.round(cam_b, 2)),
               tuple(np.round(rot_b, 4).ravel()), tuple(sun_q), bool(sunlit),
               tuple(sorted(tints.items())))
        if not cache or key != self._cache_key or self._cache is None:
            self.cache_misses += 1
            self._cache = self._render(rect.size, rot_b, cam_b, float(focal_px), sun_q,
                                       bool(sunlit), tints)
            self._cache_key = key if cache else None
        else:
            self.cache_hits += 1
        img, (ox, oy) = self._cache
        if img is not None:
            prev_clip = surf.get_clip()
            surf.set_clip(rect)
            surf.blit(img, (rect.left + ox, rect.top + oy))
            surf.set_clip(prev_clip)

    def _render(self, size: tuple[int, int], rot_b: np.ndarray, cam_b: np.ndarray,
                focal_px: float, sun_b: np.ndarray, sunlit: bool, tints: dict
                ) -> tuple[pygame.Surface | None, tuple[int, int]]:
        """The model seen from ``cam_b`` (body metres), as a colour-keyed image cropped to
        what it covers of a ``size`` view, and its top-left within that view."""
        self._pose_wings(sun_b)
        counts, starts = self.counts, self.starts
        pc = (self.verts - cam_b) @ rot_b.T
        centres = np.add.reduceat(self.verts, starts, axis=0) / counts[:, None]
        depth = np.add.reduceat(pc[:, 2], starts) / counts
        facing = np.einsum("ij,ij->i", self.normals, cam_b - centres)
        two_sided = self.kinds == 2
        show = ((facing > 0) | two_sided) & (depth > 0.5)
        if not np.any(show):
            return None, (0, 0)
        back = facing < 0
        n_vis = np.where((back & two_sided)[:, None], -self.normals, self.normals)
        base = self._bases(tints).copy()
        cells_back = self.is_array & back  # the blankets' backs: pale kapton
        base[cells_back] = _BACKING_RGB
        w, h = size
        if sunlit:
            diffuse = np.clip(n_vis @ sun_b, 0.0, 1.0)
            view = cam_b - centres
            view /= np.maximum(np.linalg.norm(view, axis=1), 1e-9)[:, None]
            half = view + sun_b
            half /= np.maximum(np.linalg.norm(half, axis=1), 1e-9)[:, None]
            spec = np.clip(np.einsum("ij,ij->i", n_vis, half), 0.0, 1.0)
            earth = np.clip(n_vis[:, 2], 0.0, 1.0)  # body z is nadir: earthshine from below
            # Ambient: earthshine and the station's own glare; white radiators and the
            # pale backs of the blankets catch the most of it.
            amb = np.where(cells_back, 0.42, np.where(self.is_radiator, 0.40, 0.16))
            col = base * (amb + (1.0 - amb) * diffuse)[:, None] + earth[:, None] * _EARTHSHINE
            cells = self.is_array & ~back & (diffuse > 0)
            # Glossy cells: deep blue-violet, a gold/copper glint near the mirror angle.
            sheen = np.where(cells, spec ** 10 * 0.75 + diffuse * 0.05, 0.0)
            metal = np.where((self.kinds == 1) | ((self.kinds == 0) & ~self.is_array),
                             spec ** 24 * 0.35, 0.0)
            col += sheen[:, None] * _SHEEN_RGB + metal[:, None] * 255.0
        else:
            col = base * 0.06 + np.array([4.0, 7.0, 16.0])  # in eclipse: a faint silhouette
        col = np.clip(col, 1.0, 255.0).astype(np.int32).tolist()
        zs = np.maximum(pc[:, 2], 0.5)
        sx = w / 2 + focal_px * pc[:, 0] / zs
        sy = h / 2 + focal_px * pc[:, 1] / zs
        vis_v = np.repeat(show, counts)
        x0 = int(max(math.floor(sx[vis_v].min()) - 1, 0))
        y0 = int(max(math.floor(sy[vis_v].min()) - 1, 0))
        x1 = int(min(math.ceil(sx[vis_v].max()) + 2, w))
        y1 = int(min(math.ceil(sy[vis_v].max()) + 2, h))
        if x1 <= x0 or y1 <= y0:
            return None, (0, 0)
        img = pygame.Surface((x1 - x0, y1 - y0))
        img.fill(_KEY)
        img.set_colorkey(_KEY)
        pts = np.clip(np.stack([sx - x0, sy - y0], axis=1), -20000, 20000).tolist()
        order = np.argsort(-depth)
        order = order[show[order]]
        draw_poly = pygame.draw.polygon
        grid = self.is_blanket & sunlit
        for i in order.tolist():
            a = starts[i]
            draw_poly(img, col[i], pts[a:a + counts[i]])
            if grid[i]:
                self._grid(img, pts[a:a + 4], col[i], bool(back[i]))
        return img, (x0, y0)

    @staticmethod
    def _grid(img: pygame.Surface, q: list, rgb: list, back: bool) -> None:
        """Cell rows across a blanket (a darker line every ~4 m) and its outline."""
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = q
        line = (max(rgb[0] - 40, 0), max(rgb[1] - 40, 0), max(rgb[2] - 30, 0)) if not back \
            else (max(rgb[0] - 25, 0), max(rgb[1] - 25, 0), max(rgb[2] - 25, 0))
        if abs(cx - ax) + abs(cy - ay) < 12:  # too small for lines to read
            return
        for k in range(1, 8):
            t = k / 8.0
            pygame.draw.line(img, line, (ax + (dx - ax) * t, ay + (dy - ay) * t),
                             (bx + (cx - bx) * t, by + (cy - by) * t))
        pygame.draw.lines(img, line, True, q)
