"""The help overlays: the play screen's keys, and in a game every key and the rules in
brief. Any key or click closes them."""

from __future__ import annotations

import pygame

from game.view.app import DismissibleOverlay
from game.view.panels.hud import HELP_LINES, Hud
from game.view.widgets import dim_below, font, veil


class HelpScreen(DismissibleOverlay):
    """An overlay: the play screen still draws beneath it; any key or click closes it."""

    def __init__(self, hud: Hud):
        super().__init__()
        self.hud = hud

    def draw(self, surface, alpha) -> None:
        dim_below(surface, 150)  # everything below recedes, nothing reads through
        self.hud.draw_help(surface, surface.get_rect())


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
