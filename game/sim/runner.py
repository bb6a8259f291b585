"""Playing a game headless: controllers, fast-forwarding, and the recording hook.

``play(game, controllers)`` runs until the game ends. A controller (``game.sim.ai.AI``, a
bot wrapped by ``game.bots``, or anything with a ``wake`` tick and ``decide(view) ->
list[Command]``) gets a say at its wake tick with the game's read-only ``StateView``; it
sets its next ``wake`` itself. A controller with ``only_on_change = N`` (the AI) is not
asked again while nothing in the game has changed since it last decided, for up to N
mission seconds (its own clocks, such as patience, still run): the runner jumps over
the looks that would find nothing new (``_next_look``), and between says the game jumps
from event to event. A controller's ``only_on_change``, ``period`` and ``side`` are read
once per call. A side with no controller (a 'human' side
when headless) issues no commands at all.

Recording hook (for game.replay): ``on_command(tick, cmd)`` receives every *accepted*
command at the tick it was submitted; with ``checksum_every=N``, ``on_checksum(tick,
digest)`` receives ``game.checksum()`` at every multiple of N (and at the end).
Re-submitting the logged commands at their ticks to a fresh ``new_game`` with the same
set-up reproduces every checksum: neither the AI nor a bot is needed to replay.
"""

from __future__ import annotations

from game.sim.state import SIDES


def play(game, controllers: dict | None = None, *, on_command=None, checksum_every: int = 0,
         on_checksum=None, on_events=None, until: int | None = None) -> dict:
    """Run ``game`` to its end (or to tick ``until``); return ``game.summary()``.
    ``on_events(events)`` gets what each step produced (the windowed game advances a
    frame at a time with ``until`` and logs them)."""
    controllers = {s: c for s, c in (controllers or {}).items() if c is not None}
    order = [controllers[s] for s in SIDES if s in controllers]
    if on_command is not None:
        game.add_listener(on_command)
    stop = game.max_ticks if until is None else min(until, game.max_ticks)
    every = int(checksum_every or 0)
    # (controller, its quiet span, its period, its side): read once per call
    asked = [(c, getattr(c, "only_on_change", 0), getattr(c, "period", 1),
              getattr(c, "side", None)) for c in order]
    asked_reversed = asked[::-1]
    try:
        while not game.ended:
            tick = game.tick
            if tick >= stop:
                break
            # who is asked first at a shared tick alternates: neither side always moves
            # first (the US did, and won the ties of a simultaneous strike)
            for ctrl, quiet, period, side in (asked if tick % 2 == 0 else asked_reversed):
                if ctrl.wake > tick:
                    continue
                # kept on the controller, so playing in chunks (the window, a frame at a
                # time) asks it exactly when one long run would
                version, when = getattr(ctrl, "last_decision", (-1, -1))
                if quiet and version == game.version and tick - when < quiet:
                    ctrl.wake = _next_look(ctrl, tick, period, when + quiet, stop, game, asked)
                    continue
                view = game.view_for(side) if side in SIDES else game.state
                for cmd in ctrl.decide(view):
                    game.submit(cmd)
                ctrl.last_decision = (game.version, tick)
            nxt = min(stop, game.next_due(), *[c.wake for c in order])
            if every:
                nxt = min(nxt, (tick // every + 1) * every)
            events = game.step(max(1, nxt - tick))
            if on_events is not None:
                on_events(events)
            if every and on_checksum is not None and (game.tick % every == 0 or game.ended):
                on_checksum(game.tick, game.checksum())
    finally:
        if on_command is not None:
            game.remove_listener(on_command)
    return game.summary()


def _next_look(ctrl, tick: int, period: int, deadline: int, stop: int, game, asked) -> int:
    """The wake of a controller with nothing new to see: the first tick of its own rhythm
    (``tick + k * period``) at which something may have changed, or its quiet span ends.
    Nothing changes before the game's next event or another controller's next say, so
    every look before then would find the same and pass: jumping over them asks it at
    exactly the ticks looking every ``period`` would (a quiet game, a tenth of the turns
    of the loop). Another controller with nothing new either says nothing before its own
    quiet span ends; one due now may say something now."""
    soonest = min(deadline, stop, game.next_due())
    version = game.version
    for other, quiet, other_period, _side in asked:
        if other is ctrl:
            continue
        wake = other.wake
        if wake <= tick:
            return tick + period  # asked later at this very tick
        last_version, when = getattr(other, "last_decision", (-1, -1))
        if quiet and last_version == version and when + quiet > wake:
            wake += -(-(when + quiet - wake) // other_period) * other_period
        soonest = min(soonest, wake)
    if soonest <= tick + period:
        return tick + period
    return tick + -(-(soonest - tick) // period) * period
