"""The title menu: keyboard and mouse choose the set-up and start a game with it; the
optional screens are imported lazily; `iss-game play` picks title vs game by its flags."""

import pygame
import pytest
from pinned import pinned_orbit

from game.orbit.api import load_orbit
from game.session.setup import GameSetup
from game.view.app import App
from game.view.screens.title import TitleScreen, render_title_png


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _key(app, key, unicode=""):
    app.top.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=0))


def _title(orbit):
    app = App(headless=True)
    title = TitleScreen(GameSetup(orbit=orbit, orbit_label="bundled ISS"))
    app.push(title)
    title.update(1 / 60)
    title.draw(app.surface, 0.0)
    return app, title


def _goto(app, title, item):
    ids = [i for i, *_ in title.items()]
    while ids[title.sel] != item:
        _key(app, pygame.K_DOWN)


def test_keyboard_choices_start_a_game_with_that_setup(orbit):
    from game.view.screens.game_screen import GameScreen

    app, title = _title(orbit)
    _goto(app, title, "side")
    _key(app, pygame.K_RIGHT)  # USA -> Russia
    _goto(app, title, "scenario")
    _key(app, pygame.K_RIGHT)  # film -> international
    _goto(app, title, "difficulty")
    _key(app, pygame.K_LEFT)  # hard -> easy
    _goto(app, title, "seed")
    _key(app, pygame.K_BACKSPACE)
    for d in "42":
        _key(app, getattr(pygame, f"K_{d}"), d)
    _goto(app, title, "start")
    _key(app, pygame.K_RETURN)
    game = app.top
    assert isinstance(game, GameScreen)
    s = game.setup
    assert (s.us, s.ru, s.scenario, s.difficulty, s.seed) == ("ai", "human", "international",
                                                             "easy", 42)
    assert game.sim.commanding == "ru"
    assert len(game.sim.state.crew) == 9  # international: the partner crew are aboard
    assert game.sim.game.setup.seed == 42


def test_mouse_starts_a_game_and_watch_mode(orbit):
    from game.view.screens.game_screen import GameScreen

    app, title = _title(orbit)
    ids = [i for i, *_ in title.items()]
    side_row, _l, right = title.rects[ids.index("side")]
    for _ in range(3):  # USA -> Russia -> hot-seat -> watch
        title.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=right.center,
                                              button=1))
    assert (title.setup.us, title.setup.ru) == ("ai", "ai")
    start = title.rects[ids.index("start")][0]
    title.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start.center, button=1))
    assert isinstance(app.top, GameScreen) and app.top.sim.commanding is None


def test_orbit_files_cycle_and_the_orbits_and_replays_screens_open(orbit):
    from game.view.screens.orbit_panel import OrbitPanelScreen
    from game.view.screens.replay_browser import ReplayBrowserScreen

    app, title = _title(orbit)
    _goto(app, title, "orbit")
    _key(app, pygame.K_RIGHT)
    assert title.setup.orbit_label.endswith((".tle", ".txt", ".3le", ".json", ".csv"))
    for item, cls in (("orbits", OrbitPanelScreen), ("replays", ReplayBrowserScreen)):
        _goto(app, title, item)
        before = len(app.screens)
        _key(app, pygame.K_RETURN)
        assert len(app.screens) == before + 1 and isinstance(app.top, cls)
        app.pop()


def test_title_screenshot_renders_menu_and_earth(tmp_path):
    out = tmp_path / "title.png"
    render_title_png(str(out), frames=3, setup=GameSetup(pinned_orbit(), "bundled ISS"))
    a = pygame.surfarray.array3d(pygame.image.load(str(out))).astype(int)
    assert a.shape[:2] == (1280, 720)
    assert a[:600].std() > 10 and a[700:].std() > 10  # menu text left, Earth right
    assert (a[800:1100, 200:500, 2] > 80).sum() > 2000  # blue of the Earth


def test_play_flags_choose_title_or_game():
    from game.cli.main import build_parser
    from game.cli.play_cmd import wants_title

    p = build_parser()
    assert wants_title(p.parse_args(["play"]))
    assert not wants_title(p.parse_args(["play", "--us", "ai"]))
    assert not wants_title(p.parse_args(["play", "--seed", "3"]))
    assert not wants_title(p.parse_args(["play", "--scenario", "international"]))
    assert not wants_title(p.parse_args(["play", "--scenario", "film"]))  # explicit default
    assert not wants_title(p.parse_args(["play", "--camera", "free"]))
    assert not wants_title(p.parse_args(["play", "--headless", "--frames", "2"]))


def test_orbit_row_cycles_back_to_the_bundled_iss(orbit):
    app, title = _title(orbit)
    _goto(app, title, "orbit")
    n = len(title.orbit_choices())
    assert n >= 2 and title.orbit_choices()[0][0] == "bundled ISS"
    seen = []
    for _ in range(n):
        _key(app, pygame.K_RIGHT)
        seen.append(title.setup.orbit_label)
    assert seen[-1] == "bundled ISS"  # all the way round
    assert title.orbit_credit() == "orbit: real ISS element set (bundled)"
    _key(app, pygame.K_LEFT)
    assert title.setup.orbit_label == seen[-2]
    _key(app, pygame.K_RIGHT)
    assert title.setup.orbit_label == "bundled ISS"
    # the same element set the game flies by default (the newest bundled one)
    assert title.setup.orbit.line2 == load_orbit().line2


def test_values_never_run_into_the_arrow_and_the_footer_names_the_orbit(orbit, tmp_path):
    import shutil

    from game.paths import orbits_dir, user_orbits_dir

    app, title = _title(orbit)
    title.setup.scenario = "international"
    mine = user_orbits_dir()
    mine.mkdir(parents=True, exist_ok=True)
    shutil.copy(orbits_dir() / "preset-polar.tle", mine / "my-edit.tle")
    title._files = None
    _goto(app, title, "orbit")
    while title.setup.orbit_label != "my-edit.tle":
        _key(app, pygame.K_RIGHT)
    assert "your own" in title.orbit_credit()
    title.draw(app.surface, 0.0)
    ids = [i for i, *_ in title.items()]
    for (r, _l, arrow), text in zip(title.rects, title.value_rects, strict=True):
        if arrow is not None:
            assert text is not None and not text.colliderect(arrow)
            assert r.contains(text)
    assert title.value_texts[ids.index("scenario")].endswith("...")


def test_the_earth_stays_clear_of_the_menu_column(orbit):
    app, title = _title(orbit)
    for _ in range(240):  # the camera drifts and zooms as it turns
        title.update(1 / 60)
    title._backdrop.draw(app.surface, 0.0)
    a = pygame.surfarray.array3d(app.surface).astype(int)
    menu = a[:684]
    assert (menu[:, :, 2] > 60).sum() < 50  # no Earth (blue) under the menu
    assert (a[700:, 200:500, 2] > 80).sum() > 2000
