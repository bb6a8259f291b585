"""Balance of the whole game over many seeds: the orders arrive, act 2 happens, and the
endings stay varied. These fail if a change to the war, the orders or the AI quietly
collapses the story (orders that never come, one ending for every seed, one winner).

The games are the ones ``iss-game sim --seed N`` plays: warp 30 (54,000 ticks) on the
bundled ISS orbit from its seeded start (element-set epoch + 0-24 h).
"""

import statistics
from collections import Counter

import pytest
from pinned import pinned_orbit

from game.sim.ai import AI
from game.sim.runner import play
from game.sim.war import AFTER_PASS_S, MISSION_CONTROL, NEVER

SEEDS = range(20)
WINS = {"us_control": "us", "evacuation_ru": "us", "ru_control": "ru", "evacuation_us": "ru"}


@pytest.fixture(scope="module")
def orbit():

    return pinned_orbit()


@pytest.fixture(scope="module")
def games(orbit):
    """(difficulty, seed) -> (set-up, summary) of an AI-vs-AI game."""
    from game.newgame import setup_game

    out = {}
    for seed in SEEDS:
        for level in ("hard", "easy"):
            g = setup_game(orbit, seed=seed)
            summary = play(g, {"us": AI("us", seed, level), "ru": AI("ru", seed, level)})
            out[level, seed] = (g.setup, summary)
    return out


def test_both_sides_usually_get_their_order(games):
    scheduled = Counter()
    for seed in SEEDS:
        setup, _ = games["hard", seed]
        got = [side for side, t in setup.order_arrival.items() if t < setup.max_ticks]
        scheduled.update(got)
        scheduled["both"] += len(got) == 2
    # the real orbit leaves a few starts with no Korolyov pass in the 15 h at all (5 of
    # seeds 0-19, 14 of 0-99): no rule can bring those orders
    assert scheduled["us"] >= 17 and scheduled["ru"] >= 14 and scheduled["both"] >= 14, scheduled
    for level in ("hard", "easy"):
        received = Counter()
        for seed in SEEDS:
            orders = games[level, seed][1]["orders"]
            received.update(side for side, t in orders.items() if t >= 0)
            received["both"] += min(orders.values()) >= 0
        # in play a game may end before the later order's pass (seeds 0-19: 12 hard and
        # 11 easy games hear both of the 15 possible; before the order rules, 0-4)
        assert received["us"] >= 16 and received["ru"] >= 10, (level, received)
        assert received["both"] >= 10, (level, received)


def test_the_orbit_makes_the_orders_asymmetric(games):
    gaps, first = [], Counter()
    for seed in SEEDS:
        arrival = games["hard", seed][0].order_arrival
        if max(arrival.values()) < NEVER:
            gaps.append(abs(arrival["us"] - arrival["ru"]))
            first[min(arrival, key=arrival.get)] += 1
    assert statistics.median(gaps) >= 1800, gaps  # usually hours apart
    assert first["us"] >= 3 and first["ru"] >= 3, first  # and either side may hear first


def test_mission_control_is_struck_only_after_its_pass_with_the_order(games):
    for seed in SEEDS:
        setup, _ = games["hard", seed]
        war = setup.war
        for side, sid in MISSION_CONTROL.items():
            start, end = war.order_window[side]
            if start != NEVER:
                assert setup.order_arrival[side] == start
                assert war.station_strike_tick[sid] >= end + AFTER_PASS_S[0], (seed, side)


def test_endings_stay_varied_and_balanced(games):
    for level, kinds_at_least in (("hard", 4), ("easy", 3)):
        endings = Counter(games[level, seed][1]["ending"] for seed in SEEDS)
        assert len(endings) >= kinds_at_least, (level, endings)
        assert max(endings.values()) <= 12, (level, endings)  # no ending for most seeds
    wins = Counter(WINS[s["ending"]] for (_lv, _sd), (_su, s) in games.items()
                   if s["ending"] in WINS)
    decisive = wins["us"] + wins["ru"]
    assert decisive >= 10, wins
    assert max(wins.values()) <= 0.7 * decisive, wins  # neither side wins most games


def test_the_epoch_start_gives_both_sides_their_order(orbit):
    """The bench's start (the element set's epoch): one orbit for every seed."""
    from game.newgame import setup_game

    for seed in SEEDS:
        g = setup_game(orbit, seed=seed, start_unix_s=orbit.epoch_unix_s)
        assert max(g.setup.order_arrival.values()) < g.max_ticks, seed
