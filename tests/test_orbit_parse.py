"""Reading TLE/3LE/OMM, and a message a person can act on for every malformed case."""

from pathlib import Path

import numpy as np
import pytest
from pinned import pinned_orbit

from game.errors import OrbitDataError, UserError
from game.orbit.api import (
    ground_track,
    load_orbit,
    parse_orbit_text,
    read_orbit_file,
    tle_checksum,
)
from game.paths import orbits_dir

DATA = Path(__file__).parent / "data" / "orbit"
SHARED = Path("/work/shared/orbit-data")
ORBITS = Path(__file__).resolve().parents[1] / "orbits"
NAME = "ISS (ZARYA)"
L1 = "1 25544U 98067A   26281.98258931  .00005946  00000+0  11685-3 0  9991"
L2 = "2 25544  51.6313  96.9458 0006821 239.5445 120.4870 15.48782794589392"


def _restamp(line: str) -> str:
    return line[:68] + str(tle_checksum(line))


def _error(text: str) -> str:
    with pytest.raises(OrbitDataError) as info:
        parse_orbit_text(text, "bad.tle")
    message = str(info.value)
    assert "\n" not in message and message.startswith("bad.tle")
    return message


@pytest.mark.parametrize("path", sorted(ORBITS.glob("iss-*.tle")) + sorted(
    SHARED.glob("*.tle")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_iss_element_sets_parse(path):
    orbit = load_orbit(path)
    assert orbit.name == NAME and orbit.norad_id == 25544
    assert orbit.intl_designator == "98067A"
    assert 51.6 < orbit.inclination_deg < 51.7
    assert 92.5 < orbit.period_min < 93.2
    assert 400 < orbit.perigee_km < orbit.apogee_km < 440


def test_pinned_orbit_reads_as_written():
    orbit = pinned_orbit()
    assert orbit.line1 == L1 and orbit.line2 == L2
    assert orbit.epoch_unix_s == pytest.approx(1791502495.716, abs=1e-3)  # 2026-10-08 23:34:55


def test_default_orbit_is_the_newest_bundled_iss():
    newest = sorted(orbits_dir().glob("iss-*.tle"))[-1]
    assert load_orbit().line1 == read_orbit_file(newest)[0].line1


def test_celestrak_3le_many_satellites_padded_names_and_rev_numbers():
    orbits = read_orbit_file(DATA / "multi-3le.txt")
    assert [o.norad_id for o in orbits] == [25544, 48274, 20580, 44713]
    assert orbits[1].name == "CSS (TIANHE)"  # 24-column padding stripped
    assert orbits[2].satrec.revnum == 1234  # "  1234" padded with spaces
    path = DATA / "multi-3le.txt"
    assert load_orbit(path).norad_id == 25544  # default: the ISS
    assert load_orbit(path, "hst").norad_id == 20580  # case-insensitive
    assert load_orbit(path, "tianhe").norad_id == 48274  # unique substring
    assert load_orbit(path, "44713").name == "STARLINK-1007"
    assert load_orbit(path, 20580).name == "HST"


def test_bare_tle_and_space_track_zero_prefixed_names():
    assert parse_orbit_text(f"{L1}\n{L2}\n")[0].name == "NORAD 25544"
    assert parse_orbit_text(f"0 {NAME}\n{L1}\n{L2}\n")[0].name == NAME


@pytest.mark.parametrize("name", ["omm.json", "omm.csv"])
def test_omm_json_and_csv_fly_like_the_tle(name):
    omm = load_orbit(DATA / name)
    tle = load_orbit(ORBITS / "iss-2026-10-08.tle")
    assert omm.name == NAME and omm.norad_id == 25544 and omm.intl_designator == "98067A"
    assert omm.line2 == tle.line2
    assert omm.epoch_unix_s == pytest.approx(tle.epoch_unix_s, abs=1e-3)
    t = tle.epoch_unix_s + np.arange(0.0, 86400.0, 600.0)
    a, b = ground_track(omm, t), ground_track(tle, t)
    assert np.abs(a.lat_deg - b.lat_deg).max() < 1e-4
    assert load_orbit(DATA / name, "HST").norad_id == 20580


# --- malformed input: every message names the place and what was expected/found --------
def test_empty_file():
    assert "empty" in _error("  \n\n")


def test_line_length():
    msg = _error(f"{NAME}\n{L1[:60]}\n{L2}\n")
    assert "line 2" in msg and "69" in msg and "found 60" in msg


def test_checksum_expected_vs_found():
    bad = L2[:68] + "7"  # real checksum is 2
    msg = _error(f"{NAME}\n{L1}\n{bad}\n")
    assert "line 3, column 69" in msg
    assert "expected 2" in msg and "found 7" in msg


def test_non_numeric_field_names_field_and_columns():
    bad = _restamp(L2[:8] + " 51.6X13" + L2[16:])
    msg = _error(f"{NAME}\n{L1}\n{bad}\n")
    assert "line 3, columns 9-16" in msg and "inclination" in msg and "51.6X13" in msg


def test_non_numeric_mean_motion_and_bstar():
    bad2 = _restamp(L2[:52] + "15.4878X794" + L2[63:])
    assert "columns 53-63" in _error(f"{L1}\n{bad2}\n")
    bad1 = _restamp(L1[:53] + " 1168Z-3" + L1[61:])
    msg = _error(f"{bad1}\n{L2}\n")
    assert "line 1, columns 54-61" in msg and "BSTAR" in msg


def test_shifted_field_is_reported_at_its_column():
    bad = _restamp(L2[:16] + "X" + L2[17:])
    assert "line 2, column 17" in _error(f"{L1}\n{bad}\n")


def test_catalogue_numbers_differ():
    other = _restamp(L2[:2] + "25545" + L2[7:])
    msg = _error(f"{NAME}\n{L1}\n{other}\n")
    assert "line 3, columns 3-7" in msg and "25544" in msg and "25545" in msg


def test_lines_out_of_order():
    msg = _error(f"{NAME}\n{L2}\n{L1}\n")
    assert "line 2" in msg and "out of order" in msg


def test_line_1_without_line_2_and_name_without_lines():
    assert "line 2: line 1 has no line 2" in _error(f"{NAME}\n{L1}\n")
    assert "line 1" in _error(f"{NAME}\n") and "no element lines" in _error(f"{NAME}\n")
    assert "another line 1" in _error(f"{L1}\n{L1}\n{L2}\n")


def test_bad_epoch_day():
    bad = _restamp(L1[:20] + "400.98258931" + L1[32:])
    assert "columns 21-32" in _error(f"{bad}\n{L2}\n")


def test_sgp4_error_codes_become_clear_errors():
    # Eccentricity 0.9999999 with a low mean motion: SGP4 refuses at the epoch.
    bad = _restamp(L2[:26] + "9999999" + L2[33:52] + " 0.50000000" + L2[63:])
    msg = _error(f"{L1}\n{bad}\n")
    assert "SGP4" in msg


def test_no_satellite_matching_lists_what_is_there():
    with pytest.raises(OrbitDataError) as info:
        load_orbit(DATA / "multi-3le.txt", "hubble")
    msg = str(info.value)
    assert "no satellite matching 'hubble'" in msg
    assert "ISS (ZARYA) (25544)" in msg and "HST (20580)" in msg
    with pytest.raises(OrbitDataError, match="99999"):
        load_orbit(DATA / "multi-3le.txt", "99999")


def test_ambiguous_name():
    text = (DATA / "multi-3le.txt").read_text()
    from game.orbit.api import select_orbit

    with pytest.raises(OrbitDataError, match=r"'ss' matches 2 satellites: ISS.*CSS"):
        select_orbit(parse_orbit_text(text, "x"), "ss", "x")


def test_omm_missing_and_bad_fields():
    with pytest.raises(OrbitDataError, match=r"record 1 \(X\).*MEAN_MOTION"):
        parse_orbit_text('[{"OBJECT_NAME": "X", "NORAD_CAT_ID": 1}]', "o.json")
    text = (DATA / "omm.csv").read_text().replace("15.48782794", "fast")
    with pytest.raises(OrbitDataError, match=r"o.csv, line 2 .*MEAN_MOTION.*'fast'"):
        parse_orbit_text(text, "o.csv")
    with pytest.raises(OrbitDataError, match=r"line 1, column \d+.*JSON"):
        parse_orbit_text('[{"OBJECT_NAME": }]', "o.json")


def test_files_that_are_not_orbit_files(tmp_path):
    with pytest.raises(OrbitDataError, match="no such file"):
        read_orbit_file(tmp_path / "missing.tle")
    binary = tmp_path / "b.tle"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    with pytest.raises(OrbitDataError, match="not a text file"):
        read_orbit_file(binary)
    with pytest.raises(OrbitDataError, match="is a folder"):
        read_orbit_file(tmp_path)


def test_garbage_never_raises_anything_but_orbit_data_error():
    rng = np.random.default_rng(7)
    base = f"{NAME}\n{L1}\n{L2}\n"
    for _ in range(400):
        chars = list(base)
        for i in rng.integers(0, len(chars), size=int(rng.integers(1, 4))):
            chars[i] = chr(int(rng.integers(32, 127)))
        text = "".join(chars)
        try:
            parse_orbit_text(text, "fuzz")
        except UserError:
            pass
