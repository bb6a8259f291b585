"""What the game tells the outside world: results of submitted commands, and events."""

from __future__ import annotations

from dataclasses import dataclass, field


def mission_clock(tick: int) -> str:
    """A mission second as the game's own texts write it ("1:02:03"): refusals, the
    summary's ``mission_time`` (recorded in every replay's result line)."""
    return f"{tick // 3600}:{tick // 60 % 60:02d}:{tick % 60:02d}"


@dataclass(frozen=True)
class Result:
    """Answer to ``Game.submit``: accepted, or refused with a reason the player sees."""

    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


@dataclass(frozen=True)
class Event:
    """Something that happened at ``tick``: a ``kind`` for code, a ``text`` for people,
    and ``data`` (JSON-able: str/int/float/bool values) for the view and the replay's
    "jump to next event"."""

    tick: int
    kind: str
    text: str
    data: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"tick": self.tick, "kind": self.kind, "text": self.text, "data": dict(self.data)}


#: Every event kind the game emits (documented for the view and the replay browser).
EVENT_KINDS = (
    "arrived",  # crew reached the module they were sent to
    "blocked",  # a move stopped at a hatch closed in front of them
    "hatch_opened", "hatch_forced", "hatch_closed",
    "system_offline", "system_restored",
    "power_low",  # attitude control off too long: the arrays drifted off the Sun
    "power_restored",
    "oxygen_off",  # no oxygen generation anywhere: the reserve is running down
    "oxygen_on",
    "talked", "joined",  # a partner crew member joined a side
    "restrain_started",  # a restraint attempt begins: its odds are in data (telegraphed)
    "restrained", "restrain_failed", "freed",
    "restrain_called_off",  # the attacker let go before the roll (a partner changed sides)
    "recovered",  # a pinned attacker is back in action
    "escorted",  # a guest was shown back to their own segment
    "intrusion",  # armed enemies stayed in a side's command module: it may defend itself
    "left_side",  # a partner crew member went neutral again
    "strike",  # a strike the ISS did not see
    "flash",  # a strike witnessed from the ISS (data: lat, lon, magnitude, night, ...)
    "glow",  # a night strike beyond the horizon lighting it
    "station_silenced",  # a ground station was struck: no more orders or calls from it
    "order_received",  # a side's order arrived during a pass over its mission control
    "contact",  # a later pass over a side's mission control (calm, remote restores)
    "intel",  # ... and what the ground knows of the other side's order (for that side only)
    "agency_call",  # a partner agency called for calm during a pass (international)
    "act",  # the story moved to act 2 (orders) or 3 (dark)
    "captured",  # a module changed hands
    "seize_started", "seize_broken",
    "truce_started", "truce_broken",
    "debris_warning", "debris_avoided",
    "left",  # a vehicle undocked with its crew
    "leave_aborted",  # the conditions to leave no longer held when the undocking was due
    "ended",
)
