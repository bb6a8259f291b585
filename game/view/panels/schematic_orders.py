"""The station schematic's orders: selection, the action bar's keys and clicks, commands.

A small state machine over the panel's geometry: one of your crew is ``selected``; an
action that needs a target (talk, restrain, free, a system) waits in ``pending`` for the
click that names it, and ``hint`` says what a click will do now. Everything ends in a
Command emitted through ``emit`` (or a refusal in the log, with the reason); the game
itself is never changed here.
"""

from __future__ import annotations

import pygame

from game.session.palette import LOG_REFUSED
from game.session.wording import SIDE_LABEL
from game.sim.api import (
    CloseHatch,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    Stop,
    SystemOffline,
    SystemRestore,
    Talk,
)
from game.sim.api import station as stn

ACTIONS = [  # (id, label, key)
    ("move", "Move", "click"), ("talk", "Talk", "K"), ("restrain", "Restrain", "X"),
    ("free", "Free", "F"), ("offline", "Cut", "D"), ("restore", "Restore", "E"),
    ("leave", "Board/Leave", "L"), ("stop", "Stop", "S"),
]
ACTION_KEYS = {pygame.K_k: "talk", pygame.K_x: "restrain", pygame.K_f: "free",
               pygame.K_d: "offline", pygame.K_e: "restore", pygame.K_l: "leave",
               pygame.K_s: "stop"}


class SchematicOrders:
    """The input half of :class:`~game.view.panels.schematic.SchematicPanel`."""

    @property
    def side(self) -> str | None:
        return self.world.commanding

    def _crew(self, cid):
        return next((c for c in self.world.state.crew if c.id == cid), None)

    def _refuse(self, reason: str) -> None:
        self.world.log.add(self.world.game.tick, f"Refused - {reason}", LOG_REFUSED,
                           "refused")
        self.world.refusals.append((reason, 5.0))

    def _actor(self):
        """The selected crew member, if there is one to command; else say why not."""
        if self.side is None:
            self._refuse("you are watching: the AI commands both sides")
            return None
        if self.selected is None:
            self._refuse("select one of your crew first (click a token, or N)")
            return None
        return self._crew(self.selected)

    def select_next(self) -> None:
        mine = [c for c in self.world.state.crew if c.side == self.side and not c.gone]
        if not mine:
            return
        ids = [c.id for c in mine]
        i = ids.index(self.selected) + 1 if self.selected in ids else 0
        self.selected = ids[i % len(ids)]
        self.pending = None

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
        here = [x for x in st.crew if x.module == c.module and x.id != c.id and not x.gone]
        if action == "stop":
            self.emit(Stop(side, c.id))
        elif action == "leave":
            vehicle = stn.VEHICLE_OF[side]
            if c.module == vehicle:
                self.emit(Leave(side, c.id))
            else:
                self.emit(Move(side, c.id, vehicle))
        elif action in ("talk", "restrain", "free"):
            if action == "talk":
                cands = [x for x in here if x.side != side] or here
            elif action == "restrain":
                cands = [x for x in here if x.side != side and not x.restrained]
            else:
                cands = [x for x in here if x.restrained]
            if len(cands) == 1:
                self._target(action, c, cands[0].id)
            elif not cands:
                what = {"talk": "to talk with", "restrain": "to restrain",
                        "free": "restrained to free"}[action]
                self._refuse(f"no one {what} in {stn.MODULE_NAME[c.module]} with {c.name}")
            else:
                self.pending = action
                self.hint = f"click who {c.name} should {action} (right-click cancels)"
        elif action in ("offline", "restore"):
            want_on = action == "offline"
            systems = [s for s in st.systems if s.module == c.module and s.on == want_on]
            if len(systems) == 1:
                self._system(c, systems[0].id)
            elif not systems:
                where = stn.MODULE_NAME[c.module]
                self._refuse(f"no system to {'cut' if want_on else 'restore'} in {where} "
                             "(systems: Destiny, Zvezda, Tranquility)")
            else:
                self.pending = action
                self.hint = "click the system badge (right-click cancels)"

    def _target(self, action: str, c, target: str) -> None:
        cls = {"talk": Talk, "restrain": Restrain, "free": Free}[action]
        self.emit(cls(self.side, c.id, target))
        self.pending = None
        self.hint = ""

    def _system(self, c, sys_id: str) -> None:
        on = next((s.on for s in self.world.state.systems if s.id == sys_id), True)
        cls = SystemOffline if on else SystemRestore
        self.emit(cls(self.side, c.id, sys_id))
        self.pending = None
        self.hint = ""

    # -- input -----------------------------------------------------------------------------
    def handle_key(self, ev) -> bool:
        if ev.key == pygame.K_n:
            self.select_next()
            return True
        action = ACTION_KEYS.get(ev.key)
        if action is None:
            return False
        self.do_action(action)
        return True

    def handle_event(self, ev, rect: pygame.Rect) -> bool:
        self.layout(rect)
        if ev.type != pygame.MOUSEBUTTONDOWN:
            return ev.type in (pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
        if ev.button == 3:
            self.pending, self.hint = None, ""
            return True
        if ev.button != 1:
            return True
        self._click(ev.pos)
        return True

    def _click(self, pos) -> None:
        for cid, (centre, r) in self.tokens.items():
            if (pos[0] - centre[0]) ** 2 + (pos[1] - centre[1]) ** 2 <= (r + 2) ** 2:
                return self._click_crew(cid)
        for cid, r in self.roster_rects.items():
            if r.collidepoint(pos):
                return self._click_crew(cid)
        for h, r in self.hatch_rects.items():
            if r.inflate(6, 6).collidepoint(pos):
                return self._click_hatch(h)
        for r, sys_id in self.badge_rects:
            if r.collidepoint(pos) and not sys_id.startswith("c2:"):
                c = self._actor()
                if c is not None:
                    self._system(c, sys_id)
                return None
        for action, r in self.button_rects.items():
            if r.collidepoint(pos):
                return self.do_action(action)
        for m, box in self.boxes.items():
            if box.collidepoint(pos):
                if self.pending:
                    self.pending, self.hint = None, ""
                c = self._actor()
                if c is not None:
                    self.emit(Move(self.side, c.id, m))
                return None
        return None

    def _click_crew(self, cid: str) -> None:
        c = self._crew(cid)
        if c is None:
            return
        if self.pending in ("talk", "restrain", "free") and self.selected and cid != self.selected:
            actor = self._crew(self.selected)
            if actor is not None:
                self._target(self.pending, actor, cid)
            return
        self.selected = cid
        self.pending = None
        if self.side is not None and c.side != self.side:
            self.hint = f"{c.name} is not yours to command ({SIDE_LABEL.get(c.side, c.side)})"
        else:
            self.hint = f"{c.name}: click a module to move, or use the keys below"

    def _click_hatch(self, h: str) -> None:
        if self.side is None:
            return self._refuse("you are watching: the AI commands both sides")
        ends = stn.HATCH_ENDS[h]
        actor = self._crew(self.selected) if self.selected else None
        if actor is None or actor.module not in ends or actor.side != self.side:
            near = [c for c in self.world.state.crew if c.side == self.side and c.module in ends
                    and not c.restrained and not c.gone]
            if near:
                actor = near[0]
                self.selected = actor.id
        if actor is None:
            return self._refuse("select one of your crew first (click a token, or N)")
        is_open = next(x.open for x in self.world.state.hatches if x.id == h)
        cls = CloseHatch if is_open else OpenHatch
        self.emit(cls(self.side, actor.id, h))
        return None

