"""The orbit files the menus offer: bundled presets and real element sets, the player's
own, and files loaded by path; read once per change, a bad file kept with its error.

:class:`OrbitCatalogue` is what the orbit panel lists; :func:`orbit_files` is the title
menu's plain list to cycle through. :func:`sanitise_name` turns a typed name into a
file stem and a 3LE name line for "Save as".

Listing only reads: the player's folder is never made here (``create=False``). One that
does not exist lists nothing; one that cannot be read lists nothing and says why (one
line, for the screen to show), and the bundled files are listed all the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from game.errors import UserError, UserFolderError

ORBIT_SUFFIXES = {".tle", ".3le", ".txt", ".json", ".csv"}
NAME_MAX = 24  # a 3LE name line (CelesTrak's width)

#: Friendly labels for the bundled presets (file name -> label); the newest real set is
#: labelled "today" wherever it is.
PRESET_LABELS = {
    "preset-film-2024-01-19.tle": "Film release, 2024-01-19",
    "preset-polar.tle": "Polar: sees the whole war",
    "preset-high-63.tle": "High 63.4°: over Moscow",
    "preset-equatorial.tle": "Equatorial: no Moscow",
}



@dataclass
class OrbitFile:
    path: Path
    group: str  # "presets", "real", "yours", "loaded"
    label: str
    orbits: list | None = None  # parsed satellites, or None if the file is bad
    error: str | None = None


def list_orbit_files(folder: Path) -> list[Path]:
    """The orbit files in ``folder``, sorted by name; none if it does not exist; a
    :class:`UserFolderError` (one line) if it cannot be read."""
    try:
        return sorted(p for p in folder.iterdir()
                      if p.suffix.lower() in ORBIT_SUFFIXES and p.is_file())
    except (FileNotFoundError, NotADirectoryError):  # nothing saved there (yet)
        return []
    except OSError as exc:  # e.g. a folder the player may not read
        raise UserFolderError(f"cannot list your orbits ({exc.strerror or exc})",
                              where=str(folder)) from None


def sanitise_name(name: str) -> tuple[str, str]:
    """(file stem, name line) for a name the player typed; ValueError if nothing is left.

    The stem keeps letters, digits, ``-`` and ``_`` (spaces become ``-``), at most 40;
    the name line keeps printable ASCII, at most 24 columns, as a 3LE allows.
    """
    line = " ".join("".join(c for c in name if 32 <= ord(c) < 127).split())[:NAME_MAX].strip()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip()).strip("-_.").lower()[:40].strip("-")
    if not stem or not line:
        raise ValueError("type a name with letters or digits")
    return stem, line


class OrbitCatalogue:
    """Orbit files read through a cache keyed by modification time (the panel rescans on
    every save and when it opens; unchanged files are not parsed again)."""

    def __init__(self):
        self._cache: dict[Path, tuple[float, OrbitFile]] = {}

    def read(self, path: Path, group: str, label: str) -> OrbitFile:
        from game.orbit.api import read_orbit_file

        try:
            mtime = path.stat().st_mtime
        except OSError:  # vanished or unreadable: never cached; read_orbit_file says why
            mtime = -1.0
        hit = self._cache.get(path)
        if hit is not None and hit[0] == mtime and mtime >= 0:
            f = hit[1]
            return OrbitFile(path, group, label, f.orbits, f.error)
        try:
            of = OrbitFile(path, group, label, read_orbit_file(path))
        except UserError as exc:
            of = OrbitFile(path, group, label, None, str(exc))
        self._cache[path] = (mtime, of)
        return of

    def forget(self, path: Path) -> None:
        """Read ``path`` afresh next time (it was just written)."""
        self._cache.pop(path, None)

    def scan(self) -> tuple[list[OrbitFile], str | None]:
        """The bundled folder (presets first, with their labels; then the real sets) and
        the player's folder, and one line saying what could not be listed (the bundled
        folder missing, the player's unreadable), else None."""
        from game.paths import default_orbit_file, orbits_dir, user_orbits_dir

        files: list[OrbitFile] = []
        errors = []
        try:
            bundled = list_orbit_files(orbits_dir())
            newest = default_orbit_file().name
        except UserError as exc:  # AssetError: no bundled folder or no ISS set in it
            bundled, newest = [], ""
            errors.append(str(exc))
        presets = [(newest, "ISS today (real)")]
        presets += [(n, lab) for n, lab in PRESET_LABELS.items()]
        by_name = {p.name: p for p in bundled}
        for name, label in presets:
            if name in by_name:
                files.append(self.read(by_name.pop(name), "presets", label))
        for p in by_name.values():
            m = re.fullmatch(r"iss-(\d{4}-\d{2}-\d{2})\.tle", p.name)
            label = f"ISS real set {m.group(1)}" if m else p.name
            if p.name == "iss-2024-01-18.tle":
                label += " (film eve)"
            files.append(self.read(p, "real", label))
        try:
            mine = list_orbit_files(user_orbits_dir(create=False))
        except UserFolderError as exc:
            mine = []
            errors.append(str(exc))
        files += [self.read(p, "yours", p.name) for p in mine]
        return files, "; ".join(errors) or None


def orbit_files() -> tuple[list[Path], str | None]:
    """Bundled orbit files, then the player's own (sorted by name within each), and one
    line saying what could not be listed (else None)."""
    from game.paths import orbits_dir, user_orbits_dir

    out: list[Path] = []
    errors = []
    for folder in (orbits_dir, lambda: user_orbits_dir(create=False)):
        try:
            out += list_orbit_files(folder())
        except UserError as exc:  # AssetError (bundled) or UserFolderError (yours)
            errors.append(str(exc))
    return out, "; ".join(errors) or None
