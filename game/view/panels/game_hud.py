"""The rules HUD over the 3D view: every rule that decides the game, on screen.

The rules box: the act (routine / orders / dark), each side's order (received,
or when its mission control next sees the station, or silenced), trust with the truce
line at 80 and the truce countdown, who holds the two command-and-control modules and the
seize countdown, oxygen (generating, or the reserve running down), power and debris
warnings; top-left, below the orbit HUD. Bottom-left, inside the 3D view and beside the
station inset (never over the panel or the inset): toasts for refused commands (the
reason, in words, wrapped). When the clock is paused with Space, a banner says so and how
to resume.
"""

from __future__ import annotations

import pygame

from game.session.palette import PALETTE
from game.session.wording import SIDE_LABEL, fmt_duration
from game.session.world import MISSION_CONTROL
from game.view.widgets import ellipsize, font, render_line, veil, wrap

ACT_NAMES = {1: "ACT 1 - ROUTINE", 2: "ACT 2 - ORDERS", 3: "ACT 3 - DARK"}
ACT_NOTES = {
    1: "no one may restrain, seal or cut before their order",
    2: "a side with its order may restrain, seal hatches, cut systems",
    3: "both mission controls are gone: anyone may act",
}
TRUCE_AT = 80


def plain(text: str) -> str:
    """Text the default font can draw (no dashes, arrows or ellipses beyond Latin-1)."""
    return (text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
            .replace("\u2192", "->"))


class GameHud:
    """The rules box, toasts and the paused banner; ``set_scale(k)`` sizes them for the
    interface factor (:mod:`game.view.ui_scale`)."""

    def __init__(self):
        self.k = 0.0
        self.set_scale(1.0)
        self.box: pygame.Rect | None = None  # the rules box, as last drawn
        self.toast_rects: list[pygame.Rect] = []  # the refusal toasts, as last drawn

    def set_scale(self, k: float) -> None:
        if k == self.k:
            return
        self.k = k
        self.f_big = font(max(8, round(26 * k)))
        self.f = font(max(8, round(19 * k)))
        self.f_small = font(max(8, round(16 * k)))
        self.f_pause = font(max(8, round(52 * k)))

    def px(self, v: float) -> int:
        return int(round(v * self.k))

    def _t(self, font, text, colour=(225, 232, 245)):
        return render_line(font, text, colour)

    def lines(self, world) -> list[tuple[str, tuple, str]]:
        """The HUD as (text, colour, font) rows: also what tests read."""
        st = world.state
        out = [(ACT_NAMES.get(st.act, f"ACT {st.act}"), (255, 236, 170), "big"),
               (ACT_NOTES.get(st.act, ""), (170, 182, 205), "small")]
        for side in ("us", "ru"):
            _sid, station = MISSION_CONTROL[side]
            got = st.orders.get(side, -1)
            kind, secs = world.next_window(side)
            label = SIDE_LABEL[side]
            if got >= 0:
                text = f"{label}: ORDER RECEIVED at T+{fmt_duration(got)} (take the station)"
            elif kind == "silent":
                text = f"{label}: no order - {station} was struck, silent"
            elif kind == "in view":
                text = f"{label}: awaiting order - {station} IN VIEW, {fmt_duration(secs)} left"
            elif kind == "next":
                text = f"{label}: awaiting order - {station} pass in {fmt_duration(secs)}"
            else:
                text = f"{label}: awaiting order - no {station} pass left"
            if st.may_act.get(side) and got < 0:
                text += " (may act: attacked/dark)"
            out.append((text, PALETTE[side], "text"))
        truce = ""
        if st.truce_due >= 0:
            truce = f"  TRUCE in {fmt_duration(st.truce_due - st.tick)}"
        elif st.trust >= TRUCE_AT:
            truce = "  (truce needs both sides' orders)"
        out.append((f"Trust {st.trust}/100 - truce at {TRUCE_AT}+ held 10 min{truce}",
                    (150, 255, 180) if st.truce_due >= 0 else (225, 232, 245), "trust"))
        hold = {m.id: m.holder for m in st.modules}
        cc = f"Command: Destiny {SIDE_LABEL[hold['destiny']]}, Zvezda {SIDE_LABEL[hold['zvezda']]}"
        if st.seize_side:
            cc += (f" - {SIDE_LABEL[st.seize_side].upper()} SEIZE IN "
                   f"{fmt_duration(st.seize_due - st.tick)}")
            out.append((cc, PALETTE[st.seize_side], "text"))
        else:
            out.append((cc + " (hold both 10 min to seize)", (225, 232, 245), "text"))
        if st.oxygen_generating:
            o2 = (f"Oxygen: generating (reserve {fmt_duration(st.oxygen_reserve_s)})",
                  (150, 220, 255))
        else:
            o2 = (f"OXYGEN OFF: reserve {fmt_duration(st.oxygen_reserve_s)} left - "
                  "then the station is lost", (255, 110, 90))
        out.append((*o2, "text"))
        if st.power_low:
            out.append(("POWER LOW: arrays off the Sun (restore thrusters in Zvezda)",
                        (255, 150, 90), "text"))
        if st.debris_deadline >= 0:
            out.append((f"DEBRIS: thrusters must work within "
                        f"{fmt_duration(st.debris_deadline - st.tick)}", (255, 110, 90), "text"))
        for warning in world.warnings:  # an old element set, a replay not being written
            out.append((warning, (255, 190, 90), "small"))
        return out

    def draw(self, surf: pygame.Surface, area: pygame.Rect, world,
             avoid: pygame.Rect | None = None, top: int | None = None) -> None:
        """The rules box and the toasts inside ``area`` (the 3D view), clear of ``avoid``
        (the station inset, when shown), from ``top`` down (default: below where the orbit
        HUD ends at this scale)."""
        st = world.state
        px = self.px
        rows = self.lines(world)
        fonts = {"big": self.f_big, "small": self.f_small, "text": self.f, "trust": self.f}
        room = area.width - px(20) - px(24)
        surfs = []
        for t, c, f in rows:
            fnt = fonts[f]
            if fnt.size(t)[0] > room:
                t = ellipsize(fnt, t, room)
            surfs.append((self._t(fnt, t, c), f))
        w = min(area.width - px(20), max(s.get_width() for s, _ in surfs) + px(24))
        h = sum(s.get_height() + (px(12) if f == "trust" else px(3)) for s, f in surfs) + px(16)
        y0 = area.top + px(118) if top is None else top
        box = pygame.Rect(area.left + px(10), y0, w, h)
        self.box = box
        veil(surf, box, (4, 8, 20, 170))
        y = box.top + px(8)
        for s, f in surfs:
            surf.blit(s, (box.left + px(12), y))
            y += s.get_height() + px(3)
            if f == "trust":
                bar = pygame.Rect(box.left + px(12), y, min(px(260), w - px(24)), max(4, px(7)))
                pygame.draw.rect(surf, (36, 40, 56), bar)
                col = (150, 255, 180) if st.trust >= TRUCE_AT else (120, 170, 255)
                pygame.draw.rect(surf, col, (bar.left, bar.top, bar.width * st.trust // 100,
                                             bar.height))
                mx = bar.left + bar.width * TRUCE_AT // 100
                pygame.draw.line(surf, (255, 255, 255), (mx, bar.top - 2), (mx, bar.bottom + 1))
                y += px(9)
        self.draw_toasts(surf, area, world, avoid)

    def toast_area(self, area: pygame.Rect, avoid: pygame.Rect | None) -> pygame.Rect:
        """Where toasts may go: the view below the rules box, left of the inset when there
        is room beside it (else above it)."""
        px = self.px
        top = (self.box.bottom + px(6)) if self.box is not None else area.top
        r = pygame.Rect(area.left + px(10), top, area.width - px(20),
                        max(0, area.bottom - px(10) - top))
        if avoid is not None and avoid.colliderect(r):
            if avoid.left - px(10) - r.left >= px(320):
                r.width = avoid.left - px(10) - r.left
            else:
                r.height = max(0, avoid.top - px(8) - r.top)
        return r

    def draw_toasts(self, surf, area, world, avoid=None) -> None:
        """Refusals, newest at the bottom, fading out; wrapped to fit the toast area;
        older ones are dropped when the area is full."""
        room = self.toast_area(area, avoid)
        self.toast_rects = []
        y = room.bottom
        for reason, left in reversed(world.refusals):
            if left <= 0:
                continue
            px = self.px
            lines = wrap(self.f, plain("Refused: " + reason), max(room.width - px(24), 1))
            surfs = [self._t(self.f, ln, (255, 238, 232)) for ln in lines]
            lh = self.f.get_linesize()
            r = pygame.Rect(0, 0, max(s.get_width() for s in surfs) + px(24),
                            lh * len(surfs) + px(12))
            r.bottomleft = (room.left, y)
            if r.top < room.top:
                break
            veil(surf, r, (130, 26, 20, int(225 * min(1.0, left))))
            pygame.draw.rect(surf, (255, 120, 100), r, 1)
            for i, s in enumerate(surfs):
                surf.blit(s, (r.left + px(12), r.top + px(6) + i * lh))
            self.toast_rects.append(r)
            y = r.top - px(4)

    def draw_paused(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        """PAUSED, large, in the middle of the view, with how to resume."""
        big = self._t(self.f_pause, "PAUSED", (255, 236, 170))
        small = self._t(self.f, "press Space to resume", (225, 232, 245))
        px = self.px
        r = pygame.Rect(0, 0, max(big.get_width(), small.get_width()) + px(48),
                        big.get_height() + small.get_height() + px(22))
        r.center = (area.centerx, area.top + area.height * 2 // 5)
        veil(surf, r, (4, 8, 20, 200))
        pygame.draw.rect(surf, (255, 236, 170), r, 1, border_radius=4)
        surf.blit(big, big.get_rect(midtop=(r.centerx, r.top + px(8))))
        surf.blit(small, small.get_rect(midbottom=(r.centerx, r.bottom - px(8))))
