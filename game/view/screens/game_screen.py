"""The game: the play screen with the simulation behind it, the schematic, the rules HUD.

:class:`GameScreen` is a :class:`~game.view.screens.play.PlayScreen` whose world is a
:class:`~game.session.world.SimWorld`. Each fixed step it drains ``app.commands`` into
the game (even while paused: orders can be given on a paused clock), then lets mission
time pass at the adaptive pace of :class:`~game.session.pacing.Pacer` (fast through
quiet stretches, easing down before what matters; - and + multiply it); the simulation
advances by whole ticks, and a restraint beginning stops a step's time at once. The
clocks follow the game: they stand still once it ends. When the game ends, a short
pause lets the last events be seen, then :class:`EndScreen` (which takes no key for its
first moment, and never starts a game on Space).

Esc opens :class:`PauseMenu` (resume / leave to title / quit) rather than leaving. Only
the top screen of the app is updated, so mission time stands still while any overlay is
up (the pause menu, help, the orbit panel, the hot-seat hand-over) and runs on when it
closes; Space is the one pause that lasts, and the game says so in large letters.

Keys come from :mod:`game.view.keymap` (``act_<action>`` methods here and in the play
screen). Modes come from the set-up: one human side against the AI, both human
(hot-seat: Tab shows :class:`HandOverScreen`, which hides the board until the other
player takes the seat; each side then sees its own view and log), or both AI (watch).
A first game (``setup.hints``) has the guide's hints (:mod:`game.session.guide`).
"""

from __future__ import annotations

import pygame

from game.session.guide import Guide
from game.session.pacing import FACTORS, visible
from game.session.palette import PALETTE
from game.session.wording import SIDE_LABEL, fmt_duration
from game.session.world import SimWorld
from game.view.app import Screen
from game.view.panels.game_hud import GameHud
from game.view.panels.schematic import SchematicPanel
from game.view.screens.end_screen import EndScreen
from game.view.screens.help import GameHelpScreen
from game.view.screens.pause_menu import PauseMenu
from game.view.screens.play import PlayScreen
from game.view.widgets import font, wrap

PANEL_W = 560
END_DELAY_S = 1.5  # real seconds between the ending and the summary (see the last events)


class GameScreen(PlayScreen):
    KEY_SCREENS = ("game", "play")
    HELP_GROUPS = ("Orders", "Time", "Game", "View")

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
        self.pacer = world.pacer
        self.warp = self.pacer.warp
        self.game_hud = GameHud()
        self.panel = SchematicPanel(world, self.emit)
        self.add_panel(self.panel, "right", PANEL_W)
        self.sound = sound
        if sound is not None:
            world.listeners.append(sound.on_world)
        self._seen: list = []  # events since the last step (for the pace and the guide)
        world.listeners.append(self._on_world)
        self.guide = Guide(world.commanding, on=bool(getattr(setup, "hints", False))) \
            if world.commanding is not None else None
        self._end_timer = -1.0
        self.ended_shown = False
        if world.commanding is not None:
            self.panel.select_next()
            self.panel.hint = ""

    def _on_world(self, what) -> None:
        if what[0] == "event":
            self._seen.append(what[1])

    # -- keys (game.view.keymap) -------------------------------------------------------
    def act_help(self, _ev=None) -> None:
        self.app.push(GameHelpScreen())

    def act_menu(self, _ev=None) -> None:
        self.app.push(PauseMenu(self))

    def act_pause(self, _ev=None) -> None:
        self.paused = not self.paused

    def act_slower(self, _ev=None) -> None:
        self.pacer.slower()

    def act_faster(self, _ev=None) -> None:
        self.pacer.faster()

    def act_hand_over(self, _ev=None) -> None:
        self.switch_side()

    def act_orbits(self, _ev=None) -> None:
        self.open_orbits()

    def act_hints(self, _ev=None) -> None:
        if self.guide is None:
            return False
        on = self.guide.toggle()
        self.sim.log.add(self.sim.game.tick, "Hints on (H turns them off)" if on else
                         "Hints off (H turns them on again)", (170, 185, 210))
        return None

    def act_next_hint(self, _ev=None):
        if self.guide is None or self.guide.current is None:
            return False
        self.guide.dismiss()
        return None

    def act_next_crew(self, _ev=None) -> None:
        self.panel.select_next()

    def _order(self, action: str) -> None:
        self.panel.do_action(action)

    def act_talk(self, _ev=None) -> None:
        self._order("talk")

    def act_restrain(self, _ev=None) -> None:
        self._order("restrain")

    def act_free(self, _ev=None) -> None:
        self._order("free")

    def act_escort(self, _ev=None) -> None:
        self._order("escort")

    def act_offline(self, _ev=None) -> None:
        self._order("offline")

    def act_restore(self, _ev=None) -> None:
        self._order("restore")

    def act_leave(self, _ev=None) -> None:
        self._order("leave")

    def act_stop(self, _ev=None) -> None:
        self._order("stop")

    def switch_side(self) -> None:
        if len(self.sim.humans) < 2:
            self.sim.refuse("Tab hands over only in hot-seat (both sides human)", seconds=3.0)
            return
        self.app.push(HandOverScreen(self))

    def take_seat(self) -> None:
        """The other player has the seat (the hand-over screen's Enter)."""
        self.sim.switch_side()
        self.panel.selected = None
        self.panel.pending = None
        self.panel.hover_pos = None
        self.panel.select_next()
        self.panel.hint = ""
        if self.guide is not None:
            self.guide.side = self.sim.commanding

    def open_orbits(self) -> None:
        from game.view.screens.orbit_panel import OrbitPanelScreen

        # No pause flag: the game stands still while the panel is on top (only the top
        # screen updates) and runs on when the player comes back, as after help or Esc.
        self.app.push(OrbitPanelScreen(self.app, self.setup))

    # -- time ------------------------------------------------------------------------------
    def advance_clock(self, dt: float) -> None:
        """The pace picks the warp; the game advances (stopping at a restraint's start);
        the clocks follow the game's mission time and stand once it ends."""
        sim = self.sim
        if not self.paused and not sim.ended:
            view = sim.state
            if self.guide is not None:
                self.pacer.hold = self.guide.hold_warp
            self.warp = self.pacer.step(view, dt)
            sim.advance(dt * self.warp, brake=True)
        seen = [ev for ev in self._seen if visible(ev, sim.commanding)]
        self._seen.clear()
        self.pacer.note(seen)
        if self.guide is not None:
            self.guide.note(seen, sim.state)
            self.guide.update(dt)
        if sim.ended:
            sim.mission_s = float(sim.game.tick)  # the clock stops where the game did
        self.t = self.start_unix_s + sim.mission_s

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
    def pace_text(self) -> str:
        """The pace in words for the orbit HUD: "pace 240x - quiet", with the player's
        factor when it is not x1."""
        f = self.pacer.factor
        mine = "" if f == 1.0 else f"  (you: x{f:g})"
        return f"pace {self.warp:.0f}x - {self.pacer.why}{mine}"

    def hud_info(self, vs):
        # Ground windows come from the game's own timeline (the one orders obey), in the
        # rules HUD; the orbit HUD keeps clocks, the pace, position and sunlight.
        info = super().hud_info(vs)
        info.windows = None
        info.pace = self.pace_text()
        info.ended = self.sim.ended
        return info

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        super().draw(surface, alpha)
        area, _placed = self.layout(surface)
        self.game_hud.set_scale(self.ui_k)
        inset = self.inset_rect(area)
        self.game_hud.draw(surface, area, self.sim, avoid=inset,
                           top=self.hud.bottom + self.hud.px(8))
        hint = self.guide.current if self.guide is not None else None
        self.game_hud.draw_hint(surface, area, hint, inset)
        if self.paused and not self.sim.ended:
            self.game_hud.draw_paused(surface, area)


class HandOverScreen(Screen):
    """Hot-seat: the board is hidden and the clock stands still until the other player
    takes the seat (Enter, Space or a click). Drawn opaque: nothing of the side that was
    playing shows through (its plans, its selection, its log)."""

    overlay = False

    def __init__(self, game_screen: GameScreen):
        super().__init__()
        self.gs = game_screen
        sim = game_screen.sim
        self.from_side = sim.commanding
        self.to_side = "ru" if sim.commanding == "us" else "us"
        self.f_big = font(48, bold=True)
        self.f = font(24)
        self.f_small = font(19)
        self.shown_s = 0.0

    def handle_event(self, ev) -> bool:
        if self.shown_s < 0.3:  # the Tab that opened it must not also close it
            return True
        if (ev.type == pygame.KEYDOWN and ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER,
                                                      pygame.K_SPACE)) or \
                (ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1):
            self.app.pop()
            self.gs.take_seat()
            return True
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_ESCAPE:
            self.app.pop()  # not handed over after all
            return True
        return ev.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN)

    def update(self, dt: float) -> None:
        self.shown_s += dt

    def lines(self) -> list[tuple[str, tuple, object]]:
        to, frm = SIDE_LABEL[self.to_side], SIDE_LABEL[self.from_side]
        tick = self.gs.sim.game.tick
        return [
            (f"Hand over to {to.upper()}", PALETTE[self.to_side], self.f_big),
            (f"{frm}: your plans are hidden now. Pass the seat to {to}.", (225, 232, 245),
             self.f),
            (f"The clock stands at T+{fmt_duration(tick, hours=True)} until {to} takes the seat.",
             (170, 182, 205), self.f),
            (f"{to}: you will see what {to} knows - your own order, your own passes, your "
             "own log; the other side's order stays a secret until you learn of it.",
             (170, 182, 205), self.f_small),
            (f"{to}: press Enter (or click) when ready.    Esc: back to {frm}",
             (255, 210, 120), self.f),
        ]

    def draw(self, surface, alpha) -> None:
        surface.fill((4, 6, 14))
        rect = surface.get_rect()
        width = min(900, rect.width - 80)
        y = rect.height // 3
        for text, col, f in self.lines():
            for part in wrap(f, text, width):
                s = f.render(part, True, col)
                surface.blit(s, s.get_rect(midtop=(rect.centerx, y)))
                y += f.get_linesize() + 4
            y += 10


__all__ = ["GameScreen", "HandOverScreen", "FACTORS"]
