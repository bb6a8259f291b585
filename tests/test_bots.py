"""Players' own bots: the contract of README "Write your own bot", end to end.

Bots are loaded from files, called with their side's view every 5 mission seconds,
refused like players, stopped with one line naming the file when they misbehave, and
recorded as commands so that a replay never runs them.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pinned import pinned_orbit_path

from game.bots.loader import BOT_PERIOD_S, BotError, load_bot
from game.newgame import setup_game
from game.orbit.api import load_orbit
from game.sim.runner import play

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "bots" / "example_bot.py"


def _sim(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "game", "sim", "--orbit",
                           str(pinned_orbit_path()), *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def test_the_example_bot_plays_a_whole_game_and_its_replay_verifies(tmp_path):
    replay = tmp_path / "bot.jsonl"
    out = _sim("--seed", "7", "--us", f"bot:{EXAMPLE}", "--ru", "ai:hard", "--json",
               "--record", str(replay))
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["us"] == f"bot:{EXAMPLE}" and d["summary"]["stats"]["commands_us"] > 0
    header = json.loads(replay.read_text().splitlines()[0])
    assert header["sides"] == {"us": "bot", "ru": "ai:hard"}
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    check = subprocess.run([sys.executable, "-m", "game", "replay", str(replay), "--verify"],
                           capture_output=True, text=True, timeout=120, cwd=moved)
    assert check.returncode == 0 and "verified" in check.stdout, check.stdout + check.stderr


def _write(tmp_path, body: str) -> Path:
    p = tmp_path / "bot.py"
    p.write_text("from game.sim import api\n\n" + body)
    return p


@pytest.mark.parametrize("body, needle", [
    ("def make_bot(side, seed):\n    class B:\n        def decide(self, view):\n"
     "            raise KeyError('nope')\n    return B()\n", "decide() raised KeyError"),
    ("def make_bot(side, seed):\n    class B:\n        def decide(self, view):\n"
     "            return 'move everyone'\n    return B()\n", "not a list of commands"),
    ("def make_bot(side, seed):\n    class B:\n        def decide(self, view):\n"
     "            return [('move', 'kira')]\n    return B()\n", "not a command"),
    ("def make_bot(side, seed):\n    class B:\n        def decide(self, view):\n"
     "            import time\n            time.sleep(1.2)\n            return []\n"
     "    return B()\n", "took"),
    ("x = 1\n", "make_bot"),
    ("def make_bot(side, seed):\n    return object()\n", "no decide"),
    ("import no_such_module_here\n", "ModuleNotFoundError"),
])
def test_a_misbehaving_bot_stops_the_run_with_one_line_naming_it(tmp_path, body, needle):
    bot = _write(tmp_path, body)
    out = _sim("--seed", "3", "--ru", f"bot:{bot}")
    assert out.returncode == 2, out
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bot) in lines[0] and needle in lines[0], lines
    assert "Traceback" not in out.stderr


def test_a_bot_is_asked_every_five_seconds_with_its_own_view_and_refused_like_a_player(
        tmp_path):
    bot = _write(tmp_path, (
        "seen = []\n\n"
        "def make_bot(side, seed):\n    class B:\n        def decide(self, view):\n"
        "            seen.append((view.tick, view.orders, view.refusals))\n"
        "            # a command for the other side, and one that is impossible\n"
        "            return [api.Move('us', 'kira', 'zvezda'),\n"
        "                    api.Move(side, 'alexey', 'nowhere')]\n"
        "    return B()\n"))
    ctl = load_bot(str(bot), "ru", 3)
    g = setup_game(load_orbit(pinned_orbit_path()), seed=3)
    play(g, {"ru": ctl}, until=200)
    seen = sys.modules.get(ctl.bot.__class__.__module__)
    assert seen is None  # the bot module is not left in sys.modules
    ticks = [t for t, _o, _r in ctl.bot.decide.__globals__["seen"]]
    assert ticks[:4] == [0, BOT_PERIOD_S, 2 * BOT_PERIOD_S, 3 * BOT_PERIOD_S]
    last_refusals = ctl.bot.decide.__globals__["seen"][-1][2]
    assert {r.kind for r in last_refusals} == {"move"} and all(r.side == "ru"
                                                                for r in last_refusals)
    assert any("not yours" in r.reason for r in last_refusals)
    assert g.stats["commands_ru"] == 0 and g.stats["commands_us"] == 0


def test_load_bot_refuses_a_missing_file(tmp_path):
    with pytest.raises(BotError, match="not found"):
        load_bot(str(tmp_path / "nope.py"), "us", 1)


def test_neither_side_is_always_asked_first_at_a_shared_tick():
    """At a tick where both sides decide, who is asked first alternates with the tick: the
    US was always first, and won the ties of a simultaneous strike."""
    from sim_helpers import game

    from game.sim.api import play

    calls = []

    class Probe:
        def __init__(self, side):
            self.side, self.wake = side, 0

        def decide(self, view):
            calls.append((view.tick, self.side))
            self.wake = view.tick + 1
            return []

    play(game(max_ticks=200), {"us": Probe("us"), "ru": Probe("ru")}, until=6)
    first = {}
    for tick, side in calls:
        first.setdefault(tick, side)
    assert {"us", "ru"} <= set(first.values())
    assert all(first[t] != first[t + 1] for t in range(5))
