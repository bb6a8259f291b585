"""The view draws the right Earth: lit where the Sun is, the ISS where its lat/lon says,
flashes that flash and fade, city lights that go out."""

import math

import numpy as np
import pygame
import pytest
from pinned import pinned_orbit

from game.orbit.api import sun_direction_ecef
from game.view.render import astro
from game.view.render.camera import Camera, look_rot
from game.view.render.feed import IssState
from game.view.render.globe import GlobeRenderer, shade_factors
from game.view.render.scene import Scene, ViewState, blackout_spots, flash_intensity

SIZE = (640, 360)


@pytest.fixture(scope="module")
def globe():
    pygame.display.init()
    pygame.font.init()
    return GlobeRenderer()


def _looking_at(lat, lon, dist=3.0):
    u = astro.unit_from_latlon(lat, lon)
    return Camera(u * dist, look_rot(-u, np.array([0.0, 0.0, 1.0])), 40.0)


def _centre_patch(surf, size=SIZE, r=6):
    arr = pygame.surfarray.array3d(surf).astype(float)
    cx, cy = size[0] // 2, size[1] // 2
    return arr[cx - r:cx + r, cy - r:cy + r].reshape(-1, 3).mean(axis=0)


def _render(globe, cam, sun):
    out = globe.render(cam, sun, SIZE)
    assert out is not None
    target = pygame.Surface(SIZE)
    target.blit(*out)
    return target


def test_shading_day_night_and_soft_twilight():
    day, night, twi = shade_factors(np.array([1.0, 0.0, -1.0, 0.05, -0.05]))
    assert day[0] > 0.9 and night[0] == 0.0
    assert day[2] == 0.0 and night[2] == 1.0
    assert 0.0 < day[4] < day[3] < day[0]  # no hard line at the terminator
    assert twi[1] > 0.5


@pytest.mark.parametrize("unix_s", [1791460800.0, 1767268800.0, 1750000000.0])
def test_subsolar_point_lit_antipode_dark(globe, unix_s):
    sun = sun_direction_ecef(unix_s)[0]
    lat, lon = (float(v) for v in astro.latlon_from_unit(sun))
    alat, alon = -lat, (lon + 360.0) % 360.0 - 180.0
    globe.set_blackouts([(alat, alon, 4.0)])  # no city lights at the antipode
    try:
        at_sub = _looking_at(lat, lon)
        at_anti = _looking_at(alat, alon)
        # Same ground, Sun overhead vs Sun underfoot: only the lighting differs.
        sub_lit = _centre_patch(_render(globe, at_sub, sun))
        sub_unlit = _centre_patch(_render(globe, at_sub, -sun))
        anti_dark = _centre_patch(_render(globe, at_anti, sun))
        anti_lit = _centre_patch(_render(globe, at_anti, -sun))
    finally:
        globe.set_blackouts([])
    assert sub_lit.sum() > 2 * sub_unlit.sum() and sub_lit.sum() > sub_unlit.sum() + 15
    assert anti_dark.sum() < 30 and anti_lit.sum() > anti_dark.sum() + 15


def test_greenwich_on_day_side_at_noon_utc(globe):
    t = 1791460800.0  # 2026-10-08 12:00 UTC
    sun = sun_direction_ecef(t)[0]
    assert sun @ astro.unit_from_latlon(51.48, 0.0) > 0.3
    img = _centre_patch(_render(globe, _looking_at(51.48, 0.0), sun))
    assert img.sum() > 120


def test_projected_iss_lands_on_its_latlon(globe):
    from game.view.render.feed import OrbitFeed

    orbit = pinned_orbit()
    t = orbit.epoch_unix_s + 1234.0
    feed = OrbitFeed(orbit, t)
    st = feed.state(t)
    # Camera straight above the ISS: it projects onto the centre pixel, and the Earth
    # under that pixel is the sub-satellite point.
    cam = _looking_at(st.lat_deg, st.lon_deg, 3.5)
    xy, z = cam.project(st.pos[None, :], *SIZE)
    assert z[0] > 0
    assert abs(xy[0, 0] - SIZE[0] / 2) < 0.5 and abs(xy[0, 1] - SIZE[1] / 2) < 0.5
    lat, lon = GlobeRenderer.pick(cam, SIZE, *xy[0])
    assert abs(lat - st.lat_deg) < 0.05
    assert abs((lon - st.lon_deg + 180) % 360 - 180) < 0.05
    # An oblique camera: the sub-satellite point's pixel picks back its lat/lon.
    cam2 = _looking_at(st.lat_deg + 25.0, st.lon_deg - 30.0, 3.2)
    sub = astro.unit_from_latlon(st.lat_deg, st.lon_deg)[None, :]
    xy2, _ = cam2.project(sub, *SIZE)
    lat2, lon2 = GlobeRenderer.pick(cam2, SIZE, *xy2[0])
    assert abs(lat2 - st.lat_deg) < 0.05
    assert abs((lon2 - st.lon_deg + 180) % 360 - 180) < 0.05
    # And it agrees with the orbit engine's own Earth-fixed position.
    from game.orbit.api import position_ecef_km

    p = position_ecef_km(orbit, np.array([t]))[0]
    ang = math.degrees(math.acos(np.clip(p @ st.pos / np.linalg.norm(p)
                                         / np.linalg.norm(st.pos), -1, 1)))
    assert ang < 0.3


def test_ground_track_hidden_behind_earth():
    cam = _looking_at(0.0, 0.0, 3.0)
    near = astro.unit_from_latlon(10.0, 5.0)[None, :]
    far = astro.unit_from_latlon(-10.0, 175.0)[None, :]
    assert cam.visible_on_earth(near * 1.07)[0]
    assert not cam.visible_on_earth(far * 1.07)[0]
    assert (near @ cam.pos)[0] > 1.0 and (far @ cam.pos)[0] < 1.0


def test_flash_appears_and_fades():
    flash, glow = flash_intensity(np.array([-10.0, 0.0, 30.0, 600.0, 5000.0]), 1.0)
    assert flash[0] == 0 and glow[0] == 0
    assert flash[1] == pytest.approx(1.0)
    assert flash[2] < 0.05 and glow[2] > 0.5
    assert 0 < glow[3] < glow[2]
    assert flash[4] == 0 and glow[4] == 0


def test_flash_drawn_then_gone_and_city_dark(globe):
    t0 = 1791460800.0 + 6 * 3600  # Moscow (37.6E) at night
    lat, lon = 55.75, 37.62
    sun = sun_direction_ecef(t0)[0]
    scene = Scene(globe=globe)
    cam = _looking_at(lat, lon, 2.2)
    flashes = np.array([[lat, lon, t0, 1.0]])

    def frame(t):
        iss = IssState(t, astro.unit_from_latlon(-40, lon - 150) * 1.06,
                       np.array([0.0, 0.0, 1e-3]), -40, lon - 150, 420, True)
        vs = ViewState(unix_s=t, iss=iss, sun_ecef=sun,
                       flashes=flashes, show_track=False, show_model_inset=False)
        s = pygame.Surface(SIZE)
        scene.draw(s, s.get_rect(), vs, cam)
        return _centre_patch(s, r=3)

    before = frame(t0 - 30)
    during = frame(t0 + 1)
    glow = frame(t0 + 120)
    after = frame(t0 + 4000)
    assert during.sum() > 600 and during[2] > before[2] + 60  # white-hot, not city orange
    assert glow.sum() > after.sum() + 30
    assert glow[0] > glow[2]  # orange afterglow
    assert before.sum() > after.sum()  # the city's lights are out
    assert blackout_spots(flashes, t0 - 1) == [] and len(blackout_spots(flashes, t0)) == 1
