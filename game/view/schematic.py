"""The station schematic: an FTL-style plan of the ISS for giving orders.

Modules are boxes laid out like the real station seen from above: the Russian segment aft
(left), the US segment forward (right), Soyuz under Rassvet, Crew Dragon on PMA-2 at
Harmony's forward port, the Cupola under Tranquility. Each box is coloured by who holds it
(:data:`game.session.palette.PALETTE`), with a capture bar while a side is taking it and
badges for what lives there (C2 command and control; PW US power feed; TH attitude and
reboost thrusters; O2 oxygen generation: green working, amber on but unpowered, red off).
Hatches are small squares on the links (dark: open; amber: closed; red: sealed from the
other side). Crew are coloured tokens with initials (a cross when restrained).

Below the plan: the crew roster (where, doing what, stress against the limit over which
they refuse hostile orders), the action bar with its keys, and the message log.

Mouse: click one of your crew to select; click a module to send them there; click a
hatch to close/open it; click a system badge to take it offline/restore it; with an
action waiting for a target (talk, restrain, free), click the other crew member.
Right-click cancels. The panel never changes the game: it emits Command objects through
``emit`` (the play screen queues them for the simulation).

Replay mode (``replay_title`` set, by the replay screen): the header shows that title
(who played which side, from the replay header) instead of "You command"/"Watching", and
there is no action bar or hint line (a replay takes no orders): the log gets that room.
"""

from __future__ import annotations

import pygame

from game.session.palette import LOG_REFUSED, PALETTE, module_colour
from game.session.wording import SIDE_LABEL, fmt_mission
from game.sim import station as stn
from game.sim.commands import (
    CloseHatch,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    Stop,
    SystemOffline,
    SystemRestore,
    Talk,
)
from game.view.game_hud import plain
from game.view.widgets import ellipsize, font

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
ACTIONS = [  # (id, label, key)
    ("move", "Move", "click"), ("talk", "Talk", "K"), ("restrain", "Restrain", "X"),
    ("free", "Free", "F"), ("offline", "Cut", "D"), ("restore", "Restore", "E"),
    ("leave", "Board/Leave", "L"), ("stop", "Stop", "S"),
]
ACTION_KEYS = {pygame.K_k: "talk", pygame.K_x: "restrain", pygame.K_f: "free",
               pygame.K_d: "offline", pygame.K_e: "restore", pygame.K_l: "leave",
               pygame.K_s: "stop"}
TASK_WORDS = {"move": "to", "open": "opening hatch", "force": "forcing hatch",
              "close": "sealing hatch", "offline": "cutting", "restore": "restoring",
              "talk": "talking with", "restrain": "restraining", "free": "freeing",
              "leave": "undocking"}
BG = (9, 13, 24)
INK = (222, 228, 240)
DIM = (140, 150, 170)
ROW_PITCH = 78
BOX_H = 64
HEADER_H = 30


def _shade(c, k):
    return (int(c[0] * k), int(c[1] * k), int(c[2] * k))


def initials(name: str) -> str:
    parts = name.split()
    if len(parts) >= 2:
        return (parts[0][0] + parts[1][0]).upper()
    return name[:2].title()


class SchematicPanel:
    """The right-hand panel of the game screen (schematic, roster, actions, log)."""

    def __init__(self, world, emit=None):
        self.world = world
        self.emit = emit or (lambda cmd: None)
        self.selected: str | None = None
        self.pending: str | None = None  # action waiting for a target click
        self.hint = ""  # one line under the action bar: what a click will do now
        self.replay_title: str | None = None  # set: replay mode (see the module docstring)
        self.f_name = font(17)
        self.f_tok = font(15)
        self.f_badge = font(13)
        self.f_text = font(18)
        self.f_head = font(24)
        self._rect: pygame.Rect | None = None
        self.boxes: dict[str, pygame.Rect] = {}
        self.hatch_rects: dict[str, pygame.Rect] = {}
        self.badge_rects: list[tuple[pygame.Rect, str]] = []
        self.tokens: dict[str, tuple[tuple[int, int], int]] = {}
        self.button_rects: dict[str, pygame.Rect] = {}
        self.roster_rects: dict[str, pygame.Rect] = {}
        self.links: list[tuple[str, tuple, tuple]] = []
        self._cache: pygame.Surface | None = None
        self._cache_key = None
        self._text_cache: dict = {}

    # -- geometry --------------------------------------------------------------------------
    def layout(self, rect: pygame.Rect) -> None:
        """Compute module boxes and hatch squares for the panel at ``rect`` (screen px)."""
        if self._rect == rect:
            return
        self._rect = pygame.Rect(rect)
        pitch = (rect.width - 16) / 8
        bw = int(pitch) - 8
        top = rect.top + HEADER_H + 16
        self.boxes = {}
        for m, (c, r) in GRID.items():
            x = rect.left + 8 + int(c * pitch) + 4
            y = top + (r + 1) * ROW_PITCH
            box = pygame.Rect(x, y, bw, BOX_H)
            if m in SMALL:
                box = box.inflate(-bw // 3, -BOX_H // 3)
            self.boxes[m] = box
        self.hatch_rects, self.links = {}, []
        for h, (a, b) in stn.HATCH_ENDS.items():
            ra, rb = self.boxes[a], self.boxes[b]
            pa, pb = self._edge_point(ra, rb), self._edge_point(rb, ra)
            mid = ((pa[0] + pb[0]) // 2, (pa[1] + pb[1]) // 2)
            self.hatch_rects[h] = pygame.Rect(mid[0] - 5, mid[1] - 5, 11, 11)
            self.links.append((h, pa, pb))
        self.badge_rects = []
        for m, badges in BADGES.items():
            box = self.boxes[m]
            x = box.left + 3
            for label, sys_id in badges:
                w = 18
                self.badge_rects.append((pygame.Rect(x, box.bottom - 14, w, 12), sys_id or
                                         "c2:" + m + ":" + label))
                x += w + 2
        self.schematic_bottom = top + 4 * ROW_PITCH
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

    def _place_tokens(self, state) -> None:
        self.tokens = {}
        for m in state.modules:
            box = self.boxes.get(m.id)
            if box is None:
                continue
            ids = [c for c in m.crew]
            r = 7 if m.id not in SMALL else 6
            per_row = max(1, (box.width - 4) // (2 * r + 3))
            for k, cid in enumerate(ids[: per_row * 2]):
                row, col = divmod(k, per_row)
                cx = box.left + 4 + r + col * (2 * r + 3)
                cy = box.top + 24 + r + row * (2 * r + 3) if m.id not in SMALL else \
                    box.centery + (row - 0.5) * (2 * r + 2) + 4
                self.tokens[cid] = ((int(cx), int(cy)), r)

    # -- commands --------------------------------------------------------------------------
    @property
    def side(self) -> str | None:
        return self.world.commanding

    def _crew(self, cid):
        return next((c for c in self.world.state.crew if c.id == cid), None)

    def _refuse(self, reason: str) -> None:
        self.world.log.add(self.world.game.tick, f"Refused - {reason}", LOG_REFUSED,
                           "refused")
        self.world.refusals.append((reason, 5.0))

    def _actor(self):
        """The selected crew member, if there is one to command; else say why not."""
        if self.side is None:
            self._refuse("you are watching: the AI commands both sides")
            return None
        if self.selected is None:
            self._refuse("select one of your crew first (click a token, or N)")
            return None
        return self._crew(self.selected)

    def select_next(self) -> None:
        mine = [c for c in self.world.state.crew if c.side == self.side and not c.gone]
        if not mine:
            return
        ids = [c.id for c in mine]
        i = ids.index(self.selected) + 1 if self.selected in ids else 0
        self.selected = ids[i % len(ids)]
        self.pending = None

    def do_action(self, action: str) -> None:
        """An action-bar button or key for the selected crew member."""
        if action == "move":
            self.hint = "click a module to send the selected crew member there"
            return
        c = self._actor()
        if c is None:
            return
        side = self.side
        st = self.world.state
        here = [x for x in st.crew if x.module == c.module and x.id != c.id and not x.gone]
        if action == "stop":
            self.emit(Stop(side, c.id))
        elif action == "leave":
            vehicle = stn.VEHICLE_OF[side]
            if c.module == vehicle:
                self.emit(Leave(side, c.id))
            else:
                self.emit(Move(side, c.id, vehicle))
        elif action in ("talk", "restrain", "free"):
            if action == "talk":
                cands = [x for x in here if x.side != side] or here
            elif action == "restrain":
                cands = [x for x in here if x.side != side and not x.restrained]
            else:
                cands = [x for x in here if x.restrained]
            if len(cands) == 1:
                self._target(action, c, cands[0].id)
            elif not cands:
                what = {"talk": "to talk with", "restrain": "to restrain",
                        "free": "restrained to free"}[action]
                self._refuse(f"no one {what} in {stn.MODULE_NAME[c.module]} with {c.name}")
            else:
                self.pending = action
                self.hint = f"click who {c.name} should {action} (right-click cancels)"
        elif action in ("offline", "restore"):
            want_on = action == "offline"
            systems = [s for s in st.systems if s.module == c.module and s.on == want_on]
            if len(systems) == 1:
                self._system(c, systems[0].id)
            elif not systems:
                where = stn.MODULE_NAME[c.module]
                self._refuse(f"no system to {'cut' if want_on else 'restore'} in {where} "
                             "(systems: Destiny, Zvezda, Tranquility)")
            else:
                self.pending = action
                self.hint = "click the system badge (right-click cancels)"

    def _target(self, action: str, c, target: str) -> None:
        cls = {"talk": Talk, "restrain": Restrain, "free": Free}[action]
        self.emit(cls(self.side, c.id, target))
        self.pending = None
        self.hint = ""

    def _system(self, c, sys_id: str) -> None:
        on = next((s.on for s in self.world.state.systems if s.id == sys_id), True)
        cls = SystemOffline if on else SystemRestore
        self.emit(cls(self.side, c.id, sys_id))
        self.pending = None
        self.hint = ""

    # -- input -----------------------------------------------------------------------------
    def handle_key(self, ev) -> bool:
        if ev.key == pygame.K_n:
            self.select_next()
            return True
        action = ACTION_KEYS.get(ev.key)
        if action is None:
            return False
        self.do_action(action)
        return True

    def handle_event(self, ev, rect: pygame.Rect) -> bool:
        self.layout(rect)
        if ev.type != pygame.MOUSEBUTTONDOWN:
            return ev.type in (pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
        if ev.button == 3:
            self.pending, self.hint = None, ""
            return True
        if ev.button != 1:
            return True
        self._click(ev.pos)
        return True

    def _click(self, pos) -> None:
        for cid, (centre, r) in self.tokens.items():
            if (pos[0] - centre[0]) ** 2 + (pos[1] - centre[1]) ** 2 <= (r + 2) ** 2:
                return self._click_crew(cid)
        for cid, r in self.roster_rects.items():
            if r.collidepoint(pos):
                return self._click_crew(cid)
        for h, r in self.hatch_rects.items():
            if r.inflate(6, 6).collidepoint(pos):
                return self._click_hatch(h)
        for r, sys_id in self.badge_rects:
            if r.collidepoint(pos) and not sys_id.startswith("c2:"):
                c = self._actor()
                if c is not None:
                    self._system(c, sys_id)
                return None
        for action, r in self.button_rects.items():
            if r.collidepoint(pos):
                return self.do_action(action)
        for m, box in self.boxes.items():
            if box.collidepoint(pos):
                if self.pending:
                    self.pending, self.hint = None, ""
                c = self._actor()
                if c is not None:
                    self.emit(Move(self.side, c.id, m))
                return None
        return None

    def _click_crew(self, cid: str) -> None:
        c = self._crew(cid)
        if c is None:
            return
        if self.pending in ("talk", "restrain", "free") and self.selected and cid != self.selected:
            actor = self._crew(self.selected)
            if actor is not None:
                self._target(self.pending, actor, cid)
            return
        self.selected = cid
        self.pending = None
        if self.side is not None and c.side != self.side:
            self.hint = f"{c.name} is not yours to command ({SIDE_LABEL.get(c.side, c.side)})"
        else:
            self.hint = f"{c.name}: click a module to move, or use the keys below"

    def _click_hatch(self, h: str) -> None:
        if self.side is None:
            return self._refuse("you are watching: the AI commands both sides")
        ends = stn.HATCH_ENDS[h]
        actor = self._crew(self.selected) if self.selected else None
        if actor is None or actor.module not in ends or actor.side != self.side:
            near = [c for c in self.world.state.crew if c.side == self.side and c.module in ends
                    and not c.restrained and not c.gone]
            if near:
                actor = near[0]
                self.selected = actor.id
        if actor is None:
            return self._refuse("select one of your crew first (click a token, or N)")
        is_open = next(x.open for x in self.world.state.hatches if x.id == h)
        cls = CloseHatch if is_open else OpenHatch
        self.emit(cls(self.side, actor.id, h))
        return None

    # -- drawing ---------------------------------------------------------------------------
    def _t(self, font, text, colour=INK):
        key = (id(font), text, colour)
        s = self._text_cache.get(key)
        if s is None:
            if len(self._text_cache) > 600:
                self._text_cache.clear()
            s = font.render(text, True, colour)
            self._text_cache[key] = s
        return s

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
        surf.fill(BG)
        pygame.draw.line(surf, (40, 52, 80), (0, 0), (0, rect.height), 2)
        self._place_tokens(st)
        self._draw_header(surf, rect)

        def loc(r: pygame.Rect) -> pygame.Rect:
            return r.move(-ox, -oy)

        # segment labels
        surf.blit(self._t(self.f_badge, "RUSSIAN SEGMENT (aft)", _shade(PALETTE["ru"], 0.8)),
                  (10, HEADER_H + 2))
        lab = self._t(self.f_badge, "US SEGMENT (forward) >", _shade(PALETTE["us"], 0.9))
        surf.blit(lab, (rect.width - lab.get_width() - 10, HEADER_H + 2))
        hatch_by_id = {h.id: h for h in st.hatches}
        for h, pa, pb in self.links:
            hv = hatch_by_id[h]
            col = (70, 84, 110) if hv.open else (120, 90, 50)
            pygame.draw.line(surf, col, (pa[0] - ox, pa[1] - oy), (pb[0] - ox, pb[1] - oy), 6)
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
                pygame.draw.line(surf, (40, 20, 10), lr.midleft, lr.midright, 2)
        for r, sys_id in self.badge_rects:
            self._draw_badge(surf, loc(r), sys_id, st)
        crew = {c.id: c for c in st.crew}
        for cid, ((cx, cy), rad) in self.tokens.items():
            self._draw_token(surf, (cx - ox, cy - oy), rad, crew[cid])
        y = self.schematic_bottom - oy + 2
        y = self._draw_legend(surf, y)
        y = self._draw_roster(surf, rect, st, y + 4)
        if self.replay_title is None:
            y = self._draw_actions(surf, rect, y + 6)
        else:
            self.button_rects = {}
        self._draw_log(surf, rect, y + 4)

    def _draw_header(self, surf, rect) -> None:
        w = self.world
        if self.replay_title is not None:
            text, col = self.replay_title, (220, 220, 230)
        elif w.commanding is None:
            text, col = "Watching: AI vs AI", (220, 220, 230)
        else:
            who = SIDE_LABEL[w.commanding].upper()
            text, col = f"You command: {who}", PALETTE[w.commanding]
        pygame.draw.rect(surf, _shade(col, 0.25), (2, 0, rect.width - 2, HEADER_H))
        surf.blit(self._t(self.f_head, text, col), (10, 6))
        if len(w.humans) == 2:
            hint = self._t(self.f_text, "Tab: hand over to the other side", DIM)
            surf.blit(hint, (rect.width - hint.get_width() - 10, 8))

    def _draw_module(self, surf, box, m, st) -> None:
        status = self.world.module_status(m)
        col = module_colour(m.holder, status)
        vehicle = m.segment == "vehicle"
        fill = _shade(col, 0.22 if not vehicle else 0.16)
        radius = 12 if vehicle else 4
        pygame.draw.rect(surf, fill, box, border_radius=radius)
        sel = self._crew(self.selected) if self.selected else None
        edge = col
        width = 2
        if sel is not None and sel.module == m.id:
            edge, width = (255, 255, 255), 2
        pygame.draw.rect(surf, edge, box, width, border_radius=radius)
        name = SHORT.get(m.id, m.name)
        font = self.f_name if m.id not in SMALL else self.f_badge
        label = self._t(font, name, (235, 240, 250))
        if label.get_width() > box.width - 4:
            label = self._t(self.f_badge, name, (235, 240, 250))
        surf.blit(label, (box.left + 4, box.top + 3))
        if m.capturing and m.capture_due >= 0:
            from game.sim.rules import CAPTURE_S

            left = max(0, m.capture_due - st.tick)
            frac = 1.0 - min(1.0, left / CAPTURE_S)
            bar = pygame.Rect(box.left + 3, box.top + 18, box.width - 6, 4)
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
            pygame.draw.circle(surf, col, centre, rad, 2)
        else:
            pygame.draw.circle(surf, col, centre, rad)
        if c.id == self.selected:
            pygame.draw.circle(surf, (255, 255, 255), centre, rad + 3, 2)
        s = self._t(self.f_tok, initials(c.name), (255, 255, 255))
        surf.blit(s, s.get_rect(center=centre))
        if c.restrained:
            x, y = centre
            pygame.draw.line(surf, (255, 90, 80), (x - rad, y - rad), (x + rad, y + rad), 2)
        if c.task == "move":
            pygame.draw.circle(surf, (255, 255, 255), (centre[0] + rad - 1, centre[1] - rad + 1),
                               2)

    def _draw_legend(self, surf, y) -> int:
        """Module colours (held / contested), the hatch squares exactly as the plan draws
        them (amber closed, red sealed from the other side), the badge codes; each item
        placed by measured width (the small font eats single spaces)."""
        x = 10
        for key, label in (("us", "US"), ("ru", "Russia"), ("contested", "contested")):
            pygame.draw.rect(surf, PALETTE[key], (x, y + 3, 10, 10), border_radius=2)
            s = self._t(self.f_badge, label, DIM)
            surf.blit(s, (x + 14, y + 3))
            x += 22 + s.get_width()
        for col, label in (((255, 182, 40), "hatch closed"), ((235, 70, 60), "sealed")):
            r = pygame.Rect(x, y + 3, 10, 10)
            pygame.draw.rect(surf, col, r)
            pygame.draw.line(surf, (40, 20, 10), r.midleft, r.midright, 2)
            s = self._t(self.f_badge, label, DIM)
            surf.blit(s, (x + 14, y + 3))
            x += 22 + s.get_width()
        for code, label in (("C2", "command"), ("PW", "power"), ("TH", "thrusters"),
                            ("O2", "oxygen")):
            c = self._t(self.f_badge, code, INK)
            surf.blit(c, (x, y + 3))
            s = self._t(self.f_badge, label, DIM)
            surf.blit(s, (x + c.get_width() + 4, y + 3))
            x += c.get_width() + 4 + s.get_width() + 12
        return y + 16

    def _draw_roster(self, surf, rect, st, y) -> int:
        self.roster_rects = {}
        names = {c.id: c.name for c in st.crew}
        for c in st.crew:
            row = pygame.Rect(4, y, rect.width - 8, 17)
            self.roster_rects[c.id] = row.move(rect.left, rect.top)
            if c.id == self.selected:
                pygame.draw.rect(surf, (34, 44, 70), row)
            col = PALETTE.get(c.side, PALETTE["neutral"])
            pygame.draw.circle(surf, col, (row.left + 8, row.centery), 5)
            surf.blit(self._t(self.f_text, c.name[:15], INK), (row.left + 18, y + 2))
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
            surf.blit(self._t(self.f_text, where[:34], DIM), (row.left + 128, y + 2))
            # stress bar with the refusal limit marked
            bx = row.left + 352
            bar = pygame.Rect(bx, y + 5, 70, 7)
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
            surf.blit(self._t(self.f_badge, status, scol2), (bar.right + 6, y + 3))
            y += 17
        return y

    def _draw_actions(self, surf, rect, y) -> int:
        self.button_rects = {}
        x = 6
        bw = (rect.width - 12 - 7 * 4) // len(ACTIONS)
        active = self.side is not None and self.selected is not None
        for action, label, key in ACTIONS:
            r = pygame.Rect(x, y, bw, 28)
            self.button_rects[action] = r.move(rect.left, rect.top)
            on = self.pending == action
            pygame.draw.rect(surf, (60, 74, 110) if on else (26, 32, 50), r, border_radius=4)
            pygame.draw.rect(surf, (90, 110, 150) if active else (50, 58, 80), r, 1,
                             border_radius=4)
            s = self._t(self.f_badge, label, INK if active else DIM)
            surf.blit(s, s.get_rect(midtop=(r.centerx, r.top + 3)))
            k = self._t(self.f_badge, key, (255, 210, 120))
            surf.blit(k, k.get_rect(midbottom=(r.centerx, r.bottom - 2)))
            x += bw + 4
        y += 30
        hint = self.hint or ("N selects your next crew member; click a token to select"
                             if self.side else "Watching: click a token to follow a crew member")
        surf.blit(self._t(self.f_badge, hint[:95], (180, 195, 220)), (8, y + 2))
        return y + 16

    def _draw_log(self, surf, rect, y) -> None:
        pygame.draw.line(surf, (40, 52, 80), (6, y), (rect.width - 6, y))
        lines = list(self.world.log.lines)
        room = max(0, (rect.height - y - 6) // 16)
        yy = y + 4
        for ln in lines[-room:] if room else []:
            stamp = self._t(self.f_badge, fmt_mission(ln.tick), (110, 120, 140))
            surf.blit(stamp, (8, yy + 2))
            text = ellipsize(self.f_text, plain(ln.text), rect.width - 66)
            surf.blit(self._t(self.f_text, text, ln.colour), (58, yy))
            yy += 16
