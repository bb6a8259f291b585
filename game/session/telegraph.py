"""What an order would do, said before it is given (Into the Breach: no hidden outcome).

The panel asks, for the selected crew member, :func:`options` (every order that makes
sense where they are, each with what it would do or why it would be refused) and, for
what the mouse is over, :func:`explain` (one command). The words come from the game's
own :meth:`~game.sim.api.Game.preview` (the same checks and numbers the rules then use)
with two additions:

- the real time a mission duration takes at the current pace ("45 s, about 3 s"), from
  the world's :class:`~game.session.pacing.Pacer`;
- a restraint's odds as the commanding side knows them: if the other side's order is a
  secret to it, the odds are given both ways ("67% (2 v 1); 50% (2 v 2) if Russia has its
  order already"), so hovering never tells a player what their side does not know.

No pygame here: text in, text out.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.session.wording import refusal_words
from game.sim.api import (
    CloseHatch,
    Escort,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    SystemOffline,
    SystemRestore,
    Talk,
    counter_odds,
    restrain_odds,
    station,
    tuning,
)

SIDE = {"us": "USA", "ru": "Russia"}
_SEG_SIDE = {"USOS": "us", "ROS": "ru"}


@dataclass(frozen=True)
class Option:
    key: str  # the key that gives it ("X"), or "click"
    action: str  # restrain, talk, escort, free, offline, restore, leave, move, hatch
    text: str  # what it would do, or "refused: why"
    ok: bool
    command: object | None = None


def first(name: str) -> str:
    return name.split()[0] if name else name


def _dur(seconds: float) -> str:
    return tuning.duration(int(seconds))


def real_time(world, mission_s: float, arrival: bool = False) -> str:
    """", about 3 s" at the world's pace, or "" with no pacer (replays). ``arrival``: the
    preview of a move, whose arrival the pace will slow for once it is under way."""
    from game.session.pacing import Point

    pacer = getattr(world, "pacer", None)
    if pacer is None or mission_s <= 0:
        return ""
    view = world.state
    extra = (Point("arrive", view.tick + int(mission_s)),) if arrival else ()
    return f", {pacer.real_words(view, mission_s, extra)}"


def restrain_text(view, actor, target) -> str:
    """The odds of ``actor`` restraining ``target`` as ``actor``'s side knows them, the
    price of failure and the cost, in one line."""
    foe = target.side
    known = foe not in ("us", "ru") or view.orders.get(foe, -1) >= 0 or \
        view.may_defend.get(foe, False)
    surprised = foe in ("us", "ru") and not view.may_defend.get(foe, False)
    att, dfn, p = restrain_odds(view, actor.id, target.id, surprised=surprised)
    text = f"Restrain {target.name}: {p // 10}% ({att} v {dfn})"
    if not known:
        att2, dfn2, p2 = restrain_odds(view, actor.id, target.id, surprised=False)
        if p2 != p:
            text += f", {p2 // 10}% ({att2} v {dfn2}) if {SIDE[foe]} has its order already"
    ca, cd, cp = counter_odds(view, actor.id, target.id)
    text += (f"; {_dur(tuning.RESTRAIN_S)} locked together; on failure {first(actor.name)} "
             f"is pinned {_dur(tuning.PIN_S)}, open to a counter-grab at {cp // 10}% "
             f"({ca} v {cd}); trust {tuning.RESTRAIN_TRUST}")
    return text


def explain(world, cmd) -> Option:
    """What ``cmd`` would do now (or why it would be refused), for the player."""
    game, view = world.game, world.state
    pv = game.preview(cmd)
    kind = cmd.kind
    key = {"restrain": "X", "talk": "K", "escort": "G", "free": "F", "offline": "D",
           "restore": "E", "leave": "L"}.get(kind, "click")
    if not pv.ok:
        return Option(key, kind, f"refused: {refusal_words(pv.reason)}", False, cmd)
    c = view.crew_by_id(cmd.crew)
    secs = pv.seconds
    if kind == "restrain":
        t = view.crew_by_id(cmd.target)
        text = restrain_text(view, c, t)
    elif kind == "move":
        text = (f"{first(c.name)} to {station.MODULE_NAME[cmd.to]}: {_dur(secs)}"
                f"{real_time(world, secs, arrival=True)}")
        if cmd.to == station.VEHICLE_OF.get(cmd.side):
            text += ("; to leave from it: the war begun, every free crew member of your side "
                     "aboard; the other side keeps the station")
    elif kind == "talk":
        t = view.crew_by_id(cmd.target)
        if t.side in ("us", "ru"):  # the rules' own words: what this talk would do now
            text = pv.text + (f" (bond now {view.bond(c.id, t.id)})" if t.side != c.side
                              else "")
        else:
            text = (f"Talk with {t.name} ({t.agency}): {_dur(secs)}; they lean "
                    f"{tuning.LEAN_PER_TALK} toward {SIDE[c.side]} (now US {t.lean_us}, "
                    f"Russia {t.lean_ru}; they join a side at {tuning.JOIN_AT})")
    elif kind == "escort":
        t = view.crew_by_id(cmd.target)
        back = station.MODULE_NAME[station.BORDER_MODULE[t.side]]
        text = (f"Show {t.name} back to {back}: {_dur(secs)}; not back in your segment for "
                f"{_dur(tuning.ESCORT_BAR_S)}; trust {tuning.ESCORT_TRUST}")
    elif kind == "free":
        t = view.crew_by_id(cmd.target)
        text = f"Free {t.name}: {_dur(secs)}, if no enemy comes in meanwhile"
    elif kind == "offline":
        name = station.SYSTEM_NAME[cmd.system]
        text = f"Take {name} offline: {_dur(secs)}; trust {tuning.CUT_TRUST}"
        if cmd.system == "attitude":
            text += (f"; after {_dur(tuning.POWER_DRIFT_S)} the arrays drift off the Sun: "
                     "power low")
        elif cmd.system.startswith("o2"):
            text += "; with no generator working the reserve runs down"
    elif kind == "restore":
        text = f"Restore {station.SYSTEM_NAME[cmd.system]}: {_dur(secs)}"
    elif kind == "close":
        text = f"Seal hatch {_hatch(cmd.hatch)}: {_dur(secs)}; trust {tuning.SEAL_TRUST}"
    elif kind == "leave":
        text = pv.text
    else:
        text = pv.text
    return Option(key, kind, text, True, cmd)


def _hatch(h: str) -> str:
    a, b = station.HATCH_ENDS[h]
    return f"{station.MODULE_NAME[a]}-{station.MODULE_NAME[b]}"


def options(world, crew_id: str, limit: int = 6) -> list[Option]:
    """The orders that make sense for ``crew_id`` where they are, most telling first:
    restrain and escort (the other side here), talk, free, systems, leaving."""
    view = world.state
    c = view.crew_by_id(crew_id)
    side = world.commanding
    if c is None or side is None or c.side != side or c.gone:
        return []
    here = [x for x in view.crew if x.module == c.module and x.id != c.id and not x.gone]
    foes = [x for x in here if x.side in ("us", "ru") and x.side != side]
    out: list[Option] = []
    for t in foes:
        if not t.restrained:
            out.append(explain(world, Restrain(side, c.id, t.id)))
    seg = _SEG_SIDE.get(station.SEGMENT[c.module])
    if seg == side:
        for t in foes:
            if not t.restrained:
                out.append(explain(world, Escort(side, c.id, t.id)))
    talkers = foes + [x for x in here if x.side not in ("us", "ru")] + \
        [x for x in here if x.side == side]
    for t in talkers:
        if not t.restrained:
            out.append(explain(world, Talk(side, c.id, t.id)))
            break  # one talk line: the first across the divide
    for t in here:
        if t.restrained and t.side in (side, "neutral"):
            out.append(explain(world, Free(side, c.id, t.id)))
    for s in view.systems:
        if s.module == c.module:
            cls = SystemOffline if s.on else SystemRestore
            out.append(explain(world, cls(side, c.id, s.id)))
    vehicle = station.VEHICLE_OF[side]
    if c.module == vehicle:
        out.append(explain(world, Leave(side, c.id)))
    elif not out or len(out) < limit:
        mv = explain(world, Move(side, c.id, vehicle))
        out.append(Option("L", "leave", ("Board: " + mv.text) if mv.ok else mv.text, mv.ok,
                          mv.command))
    return out[:limit]


def hatch_command(world, crew_id: str, hatch: str):
    """Seal or open (force) ``hatch`` with ``crew_id``: the command a click would give."""
    view = world.state
    is_open = next(h.open for h in view.hatches if h.id == hatch)
    cls = CloseHatch if is_open else OpenHatch
    return cls(world.commanding, crew_id, hatch)
