"""The game's fast paths change no game: views built from cached parts equal views built
from scratch, and the runner's jump over a quiet controller's looks asks it at exactly the
ticks that looking every period would (issue 10's speed budget rests on both)."""

from dataclasses import fields, replace

import pytest
from pinned import pinned_orbit

from game.sim.ai import AI
from game.sim.game import Game
from game.sim.runner import play
from game.sim.state import GameState
from game.sim.views import StateView

FIELDS = {f.name for f in fields(StateView)}


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _setup(orbit, seed, scenario="film"):
    from game.newgame import setup_game

    return setup_game(orbit, seed=seed, scenario=scenario)


class _Logged(AI):
    """The hard AI, noting the tick of every decision it is asked for."""

    def __init__(self, side, seed):
        super().__init__(side, seed, "hard")
        self.asked: list[int] = []

    def decide(self, view):
        self.asked.append(view.tick)
        return super().decide(view)


def _from_scratch(g: Game, scenario: str) -> Game:
    """The same state in a new game object: no cached part at all."""
    state = GameState(scenario)
    state.load_data(g.snapshot())
    return Game(g.setup, state)


@pytest.mark.parametrize("scenario,seed", [("film", 3), ("international", 5)])
def test_views_from_cached_parts_equal_views_built_from_scratch(orbit, scenario, seed):
    g = _setup(orbit, seed, scenario)
    ais = {"us": AI("us", seed, "hard"), "ru": AI("ru", seed, "hard")}
    checked = {"n": 0, "changed": 0}
    last = {}

    def check(_events):
        for side in ("us", "ru"):
            live = g.view_for(side)
            fresh = _from_scratch(g, scenario).view_for(side)
            # refused commands are not state (a new game has heard of none)
            assert replace(live, refusals=()) == replace(fresh, refusals=()), (side, g.tick)
            assert set(vars(live)) == FIELDS  # built by hand: every field, and no other
            checked["changed"] += last.get(side) is not None and last[side].crew != live.crew
            last[side] = live
        checked["n"] += 1

    play(g, ais, on_events=check)
    assert checked["n"] > 200 and checked["changed"] > 50, checked  # a game, not a glance


def test_a_quiet_controller_is_asked_at_the_ticks_looking_every_period_would(orbit):
    """Played a tick at a time, the runner cannot jump (its horizon is the next tick): the
    looks are the plain ones. One long run must ask both AIs at the very same ticks."""
    seed = 4
    runs = []
    for chunked in (False, True):
        g = _setup(orbit, seed)
        ais = {"us": _Logged("us", seed), "ru": _Logged("ru", seed)}
        if chunked:
            while not g.ended and g.tick < 20_000:
                play(g, ais, until=g.tick + 1)
        else:
            play(g, ais, until=20_000)
        runs.append((ais["us"].asked, ais["ru"].asked, g.tick, g.checksum()))
    assert runs[0] == runs[1]
    us_asked = runs[0][0]
    gaps = {b - a for a, b in zip(us_asked, us_asked[1:], strict=False)}
    assert max(gaps) > 10, "no quiet stretch: the jump was never tested"


class _Watcher:
    """Says nothing; asked only when something changed, or after its quiet span."""

    def __init__(self, side, quiet, period):
        self.side, self.only_on_change, self.period, self.wake = side, quiet, period, 0
        self.asked: list[int] = []

    def decide(self, view):
        self.asked.append(view.tick)
        self.wake = view.tick + self.period
        return []


class _Fidget(_Watcher):
    """Walks a crew member one module on when asked only because its quiet span ended: a
    controller whose quiet span ends in a change the other must see at its next look."""

    def decide(self, view):
        woken_by_change = self.asked and view.tick - self.asked[-1] < self.only_on_change
        super().decide(view)
        c = next(x for x in view.crew if x.side == self.side and x.free)
        if woken_by_change or c.task != "idle":
            return []
        from game.sim.api import Move

        return [Move(self.side, c.id, "zarya" if c.module == "zvezda" else "zvezda")]


def test_the_jump_never_passes_another_controllers_say(orbit):
    """A jump must stop where the other controller's quiet span ends (it may act then)."""
    runs = []
    for chunked in (False, True):
        g = _setup(orbit, 2)
        ctl = {"us": _Watcher("us", 120, 10), "ru": _Fidget("ru", 45, 7)}
        if chunked:
            while not g.ended and g.tick < 6_000:
                play(g, ctl, until=g.tick + 1)
        else:
            play(g, ctl, until=6_000)
        runs.append((ctl["us"].asked, ctl["ru"].asked, g.checksum()))
    assert runs[0] == runs[1]
    assert len(runs[0][1]) > 50
