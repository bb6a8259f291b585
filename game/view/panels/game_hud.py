"""The rules HUD over the 3D view: every rule that decides the game, on screen.

The rules box (top-left, below the orbit HUD): the act and what it allows; each side's
order as the player's side knows it (your own: arrived, or when your mission control
next sees the station; the other side's: a secret until your next pass tells, or until
they use force); trust with the truce line and a ledger of what moved it lately; who
holds the two command modules and the seize countdown; captures and restraints under way
with their odds; oxygen, power and debris. Every countdown gives its mission time and
about how long that is in real seconds at the current pace (``world.pacer``). Rows wrap
to the box: nothing that carries the point is cut.

Bottom-left, inside the 3D view and beside the station inset: toasts for refused commands
(the reason in words; the same reason again counts "x3" instead of stacking). The
first-game hint card (:mod:`game.session.guide`) sits above the inset. When the clock is
paused with Space, a banner says so and how to resume.
"""

from __future__ import annotations

import pygame

from game.session.palette import PALETTE
from game.session.wording import SIDE_LABEL, fmt_duration
from game.session.world import MISSION_CONTROL
from game.sim.api import tuning
from game.view.widgets import font, render_line, veil, wrap

ACT_NAMES = {1: "ACT 1 - ROUTINE", 2: "ACT 2 - ORDERS", 3: "ACT 3 - DARK"}
ACT_NOTES = {
    1: "nobody may use force (restrain, seal, cut) or take a module before their order",
    2: "a side with its order may restrain, seal hatches, cut systems and take modules",
    3: "both mission controls are gone: anyone may use force anywhere",
}
TRUCE_AT = tuning.TRUCE_AT
LEDGER_ROWS = 3
OTHER = {"us": "ru", "ru": "us"}


class GameHud:
    """The rules box, toasts, the hint card and the paused banner; ``set_scale(k)`` sizes
    them for the interface factor (:mod:`game.view.ui_scale`)."""

    def __init__(self):
        self.k = 0.0
        self.set_scale(1.0)
        self.box: pygame.Rect | None = None  # the rules box, as last drawn
        self.toast_rects: list[pygame.Rect] = []  # the refusal toasts, as last drawn
        self.hint_rect: pygame.Rect | None = None  # the hint card, as last drawn
        self.paused_rect: pygame.Rect | None = None  # the PAUSED banner, as last drawn
        self.drawn: list[str] = []  # the rules box's lines as last drawn (wrapped)

    def set_scale(self, k: float) -> None:
        if k == self.k:
            return
        self.k = k
        self.f_big = font(max(8, round(26 * k)), bold=True)
        self.f = font(max(8, round(19 * k)))
        self.f_small = font(max(8, round(16 * k)))
        self.f_pause = font(max(8, round(52 * k)), bold=True)

    def px(self, v: float) -> int:
        return int(round(v * self.k))

    def _t(self, font, text, colour=(225, 232, 245)):
        return render_line(font, text, colour)

    # -- the words -----------------------------------------------------------------------
    @staticmethod
    def _real(world, mission_s: float) -> str:
        """" (about 20 s)" at the world's pace; "" without one (replays) or once ended."""
        pacer = getattr(world, "pacer", None)
        if pacer is None or mission_s <= 0 or world.state.ended:
            return ""
        return f" ({pacer.real_words(world.state, mission_s)})"

    def order_line(self, world, side: str) -> tuple[str, tuple]:
        """One side's order as the commanding side knows it (everything when watching)."""
        st = world.state
        me = world.commanding
        _sid, station = MISSION_CONTROL[side]
        label = SIDE_LABEL[side]
        got = st.orders.get(side, -1)
        if me is not None and side != me:  # the other side: a secret until learned
            _msid, mine = MISSION_CONTROL[me]
            if got >= 0:
                return (f"{label} HAS its order (it arrived "
                        f"T+{fmt_duration(got, hours=True)}): they may use force",
                        PALETTE[side])
            if st.may_act.get(side):
                return (f"{label} has acted on an order (force, or taking a module): they "
                        "may use force anywhere", PALETTE[side])
            nc = st.next_contact.get(me, -1)  # the pass that brings the ground's news
            if st.orders.get(me, -1) < 0 and nc > st.tick:  # (passes after your order)
                when = f"{mine} tells you at its passes once your own order has come"
            elif nc > st.tick:
                secs = nc - st.tick
                when = (f"your next pass over {mine} in {fmt_duration(secs)}"
                        f"{self._real(world, secs)} will tell")
            else:
                when = f"{mine} is silent: no more news"
            return f"{label}: no word of an order - {when}", PALETTE[side]
        kind, secs = world.next_window(side)
        you = "your" if side == me else "its"
        if got >= 0:
            text = (f"{label}: ORDER RECEIVED at T+{fmt_duration(got, hours=True)} - take the "
                    "station by any means necessary"
                    + (": you may use force" if side == me else ""))
        elif kind == "silent":
            text = f"{label}: no order - {station} was struck, silent (force in the dark)"
        elif kind == "in view":
            text = (f"{label}: no order yet - {station} IN VIEW, {fmt_duration(secs)} left"
                    f"{self._real(world, secs)}")
        elif kind == "next" and not st.war_begun:
            text = (f"{label}: no order yet - {station} sends it when the war begins; it comes "
                    f"at a pass over {station} after that (next pass in {fmt_duration(secs)})")
        elif kind == "next":
            text = (f"{label}: no order yet - {you} order can come only at the next pass over "
                    f"{station}, in {fmt_duration(secs)}{self._real(world, secs)}")
        else:
            text = f"{label}: no order yet - no {station} pass left"
        if got < 0 and st.may_act.get(side):
            text += " (may use force: the dark)"
        elif got < 0 and st.may_defend.get(side):
            text += " - attacked: may defend its own segment"
        return text, PALETTE[side]

    def lines(self, world) -> list[tuple[str, tuple, str]]:
        """The HUD as (text, colour, style) rows: also what tests read."""
        st = world.state
        me = world.commanding
        if st.ended:
            return [(f"ENDED at T+{fmt_duration(st.tick, hours=True)}", (255, 236, 170), "big"),
                     (st.ending_text, (225, 232, 245), "text")]
        out = [(ACT_NAMES.get(st.act, f"ACT {st.act}"), (255, 236, 170), "big"),
               (ACT_NOTES.get(st.act, ""), (170, 182, 205), "small")]
        for side in ((me, OTHER[me]) if me in OTHER else ("us", "ru")):
            out.append((*self.order_line(world, side), "text"))
        truce = ""
        if st.truce_due >= 0:
            left = st.truce_due - st.tick
            truce = f" - TRUCE in {fmt_duration(left)}{self._real(world, left)}"
        elif st.trust >= TRUCE_AT:
            need = [SIDE_LABEL[s] for s in ("us", "ru")
                    if st.orders.get(s, -1) < 0 or not st.peace_talk.get(s)]
            truce = f" (a truce needs {' and '.join(need)}: order, then a talk across)" \
                if need else ""
        out.append((f"Trust {st.trust}/100 - truce at {TRUCE_AT}+ held "
                    f"{tuning.duration(tuning.TRUCE_S)}{truce}",
                    (150, 255, 180) if st.truce_due >= 0 else (225, 232, 245), "trust"))
        for ch in reversed(st.trust_ledger[-LEDGER_ROWS:]):
            sign = "+" if ch.delta > 0 else ""
            out.append((f"{sign}{ch.delta} trust: {ch.reason} "
                        f"(T+{fmt_duration(ch.tick, hours=True)})",
                        (150, 230, 170) if ch.delta > 0 else (255, 170, 150), "small"))
        hold = {m.id: m.holder for m in st.modules}
        cc = (f"Command: Destiny {SIDE_LABEL[hold['destiny']]}, Zvezda "
              f"{SIDE_LABEL[hold['zvezda']]}")
        if st.seize_side:
            left = st.seize_due - st.tick
            cc += (f" - {SIDE_LABEL[st.seize_side].upper()} SEIZE IN {fmt_duration(left)}"
                   f"{self._real(world, left)}: a free enemy in either breaks it")
            out.append((cc, PALETTE[st.seize_side], "text"))
        else:
            out.append((cc + f" (hold both {tuning.duration(tuning.SEIZE_S)} with no free "
                        "enemy inside to seize)", (225, 232, 245), "text"))
        for m in st.modules:
            if m.capturing and m.capture_due > st.tick:
                left = m.capture_due - st.tick
                out.append((f"{SIDE_LABEL[m.capturing]} taking {m.name} in {fmt_duration(left)}"
                            f"{self._real(world, left)} (alone there)", PALETTE[m.capturing],
                            "text"))
        names = {c.id: c.name for c in st.crew}
        for f in st.fights:
            left = max(0, f.due - st.tick)
            out.append((f"RESTRAINT in {st.module(f.module).name}: {names[f.attacker]} grabs "
                        f"{names[f.target]} - {f.odds_permille // 10}% ({f.attackers} v "
                        f"{f.defenders}), {left} s left{self._real(world, left)}; on failure "
                        f"{names[f.attacker].split()[0]} is pinned "
                        f"{tuning.duration(tuning.PIN_S)}", (255, 140, 110), "text"))
        if st.oxygen_generating:
            out.append((f"Oxygen: generating (reserve {fmt_duration(st.oxygen_reserve_s)})",
                        (150, 220, 255), "text"))
        else:
            left = st.oxygen_reserve_s
            out.append((f"OXYGEN OFF: reserve {fmt_duration(left)}{self._real(world, left)} left - "
                        "then the station is lost (restore Elektron in Zvezda or the O2 in "
                        "Tranquility)", (255, 110, 90), "text"))
        if st.power_low:
            out.append(("POWER LOW: arrays off the Sun (restore thrusters in Zvezda)",
                        (255, 150, 90), "text"))
        if st.debris_deadline > st.tick:
            left = st.debris_deadline - st.tick
            out.append((f"DEBRIS: thrusters (Zvezda) must work in {fmt_duration(left)}"
                        f"{self._real(world, left)}, or the station is hit", (255, 110, 90),
                        "text"))
        for warning in getattr(world, "warnings", ()):  # an old element set, no replay
            out.append((warning, (255, 190, 90), "small"))
        return out

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface, area: pygame.Rect, world,
             avoid: pygame.Rect | None = None, top: int | None = None) -> None:
        """The rules box and the toasts inside ``area`` (the 3D view), clear of ``avoid``
        (the station inset, when shown), from ``top`` down (default: below where the orbit
        HUD ends at this scale)."""
        st = world.state
        px = self.px
        rows = self.lines(world)
        fonts = {"big": self.f_big, "small": self.f_small, "text": self.f, "trust": self.f}
        room = min(area.width - px(20) - px(24), px(520))
        surfs = []
        self.drawn = []
        for t, c, f in rows:
            fnt = fonts[f]
            for i, part in enumerate(wrap(fnt, t, room)):
                surfs.append((self._t(fnt, part, c), f if i == 0 else f + "+", i))
                self.drawn.append(part)
        w = min(area.width - px(20), max(s.get_width() for s, _f, _i in surfs) + px(24))
        w = max(w, min(area.width - px(20), px(280)))

        def gap(f):
            return px(12) if f == "trust" else px(2) if f.endswith("+") else px(3)
        # the trust bar sits under the trust row's last line
        trust_last = max((i for i, (_s, f, _n) in enumerate(surfs) if f.startswith("trust")),
                         default=-1)
        h = sum(s.get_height() + gap(f) for s, f, _i in surfs) + px(16) + \
            (px(12) if trust_last >= 0 else 0)
        y0 = area.top + px(118) if top is None else top
        box = pygame.Rect(area.left + px(10), y0, w, h)
        self.box = box
        veil(surf, box, (4, 8, 20, 178))
        y = box.top + px(8)
        for i, (s, f, _n) in enumerate(surfs):
            surf.blit(s, (box.left + px(12), y))
            y += s.get_height() + (px(3) if not f.endswith("+") else px(2))
            if i == trust_last:
                bar = pygame.Rect(box.left + px(12), y, min(px(260), w - px(24)), max(4, px(7)))
                pygame.draw.rect(surf, (36, 40, 56), bar)
                col = (150, 255, 180) if st.trust >= TRUCE_AT else (120, 170, 255)
                pygame.draw.rect(surf, col, (bar.left, bar.top, bar.width * st.trust // 100,
                                             bar.height))
                mx = bar.left + bar.width * TRUCE_AT // 100
                pygame.draw.line(surf, (255, 255, 255), (mx, bar.top - 2), (mx, bar.bottom + 1))
                lab = self._t(self.f_small, f"truce {TRUCE_AT}", (200, 210, 230))
                surf.blit(lab, (bar.right + px(6), bar.centery - lab.get_height() // 2))
                y += px(12)
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
        older ones are dropped when the area is full; a repeated reason shows once, with
        how many times."""
        room = self.toast_area(area, avoid)
        self.toast_rects = []
        y = room.bottom
        repeats = getattr(world, "refusal_repeats", {})
        for reason, left in reversed(world.refusals):
            if left <= 0:
                continue
            px = self.px
            n = repeats.get(reason, 1)
            head = f"Refused (x{n}): " if n > 1 else "Refused: "
            lines = wrap(self.f, head + reason, max(room.width - px(24), 1))
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

    def draw_hint(self, surf, area: pygame.Rect, hint, avoid: pygame.Rect | None) -> None:
        """The first-game hint card: its title, its words, how to go on; above the inset,
        right-aligned, clear of the rules box."""
        self.hint_rect = None
        if hint is None:
            return
        px = self.px
        width = min(px(360), area.width - px(24))
        body = wrap(self.f, hint.text, width - px(24))
        foot = "Enter: got it    H: no more hints"
        lh = self.f.get_linesize()
        h = self.f_big.get_linesize() + lh * len(body) + self.f_small.get_linesize() + px(26)
        r = pygame.Rect(0, 0, width, h)
        bottom = (avoid.top - px(8)) if avoid is not None else area.bottom - px(12)
        r.bottomright = (area.right - px(12), bottom)
        if self.box is not None and r.colliderect(self.box):
            r.top = self.box.bottom + px(8)
            if avoid is not None and r.colliderect(avoid):
                r.right = avoid.left - px(8)
        r.clamp_ip(area)
        veil(surf, r, (10, 22, 44, 235))
        pygame.draw.rect(surf, (140, 200, 255), r, 1, border_radius=px(4))
        y = r.top + px(8)
        surf.blit(self._t(self.f_big, hint.title, (170, 220, 255)), (r.left + px(12), y))
        y += self.f_big.get_linesize() + px(4)
        for line in body:
            surf.blit(self._t(self.f, line, (230, 236, 248)), (r.left + px(12), y))
            y += lh
        surf.blit(self._t(self.f_small, foot, (255, 210, 120)), (r.left + px(12), y + px(4)))
        self.hint_rect = r

    def draw_paused(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        """PAUSED, large, in the middle of the view, with how to resume."""
        hint = self.hint_rect
        compact = hint is not None  # a hint is being read: a smaller banner beside it
        big = self._t(self.f_big if compact else self.f_pause, "PAUSED", (255, 236, 170))
        small = self._t(self.f_small if compact else self.f,
                        "press Space to resume (orders can be given meanwhile)",
                        (225, 232, 245))
        px = self.px
        r = pygame.Rect(0, 0, max(big.get_width(), small.get_width()) + px(48),
                        big.get_height() + small.get_height() + px(22))
        r.center = (area.centerx, area.top + area.height * 2 // 5)
        if self.box is not None and r.colliderect(self.box):  # never over the rules
            r.top = self.box.bottom + px(12)
        if hint is not None and r.colliderect(hint):  # nor over the hint being read:
            r.bottomleft = (area.left + px(12), area.bottom - px(12))  # low, left of it
        veil(surf, r, (4, 8, 20, 200))
        pygame.draw.rect(surf, (255, 236, 170), r, 1, border_radius=4)
        surf.blit(big, big.get_rect(midtop=(r.centerx, r.top + px(8))))
        surf.blit(small, small.get_rect(midbottom=(r.centerx, r.bottom - px(8))))
        self.paused_rect = r
