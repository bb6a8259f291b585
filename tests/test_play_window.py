"""A short human game played through the window's own event loop (SDL's dummy driver):
the title menu (seed typed), select, move, a restraint with its odds shown before it is
given, pause, the crew leaving in the Dragon, and the end screen. Every input is a posted
pygame event that ``App.run`` reads like a player's."""

import pygame
import pytest
from pinned import pinned_orbit

from game.session.setup import GameSetup
from game.view.app import App
from game.view.screens.end_screen import EndScreen
from game.view.screens.game_screen import GameScreen
from game.view.screens.title import TitleScreen


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


class Player:
    """Posts events as a player's hands would and lets the window run."""

    def __init__(self, app):
        self.app = app

    def key(self, key, unicode="", frames=1):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0))
        self.app.run(frames=frames)

    def click(self, pos, frames=1):
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.app.run(frames=frames)

    def hover(self, pos, frames=1):
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 0),
                                             buttons=(0, 0, 0)))
        self.app.run(frames=frames)

    def wait(self, until, limit_frames=6000, chunk=20):
        n = 0
        while not until() and n < limit_frames:
            self.app.run(frames=chunk)
            n += chunk
        assert until(), f"waited {n} frames"


@pytest.mark.slow
def test_a_short_human_game_through_the_window(orbit):
    app = App(headless=True, size=(1024, 640))
    app.push(TitleScreen(GameSetup(orbit=orbit, orbit_label="t", seed=424242, hints=True)))
    app.run(frames=2)
    you = Player(app)
    title = app.top
    # the seed: down to its row, cleared, typed
    rows = [item for item, _l, _v in title.items()]
    for _ in range(rows.index("seed")):
        you.key(pygame.K_DOWN)
    for _ in range(7):
        you.key(pygame.K_BACKSPACE)
    you.key(pygame.K_8, "8")
    assert title.setup.seed == 8
    for _ in range(rows.index("seed")):
        you.key(pygame.K_UP)
    you.key(pygame.K_RETURN, frames=2)
    game = app.top
    assert isinstance(game, GameScreen) and game.setup.seed == 8
    assert game.guide.current is not None  # the first game's welcome
    you.key(pygame.K_h)  # no more hints
    you.key(pygame.K_t)  # no ground track, no inset: a lighter frame for the long waits
    you.key(pygame.K_m)
    you.key(pygame.K_EQUALS)
    you.key(pygame.K_EQUALS)  # the pace x4: the hours before the order go by fast
    assert game.pacer.factor == 4.0
    sim, p = game.sim, game.panel

    def pos(cid):
        return p.token_centre(cid)

    def free_spot(mid):
        box = p.boxes[mid]
        return (box.right - 3, box.top + 4)

    # the order, and the fifteen minutes after the Russians showed guests out
    you.wait(lambda: sim.game.tick >= 1060)
    assert sim.state.may_act["us"]
    # select, move
    for cid in ("christian", "kira"):
        you.click(pos(cid))
        assert p.selected == cid
        you.click(free_spot("zarya"))
    you.key(pygame.K_MINUS)
    you.key(pygame.K_MINUS)  # back to x1 to watch them arrive
    you.wait(lambda: all(sim.state.crew_by_id(c).module == "zarya"
                         for c in ("christian", "kira")))
    you.key(pygame.K_SPACE)  # pause to think: orders can be given on a paused clock
    assert game.paused
    # the restraint, telegraphed before it is given
    you.click(pos("christian"))
    you.hover(pos("nicholai"), frames=2)
    shown = [t for k, t, ok in p.telegraph_lines if k == "X"]
    assert shown and "Restrain Nicholai Pulov:" in shown[0] and "%" in shown[0]
    assert "on failure Christian is pinned" in shown[0]
    drawn = [r for what, r in p.text_rects if what == "telegraph"]
    assert drawn, "the telegraph is on screen"
    tick = sim.game.tick
    you.key(pygame.K_x, "x", frames=5)
    assert sim.game.tick == tick  # paused: nothing moved
    fight = sim.state.fights
    assert fight and fight[0].attacker == "christian" and fight[0].target == "nicholai"
    assert any("RESTRAINT in Zarya" in t for t, _c, _f in game.game_hud.lines(sim))
    you.key(pygame.K_SPACE)
    assert not game.paused
    # the fight takes readable real time
    frames = 0
    while sim.state.fights and frames < 2000:
        app.run(frames=10)
        frames += 10
    assert frames / 60 >= 3.0
    # leave: everyone free to the Dragon (L), then undock from inside it (L)
    you.key(pygame.K_EQUALS)
    you.key(pygame.K_EQUALS)

    def us_free():
        return [c for c in sim.state.crew if c.side == "us" and c.free]

    def aboard():
        return all(c.module == "dragon" for c in us_free())

    for _round in range(30):
        if aboard() or sim.ended:
            break
        for c in us_free():
            if c.module != "dragon" and c.task != "move":
                you.click(p.roster_rects[c.id].center)
                you.key(pygame.K_l, "l")
        app.run(frames=60)
    assert aboard()
    you.click(p.roster_rects[us_free()[0].id].center)
    you.key(pygame.K_l, "l")
    you.wait(lambda: isinstance(app.top, EndScreen), limit_frames=4000)
    end = app.top
    assert sim.game.ending == "evacuation_us"
    text = " ".join(t for t, _c in end.lines())
    assert "Winner: RUSSIA" in text and "Orders: USA at T+0:16:03" in text
    you.key(pygame.K_SPACE)
    assert app.top is end  # Space never starts a game
    app.run(frames=70)
    you.key(pygame.K_t, "t", frames=2)
    assert isinstance(app.top, TitleScreen)
