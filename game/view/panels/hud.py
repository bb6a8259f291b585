"""Heads-up display: clocks, the pace, where the ISS is, sunlight, the next ground windows.

Text uses the game's bundled font (:func:`game.view.widgets.font`). Rendered lines come
from the interface's one text cache (``widgets.render_line``): a HUD line costs nothing
until it changes. The keys are in the help (F1), generated from :mod:`game.view.keymap`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.facts.ground import GROUND_STATIONS, MISSION_CONTROL
from game.session.wording import fmt_duration, fmt_utc
from game.view.widgets import font, render_line, veil, wrap


@dataclass
class HudInfo:
    """What the HUD shows; plain data prepared by the screen."""

    unix_s: float
    mission_s: float
    warp: float
    paused: bool
    lat_deg: float
    lon_deg: float
    alt_km: float
    sunlit: bool
    sun_event: tuple[str, float] | None  # ("sunset"|"sunrise", seconds until)
    windows: dict | None = field(default_factory=dict)  # id -> Window | None; None: not shown
    camera: str = "free"
    fps: float | None = None
    perf: str | None = None  # F3: "60 fps  9.1 ms  3D 960x540"; None: not shown
    pace: str | None = None  # the game's adaptive pace in words ("pace 240x - quiet")
    ended: bool = False  # the game is over: the mission clock stands


class Text:
    def __init__(self, size: int = 22):
        self.size = size
        self.font = font(size)

    def set_scale(self, k: float) -> None:
        self.font = font(max(8, round(self.size * k)))

    def render(self, text: str, colour=(225, 232, 245)) -> pygame.Surface:
        return render_line(self.font, text, colour)


class Hud:
    """The orbit HUD at the top of the 3D view. ``k`` (set with :meth:`set_scale`) is the
    interface factor (:mod:`game.view.ui_scale`); ``rects`` says where each block went as
    last drawn ("clock", "camera", "hint", "fps"), and ``bottom`` where the clock box ends."""

    def __init__(self):
        self.text = Text(22)
        self.big = Text(30)
        self.small = Text(18)
        self.k = 1.0
        self.rects: dict[str, pygame.Rect] = {}
        self.bottom = 0

    def set_scale(self, k: float) -> None:
        self.k = k
        for t in (self.text, self.big, self.small):
            t.set_scale(k)

    def px(self, v: float) -> int:
        return int(round(v * self.k))

    def _window_line(self, name: str, w, now: float) -> tuple[str, tuple]:
        if w is None:
            return f"{name}: no window in the next day", (170, 170, 180)
        if w.rise_unix_s <= now <= w.set_unix_s:
            return (f"{name}: IN VIEW, {fmt_duration(w.set_unix_s - now)} left "
                    f"(max {w.max_elevation_deg:.0f} deg)"), (130, 255, 150)
        return (f"{name}: next window in {fmt_duration(w.rise_unix_s - now)} "
                f"(max {w.max_elevation_deg:.0f} deg)"), (225, 232, 245)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, info: HudInfo) -> None:
        lat = f"{abs(info.lat_deg):.2f} {'N' if info.lat_deg >= 0 else 'S'}"
        lon = f"{abs(info.lon_deg):.2f} {'E' if info.lon_deg >= 0 else 'W'}"
        if info.sun_event is None:
            sun = "sunlit" if info.sunlit else "eclipse"
        else:
            kind, dt = info.sun_event
            sun = f"{'SUNLIT' if info.sunlit else 'ECLIPSE'} - {kind} in {fmt_duration(dt)}"
        lines = [
            (fmt_utc(info.unix_s), (255, 255, 255), self.big),
            (f"Mission T+{fmt_duration(info.mission_s)}    "
             + ("ENDED" if info.ended else
                (info.pace or f"warp {info.warp:g}x") + ("    PAUSED" if info.paused else "")),
             (225, 232, 245), self.text),
            (f"ISS  {lat}  {lon}  alt {info.alt_km:.0f} km", (225, 232, 245), self.text),
            (sun, (255, 220, 120) if info.sunlit else (150, 175, 255), self.text),
        ]
        for sid in MISSION_CONTROL.values():
            name = GROUND_STATIONS[sid].short
            if info.windows is None:  # the game screen shows them with the order rules
                break
            t, c = self._window_line(name, info.windows.get(sid), info.unix_s)
            lines.append((t, c, self.text))
        px = self.px
        cam = {"free": "Free camera (drag, wheel)", "follow": "Following the ISS",
               "cupola": "Cupola: looking straight down"}.get(info.camera, info.camera)
        cs = self.text.render(cam, (200, 210, 230))
        hint = self.small.render("F1 help", (150, 160, 180))
        perf_w = self.small.font.size(info.perf)[0] if info.perf is not None else 0
        right_w = max(cs.get_width(), hint.get_width(), perf_w) + px(14)
        # The clock box keeps clear of the camera label: a long line (the pace's reason on
        # a small window) wraps rather than losing its point.
        room = max(rect.width - right_w - px(20 + 20 + 10), px(120))
        surfs = []
        for t, c, f in lines:
            s = f.render(t, c)
            if s.get_width() <= room:
                surfs.append(s)
                continue
            for chunk in t.split("    "):  # the mission clock first, the pace below it
                surfs += [f.render(part, c) for part in wrap(f.font, chunk, room)]
        w = max(s.get_width() for s in surfs) + px(20)
        gap = px(3)
        h = sum(s.get_height() + gap for s in surfs) + px(14)
        box = pygame.Rect(rect.left + px(10), rect.top + px(10), w, h)
        veil(surf, box, (4, 8, 20, 150))
        self.rects = {"clock": box}
        self.bottom = box.bottom
        y = rect.top + px(17)
        for s in surfs:
            surf.blit(s, (rect.left + px(20), y))
            y += s.get_height() + gap
        self.rects["camera"] = surf.blit(cs, (rect.right - cs.get_width() - px(14),
                                              rect.top + px(12)))
        self.rects["hint"] = surf.blit(hint, (rect.right - hint.get_width() - px(14),
                                              rect.top + px(12) + cs.get_height() + px(2)))
        if info.perf is not None:  # F3: under the camera label, clear of the toasts
            fs = self.small.render(info.perf, (120, 255, 140))
            self.rects["fps"] = surf.blit(fs, (rect.right - fs.get_width() - px(14),
                                               self.rects["hint"].bottom + px(4)))
