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
    from game.view.replay_screen import ReplayScreen

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
    key(pygame.K_RIGHT)
    assert p.tick == min(p.end_tick, int(60 * p.warp))
    key(pygame.K_PERIOD)
    assert p.tick == min(p.end_tick, int(60 * p.warp) + 1)
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
    from game.view.replay_browser import ReplayBrowserScreen

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
