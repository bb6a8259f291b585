"""The first game's guide: a few hints as things first happen, each once, skippable.

A new player should know what an order, a pass, a restraint and an escort are before
they matter, without a tutorial to sit through. :class:`Guide` watches the events and the
commanding side's view and queues a :class:`Hint` the first time each thing comes up:

- ``welcome`` at the start (how to give an order; act 1 is routine);
- ``pass`` when the first pass over your own mission control is near (orders come only
  then: the real orbit decides who hears first);
- ``war`` at the first strike (what flashes do to stress and the white tick);
- ``order`` when your order arrives (what force allows; the other side does not know);
- ``their_order`` when the ground tells you about the other side's order;
- ``guest`` when one of theirs stands in your segment before the orders (escort, G);
- ``restraint`` at the first restraint under way (odds fixed at the start, pinned on
  failure: the panel shows the odds before you press X);
- ``capture`` at the first module changing hands (and what seizing the station takes).

One hint shows at a time (``current``); Enter dismisses it (the next queued one follows;
one left unread gives way after :data:`SHOW_S`), H turns the guide off for the game. The
texts take their numbers from the tuning table.
No pygame here; the game screen draws the card and holds the pace down while a hint is
up (:attr:`Guide.hold_warp`).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.api import station, tuning

SIDE = {"us": "USA", "ru": "Russia"}
COLOUR_WORD = {"us": "blue", "ru": "red"}
MC = {"us": "Houston", "ru": "Korolyov"}
OTHER = {"us": "ru", "ru": "us"}
SEG = {"us": "USOS", "ru": "ROS"}
PASS_SOON_S = 900  # mission seconds before your first pass: time to say what it means
READ_S = 4.0  # real seconds a fresh hint holds the pace right down ...
FRESH_WARP = 5.0
READ_WARP = 20.0  # ... and then, until dismissed, at most this
SHOW_S = 25.0  # a hint left unread gives way after this many real seconds
#: Hints about what just happened to you come before the ones about what will.
URGENT = {"order": 2, "restraint": 2, "their_order": 1, "capture": 1}


@dataclass(frozen=True)
class Hint:
    id: str
    title: str
    text: str


def _d(s: int) -> str:
    return tuning.duration(s)


class Guide:
    """Hints for a player commanding ``side`` (see the module docstring)."""

    def __init__(self, side: str, on: bool = True):
        self.side = side
        self.on = on
        self.shown: set[str] = set()
        self.queue: list[Hint] = []
        self.current: Hint | None = None
        self.fresh = 0.0  # real seconds the current hint has still to hold the pace
        self.age = 0.0  # real seconds the current hint has been up
        self._view = None  # the latest view seen (a queued hint must still be true)
        if on:
            self._add(self.hint("welcome"))

    # -- the hints -----------------------------------------------------------------------
    def hint(self, hid: str, **kw) -> Hint:
        me, foe = self.side, OTHER[self.side]
        texts = {
            "welcome": ("Your crew", f"You command {SIDE[me]}: the {COLOUR_WORD[me]} tokens. "
                        "Click one (or press N), then click a module to send them there. "
                        "Act 1 is routine: nobody may use force before their side's order. "
                        "F1 has every rule."),
            "pass": ("A pass over " + MC[me], f"The war has begun: {MC[me]} sends your order, "
                     "and it reaches the crew only while the station passes over it. Your next "
                     f"pass over {MC[me]} is near (the HUD counts it down): the real orbit "
                     "decides who hears first. Each pass after it eases your crew's stress by "
                     f"{tuning.CONTACT_CALM} and tells you what the ground knows."),
            "war": ("The war below", f"Flashes seen from the station add stress, "
                    f"x{tuning.CUPOLA_FLASH_X} in the Cupola. Over their limit (the white "
                    "tick on their bar) crew refuse to use force; talk and passes calm them."),
            "order": ("Your order", "Take the station by any means necessary. Your crew may "
                      f"now restrain (X), seal hatches and cut systems. {SIDE[foe]} does not "
                      f"know: they learn of it when you use force, or from {MC[foe]} at a "
                      "pass after their own order has come."),
            "their_order": ("The ground's intelligence", kw.get("text", "")),
            "guest": ("A guest in your segment", f"{kw.get('name', 'One of theirs')} is in "
                      f"your segment before the orders. Escort (G) shows them back in "
                      f"{_d(tuning.ESCORT_S)} if you are as many there; they may not come back "
                      f"for {_d(tuning.ESCORT_BAR_S)}."),
            "restraint": ("A restraint", f"It takes {_d(tuning.RESTRAIN_S)}, the two locked "
                          "together. The odds were fixed when it began: attackers against "
                          "defenders in the module (home defence counts one more). A failed "
                          f"attacker is pinned {_d(tuning.PIN_S)}. Before you press X the "
                          "panel shows the odds."),
            "capture": ("Modules change hands", f"One side alone in a module for "
                        f"{_d(tuning.CAPTURE_S)} takes it, once it may use force. Hold Destiny "
                        f"and Zvezda for {_d(tuning.SEIZE_S)} with no free enemy inside: the "
                        "station is yours."),
        }
        title, text = texts[hid]
        return Hint(hid, title, text)

    def _add(self, h: Hint) -> None:
        if not self.on or h.id in self.shown:
            return
        self.shown.add(h.id)
        if self.current is None:
            self.current, self.fresh, self.age = h, READ_S, 0.0
        elif URGENT.get(h.id, 0) > URGENT.get(self.current.id, 0):
            self.current, self.fresh, self.age = h, READ_S, 0.0  # what just happened first
        else:
            self.queue.append(h)

    def still_true(self, h: Hint) -> bool:
        """Is a queued hint still about what is on screen (the view it last saw)?"""
        v = self._view
        if v is None:
            return True
        me, foe = self.side, OTHER[self.side]
        if h.id == "pass":
            return v.orders.get(me, -1) < 0
        if h.id == "guest":
            return not v.may_act.get(foe, False) and any(
                c.side == foe and not c.gone and station.SEGMENT.get(c.module) == SEG[me]
                for c in v.crew)
        return True

    # -- what happens --------------------------------------------------------------------
    def note(self, events, view) -> None:
        """Events the side can see, and the view after them: queue what is new."""
        if not self.on:
            return
        me = self.side
        self._view = view
        for ev in events:
            k = ev.kind
            if k in ("flash", "glow", "strike"):
                self._add(self.hint("war"))
            elif k == "order_received" and ev.data.get("side") == me:
                self._add(self.hint("order"))
            elif k == "intel" and ev.data.get("side") == me:
                self._add(self.hint("their_order", text=ev.text))
            elif k == "restrain_started":
                self._add(self.hint("restraint"))
            elif k == "captured":
                self._add(self.hint("capture"))
        self.look(view)

    def look(self, view) -> None:
        """What the view shows now: a pass coming, a guest in your segment."""
        if not self.on:
            return
        me, foe = self.side, OTHER[self.side]
        nc = view.next_contact.get(me, -1)
        if view.war_begun and view.orders.get(me, -1) < 0 and \
                0 <= nc - view.tick <= PASS_SOON_S:
            self._add(self.hint("pass"))
        self._view = view
        if not view.may_act.get(foe, False) and "guest" not in self.shown:
            for c in view.crew:  # staying (not on their way out) in your segment
                if c.side == foe and not c.gone and not c.restrained and c.task != "move" \
                        and station.SEGMENT.get(c.module) == SEG[me]:
                    self._add(self.hint("guest", name=c.name))
                    break

    def update(self, dt: float) -> None:
        if self.fresh > 0:
            self.fresh = max(0.0, self.fresh - dt)
        if self.current is not None:
            self.age += dt
            if self.age >= SHOW_S:  # left unread: it gives way to the next
                self.dismiss()

    @property
    def hold_warp(self) -> float:
        """A warp cap while a hint is up (0: none): the readable floor while it is fresh,
        :data:`READ_WARP` until it is dismissed (nothing races by unread)."""
        if self.current is None:
            return 0.0
        return FRESH_WARP if self.fresh > 0 else READ_WARP

    def dismiss(self) -> None:
        """Enter: the current hint is read; the next queued one still true follows."""
        self.current = None
        while self.queue and self.current is None:
            h = self.queue.pop(0)
            self.current = h if self.still_true(h) else None
        self.fresh = READ_S if self.current is not None else 0.0
        self.age = 0.0

    def turn_off(self) -> None:
        """H: no more hints this game."""
        self.on = False
        self.current, self.queue, self.fresh, self.age = None, [], 0.0, 0.0

    def toggle(self) -> bool:
        if self.on:
            self.turn_off()
        else:
            self.on = True
        return self.on
