"""Pinned results of whole games: a change to the rules must be a deliberate one.

A replay can only be re-simulated under the rules it was played by, so any change that
makes the same seed give a different game must bump ``RULES_VERSION`` (replays then say
which rules they need instead of desyncing). If this test fails, either you changed the
simulation by accident, or on purpose: then bump ``game.sim.rules.RULES_VERSION`` and
record the new values here under the new version.
"""

import json

from game.cli.main import main
from game.paths import orbits_dir
from game.sim.api import RULES_VERSION

# A fixed element set, so adding a newer bundled TLE doesn't move the pins.
ORBIT = "iss-2026-10-08.tle"

# RULES_VERSION -> {seed: (ending, ticks, checksum)} for `iss-game sim --seed N --json`
GOLDEN = {
    1: {
        7: ("truce", 32622, "d292eac33d90dac63f4794a3790c1143"),
        12: ("evacuation_us", 49080, "bfd606472fc69a85fec740df1bc5279f"),
    },
}


def test_pinned_games_match_the_rules_version(capsys):
    assert RULES_VERSION in GOLDEN, (
        f"RULES_VERSION {RULES_VERSION} has no pinned games: record them in GOLDEN")
    for seed, expected in GOLDEN[RULES_VERSION].items():
        assert main(["sim", "--seed", str(seed), "--json",
                     "--orbit", str(orbits_dir() / ORBIT)]) == 0
        out = json.loads(capsys.readouterr().out)
        got = (out["ending"], out["ticks"], out["checksum"])
        assert got == expected, (
            f"seed {seed} now plays {got}, pinned {expected} under rules v{RULES_VERSION}: "
            "if the change is deliberate, bump RULES_VERSION and pin the new results")
