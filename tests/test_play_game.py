"""The windowed game with the real simulation behind it (SDL dummy driver): clicks on the
schematic become commands the sim accepts or refuses with a visible reason; mission time
drives ticks; pause, hot-seat, the end summary, the recording and the screenshot."""

import dataclasses

import numpy as np
import pygame
import pytest
from pinned import pinned_orbit

from game.session.palette import PALETTE
from game.session.setup import GameSetup
from game.sim import station as stn
from game.view.app import STEP_S, App
from game.view.screens.end_screen import EndScreen
from game.view.screens.game_screen import GameScreen


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _setup(orbit, **kw):
    base = dict(orbit=orbit, orbit_label="test", seed=3, us="human", ru="ai")
    base.update(kw)
    return GameSetup(**base)


def _start(orbit, record=False, **kw):
    app = App(headless=True)
    screen = GameScreen(_setup(orbit, **kw), record=record)
    app.push(screen)
    screen.draw(app.surface, 0.0)  # lays out the panel: boxes, hatches, tokens
    return app, screen


def _click(app, pos, button=1):
    app.top.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))


def _key(app, key, unicode=""):
    app.top.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=0))


def _free_spot(screen, module):
    """A point inside the module's box that is not on a token or a badge."""
    box = screen.panel.boxes[module]
    return (box.right - 5, box.top + 6)


def _accepted(screen):
    got = []
    screen.sim.game.add_listener(lambda tick, cmd: got.append(cmd))
    return got


def test_click_crew_then_module_sends_a_move_the_sim_accepts(orbit):
    app, screen = _start(orbit)
    got = _accepted(screen)
    kira = screen.panel.token_centre("kira")
    assert kira is not None and screen.panel._rect.collidepoint(kira)
    _click(app, kira)
    assert screen.panel.selected == "kira"
    _click(app, _free_spot(screen, "destiny"))
    assert [type(c).__name__ for c in app.commands] == ["Move"]
    screen.update(STEP_S)  # drains app.commands into game.submit
    assert not app.commands
    assert len(got) == 1 and got[0].to == "destiny" and got[0].side == "us"
    kira_v = next(c for c in screen.sim.state.crew if c.id == "kira")
    assert kira_v.task == "move" and kira_v.target == "destiny"
    assert any("moving to Destiny" in ln.text for ln in screen.sim.log.lines)


def test_hatch_click_closes_then_a_refusal_shows_its_reason(orbit):
    app, screen = _start(orbit)
    _click(app, screen.panel.token_centre("gordon"))
    h = "unity-destiny"
    _click(app, screen.panel.hatch_rects[h].center)
    assert len(app.commands) == 1
    cmd = app.commands[0]
    assert type(cmd).__name__ == "CloseHatch" and cmd.hatch == h and cmd.crew == "gordon"
    screen.update(STEP_S)
    # Act 1: no order yet, so sealing a hatch is refused, with the reason on screen
    reason, _left = screen.sim.refusals[-1]
    assert "no order yet" in reason
    assert any(ln.kind == "refused" and "no order" in ln.text for ln in screen.sim.log.lines)
    screen.draw(app.surface, 0.0)
    area, _ = screen.layout(app.surface)
    toast = pygame.surfarray.array3d(app.surface)[area.left:area.left + 400,
                                                  area.bottom - 40:area.bottom - 10]
    assert ((toast[..., 0] > 100) & (toast[..., 1] < 60)).sum() > 200  # the red toast


def test_hatch_click_opens_a_closed_hatch(orbit):
    app, screen = _start(orbit)
    game = screen.sim.game
    # test set-up only: a closed hatch (the view itself never writes the state)
    snap = game.snapshot()
    snap["hatch_open"][stn.HATCH_IDS.index("destiny-harmony")] = 0
    game.restore(snap)
    screen.sim.invalidate()
    got = _accepted(screen)
    _click(app, screen.panel.token_centre("christian"))
    _click(app, screen.panel.hatch_rects["destiny-harmony"].center)
    assert type(app.commands[0]).__name__ == "OpenHatch"
    screen.update(STEP_S)
    assert got and got[0].hatch == "destiny-harmony"


def test_refused_restrain_key_and_watch_mode_refusal(orbit):
    app, screen = _start(orbit)
    _click(app, screen.panel.token_centre("kira"))
    _key(app, pygame.K_x)  # restrain: no one to restrain in the Cupola alone
    screen.update(STEP_S)
    assert screen.sim.refusals and "restrain" in screen.sim.refusals[-1][0]
    app2, watch = _start(orbit, us="ai", ru="ai")
    _click(app2, _free_spot(watch, "zvezda"))
    assert "watching" in watch.sim.refusals[-1][0]


def test_mission_time_drives_ticks_and_tints_follow_holders(orbit):
    app, screen = _start(orbit)
    mission = 0.0
    for _ in range(120):  # two real seconds at the pace the policy picks
        screen.update(STEP_S)
        mission += screen.warp * STEP_S
    assert screen.sim.game.tick == int(mission + 1e-9) > 0
    assert screen.t == pytest.approx(screen.start_unix_s + mission)  # the clocks follow
    tints = screen.view_state().module_tints
    assert tints["destiny"] == PALETTE["us"] and tints["zvezda"] == PALETTE["ru"]
    assert tints["soyuz"] == PALETTE["ru"] and tints["dragon"] == PALETTE["us"]
    hud = screen.game_hud.lines(screen.sim)
    assert hud[0][0].startswith("ACT 1")
    assert any("Trust" in t for t, _c, _f in hud) and any("Oxygen" in t for t, _c, _f in hud)


def test_pause_stops_ticks_and_speed_keys(orbit):
    app, screen = _start(orbit)
    _key(app, pygame.K_SPACE)
    assert screen.paused
    for _ in range(60):
        screen.update(STEP_S)
    assert screen.sim.game.tick == 0
    f = screen.pacer.factor
    _key(app, pygame.K_EQUALS)
    assert screen.pacer.factor == 2 * f
    _key(app, pygame.K_MINUS)
    _key(app, pygame.K_MINUS)
    assert screen.pacer.factor == f / 2
    _key(app, pygame.K_SPACE)
    for _ in range(30):
        screen.update(STEP_S)
    assert screen.warp == pytest.approx(screen.pacer.target(screen.sim.state)[0], rel=0.5) \
        or screen.warp < screen.pacer.target(screen.sim.state)[0]  # ramping up to it


def _hand_over(app, screen):
    from game.view.screens.game_screen import HandOverScreen

    _key(app, pygame.K_TAB)
    assert isinstance(app.top, HandOverScreen)
    tick = screen.sim.game.tick
    app.run(frames=40)  # the hand-over stands: the clock does not run under it
    assert screen.sim.game.tick == tick
    _key(app, pygame.K_RETURN)
    assert app.top is screen


def test_hot_seat_tab_switches_the_commanding_side(orbit):
    app, screen = _start(orbit, us="human", ru="human")
    assert screen.sim.commanding == "us"
    _hand_over(app, screen)
    assert screen.sim.commanding == "ru"
    sel = next(c for c in screen.sim.state.crew if c.id == screen.panel.selected)
    assert sel.side == "ru"
    screen.draw(app.surface, 0.0)
    _click(app, screen.panel.token_centre("nicholai"))
    _click(app, _free_spot(screen, "zvezda"))
    assert app.commands[-1].side == "ru" and app.commands[-1].crew == "nicholai"
    _hand_over(app, screen)
    assert screen.sim.commanding == "us"


def test_ai_vs_ai_runs_to_an_ending_and_the_summary(orbit):
    app, screen = _start(orbit, us="ai", ru="ai", seed=1)
    screen.sim.advance(200_000)  # the whole game, as fast as the sim goes
    assert screen.sim.ended and screen.sim.summary["ending"]
    for _ in range(int(2.0 / STEP_S)):
        screen.update(STEP_S)
    assert isinstance(app.top, EndScreen)
    text = " ".join(t for t, _c in app.top.lines())
    assert "Mission time" in text
    app.top.draw(app.surface, 0.0)
    _key(app, pygame.K_t)  # too soon: the summary is read first
    assert isinstance(app.top, EndScreen)
    app.run(frames=70)
    _key(app, pygame.K_t)  # back to the title menu
    from game.view.screens.title import TitleScreen

    assert isinstance(app.top, TitleScreen)


def test_every_windowed_game_is_recorded(orbit, tmp_path):
    from game.paths import user_replays_dir

    app, screen = _start(orbit, record=True)
    _click(app, screen.panel.token_centre("kira"))
    _click(app, _free_spot(screen, "destiny"))
    for _ in range(200):
        screen.update(STEP_S)
    app.pop()  # leaving the game finishes the replay
    files = list(user_replays_dir().glob("*.jsonl"))
    assert len(files) == 1
    lines = files[0].read_text().splitlines()
    assert '"move"' in lines[1] and '"result"' in lines[-1]
    from game.replay.api import read_replay, verify_replay

    assert verify_replay(read_replay(files[0])).ok


def test_headless_screenshot_shows_a_game_with_the_schematic(tmp_path):
    from game.cli.main import main

    out = tmp_path / "game.png"
    rc = main(["play", "--headless", "--frames", "30", "--screenshot", str(out),
               "--us", "human", "--ru", "ai", "--seed", "3"])
    assert rc == 0
    img = pygame.image.load(str(out))
    assert img.get_size() == (1280, 720)
    a = pygame.surfarray.array3d(img).astype(int)
    panel = a[720:, :]
    assert panel.std() > 20  # drawn, not a flat fill
    us = np.abs(panel - np.array(PALETTE["us"])).sum(axis=2) < 30
    ru = np.abs(panel - np.array(PALETTE["ru"])).sum(axis=2) < 30
    assert us.sum() > 200 and ru.sum() > 200  # both sides' modules and crew


def test_replace_keeps_setup_choices(orbit):
    s = _setup(orbit, scenario="international")
    t = dataclasses.replace(s, seed=s.seed + 1)
    assert t.scenario == "international" and t.seed == 4


def _replays():
    from game.paths import user_replays_dir

    return sorted(user_replays_dir().glob("*.jsonl"))


def test_headless_play_leaves_no_replay(tmp_path):
    from game.cli.main import main

    for cam in ("free", "cupola"):
        rc = main(["play", "--headless", "--frames", "40", "--screenshot",
                   str(tmp_path / f"{cam}.png"), "--camera", cam, "--seed", "3"])
        assert rc == 0
    assert _replays() == []


def test_windowed_game_records_unless_left_at_once(orbit):
    # A windowed app (record=None decides by the window): leaving before anything
    # happened deletes the file; playing on keeps it.
    app = App(headless=True)
    app.headless = False  # as if windowed: the game decides to record by this
    screen = GameScreen(_setup(orbit))
    app.push(screen)
    path = screen.sim.record_path
    assert path and _replays() and str(_replays()[0]) == path
    app.pop()  # left at once: no mission second, no command
    assert _replays() == [] and screen.sim.record_path == ""

    screen = GameScreen(_setup(orbit))
    app.push(screen)
    screen.draw(app.surface, 0.0)
    _click(app, screen.panel.token_centre("kira"))
    _click(app, _free_spot(screen, "destiny"))
    for _ in range(60):
        screen.update(STEP_S)
    app.pop()
    assert len(_replays()) == 1


def test_headless_app_does_not_record_by_default(orbit):
    app = App(headless=True)
    screen = GameScreen(_setup(orbit))
    app.push(screen)
    for _ in range(60):
        screen.update(STEP_S)
    app.pop()
    assert screen.sim.recorder is None and _replays() == []


def test_long_log_lines_end_inside_the_panel(orbit):
    app, screen = _start(orbit)
    screen.sim.log.add(0, "W" * 300, (255, 255, 255))  # wider than any panel
    app.surface.fill((0, 0, 0))
    screen.draw(app.surface, 0.0)
    a = pygame.surfarray.array3d(app.surface).astype(int)  # indexed [x, y]
    # the log is the panel's lowest block; an unshortened line runs to the window's edge
    log_area = a[-6:, app.surface.get_height() - 200:, :]
    assert log_area.sum(axis=2).max() < 300, "log text runs off the panel's right edge"


def test_log_keeps_a_repeated_conversation_quiet_for_ten_minutes():
    from game.session.log import Log

    log = Log()
    talk = "Kira Foster talked with Nicholai across the divide"
    for tick in range(0, 1200, 60):  # the AI talks every minute
        log.add(tick, talk, kind="talked")
        log.add(tick + 1, "Alexey Pulov reached Zvezda", kind="moved")
    talks = [(ln.tick, ln.text) for ln in log.lines if ln.kind == "talked"]
    assert talks == [(0, talk), (600, f"{talk} (x11)")]  # the 11th talk opens a new line
    log.clear()
    log.add(0, talk, kind="talked")  # a rebuilt log (replay seek) starts afresh
    assert [ln.text for ln in log.lines] == [talk]


def test_a_watched_game_is_the_same_game_as_iss_game_sim(orbit, capsys):
    """The window advances the sim a frame at a time; `iss-game sim` runs it in one go.
    Same seed, same orbit, same AI: the same game, to the last bit of its checksum."""
    import json

    from game.cli.main import main
    from game.session.world import SimWorld

    world = SimWorld(_setup(orbit, seed=5, us="ai", ru="ai"), record=False)
    while not world.game.ended:
        world.advance(37.0)  # frame-sized chunks that line up with nothing in the sim
    assert main(["sim", "--seed", "5", "--json", "--orbit", orbit.source]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (world.game.ending, world.game.tick, world.game.checksum()) == \
        (out["ending"], out["ticks"], out["checksum"])


def test_in_view_countdown_runs_to_the_end_of_the_pass(orbit):
    """The rules HUD's 'IN VIEW, m:ss left' for a mission control: seconds to the end of
    the pass, checked against a plain walk over the game's own timeline."""
    from game.session.world import SimWorld

    world = SimWorld(_setup(orbit, seed=3, us="ai", ru="ai"), record=False)
    tl = world.game.setup.timeline
    view = np.asarray(tl.station_in_view["houston"], dtype=bool)
    first = int(np.flatnonzero(view)[0])
    for i in (first, first + 37):
        world.game.run_until(int(i * tl.step_s))
        j = i
        while j + 1 < len(view) and view[j + 1]:
            j += 1
        assert world.next_window("us") == ("in view", int((j - i + 1) * tl.step_s))
