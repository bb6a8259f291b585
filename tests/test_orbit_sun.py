"""The Sun: sub-solar point against almanac values, ISS shadow against Skyfield."""

import numpy as np
import pytest
from pinned import pinned_orbit

from game.orbit.api import (
    parse_iso_utc,
    subsolar_point,
    sun_direction_ecef,
    sun_events,
    sunlit,
    sunlit_skyfield,
    terminator,
)


@pytest.fixture(scope="module")
def iss():
    return pinned_orbit()


def test_subsolar_point_at_march_equinox_noon():
    # Equinox 2024-03-20 03:06 UTC. At 12:00 UTC the Sun's declination is +0.148°
    # (Astronomical Almanac: +0°08.9') and the equation of time is -7.5 min, so the Sun
    # is overhead 1.9° east of Greenwich.
    lat, lon = subsolar_point(parse_iso_utc("2024-03-20T12:00:00Z"))
    assert lat[0] == pytest.approx(0.148, abs=0.02)
    assert lon[0] == pytest.approx(1.87, abs=0.1)


def test_subsolar_point_at_june_solstice():
    # Solstice 2024-06-20 20:51 UTC: declination is the obliquity, 23.44°.
    lat, _ = subsolar_point(parse_iso_utc("2024-06-20T20:51:00Z"))
    assert lat[0] == pytest.approx(23.44, abs=0.01)


def test_sun_direction_interpolation_matches_skyfield():
    from skyfield.framelib import itrs

    from game.orbit.timescale import ephemeris, skyfield_times

    t = parse_iso_utc("2026-10-09T00:00:00Z") + np.arange(0.0, 86400.0, 617.0)
    eph = ephemeris()
    ref = (eph["sun"] - eph["earth"]).at(skyfield_times(t)).frame_xyz(itrs).km.T
    ref /= np.linalg.norm(ref, axis=1)[:, None]
    got = sun_direction_ecef(t)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0)
    angle = np.degrees(np.arccos(np.clip(np.sum(ref * got, axis=1), -1, 1)))
    assert angle.max() < 0.01


def test_sunlit_share_of_an_iss_day_and_agreement_with_skyfield(iss):
    t = iss.epoch_unix_s + np.arange(0.0, 86400.0, 20.0)
    fast = sunlit(iss, t)
    ref = sunlit_skyfield(iss, t)
    assert 0.55 <= fast.mean() <= 0.75
    assert np.mean(fast != ref) < 0.002  # at most a sample at some sunrises/sunsets


def test_sunlit_share_over_one_orbit(iss):
    t = iss.epoch_unix_s + np.arange(0.0, iss.period_min * 60.0, 5.0)
    assert 0.55 <= sunlit(iss, t).mean() <= 0.75


def test_sun_events_alternate_and_match_shadow_flags(iss):
    start = iss.epoch_unix_s
    events = sun_events(iss, start, start + 86400.0)
    assert 28 <= len(events) <= 34  # ~15.5 orbits, one sunrise and one sunset each
    kinds = [e.kind for e in events]
    assert all(a != b for a, b in zip(kinds, kinds[1:], strict=False))
    for e in events:
        before, after = sunlit_skyfield(iss, [e.unix_s - 2.0, e.unix_s + 2.0])
        assert (before, after) == ((False, True) if e.kind == "sunrise" else (True, False))


def test_terminator_is_90_degrees_from_the_sun():
    t = parse_iso_utc("2024-03-20T12:00:00Z")
    lat, lon = terminator(t, 73)
    s = sun_direction_ecef([t])[0]
    la, lo = np.radians(lat), np.radians(lon)
    p = np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])
    assert np.allclose(p @ s, 0.0, atol=1e-9)


def test_sun_direction_for_far_apart_times_needs_only_their_hours():
    # An hourly grid spanning 1900..2050 would be 1.3 million Skyfield evaluations (and
    # once ran a machine out of memory); only the hours around each time are needed.
    from game.orbit import sun
    from game.orbit.api import sun_direction_ecef

    t = np.array([-2.0e9, 2.4e9])  # 1906 and 2046
    before = len(sun._grid_cache)
    s = sun_direction_ecef(t)
    assert np.allclose(np.linalg.norm(s, axis=1), 1.0)
    assert len(sun._grid_cache) - before <= 4


def test_dut1_for_far_apart_times_needs_only_their_hours():
    from game.orbit import timescale

    before = len(timescale._dut1_cache)
    d = timescale.dut1_s(np.array([-2.0e9, 2.4e9]))
    assert np.all(np.isfinite(d))
    assert len(timescale._dut1_cache) - before <= 4
