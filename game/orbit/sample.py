"""The one orbit sampler: where the ISS is, where the Sun is and whether the ISS is lit,
for an array of times, from one SGP4 run.

Every part of the game that samples the orbit over a span asks here, each at its own
step: the simulation's timeline (:func:`game.orbit.build.build_timeline`, 1 s), the
window's orbit feed (``game.view.render.feed``, 5 s) and the orbit panel's live preview
(``game.session.orbit_preview``, 20 s). So the ISS the HUD shows, the ISS the rules see
and the ISS the editor previews are the same numbers at the same instants.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.orbit.elements import Orbit
from game.orbit.sun import shadow_margin_km, sun_direction_ecef
from game.orbit.timescale import as_unix_array
from game.orbit.track import geodetic_from_ecef, position_ecef_km

__all__ = ["OrbitSamples", "sample_orbit"]


@dataclass(frozen=True)
class OrbitSamples:
    """The orbit at ``n`` instants; every array has ``n`` rows."""

    unix_s: np.ndarray  # (n,) UTC POSIX seconds
    r_ecef_km: np.ndarray  # (n, 3) Earth-fixed positions (ITRF, polar motion ignored)
    lat_deg: np.ndarray  # (n,) WGS84 geodetic sub-satellite point
    lon_deg: np.ndarray  # (n,) east longitude in [-180, 180)
    alt_km: np.ndarray  # (n,) height above the WGS84 ellipsoid
    sun_ecef: np.ndarray  # (n, 3) unit vectors to the Sun, Earth-fixed
    sunlit: np.ndarray  # (n,) bool: outside the Earth's shadow (game.orbit.sun's model)

    def __len__(self) -> int:
        return len(self.unix_s)


def sample_orbit(orbit: Orbit, unix_s) -> OrbitSamples:
    """The orbit at each of ``unix_s`` (SGP4 once, the Sun once, the shadow from the same
    positions). OrbitDataError (one line) if SGP4 cannot fly to one of them or a time is
    outside the span the game computes."""
    t = as_unix_array(unix_s)
    r = position_ecef_km(orbit, t)
    lat, lon, alt = geodetic_from_ecef(r)
    sun = sun_direction_ecef(t)
    return OrbitSamples(t, r, lat, lon, alt, sun, shadow_margin_km(r, sun) > 0.0)
