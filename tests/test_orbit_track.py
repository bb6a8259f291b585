"""Fast ground track against Skyfield's full chain, and the antimeridian split."""

import numpy as np
import pytest
from pinned import pinned_orbit

from game.orbit.api import (
    ecef_from_geodetic,
    geodetic_from_ecef,
    gmst_rad,
    ground_track,
    ground_track_skyfield,
    load_orbit,
    position_ecef_km,
    split_antimeridian,
)


@pytest.fixture(scope="module")
def iss():
    return pinned_orbit()


def _ecef(track):
    return ecef_from_geodetic(track.lat_deg, track.lon_deg, track.alt_km)


def test_fast_path_matches_skyfield_within_100_m_over_10_days(iss):
    # Sampled every 997 s over ten days: ~870 points spread over every phase of the orbit.
    t = iss.epoch_unix_s + np.arange(0.0, 10 * 86400.0, 997.0)
    fast, ref = ground_track(iss, t), ground_track_skyfield(iss, t)
    error_m = np.linalg.norm(_ecef(fast) - _ecef(ref), axis=1) * 1000.0
    assert error_m.max() <= 100.0
    assert np.abs(fast.alt_km - ref.alt_km).max() * 1000.0 <= 100.0


@pytest.mark.parametrize("name", ["iss-2024-01-18.tle", "iss-2025-11-29.tle"])
def test_fast_path_matches_skyfield_for_other_epochs(name):
    from game.paths import orbits_dir

    orbit = load_orbit(orbits_dir() / name)
    t = orbit.epoch_unix_s + np.arange(-86400.0, 86400.0, 1301.0)
    error_m = np.linalg.norm(_ecef(ground_track(orbit, t)) - _ecef(
        ground_track_skyfield(orbit, t)), axis=1) * 1000.0
    assert error_m.max() <= 100.0


def test_track_ranges_and_iss_altitude(iss):
    t = iss.epoch_unix_s + np.arange(0.0, 86400.0, 10.0)
    tr = ground_track(iss, t)
    assert len(tr) == 8640
    assert np.all((tr.lon_deg >= -180.0) & (tr.lon_deg < 180.0))
    # The ISS reaches its inclination (51.63°) in geocentric latitude; geodetic latitude
    # there is ~0.16° more. It flies 400-440 km up.
    assert 51.6 < tr.lat_deg.max() < 51.9 and -51.9 < tr.lat_deg.min() < -51.6
    assert np.all((tr.alt_km > 400.0) & (tr.alt_km < 440.0))


def test_position_ecef_radius_and_geodetic_round_trip(iss):
    t = iss.epoch_unix_s + np.arange(0.0, 6000.0, 60.0)
    r = position_ecef_km(iss, t)
    assert r.shape == (len(t), 3)
    assert np.all(np.abs(np.linalg.norm(r, axis=1) - 6790.0) < 40.0)
    lat, lon, h = geodetic_from_ecef(r)
    assert np.allclose(ecef_from_geodetic(lat, lon, h), r, atol=1e-6)


def test_non_contiguous_and_scalar_times_are_accepted(iss):
    t = iss.epoch_unix_s + np.arange(0.0, 2000.0, 10.0)
    strided = ground_track(iss, t[::3])
    assert np.allclose(strided.lat_deg, ground_track(iss, t.copy()[::3].copy()).lat_deg)
    assert len(ground_track(iss, iss.epoch_unix_s)) == 1


def test_gmst_against_known_value():
    # GMST at 2000-01-01T12:00:00 UT1 is 18h41m50.548s (Astronomical Almanac; IAU 1982),
    # 280.4606°; UT1-UTC was +0.355 s then, which turns the Earth 0.0015°.
    unix = 946728000.0
    assert np.degrees(gmst_rad([unix])[0]) == pytest.approx(280.4606 + 0.0015, abs=2e-4)


def test_split_antimeridian_interpolates_the_crossing():
    lat = np.array([10.0, 11.0, 12.0, 13.0])
    lon = np.array([170.0, 178.0, -176.0, -170.0])
    pieces = split_antimeridian(lat, lon)
    assert len(pieces) == 2
    first, second = pieces
    assert first[-1, 0] == 180.0 and second[0, 0] == -180.0
    # Crossing two-thirds of the way from 178 to 184 (=-176): latitude 11 + 1/3.
    assert first[-1, 1] == pytest.approx(11.0 + 1.0 / 3.0)
    assert second[0, 1] == first[-1, 1]
    assert np.all(np.abs(np.diff(first[:, 0])) < 180) and np.all(np.abs(np.diff(second[:, 0]))
                                                                   < 180)


def test_split_real_track_never_jumps(iss):
    t = iss.epoch_unix_s + np.arange(0.0, 3 * 5560.0, 30.0)
    tr = ground_track(iss, t)
    pieces = split_antimeridian(tr.lat_deg, tr.lon_deg)
    assert len(pieces) >= 3  # three orbits cross the antimeridian at least twice
    for p in pieces:
        assert np.all(np.abs(np.diff(p[:, 0])) < 180.0)
    assert sum(len(p) for p in pieces) == len(t) + 2 * (len(pieces) - 1)


def test_decay_under_drag_is_a_clear_orbit_data_error(iss):
    from game.errors import OrbitDataError
    from game.orbit.api import edit_elements, parse_orbit_text, tle_checksum

    low = edit_elements(iss, altitude_km=160.0)
    line1 = low.line1[:53] + " 30000-3" + low.line1[61:]  # BSTAR 0.003: heavy drag
    line1 = line1[:68] + str(tle_checksum(line1))
    [doomed] = parse_orbit_text(f"DOOMED\n{line1}\n{low.line2}\n", "doomed.tle")
    ground_track(doomed, doomed.epoch_unix_s + np.arange(0.0, 3600.0, 60.0))  # fine at first
    with pytest.raises(OrbitDataError, match=r"doomed.tle: DOOMED: SGP4 cannot propagate to "
                                             r"2026-10-.*decayed"):
        ground_track(doomed, doomed.epoch_unix_s + np.arange(0.0, 30 * 86400.0, 600.0))
