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


def restrain_odds(crew, attacker, target, holder: str,
                  surprised: bool = False) -> tuple[int, int, int]:
    """(attackers, defenders, chance in per mille) of ``attacker`` restraining ``target``
    in their module, which ``holder`` holds: attackers are the free crew of the
    attacker's side present, defenders the target side's crew present who are not
    restrained (a pinned one still defends), counting ``HOME_DEFENCE`` more at home
    (unless ``surprised``: their side may not use force yet) and neutral partners
    ``PARTNER_DEFENCE`` each."""
    m = attacker.module
    att = dfn = neutrals = 0
    for x in crew:
        if x.module != m or x.restrained or x.gone:
            continue
        if x.side == attacker.side:
            att += x.free
        elif x.side == target.side:
            dfn += 1
        elif x.side == NEUTRAL and x.free:
            neutrals += 1
    if target.side != NEUTRAL:
        dfn += neutrals * tn.PARTNER_DEFENCE
    if holder == target.side and not surprised:
        dfn += tn.HOME_DEFENCE
    if att + dfn == 0:
        return 0, 0, 0
    return att, dfn, 1000 * att // (att + dfn)


def move_seconds(start: str, goal: str, hatch_open) -> int | None:
    """Mission seconds from ``start`` to ``goal`` through open hatches, or None if there
    is no way (``hatch_open(hatch_id) -> bool``)."""
    route = st.path(start, goal, hatch_open)
    if route is None:
        return None
    return st.route_seconds(start, route)
