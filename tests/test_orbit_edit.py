"""Editing elements: the new TLE is valid and SGP4 flies the asked elements."""

import math

import numpy as np
import pytest
from pinned import pinned_orbit

from game.errors import OrbitDataError
from game.orbit.api import (
    edit_elements,
    parse_iso_utc,
    parse_orbit_text,
    position_ecef_km,
    tle_checksum,
)
from game.orbit.track import position_teme_km

MU_WGS72 = 398600.8


@pytest.fixture(scope="module")
def iss():
    return pinned_orbit()


def _reread(orbit):
    """Through the text, as a file would be: proves the lines carry the elements."""
    [again] = parse_orbit_text(orbit.as_3le(), "edited.tle")
    return again


def test_round_trip_of_angles_and_eccentricity(iss):
    edited = edit_elements(iss, inclination_deg=97.4, raan_deg=12.5, eccentricity=0.0123,
                           arg_perigee_deg=77.7, mean_anomaly_deg=300.25)
    again = _reread(edited)
    assert again.inclination_deg == pytest.approx(97.4, abs=1e-4)
    assert again.raan_deg == pytest.approx(12.5, abs=1e-4)
    assert again.eccentricity == pytest.approx(0.0123, abs=1e-7)
    assert again.arg_perigee_deg == pytest.approx(77.7, abs=1e-4)
    assert again.mean_anomaly_deg == pytest.approx(300.25, abs=1e-4)
    # Identity and drag terms are kept.
    assert (again.name, again.norad_id, again.intl_designator) == (iss.name, 25544, "98067A")
    assert again.satrec.bstar == pytest.approx(iss.satrec.bstar)
    assert again.satrec.ndot == pytest.approx(iss.satrec.ndot)
    assert again.epoch_unix_s == pytest.approx(iss.epoch_unix_s, abs=1e-3)


def test_lines_are_valid_tle(iss):
    edited = edit_elements(iss, altitude_km=550.0, inclination_deg=53.0)
    for line in (edited.line1, edited.line2):
        assert len(line) == 69 and int(line[68]) == tle_checksum(line)


def test_sgp4_inclination_measured_from_propagation(iss):
    edited = edit_elements(iss, inclination_deg=70.0)
    t = edited.epoch_unix_s + np.arange(0.0, 6000.0, 20.0)
    r = position_teme_km(edited, t)
    # Orbit normal from two positions a quarter orbit apart; its tilt is the inclination.
    h = np.cross(r[:-70], r[70:])
    incl = np.degrees(np.arccos(h[:, 2] / np.linalg.norm(h, axis=1)))
    assert np.median(incl) == pytest.approx(70.0, abs=0.1)  # J2 wobbles it by ~0.02°


@pytest.mark.parametrize("altitude_km", [300.0, 420.0, 800.0])
def test_altitude_sets_sgp4_mean_axis_and_period(iss, altitude_km):
    edited = _reread(edit_elements(iss, altitude_km=altitude_km))
    a_km = 6378.137 + altitude_km
    assert edited.mean_altitude_km == pytest.approx(altitude_km, abs=0.01)
    kepler_period_min = 2 * math.pi * math.sqrt(a_km**3 / MU_WGS72) / 60.0
    assert edited.period_min == pytest.approx(kepler_period_min, rel=1e-6)
    # Measured from SGP4 itself: time between ascending nodes (nodal period, which J2
    # makes ~0.1-0.3% shorter than the anomalistic one) and the mean radius.
    t = edited.epoch_unix_s + np.arange(0.0, 86400.0, 2.0)
    r = position_teme_km(edited, t)
    up = np.flatnonzero((r[:-1, 2] < 0) & (r[1:, 2] >= 0))
    nodal_min = np.diff(t[up]).mean() / 60.0
    assert nodal_min == pytest.approx(kepler_period_min, rel=0.005)
    assert np.linalg.norm(r, axis=1).mean() == pytest.approx(a_km, abs=15.0)


def test_epoch_move_keeps_the_same_path(iss):
    new_epoch = iss.epoch_unix_s + 2.5 * 86400.0
    moved = _reread(edit_elements(iss, epoch_unix_s=new_epoch))
    assert moved.epoch_unix_s == pytest.approx(new_epoch, abs=1e-3)
    t = new_epoch + np.arange(0.0, 3 * 5600.0, 60.0)
    gap_km = np.linalg.norm(position_ecef_km(moved, t) - position_ecef_km(iss, t), axis=1)
    assert gap_km.max() < 1.0


def test_editing_nothing_keeps_the_elements(iss):
    same = edit_elements(iss)
    assert same.line2 == iss.line2
    t = iss.epoch_unix_s + np.arange(0.0, 86400.0, 600.0)
    assert np.abs(position_ecef_km(same, t) - position_ecef_km(iss, t)).max() < 1e-3


@pytest.mark.parametrize("changes, words", [
    ({"inclination_deg": 181.0}, "inclination must be 0 to 180"),
    ({"inclination_deg": -1.0}, "inclination must be 0 to 180"),
    ({"eccentricity": 1.0}, "eccentricity must be at least 0 and below 1"),
    ({"eccentricity": -0.1}, "eccentricity must be at least 0 and below 1"),
    ({"altitude_km": 120.0}, "altitude must be at least 150 km"),
    ({"eccentricity": 0.2}, "perigee would be"),
    ({"altitude_km": float("nan")}, "finite"),
    ({"epoch_unix_s": parse_iso_utc("2070-01-01")}, "between 1957 and 2056"),
])
def test_impossible_values_are_refused(iss, changes, words):
    with pytest.raises(OrbitDataError, match=words):
        edit_elements(iss, **changes)


def test_new_name(iss):
    assert _reread(edit_elements(iss, name="ISS REBOOST")).name == "ISS REBOOST"
