"""Trace one game: python trace.py BOT side scenario seed"""
import sys
from game.bots.balance import _controller
from game.newgame import TIMELINE_STEP_S, default_start, max_ticks_for
from game.orbit.api import build_timeline, load_orbit
from game.sim.api import new_game, play

bot, side, scen, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
orbit = load_orbit("orbits/iss-2026-10-08.tle")
mt = max_ticks_for(30.0)
tl = build_timeline(orbit, default_start(orbit, seed), TIMELINE_STEP_S, mt + 1)
g = new_game(scen, seed, tl, max_ticks=mt)
spec = {"us": "ai:hard", "ru": "ai:hard"}
spec[side] = bot if ":" in bot else f"bot:{bot}"
skip = {"arrived", "strike", "glow", "talked", "hatch_opened"}
def ev(es):
    for e in es:
        if e.kind in skip and "-v" not in sys.argv:
            continue
        print(f"{e.tick:6d} {e.tick//3600}:{e.tick%3600//60:02d} {e.kind:16s} {e.text}")
print("arrival", g.setup.order_arrival)
s = play(g, {k: _controller(v, k, seed) for k, v in spec.items()}, on_events=ev)
print(s["ending"], s["winner"], s["ticks"])
