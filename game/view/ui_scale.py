"""How big the interface is drawn: one factor from the canvas size, for fonts and panels.

The layout is designed at :data:`BASE` (1280x720) and scales with the canvas: the factor
is the smaller of width/1280 and height/720, in steps of 1/20 (so fonts are cached at a
few sizes), from 0.8 (the smallest canvas, :data:`game.view.app.MIN_SIZE`) up to 4 (8K).
At 1920x1080 it is 1.5, at 2560x1440 2, at 3840x2160 3. ``ISS_GAME_UI_SCALE`` multiplies
it (a player's preference, e.g. on a small high-DPI screen); pygame does not report the
display's DPI.

Panels keep a :class:`UiScale` and ask it for pixels (``ui.px(12)``) and fonts
(``ui.font(19)``): every length they draw is a design length at 1280x720 times the factor,
and the text is rendered at its final size, so it stays sharp at any resolution.
"""

from __future__ import annotations

import os

import pygame

from game.view.widgets import font

BASE = (1280, 720)
MIN_K, MAX_K = 0.8, 4.0


def ui_scale(size: tuple[int, int]) -> float:
    """The interface factor for a canvas of ``size`` (see the module docstring)."""
    w, h = size
    k = min(w / BASE[0], h / BASE[1])
    try:
        k *= float(os.environ.get("ISS_GAME_UI_SCALE", "1") or 1)
    except ValueError:  # ISS_GAME_UI_SCALE is a tuning knob: not a number, factor 1
        pass
    return round(min(max(k, MIN_K), MAX_K) * 20) / 20


class UiScale:
    """Design pixels and fonts at one factor."""

    def __init__(self, k: float = 1.0):
        self.k = float(k)

    def px(self, v: float) -> int:
        return int(round(v * self.k))

    def font(self, size: int) -> pygame.font.Font:
        return font(max(8, int(round(size * self.k))))

    def __eq__(self, other) -> bool:
        return isinstance(other, UiScale) and other.k == self.k

    def __hash__(self) -> int:
        return hash(self.k)
