"""How a new game is built from an orbit, a seed and a warp: one way for every front end.

``iss-game sim``, the windowed game and the tests all start games here, so the same
seed and orbit give the same game whichever way it is played. (Replays rebuild theirs
from the explicit numbers in their header.) Lives above ``game.sim`` because it needs
the orbit layer to build the timeline.
"""

from __future__ import annotations

from game.errors import UserError

PLAY_SECONDS = 1800  # one game: 30 minutes of real play
DEFAULT_WARP = 30.0
TIMELINE_STEP_S = 1.0
#: The warps a game may be played at (replay headers are held to the same range).
MIN_WARP, MAX_WARP = 0.1, 1000.0
#: Seeds a game may have: 64-bit signed, symmetric (replay headers hold the same range,
#: so every game a front end starts records a replay its reader accepts).
MAX_SEED = 2**63 - 1


def check_seed(seed) -> int:
    """The seed as an int, or one error line if it is not an integer within
    -:data:`MAX_SEED`..:data:`MAX_SEED`; the command line calls it before any work."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not -MAX_SEED <= seed <= MAX_SEED:
        shown = str(seed) if len(str(seed)) <= 30 else str(seed)[:27] + "..."
        raise UserError(f"--seed must be an integer from {-MAX_SEED} to {MAX_SEED} "
                        f"(64 bits), got {shown}")
    return seed


def check_warp(warp: float) -> None:
    """Refuse a warp outside :data:`MIN_WARP`..:data:`MAX_WARP` with one error line; the
    command line calls it before a window opens, :func:`setup_game` for everyone."""
    if not (MIN_WARP <= warp <= MAX_WARP):
        raise UserError(f"--warp must be between {MIN_WARP:g} and {MAX_WARP:g}, got {warp:g}")


def max_ticks_for(warp: float) -> int:
    """Mission seconds in a game played for 30 minutes at ``warp``."""
    return int(round(PLAY_SECONDS * warp))


def default_start(orbit, seed: int) -> float:
    """Mission start when none is given: the element set's epoch plus a seeded offset of
    0-24 h (whole minutes). Ground-station passes cluster in a few orbits twice a day, so
    a fixed start would hand the same side its order first in every game; the offset lets
    the real orbit deal the asymmetry differently each seed."""
    from game.sim.api import Prng, seed_state

    return float(orbit.epoch_unix_s) + 60 * Prng(seed_state(seed, "start")).below(24 * 60)


def mission_start(orbit, seed: int, start_unix_s: float | None = None) -> float:
    """The one definition of a game's mission start: ``start_unix_s`` when one was chosen
    (``--epoch``, the orbit panel, a replay's header), else :func:`default_start`. The
    game, its set-up (:attr:`GameSetup.start_unix_s`), the orbit panel's preview and the
    title's backdrop all ask here, so they show the start the game will fly."""
    return default_start(orbit, seed) if start_unix_s is None else float(start_unix_s)


def start_from_epoch_arg(epoch_iso: str) -> float:
    """``--epoch ISO`` as a mission start: parsed and refused (one line, exit 2) outside
    the span the game can compute, before any work starts."""
    from game.orbit.api import check_time_span, parse_iso_utc

    start = float(parse_iso_utc(epoch_iso, "--epoch"))
    check_time_span(start, "--epoch")
    return start


def setup_game(orbit, *, seed: int, scenario: str = "film", start_unix_s: float | None = None,
               warp: float = DEFAULT_WARP):
    """A fresh game on ``orbit`` (a game.orbit Orbit): the one way every front end
    (sim, play, replay --verify) builds the same game from the same header."""
    from game.orbit.api import build_timeline
    from game.sim.api import new_game

    check_warp(warp)
    check_seed(seed)
    start = mission_start(orbit, seed, start_unix_s)
    max_ticks = max_ticks_for(warp)
    timeline = build_timeline(orbit, start, TIMELINE_STEP_S, max_ticks + 1)
    return new_game(scenario, seed, timeline, max_ticks=max_ticks)
