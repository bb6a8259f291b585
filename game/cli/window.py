"""What ``play`` and ``replay`` share: headless flags, opening the window, running it.

Headless (``--headless --frames N --screenshot PNG``) uses SDL's dummy driver, renders N
frames as fast as it can and saves the last one; without ``--headless`` a real window
opens, or one line says there is no display.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.errors import UserError


def window_size(args) -> tuple[int, int]:
    """``--size WxH`` checked (one error line naming the flag), or the default size."""
    from game.view.app import DEFAULT_SIZE, parse_size

    text = getattr(args, "size", None)
    return DEFAULT_SIZE if text is None else parse_size(text)


def headless_screenshot(args) -> Path | None:
    """Check --size and --headless/--frames/--screenshot together (before any work); set
    SDL's dummy drivers when headless. Returns where the screenshot goes, if anywhere."""
    window_size(args)
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
        if args.frames is None or args.frames < 1:
            raise UserError("--headless needs --frames N (N >= 1)")
    elif args.frames is not None or args.screenshot:
        raise UserError("--frames and --screenshot need --headless")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    shot = Path(args.screenshot) if args.screenshot else None
    if shot is not None and not shot.parent.exists():
        raise UserError("folder does not exist", where=str(shot))
    return shot


def open_app(headless: bool, size: tuple[int, int] | None = None):
    """The window (or the off-screen surface) of ``size``, failing now, as one line, on a
    missing asset rather than at the first frame."""
    from game.facts.cities import read_cities
    from game.view import resources
    from game.view.app import DEFAULT_SIZE, App

    app = App(size or DEFAULT_SIZE, headless=headless)
    resources.earth_maps()
    read_cities()  # the war's targets: the game reads them when it starts
    resources.station_facts()
    return app


def run_app(app, args, shot: Path | None) -> int:
    """Headless: exactly ``--frames`` frames, then the screenshot. Otherwise the window
    until the player quits. Either way every screen's ``on_exit`` runs at the end (a game
    in progress finishes its replay)."""
    try:
        if not args.headless:
            app.run()
            return 0
        app.run(frames=args.frames)
        if shot is not None:
            import pygame

            try:
                pygame.image.save(app.window, str(shot))
            except (pygame.error, OSError) as exc:
                raise UserError(f"cannot write screenshot ({exc})", where=str(shot)) from None
        return 0
    finally:
        while app.screens:
            app.pop()
