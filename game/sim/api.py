"""The simulation's public API: what the view, the replay, the command line and bots use.

A game is a pure, deterministic function of (scenario, seed, orbit timeline, command log):

    game = new_game("film", seed=7, timeline=build_timeline(...))
    game.submit(Move(side="us", crew="kira", to="destiny"))   # -> Result(ok, reason)
    game.preview(Restrain("us", "kira", "alexey"))            # -> odds, time, price, or why not
    events = game.step(60)                                    # one tick = one mission second
    game.state        # read-only StateView: what a player (or a bot) sees
    game.checksum()   # stable hash of the whole state, for replay verification
    snap = game.snapshot(); ...; game.restore(snap)           # cheap seeking

Commands submitted at tick T take effect at T (they start tasks whose results come at
later ticks); a replay re-submits each logged command at its tick, in logged order.
Recording hook: ``game.add_listener(fn)`` calls ``fn(tick, cmd)`` for every accepted
command; ``game.sim.runner.play(..., checksum_every=N, on_checksum=fn)`` reports the
checksum every N ticks.

Playing a whole game headless: ``play(game, {"us": AI("us", seed), "ru": bot})`` (see
:mod:`game.sim.runner`); the windowed game runs the same loop a frame at a time.
``station`` is the station graph as the rules see it (``MODULE_IDS``, ``MODULE_NAME``,
``HATCH_ENDS``, ``SYSTEM_NAME``, ``VEHICLE_OF``, paths and hop times), read-only;
``tuning`` the one table of numbers. ``Prng``/``seed_state`` are the game's seeded
random numbers, for draws outside the rules that must follow the seed (the mission
start's offset, :func:`game.newgame.default_start`).

Bots and the AI decide on a :class:`StateView` alone; :func:`restrain_odds` and
:func:`move_seconds` work on a view's crew as the rules do on the game's, so a bot can
weigh a fight exactly as the game will resolve it.
"""

from __future__ import annotations

import hashlib

from game.facts.ground import MISSION_CONTROL
from game.sim import station, tuning
from game.sim.ai import AI
from game.sim.commands import (
    COMMAND_FIELDS,
    COMMAND_TYPES,
    CloseHatch,
    Command,
    Escort,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    Stop,
    SystemOffline,
    SystemRestore,
    Talk,
    command_from_dict,
    command_to_dict,
)
from game.sim.crew import AGENCY_STATION, NEUTRAL, PARTNER_AGENCIES, SCENARIOS, roster, stress_limit
from game.sim.events import EVENT_KINDS, Event, Result
from game.sim.game import ENDINGS, NEVER, WINNER, Game, Setup
from game.sim.odds import counter_odds as _counter_odds
from game.sim.odds import move_seconds as _move_seconds
from game.sim.odds import restrain_odds as _restrain_odds
from game.sim.prng import Prng, seed_state
from game.sim.refusals import REFUSALS, refusal_lines
from game.sim.runner import play
from game.sim.state import SIDES, GameState
from game.sim.tasks import Preview
from game.sim.tuning import DEFAULT_MAX_TICKS, RULES_VERSION, rule_lines
from game.sim.views import (
    BondView,
    CrewView,
    FightView,
    HatchView,
    ModuleView,
    Refusal,
    StateView,
    SystemView,
    TrustChange,
)
from game.sim.war import Strike, first_in_view, load_cities, pass_starts, plan_war

__all__ = [
    "Game", "new_game", "Result", "Event", "EVENT_KINDS", "ENDINGS", "WINNER", "SCENARIOS",
    "SIDES", "NEUTRAL", "PARTNER_AGENCIES", "DEFAULT_MAX_TICKS", "RULES_VERSION", "NEVER",
    "Command", "Move", "OpenHatch", "CloseHatch", "SystemOffline", "SystemRestore", "Talk",
    "Restrain", "Free", "Escort", "Leave", "Stop", "COMMAND_TYPES", "COMMAND_FIELDS",
    "command_to_dict", "command_from_dict", "Preview",
    "StateView", "ModuleView", "HatchView", "CrewView", "SystemView", "FightView", "BondView",
    "TrustChange", "Refusal", "Strike",
    "restrain_odds", "counter_odds", "move_seconds", "stress_limit", "rule_lines", "station",
    "tuning",
    "AI", "play", "Prng", "seed_state", "REFUSALS", "refusal_lines",
]


def restrain_odds(view: StateView, attacker_id: str, target_id: str, *,
                  surprised: bool | None = None) -> tuple[int, int, int]:
    """(attackers, defenders, per mille) of a restraint ``attacker_id`` would start now on
    ``target_id``, as the rules would count it (both must be in the same module). The
    target's side is taken by surprise if it may not defend itself yet (``may_defend``:
    no order and not attacked), as far as ``view`` knows (their order is secret: the real
    odds may be lower); ``surprised`` True/False counts it either way (the UI telegraphs
    both when the view cannot tell)."""
    a, t = _face_to_face(view, attacker_id, target_id)
    if a is None:
        return 0, 0, 0
    if surprised is None:
        surprised = t.side in view.may_defend and not view.may_defend[t.side]
    return _restrain_odds(view.crew, a, t, view.module(a.module).holder, surprised)


def counter_odds(view: StateView, attacker_id: str, target_id: str) -> tuple[int, int, int]:
    """(attackers, defenders, per mille) of the other side's best answer if the restraint
    ``attacker_id`` would start on ``target_id`` failed: the target's side on the pinned
    attacker, as the rules would count it (the price of failure, before you commit)."""
    a, t = _face_to_face(view, attacker_id, target_id)
    if a is None:
        return 0, 0, 0
    return _counter_odds(view.crew, a, t, view.module(a.module).holder)


def _face_to_face(view: StateView, attacker_id: str, target_id: str):
    """The two crew records if both exist and share a module, else (None, None)."""
    a, t = view.crew_by_id(attacker_id), view.crew_by_id(target_id)
    if a is None or t is None or a.module != t.module:
        return None, None
    return a, t


def move_seconds(view: StateView, crew_id: str, to: str) -> int | None:
    """Mission seconds for ``crew_id`` to float to module ``to`` through the open hatches
    of ``view`` (None: a closed hatch is in the way)."""
    c = view.crew_by_id(crew_id)
    if c is None or to not in station.MODULE_INDEX:
        return None
    open_ = {h.id: h.open for h in view.hatches}
    return _move_seconds(c.module, to, open_.__getitem__)


def new_game(scenario: str = "film", seed: int = 0, timeline=None, *,
             max_ticks: int = DEFAULT_MAX_TICKS, cities=None) -> Game:
    """A fresh game at tick 0.

    ``timeline``: a game.orbit.timeline.OrbitTimeline covering at least ``max_ticks``
    mission seconds (beyond its end the last sample holds). ``cities``: target list
    ``(name, iso_country, lat, lon)``; None: the bundled assets/cities.csv's targets
    (:func:`game.sim.war.load_cities`; an AssetError if it is missing or broken).
    """
    roster(scenario)  # ValueError for an unknown scenario
    if timeline is None:
        raise ValueError("new_game needs an orbit timeline")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError("seed must be an integer")
    if not isinstance(max_ticks, int) or max_ticks <= 0:
        raise ValueError("max_ticks must be a positive integer")
    if cities is None:
        cities = load_cities()
    war = plan_war(seed, timeline, max_ticks, cities)
    issue = dict(war.order_issue)  # each side's order: sent early in act 1 (see war.py)
    arrival = {}
    stations = list(MISSION_CONTROL.values())
    if scenario == "international":
        stations += sorted(AGENCY_STATION.values())
    contacts = {}
    for sid in stations:
        silent = min(war.station_strike_tick.get(sid, NEVER), max_ticks)
        contacts[sid] = pass_starts(timeline, sid, silent)
    for side, sid in MISSION_CONTROL.items():
        silent = min(war.station_strike_tick.get(sid, NEVER), max_ticks)
        arrival[side] = first_in_view(timeline, sid, issue[side], silent)
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((RULES_VERSION, scenario, seed, max_ticks, timeline.orbit_id,
                   float(timeline.start_unix_s), float(timeline.step_s), len(timeline),
                   war.digest, sorted(issue.items()), sorted(arrival.items()),
                   sorted(contacts.items()))).encode())
    setup = Setup(scenario=scenario, seed=seed, max_ticks=max_ticks, timeline=timeline, war=war,
                  order_issue=issue, order_arrival=arrival, contacts=contacts,
                  digest=h.hexdigest())
    return Game(setup, GameState(scenario))
