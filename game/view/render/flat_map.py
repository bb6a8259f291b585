"""A flat map of the Earth (equirectangular, Blue Marble) with the night side shaded for a
given Sun: the orbit panel's map under the whole ground track."""

from __future__ import annotations

import numpy as np
import pygame

from game.view.resources import earth_maps


def night_map(size: tuple[int, int], sun) -> pygame.Surface:
    """The map at ``size`` (width, height) px, lon -180..180 left to right, lat 90..-90
    top to bottom; ``sun`` is the unit vector to the Sun in the Earth-fixed frame (a soft
    twilight band, the night a dim blue)."""
    m = earth_maps()
    rgb = np.stack([m.r, m.g, m.b], axis=1).reshape(m.height, m.width, 3)
    step = max(m.width // (size[0] * 2), 1)
    small = rgb[::step, ::step].swapaxes(0, 1)
    base = pygame.transform.smoothscale(pygame.surfarray.make_surface(
        np.ascontiguousarray(small)), size)
    arr = pygame.surfarray.array3d(base).astype(np.float32)
    lon = -180.0 + (np.arange(size[0]) + 0.5) * 360.0 / size[0]
    lat = 90.0 - (np.arange(size[1]) + 0.5) * 180.0 / size[1]
    la, lo = np.radians(lat)[None, :], np.radians(lon)[:, None]
    mu = (np.cos(la) * np.cos(lo) * sun[0] + np.cos(la) * np.sin(lo) * sun[1]
          + np.sin(la) * sun[2])
    t = np.clip((mu + 0.1) / 0.2, 0.0, 1.0)
    k = 0.28 + 0.72 * t * t * (3.0 - 2.0 * t)
    arr *= k[:, :, None]
    arr[:, :, 2] += (1.0 - k) * 18.0
    return pygame.surfarray.make_surface(np.clip(arr, 0, 255).astype(np.uint8))
