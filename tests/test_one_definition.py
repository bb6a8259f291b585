"""One definition each: the mission start, the mission clock, the orbit sampler and the
minimum elevation, whoever asks (the game, its set-up, the window, the orbit panel)."""

import math

import numpy as np
import pytest
from pinned import pinned_orbit

from game.newgame import default_start
from game.orbit.api import build_timeline, sample_orbit
from game.session.setup import GameSetup
from game.session.world import SimWorld


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


@pytest.fixture()
def app():
    from game.view.app import App

    a = App(headless=True)
    yield a
    while a.screens:
        a.pop()


def test_the_orbit_panel_previews_the_start_the_game_flies(orbit, app):
    """The panel used to preview the bare TLE epoch: up to 24 h from the game's start."""
    from game.view.screens.orbit_panel import OrbitPanelScreen
    from game.view.screens.title import TitleScreen

    setup = GameSetup(orbit=orbit, orbit_label="pinned", seed=4)
    start = default_start(orbit, 4)
    assert abs(start - orbit.epoch_unix_s) > 3600.0  # the seeded offset is there to see
    world = SimWorld(setup, record=False)
    panel = OrbitPanelScreen(app, setup)
    title = TitleScreen(setup)
    title.update(0.0)
    assert setup.start_unix_s == start
    assert world.start_unix_s == world.game.setup.timeline.start_unix_s == start
    assert panel.preview.start_unix_s == start
    assert title._backdrop.start_unix_s == start  # noqa: SLF001 - the menu's globe


def test_the_game_clock_is_the_game_tick(orbit, app):
    from game.view.screens.game_screen import GameScreen

    setup = GameSetup(orbit=orbit, orbit_label="pinned", seed=2, us="ai", ru="ai", warp=120.0)
    screen = GameScreen(setup, record=False)
    app.push(screen)
    for _ in range(30):
        screen.update(1 / 60)
        sim = screen.sim
        assert math.floor(sim.mission_s + 1e-9) == sim.game.tick
        assert screen.t == screen.start_unix_s + sim.mission_s
    sim.game.step(sim.game.max_ticks)  # to the end
    screen.update(1 / 60)
    stopped = screen.t
    for _ in range(5):
        screen.update(1 / 60)
    assert sim.ended and screen.t == stopped == screen.start_unix_s + sim.game.tick


def test_one_sampler_for_the_timeline_the_feed_and_the_preview(orbit):
    from game.session.orbit_preview import PREVIEW_STEP_S, compute_preview
    from game.view.render.feed import BEHIND_S, STEP_S, OrbitFeed

    start = default_start(orbit, 1)
    tl = build_timeline(orbit, start, 1.0, 601)
    s = sample_orbit(orbit, start + np.arange(601, dtype=np.float64))
    for a, b in ((tl.lat_deg, s.lat_deg), (tl.lon_deg, s.lon_deg), (tl.alt_km, s.alt_km),
                 (tl.sunlit, s.sunlit)):
        assert np.array_equal(a, b)
    feed = OrbitFeed(orbit, start)
    t0 = math.floor((start - BEHIND_S) / STEP_S) * STEP_S
    at = t0 + STEP_S * np.arange(1200, 1210, dtype=np.float64)
    fs = sample_orbit(orbit, at)
    for k, t in enumerate(at):
        st = feed.state(float(t))
        assert st.lat_deg == pytest.approx(fs.lat_deg[k], abs=1e-9)
        assert st.alt_km == pytest.approx(fs.alt_km[k], abs=1e-9) and st.sunlit == fs.sunlit[k]
        assert np.allclose(feed.sun(float(t)), fs.sun_ecef[k], rtol=0, atol=1e-12)
    p = compute_preview(orbit, start)
    ps = sample_orbit(orbit, start + np.arange(len(p.unix_s)) * PREVIEW_STEP_S)
    assert np.array_equal(p.lat_deg, ps.lat_deg) and np.array_equal(p.sunlit, ps.sunlit)


def test_one_minimum_elevation_per_station(orbit, monkeypatch):
    """The timeline's "in view", the live preview's passes and the exact passes all use
    the station's own mask from game.facts.ground."""
    import dataclasses

    from game.facts import ground
    from game.session.orbit_preview import compute_preview

    start = orbit.epoch_unix_s
    base = compute_preview(orbit, start)
    exact = compute_preview(orbit, start, exact_passes=True)
    tl = build_timeline(orbit, start, 10.0, 8640)
    high = dataclasses.replace(ground.GROUND_STATIONS["houston"], min_elevation_deg=40.0)
    monkeypatch.setitem(ground.GROUND_STATIONS, "houston", high)
    raised = compute_preview(orbit, start)
    raised_exact = compute_preview(orbit, start, exact_passes=True)
    tl_high = build_timeline(orbit, start, 10.0, 8640)
    assert len(raised.passes["houston"]) < len(base.passes["houston"])
    assert len(raised_exact.passes["houston"]) < len(exact.passes["houston"])
    assert tl_high.station_in_view["houston"].sum() < tl.station_in_view["houston"].sum()
    assert raised.passes["korolyov"] == base.passes["korolyov"]
