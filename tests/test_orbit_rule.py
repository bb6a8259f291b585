"""The one rule for what an orbit is (game.orbit.tle): TLE fields at SGP4's columns, SGP4
reads what was checked, physical bounds, flown over the load span; OMM, the editor and
replays meet the same rule, and whatever is accepted round-trips."""

import json

import numpy as np
import pytest
from pinned import pinned_orbit
from sgp4.api import WGS72, Satrec

from game.errors import OrbitDataError
from game.orbit.api import edit_elements, ground_track, parse_orbit_text, tle_checksum
from game.orbit.tle import Place, _check_sgp4_reads_the_same, _fields

L1 = "1 25544U 98067A   26281.98258931  .00005946  00000+0  11685-3 0  9991"
L2 = "2 25544  51.6313  96.9458 0006821 239.5445 120.4870 15.48782794589392"


def put(line: str, col: int, text: str) -> str:
    """``text`` written from column ``col`` (1-based), checksum restamped."""
    line = line[:col - 1] + text + line[col - 1 + len(text):]
    return line[:68] + str(tle_checksum(line))


def refused(line1: str, line2: str, name: str = "X") -> str:
    with pytest.raises(OrbitDataError) as info:
        parse_orbit_text(f"{name}\n{line1}\n{line2}\n", "bad.tle")
    msg = str(info.value)
    assert "\n" not in msg and msg.isprintable() and msg.startswith("bad.tle, line")
    return msg


# --- what SGP4's sscanf would read otherwise: refused at the column -------------------
@pytest.mark.parametrize("line, col, text, where", [
    (2, 28, "\t", "line 3, column 28"),  # a tab in the eccentricity
    (2, 10, "\x1f", "line 3, column 10"),  # a unit separator (str.strip() eats it)
    (1, 40, "\x0b", "line 2, column 40"),  # a vertical tab (str.splitlines() splits on it)
    (1, 56, " ", "line 2, columns 54-61"),  # a blank inside BSTAR
    (1, 47, " ", "line 2, columns 45-52"),  # a blank inside the second derivative
    (2, 18, "96.9458 ", "line 3, columns 18-25"),  # an unpadded (left-aligned) RAAN
    (2, 53, "        -0 ", "line 3, columns 53-63"),  # -0 merged with the rev number
    (2, 53, "15.4878279 ", "line 3, columns 53-63"),  # a digit short: sscanf runs on
    (1, 21, "281.9825893 ", "line 2, columns 21-32"),
    (1, 10, "ab c    ", "line 2, columns 10-17"),
])
def test_fields_sgp4_would_read_differently_are_refused_at_their_columns(line, col, text,
                                                                          where):
    a, b = (put(L1, col, text), L2) if line == 1 else (L1, put(L2, col, text))
    assert where in refused(a, b)


def test_without_the_rule_sgp4_reads_those_fields_otherwise():
    """Why the columns matter: SGP4's sscanf reads these with no error code, and holds
    something else than the line says."""
    sat = Satrec.twoline2rv(put(L1, 56, " "), L2, WGS72)  # ' 1 685-3'
    assert sat.error == 0 and sat.bstar > 1e60
    sat = Satrec.twoline2rv(L1, put(L2, 53, "       -0"), WGS72)  # merged with the revs
    assert sat.error == 0 and sat.no_kozai * 229.1831180523293 < -1e6 and sat.revnum == 0
    assert "columns 53-63" in refused(L1, put(L2, 53, "       -0"))


def test_the_sgp4_comparison_names_a_field_read_otherwise():
    sat = Satrec.twoline2rv(L1, L2, WGS72)
    fields = _fields(L1, L2)
    _check_sgp4_reads_the_same(sat, fields, Place("x.tle", 1))  # the same: no error
    fields["bstar"] *= 10.0  # as if our reading of columns 54-61 disagreed with SGP4's
    with pytest.raises(OrbitDataError, match=r"line 1, columns 54-61: SGP4 reads the BSTAR"):
        _check_sgp4_reads_the_same(sat, fields, Place("x.tle", 1))


# --- physically absurd fields --------------------------------------------------------
@pytest.mark.parametrize("line, col, text, words", [
    (2, 9, "999.9999", "inclination should be 0 to 180"),
    (2, 9, "180.0001", "inclination should be 0 to 180"),
    (2, 18, "360.0000", "node should be 0 to under 360"),
    (2, 35, "400.0000", "perigee should be 0 to under 360"),
    (2, 44, "360.0001", "anomaly should be 0 to under 360"),
    (1, 21, "366.90000000", "2026 has 365 days"),
    (1, 21, "000.50000000", "epoch day of year should be from 1"),
    (2, 53, " 0.00000000", "mean motion should be at least 0.05"),
    (2, 53, " 0.04999999", "mean motion should be at least 0.05"),
    (1, 54, "-10000+2", "BSTAR drag term should be under 1"),
])
def test_physically_absurd_fields_are_refused(line, col, text, words):
    a, b = (put(L1, col, text), L2) if line == 1 else (L1, put(L2, col, text))
    assert words in refused(a, b)


def test_catalogue_number_zero_and_alpha5():
    assert "catalogue number 0" in refused(put(L1, 3, "00000"), put(L2, 3, "00000"))
    orbit = parse_orbit_text(f"{put(L1, 3, 'A0001')}\n{put(L2, 3, 'A0001')}\n")[0]
    assert orbit.norad_id == 100001


def test_day_366_of_a_leap_year_is_accepted():
    orbit = parse_orbit_text(f"{put(L1, 19, '24366.90000000')}\n{L2}\n")[0]
    assert orbit.epoch_unix_s == pytest.approx(1735680960.0, abs=1e-3)  # 2024-12-31 21:36


def test_eccentricity_sgp4_cannot_use_is_refused():
    msg = refused(L1, put(L2, 27, "9999999"))
    assert "SGP4" in msg or "perigee" in msg


def test_an_orbit_that_decays_within_the_load_span_is_refused_worded_after_the_epoch():
    msg = refused(put(L1, 54, " 50000+0"), L2)  # BSTAR 0.5: down within a day
    assert "SGP4 cannot propagate to" in msg and "after the epoch" in msg
    assert "decayed" in msg


def test_flown_back_before_the_epoch_is_not_called_decayed():
    msg = refused(put(L1, 54, "-50000+0"), L2)  # BSTAR -0.5: fine ahead, not back
    assert "before the epoch" in msg and "run back from the epoch" in msg
    assert "decayed" not in msg


def test_a_runaway_orbit_is_refused_not_flown_to_a_million_km():
    msg = refused(put(L1, 54, "-99999+0"), L2)  # BSTAR -0.99999: anti-drag
    assert "SGP4 cannot propagate to" in msg


# --- names ---------------------------------------------------------------------------
@pytest.mark.parametrize("name, words", [
    ("tab\tname", "'\\t' at column 4"),
    ("\x1b[2JHACKED", "'\\x1b' at column 1"),
    ("caf\u00e9", "printable ASCII"),
    ("X" * 25, "at most 24 characters"),
])
def test_hostile_names_are_refused_in_one_escaped_line(name, words):
    msg = refused(L1, L2, name=name)
    assert words in msg and "\x1b" not in msg and "\t" not in msg


@pytest.mark.parametrize("name", ["[+] STATION", "{X}", "NORAD_CAT_ID,OBJECT_NAME", "0 ISS"])
def test_names_that_look_like_json_or_csv_still_read_as_3le(name):
    orbit = parse_orbit_text(f"{name}\n{L1}\n{L2}\n", "x.tle")[0]
    assert orbit.name == name.removeprefix("0 ")
    assert parse_orbit_text(orbit.as_3le())[0].name == orbit.name


# --- OMM: the same rule ----------------------------------------------------------------
OMM = {"OBJECT_NAME": "ISS (ZARYA)", "OBJECT_ID": "1998-067A",
       "EPOCH": "2026-10-08T23:34:55.716384", "MEAN_MOTION": 15.48782794,
       "ECCENTRICITY": 0.0006821, "INCLINATION": 51.6313, "RA_OF_ASC_NODE": 96.9458,
       "ARG_OF_PERICENTER": 239.5445, "MEAN_ANOMALY": 120.487, "EPHEMERIS_TYPE": 0,
       "CLASSIFICATION_TYPE": "U", "NORAD_CAT_ID": 25544, "ELEMENT_SET_NO": 999,
       "REV_AT_EPOCH": 58939, "BSTAR": 0.00011685, "MEAN_MOTION_DOT": 5.946e-05,
       "MEAN_MOTION_DDOT": 0}


def omm(text=None, **changes):
    if text is None:
        text = json.dumps([dict(OMM, **changes)])
    return parse_orbit_text(text, "o.json")


def omm_refused(text=None, **changes) -> str:
    with pytest.raises(OrbitDataError) as info:
        omm(text, **changes)
    msg = str(info.value)
    assert "\n" not in msg and msg.isprintable() and msg.startswith("o.json")
    return msg


@pytest.mark.parametrize("text, words", [
    ("[" * 100_000 + "]" * 100_000, "nested deeper"),
    ('[{"NORAD_CAT_ID": ' + "9" * 5000 + "}]", "5000 characters long"),
    ('[{"A": 1, "A": 2}]', "duplicate key"),
    ('[{"BSTAR": NaN}]', "NaN is not allowed"),
])
def test_omm_json_bounded(text, words):
    assert words in omm_refused(text)


@pytest.mark.parametrize("changes, words", [
    ({"REV_AT_EPOCH": 1e300}, "REV_AT_EPOCH"),
    ({"ELEMENT_SET_NO": 123456}, "ELEMENT_SET_NO should be a whole number 0..9999"),
    ({"NORAD_CAT_ID": 10**30}, "NORAD_CAT_ID"),
    ({"NORAD_CAT_ID": True}, "NORAD_CAT_ID should be a number"),
    ({"CLASSIFICATION_TYPE": "\x00"}, "'\\x00'"),
    ({"CLASSIFICATION_TYPE": "\u00e9"}, "printable ASCII"),
    ({"CLASSIFICATION_TYPE": "-"}, "should be U, C or S"),
    ({"OBJECT_NAME": "X" * 30}, "at most 24 characters"),
    ({"OBJECT_NAME": ["ISS"]}, "OBJECT_NAME should be text"),
    ({"OBJECT_NAME": "\x1b[2JHACK"}, "'\\x1b[2JHACK'"),
    ({"INCLINATION": -51.6}, "INCLINATION should be 0 to 180"),
    ({"RA_OF_ASC_NODE": 360.0}, "RA_OF_ASC_NODE should be 0 to under 360"),
    ({"ECCENTRICITY": 1.5}, "ECCENTRICITY"),
    ({"MEAN_MOTION": -15.5}, "MEAN_MOTION"),
    ({"EPOCH": "2060-01-01T00:00:00"}, "1957..2056"),
    ({"BSTAR": "1_0"}, "BSTAR should be a number"),
    ({"OBJECT_ID": "1998-067a"}, "OBJECT_ID"),
])
def test_omm_fields_refused_by_name(changes, words):
    msg = omm_refused(**changes)
    assert words in msg and "\x1b" not in msg


def test_omm_negative_zero_eccentricity_is_zero():
    for value in (-0.0, "-0.0"):
        orbit = omm(ECCENTRICITY=value)[0]
        assert orbit.eccentricity == 0.0 and orbit.line2[26:33] == "0000000"


def test_omm_revolution_number_is_kept_modulo_100000_as_the_tle_keeps_it():
    orbit = omm(REV_AT_EPOCH=158939)[0]
    assert orbit.satrec.revnum == 58939 and len(orbit.line2) == 69


def test_omm_angle_that_rounds_to_a_full_turn_is_zero():
    assert omm(RA_OF_ASC_NODE=359.99999)[0].line2[17:25] == "  0.0000"


# --- whatever is accepted round-trips ------------------------------------------------
def _round_trips(orbit):
    again = parse_orbit_text(orbit.as_3le(), "saved.tle")[0]
    assert (again.name, again.line1, again.line2) == (orbit.name, orbit.line1, orbit.line2)


@pytest.mark.parametrize("name", ["0 ISS", "ISS (ZARYA)", None])
def test_omm_tle_and_edits_round_trip(name):
    changes = {} if name is None else {"OBJECT_NAME": name}
    _round_trips(omm(**changes)[0])
    iss = pinned_orbit()
    _round_trips(iss)
    for kw in ({"altitude_km": 150.0}, {"eccentricity": -0.0}, {"raan_deg": 359.99999},
               {"inclination_deg": 180.0}, {"name": "0 MY ORBIT"}):
        _round_trips(edit_elements(iss, **kw))


# --- the editor -----------------------------------------------------------------------
def test_editor_minimum_altitude_is_accepted():
    edited = edit_elements(pinned_orbit(), altitude_km=150.0)
    assert edited.mean_altitude_km == pytest.approx(150.0, abs=1e-3)


@pytest.mark.parametrize("kw, words", [
    ({"altitude_km": 1e308}, "altitude must be at most 300,000 km"),
    ({"altitude_km": 2e6}, "altitude must be at most 300,000 km"),
    ({"eccentricity": 0.06}, "SGP4 cannot propagate to"),  # flies at the epoch only
    ({"name": "two\nlines"}, "'\\n' at column 4"),
])
def test_editor_refuses_cleanly(kw, words):
    with pytest.raises(OrbitDataError) as info:
        edit_elements(pinned_orbit(), **kw)
    msg = str(info.value)
    assert words in msg and "\n" not in msg


def test_editor_eccentricity_at_epoch_only_flyable_would_fail_two_minutes_later():
    """Why the editor checks the span: e 0.06 flies at the epoch but not for long."""
    iss = pinned_orbit()
    sat = Satrec()
    s = iss.satrec
    sat.sgp4init(WGS72, "i", s.satnum, s.jdsatepoch + s.jdsatepochF - 2433281.5, s.bstar,
                 s.ndot, s.nddot, 0.06, s.argpo, s.inclo, s.mo, s.no_kozai, s.nodeo)
    assert sat.sgp4(sat.jdsatepoch, sat.jdsatepochF)[0] == 0
    errs = [sat.sgp4(sat.jdsatepoch, sat.jdsatepochF + m / 1440.0)[0] for m in range(0, 3000)]
    assert any(errs)


def test_editor_at_the_upper_altitude_flies_and_stays_finite():
    edited = edit_elements(pinned_orbit(), altitude_km=300_000.0)
    t = edited.epoch_unix_s + np.arange(0.0, 39 * 3600.0, 600.0)
    assert np.isfinite(ground_track(edited, t).alt_km).all()
    _round_trips(edited)


# --- through the command line: accepted edge cases record games that verify ----------
@pytest.mark.parametrize("case", ["omm-edges", "alpha5-blank-revs", "edited-150km"])
def test_accepted_edge_cases_record_and_verify_through_the_cli(case, tmp_path, capsys):
    from game.cli.main import main

    if case == "omm-edges":
        path = tmp_path / "edge.json"
        path.write_text(json.dumps([dict(OMM, OBJECT_NAME="0 ISS", REV_AT_EPOCH=158939,
                                         ECCENTRICITY=-0.0, RA_OF_ASC_NODE=359.99999)]))
    elif case == "alpha5-blank-revs":
        path = tmp_path / "a5.tle"
        path.write_text(f"[+] A5\n{put(L1, 3, 'A0001')}\n{put(put(L2, 3, 'A0001'), 64, '     ')}\n")
    else:
        path = tmp_path / "low.tle"
        path.write_text(edit_elements(pinned_orbit(), altitude_km=150.0).as_3le())
    out = tmp_path / "game.jsonl"
    assert main(["sim", "--orbit", str(path), "--seed", "4", "--warp", "3",
                 "--record", str(out)]) == 0
    assert main(["replay", str(out), "--verify"]) == 0
    assert "verified" in capsys.readouterr().out


def test_a_replay_whose_orbit_cannot_fly_its_game_is_refused_at_read(tmp_path, capsys):
    from game.cli.main import main
    from game.errors import ReplayError
    from game.replay.reader import read_replay

    iss = pinned_orbit()
    falling = tmp_path / "falling.tle"
    falling.write_text(f"FALLING\n{put(iss.line1, 54, ' 20000-1')}\n{iss.line2}\n")
    rec = tmp_path / "game.jsonl"
    assert main(["sim", "--orbit", str(falling), "--seed", "1", "--warp", "3",
                 "--record", str(rec)]) == 0
    lines = rec.read_text().splitlines()
    header = json.loads(lines[0])
    header["start_unix_s"] += 40 * 86400.0  # the orbit is long down by then
    moved = tmp_path / "moved.jsonl"
    moved.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    with pytest.raises(ReplayError) as info:
        read_replay(moved)
    msg = str(info.value)
    assert "cannot fly the game" in msg and "SGP4 cannot propagate to" in msg
    assert "\n" not in msg
