"""Bundled view assets, loaded once: Earth texture, night lights, station facts (the
cities are read by :mod:`game.facts.cities`, the one reader for every layer).

A missing or unreadable file raises :class:`game.errors.AssetError` (one line, exit 2).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import numpy as np
import pygame

from game.errors import AssetError
from game.paths import asset


@dataclass(frozen=True)
class EarthMaps:
    width: int
    height: int
    r: np.ndarray  # flat uint8 texture channels, row-major from lat +90, lon -180
    g: np.ndarray
    b: np.ndarray
    lights: np.ndarray  # flat float32 0..1 city lights, same grid


def _load_image(name: str) -> pygame.Surface:
    path = asset(name)
    try:
        return pygame.image.load(str(path))
    except (pygame.error, OSError) as exc:
        raise AssetError(f"cannot read image ({exc})", where=str(path)) from None


@functools.lru_cache(maxsize=1)
def earth_maps() -> EarthMaps:
    day = _load_image("earth_day.jpg")
    w, h = day.get_size()
    rgb = pygame.surfarray.array3d(day).transpose(1, 0, 2)  # (h, w, 3)
    lights_surf = _load_image("night_lights.png")
    if lights_surf.get_size() != (w, h):
        lights_surf = pygame.transform.smoothscale(lights_surf.convert(24), (w, h))
    lights = pygame.surfarray.array3d(lights_surf)[:, :, 0].T.astype(np.float32) / 255.0
    return EarthMaps(
        w, h,
        np.ascontiguousarray(rgb[:, :, 0]).ravel(),
        np.ascontiguousarray(rgb[:, :, 1]).ravel(),
        np.ascontiguousarray(rgb[:, :, 2]).ravel(),
        np.ascontiguousarray(lights).ravel(),
    )


@functools.lru_cache(maxsize=1)
def station_facts() -> dict:
    path = asset("station.json")
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise AssetError(f"bad station facts ({exc})", where=str(path)) from None
