"""``iss-game sim``: play a whole game headless, fast, and print how it ended.

    iss-game sim --seed N [--us ai|human] [--ru ai|human] [--scenario film|international]
                 [--difficulty easy|hard] [--orbit FILE] [--sat X] [--epoch ISO] [--warp X]
                 [--record FILE] [--json]

- Both sides are AI unless told otherwise; a ``human`` side, headless, issues no
  commands at all (its crew keep to their routine and never resist), which is how a
  human who walked away would play.
- The game's length is 30 minutes of play at the warp: ``max_ticks = 1800 * warp``
  mission seconds (warp 30 -> 54,000 s = 15 h of mission time, about ten orbits).
- The orbit is the real one: the bundled ISS element set unless ``--orbit``/``--sat``,
  starting at ``--epoch``, or by default at the element set's epoch plus a seeded offset
  of 0-24 h (see :func:`default_start`: which side's mission control sees the station
  first then differs from seed to seed, as the real orbit decides).
- Same arguments -> byte-identical output (nothing here depends on the clock).
- ``--seed`` defaults to 0.

The ``--json`` object: ``ending``, ``ticks``, ``seed``, ``checksum``, ``scenario``,
``us``, ``ru``, ``difficulty``, ``warp``, ``orbit`` (the TLE lines), ``start_unix_s``,
``summary`` (see ``Game.summary``).

``--record FILE`` writes the game as a replay through the same
:meth:`game.replay.recorder.Recorder.for_game` the windowed game uses, so both record
the same header (the orbit with its name, the game's own timeline). If the replay
cannot be written to the end (a full disk), nothing is printed on stdout and one error
line says so (exit status 2): a game is never reported recorded when it was not.
"""

from __future__ import annotations

import json
import sys

from game.newgame import (
    DEFAULT_WARP,
    check_seed,
    default_start,
    setup_game,
    start_from_epoch_arg,
)


def run(args) -> int:
    from game.orbit.api import epoch_warning, load_orbit
    from game.sim.ai import AI
    from game.sim.runner import play

    seed = 0 if args.seed is None else check_seed(int(args.seed))
    warp = DEFAULT_WARP if args.warp is None else float(args.warp)
    scenario = args.scenario or "film"
    difficulty = args.difficulty or "hard"
    orbit = load_orbit(args.orbit, args.sat)
    start = (default_start(orbit, seed) if args.epoch is None
             else start_from_epoch_arg(args.epoch))
    game = setup_game(orbit, seed=seed, scenario=scenario, start_unix_s=start, warp=warp)
    sides = {"us": args.us or "ai", "ru": args.ru or "ai"}
    controllers = {side: AI(side, seed, difficulty) if who == "ai" else None
                   for side, who in sides.items()}
    recorder = None
    if args.record:
        from game.replay.recorder import Recorder

        recorder = Recorder.for_game(args.record, game, orbit=orbit, sides=sides,
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
        from game.errors import ReplayError

        raise ReplayError(recorder.error, where=str(recorder.path))
    checksum = game.checksum()
    if args.json:
        out = {"ending": game.ending, "ticks": game.tick, "seed": seed, "checksum": checksum,
               "scenario": scenario, "us": sides["us"], "ru": sides["ru"],
               "difficulty": difficulty, "warp": warp, "start_unix_s": start,
               "orbit": [orbit.line1, orbit.line2], "summary": summary}
        print(json.dumps(out, sort_keys=True))
    else:
        print(f"ending: {game.ending} - {summary['text']}")
        print(f"seed {seed}, scenario {scenario}, US {sides['us']}, Russia {sides['ru']}, "
              f"{difficulty}; {summary['mission_time']} mission time ({game.tick} ticks)")
        held = summary["modules_held"]
        print(f"modules held: US {held['us']}, Russia {held['ru']}; trust {summary['trust']}; "
              f"oxygen reserve {summary['oxygen_reserve_s'] // 60} min")
        for c in summary["crew"]:
            state = "left" if c["gone"] else "restrained" if c["restrained"] else "free"
            print(f"  {c['name']:<16} {c['side']:<7} {c['module']:<13} stress {c['stress']:>3}"
                  f"  {state}")
        print(f"checksum {checksum}")
    # Last, once nothing can fail: a warning never comes before an error line. It covers
    # the whole game, so a game that ends far from the epoch warns too.
    warning = epoch_warning(orbit, start, start + game.tick * game.setup.timeline.step_s)
    if warning:
        print(f"iss-game sim: {warning}", file=sys.stderr)
    return 0
