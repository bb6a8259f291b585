"""The orbit file every orbit-dependent test flies, named.

Tests never rely on "the newest bundled element set": the README invites players to
drop a fresher TLE into ``orbits/``, and that must move no test
(``tests/test_fresh_tle.py`` proves it by running them with one added).
"""

from game.orbit.api import load_orbit
from game.paths import orbits_dir

PINNED_TLE = "iss-2026-10-08.tle"


def pinned_orbit_path():
    return orbits_dir() / PINNED_TLE


def pinned_orbit():
    return load_orbit(pinned_orbit_path())
