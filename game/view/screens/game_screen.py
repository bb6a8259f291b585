"""The game: the play screen with the simulation behind it, the schematic, the rules HUD.

:class:`GameScreen` is a :class:`~game.view.screens.play.PlayScreen` whose world is a
:class:`~game.session.world.SimWorld`. Each fixed step it drains ``app.commands`` into
the game (even while paused: orders can be given on a paused clock), then lets mission
time pass; the simulation advances by whole ticks. When the game ends it shows
:class:`EndScreen` (the ending in words, what happened; new game / title / quit).

Esc opens :class:`PauseMenu` (resume / leave to title / quit) rather than leaving. Only
the top screen of the app is updated, so mission time stands still while any overlay is
up (the pause menu, help, the orbit panel) and runs on when it closes; Space is the one
pause that lasts, and the game says so in large letters (PAUSED - press Space to resume).

Modes come from the set-up: one human side against the AI, both human (hot-seat: Tab
hands command to the other side, shown in the panel header), or both AI (watch).
"""

from __future__ import annotations

import pygame

from game.session.world import SimWorld
from game.view.panels.game_hud import GameHud
from game.view.panels.schematic import SchematicPanel
from game.view.screens.end_screen import EndScreen
from game.view.screens.help import GameHelpScreen
from game.view.screens.pause_menu import PauseMenu
from game.view.screens.play import WARPS, PlayScreen

PANEL_W = 560
END_DELAY_S = 1.5  # real seconds between the ending and the summary (see the last events)


class GameScreen(PlayScreen):
    def __init__(self, setup, *, camera: str = "free", auto_camera: bool = False,
                 record: bool | None = None, sound=None, world: SimWorld | None = None):
        # record None: record when the window is real (decided in on_enter, once the app
        # is known): windowed games save themselves, headless ones (screenshots, tests,
        # benches) do not. True/False force it.
        self.record = record
        world = world or SimWorld(setup, record=bool(record))
        super().__init__(setup.orbit, world.start_unix_s, warp=setup.warp,
                         camera=camera, world=world, auto_camera=auto_camera)
        self.setup = setup
        self.sim = world
        self.game_hud = GameHud()
        self.panel = SchematicPanel(world, self.emit)
        self.add_panel(self.panel, "right", PANEL_W)
        self.sound = sound
        if sound is not None:
            world.listeners.append(sound.on_world)
        self._end_timer = -1.0
        self.ended_shown = False
        if world.commanding is not None:
            self.panel.select_next()
            self.panel.hint = ""

    # -- input -----------------------------------------------------------------------------
    def handle_event(self, ev) -> bool:
        if ev.type == pygame.KEYDOWN:
            k = ev.key
            if k in (pygame.K_F1, pygame.K_QUESTION) or ev.unicode == "?":
                self.app.push(GameHelpScreen())
                return True
            if k == pygame.K_TAB:
                self.switch_side()
                return True
            if k in (pygame.K_MINUS, pygame.K_KP_MINUS):
                self.warp = next((w for w in reversed(WARPS) if w < self.warp), WARPS[0])
                return True
            if k in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
                self.warp = next((w for w in WARPS if w > self.warp), WARPS[-1])
                return True
            if k == pygame.K_o:
                self.open_orbits()
                return True
            if k == pygame.K_ESCAPE:
                self.app.push(PauseMenu(self))
                return True
            if self.panel.handle_key(ev):
                return True
        return super().handle_event(ev)

    def switch_side(self) -> None:
        if len(self.sim.humans) < 2:
            self.sim.refusals.append(("Tab hands over only in hot-seat (both sides human)", 3.0))
            return
        self.sim.switch_side()
        self.panel.selected = None
        self.panel.pending = None
        self.panel.select_next()
        self.panel.hint = ""

    def open_orbits(self) -> None:
        from game.view.screens.orbit_panel import OrbitPanelScreen
        # No pause flag: the game stands still while the panel is on top (only the top
        # screen updates) and runs on when the player comes back, as after help or Esc.
        self.app.push(OrbitPanelScreen(self.app, self.setup))

    # -- time ------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.app is not None and self.app.commands:
            self.sim.drain(self.app.commands)
        ref = self.sim.refusals
        for i in range(len(ref)):
            ref[i] = (ref[i][0], ref[i][1] - dt)
        while ref and ref[0][1] <= 0:
            ref.popleft()
        super().update(dt)
        if self.sim.ended and not self.ended_shown:
            if self._end_timer < 0:
                self._end_timer = END_DELAY_S
            self._end_timer -= dt
            if self._end_timer <= 0 and self.app is not None:
                self.ended_shown = True
                self.app.push(EndScreen(self))

    def on_enter(self) -> None:
        if self.record is None and self.app is not None and not self.app.headless:
            self.sim.start_recording()

    def on_exit(self) -> None:
        self.sim.close()

    # -- drawing ---------------------------------------------------------------------------
    def hud_info(self, vs):
        # Ground windows come from the game's own timeline (the one orders obey), in the
        # rules HUD; the orbit HUD keeps clocks, position and sunlight.
        info = super().hud_info(vs)
        info.windows = None
        return info

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        super().draw(surface, alpha)
        area, _placed = self.layout(surface)
        self.game_hud.set_scale(self.ui_k)
        self.game_hud.draw(surface, area, self.sim, avoid=self.inset_rect(area),
                           top=self.hud.bottom + self.hud.px(8))
        if self.paused and not self.sim.ended:
            self.game_hud.draw_paused(surface, area)


