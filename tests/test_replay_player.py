"""Seeking lands on the state playing straight through reaches; events; the screens."""

import random

import pygame
import pytest
from test_replay_helpers import record_game

from game.cli.main import main
from game.replay.api import ReplayPlayer, read_replay
from game.replay.player import SPEEDS


@pytest.fixture(scope="module")
def replay(tmp_path_factory):
    return read_replay(record_game(tmp_path_factory.mktemp("p") / "g.jsonl", seed=3))


def test_seek_matches_straight_play(replay):
    """Play straight through with uneven frame times, note the checksum wherever a frame
    lands, then seek to a random sample of those ticks (back and forth)."""
    straight = ReplayPlayer(replay, speed=64)
    assert straight.desync is None
    rng = random.Random(11)
    seen = {0: straight.game.checksum()}
    straight.play()
    while straight.playing:
        straight.update(rng.uniform(0.001, 0.05))
        seen[straight.tick] = straight.game.checksum()
    assert straight.tick == straight.end_tick
    sample = rng.sample(sorted(seen), 15) + [0, straight.end_tick]
    seeker = ReplayPlayer(replay)
    for t in sample:
        assert seeker.seek(t) == t
        assert seeker.game.checksum() == seen[t], t
    # the same place twice is the same state (stored snapshots are not aliased)
    seeker.seek(sample[0])
    assert seeker.game.checksum() == seen[sample[0]]
    # and one tick at a time from a snapshot boundary
    k = seeker.snapshot_every
    seeker.seek(k - 3)
    for _ in range(6):
        seeker.step(1)
    assert seeker.tick == k + 3
    straight.seek(0)
    straight._cur.advance_to(k + 3)
    assert seeker.game.checksum() == straight.game.checksum()


def test_step_and_clamp(replay):
    p = ReplayPlayer(replay)
    assert p.seek(-50) == 0
    assert p.seek(10**9) == p.end_tick
    p.seek(1000)
    assert p.step(1) == 1001
    assert p.step(-2) == 999
    assert not p.playing


def test_speed_range(replay):
    p = ReplayPlayer(replay, speed=1000)
    assert p.speed == 64
    for _ in range(20):
        p.slower()
    assert p.speed == 0.25
    assert SPEEDS[0] == 0.25 and SPEEDS[-1] == 64
    p.set_speed(1)
    p.play()
    p.update(1.0)  # one real second at 1x = warp mission seconds
    assert p.tick == int(replay.warp)


def test_next_event_and_markers(replay):
    p = ReplayPlayer(replay)
    kinds = {e.kind for e in p.events}
    assert "ended" in kinds or replay.result["ending"] == ""
    e = p.next_event("order_received")
    if e is not None:
        assert p.tick == e.tick and e.kind == "order_received"
        assert any(x.kind == "order_received" for x in p.events_between(e.tick - 1, e.tick))
    p.seek(0)
    first = p.next_event()
    assert first is not None and p.tick == first.tick
    assert p.prev_event() is None or p.tick < first.tick
    assert p.markers()


def test_replay_headless_screenshot(tmp_path):
    f = record_game(tmp_path / "g.jsonl", seed=2)
    out = tmp_path / "shot.png"
    rc = main(["replay", str(f), "--headless", "--frames", "4", "--screenshot", str(out),
               "--speed", "64"])
    assert rc == 0
    img = pygame.image.load(str(out))
    assert img.get_size() == (1280, 720)


def test_replay_screen_keys_and_drag(tmp_path):
    from game.view.app import App
    from game.view.screens.replay_screen import ReplayScreen

    replay = read_replay(record_game(tmp_path / "g.jsonl", seed=1))
    app = App(headless=True)
    screen = ReplayScreen(ReplayPlayer(replay))
    app.push(screen)
    app.run(frames=1)
    p = screen.player

    def key(k, mod=0):
        screen.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=""))

    key(pygame.K_SPACE)
    assert p.playing
    key(pygame.K_SPACE)
    key(pygame.K_RIGHTBRACKET)
    assert p.speed == 2
    key(pygame.K_MINUS)
    key(pygame.K_MINUS)
    assert p.speed == 0.5
    key(pygame.K_END)
    assert p.tick == p.end_tick
    key(pygame.K_HOME)
    assert p.tick == 0
    key(pygame.K_RIGHT)  # +5 mission minutes (ticks are mission seconds)
    assert p.tick == min(p.end_tick, 300)
    key(pygame.K_PERIOD)
    assert p.tick == min(p.end_tick, 301)
    key(pygame.K_COMMA)
    key(pygame.K_n)
    # click in the middle of the bar seeks to about half way
    bar = screen.bar.track
    screen.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1,
                                           pos=(bar.centerx, bar.centery)))
    screen.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1,
                                           pos=(bar.centerx, bar.centery)))
    assert abs(p.tick - p.end_tick / 2) < p.end_tick * 0.01
    app.run(frames=2)


def test_browser_lists_good_and_bad_files(tmp_path):
    from game.paths import user_replays_dir
    from game.view.app import App
    from game.view.screens.replay_browser import ReplayBrowserScreen

    folder = user_replays_dir()
    record_game(folder / "good.jsonl", seed=1)
    (folder / "bad.jsonl").write_bytes(b"\x80\x81 not a replay")
    app = App(headless=True)
    browser = ReplayBrowserScreen(app)
    app.push(browser)
    app.run(frames=1)
    by_name = {i.path.name: i for i in browser.items}
    assert by_name["good.jsonl"].ok and by_name["good.jsonl"].ending
    assert not by_name["bad.jsonl"].ok and "UTF-8" in by_name["bad.jsonl"].error
    browser.selected = browser.items.index(by_name["good.jsonl"])
    browser.open_selected()
    assert type(app.top).__name__ == "ReplayScreen"
    app.run(frames=1)


def _record_human_us(path, seed=5):
    """A game whose header says the US was human; both sides' orders come from the AI
    (a stand-in for the player), so the replay has human orders to show."""
    from test_replay_helpers import _orbit_and_timeline

    from game.replay.recorder import Recorder
    from game.sim.ai import AI
    from game.sim.api import new_game
    from game.sim.runner import play

    orbit, timeline, max_ticks = _orbit_and_timeline(30.0)
    game = new_game("film", seed, timeline, max_ticks=max_ticks)
    with Recorder.for_game(path, game, orbit=orbit, sides={"us": "human", "ru": "ai"},
                           difficulty="hard", warp=30.0, attach=False) as rec:
        play(game, {s: AI(s, seed, "hard") for s in ("us", "ru")}, on_command=rec.on_command,
             checksum_every=rec.checksum_every, on_checksum=rec.on_checksum)
        rec.finish(game)
    return path


@pytest.fixture(scope="module")
def human_replay_screen(tmp_path_factory):
    from game.view.app import App
    from game.view.screens.replay_screen import ReplayScreen

    replay = read_replay(_record_human_us(tmp_path_factory.mktemp("h") / "h.jsonl"))
    app = App(headless=True)
    screen = ReplayScreen(ReplayPlayer(replay))
    app.push(screen)
    app.run(frames=1)
    return app, screen


def _key(screen, k, mod=0):
    screen.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=""))


def test_replay_title_names_human_and_ai_sides(human_replay_screen):
    """QA: a replay of a human game said "Watching: AI vs AI"."""
    from game.view.screens.replay_screen import replay_title

    app, screen = human_replay_screen
    assert screen.schematic is not None
    title = screen.schematic.replay_title
    assert title == "Replay: USA (human) vs Russia (AI), seed 5, film"
    assert replay_title({"sides": {"us": "ai", "ru": "human"}, "seed": 9,
                         "scenario": "international"}) == \
        "Replay: USA (AI) vs Russia (human), seed 9, international"
    app.run(frames=1)
    assert "Watching" not in title


def test_replay_has_no_action_bar_and_a_log_to_the_play_head(human_replay_screen):
    app, screen = human_replay_screen
    p = screen.player
    app.run(frames=1)
    assert screen.schematic.button_rects == {}  # no Move/Talk/... buttons: no orders
    screen.seek(p.end_tick // 2)
    app.run(frames=1)
    lines = list(screen.world.log.lines)
    assert lines and lines[0].text.startswith("Replay: USA (human)")
    assert all(ln.tick <= p.tick for ln in lines)
    texts = [ln.text for ln in lines]
    past = p.events_between(-1, p.tick)
    assert past[-1].text in texts[-1] or any(past[-1].text in t for t in texts[-3:])
    assert any(t.startswith("USA orders ") for t in texts)  # the human side's orders
    assert not any(t.startswith("Russia orders ") for t in texts)  # not the AI's
    # seeking back rebuilds: nothing from after the play head stays
    screen.seek(p.end_tick // 4)
    assert all(ln.tick <= p.tick for ln in screen.world.log.lines)


def test_ending_hidden_until_reached(human_replay_screen):
    app, screen = human_replay_screen
    p = screen.player
    assert p.replay.result and p.replay.result.get("ending")
    screen.show_ending = False
    screen.seek(0)
    app.run(frames=1)
    label = screen.bar.ending_label()
    assert label is not None and not label[0].startswith("Ending:")
    _key(screen, pygame.K_e)  # on request
    assert screen.bar.ending_label()[0].startswith("Ending:")
    _key(screen, pygame.K_e)
    assert not screen.bar.ending_label()[0].startswith("Ending:")
    screen.seek(p.end_tick)  # reached
    app.run(frames=1)
    assert screen.bar.ending_label()[0].startswith("Ending:")


def test_seek_keys_speak_mission_time(human_replay_screen):
    """QA: Left from tick 717 landed on 0 (it stepped a minute of play = 30 mission min)."""
    from game.view.panels.timeline_bar import KEY_HINTS

    _app, screen = human_replay_screen
    p = screen.player
    screen.seek(717)
    _key(screen, pygame.K_LEFT)
    assert p.tick == max(0, 717 - 300)
    _key(screen, pygame.K_RIGHT)
    assert p.tick == 717
    _key(screen, pygame.K_RIGHT, pygame.KMOD_LSHIFT)
    assert p.tick == min(p.end_tick, 717 + 3600)
    _key(screen, pygame.K_LEFT, pygame.KMOD_LSHIFT)
    assert p.tick == 717
    _key(screen, pygame.K_COMMA)
    assert p.tick == 716
    assert "left/right 5 min (shift 1 h)" in KEY_HINTS


def test_replay_shows_the_rules_hud_as_in_play(human_replay_screen, monkeypatch):
    """Act, orders, trust and seize come from the same rules HUD as in a live game, and the
    orbit HUD leaves the ground windows to it (the game's own timeline)."""
    app, screen = human_replay_screen
    assert screen.game_hud is not None
    surface = app.surface
    area, _ = screen.layout(surface)
    surface.fill((0, 0, 0))
    screen.draw(surface, 0.0)
    with_hud = pygame.surfarray.array3d(surface).copy()
    with monkeypatch.context() as m:
        m.setattr(screen.game_hud, "draw", lambda *a, **k: None)
        surface.fill((0, 0, 0))
        screen.draw(surface, 0.0)
        without = pygame.surfarray.array3d(surface)
    box = with_hud[area.left:area.left + 480, area.top + 120:area.top + 260]
    assert (box != without[area.left:area.left + 480, area.top + 120:area.top + 260]).any()
