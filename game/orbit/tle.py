"""The one rule for what an orbit is: two TLE lines (and a name) that SGP4 reads exactly as
they were checked, with elements an orbit can have, that SGP4 can fly.

Every way an orbit comes in ends here (a TLE or 3LE file, an OMM record turned into its
two lines, the orbit editor's output, the orbit a replay carries), in
:func:`orbit_from_lines`, so they all accept and refuse alike and whatever is accepted
round-trips: :meth:`Orbit.as_3le` reloads to the same element set.

The checks, in order, each a one-line :class:`OrbitDataError` naming the line and columns:

1. The line: printable ASCII only (a tab or ``\\x1f`` is named at its column), 69
   columns, blanks where the format has blanks, a checksum that matches.
2. Every field at the columns SGP4's own parser (``Satrec.twoline2rv``, Vallado's C++)
   reads, in the one layout TLEs are written in: numbers right-aligned, decimal points
   where the format puts them, implied-decimal mantissas of digits only. SGP4 reads with
   ``sscanf``, which skips blanks and runs across columns, so anything looser would be
   read differently from what was checked.
3. Values an orbit can have (:mod:`game.orbit.limits`): inclination 0..180°, the other
   angles under 360°, a day of year inside its year, mean motion of at least 0.05
   rev/day, a drag term under 1, a catalogue number above 0.
4. Then SGP4 reads the lines, and every value it holds must equal the value checked
   (the net under rule 2: if SGP4 ever reads a column otherwise, the set is refused).
5. SGP4 must accept the elements (its initialisation error code), the mean apogee must be
   within reach of the Earth and the perigee above the ground, and it must fly them over
   :data:`~game.orbit.limits.LOAD_SPAN_S` around the epoch (:func:`check_flight`).
6. The epoch must be inside the span the game computes (DE421: 1899..2053).
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass

from sgp4.api import WGS72, Satrec

from game.errors import OrbitDataError, safe_text
from game.orbit.elements import Orbit, sgp4_error_text
from game.orbit.flight import check_flight
from game.orbit.limits import (
    LOAD_SPAN_S,
    MAX_ABS_BSTAR,
    MAX_RADIUS_KM,
    MIN_MEAN_MOTION_REV_PER_DAY,
    MIN_RADIUS_KM,
    NAME_MAX,
)
from game.orbit.timescale import check_time_span

__all__ = ["orbit_from_lines", "clean_name", "tle_checksum", "Place", "TLE_LENGTH"]

TLE_LENGTH = 69
_XPDOTP = 1440.0 / (2.0 * math.pi)  # rev/day per rad/min, as SGP4 computes it
_DEG2RAD = math.pi / 180.0
_ALPHA5 = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # A=10 ... Z=33: no I, no O

_DEG4 = r" *\d{1,3}\.\d{4}"  # 8 columns: ' 51.6313', '342.3169'
_RATE = r"[ +-]\d{5}[+-]\d"  # implied-decimal mantissa and exponent: ' 11685-3'
# (first column, last column, name, pattern, example); columns 1-based inclusive. Each
# pattern must match the whole field, blanks included.
_FIELDS = {
    1: [
        (3, 7, "catalogue number", r" *\d{1,5}|[A-HJ-NP-Z]\d{4}", "25544"),
        (8, 8, "classification", r"[UCS ]", "U"),
        (10, 17, "international designator", r"\d{5}[A-Z]{1,3} *| {8}", "98067A  "),
        (19, 20, "epoch year", r"\d\d", "26"),
        (21, 32, "epoch day of year", r"(?:\d{3}| \d\d|  \d)\.\d{8}", "281.98258931"),
        (34, 43, "first derivative of mean motion", r"[ +-]\.\d{8}", " .00005946"),
        (45, 52, "second derivative of mean motion", _RATE, " 00000+0"),
        (54, 61, "BSTAR drag term", _RATE, " 11685-3"),
        (63, 63, "ephemeris type", r"[0-9 ]", "0"),
        (65, 68, "element set number", r" *\d{1,4}", " 999"),
    ],
    2: [
        (3, 7, "catalogue number", r" *\d{1,5}|[A-HJ-NP-Z]\d{4}", "25544"),
        (9, 16, "inclination", _DEG4, " 51.6313"),
        (18, 25, "right ascension of the ascending node", _DEG4, " 96.9458"),
        (27, 33, "eccentricity (7 digits, decimal point implied)", r"\d{7}", "0006821"),
        (35, 42, "argument of perigee", _DEG4, "239.5445"),
        (44, 51, "mean anomaly", _DEG4, "120.4870"),
        (53, 63, "mean motion", r" *\d{1,2}\.\d{8}", "15.48782794"),
        (64, 68, "revolution number", r" *\d{0,5}", "58939"),
    ],
}
_BLANK_COLUMNS = {1: (2, 9, 18, 33, 44, 53, 62, 64), 2: (2, 8, 17, 26, 34, 43, 52)}
_COMPILED = {k: [(a, b, n, re.compile(p), ex) for a, b, n, p, ex in v]
             for k, v in _FIELDS.items()}


_NOT_DIGITS = bytes(b for b in range(256) if not 48 <= b <= 57)
_NOT_PRINTABLE = re.compile(r"[^ -~]")


def tle_checksum(line: str) -> int:
    """TLE checksum of columns 1-68: the sum of the digits, each '-' counting 1, mod 10."""
    head = line[:68]
    digits = head.encode("ascii", "replace").translate(None, _NOT_DIGITS)
    return (sum(digits) - 48 * len(digits) + head.count("-")) % 10


@dataclass(frozen=True)
class Place:
    """Where two TLE lines came from, for messages: a file and the line number of line 1,
    or a label for lines the game wrote itself (from OMM, from the editor)."""

    source: str
    lineno1: int | None = None  # file line of TLE line 1; None: generated lines
    label: str = ""  # e.g. "record 3 (ISS (ZARYA)), as a TLE"

    def at(self, kind: int | None = None, first: int | None = None,
           last: int | None = None) -> str:
        if self.lineno1 is not None:
            where = f"{self.source}, line {self.lineno1 + (kind or 1) - 1}"
        else:
            where = f"{self.source}{', ' + self.label if self.label else ''}"
            if kind is not None:
                where += f", TLE line {kind}"
        if first is not None:
            where += f", column {first}" if last in (None, first) else \
                f", columns {first}-{last}"
        return where


# ---- names ------------------------------------------------------------------------------

def clean_name(text: str, where: str) -> str:
    """A satellite name as every path stores it: stripped of blanks, Space-Track's ``0 ``
    prefix dropped, printable ASCII, at most :data:`NAME_MAX` characters; an
    OrbitDataError naming the column of anything else."""
    if not isinstance(text, str):
        raise OrbitDataError(f"satellite name should be text, found {type(text).__name__}",
                             where=where)
    m = _NOT_PRINTABLE.search(text)
    if m is not None:
        bad = m.start()
        raise OrbitDataError(f"satellite name has {safe_text(text[bad])} at column {bad + 1}; "
                             "names are printable ASCII", where=where)
    name = text.strip(" ")
    if name.startswith("0 "):  # Space-Track's 3LE marks name lines with "0 "
        name = name[2:].strip(" ")
    if len(name) > NAME_MAX:
        raise OrbitDataError(f"expected a satellite name (at most {NAME_MAX} characters) "
                             f"or a TLE line starting '1 ' or '2 ', found "
                             f"{safe_text(name, 30)}", where=where)
    return name


# ---- the lines --------------------------------------------------------------------------

def _check_line(line: str, kind: int, place: Place) -> None:
    m = _NOT_PRINTABLE.search(line)
    if m is not None:
        bad = m.start()
        what = "non-ASCII character" if ord(line[bad]) > 127 else "control character"
        raise OrbitDataError(f"{what} {safe_text(line[bad])}; TLE lines hold printable "
                             "ASCII only (a tab or other invisible character?)",
                             where=place.at(kind, bad + 1))
    if len(line) != TLE_LENGTH:
        hint = "cut short or wrapped?" if len(line) < TLE_LENGTH else "extra text at the end?"
        raise OrbitDataError(f"TLE line {kind} should be {TLE_LENGTH} characters long, "
                             f"found {len(line)} ({hint})", where=place.at(kind))
    if line[0] != str(kind):
        raise OrbitDataError(f"TLE line {kind} should start with '{kind} ', found "
                             f"{safe_text(line[:2])}", where=place.at(kind, 1))
    for col in _BLANK_COLUMNS[kind]:
        if line[col - 1] != " ":
            raise OrbitDataError(f"expected a space separating fields, found "
                                 f"{safe_text(line[col - 1])} (is a field shifted?)",
                                 where=place.at(kind, col))
    for first, last, name, pattern, example in _COMPILED[kind]:
        text = line[first - 1:last]
        if not pattern.fullmatch(text):
            raise OrbitDataError(f"{name} should look like '{example}' (right-aligned, "
                                 f"digits where the format has digits), found '{text}'",
                                 where=place.at(kind, first, last))
    if not line[68].isdigit():
        raise OrbitDataError(f"checksum should be a digit, found {safe_text(line[68])}",
                             where=place.at(kind, 69))
    expected, found = tle_checksum(line), int(line[68])
    if expected != found:
        raise OrbitDataError(f"checksum mismatch: expected {expected} (from columns 1-68), "
                             f"found {found}; a digit was mistyped or the line was edited "
                             "by hand (re-save it with 'iss-game orbit edit')",
                             where=place.at(kind, 69))


def _catalogue(text: str) -> int:
    text = text.strip(" ")
    if text[0].isalpha():
        return (_ALPHA5.index(text[0]) + 10) * 10000 + int(text[1:])
    return int(text)


def _rate(text: str) -> float:
    """An implied-decimal field (' 11685-3' is 0.11685e-3), computed as SGP4 does."""
    return float(text[0].strip() + "." + text[1:6]) * math.pow(10.0, int(text[6:8]))


def _fields(line1: str, line2: str) -> dict:
    """The values of both lines' fields (patterns already checked), in SGP4's units."""
    year2 = int(line1[18:20])
    return {
        "satnum": _catalogue(line1[2:7]), "satnum2": _catalogue(line2[2:7]),
        "classification": line1[7].strip() or "U",
        "intldesg": line1[9:17].strip(),
        "epochyr": year2, "year": year2 + (2000 if year2 < 57 else 1900),
        "epochdays": float(line1[20:32]),
        "ndot": float(line1[33:43]) / (_XPDOTP * 1440.0),
        "nddot": _rate(line1[44:52]) / (_XPDOTP * 1440.0 * 1440.0),
        "bstar": _rate(line1[53:61]),
        "ephtype": int(line1[62].strip() or 0),
        "elnum": int(line1[64:68]),
        "inclo_deg": float(line2[8:16]), "nodeo_deg": float(line2[17:25]),
        "ecco": float("0." + line2[26:33]),
        "argpo_deg": float(line2[34:42]), "mo_deg": float(line2[43:51]),
        "mean_motion": float(line2[52:63]),
        "revnum": int(line2[63:68].strip() or 0),
    }


def _check_values(f: dict, place: Place) -> None:
    """Refuse elements no orbit has, at their columns."""
    def bad(kind: int, first: int, last: int, message: str) -> OrbitDataError:
        return OrbitDataError(message, where=place.at(kind, first, last))

    if f["satnum"] != f["satnum2"]:
        raise bad(2, 3, 7, f"catalogue numbers differ between the lines: line 1 has "
                           f"{f['satnum']}, line 2 has {f['satnum2']} (lines from two "
                           "different satellites?)")
    if f["satnum"] == 0:
        raise bad(1, 3, 7, "catalogue number 0 is no satellite's; NORAD numbers start at 1")
    year_days = 366 if calendar.isleap(f["year"]) else 365
    if not 1.0 <= f["epochdays"] < year_days + 1.0:
        raise bad(1, 21, 32, f"epoch day of year should be from 1 to under {year_days + 1} "
                             f"({f['year']} has {year_days} days), found {f['epochdays']:.8f}")
    if not f["inclo_deg"] <= 180.0:
        raise bad(2, 9, 16, f"inclination should be 0 to 180 degrees, found "
                            f"{f['inclo_deg']:.4f}")
    for first, last, key, name in ((18, 25, "nodeo_deg", "right ascension of the node"),
                                   (35, 42, "argpo_deg", "argument of perigee"),
                                   (44, 51, "mo_deg", "mean anomaly")):
        if not f[key] < 360.0:
            raise bad(2, first, last, f"{name} should be 0 to under 360 degrees, found "
                                      f"{f[key]:.4f}")
    if not f["mean_motion"] >= MIN_MEAN_MOTION_REV_PER_DAY:
        raise bad(2, 53, 63, f"mean motion should be at least "
                             f"{MIN_MEAN_MOTION_REV_PER_DAY:g} rev/day (a period of "
                             f"{1 / MIN_MEAN_MOTION_REV_PER_DAY:g} days), found "
                             f"{f['mean_motion']:.8f}")
    if not abs(f["bstar"]) < MAX_ABS_BSTAR:
        raise bad(1, 54, 61, f"BSTAR drag term should be under {MAX_ABS_BSTAR:g} in size "
                             f"(real sets stay under 0.1), found {f['bstar']:g}")


def _same(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300)


def _check_sgp4_reads_the_same(sat: Satrec, f: dict, place: Place) -> None:
    """Rule 4: every value SGP4 holds equals the value checked."""
    checks = [
        (1, 3, 7, "catalogue number", sat.satnum, f["satnum"]),
        (1, 8, 8, "classification", sat.classification, f["classification"]),
        (1, 10, 17, "international designator", str(sat.intldesg).strip(), f["intldesg"]),
        (1, 19, 20, "epoch year", sat.epochyr, f["epochyr"]),
        (1, 21, 32, "epoch day of year", sat.epochdays, f["epochdays"]),
        (1, 34, 43, "first derivative of mean motion", sat.ndot, f["ndot"]),
        (1, 45, 52, "second derivative of mean motion", sat.nddot, f["nddot"]),
        (1, 54, 61, "BSTAR drag term", sat.bstar, f["bstar"]),
        (1, 63, 63, "ephemeris type", int(sat.ephtype), f["ephtype"]),
        (1, 65, 68, "element set number", sat.elnum, f["elnum"]),
        (2, 9, 16, "inclination", sat.inclo, f["inclo_deg"] * _DEG2RAD),
        (2, 18, 25, "right ascension of the node", sat.nodeo, f["nodeo_deg"] * _DEG2RAD),
        (2, 27, 33, "eccentricity", sat.ecco, f["ecco"]),
        (2, 35, 42, "argument of perigee", sat.argpo, f["argpo_deg"] * _DEG2RAD),
        (2, 44, 51, "mean anomaly", sat.mo, f["mo_deg"] * _DEG2RAD),
        (2, 53, 63, "mean motion", sat.no_kozai, f["mean_motion"] / _XPDOTP),
        (2, 64, 68, "revolution number", sat.revnum, f["revnum"]),
    ]
    for kind, first, last, name, held, checked in checks:
        same = held == checked if isinstance(checked, (str, int)) else _same(held, checked)
        if not same:
            raise OrbitDataError(f"SGP4 reads the {name} as {held!r}, not {checked!r} as "
                                 "written: the field is malformed", where=place.at(kind,
                                                                                   first, last))


def orbit_from_lines(name: str, line1: str, line2: str, place: Place,
                     flight_span_s: tuple[float, float] = LOAD_SPAN_S) -> Orbit:
    """The :class:`Orbit` of two TLE lines and a name (already :func:`clean_name`-d),
    after every check in the module docstring; OrbitDataError naming ``place``."""
    _check_line(line1, 1, place)
    _check_line(line2, 2, place)
    f = _fields(line1, line2)
    _check_values(f, place)
    try:
        sat = Satrec.twoline2rv(line1, line2, WGS72)
    except (ValueError, IndexError) as exc:  # formats checked above; belt and braces
        raise OrbitDataError(f"SGP4 cannot read the element set: {exc}",
                             where=place.at()) from None
    _check_sgp4_reads_the_same(sat, f, place)
    orbit = Orbit.from_checked_lines(sat, name, line1, line2, place.source)
    label = orbit.name  # printable ASCII, at most 24 characters (clean_name)
    if sat.error:
        raise OrbitDataError(f"{label}: SGP4 cannot use these elements: "
                             f"{sgp4_error_text(sat.error)} (SGP4 error {sat.error})",
                             where=place.at())
    a_km = orbit.semi_major_axis_km
    if not a_km * (1.0 + orbit.eccentricity) <= MAX_RADIUS_KM:
        raise OrbitDataError(f"{label}: apogee {a_km * (1.0 + orbit.eccentricity):,.0f} km "
                             f"from the Earth's centre is beyond the {MAX_RADIUS_KM:,.0f} km "
                             "of an Earth orbit", where=place.at(2, 27, 63))
    if not a_km * (1.0 - orbit.eccentricity) > MIN_RADIUS_KM:
        raise OrbitDataError(f"{label}: perigee {orbit.perigee_km:,.0f} km is under the "
                             "ground (eccentricity too high for the mean motion)",
                             where=place.at(2, 27, 63))
    check_time_span(orbit.epoch_unix_s, f"{label}: epoch", place.at(1, 19, 32))
    check_flight(orbit, orbit.epoch_unix_s + flight_span_s[0],
                 orbit.epoch_unix_s + flight_span_s[1], where=place.at())
    return orbit
