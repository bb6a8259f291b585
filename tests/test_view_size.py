"""The view at any size: no crash from 320x200 to 3840x2160 (and when the window shrinks
mid-game), a layout whose text never overlaps at 1024x768 and 1920x1080 (checked on the
rectangles the panels report), mouse clicks mapped through the scaled canvas, the render
budget, the frame cap, F3's figures, and solar arrays that face the Sun."""

import itertools
import math
import time

import numpy as np
import pygame
import pytest
from pinned import pinned_orbit

from game.cli.main import main
from game.session.setup import GameSetup
from game.view.app import MIN_SIZE, STEP_S, App, Screen, canvas_size, parse_size
from game.view.screens.game_screen import GameScreen


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _game(orbit, size, **kw):
    app = App(size, headless=True)
    setup = GameSetup(orbit=orbit, orbit_label="test", seed=3, us="human", ru="ai", **kw)
    screen = GameScreen(setup, record=False)
    app.push(screen)
    return app, screen


@pytest.mark.parametrize("size", ["320x200", "480x360", "640x480", "800x600", "1024x768",
                                  "1920x1080", "3840x2160"])
def test_headless_play_at_any_size_writes_that_size(tmp_path, size):
    out = tmp_path / "s.png"
    rc = main(["play", "--headless", "--frames", "2", "--size", size, "--screenshot",
               str(out), "--camera", "follow", "--seed", "3"])
    assert rc == 0
    img = pygame.image.load(str(out))
    assert img.get_size() == parse_size(size)
    a = pygame.surfarray.array3d(img)
    assert a.std() > 5  # a drawn frame, not a blank one


def test_bad_size_is_one_line_exit_2(capsys):
    for bad in ("12x", "0x100", "1920*1080", "99999x10"):
        assert main(["play", "--headless", "--frames", "1", "--size", bad]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "--size" in err[0]


def test_replay_takes_size(tmp_path):
    rec = tmp_path / "r.jsonl"
    assert main(["sim", "--seed", "2", "--record", str(rec)]) == 0
    out = tmp_path / "r.png"
    assert main(["replay", str(rec), "--headless", "--frames", "2", "--size", "800x500",
                 "--screenshot", str(out)]) == 0
    assert pygame.image.load(str(out)).get_size() == (800, 500)


def test_shrinking_the_window_mid_game_never_crashes(orbit):
    app, screen = _game(orbit, (1280, 720))
    for size in [(1280, 720), (480, 360), (320, 200), (1, 1), (2000, 300), (300, 2000),
                 (1024, 768), (2560, 1440)]:
        app.resize(size)
        assert app.surface.get_width() >= MIN_SIZE[0] and app.surface.get_height() >= MIN_SIZE[1]
        for mode in ("free", "follow", "cupola"):
            screen.rig.mode = mode
            screen.update(STEP_S)
            app._draw(0.0)
            app._present()
        assert app.window.get_size() == size
    app.pop()


def test_canvas_keeps_the_window_shape_below_the_minimum():
    assert canvas_size((1920, 1080)) == (1920, 1080)
    assert canvas_size(MIN_SIZE) == MIN_SIZE
    for w, h in [(320, 200), (480, 360), (640, 480), (1024, 300)]:
        cw, ch = canvas_size((w, h))
        assert cw >= MIN_SIZE[0] and ch >= MIN_SIZE[1]
        assert abs(cw / ch - w / h) < 0.01


def test_clicks_in_a_small_window_land_on_the_scaled_layout(orbit):
    app, screen = _game(orbit, (640, 400))  # canvas 1024x640, shown at 640x400
    assert app.scaled and app.surface.get_size() == (1024, 640)
    screen.draw(app.surface, 0.0)
    panel = screen.panel
    cid = next(c.id for c in screen.sim.state.crew if c.side == "us" and c.id != panel.selected)
    x, y = panel.token_centre(cid)
    k = app.surface.get_width() / app.window.get_width()
    ev = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(int(x / k), int(y / k)), button=1)
    app.top.handle_event(app._to_canvas(ev))
    assert panel.selected == cid
    app.pop()


def _rects(screen, app):
    """Every block of text or panel the game screen drew, by name (screen px)."""
    area, placed = screen.layout(app.surface)
    out = [(f"hud {k}", r) for k, r in screen.hud.rects.items()]
    out.append(("rules", screen.game_hud.box))
    out += [("toast", r) for r in screen.game_hud.toast_rects]
    inset = screen.inset_rect(area)
    if inset is not None:
        out.append(("inset", inset))
    return area, placed, out


def _overlaps(named):
    bad = []
    for (a, ra), (b, rb) in itertools.combinations(named, 2):
        if ra.width and ra.height and rb.width and rb.height and ra.colliderect(rb):
            bad.append((a, ra, b, rb))
    return bad


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
@pytest.mark.parametrize("scenario", ["film", "international"])
def test_no_text_overlaps(orbit, size, scenario):
    app, screen = _game(orbit, size, scenario=scenario)
    screen.show_fps = True
    screen.sim.refusals.append(("a long reason for a refusal, so that the toast wraps over "
                                "more than one line of text in the view", 5.0))
    for mode in ("free", "follow"):
        screen.rig.mode = mode
        screen.update(STEP_S)
        screen.draw(app.surface, 0.0)
        area, placed, named = _rects(screen, app)
        (panel, prect), = placed
        # The view's blocks: inside the view, clear of each other; the panel beside it.
        for what, r in named:
            assert area.contains(r), (what, r, area)
        assert not _overlaps(named + [("panel", prect)])
        assert not area.colliderect(prect) and app.surface.get_rect().contains(prect)
        # The panel's text: inside it, clear of each other, of the module boxes and of the
        # action buttons.
        texts = list(panel.text_rects)
        assert len(texts) > 30
        for what, r in texts:
            assert prect.contains(r), (what, r, prect)
        boxes = [(f"box {m}", r) for m, r in panel.boxes.items()]
        buttons = [(f"button {a}", r) for a, r in panel.button_rects.items()]
        assert not _overlaps(texts), _overlaps(texts)[:3]
        assert not _overlaps(boxes), _overlaps(boxes)[:3]
        assert not _overlaps(texts + buttons), _overlaps(texts + buttons)[:3]
        assert not _overlaps([t for t in texts if t[0] != "segment"] + boxes)
        for _what, r in boxes + buttons:
            assert prect.contains(r)
    app.pop()


def test_panels_and_fonts_grow_with_the_window(orbit):
    widths, heights = [], []
    for size in [(1024, 768), (1920, 1080), (3840, 2160)]:
        app, screen = _game(orbit, size)
        screen.draw(app.surface, 0.0)
        _area, placed = screen.layout(app.surface)
        widths.append(placed[0][1].width / size[0])
        heights.append(screen.panel.f_text.get_height())
        app.pop()
    assert heights[0] < heights[1] < heights[2]
    assert heights[2] >= 2.5 * heights[0]
    assert all(0.35 < w < 0.5 for w in widths)  # the panel keeps its share of the width


def test_f3_shows_fps_frame_ms_and_3d_resolution(orbit):
    app, screen = _game(orbit, (1920, 1080))
    screen.show_fps = True
    screen.scene.budget.fixed = 0.5
    screen.update(STEP_S)
    screen.draw(app.surface, 0.0)
    line = screen.perf_line()
    assert "fps" in line and " ms" in line
    w, h = screen.scene.render_size
    area, _ = screen.layout(app.surface)
    assert f"3D {w}x{h}" in line
    assert (w, h) == (round(area.width * 0.5), round(area.height * 0.5))
    assert "fps" in screen.hud.rects and area.contains(screen.hud.rects["fps"])
    # scaled up, the view is filled edge to edge (no unscaled corner left black)
    a = pygame.surfarray.array3d(app.surface)[area.left:area.right, area.top:area.bottom]
    assert a[-40:, -40:].std() > 1 or a[-40:, -40:].max() > 0
    app.pop()


def test_render_budget_lowers_and_raises_the_3d_resolution():
    from game.view.render.scene import RenderBudget

    b = RenderBudget(budget_ms=10.0)
    size = (1440, 1440)
    f0 = b.factor("cupola", size)
    assert size[0] * size[1] * f0 * f0 <= RenderBudget.START_PIXELS
    for _ in range(60):  # far over budget: 60 ns a pixel
        f = b.factor("cupola", size)
        px = int(size[0] * f * size[1] * f)
        b.report("cupola", size, px, px * 60e-6, 2.0)
    low = b.factor("cupola", size)
    assert low < f0
    assert b.predict_ms("cupola", size[0] * size[1] * low * low) <= 10.0 + 1e-9
    for _ in range(200):  # the machine got faster: 5 ns a pixel
        f = b.factor("cupola", size)
        px = int(size[0] * f * size[1] * f)
        b.report("cupola", size, px, px * 5e-6, 2.0)
    assert b.factor("cupola", size) > low
    assert b.factor("free", size) == f0  # each camera keeps its own


class _Counter(Screen):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def draw(self, surface, alpha):
        self.n -= 1
        if self.n <= 0:
            self.app.quit()


def test_the_loop_is_capped_at_the_frame_rate():
    app = App((320, 240), headless=True)
    app.max_fps = 40
    app.push(_Counter(12))
    t0 = time.perf_counter()
    app.run()  # frames=None: the real loop, with its cap
    elapsed = time.perf_counter() - t0
    assert elapsed >= 11 / 40 - 0.02  # it slept out each frame instead of spinning
    assert app.frame_ms < 25  # and the work of a frame is measured without the wait


# -- the station's arrays and radiators ------------------------------------------------
def _model():
    from game.view.render.station_model import StationModel
    from game.view.resources import station_facts

    return StationModel(station_facts())


def test_eight_wings_face_the_sun_through_alpha_and_beta():
    model = _model()
    rng = np.random.default_rng(5)
    suns = list(rng.normal(size=(40, 3))) + [np.array([0.0, 1.0, 0.2]),
                                              np.array([0.3, -0.05, -1.0])]
    for s in suns:
        s = s / np.linalg.norm(s)
        model._pose_wings(s)
        n = model.wing_normals()
        assert n.shape == (16, 3)
        assert np.all(n @ s > 0.9999), (s, n @ s)
        # alpha turns the wings about the truss: every wing's long edge is across y
        for i in range(model.wing_polys_start, model.wing_polys_start + 16):
            q = model.polys[i]
            long_edge = (q[3] - q[0]) / np.linalg.norm(q[3] - q[0])
            assert abs(long_edge[1]) < 1e-9
            assert abs(long_edge @ s) < 1e-6  # and across the Sun
        assert math.isclose(math.sin(model.beta_rad), s[1], abs_tol=1e-9)
        # the radiators show the Sun an edge
        for k in range(6):
            q = model.polys[model.radiator_polys_start + k]
            rn = np.cross(q[1] - q[0], q[3] - q[0])
            assert abs(rn @ s) / np.linalg.norm(rn) < 1e-6


def test_follow_camera_wings_face_the_real_sun_and_the_station_is_dark_in_eclipse(orbit):
    from game.view.render.feed import OrbitFeed

    app, screen = _game(orbit, (1280, 720))
    screen.rig.mode = "follow"
    scene = screen.scene
    scene.budget.fixed = 1.0
    feed = OrbitFeed(orbit, screen.t)
    ts = screen.t + np.arange(0, 6000, 30.0)
    lit_t = next(t for t in ts if feed.state(t).sunlit)
    dark_t = next(t for t in ts if not feed.state(t).sunlit)
    means = {}
    for name, t in (("lit", lit_t), ("dark", dark_t)):
        screen.t = screen.t_prev = float(t)
        vs = screen.view_state(0.0)
        cam = screen.rig.camera(vs.gmst_deg, vs.iss.pos, vs.iss.vel)
        img = pygame.Surface((720, 720))
        scene.model.draw(img, img.get_rect(), cam.rot,
                         (cam.pos - vs.iss.pos) * 6371008.8, cam.focal_px(720),
                         scene._body_to_world(vs), vs.sun_ecef, vs.iss.sunlit,
                         vs.module_tints, cache=False)
        sun_b = scene._body_to_world(vs).T @ vs.sun_ecef
        assert np.all(scene.model.wing_normals() @ sun_b > 0.999)
        a = pygame.surfarray.array3d(img).astype(float)
        drawn = a.sum(axis=2) > 0
        assert drawn.mean() > 0.03  # the station fills a good part of the frame
        means[name] = a[drawn].mean()
    assert means["dark"] < 0.35 * means["lit"]
    app.pop()


def test_menus_and_help_grow_with_a_large_canvas_and_clicks_still_land(orbit):
    """The title, help and other menus are laid out at the design size; on a 4K canvas
    the App draws them there and scales them up 3x (text three times as tall as at
    1280x720, not a small box in a corner), and maps clicks back."""
    from game.view.screens.help import HelpScreen
    from game.view.screens.title import TitleScreen

    app = App((3840, 2160), headless=True)
    title = TitleScreen(GameSetup(orbit=orbit, orbit_label="t", seed=7))
    app.push(title)
    app.run(frames=2)
    assert app.design_k(title) == 3.0 and app.screen_size(title) == (1280, 720)
    assert app.design_k(GameScreen(GameSetup(orbit=orbit, orbit_label="t", seed=7),
                                   record=False)) == 1.0  # the game scales itself
    items = [item for item, _l, _v in title.items()]
    # the menu rows were laid out in the title's own 1280x720 pixels ...
    assert all(r.right <= 1280 and r.bottom <= 720 for r, _l, _r in title.rects)
    # ... and they are on the 4K canvas three times as large: the selected row's bright
    # frame spans the scaled rectangle
    r0 = title.rects[title.sel][0]
    img = pygame.surfarray.array3d(app.surface).astype(int)
    row = img[r0.left * 3:r0.right * 3, (r0.top * 3 + r0.bottom * 3) // 2]
    assert (row.sum(axis=1) > 150).mean() > 0.5
    # a click in window pixels on the 'Hints' row changes that row's value
    hints = title.rects[items.index("hints")][0]
    before = title.setup.hints
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=3,
                                         pos=(hints.centerx * 3, hints.centery * 3)))
    app.run(frames=1)
    assert title.sel == items.index("hints") and title.setup.hints != before
    # help over it: the overlay fills the 4K canvas as it fills 1280x720
    app.push(HelpScreen())
    app.run(frames=2)
    assert app.screen_size(app.top) == (1280, 720)
    app.pop()
    app.pop()
