"""The station schematic's orders: selection, the action bar, hover, clicks, commands.

A small state machine over the panel's geometry: one of your crew is ``selected``; an
order that needs a target (talk, restrain, free, escort, a system) waits in ``pending``
for the click that names it, and ``hint`` says what a click will do now. What the mouse
is over (``hover``) is telegraphed before any click (:mod:`game.session.telegraph`: the
odds, the time, the price). Everything ends in a Command emitted through ``emit`` (or a
refusal with the reason); the game itself is never changed here. The keys come from
:mod:`game.view.keymap` (the game screen dispatches them to :meth:`do_action`).

Clicks: a click on a spot where tokens sit picks your own crew member first; a click on
an enemy token with one of yours selected in another module sends yours there (the
click meant the module); a system badge acts only when the selected crew member is in
its module (else the click is the module's: a move).
"""

from __future__ import annotations

import pygame

from game.session import telegraph
from game.session.wording import SIDE_LABEL
from game.sim.api import (
    Escort,
    Free,
    Leave,
    Move,
    Restrain,
    Stop,
    SystemOffline,
    SystemRestore,
    Talk,
    station,
)

ACTIONS = [  # (id, label, key): the action bar, left to right
    ("move", "Move", "click"), ("talk", "Talk", "K"), ("restrain", "Restrain", "X"),
    ("escort", "Escort", "G"), ("free", "Free", "F"), ("offline", "Cut", "D"),
    ("restore", "Restore", "E"), ("leave", "Leave", "L"), ("stop", "Stop", "S"),
]
#: The panel's own refusals (before the rules are asked), for the help's "Why was I
#: refused?" page: (message, why).
PANEL_REFUSALS = (
    ("you are watching: the AI commands both sides", "In watch mode nobody gives orders."),
    ("select one of your crew first (click a token, or N)", "Orders are given to the "
     "selected crew member."),
    ("no one {to do that with} in {module} with {crew}", "Talk, restrain, free and escort "
     "need someone in the same module."),
    ("no system to {cut or restore} in {module} (systems: Destiny, Zvezda, Tranquility)",
     "Systems live in Destiny (power feed), Zvezda (thrusters, Elektron) and Tranquility "
     "(oxygen)."),
    ("Tab hands over only in hot-seat (both sides human)", "Against the AI you command one "
     "side."),
)
_TARGETED = ("talk", "restrain", "free", "escort")
_CLS = {"talk": Talk, "restrain": Restrain, "free": Free, "escort": Escort}


class SchematicOrders:
    """The input half of :class:`~game.view.panels.schematic.SchematicPanel`."""

    @property
    def side(self) -> str | None:
        return self.world.commanding

    def _crew(self, cid):
        return self.world.state.crew_by_id(cid) if cid else None

    def _refuse(self, reason: str) -> None:
        self.world.refuse(reason)

    def _actor(self):
        """The selected crew member, if there is one to command; else say why not."""
        if self.side is None:
            self._refuse("you are watching: the AI commands both sides")
            return None
        c = self._crew(self.selected)
        if c is None or c.side != self.side:
            self._refuse("select one of your crew first (click a token, or N)")
            return None
        return c

    def select_next(self) -> None:
        mine = [c for c in self.world.state.crew if c.side == self.side and not c.gone]
        if not mine:
            return
        ids = [c.id for c in mine]
        i = ids.index(self.selected) + 1 if self.selected in ids else 0
        self.selected = ids[i % len(ids)]
        self.pending = None
        self.hint = ""

    def candidates(self, action: str, c) -> list:
        """Who ``action`` could name in ``c``'s module."""
        st = self.world.state
        here = [x for x in st.crew if x.module == c.module and x.id != c.id and not x.gone]
        if action == "talk":
            return [x for x in here if x.side != c.side] or here
        if action in ("restrain", "escort"):
            return [x for x in here if x.side in ("us", "ru") and x.side != c.side
                    and not x.restrained]
        return [x for x in here if x.restrained]

    def do_action(self, action: str) -> None:
        """An action-bar button or key for the selected crew member."""
        if action == "move":
            self.hint = "click a module to send the selected crew member there"
            return
        c = self._actor()
        if c is None:
            return
        side = self.side
        st = self.world.state
        if action == "stop":
            self.emit(Stop(side, c.id))
        elif action == "leave":
            vehicle = station.VEHICLE_OF[side]
            self.emit(Leave(side, c.id) if c.module == vehicle else Move(side, c.id, vehicle))
        elif action in _TARGETED:
            cands = self.candidates(action, c)
            if len(cands) == 1:
                self._target(action, c, cands[0].id)
            elif not cands:
                what = {"talk": "to talk with", "restrain": "to restrain",
                        "free": "restrained to free", "escort": "to show out"}[action]
                self._refuse(f"no one {what} in {station.MODULE_NAME[c.module]} with {c.name}")
            else:
                self.pending = action
                shown = "the odds" if action == "restrain" else "what it does"
                self.hint = (f"click who {telegraph.first(c.name)} should {action} ({shown} "
                             "shows on hover; right-click cancels)")
        elif action in ("offline", "restore"):
            want_on = action == "offline"
            systems = [s for s in st.systems if s.module == c.module and s.on == want_on]
            if len(systems) == 1:
                self._system(c, systems[0].id)
            elif not systems:
                where = station.MODULE_NAME[c.module]
                self._refuse(f"no system to {'cut' if want_on else 'restore'} in {where} "
                             "(systems: Destiny, Zvezda, Tranquility)")
            else:
                self.pending = action
                self.hint = "click the system badge (right-click cancels)"

    def _target(self, action: str, c, target: str) -> None:
        self.emit(_CLS[action](self.side, c.id, target))
        self.pending = None
        self.hint = ""

    def _system(self, c, sys_id: str) -> None:
        self.emit(self._system_command(c, sys_id))
        self.pending = None
        self.hint = ""

    def _system_command(self, c, sys_id: str):
        on = next((s.on for s in self.world.state.systems if s.id == sys_id), True)
        return (SystemOffline if on else SystemRestore)(self.side, c.id, sys_id)

    # -- input -----------------------------------------------------------------------------
    def handle_event(self, ev, rect: pygame.Rect) -> bool:
        self.layout(rect)
        if ev.type == pygame.MOUSEMOTION:
            self.hover_pos = ev.pos
            return True
        if ev.type != pygame.MOUSEBUTTONDOWN:
            return ev.type == pygame.MOUSEBUTTONUP
        if ev.button == 3:
            self.pending, self.hint = None, ""
            return True
        if ev.button != 1:
            return True
        self._click(ev.pos)
        return True

    def token_at(self, pos) -> str | None:
        """The crew token under ``pos``: your own crew first where tokens are close."""
        hits = []
        for cid, (centre, r) in self.tokens.items():
            d2 = (pos[0] - centre[0]) ** 2 + (pos[1] - centre[1]) ** 2
            if d2 <= (r + 1) ** 2:
                hits.append((d2, cid))
        if not hits:
            return None
        mine = [h for h in hits if (self._crew(h[1]) or _NOBODY).side == self.side]
        return min(mine or hits)[1]

    def badge_at(self, pos) -> str | None:
        for r, sys_id in self.badge_rects:
            if r.collidepoint(pos) and not sys_id.startswith("c2:"):
                return sys_id
        return None

    def module_at(self, pos) -> str | None:
        for m, box in self.boxes.items():
            if box.collidepoint(pos):
                return m
        return None

    def hatch_at(self, pos) -> str | None:
        for h, r in self.hatch_rects.items():
            if r.inflate(6, 6).collidepoint(pos):
                return h
        return None

    def what_is_at(self, pos):
        """(kind, id) under ``pos``: token, roster row, hatch, badge, button or module."""
        cid = self.token_at(pos)
        if cid is not None:
            return "crew", cid
        for rid, r in self.roster_rects.items():
            if r.collidepoint(pos):
                return "roster", rid
        h = self.hatch_at(pos)
        if h is not None:
            return "hatch", h
        b = self.badge_at(pos)
        if b is not None:
            return "badge", b
        for action, r in self.button_rects.items():
            if r.collidepoint(pos):
                return "button", action
        m = self.module_at(pos)
        if m is not None:
            return "module", m
        return None, None

    def click_command(self, kind: str, what: str):
        """The command a click on (kind, what) would give now, or None (no command:
        a selection, a refusal, nothing)."""
        c = self._crew(self.selected)
        if self.side is None or c is None or c.side != self.side:
            return None
        if kind == "crew":
            t = self._crew(what)
            if t is None or t.id == c.id:
                return None
            if self.pending in _TARGETED:
                return _CLS[self.pending](self.side, c.id, t.id)
            if t.side != self.side and t.module != c.module:
                return Move(self.side, c.id, t.module)  # the click meant their module
            return None
        if kind == "hatch":
            return telegraph.hatch_command(self.world, c.id, what) \
                if c.module in station.HATCH_ENDS[what] else None
        if kind == "badge":
            mod = station.SYSTEM_MODULE[what]
            if c.module == mod:
                return self._system_command(c, what)
            return Move(self.side, c.id, mod) if mod != c.module else None
        if kind == "module":
            return Move(self.side, c.id, what) if what != c.module else None
        return None

    def _click(self, pos) -> None:
        kind, what = self.what_is_at(pos)
        if kind in ("crew", "roster"):
            cmd = self.click_command("crew", what)
            if cmd is not None:
                self.emit(cmd)
                self.pending, self.hint = None, ""
                return None
            return self._click_crew(what)
        if kind == "button":
            return self.do_action(what)
        if kind == "hatch":
            return self._click_hatch(what)
        if kind in ("badge", "module"):
            if self.pending and kind == "module":
                self.pending, self.hint = None, ""
            if self._actor() is None:
                return None
            cmd = self.click_command(kind, what)
            if cmd is not None:
                self.emit(cmd)
                self.pending, self.hint = None, ""
        return None

    def _click_crew(self, cid: str) -> None:
        c = self._crew(cid)
        if c is None:
            return
        if self.side is not None and c.side != self.side:
            mine = self._crew(self.selected)
            if mine is not None and mine.side == self.side and mine.module == c.module:
                self.hint = (f"{c.name} ({SIDE_LABEL.get(c.side, c.side)}) is here with "
                             f"{telegraph.first(mine.name)}: the orders below say what each "
                             "would do")
            else:
                self.hint = (f"{c.name} is with {SIDE_LABEL.get(c.side, c.side)}: not yours "
                             "to command")
            return
        self.selected = cid
        self.pending = None
        self.hint = "" if self.side is not None else f"{c.name}: watching"

    def _click_hatch(self, h: str) -> None:
        if self.side is None:
            return self._refuse("you are watching: the AI commands both sides")
        ends = station.HATCH_ENDS[h]
        actor = self._crew(self.selected)
        if actor is None or actor.module not in ends or actor.side != self.side:
            near = [c for c in self.world.state.crew if c.side == self.side
                    and c.module in ends and not c.restrained and not c.gone]
            if near:
                actor = near[0]
                self.selected = actor.id
        if actor is None or actor.side != self.side:
            return self._refuse("select one of your crew first (click a token, or N)")
        self.emit(telegraph.hatch_command(self.world, actor.id, h))
        return None


class _Nobody:
    side = None


_NOBODY = _Nobody()
