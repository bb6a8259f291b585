"""The play screen: the 3D scene, the HUD, and room for side panels.

Seams for the game screens:

- **World**: where strikes and module tints come from: an object with ``advance``,
  ``flashes`` and ``module_tints`` (the game's and the replay's worlds), never changed by
  the view. Without one (the title menu's backdrop) the Earth is the plain globe: no
  strikes, modules in their own colours, nothing to advance.
- **Panels**: ``screen.add_panel(panel, side="right", size=380)`` takes a strip of the
  window, ``size`` design pixels (at 1280x720) times the interface factor ``screen.ui_k``
  (:mod:`game.view.ui_scale`); the scene shrinks to the rest. A panel has
  ``draw(surface, rect, view_state)`` and ``handle_event(event, rect) -> bool`` (see
  :class:`Panel`).
- **Commands**: panels and screens call ``screen.emit(command)``; commands collect in
  ``app.commands`` for the simulation. The view itself never changes simulation state.
"""

from __future__ import annotations

import math

import pygame

from game.view import keymap
from game.view.app import Screen
from game.view.panels.hud import Hud, HudInfo
from game.view.render.astro import gmst_deg
from game.view.render.camera import CameraRig
from game.view.render.feed import OrbitFeed
from game.view.render.scene import Scene, ViewState, inset_box
from game.view.screens.help import HelpScreen
from game.view.ui_scale import ui_scale

DEFAULT_WARP = 30.0


class Panel:
    """Base for side panels (station schematic, orders, ...)."""

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, state: ViewState) -> None:
        surface.fill((10, 14, 26), rect)

    def handle_event(self, event: pygame.event.Event, rect: pygame.Rect) -> bool:
        return False


class PlayScreen(Screen):
    scales = True  # its panels and fonts follow the canvas (game.view.ui_scale)
    def __init__(self, orbit, start_unix_s: float, *, warp: float | None = None,
                 camera: str = "free", world=None, auto_camera: bool = False):
        super().__init__()
        self.feed = OrbitFeed(orbit, start_unix_s)
        self.start_unix_s = float(start_unix_s)
        self.t = self.t_prev = float(start_unix_s)
        self.warp = float(warp or DEFAULT_WARP)
        self.paused = False
        self.world = world  # None: the plain globe (see the module docstring)
        self.rig = CameraRig(camera)
        self.scene = Scene()
        self.hud = Hud()
        self.last_action = ""  # the keymap action the last key ran (game.view.keymap)
        self.show_fps = False
        self.show_track = True
        self.show_inset = True
        self.panels: list[tuple[Panel, str, int]] = []
        self._drag: tuple[int, int] | None = None
        self.auto_camera = auto_camera  # headless/bench: keep the camera moving
        self._auto_t = 0.0
        self._windows_cache: tuple[float, dict] = (-math.inf, {})
        self.ui_k = 1.0

    # -- seams -----------------------------------------------------------------------------
    def add_panel(self, panel: Panel, side: str = "right", size: int = 380) -> None:
        self.panels.append((panel, side, size))

    def emit(self, command) -> None:
        if self.app is not None:
            self.app.commands.append(command)

    def inset_rect(self, area: pygame.Rect) -> pygame.Rect | None:
        """Where the scene draws the station inset in ``area`` (None when hidden: it is
        shown only from the free camera)."""
        if not (self.show_inset and self.rig.mode == "free"):
            return None
        return inset_box(area, self.ui_k)

    def layout(self, surface: pygame.Surface) -> tuple[pygame.Rect, list[tuple]]:
        """(the 3D view's rectangle, [(panel, its rectangle)]) for this canvas; sets the
        interface factor ``ui_k`` for it."""
        area = surface.get_rect()
        self.ui_k = ui_scale(area.size)
        placed = []
        for panel, side, design in self.panels:
            size = int(round(design * self.ui_k))
            if side == "right":
                r = pygame.Rect(area.right - size, area.top, size, area.height)
                area.width -= size
            elif side == "left":
                r = pygame.Rect(area.left, area.top, size, area.height)
                area.left += size
                area.width -= size
            else:  # bottom
                r = pygame.Rect(area.left, area.bottom - size, area.width, size)
                area.height -= size
            placed.append((panel, r))
        return area, placed

    # -- input -----------------------------------------------------------------------------
    #: which of game.view.keymap's bindings this screen takes
    KEY_SCREENS: tuple[str, ...] = ("play",)
    #: the help's key groups on this screen
    HELP_GROUPS: tuple[str, ...] = ("View",)

    def handle_event(self, ev) -> bool:
        if self.app is not None and self.panels:
            _area, placed = self.layout(self.app.surface)
            for panel, r in placed:
                if getattr(ev, "pos", None) is not None and r.collidepoint(ev.pos):
                    if panel.handle_event(ev, r):
                        return True
        if ev.type == pygame.KEYDOWN:
            return keymap.dispatch(self, ev, self.KEY_SCREENS)
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            self._drag = ev.pos
            return True
        if ev.type == pygame.MOUSEBUTTONUP and ev.button == 1:
            self._drag = None
            return True
        if ev.type == pygame.MOUSEMOTION and self._drag is not None:
            if self.rig.mode == "free":
                self.rig.free.drag(ev.rel[0], ev.rel[1])
            return True
        if ev.type == pygame.MOUSEWHEEL:
            if self.rig.mode == "free":
                self.rig.free.zoom(ev.y)
            elif self.rig.mode == "follow":
                self.rig.follow.zoom(ev.y)
            return True
        return False

    # keymap actions (game.view.keymap): the view's own
    def act_help(self, _ev=None) -> None:
        self.app.push(HelpScreen(groups=self.HELP_GROUPS))

    def act_camera_free(self, _ev=None) -> None:
        self.rig.set_mode("free")

    def act_camera_follow(self, _ev=None) -> None:
        self.rig.set_mode("follow")

    def act_camera_cupola(self, _ev=None) -> None:
        self.rig.set_mode("cupola")

    def act_camera_cycle(self, _ev=None) -> None:
        self.rig.cycle()

    def act_camera_reset(self, _ev=None) -> None:
        self.rig.free.auto = True

    def act_track(self, _ev=None) -> None:
        self.show_track = not self.show_track

    def act_inset(self, _ev=None) -> None:
        self.show_inset = not self.show_inset

    def act_perf(self, _ev=None) -> None:
        self.show_fps = not self.show_fps

    # -- time ------------------------------------------------------------------------------
    def advance_clock(self, dt: float) -> None:
        """Let ``dt`` real seconds of the clock pass (at ``warp``), the world with it."""
        if not self.paused:
            if self.world is not None:  # the world's clock (its game's ticks) is the truth
                self.world.advance(dt * self.warp)
                self.t = self.start_unix_s + self.world.mission_s
            else:
                self.t += dt * self.warp

    def update(self, dt: float) -> None:
        self.t_prev = self.t
        self.advance_clock(dt)
        st = self.feed.state(self.t)
        self.rig.update(dt, st.lat_deg, st.lon_deg, gmst_deg(self.t))
        if self.auto_camera and self.rig.mode == "free":
            # As a player would: a slow drag around the Earth and a gentle zoom.
            self._auto_t += dt
            self.rig.free.auto = False
            self.rig.free.az_inertial_deg += 6.0 * dt
            self.rig.free.el_deg = 18.0 + 10.0 * math.sin(self._auto_t * 0.4)
            self.rig.free.dist = 3.7 + 0.25 * math.sin(self._auto_t * 0.3)

    def view_state(self, alpha: float = 0.0) -> ViewState:
        t = self.t_prev + (self.t - self.t_prev) * alpha
        st = self.feed.state(t)
        per = self.feed.period_s
        behind, ahead = self.feed.track(t, per, 2 * per) if self.show_track else (None, None)
        vs = ViewState(unix_s=t, iss=st, sun_ecef=self.feed.sun(t), camera_mode=self.rig.mode,
                       show_track=self.show_track,
                       # the inset is the station from outside: no use inside the Cupola
                       show_model_inset=self.show_inset and self.rig.mode != "cupola")
        if behind is not None:
            vs.track_behind, vs.track_ahead = behind, ahead
        if self.world is not None:
            vs.flashes, vs.module_tints = self.world.flashes(), self.world.module_tints()
        return vs

    def hud_info(self, vs: ViewState) -> HudInfo:
        when, wins = self._windows_cache
        if abs(vs.unix_s - when) > 5.0:
            wins = self.feed.next_windows(vs.unix_s)
            self._windows_cache = (vs.unix_s, wins)
        return HudInfo(unix_s=vs.unix_s, mission_s=vs.unix_s - self.start_unix_s,
                       warp=self.warp, paused=self.paused, lat_deg=vs.iss.lat_deg,
                       lon_deg=vs.iss.lon_deg, alt_km=vs.iss.alt_km, sunlit=vs.iss.sunlit,
                       sun_event=self.feed.next_sun_event(vs.unix_s), windows=wins,
                       camera=self.rig.mode,
                       fps=(self.app.fps if self.show_fps and self.app is not None else None),
                       perf=self.perf_line() if self.show_fps else None)

    def perf_line(self) -> str:
        """F3: frames a second, the last frame's work in ms, the 3D view's resolution."""
        fps = self.app.fps if self.app is not None else 0.0
        ms = self.app.frame_ms if self.app is not None else 0.0
        w, h = self.scene.render_size
        return f"{fps:5.1f} fps  {ms:5.1f} ms  3D {w}x{h}"

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        vs = self.view_state(alpha)
        area, placed = self.layout(surface)
        cam = self.rig.camera(vs.gmst_deg, vs.iss.pos, vs.iss.vel)
        self.scene.ui_k = self.ui_k
        self.scene.draw(surface, area, vs, cam)
        self.hud.set_scale(self.ui_k)
        self.hud.draw(surface, area, self.hud_info(vs))
        for panel, r in placed:
            panel.draw(surface, r, vs)
