"""The one place that decides where data lives.

Bundled data (``assets/``, ``orbits/``) sits at the top of a checkout, and inside the
package as ``game/assets`` and ``game/orbits`` in an installed wheel (pyproject maps the
folders). User data (saved orbits, replays) goes to the platform's user data folder,
overridable with ``ISS_GAME_HOME`` so tests never touch a real home. ``ISS_GAME_ORBITS``
names another folder to use as the bundled orbits (the tests use it to prove that a
fresh element set dropped into ``orbits/`` moves none of them).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from game.errors import AssetError

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / name  # wheel: site-packages/game/assets
    if installed.is_dir():
        return installed
    checkout = _CHECKOUT_DIR / name  # checkout or editable install: repo/assets
    if checkout.is_dir() and (_CHECKOUT_DIR / "pyproject.toml").is_file():
        return checkout
    raise AssetError(f"bundled folder '{name}' not found; reinstall with 'pip install .'",
                     where=str(installed))


def assets_dir() -> Path:
    """Folder of bundled assets (Earth texture, cities, station facts)."""
    return _bundled("assets")


def orbits_dir() -> Path:
    """Folder of bundled orbit files (real ISS element sets and presets), or the folder
    ``ISS_GAME_ORBITS`` names."""
    override = os.environ.get("ISS_GAME_ORBITS")
    if override:
        path = Path(override)
        if not path.is_dir():
            raise AssetError("ISS_GAME_ORBITS is not a folder", where=str(path))
        return path
    return _bundled("orbits")


def asset(name: str) -> Path:
    """Path of one bundled asset; a clear error if it is missing."""
    path = assets_dir() / name
    if not path.is_file():
        raise AssetError("missing asset; run 'python tools/build_assets.py' or reinstall",
                         where=str(path))
    return path


def default_orbit_file() -> Path:
    """The bundled ISS element set used when no ``--orbit`` is given: the newest one."""
    files = sorted(orbits_dir().glob("iss-*.tle"))
    if not files:
        raise AssetError("no bundled ISS element set (iss-*.tle)", where=str(orbits_dir()))
    return files[-1]


def user_data_dir() -> Path:
    """Per-user folder for the player's own files (created on demand)."""
    override = os.environ.get("ISS_GAME_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir("iss-game", False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def user_orbits_dir() -> Path:
    """Where orbits the player saves go; bundled files are never overwritten."""
    path = user_data_dir() / "orbits"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_replays_dir() -> Path:
    """Where every windowed game is recorded automatically."""
    path = user_data_dir() / "replays"
    path.mkdir(parents=True, exist_ok=True)
    return path
