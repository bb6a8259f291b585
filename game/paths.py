"""The one place that decides where data lives.

Bundled data (``assets/``, ``orbits/``) sits at the top of a checkout, and inside the
package as ``game/assets`` and ``game/orbits`` in an installed wheel (pyproject maps the
folders). User data (saved orbits, replays) goes to the platform's user data folder,
overridable with ``ISS_GAME_HOME`` so tests never touch a real home. ``ISS_GAME_ORBITS``
names another folder to use as the bundled orbits (the tests use it to prove that a
fresh element set dropped into ``orbits/`` moves none of them).

The user folders may be unusable (a read-only or full disk, ``ISS_GAME_HOME`` naming a
file or a folder under one): :func:`user_data_dir`, :func:`user_orbits_dir` and
:func:`user_replays_dir` then raise :class:`~game.errors.UserFolderError`, one line
saying which folder and why, for the screens to show while the game carries on without
saving. ``create=False`` gives the path without making or checking it, for listing what
is already there (a folder that does not exist lists nothing).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from game.errors import AssetError, UserFolderError

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


def _usable_folder(path: Path, what: str) -> Path:
    """``path`` made (with its parents) and checked writable, or a UserFolderError."""
    hint = "set ISS_GAME_HOME to a folder you can write"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserFolderError(f"cannot use it for {what}: it is a file, not a folder; "
                              f"{hint}", where=str(path)) from None
    except NotADirectoryError:
        raise UserFolderError(f"cannot make the folder for {what}: part of the path is a "
                              f"file; {hint}", where=str(path)) from None
    except OSError as exc:
        raise UserFolderError(f"cannot make the folder for {what} "
                              f"({exc.strerror or exc}); {hint}", where=str(path)) from None
    if not path.is_dir():
        raise UserFolderError(f"cannot use it for {what}: not a folder; {hint}",
                              where=str(path))
    if not os.access(path, os.W_OK | os.X_OK):
        raise UserFolderError(f"cannot write {what} here (the folder is read-only); {hint}",
                              where=str(path))
    return path


def _user_base() -> Path:
    override = os.environ.get("ISS_GAME_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir("iss-game", False))


def user_data_dir(create: bool = True) -> Path:
    """Per-user folder for the player's own files, made on demand (``create``): a
    :class:`UserFolderError` if it cannot be made or written."""
    base = _user_base()
    return _usable_folder(base, "your files") if create else base


def user_orbits_dir(create: bool = True) -> Path:
    """Where orbits the player saves go; bundled files are never overwritten. A
    :class:`UserFolderError` if it cannot be made or written (``create=False``: the path
    only, for listing)."""
    path = _user_base() / "orbits"
    if create:
        user_data_dir()
        _usable_folder(path, "saved orbits")
    return path


def user_replays_dir(create: bool = True) -> Path:
    """Where every windowed game is recorded automatically. A :class:`UserFolderError`
    if it cannot be made or written (``create=False``: the path only, for listing)."""
    path = _user_base() / "replays"
    if create:
        user_data_dir()
        _usable_folder(path, "replays")
    return path
