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

import sys
from pathlib import Path

from game.errors import UserError, one_line


def run(args) -> int:
    from game.replay.api import MAX_SPEED, MIN_SPEED

    speed = float(args.speed)
    if not (MIN_SPEED <= speed <= MAX_SPEED):
        raise UserError(f"--speed {speed:g}: must be from {MIN_SPEED:g} to {MAX_SPEED:g}")
    if args.verify and (args.headless or args.frames is not None or args.screenshot):
        raise UserError("--verify runs without a view; drop --headless/--frames/--screenshot")
    from game.cli.window import headless_screenshot

    shot = headless_screenshot(args)

    from game.replay.api import read_replay

    replay = read_replay(args.file)
    if replay.warning:
        print(f"iss-game replay: warning: {one_line(args.file)}: {replay.warning}",
              file=sys.stderr)
    if args.verify:
        from game.replay.api import verify_replay

        report = verify_replay(replay)
        if report.ok:
            print(report.message)
            return 0
        print(f"iss-game replay: {one_line(args.file)}: {one_line(report.message)}",
              file=sys.stderr)
        return 1
    return _watch(replay, args, speed, shot)


def _watch(replay, args, speed: float, shot: Path | None) -> int:
    from game.cli.window import open_app, run_app, window_size

    app = open_app(args.headless, window_size(args))
    from game.replay.api import ReplayPlayer
    from game.view.screens.replay_screen import ReplayScreen

    player = ReplayPlayer(replay, speed=speed)
    screen = ReplayScreen(player, autoplay=True, auto_camera=args.headless)
    app.push(screen)
    return run_app(app, args, shot)
