"""Passes over the control centres and the vectorised in-view flags of the timeline."""

import subprocess
import sys

import numpy as np
import pytest
from pinned import pinned_orbit

from game.orbit.api import (
    GROUND_STATIONS,
    build_timeline,
    elevation_deg,
    passes,
)


@pytest.fixture(scope="module")
def iss():
    return pinned_orbit()


def test_station_ids_and_coordinates():
    assert {"houston", "korolyov", "oberpfaffenhofen", "tsukuba",
            "longueuil"} <= set(GROUND_STATIONS)
    assert GROUND_STATIONS["houston"].lat_deg == pytest.approx(29.558, abs=0.01)
    assert GROUND_STATIONS["korolyov"].lon_deg == pytest.approx(37.81, abs=0.01)


def test_at_least_one_houston_pass_in_24_hours(iss):
    found = passes(iss, "houston", iss.epoch_unix_s, 24.0)
    assert len(found) >= 1
    for p in found:
        assert p.rise_unix_s <= p.culminate_unix_s <= p.set_unix_s
        assert 10.0 <= p.max_elevation_deg <= 90.0
        assert 0 < p.duration_s < 15 * 60
        el = elevation_deg(iss, "houston", [p.rise_unix_s, p.culminate_unix_s, p.set_unix_s])
        assert el[0] == pytest.approx(10.0, abs=0.1) and el[2] == pytest.approx(10.0, abs=0.1)
        assert el[1] == pytest.approx(p.max_elevation_deg, abs=0.1)


def test_min_elevation_is_configurable(iss):
    low = passes(iss, "korolyov", iss.epoch_unix_s, 24.0, min_elevation_deg=0.0)
    high = passes(iss, "korolyov", iss.epoch_unix_s, 24.0, min_elevation_deg=30.0)
    assert len(low) > len(high)


def test_timeline_in_view_agrees_with_find_events(iss):
    start = iss.epoch_unix_s
    tl = build_timeline(iss, start, 10.0, 8640)
    flags = tl.station_in_view["houston"]
    t = start + np.arange(8640) * 10.0
    expected = np.zeros(8640, bool)
    for p in passes(iss, "houston", start, 24.0):
        expected |= (t >= p.rise_unix_s) & (t <= p.set_unix_s)
    assert flags.sum() > 0
    assert np.sum(flags != expected) <= 2 * len(passes(iss, "houston", start, 24.0))


def test_timeline_shape_and_contents(iss):
    tl = build_timeline(iss, iss.epoch_unix_s, 1.0, 6000)
    assert len(tl) == 6000 and tl.step_s == 1.0
    assert set(tl.station_in_view) == set(GROUND_STATIONS)
    assert tl.orbit_id == iss.line1 + "\n" + iss.line2
    assert tl.sunlit.dtype == bool and 0.3 < tl.sunlit.mean() < 0.9
    assert np.all(np.abs(tl.subsolar_lat_deg) < 23.5)


def test_timeline_module_does_not_import_skyfield():
    code = ("import sys, game.orbit.timeline; "
            "sys.exit(any(m.split('.')[0] in ('skyfield', 'sgp4') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_passes_cut_by_the_window_are_clipped_to_it(iss):
    full = passes(iss, "houston", iss.epoch_unix_s, 24.0)[1]
    # Window opens mid-pass, after culmination.
    late = full.culminate_unix_s + 30.0
    [p] = passes(iss, "houston", late, 0.5)
    assert p.rise_unix_s == late and p.set_unix_s == pytest.approx(full.set_unix_s, abs=2)
    # Window closes mid-pass, before culmination.
    start = full.rise_unix_s - 600.0
    [q] = passes(iss, "houston", start, (600.0 + 60.0) / 3600.0)
    assert q.rise_unix_s == pytest.approx(full.rise_unix_s, abs=2)
    assert q.set_unix_s == q.culminate_unix_s == pytest.approx(start + 660.0)
    assert 10.0 < q.max_elevation_deg < full.max_elevation_deg
