"""A screen of rows to choose from (the pause menu, the end of a game): hot keys,
Up/Down and Enter, hover and click."""

from __future__ import annotations

import pygame

from game.view.app import Screen


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
