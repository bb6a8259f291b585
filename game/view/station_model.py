"""A 3D ISS built from ``assets/station.json``: modules as shaded cylinders placed by their
real connections and sizes, the integrated truss, and Sun-tracking solar arrays.

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

SIDE_DIR = {"forward": (1, 0, 0), "aft": (-1, 0, 0), "starboard": (0, 1, 0),
            "port": (0, -1, 0), "zenith": (0, 0, -1), "nadir": (0, 0, 1)}
SEGMENT_TINT = {"USOS": (150, 185, 255), "ROS": (255, 170, 120)}
_FACETS = 10


@dataclass
class Part:
    id: str
    segment: str
    centre: np.ndarray
    axis: np.ndarray
    length: float
    radius: float


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


def _frame(axis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = np.array([0.0, 0.0, 1.0]) if abs(axis[2]) < 0.9 else np.array([1.0, 0.0, 0.0])
    u = np.cross(axis, a)
    u /= np.linalg.norm(u)
    return u, np.cross(axis, u)


class StationModel:
    """Faces of the station, ready to transform, shade and draw back to front."""

    def __init__(self, facts: dict):
        self.parts = layout(facts)
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
            for i in range(_FACETS):
                j = (i + 1) % _FACETS
                quad = np.array([a + ring[i] * p.radius, a + ring[j] * p.radius,
                                 b + ring[j] * p.radius, b + ring[i] * p.radius])
                polys.append(quad)
                n = ring[i] + ring[j]
                normals.append(n / np.linalg.norm(n))
                owner.append(p.id)
                kinds.append(0)
            for end, sign in ((a, -1.0), (b, 1.0)):
                polys.append(end + ring * p.radius)
                normals.append(p.axis * sign)
                owner.append(p.id)
                kinds.append(0)
        # Integrated truss above Destiny (S0 on Destiny zenith), port to starboard.
        dest = next((p for p in self.parts if p.id == "destiny"), None)
        tc = (dest.centre if dest is not None else np.zeros(3)) + np.array([0, 0, -4.2])
        self._box(polys, normals, owner, kinds, tc, np.array([1.6, 54.5, 1.6]), "truss", 1)
        # Four pairs of big wings near the truss ends; they turn about the truss (y) axis.
        self.wing_polys_start = len(polys)
        for _k in range(8):
            polys.append(np.zeros((4, 3)))
            normals.append(np.zeros(3))
            owner.append("array")
            kinds.append(2)
        self.wing_centres = [(tc + np.array([0, y, 0]), sx) for y in (-47.0, -36.0, 36.0, 47.0)
                             for sx in (1.0, -1.0)]
        # Radiators hang nadir... simplified to panels below the inner truss.
        for y in (-20.0, 20.0):
            c = tc + np.array([0.0, y, 7.0])
            polys.append(c + np.array([[-5.0, 0, -6], [5.0, 0, -6], [5.0, 0, 6], [-5.0, 0, 6]]))
            normals.append(np.array([0.0, 1.0, 0.0]))
            owner.append("radiator")
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
        # Alpha joint: the wing normal turns about y to face the Sun's x-z component.
        sx, sz = sun_body[0], sun_body[2]
        alpha = math.atan2(sx, -sz) if (sx * sx + sz * sz) > 1e-9 else 0.0
        n = np.array([math.sin(alpha), 0.0, -math.cos(alpha)])
        along = np.array([math.cos(alpha), 0.0, math.sin(alpha)])
        wid = np.array([0.0, 1.0, 0.0])
        for k, (c, sign) in enumerate(self.wing_centres):
            base = c + along * sign * 2.0
            tip = c + along * sign * 35.0
            i = self.wing_polys_start + k
            self.polys[i] = np.array([base - wid * 5.8, base + wid * 5.8, tip + wid * 5.8,
                                      tip - wid * 5.8])
            self.normals[i] = n

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, cam_rot: np.ndarray,
             cam_pos_m: np.ndarray, focal_px: float, body_to_world: np.ndarray,
             sun_world: np.ndarray, sunlit: bool, tints: dict | None = None) -> None:
        """Draw into ``rect`` of ``surf``. ``cam_pos_m`` is the camera relative to the ISS in
        metres, world axes; ``cam_rot`` rows are the camera's right/down/forward in world."""
        tints = tints or {}
        self._pose_wings(body_to_world.T @ sun_world)
        counts = [len(p) for p in self.polys]
        verts = np.vstack(self.polys) @ body_to_world.T  # world metres, ISS-relative
        pc = (verts - cam_pos_m) @ cam_rot.T
        n_world = self.normals @ body_to_world.T
        starts = np.cumsum([0] + counts[:-1])
        centres = np.add.reduceat(verts, starts, axis=0) / np.array(counts)[:, None]
        depth = np.add.reduceat(pc[:, 2], starts) / np.array(counts)
        facing = np.einsum("ij,ij->i", n_world, cam_pos_m - centres)
        two_sided = self.kinds == 2
        show = ((facing > 0) | two_sided) & (depth > 0.5)
        n_vis = np.where((facing < 0)[:, None] & two_sided[:, None], -n_world, n_world)
        diffuse = np.clip(n_vis @ sun_world, 0.0, 1.0) if sunlit else np.zeros(len(counts))
        zs = np.maximum(pc[:, 2], 0.5)
        sx = rect.centerx + focal_px * pc[:, 0] / zs
        sy = rect.centery + focal_px * pc[:, 1] / zs
        order = np.argsort(-depth)
        prev_clip = surf.get_clip()
        surf.set_clip(rect)
        for i in order:
            if not show[i]:
                continue
            kind = self.kinds[i]
            who = self.owner[i]
            if kind == 2 and who == "array":
                front = facing[i] > 0
                base = (200, 150, 60) if not front else (70, 90, 160)
                base = (200, 160, 70) if (n_vis[i] @ sun_world) > 0 and front else base
            elif kind == 2:
                base = (225, 228, 235)
            elif kind == 1:
                base = (170, 170, 175)
            else:
                base = tints.get(who) or SEGMENT_TINT.get(self.segment.get(who, "USOS"),
                                                          (200, 200, 200))
            k = 0.14 + 0.86 * diffuse[i] if sunlit else 0.10
            col = (min(255, int(base[0] * k + (0 if sunlit else 6))),
                   min(255, int(base[1] * k + (0 if sunlit else 10))),
                   min(255, int(base[2] * k + (0 if sunlit else 22))))
            a = starts[i]
            pts = np.stack([sx[a:a + counts[i]], sy[a:a + counts[i]]], axis=1)
            pts = np.clip(pts, -20000, 20000).tolist()
            pygame.draw.polygon(surf, col, pts)
        surf.set_clip(prev_clip)
