"""A seeded demo war for the view until the simulation owns the schedule.

The view takes strikes as a plain array of rows ``(lat_deg, lon_deg, t_strike_unix_s,
magnitude)``; this module only makes such an array from real cities (``cities.csv``).
"""

from __future__ import annotations

import numpy as np

from game.view.resources import cities


def demo_strikes(seed: int, start_unix_s: float, n: int = 48) -> np.ndarray:
    """``n`` strikes over real cities: a first salvo in the first minutes of the mission,
    then waves that come faster over the next hours. Same seed, same war."""
    c = cities()
    rng = np.random.default_rng(seed)
    w = np.sqrt(c.population.astype(np.float64))
    pick = rng.choice(len(w), size=min(n, len(w)), replace=False, p=w / w.sum())
    k = len(pick)
    first = min(6, k)
    t = np.empty(k)
    t[:first] = np.sort(rng.uniform(40.0, 420.0, first))
    gaps = rng.exponential(1.0, k - first) * np.linspace(900.0, 200.0, k - first)
    t[first:] = 900.0 + np.cumsum(gaps)
    mag = np.clip(rng.lognormal(0.0, 0.35, k), 0.4, 1.8)
    return np.stack([c.lat[pick], c.lon[pick], start_unix_s + t, mag], axis=1)
