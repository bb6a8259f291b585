"""game.sim stays pure: no pygame, no Skyfield."""

import subprocess
import sys


def test_sim_imports_neither_pygame_nor_skyfield():
    code = ("import sys, game.sim, game.sim.api, game.sim.ai, game.sim.runner; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'skyfield')); "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_session_imports_no_pygame():
    """game.session is the game without a window: the screens' logic that a test or a
    headless tool can drive with no display."""
    code = ("import sys, game.session.world, game.session.setup, game.session.log, "
            "game.session.palette, game.session.wording, game.session.orbit_preview, "
            "game.session.orbit_files; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'pygame'); "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
