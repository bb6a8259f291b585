"""Short synthesized sounds (numpy + pygame.sndarray): strike alarm, hatch clunk, radio
chirp when orders arrive, a buzz for a refused command, a click for an accepted one.

Degrades silently: with no audio device (``pygame.mixer`` fails to start) every call
is a no-op, and nothing is printed: the C libraries below SDL (ALSA's "cannot find card
'0'" and friends) write straight to file descriptor 2, so the mixer is started with that
descriptor pointed at the null device (:func:`quiet_stderr`) and restored right after.
Nothing is loaded from disk.
"""

from __future__ import annotations

import contextlib
import os
import sys

import numpy as np

RATE = 22050


def _env(n: int, attack: float = 0.01, release: float = 0.3) -> np.ndarray:
    t = np.arange(n) / RATE
    a = np.clip(t / max(attack, 1e-4), 0, 1)
    r = np.clip((n / RATE - t) / max(release, 1e-4), 0, 1)
    return a * r


def tone(kind: str) -> np.ndarray:
    """Mono float samples in [-1, 1] for a named sound."""
    if kind == "alarm":  # two-tone klaxon, three beats
        n = int(RATE * 0.9)
        t = np.arange(n) / RATE
        f = np.where((t * 3.3).astype(int) % 2 == 0, 660.0, 880.0)
        w = np.sign(np.sin(2 * np.pi * np.cumsum(f) / RATE)) * 0.35
        return w * _env(n, 0.01, 0.15)
    if kind == "clunk":  # low thud with a metallic ring
        n = int(RATE * 0.35)
        t = np.arange(n) / RATE
        w = np.sin(2 * np.pi * 70 * t) * np.exp(-t * 18) + 0.3 * np.sin(2 * np.pi * 410 * t) \
            * np.exp(-t * 25)
        return w * 0.8
    if kind == "chirp":  # radio: rising sweep, a burst of static, a beep
        n = int(RATE * 0.5)
        t = np.arange(n) / RATE
        sweep = np.sin(2 * np.pi * (900 + 1800 * t) * t) * (t < 0.18)
        rng = np.random.default_rng(5)
        static = rng.uniform(-1, 1, n) * 0.25 * ((t > 0.18) & (t < 0.32))
        beep = np.sin(2 * np.pi * 1400 * t) * (t > 0.34)
        return (sweep + static + beep) * 0.4 * _env(n, 0.005, 0.05)
    if kind == "refused":
        n = int(RATE * 0.18)
        t = np.arange(n) / RATE
        return np.sign(np.sin(2 * np.pi * 140 * t)) * 0.25 * _env(n, 0.005, 0.05)
    if kind == "click":
        n = int(RATE * 0.05)
        t = np.arange(n) / RATE
        return np.sin(2 * np.pi * 1200 * t) * np.exp(-t * 90) * 0.4
    raise ValueError(f"unknown sound '{kind}'")


@contextlib.contextmanager
def quiet_stderr():
    """Silence file descriptor 2 (C libraries' stderr, not only Python's) for the block.

    Python's own exceptions still propagate; only what is written to fd 2 meanwhile is
    dropped. If the descriptor cannot be duplicated, the block runs unchanged."""
    try:
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # no stderr, or a closed one
        pass
    try:
        saved = os.dup(2)
    except OSError:  # no descriptor 2 to silence: run the block as it is
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
        finally:
            os.close(devnull)
        yield
    finally:
        try:
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):  # as above
            pass
        os.dup2(saved, 2)
        os.close(saved)


class Sound:
    """Plays the game's sounds; every method is a no-op without an audio device."""

    def __init__(self, enabled: bool = True):
        self.ok = False
        self._sounds: dict = {}
        if not enabled:
            return
        import pygame

        try:
            if pygame.mixer.get_init() is None:
                with quiet_stderr():  # ALSA & co. complain on fd 2 when there is no card
                    pygame.mixer.init(frequency=RATE, size=-16, channels=1, buffer=512)
            freq, _fmt, channels = pygame.mixer.get_init()
            for kind in ("alarm", "clunk", "chirp", "refused", "click"):
                w = tone(kind)
                if freq != RATE:
                    idx = np.linspace(0, len(w) - 1, int(len(w) * freq / RATE))
                    w = np.interp(idx, np.arange(len(w)), w)
                pcm = (np.clip(w, -1, 1) * 32000).astype(np.int16)
                if channels > 1:
                    pcm = np.repeat(pcm[:, None], channels, axis=1)
                self._sounds[kind] = pygame.sndarray.make_sound(np.ascontiguousarray(pcm))
            self.ok = True
        except (pygame.error, TypeError, ValueError):
            # pygame.error: no audio device or no mixer; TypeError: get_init() is None
            # when init failed quietly; ValueError: a device format sndarray cannot fill.
            # The game plays on, silent.
            self.ok = False
            self._sounds = {}

    def play(self, kind: str) -> None:
        s = self._sounds.get(kind)
        if s is not None:
            import pygame

            try:
                s.play()
            except pygame.error:  # the device went away mid-game: no sound, no crash
                pass

    def on_world(self, item) -> None:
        """Listener for SimWorld: ("event", Event) or ("accepted"|"refused", cmd)."""
        what, obj = item
        if what == "refused":
            self.play("refused")
        elif what == "accepted":
            self.play("click")
        else:
            kind = obj.kind
            if kind in ("flash", "station_silenced", "debris_warning", "oxygen_off"):
                self.play("alarm")
            elif kind in ("hatch_closed", "hatch_opened", "hatch_forced"):
                self.play("clunk")
            elif kind in ("order_received", "agency_call"):
                self.play("chirp")
