"""``iss-game sim``: play whole games headless, fast, and print how they ended.

    iss-game sim --seed N | --seeds A-B [--us SPEC] [--ru SPEC] [--scenario film|international]
                 [--difficulty easy|hard] [--orbit FILE] [--sat X] [--epoch ISO] [--warp X]
                 [--record FILE] [--json]

- SPEC is who plays a side: ``human`` (headless: no commands at all, as a player who
  walked away), ``ai`` (at ``--difficulty``, default hard), ``ai:easy``, ``ai:hard``, or
  ``bot:FILE.py`` (your own bot: see README, "Write your own bot"). Both sides are AI
  unless told otherwise.
- The game's length is 30 minutes of play at the warp: ``max_ticks = 1800 * warp``
  mission seconds (warp 30: 54,000 s = 15 h of mission time, about ten orbits).
- The orbit is the real one: the bundled ISS element set unless ``--orbit``/``--sat``,
  starting at ``--epoch`` or by default at the element set's epoch plus a seeded 0-24 h.
- Same arguments -> byte-identical output (nothing here depends on the clock).
- ``--seeds A-B`` plays every seed; with ``--json`` it prints JSON Lines, one object a
  game: ``seed``, ``ending``, ``winner`` ("us", "ru" or null), ``first_order`` (the side
  whose order arrived first, or null), ``summary`` (``Game.summary``, with ``stats``).
- ``--json`` with ``--seed``: one object with those and ``ticks``, ``checksum``,
  ``scenario``, ``us``, ``ru``, ``difficulty``, ``warp``, ``orbit`` (the TLE lines),
  ``start_unix_s``.
- ``--record FILE`` (one game) writes the replay through the same
  :meth:`game.replay.recorder.Recorder.for_game` the windowed game uses. A replay
  carries the bot's commands, never the bot. If the replay cannot be written to the end
  (a full disk), nothing is printed on stdout and one error line says so (exit status
  2): a game is never reported recorded when it was not.
- A warning (an element set far from the game's dates) comes last, after the results:
  never before an error line. It covers the whole game, so one that ends far from the
  epoch warns too.
"""

from __future__ import annotations

import json
import sys

from game.errors import ReplayError, UserError
from game.newgame import (
    DEFAULT_WARP,
    check_seed,
    default_start,
    setup_game,
    start_from_epoch_arg,
)


def _first_order(game) -> str | None:
    a = game.setup.order_arrival
    if min(a.values()) >= game.max_ticks or a["us"] == a["ru"]:
        return None
    return "us" if a["us"] < a["ru"] else "ru"


def _play_one(args, orbit, seed: int, sides: dict, difficulty: str, warp: float,
              recorder_path: str | None):
    from game.bots.loader import controller_for
    from game.sim.api import play

    scenario = args.scenario or "film"
    start = (default_start(orbit, seed) if args.epoch is None
             else start_from_epoch_arg(args.epoch))
    game = setup_game(orbit, seed=seed, scenario=scenario, start_unix_s=start, warp=warp)
    controllers = {side: controller_for(spec, side, seed, difficulty)
                   for side, spec in sides.items()}
    recorder = None
    if recorder_path:
        from game.replay.api import Recorder

        recorder = Recorder.for_game(recorder_path, game, orbit=orbit, sides=sides,
                                     difficulty=difficulty, warp=warp, attach=False)
    try:
        summary = play(game, controllers,
                       on_command=recorder.on_command if recorder else None,
                       checksum_every=recorder.checksum_every if recorder else 0,
                       on_checksum=recorder.on_checksum if recorder else None)
        if recorder:
            recorder.finish(summary)
    finally:
        if recorder:
            recorder.close()
    if recorder and recorder.error:  # a full or failing disk: say so, print no result
        raise ReplayError(recorder.error, where=str(recorder.path))
    return game, summary, start


def run(args) -> int:
    from game.bots.loader import check_spec
    from game.orbit.api import epoch_warning, load_orbit

    warp = DEFAULT_WARP if args.warp is None else float(args.warp)
    difficulty = args.difficulty or "hard"
    sides = {"us": check_spec(args.us or "ai", "--us"), "ru": check_spec(args.ru or "ai", "--ru")}
    if args.seeds is not None and args.seed is not None:
        raise UserError("give --seed N or --seeds A-B, not both")
    if args.seeds is not None:
        check_seed(args.seeds[1])
    if args.seeds is not None and args.record:
        raise UserError("--record writes one game: use it with --seed, not --seeds")
    orbit = load_orbit(args.orbit, args.sat)
    seeds = range(args.seeds[0], args.seeds[1] + 1) if args.seeds is not None else \
        [0 if args.seed is None else check_seed(int(args.seed))]
    warning = None
    for seed in seeds:
        game, summary, start = _play_one(args, orbit, seed, sides, difficulty, warp,
                                         args.record)
        if args.seeds is not None:
            _print_line(args, game, summary, seed)
        else:
            _print_game(args, game, summary, seed, sides, difficulty, warp, start, orbit)
        warning = warning or epoch_warning(
            orbit, start, start + game.tick * game.setup.timeline.step_s)
    if warning:  # last, once nothing can fail
        print(f"iss-game sim: {warning}", file=sys.stderr)
    return 0


def _print_line(args, game, summary, seed) -> None:
    if args.json:
        print(json.dumps({"seed": seed, "ending": game.ending, "winner": game.winner,
                          "first_order": _first_order(game), "summary": summary},
                         sort_keys=True), flush=True)
    else:
        who = f"winner {game.winner}" if game.winner else "no winner"
        print(f"seed {seed}: {game.ending} ({who}, {summary['mission_time']})", flush=True)


def _print_game(args, game, summary, seed, sides, difficulty, warp, start, orbit) -> None:
    checksum = game.checksum()
    scenario = args.scenario or "film"
    if args.json:
        out = {"ending": game.ending, "winner": game.winner, "first_order": _first_order(game),
               "ticks": game.tick, "seed": seed, "checksum": checksum, "scenario": scenario,
               "us": sides["us"], "ru": sides["ru"], "difficulty": difficulty, "warp": warp,
               "start_unix_s": start, "orbit": [orbit.line1, orbit.line2], "summary": summary}
        print(json.dumps(out, sort_keys=True))
        return
    print(f"ending: {game.ending} - {summary['text']}")
    print(f"seed {seed}, scenario {scenario}, US {sides['us']}, Russia {sides['ru']}, "
          f"{difficulty}; {summary['mission_time']} mission time ({game.tick} ticks)")
    held = summary["modules_held"]
    print(f"modules held: US {held['us']}, Russia {held['ru']}; trust {summary['trust']}; "
          f"oxygen reserve {summary['oxygen_reserve_s'] // 60} min")
    for c in summary["crew"]:
        state = "left" if c["gone"] else "restrained" if c["restrained"] else "free"
        print(f"  {c['name']:<20} {c['side']:<7} {c['module']:<13} stress {c['stress']:>3}"
              f"  {state}")
    print(f"checksum {checksum}")
