"""The orbit editor's physics and the presets, against real SGP4 (no pygame window).

Editing an element must change the orbit the way SGP4 flies it: the inclination bounds
the ground track's latitude; the altitude sets the period as Kepler says. The bundled
presets must say what they are and do what their labels promise.
"""

import math
from pathlib import Path

import numpy as np
import pytest
from pinned import pinned_orbit

from game.orbit.api import (
    edit_elements,
    elevation_deg,
    ground_track,
    load_orbit,
    parse_orbit_text,
    position_ecef_km,
    read_orbit_file,
)
from game.paths import default_orbit_file, orbits_dir
from game.session.orbit_files import PRESET_LABELS, sanitise_name
from game.session.orbit_preview import compute_preview, footprint_radius_deg, scan_passes

MU_WGS72 = 398600.8
DAY = np.arange(0.0, 86400.0, 20.0)


@pytest.fixture(scope="module")
def iss():
    return pinned_orbit()


@pytest.mark.parametrize("incl", [8.0, 28.5, 51.6, 63.4, 97.1, 135.0])
def test_inclination_bounds_the_track_latitude(iss, incl):
    edited = edit_elements(iss, inclination_deg=incl)
    tr = ground_track(edited, edited.epoch_unix_s + DAY)
    bound = min(incl, 180.0 - incl)
    top = float(np.max(np.abs(tr.lat_deg)))
    # Geodetic latitude runs up to ~0.2° above the geocentric one (= inclination at the
    # vertex); 20 s samples can miss the top by a few hundredths of a degree.
    assert bound - 0.3 < top < bound + 0.3
    # ...and the sub-point reaches the top on both hemispheres
    assert tr.lat_deg.max() > bound - 0.3 and tr.lat_deg.min() < -bound + 0.3


@pytest.mark.parametrize("alt", [250.0, 420.0, 800.0, 1400.0])
def test_altitude_sets_the_period_per_kepler(iss, alt):
    edited = edit_elements(iss, altitude_km=alt)
    assert edited.mean_altitude_km == pytest.approx(alt, abs=0.01)
    a = 6378.137 + alt
    kepler_min = 2 * math.pi * math.sqrt(a**3 / MU_WGS72) / 60.0
    assert edited.period_min == pytest.approx(kepler_min, rel=1e-5)
    # What SGP4 actually flies: time between ascending equator crossings (the nodal
    # period, J2 shortens it a little from the anomalistic one).
    t = edited.epoch_unix_s + np.arange(0.0, 6 * 3 * 3600.0, 5.0)
    z = position_ecef_km(edited, t)[:, 2]
    up = np.flatnonzero((z[:-1] < 0) & (z[1:] >= 0))
    crossings = t[up] - z[up] * 5.0 / (z[up + 1] - z[up])
    nodal_min = float(np.mean(np.diff(crossings))) / 60.0
    assert nodal_min == pytest.approx(kepler_min, rel=0.005)


def test_higher_orbit_is_slower_and_sees_farther(iss):
    low = edit_elements(iss, altitude_km=350.0)
    high = edit_elements(iss, altitude_km=700.0)
    ratio = high.period_min / low.period_min
    assert ratio == pytest.approx(((6378.137 + 700) / (6378.137 + 350)) ** 1.5, rel=1e-5)
    assert footprint_radius_deg(700.0, "houston") > footprint_radius_deg(350.0, "houston")


@pytest.mark.parametrize("incl", [51.6313, 63.4, 97.1])
def test_live_passes_agree_with_find_events(iss, incl):
    """The live scan (vectorised elevation at 60 s steps) finds the same passes as
    Skyfield's find_events, rise and set within 20 s, peak within 3° (10 % when high)."""
    orbit = edit_elements(iss, inclination_deg=incl)
    live = compute_preview(orbit, orbit.epoch_unix_s)
    exact = compute_preview(orbit, orbit.epoch_unix_s, exact_passes=True)
    assert exact.exact and not live.exact
    for sid in ("houston", "korolyov"):
        a, b = live.passes[sid], exact.passes[sid]
        assert len(a) == len(b) > 0
        for pa, pb in zip(a, b, strict=True):
            assert abs(pa.rise_unix_s - pb.rise_unix_s) < 20.0
            assert abs(pa.set_unix_s - pb.set_unix_s) < 20.0
            # near the zenith the elevation curve is a cusp, not a parabola: 10 % there
            tol = max(3.0, 0.1 * pb.max_elevation_deg)
            assert abs(pa.max_elevation_deg - pb.max_elevation_deg) < tol


@pytest.mark.parametrize("incl", [51.6, 97.1])
def test_preview_sunlight_matches_the_orbit_engine(iss, incl):
    from game.orbit.api import sunlit

    orbit = edit_elements(iss, inclination_deg=incl)
    p = compute_preview(orbit, orbit.epoch_unix_s)
    assert np.array_equal(p.sunlit, sunlit(orbit, p.unix_s))


def test_preview_is_three_orbits_and_sunlight_is_a_share(iss):
    p = compute_preview(iss, iss.epoch_unix_s + 3600.0)
    span_min = (p.unix_s[-1] - p.unix_s[0]) / 60.0
    assert 3 * iss.period_min - 0.5 <= span_min <= 3 * iss.period_min + 0.5
    assert 0.5 < p.sunlit_share < 1.0  # the ISS spends about a third of an orbit in shadow
    assert p.start_unix_s == iss.epoch_unix_s + 3600.0


def test_scan_passes_edges():
    t = np.arange(10.0)
    assert scan_passes(t, np.full(10, -5.0), 10.0) == []
    whole = scan_passes(t, np.full(10, 30.0), 10.0)
    assert len(whole) == 1 and whole[0].rise_unix_s == 0.0 and whole[0].set_unix_s == 9.0
    elev = np.array([0, 5, 15, 25, 15, 5, 0, 12, 20, 11], float)
    got = scan_passes(t, elev, 10.0)
    assert len(got) == 2
    assert got[0].rise_unix_s == pytest.approx(1.5) and got[0].set_unix_s == pytest.approx(4.5)
    assert got[0].max_elevation_deg == 25.0
    assert got[1].set_unix_s == 9.0  # still up at the end: clipped there


@pytest.mark.parametrize("typed,stem,line", [
    ("My Polar Orbit", "my-polar-orbit", "My Polar Orbit"),
    ("../../etc/passwd", "etc-passwd", "../../etc/passwd"),
    ("  ISS what-if #2 ", "iss-what-if-2", "ISS what-if #2"),
    ("a" * 80, "a" * 40, "a" * 24),
    ("Ünïcode ☄ orbit", "n-code-orbit", "ncode orbit"),
])
def test_sanitise_name(typed, stem, line):
    assert sanitise_name(typed) == (stem, line)


@pytest.mark.parametrize("typed", ["", "   ", "///", "☄☄"])
def test_sanitise_name_refuses_empty(typed):
    with pytest.raises(ValueError):
        sanitise_name(typed)


# -- presets ------------------------------------------------------------------------------
PRESETS = {  # file -> (inclination, source it was made from)
    "preset-film-2024-01-19.tle": 51.6427,
    "preset-polar.tle": 97.1,
    "preset-high-63.tle": 63.4,
    "preset-equatorial.tle": 8.0,
}


@pytest.mark.parametrize("name,incl", sorted(PRESETS.items()))
def test_presets_parse_and_have_their_inclination(name, incl):
    path = orbits_dir() / name
    (orbit,) = read_orbit_file(path)
    assert orbit.inclination_deg == pytest.approx(incl, abs=1e-4)
    assert orbit.norad_id == 25544
    assert orbit.name.endswith("EDITED)")  # says it is not a real element set
    assert 400.0 < orbit.mean_altitude_km < 440.0  # at the ISS's height
    assert name in PRESET_LABELS
    text = path.read_text(encoding="ascii")
    assert parse_orbit_text(text, name)[0].line2 == orbit.line2
    readme = (orbits_dir() / "README.md").read_text(encoding="utf-8")
    assert f"`{name}`" in readme


def test_film_preset_is_the_real_set_moved_to_release_day():
    (film,) = read_orbit_file(orbits_dir() / "preset-film-2024-01-19.tle")
    (real,) = read_orbit_file(orbits_dir() / "iss-2024-01-18.tle")
    assert film.epoch_unix_s == 1705622400.0  # 2024-01-19T00:00:00Z
    t = film.epoch_unix_s + np.arange(0.0, 3600.0, 60.0)
    d = np.linalg.norm(position_ecef_km(film, t) - position_ecef_km(real, t), axis=1)
    assert d.max() < 5.0  # the same orbit, re-epoched: within a few km over an hour


def test_default_orbit_is_still_the_newest_real_set():
    assert default_orbit_file() == sorted(orbits_dir().glob("iss-*.tle"))[-1]
    assert not any(p.name.startswith("iss-") and "preset" in p.name
                   for p in orbits_dir().iterdir())


def test_equatorial_preset_never_sees_korolyov():
    orbit = load_orbit(orbits_dir() / "preset-equatorial.tle")
    t = orbit.epoch_unix_s + np.arange(0.0, 86400.0, 10.0)
    assert elevation_deg(orbit, "korolyov", t).max() < 0.0  # never even above the horizon
    p = compute_preview(orbit, orbit.epoch_unix_s, exact_passes=True)
    assert p.passes["korolyov"] == []


def test_polar_preset_covers_the_poles_and_sees_both_controls():
    orbit = load_orbit(orbits_dir() / "preset-polar.tle")
    tr = ground_track(orbit, orbit.epoch_unix_s + np.arange(0.0, 86400.0, 20.0))
    assert tr.lat_deg.max() > 80.0 and tr.lat_deg.min() < -80.0
    p = compute_preview(orbit, orbit.epoch_unix_s, exact_passes=True)
    assert p.passes["houston"] and p.passes["korolyov"]


def test_high_preset_reaches_past_moscow():
    orbit = load_orbit(orbits_dir() / "preset-high-63.tle")
    tr = ground_track(orbit, orbit.epoch_unix_s + np.arange(0.0, 86400.0, 20.0))
    assert 63.0 < tr.lat_deg.max() < 63.8  # over Korolyov (55.9 N), not over the pole


def test_make_presets_script_names_only_preset_files():
    script = Path(__file__).resolve().parent.parent / "tools" / "make_presets.py"
    text = script.read_text(encoding="utf-8")
    for name in PRESETS:
        assert f'"{name}"' in text
    assert '"iss-' not in text.replace('"iss-2026-10-08.tle"', "").replace(
        '"iss-2024-01-18.tle"', "")
