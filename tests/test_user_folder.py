"""The user folder may be unusable or full: game.paths says so in one line
(UserFolderError), the recorder's write errors reach the caller and stderr, and no empty
or silently cut replay is ever reported as recorded."""

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from pinned import pinned_orbit, pinned_orbit_path

from game.errors import ReplayError, UserError, UserFolderError
from game.newgame import setup_game
from game.paths import user_data_dir, user_orbits_dir, user_replays_dir
from game.replay.reader import read_replay
from game.replay.recorder import Recorder, auto_replay_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def home_is_a_file(tmp_path, monkeypatch):
    f = tmp_path / "not-a-folder"
    f.write_text("x")
    monkeypatch.setenv("ISS_GAME_HOME", str(f))
    return f


@pytest.fixture
def home_under_a_file(tmp_path, monkeypatch):
    f = tmp_path / "file"
    f.write_text("x")
    monkeypatch.setenv("ISS_GAME_HOME", str(f / "home"))
    return f / "home"


@pytest.mark.parametrize("fn", [user_data_dir, user_orbits_dir, user_replays_dir])
def test_user_folders_raise_one_clear_line(fn, home_is_a_file, home_under_a_file):
    with pytest.raises(UserFolderError) as info:
        fn()
    msg = str(info.value)
    assert isinstance(info.value, UserError) and "\n" not in msg
    assert "part of the path is a file" in msg and "ISS_GAME_HOME" in msg


def test_a_user_folder_error_is_also_an_os_error(home_under_a_file):
    """Code that already carried on after the OSError of mkdir still does."""
    with pytest.raises(OSError):
        user_orbits_dir()


def test_home_that_is_a_file(home_is_a_file):
    with pytest.raises(UserFolderError, match="it is a file, not a folder"):
        user_data_dir()


def test_listing_does_not_need_a_writable_folder(home_under_a_file):
    assert user_replays_dir(create=False) == home_under_a_file / "replays"
    assert user_orbits_dir(create=False) == home_under_a_file / "orbits"
    from game.replay.catalog import list_replays

    assert list_replays() == []


def test_auto_replay_path_in_an_unusable_home_is_a_user_folder_error(home_under_a_file):
    with pytest.raises(UserFolderError):
        auto_replay_path()


def _game():
    orbit = pinned_orbit()
    return orbit, setup_game(orbit, seed=1, warp=3.0)


def test_a_full_disk_before_the_header_is_a_replay_error_and_no_file():
    orbit, game = _game()
    with pytest.raises(ReplayError) as info:
        Recorder.for_game("/dev/full", game, orbit=orbit, sides={"us": "ai", "ru": "ai"},
                          difficulty="hard", warp=3.0)
    assert "No space left on device" in str(info.value) and "\n" not in str(info.value)


def _sim_with_file_limit(tmp_path, limit: int):
    out = tmp_path / "game.jsonl"

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [sys.executable, "-m", "game.cli.main", "sim", "--seed", "3", "--orbit",
         str(pinned_orbit_path()), "--record", str(out)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, preexec_fn=limit_file_size,
        env=dict(os.environ, SDL_VIDEODRIVER="dummy"))
    return proc, out


def test_a_disk_full_at_the_header_prints_one_error_and_leaves_no_file(tmp_path):
    proc, out = _sim_with_file_limit(tmp_path, 0)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "cannot write replay (File too large)" in proc.stderr
    assert not out.exists()


def test_a_disk_full_mid_game_is_reported_not_claimed(tmp_path):
    proc, out = _sim_with_file_limit(tmp_path, 6000)
    assert proc.returncode == 2 and proc.stdout == ""  # no "ending:" as if all went well
    line = proc.stderr.strip()
    assert proc.stderr.count("\n") == 1 and "recording stopped at tick" in line
    assert "File too large" in line and "plays up to tick" in line
    # what did reach the disk is a cut-short replay that reads and verifies
    assert 0 < out.stat().st_size <= 6000
    replay = read_replay(out)
    assert replay.warning and replay.result is None
    from game.replay.verify import verify_replay

    assert verify_replay(replay).ok


def test_finish_returns_the_error_for_the_screens(tmp_path):
    orbit, game = _game()
    rec = Recorder.for_game(tmp_path / "r.jsonl", game, orbit=orbit,
                            sides={"us": "ai", "ru": "ai"}, difficulty="hard", warp=3.0)
    assert rec.ok
    rec._fh.close()  # the file goes away under the recorder (as a full disk would)
    rec.on_checksum(600, "0" * 32)
    assert not rec.ok and rec.error.startswith("recording stopped at tick 600")
    assert rec.finish(game) == rec.error
