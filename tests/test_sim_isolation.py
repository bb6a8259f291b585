"""game.sim stays pure: no pygame, no Skyfield."""

import subprocess
import sys


def test_sim_imports_neither_pygame_nor_skyfield():
    code = ("import sys, game.sim, game.sim.api, game.sim.ai, game.sim.runner; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'skyfield')); "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
