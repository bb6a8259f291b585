"""The end of a game: the ending and who won, how long, what happened (the moments that
decided it, the numbers), the crew's fates; new game (same choices, next seed), title
menu or quit.

It takes no key or click for its first :data:`READY_S` (a key meant for the game, such as
Space, must not start another), and Space is never one of its keys."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pygame

from game.session.palette import PALETTE
from game.session.wording import ENDING_TITLES, SIDE_LABEL, fmt_duration
from game.view.screens.choice import ChoiceScreen
from game.view.screens.pause_menu import leave_to_title
from game.view.widgets import dim_below, ellipsize, font, wrap

READY_S = 1.0  # real seconds before the summary takes a key
#: Log lines that tell the story of a game, for "what happened".
MOMENT_KINDS = ("order_received", "act", "captured", "restrained", "restrain_failed",
                "seize_started", "seize_broken", "truce_started", "truce_broken",
                "station_silenced", "left", "oxygen_off", "power_low", "debris_warning",
                "escorted", "joined", "intrusion", "hatch_forced", "system_offline")

if TYPE_CHECKING:
    from game.view.screens.game_screen import GameScreen


class EndScreen(ChoiceScreen):
    """The summary: the ending in words, how long, what happened; new game/title/quit."""

    overlay = True

    def __init__(self, game_screen: GameScreen):
        super().__init__()
        self.gs = game_screen
        self.summary = game_screen.sim.summary or game_screen.sim.game.summary()
        self.f_huge = font(44)
        self.f_big = font(26)
        self.f = font(20)
        self.f_small = font(17)
        self.items = [("new", "New game (same choices, next seed)  [N]"),
                      ("title", "Title menu  [T]"), ("quit", "Quit  [Q]")]
        self.sel = 0
        self.item_rects: list[pygame.Rect] = []
        self.shown_s = 0.0

    @property
    def ready(self) -> bool:
        """Takes keys and clicks only after a moment (see the module docstring)."""
        return self.shown_s >= READY_S

    def update(self, dt: float) -> None:
        self.shown_s += dt

    def handle_event(self, ev) -> bool:
        if ev.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and not self.ready:
            if ev.type == pygame.KEYDOWN and ev.key == pygame.K_F11:
                return False
            return True  # swallowed: the summary is being read
        return super().handle_event(ev)

    def choose(self, what: str) -> None:
        app = self.app
        if what == "quit":
            app.quit()
            return
        app.pop()  # this summary
        if what == "new":
            from game.view.screens.game_screen import GameScreen

            setup = dataclasses.replace(self.gs.setup, seed=self.gs.setup.seed + 1)
            app.replace(GameScreen(setup, camera=self.gs.rig.mode, sound=self.gs.sound,
                                   record=self.gs.record))
        else:
            leave_to_title(app, self.gs.setup)

    HOTKEYS = {pygame.K_n: "new", pygame.K_t: "title", pygame.K_q: "quit",
               pygame.K_ESCAPE: "title"}
    ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)  # never Space: it is the game's pause

    def choice_ids(self) -> list[str]:
        return [item[0] for item in self.items]

    def lines(self) -> list[tuple[str, tuple]]:
        """The summary above the crew table, as (text, colour) rows."""
        s = self.summary
        st = s.get("stats", {})
        held = s.get("modules_held", {})
        cm = s.get("control_modules", {})
        grey = (190, 200, 220)
        win = s.get("winner")
        winner = f"Winner: {SIDE_LABEL.get(win, win).upper()}" if win else \
            "No winner: nobody took the station"
        who = getattr(self.gs.sim, "who_plays", lambda: "")()
        out = [(f"{winner}   -   {who}" if who else winner,
                PALETTE.get(win, (255, 236, 170)) if win else (255, 236, 170)),
               (s.get("text", ""), (230, 236, 248))]
        if str(s.get("ending", "")).startswith("evacuation"):
            out.append(("After an evacuation the side that stays aboard holds the station, "
                        "whichever modules the other side held when it left.", (255, 226, 160)))
        out += [(f"Mission time {s.get('mission_time', '')} ({s.get('ticks', 0)} ticks, one a "
                 f"mission second); act {s.get('act', 1)}", grey),
                (f"Modules held at the end: US {held.get('us', 0)}, Russia {held.get('ru', 0)}"
                 f" (command: Destiny {SIDE_LABEL.get(cm.get('destiny', ''), '?')}, Zvezda "
                 f"{SIDE_LABEL.get(cm.get('zvezda', ''), '?')})", grey),
                (f"Trust {s.get('trust', 0)}; oxygen reserve "
                 f"{fmt_duration(s.get('oxygen_reserve_s', 0))}; strikes {s.get('strikes', 0)}, "
                 f"flashes seen {st.get('flashes_witnessed', 0)}", grey),
                (f"Restraints that held {st.get('restraints', 0)}, failed "
                 f"{st.get('restrain_failed', 0)},"
                 f" talks {st.get('talks', 0)}, captures {st.get('captures', 0)}, systems cut "
                 f"{st.get('systems_cut', 0)}, hatches sealed {st.get('hatches_closed', 0)}"
                 f", guests shown out {st.get('escorts', 0)}, refusals over stress "
                 f"{st.get('stress_refusals', 0)}", grey),
                (self.orders_line(), grey)]
        return out

    def orders_line(self) -> str:
        """Who heard first: both orders, now that neither is a secret."""
        orders = self.summary.get("orders", {})
        got = sorted((t, side) for side, t in orders.items() if t is not None and t >= 0)
        if not got:
            return "Orders: neither side's order ever arrived"
        parts = [f"{SIDE_LABEL.get(side, side)} at T+{fmt_duration(t, hours=True)}"
                 for t, side in got]
        missing = [SIDE_LABEL.get(x, x) for x in ("us", "ru") if orders.get(x, -1) < 0]
        tail = f"; {', '.join(missing)} never got one" if missing else ""
        return "Orders: " + " then ".join(parts) + tail

    def moments(self, limit: int = 7) -> list[tuple[str, str, tuple]]:
        """What happened: (time, text, colour) of the log lines that tell the story, the
        latest ``limit`` of them (everyone's: the secrets are out)."""
        log = getattr(self.gs.sim, "log", None)
        if log is None:
            return []
        rows = [(fmt_duration(ln.tick, hours=True), ln.text, ln.colour) for ln in log.lines
                if ln.kind in MOMENT_KINDS]
        return rows[-limit:]

    def crew_rows(self) -> list[tuple[tuple[str, str, str, str], tuple]]:
        """The crew table: (name, where, stress, fate) and the side's colour."""
        from game.sim.api import station as stn

        rows = []
        for c in self.summary.get("crew", []):
            fate = "left the station" if c["gone"] else "restrained" if c["restrained"] else \
                "free"
            where = "-" if c["gone"] else stn.MODULE_NAME.get(c["module"], c["module"])
            rows.append(((c["name"], where, str(c["stress"]), fate),
                         PALETTE.get(c["side"], PALETTE["neutral"])))
        return rows

    def record_line(self) -> str:
        return self.gs.sim.record_line()

    #: x offsets of the crew table's columns inside the box: name, where, stress, fate
    CREW_COLS = (24, 210, 380, 450)

    def draw(self, surface, alpha) -> None:
        rect = surface.get_rect()
        dim_below(surface, 140)
        box = pygame.Rect(0, 0, min(rect.width - 20, 900), min(rect.height - 20, 680))
        box.center = rect.center
        pygame.draw.rect(surface, (8, 12, 26), box, border_radius=8)
        pygame.draw.rect(surface, (90, 110, 160), box, 1, border_radius=8)
        ending = self.summary.get("ending", "")
        title = ENDING_TITLES.get(ending, ending)
        surface.blit(self.f_huge.render(title, True, (255, 236, 170)), (box.left + 24,
                                                                        box.top + 20))
        surface.blit(self.f.render(f"ending: {ending}", True, (150, 160, 180)),
                     (box.left + 26, box.top + 58))
        y = box.top + 86
        width = box.width - 48
        for text, col in self.lines():
            for part in wrap(self.f, text, width):
                surface.blit(self.f.render(part, True, col), (box.left + 24, y))
                y += 21
        moments = self.moments()
        if moments:
            y += 4
            surface.blit(self.f.render("What happened", True, (150, 200, 255)),
                         (box.left + 24, y))
            y += 21
            for when, text, col in moments:
                surface.blit(self.f_small.render(when, True, (130, 140, 165)),
                             (box.left + 24, y + 1))
                for part in wrap(self.f_small, text, width - 70):
                    surface.blit(self.f_small.render(part, True, col), (box.left + 94, y))
                    y += 17
        y += 6
        for i, head in enumerate(("crew", "where", "stress", "at the end")):
            surface.blit(self.f.render(head, True, (130, 140, 165)),
                         (box.left + self.CREW_COLS[i], y))
        y += 21
        for cells, col in self.crew_rows():
            for i, cell in enumerate(cells):
                room = (self.CREW_COLS[i + 1] - self.CREW_COLS[i] - 10 if i + 1 <
                        len(self.CREW_COLS) else box.width - self.CREW_COLS[i] - 24)
                surface.blit(self.f.render(ellipsize(self.f, cell, room), True, col),
                             (box.left + self.CREW_COLS[i], y))
            y += 20
        y += 6
        for part in wrap(self.f, self.record_line(), width):
            surface.blit(self.f.render(part, True, (150, 160, 180)), (box.left + 24, y))
            y += 20
        self.item_rects = []
        y = max(y + 10, box.bottom - 40 * len(self.items) - 8)
        for i, (_k, label) in enumerate(self.items):
            r = pygame.Rect(box.left + 24, y, 420, 32)
            self.item_rects.append(r)
            on = i == self.sel
            pygame.draw.rect(surface, (50, 66, 110) if on else (20, 26, 44), r, border_radius=5)
            surface.blit(self.f_big.render(label, True, (255, 255, 255) if on else
                                           (200, 210, 230)), (r.left + 12, r.top + 5))
            y += 40
        if not self.ready:
            wait = self.f.render("(a moment: read the summary)", True, (150, 160, 180))
            surface.blit(wait, (box.left + 460, self.item_rects[0].top + 8))
