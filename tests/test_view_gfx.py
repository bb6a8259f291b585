"""Regressions for the renderer's look and cost: a smooth limb, a wide Cupola view with its
window frame, a cached station model that draws what a fresh one draws, an orbit table
that slides in small chunks, and strikes that black out cities without a full repack."""

import math

import numpy as np
import pygame
import pytest
from pinned import pinned_orbit

from game.view.render import astro
from game.view.render.camera import Camera, CupolaCam, FollowCam, look_rot
from game.view.render.feed import IssState
from game.view.render.globe import GlobeRenderer


@pytest.fixture(scope="module")
def globe():
    pygame.display.init()
    pygame.font.init()
    return GlobeRenderer()


def _iss(lat=30.0, lon=20.0, alt_km=420.0):
    pos = astro.unit_from_latlon(lat, lon) * (1 + alt_km / astro.EARTH_RADIUS_KM)
    vel = np.cross([0.0, 0.0, 1.0], pos) * 1e-3 + np.array([0.0, 0.0, 5e-4])
    return pos, vel


def test_limb_is_antialiased(globe):
    u = astro.unit_from_latlon(10.0, 40.0)
    cam = Camera(u * 3.0, look_rot(-u, np.array([0.0, 0.0, 1.0])), 40.0)
    sun = u  # day side towards us: a bright disc against the glow
    out = globe.render(cam, sun, (640, 360), scale=2)
    assert out is not None
    cov = globe.last_coverage
    partial = (cov > 0.05) & (cov < 0.95)
    # Every internal pixel the limb crosses has a partial coverage: about a circumference.
    disc_px = np.count_nonzero(cov >= 0.5)
    circumference = 2 * math.pi * math.sqrt(disc_px / math.pi)
    assert partial.sum() > 0.7 * circumference
    # And on screen: along the row through the centre the edge steps up over several pixels.
    img, (x0, y0) = out
    tgt = pygame.Surface((640, 360))
    tgt.blit(img, (x0, y0))
    row = pygame.surfarray.array3d(tgt)[:, 180].sum(axis=1).astype(float)
    inside = row[320]
    ramp = np.flatnonzero((row > 0.15 * inside) & (row < 0.85 * inside))
    assert ramp.size >= 4


def test_cupola_view_spans_wide_ground():
    pos, vel = _iss(alt_km=420.0)
    cam = CupolaCam().camera(pos, vel)
    size = (720, 720)
    left = GlobeRenderer.pick(cam, size, 0.5, 360)
    right = GlobeRenderer.pick(cam, size, 719.5, 360)
    assert left is not None and right is not None
    a, b = astro.unit_from_latlon(*left), astro.unit_from_latlon(*right)
    km = math.acos(float(np.clip(a @ b, -1, 1))) * astro.EARTH_RADIUS_KM
    assert 1500 < km < 2600
    # The centre pixel is the sub-satellite point (nadir).
    lat, lon = GlobeRenderer.pick(cam, size, 360, 360)
    assert abs(lat - 30.0) < 0.05 and abs(lon - 20.0) < 0.05


def test_cupola_frame_overlay():
    from game.view.render.scene import cupola_frame

    s = cupola_frame((400, 300))
    a = pygame.surfarray.array_alpha(s)
    assert a[200, 150] == 0  # clear central window
    assert a[2, 2] > 180  # the module's dark inside at the corners
    assert ((a > 20) & (a < 235)).any()  # soft edges, tinted side windows


def _model_image(model, b2w, cam_rot, cam_m, sun, cache):
    s = pygame.Surface((400, 300))
    s.fill((0, 0, 0))
    model.draw(s, s.get_rect(), cam_rot, cam_m, 300.0, b2w, sun, True, {}, cache=cache)
    return pygame.surfarray.array3d(s).astype(int)


def test_station_model_cached_matches_uncached():
    from game.view.render.scene import Scene, ViewState
    from game.view.render.station_model import StationModel
    from game.view.resources import station_facts

    model = StationModel(station_facts())
    sun = astro.unit_from_latlon(10.0, 60.0)
    frames = []
    for lon in (20.0, 20.01, 20.02):  # the ISS flies on; the follow camera rides along
        pos, vel = _iss(lon=lon)
        vs = ViewState(unix_s=0.0, iss=IssState(0.0, pos, vel, 30, lon, 420, True), sun_ecef=sun)
        cam = FollowCam().camera(pos, vel)
        b2w = Scene._body_to_world(None, vs)
        cam_m = (cam.pos - pos) * astro.EARTH_RADIUS_KM * 1000.0
        frames.append((b2w, cam.rot, cam_m))
    fresh = [_model_image(model, *f, sun, cache=False) for f in frames]
    hits0 = model.cache_hits
    cached = [_model_image(model, *f, sun, cache=True) for f in frames]
    assert model.cache_hits - hits0 >= 2  # the body-frame view did not change
    for a, b in zip(fresh, cached, strict=True):
        assert (np.abs(a - b).sum(axis=2) > 30).mean() < 0.002
    assert (fresh[0].sum(axis=2) > 0).mean() > 0.02  # something was drawn
    # Solar arrays are blue-violet cells, not brown slabs.
    px = fresh[0].reshape(-1, 3)
    blue = (px[:, 2] > px[:, 0] + 30) & (px[:, 2] > px[:, 1] + 30)
    assert blue.sum() > 500


def test_orbit_table_slides_in_small_chunks(monkeypatch):
    from game.view.render import feed as feed_mod

    orbit = pinned_orbit()
    t = orbit.epoch_unix_s
    f = feed_mod.OrbitFeed(orbit, t)
    sizes = []
    real = f._sample
    monkeypatch.setattr(f, "_sample", lambda tt: sizes.append(len(tt)) or real(tt))
    for _ in range(4000):  # ~5.5 mission hours at warp 300 and 60 frames a second
        t += 5.0
        f.state(t)
        f.sun(t)
        f.track(t, f.period_s, 2 * f.period_s)
    assert f.refills == 1  # only the first table was computed whole
    assert f.extensions > 10 and max(sizes) <= feed_mod.CHUNK_S / feed_mod.STEP_S
    assert f._t[-1] - t >= feed_mod.AHEAD_S - feed_mod.CHUNK_S
    fresh = feed_mod.OrbitFeed(orbit, t)
    a, b = f.state(t + 2.5), fresh.state(t + 2.5)
    assert np.allclose(a.pos, b.pos, atol=1e-9) and a.sunlit == b.sunlit
    assert np.allclose(f.sun(t), fresh.sun(t), atol=1e-9)


def test_blackouts_added_incrementally_match_full_rebuild(globe):
    spots = [(55.75, 37.62, 0.7), (50.45, 30.52, 0.5), (-33.9, 151.2, 0.6)]
    other = GlobeRenderer(globe.maps)
    try:
        for k in range(1, len(spots) + 1):
            globe.set_blackouts(spots[:k])  # one strike at a time: patched in place
        other.set_blackouts([(0.0, 0.0, 1.0)])
        other.set_blackouts(list(reversed(spots)))  # drops a spot: a full rebuild
        assert np.array_equal(globe._packed, other._packed)
        assert globe._packed[0] == other._packed[0]
        assert not np.array_equal(globe._packed, GlobeRenderer(globe.maps)._packed)
    finally:
        globe.set_blackouts([])
