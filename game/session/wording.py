"""The game in words: side labels, ending titles, commands described, the mission clock.

What the log, the panels and the end screen say about the game, in one place.
"""

from __future__ import annotations

SIDE_LABEL = {"us": "USA", "ru": "Russia", "neutral": "partner"}

ENDING_TITLES = {
    "us_control": "The United States seize the station",
    "ru_control": "Russia seizes the station",
    "truce": "Truce",
    "evacuation_us": "The Americans leave in their Dragon",
    "evacuation_ru": "The Russians leave in their Soyuz",
    "station_lost": "The station is lost",
    "stalemate": "Stalemate",
}


def fmt_mission(ticks: float) -> str:
    s = int(max(0, ticks))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def describe(cmd, name=lambda cid: cid) -> str:
    """A command in words, for the log."""
    from game.sim.api import station as stn

    kind = cmd.kind
    if kind == "move":
        return f"moving to {stn.MODULE_NAME.get(cmd.to, cmd.to)}"
    if kind in ("open", "close"):
        a, b = stn.HATCH_ENDS.get(cmd.hatch, ("?", "?"))
        what = "opening" if kind == "open" else "closing"
        return f"{what} hatch {stn.MODULE_NAME.get(a, a)}-{stn.MODULE_NAME.get(b, b)}"
    if kind in ("offline", "restore"):
        name = stn.SYSTEM_NAME.get(cmd.system, cmd.system)
        return ("taking offline: " if kind == "offline" else "restoring: ") + name
    if kind in ("talk", "restrain", "free"):
        verb = {"talk": "talking with", "restrain": "restraining", "free": "freeing"}[kind]
        return f"{verb} {name(cmd.target)}"
    if kind == "leave":
        return "undocking to leave the station"
    if kind == "stop":
        return "stopped"
    return kind
