"""The replay screen: the full play view driven by a :class:`ReplayPlayer`, plus a
timeline bar.

The globe, flashes, module tints and HUD are the play screen's (:class:`PlayScreen` with
a world backed by the player: the game screen's SimWorld around the player's game, which
the player moves); the station schematic panel is the game screen's, in its replay mode:
titled with who played which side (from the replay header), no action bar (a replay
takes no orders), and a log of the events and the human sides' orders up to the play
head, rebuilt on every seek. The bar at the bottom shows
the whole game with its events marked (orders, captures, flashes, the end), the play
head, the speed and both clocks. The ending is named only once the play head reaches it
(or with ``e``), so watching does not give it away.

Keys (seeking speaks mission time, the big clock's): space play/pause; ``[``/``]`` or
``-``/``+`` speed (¼x to 64x); left/right ±5 mission minutes (shift: ±1 mission hour);
home/end; ``,``/``.`` one tick (a mission second) back/forward (shift: a mission
minute); ``n`` next event (shift+``n`` or ``p``: previous); ``e`` show/hide the ending;
Esc back. Mouse: click or drag on the bar to seek. Camera keys are the play screen's
(1/2/3, c).
"""

from __future__ import annotations

import pygame

from game.replay.api import NOTABLE_KINDS, ReplayPlayer
from game.session.palette import LOG_ORDER, LOG_START
from game.session.setup import GameSetup
from game.session.wording import SIDE_LABEL, describe
from game.session.world import SimWorld
from game.view.panels.game_hud import GameHud
from game.view.panels.schematic import SchematicPanel
from game.view.panels.timeline_bar import BAR_H, TimelineBar
from game.view.screens.play import PlayScreen

SEEK_STEP_S = 5 * 60  # left/right: mission seconds (= ticks)
SEEK_BIG_STEP_S = 3600  # shift+left/right
SCHEMATIC_W = 560  # the same panel width as the game screen: the schematic is laid out for it


class ReplayWorld(SimWorld):
    """The game screen's world around a replay's game: read-only (nobody commands, the
    player moves the game, nothing is recorded)."""

    def __init__(self, player: ReplayPlayer):
        h = player.replay.header
        setup = GameSetup(orbit=player.replay.orbit, orbit_label="replay",
                          epoch_unix_s=h["start_unix_s"], seed=h["seed"],
                          scenario=h["scenario"], us=h["sides"]["us"], ru=h["sides"]["ru"],
                          difficulty=h["difficulty"], warp=h["warp"])
        super().__init__(setup, record=False, game=player.game)
        self.commanding = None  # nobody gives orders in a replay
        self.humans = []
        self.pacer = None  # the replay's own speed, not the game's adaptive pace

    def advance(self, mission_dt_s: float, *, brake: bool = False) -> None:
        pass  # the player moves the game


class ReplayScreen(PlayScreen):
    """The full view of a replay (see the module docstring)."""

    def __init__(self, player: ReplayPlayer, *, autoplay: bool = False,
                 auto_camera: bool = False, camera: str = "free"):
        h = player.replay.header
        self.player = player
        world = ReplayWorld(player)
        self.game_hud = GameHud()
        super().__init__(player.replay.orbit, h["start_unix_s"], warp=player.warp,
                         camera=camera, world=world, auto_camera=auto_camera)
        self.replay_start = float(h["start_unix_s"])
        self.show_ending = False  # e: name the ending before the play head gets there
        self.bar = TimelineBar(self)
        self.add_panel(self.bar, side="bottom", size=BAR_H)
        self.schematic = SchematicPanel(world, emit=lambda cmd: None)
        self.schematic.replay_title = replay_title(h)
        self.add_panel(self.schematic, side="right", size=SCHEMATIC_W)
        self._dragging = False
        self._sync_log()
        if autoplay:
            player.play()

    # -- time --------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        before = self.player.tick
        events = self.player.update(dt)
        if self.player.tick != before:
            self._log_lines(before, self.player.tick, events)
        self.paused = True  # PlayScreen's own clock stands still; the player drives
        super().update(dt)
        self.t = self.replay_start + self.player.position
        self.paused = not self.player.playing

    def _jumped(self) -> None:
        """After a seek: no interpolation across the jump, and a log rebuilt to match."""
        self.t = self.t_prev = self.replay_start + self.player.position
        self._sync_log()

    def _sync_log(self) -> None:
        """The log as it stood at the play head: the replay's title, then every event and
        human order up to the current tick (the newest the log can hold)."""
        log = self.world.log
        log.clear()
        h = self.player.replay.header
        log.add(0, f"{replay_title(h)}; AI {h.get('difficulty', '?')}, warp "
                   f"{float(h.get('warp', 0)):g}x", LOG_START)
        self._log_lines(-1, self.player.tick, self.player.events_between(-1, self.player.tick))

    def _human_orders(self, t0: int, t1: int) -> list:
        """Orders a human side gave with ``t0 < tick <= t1`` (the AI's are too many to
        read), as (tick, text)."""
        sides = self.player.replay.header.get("sides", {})
        humans = {s for s, who in sides.items() if who == "human"}
        if not humans:
            return []
        game = self.player.game

        def name(cid):
            c = game.state.crew_by_id(cid)
            return c.name if c is not None else cid

        out = []
        for e in self.player.replay.entries:
            cmd = getattr(e, "cmd", None)
            if cmd is None or not (t0 < e.t <= t1) or cmd.side not in humans:
                continue
            out.append((e.t, f"{SIDE_LABEL.get(cmd.side, cmd.side)} orders "
                             f"{name(cmd.crew)}: {describe(cmd, name)}"))
        return out

    def _log_lines(self, t0: int, t1: int, events: list) -> None:
        """Add the events and human orders of ``t0 < tick <= t1`` to the log, by tick."""
        log = self.world.log
        orders = self._human_orders(t0, t1)
        if not orders:
            self.world.log_events(events[-log.lines.maxlen:] if log.lines.maxlen else events)
            return
        merged = sorted([(e.tick, 1, e) for e in events] + [(t, 0, s) for t, s in orders],
                        key=lambda x: (x[0], x[1]))
        if log.lines.maxlen:
            merged = merged[-log.lines.maxlen:]
        for tick, is_event, item in merged:
            if is_event:
                self.world.log_events([item])
            else:
                log.add(tick, item, LOG_ORDER, "order")

    def seek(self, tick: float) -> None:
        self.player.seek(tick)
        self._jumped()

    def hud_info(self, vs):
        info = super().hud_info(vs)
        info.windows = None  # the rules HUD shows the game's own windows, as in play
        info.warp = self.player.warp * self.player.speed
        info.paused = not self.player.playing
        info.mission_s = self.player.position
        return info

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        super().draw(surface, alpha)
        area, _placed = self.layout(surface)  # act, orders, trust, seize, oxygen: as in play
        self.game_hud.set_scale(self.ui_k)
        self.game_hud.draw(surface, area, self.world, avoid=self.inset_rect(area),
                           top=self.hud.bottom + self.hud.px(8))

    # -- input -------------------------------------------------------------------------
    KEY_SCREENS = ("replay", "play")  # game.view.keymap: the replay's keys, the view's
    HELP_GROUPS = ("Replay", "View")

    def _jump(self, ev) -> int:
        shift = bool(getattr(ev, "mod", 0) & pygame.KMOD_SHIFT)
        return SEEK_BIG_STEP_S if shift else SEEK_STEP_S  # mission seconds = ticks

    def act_play_pause(self, _ev=None) -> None:
        self.player.toggle()

    def act_speed_up(self, _ev=None) -> None:
        self.player.faster()

    def act_speed_down(self, _ev=None) -> None:
        self.player.slower()

    def act_seek_forward(self, ev=None) -> None:
        self.seek(self.player.tick + self._jump(ev))

    def act_seek_back(self, ev=None) -> None:
        self.seek(self.player.tick - self._jump(ev))

    def act_seek_start(self, _ev=None) -> None:
        self.seek(0)

    def act_seek_end(self, _ev=None) -> None:
        self.seek(self.player.end_tick)

    def act_tick_forward(self, ev=None) -> None:
        self.player.step(60 if self._jump(ev) == SEEK_BIG_STEP_S else 1)
        self._jumped()

    def act_tick_back(self, ev=None) -> None:
        self.player.step(-60 if self._jump(ev) == SEEK_BIG_STEP_S else -1)
        self._jumped()

    def act_next_event(self, _ev=None) -> None:
        self.player.next_event(NOTABLE_KINDS)
        self._jumped()

    def act_prev_event(self, _ev=None) -> None:
        self.player.prev_event(NOTABLE_KINDS)
        self._jumped()

    def act_ending(self, _ev=None) -> None:
        self.show_ending = not self.show_ending

    def act_back(self, _ev=None) -> None:
        self.app.pop()

    def handle_event(self, ev) -> bool:
        if ev.type == pygame.KEYDOWN:
            return super().handle_event(ev)  # game.view.keymap: KEY_SCREENS
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1 and self._on_bar(ev.pos):
            self._dragging = True
            self.seek(self.bar.tick_at(ev.pos[0]))
            return True
        if ev.type == pygame.MOUSEMOTION:
            self.bar.hover_x = ev.pos[0] if self._on_bar(ev.pos) or self._dragging else None
            if self._dragging:
                self.seek(self.bar.tick_at(ev.pos[0]))
                return True
        if ev.type == pygame.MOUSEBUTTONUP and ev.button == 1 and self._dragging:
            self._dragging = False
            return True
        if ev.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            # read-only: clicks on the schematic select nothing and order nothing
            _area, placed = self.layout(self.app.surface)
            for panel, r in placed:
                if panel is self.schematic and r.collidepoint(ev.pos):
                    return True
        return super().handle_event(ev)

    def _on_bar(self, pos) -> bool:
        if self.app is None:
            return False
        _area, placed = self.layout(self.app.surface)
        for panel, r in placed:
            if panel is self.bar:
                return r.collidepoint(pos)
        return False


def replay_title(header: dict) -> str:
    """"Replay: USA (human) vs Russia (AI), seed 4, film" from a replay header."""
    sides = header.get("sides", {})
    who = {"human": "human", "ai": "AI"}

    def side(s: str, label: str) -> str:
        c = sides.get(s)
        return f"{label} ({who.get(c, c)})" if c else label

    return (f"Replay: {side('us', 'USA')} vs {side('ru', 'Russia')}, "
            f"seed {header.get('seed', '?')}, {header.get('scenario', '?')}")


def open_replay_screen(path) -> ReplayScreen:
    """Read, check and load ``path`` into a screen (ReplayError if it cannot be trusted)."""
    from game.replay.api import read_replay

    return ReplayScreen(ReplayPlayer(read_replay(path)))


__all__ = ["ReplayScreen", "open_replay_screen", "replay_title"]
