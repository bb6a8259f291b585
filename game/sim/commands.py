"""Commands: the only way anything aboard changes.

A player's click and the AI's decision both become one of these frozen dataclasses.
Each has a ``kind`` (its name on the wire), the issuing ``side`` ("us" or "ru") and the
acting ``crew`` member's id, plus at most one target field. ``command_to_dict`` and
``command_from_dict`` are the JSON form the replay file carries; ``command_from_dict``
treats its input as hostile (exact keys, exact types, bounded strings) and raises
``ValueError`` with a one-line reason for anything else.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

SIDES = ("us", "ru")
_MAX_ID = 40  # longest id string accepted from outside


@dataclass(frozen=True)
class Move:
    """Send ``crew`` to module ``to`` along the shortest way through open hatches."""

    side: str
    crew: str
    to: str
    kind = "move"


@dataclass(frozen=True)
class OpenHatch:
    """Open ``hatch`` (5 s), or force it if it was sealed from the other side (120 s)."""

    side: str
    crew: str
    hatch: str
    kind = "open"


@dataclass(frozen=True)
class CloseHatch:
    """Close and seal ``hatch`` from the module ``crew`` is in (5 s; force: needs orders)."""

    side: str
    crew: str
    hatch: str
    kind = "close"


@dataclass(frozen=True)
class SystemOffline:
    """Take ``system`` offline (30 s; crew in its module, side holds it; force)."""

    side: str
    crew: str
    system: str
    kind = "offline"


@dataclass(frozen=True)
class SystemRestore:
    """Bring ``system`` back online (30 s; crew in its module, no enemy there)."""

    side: str
    crew: str
    system: str
    kind = "restore"


@dataclass(frozen=True)
class Talk:
    """Talk with ``target`` in the same module (60 s): trust, stress, loyalty."""

    side: str
    crew: str
    target: str
    kind = "talk"


@dataclass(frozen=True)
class Restrain:
    """Restrain ``target`` in the same module (30 s; odds fixed at the start; force)."""

    side: str
    crew: str
    target: str
    kind = "restrain"


@dataclass(frozen=True)
class Free:
    """Free restrained ``target`` in the same module (60 s; no enemy present)."""

    side: str
    crew: str
    target: str
    kind = "free"


@dataclass(frozen=True)
class Escort:
    """Show ``target``, a guest of the other side in your segment, back to their own
    segment (20 s; before their side's order; your free crew there at least as many)."""

    side: str
    crew: str
    target: str
    kind = "escort"


@dataclass(frozen=True)
class Leave:
    """Undock the side's vehicle ``crew`` is aboard and leave the station (60 s)."""

    side: str
    crew: str
    kind = "leave"


@dataclass(frozen=True)
class Stop:
    """Cancel whatever ``crew`` is doing; they stay where they are."""

    side: str
    crew: str
    kind = "stop"


Command = Move | OpenHatch | CloseHatch | SystemOffline | SystemRestore | Talk | Restrain | Free \
    | Escort | Leave | Stop

COMMAND_TYPES: dict[str, type] = {
    cls.kind: cls
    for cls in (Move, OpenHatch, CloseHatch, SystemOffline, SystemRestore, Talk, Restrain,
                Free, Escort, Leave, Stop)
}

#: kind -> names of the fields its dict carries besides "kind" (in order).
COMMAND_FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(cls)) for kind, cls in COMMAND_TYPES.items()
}


def command_to_dict(cmd) -> dict:
    """The JSON-able form: ``{"kind": ..., "side": ..., "crew": ..., <target>: ...}``."""
    kind = getattr(type(cmd), "kind", None)
    if COMMAND_TYPES.get(kind) is not type(cmd):
        raise ValueError(f"not a command: {cmd!r}")
    out = {"kind": kind}
    for name in COMMAND_FIELDS[kind]:
        out[name] = getattr(cmd, name)
    return out


def _check_id(kind: str, name: str, value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"command '{kind}': field '{name}' must be a string")
    if not 0 < len(value) <= _MAX_ID or not all(c.isascii() and (c.isalnum() or c in "_-")
                                                for c in value):
        raise ValueError(f"command '{kind}': field '{name}' is not a valid id")
    return value


def command_from_dict(d) -> object:
    """Rebuild a command from its dict form; ``ValueError`` for anything not exactly one.

    Only the shape is checked here (kind known, keys exact, ids well-formed, side valid);
    whether the command is *legal* now is the game's business (``Game.submit``).
    """
    if not isinstance(d, dict):
        raise ValueError("command must be a JSON object")
    kind = d.get("kind")
    if not isinstance(kind, str) or kind not in COMMAND_TYPES:
        shown = kind if isinstance(kind, str) and len(kind) <= _MAX_ID else "?"
        raise ValueError(f"unknown command kind '{shown}'")
    names = COMMAND_FIELDS[kind]
    extra = sorted(k if isinstance(k, str) else "?" for k in d if k != "kind" and k not in names)
    if extra:
        raise ValueError(f"command '{kind}': unexpected field '{extra[0][:_MAX_ID]}'")
    missing = [n for n in names if n not in d]
    if missing:
        raise ValueError(f"command '{kind}': missing field '{missing[0]}'")
    values = {n: _check_id(kind, n, d[n]) for n in names}
    if values["side"] not in SIDES:
        raise ValueError(f"command '{kind}': side must be one of {', '.join(SIDES)}")
    return COMMAND_TYPES[kind](**values)
