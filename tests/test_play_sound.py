"""Sound degrades silently: with no sound card (ALSA finds no card '0' on a headless
machine) starting the mixer prints nothing, on Python's stderr or the C libraries'."""

import os
import subprocess
import sys

import numpy as np

from game.view.sound import Sound, quiet_stderr, tone

CODE = ("from game.view.sound import Sound\n"
        "s = Sound()\n"
        "s.play('alarm')\n"
        "s.on_world(('refused', None))\n")


def _run(driver: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_AUDIODRIVER=driver, SDL_VIDEODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    return subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True,
                          text=True, timeout=60)


def test_sound_init_prints_nothing_with_alsa_and_no_card():
    # On a machine with a card this still must print nothing; without ALSA at all SDL
    # fails to find the driver, and that must be silent too.
    res = _run("alsa")
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""


def test_sound_init_prints_nothing_with_any_driver():
    for driver in ("dummy", "no-such-driver"):
        res = _run(driver)
        assert res.returncode == 0, res.stderr
        assert res.stderr == "", driver


def test_quiet_stderr_restores_fd_2(capfd):
    with quiet_stderr():
        os.write(2, b"swallowed\n")
    os.write(2, b"visible\n")
    err = capfd.readouterr().err
    assert "swallowed" not in err and "visible" in err


def test_disabled_sound_is_a_no_op_and_tones_are_bounded():
    s = Sound(enabled=False)
    assert not s.ok
    s.play("alarm")  # nothing, no error
    for kind in ("alarm", "clunk", "chirp", "refused", "click"):
        w = tone(kind)
        assert len(w) and np.abs(w).max() <= 1.0
