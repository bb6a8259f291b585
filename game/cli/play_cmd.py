"""``iss-game play``: the window, or headless frames and a screenshot.

Headless (``--headless --frames N --screenshot PNG``) renders N frames with the SDL dummy
driver as fast as it can, one fixed 1/60 s step per frame (mission time as at 60 fps), the
free camera moving as a player would move it, and writes the last frame as a PNG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.errors import UserError


def _start_time(args, orbit) -> float:
    """Mission start: ``--epoch`` or the element set's epoch; one warning line on stderr
    when the start is far from the epoch (SGP4 drifts; the game still plays)."""
    if args.epoch:
        from game.orbit.api import epoch_warning, parse_iso_utc

        start = float(parse_iso_utc(args.epoch, "--epoch"))
        warning = epoch_warning(orbit, start)
        if warning:
            print(f"iss-game play: {warning}", file=sys.stderr)
        return start
    return float(orbit.epoch_unix_s)


def run(args) -> int:
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
        if args.frames is None or args.frames < 1:
            raise UserError("--headless needs --frames N (N >= 1)")
    elif args.frames is not None or args.screenshot:
        raise UserError("--frames and --screenshot need --headless")
    if args.warp is not None and not (0 < args.warp <= 10000):
        raise UserError(f"--warp {args.warp:g}: must be above 0 and at most 10000")
    shot = Path(args.screenshot) if args.screenshot else None
    if shot is not None and shot.parent and not shot.parent.exists():
        raise UserError("folder does not exist", where=str(shot))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

    from game.orbit.api import load_orbit

    orbit = load_orbit(args.orbit, args.sat)
    start = _start_time(args, orbit)

    from game.view.app import App

    app = App(headless=args.headless)
    # Fail on a missing asset now, as one line, before the first frame.
    from game.view import resources

    resources.earth_maps()
    resources.cities()
    resources.station_facts()
    from game.view.play import PlayScreen

    screen = PlayScreen(orbit, start, warp=args.warp, seed=args.seed if args.seed is not None
                        else 1, camera=args.camera, auto_camera=args.headless)
    app.push(screen)
    if args.headless:
        app.run(frames=args.frames)
        if shot is not None:
            import pygame

            try:
                pygame.image.save(app.surface, str(shot))
            except (pygame.error, OSError) as exc:
                raise UserError(f"cannot write screenshot ({exc})", where=str(shot)) from None
        return 0
    app.run()
    return 0
