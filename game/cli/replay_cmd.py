"""``iss-game replay FILE``: watch a recorded game, or ``--verify`` it.

- ``--verify``: re-simulate headless from the header (the orbit the file carries) and
  compare every checksum. Exit 0 and "verified N checksums ..." when all match; exit 1
  and "desync at tick T: ..." at the first mismatch (a refused command names its line).
- Otherwise the replay screen opens (the full view with a timeline bar); ``--headless
  --frames N --screenshot PNG`` renders N frames off screen like ``iss-game play``.
- A file that cannot be trusted: exit 2, one line on stderr. A file cut short (a crash):
  one warning line on stderr, then it plays or verifies what is there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.errors import UserError


def run(args) -> int:
    from game.replay.player import MAX_SPEED, MIN_SPEED

    speed = float(args.speed)
    if not (MIN_SPEED <= speed <= MAX_SPEED):
        raise UserError(f"--speed {speed:g}: must be from {MIN_SPEED:g} to {MAX_SPEED:g}")
    if args.verify and (args.headless or args.frames is not None or args.screenshot):
        raise UserError("--verify runs without a view; drop --headless/--frames/--screenshot")
    if args.headless:
        if args.frames is None or args.frames < 1:
            raise UserError("--headless needs --frames N (N >= 1)")
    elif args.frames is not None or args.screenshot:
        raise UserError("--frames and --screenshot need --headless")
    shot = Path(args.screenshot) if args.screenshot else None
    if shot is not None and not shot.parent.exists():
        raise UserError("folder does not exist", where=str(shot))

    from game.replay.reader import read_replay

    replay = read_replay(args.file)
    if replay.warning:
        print(f"iss-game replay: warning: {args.file}: {replay.warning}", file=sys.stderr)
    if args.verify:
        from game.replay.verify import verify_replay

        report = verify_replay(replay)
        if report.ok:
            print(report.message)
            return 0
        print(f"iss-game replay: {args.file}: {report.message}", file=sys.stderr)
        return 1
    return _watch(replay, args, speed, shot)


def _watch(replay, args, speed: float, shot: Path | None) -> int:
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.view.app import App

    app = App(headless=args.headless)
    from game.view import resources

    resources.earth_maps()
    resources.cities()
    resources.station_facts()
    from game.replay.player import ReplayPlayer
    from game.view.replay_screen import ReplayScreen

    player = ReplayPlayer(replay, speed=speed)
    screen = ReplayScreen(player, autoplay=True, auto_camera=args.headless)
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
