"""The game in words: side labels, ending titles, commands described, durations and times.

What the log, the panels, the HUDs and the end screen say about the game, in one place:
:func:`fmt_duration` is the one duration formatter of the whole interface (the mission
clock, countdowns, windows, play time) and :func:`fmt_utc` the one UTC formatter.
"""

from __future__ import annotations

import time

SIDE_LABEL = {"us": "USA", "ru": "Russia", "neutral": "partner"}

ENDING_TITLES = {
    "us_control": "The United States seize the station",
    "ru_control": "Russia seizes the station",
    "truce": "Truce",
    "evacuation_us": "The Americans leave in their Dragon",
    "evacuation_ru": "The Russians leave in their Soyuz",
    "station_lost": "The station is lost",
    "stalemate": "Stalemate",
    "together": "They leave together",
}


def fmt_duration(seconds: float, *, hours: bool = False) -> str:
    """Seconds as a clock reads them: "1:02:03", or "02:03" under an hour; ``hours``
    always shows them ("0:02:03", the mission clock). Whole seconds gone by (never
    rounded up: a countdown shows 0:00 only when it is over); negative reads as 0."""
    s = int(max(0.0, float(seconds)))
    h, m, sec = s // 3600, s // 60 % 60, s % 60
    return f"{h}:{m:02d}:{sec:02d}" if h or hours else f"{m:02d}:{sec:02d}"


def fmt_utc(unix_s: float) -> str:
    """UTC POSIX seconds as "2026-10-08 12:34:56 UTC": the second now under way, as a
    clock shows it."""
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(unix_s))


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
    if kind in ("talk", "restrain", "free", "escort"):
        verb = {"talk": "talking with", "restrain": "restraining", "free": "freeing",
                "escort": "showing out"}[kind]
        return f"{verb} {name(cmd.target)}"
    if kind == "leave":
        return "undocking to leave the station"
    if kind == "stop":
        return "stopped"
    return kind


#: The rules' command kinds where a refusal names them ("will not offline before ..."),
#: in the player's words.
KIND_WORDS = {"offline": "cut a system", "close": "seal a hatch", "restrain": "restrain"}


def refusal_words(reason: str) -> str:
    """A refusal as the player reads it: the command kinds in words."""
    for kind, words in KIND_WORDS.items():
        reason = reason.replace(f" will not {kind} ", f" will not {words} ")
    return reason

