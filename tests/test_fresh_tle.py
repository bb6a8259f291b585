"""A fresh, valid element set dropped into ``orbits/`` moves no test (issue 9).

The README invites players to add a newer TLE to ``orbits/``, and the game then flies
the newest one by default; tests must name their orbit file (``pinned.py``) instead of
depending on which is newest. This runs every test file that reads bundled orbit data
again, in a subprocess, with a copy of ``orbits/`` that holds one more element set,
newer than all the others and on a different orbit (so a test still flying "the
default" would see another game and fail).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pinned import pinned_orbit

from game.orbit.api import edit_elements, parse_iso_utc, read_orbit_file
from game.paths import default_orbit_file, orbits_dir

TESTS = Path(__file__).resolve().parent
FRESH = "iss-2026-12-01.tle"
_READS_ORBITS = ("pinned_orbit", "orbits_dir", "load_orbit", "default_orbit", "GameSetup",
                 '"sim"', "main([")


def _orbit_dependent_test_files() -> list[str]:
    return [str(f) for f in sorted(TESTS.glob("test_*.py"))
            if f.name != Path(__file__).name and any(w in f.read_text() for w in _READS_ORBITS)]


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get("ISS_GAME_ORBITS")),
                    reason="already running against a copy of orbits/")
def test_a_fresh_tle_in_orbits_moves_no_test(tmp_path, monkeypatch):
    folder = tmp_path / "orbits"
    shutil.copytree(orbits_dir(), folder)
    fresh = edit_elements(pinned_orbit(), epoch_unix_s=parse_iso_utc("2026-12-01T00:00:00Z"),
                          raan_deg=123.0, mean_anomaly_deg=200.0)
    (folder / FRESH).write_text(fresh.as_3le())
    monkeypatch.setenv("ISS_GAME_ORBITS", str(folder))
    # the copy really changes what "the default orbit" is
    assert default_orbit_file() == folder / FRESH
    assert read_orbit_file(default_orbit_file())[0].line2 != pinned_orbit().line2

    files = _orbit_dependent_test_files()
    assert len(files) >= 10, files
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                          *files], cwd=TESTS.parent, env=dict(os.environ),
                         capture_output=True, text=True, timeout=900)
    tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-25:])
    assert run.returncode == 0, f"with {FRESH} added to orbits/:\n{tail}"
