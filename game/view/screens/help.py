"""F1: the help, generated: every key from the one keymap, every rule from the tuning
table, every reason an order can be refused.

Three pages (Left/Right, Tab, or a click on a tab):

- **Keys**: :func:`game.view.keymap.help_rows` for the screen's groups (the same table
  dispatches the keys, so the help cannot drift from what the keys do);
- **Rules**: :func:`game.sim.api.rule_lines` by topic (Up/Down or a click picks the
  topic; each topic's sentences wrapped in full), the very text the README carries;
- **Why refused?**: :func:`game.sim.api.refusal_lines` (every refusal the rules give,
  with the rule behind it) and the panel's own, scrolled with the wheel, Up/Down,
  PgUp/PgDn.

Esc, F1 or Enter (or a click outside the box) closes it. It is an overlay: the screen
below stands still (only the top screen updates) and recedes under a dark layer.
"""

from __future__ import annotations

import pygame

from game.sim.api import refusal_lines, rule_lines
from game.view import keymap
from game.view.app import Screen
from game.view.widgets import dim_below, font, veil, wrap

PAGES = {"keys": "Keys", "rules": "Rules", "refusals": "Why refused?"}
GAME_GROUPS = ("Orders", "Time", "Game", "View")
BOX_MAX = (1180, 660)
INK = (225, 232, 245)
DIM = (170, 182, 205)
KEY = (255, 210, 120)
HEAD = (150, 200, 255)


def rules_by_topic() -> list[tuple[str, list[str]]]:
    """[(topic, [sentence, ...])] in the order of the rules table."""
    out: list[tuple[str, list[str]]] = []
    for topic, text in rule_lines():
        if out and out[-1][0] == topic:
            out[-1][1].append(text)
        else:
            out.append((topic, [text]))
    return out


def refusal_rows() -> list[tuple[str, str, str]]:
    """(group, message, why): the rules' refusals, then the panel's own."""
    from game.view.panels.schematic_orders import PANEL_REFUSALS

    rows = [(g, m, w) for g, m, w in refusal_lines()]
    rows += [("Before the rules are asked", m, w) for m, w in PANEL_REFUSALS]
    return rows


def shown_message(msg: str) -> str:
    """A refusal's placeholders as the help shows them: <crew>, <module>."""
    import re

    from game.sim.api import tuning

    msg = tuning.rule_text(tuning.Rule("", msg))  # {BOND_REFUSE} -> 60
    return re.sub(r"\{([^{}]*)\}", r"<\1>", msg)


class HelpScreen(Screen):
    """The help overlay (see the module docstring)."""

    overlay = True

    def __init__(self, groups: tuple[str, ...] = GAME_GROUPS,
                 pages: tuple[str, ...] = ("keys", "rules", "refusals"), page: str = "keys"):
        super().__init__()
        self.groups = groups
        self.pages = pages
        self.page = page if page in pages else pages[0]
        self.topics = rules_by_topic()
        self.topic = 0
        self.scroll = 0  # lines scrolled (refusals page)
        self.f_big = font(30, bold=True)
        self.f = font(20)
        self.f_small = font(18)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.tab_rects: dict[str, pygame.Rect] = {}
        self.topic_rects: list[pygame.Rect] = []
        self.drawn: list[str] = []  # every line of text drawn last frame
        self._max_scroll = 0

    # -- input -------------------------------------------------------------------------
    def _turn(self, step: int) -> None:
        i = self.pages.index(self.page)
        self.page = self.pages[(i + step) % len(self.pages)]
        self.scroll = 0

    def handle_event(self, ev) -> bool:
        if ev.type == pygame.KEYDOWN:
            k = ev.key
            if k in (pygame.K_ESCAPE, pygame.K_F1, pygame.K_RETURN, pygame.K_KP_ENTER) or \
                    getattr(ev, "unicode", "") == "?":
                self.app.pop()
            elif k == pygame.K_F11:
                return False
            elif k in (pygame.K_RIGHT, pygame.K_TAB):
                self._turn(+1)
            elif k == pygame.K_LEFT:
                self._turn(-1)
            elif k in (pygame.K_UP, pygame.K_DOWN):
                step = -1 if k == pygame.K_UP else 1
                if self.page == "rules":
                    self.topic = (self.topic + step) % len(self.topics)
                else:
                    self.scroll = min(max(0, self.scroll + step * 2), self._max_scroll)
            elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                step = -1 if k == pygame.K_PAGEUP else 1
                self.scroll = min(max(0, self.scroll + step * 12), self._max_scroll)
            return True
        if ev.type == pygame.MOUSEWHEEL:
            if self.page == "rules":
                self.topic = (self.topic - ev.y) % len(self.topics)
            else:
                self.scroll = min(max(0, self.scroll - 3 * ev.y), self._max_scroll)
            return True
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            for page, r in self.tab_rects.items():
                if r.collidepoint(ev.pos):
                    self.page, self.scroll = page, 0
                    return True
            if self.page == "rules":
                for i, r in enumerate(self.topic_rects):
                    if r.collidepoint(ev.pos):
                        self.topic = i
                        return True
            if not self.box.collidepoint(ev.pos):
                self.app.pop()
            return True
        return ev.type in (pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)

    # -- drawing -----------------------------------------------------------------------
    def _line(self, surf, f, text, col, pos) -> int:
        surf.blit(f.render(text, True, col), pos)
        self.drawn.append(text)
        return f.get_linesize()

    def draw(self, surface, alpha) -> None:
        rect = surface.get_rect()
        dim_below(surface, 150)  # the HUD, clocks and log must not read through the box
        box = pygame.Rect(0, 0, min(BOX_MAX[0], rect.width - 20), min(BOX_MAX[1],
                                                                        rect.height - 20))
        box.center = rect.center
        self.box = box
        self.drawn = []
        veil(surface, box, (4, 8, 22, 238))
        pygame.draw.rect(surface, (90, 110, 160), box, 1)
        self._line(surface, self.f_big, "Help", (255, 255, 255), (box.left + 20, box.top + 12))
        x = box.left + 110
        self.tab_rects = {}
        for page in self.pages:
            label = self.f.render(PAGES[page], True, (255, 255, 255) if page == self.page
                                  else DIM)
            r = pygame.Rect(x, box.top + 14, label.get_width() + 24, label.get_height() + 8)
            pygame.draw.rect(surface, (50, 66, 110) if page == self.page else (20, 26, 44), r,
                             border_radius=5)
            surface.blit(label, (r.left + 12, r.top + 4))
            self.tab_rects[page] = r
            x = r.right + 8
        foot = ("Left/Right: pages    Up/Down: " + ("topic" if self.page == "rules" else
                                                    "scroll") + "    Esc or F1: close")
        fs = self.f_small.render(foot, True, (130, 140, 165))
        surface.blit(fs, (box.right - fs.get_width() - 16, box.top + 20))
        body = pygame.Rect(box.left + 20, box.top + 56, box.width - 40, box.height - 70)
        pygame.draw.line(surface, (60, 74, 110), (box.left + 10, body.top - 6),
                         (box.right - 10, body.top - 6))
        getattr(self, "_draw_" + self.page)(surface, body)

    def _draw_keys(self, surf, body: pygame.Rect) -> None:
        groups = keymap.help_rows(self.groups)
        colw = (body.width - 20) // 2
        key_w = 130
        # balance the columns by lines (each group's heading and wrapped rows)
        sizes = [1 + sum(len(wrap(self.f_small, what, colw - key_w)) for _k, what in rows)
                 for _g, rows in groups]
        half, acc, split = sum(sizes) / 2, 0, len(groups)
        for i, n in enumerate(sizes):
            if acc + n / 2 > half:
                split = i
                break
            acc += n
        split = max(1, split)
        for col, chunk in enumerate((groups[:split], groups[split:])):
            x = body.left + col * (colw + 20)
            y = body.top
            for title, rows in chunk:
                y += self._line(surf, self.f, title, HEAD, (x, y)) + 2
                for key, what in rows:
                    self._line(surf, self.f_small, key, KEY, (x, y))
                    for part in wrap(self.f_small, what, colw - key_w):
                        y += self._line(surf, self.f_small, part, INK, (x + key_w, y))
                y += 8

    def rule_lines_wrapped(self, topic: int, width: int) -> list[str]:
        """The topic's sentences as drawn: wrapped, each in full."""
        out = []
        for sentence in self.topics[topic][1]:
            out += wrap(self.f, sentence, width)
            out.append("")
        return out[:-1]

    def _draw_rules(self, surf, body: pygame.Rect) -> None:
        col_w = 170
        self.topic_rects = []
        y = body.top
        lh = self.f_small.get_linesize() + 4
        for i, (topic, _s) in enumerate(self.topics):
            r = pygame.Rect(body.left, y, col_w - 12, lh)
            on = i == self.topic
            if on:
                pygame.draw.rect(surf, (50, 66, 110), r, border_radius=4)
            self._line(surf, self.f_small, topic, (255, 255, 255) if on else DIM,
                       (r.left + 8, r.top + 2))
            self.topic_rects.append(r)
            y += lh
        x = body.left + col_w + 10
        width = body.right - x
        topic, _sentences = self.topics[self.topic]
        y = body.top
        y += self._line(surf, self.f, topic, HEAD, (x, y)) + 6
        for line in self.rule_lines_wrapped(self.topic, width):
            if line:
                self._line(surf, self.f, line, INK, (x, y))
            y += self.f.get_linesize() if line else 8
        note = ("Generated from the one table of numbers (game/sim/tuning.py), as the "
                "README's rules section is.")
        for part in wrap(self.f_small, note, width):
            self._line(surf, self.f_small, part, (120, 132, 160), (x, body.bottom -
                                                                    self.f_small.get_linesize()))

    def refusal_lines_wrapped(self, width: int) -> list[tuple[str, tuple, object]]:
        """(text, colour, font) rows of the refusals page, before scrolling."""
        out = []
        group = None
        for g, msg, why in refusal_rows():
            if g != group:
                if group is not None:
                    out.append(("", INK, self.f_small))
                out.append((g, HEAD, self.f))
                group = g
            for part in wrap(self.f_small, shown_message(msg), width):
                out.append((part, KEY, self.f_small))
            for part in wrap(self.f_small, why, width - 24):
                out.append(("    " + part, INK, self.f_small))
        return out

    def _draw_refusals(self, surf, body: pygame.Rect) -> None:
        rows = self.refusal_lines_wrapped(body.width)
        lh = self.f_small.get_linesize()
        fit = max(1, body.height // lh)
        self._max_scroll = max(0, len(rows) - fit)
        self.scroll = min(self.scroll, self._max_scroll)
        y = body.top
        for text, col, f in rows[self.scroll:self.scroll + fit]:
            if text:
                self._line(surf, f, text, col, (body.left, y))
            y += lh
        if self._max_scroll:
            shown = f"{self.scroll + 1}-{min(len(rows), self.scroll + fit)} of {len(rows)}"
            s = self.f_small.render(shown, True, (130, 140, 165))
            surf.blit(s, (body.right - s.get_width(), body.bottom - lh))


class GameHelpScreen(HelpScreen):
    """The help of a game: its keys, the rules, the refusals."""

    def __init__(self, page: str = "keys"):
        super().__init__(GAME_GROUPS, page=page)
