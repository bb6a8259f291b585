"""Render benchmark: the game screen (3D view, station schematic panel, rules HUD; AI vs
AI on the real simulation), every layer on, for each camera in turn, at each window size
of :data:`SIZES` (1280x720, 1920x1080, 2560x1440, and 3840x2160 unless ``quick``).

``bench_render(quick)`` renders frames exactly as headless play does (one fixed step per
frame, the war under way so flashes and afterglows are on screen, track, station inset,
HUD with F3's figures) and times each frame's update + draw + flip, per camera:

- ``free``: turning round the Earth and zooming (the auto camera of headless play);
- ``follow`` and ``cupola``: riding with the ISS as it flies (the Earth moving beneath).

The 3D view's internal resolution is the game's own choice from its frame budget
(:class:`~game.view.render.scene.RenderBudget`); each camera gets a warm-up for it to
settle, and the figures report what it chose (``_3d_px``). Each camera's timed window is
arranged to include a slide of the orbit table (the orbit feed appends its next chunk
mid-window), so its cost shows in p99 and worst. At each size it also measures a bare
floor (fill + blit + flip of a full-window surface) and reports each median's ratio to
it. The machine is shared: compare figures within one run (the ratios), not across runs.
"""

from __future__ import annotations

import os
import time

CAMERAS = ("free", "follow", "cupola")
SIZES = ((1280, 720), (1920, 1080), (2560, 1440), (3840, 2160))
GOALS = {(2560, 1440): (16.7, 33.0), (3840, 2160): (33.0, None)}  # median, p99 (ms)


def _percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    k = min(len(s) - 1, max(0, int(round(q / 100.0 * (len(s) - 1)))))
    return s[k]


def bench_render(quick: bool = False) -> dict:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.orbit.api import load_orbit

    frames = 150 if quick else 450
    sizes = SIZES[:3] if quick else SIZES
    orbit = load_orbit()
    out: dict = {"frames_per_camera": frames}
    verdicts = []
    for size in sizes:
        fig = _bench_size(orbit, size, frames)
        tag = f"{size[0]}x{size[1]}"
        for k, v in fig.items():
            out[f"{tag}_{k}"] = v
        goal = GOALS.get(size)
        if goal is not None:
            med_goal, p99_goal = goal
            ok = all(fig[f"{m}_median_ms"] <= med_goal and
                     (p99_goal is None or fig[f"{m}_p99_ms"] <= p99_goal) for m in CAMERAS)
            verdicts.append(f"{tag} {'met' if ok else 'MISSED'}")
    pygame.display.quit()
    out["goal"] = ("2560x1440: every camera median <= 16.7 ms, p99 <= 33 ms; "
                   "3840x2160: median <= 33 ms")
    out["goal_verdict"] = ", ".join(verdicts)
    return out


def _bench_size(orbit, size: tuple[int, int], frames: int) -> dict:
    import pygame

    from game.session.setup import GameSetup
    from game.view.app import STEP_S, App
    from game.view.screens.game_screen import GameScreen

    app = App(size, headless=True)
    # The game as played: AI vs AI on the real sim, schematic panel, rules HUD.
    setup = GameSetup(orbit=orbit, orbit_label="bench", epoch_unix_s=orbit.epoch_unix_s,
                      seed=1, us="ai", ru="ai")
    screen = GameScreen(setup, camera="free", auto_camera=True, record=False)
    screen.show_fps = True
    app.push(screen)
    surf = app.surface
    # Warm up caches (ray grids, sprites, text, the Cupola frame) outside the timing.
    for mode in CAMERAS:
        screen.rig.mode = mode
        for _ in range(8):
            screen.update(STEP_S)
            screen.draw(surf, 0.0)
    # Start the war so flashes and afterglows are on screen during the run.
    first = float(screen.world.flashes()[:, 2].min()) - 5.0
    screen.sim.advance(first - screen.t)
    screen.t = screen.t_prev = screen.start_unix_s + screen.sim.mission_s
    out: dict = {}
    medians = {}
    for mode in CAMERAS:
        screen.rig.mode = mode  # no transition: each window shows one camera
        for _ in range(60):  # the render budget settles on this camera's resolution
            t0 = time.perf_counter()
            screen.update(STEP_S)
            screen.draw(surf, 0.5)
            pygame.display.flip()
            app.frame_ms = (time.perf_counter() - t0) * 1000.0
        feed = screen.feed
        feed.slide_due_in(screen.t, 0.5 * frames * STEP_S * screen.warp)
        ext0, fills0 = feed.extensions, feed.refills
        times = []
        for _ in range(frames):
            t0 = time.perf_counter()
            screen.update(STEP_S)
            screen.draw(surf, 0.5)
            pygame.display.flip()
            times.append(time.perf_counter() - t0)
            app.frame_ms = times[-1] * 1000.0
        medians[mode] = _percentile(times, 50) * 1000
        out[f"{mode}_median_ms"] = round(medians[mode], 3)
        out[f"{mode}_p99_ms"] = round(_percentile(times, 99) * 1000, 3)
        out[f"{mode}_worst_ms"] = round(max(times) * 1000, 3)
        w, h = screen.scene.render_size
        out[f"{mode}_3d_px"] = f"{w}x{h}"
        out[f"{mode}_feed_slides"] = feed.extensions - ext0  # orbit-table chunks appended
        out[f"{mode}_feed_refills"] = feed.refills - fills0  # whole tables (should be 0)
    # The floor: what the same window costs with nothing to draw.
    blank = pygame.Surface(surf.get_size())
    blank.fill((10, 20, 30))
    floor = []
    for _ in range(max(frames // 2, 30)):
        t0 = time.perf_counter()
        surf.fill((0, 0, 0))
        surf.blit(blank, (0, 0))
        pygame.display.flip()
        floor.append(time.perf_counter() - t0)
    fmed = _percentile(floor, 50) * 1000
    out["floor_median_ms"] = round(fmed, 3)
    for mode in CAMERAS:
        out[f"{mode}_ratio_to_floor"] = round(medians[mode] / fmed, 1) if fmed > 0 else None
    app.pop()
    return out


if __name__ == "__main__":  # pragma: no cover
    import json
    import sys

    print(json.dumps(bench_render("--quick" in sys.argv)))
