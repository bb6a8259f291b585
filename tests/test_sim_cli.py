"""``iss-game sim``: whole headless games, byte-identical across processes."""

import json
import os
import subprocess
import sys

from game.sim.rules import ENDINGS


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


def test_international_scenario_and_bad_warp():
    d = json.loads(_sim("--seed", "2", "--scenario", "international", "--json"))
    assert d["scenario"] == "international"
    assert len(d["summary"]["crew"]) == 9
    out = subprocess.run([sys.executable, "-m", "game", "sim", "--warp", "0"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "warp" in out.stderr and "Traceback" not in out.stderr
