"""What a command will do, computed the same way for the rules and for whoever asks first.

The rules resolve a restraint with :func:`restrain_odds` and walk a move with
:func:`move_seconds`; the UI telegraphs the same numbers before a command is committed
(Into the Breach: every outcome shown before you choose), and bots call the same
functions through ``game.sim.api``. They take anything crew-like (the game's live
records or a view's ``CrewView``: ``id``, ``side``, ``module``, ``free``) so there is one
formula, not one per reader.
"""

from __future__ import annotations

from game.sim import station as st
from game.sim import tuning as tn

NEUTRAL = "neutral"
_LOCKED = ("restrain", "held")  # the two tasks of a struggle under way


def restrain_odds(crew, attacker, target, holder: str,
                  surprised: bool = False) -> tuple[int, int, int]:
    """(attackers, defenders, chance in per mille) of ``attacker`` restraining ``target``
    in their module, which ``holder`` holds: attackers and defenders are the free crew
    (not restrained, not pinned) of each side present, counting ``HOME_DEFENCE`` more at
    home (unless ``surprised``: their side may not use force yet) and neutral partners
    ``PARTNER_DEFENCE`` each for the defence. Crew locked in another struggle count for
    neither side: a struggle ties up both in it, so grabbing everyone at once splits
    your numbers. A pinned target does not resist (it counts for nothing itself)."""
    n = _tally(crew, attacker.module, keep=(attacker.id, target.id))
    att, dfn = n[attacker.side], n[target.side]
    if NEUTRAL not in (attacker.side, target.side):
        dfn += n[NEUTRAL] * tn.PARTNER_DEFENCE
    if holder == target.side and not surprised:
        dfn += tn.HOME_DEFENCE
    return att, dfn, chance(att, dfn)


def counter_odds(crew, attacker, target, holder: str) -> tuple[int, int, int]:
    """(attackers, defenders, per mille) of the best answer to a failed restraint: the
    target's side, free again, on the pinned ``attacker`` (who does not resist), defended
    by the attacker's free crewmates present and their home (they have used force: no
    surprise). The price of failure, shown before the attempt: going in alone is dear."""
    n = _tally(crew, attacker.module, keep=(target.id,), without=attacker.id)
    att, dfn = n[target.side], n[attacker.side]
    if NEUTRAL not in (attacker.side, target.side):
        dfn += n[NEUTRAL] * tn.PARTNER_DEFENCE
    if holder == attacker.side:
        dfn += tn.HOME_DEFENCE
    return att, dfn, chance(att, dfn)


def _tally(crew, module: str, keep: tuple[str, ...], without: str = "") -> dict[str, int]:
    """Free crew in ``module`` by side, leaving out those locked in a struggle (but those
    in ``keep``, the one being weighed) and ``without``."""
    n = {"us": 0, "ru": 0, NEUTRAL: 0}
    for x in crew:
        if x.module != module or not x.free or x.id == without:
            continue
        if x.task in _LOCKED and x.id not in keep:
            continue
        n[x.side] = n.get(x.side, 0) + 1
    return n


def chance(att: int, dfn: int) -> int:
    """Per mille: attackers / (attackers + defenders); 0 with nobody on either side."""
    return 1000 * att // (att + dfn) if att + dfn else 0


def move_seconds(start: str, goal: str, hatch_open) -> int | None:
    """Mission seconds from ``start`` to ``goal`` through open hatches, or None if there
    is no way (``hatch_open(hatch_id) -> bool``)."""
    route = st.path(start, goal, hatch_open)
    if route is None:
        return None
    return st.route_seconds(start, route)
