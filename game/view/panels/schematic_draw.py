"""The station schematic drawn: modules, hatches, badges, tokens, legend, roster, log.

Redrawn into a cached surface only when something it shows changed (:meth:`draw` keys
the cache on every field drawn), in one palette with the 3D model and the HUD.
"""

from __future__ import annotations

import pygame

from game.session.palette import PALETTE, module_colour
from game.session.wording import SIDE_LABEL, fmt_duration
from game.sim.api import station as stn
from game.view.panels.game_hud import plain
from game.view.panels.schematic_layout import HEADER_H, SHORT, SMALL
from game.view.panels.schematic_orders import ACTIONS
from game.view.widgets import ellipsize, render_line

TASK_WORDS = {"move": "to", "open": "opening hatch", "force": "forcing hatch",
              "close": "sealing hatch", "offline": "cutting", "restore": "restoring",
              "talk": "talking with", "restrain": "restraining", "free": "freeing",
              "leave": "undocking"}
BG = (9, 13, 24)
INK = (222, 228, 240)
DIM = (140, 150, 170)


def _shade(c, k):
    return (int(c[0] * k), int(c[1] * k), int(c[2] * k))


def initials(name: str) -> str:
    parts = name.split()
    if len(parts) >= 2:
        return (parts[0][0] + parts[1][0]).upper()
    return name[:2].title()


class SchematicDrawing:
    """The drawing half of :class:`~game.view.panels.schematic.SchematicPanel`."""

    def _t(self, font, text, colour=INK):
        return render_line(font, text, colour)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, _vs=None) -> None:
        self.layout(rect)
        w = self.world
        st = w.state
        # Redrawn only when something it shows changed (not on every tick).
        capturing = any(m.capturing for m in st.modules)
        # Every field drawn: hatches, modules and systems are small frozen views, compared
        # whole (a hatch's colour is open/closed/sealed); crew by the fields shown, not
        # the ones that move every tick (due, loyalty, leanings).
        content = (tuple((c.module, c.task, c.target, c.stress, c.stress_limit, c.restrained,
                          c.gone, c.side, c.name) for c in st.crew),
                   st.modules, st.hatches, st.systems)
        key = (rect.size, st.tick if capturing else -1, st.ended, content, self.selected,
               self.pending, self.hint, w.commanding, w.log.version, self.replay_title)
        if self._cache is None or self._cache.get_size() != rect.size:
            self._cache = pygame.Surface(rect.size)
            self._cache_key = None
        if key != self._cache_key:
            self._cache_key = key
            self._render(self._cache, rect, st)
        surface.blit(self._cache, rect.topleft)

    def _render(self, surf: pygame.Surface, rect: pygame.Rect, st) -> None:
        """Draw the whole panel into ``surf`` (panel-local coordinates)."""
        ox, oy = rect.left, rect.top
        px = self.px
        self.text_rects = []
        surf.fill(BG)
        pygame.draw.line(surf, (40, 52, 80), (0, 0), (0, rect.height), 2)
        self._place_tokens(st)
        self._draw_header(surf, rect)

        def loc(r: pygame.Rect) -> pygame.Rect:
            return r.move(-ox, -oy)

        # segment labels
        head_h = px(HEADER_H)
        lab = self._t(self.f_badge, "RUSSIAN SEGMENT (aft)", _shade(PALETTE["ru"], 0.8))
        self._put(surf, rect, lab, (px(10), head_h + px(2)), "segment")
        lab = self._t(self.f_badge, "US SEGMENT (forward) >", _shade(PALETTE["us"], 0.9))
        self._put(surf, rect, lab, (rect.width - lab.get_width() - px(10), head_h + px(2)),
                  "segment")
        hatch_by_id = {h.id: h for h in st.hatches}
        for h, pa, pb in self.links:
            hv = hatch_by_id[h]
            col = (70, 84, 110) if hv.open else (120, 90, 50)
            pygame.draw.line(surf, col, (pa[0] - ox, pa[1] - oy), (pb[0] - ox, pb[1] - oy),
                             max(3, px(6)))
        mods = {m.id: m for m in st.modules}
        for mid, box in self.boxes.items():
            self._draw_module(surf, loc(box), mods[mid], st)
        for h, r in self.hatch_rects.items():
            hv = hatch_by_id[h]
            lr = loc(r)
            if hv.open:
                pygame.draw.rect(surf, (20, 26, 40), lr)
                pygame.draw.rect(surf, (150, 165, 190), lr, 1)
            else:
                col = (235, 70, 60) if hv.sealed_from else (255, 182, 40)
                pygame.draw.rect(surf, col, lr)
                pygame.draw.line(surf, (40, 20, 10), lr.midleft, lr.midright, max(1, px(2)))
        for r, sys_id in self.badge_rects:
            self._draw_badge(surf, loc(r), sys_id, st)
        crew = {c.id: c for c in st.crew}
        for cid, ((cx, cy), rad) in self.tokens.items():
            self._draw_token(surf, (cx - ox, cy - oy), rad, crew[cid])
        y = self.schematic_bottom - oy + px(2)
        y = self._draw_legend(surf, rect, y)
        y = self._draw_roster(surf, rect, st, y + px(4))
        if self.replay_title is None:
            y = self._draw_actions(surf, rect, y + px(6))
        else:
            self.button_rects = {}
        self._draw_log(surf, rect, y + px(4))

    def _put(self, surf, rect, text_surf, pos, what: str) -> pygame.Rect:
        """Blit a rendered line at ``pos`` (panel-local) and note where it went (screen
        px), for the layout checks."""
        r = surf.blit(text_surf, pos)
        self.text_rects.append((what, r.move(rect.left, rect.top)))
        return r

    def _draw_header(self, surf, rect) -> None:
        w = self.world
        if self.replay_title is not None:
            text, col = self.replay_title, (220, 220, 230)
        elif w.commanding is None:
            text, col = "Watching: AI vs AI", (220, 220, 230)
        else:
            who = SIDE_LABEL[w.commanding].upper()
            text, col = f"You command: {who}", PALETTE[w.commanding]
        px = self.px
        pygame.draw.rect(surf, _shade(col, 0.25), (2, 0, rect.width - 2, px(HEADER_H)))
        hint = None
        if len(w.humans) == 2:
            hint = self._t(self.f_text, "Tab: hand over to the other side", DIM)
        room = rect.width - px(20) - (hint.get_width() + px(12) if hint is not None else 0)
        head = self._t(self.f_head, ellipsize(self.f_head, text, room), col)
        self._put(surf, rect, head, (px(10), px(6)), "header")
        if hint is not None:
            self._put(surf, rect, hint, (rect.width - hint.get_width() - px(10), px(8)),
                      "header")

    def _draw_module(self, surf, box, m, st) -> None:
        status = self.world.module_status(m)
        col = module_colour(m.holder, status)
        vehicle = m.segment == "vehicle"
        fill = _shade(col, 0.22 if not vehicle else 0.16)
        px = self.px
        radius = px(12) if vehicle else px(4)
        pygame.draw.rect(surf, fill, box, border_radius=radius)
        sel = self._crew(self.selected) if self.selected else None
        edge = col
        width = max(1, px(2))
        if sel is not None and sel.module == m.id:
            edge = (255, 255, 255)
        pygame.draw.rect(surf, edge, box, width, border_radius=radius)
        name = SHORT.get(m.id, m.name)
        font = self.f_name if m.id not in SMALL else self.f_badge
        label = self._t(font, name, (235, 240, 250))
        if label.get_width() > box.width - px(4):
            label = self._t(self.f_badge, name, (235, 240, 250))
        surf.blit(label, (box.left + px(4), box.top + px(3)))
        if m.capturing and m.capture_due >= 0:
            from game.sim.api import tuning
            CAPTURE_S = tuning.CAPTURE_S

            left = max(0, m.capture_due - st.tick)
            frac = 1.0 - min(1.0, left / CAPTURE_S)
            bar = pygame.Rect(box.left + px(3), box.top + px(18), box.width - px(6),
                              max(2, px(4)))
            pygame.draw.rect(surf, (30, 30, 30), bar)
            pygame.draw.rect(surf, PALETTE[m.capturing],
                             (bar.left, bar.top, int(bar.width * frac), bar.height))

    def _draw_badge(self, surf, r, sys_id, st) -> None:
        if sys_id.startswith("c2:"):
            pygame.draw.rect(surf, (60, 52, 20), r, border_radius=3)
            pygame.draw.rect(surf, (255, 215, 90), r, 1, border_radius=3)
            s = self._t(self.f_badge, "C2", (255, 225, 120))
        else:
            sv = next(s for s in st.systems if s.id == sys_id)
            col = (70, 210, 110) if sv.working else (255, 182, 40) if sv.on else (235, 64, 56)
            pygame.draw.rect(surf, _shade(col, 0.3), r, border_radius=3)
            pygame.draw.rect(surf, col, r, 1, border_radius=3)
            label = {"power_ru": "PW", "attitude": "TH"}.get(sys_id, "O2")
            s = self._t(self.f_badge, label, col)
        surf.blit(s, s.get_rect(center=r.center))

    def _draw_token(self, surf, centre, rad, c) -> None:
        col = PALETTE.get(c.side, PALETTE["neutral"])
        if c.restrained:
            pygame.draw.circle(surf, (60, 60, 66), centre, rad)
            pygame.draw.circle(surf, col, centre, rad, max(1, self.px(2)))
        else:
            pygame.draw.circle(surf, col, centre, rad)
        if c.id == self.selected:
            pygame.draw.circle(surf, (255, 255, 255), centre, rad + self.px(3), max(1, self.px(2)))
        s = self._t(self.f_tok, initials(c.name), (255, 255, 255))
        surf.blit(s, s.get_rect(center=centre))
        if c.restrained:
            x, y = centre
            pygame.draw.line(surf, (255, 90, 80), (x - rad, y - rad), (x + rad, y + rad),
                             max(1, self.px(2)))
        if c.task == "move":
            pygame.draw.circle(surf, (255, 255, 255), (centre[0] + rad - 1, centre[1] - rad + 1),
                               max(2, self.px(2)))

    def _draw_legend(self, surf, rect, y) -> int:
        """Module colours (held / contested), the hatch squares exactly as the plan draws
        them (amber closed, red sealed from the other side), the badge codes; each item
        placed by measured width (the small font eats single spaces)."""
        px = self.px
        x = px(10)
        sq = max(6, px(10))
        for key, label in (("us", "US"), ("ru", "Russia"), ("contested", "contested")):
            pygame.draw.rect(surf, PALETTE[key], (x, y + px(3), sq, sq), border_radius=2)
            s = self._t(self.f_badge, label, DIM)
            self._put(surf, rect, s, (x + sq + px(4), y + px(3)), "legend")
            x += sq + px(12) + s.get_width()
        for col, label in (((255, 182, 40), "hatch closed"), ((235, 70, 60), "sealed")):
            r = pygame.Rect(x, y + px(3), sq, sq)
            pygame.draw.rect(surf, col, r)
            pygame.draw.line(surf, (40, 20, 10), r.midleft, r.midright, max(1, px(2)))
            s = self._t(self.f_badge, label, DIM)
            self._put(surf, rect, s, (x + sq + px(4), y + px(3)), "legend")
            x += sq + px(12) + s.get_width()
        for code, label in (("C2", "command"), ("PW", "power"), ("TH", "thrusters"),
                            ("O2", "oxygen")):
            c = self._t(self.f_badge, code, INK)
            self._put(surf, rect, c, (x, y + px(3)), "legend")
            s = self._t(self.f_badge, label, DIM)
            self._put(surf, rect, s, (x + c.get_width() + px(4), y + px(3)), "legend")
            x += c.get_width() + px(4) + s.get_width() + px(12)
        return y + max(px(16), self.f_badge.get_linesize() + px(3))

    def _draw_roster(self, surf, rect, st, y) -> int:
        self.roster_rects = {}
        names = {c.id: c.name for c in st.crew}
        px = self.px
        row_h = max(px(17), self.f_text.get_linesize())
        # Columns (design px at 560): dot, name 18.., where 128.., stress bar 352..422, status.
        x_name, x_where, x_bar = px(18), px(128), px(352)
        bar_w = px(70)
        for c in st.crew:
            row = pygame.Rect(px(4), y, rect.width - px(8), row_h)
            self.roster_rects[c.id] = row.move(rect.left, rect.top)
            if c.id == self.selected:
                pygame.draw.rect(surf, (34, 44, 70), row)
            col = PALETTE.get(c.side, PALETTE["neutral"])
            pygame.draw.circle(surf, col, (row.left + px(8), row.centery), max(3, px(5)))
            name = ellipsize(self.f_text, c.name, x_where - x_name - px(6))
            self._put(surf, rect, self._t(self.f_text, name, INK),
                      (row.left + x_name, y + px(2)), "roster name")
            if c.gone:
                where = "left the station"
            else:
                where = stn.MODULE_NAME.get(c.module, c.module)
                if c.task == "move" and c.target:
                    where += f" > {stn.MODULE_NAME.get(c.target, c.target)}"
                elif c.task != "idle":
                    tgt = names.get(c.target) or stn.MODULE_NAME.get(c.target) or \
                        stn.SYSTEM_NAME.get(c.target, c.target)
                    if c.task in ("open", "force", "close") and c.target in stn.HATCH_ENDS:
                        a, b = stn.HATCH_ENDS[c.target]
                        tgt = f"{stn.MODULE_NAME[a]}-{stn.MODULE_NAME[b]}"
                    if c.task in ("offline", "restore"):
                        tgt = {"power_ru": "power", "attitude": "thrusters"}.get(c.target, "O2")
                    where += f": {TASK_WORDS.get(c.task, c.task)} {tgt}".rstrip()
            where = ellipsize(self.f_text, where, x_bar - x_where - px(8))
            self._put(surf, rect, self._t(self.f_text, where, DIM),
                      (row.left + x_where, y + px(2)), "roster where")
            # stress bar with the refusal limit marked
            bx = row.left + x_bar
            bar = pygame.Rect(bx, y + (row_h - max(4, px(7))) // 2, bar_w, max(4, px(7)))
            pygame.draw.rect(surf, (32, 36, 50), bar)
            over = c.stress > c.stress_limit
            scol = (235, 80, 64) if over else (255, 182, 40) if c.stress > c.stress_limit - 12 \
                else (110, 200, 130)
            pygame.draw.rect(surf, scol, (bar.left, bar.top, int(bar.width * c.stress / 100),
                                          bar.height))
            lx = bar.left + int(bar.width * c.stress_limit / 100)
            pygame.draw.line(surf, (255, 255, 255), (lx, bar.top - 2), (lx, bar.bottom + 1))
            if c.restrained:
                status, scol2 = "RESTRAINED", (255, 110, 100)
            elif c.gone:
                status, scol2 = "gone", DIM
            elif over:
                status, scol2 = f"refuses: stress {c.stress}>{c.stress_limit}", (255, 120, 100)
            else:
                status, scol2 = f"stress {c.stress}/{c.stress_limit}", DIM
            status = ellipsize(self.f_badge, status, row.right - bar.right - px(8))
            self._put(surf, rect, self._t(self.f_badge, status, scol2),
                      (bar.right + px(6), y + px(3)), "roster status")
            y += row_h
        return y

    def _draw_actions(self, surf, rect, y) -> int:
        self.button_rects = {}
        px = self.px
        x = px(6)
        gap = px(4)
        bw = (rect.width - px(12) - (len(ACTIONS) - 1) * gap) // len(ACTIONS)
        bh = max(px(28), 2 * self.f_badge.get_linesize() + px(4))
        active = self.side is not None and self.selected is not None
        for action, label, key in ACTIONS:
            r = pygame.Rect(x, y, bw, bh)
            self.button_rects[action] = r.move(rect.left, rect.top)
            on = self.pending == action
            pygame.draw.rect(surf, (60, 74, 110) if on else (26, 32, 50), r,
                             border_radius=px(4))
            pygame.draw.rect(surf, (90, 110, 150) if active else (50, 58, 80), r, 1,
                             border_radius=px(4))
            s = self._t(self.f_badge, ellipsize(self.f_badge, label, bw - px(4)),
                        INK if active else DIM)
            surf.blit(s, s.get_rect(midtop=(r.centerx, r.top + px(3))))
            k = self._t(self.f_badge, key, (255, 210, 120))
            surf.blit(k, k.get_rect(midbottom=(r.centerx, r.bottom - px(2))))
            x += bw + gap
        y += bh + px(2)
        hint = self.hint or ("N selects your next crew member; click a token to select"
                             if self.side else "Watching: click a token to follow a crew member")
        hint = ellipsize(self.f_badge, hint, rect.width - px(16))
        self._put(surf, rect, self._t(self.f_badge, hint, (180, 195, 220)), (px(8), y + px(2)),
                  "hint")
        return y + max(px(16), self.f_badge.get_linesize() + px(2))

    def _draw_log(self, surf, rect, y) -> None:
        px = self.px
        pygame.draw.line(surf, (40, 52, 80), (px(6), y), (rect.width - px(6), y))
        lines = list(self.world.log.lines)
        lh = max(px(16), self.f_text.get_linesize())
        room = max(0, (rect.height - y - px(6)) // lh)
        yy = y + px(4)
        x_text = px(58)
        for ln in lines[-room:] if room else []:
            stamp = self._t(self.f_badge, fmt_duration(ln.tick, hours=True), (110, 120, 140))
            self._put(surf, rect, stamp, (px(8), yy + px(2)), "log stamp")
            text = ellipsize(self.f_text, plain(ln.text), rect.width - x_text - px(8))
            self._put(surf, rect, self._t(self.f_text, text, ln.colour), (x_text, yy), "log")
            yy += lh
