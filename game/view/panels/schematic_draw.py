"""The station schematic drawn: modules, hatches, badges, tokens, fights, legend, roster,
the telegraph of the selected crew member's orders, the log.

Redrawn into a cached surface only when something it shows changed (:meth:`draw` keys
the cache on every field drawn), in one palette with the 3D model and the HUD. Text that
carries the point is wrapped, never cut: the telegraph and the log wrap onto more lines,
the roster says who with first names (unique aboard) and moves long states to a line of
their own.
"""

from __future__ import annotations

import pygame

from game.session import telegraph
from game.session.palette import PALETTE, module_colour
from game.session.wording import SIDE_LABEL, fmt_duration
from game.sim.api import Restrain, tuning
from game.sim.api import station as stn
from game.view.panels.schematic_layout import HEADER_H, SHORT, SMALL
from game.view.panels.schematic_orders import ACTIONS
from game.view.widgets import ellipsize, render_line, wrap

TASK_WORDS = {"move": "to", "open": "opening hatch", "force": "forcing hatch",
              "close": "sealing hatch", "offline": "cutting", "restore": "restoring",
              "talk": "talking with", "restrain": "restraining", "held": "held by",
              "free": "freeing", "escort": "showing out", "leave": "undocking"}
BG = (9, 13, 24)
INK = (222, 228, 240)
DIM = (140, 150, 170)
FIGHT = (255, 120, 90)


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
        if self.pending in ("talk", "restrain", "free", "escort"):  # nobody left to name
            c = self._crew(self.selected)
            if c is None or not self.candidates(self.pending, c):
                self.pending, self.hint = None, ""
        moving = any(m.capturing for m in st.modules) or bool(st.fights)
        self.telegraph_lines = self.telegraph(st)
        # Every field drawn: hatches, modules and systems are small frozen views, compared
        # whole; crew by the fields shown, not the ones that move every tick.
        content = (tuple((c.module, c.task, c.target, c.stress, c.stress_limit, c.restrained,
                          c.gone, c.side, c.name, c.pinned_until, c.lean_us, c.lean_ru)
                         for c in st.crew),
                   st.modules, st.hatches, st.systems, st.fights)
        key = (rect.size, st.tick if moving else -1, st.ended, content, self.selected,
               self.pending, self.hint, w.commanding, w.log.version, self.replay_title,
               tuple(self.telegraph_lines))
        if self._cache is None or self._cache.get_size() != rect.size:
            self._cache = pygame.Surface(rect.size)
            self._cache_key = None
        if key != self._cache_key:
            self._cache_key = key
            self._render(self._cache, rect, st)
        surface.blit(self._cache, rect.topleft)

    # -- the telegraph -----------------------------------------------------------------
    def hover_option(self):
        """What a click where the mouse is would do (an Option), or None."""
        pos = getattr(self, "hover_pos", None)
        if pos is None or self._rect is None or not self._rect.collidepoint(pos) \
                or self.side is None:
            return None
        kind, what = self.what_is_at(pos)
        if kind is None:
            return None
        c = self._crew(self.selected)
        if kind == "button":
            if c is None or c.side != self.side or what in ("move", "stop"):
                return None
            opts = [o for o in telegraph.options(self.world, c.id, limit=12)
                    if o.action == what]
            return opts[0] if opts else None
        if kind == "roster":
            kind = "crew"
        if kind == "crew":
            t = self._crew(what)
            if t is None:
                return None
            if c is not None and c.side == self.side and t.module == c.module and \
                    t.side in ("us", "ru") and t.side != c.side and not self.pending:
                return telegraph.explain(self.world, Restrain(self.side, c.id, t.id))
            if t.side == self.side and t.id != self.selected:
                return telegraph.Option("click", "select", f"click: select {t.name}", True)
        cmd = self.click_command(kind, what)
        return telegraph.explain(self.world, cmd) if cmd is not None else None

    def telegraph(self, st) -> list[tuple[str, str, bool]]:
        """(key, text, ok) lines: what the mouse is over first, then the selected crew
        member's orders; what a click or key would do, before it is given."""
        if self.replay_title is not None or self.side is None:
            return []
        out = []
        hov = self.hover_option()
        if hov is not None:
            out.append(("click" if hov.key == "click" else hov.key, hov.text, hov.ok))
        c = self._crew(self.selected)
        if c is not None and c.side == self.side and not c.gone:
            for o in telegraph.options(self.world, c.id):
                line = (o.key, o.text, o.ok)
                same = next((i for i, x in enumerate(out) if x[1:] == line[1:]), None)
                if same is None:
                    out.append(line)
                elif o.key not in out[same][0].split():  # one reason for several keys
                    out[same] = (f"{out[same][0]} {o.key}", o.text, o.ok)
        return out

    # -- the whole panel -----------------------------------------------------------------
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
        fighting = {f.attacker for f in st.fights} | {f.target for f in st.fights}
        for cid, ((cx, cy), rad) in self.tokens.items():
            self._draw_token(surf, (cx - ox, cy - oy), rad, crew[cid], cid in fighting)
        for f in st.fights:
            self._draw_fight(surf, rect, f, st)
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
        px) and what it said, for the layout checks."""
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
        if len(getattr(w, "humans", ())) == 2:
            hint = self._t(self.f_text, "Tab: hand over to the other side", DIM)
        room = rect.width - px(20) - (hint.get_width() + px(12) if hint is not None else 0)
        head = self._t(self.f_head, ellipsize(self.f_head, text, room), col)
        self._put(surf, rect, head, (px(10), px(5)), "header")
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
        surf.blit(label, (box.left + px(4), box.top + px(2)))
        if m.capturing and m.capture_due >= 0:
            left = max(0, m.capture_due - st.tick)
            frac = 1.0 - min(1.0, left / tuning.CAPTURE_S)
            bar = pygame.Rect(box.left + px(3), box.top + px(15), box.width - px(6),
                              max(2, px(3)))
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

    def _draw_token(self, surf, centre, rad, c, fighting: bool = False) -> None:
        col = PALETTE.get(c.side, PALETTE["neutral"])
        if c.restrained:
            pygame.draw.circle(surf, (60, 60, 66), centre, rad)
            pygame.draw.circle(surf, col, centre, rad, max(1, self.px(2)))
        else:
            pygame.draw.circle(surf, col, centre, rad)
        if fighting:
            pygame.draw.circle(surf, FIGHT, centre, rad + 1, 1)
        if c.id == self.selected:
            pygame.draw.circle(surf, (255, 255, 255), centre, rad + max(1, self.px(2)), 1)
        if rad >= self.px(6):  # small tokens (a crowded module): the roster names them
            s = self._t(self.f_tok, initials(c.name), (255, 255, 255))
            surf.blit(s, s.get_rect(center=centre))
        if c.restrained:
            x, y = centre
            pygame.draw.line(surf, (255, 90, 80), (x - rad, y - rad), (x + rad, y + rad),
                             max(1, self.px(2)))
        if c.task == "move":
            pygame.draw.circle(surf, (255, 255, 255), (centre[0] + rad - 1, centre[1] - rad + 1),
                               max(2, self.px(2)))

    def _draw_fight(self, surf, rect, f, st) -> None:
        """A restraint under way: its odds and what is left, on the module's top edge."""
        box = self.boxes.get(f.module)
        if box is None:
            return
        px = self.px
        left = max(0, f.due - st.tick)
        text = f"{f.odds_permille // 10}% {left}s"
        s = self._t(self.f_badge, text, (255, 240, 230))
        r = s.get_rect()
        r.inflate_ip(px(6), px(2))
        r.midbottom = (box.centerx - rect.left, box.top - rect.top + px(4))
        r.left = max(px(2), min(r.left, rect.width - r.width - px(2)))
        pygame.draw.rect(surf, (150, 40, 30), r, border_radius=px(3))
        pygame.draw.rect(surf, FIGHT, r, 1, border_radius=px(3))
        surf.blit(s, s.get_rect(center=r.center))

    def _draw_legend(self, surf, rect, y) -> int:
        """Module and crew colours (held / contested, partner crew), the hatch squares as
        the plan draws them, the badge codes; items placed by measured width, onto a second
        row when the first is full."""
        px = self.px
        x = px(10)
        sq = max(6, px(10))
        lh = max(px(14), self.f_badge.get_linesize() + px(2))
        right = rect.width - px(8)
        items: list = []
        for key, label in (("us", "US"), ("ru", "Russia"), ("contested", "contested")):
            items.append(("square", PALETTE[key], label))
        items.append(("dot", PALETTE["neutral"], "partner crew (neutral)"))
        items += [("hatch", (255, 182, 40), "hatch closed"), ("hatch", (235, 70, 60),
                                                              "sealed")]
        items += [("code", code, label) for code, label in
                  (("C2", "command"), ("PW", "power"), ("TH", "thrusters"), ("O2", "oxygen"))]
        for kind, a, label in items:
            s = self._t(self.f_badge, label, DIM)
            code = self._t(self.f_badge, a, INK) if kind == "code" else None
            wdt = (code.get_width() + px(4) if code else sq + px(4)) + s.get_width()
            if x + wdt > right:
                x, y = px(10), y + lh
            if kind == "square":
                pygame.draw.rect(surf, a, (x, y + px(3), sq, sq), border_radius=2)
            elif kind == "dot":
                pygame.draw.circle(surf, a, (x + sq // 2, y + px(3) + sq // 2), sq // 2)
            elif kind == "hatch":
                r = pygame.Rect(x, y + px(3), sq, sq)
                pygame.draw.rect(surf, a, r)
                pygame.draw.line(surf, (40, 20, 10), r.midleft, r.midright, max(1, px(2)))
            if code is not None:
                self._put(surf, rect, code, (x, y + px(1)), "legend")
                self._put(surf, rect, s, (x + code.get_width() + px(4), y + px(1)), "legend")
            else:
                self._put(surf, rect, s, (x + sq + px(4), y + px(1)), "legend")
            x += wdt + px(12)
        return y + lh

    #: roster columns (design px at 560): name, where/doing, stress bar, stress in words
    ROSTER_COLS = (18, 124, 356, 408)
    BAR_W = 46

    def _draw_roster(self, surf, rect, st, y) -> int:
        self.roster_rects = {}
        px = self.px
        f = self.f_text
        row_h = max(px(16), f.get_linesize())
        x_name, x_where, x_bar, x_stat = (px(v) for v in self.ROSTER_COLS)
        bar_w = px(self.BAR_W)
        head = (("crew", x_name), ("where, doing what", x_where),
                ("stress  | = limit: over it, no force", x_bar))
        for text, x in head:
            self._put(surf, rect, self._t(self.f_badge, text, (110, 122, 150)),
                      (px(4) + x, y), "roster head")
        y += self.f_badge.get_linesize()
        names = {c.id: telegraph.first(c.name) for c in st.crew}
        for c in st.crew:
            row = pygame.Rect(px(4), y, rect.width - px(8), row_h)
            self.roster_rects[c.id] = row.move(rect.left, rect.top)
            if c.id == self.selected:
                pygame.draw.rect(surf, (34, 44, 70), row)
            col = PALETTE.get(c.side, PALETTE["neutral"])
            pygame.draw.circle(surf, col, (row.left + px(8), row.centery), max(3, px(5)))
            name = c.name if f.size(c.name)[0] <= x_where - x_name - px(6) else \
                c.name.split()[0] + (f" {c.name.split()[1][0]}." if " " in c.name else "")
            self._put(surf, rect, self._t(f, name, INK), (row.left + x_name, y + px(1)),
                      "roster name")
            where = self._where(c, names)
            if f.size(where)[0] > x_bar - x_where - px(6):  # first names: still too long
                where = where.replace(": ", " ", 1)
            self._put(surf, rect, self._t(self.f_badge if f.size(where)[0] > x_bar - x_where
                                          - px(6) else f, where, DIM),
                      (row.left + x_where, y + px(1)), "roster where")
            self._draw_stress(surf, rect, c, row, x_bar, bar_w, x_stat, y)
            y += row_h
        return y

    @staticmethod
    def _where(c, names) -> str:
        if c.gone:
            return "left the station"
        where = stn.MODULE_NAME.get(c.module, c.module)
        if c.task == "move" and c.target:
            return f"{where} > {stn.MODULE_NAME.get(c.target, c.target)}"
        if c.task == "idle":
            return where
        tgt = names.get(c.target) or stn.MODULE_NAME.get(c.target) or \
            stn.SYSTEM_NAME.get(c.target, c.target)
        if c.task in ("open", "force", "close") and c.target in stn.HATCH_ENDS:
            a, b = stn.HATCH_ENDS[c.target]
            tgt = f"{stn.MODULE_NAME[a]}-{stn.MODULE_NAME[b]}"
        if c.task in ("offline", "restore"):
            tgt = {"power_ru": "power", "attitude": "thrusters"}.get(c.target, "O2")
        return f"{where}: {TASK_WORDS.get(c.task, c.task)} {tgt}".rstrip()

    def _draw_stress(self, surf, rect, c, row, x_bar, bar_w, x_stat, y) -> None:
        """The stress bar with the limit tick, and what it means in words; "?" for the
        other side (their stress is theirs); a partner's lean toward each side."""
        px = self.px
        bar = pygame.Rect(row.left + x_bar, y + (row.height - max(4, px(7))) // 2, bar_w,
                          max(4, px(7)))
        pygame.draw.rect(surf, (32, 36, 50), bar)
        unknown = c.stress < 0
        if unknown:
            q = self._t(self.f_badge, "?", DIM)
            surf.blit(q, q.get_rect(center=bar.center))
        else:
            over = c.stress > c.stress_limit
            scol = (235, 80, 64) if over else (255, 182, 40) \
                if c.stress > c.stress_limit - 12 else (110, 200, 130)
            pygame.draw.rect(surf, scol, (bar.left, bar.top,
                                          int(bar.width * min(c.stress, 100) / 100), bar.height))
            lx = bar.left + int(bar.width * c.stress_limit / 100)
            pygame.draw.line(surf, (255, 255, 255), (lx, bar.top - 2), (lx, bar.bottom + 1))
        if c.restrained:
            status, scol2 = "RESTRAINED", (255, 110, 100)
        elif c.gone:
            status, scol2 = "gone", DIM
        elif c.pinned_until >= 0:
            status, scol2 = f"pinned {max(0, c.pinned_until - self.world.state.tick)} s", \
                (255, 160, 120)
        elif c.side == "neutral":
            status, scol2 = f"leans US {c.lean_us} RU {c.lean_ru}", DIM
        elif unknown:
            status, scol2 = "stress ?  limit ?", DIM
        elif c.stress > c.stress_limit:
            status, scol2 = f"{c.stress} > limit {c.stress_limit}: no force", (255, 120, 100)
        else:
            status, scol2 = f"{c.stress}  limit {c.stress_limit}", DIM
        self._put(surf, rect, self._t(self.f_badge, status, scol2),
                  (row.left + x_stat, y + px(2)), "roster status")
        if c.side == "neutral" and not c.gone:  # two thin lean bars under the stress bar
            for i, (v, side) in enumerate(((c.lean_us, "us"), (c.lean_ru, "ru"))):
                lb = pygame.Rect(bar.left, bar.bottom + px(1) + i * max(1, px(2)),
                                 int(bar_w * min(v, 100) / 100), max(1, px(2) - 1))
                pygame.draw.rect(surf, PALETTE[side], lb)

    def _draw_actions(self, surf, rect, y) -> int:
        self.button_rects = {}
        px = self.px
        x = px(6)
        gap = px(3)
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
            s = self._t(self.f_badge, ellipsize(self.f_badge, label, bw - px(2)),
                        INK if active else DIM)
            surf.blit(s, s.get_rect(midtop=(r.centerx, r.top + px(2))))
            k = self._t(self.f_badge, key, (255, 210, 120))
            surf.blit(k, k.get_rect(midbottom=(r.centerx, r.bottom - px(2))))
            x += bw + gap
        y += bh + px(3)
        return self._draw_telegraph(surf, rect, y)

    def _draw_telegraph(self, surf, rect, y) -> int:
        """The hint, then what each order would do, wrapped (never cut): the key in amber,
        the text white when it would be taken, grey with the reason when refused."""
        px = self.px
        f = self.f_badge
        lh = f.get_linesize()
        width = rect.width - px(16) - px(22)
        hint = self.hint or ("N selects your next crew member; click a token to select"
                             if self.side else "Watching: the AI commands both sides")
        for part in wrap(f, hint, rect.width - px(16)):
            self._put(surf, rect, self._t(f, part, (180, 195, 220)), (px(8), y), "hint")
            y += lh
        budget = 6  # lines of telegraph, then the log has the rest
        for key, text, ok in self.telegraph_lines:
            parts = wrap(f, text, width)
            if budget - len(parts) < 0:
                break
            budget -= len(parts)
            k = self._t(f, key if key != "click" else ">", (255, 210, 120))
            self._put(surf, rect, k, (px(8), y), "telegraph key")
            indent = max(px(22), k.get_width() + px(6))
            for part in wrap(f, text, rect.width - px(16) - indent) if indent > px(22) \
                    else parts:
                col = INK if ok else (150, 150, 160)
                self._put(surf, rect, self._t(f, part, col), (px(8) + indent, y), "telegraph")
                y += lh
        return y + px(2)

    def _draw_log(self, surf, rect, y) -> None:
        px = self.px
        pygame.draw.line(surf, (40, 52, 80), (px(6), y), (rect.width - px(6), y))
        lines = self.world.log.visible(self.world.commanding)
        f = self.f_text
        lh = max(px(15), f.get_linesize())
        x_text = px(58)
        width = rect.width - x_text - px(8)
        rows: list = []  # newest last, wrapped
        room = max(0, (rect.height - y - px(6)) // lh)
        for ln in reversed(lines):
            parts = wrap(f, ln.text, width)
            rows[:0] = [(ln, i, p) for i, p in enumerate(parts)]
            if len(rows) >= room:
                break
        rows = rows[-room:] if room else []
        while rows and rows[0][1] > 0:  # never the tail of a line without its start
            rows.pop(0)
        yy = y + px(4)
        for ln, i, part in rows:
            if i == 0:
                stamp = self._t(self.f_badge, fmt_duration(ln.tick, hours=True), (110, 120, 140))
                self._put(surf, rect, stamp, (px(8), yy + px(2)), "log stamp")
            self._put(surf, rect, self._t(f, part, ln.colour), (x_text, yy), "log")
            yy += lh
