"""Ground stations and the ISS passes over them: when orders can reach the crew.

The stations themselves (coordinates, minimum elevation) are facts, in
:mod:`game.facts.ground`. Passes
come from Skyfield's ``find_events`` (rise, culmination, set); the per-tick "in view"
flags of the timeline use the same geometry vectorised (elevation above the station's
local WGS84 horizon), because the simulation needs a flag for every tick, not events.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.errors import UserError
from game.facts.ground import GROUND_STATIONS, GroundStation
from game.orbit.elements import Orbit
from game.orbit.flight import check_flight
from game.orbit.track import ecef_from_geodetic, position_ecef_km

__all__ = ["GroundStation", "GROUND_STATIONS", "Pass", "passes", "elevation_deg",
           "elevation_from_ecef_deg", "in_view"]



def _station(station_id: str) -> GroundStation:
    try:
        return GROUND_STATIONS[station_id]
    except KeyError:
        raise UserError(f"unknown ground station '{station_id}'; known: "
                        f"{', '.join(GROUND_STATIONS)}") from None


@dataclass(frozen=True)
class Pass:
    """One pass over a station: rise, highest point and set (UTC POSIX s), peak elevation.

    A pass already under way at the window's start begins at the start; one still under
    way at the window's end ends there.
    """

    rise_unix_s: float
    culminate_unix_s: float
    set_unix_s: float
    max_elevation_deg: float

    @property
    def duration_s(self) -> float:
        return self.set_unix_s - self.rise_unix_s


def elevation_deg(orbit: Orbit, station_id: str, unix_s) -> np.ndarray:
    """Elevation of the ISS above the station's local horizon (geodetic up), degrees."""
    return elevation_from_ecef_deg(position_ecef_km(orbit, unix_s), station_id)


def elevation_from_ecef_deg(r_ecef_km: np.ndarray, station_id: str) -> np.ndarray:
    """Elevation above the station's local horizon (geodetic up), degrees, of Earth-fixed
    positions (n, 3) km: the one elevation geometry (timeline, passes, preview)."""
    st = _station(station_id)
    site = ecef_from_geodetic(st.lat_deg, st.lon_deg, 0.0)
    lat, lon = np.radians(st.lat_deg), np.radians(st.lon_deg)
    up = np.array([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    d = r_ecef_km - site
    return np.degrees(np.arcsin(np.clip((d @ up) / np.linalg.norm(d, axis=1), -1.0, 1.0)))


def in_view(r_ecef_km: np.ndarray, station_id: str,
            min_elevation_deg: float | None = None) -> np.ndarray:
    """Bool per position: is the ISS at least ``min_elevation_deg`` (default: the
    station's own mask) above the horizon?"""
    mask = _station(station_id).min_elevation_deg if min_elevation_deg is None \
        else min_elevation_deg
    return elevation_from_ecef_deg(r_ecef_km, station_id) >= mask


def passes(orbit: Orbit, station_id: str, start_unix_s: float, hours: float,
           min_elevation_deg: float | None = None) -> list[Pass]:
    """Passes of ``orbit`` over a ground station in ``hours`` from ``start_unix_s``,
    by Skyfield's ``find_events`` (accurate to about a second), above the station's own
    elevation mask unless ``min_elevation_deg`` says otherwise."""
    from skyfield.api import EarthSatellite, wgs84

    from game.orbit.timescale import check_time_span, skyfield_times, timescale

    st = _station(station_id)
    if min_elevation_deg is None:
        min_elevation_deg = st.min_elevation_deg
    check_time_span([start_unix_s, start_unix_s + hours * 3600.0], "pass search time")
    # Skyfield's search meets NaN or a runaway orbit with no error and unbounded work:
    # refuse a window SGP4 cannot fly first.
    check_flight(orbit, start_unix_s, start_unix_s + hours * 3600.0)
    ts = timescale()
    sat = EarthSatellite.from_satrec(orbit.satrec, ts)
    topos = wgs84.latlon(st.lat_deg, st.lon_deg)
    end_unix_s = start_unix_s + hours * 3600.0
    t0, t1 = skyfield_times([start_unix_s, end_unix_s])
    times, events = sat.find_events(topos, t0, t1, altitude_degrees=min_elevation_deg)
    if len(events) == 0:
        return []
    unix = (times.tt - t0.tt) * 86400.0 + start_unix_s  # no leap second in a day or two
    elev = (sat - topos).at(times).altaz()[0].degrees
    result: list[Pass] = []
    rise = culm = None
    peak = -90.0
    for when, kind, el in zip(unix, events, elev, strict=True):
        if kind == 0:
            rise, culm, peak = when, None, -90.0
        elif kind == 1:
            if el > peak:
                culm, peak = when, el
            if rise is None:
                rise = start_unix_s
        else:
            if rise is None:
                rise = start_unix_s
            if culm is None:  # entered the window after culmination
                culm, peak = rise, float(elevation_deg(orbit, station_id, [rise])[0])
            result.append(Pass(float(rise), float(culm), float(when), float(peak)))
            rise, culm, peak = None, None, -90.0
    if rise is not None:  # still up at the window's end
        if culm is None:  # and still climbing: the highest point so far is the end
            culm, peak = end_unix_s, float(elevation_deg(orbit, station_id, [end_unix_s])[0])
        result.append(Pass(float(rise), float(culm), float(end_unix_s), float(peak)))
    return result
