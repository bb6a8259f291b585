"""Where the station schematic puts things: module boxes, hatch squares, badges, tokens.

The plan is a grid like the real station seen from above (:data:`GRID`: the Russian
segment aft on the left, the US segment forward on the right, vehicles at their ports).
:class:`SchematicLayout` turns the panel's rectangle into screen rectangles once per
size, and places the crew tokens in their modules' boxes for each drawing; the panel's
clicks are hit-tested against the same rectangles. Every length is a design length at
:data:`DESIGN_W` (560 px) times the panel's factor ``k = width / DESIGN_W``, fonts too:
the plan is the same drawing at any size, its text rendered sharp at its final size.
"""

from __future__ import annotations

import pygame

from game.sim.api import station as stn
from game.view.widgets import font

# (column, row): column 0 is aft (Zvezda), row 0 the main axis; row 1 is below.
GRID = {
    "zvezda": (0, 0), "zarya": (1, 0), "pma1": (2, 0), "unity": (3, 0), "destiny": (4, 0),
    "harmony": (5, 0), "pma2": (6, 0), "dragon": (7, 0),
    "poisk": (0, -1), "nauka": (0, 1), "prichal": (0, 2), "rassvet": (1, 1), "soyuz": (1, 2),
    "quest": (3, -1), "tranquility": (3, 1), "cupola": (3, 2), "beam": (2, 1),
    "leonardo_pmm": (4, 1), "columbus": (5, -1), "kibo_jpm": (5, 1), "kibo_elm_ps": (5, 2),
    "pma3": (6, -1),
}
SHORT = {"tranquility": "Tranquility", "kibo_jpm": "Kibo", "kibo_elm_ps": "ELM-PS",
         "leonardo_pmm": "Leonardo", "dragon": "Dragon"}
SMALL = ("pma1", "pma2", "pma3")
BADGES = {"destiny": [("C2", ""), ("PW", "power_ru")],
          "zvezda": [("C2", ""), ("TH", "attitude"), ("O2", "o2_zvezda")],
          "tranquility": [("O2", "o2_tranquility")]}
# Design lengths at the design width (DESIGN_W); the panel scales them by width / DESIGN_W.
DESIGN_W = 560
ROW_PITCH = 78
BOX_H = 64
HEADER_H = 30


class SchematicLayout:
    """The geometry half of :class:`~game.view.panels.schematic.SchematicPanel`."""

    def _init_layout(self) -> None:
        self.k = 1.0
        self._set_scale(1.0)
        self._rect: pygame.Rect | None = None
        self.boxes: dict[str, pygame.Rect] = {}
        self.hatch_rects: dict[str, pygame.Rect] = {}
        self.badge_rects: list[tuple[pygame.Rect, str]] = []
        self.tokens: dict[str, tuple[tuple[int, int], int]] = {}
        self.links: list[tuple[str, tuple, tuple]] = []
        self._cache_key = None

    def _set_scale(self, k: float) -> None:
        """Fonts for the factor ``k`` (design sizes at DESIGN_W times k)."""
        self.k = k
        self.f_name = font(max(8, round(17 * k)))
        self.f_tok = font(max(8, round(13 * k)), bold=True)
        self.f_badge = font(max(8, round(13 * k)))
        self.f_text = font(max(8, round(18 * k)))
        self.f_head = font(max(8, round(24 * k)))

    def px(self, v: float) -> int:
        """A design length in this panel's pixels."""
        return int(round(v * self.k))

    def layout(self, rect: pygame.Rect) -> None:
        """Compute module boxes and hatch squares for the panel at ``rect`` (screen px)."""
        if self._rect == rect:
            return
        self._rect = pygame.Rect(rect)
        k = round(rect.width / DESIGN_W, 3)
        if k != self.k:
            self._set_scale(k)
        px = self.px
        pitch = (rect.width - px(16)) / 8
        bw = int(pitch) - px(8)
        bh = px(BOX_H)
        top = rect.top + px(HEADER_H + 16)
        self.boxes = {}
        for m, (c, r) in GRID.items():
            x = rect.left + px(8) + int(c * pitch) + px(4)
            y = top + int((r + 1) * ROW_PITCH * k)
            box = pygame.Rect(x, y, bw, bh)
            if m in SMALL:
                box = box.inflate(-bw // 3, -bh // 3)
            self.boxes[m] = box
        self.hatch_rects, self.links = {}, []
        for h, (a, b) in stn.HATCH_ENDS.items():
            ra, rb = self.boxes[a], self.boxes[b]
            pa, pb = self._edge_point(ra, rb), self._edge_point(rb, ra)
            mid = ((pa[0] + pb[0]) // 2, (pa[1] + pb[1]) // 2)
            hs = max(7, px(11))
            self.hatch_rects[h] = pygame.Rect(mid[0] - hs // 2, mid[1] - hs // 2, hs, hs)
            self.links.append((h, pa, pb))
        self.badge_rects = []
        for m, badges in BADGES.items():
            box = self.boxes[m]
            x = box.left + px(3)
            gap = px(2)
            w = min(px(18), (box.width - px(6) - gap * (len(badges) - 1)) // len(badges))
            for label, sys_id in badges:
                self.badge_rects.append((pygame.Rect(x, box.bottom - px(14), w, px(12)),
                                         sys_id or "c2:" + m + ":" + label))
                x += w + gap
        self.schematic_bottom = top + int(4 * ROW_PITCH * k)
        self._cache_key = None

    @staticmethod
    def _edge_point(ra: pygame.Rect, rb: pygame.Rect) -> tuple[int, int]:
        dx, dy = rb.centerx - ra.centerx, rb.centery - ra.centery
        if dx and dy:  # diagonal link: leave from the corner nearest the other box
            return (ra.right if dx > 0 else ra.left, ra.top if dy < 0 else ra.bottom)
        if dx:
            return (ra.right if dx > 0 else ra.left, ra.centery)
        return (ra.centerx, ra.bottom if dy > 0 else ra.top)

    def token_centre(self, cid: str) -> tuple[int, int] | None:
        t = self.tokens.get(cid)
        return t[0] if t else None

    def token_region(self, mid: str) -> pygame.Rect:
        """Where a module's crew tokens may go: its box below the name and above the
        system badges (never on either)."""
        box = self.boxes[mid]
        px = self.px
        top = box.top + (px(17) if mid not in SMALL else px(12))
        bottom = box.bottom - (px(16) if mid in BADGES else px(3))
        return pygame.Rect(box.left + px(3), top, box.width - px(6), max(1, bottom - top))

    def _place_tokens(self, state) -> None:
        """Tokens in a grid inside each module's token region, as large as fit (down to
        :data:`MIN_TOKEN_R`): none covers another, the module's name or a badge."""
        self.tokens = {}
        px = self.px
        gap = max(1, px(2))
        for m in state.modules:
            if m.id not in self.boxes or not m.crew:
                continue
            region = self.token_region(m.id)
            n = len(m.crew)
            r_max = px(8) if m.id not in SMALL else px(6)
            r, cols = token_grid(region.width, region.height, n, r_max,
                                 max(3, px(MIN_TOKEN_R)), gap)
            rows = -(-n // cols)
            cell = 2 * r + gap
            x0 = region.left + (region.width - (cols * cell - gap)) // 2
            y0 = region.top + (region.height - (rows * cell - gap)) // 2
            for i, cid in enumerate(m.crew):
                row, col = divmod(i, cols)
                self.tokens[cid] = ((x0 + r + col * cell, y0 + r + row * cell), r)


MIN_TOKEN_R = 3.5  # design px: nine crew in one module still fit, as dots


def token_grid(w: int, h: int, n: int, r_max: int, r_min: int, gap: int) -> tuple[int, int]:
    """(radius, columns) of the largest tokens that set ``n`` in a grid within ``w`` x
    ``h`` with ``gap`` between them (``r_min`` if even those do not fit: the grid then
    keeps its width and runs on below, still never overlapping)."""
    for r in range(r_max, r_min - 1, -1):
        cell = 2 * r + gap
        cols = max(1, (w + gap) // cell)
        rows = max(1, (h + gap) // cell)
        if cols * rows >= n:
            return r, min(cols, n)
    cell = 2 * r_min + gap
    return r_min, max(1, min(n, (w + gap) // cell))
