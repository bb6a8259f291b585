"""Reading orbit files: TLE, 3LE (CelesTrak), OMM JSON and OMM CSV, told apart by content.

Every problem becomes one :class:`~game.errors.OrbitDataError` whose message names the
source, the line (and columns, for TLE text) and says what was expected and what was
found, because a person fixes these files by hand in a text editor. Parsing never raises
anything else for bad input, so the in-game orbit editor can call
:func:`parse_orbit_text` on whatever the player typed and keep the last good orbit.

What an element set must be is decided in one place, :mod:`game.orbit.tle` (TLE lines
checked as SGP4 reads them, physical bounds, SGP4 must fly it around its epoch); OMM
records become TLE lines first (:mod:`game.orbit.omm`). This module splits files into
element sets and reads files: regular files only, at most :data:`MAX_FILE_BYTES`
(a FIFO or ``/dev/zero`` is one clear error, never a hang).
"""

from __future__ import annotations

from pathlib import Path

from game.errors import OrbitDataError, safe_text
from game.orbit.elements import Orbit
from game.orbit.limits import NAME_MAX
from game.orbit.omm import parse_omm_csv, parse_omm_json
from game.orbit.tle import Place, clean_name, orbit_from_lines, tle_checksum
from game.untrusted import read_regular_file

__all__ = ["parse_orbit_text", "read_orbit_file", "select_orbit", "tle_checksum",
           "MAX_FILE_BYTES"]

#: Largest orbit file accepted (CelesTrak's whole active catalogue is a few MB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def _where(source: str, lineno: int) -> str:
    return f"{source}, line {lineno}"


def _is_tle_line(line: str) -> bool:
    """A TLE line 1 or 2 (a name line is at most 24 columns, so it never is one)."""
    return line[:2] in ("1 ", "2 ") and len(line) > NAME_MAX


def _lines(text: str) -> list[str]:
    """Lines split on newlines only (a stray \\v or \\x1c stays inside its line, to be
    named at its column), each without its CR and trailing blanks."""
    return [raw[:-1].rstrip(" ") if raw.endswith("\r") else raw.rstrip(" ")
            for raw in text.split("\n")]


def _parse_tle_text(text: str, source: str) -> list[Orbit]:
    orbits: list[Orbit] = []
    name: tuple[int, str] | None = None
    line1: tuple[int, str] | None = None
    for lineno, line in enumerate(_lines(text), start=1):
        if not line.strip(" "):
            continue
        kind = line[0] if _is_tle_line(line) else "name"
        if kind == "1":
            if line1 is not None:
                raise OrbitDataError(f"expected line 2 of the element set begun on line "
                                     f"{line1[0]}, found another line 1",
                                     where=_where(source, lineno))
            line1 = (lineno, line)
        elif kind == "2":
            if line1 is None:
                raise OrbitDataError("found a line 2 with no line 1 before it "
                                     "(lines out of order, or line 1 missing?)",
                                     where=_where(source, lineno))
            orbits.append(orbit_from_lines(name[1] if name else "", line1[1], line,
                                           Place(source, line1[0])))
            name = line1 = None
        else:
            if line1 is not None:
                raise OrbitDataError(f"expected line 2 of the element set begun on line "
                                     f"{line1[0]}, found {safe_text(line.strip(), 30)}",
                                     where=_where(source, lineno))
            if name is not None:
                raise OrbitDataError(f"the satellite named {safe_text(name[1])} on line "
                                     f"{name[0]} has no element lines; found another name "
                                     f"{safe_text(line.strip(), 30)} (or is this not a TLE "
                                     "file?)", where=_where(source, lineno))
            name = (lineno, clean_name(line, _where(source, lineno)))
    if line1 is not None:
        raise OrbitDataError("line 1 has no line 2 after it (the file ends)",
                             where=_where(source, line1[0]))
    if name is not None:
        raise OrbitDataError(f"the satellite named {safe_text(name[1])} has no element "
                             "lines after it", where=_where(source, name[0]))
    return orbits


def _looks_like_tle(stripped: str) -> bool:
    """A 3LE may begin with a name such as '[+] X' or 'NORAD_CAT_ID,..': it is TLE text
    when one of its first two lines is a TLE line."""
    first = [line for line in _lines(stripped)[:3] if line.strip(" ")][:2]
    return any(_is_tle_line(line) for line in first)


def parse_orbit_text(text: str, source_name: str = "<text>") -> list[Orbit]:
    """Every satellite in ``text`` (TLE, 3LE, OMM JSON or OMM CSV, told apart by content).

    Raises :class:`~game.errors.OrbitDataError` naming ``source_name``, the line and the
    columns for anything wrong; never anything else for bad input.
    """
    if not isinstance(text, str):
        raise OrbitDataError("expected text", where=source_name)
    if len(text) > MAX_FILE_BYTES:
        raise OrbitDataError(f"text is {len(text) / 1e6:.0f} MB; over "
                             f"{MAX_FILE_BYTES // 2**20} MB is refused", where=source_name)
    text = text.lstrip("\ufeff")
    stripped = text.strip()
    if not stripped:
        raise OrbitDataError("the file is empty; expected TLE/3LE lines or CelesTrak OMM "
                             "(JSON or CSV)", where=source_name)
    first_line = stripped.split("\n", 1)[0]
    if _looks_like_tle(stripped):
        orbits = _parse_tle_text(text, source_name)
    elif stripped[0] in "[{":
        orbits = parse_omm_json(stripped, source_name)
    elif "," in first_line and ("NORAD_CAT_ID" in first_line or "OBJECT_NAME" in first_line):
        orbits = parse_omm_csv(text, source_name)
    else:
        orbits = _parse_tle_text(text, source_name)
    if not orbits:
        raise OrbitDataError("no element sets found", where=source_name)
    return orbits


def read_orbit_file(path) -> list[Orbit]:
    """Every satellite in an orbit file; a missing, huge, binary or special file (a
    folder, a FIFO, a device) is an OrbitDataError."""
    p = Path(path)
    data = read_regular_file(p, MAX_FILE_BYTES, OrbitDataError, "orbit file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OrbitDataError(f"not a text file (byte {exc.start} is not UTF-8); expected "
                             "TLE/3LE or CelesTrak OMM JSON/CSV", where=str(p)) from None
    return parse_orbit_text(text, str(p))


def _describe(orbits: list[Orbit], limit: int = 8) -> str:
    names = [f"{o.name} ({o.norad_id})" for o in orbits[:limit]]
    more = f" and {len(orbits) - limit} more" if len(orbits) > limit else ""
    return ", ".join(names) + more


def select_orbit(orbits: list[Orbit], sat: str | int | None, source: str) -> Orbit:
    """Pick one satellite: by NORAD number, by name (case-insensitive; a unique substring
    will do), or by default the ISS (25544), else the file's only satellite.

    Several element sets of the same satellite (a history file): the newest epoch wins.
    """
    def newest(found: list[Orbit]) -> Orbit:
        return max(found, key=lambda o: o.epoch_unix_s)

    if sat is None or str(sat).strip() == "":
        iss = [o for o in orbits if o.norad_id == 25544]
        if iss:
            return newest(iss)
        if len({o.norad_id for o in orbits}) == 1:
            return newest(orbits)
        raise OrbitDataError(f"no ISS (25544) in the file and it holds {len(orbits)} "
                             f"satellites; choose one with --sat: {_describe(orbits)}",
                             where=source)
    key = str(sat).strip()
    if key.isascii() and key.isdigit():
        found = [o for o in orbits if len(key) <= 6 and o.norad_id == int(key)]
    else:
        lowered = key.casefold()
        found = [o for o in orbits if o.name.casefold() == lowered]
        if not found:
            found = [o for o in orbits if lowered in o.name.casefold()]
    if not found:
        raise OrbitDataError(f"no satellite matching {safe_text(key)}; the file has: "
                             f"{_describe(orbits)}", where=source)
    if len({o.norad_id for o in found}) > 1:
        raise OrbitDataError(f"{safe_text(key)} matches {len({o.norad_id for o in found})} "
                             f"satellites: {_describe(found)}; give more of the name or the "
                             "NORAD number", where=source)
    return newest(found)
