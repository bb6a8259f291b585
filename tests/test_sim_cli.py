"""``iss-game sim``: whole headless games, byte-identical across processes."""

import json
import os
import subprocess
import sys

from game.sim.api import ENDINGS


def _sim(*args):
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    out = subprocess.run([sys.executable, "-m", "game", "sim", *args], capture_output=True,
                         text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_same_arguments_same_bytes_across_processes():
    a = _sim("--seed", "7", "--json")
    env_b = subprocess.run(
        [sys.executable, "-m", "game", "sim", "--seed", "7", "--json"], capture_output=True,
        text=True, env={**os.environ, "PYTHONHASHSEED": "12345"}, timeout=60).stdout
    assert a == env_b
    d = json.loads(a)
    assert {"ending", "ticks", "seed", "checksum", "scenario", "summary"} <= set(d)
    assert d["ending"] in ENDINGS and d["seed"] == 7 and len(d["checksum"]) == 32


def test_human_sides_issue_no_commands_and_text_output():
    out = _sim("--seed", "3", "--us", "human", "--ru", "human", "--warp", "2")
    assert out.startswith("ending: stalemate")
    assert "3600 ticks" in out


def test_seeds_print_one_json_line_a_game():
    lines = _sim("--seeds", "4-6", "--json").splitlines()
    assert len(lines) == 3
    games = [json.loads(x) for x in lines]
    assert [g["seed"] for g in games] == [4, 5, 6]
    for g in games:
        assert g["ending"] in ENDINGS and g["winner"] in ("us", "ru", None)
        assert g["first_order"] in ("us", "ru", None)
        assert {"flashes_witnessed", "stress_refusals"} <= set(g["summary"]["stats"])
    again = json.loads(_sim("--seed", "5", "--json"))
    assert again["ending"] == games[1]["ending"] and again["winner"] == games[1]["winner"]


def test_bad_player_specs_and_ranges_are_one_line_errors(tmp_path):
    for args, needle in ((["--us", "robot"], "--us"), (["--seeds", "9-3"], "range"),
                         (["--seeds", "1-2", "--record", str(tmp_path / "x.jsonl")], "--record"),
                         (["--ru", "bot:/nonexistent.py"], "not found")):
        out = subprocess.run([sys.executable, "-m", "game", "sim", *args], capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 2, out
        assert needle in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_international_scenario_and_bad_warp():
    d = json.loads(_sim("--seed", "2", "--scenario", "international", "--json"))
    assert d["scenario"] == "international"
    assert len(d["summary"]["crew"]) == 9
    out = subprocess.run([sys.executable, "-m", "game", "sim", "--warp", "0"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "warp" in out.stderr and "Traceback" not in out.stderr
