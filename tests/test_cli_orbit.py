"""`iss-game orbit ...` and `iss-game bench` as a user runs them: output and exit codes."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.orbit.api import parse_orbit_text, tle_checksum

DATA = Path(__file__).parent / "data" / "orbit"
ORBITS = Path(__file__).resolve().parents[1] / "orbits"
ISS = str(ORBITS / "iss-2026-10-08.tle")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                          text=True, timeout=120)


def assert_user_error(proc, *words):
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for w in words:
        assert w in lines[0]
    return lines[0]


def test_show_text():
    proc = run("orbit", "show", ISS)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for words in ("ISS (ZARYA)", "25544", "2026-10-08T23:34:55", "51.6313", "96.9458",
                  "0.0006821", "period", "perigee", "apogee", "Houston", "Korolyov",
                  "sunlight"):
        assert words in out


def test_show_default_file_json():
    proc = run("orbit", "show", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["norad_id"] == 25544
    assert 0.55 <= data["sunlit_share_orbit"] <= 0.75
    assert data["passes_from"] in ("now", "epoch")
    assert len(data["passes"]["houston"]) >= 1 and "korolyov" in data["passes"]
    assert 92.0 < data["period_min"] < 94.0


def test_show_picks_satellite_from_3le():
    proc = run("orbit", "show", str(DATA / "multi-3le.txt"), "--sat", "HST", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["norad_id"] == 20580


def test_track_csv():
    proc = run("orbit", "track", ISS, "--start", "2026-10-09T00:00:00Z", "--hours", "2",
               "--step", "60")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0] == ["utc", "lat_deg", "lon_deg", "alt_km", "sunlit"]
    assert len(rows) == 1 + 121
    assert rows[1][0] == "2026-10-09T00:00:00Z" and rows[-1][0] == "2026-10-09T02:00:00Z"
    assert {r[4] for r in rows[1:]} == {"true", "false"}
    for r in rows[1:]:
        assert abs(float(r[1])) < 52 and -180 <= float(r[2]) < 180
        assert 400 < float(r[3]) < 440


def test_track_geojson_is_split_at_the_antimeridian():
    proc = run("orbit", "track", ISS, "--start", "2026-10-09T00:00:00Z", "--hours", "6",
               "--step", "30", "--format", "geojson")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["type"] == "FeatureCollection"
    geom = doc["features"][0]["geometry"]
    assert geom["type"] == "MultiLineString"
    lines = geom["coordinates"]
    assert len(lines) >= 4
    for a, b in zip(lines, lines[1:], strict=False):
        assert abs(a[-1][0]) == 180.0 and b[0][0] == -a[-1][0] and a[-1][1] == b[0][1]
    for line in lines:
        assert all(abs(p[0] - q[0]) < 180 for p, q in zip(line, line[1:], strict=False))


@pytest.mark.parametrize("args, words", [
    (("--hours", "0", "--step", "10"), "--hours"),
    (("--hours", "1", "--step", "-5"), "--step"),
    (("--hours", "nan", "--step", "10"), "--hours"),
    (("--hours", "8000", "--step", "0.1"), "too many"),
])
def test_track_bad_numbers(args, words):
    assert_user_error(run("orbit", "track", ISS, "--start", "2026-10-09T00:00:00Z", *args),
                      words)


def test_track_bad_start():
    assert_user_error(run("orbit", "track", ISS, "--start", "yesterday", "--hours", "1",
                          "--step", "10"), "--start", "ISO 8601")


def test_track_far_from_epoch_warns_but_works():
    proc = run("orbit", "track", ISS, "--start", "2027-03-01T00:00:00Z", "--hours", "0.1",
               "--step", "60")
    assert proc.returncode == 0
    assert "warning" in proc.stderr and "epoch" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_files_exit_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.tle"
    text = (ORBITS / "iss-2026-10-08.tle").read_text().splitlines()
    bad.write_text("\n".join([text[0], text[1], text[2][:68] + "7"]) + "\n")
    assert_user_error(run("orbit", "show", str(bad)), "bad.tle", "line 3", "column 69",
                      "expected 2", "found 7")
    assert_user_error(run("orbit", "show", str(tmp_path / "none.tle")), "no such file")
    empty = tmp_path / "empty.tle"
    empty.write_text("")
    assert_user_error(run("orbit", "track", str(empty), "--start", "2026-10-09", "--hours",
                          "1", "--step", "10"), "empty")
    assert_user_error(run("orbit", "show", str(DATA / "multi-3le.txt"), "--sat", "MIR"),
                      "no satellite matching 'MIR'", "HST")


def test_edit_writes_a_valid_3le(tmp_path):
    out = tmp_path / "edited.tle"
    proc = run("orbit", "edit", ISS, "--inclination", "60", "--altitude", "500", "--raan",
               "10", "--eccentricity", "0.001", "--arg-perigee", "90", "--mean-anomaly", "45",
               "--epoch", "2026-10-10T00:00:00Z", "--name", "ISS HIGH", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = out.read_text().splitlines()
    assert lines[0] == "ISS HIGH" and len(lines) == 3
    for line in lines[1:]:
        assert len(line) == 69 and int(line[68]) == tle_checksum(line)
    assert lines[1][2:7] == "25544" and lines[1][9:17].strip() == "98067A"
    [orbit] = parse_orbit_text(out.read_text(), str(out))
    assert orbit.inclination_deg == pytest.approx(60.0, abs=1e-4)
    assert orbit.raan_deg == pytest.approx(10.0, abs=1e-4)
    assert orbit.mean_altitude_km == pytest.approx(500.0, abs=0.05)
    assert orbit.epoch_unix_s == pytest.approx(1791590400.0, abs=1e-3)
    # The written file is itself a good input.
    assert run("orbit", "show", str(out), "--json").returncode == 0


@pytest.mark.parametrize("args, words", [
    (("--inclination", "190"), "inclination must be 0 to 180"),
    (("--altitude", "100"), "altitude must be at least 150 km"),
    (("--eccentricity", "1.2"), "eccentricity"),
    (("--eccentricity", "0.3"), "perigee"),
    (("--epoch", "soon"), "--epoch"),
])
def test_edit_refuses_impossible_values(tmp_path, args, words):
    out = tmp_path / "x.tle"
    assert_user_error(run("orbit", "edit", ISS, *args, "-o", str(out)), words)
    assert not out.exists()


def test_bench_prints_one_json_object_with_ground_track_figures(monkeypatch, capsys):
    # Only this layer's section: other layers' sections are their own tests' business.
    from types import SimpleNamespace

    from game.cli import bench_cmd

    monkeypatch.setattr(bench_cmd, "SECTIONS", ("ground_track",))
    assert bench_cmd.run(SimpleNamespace(json=True, quick=True)) == 0
    data = json.loads(capsys.readouterr().out)
    gt = data["ground_track"]
    assert gt["points"] == 8640
    assert gt["max_error_m"] <= 100.0
    for key in ("fast_ms", "skyfield_ms", "speedup"):
        assert gt[key] > 0


def test_bench_reports_a_failing_section_and_runs_the_rest(monkeypatch, capsys):
    from types import SimpleNamespace

    from game.cli import bench_cmd

    real = bench_cmd.sections()

    def broken(quick):
        raise RuntimeError("a bench bug")

    monkeypatch.setattr(bench_cmd, "SECTIONS", ("broken", "ground_track"))
    monkeypatch.setattr(bench_cmd, "sections", lambda: {**real, "broken": broken})
    assert bench_cmd.run(SimpleNamespace(json=True, quick=True)) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["broken"]["error"] == "RuntimeError: a bench bug"
    assert data["ground_track"]["points"] == 8640


def test_bench_json_stdout_is_one_object_even_when_pygame_loads(tmp_path):
    # The orbit editor section imports pygame, whose banner would land on stdout.
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    p = subprocess.run([sys.executable, "-m", "game", "bench", "--json", "--quick",
                        "--only", "orbit_editor"], capture_output=True, text=True,
                       timeout=300, env=env)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert list(data) == ["orbit_editor"] and data["orbit_editor"]["live_median_ms"] > 0


def test_bench_unknown_section_is_one_line_exit_2(capsys):
    from game.cli.main import main

    assert main(["bench", "--only", "warp_drive"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no bench section 'warp_drive'" in err[0]


# --- dates outside the span the game computes (DE421: 1899-07-29..2053-10-08) -----------
def _y2055(tmp_path) -> str:
    """QA's /tmp/bad/y2055.tle: the ISS element set with epoch year 55 (2055), valid
    checksum."""
    lines = (ORBITS / "iss-2026-10-08.tle").read_text().splitlines()
    l1 = lines[1][:18] + "55" + lines[1][20:68]
    l1 += str(tle_checksum(l1))
    p = tmp_path / "y2055.tle"
    p.write_text(f"{lines[0]}\n{l1}\n{lines[2]}\n", encoding="ascii")
    return str(p)


@pytest.mark.parametrize("args", [
    ("orbit", "show", "{y2055}"),
    ("sim", "--seed", "1", "--orbit", "{y2055}"),
    ("orbit", "track", "{y2055}", "--start", "2055-10-09T00:00:00Z", "--hours", "1",
     "--step", "60"),
    ("orbit", "track", ISS, "--start", "1800-01-01T00:00:00Z", "--hours", "1", "--step", "60"),
    ("orbit", "track", ISS, "--start", "2053-10-08T20:00:00Z", "--hours", "2", "--step", "60"),
    ("orbit", "edit", ISS, "--epoch", "2055-01-01T00:00:00Z", "-o", "{out}"),
    ("sim", "--seed", "1", "--epoch", "1800-01-01T00:00:00Z"),
    ("sim", "--seed", "1", "--epoch", "2053-10-08T12:00:00Z"),
    ("play", "--epoch", "1800-01-01T00:00:00Z", "--headless", "--frames", "5",
     "--screenshot", "{png}"),
    ("play", "--epoch", "2100-01-01T00:00:00Z", "--headless", "--frames", "5",
     "--screenshot", "{png}"),
])
def test_dates_outside_the_ephemeris_are_one_line_exit_2(tmp_path, monkeypatch, args):
    """QA: these gave 40-line EphemerisRangeError tracebacks, exit 1 (and play --epoch 2100
    a warning line before its error line)."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    fill = {"y2055": _y2055(tmp_path), "out": str(tmp_path / "e.tle"),
            "png": str(tmp_path / "x.png")}
    proc = run(*(a.format(**fill) for a in args))
    line = assert_user_error(proc, "is outside", "1899-07-29", "2053-10-08", "DE421")
    assert "warning" not in line and proc.stdout == ""
    assert not (tmp_path / "e.tle").exists() and not (tmp_path / "x.png").exists()
