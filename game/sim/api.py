"""The simulation's public API: what the view, the replay and the command line use.

A game is a pure, deterministic function of (scenario, seed, orbit timeline, command log):

    game = new_game("film", seed=7, timeline=build_timeline(...))
    game.submit(Move(side="us", crew="kira", to="destiny"))   # -> Result(ok, reason)
    events = game.step(60)                                    # one tick = one mission second
    game.state        # read-only StateView for the UI
    game.checksum()   # stable hash of the whole state, for replay verification
    snap = game.snapshot(); ...; game.restore(snap)           # cheap seeking

Commands submitted at tick T take effect at T (they start tasks whose results come at
later ticks); a replay re-submits each logged command at its tick, in logged order.
Recording hook: ``game.add_listener(fn)`` calls ``fn(tick, cmd)`` for every accepted
command; ``game.sim.runner.play(..., checksum_every=N, on_checksum=fn)`` reports the
checksum every N ticks.
"""

from __future__ import annotations

import hashlib

from game.sim.commands import (
    COMMAND_FIELDS,
    COMMAND_TYPES,
    CloseHatch,
    Command,
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
from game.sim.crew import AGENCY_STATION, SCENARIOS, roster
from game.sim.events import EVENT_KINDS, Event, Result
from game.sim.prng import seed_state
from game.sim.rules import DEFAULT_MAX_TICKS, ENDINGS, NEVER, RULES_VERSION, Game, Setup
from game.sim.state import CrewView, GameState, HatchView, ModuleView, StateView, SystemView
from game.sim.war import (
    MISSION_CONTROL,
    Strike,
    first_in_view,
    load_cities,
    pass_starts,
    plan_war,
)

__all__ = [
    "Game", "new_game", "Result", "Event", "EVENT_KINDS", "ENDINGS", "SCENARIOS",
    "DEFAULT_MAX_TICKS", "RULES_VERSION",
    "Command", "Move", "OpenHatch", "CloseHatch", "SystemOffline", "SystemRestore", "Talk",
    "Restrain", "Free", "Leave", "Stop", "COMMAND_TYPES", "COMMAND_FIELDS",
    "command_to_dict", "command_from_dict",
    "StateView", "ModuleView", "HatchView", "CrewView", "SystemView", "Strike",
]

def new_game(scenario: str = "film", seed: int = 0, timeline=None, *,
             max_ticks: int = DEFAULT_MAX_TICKS, cities=None) -> Game:
    """A fresh game at tick 0.

    ``timeline``: a game.orbit.timeline.OrbitTimeline covering at least ``max_ticks``
    mission seconds (beyond its end the last sample holds). ``cities``: target list
    ``(name, iso_country, lat, lon)``; None reads assets/cities.csv or the built-ins.
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
    for side, sid in MISSION_CONTROL.items():
        silent = min(war.station_strike_tick.get(sid, NEVER), max_ticks)
        arrival[side] = first_in_view(timeline, sid, issue[side], silent)
    contacts = {}
    if scenario == "international":
        for sid in sorted(AGENCY_STATION.values()):
            silent = min(war.station_strike_tick.get(sid, NEVER), max_ticks)
            contacts[sid] = pass_starts(timeline, sid, silent)
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((scenario, seed, max_ticks, timeline.orbit_id, float(timeline.start_unix_s),
                   float(timeline.step_s), len(timeline), war.digest, sorted(issue.items()),
                   sorted(arrival.items()), sorted(contacts.items()))).encode())
    setup = Setup(scenario=scenario, seed=seed, max_ticks=max_ticks, timeline=timeline, war=war,
                  order_issue=issue, order_arrival=arrival, contacts=contacts,
                  digest=h.hexdigest())
    return Game(setup, GameState(scenario, seed_state(seed, "game")))
