"""The game: the play screen with the simulation behind it, the schematic, the rules HUD.

:class:`GameScreen` is a :class:`~game.view.play.PlayScreen` whose world is a
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

import dataclasses

import pygame

from game.session.palette import PALETTE
from game.session.wording import ENDING_TITLES, SIDE_LABEL
from game.session.world import SimWorld
from game.view.app import DismissibleOverlay, Screen
from game.view.panels.game_hud import GameHud
from game.view.panels.hud import HELP_LINES, fmt_dur
from game.view.panels.schematic import SchematicPanel
from game.view.play import WARPS, PlayScreen
from game.view.widgets import dim_below, ellipsize, font, veil, wrap

PANEL_W = 560
END_DELAY_S = 1.5  # real seconds between the ending and the summary (see the last events)

GAME_KEYS = [
    ("Click token", "select one of your crew (N: next crew member)"),
    ("Click module", "send the selected crew member there (Move)"),
    ("Click hatch", "close / open it (the selected crew must be beside it)"),
    ("Click badge", "take a system offline / restore it (crew in that module)"),
    ("K  X  F", "talk / restrain / free someone in the same module"),
    ("D  E", "cut a system offline / restore it (in the crew's module)"),
    ("L", "board your vehicle (Dragon / Soyuz); inside it: undock and leave"),
    ("S", "stop what the selected crew member is doing"),
    ("Right click", "cancel a waiting action"),
    ("Tab", "hot-seat: hand command to the other side"),
    ("- and +", "slower / faster (also [ and ]); Space pauses"),
    ("O", "orbits: choose or edit the element set (next game)"),
    ("Esc", "pause menu: resume, leave to the title, quit"),
]
RULES = [
    "Act 1 routine: no hostile acts. Each side's order is sent 5-15 min after the war's first",
    "flashes and arrives at its mission control's next pass (10+ deg up): the orbit decides",
    "who hears first. Act 2: a side may restrain, seal, cut once its order arrives or once",
    "attacked. Act 3, dark: Houston and Korolyov are struck 5-9 h in, but each no sooner than",
    "20-60 min after its pass with the order; then no more orders, and anyone may act.",
    "Capture: one side alone in a module 60 s. Seize: hold Destiny + Zvezda 600 s.",
    "Restrain: 30 s, odds attackers/(attackers+defenders). Truce: trust 80+ for 600 s.",
    "Stress over the limit (white tick): the crew member refuses hostile orders.",
    "No oxygen generator working: the 4 h reserve runs down; at zero the station is lost.",
]


def leave_to_title(app, setup) -> None:
    """Pop the top screens down to (and including) the game; show the title menu."""
    from game.view.title import TitleScreen

    while app.screens and not isinstance(app.top, GameScreen):
        app.pop()
    if app.screens:
        app.pop()  # the game: its on_exit finishes (or discards) the replay
    if not app.screens or not isinstance(app.top, TitleScreen):
        app.running = True
        app.push(TitleScreen(setup))


class ChoiceScreen(Screen):
    """A screen of rows to choose from: hot keys, Up/Down and Enter, hover and click.
    Subclasses set ``HOTKEYS`` and give ``choice_ids()``, ``choose(id)``, ``self.sel``
    and ``self.item_rects`` (filled when drawn)."""

    HOTKEYS: dict[int, str] = {}
    ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)

    def choice_ids(self) -> list[str]:
        raise NotImplementedError

    def choose(self, what: str) -> None:
        raise NotImplementedError

    def handle_event(self, ev) -> bool:
        ids = self.choice_ids()
        if ev.type == pygame.KEYDOWN:
            if ev.key == pygame.K_F11:
                return False  # full screen, handled by the app
            if ev.key in self.HOTKEYS:
                self.choose(self.HOTKEYS[ev.key])
            elif ev.key in (pygame.K_UP, pygame.K_DOWN):
                self.sel = (self.sel + (1 if ev.key == pygame.K_DOWN else -1)) % len(ids)
            elif ev.key in self.ENTER_KEYS:
                self.choose(ids[self.sel])
            return True
        if ev.type == pygame.MOUSEMOTION:
            for i, r in enumerate(self.item_rects):
                if r.collidepoint(ev.pos):
                    self.sel = i
            return True
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            for i, r in enumerate(self.item_rects):
                if r.collidepoint(ev.pos):
                    self.choose(ids[i])
            return True
        return False


class PauseMenu(ChoiceScreen):
    """Esc in a game: the game stands still under a dimmed layer until a choice.

    Resume (Esc, Space, R), leave to the title menu (T), quit (Q); Up/Down and Enter,
    or the mouse."""

    overlay = True
    ITEMS = [("resume", "Resume", "Esc"), ("title", "Leave to title menu", "T"),
             ("quit", "Quit the game", "Q")]

    def __init__(self, game_screen: GameScreen):
        super().__init__()
        self.gs = game_screen
        self.sel = 0
        self.item_rects: list[pygame.Rect] = []
        self.f_big = font(40)
        self.f = font(26)
        self.f_small = font(19)

    def choose(self, what: str) -> None:
        app = self.app
        if what == "resume":
            app.pop()
        elif what == "title":
            leave_to_title(app, self.gs.setup)
        elif what == "quit":
            app.quit()

    HOTKEYS = {pygame.K_ESCAPE: "resume", pygame.K_SPACE: "resume", pygame.K_r: "resume",
               pygame.K_t: "title", pygame.K_q: "quit"}

    def choice_ids(self) -> list[str]:
        return [item[0] for item in self.ITEMS]

    def draw(self, surface, alpha) -> None:
        rect = surface.get_rect()
        dim_below(surface, 150)
        box = pygame.Rect(0, 0, 440, 110 + 46 * len(self.ITEMS))
        box.center = rect.center
        pygame.draw.rect(surface, (8, 12, 26), box, border_radius=8)
        pygame.draw.rect(surface, (90, 110, 160), box, 1, border_radius=8)
        t = self.f_big.render("Paused", True, (255, 236, 170))
        surface.blit(t, (box.left + 24, box.top + 18))
        sim = self.gs.sim
        note = f"mission T+{fmt_dur(sim.game.tick)}: the clock stands still"
        surface.blit(self.f_small.render(note, True, (150, 160, 180)),
                     (box.left + 26, box.top + 54))
        self.item_rects = []
        y = box.top + 82
        for i, (_k, label, key) in enumerate(self.ITEMS):
            r = pygame.Rect(box.left + 24, y, box.width - 48, 38)
            self.item_rects.append(r)
            on = i == self.sel
            pygame.draw.rect(surface, (50, 66, 110) if on else (20, 26, 44), r, border_radius=5)
            surface.blit(self.f.render(label, True, (255, 255, 255) if on else (200, 210, 230)),
                         (r.left + 14, r.top + 10))
            k = self.f.render(key, True, (255, 210, 120))
            surface.blit(k, (r.right - k.get_width() - 14, r.top + 10))
            y += 46


class GameHelpScreen(DismissibleOverlay):
    """Every key, the view's and the game's, and the rules in brief. Any key closes it."""

    def __init__(self):
        super().__init__()
        self.f_big = font(30)
        self.f = font(20)
        self.f_small = font(18)

    def draw(self, surface, alpha) -> None:
        rect = surface.get_rect()
        dim_below(surface, 150)  # the HUD, clocks and log must not read through the box
        box = pygame.Rect(0, 0, min(1240, rect.width - 20), min(640, rect.height - 20))
        box.center = rect.center
        veil(surface, box, (4, 8, 22, 230))
        pygame.draw.rect(surface, (90, 110, 160), box, 1)
        surface.blit(self.f_big.render("Keys and rules", True, (255, 255, 255)),
                     (box.left + 20, box.top + 12))
        colw = (box.width - 40) // 2
        view_keys = [(k, w) for k, w in HELP_LINES if k != "Esc"]  # the game's Esc: menu
        for col, (title, rows) in enumerate((("View", view_keys), ("Game", GAME_KEYS))):
            x = box.left + 20 + col * (colw + 10)
            y = box.top + 48
            surface.blit(self.f.render(title, True, (150, 200, 255)), (x, y))
            y += 24
            for key, what in rows:
                surface.blit(self.f_small.render(key, True, (255, 210, 120)), (x, y))
                surface.blit(self.f_small.render(what, True, (225, 232, 245)), (x + 110, y))
                y += 21
        y = box.top + 48 + 24 + 21 * max(len(HELP_LINES), len(GAME_KEYS)) + 12
        surface.blit(self.f.render("Rules", True, (150, 200, 255)), (box.left + 20, y))
        y += 24
        for line in RULES:
            surface.blit(self.f_small.render(line, True, (190, 200, 220)), (box.left + 20, y))
            y += 20


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
        try:
            from game.view.orbit_panel import OrbitPanelScreen
        except ImportError:
            self.sim.refusals.append(("the orbit panel is not available in this build", 3.0))
            return
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
        self.game_hud.draw(surface, area, self.sim, avoid=self.inset_rect(area))
        if self.paused and not self.sim.ended:
            self.game_hud.draw_paused(surface, area)


class EndScreen(ChoiceScreen):
    """The summary: the ending in words, how long, what happened; new game/title/quit."""

    overlay = True

    def __init__(self, game_screen: GameScreen):
        super().__init__()
        self.gs = game_screen
        self.summary = game_screen.sim.summary or game_screen.sim.game.summary()
        self.f_huge = font(44)
        self.f_big = font(26)
        self.f = font(20)
        self.items = [("new", "New game (same choices, next seed)  [N]"),
                      ("title", "Title menu  [T]"), ("quit", "Quit  [Q]")]
        self.sel = 0
        self.item_rects: list[pygame.Rect] = []

    def choose(self, what: str) -> None:
        app = self.app
        if what == "quit":
            app.quit()
            return
        app.pop()  # this summary
        if what == "new":
            setup = dataclasses.replace(self.gs.setup, seed=self.gs.setup.seed + 1)
            app.replace(GameScreen(setup, camera=self.gs.rig.mode, sound=self.gs.sound,
                                   record=self.gs.record))
        else:
            leave_to_title(app, self.gs.setup)

    HOTKEYS = {pygame.K_n: "new", pygame.K_t: "title", pygame.K_q: "quit",
               pygame.K_ESCAPE: "title"}
    ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)

    def choice_ids(self) -> list[str]:
        return [item[0] for item in self.items]

    def lines(self) -> list[tuple[str, tuple]]:
        """The summary above the crew table, as (text, colour) rows."""
        s = self.summary
        st = s.get("stats", {})
        held = s.get("modules_held", {})
        cm = s.get("control_modules", {})
        grey = (190, 200, 220)
        out = [(s.get("text", ""), (230, 236, 248))]
        if str(s.get("ending", "")).startswith("evacuation"):
            out.append(("After an evacuation the side that stays aboard holds the station, "
                        "whichever modules the other side held when it left.", (255, 226, 160)))
        out += [(f"Mission time {s.get('mission_time', '')} ({s.get('ticks', 0)} ticks, one a "
                 f"mission second); act {s.get('act', 1)}", grey),
                (f"Modules held at the end: US {held.get('us', 0)}, Russia {held.get('ru', 0)}"
                 f" (command: Destiny {SIDE_LABEL.get(cm.get('destiny', ''), '?')}, Zvezda "
                 f"{SIDE_LABEL.get(cm.get('zvezda', ''), '?')})", grey),
                (f"Trust {s.get('trust', 0)}; oxygen reserve "
                 f"{fmt_dur(s.get('oxygen_reserve_s', 0))}; strikes {s.get('strikes', 0)}, "
                 f"flashes seen {st.get('flashes_witnessed', 0)}", grey),
                (f"Restraints {st.get('restraints', 0)} (failed {st.get('restrain_failed', 0)}),"
                 f" talks {st.get('talks', 0)}, captures {st.get('captures', 0)}, systems cut "
                 f"{st.get('systems_cut', 0)}, hatches sealed {st.get('hatches_closed', 0)}",
                 grey)]
        return out

    def crew_rows(self) -> list[tuple[tuple[str, str, str, str], tuple]]:
        """The crew table: (name, where, stress, fate) and the side's colour."""
        from game.sim import station as stn

        rows = []
        for c in self.summary.get("crew", []):
            fate = "left the station" if c["gone"] else "restrained" if c["restrained"] else \
                "free"
            where = "-" if c["gone"] else stn.MODULE_NAME.get(c["module"], c["module"])
            rows.append(((c["name"], where, str(c["stress"]), fate),
                         PALETTE.get(c["side"], PALETTE["neutral"])))
        return rows

    def record_line(self) -> str:
        rec = self.gs.sim.record_path
        return f"Recorded to {rec}" if rec else "Not recorded (headless games are not saved)"

    #: x offsets of the crew table's columns inside the box: name, where, stress, fate
    CREW_COLS = (24, 210, 380, 450)

    def draw(self, surface, alpha) -> None:
        rect = surface.get_rect()
        dim_below(surface, 140)
        box = pygame.Rect(0, 0, 760, min(rect.height - 20, 560))
        box.center = rect.center
        pygame.draw.rect(surface, (8, 12, 26), box, border_radius=8)
        pygame.draw.rect(surface, (90, 110, 160), box, 1, border_radius=8)
        ending = self.summary.get("ending", "")
        title = ENDING_TITLES.get(ending, ending)
        surface.blit(self.f_huge.render(title, True, (255, 236, 170)), (box.left + 24,
                                                                        box.top + 20))
        surface.blit(self.f.render(f"ending: {ending}", True, (150, 160, 180)),
                     (box.left + 26, box.top + 58))
        y = box.top + 86
        width = box.width - 48
        for text, col in self.lines():
            for part in wrap(self.f, text, width):
                surface.blit(self.f.render(part, True, col), (box.left + 24, y))
                y += 21
        y += 6
        for i, head in enumerate(("crew", "where", "stress", "at the end")):
            surface.blit(self.f.render(head, True, (130, 140, 165)),
                         (box.left + self.CREW_COLS[i], y))
        y += 21
        for cells, col in self.crew_rows():
            for i, cell in enumerate(cells):
                room = (self.CREW_COLS[i + 1] - self.CREW_COLS[i] - 10 if i + 1 <
                        len(self.CREW_COLS) else box.width - self.CREW_COLS[i] - 24)
                surface.blit(self.f.render(ellipsize(self.f, cell, room), True, col),
                             (box.left + self.CREW_COLS[i], y))
            y += 20
        y += 6
        for part in wrap(self.f, self.record_line(), width):
            surface.blit(self.f.render(part, True, (150, 160, 180)), (box.left + 24, y))
            y += 20
        self.item_rects = []
        y = max(y + 10, box.bottom - 40 * len(self.items) - 8)
        for i, (_k, label) in enumerate(self.items):
            r = pygame.Rect(box.left + 24, y, 420, 32)
            self.item_rects.append(r)
            on = i == self.sel
            pygame.draw.rect(surface, (50, 66, 110) if on else (20, 26, 44), r, border_radius=5)
            surface.blit(self.f_big.render(label, True, (255, 255, 255) if on else
                                           (200, 210, 230)), (r.left + 12, r.top + 7))
            y += 40
