"""The station schematic: an FTL-style plan of the ISS for giving orders.

Modules are boxes laid out like the real station seen from above: the Russian segment aft
(left), the US segment forward (right), Soyuz under Rassvet, Crew Dragon on PMA-2 at
Harmony's forward port, the Cupola under Tranquility. Each box is coloured by who holds it
(:data:`game.session.palette.PALETTE`), with a capture bar while a side is taking it and
badges for what lives there (C2 command and control; PW US power feed; TH attitude and
reboost thrusters; O2 oxygen generation: green working, amber on but unpowered, red off).
Hatches are small squares on the links (dark: open; amber: closed; red: sealed from the
other side). Crew are coloured tokens with initials (a cross when restrained), laid out so none
covers another or a badge (smaller in a crowded module); a restraint under way shows
its odds and seconds left on the module's top edge.

Below the plan: the crew roster (where, doing what, stress against the limit over which
they refuse hostile orders), the action bar with its keys, and the message log.

Under the action bar, the telegraph: what a click where the mouse is would do, and every
order the selected crew member could be given where they are (the odds of a restraint
and the price of failure, a move's time, a leave's conditions, or why it would be
refused), before anything is committed (:mod:`game.session.telegraph`).

Mouse: click one of your crew to select; click a module to send them there; click a
hatch to close/open it; click a system badge (with the crew member in its module) to
take it offline/restore it; with an order waiting for a target (talk, restrain, free,
escort), click the other crew member. Right-click cancels. The panel never changes the
game: it emits Command objects through ``emit`` (the play screen queues them for the
simulation).

Replay mode (``replay_title`` set, by the replay screen): the header shows that title
(who played which side, from the replay header) instead of "You command"/"Watching", and
there is no action bar or hint line (a replay takes no orders): the log gets that room.
"""

from __future__ import annotations

import pygame

from game.view.panels.schematic_draw import SchematicDrawing
from game.view.panels.schematic_layout import SchematicLayout
from game.view.panels.schematic_orders import SchematicOrders


class SchematicPanel(SchematicLayout, SchematicOrders, SchematicDrawing):
    """The right-hand panel of the game screen (schematic, roster, actions, log): its
    geometry, its orders and its drawing each live in a file of their own."""

    def __init__(self, world, emit=None):
        self.world = world
        self.emit = emit or (lambda cmd: None)
        self.selected: str | None = None
        self.pending: str | None = None  # action waiting for a target click
        self.hint = ""  # one line under the action bar: what a click will do now
        self.replay_title: str | None = None  # set: replay mode (see the module docstring)
        self._init_layout()  # fonts, boxes, hatch squares, badges, tokens (SchematicLayout)
        self.button_rects: dict[str, pygame.Rect] = {}  # filled when drawn
        self.roster_rects: dict[str, pygame.Rect] = {}
        self._cache: pygame.Surface | None = None
        self.text_rects: list[tuple[str, pygame.Rect]] = []  # text as last drawn (screen px)
        self.hover_pos: tuple[int, int] | None = None  # the mouse over the panel
        self.telegraph_lines: list[tuple[str, str, bool]] = []  # as last drawn
