"""A small, fast statistical check of the balance (the full run: ``iss-game balance``).

A handful of seeds against the hard AI, on both sides: doing nothing loses, the naive
rush loses, the AI's games end in more than one way and the war is seen from the
station in every game. The targets themselves (issue 10, over 40+ seeds a cell) are
printed by ``iss-game balance`` and quoted in the README; this only guards against a
change that breaks the game badly.
"""

import pytest
from pinned import pinned_orbit_path

from game.bots import balance

SEEDS = range(1, 7)


@pytest.fixture(scope="module")
def results():
    return balance.run(SEEDS, scenarios=("film",), orbit_path=pinned_orbit_path(),
                       strategies=["nothing", "rush_at_start", "rush_after_orders"], jobs=2)


def _rows(results, strategy):
    return [(r, side) for r in results for side in ("us", "ru")
            if r[side] == f"strategy:{strategy}"]


def test_doing_nothing_loses(results):
    rows = _rows(results, "nothing")
    lost = sum(1 for r, side in rows if r["winner"] not in (None, side))
    won = sum(1 for r, side in rows if r["winner"] == side)
    assert won == 0 and lost >= len(rows) // 2, (won, lost, len(rows))


@pytest.mark.parametrize("strategy", ["rush_at_start", "rush_after_orders"])
def test_a_naive_rush_does_not_beat_the_ai(results, strategy):
    rows = _rows(results, strategy)
    won = sum(1 for r, side in rows if r["winner"] == side)
    lost = sum(1 for r, side in rows if r["winner"] not in (None, side))
    assert won < lost, (strategy, won, lost)


def test_ai_games_end_in_more_than_one_way_and_the_war_is_seen(results):
    ai = [r for r in results if r["us"].startswith("ai") and r["ru"].startswith("ai")]
    assert len({r["ending"] for r in ai}) >= 3
    assert all(r["flashes"] > 0 for r in results)


def test_the_summary_and_targets_are_computed_from_the_games(results):
    s = balance.summarize(results)
    rows = balance.check_targets(s)
    assert [t for t, *_ in rows] == [t for t, *_ in balance.TARGETS]
    text = balance.table(s, "seeds 1-6")
    assert "nothing" in text and "Targets (issue 10):" in text
