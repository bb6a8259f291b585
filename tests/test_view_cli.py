"""`iss-game play` headless: a real 1280x720 screenshot with Earth, space, day and night;
clear one-line errors for a missing asset and for no display."""

import os
import subprocess
import sys

import numpy as np
import pygame
import pytest

from game.cli.main import main


def _shot(tmp_path, camera, epoch="2026-10-08T12:00:00Z", frames=8):
    out = tmp_path / f"{camera}.png"
    rc = main(["play", "--headless", "--frames", str(frames), "--screenshot", str(out),
               "--camera", camera, "--epoch", epoch, "--seed", "3"])
    assert rc == 0
    assert out.is_file()
    img = pygame.image.load(str(out))
    assert img.get_size() == (1280, 720)
    return pygame.surfarray.array3d(img).astype(int)


def test_headless_free_screenshot_has_earth_space_day_and_night(tmp_path):
    a = _shot(tmp_path, "free")
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    ocean = (b > 60) & (b > r + 25)
    land = ((g > 60) & (g >= b)) | ((r > 90) & (r > b + 20))  # green or brown/desert
    space = (r + g + b) < 30
    lights = (r > 150) & (g > 100) & (r > b + 60)  # city lights on the night side
    night = (r + g + b) < 45
    assert ocean.sum() > 5000
    assert land.sum() > 5000
    # dark sky at the left edge of the 3D view, below the HUD boxes (the station schematic
    # takes the right 560 px of the window in a game)
    assert space[:80, 280:].mean() > 0.9
    assert lights.sum() > 200
    # Night inside the disc: dark pixels near the centre rows, between lit ones.
    assert night[300:980, 200:520].sum() > 2000
    assert (r + g + b)[300:980, 200:520].max() > 300


@pytest.mark.parametrize("camera", ["follow", "cupola"])
def test_headless_other_cameras(tmp_path, camera):
    a = _shot(tmp_path, camera, epoch="2026-10-08T12:55:00Z", frames=3)
    assert a.std() > 5  # not a blank frame


def test_missing_asset_is_one_line_exit_2(tmp_path, monkeypatch, capsys):
    from game.errors import AssetError
    from game.view import resources

    def missing(name):
        raise AssetError("missing asset; run 'python tools/build_assets.py'",
                         where=str(tmp_path / name))

    monkeypatch.setattr(resources, "asset", missing)
    resources.earth_maps.cache_clear()
    try:
        rc = main(["play", "--headless", "--frames", "2", "--screenshot",
                   str(tmp_path / "x.png")])
    finally:
        resources.earth_maps.cache_clear()
    err = capsys.readouterr().err
    assert rc == 2
    assert len(err.strip().splitlines()) == 1 and "earth_day.jpg" in err
    assert not (tmp_path / "x.png").exists()


def test_no_display_without_headless_is_one_line_exit_2():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    p = subprocess.run([sys.executable, "-m", "game.cli.main", "play"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1 and "display" in p.stderr
    assert "Traceback" not in p.stderr


def test_headless_cli_subprocess_writes_png(tmp_path):
    out = tmp_path / "s.png"
    env = {k: v for k, v in os.environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    p = subprocess.run([sys.executable, "-m", "game.cli.main", "play", "--headless",
                        "--frames", "3", "--screenshot", str(out)],
                       capture_output=True, text=True, timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""  # no pygame banner: stdout is for results (--json) only
    assert pygame.image.load(str(out)).get_size() == (1280, 720)
    assert np.asarray(pygame.surfarray.array3d(pygame.image.load(str(out)))).max() > 100
