"""Esc in a game: the pause menu (resume, leave to the title menu, quit), and the way
out of a game to the title that the end screen shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.session.wording import fmt_duration
from game.view.screens.choice import ChoiceScreen
from game.view.widgets import dim_below, font

if TYPE_CHECKING:
    from game.view.screens.game_screen import GameScreen


def leave_to_title(app, setup) -> None:
    """Pop the top screens down to (and including) the game; show the title menu."""
    from game.view.screens.game_screen import GameScreen
    from game.view.screens.title import TitleScreen

    while app.screens and not isinstance(app.top, GameScreen):
        app.pop()
    if app.screens:
        app.pop()  # the game: its on_exit finishes (or discards) the replay
    if not app.screens or not isinstance(app.top, TitleScreen):
        app.running = True
        app.push(TitleScreen(setup))


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
        note = f"mission T+{fmt_duration(sim.game.tick)}: the clock stands still"
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
