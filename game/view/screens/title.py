"""The title menu: new game (side, scenario, difficulty, orbit file, seed), orbits,
replays, quit — over the rendered Earth turning in space.

Keyboard (the "title" bindings of :mod:`game.view.keymap`): Up/Down choose, Left/Right
(or Enter) change a choice, digits type the seed (a fresh one each launch, so newcomers
do not all play the same game), Enter on "New game" starts, F1 shows the help and the
rules, Esc quits. Mouse: hover chooses, click starts or cycles;
the arrows beside a choice step it back or forward.

The Orbits and Replays items push :class:`OrbitPanelScreen` and
:class:`ReplayBrowserScreen`. A user folder that cannot be read or written (read-only, full,
``ISS_GAME_HOME`` under a file) never ends the menu: the orbit row lists the bundled files
and says why the player's own are missing, and every refusal is one line at the bottom.

``python -m game.view.screens.title --screenshot PNG [--frames N]`` renders the menu headless.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pygame

from game.errors import UserError
from game.orbit.api import load_orbit
from game.session.orbit_files import orbit_files
from game.session.setup import apply_side, side_mode
from game.view import keymap
from game.view.app import Screen
from game.view.screens.orbit_panel import OrbitPanelScreen
from game.view.screens.play import PlayScreen
from game.view.screens.replay_browser import ReplayBrowserScreen
from game.view.widgets import ellipsize, font

SIDES = [("us", "USA - you vs the Russian AI"),
         ("ru", "Russia - you vs the US AI"),
         ("both", "Hot-seat - two players, Tab hands over"),
         ("watch", "Watch - AI against AI")]
SCENARIOS = [("film", "film - the six crew of the film"),
             ("international", "international - plus neutral ESA, JAXA, CSA crew")]
DIFFICULTIES = [("easy", "easy"), ("hard", "hard")]

BUNDLED = "bundled ISS"  # the orbit label of the bundled element set (the newest)
MENU_X, MENU_W = 60, 600  # the menu column; the Earth stays right of it


class _Backdrop(PlayScreen):
    """The Earth and the ISS for the menu: the play screen's scene, without its HUD, in
    the part of the window right of the menu column (never under its rows or arrows)."""

    def draw(self, surface, alpha) -> None:
        vs = self.view_state(alpha)
        surface.fill((0, 0, 0))
        area = surface.get_rect()
        left = min(MENU_X + MENU_W + 24, area.width // 2)
        area.left += left
        area.width -= left
        cam = self.rig.camera(vs.gmst_deg, vs.iss.pos, vs.iss.vel)
        surface.set_clip(area)
        try:
            self.scene.draw(surface, area, vs, cam)
        finally:
            surface.set_clip(None)


class TitleScreen(Screen):
    def __init__(self, setup):
        super().__init__()
        self.setup = setup
        self.sel = 0
        self.message = ""
        self.message_bad = False
        self.f_title = font(110)
        self.f_sub = font(26)
        self.f_item = font(30)
        self.f_val = font(24)
        self.f_small = font(19)
        self._files: list[Path] | None = None
        self._backdrop: _Backdrop | None = None
        self._backdrop_orbit = None
        self.rects: list[tuple[pygame.Rect, pygame.Rect | None, pygame.Rect | None]] = []
        self._t = 0.0
        self._veil: pygame.Surface | None = None

    # -- items -----------------------------------------------------------------------------
    def items(self) -> list[tuple[str, str, str]]:
        """(id, label, value) rows; value "" for plain actions."""
        s = self.setup
        return [
            ("start", "New game", "Enter to start"),
            ("side", "Side", dict(SIDES)[side_mode(s)]),
            ("scenario", "Scenario", dict(SCENARIOS).get(s.scenario, s.scenario)),
            ("difficulty", "AI", dict(DIFFICULTIES).get(s.difficulty, s.difficulty)),
            ("orbit", "Orbit", s.orbit_label),
            ("seed", "Seed", f"{s.seed}   (new each launch; type to change)"),
            ("hints", "Hints", "on - a few tips as the first minutes unfold"
             if s.hints else "off"),
            ("orbits", "Orbits...", "choose, edit and save element sets"),
            ("replays", "Replays...", "watch and verify recorded games"),
            ("quit", "Quit", ""),
        ]

    def files(self) -> list[Path]:
        """The orbit files the Orbit row cycles through (read once); if the player's
        folder cannot be read, the bundled ones and the reason, said once."""
        if self._files is None:
            self._files, problem = orbit_files()
            if problem:
                self._say(problem, bad=True)
        return self._files

    def change(self, item: str, step: int) -> None:
        s = self.setup
        if item == "side":
            ids = [k for k, _ in SIDES]
            apply_side(s, ids[(ids.index(side_mode(s)) + step) % len(ids)])
        elif item == "scenario":
            ids = [k for k, _ in SCENARIOS]
            s.scenario = ids[(ids.index(s.scenario) + step) % len(ids)] \
                if s.scenario in ids else ids[0]
        elif item == "difficulty":
            s.difficulty = "hard" if s.difficulty == "easy" else "easy"
        elif item == "seed":
            s.seed = max(0, s.seed + step)
        elif item == "hints":
            s.hints = not s.hints
        elif item == "orbit":
            self._step_orbit(step)

    def orbit_choices(self) -> list[tuple[str, Path | None]]:
        """What the Orbit row cycles through: the bundled ISS (the default), then every
        orbit file, bundled and the player's own."""
        return [(BUNDLED, None)] + [(p.name, p) for p in self.files()]

    def _step_orbit(self, step: int) -> None:
        choices = self.orbit_choices()
        names = [n for n, _p in choices]
        i = names.index(self.setup.orbit_label) if self.setup.orbit_label in names else 0
        for k in range(1, len(choices) + 1):
            name, p = choices[(i + step * k) % len(choices)]
            try:
                orbit = load_orbit(p)
            except UserError as exc:  # a bad file (OrbitDataError): say so, keep the last good
                self._say(f"{name}: {exc}", bad=True)
                continue
            self.setup.orbit, self.setup.orbit_label = orbit, name
            self.setup.epoch_unix_s = None
            self._say(f"orbit: {name}")
            return

    def orbit_credit(self) -> str:
        """The footer's words for the chosen orbit: real element sets, a preset, or the
        player's own (edited) file."""
        label = self.setup.orbit_label
        if label == BUNDLED:
            return "orbit: real ISS element set (bundled)"
        from game.paths import orbits_dir, user_orbits_dir

        mine = (user_orbits_dir(create=False) / label).is_file()
        try:
            bundled = (orbits_dir() / label).is_file()
        except UserError:  # no bundled folder (AssetError): said when the files were listed
            bundled = False
        if mine:
            return f"orbit: {label} (your own, edited)"
        if bundled and label.startswith("preset-"):
            return f"orbit: {label} (a preset, not the real ISS)"
        if bundled:
            return f"orbit: {label} (real ISS element set)"
        return f"orbit: {label}"

    def _say(self, text: str, bad: bool = False) -> None:
        self.message, self.message_bad = text, bad

    def activate(self, item: str) -> None:
        if item == "start":
            self.start_game()
        elif item == "quit":
            self.app.quit()
        elif item == "orbits":
            self.app.push(OrbitPanelScreen(self.app, self.setup))
        elif item == "replays":
            self.app.push(ReplayBrowserScreen(self.app))
        else:
            self.change(item, +1)

    def start_game(self):
        from game.view.screens.game_screen import GameScreen
        from game.view.sound import Sound

        setup = dataclasses.replace(self.setup)
        try:
            screen = GameScreen(setup, sound=None if self.app.headless else Sound())
        except UserError as exc:  # e.g. an orbit SGP4 cannot fly over the game's span
            self._say(f"cannot start: {exc}", bad=True)
            return None
        self.app.push(screen)
        return screen

    # -- input -----------------------------------------------------------------------------
    # keymap actions (game.view.keymap, the "title" bindings)
    def _item(self) -> str:
        return self.items()[self.sel][0]

    def act_up(self, _ev=None) -> None:
        self.sel = (self.sel - 1) % len(self.items())

    def act_down(self, _ev=None) -> None:
        self.sel = (self.sel + 1) % len(self.items())

    def act_left(self, _ev=None) -> None:
        self.change(self._item(), -1)

    def act_right(self, _ev=None) -> None:
        self.change(self._item(), +1)

    def act_select(self, _ev=None) -> None:
        self.activate(self._item())

    def act_quit(self, _ev=None) -> None:
        self.app.quit()

    def act_help(self, _ev=None) -> None:
        from game.view.screens.help import HelpScreen

        self.app.push(HelpScreen(groups=("Title", "Orders", "Time", "Game", "View"),
                                 pages=("keys", "rules", "refusals")))

    def handle_event(self, ev) -> bool:
        items = self.items()
        if ev.type == pygame.KEYDOWN:
            item = items[self.sel][0]
            if item == "seed" and ev.unicode.isdigit():  # typing the seed
                self.setup.seed = int(str(self.setup.seed)[-8:] + ev.unicode)
                return True
            if item == "seed" and ev.key == pygame.K_BACKSPACE:
                self.setup.seed = int(str(self.setup.seed)[:-1] or 0)
                return True
            return keymap.dispatch(self, ev, ("title",))
        if ev.type == pygame.MOUSEMOTION:
            for i, (r, _l, _r) in enumerate(self.rects):
                if r.collidepoint(ev.pos):
                    self.sel = i
            return True
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button in (1, 3):
            for i, (r, left, right) in enumerate(self.rects):
                if not r.collidepoint(ev.pos):
                    continue
                self.sel = i
                item = items[i][0]
                if left is not None and left.collidepoint(ev.pos):
                    self.change(item, -1)
                elif right is not None and right.collidepoint(ev.pos):
                    self.change(item, +1)
                else:
                    self.activate(item) if ev.button == 1 else self.change(item, -1)
                return True
            return True
        return False

    # -- time and drawing ------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self._t += dt
        if self._backdrop is None or self._backdrop_orbit is not self.setup.orbit:
            self._backdrop_orbit = self.setup.orbit
            self._backdrop = _Backdrop(self.setup.orbit, self.setup.start_unix_s, warp=60.0,
                                       camera="free", auto_camera=True)
            self._backdrop.show_inset = False
            self._backdrop.rig.free.dist = 3.2
        self._backdrop.update(dt)

    def draw(self, surface, alpha) -> None:
        if self._backdrop is None:
            self.update(0.0)
        self._backdrop.draw(surface, alpha)
        w, h = surface.get_size()
        # a dark veil on the left for the menu
        if self._veil is None or self._veil.get_height() != h:
            self._veil = pygame.Surface((min(680, w), h), pygame.SRCALPHA)
            for x in range(0, self._veil.get_width(), 8):
                a = int(200 * max(0.0, 1.0 - max(0, x - 420) / 260))
                self._veil.fill((3, 6, 16, a), (x, 0, 8, h))
        surface.blit(self._veil, (0, 0))
        surface.blit(self.f_title.render("I.S.S.", True, (240, 244, 252)), (70, 46))
        sub = ("Three Americans, three Russians, one order: take the station."
               if self.setup.scenario == "film" else
               "Americans, Russians and their partners, one order: take the station.")
        surface.blit(self.f_sub.render(sub, True, (175, 190, 215)), (74, 128))
        self.rects = []
        self.value_rects: list[pygame.Rect | None] = []  # where each value was drawn
        self.value_texts: list[str] = []  # and what (ellipsized) text
        y = 178
        for i, (item, label, value) in enumerate(self.items()):
            on = i == self.sel
            r = pygame.Rect(MENU_X, y, MENU_W, 42)
            left = right = value_rect = None
            text = ""
            if on:
                pulse = 0.5 + 0.5 * math.sin(self._t * 4)
                pygame.draw.rect(surface, (34, 48, 86), r, border_radius=6)
                pygame.draw.rect(surface, (120 + int(60 * pulse), 150, 220), r, 1,
                                 border_radius=6)
            col = (255, 214, 120) if item == "start" else (240, 244, 252)
            surface.blit(self.f_item.render(label, True, col), (r.left + 16, r.top + 4))
            if value:
                vcol = (175, 200, 240) if on else (150, 165, 195)
                cyclic = item in ("side", "scenario", "difficulty", "orbit", "seed", "hints")
                vx = r.left + 150
                if cyclic:
                    left = pygame.Rect(vx, r.top + 2, 22, 38)
                    right = pygame.Rect(r.right - 28, r.top + 2, 22, 38)
                    for rr, glyph in ((left, "<"), (right, ">")):
                        g = self.f_item.render(glyph, True, (255, 214, 120) if on else
                                               (120, 130, 160))
                        surface.blit(g, g.get_rect(center=rr.center))
                    vx += 26
                room = (right.left if right is not None else r.right) - vx - 8
                text = ellipsize(self.f_val, value, room)  # never into the ">" arrow
                ts = self.f_val.render(text, True, vcol)
                value_rect = surface.blit(ts, (vx, r.top + 12))
            self.rects.append((r, left, right))
            self.value_rects.append(value_rect)
            self.value_texts.append(text)
            y += 44 if item not in ("seed", "start") else 52
        hint = ("Up/Down choose    Left/Right change    Enter select    F1 help and rules    "
                "Esc quit    F11 full screen")
        surface.blit(self.f_small.render(hint, True, (150, 160, 185)), (70, h - 56))
        if self.message:
            col = (255, 130, 110) if self.message_bad else (150, 230, 170)
            surface.blit(self.f_small.render(self.message[:110], True, col), (70, h - 32))
        credit = f"Earth: NASA Blue Marble; cities: GeoNames; {self.orbit_credit()}"
        cs = self.f_small.render(credit, True, (110, 120, 140))
        surface.blit(cs, (w - cs.get_width() - 16, h - 28))


def default_setup():
    from game.session.setup import GameSetup, fresh_seed

    return GameSetup(orbit=load_orbit(), orbit_label=BUNDLED, seed=fresh_seed(), hints=True)


def render_title_png(path: str, frames: int = 30, setup=None) -> None:
    """Headless: run the title menu ``frames`` frames and save the last one as a PNG."""
    import os

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.view.app import App

    app = App(headless=True)
    app.push(TitleScreen(setup or default_setup()))
    app.run(frames=frames)
    pygame.image.save(app.surface, path)


if __name__ == "__main__":  # pragma: no cover
    import argparse

    p = argparse.ArgumentParser(prog="python -m game.view.screens.title")
    p.add_argument("--screenshot", required=True, metavar="PNG")
    p.add_argument("--frames", type=int, default=30)
    a = p.parse_args()
    render_title_png(a.screenshot, a.frames)
