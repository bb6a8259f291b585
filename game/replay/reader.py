"""Reading a replay file as the hostile input it may be.

Only a regular file is opened (a FIFO or a device is one clear error, never a hang), and
nothing but ``json.loads`` ever sees its bytes (never pickle, never eval), and only after
these checks, in this order: file size (64 MiB), line count and length (16 KiB), UTF-8,
bracket nesting depth (scanned before parsing), then the parse itself with NaN, Infinity,
number literals over 40 characters (named by their key), overflowing floats and
duplicate keys refused (:func:`game.untrusted.loads_json`). Work is bounded too: at most
:data:`MAX_COMMANDS` commands and :data:`MAX_CHECKSUMS` checksum lines, so verifying the
largest replay accepted takes seconds, not minutes. The header is checked first and
completely: format name, version (a newer one says so), every field's type and range,
and the element set through the one rule for an orbit (the TLE parser), flown over the
game's whole span (SGP4 must fly it from the start to the last timeline sample, inside
the span the game computes). Then every line: ticks are integers,
never decreasing, within the game's length; commands go through
``game.sim.api.command_from_dict`` (unknown kinds refused); checksums are 32 hex digits.

Anything wrong is a :class:`game.errors.ReplayError` naming the file and the line. A
file cut short (a last line without its newline, or no result line: a crash or a kill)
is not an error: it loads what is there and ``Replay.warning`` says so.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from game.errors import OrbitDataError, ReplayError, UserError, safe_text
from game.newgame import MAX_WARP, MIN_WARP  # a replay may hold any warp a game can have
from game.replay.format import (
    DIFFICULTIES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_CHECKSUM_EVERY,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    MAX_SEED,
    MAX_TICKS,
    MIN_CHECKSUM_EVERY,
    SCENARIOS,
    SIDE_CONTROLLERS,
    command_line,
)
from game.untrusted import JsonError, loads_json, read_head, read_regular_file

#: A game against the AI has a few hundred commands; a player clicking five times a
#: second for the whole 30 minutes, nine thousand. Re-simulating one costs ~15 µs.
MAX_COMMANDS = 50_000
#: One checksum every 600 ticks is 3,000 for the longest game (1000x warp); each costs
#: ~30 µs to recompute.
MAX_CHECKSUMS = 20_000
MAX_LINES = 1 + MAX_COMMANDS + MAX_CHECKSUMS + 1
MIN_START_UNIX_S, MAX_START_UNIX_S = -2_208_988_800.0, 4_102_444_800.0  # 1900 .. 2100
MAX_TIMELINE_STEP_S = 3600.0
_HEX32 = re.compile(r"[0-9a-f]{32}\Z")
_HEADER_KEYS = ("format", "version", "game_version", "rules", "created_utc", "seed", "scenario",
                "sides",
                "difficulty", "orbit", "start_unix_s", "warp", "max_ticks", "timeline",
                "checksum_every")


@dataclass(frozen=True)
class Entry:
    """One line after the header: a command or a checksum at tick ``t``."""

    line: int  # 1-based line number in the file
    t: int
    cmd: object = None  # a game.sim command, or None
    checksum: str = ""  # 32 hex digits, or ""
    log: str = ""  # the command-log chain the file claims at this checksum
    log_actual: str = ""  # the chain over the command lines as read

    @property
    def kind(self) -> str:
        return "cmd" if self.cmd is not None else "checksum"


@dataclass
class Replay:
    """A checked replay: header fields, the orbit it carries, its entries in file order."""

    source: str
    header: dict
    orbit: object  # game.orbit Orbit rebuilt from the carried TLE lines
    entries: list[Entry] = field(default_factory=list)
    result: dict | None = None
    result_line: int = 0
    warning: str | None = None  # set when the file was cut short

    @property
    def seed(self) -> int:
        return self.header["seed"]

    @property
    def scenario(self) -> str:
        return self.header["scenario"]

    @property
    def sides(self) -> dict:
        return self.header["sides"]

    @property
    def warp(self) -> float:
        return self.header["warp"]

    @property
    def max_ticks(self) -> int:
        return self.header["max_ticks"]

    @property
    def command_count(self) -> int:
        return sum(1 for e in self.entries if e.cmd is not None)

    @property
    def last_tick(self) -> int:
        """The game's length as far as the file tells: the result's ticks, else the last
        entry's tick."""
        if self.result is not None:
            return self.result["ticks"]
        return self.entries[-1].t if self.entries else 0

    def new_game(self):
        """A fresh game at tick 0 built from the header alone: the orbit timeline comes
        from the TLE lines carried in the file (never from ``orbits/``)."""
        from game.orbit.api import build_timeline
        from game.sim.api import new_game

        h = self.header
        tl = h["timeline"]
        try:
            timeline = build_timeline(self.orbit, h["start_unix_s"], tl["step_s"], tl["samples"])
            return new_game(h["scenario"], h["seed"], timeline, max_ticks=h["max_ticks"])
        except UserError as exc:
            raise ReplayError(f"line 1: cannot build the game ({exc})", where=self.source) \
                from None
        except (ValueError, ArithmeticError) as exc:
            raise ReplayError(f"line 1: cannot build the game ({exc})", where=self.source) \
                from None


# ---- entry points ------------------------------------------------------------------------

def read_replay(path) -> Replay:
    """Read and check a replay file; :class:`ReplayError` for anything untrustworthy."""
    data = read_regular_file(path, MAX_FILE_BYTES, ReplayError, "replay")
    return parse_replay(data, str(path))


def read_header(path) -> dict:
    """Only the checked header of a replay (for lists of files), reading only its first
    line (at most 16 KiB); ReplayError if bad."""
    p = Path(path)
    head, _ = read_head(p, MAX_LINE_BYTES + 1, ReplayError)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    first = head.split(b"\n", 1)[0]
    if len(first) > MAX_LINE_BYTES:
        raise ReplayError(f"line 1: longer than {MAX_LINE_BYTES} bytes; refused", where=str(p))
    if not first.strip():
        raise ReplayError("empty file; expected an iss-game replay (JSON Lines)", where=str(p))
    return _check_header(parse_line(first.rstrip(b"\r"), 1, str(p)), str(p))[0]


def parse_replay(data: bytes, source: str = "<replay>") -> Replay:
    """Check the bytes of a whole replay file (see the module docstring)."""
    if not isinstance(data, (bytes, bytearray)):
        raise ReplayError("expected bytes", where=source)
    if len(data) > MAX_FILE_BYTES:
        raise ReplayError(f"file is over {MAX_FILE_BYTES // 2**20} MiB; refused", where=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise ReplayError("empty file; expected an iss-game replay (JSON Lines)", where=source)
    lines = data.split(b"\n")
    incomplete = lines.pop()  # b"" when the file ends with a newline, as it should
    if len(lines) + 1 > MAX_LINES:
        raise ReplayError(f"over {MAX_LINES} lines ({MAX_COMMANDS} commands and "
                          f"{MAX_CHECKSUMS} checksums at most); refused", where=source)
    warning = None
    if incomplete:
        if len(lines) == 0:
            # the header itself is cut short: nothing to play
            lines.append(incomplete)  # parsed below: a cut header is an error there
        else:
            try:
                parse_line(incomplete, len(lines) + 1, source)
                lines.append(incomplete)  # complete JSON, only the newline missing
            except ReplayError:
                warning = (f"last line ({len(lines) + 1}) is incomplete; playing up to "
                           f"line {len(lines)}")
    header, orbit = _check_header(parse_line(lines[0].rstrip(b"\r"), 1, source), source)
    replay = Replay(source=source, header=header, orbit=orbit)
    max_ticks = header["max_ticks"]
    last_t = 0
    entries = replay.entries
    chain = hashlib.blake2b(digest_size=16)
    commands = checksums = 0
    for i in range(1, len(lines)):
        n = i + 1
        obj = parse_line(lines[i].rstrip(b"\r"), n, source)
        if replay.result is not None:
            raise ReplayError(f"line {n}: nothing may follow the result line "
                              f"(line {replay.result_line})", where=source)
        if "result" in obj:
            replay.result = _check_result(obj, n, source, last_t, max_ticks)
            replay.result["log_actual"] = chain.hexdigest()
            replay.result_line = n
            continue
        t = obj.get("t")
        if not _is_int(t):
            raise ReplayError(f"line {n}: 't' must be an integer tick", where=source)
        if not 0 <= t <= max_ticks:
            raise ReplayError(f"line {n}: tick {t} is outside 0..{max_ticks}", where=source)
        if t < last_t:
            raise ReplayError(f"line {n}: tick {t} goes back in time (after {last_t})",
                              where=source)
        last_t = t
        if "cmd" in obj:
            _exact_keys(obj, ("t", "cmd"), n, source)
            try:
                cmd = _command_from_dict(obj["cmd"])
            except ValueError as exc:
                raise ReplayError(f"line {n}: {exc}", where=source) from None
            commands += 1
            if commands > MAX_COMMANDS:
                raise ReplayError(f"line {n}: over {MAX_COMMANDS} commands; refused",
                                  where=source)
            entries.append(Entry(n, t, cmd=cmd))
            chain.update(command_line(t, cmd).encode("ascii") + b"\n")
        elif "checksum" in obj:
            _exact_keys(obj, ("t", "checksum", "log"), n, source)
            digest, log = obj["checksum"], obj["log"]
            if not isinstance(digest, str) or not _HEX32.match(digest) \
                    or not isinstance(log, str) or not _HEX32.match(log):
                raise ReplayError(f"line {n}: checksum and log must be 32 lowercase hex "
                                  "digits", where=source)
            checksums += 1
            if checksums > MAX_CHECKSUMS:
                raise ReplayError(f"line {n}: over {MAX_CHECKSUMS} checksum lines; refused",
                                  where=source)
            entries.append(Entry(n, t, checksum=digest, log=log, log_actual=chain.hexdigest()))
        else:
            raise ReplayError(f"line {n}: expected a command, a checksum or the result",
                              where=source)
    if replay.result is None and warning is None:
        warning = f"no result line: the game was cut short; playing up to tick {last_t}"
    elif replay.result is None:
        warning += f" (tick {last_t}); no result line"
    replay.warning = warning
    return replay


# ---- lines ---------------------------------------------------------------------------------

def parse_line(raw: bytes, n: int, source: str) -> dict:
    """Line ``n`` of a replay as a JSON object, bounded and checked (the reader and the
    catalogue's tail both read lines here); ReplayError naming the line otherwise."""
    if len(raw) > MAX_LINE_BYTES:
        raise ReplayError(f"line {n}: longer than {MAX_LINE_BYTES} bytes; refused",
                          where=source)
    if not raw.strip():
        raise ReplayError(f"line {n}: empty line", where=source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReplayError(f"line {n}: not UTF-8 text (byte {exc.start + 1}); a replay is "
                          "JSON Lines", where=source) from None
    try:
        obj = loads_json(text, MAX_DEPTH)
    except JsonError as exc:
        where = f" at column {exc.column}" if exc.column else ""
        raise ReplayError(f"line {n}: {exc}{where}", where=source) from None
    if not isinstance(obj, dict):
        raise ReplayError(f"line {n}: expected a JSON object", where=source)
    return obj


# ---- fields --------------------------------------------------------------------------------

def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool)
            and math.isfinite(float(v)))


def _exact_keys(obj: dict, keys, n: int, source: str, what: str = "") -> None:
    extra = sorted(k for k in obj if k not in keys)
    if extra:
        raise ReplayError(f"line {n}: unexpected field {safe_text(extra[0], 40)}{what}",
                          where=source)
    missing = [k for k in keys if k not in obj]
    if missing:
        raise ReplayError(f"line {n}: missing field '{missing[0]}'{what}", where=source)


def _text(v, limit: int) -> bool:
    return isinstance(v, str) and len(v) <= limit and v.isprintable()


def _command_from_dict(d):
    from game.sim.api import command_from_dict

    return command_from_dict(d)


def _check_header(obj: dict, source: str):
    def bad(msg: str):
        return ReplayError(f"line 1: {msg}", where=source)

    if obj.get("format") != FORMAT_NAME:
        raise bad(f"not an iss-game replay (the first line must say \"format\": "
                  f"\"{FORMAT_NAME}\")")
    version = obj.get("version")
    if not _is_int(version) or version < 1:
        raise bad("'version' must be a positive integer")
    if version > FORMAT_VERSION:
        raise bad(f"made by a newer iss-game (format v{version}); this build reads up to "
                  f"v{FORMAT_VERSION}")
    if "rules" not in obj:  # the first replays of 0.1.0 predate rules versions
        from game.sim.api import RULES_VERSION

        made = obj.get("game_version")
        by = f"iss-game {made[:20]}" if isinstance(made, str) and made.strip() else \
            "an early iss-game"
        raise bad(f"recorded before game rules were versioned (by {by}); this build plays "
                  f"rules v{RULES_VERSION}, so the game cannot be re-simulated")
    _exact_keys(obj, _HEADER_KEYS, 1, source, " in the header")
    if not _text(obj["game_version"], 40):
        raise bad("'game_version' must be a short string")
    _check_rules(obj["rules"], obj["game_version"], bad)
    if not _text(obj["created_utc"], 40):
        raise bad("'created_utc' must be a short string")
    seed = obj["seed"]
    if not _is_int(seed) or not -MAX_SEED <= seed <= MAX_SEED:
        raise bad("'seed' must be an integer within 64 bits")
    if obj["scenario"] not in SCENARIOS:
        raise bad(f"'scenario' must be one of {', '.join(SCENARIOS)}")
    sides = obj["sides"]
    if not isinstance(sides, dict) or sorted(sides) != ["ru", "us"] \
            or any(sides[s] not in SIDE_CONTROLLERS for s in ("us", "ru")):
        raise bad(f"'sides' must give \"us\" and \"ru\" one of {', '.join(SIDE_CONTROLLERS)}")
    if obj["difficulty"] not in DIFFICULTIES:
        raise bad(f"'difficulty' must be one of {', '.join(DIFFICULTIES)}")
    start = obj["start_unix_s"]
    if not _is_number(start) or not MIN_START_UNIX_S <= start <= MAX_START_UNIX_S:
        raise bad("'start_unix_s' must be a time between 1900 and 2100 (UTC seconds)")
    warp = obj["warp"]
    if not _is_number(warp) or not MIN_WARP <= warp <= MAX_WARP:
        raise bad(f"'warp' must be a number from {MIN_WARP:g} to {MAX_WARP:g}")
    max_ticks = obj["max_ticks"]
    if not _is_int(max_ticks) or not 1 <= max_ticks <= MAX_TICKS:
        raise bad(f"'max_ticks' must be an integer from 1 to {MAX_TICKS}")
    tl = obj["timeline"]
    if not isinstance(tl, dict) or sorted(tl) != ["samples", "step_s"]:
        raise bad("'timeline' must be {\"step_s\": number, \"samples\": integer}")
    if not _is_number(tl["step_s"]) or not 0 < tl["step_s"] <= MAX_TIMELINE_STEP_S:
        raise bad(f"timeline 'step_s' must be above 0 and at most {MAX_TIMELINE_STEP_S:g}")
    if not _is_int(tl["samples"]) or not 1 <= tl["samples"] <= MAX_TICKS + 1:
        raise bad(f"timeline 'samples' must be an integer from 1 to {MAX_TICKS + 1}")
    every = obj["checksum_every"]
    if not _is_int(every) or not MIN_CHECKSUM_EVERY <= every <= MAX_CHECKSUM_EVERY:
        raise bad(f"'checksum_every' must be an integer from {MIN_CHECKSUM_EVERY} to "
                  f"{MAX_CHECKSUM_EVERY}")
    orbit = _check_orbit(obj["orbit"], source)
    _check_game_span(orbit, float(start), float(tl["step_s"]), tl["samples"], source)
    header = dict(obj)
    header["start_unix_s"] = float(start)
    header["warp"] = float(warp)
    header["timeline"] = {"step_s": float(tl["step_s"]), "samples": tl["samples"]}
    header["orbit"] = dict(obj["orbit"])
    return header, orbit


def _check_rules(rules, game_version: str, bad) -> None:
    """Refuse a replay made under other rules: it would desync, and say why instead."""
    from game.sim.api import RULES_VERSION

    if not _is_int(rules) or rules < 1:
        raise bad("'rules' must be a positive integer")
    if rules != RULES_VERSION:
        age = "older" if rules < RULES_VERSION else "newer"
        raise bad(f"recorded under the {age} game rules v{rules} (iss-game {game_version}); "
                  f"this build plays rules v{RULES_VERSION}, so the game cannot be "
                  "re-simulated")


def _check_orbit(orb, source: str):
    from game.orbit.api import orbit_from_tle_lines

    if not isinstance(orb, dict) or sorted(orb) != ["line1", "line2", "name"]:
        raise ReplayError("line 1: 'orbit' must be {\"name\", \"line1\", \"line2\"}",
                          where=source)
    name, l1, l2 = orb["name"], orb["line1"], orb["line2"]
    if not _text(name, 69) or not _text(l1, 80) or not _text(l2, 80):
        raise ReplayError("line 1: 'orbit' name and lines must be short printable strings",
                          where=source)
    if not l1.startswith("1 ") or not l2.startswith("2 "):
        raise ReplayError("line 1: 'orbit' line1/line2 must be TLE lines 1 and 2",
                          where=source)
    where = f"{source} line 1 (orbit)"
    try:  # the one rule every orbit file meets (game.orbit.tle)
        return orbit_from_tle_lines(name, l1, l2, where)
    except OrbitDataError as exc:
        raise ReplayError(f"line 1: the orbit it carries is not a valid TLE ({exc})",
                          where=source) from None


def _check_game_span(orbit, start: float, step_s: float, samples: int, source: str) -> None:
    """The game's whole span must be one the game computes and SGP4 flies (a coarse
    sample now; the timeline checks every sample when the game is rebuilt)."""
    from game.orbit.api import check_flight, check_time_span

    end = start + (samples - 1) * step_s
    try:
        check_time_span([start, end], "the game's time")
        check_flight(orbit, start, end)
    except OrbitDataError as exc:
        raise ReplayError(f"line 1: the orbit it carries cannot fly the game ({exc})",
                          where=source) from None


def _check_result(obj: dict, n: int, source: str, last_t: int, max_ticks: int) -> dict:
    _exact_keys(obj, ("result",), n, source)
    res = obj["result"]
    if not isinstance(res, dict):
        raise ReplayError(f"line {n}: 'result' must be an object", where=source)
    allowed = ("ending", "ticks", "checksum", "log", "text", "mission_time")
    extra = sorted(k for k in res if k not in allowed)
    if extra:
        raise ReplayError(f"line {n}: unexpected field {safe_text(extra[0], 40)} in the result",
                          where=source)
    for k in ("ending", "ticks", "checksum", "log"):
        if k not in res:
            raise ReplayError(f"line {n}: missing field '{k}' in the result", where=source)
    from game.sim.api import ENDINGS

    if res["ending"] not in ("", *ENDINGS):
        raise ReplayError(f"line {n}: unknown ending", where=source)
    ticks = res["ticks"]
    if not _is_int(ticks) or not last_t <= ticks <= max_ticks:
        raise ReplayError(f"line {n}: result 'ticks' must be an integer from {last_t} to "
                          f"{max_ticks}", where=source)
    digest = res["checksum"]
    if not isinstance(digest, str) or not (digest == "" or _HEX32.match(digest)):
        raise ReplayError(f"line {n}: result checksum must be 32 hex digits", where=source)
    if not isinstance(res["log"], str) or not _HEX32.match(res["log"]):
        raise ReplayError(f"line {n}: result log must be 32 hex digits", where=source)
    if not _text(res.get("text", ""), 500) or not _text(res.get("mission_time", ""), 20):
        raise ReplayError(f"line {n}: result text fields must be short strings", where=source)
    return dict(res)
