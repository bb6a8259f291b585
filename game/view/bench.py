"""Render benchmark: the game screen at 1280x720 (3D view, station schematic panel, rules
HUD; AI vs AI on the real simulation), every layer on, the free camera moving
(then the follow and Cupola cameras, reported separately).

``bench_render(quick)`` renders frames exactly as headless play does (one fixed step per
frame, free camera turning and zooming, flashes, track, station inset, HUD with FPS) and
measures each frame's draw + flip. In the same run it measures a bare floor (fill + blit
+ flip of a full-screen surface) so the figures can be compared across machines.
"""

from __future__ import annotations

import os
import time


def _percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    k = min(len(s) - 1, max(0, int(round(q / 100.0 * (len(s) - 1)))))
    return s[k]


def bench_render(quick: bool = False) -> dict:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.orbit.api import load_orbit
    from game.view.app import STEP_S, App
    from game.view.game_screen import GameScreen
    from game.view.setup import GameSetup

    frames = 240 if quick else 900
    orbit = load_orbit()
    app = App(headless=True)
    # The game as played: AI vs AI on the real sim, schematic panel, rules HUD.
    setup = GameSetup(orbit=orbit, orbit_label="bench", epoch_unix_s=orbit.epoch_unix_s,
                      seed=1, us="ai", ru="ai")
    screen = GameScreen(setup, camera="free", auto_camera=True, record=False)
    screen.show_fps = True
    app.push(screen)
    surf = app.surface
    # Warm up caches (ray grids, sprites, text) outside the timing.
    for _ in range(20):
        screen.update(STEP_S)
        screen.draw(surf, 0.0)
    times = []
    # Start the war so flashes and afterglows are on screen during the run.
    first = float(screen.world.flashes()[:, 2].min()) - 5.0
    screen.sim.advance(first - screen.t)
    screen.t = screen.t_prev = first
    for _ in range(frames):
        t0 = time.perf_counter()
        screen.update(STEP_S)
        screen.draw(surf, 0.5)
        pygame.display.flip()
        times.append(time.perf_counter() - t0)
    # The other two cameras (texture filtered near the ground; the station model drawn).
    per_cam = {}
    for mode in ("follow", "cupola"):
        screen.rig.mode = mode
        cam_times = []
        for i in range(frames // 3 + 10):
            t0 = time.perf_counter()
            screen.update(STEP_S)
            screen.draw(surf, 0.5)
            pygame.display.flip()
            if i >= 10:
                cam_times.append(time.perf_counter() - t0)
        per_cam[mode] = (round(_percentile(cam_times, 50) * 1000, 3),
                         round(_percentile(cam_times, 99) * 1000, 3))
    # The floor: what the same window costs with nothing to draw.
    blank = pygame.Surface(surf.get_size())
    blank.fill((10, 20, 30))
    floor = []
    for _ in range(frames // 2):
        t0 = time.perf_counter()
        surf.fill((0, 0, 0))
        surf.blit(blank, (0, 0))
        pygame.display.flip()
        floor.append(time.perf_counter() - t0)
    med = _percentile(times, 50) * 1000
    p99 = _percentile(times, 99) * 1000
    fmed = _percentile(floor, 50) * 1000
    size = list(surf.get_size())
    app.pop()
    pygame.display.quit()
    return {
        "size_px": size,
        "frames": frames,
        "median_ms": round(med, 3),
        "p99_ms": round(p99, 3),
        "max_ms": round(max(times) * 1000, 3),
        "floor_median_ms": round(fmed, 3),
        "ratio_to_floor": round(med / fmed, 2) if fmed > 0 else None,
        "follow_median_ms": per_cam["follow"][0],
        "follow_p99_ms": per_cam["follow"][1],
        "cupola_median_ms": per_cam["cupola"][0],
        "cupola_p99_ms": per_cam["cupola"][1],
        "goal": "median <= 10 ms, p99 <= 16.7 ms",
    }


if __name__ == "__main__":  # pragma: no cover
    import json
    import sys

    print(json.dumps(bench_render("--quick" in sys.argv)))
