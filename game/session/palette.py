"""The one palette of the game: who holds what, and what colour each kind of log line is.

Sides and holders colour the schematic, the 3D model, the HUD and the crew tokens alike;
the log's lines and the replay bar's marks take their colour from what happened
(:data:`EVENT_COLOUR`, :func:`event_colour`: the one event-colour table). Plain RGB
tuples, no pygame: the session writes coloured log lines, the view draws them.
"""

from __future__ import annotations

#: The one palette: who holds what, everywhere (schematic, 3D model, HUD, tokens).
PALETTE = {
    "us": (70, 140, 255),
    "ru": (228, 68, 58),
    "neutral": (150, 156, 170),
    # violet, between blue and red: not the amber of a closed hatch on the schematic
    "contested": (196, 110, 255),
}

#: Log lines of the world's own making (not events).
LOG_START = (200, 215, 240)  # the first line: who plays, seed, scenario
LOG_NOTE = (170, 185, 210)  # a quiet explanation under it
LOG_ORDER = (160, 200, 240)  # a command given
LOG_REFUSED = (255, 120, 100)  # a command refused
LOG_WARNING = (255, 170, 120)  # e.g. "Not recording"
LOG_EVENT = (205, 212, 228)  # an event with no colour of its own

#: Events by kind; None: the colour of the side in the event's data (captured).
EVENT_COLOUR = {
    "flash": (255, 150, 90), "strike": (170, 140, 120), "station_silenced": (255, 120, 90),
    "order_received": (255, 225, 120), "act": (255, 240, 170), "captured": None,
    "seize_started": (255, 200, 80), "seize_broken": (200, 220, 255),
    "truce_started": (140, 255, 170), "truce_broken": (255, 170, 120),
    "restrained": (255, 120, 110), "restrain_failed": (255, 160, 120),
    "restrain_called_off": (255, 160, 120),
    "oxygen_off": (255, 110, 90), "power_low": (255, 150, 90), "debris_warning": (255, 110, 90),
    "ended": (255, 255, 255), "left": (255, 230, 150), "joined": (190, 230, 255),
}


def module_colour(holder: str, status: str = "") -> tuple[int, int, int]:
    if status == "contested":
        return PALETTE["contested"]
    return PALETTE.get(holder, PALETTE["neutral"])


def event_colour(ev) -> tuple[int, int, int]:
    """The log colour of a simulation event."""
    if ev.kind == "captured":
        return PALETTE.get(ev.data.get("side", ""), LOG_EVENT)
    return EVENT_COLOUR.get(ev.kind, LOG_EVENT)
