"""Shared test set-up: no screen, no sound, no real home folder."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder (saved orbits, replays)."""
    monkeypatch.setenv("ISS_GAME_HOME", str(tmp_path_factory.mktemp("home")))
