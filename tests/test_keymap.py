"""One keymap (game.view.keymap) drives the keys and the help: every key of every binding
reaches its handler on the screens it names, and the help lists every binding."""

import pygame
import pytest
from pinned import pinned_orbit
from test_replay_helpers import record_game

from game.replay.api import ReplayPlayer, read_replay
from game.session.setup import GameSetup
from game.view import keymap
from game.view.app import App
from game.view.screens.game_screen import GameScreen
from game.view.screens.help import HelpScreen
from game.view.screens.replay_screen import ReplayScreen
from game.view.screens.title import TitleScreen


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _ev(key, b):
    mod = pygame.KMOD_LSHIFT if b.shift else 0
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="")


def _game(orbit):
    app = App(headless=True)
    screen = GameScreen(GameSetup(orbit=orbit, orbit_label="t", seed=3, hints=True),
                        record=False)
    app.push(screen)
    screen.draw(app.surface, 0.0)
    return app, screen


@pytest.fixture(scope="module")
def replay(tmp_path_factory):
    return read_replay(record_game(tmp_path_factory.mktemp("k") / "k.jsonl", seed=3))


_SCREENS: dict = {}


def _screen_for(where, orbit, replay):
    """One screen of each kind for the whole module (dispatch does not depend on what
    the earlier keys did to it)."""
    if where in _SCREENS:
        return _SCREENS[where]
    app = App(headless=True)
    if where == "title":
        s = TitleScreen(GameSetup(orbit=orbit, orbit_label="bundled ISS", seed=5))
    elif where == "replay":
        s = ReplayScreen(ReplayPlayer(replay))
    else:
        s = GameScreen(GameSetup(orbit=orbit, orbit_label="t", seed=3, hints=True),
                       record=False)
    app.push(s)
    s.draw(app.surface, 0.0)
    _SCREENS[where] = app, s
    return app, s


KEYED = [(b, k) for b in keymap.KEYMAP for k in b.keys if "app" not in b.screens]


@pytest.mark.parametrize("b,key", KEYED, ids=[f"{b.action}-{pygame.key.name(k) or k}"
                                              for b, k in KEYED])
def test_every_key_dispatches_to_its_action(orbit, replay, b, key):
    where = "title" if "title" in b.screens else "replay" if "replay" in b.screens else "game"
    app, screen = _screen_for(where, orbit, replay)
    assert hasattr(screen, "act_" + b.action), f"{type(screen).__name__} has no act_{b.action}"
    screen.last_action = ""
    screen.handle_event(_ev(key, b))
    assert screen.last_action == b.action


def test_a_typed_question_mark_opens_the_help(orbit):
    app, screen = _game(orbit)
    screen.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SLASH, mod=1,
                                           unicode="?"))
    assert isinstance(app.top, HelpScreen)


def test_the_window_keys_are_the_apps(orbit):
    app, _screen = _game(orbit)
    for b in keymap.KEYMAP:
        if "app" in b.screens:
            for k in b.keys:
                assert app._global_event(_ev(k, b))


def test_the_game_keys_do_what_they_say(orbit):
    app, screen = _game(orbit)
    f = screen.pacer.factor
    screen.handle_event(_ev(pygame.K_RIGHTBRACKET, keymap.KEYMAP[0]))
    assert screen.pacer.factor == 2 * f
    screen.handle_event(_ev(pygame.K_SPACE, keymap.KEYMAP[0]))
    assert screen.paused
    assert screen.guide.current is not None  # the welcome hint
    screen.handle_event(_ev(pygame.K_RETURN, keymap.KEYMAP[0]))
    assert screen.guide.current is None
    screen.handle_event(_ev(pygame.K_h, keymap.KEYMAP[0]))
    assert not screen.guide.on
    before = screen.panel.selected
    screen.handle_event(_ev(pygame.K_n, keymap.KEYMAP[0]))
    assert screen.panel.selected != before


def test_no_two_bindings_share_a_key_on_one_screen():
    for where in ("game", "play", "replay", "title"):
        seen = {}
        for b in keymap.KEYMAP:
            if where not in b.screens and not (where == "game" and "play" in b.screens):
                continue
            for k in b.keys:
                key = (k, b.shift)
                assert key not in seen or (b.shift is None) != (seen[key] is None), \
                    f"{pygame.key.name(k)} is both {seen.get(key)} and {b.action} on {where}"
                seen[key] = b.action


def test_the_help_lists_every_binding(orbit):
    app = App(headless=True)
    groups = keymap.GROUPS
    h = HelpScreen(groups=groups)
    app.push(h)
    h.draw(app.surface, 0.0)
    drawn = " ".join(h.drawn)
    for b in keymap.KEYMAP:
        assert b.label in h.drawn, b.label
        assert b.what.split()[0] in drawn and b.what.split()[-1] in drawn, b.what
    rows = dict(keymap.help_rows())
    assert sum(len(r) for r in rows.values()) == len(keymap.KEYMAP)


def test_the_replay_bar_hint_is_the_keymaps():
    from game.view.panels.timeline_bar import KEY_HINTS

    for b in keymap.KEYMAP:
        if b.hint:
            assert b.hint in KEY_HINTS
