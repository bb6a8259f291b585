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
  refused when it is loaded, and ``edit_elements`` refuses to move an epoch out.

Typical use::

    orbit = load_orbit()                       # bundled ISS, newest epoch
    track = ground_track(orbit, t)             # fast, vectorised
    timeline = build_timeline(orbit, orbit.epoch_unix_s, 1.0, 6 * 3600)
"""

from __future__ import annotations

from pathlib import Path

from game.orbit.build import build_timeline
from game.orbit.edit import MIN_ALTITUDE_KM, edit_elements
from game.orbit.elements import EARTH_EQUATORIAL_RADIUS_KM, Orbit
from game.orbit.parse import parse_orbit_text, read_orbit_file, select_orbit, tle_checksum
from game.orbit.passes import (
    DEFAULT_MIN_ELEVATION_DEG,
    GROUND_STATIONS,
    GroundStation,
    Pass,
    elevation_deg,
    passes,
)
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
from game.orbit.track import (
    Track,
    ecef_from_geodetic,
    geodetic_from_ecef,
    gmst_rad,
    ground_track,
    ground_track_skyfield,
    position_ecef_km,
    split_antimeridian,
)

__all__ = [
    # element sets
    "Orbit", "load_orbit", "parse_orbit_text", "read_orbit_file", "select_orbit",
    "tle_checksum", "epoch_warning", "EPOCH_WARNING_DAYS", "EARTH_EQUATORIAL_RADIUS_KM",
    # changing an element set
    "edit_elements", "MIN_ALTITUDE_KM",
    # where the ISS is
    "Track", "ground_track", "ground_track_skyfield", "position_ecef_km", "gmst_rad",
    "geodetic_from_ecef", "ecef_from_geodetic", "split_antimeridian",
    # the Sun
    "subsolar_point", "sun_direction_ecef", "sunlit", "sunlit_skyfield", "sun_events",
    "SunEvent", "terminator", "EARTH_SHADOW_RADIUS_KM",
    # ground stations
    "GROUND_STATIONS", "GroundStation", "Pass", "passes", "elevation_deg",
    "DEFAULT_MIN_ELEVATION_DEG",
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

#: SGP4 for a low orbit degrades by kilometres a day away from the epoch; past this many
#: days the game says so.
EPOCH_WARNING_DAYS = 7.0


def load_orbit(path: str | Path | None = None, sat: str | int | None = None) -> Orbit:
    """One satellite from an orbit file (TLE, 3LE, OMM JSON/CSV).

    ``path`` None is the bundled ISS element set (the newest); ``sat`` is a NORAD number or
    a name (case-insensitive; a unique part of it will do); by default the ISS (25544) if
    the file has it, else the file's only satellite.
    """
    from game.paths import default_orbit_file

    p = Path(path) if path is not None else default_orbit_file()
    return select_orbit(read_orbit_file(p), sat, str(p))


def epoch_warning(orbit: Orbit, unix_s: float) -> str | None:
    """A one-line warning if ``unix_s`` is far from the element set's epoch, else None.

    Not an error: SGP4 still flies, it just drifts from the real ISS (kilometres a day).
    """
    days = (float(unix_s) - orbit.epoch_unix_s) / 86400.0
    if abs(days) <= EPOCH_WARNING_DAYS:
        return None
    side = "after" if days > 0 else "before"
    return (f"warning: {abs(days):.0f} days {side} the epoch of {orbit.name} "
            f"({iso_utc(orbit.epoch_unix_s)}); SGP4 positions degrade by kilometres a day "
            "away from the epoch — use a fresher element set (see orbits/README.md)")
