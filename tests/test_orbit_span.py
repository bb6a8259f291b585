"""The span of time the game can compute (DE421's coverage): one error, never a traceback.

QA: a mission start of 1800 or a TLE whose epoch year "55" means 2055 reached Skyfield's
ephemeris unguarded and crashed the orbit panel and every command with
EphemerisRangeError. Every entry point taking a time now refuses it first.
"""

import pytest
from pinned import pinned_orbit

from game.errors import OrbitDataError
from game.orbit import api
from game.orbit.api import (
    build_timeline,
    check_time_span,
    edit_elements,
    ground_track,
    iso_utc,
    parse_iso_utc,
    parse_orbit_text,
    passes,
    subsolar_point,
    sun_direction_ecef,
    sun_events,
    sunlit,
    sunlit_skyfield,
    supported_span,
    terminator,
    tle_checksum,
)

Y1800 = parse_iso_utc("1800-01-01T00:00:00Z")
Y2055 = parse_iso_utc("2055-10-09T00:00:00Z")
SPAN_WORDS = ("is outside", "1899-07-29", "2053-10-08", "DE421")


@pytest.fixture(scope="module")
def iss():
    return pinned_orbit()


def y2055_text(iss) -> str:
    """The bundled ISS element set with its epoch year 26 -> 55 (valid checksum)."""
    l1 = iss.line1[:18] + "55" + iss.line1[20:68]
    l1 += str(tle_checksum(l1))
    return f"ISS (ZARYA)\n{l1}\n{iss.line2}\n"


def test_span_is_de421_from_the_loaded_file():
    first, last = supported_span()
    assert api.SUPPORTED_SPAN == (first, last)
    assert iso_utc(first).startswith("1899-07-29")
    assert iso_utc(last).startswith("2053-10-08")
    # the very ends are computable (no EphemerisRangeError from the hourly Sun grid)
    assert sun_direction_ecef([first, first + 0.5]).shape == (2, 3)
    assert sun_direction_ecef([last - 0.5, last]).shape == (2, 3)


@pytest.mark.parametrize("t", [Y1800, Y2055, float("nan"), 1e20])
def test_check_time_span_one_line(t):
    with pytest.raises(OrbitDataError) as exc:
        check_time_span(t, "mission start", "here")
    text = str(exc.value)
    assert "\n" not in text and text.startswith("here: mission start")
    for w in SPAN_WORDS:
        assert w in text


@pytest.mark.parametrize("t", [Y1800, Y2055])
def test_every_time_entry_point_refuses(iss, t):
    calls = [
        lambda: sun_direction_ecef([t]),
        lambda: subsolar_point(t),
        lambda: terminator(t),
        lambda: sunlit(iss, [t]),
        lambda: sunlit_skyfield(iss, [t]),
        lambda: sun_events(iss, t, t + 3600.0),
        lambda: ground_track(iss, [t]),
        lambda: passes(iss, "houston", t, 1.0),
        lambda: build_timeline(iss, t, 1.0, 10),
    ]
    for call in calls:
        with pytest.raises(OrbitDataError, match="is outside"):
            call()


def test_timeline_running_past_the_end_is_refused_before_computing(iss):
    last = supported_span()[1]
    with pytest.raises(OrbitDataError, match="mission time .* is outside"):
        build_timeline(iss, last - 60.0, 1.0, 3600)


def test_tle_with_epoch_2055_is_refused_at_load(iss):
    with pytest.raises(OrbitDataError) as exc:
        parse_orbit_text(y2055_text(iss), "y2055.tle")
    text = str(exc.value)
    assert text.startswith("y2055.tle, line 2, columns 19-32: ISS (ZARYA): epoch 2055-")
    for w in SPAN_WORDS:
        assert w in text


def test_edit_refuses_an_epoch_past_the_span(iss):
    with pytest.raises(OrbitDataError, match="epoch 2055-.* is outside"):
        edit_elements(iss, epoch_unix_s=Y2055)
    # inside both the TLE years and the span it still works
    moved = edit_elements(iss, epoch_unix_s=parse_iso_utc("2026-10-20T00:00:00Z"))
    assert moved.epoch_unix_s == pytest.approx(parse_iso_utc("2026-10-20T00:00:00Z"), abs=1e-3)
