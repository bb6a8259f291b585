"""Every message one printable line, hostile text quoted safely, no warning before an
error's line, no partial output before a failure; the epoch warning from measured drift,
for the whole span of a game, worded before or after the epoch."""

import json

import pytest
from pinned import pinned_orbit, pinned_orbit_path

from game.cli.main import main
from game.errors import OrbitDataError, UserError, one_line, safe_text
from game.orbit.api import EPOCH_WARNING_DAYS, epoch_warning, iso_utc, load_orbit, tle_checksum
from game.orbit.drift import DRIFT_LIMIT_KM, measure_drift
from game.paths import orbits_dir

HOSTILE = "a\nb\x1b[2J\tc\u202ed"


def test_user_errors_are_one_printable_line_whatever_they_quote():
    exc = UserError(f"bad {HOSTILE}", where=f"file{HOSTILE}")
    text = str(exc)
    assert "\n" not in text and "\x1b" not in text and text.isprintable()
    assert "\\n" in text and "\\x1b[2J" in text and "\\u202e" in text


def test_safe_text_quotes_escapes_and_cuts():
    assert safe_text("ok") == "'ok'"
    assert safe_text("\x1b[2J") == "'\\x1b[2J'"
    assert safe_text("x" * 100, 10) == "'xxxxxxxxxx...'"
    assert one_line("two\nlines") == "two\\nlines"


def _run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_hostile_keys_in_a_replay_header_are_one_escaped_line(tmp_path, capsys):
    src = tmp_path / "ok.jsonl"
    assert main(["sim", "--seed", "1", "--warp", "3", "--orbit", str(pinned_orbit_path()),
                 "--record", str(src)]) == 0
    capsys.readouterr()
    lines = src.read_text().splitlines()
    header = json.loads(lines[0])
    header[f"evil{HOSTILE}"] = 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    code, out, err = _run(["replay", str(bad), "--verify"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "\x1b" not in err and "unexpected field 'evila\\nb\\x1b[2J" in err


def test_an_argument_with_a_newline_is_one_line(capsys):
    with pytest.raises(SystemExit) as info:
        main(["sim", "--scenario", f"x{HOSTILE}"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.count("\n") == 1 and "\x1b" not in err


def test_a_file_name_with_an_escape_sequence_never_reaches_the_terminal(tmp_path, capsys):
    path = tmp_path / "iss\x1b[2J.tle"
    path.write_text(pinned_orbit().as_3le())
    code, out, err = _run(["orbit", "show", str(path)], capsys)
    assert code == 0 and "\x1b" not in out + err and "iss\\x1b[2J.tle" in out


def test_orbit_track_prints_nothing_before_failing(tmp_path, capsys):
    iss = pinned_orbit()
    l1 = iss.line1[:53] + " 20000-1" + iss.line1[61:68]  # BSTAR 0.02: down in days
    l1 += str(tle_checksum(l1))
    path = tmp_path / "falling.tle"
    path.write_text(f"FALLING\n{l1}\n{iss.line2}\n")
    falling = load_orbit(path)  # flies over the load span...
    start = iso_utc(falling.epoch_unix_s)
    code, out, err = _run(["orbit", "track", str(path), "--start", start, "--hours", "480",
                           "--step", "60"], capsys)  # ...but not for 20 days
    assert code == 2 and out == ""  # no CSV header, no rows
    assert err.count("\n") == 1 and "SGP4 cannot propagate to" in err
    assert "warning:" not in err  # the far-epoch warning never comes before the error


def test_no_warning_before_an_error_line_in_sim(tmp_path, capsys):
    far = iso_utc(pinned_orbit().epoch_unix_s + 20 * 86400.0)
    code, out, err = _run(["sim", "--orbit", str(pinned_orbit_path()), "--epoch", far,
                           "--record", str(tmp_path / "no" / "such" / "dir.jsonl")], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "error" in err
    assert "warning:" not in err


# --- the epoch warning ---------------------------------------------------------------
def test_the_warning_age_comes_from_the_measured_drift():
    older = load_orbit(orbits_dir() / "iss-2026-09-26.tle")
    newer = load_orbit(orbits_dir() / "iss-2026-10-08.tle")
    d = measure_drift(older, newer)
    assert 1800 < d.km_at_newer_epoch < 2000  # 12.6 days forward: ~1,900 km off
    assert d.rms_fit_km < 30  # the quadratic model fits the measured gap
    assert EPOCH_WARNING_DAYS <= d.age_for(DRIFT_LIMIT_KM) < EPOCH_WARNING_DAYS + 1.0


def test_a_game_that_ends_far_past_the_epoch_warns():
    iss = pinned_orbit()
    e = iss.epoch_unix_s
    assert epoch_warning(iss, e) is None
    assert epoch_warning(iss, e, e + 86400.0) is None
    warning = epoch_warning(iss, e + 86400.0, e + 5 * 86400.0)  # starts fine, ends far
    assert warning.startswith("warning: the game ends 5.0 days after the epoch of ISS")
    assert "\n" not in warning and ";" in warning


def test_before_the_epoch_is_worded_so():
    iss = pinned_orbit()
    warning = epoch_warning(iss, iss.epoch_unix_s - 4 * 86400.0)
    assert "4.0 days before the epoch" in warning and "decayed" not in warning
    warning = epoch_warning(iss, iss.epoch_unix_s - 4 * 86400.0, iss.epoch_unix_s)
    assert warning.startswith("warning: the game starts 4.0 days before the epoch")


def test_sim_warns_for_the_whole_game_after_its_result(capsys):
    iss = pinned_orbit()
    start = iso_utc(iss.epoch_unix_s + 2.4 * 86400.0)  # starts inside the age, ends past it
    code, out, err = _run(["sim", "--orbit", str(pinned_orbit_path()), "--epoch", start,
                           "--seed", "3"], capsys)
    assert code == 0 and out.startswith("ending:")
    assert err.count("\n") == 1 and "warning: the game ends" in err


def test_a_time_sgp4_cannot_reach_before_the_epoch_is_not_called_decayed():
    iss = pinned_orbit()
    from game.orbit.api import ground_track

    l1 = iss.line1[:53] + "-50000-1" + iss.line1[61:68]  # BSTAR -0.05: flown back, falls
    l1 += str(tle_checksum(l1))
    from game.orbit.api import parse_orbit_text

    orbit = parse_orbit_text(f"X\n{l1}\n{iss.line2}\n")[0]
    with pytest.raises(OrbitDataError) as info:
        ground_track(orbit, [orbit.epoch_unix_s - 30 * 86400.0])
    msg = str(info.value)
    assert "before the epoch" in msg and "decayed" not in msg
