"""Playing a whole game headless: controllers, fast-forwarding, and the recording hook.

``play(game, controllers)`` runs until the game ends. A controller (``game.sim.ai.AI``,
or anything with a ``wake`` tick and ``decide(game) -> list[Command]``) gets a say at
its wake tick (the AI sets its next one each time); between those the game jumps from
event to event. A side with no controller (a 'human' side when headless) issues no
commands at all.

Recording hook (for game.replay): ``on_command(tick, cmd)`` receives every *accepted*
command at the tick it was submitted; with ``checksum_every=N``, ``on_checksum(tick,
digest)`` receives ``game.checksum()`` at every multiple of N (and at the end).
Re-submitting the logged commands at their ticks to a fresh ``new_game`` with the same
set-up reproduces every checksum: the AI is not needed to replay.
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
    try:
        while not game.ended and game.tick < stop:
            for ctrl in order:
                if ctrl.wake <= game.tick:
                    for cmd in ctrl.decide(game):
                        game.submit(cmd)
            nxt = min([stop, game.next_due(), *(c.wake for c in order)])
            if every:
                nxt = min(nxt, (game.tick // every + 1) * every)
            events = game.step(max(1, nxt - game.tick))
            if on_events is not None:
                on_events(events)
            if every and on_checksum is not None and (game.tick % every == 0 or game.ended):
                on_checksum(game.tick, game.checksum())
    finally:
        if on_command is not None:
            game.remove_listener(on_command)
    return game.summary()
