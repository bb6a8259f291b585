"""The public face of ``game.orbit``: import from here, not from the modules behind it.

Conventions, everywhere:

* times are numpy float64 arrays (or scalars) of UTC POSIX seconds, named ``unix_s``;
* angles are degrees (``_deg``) except where a name says radians (``_rad``);
* distances are kilometres (``_km``), Earth-fixed vectors are ITRF without polar motion;
* every bad input from outside (file, text, edit) raises
  :class:`game.errors.OrbitDataError`, one line naming where and what;
* the game computes only inside :data:`SUPPORTED_SPAN` (``supported_span()``: UTC
  POSIX seconds, about 1899-07-29..2053-10-08, the JPL DE421 ephemeris it reads the Sun
  from). Every function taking a time raises ``OrbitDataError`` outside it (see
  ``check_time_span``), before computing; an element set whose epoch is outside is
  refused when it is loaded, and ``edit_elements`` refuses to move an epoch out;
* an element set loads only if SGP4 flies it (finite positions, no error code, within
  the Earth's reach) from a day before its epoch to two days after (game.orbit.limits),
  and every function that computes over a span checks that span first
  (:func:`check_flight`), so NaN or a decayed orbit is one clean error, never data.

Typical use::

    orbit = load_orbit()                       # bundled ISS, newest epoch
    track = ground_track(orbit, t)             # fast, vectorised
    s = sample_orbit(orbit, t)                 # positions, sub-points, Sun, sunlight
    timeline = build_timeline(orbit, orbit.epoch_unix_s, 1.0, 6 * 3600)
"""

from __future__ import annotations

from pathlib import Path

from game.orbit.build import build_timeline
from game.orbit.edit import MAX_ALTITUDE_KM, MIN_ALTITUDE_KM, edit_elements
from game.orbit.elements import EARTH_EQUATORIAL_RADIUS_KM, Orbit
from game.orbit.flight import check_flight
from game.orbit.parse import parse_orbit_text, read_orbit_file, select_orbit, tle_checksum
from game.orbit.passes import (
    GROUND_STATIONS,
    GroundStation,
    Pass,
    elevation_deg,
    elevation_from_ecef_deg,
    in_view,
    passes,
)
from game.orbit.sample import OrbitSamples, sample_orbit
from game.orbit.sun import (
    EARTH_SHADOW_RADIUS_KM,
    SunEvent,
    subsolar_point,
    sun_direction_ecef,
    sun_events,
    sunlit,
    sunlit_skyfield,
    terminator,
)
from game.orbit.timeline import OrbitTimeline
from game.orbit.timescale import check_time_span, iso_utc, parse_iso_utc, supported_span
from game.orbit.tle import Place, clean_name, orbit_from_lines
from game.orbit.track import (
    Track,
    ecef_from_geodetic,
    geodetic_from_ecef,
    gmst_rad,
    ground_track,
    ground_track_skyfield,
    position_ecef_km,
    position_teme_km,
    split_antimeridian,
)

__all__ = [
    # element sets
    "Orbit", "load_orbit", "parse_orbit_text", "read_orbit_file", "select_orbit",
    "tle_checksum", "epoch_warning", "EPOCH_WARNING_DAYS", "EARTH_EQUATORIAL_RADIUS_KM",
    "check_flight", "orbit_from_tle_lines",
    # changing an element set
    "edit_elements", "MIN_ALTITUDE_KM", "MAX_ALTITUDE_KM",
    # where the ISS is
    "Track", "ground_track", "ground_track_skyfield", "position_ecef_km", "position_teme_km",
    "gmst_rad",
    "geodetic_from_ecef", "ecef_from_geodetic", "split_antimeridian",
    # the Sun
    "subsolar_point", "sun_direction_ecef", "sunlit", "sunlit_skyfield", "sun_events",
    "SunEvent", "terminator", "EARTH_SHADOW_RADIUS_KM",
    # ground stations
    "GROUND_STATIONS", "GroundStation", "Pass", "passes", "elevation_deg",
    "elevation_from_ecef_deg", "in_view",
    # the one sampler (the timeline, the view's feed and the orbit panel's preview)
    "OrbitSamples", "sample_orbit",
    # for the simulation
    "OrbitTimeline", "build_timeline",
    # time
    "parse_iso_utc", "iso_utc", "SUPPORTED_SPAN", "supported_span", "check_time_span",
]

#: (first, last) UTC POSIX seconds the game computes; read from DE421 on first access.
SUPPORTED_SPAN: tuple[float, float]


def __getattr__(name: str):
    # SUPPORTED_SPAN is read from the DE421 file: opened on first use, not on import.
    if name == "SUPPORTED_SPAN":
        return supported_span()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Past this many days from the epoch the game warns that SGP4 has drifted from the real
#: station. Chosen from measurement (``tools/measure_drift.py``, game.orbit.drift): the
#: bundled ISS sets of 2026-09-26 and 2026-10-08, 12.6 days apart, differ by 1,910 km at
#: the later epoch; the fitted along-track error of the worse set grows 12.2 km/day² (rms
#: misfit 8 km), so it passes 100 km (13 s of flight: order windows and orbital dawn move
#: by more than that) after 2.87 days: 12 km at 1 day, 110 km at 3 days, 600 km at 7 days
#: (where the warning used to begin).
EPOCH_WARNING_DAYS = 2.5


def load_orbit(path: str | Path | None = None, sat: str | int | None = None) -> Orbit:
    """One satellite from an orbit file (TLE, 3LE, OMM JSON/CSV).

    ``path`` None is the bundled ISS element set (the newest); ``sat`` is a NORAD number or
    a name (case-insensitive; a unique part of it will do); by default the ISS (25544) if
    the file has it, else the file's only satellite.
    """
    from game.paths import default_orbit_file

    p = Path(path) if path is not None else default_orbit_file()
    return select_orbit(read_orbit_file(p), sat, str(p))


def orbit_from_tle_lines(name: str, line1: str, line2: str, where: str) -> Orbit:
    """The Orbit of a name and two TLE lines that came from elsewhere (a replay header),
    through the one rule every orbit file meets; OrbitDataError naming ``where``."""
    return orbit_from_lines(clean_name(name, where), line1, line2, Place(where))


def epoch_warning(orbit: Orbit, start_unix_s: float,
                  end_unix_s: float | None = None) -> str | None:
    """A one-line warning if any time from ``start_unix_s`` to ``end_unix_s`` (a game's
    whole span; just the start if None) is more than :data:`EPOCH_WARNING_DAYS` from the
    element set's epoch, else None. Worded for the farthest time: "... days after the
    epoch" or "... days before the epoch".

    Not an error: SGP4 still flies, it just drifts from the real ISS. The text before the
    first ``;`` is the short form (what and when); the rest says what to do.
    """
    start = float(start_unix_s)
    end = start if end_unix_s is None else float(end_unix_s)
    first, last = min(start, end), max(start, end)
    epoch = orbit.epoch_unix_s
    before, after = (epoch - first) / 86400.0, (last - epoch) / 86400.0
    days = after if after >= before else -before
    if abs(days) <= EPOCH_WARNING_DAYS:
        return None
    side = "after" if days > 0 else "before"
    span = end_unix_s is not None and last > first
    what = ("the game ends" if days > 0 else "the game starts") if span else "the time is"
    return (f"warning: {what} {abs(days):.1f} days {side} the epoch of {orbit.name} "
            f"({iso_utc(epoch)}); SGP4 drifts from the real station by about "
            f"{_drift_km(abs(days)):,.0f} km that far from its epoch (measured on real ISS "
            f"sets: 100 km after {EPOCH_WARNING_DAYS:g} days) - use a fresher element set "
            "(see orbits/README.md)")


#: The measured growth of the along-track error (see EPOCH_WARNING_DAYS), km/day².
_DRIFT_KM_PER_DAY2 = 12.2


def _drift_km(days: float) -> float:
    return _DRIFT_KM_PER_DAY2 * days * days
