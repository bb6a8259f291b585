"""What the view needs from the orbit engine, sampled once into tables and read per frame.

:class:`OrbitFeed` asks the one orbit sampler (``game.orbit.api.sample_orbit``, the one
the simulation's timeline and the orbit panel use) for a window of ISS positions, ground
track, Sun directions and sunlight at 5 s steps (one vectorised call), then answers per-frame
questions by interpolating that table, so a frame never waits for SGP4 or the ephemeris.
The window slides forward a little at a time: whenever less than ``AHEAD_S`` remains
ahead, one call appends at most ``CHUNK_S`` of samples (about 0.5 ms) and drops what fell
more than ``BEHIND_S`` behind, so no frame pays for a whole new table (that was a
~60 ms hitch every few mission hours). Only a jump outside the table refills it at once.

Positions are Earth-fixed, in Earth radii: x towards (0N, 0E), z to the North Pole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.errors import UserError
from game.facts.ground import MISSION_CONTROL
from game.view.render.astro import EARTH_RADIUS_KM, unit_from_latlon

STEP_S = 5.0
BEHIND_S = 100 * 60.0
AHEAD_S = 8 * 3600.0
CHUNK_S = 600.0  # samples appended per extension: at most one extension per call


@dataclass(frozen=True)
class IssState:
    unix_s: float
    pos: np.ndarray  # (3,) Earth radii, Earth-fixed
    vel: np.ndarray  # (3,) Earth radii per second, Earth-fixed
    lat_deg: float
    lon_deg: float
    alt_km: float
    sunlit: bool


@dataclass(frozen=True)
class Window:
    station: str
    rise_unix_s: float
    set_unix_s: float
    max_elevation_deg: float


def _api():
    from game.orbit import api  # the orbit engine's public face (imports Skyfield lazily)

    return api


class OrbitFeed:
    def __init__(self, orbit, start_unix_s: float):
        self.orbit = orbit
        self.period_s = 86400.0 / max(float(orbit.satrec.no_kozai) * 1440.0 / (2 * math.pi), 1.0)
        self._t0 = 0.0
        self.refills = 0  # whole tables computed (start and jumps)
        self.extensions = 0  # chunks appended
        self._fill(start_unix_s)
        self._passes: dict[str, list[Window]] = {}
        self._passes_until = -math.inf

    # -- table -------------------------------------------------------------------------
    def _sample(self, t: np.ndarray) -> tuple[np.ndarray, ...]:
        s = _api().sample_orbit(self.orbit, t)
        # Drawn on a spherical Earth: the geodetic sub-point pushed out by the altitude,
        # so the ISS sits exactly above the pixel its latitude/longitude names.
        surf = unit_from_latlon(s.lat_deg, s.lon_deg).reshape(-1, 3)
        pos = surf * (1.0 + s.alt_km / EARTH_RADIUS_KM)[:, None]
        return s.unix_s, s.lat_deg, s.lon_deg, s.alt_km, surf, pos, s.sun_ecef, s.sunlit

    def _set(self, cols: tuple[np.ndarray, ...]) -> None:
        (self._t, self.lat, self.lon, self.alt, self._surf, self._pos, self._sun,
         self._sunlit) = cols
        self._t0 = float(self._t[0])

    def _cols(self) -> tuple[np.ndarray, ...]:
        return (self._t, self.lat, self.lon, self.alt, self._surf, self._pos, self._sun,
                self._sunlit)

    def _fill(self, around_unix_s: float) -> None:
        """The whole table at once (start, or a jump outside it)."""
        t0 = math.floor((around_unix_s - BEHIND_S) / STEP_S) * STEP_S
        n = int((BEHIND_S + AHEAD_S) / STEP_S) + 1
        self._set(self._sample(t0 + STEP_S * np.arange(n, dtype=np.float64)))
        self.refills += 1

    def _extend(self, unix_s: float) -> None:
        """Append one chunk ahead and drop samples far behind: a small, bounded cost."""
        k = int(CHUNK_S / STEP_S)
        t_new = self._t[-1] + STEP_S * np.arange(1, k + 1, dtype=np.float64)
        add = self._sample(t_new)
        drop = max(int((unix_s - BEHIND_S - self._t0) / STEP_S) - 1, 0)
        self._set(tuple(np.concatenate([c[drop:], a]) for c, a in zip(self._cols(), add,
                                                                       strict=True)))
        self.extensions += 1

    def slide_due_in(self, now_unix_s: float, in_s: float) -> None:
        """Drop samples from the far end of the table so that its next slide (a chunk
        appended) falls ``in_s`` mission seconds after ``now_unix_s``: the render bench
        times a window with a slide inside it, so its cost shows in p99."""
        n = int((self._t[-1] - now_unix_s - AHEAD_S - in_s) / STEP_S)
        if n > 0:
            self._set(tuple(c[:-n] for c in self._cols()))

    def _ensure(self, unix_s: float) -> None:
        # Keep at least one orbit behind and two ahead in the table.
        behind_ok = self._t[0] + min(BEHIND_S, 1.02 * self.period_s) <= unix_s
        if not (behind_ok and unix_s <= self._t[-1] - 2.2 * self.period_s):
            self._fill(unix_s)  # a jump: nothing to amortise
        elif self._t[-1] - unix_s < AHEAD_S:
            self._extend(unix_s)

    def _at(self, unix_s: float) -> tuple[int, float]:
        self._ensure(unix_s)
        x = (unix_s - self._t0) / STEP_S
        i = min(max(int(x), 0), len(self._t) - 2)
        return i, x - i

    # -- per frame ---------------------------------------------------------------------
    def state(self, unix_s: float) -> IssState:
        i, f = self._at(unix_s)
        p = self._pos[i] * (1 - f) + self._pos[i + 1] * f
        v = (self._pos[i + 1] - self._pos[i]) / STEP_S
        lon0, lon1 = self.lon[i], self.lon[i + 1]
        dlon = (lon1 - lon0 + 180.0) % 360.0 - 180.0
        lon = (lon0 + dlon * f + 180.0) % 360.0 - 180.0
        return IssState(unix_s, p, v, float(self.lat[i] * (1 - f) + self.lat[i + 1] * f),
                        float(lon), float(self.alt[i] * (1 - f) + self.alt[i + 1] * f),
                        bool(self._sunlit[i] if f < 0.5 else self._sunlit[i + 1]))

    def sun(self, unix_s: float) -> np.ndarray:
        i, f = self._at(unix_s)
        s = self._sun[i] * (1 - f) + self._sun[i + 1] * f
        return s / np.linalg.norm(s)

    def track(self, unix_s: float, behind_s: float, ahead_s: float,
              step_s: float = 30.0) -> tuple[np.ndarray, np.ndarray]:
        """Surface points (unit vectors) of the ground track: (behind, ahead), ending and
        starting at the current sub-satellite point."""
        self._ensure(unix_s)
        k = max(int(round(step_s / STEP_S)), 1)
        i_now = int((unix_s - self._t0) / STEP_S)
        i0 = max(i_now - int(behind_s / STEP_S), 0)
        i1 = min(i_now + int(ahead_s / STEP_S), len(self._t) - 1)
        st = self.state(unix_s)
        here = unit_from_latlon(st.lat_deg, st.lon_deg)[None, :]
        back = self._surf[i0:i_now + 1:k]
        fwd = self._surf[i_now + 1:i1 + 1:k]
        return np.vstack([back, here]), np.vstack([here, fwd])

    def next_sun_event(self, unix_s: float) -> tuple[str, float] | None:
        """("sunrise"|"sunset", seconds until) from the table (5 s resolution)."""
        i, _f = self._at(unix_s)
        now = self._sunlit[i]
        later = np.flatnonzero(self._sunlit[i + 1:] != now)
        if later.size == 0:
            return None
        j = i + 1 + int(later[0])
        return ("sunset" if now else "sunrise"), float(self._t[j] - unix_s)

    def next_windows(self, unix_s: float) -> dict[str, Window | None]:
        """Next (or current) pass over each mission control, from ``api.passes``."""
        api = _api()
        if unix_s > self._passes_until - 6 * 3600 or unix_s < self._passes_until - 48 * 3600:
            start = unix_s - 900.0
            self._passes = {}
            for sid in MISSION_CONTROL.values():
                try:
                    got = api.passes(self.orbit, sid, start, 36.0)
                except UserError:  # OrbitDataError: SGP4 cannot fly that far ahead (the
                    got = []  # orbit decays), or past DE421's span: no window to show
                self._passes[sid] = [Window(sid, float(p.rise_unix_s), float(p.set_unix_s),
                                            float(p.max_elevation_deg)) for p in got]
            self._passes_until = start + 36 * 3600.0
        out: dict[str, Window | None] = {}
        for sid, ws in self._passes.items():
            out[sid] = next((w for w in ws if w.set_unix_s >= unix_s), None)
        return out
