"""An unusable or full user folder never crashes a screen: each shows one clear line.

Driven through the screen classes (SDL's dummy driver): the title's Orbit row, Orbits...
and its Save as, Replays..., a game that cannot record (HUD, log, end screen, stderr),
a disk that fills up mid-game, and the old-element-set warning in the window.
"""

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from pinned import pinned_orbit

from game.session.setup import GameSetup
from game.session.world import SimWorld
from game.view.app import STEP_S, App

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def home_under_a_file(tmp_path, monkeypatch):
    """ISS_GAME_HOME below a plain file: no folder can ever be made there (as a
    read-only disk, for any user, root included)."""
    f = tmp_path / "file"
    f.write_text("x")
    monkeypatch.setenv("ISS_GAME_HOME", str(f / "home"))
    return f / "home"


@pytest.fixture
def app():
    a = App(headless=True)
    yield a
    while a.screens:
        a.pop()


def _setup(**kw):
    base = dict(orbit=pinned_orbit(), orbit_label="bundled ISS", seed=3, us="ai", ru="ai")
    base.update(kw)
    return GameSetup(**base)


def _key(app, key, unicode=""):
    app.top.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=0))


def _goto(app, title, item):
    ids = [i for i, *_ in title.items()]
    while ids[title.sel] != item:
        _key(app, pygame.K_DOWN)


def test_the_title_menu_works_with_an_unusable_home(app, home_under_a_file):
    from game.view.screens.orbit_panel import OrbitPanelScreen
    from game.view.screens.replay_browser import ReplayBrowserScreen
    from game.view.screens.title import TitleScreen

    title = TitleScreen(_setup())
    app.push(title)
    app.run(frames=2)
    _goto(app, title, "orbit")
    _key(app, pygame.K_RIGHT)  # the Orbit row lists the bundled files
    assert title.setup.orbit_label.endswith(".tle") and not title.message_bad
    assert "your own" not in title.orbit_credit()
    for item, cls in (("orbits", OrbitPanelScreen), ("replays", ReplayBrowserScreen)):
        _goto(app, title, item)
        _key(app, pygame.K_RETURN)
        assert isinstance(app.top, cls)
        app.run(frames=2)  # drawn, no exception
        app.pop()


def test_save_as_into_an_unusable_home_says_why_and_keeps_the_panel(app, home_under_a_file):
    from game.view.screens.orbit_panel import OrbitPanelScreen

    panel = OrbitPanelScreen(app, _setup())
    app.push(panel)
    panel._on_save("my orbit")  # noqa: SLF001 - what the Save button calls
    text, _colour = panel.message
    assert panel.message_at == "save" and "\n" not in text
    assert text.startswith("save as: ") and "part of the path is a file" in text
    assert "ISS_GAME_HOME" in text
    app.run(frames=2)
    assert app.top is panel and "save" in panel.message_rects  # drawn by the save field


def test_a_full_disk_on_save_as_says_so_and_leaves_no_file(app, tmp_path, monkeypatch):
    """Save as onto a full disk: /dev/full refuses every byte, as a full disk does."""
    from game.view.screens.orbit_panel import OrbitPanelScreen

    monkeypatch.setenv("ISS_GAME_HOME", str(tmp_path / "home"))
    panel = OrbitPanelScreen(app, _setup())
    app.push(panel)
    orbits = tmp_path / "home" / "orbits"
    orbits.mkdir(parents=True)
    os.symlink("/dev/full", orbits / "full.tle.tmp")  # the temporary file is the full disk
    panel._on_save("full")  # noqa: SLF001
    text, _colour = panel.message
    assert "cannot write (No space left on device); nothing was saved" in text
    assert not (orbits / "full.tle").exists()


def test_a_game_that_cannot_record_says_so_everywhere(app, home_under_a_file, capfd):
    from game.view.screens.end_screen import EndScreen
    from game.view.screens.game_screen import GameScreen

    screen = GameScreen(_setup(), record=True)
    app.push(screen)
    app.run(frames=3)
    sim = screen.sim
    assert sim.recorder is None and sim.record_error.startswith("Not recording: ")
    assert "part of the path is a file" in sim.record_error
    hud = [t for t, _c, _f in screen.game_hud.lines(sim)]
    assert any(t.startswith("NOT RECORDING: cannot make the folder for your files") for t in hud)
    assert any(ln.text == sim.record_error for ln in sim.log.lines)
    err = capfd.readouterr().err
    assert err.count("Not recording") == 1 and err.count("\n") == 1
    sim.advance(300_000)  # to the end
    for _ in range(int(2.0 / STEP_S)):
        screen.update(STEP_S)
    end = app.top
    assert isinstance(end, EndScreen)
    assert end.record_line() == sim.record_error  # not "headless games are not saved"
    end.draw(app.surface, 0.0)


def test_a_full_disk_at_the_header_is_said_not_claimed(monkeypatch):
    from game.session import world

    monkeypatch.setattr(world, "auto_replay_path", lambda setup: Path("/dev/full"))
    sim = SimWorld(_setup(), record=True)
    assert sim.recorder is None
    assert "cannot write replay (No space left on device)" in sim.record_error
    assert sim.warnings[-1] == "NOT RECORDING: cannot write replay (No space left on device)"
    sim.advance(300_000)
    assert sim.ended and sim.record_line() == sim.record_error


_FULL_MID_GAME = r"""
import os, resource, sys
os.environ["SDL_VIDEODRIVER"] = "dummy"
sys.path.insert(0, "tests")
from pinned import pinned_orbit
from game.session.setup import GameSetup
from game.view.app import App, STEP_S
from game.view.screens.game_screen import GameScreen
app = App(headless=True)
screen = GameScreen(GameSetup(orbit=pinned_orbit(), orbit_label="x", seed=3, us="ai",
                              ru="ai"), record=True)
app.push(screen)
sim = screen.sim
path = sim.record_path
size = os.path.getsize(path)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 1500, hard))  # the disk fills up now
for _ in range(4):
    sim.advance(3000)
assert sim.recorder is not None and sim.recorder.error, "the recorder should have stopped"
hud = [t for t, _c, _f in screen.game_hud.lines(sim)]
print("HUD:", [t for t in hud if t.startswith("NOT RECORDING")][0])
sim.advance(300_000)
for _ in range(int(2.0 / STEP_S)):
    screen.update(STEP_S)
print("END:", app.top.record_line())
print("SIZE:", os.path.getsize(path), size + 1500)
"""


def test_a_disk_that_fills_up_mid_game_is_told_on_the_hud_and_the_end_screen(tmp_path):
    env = dict(os.environ, ISS_GAME_HOME=str(tmp_path / "home"), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy")
    p = subprocess.run([sys.executable, "-c", _FULL_MID_GAME], capture_output=True,
                       text=True, timeout=240, cwd=ROOT, env=env)
    assert p.returncode == 0, p.stderr
    out = dict(line.split(": ", 1) for line in p.stdout.splitlines())
    assert out["HUD"].startswith("NOT RECORDING: recording stopped at tick ")
    assert "(File too large)" in out["HUD"]
    assert out["END"].startswith("Not fully recorded: recording stopped at tick ")
    assert "plays up to tick" in out["END"] and str(tmp_path / "home" / "replays") in out["END"]
    assert not out["END"].startswith("Recorded to")
    assert p.stderr.count("Not fully recorded") == 1  # and on stderr, once
    size, limit = (int(x) for x in out["SIZE"].split())
    assert size <= limit


def test_a_replays_folder_that_cannot_be_listed_says_why(app, tmp_path):
    from game.errors import UserFolderError
    from game.replay.api import list_replays
    from game.view.screens.replay_browser import ReplayBrowserScreen

    looped = tmp_path / "loop"
    looped.symlink_to(looped)  # listing it fails (ELOOP) for every user
    with pytest.raises(UserFolderError, match="cannot list replays"):
        list_replays(looped)
    browser = ReplayBrowserScreen(app, folder=looped)
    app.push(browser)
    app.run(frames=2)
    assert browser.items == [] and browser.message.startswith(f"{looped}: cannot list replays")


def test_the_window_warns_of_an_old_element_set_over_the_whole_game(app):
    """A start inside the warning age whose game ends past it: warned in the window (HUD
    and log), as on stderr."""
    from game.orbit.api import EPOCH_WARNING_DAYS
    from game.view.screens.game_screen import GameScreen

    orbit = pinned_orbit()
    start = orbit.epoch_unix_s + (EPOCH_WARNING_DAYS - 0.1) * 86400.0
    screen = GameScreen(_setup(epoch_unix_s=start, warp=300.0), record=False)
    app.push(screen)
    app.run(frames=2)
    hud = [t for t, _c, _f in screen.game_hud.lines(screen.sim)]
    warn = [t for t in hud if t.startswith("Old element set: the game ends")]
    assert len(warn) == 1 and "days after the epoch" in warn[0]
    assert any(ln.text.startswith("Old element set: the game ends") and "km" in ln.text
               for ln in screen.sim.log.lines)
    fresh = GameScreen(_setup(epoch_unix_s=orbit.epoch_unix_s, warp=30.0), record=False)
    assert fresh.sim.warnings == []


def test_the_replays_browser_says_new_games_are_not_recorded(app, home_under_a_file):
    from game.view.screens.replay_browser import ReplayBrowserScreen

    browser = ReplayBrowserScreen(app)
    app.push(browser)
    app.run(frames=2)
    assert browser.items == []
    assert browser.message.startswith("New games are not recorded: ")
    assert "part of the path is a file" in browser.message
