"""The replays browser: every recorded game in the user's replays folder.

A table (date, sides, scenario, ending, length); files that cannot be read are listed
with their error in red rather than hidden. Up/down or the mouse select; Enter or a
click on the selected row opens the replay screen; Esc goes back.
"""

from __future__ import annotations

import pygame

from game.errors import ReplayError, UserFolderError
from game.replay.api import ReplayInfo, list_replays
from game.session.wording import fmt_duration
from game.view.app import Screen
from game.view.widgets import ellipsize, font, wrap

BG = (7, 10, 20)
SELECT = (44, 62, 104)
EDGE = (44, 56, 88)
TEXT = (225, 232, 245)
DIM = (140, 152, 178)
ACCENT = (255, 200, 90)
BAD = (255, 120, 110)
ROW_H = 30
COLUMNS = (("Date (UTC)", 0), ("Sides", 170), ("Scenario", 410), ("Ending", 530),
           ("Length (play)", 690), ("File", 840))


def _length(info: ReplayInfo) -> str:
    return f"{fmt_duration(info.ticks, hours=True)} ({fmt_duration(info.play_s)})"


class ReplayBrowserScreen(Screen):
    def __init__(self, app=None, folder=None):
        super().__init__()
        self.app = app
        self.folder = folder
        self.items: list[ReplayInfo] = []
        self.selected = 0
        self.scroll = 0
        self.message = ""
        self.f_title = font(40)
        self.f = font(22)
        self.f_small = font(18)
        self._list_rect = pygame.Rect(0, 0, 0, 0)

    def on_enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.message = ""
        try:
            self.items = list_replays(self.folder)
        except UserFolderError as exc:  # a replays folder the player may not read
            self.items = []
            self.message = str(exc)
        if self.folder is None and not self.message:
            # Games are recorded here: a folder that cannot be written is said now, not
            # as "no replays yet" (the first game would make this folder anyway).
            from game.paths import user_replays_dir

            try:
                user_replays_dir()
            except UserFolderError as exc:
                self.message = f"New games are not recorded: {exc}"
        self.selected = min(self.selected, max(0, len(self.items) - 1))

    # -- input -------------------------------------------------------------------------
    def handle_event(self, ev) -> bool:
        if ev.type == pygame.KEYDOWN:
            if ev.key == pygame.K_ESCAPE:
                self.app.pop()
            elif ev.key in (pygame.K_DOWN, pygame.K_j):
                self._select(self.selected + 1)
            elif ev.key in (pygame.K_UP, pygame.K_k):
                self._select(self.selected - 1)
            elif ev.key == pygame.K_PAGEDOWN:
                self._select(self.selected + 10)
            elif ev.key == pygame.K_PAGEUP:
                self._select(self.selected - 10)
            elif ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.open_selected()
            elif ev.key == pygame.K_F5:
                self.refresh()
            else:
                return False
            return True
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            i = self._row_at(ev.pos)
            if i is None:
                return False
            if i == self.selected:
                self.open_selected()
            else:
                self._select(i)
            return True
        if ev.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, min(self.scroll - ev.y * 3, max(0, len(self.items) - 1)))
            return True
        return False

    def _select(self, i: int) -> None:
        if not self.items:
            return
        self.selected = max(0, min(i, len(self.items) - 1))
        rows = max(1, self._list_rect.height // ROW_H)
        if self.selected < self.scroll:
            self.scroll = self.selected
        elif self.selected >= self.scroll + rows:
            self.scroll = self.selected - rows + 1

    def _row_at(self, pos) -> int | None:
        if not self._list_rect.collidepoint(pos):
            return None
        i = self.scroll + (pos[1] - self._list_rect.top) // ROW_H
        return i if 0 <= i < len(self.items) else None

    def open_selected(self) -> None:
        if not self.items:
            return
        info = self.items[self.selected]
        if not info.ok:
            self.message = f"{info.path.name}: {info.error}"
            return
        try:
            from game.replay.api import ReplayPlayer, read_replay
            from game.view.screens.replay_screen import ReplayScreen

            screen = ReplayScreen(ReplayPlayer(read_replay(info.path)), autoplay=True)
        except ReplayError as exc:
            self.message = str(exc)
            return
        self.message = ""
        self.app.push(screen)

    # -- drawing -----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        surface.fill(BG)
        w, h = surface.get_size()
        surface.blit(self.f_title.render("Replays", True, TEXT), (40, 28))
        where = str(self.folder) if self.folder else _folder_text()
        surface.blit(self.f_small.render(where, True, DIM), (40, 64))
        x0, top = 40, 96
        for name, dx in COLUMNS:
            surface.blit(self.f_small.render(name.upper(), True, (120, 140, 190)),
                         (x0 + 10 + dx, top))
        self._list_rect = pygame.Rect(x0, top + 22, w - 80, h - top - 22 - 92)
        pygame.draw.rect(surface, (9, 13, 26), self._list_rect, border_radius=6)
        pygame.draw.rect(surface, EDGE, self._list_rect, 1, border_radius=6)
        if not self.items:
            t = self.f.render("No replays yet." if self.message else
                              "No replays yet: every game you play is recorded here.", True,
                              DIM)
            surface.blit(t, (x0 + 16, top + 40))
        rows = self._list_rect.height // ROW_H
        prev = surface.get_clip()
        surface.set_clip(self._list_rect.inflate(-2, -2))
        for k, info in enumerate(self.items[self.scroll:self.scroll + rows]):
            i = self.scroll + k
            r = pygame.Rect(x0 + 2, self._list_rect.top + k * ROW_H + 2, w - 84, ROW_H - 2)
            if i == self.selected:
                pygame.draw.rect(surface, SELECT, r, border_radius=4)
                pygame.draw.rect(surface, ACCENT, (r.left, r.top + 4, 3, r.height - 8))
            y = r.top + 7
            cells = [info.created]
            if info.ok:
                cells += [info.sides, info.scenario, info.ending.replace("_", " "),
                          _length(info), info.path.name]
                colours = [TEXT, TEXT, DIM, ACCENT if info.ending == "cut short" else TEXT,
                           DIM, DIM]
            else:
                cells += [f"{info.path.name} - unreadable: {info.error}"[:130]]
                colours = [DIM, BAD]
            for k, ((name, dx), cell, col) in enumerate(zip(COLUMNS, cells, colours,
                                                            strict=False)):
                # a cell ends where the next column begins (the length ran into the file)
                nxt = COLUMNS[k + 1][1] if k + 1 < len(COLUMNS) else w - 94
                limit = 1000 if not info.ok and name == "Sides" else nxt - dx - 12
                surface.blit(self.f.render(ellipsize(self.f, cell, limit), True, col),
                             (x0 + 10 + dx, y))
        surface.set_clip(prev)
        hint = "Up/Down select   Enter or click open   F5 refresh   Esc back"
        surface.blit(self.f_small.render(hint, True, DIM), (40, h - 40))
        if self.message:  # wrapped under the list, at most two lines
            lines = wrap(self.f, self.message, w - 80)[:2]
            for i, line in enumerate(lines):
                surface.blit(self.f.render(line, True, BAD), (40, h - 66 - 20 * (len(lines)
                                                                              - 1 - i)))


def _folder_text() -> str:
    """Where the replays are (only said: listing never makes or checks the folder)."""
    from game.paths import user_replays_dir

    return str(user_replays_dir(create=False))
