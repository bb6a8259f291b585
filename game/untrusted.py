"""Reading input the player (or anyone) hands the game: files and JSON, bounded.

* :func:`read_regular_file` opens without blocking and reads only a regular file, at most
  ``max_bytes``: a FIFO, ``/dev/zero``, a terminal or a folder is one clear error, never
  a hang or a memory blow-up. :func:`read_head` and :func:`read_tail` read the start or
  the end of one (for lists of files, which must not read every file whole).
* :func:`loads_json` parses JSON text with its nesting depth checked before parsing (no
  ``RecursionError``), NaN/Infinity refused, number literals over
  :data:`MAX_NUMBER_CHARS` characters refused (no 4300-digit ``ValueError``, no
  overflow to infinity) and duplicate keys refused.

Errors are raised as the caller's :class:`~game.errors.UserError` subclass, with the
caller's ``where``, so a replay says "replay" and an orbit file says "orbit file".
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat

from game.errors import UserError

__all__ = ["read_regular_file", "read_head", "read_tail", "loads_json", "json_depth",
           "JsonError", "MAX_NUMBER_CHARS"]

#: Longest number literal accepted in JSON: 64-bit integers have at most 20 digits and a
#: float written by ``json.dumps`` at most 24 characters.
MAX_NUMBER_CHARS = 40


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _open_regular(path, error: type[UserError], where: str) -> tuple[int, int]:
    """(file descriptor, size) of a regular file, opened without blocking on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error("no such file", where=where) from None
    except IsADirectoryError:
        raise error("is a folder, not a file", where=where) from None
    except OSError as exc:
        raise error(f"cannot read ({exc.strerror or exc})", where=where) from None
    except (ValueError, TypeError):  # a NUL in the path
        raise error("not a usable file name", where=where) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(_kind(st.st_mode), where=where)
        return fd, st.st_size
    except BaseException:  # anything at all (a refusal, Ctrl-C): close the descriptor,
        os.close(fd)  # then let it go on up unchanged
        raise


def _read(fd: int, limit: int, error: type[UserError], where: str) -> bytes:
    chunks, got = [], 0
    try:
        while got < limit:
            chunk = os.read(fd, min(limit - got, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise error("is a folder, not a file", where=where) from None
        raise error(f"cannot read ({exc.strerror or exc})", where=where) from None
    return b"".join(chunks)


def read_regular_file(path, max_bytes: int, error: type[UserError] = UserError,
                      what: str = "file") -> bytes:
    """All the bytes of a regular file of at most ``max_bytes``; ``error`` otherwise."""
    where = str(path)
    fd, size = _open_regular(path, error, where)
    try:
        if size > max_bytes:
            raise error(f"{what} is {_size(size)}; over {_size(max_bytes)} is refused",
                        where=where)
        data = _read(fd, max_bytes + 1, error, where)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while being read
        raise error(f"{what} is over {_size(max_bytes)}; refused", where=where)
    return data


def read_head(path, n: int, error: type[UserError] = UserError) -> tuple[bytes, int]:
    """The first ``n`` bytes of a regular file and the file's size."""
    where = str(path)
    fd, size = _open_regular(path, error, where)
    try:
        return _read(fd, n, error, where), size
    finally:
        os.close(fd)


def read_tail(path, n: int, error: type[UserError] = UserError) -> tuple[bytes, int]:
    """The last ``n`` bytes of a regular file (all of it if shorter) and its size."""
    where = str(path)
    fd, size = _open_regular(path, error, where)
    try:
        start = max(0, size - n)
        try:
            os.lseek(fd, start, os.SEEK_SET)
        except OSError as exc:
            raise error(f"cannot read ({exc.strerror or exc})", where=where) from None
        return _read(fd, n, error, where), size
    finally:
        os.close(fd)


# ---- JSON -----------------------------------------------------------------------------

class JsonError(ValueError):
    """Why a JSON text was refused, with the line and column when the parser knows."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")
_KEYED_NUMBER = re.compile(r'"([^"\\]{1,40})"\s*:\s*(-?[0-9][0-9.eE+-]*)')


def json_depth(text: str) -> int:
    """Deepest bracket nesting outside strings, found without parsing."""
    depth = deepest = 0
    for b in _BRACKETS.findall(_STRING.sub("", text)):
        if b in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class _LongNumber(ValueError):
    def __init__(self, chars: int):
        super().__init__(chars)
        self.chars = chars


def _bounded_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _LongNumber(len(text))
    return int(text)


def _finite_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _LongNumber(len(text))
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} overflows")
    return value


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not allowed")


def _no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k[:40]!r}")
        out[k] = v
    return out


def _long_number_message(text: str, chars: int) -> str:
    """Which field holds the over-long number, if a key is right before it."""
    keys = (m.group(1) for m in _KEYED_NUMBER.finditer(text)
            if len(m.group(2)) > MAX_NUMBER_CHARS)
    key = next(keys, None)
    from game.errors import safe_text

    what = f"{safe_text(key)} is" if key is not None else "holds"
    return (f"{what} a number {chars} characters long; numbers here have at most "
            f"{MAX_NUMBER_CHARS} (64-bit integers have 20 digits)")


def loads_json(text: str, max_depth: int):
    """``json.loads`` for hostile text (see the module docstring); :class:`JsonError`."""
    if json_depth(text) > max_depth:
        raise JsonError(f"JSON nested deeper than {max_depth}; refused")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                          parse_int=_bounded_int, object_pairs_hook=_no_duplicates)
    except _LongNumber as exc:
        raise JsonError(_long_number_message(text, exc.chars)) from None
    except RecursionError:
        raise JsonError("JSON nested too deep; refused") from None
    except json.JSONDecodeError as exc:
        raise JsonError(f"not JSON ({exc.msg})", exc.lineno, exc.colno) from None
    except ValueError as exc:  # NaN/Infinity, overflow, duplicate key
        raise JsonError(str(exc)[:120]) from None
