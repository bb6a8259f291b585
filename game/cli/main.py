"""Entry point of ``iss-game``: the argument contract of DESIGN.md §6, in one place.

Each verb's work lives in its own module (``orbit_cmd``, ``play_cmd``, ``sim_cmd``,
``replay_cmd``, ``bench_cmd``), imported only when that verb runs, so
``iss-game orbit show`` never pays for pygame and ``iss-game sim`` never opens a window.
Bad input anywhere ends as one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys

from game import __version__
from game.errors import UserError, one_line
from game.facts.earth import WGS84_EQUATORIAL_RADIUS_KM


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (what and where), exit status 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        # argparse quotes what was typed: escape it, so the message stays one line
        self.exit(2, f"{self.prog}: error: {one_line(message)} (see '{self.prog} --help')\n")


def _add_orbit_choice(p: argparse.ArgumentParser, *, file_required: bool) -> None:
    if file_required:
        p.add_argument("file", metavar="FILE", help="TLE, 3LE or OMM (JSON/CSV) file")
    else:
        p.add_argument("file", metavar="FILE", nargs="?", default=None,
                       help="TLE, 3LE or OMM (JSON/CSV) file (default: bundled ISS)")
    p.add_argument("--sat", metavar="NAME|NORAD", default=None,
                   help="satellite by name or NORAD number (default: ISS, 25544)")


def _add_headless(p: argparse.ArgumentParser) -> None:
    p.add_argument("--size", metavar="WxH", default=None,
                   help="window size, e.g. 1920x1080 (with --headless: the off-screen size; "
                        "in a window: the starting size); default 1280x720")
    p.add_argument("--headless", action="store_true",
                   help="render off screen (SDL dummy driver), no window")
    p.add_argument("--frames", type=int, default=None, metavar="N",
                   help="with --headless: render N frames, then exit")
    p.add_argument("--screenshot", metavar="PNG", default=None,
                   help="with --headless: write the last frame to this PNG")


def _add_game_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--orbit", metavar="FILE", default=None,
                   help="orbit file (TLE/3LE/OMM); default: bundled ISS")
    p.add_argument("--sat", metavar="NAME|NORAD", default=None,
                   help="satellite in the orbit file (default: ISS, 25544)")
    p.add_argument("--epoch", metavar="ISO", default=None,
                   help="mission start, UTC ISO 8601 (default: the element set's epoch plus "
                        "a seeded 0-24 h, so each seed meets the ground stations differently)")
    p.add_argument("--warp", type=float, default=None, metavar="X",
                   help="mission seconds per real second (default 30)")
    p.add_argument("--seed", type=int, default=None, metavar="N", help="random seed")
    p.add_argument("--us", default=None, metavar="SPEC",
                   help="who plays the US side: human, ai, ai:easy, ai:hard or bot:FILE.py")
    p.add_argument("--ru", default=None, metavar="SPEC",
                   help="who plays the Russian side (as --us)")
    # Defaults are None so `iss-game play` can tell "not given" (open the title menu)
    # from an explicit choice; the handlers fill in film / hard.
    p.add_argument("--scenario", choices=["film", "international"], default=None,
                   help="crew set: the film's six (default), or with ESA/JAXA/CSA crew")
    p.add_argument("--difficulty", choices=["easy", "hard"], default=None,
                   help="AI level (default hard)")


def _seed_range(text: str) -> tuple[int, int]:
    """``A-B`` (inclusive, A <= B, at most 100,000 seeds) for --seeds."""
    a, sep, b = text.partition("-")
    try:
        lo, hi = int(a), int(b)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a range like 1-100") from None
    if not sep or lo > hi or hi - lo >= 100_000 or lo < 0:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a range like 1-100 (A <= B, "
                                         "at most 100,000 seeds)")
    return lo, hi


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="iss-game",
                     description="The real ISS over an Earth at war: play, replay, tweak orbits.")
    parser.add_argument("--version", action="version", version=f"iss-game {__version__}")
    verbs = parser.add_subparsers(dest="verb", parser_class=_Parser, metavar="VERB")

    play = verbs.add_parser("play", help="play in a window (the default)")
    _add_game_setup(play)
    play.add_argument("--camera", choices=["free", "follow", "cupola"], default=None,
                      help="starting camera (default free)")
    _add_headless(play)

    sim = verbs.add_parser("sim", help="play whole games headless and print the endings")
    _add_game_setup(sim)
    sim.add_argument("--seeds", metavar="A-B", default=None, type=_seed_range,
                     help="play every seed from A to B (with --json: one JSON line a game)")
    sim.add_argument("--record", metavar="FILE", default=None, help="write a replay file")
    sim.add_argument("--json", action="store_true", help="print one JSON object")

    replay = verbs.add_parser("replay", help="watch, seek in or verify a recorded game")
    replay.add_argument("file", metavar="FILE", help="replay file (.jsonl)")
    replay.add_argument("--verify", action="store_true",
                        help="re-simulate and compare every checksum (exit 1 on mismatch)")
    replay.add_argument("--speed", type=float, default=1.0, metavar="X",
                        help="playback speed, 0.25 to 64")
    _add_headless(replay)

    orbit = verbs.add_parser("orbit", help="inspect, sample or edit orbit data")
    orbit_verbs = orbit.add_subparsers(dest="orbit_verb", parser_class=_Parser, metavar="ACTION",
                                       required=True)
    show = orbit_verbs.add_parser("show", help="elements, period, passes, sunlight share")
    _add_orbit_choice(show, file_required=False)
    show.add_argument("--json", action="store_true", help="print one JSON object")
    track = orbit_verbs.add_parser("track", help="ground track as CSV or GeoJSON")
    _add_orbit_choice(track, file_required=True)
    track.add_argument("--start", required=True, metavar="ISO", help="UTC start, ISO 8601")
    track.add_argument("--hours", required=True, type=float, metavar="H")
    track.add_argument("--step", required=True, type=float, metavar="S", help="seconds")
    track.add_argument("--format", choices=["csv", "geojson"], default="csv")
    edit = orbit_verbs.add_parser("edit", help="change elements, write a valid TLE")
    _add_orbit_choice(edit, file_required=True)
    edit.add_argument("--inclination", type=float, metavar="DEG")
    edit.add_argument("--altitude", type=float, metavar="KM",
                      help="mean altitude: semi-major axis minus the WGS84 equatorial radius "
                           f"({WGS84_EQUATORIAL_RADIUS_KM} km)")
    edit.add_argument("--raan", type=float, metavar="DEG")
    edit.add_argument("--eccentricity", type=float, metavar="E")
    edit.add_argument("--arg-perigee", type=float, metavar="DEG")
    edit.add_argument("--mean-anomaly", type=float, metavar="DEG")
    edit.add_argument("--epoch", metavar="ISO")
    edit.add_argument("--name", metavar="TEXT", help="name line for the new element set")
    edit.add_argument("-o", "--output", required=True, metavar="OUT")

    balance = verbs.add_parser("balance", help="is it a good game? strategies and AIs against "
                               "the hard AI over many seeds, with the targets")
    balance.add_argument("--seeds", metavar="A-B", default=(1, 40), type=_seed_range,
                         help="seeds to play (default 1-40)")
    balance.add_argument("--scenario", action="append", choices=["film", "international"],
                         default=None, help="scenario(s) (default both)")
    balance.add_argument("--strategy", action="append", default=None, metavar="NAME",
                         help="only this scripted strategy (repeatable)")
    balance.add_argument("--bot", action="append", default=None, metavar="FILE.py",
                         help="add your own bot to the table (repeatable)")
    balance.add_argument("--orbit", metavar="FILE", default=None,
                         help="orbit file (default: bundled ISS)")
    balance.add_argument("--jobs", type=int, default=None, metavar="N",
                         help="parallel processes (default: one per core)")
    balance.add_argument("--json", action="store_true", help="print one JSON object")

    bench = verbs.add_parser("bench", help="measure ground track, render, sim and replay speed")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--quick", action="store_true", help="fewer repetitions")
    bench.add_argument("--only", metavar="SECTION", default=None,
                       help="run one section: ground_track, render, orbit_editor, sim, replay")
    return parser


def _handler(verb: str):
    """The ``run(args)`` of ``verb``'s module, imported now (and only now)."""
    if verb == "play":
        from game.cli.play_cmd import run
    elif verb == "sim":
        from game.cli.sim_cmd import run
    elif verb == "replay":
        from game.cli.replay_cmd import run
    elif verb == "orbit":
        from game.cli.orbit_cmd import run
    elif verb == "bench":
        from game.cli.bench_cmd import run
    elif verb == "balance":
        from game.cli.balance_cmd import run
    else:
        raise KeyError(verb)
    return run


def main(argv: list[str] | None = None) -> int:
    # pygame prints a banner to stdout on import; stdout is for results (--json, csv).
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    verb = args.verb or "play"
    if args.verb is None:  # bare `iss-game` plays with every default
        args = parser.parse_args(["play", *(argv if argv is not None else sys.argv[1:])])
    try:
        return int(_handler(verb)(args) or 0)
    except UserError as exc:
        print(f"iss-game {verb}: error: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `iss-game orbit track ... | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
