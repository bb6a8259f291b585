"""How fast SGP4 drifts away from the real orbit: measured on real element sets.

An element set is a fit to the tracking of a few days; flown further from its epoch,
SGP4's drag model (BSTAR against the real, changing atmosphere) puts the station ahead
of or behind where it really is, and that along-track error grows as the square of the
time from the epoch (a constant error in the decay rate, integrated twice).

:func:`measure_drift` measures it between two real sets of the same satellite, the later
one standing for the truth: both are flown over the days between their epochs and their
positions compared. Near the older epoch the difference is the newer set's own error
flown back, near the newer epoch the older set's error flown forward; the fit
``|k_old * t_old**2 - k_new * t_new**2|`` (``t_*`` the days from each epoch) separates
them. ``tools/measure_drift.py`` prints the figures for the bundled ISS sets, and
:data:`game.orbit.api.EPOCH_WARNING_DAYS` is chosen from them (the age at which the
worse of the two reaches :data:`DRIFT_LIMIT_KM`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.orbit.elements import Orbit
from game.orbit.timescale import DAY_S

__all__ = ["Drift", "measure_drift", "DRIFT_LIMIT_KM"]

#: The drift the game calls too much: 100 km is 13 s of the station's flight, so the
#: order windows and orbital dawn the player times moves by more than that, and the
#: station is drawn a degree off its real place.
DRIFT_LIMIT_KM = 100.0


@dataclass(frozen=True)
class Drift:
    """The measured drift between two element sets of one satellite."""

    older: Orbit
    newer: Orbit
    days: float  # newer epoch minus older epoch
    km_at_newer_epoch: float  # the older set flown to the newer epoch, vs the newer set
    km_at_older_epoch: float  # the newer set flown back to the older epoch, vs the older
    k_older_km_per_day2: float  # fitted growth of the older set's error, km/day²
    k_newer_km_per_day2: float  # the newer set's, flown back
    rms_fit_km: float  # how well the two-parabola model fits the measured difference

    @property
    def k_worst(self) -> float:
        return max(self.k_older_km_per_day2, self.k_newer_km_per_day2)

    def age_for(self, km: float = DRIFT_LIMIT_KM) -> float:
        """Days from the epoch at which the worse of the two sets drifts ``km``."""
        return math.sqrt(km / self.k_worst)


def _gap(a: Orbit, b: Orbit, t: np.ndarray) -> np.ndarray:
    from game.orbit.track import position_teme_km

    return np.linalg.norm(position_teme_km(a, t) - position_teme_km(b, t), axis=1)


def measure_drift(older: Orbit, newer: Orbit, samples: int = 400) -> Drift:
    """Compare two element sets of one satellite over the span between their epochs."""
    e0, e1 = older.epoch_unix_s, newer.epoch_unix_s
    if not e1 > e0:
        raise ValueError("the newer element set must have the later epoch")
    t = np.linspace(e0, e1, samples)
    gap = _gap(older, newer, t)
    t_old = (t - e0) / DAY_S
    t_new = (t - e1) / DAY_S
    # The two errors have opposite signs where the gap passes through its minimum:
    # signed gap = k_old t_old² - k_new t_new², linear in (k_old, k_new).
    turn = int(np.argmin(gap))
    signed = np.where(np.arange(samples) >= turn, gap, -gap)
    design = np.column_stack([t_old**2, -(t_new**2)])
    (k_old, k_new), *_ = np.linalg.lstsq(design, signed, rcond=None)
    fit = np.abs(design @ np.array([k_old, k_new]))
    return Drift(older=older, newer=newer, days=(e1 - e0) / DAY_S,
                 km_at_newer_epoch=float(gap[-1]), km_at_older_epoch=float(gap[0]),
                 k_older_km_per_day2=float(abs(k_old)), k_newer_km_per_day2=float(abs(k_new)),
                 rms_fit_km=float(np.sqrt(np.mean((fit - gap) ** 2))))
