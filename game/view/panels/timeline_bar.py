"""The replay screen's timeline bar: play state and speed, the whole game with its events
marked, the play head, both clocks and the keys.

Markers sit in three rows (the war, orders and acts, the crew's deeds), coloured by
kind as the log colours them (``session.palette.event_colour``); hovering shows the
moment and the nearest event. The ending is named only once the play head reaches it, or
when the screen's ``show_ending`` is on.
The bar draws; the replay screen handles its mouse (a drag may leave the bar).
"""

from __future__ import annotations

import pygame

from game.replay.api import NOTABLE_KINDS
from game.session.palette import EVENT_COLOUR, PALETTE, event_colour
from game.session.wording import ENDING_TITLES, fmt_duration
from game.view import keymap
from game.view.widgets import font

BAR_H = 78
KEY_HINTS = keymap.hint_line("replay")  # from the one keymap (game.view.keymap)

# look of the bar
BAR_BG = (9, 13, 26)
BAR_EDGE = (44, 56, 88)
TRACK = (34, 44, 70)
TRACK_FILL = (92, 148, 255)
HEAD = (255, 255, 255)
TEXT = (225, 232, 245)
DIM = (140, 152, 178)
AMBER = (255, 190, 90)
RED = (255, 100, 95)
MARK_ROW = {"flash": 0, "strike": 0, "station_silenced": 0, "order_received": 1, "act": 1,
            "captured": 2, "restrained": 2, "seize_started": 2, "truce_started": 2, "left": 2,
            "ended": 2}


def fmt_speed(speed: float) -> str:
    return {0.25: "\u00bcx", 0.5: "\u00bdx"}.get(speed, f"{speed:g}x")


class TimelineBar:
    """The bar: play state and speed, the track with markers and play head, clocks."""

    def __init__(self, screen):  # a ReplayScreen: its player, show_ending
        self.screen = screen
        self.player = screen.player
        self.k = 0.0
        self._set_scale(1.0)
        self.track = pygame.Rect(0, 0, 0, 0)
        self.hover_x: int | None = None
        self._marks = self.player.markers((*NOTABLE_KINDS, "strike"))
        self._cache: pygame.Surface | None = None
        self._cache_key = None

    # geometry
    def _set_scale(self, k: float) -> None:
        """Fonts and lengths for the factor ``k`` (the bar is BAR_H design px tall)."""
        if k == self.k:
            return
        self.k = k
        self.f_big = font(max(8, round(26 * k)))
        self.f = font(max(8, round(20 * k)))
        self.f_small = font(max(8, round(17 * k)))
        self._cache = None

    def px(self, v: float) -> int:
        return int(round(v * self.k))

    def layout(self, rect: pygame.Rect) -> None:
        self._set_scale(round(rect.height / BAR_H, 3))
        px = self.px
        self.track = pygame.Rect(rect.left + px(150), rect.top + px(30),
                                 rect.width - px(150 + 250), max(6, px(12)))

    def tick_at(self, x: int) -> int:
        tr = self.track
        frac = min(max((x - tr.left) / max(1, tr.width), 0.0), 1.0)
        return int(round(frac * self.player.end_tick))

    def x_of(self, tick: float) -> int:
        tr = self.track
        return tr.left + int(round(tr.width * tick / max(1, self.player.end_tick)))

    # drawing
    def draw(self, surface: pygame.Surface, rect: pygame.Rect, state=None) -> None:
        self.layout(rect)
        px = self.px
        key = (rect.size, rect.topleft)
        if self._cache is None or self._cache_key != key:
            self._cache = self._static(rect)
            self._cache_key = key
        surface.blit(self._cache, rect.topleft)
        p = self.player
        tr = self.track
        head_x = self.x_of(p.position)
        # played part
        fill = pygame.Rect(tr.left, tr.top, max(0, head_x - tr.left), tr.height)
        pygame.draw.rect(surface, TRACK_FILL, fill, border_radius=6)
        # markers over the played part stay visible
        for _e, x, y, h, col in self._mark_geometry(rect):
            if x <= head_x:
                pygame.draw.line(surface, col, (x, y), (x, y + h), 2)
        # play head
        pygame.draw.line(surface, HEAD, (head_x, tr.top - px(9)), (head_x, tr.bottom + px(9)), 2)
        pygame.draw.circle(surface, HEAD, (head_x, tr.centery), px(8))
        pygame.draw.circle(surface, TRACK_FILL, (head_x, tr.centery), px(4))
        # play/pause button and speed
        self._draw_button(surface, pygame.Rect(rect.left + px(16), rect.top + px(14), px(40),
                                               px(40)))
        sp = self.f_big.render(fmt_speed(p.speed), True, TEXT)
        surface.blit(sp, (rect.left + px(68), rect.top + px(16)))
        surface.blit(self.f_small.render("speed", True, DIM),
                     (rect.left + px(68), rect.top + px(38)))
        # clocks
        warp = p.warp
        mission = self.f_big.render(f"{fmt_duration(p.position, hours=True)}", True, TEXT)
        x0 = tr.right + px(24)
        surface.blit(mission, (x0, rect.top + px(12)))
        end = fmt_duration(p.end_tick, hours=True)
        surface.blit(self.f_small.render(f"mission / {end}", True, DIM),
                     (x0 + mission.get_width() + px(6), rect.top + px(18)))
        play = f"{fmt_duration(p.position / warp)} / {fmt_duration(p.end_tick / warp)}"
        surface.blit(self.f.render(f"play {play}   tick {p.tick}", True, DIM),
                     (x0, rect.top + px(38)))
        # the ending: named once the play head reaches it, or on request (e)
        if p.desync is None and not p.replay.warning:
            ending = self.ending_label()
            if ending is not None:
                surface.blit(self.f.render(ending[0], True, ending[1]), (tr.left, rect.top + px(6)))
        # hover: time and the nearest event
        hover_band = tr.inflate(0, px(30))
        if self.hover_x is not None and hover_band.collidepoint(self.hover_x, tr.centery):
            self._draw_hover(surface, rect)

    def _static(self, rect: pygame.Rect) -> pygame.Surface:
        """Background, track, unplayed markers, legend: drawn once per size."""
        px = self.px
        surf = pygame.Surface(rect.size, pygame.SRCALPHA)
        surf.fill((*BAR_BG, 236))
        pygame.draw.line(surf, BAR_EDGE, (0, 0), (rect.width, 0), 1)
        off = pygame.Vector2(rect.topleft)
        tr = self.track.move(-off.x, -off.y)
        pygame.draw.rect(surf, TRACK, tr, border_radius=6)
        # hour ticks of mission time
        p = self.player
        for h in range(1, int(p.end_tick // 3600) + 1):
            x = tr.left + int(tr.width * h * 3600 / max(1, p.end_tick))
            pygame.draw.line(surf, (70, 84, 120), (x, tr.bottom + px(3)), (x, tr.bottom + px(7)), 1)
            if p.end_tick <= 30 * 3600 and (p.end_tick < 12 * 3600 or h % 2 == 0):
                lab = self.f_small.render(f"{h}h", True, (96, 110, 146))
                surf.blit(lab, (x - lab.get_width() // 2, tr.bottom + px(8)))
        for _e, x, y, h, col in self._mark_geometry(rect):
            x, y = x - off.x, y - off.y
            pygame.draw.line(surf, _dim(col), (x, y), (x, y + h), 2)
        # legend and notes
        x = tr.left
        y = rect.height - px(18)
        legend = (("flash", EVENT_COLOUR["flash"]), ("strike", EVENT_COLOUR["strike"]),
                  ("order", EVENT_COLOUR["order_received"]), ("capture", PALETTE["us"]),
                  ("end", EVENT_COLOUR["ended"]))
        for label, col in legend:
            pygame.draw.line(surf, col, (x, y + px(1)), (x, y + px(11)), max(2, px(3)))
            t = self.f_small.render(label, True, DIM)
            surf.blit(t, (x + px(6), y))
            x += t.get_width() + px(20)
        kt = self.f_small.render(KEY_HINTS, True, (110, 122, 150))
        surf.blit(kt, (tr.right - kt.get_width(), y))
        note = None
        if p.desync is not None:
            note = (f"desync at tick {p.desync.tick}", RED)
        elif p.replay.warning:
            note = ("cut short: plays to its last line", AMBER)
        if note:  # the ending, if any, is drawn live: it shows only once reached
            t = self.f.render(note[0], True, note[1])
            surf.blit(t, (tr.left, px(6)))
        if p.desync is not None:
            x = tr.left + int(tr.width * p.desync.tick / max(1, p.end_tick))
            pygame.draw.polygon(surf, RED, [(x, tr.top - 2), (x - px(6), tr.top - px(10)),
                                            (x + px(6), tr.top - px(10))])
        return surf

    def ending_tick(self) -> int:
        """Where the ending happens: the "ended" event, else the end of the replay."""
        return next((e.tick for e in self._marks if e.kind == "ended"), self.player.end_tick)

    def ending_revealed(self) -> bool:
        return self.screen.show_ending or self.player.tick >= self.ending_tick()

    def ending_label(self) -> tuple[str, tuple] | None:
        """(text, colour) for the line over the track, or None (no ending recorded)."""
        result = self.player.replay.result
        if result is None or not result.get("ending"):
            return None
        if self.ending_revealed():
            return _ending_title(result["ending"]), (200, 215, 240)
        return "Ending hidden until the play head gets there (e shows it)", (96, 110, 146)

    def _mark_geometry(self, rect: pygame.Rect):
        px = self.px
        tr = self.track
        out = []
        last_x: dict[int, int] = {}
        for e in self._marks:
            x = self.x_of(e.tick)
            row = MARK_ROW.get(e.kind, 2)
            if last_x.get(row) == x and e.kind in ("flash", "strike"):
                continue
            last_x[row] = x
            col = event_colour(e)
            if row == 0:
                y, h = tr.top - px(8), px(6)
            elif row == 1:
                y, h = tr.top - px(10), tr.height + px(20)
            else:
                y, h = tr.bottom + px(2), px(7)
            if e.kind == "ended":
                y, h = tr.top - px(10), tr.height + px(20)
            out.append((e, x, y, h, col))
        return out

    def _draw_button(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        px = self.px
        pygame.draw.rect(surface, (30, 40, 66), r, border_radius=px(8))
        pygame.draw.rect(surface, BAR_EDGE, r, 1, border_radius=px(8))
        c = r.center
        if self.player.playing:
            pygame.draw.rect(surface, TEXT, (c[0] - px(8), c[1] - px(9), px(5), px(18)))
            pygame.draw.rect(surface, TEXT, (c[0] + px(3), c[1] - px(9), px(5), px(18)))
        else:
            pygame.draw.polygon(surface, TEXT, [(c[0] - px(6), c[1] - px(10)),
                                                (c[0] - px(6), c[1] + px(10)),
                                                (c[0] + px(10), c[1])])

    def _draw_hover(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        px = self.px
        tick = self.tick_at(self.hover_x)
        near = None
        best = px(7)
        for e in self._marks:
            d = abs(self.x_of(e.tick) - self.hover_x)
            if d < best:
                best, near = d, e
        text = fmt_duration(tick, hours=True)
        if near is not None:
            what = near.text
            if near.kind == "ended" and not self.ending_revealed():
                what = "the end (e shows the ending)"
            text = f"{fmt_duration(near.tick, hours=True)}  {what}"
        t = self.f_small.render(text[:110], True, TEXT)
        box = pygame.Rect(0, 0, t.get_width() + px(12), t.get_height() + px(8))
        box.midbottom = (self.hover_x, rect.top - px(4))
        box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, (20, 26, 46), box, border_radius=5)
        pygame.draw.rect(surface, BAR_EDGE, box, 1, border_radius=5)
        surface.blit(t, (box.left + px(6), box.top + px(4)))

    def handle_event(self, ev, rect: pygame.Rect) -> bool:
        return False  # the screen handles the bar's mouse (drags may leave the bar)


def _dim(c):
    return tuple(int(v * 0.6) for v in c)


def _ending_title(ending: str) -> str:
    return "Ending: " + ENDING_TITLES.get(ending, ending)
