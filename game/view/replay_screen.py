"""The replay screen: the full play view driven by a :class:`ReplayPlayer`, plus a
timeline bar.

The globe, flashes, module tints and HUD are the play screen's (:class:`PlayScreen` with
a world backed by the player); the station schematic panel is the game screen's when it
is available, in its replay mode: titled with who played which side (from the replay
header), no action bar (a replay takes no orders), and a log of the events and the human
sides' orders up to the play head, rebuilt on every seek. The bar at the bottom shows
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

import numpy as np
import pygame

from game.replay.player import NOTABLE_KINDS, ReplayPlayer
from game.session.palette import LOG_ORDER, LOG_START, PALETTE
from game.session.setup import GameSetup
from game.session.wording import fmt_mission
from game.session.world import SimWorld
from game.view.game_hud import GameHud
from game.view.play import PlayScreen
from game.view.widgets import font

BAR_H = 78
SEEK_STEP_S = 5 * 60  # left/right: mission seconds (= ticks)
SEEK_BIG_STEP_S = 3600  # shift+left/right
KEY_HINTS = ("space play   [ ] speed   left/right 5 min (shift 1 h)   , . 1 s   "
             "n event   e ending   Esc back")
SCHEMATIC_W = 560  # the same panel width as the game screen: the schematic is laid out for it

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
MARK_COLOUR = {
    "flash": (255, 150, 70), "strike": (150, 110, 90), "order_received": (255, 225, 110),
    "captured": None,
    "restrained": (255, 110, 110), "station_silenced": (230, 110, 90),
    "act": (240, 240, 200), "seize_started": (255, 200, 80), "truce_started": (140, 255, 170),
    "left": (255, 230, 150), "ended": (255, 255, 255),
}
MARK_ROW = {"flash": 0, "strike": 0, "station_silenced": 0, "order_received": 1, "act": 1,
            "captured": 2, "restrained": 2, "seize_started": 2, "truce_started": 2, "left": 2,
            "ended": 2}


def fmt_play(seconds: float) -> str:
    s = int(max(0, seconds))
    return f"{s // 60}:{s % 60:02d}"


def fmt_speed(speed: float) -> str:
    return {0.25: "\u00bcx", 0.5: "\u00bdx"}.get(speed, f"{speed:g}x")


def _make_world(player: ReplayPlayer):
    """A read-only world for the play screen: the game screen's SimWorld wrapped around
    the player's game (a minimal one if that cannot be built)."""

    class ReplayWorld(SimWorld):
        def advance(self, mission_dt_s: float) -> None:  # the player moves the game
            pass

    h = player.replay.header
    setup = GameSetup(orbit=player.replay.orbit, orbit_label="replay",
                      epoch_unix_s=h["start_unix_s"], seed=h["seed"], scenario=h["scenario"],
                      us=h["sides"]["us"], ru=h["sides"]["ru"], difficulty=h["difficulty"],
                      warp=h["warp"])
    try:
        world = ReplayWorld(setup, record=False, game=player.game)
    except Exception:  # noqa: BLE001 - fall back rather than lose the replay
        return _BasicWorld(player)
    world.commanding = None  # nobody gives orders in a replay
    world.humans = []
    return world


class _BasicWorld:
    """Flashes from the war plan and tints by holder, if a SimWorld cannot be built."""

    def __init__(self, player: ReplayPlayer):
        self.game = player.game
        strikes = self.game.setup.war.strikes
        self._flashes = np.array([(k.lat, k.lon, k.unix_s, 0.45 + 0.35 * k.magnitude)
                                  for k in strikes], dtype=np.float64).reshape(-1, 4)

    def advance(self, mission_dt_s: float) -> None:
        pass

    def flashes(self) -> np.ndarray:
        return self._flashes

    def module_tints(self) -> dict:
        return {m.id: PALETTE.get(m.holder, PALETTE["neutral"])
                for m in self.game.state.modules}


class TimelineBar:
    """The bar: play state and speed, the track with markers and play head, clocks."""

    def __init__(self, screen: ReplayScreen):
        self.screen = screen
        self.player = screen.player
        self.f_big = font(26)
        self.f = font(20)
        self.f_small = font(17)
        self.track = pygame.Rect(0, 0, 0, 0)
        self.hover_x: int | None = None
        self._marks = self.player.markers((*NOTABLE_KINDS, "strike"))
        self._cache: pygame.Surface | None = None
        self._cache_key = None

    # geometry
    def layout(self, rect: pygame.Rect) -> None:
        self.track = pygame.Rect(rect.left + 150, rect.top + 30, rect.width - 150 - 250, 12)

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
        pygame.draw.line(surface, HEAD, (head_x, tr.top - 9), (head_x, tr.bottom + 9), 2)
        pygame.draw.circle(surface, HEAD, (head_x, tr.centery), 8)
        pygame.draw.circle(surface, TRACK_FILL, (head_x, tr.centery), 4)
        # play/pause button and speed
        self._draw_button(surface, pygame.Rect(rect.left + 16, rect.top + 14, 40, 40))
        sp = self.f_big.render(fmt_speed(p.speed), True, TEXT)
        surface.blit(sp, (rect.left + 68, rect.top + 16))
        surface.blit(self.f_small.render("speed", True, DIM), (rect.left + 68, rect.top + 38))
        # clocks
        warp = p.warp
        mission = self.f_big.render(f"{fmt_mission(p.position)}", True, TEXT)
        x0 = tr.right + 24
        surface.blit(mission, (x0, rect.top + 12))
        surface.blit(self.f_small.render(f"mission / {fmt_mission(p.end_tick)}", True, DIM),
                     (x0 + mission.get_width() + 6, rect.top + 18))
        play_s = p.position / warp
        surface.blit(self.f.render(f"play {fmt_play(play_s)} / {fmt_play(p.end_tick / warp)}"
                                   f"   tick {p.tick}", True, DIM), (x0, rect.top + 38))
        # the ending: named once the play head reaches it, or on request (e)
        if p.desync is None and not p.replay.warning:
            ending = self.ending_label()
            if ending is not None:
                surface.blit(self.f.render(ending[0], True, ending[1]), (tr.left, rect.top + 6))
        # hover: time and the nearest event
        if self.hover_x is not None and tr.inflate(0, 30).collidepoint(self.hover_x, tr.centery):
            self._draw_hover(surface, rect)

    def _static(self, rect: pygame.Rect) -> pygame.Surface:
        """Background, track, unplayed markers, legend: drawn once per size."""
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
            pygame.draw.line(surf, (70, 84, 120), (x, tr.bottom + 3), (x, tr.bottom + 7), 1)
            if p.end_tick <= 30 * 3600 and (p.end_tick < 12 * 3600 or h % 2 == 0):
                lab = self.f_small.render(f"{h}h", True, (96, 110, 146))
                surf.blit(lab, (x - lab.get_width() // 2, tr.bottom + 8))
        for _e, x, y, h, col in self._mark_geometry(rect):
            x, y = x - off.x, y - off.y
            pygame.draw.line(surf, _dim(col), (x, y), (x, y + h), 2)
        # legend and notes
        x = tr.left
        y = rect.height - 18
        legend = (("flash", MARK_COLOUR["flash"]), ("strike", MARK_COLOUR["strike"]),
                  ("order", MARK_COLOUR["order_received"]), ("capture", PALETTE["us"]),
                  ("end", MARK_COLOUR["ended"]))
        for label, col in legend:
            pygame.draw.line(surf, col, (x, y + 1), (x, y + 11), 3)
            t = self.f_small.render(label, True, DIM)
            surf.blit(t, (x + 6, y))
            x += t.get_width() + 20
        kt = self.f_small.render(KEY_HINTS, True, (110, 122, 150))
        surf.blit(kt, (tr.right - kt.get_width(), y))
        note = None
        if p.desync is not None:
            note = (f"desync at tick {p.desync.tick}", RED)
        elif p.replay.warning:
            note = ("cut short: plays to its last line", AMBER)
        if note:  # the ending, if any, is drawn live: it shows only once reached
            t = self.f.render(note[0], True, note[1])
            surf.blit(t, (tr.left, 6))
        if p.desync is not None:
            x = tr.left + int(tr.width * p.desync.tick / max(1, p.end_tick))
            pygame.draw.polygon(surf, RED, [(x, tr.top - 2), (x - 6, tr.top - 10),
                                            (x + 6, tr.top - 10)])
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
        tr = self.track
        out = []
        last_x: dict[int, int] = {}
        for e in self._marks:
            x = self.x_of(e.tick)
            row = MARK_ROW.get(e.kind, 2)
            if last_x.get(row) == x and e.kind in ("flash", "strike"):
                continue
            last_x[row] = x
            col = MARK_COLOUR.get(e.kind)
            if col is None:
                col = PALETTE.get(str(e.data.get("side", "")), PALETTE["neutral"])
            if row == 0:
                y, h = tr.top - 8, 6
            elif row == 1:
                y, h = tr.top - 10, tr.height + 20
            else:
                y, h = tr.bottom + 2, 7
            if e.kind == "ended":
                y, h = tr.top - 10, tr.height + 20
            out.append((e, x, y, h, col))
        return out

    def _draw_button(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        pygame.draw.rect(surface, (30, 40, 66), r, border_radius=8)
        pygame.draw.rect(surface, BAR_EDGE, r, 1, border_radius=8)
        c = r.center
        if self.player.playing:
            pygame.draw.rect(surface, TEXT, (c[0] - 8, c[1] - 9, 5, 18))
            pygame.draw.rect(surface, TEXT, (c[0] + 3, c[1] - 9, 5, 18))
        else:
            pygame.draw.polygon(surface, TEXT, [(c[0] - 6, c[1] - 10), (c[0] - 6, c[1] + 10),
                                                (c[0] + 10, c[1])])

    def _draw_hover(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        tick = self.tick_at(self.hover_x)
        near = None
        best = 7
        for e in self._marks:
            d = abs(self.x_of(e.tick) - self.hover_x)
            if d < best:
                best, near = d, e
        text = fmt_mission(tick)
        if near is not None:
            what = near.text
            if near.kind == "ended" and not self.ending_revealed():
                what = "the end (e shows the ending)"
            text = f"{fmt_mission(near.tick)}  {what}"
        t = self.f_small.render(text[:110], True, TEXT)
        box = pygame.Rect(0, 0, t.get_width() + 12, t.get_height() + 8)
        box.midbottom = (self.hover_x, rect.top - 4)
        box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, (20, 26, 46), box, border_radius=5)
        pygame.draw.rect(surface, BAR_EDGE, box, 1, border_radius=5)
        surface.blit(t, (box.left + 6, box.top + 4))

    def handle_event(self, ev, rect: pygame.Rect) -> bool:
        return False  # the screen handles the bar's mouse (drags may leave the bar)


def _dim(c):
    return tuple(int(v * 0.6) for v in c)


def _ending_title(ending: str) -> str:
    try:
        from game.session.wording import ENDING_TITLES

        return "Ending: " + ENDING_TITLES.get(ending, ending)
    except Exception:  # noqa: BLE001
        return "Ending: " + ending


class ReplayScreen(PlayScreen):
    """The full view of a replay (see the module docstring)."""

    def __init__(self, player: ReplayPlayer, *, autoplay: bool = False,
                 auto_camera: bool = False, camera: str = "free"):
        h = player.replay.header
        self.player = player
        world = _make_world(player)
        # the rules HUD reads a SimWorld; the bare fallback world has none to show
        self.game_hud = GameHud() if isinstance(world, SimWorld) else None
        super().__init__(player.replay.orbit, h["start_unix_s"], warp=player.warp,
                         camera=camera, world=world, auto_camera=auto_camera)
        self.replay_start = float(h["start_unix_s"])
        self.show_ending = False  # e: name the ending before the play head gets there
        self.bar = TimelineBar(self)
        self.add_panel(self.bar, side="bottom", size=BAR_H)
        self.schematic = None
        if hasattr(world, "log"):
            try:
                from game.view.schematic import SchematicPanel

                self.schematic = SchematicPanel(world, emit=lambda cmd: None)
                self.schematic.replay_title = replay_title(h)
                self.add_panel(self.schematic, side="right", size=SCHEMATIC_W)
            except Exception:  # noqa: BLE001 - the schematic is optional
                self.schematic = None
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
        log = getattr(self.world, "log", None)
        if log is None or not hasattr(self.world, "_on_events"):
            return
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
        try:
            from game.session.wording import SIDE_LABEL, describe
        except Exception:  # noqa: BLE001 - the log is optional
            return []
        game = self.player.game

        def name(cid):
            c = game.crew_by_id(cid)
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
        log = getattr(self.world, "log", None)
        if log is None or not hasattr(self.world, "_on_events"):
            return
        orders = self._human_orders(t0, t1)
        if not orders:
            self.world._on_events(events[-log.lines.maxlen:] if log.lines.maxlen else events)
            return
        merged = sorted([(e.tick, 1, e) for e in events] + [(t, 0, s) for t, s in orders],
                        key=lambda x: (x[0], x[1]))
        if log.lines.maxlen:
            merged = merged[-log.lines.maxlen:]
        for tick, is_event, item in merged:
            if is_event:
                self.world._on_events([item])
            else:
                log.add(tick, item, LOG_ORDER, "order")

    def seek(self, tick: float) -> None:
        self.player.seek(tick)
        self._jumped()

    def hud_info(self, vs):
        info = super().hud_info(vs)
        if self.game_hud is not None:
            info.windows = None  # the rules HUD shows the game's own windows, as in play
        info.warp = self.player.warp * self.player.speed
        info.paused = not self.player.playing
        info.mission_s = self.player.position
        return info

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        super().draw(surface, alpha)
        if self.game_hud is not None:  # act, orders, trust, seize, oxygen: as in play
            area, _placed = self.layout(surface)
            self.game_hud.draw(surface, area, self.world, avoid=self.inset_rect(area))

    # -- input -------------------------------------------------------------------------
    def handle_event(self, ev) -> bool:
        p = self.player
        if ev.type == pygame.KEYDOWN:
            k, mods = ev.key, ev.mod
            shift = bool(mods & pygame.KMOD_SHIFT)
            jump = SEEK_BIG_STEP_S if shift else SEEK_STEP_S  # mission seconds = ticks
            if k == pygame.K_SPACE:
                p.toggle()
            elif k in (pygame.K_RIGHTBRACKET, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
                p.faster()
            elif k in (pygame.K_LEFTBRACKET, pygame.K_MINUS, pygame.K_KP_MINUS):
                p.slower()
            elif k == pygame.K_RIGHT:
                self.seek(p.tick + jump)
            elif k == pygame.K_LEFT:
                self.seek(p.tick - jump)
            elif k == pygame.K_e:
                self.show_ending = not self.show_ending
            elif k == pygame.K_HOME:
                self.seek(0)
            elif k == pygame.K_END:
                self.seek(p.end_tick)
            elif k == pygame.K_PERIOD:
                p.step(60 if shift else 1)
                self._jumped()
            elif k == pygame.K_COMMA:
                p.step(-60 if shift else -1)
                self._jumped()
            elif k == pygame.K_n and not shift:
                p.next_event(NOTABLE_KINDS)
                self._jumped()
            elif k == pygame.K_p or (k == pygame.K_n and shift):
                p.prev_event(NOTABLE_KINDS)
                self._jumped()
            else:
                return super().handle_event(ev)
            return True
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
        if self.schematic is not None and ev.type in (pygame.MOUSEBUTTONDOWN,
                                                      pygame.MOUSEBUTTONUP):
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
    from game.replay.reader import read_replay

    return ReplayScreen(ReplayPlayer(read_replay(path)))


__all__ = ["ReplayScreen", "TimelineBar", "open_replay_screen", "replay_title"]
