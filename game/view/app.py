"""The window, a stack of screens, and a fixed-timestep loop with render interpolation.

Screens (title menu, play, help overlay, ...) share one small interface::

    class MyScreen(Screen):
        def handle_event(self, event) -> bool: ...   # True = consumed
        def update(self, dt: float) -> None: ...      # one fixed step of real time
        def draw(self, surface, alpha: float) -> None # alpha in [0, 1): between steps

``app.push(screen)`` puts a screen on top (an overlay if ``screen.overlay`` is True: the
screens below still draw, but only the top one gets events and updates), ``app.pop()``
removes it, ``app.replace(screen)`` swaps the top. Screens never change the simulation:
they append commands to ``app.commands`` for whoever runs it.

The loop is the "Game Loop" pattern: updates run in fixed steps of ``STEP_S`` real
seconds however fast frames are drawn, and ``draw`` gets how far the clock is between
the last step and the next, so motion stays smooth at any frame rate. A window is capped
at the display's refresh rate (60 Hz when SDL cannot tell): the loop sleeps out the rest of
each frame instead of burning a core. Headless (``frames=N``) runs exactly one step per
frame, as at 60 fps, with no frame cap.

Sizes: screens draw on ``app.surface``, the *canvas*. At or above :data:`MIN_SIZE` (the
smallest size the layout is designed for) the canvas is the window itself. Below it, the
canvas is the window's shape scaled up until it holds :data:`MIN_SIZE`, and each frame is
scaled down into the window; mouse positions are mapped back, so a tiny window still plays
(smaller), never crashes. ``app.frame_ms`` is the last frame's work (update, draw, flip)
without the capped wait; ``app.fps`` the frames a second over the last half second.
"""

from __future__ import annotations

import math
import os
import re
import time

import pygame

from game.errors import UserError
from game.view.ui_scale import ui_scale

STEP_S = 1.0 / 60.0
MAX_FRAME_S = 0.25
DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (1024, 640)  # the smallest canvas the layout is designed for
MAX_SIZE = (16384, 16384)
DEFAULT_FPS = 60


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> (1920, 1080); a UserError naming the flag for anything else."""
    m = re.fullmatch(r"\s*(\d{1,5})\s*[xX]\s*(\d{1,5})\s*", text or "")
    if not m:
        raise UserError(f"'{text}': expected WIDTHxHEIGHT, e.g. 1920x1080", where="--size")
    w, h = int(m.group(1)), int(m.group(2))
    if not (1 <= w <= MAX_SIZE[0] and 1 <= h <= MAX_SIZE[1]):
        raise UserError(f"'{text}': each side must be 1 to {MAX_SIZE[0]} pixels",
                        where="--size")
    return w, h


def canvas_size(window: tuple[int, int]) -> tuple[int, int]:
    """The canvas for a window: the window itself when it holds :data:`MIN_SIZE`, else the
    window's shape scaled up (aspect kept) until it does."""
    w, h = max(int(window[0]), 1), max(int(window[1]), 1)
    if w >= MIN_SIZE[0] and h >= MIN_SIZE[1]:
        return w, h
    k = max(MIN_SIZE[0] / w, MIN_SIZE[1] / h)
    return max(MIN_SIZE[0], int(math.ceil(w * k))), max(MIN_SIZE[1], int(math.ceil(h * k)))


class Screen:
    overlay = False  # True: the screen below is drawn first (e.g. a help box)
    #: True: the screen sizes its panels and fonts to the canvas itself (the game and the
    #: replay, through game.view.ui_scale). False: it is laid out at the design size and
    #: the App draws it there and scales it up to a large canvas (menus, help, the end).
    scales = False

    def __init__(self):
        self.app: App | None = None

    def on_enter(self) -> None: ...

    def on_exit(self) -> None: ...

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None: ...

    def draw(self, surface: pygame.Surface, alpha: float) -> None: ...


class DismissibleOverlay(Screen):
    """An overlay (help, notes) that any key or click closes; F11 still toggles full screen."""

    overlay = True

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
                return False
            self.app.pop()
            return True
        return False


class App:
    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE, *, headless: bool = False,
                 title: str = "I.S.S."):
        if headless:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
            os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        elif not _display_available():
            raise UserError("no display available; use --headless --frames N --screenshot PNG")
        pygame.display.init()
        pygame.font.init()
        self.headless = headless
        size = (max(int(size[0]), 1), max(int(size[1]), 1))
        self.windowed_size = size
        self.fullscreen = False
        flags = 0 if headless else pygame.RESIZABLE
        try:
            self.window = pygame.display.set_mode(size, flags)
        except pygame.error as exc:
            raise UserError(f"cannot open a window ({exc}); try --headless") from None
        if not headless:
            pygame.display.set_caption(title)
        self.surface = self.window
        self._design: pygame.Surface | None = None  # see _draw_at_design
        self._fit_canvas()
        self.screens: list[Screen] = []
        self.commands: list = []  # commands for the simulation; screens append, sim drains
        self.running = True
        self.frame_times: list[float] = []
        self.fps = 0.0
        self.frame_ms = 0.0
        self.max_fps = DEFAULT_FPS if headless else _refresh_rate()

    # -- canvas --------------------------------------------------------------------------
    @property
    def scaled(self) -> bool:
        """True when the window is below MIN_SIZE and the canvas is scaled into it."""
        return self.surface is not self.window

    def _fit_canvas(self) -> None:
        """The canvas for the current window (see the module docstring)."""
        wsize = self.window.get_size()
        csize = canvas_size(wsize)
        if csize == wsize:
            self.surface = self.window
        elif self.surface is self.window or self.surface.get_size() != csize:
            self.surface = pygame.Surface(csize).convert()
        self._k = csize[0] / max(wsize[0], 1)  # canvas px per window px

    def _present(self) -> None:
        if self.scaled:
            pygame.transform.smoothscale(self.surface, self.window.get_size(), self.window)
        pygame.display.flip()

    def _to_canvas(self, ev: pygame.event.Event) -> pygame.event.Event:
        """A mouse event with its position (and motion) in canvas pixels."""
        if not self.scaled:
            return ev
        return _scaled_event(ev, self._k)

    # -- screens laid out at the design size (Screen.scales False) -----------------------
    def design_k(self, screen: Screen) -> float:
        """Canvas pixels per pixel of ``screen``'s own surface: 1 for a screen that scales
        itself or on a canvas no bigger than the design; else the interface factor
        (1.5 at 1920x1080, 3 at 3840x2160), so menus and help are as big as the game's."""
        if screen.scales:
            return 1.0
        return max(ui_scale(self.surface.get_size()), 1.0)

    def screen_size(self, screen: Screen) -> tuple[int, int]:
        """The size of the surface ``screen`` draws on (and lays its rectangles out in)."""
        k = self.design_k(screen)
        w, h = self.surface.get_size()
        return (w, h) if k == 1.0 else (max(int(round(w / k)), 1), max(int(round(h / k)), 1))

    def mouse_pos(self, screen: Screen) -> tuple[int, int]:
        """The mouse in ``screen``'s pixels (pygame.mouse.get_pos is in window pixels)."""
        x, y = pygame.mouse.get_pos()
        k = (self._k if self.scaled else 1.0) / self.design_k(screen)
        return int(x * k), int(y * k)

    def _to_screen(self, screen: Screen, ev: pygame.event.Event) -> pygame.event.Event:
        k = self.design_k(screen)
        return ev if k == 1.0 else _scaled_event(ev, 1.0 / k)

    def _draw_at_design(self, screen: Screen, alpha: float) -> None:
        """Draw ``screen`` at its design size and scale it up onto the canvas; an overlay
        draws over a scaled-down copy of what is below it (which softens it while the
        overlay is up: the game underneath is paused or dimmed then)."""
        size = self.screen_size(screen)
        if self._design is None or self._design.get_size() != size:
            self._design = pygame.Surface(size, 0, self.surface)
        if screen.overlay:
            pygame.transform.smoothscale(self.surface, size, self._design)
        screen.draw(self._design, alpha)
        pygame.transform.smoothscale(self._design, self.surface.get_size(), self.surface)

    # -- screen stack --------------------------------------------------------------------
    @property
    def top(self) -> Screen | None:
        return self.screens[-1] if self.screens else None

    def push(self, screen: Screen) -> None:
        screen.app = self
        self.screens.append(screen)
        screen.on_enter()

    def pop(self) -> Screen | None:
        if not self.screens:
            return None
        s = self.screens.pop()
        s.on_exit()
        if not self.screens:
            self.running = False
        return s

    def replace(self, screen: Screen) -> None:
        if self.screens:
            self.screens.pop().on_exit()
        self.push(screen)

    def quit(self) -> None:
        self.running = False

    # -- window --------------------------------------------------------------------------
    def toggle_fullscreen(self) -> None:
        if self.headless:
            return
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.windowed_size = self.window.get_size()
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self._fit_canvas()

    def _global_event(self, ev: pygame.event.Event) -> bool:
        if ev.type == pygame.QUIT:
            self.running = False
            return True
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if ev.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED) and not self.fullscreen:
            self.window = pygame.display.get_surface()
            self._fit_canvas()
            return False
        return False

    def resize(self, size: tuple[int, int]) -> None:
        """Make the window (or the off-screen surface) ``size``, as a player's drag would."""
        size = (max(int(size[0]), 1), max(int(size[1]), 1))
        self.window = pygame.display.set_mode(size, 0 if self.headless else pygame.RESIZABLE)
        self._fit_canvas()

    def _draw(self, alpha: float) -> None:
        start = len(self.screens) - 1
        while start > 0 and self.screens[start].overlay:
            start -= 1
        for s in self.screens[start:]:
            if self.design_k(s) == 1.0:
                s.draw(self.surface, alpha)
            else:
                self._draw_at_design(s, alpha)

    # -- the loop ------------------------------------------------------------------------
    def run(self, frames: int | None = None) -> None:
        """Run until quit, or for exactly ``frames`` frames (one fixed step each)."""
        clock = time.perf_counter
        prev = clock()
        lag = 0.0
        n = 0
        while self.running and self.screens:
            now = clock()
            elapsed = min(now - prev, MAX_FRAME_S)
            prev = now
            self.frame_times.append(elapsed)
            if len(self.frame_times) > 120:
                del self.frame_times[:60]
            recent = self.frame_times[-30:]
            self.fps = len(recent) / max(sum(recent), 1e-9)
            for ev in pygame.event.get():
                if not self._global_event(ev) and self.top is not None:
                    self.top.handle_event(self._to_screen(self.top, self._to_canvas(ev)))
            if frames is not None:
                steps, alpha = 1, 0.0
            else:
                lag += elapsed
                steps = int(lag / STEP_S)
                lag -= steps * STEP_S
                alpha = lag / STEP_S
            for _ in range(steps):
                if self.top is not None:
                    self.top.update(STEP_S)
            if not self.screens:
                break
            self._draw(alpha)
            self._present()
            n += 1
            self.frame_ms = (clock() - now) * 1000.0
            if frames is not None and n >= frames:
                break
            if frames is None and self.max_fps:
                # The frame cap: sleep out what is left of this frame's share of a second.
                rest = 1.0 / self.max_fps - (clock() - now)
                if rest > 0.0005:
                    time.sleep(rest)


def _scaled_event(ev: pygame.event.Event, k: float) -> pygame.event.Event:
    """A mouse event with its position (and motion) times ``k``; other events as they are."""
    if not hasattr(ev, "pos"):
        return ev
    d = dict(ev.dict)
    d["pos"] = (int(ev.pos[0] * k), int(ev.pos[1] * k))
    if "rel" in d:
        d["rel"] = (int(round(ev.rel[0] * k)), int(round(ev.rel[1] * k)))
    return pygame.event.Event(ev.type, d)


def _refresh_rate() -> int:
    """The display's refresh rate in Hz (60 when SDL does not know it)."""
    try:
        hz = int(pygame.display.get_current_refresh_rate())
    except (pygame.error, AttributeError):  # no display, or a pygame without the call:
        hz = 0  # refresh rate unknown
    return hz if 24 <= hz <= 500 else DEFAULT_FPS


def _display_available() -> bool:
    drv = os.environ.get("SDL_VIDEODRIVER", "")
    if drv in ("dummy", "offscreen"):
        return True
    if os.name == "nt" or os.uname().sysname == "Darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or drv)
