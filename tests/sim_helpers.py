"""Shared helpers for the simulation tests: a hand-made timeline and a quick game."""

from game.sim.api import Move, new_game
from game.sim.fake_timeline import fake_timeline

# The war in these tests never touches the station unless a test wants it to: cities far
# from the fake sub-satellite point (mid-Atlantic), so flashes are not witnessed.
FAR_CITIES = tuple((f"US{i}", "US", 40.0, -100.0 - i) for i in range(12)) + tuple(
    (f"RU{i}", "RU", 55.0, 60.0 + i) for i in range(12))


def game(scenario="film", seed=1, windows=None, max_ticks=54_000, cities=FAR_CITIES, **kw):
    tl = fake_timeline(max_ticks + 10, windows=windows, **kw)
    return new_game(scenario, seed, tl, max_ticks=max_ticks, cities=cities)


def orders_game(**kw):
    """Both mission controls always in view: each order arrives the moment it is sent."""
    windows = {"houston": [(0, 54_000)], "korolyov": [(0, 54_000)]}
    return game(windows=windows, **kw)


def us_only_game(**kw):
    """Only Houston ever sees the station: the US hears its order, Russia never does."""
    return game(windows={"houston": [(0, 54_000)]}, **kw)


def run_to_orders(g):
    """Step until both sides may use force (their orders arrived)."""
    while not (g.may_act("us") and g.may_act("ru")):
        g.step(max(1, min(g.next_due(), 10_000) - g.tick))
    return g


def run_until_order(g, side):
    while not g.may_act(side):
        g.step(max(1, min(g.next_due(), 10_000) - g.tick))
    return g


def crew(g, cid):
    return g.state.crew_by_id(cid)


def walk(g, side, cid, to):
    """Send ``cid`` to ``to`` and step until they are there; return the ticks it took."""
    t0 = g.tick
    r = g.submit(Move(side, cid, to))
    assert r.ok, r.reason
    while crew(g, cid).module != to:
        g.step(1)
        assert g.tick - t0 < 2000, "never arrived"
    return g.tick - t0
