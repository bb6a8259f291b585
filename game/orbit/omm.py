"""CelesTrak OMM records (JSON or CSV) turned into the two TLE lines they stand for.

An OMM record is checked field by field (type, syntax, range: the same bounds as a TLE,
:mod:`game.orbit.limits`), rounded to what the TLE columns hold, written as two lines by
``sgp4.exporter.export_tle``, and those lines then go through the one rule for an orbit,
:func:`game.orbit.tle.orbit_from_lines`. So an OMM set is exactly the TLE it writes:
its 3LE reloads to the same orbit, and a replay of it carries the same lines.

Field rules: numbers are JSON numbers or decimal text (no booleans, no NaN, at most 40
characters); NORAD_CAT_ID 1..339999; CLASSIFICATION_TYPE U, C or S; EPHEMERIS_TYPE a
digit; ELEMENT_SET_NO 0..9999 (the TLE's four columns); REV_AT_EPOCH a whole number,
kept modulo 100000 as the TLE's five columns keep it; OBJECT_NAME a name as in a 3LE;
OBJECT_ID like ``1998-067A`` (or empty, or ``UNKNOWN``); EPOCH an ISO time in 1957..2056
(TLE years have two digits).
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import datetime, timezone

from sgp4.api import WGS72, Satrec
from sgp4.exporter import export_tle

from game.errors import OrbitDataError, safe_text
from game.orbit.elements import SGP4INIT_EPOCH_JD, Orbit
from game.orbit.limits import (
    MAX_ABS_BSTAR,
    MAX_CATALOGUE_NUMBER,
    MAX_MEAN_MOTION_REV_PER_DAY,
    MIN_MEAN_MOTION_REV_PER_DAY,
)
from game.orbit.timescale import DAY_S, JD_UNIX_EPOCH
from game.orbit.tle import Place, clean_name, orbit_from_lines
from game.untrusted import JsonError, loads_json

__all__ = ["parse_omm_json", "parse_omm_csv", "orbit_from_omm", "OMM_REQUIRED"]

OMM_REQUIRED = ("NORAD_CAT_ID", "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION",
                "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY", "BSTAR",
                "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT")
#: A list of records of plain values is depth 2; allow a little more for wrappers.
MAX_JSON_DEPTH = 4
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_OBJECT_ID = re.compile(r"(\d{4})-(\d{3})([A-Z]{1,3})")
_EPOCH_FIRST_YEAR, _EPOCH_LAST_YEAR = 1957, 2056
#: The TLE's implied-decimal fields hold mantissa x 10^(-9..9): below this size a value
#: is written as zero.
_RATE_RESOLUTION = 1e-10


def _text_value(record: dict, key: str, where: str, limit: int = 40) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise OrbitDataError(f"field {key} should be text, found {type(value).__name__}",
                             where=where)
    if len(value) > limit or not all(" " <= c <= "~" for c in value):
        raise OrbitDataError(f"field {key} should be short printable ASCII, found "
                             f"{safe_text(value, 30)}", where=where)
    return value.strip()


def _number(record: dict, key: str, where: str) -> float:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise OrbitDataError(f"field {key} should be a number, found "
                             f"{type(value).__name__ if not isinstance(value, bool) else value}",
                             where=where)
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 40 or not _NUMBER.fullmatch(text):
            raise OrbitDataError(f"field {key} should be a number, found "
                                 f"{safe_text(value, 30)}", where=where)
        number = float(text)
    else:
        number = float(value) if abs(value) < 1e300 else math.inf
    if not math.isfinite(number):
        raise OrbitDataError(f"field {key} should be a finite number, found "
                             f"{safe_text(value, 30)}", where=where)
    return number + 0.0  # -0.0 is zero


def _whole(record: dict, key: str, where: str, lo: int, hi: int | None, default: int) -> int:
    if record.get(key) in (None, ""):
        return default
    number = _number(record, key, where)
    if number != math.floor(number) or number < lo or (hi is not None and number > hi):
        span = f"{lo}..{hi}" if hi is not None else f"{lo} or more"
        raise OrbitDataError(f"field {key} should be a whole number {span}, found "
                             f"{safe_text(record[key], 30)}", where=where)
    return int(number)


def _epoch_unix(record: dict, where: str) -> float:
    text = _text_value(record, "EPOCH", where)
    s = text[:-1] if text[-1:] in ("Z", "z") else text
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:  # not ISO 8601: refused below with the field's own message
        dt = None
    if dt is None or not _EPOCH_FIRST_YEAR <= dt.year <= _EPOCH_LAST_YEAR:
        raise OrbitDataError(f"field EPOCH should be an ISO time in {_EPOCH_FIRST_YEAR}.."
                             f"{_EPOCH_LAST_YEAR} (TLE years have two digits) like "
                             f"'2024-01-18T10:29:15.092064', found {safe_text(text, 40)}",
                             where=where)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def _angle(record: dict, key: str, where: str, top: float, closed: bool) -> float:
    """Degrees in 0..top (top itself allowed if ``closed``), rounded to the TLE's 4
    decimals; a full turn is 0."""
    value = _number(record, key, where)
    ok = 0.0 <= value <= top if closed else 0.0 <= value < top
    if not ok:
        span = f"0 to {top:g}" if closed else f"0 to under {top:g}"
        raise OrbitDataError(f"field {key} should be {span} degrees, found {value:g}",
                             where=where)
    value = round(value, 4)
    return 0.0 if not closed and value >= top else value


def _rate(record: dict, key: str, where: str, limit: float, what: str) -> float:
    value = _number(record, key, where)
    if not abs(value) < limit:
        raise OrbitDataError(f"field {key} should be under {limit:g} in size ({what}), "
                             f"found {value:g}", where=where)
    return 0.0 if abs(value) < _RATE_RESOLUTION else value


def _intldesg(record: dict, where: str) -> str:
    object_id = _text_value(record, "OBJECT_ID", where)
    if object_id in ("", "UNKNOWN"):
        return ""
    m = _OBJECT_ID.fullmatch(object_id)
    if not m:
        raise OrbitDataError(f"field OBJECT_ID should look like '1998-067A' (launch year, "
                             f"launch number, piece), found {safe_text(object_id, 30)}",
                             where=where)
    return m.group(1)[2:] + m.group(2) + m.group(3)


def orbit_from_omm(record, source: str, where: str) -> Orbit:
    """One OMM record (a dict of CelesTrak's fields) as an Orbit; OrbitDataError naming
    ``where`` and the field for anything wrong (see the module docstring)."""
    if not isinstance(record, dict):
        raise OrbitDataError(f"expected an OMM record (an object of fields), found "
                             f"{type(record).__name__}", where=where)
    name = clean_name(_text_value(record, "OBJECT_NAME", where, limit=80), where)
    if name:
        where = f"{where} ({name})"
    missing = [k for k in OMM_REQUIRED if record.get(k) in (None, "")]
    if missing:
        raise OrbitDataError(f"missing OMM field(s) {', '.join(missing)}; CelesTrak's "
                             "FORMAT=json or FORMAT=csv has them all", where=where)
    norad = _whole(record, "NORAD_CAT_ID", where, 1, MAX_CATALOGUE_NUMBER, 0)
    epoch_unix = _epoch_unix(record, where)
    ecc = _number(record, "ECCENTRICITY", where)
    if not 0.0 <= ecc < 1.0 or round(ecc, 7) >= 1.0:
        raise OrbitDataError(f"field ECCENTRICITY should be at least 0 and under 1 (to 7 "
                             f"decimals: 1 or more is not a closed orbit), found {ecc:g}",
                             where=where)
    ecc = round(ecc, 7) + 0.0
    mean_motion = _number(record, "MEAN_MOTION", where)
    if not MIN_MEAN_MOTION_REV_PER_DAY <= round(mean_motion, 8) < MAX_MEAN_MOTION_REV_PER_DAY:
        raise OrbitDataError(f"field MEAN_MOTION (rev/day) should be from "
                             f"{MIN_MEAN_MOTION_REV_PER_DAY:g} to under "
                             f"{MAX_MEAN_MOTION_REV_PER_DAY:g}, found {mean_motion:g}",
                             where=where)
    mean_motion = round(mean_motion, 8)
    incl = _angle(record, "INCLINATION", where, 180.0, closed=True)
    node = _angle(record, "RA_OF_ASC_NODE", where, 360.0, closed=False)
    argp = _angle(record, "ARG_OF_PERICENTER", where, 360.0, closed=False)
    anomaly = _angle(record, "MEAN_ANOMALY", where, 360.0, closed=False)
    bstar = _rate(record, "BSTAR", where, MAX_ABS_BSTAR, "1/Earth radii; real sets stay "
                  "under 0.1")
    ndot = _rate(record, "MEAN_MOTION_DOT", where, 1.0, "rev/day², the TLE's column")
    nddot = _rate(record, "MEAN_MOTION_DDOT", where, 1.0, "rev/day³")
    classification = _text_value(record, "CLASSIFICATION_TYPE", where) or "U"
    if classification not in ("U", "C", "S"):
        raise OrbitDataError(f"field CLASSIFICATION_TYPE should be U, C or S, found "
                             f"{safe_text(classification, 10)}", where=where)
    ephtype = _whole(record, "EPHEMERIS_TYPE", where, 0, 9, 0)
    elnum = _whole(record, "ELEMENT_SET_NO", where, 0, 9999, 999)
    revnum = _whole(record, "REV_AT_EPOCH", where, 0, None, 0) % 100000
    intldesg = _intldesg(record, where)

    deg = math.pi / 180.0
    sat = Satrec()
    sat.sgp4init(WGS72, "i", norad, epoch_unix / DAY_S + JD_UNIX_EPOCH - SGP4INIT_EPOCH_JD,
                 bstar, ndot / (1440.0 * 1440.0 / (2 * math.pi)),
                 nddot / (1440.0 ** 3 / (2 * math.pi)), ecc, argp * deg, incl * deg,
                 anomaly * deg, mean_motion * 2 * math.pi / 1440.0, node * deg)
    sat.intldesg = intldesg
    sat.classification = classification
    sat.ephtype = ephtype
    sat.elnum = elnum
    sat.revnum = revnum
    try:
        line1, line2 = export_tle(sat)
    except (ValueError, TypeError) as exc:  # every field was bounded above
        raise OrbitDataError(f"cannot be written as a TLE: {exc}", where=where) from None
    orbit = orbit_from_lines(name, line1, line2, Place(source, None, where_label(where,
                                                                                source)))
    if abs(orbit.epoch_unix_s - epoch_unix) > 1e-3:  # the TLE's epoch column rounds to 1 ms
        raise OrbitDataError("field EPOCH cannot be written in a TLE's epoch columns "
                             "(two-digit year, day of year)", where=where)
    return orbit


def where_label(where: str, source: str) -> str:
    """The part of ``where`` after the source name, for :class:`Place` labels."""
    rest = where[len(source):].lstrip(", ") if where.startswith(source) else where
    return f"{rest}, as a TLE" if rest else "as a TLE"


def parse_omm_json(text: str, source: str) -> list[Orbit]:
    try:
        data = loads_json(text, MAX_JSON_DEPTH)
    except JsonError as exc:
        where = f"{source}, line {exc.line}, column {exc.column}" if exc.line else source
        raise OrbitDataError(str(exc), where=where) from None
    records = data if isinstance(data, list) else [data]
    return [orbit_from_omm(rec, source, f"{source}, record {i}")
            for i, rec in enumerate(records, start=1)]


def parse_omm_csv(text: str, source: str) -> list[Orbit]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    orbits = []
    try:
        for record in reader:
            if None in record:  # more cells than the header has names
                raise OrbitDataError("more values than the header has fields",
                                     where=f"{source}, line {reader.line_num}")
            if not any((v or "").strip() for v in record.values() if isinstance(v, str)):
                continue
            orbits.append(orbit_from_omm(record, source, f"{source}, line {reader.line_num}"))
    except csv.Error as exc:
        raise OrbitDataError(f"not valid CSV: {exc}", where=f"{source}, line "
                                                            f"{reader.line_num}") from None
    return orbits
