"""``iss-game play``: the window, or headless frames and a screenshot.

``iss-game`` / ``iss-game play`` with no flags opens the title menu (new game, orbits,
replays, quit). With any game flag (--us/--ru/--seed/--scenario/--difficulty/--orbit/
--sat/--epoch/--warp/--camera) or --headless it goes straight into a game with those
settings, the rest at their defaults (US human, Russia AI, seed 1, film, hard, warp 30);
the title menu starts with a fresh seed each launch and the first-game hints on.

Headless (``--headless --frames N --screenshot PNG``) renders N frames with the SDL dummy
driver as fast as it can, one fixed 1/60 s step per frame (mission time as at 60 fps), the
free camera moving as a player would move it, and writes the last frame as a PNG.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from game.newgame import check_seed, check_warp, start_from_epoch_arg


def _start_time(args, orbit) -> float:
    """Mission start: ``--epoch`` or the element set's epoch, refused (one error line,
    before any window opens) outside the span the game computes."""
    if args.epoch:
        return start_from_epoch_arg(args.epoch)
    return float(orbit.epoch_unix_s)


def _warn_far_epoch(args, orbit, start: float | None) -> None:
    """One warning line on stderr when the game's span (start to the end of 30 minutes
    of play at its warp) reaches far from the element set's epoch (SGP4 drifts; the game
    still plays). Printed only once the game is built, so an input the game refuses
    prints its error alone."""
    from game.newgame import DEFAULT_WARP, default_start, max_ticks_for
    from game.orbit.api import epoch_warning

    if start is None:
        start = default_start(orbit, 1 if args.seed is None else int(args.seed))
    end = start + max_ticks_for(DEFAULT_WARP if args.warp is None else float(args.warp))
    warning = epoch_warning(orbit, start, end)
    if warning:
        print(f"iss-game play: {warning}", file=sys.stderr)


def run(args) -> int:
    from game.cli.window import headless_screenshot, open_app, run_app, window_size

    shot = headless_screenshot(args)
    if args.warp is not None:
        check_warp(args.warp)  # the game's own bound, before any window opens
    if args.seed is not None:
        check_seed(args.seed)

    from game.orbit.api import load_orbit

    orbit = load_orbit(args.orbit, args.sat)
    start = _start_time(args, orbit)
    app = open_app(args.headless, window_size(args))
    if wants_title(args):
        from game.session.setup import fresh_seed
        from game.view.screens.title import TitleScreen

        # the title menu: a fresh seed each launch and the first-game hints on
        app.push(TitleScreen(dataclasses.replace(_setup(args, orbit, start, epoch_given=False),
                                                 seed=fresh_seed(), hints=True)))
    else:
        from game.view.screens.game_screen import GameScreen
        from game.view.sound import Sound

        setup = _setup(args, orbit, start, epoch_given=bool(args.epoch))
        app.push(GameScreen(setup, camera=args.camera or "free", auto_camera=args.headless,
                            sound=None if args.headless else Sound()))
        _warn_far_epoch(args, orbit, start if args.epoch else None)
    return run_app(app, args, shot)


def wants_title(args) -> bool:
    """No game flags and not headless: open the title menu. Any of --us/--ru/--seed/
    --scenario/--difficulty/--orbit/--sat/--epoch/--warp/--camera, or --headless, goes
    straight into a game with those settings (the others at their defaults)."""
    given = [args.orbit, args.sat, args.epoch, args.warp, args.seed, args.us, args.ru,
             args.scenario, args.difficulty, getattr(args, "camera", None)]
    return not args.headless and all(v is None for v in given)


def _setup(args, orbit, start: float, *, epoch_given: bool):
    from game.session.setup import GameSetup

    label = Path(args.orbit).name if args.orbit else "bundled ISS"
    setup = GameSetup(orbit=orbit, orbit_label=label,
                      epoch_unix_s=start if epoch_given else None,
                      seed=1 if args.seed is None else int(args.seed),
                      scenario=args.scenario or "film", us=args.us or "human",
                      ru=args.ru or "ai", difficulty=args.difficulty or "hard")
    if args.warp is not None:
        setup = dataclasses.replace(setup, warp=float(args.warp))
    return setup
