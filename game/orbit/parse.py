"""Reading and validating orbit files: TLE, 3LE (CelesTrak), OMM JSON and OMM CSV.

Every problem becomes one :class:`~game.errors.OrbitDataError` whose message names the
source, the line (and columns, for TLE text) and says what was expected and what was
found, because a person fixes these files by hand in a text editor. Parsing never raises
anything else for bad input, so the in-game orbit editor can call
:func:`parse_orbit_text` on whatever the player typed and keep the last good orbit.

An element set whose epoch is outside the span the game computes
(:func:`~game.orbit.timescale.supported_span`, the DE421 ephemeris: about 1899..2053,
while TLE years run to 2056) is refused here, at load, naming the epoch's columns: a
file that loads is one every command can use.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from datetime import datetime, timezone
from pathlib import Path

from sgp4.api import WGS72, Satrec

from game.errors import OrbitDataError
from game.orbit.elements import SGP4INIT_EPOCH_JD, Orbit, sgp4_error_text
from game.orbit.timescale import DAY_S, JD_UNIX_EPOCH, check_time_span

__all__ = ["parse_orbit_text", "read_orbit_file", "select_orbit", "tle_checksum",
           "MAX_FILE_BYTES"]

#: Largest orbit file accepted (CelesTrak's whole active catalogue is a few MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
_TLE_LEN = 69
_NAME_MAX = 24  # CelesTrak pads (and limits) names to 24 columns

_FLOAT = r"[+-]?(?:\d+\.?\d*|\.\d+)"
_EXP = r"[+-]?\d{1,5}[+-]\d"  # TLE's implied-decimal exponent form, e.g. " 11685-3"
_SATNUM = r"(?:\d{1,5}|[A-HJ-NP-Z]\d{4})"  # digits, or Alpha-5 (no I or O)
# (line, first column, last column, name, pattern, example) — columns 1-based inclusive.
_FIELDS = {
    "1": [
        (3, 7, "catalogue number", _SATNUM, "25544"),
        (8, 8, "classification", r"[UCS ]", "U"),
        (19, 20, "epoch year", r"\d\d", "24"),
        (21, 32, "epoch day of year", r"\d{1,3}\.\d*", "018.43698023"),
        (34, 43, "first derivative of mean motion", _FLOAT, " .00021385"),
        (45, 52, "second derivative of mean motion", _EXP, " 00000+0"),
        (54, 61, "BSTAR drag term", _EXP, " 38757-3"),
        (63, 63, "ephemeris type", r"\d?", "0"),
        (65, 68, "element set number", r"\d{1,4}", " 999"),
    ],
    "2": [
        (3, 7, "catalogue number", _SATNUM, "25544"),
        (9, 16, "inclination", _FLOAT, " 51.6427"),
        (18, 25, "right ascension of the ascending node", _FLOAT, "342.3169"),
        (27, 33, "eccentricity (7 digits, decimal point implied)", r"\d{1,7}", "0004949"),
        (35, 42, "argument of perigee", _FLOAT, "101.3994"),
        (44, 51, "mean anomaly", _FLOAT, " 45.6784"),
        (53, 63, "mean motion", _FLOAT, "15.49554946"),
        (64, 68, "revolution number", r"\d{0,5}", "43517"),
    ],
}
_BLANK_COLUMNS = {"1": (2, 9, 18, 33, 44, 53, 62, 64), "2": (2, 8, 17, 26, 34, 43, 52)}
_COMPILED = {k: [(a, b, n, re.compile(p), ex) for a, b, n, p, ex in v]
             for k, v in _FIELDS.items()}


def tle_checksum(line: str) -> int:
    """TLE checksum of columns 1-68: the sum of the digits, each '-' counting 1, mod 10."""
    return sum(int(c) if c.isdigit() else (c == "-") for c in line[:68]) % 10


def _where(source: str, lineno: int, first: int | None = None, last: int | None = None) -> str:
    where = f"{source}, line {lineno}"
    if first is not None:
        where += f", column {first}" if last in (None, first) else f", columns {first}-{last}"
    return where


def _check_tle_line(line: str, kind: str, source: str, lineno: int) -> None:
    if len(line) != _TLE_LEN:
        hint = "cut short or wrapped?" if len(line) < _TLE_LEN else "extra text at the end?"
        raise OrbitDataError(f"TLE line {kind} should be {_TLE_LEN} characters long, found "
                             f"{len(line)} ({hint})", where=_where(source, lineno))
    if not line.isascii():
        col = next(i for i, c in enumerate(line) if not c.isascii()) + 1
        raise OrbitDataError(f"non-ASCII character {line[col - 1]!r}; TLEs are plain ASCII",
                             where=_where(source, lineno, col))
    for col in _BLANK_COLUMNS[kind]:
        if line[col - 1] != " ":
            raise OrbitDataError(f"expected a space separating fields, found "
                                 f"{line[col - 1]!r} (is a field shifted?)",
                                 where=_where(source, lineno, col))
    for first, last, name, pattern, example in _COMPILED[kind]:
        text = line[first - 1:last]
        if not pattern.fullmatch(text.strip() if name != "classification" else text):
            raise OrbitDataError(f"{name} should look like '{example}', found '{text}'",
                                 where=_where(source, lineno, first, last))
    if not line[68].isdigit():
        raise OrbitDataError(f"checksum should be a digit, found {line[68]!r}",
                             where=_where(source, lineno, 69))
    expected = tle_checksum(line)
    found = int(line[68])
    if expected != found:
        raise OrbitDataError(f"checksum mismatch: expected {expected} (from columns 1-68), "
                             f"found {found}; a digit was mistyped or the line was edited "
                             "by hand (re-save it with 'iss-game orbit edit')",
                             where=_where(source, lineno, 69))


def _check_epoch_day(line1: str, source: str, lineno: int) -> None:
    day = float(line1[20:32])
    if not 1.0 <= day < 367.0:
        raise OrbitDataError(f"epoch day of year should be between 1 and 366.99999999, "
                             f"found {line1[20:32].strip()}", where=_where(source, lineno, 21, 32))


def _check_epoch_span(orbit: Orbit, where: str) -> None:
    """Refuse, at load, an element set whose epoch the game cannot compute around (DE421
    ends in 2053; TLE years run to 2056): one clear error naming the file, instead of a
    file that loads and then fails in every command that uses it."""
    check_time_span(orbit.epoch_unix_s, f"{orbit.name}: epoch", where)


def _sgp4_check(satrec: Satrec, label: str, source: str, where: str) -> None:
    """Reject element sets SGP4 cannot fly, with SGP4's reason in words."""
    if satrec.error:
        raise OrbitDataError(f"{label}: SGP4 cannot use these elements: "
                             f"{sgp4_error_text(satrec.error)}", where=where)
    error, _, _ = satrec.sgp4(satrec.jdsatepoch, satrec.jdsatepochF)
    if error:
        raise OrbitDataError(f"{label}: SGP4 fails at the epoch: {sgp4_error_text(error)} "
                             f"(error {error})", where=where)


def _orbit_from_tle(name: str, line1: str, line2: str, source: str, lineno1: int) -> Orbit:
    _check_tle_line(line1, "1", source, lineno1)
    _check_tle_line(line2, "2", source, lineno1 + 1)
    _check_epoch_day(line1, source, lineno1)
    if line1[2:7].strip() != line2[2:7].strip():
        raise OrbitDataError(f"catalogue numbers differ between the lines: line 1 has "
                             f"'{line1[2:7].strip()}', line 2 has '{line2[2:7].strip()}' "
                             "(lines from two different satellites?)",
                             where=_where(source, lineno1 + 1, 3, 7))
    try:
        satrec = Satrec.twoline2rv(line1, line2, WGS72)
    except (ValueError, IndexError) as exc:  # formats checked above; belt and braces
        raise OrbitDataError(f"SGP4 cannot read the element set: {exc}",
                             where=_where(source, lineno1)) from None
    orbit = Orbit._from_lines(satrec, name, line1, line2, source)
    _sgp4_check(satrec, orbit.name, source, _where(source, lineno1))
    _check_epoch_span(orbit, _where(source, lineno1, 19, 32))
    return orbit


def _parse_tle_text(text: str, source: str) -> list[Orbit]:
    orbits: list[Orbit] = []
    name: tuple[int, str] | None = None
    line1: tuple[int, str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        kind = line[0] if line[:2] in ("1 ", "2 ") and len(line) > _NAME_MAX else "name"
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
            orbits.append(_orbit_from_tle(name[1] if name else "", line1[1], line, source,
                                          line1[0]))
            name = line1 = None
        else:
            if line1 is not None:
                raise OrbitDataError(f"expected line 2 of the element set begun on line "
                                     f"{line1[0]}, found '{line.strip()[:30]}'",
                                     where=_where(source, lineno))
            if name is not None:
                raise OrbitDataError(f"the satellite named '{name[1]}' on line {name[0]} has "
                                     f"no element lines; found another name "
                                     f"'{line.strip()[:30]}' (or is this not a TLE file?)",
                                     where=_where(source, lineno))
            text_name = line.strip()
            if text_name.startswith("0 "):  # Space-Track's 3LE marks name lines with "0 "
                text_name = text_name[2:].strip()
            if len(text_name) > _NAME_MAX + 6:
                raise OrbitDataError(f"expected a satellite name (at most {_NAME_MAX} "
                                     f"characters) or a TLE line starting '1 ' or '2 ', "
                                     f"found '{text_name[:30]}...'",
                                     where=_where(source, lineno))
            name = (lineno, text_name)
    if line1 is not None:
        raise OrbitDataError("line 1 has no line 2 after it (the file ends)",
                             where=_where(source, line1[0]))
    if name is not None:
        raise OrbitDataError(f"the satellite named '{name[1]}' has no element lines after it",
                             where=_where(source, name[0]))
    return orbits


# --- OMM (CelesTrak JSON and CSV) ------------------------------------------------------
_OMM_REQUIRED = ("NORAD_CAT_ID", "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION",
                 "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY", "BSTAR",
                 "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT")


def _omm_float(record: dict, key: str, where: str) -> float:
    value = record.get(key)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise OrbitDataError(f"field {key} should be a number, found {value!r}",
                             where=where) from None
    if not math.isfinite(number):
        raise OrbitDataError(f"field {key} should be a finite number, found {value!r}",
                             where=where)
    return number


def _omm_epoch_unix(text, where: str) -> float:
    s = str(text).strip().rstrip("Zz")
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        raise OrbitDataError(f"field EPOCH should be an ISO time like "
                             f"'2024-01-18T10:29:15.092064', found {text!r}",
                             where=where) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def _orbit_from_omm(record, source: str, where: str) -> Orbit:
    if not isinstance(record, dict):
        raise OrbitDataError(f"expected an OMM record (an object of fields), found "
                             f"{type(record).__name__}", where=where)
    label = str(record.get("OBJECT_NAME") or "").strip()
    if label:
        where = f"{where} ({label})"
    missing = [k for k in _OMM_REQUIRED if record.get(k) in (None, "")]
    if missing:
        raise OrbitDataError(f"missing OMM field(s) {', '.join(missing)}; CelesTrak's "
                             "FORMAT=json or FORMAT=csv has them all", where=where)
    norad = _omm_float(record, "NORAD_CAT_ID", where)
    if norad != int(norad) or not 0 < norad < 340000:
        raise OrbitDataError(f"field NORAD_CAT_ID should be a whole number 1..339999, "
                             f"found {record['NORAD_CAT_ID']!r}", where=where)
    epoch_jd = _omm_epoch_unix(record["EPOCH"], where) / DAY_S + JD_UNIX_EPOCH
    ecc = _omm_float(record, "ECCENTRICITY", where)
    if not 0.0 <= ecc < 1.0:
        raise OrbitDataError(f"field ECCENTRICITY should be in [0, 1), found {ecc}",
                             where=where)
    mean_motion = _omm_float(record, "MEAN_MOTION", where)
    if not 0.0 < mean_motion < 100.0:
        raise OrbitDataError(f"field MEAN_MOTION (rev/day) should be between 0 and 100, "
                             f"found {mean_motion}", where=where)
    incl = _omm_float(record, "INCLINATION", where)
    if not 0.0 <= incl <= 180.0:
        raise OrbitDataError(f"field INCLINATION should be 0..180 degrees, found {incl}",
                             where=where)
    deg = math.pi / 180.0
    satrec = Satrec()
    satrec.sgp4init(
        WGS72, "i", int(norad), epoch_jd - SGP4INIT_EPOCH_JD,
        _omm_float(record, "BSTAR", where),
        _omm_float(record, "MEAN_MOTION_DOT", where) / (1440.0 * 1440.0 / (2 * math.pi)),
        _omm_float(record, "MEAN_MOTION_DDOT", where) / (1440.0 ** 3 / (2 * math.pi)),
        ecc, (_omm_float(record, "ARG_OF_PERICENTER", where) % 360.0) * deg, incl * deg,
        (_omm_float(record, "MEAN_ANOMALY", where) % 360.0) * deg,
        mean_motion * 2 * math.pi / 1440.0,
        (_omm_float(record, "RA_OF_ASC_NODE", where) % 360.0) * deg)
    object_id = str(record.get("OBJECT_ID") or "")
    satrec.intldesg = object_id[2:].replace("-", "")[:8] if len(object_id) > 4 else ""
    satrec.classification = (str(record.get("CLASSIFICATION_TYPE") or "U").strip() or "U")[0]
    for attr, key, default in (("ephtype", "EPHEMERIS_TYPE", 0),
                               ("elnum", "ELEMENT_SET_NO", 999),
                               ("revnum", "REV_AT_EPOCH", 0)):
        value = record.get(key)
        try:
            setattr(satrec, attr, int(float(value)) if value not in (None, "") else default)
        except (TypeError, ValueError):
            raise OrbitDataError(f"field {key} should be a whole number, found {value!r}",
                                 where=where) from None
    _sgp4_check(satrec, label or f"NORAD {int(norad)}", source, where)
    from sgp4.exporter import export_tle

    try:
        line1, line2 = export_tle(satrec)
    except ValueError as exc:
        raise OrbitDataError(f"cannot be written as a TLE: {exc}", where=where) from None
    # Re-read the lines so the model is exactly what the TLE (the orbit's identity) says.
    orbit = Orbit._from_lines(Satrec.twoline2rv(line1, line2, WGS72), label, line1, line2,
                              source)
    _check_epoch_span(orbit, where)
    return orbit


def _parse_omm_json(text: str, source: str) -> list[Orbit]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OrbitDataError(f"not valid JSON: {exc.msg}",
                             where=_where(source, exc.lineno, exc.colno)) from None
    records = data if isinstance(data, list) else [data]
    return [_orbit_from_omm(rec, source, f"{source}, record {i}")
            for i, rec in enumerate(records, start=1)]


def _parse_omm_csv(text: str, source: str) -> list[Orbit]:
    reader = csv.DictReader(io.StringIO(text))
    orbits = []
    try:
        for record in reader:
            if not any((v or "").strip() for v in record.values() if isinstance(v, str)):
                continue
            orbits.append(_orbit_from_omm(record, source, _where(source, reader.line_num)))
    except csv.Error as exc:
        raise OrbitDataError(f"not valid CSV: {exc}", where=_where(source, reader.line_num)) \
            from None
    return orbits


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
    first_line = stripped.splitlines()[0]
    if stripped[0] in "[{":
        orbits = _parse_omm_json(stripped, source_name)
    elif "," in first_line and ("NORAD_CAT_ID" in first_line or "OBJECT_NAME" in first_line):
        orbits = _parse_omm_csv(text, source_name)
    else:
        orbits = _parse_tle_text(text, source_name)
    if not orbits:
        raise OrbitDataError("no element sets found", where=source_name)
    return orbits


def read_orbit_file(path) -> list[Orbit]:
    """Every satellite in an orbit file; a missing, huge or binary file is an OrbitDataError."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise OrbitDataError(f"file is {size / 1e6:.0f} MB; orbit files over "
                                 f"{MAX_FILE_BYTES // 2**20} MB are refused", where=str(p))
        data = p.read_bytes()
    except FileNotFoundError:
        raise OrbitDataError("no such file", where=str(p)) from None
    except IsADirectoryError:
        raise OrbitDataError("is a folder, expected an orbit file", where=str(p)) from None
    except OSError as exc:
        raise OrbitDataError(f"cannot read: {exc.strerror or exc}", where=str(p)) from None
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
    if key.isdigit():
        found = [o for o in orbits if o.norad_id == int(key)]
    else:
        lowered = key.casefold()
        found = [o for o in orbits if o.name.casefold() == lowered]
        if not found:
            found = [o for o in orbits if lowered in o.name.casefold()]
    if not found:
        raise OrbitDataError(f"no satellite matching '{key}'; the file has: "
                             f"{_describe(orbits)}", where=source)
    if len({o.norad_id for o in found}) > 1:
        raise OrbitDataError(f"'{key}' matches {len({o.norad_id for o in found})} satellites: "
                             f"{_describe(found)}; give more of the name or the NORAD number",
                             where=source)
    return newest(found)
