"""Hostile orbit files, field by field at their columns, and the rule every one must meet.

Shared by ``tests/test_orbit_fuzz.py`` (a few hundred cases in the default run) and
``tools/fuzz_orbits.py`` (tens of thousands, with a watchdog for hangs).

:func:`cases` draws TLE/3LE text (valid sets of several orbit kinds with one to three
fields rewritten at their exact columns: numbers printed every way, blanks, tabs,
``\\x1f``, NUL, non-ASCII, shifted fields; the checksum usually restamped so the field
itself is what gets judged) and CelesTrak OMM JSON or CSV (fields replaced by extreme
numbers, ``-0.0``, text with control characters, lists, booleans, deep nesting, huge
integers; fields dropped or added).

:func:`check_case` is the rule: the text is refused with one printable line
(:class:`~game.errors.UserError`), or it is accepted and then its first orbit's 3LE
reloads to the same element set, SGP4 gives finite positions over the default game's
span, and a recorded AI-against-AI game on it verifies.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile

import numpy as np
from hypothesis import strategies as st

from game.errors import UserError
from game.orbit.api import ground_track, parse_orbit_text, supported_span, tle_checksum

_RAW_BASES = [
    # (name line, line 1, line 2): the real ISS; a Hubble-like, GEO, Molniya, and an
    # Alpha-5 catalogue number; near-limit values (e 0.7, 180 deg, day 366 of a leap year)
    ("ISS (ZARYA)",
     "1 25544U 98067A   26281.98258931  .00005946  00000+0  11685-3 0  9991",
     "2 25544  51.6313  96.9458 0006821 239.5445 120.4870 15.48782794589392"),
    ("HST",
     "1 20580U 90037B   26281.98258931  .00000000  00000-0  10000-3 0  9992",
     "2 20580  28.4700  30.0000 0002000  50.0000  60.0000 15.27000000 12349"),
    ("GEO-LIKE",
     "1 28884U 05041A   24366.50000000 -.00000123  00000-0  00000+0 0  9990",
     "2 28884   0.0150 270.1234 0001234 180.0000  90.0000  1.00271174 70000"),
    ("MOLNIYA-LIKE",
     "1 40296U 14069A   25100.25000000  .00000100  00000-0  12345-3 0  9990",
     "2 40296  63.4000 200.0000 7000000 270.0000  10.0000  2.00600000 10000"),
    ("ALPHA5 RETRO",
     "1 A0001U 22001A   25200.00000000  .00001000  12345-5  20000-3 0   10",
     "2 A0001 180.0000 359.9999 0010000 359.9999 359.9999 14.20000000    0"),
]
BASES = [(n, a[:68] + str(tle_checksum(a)), b[:68] + str(tle_checksum(b)))
         for n, a, b in _RAW_BASES]
_FIELDS = {  # (line, first column, last column): every field of game.orbit.tle
    1: [(3, 7), (8, 8), (10, 17), (19, 20), (21, 32), (34, 43), (45, 52), (54, 61),
        (63, 63), (65, 68), (69, 69)],
    2: [(3, 7), (9, 16), (18, 25), (27, 33), (35, 42), (44, 51), (53, 63), (64, 68),
        (69, 69)],
}
_BLANKS = {1: [2, 9, 18, 33, 44, 53, 62, 64], 2: [2, 8, 17, 26, 34, 43, 52]}
HOSTILE = " \t\x1f\x00\x0b\x1c\x1b\r-+.eE0123456789ABCUSZabé\u202e,\"[{"


def _restamp(line: str) -> str:
    return line[:68] + str(tle_checksum(line)) if len(line) >= 68 else line


def _fit(text: str, width: int, align: str) -> str:
    return text.rjust(width) if align == "right" else text.ljust(width)


def _numbers(width: int):
    """A number printed as people and programs print numbers, in ``width`` columns (or a
    little off, which shifts the line)."""
    value = st.one_of(
        st.floats(allow_nan=True, allow_infinity=True, width=64),
        st.sampled_from([0.0, -0.0, 1.0, -1.0, 0.05, 0.049, 99.9999, 100.0, 179.9999, 180.0,
                         180.0001, 359.9999, 360.0, 366.0, 366.99999999, 367.0, 1e-9, 9e9,
                         0.9999999, 99999.0, 100000.0, 17.5, 0.001]),
        st.integers(-10**6, 10**6).map(float))
    fmt = st.sampled_from(["{:.4f}", "{:.8f}", "{:g}", "{:e}", "{:+.3f}", "{:.0f}", "{}",
                           "{:.7f}"])
    return st.builds(lambda v, f, a, d: _fit(f.format(v), width + d, a)[:width + d],
                     value, fmt, st.sampled_from(["right", "left"]),
                     st.sampled_from([0, 0, 0, 0, -1, 1]))


def _field_text(width: int):
    return st.one_of(
        _numbers(width),
        st.text(alphabet=HOSTILE, min_size=width, max_size=width),
        st.just(" " * width),
        st.text(alphabet="0123456789 ", min_size=width, max_size=width),
        st.text(alphabet=HOSTILE, min_size=0, max_size=width + 2),  # shifts the line
    )


def _rate_text(m: int, e: int, sign: str) -> str:
    return f"{sign}{m:05d}{'-' if e < 0 else '+'}{abs(e)}"


#: Well-formed values for a field, in its own layout: many are accepted, many sit on a
#: bound (0, 180, 360, e near 1, a slow or fast mean motion, a huge drag term).
_WELL_FORMED = {
    (1, 3, 7): st.one_of(st.integers(0, 99999).map("{:05d}".format),
                         st.integers(0, 99999).map("{:5d}".format),
                         st.builds(lambda c, n: f"{c}{n:04d}", st.sampled_from("AHJNPZ"),
                                   st.integers(0, 9999))),
    (1, 19, 20): st.integers(0, 99).map("{:02d}".format),
    (1, 21, 32): st.floats(0.0, 368.0).map("{:012.8f}".format),
    (1, 34, 43): st.floats(-0.99999999, 0.99999999).map(
        lambda v: f"{v: .8f}".replace("0.", ".", 1)),
    (1, 45, 52): st.builds(_rate_text, st.integers(0, 99999), st.integers(-9, 9),
                           st.sampled_from(" -+")),
    (1, 54, 61): st.builds(_rate_text, st.integers(0, 99999), st.integers(-9, 9),
                           st.sampled_from(" -+")),
    (2, 9, 16): st.floats(0.0, 200.0).map("{:8.4f}".format),
    (2, 18, 25): st.floats(0.0, 400.0).map("{:8.4f}".format),
    (2, 27, 33): st.integers(0, 9999999).map("{:07d}".format),
    (2, 35, 42): st.floats(0.0, 400.0).map("{:8.4f}".format),
    (2, 44, 51): st.floats(0.0, 400.0).map("{:8.4f}".format),
    (2, 53, 63): st.one_of(st.floats(0.0, 99.99999999), st.floats(0.0, 20.0),
                           st.floats(0.04, 0.2)).map("{:11.8f}".format),
    (2, 64, 68): st.integers(0, 99999).map("{:5d}".format),
}


@st.composite
def _mutation(draw, lines: list[str]):
    kind = draw(st.sampled_from(["good", "good", "good", "field", "field", "char", "blank",
                                 "line"]))
    which = draw(st.sampled_from([1, 2]))
    i = which  # lines = [name, line1, line2]
    line = lines[i]
    if kind == "good":
        key = draw(st.sampled_from(sorted(_WELL_FORMED)))
        which, first, last = key
        new = draw(_WELL_FORMED[key])
        if key[1:] == (3, 7) and draw(st.booleans()):  # the same number on both lines
            lines[2] = lines[2][:2] + new + lines[2][7:]
        line = lines[which]
        lines[which] = line[:first - 1] + new[:last - first + 1].rjust(last - first + 1) \
            + line[last:]
    elif kind == "field":
        first, last = draw(st.sampled_from(_FIELDS[which]))
        new = draw(_field_text(last - first + 1))
        lines[i] = line[:first - 1] + new + line[last:]
    elif kind == "char":
        col = draw(st.integers(0, max(len(line) - 1, 0)))
        lines[i] = line[:col] + draw(st.sampled_from(HOSTILE)) + line[col + 1:]
    elif kind == "blank":
        col = draw(st.sampled_from(_BLANKS[which]))
        lines[i] = line[:col - 1] + draw(st.sampled_from(HOSTILE)) + line[col:]
    else:
        op = draw(st.sampled_from(["cut", "append", "crlf", "tab-end", "swap"]))
        if op == "cut":
            lines[i] = line[:draw(st.integers(0, len(line)))]
        elif op == "append":
            lines[i] = line + draw(st.text(alphabet=HOSTILE, min_size=1, max_size=5))
        elif op == "crlf":
            lines[i] = line + "\r"
        elif op == "tab-end":
            lines[i] = line + "\t"
        else:
            lines[1], lines[2] = lines[2], lines[1]


_NAMES = st.one_of(
    st.none(), st.sampled_from(["ISS (ZARYA)", "0 ISS (ZARYA)", "[+] STATION", "1 2 3",
                                "NORAD_CAT_ID,OBJECT_NAME", "X" * 24, "X" * 25,
                                "\x1b[2JHACKED", "tab\tname", "{json", "0 ", "caf\u00e9"]),
    st.text(alphabet=HOSTILE + "ABCDEFGHIJKLMNOPQRSTUVWXYZ()", max_size=30))


@st.composite
def tle_cases(draw) -> str:
    name, l1, l2 = draw(st.sampled_from(BASES))
    lines = [name, l1, l2]
    for _ in range(draw(st.integers(1, 3))):
        draw(_mutation(lines))
    if draw(st.floats(0, 1)) < 0.85:  # mostly judge the field, not the checksum
        lines[1], lines[2] = _restamp(lines[1]), _restamp(lines[2])
    name_line = draw(_NAMES) if draw(st.booleans()) else lines[0]
    body = f"{lines[1]}\n{lines[2]}\n"
    return body if name_line is None else f"{name_line}\n{body}"


_OMM_BASE = {
    "OBJECT_NAME": "ISS (ZARYA)", "OBJECT_ID": "1998-067A",
    "EPOCH": "2026-10-08T23:34:55.716384", "MEAN_MOTION": 15.48782794,
    "ECCENTRICITY": 0.0006821, "INCLINATION": 51.6313, "RA_OF_ASC_NODE": 96.9458,
    "ARG_OF_PERICENTER": 239.5445, "MEAN_ANOMALY": 120.487, "EPHEMERIS_TYPE": 0,
    "CLASSIFICATION_TYPE": "U", "NORAD_CAT_ID": 25544, "ELEMENT_SET_NO": 999,
    "REV_AT_EPOCH": 58939, "BSTAR": 0.00011685, "MEAN_MOTION_DOT": 5.946e-05,
    "MEAN_MOTION_DDOT": 0,
}
_OMM_VALUES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([-0.0, 0.0, 1.0, 0.9999999, 0.99999996, 180.0, 360.0, 359.99999,
                     0.05, 0.04999, 100.0, 99.999999996, 1e-12, 0.999999999, 100000,
                     339999, 340000, 10**25, 9999, 10000, -1, 2**63]),
    st.integers(-10**30, 10**30),
    st.text(alphabet=HOSTILE, max_size=30),
    st.sampled_from(["-0.0", "nan", "inf", "1e400", "1_000", " 15.5 ", "0x10", "U", "C", "S",
                     "-", "\x00", "2060-01-01T00:00:00", "2053-10-08T20:00:00Z",
                     "2024-02-30T00:00:00", "1957-01-01", "UNKNOWN", "1998-067", "X" * 40]),
    st.booleans(), st.none(), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def omm_records(draw) -> dict:
    rec = dict(_OMM_BASE)
    keys = sorted(rec)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["set", "set", "set", "drop", "add"]))
        if op == "drop":
            rec.pop(draw(st.sampled_from(keys)), None)
        elif op == "add":
            rec[draw(st.text(alphabet=HOSTILE + "XYZ_", max_size=12))] = draw(_OMM_VALUES)
        else:
            rec[draw(st.sampled_from(keys))] = draw(_OMM_VALUES)
    return rec


@st.composite
def omm_cases(draw) -> str:
    rec = draw(omm_records())
    if draw(st.booleans()):
        text = json.dumps([rec], allow_nan=True, default=str)
        wrap = draw(st.sampled_from(["", "", "", "deep", "cut", "object"]))
        if wrap == "deep":
            n = draw(st.integers(5, 50_000))
            text = "[" * n + text + "]" * n
        elif wrap == "cut":
            text = text[:draw(st.integers(1, len(text)))]
        elif wrap == "object":
            text = json.dumps(rec, allow_nan=True, default=str)
        return text
    out = io.StringIO()
    fields = list(rec)
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerow({k: "" if v is None else str(v) for k, v in rec.items()})
    return out.getvalue()


def cases():
    return st.one_of(tle_cases(), tle_cases(), omm_cases())


# ---- the rule ------------------------------------------------------------------------

#: The default game's span: the start is the epoch plus up to 24 h, then 15 h of play.
GAME_SPAN_S = 39 * 3600.0


def _one_clean_line(exc: BaseException) -> None:
    msg = str(exc)
    assert msg, "empty error message"
    assert "\n" not in msg and "\r" not in msg, f"message is not one line: {msg!r}"
    assert msg.isprintable(), f"message has unprintable characters: {msg!r}"


def check_case(text: str, *, warp: float = 3.0, record: bool = True,
               show: bool = False) -> str:
    """Judge one input by the rule (module docstring): returns ``"refused"`` or
    ``"accepted"``; raises AssertionError if the rule is broken, and anything else that
    escapes is a traceback the player would have seen."""
    try:
        orbits = parse_orbit_text(text, "fuzz.tle")
    except UserError as exc:
        _one_clean_line(exc)
        return "refused"
    orbit = orbits[0]
    again = parse_orbit_text(orbit.as_3le(), "saved.tle")
    assert len(again) == 1, "its 3LE holds another number of element sets"
    a = again[0]
    assert (a.name, a.norad_id, a.line1, a.line2) == \
        (orbit.name, orbit.norad_id, orbit.line1, orbit.line2), "3LE does not round-trip"
    assert math.isclose(a.epoch_unix_s, orbit.epoch_unix_s, abs_tol=1e-6)
    last = supported_span()[1]
    start, end = orbit.epoch_unix_s, min(orbit.epoch_unix_s + GAME_SPAN_S, last)
    t = np.arange(start, end, 60.0)
    if len(t):
        tr = ground_track(orbit, t)
        assert np.isfinite(tr.lat_deg).all() and np.isfinite(tr.lon_deg).all() \
            and np.isfinite(tr.alt_km).all(), "accepted, but SGP4 positions are not finite"
    if show and orbit.epoch_unix_s + 2 * 86400.0 <= last:  # what `iss-game orbit show` does
        from game.facts.ground import MISSION_CONTROL
        from game.orbit.api import passes, sun_events

        for sid in MISSION_CONTROL.values():
            passes(orbit, sid, orbit.epoch_unix_s, 24.0)
        sun_events(orbit, orbit.epoch_unix_s,
                   orbit.epoch_unix_s + min(orbit.period_min * 90.0, 86400.0))
    if record and orbit.epoch_unix_s + GAME_SPAN_S <= last:
        _recorded_game_verifies(orbit, warp)
    return "accepted"


def _recorded_game_verifies(orbit, warp: float) -> None:
    from game.newgame import setup_game
    from game.replay.reader import read_replay
    from game.replay.recorder import Recorder
    from game.replay.verify import verify_replay
    from game.sim.ai import AI
    from game.sim.runner import play

    game = setup_game(orbit, seed=7, warp=warp)
    fd, path = tempfile.mkstemp(suffix=".jsonl")
    os.close(fd)
    try:
        rec = Recorder.for_game(path, game, orbit=orbit, sides={"us": "ai", "ru": "ai"},
                                difficulty="hard", warp=warp, attach=False)
        controllers = {side: AI(side, 7, "hard") for side in ("us", "ru")}
        summary = play(game, controllers, on_command=rec.on_command,
                       checksum_every=rec.checksum_every, on_checksum=rec.on_checksum)
        assert rec.finish(summary) is None, "recording failed"
        report = verify_replay(read_replay(path))
        assert report.ok, f"the recorded game does not verify: {report.message}"
    finally:
        os.unlink(path)
