"""Pinned results of a fixed game: a change to the rules must be a deliberate one.

A fixed command log (no AI, so an AI change does not move these pins) is played on a
fixed orbit and seed. A replay can only be re-simulated under the rules it was played
by, so any change that makes the same commands give a different game must bump
``RULES_VERSION`` (replays then say which rules they need instead of desyncing). If this
test fails, either you changed the simulation by accident, or on purpose: then bump
``game.sim.tuning.RULES_VERSION`` and record the new values under the new version.
"""

from pinned import pinned_orbit

from game.newgame import setup_game
from game.sim.api import (
    RULES_VERSION,
    CloseHatch,
    Move,
    Restrain,
    SystemOffline,
    SystemRestore,
    Talk,
)

# (tick, command) for seed 7 on the pinned ISS set: a walk, talks, the US order's rush,
# a seal, a cut, talks within a side and a restore; the rest plays out by itself (war,
# passes, oxygen).
LOG = (
    (0, Move("us", "kira", "unity")),
    (200, Talk("us", "kira", "weronika")),
    (900, Talk("us", "kira", "weronika")),
    (1500, Move("ru", "nicholai", "zvezda")),
    (2600, Move("us", "gordon", "zarya")),
    (2600, Move("us", "christian", "zarya")),
    (2900, Restrain("us", "gordon", "nicholai")),
    (3000, Restrain("us", "gordon", "alexey")),
    (3100, CloseHatch("us", "christian", "zarya-zvezda")),
    (4000, SystemOffline("ru", "alexey", "attitude")),
    (5000, Talk("ru", "nicholai", "alexey")),
    (5100, Talk("ru", "nicholai", "alexey")),
    (6000, SystemRestore("ru", "alexey", "attitude")),
    (9000, Move("ru", "weronika", "soyuz")),
)

# RULES_VERSION -> (accepted commands, ending, ticks, checksum); before 4 the log had no
# talks within a side (only the current version's pin is checked)
GOLDEN = {
    2: (7, "stalemate", 54000, "33e70378d258dee997ddc79dc2a1334e"),
    3: (7, "stalemate", 54000, "30f42b10cb7f33bdaa5d09aca00e3248"),  # talk, fights, brace
    4: (9, "stalemate", 54000, "5791eacacf9d9608cf67200fa0ce4451"),  # steadying, securing
    5: (9, "stalemate", 54000, "56b76d07356f75ba8f6c85f71060145b"),  # securing anywhere
}


def _play():
    g = setup_game(pinned_orbit(), seed=7)
    accepted = 0
    for tick, cmd in LOG:
        g.run_until(tick)
        accepted += g.submit(cmd).ok
    g.run_until(g.max_ticks)
    return accepted, g.ending, g.tick, g.checksum()


def test_a_fixed_command_log_plays_the_pinned_game():
    assert RULES_VERSION in GOLDEN, (
        f"RULES_VERSION {RULES_VERSION} has no pinned game: record it in GOLDEN")
    got = _play()
    assert got == _play()  # deterministic within a process
    assert got == GOLDEN[RULES_VERSION], (
        f"the fixed log now plays {got}, pinned {GOLDEN[RULES_VERSION]} under rules "
        f"v{RULES_VERSION}: if the change is deliberate, bump RULES_VERSION and pin it")
