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
the last step and the next, so motion stays smooth at any frame rate. Headless
(``frames=N``) runs exactly one step per frame, as at 60 fps, with no frame cap.
"""

from __future__ import annotations

import os
import time

import pygame

from game.errors import UserError

STEP_S = 1.0 / 60.0
MAX_FRAME_S = 0.25
DEFAULT_SIZE = (1280, 720)


class Screen:
    overlay = False  # True: the screen below is drawn first (e.g. a help box)

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
        self.windowed_size = size
        self.fullscreen = False
        flags = 0 if headless else pygame.RESIZABLE
        try:
            self.surface = pygame.display.set_mode(size, flags)
        except pygame.error as exc:
            raise UserError(f"cannot open a window ({exc}); try --headless") from None
        pygame.display.set_caption(title)
        self.screens: list[Screen] = []
        self.commands: list = []  # commands for the simulation; screens append, sim drains
        self.running = True
        self.frame_times: list[float] = []
        self.fps = 0.0

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
            self.windowed_size = self.surface.get_size()
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def _global_event(self, ev: pygame.event.Event) -> bool:
        if ev.type == pygame.QUIT:
            self.running = False
            return True
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if ev.type == pygame.VIDEORESIZE and not self.fullscreen:
            self.surface = pygame.display.get_surface()
            return False
        return False

    def _draw(self, alpha: float) -> None:
        start = len(self.screens) - 1
        while start > 0 and self.screens[start].overlay:
            start -= 1
        for s in self.screens[start:]:
            s.draw(self.surface, alpha)

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
                    self.top.handle_event(ev)
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
            pygame.display.flip()
            n += 1
            if frames is not None and n >= frames:
                break
            if frames is None and not self.headless:
                time.sleep(0.0005)  # yield a little; the loop is otherwise uncapped


def _display_available() -> bool:
    drv = os.environ.get("SDL_VIDEODRIVER", "")
    if drv in ("dummy", "offscreen"):
        return True
    if os.name == "nt" or os.uname().sysname == "Darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or drv)
