"""The game's overlays and HUD placement: Esc opens a pause menu (it never drops straight
to the title), the clock stands still under it; PAUSED is shown when paused; refusal
toasts stay inside the 3D view clear of the station inset; help dims everything below;
the Cupola camera hides the inset; the end summary explains evacuations."""

import numpy as np
import pygame
import pytest
from pinned import pinned_orbit

from game.session.setup import GameSetup
from game.view.app import STEP_S, App
from game.view.screens.end_screen import EndScreen
from game.view.screens.game_screen import GameScreen
from game.view.screens.help import GameHelpScreen
from game.view.screens.pause_menu import PauseMenu


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _start(orbit, **kw):
    base = dict(orbit=orbit, orbit_label="test", seed=3, us="human", ru="ai")
    base.update(kw)
    app = App(headless=True)
    screen = GameScreen(GameSetup(**base), record=False)
    app.push(screen)
    app.run(frames=3)
    return app, screen


def _key(app, key, unicode=""):
    app.top.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=0))


def test_esc_opens_the_pause_menu_and_does_not_leave(orbit):
    app, screen = _start(orbit)
    _key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseMenu) and screen in app.screens and app.running
    t0, tick0 = screen.t, screen.sim.game.tick
    app.run(frames=120)  # two real seconds at 30x: a minute of mission time, if it ran
    assert screen.t == t0 and screen.sim.game.tick == tick0
    app._draw(0.0)
    _key(app, pygame.K_ESCAPE)  # Esc again: resume
    assert app.top is screen and not screen.paused
    app.run(frames=60)
    assert screen.t > t0


def test_pause_menu_leaves_to_the_title_or_quits(orbit):
    from game.view.screens.title import TitleScreen

    app, screen = _start(orbit)
    _key(app, pygame.K_ESCAPE)
    _key(app, pygame.K_DOWN)
    _key(app, pygame.K_RETURN)  # "Leave to title menu"
    assert isinstance(app.top, TitleScreen) and screen not in app.screens and app.running

    app, screen = _start(orbit)
    _key(app, pygame.K_ESCAPE)
    _key(app, pygame.K_q)
    assert not app.running


def test_paused_is_shown_and_the_orbit_panel_does_not_leave_it_paused(orbit):
    app, screen = _start(orbit)
    app._draw(0.0)
    before = pygame.surfarray.array3d(app.surface).astype(int)
    _key(app, pygame.K_SPACE)
    assert screen.paused
    app._draw(0.0)
    after = pygame.surfarray.array3d(app.surface).astype(int)
    cx, cy = screen.game_hud.paused_rect.center
    assert not screen.game_hud.paused_rect.colliderect(screen.game_hud.box)
    # the banner's amber-white "PAUSED" in the middle of the view
    diff = np.abs(after[cx - 80:cx + 80, cy - 40:cy + 40] - before[cx - 80:cx + 80,
                                                                   cy - 40:cy + 40])
    assert diff.sum(axis=2).max() > 150
    _key(app, pygame.K_SPACE)
    assert not screen.paused
    pytest.importorskip("game.view.screens.orbit_panel")
    _key(app, pygame.K_o)
    assert app.top is not screen
    app.pop()  # back from the orbit panel: the game runs on
    assert app.top is screen and not screen.paused


def test_refusal_toasts_stay_inside_the_view_and_off_the_inset(orbit):
    app, screen = _start(orbit)
    long = ("routine: no order from the ground yet; Gordon Barrett will not close before "
            "the order arrives or the Russian crew attack")
    for _ in range(3):
        screen.sim.refusals.append((long, 5.0))
    for mode in (pygame.K_1, pygame.K_3):
        _key(app, mode)
        app._draw(0.0)
        area, placed = screen.layout(app.surface)
        rects = screen.game_hud.toast_rects
        assert rects, "the toasts are drawn"
        inset = screen.inset_rect(area)
        for r in rects:
            assert area.contains(r)
            assert not any(r.colliderect(pr) for _p, pr in placed)  # not on the panel
            assert inset is None or not r.colliderect(inset)
            assert not r.colliderect(screen.game_hud.box)


def test_cupola_hides_the_station_inset(orbit):
    app, screen = _start(orbit)
    assert screen.view_state().show_model_inset
    _key(app, pygame.K_3)
    assert not screen.view_state().show_model_inset
    assert screen.inset_rect(app.surface.get_rect()) is None
    _key(app, pygame.K_1)
    assert screen.view_state().show_model_inset


def test_help_dims_everything_below(orbit):
    app, screen = _start(orbit)
    app._draw(0.0)
    utc = pygame.surfarray.array3d(app.surface)[20:260, 12:38].max()
    assert utc > 230  # the white UTC line
    app.push(GameHelpScreen())
    app._draw(0.0)
    # whatever of the UTC line shows above or through the help box is dimmed
    top = app.top.box.top
    assert pygame.surfarray.array3d(app.surface)[20:260, 0:top].max() < 160
    from game.view import keymap

    assert any("pause menu" in what for _g, rows in keymap.help_rows(("Game",))
               for k, what in rows if k == "Esc")


def test_end_summary_explains_evacuation_and_lines_up_the_crew(orbit):
    app, screen = _start(orbit, us="ai", ru="ai", seed=1)
    screen.sim.advance(200_000)
    for _ in range(int(2.0 / STEP_S)):
        screen.update(STEP_S)
    end = app.top
    assert isinstance(end, EndScreen)
    end.summary = dict(end.summary, ending="evacuation_us",
                       text="The US crew left in the Crew Dragon; the Russian crew hold the "
                            "station")
    text = " ".join(t for t, _c in end.lines())
    assert "side that stays aboard holds the station" in text
    assert "Modules held at the end" in text
    rows = end.crew_rows()
    assert len(rows) == 6 and all(len(cells) == 4 for cells, _c in rows)
    assert len(set(EndScreen.CREW_COLS)) == 4 and list(EndScreen.CREW_COLS) == sorted(
        EndScreen.CREW_COLS)
    end.draw(app.surface, 0.0)
    assert "Not recorded" in end.record_line()


def test_legend_contested_is_not_the_closed_hatch_amber():
    from game.session.palette import PALETTE

    hatch_closed = (255, 182, 40)  # game.view.panels.schematic draws closed hatches in this
    assert PALETTE["contested"] != hatch_closed
    assert sum(abs(a - b) for a, b in zip(PALETTE["contested"], hatch_closed,
                                          strict=True)) > 150
    for side in ("us", "ru", "neutral"):
        assert PALETTE["contested"] != PALETTE[side]
