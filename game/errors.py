"""The one error type a player or a tool is meant to read, and how hostile text is shown.

Anything that is the user's input being wrong (a broken TLE, a hostile replay file, a
missing asset, an impossible orbit, a user folder that cannot be written) raises
:class:`UserError`. The command line prints its message as one line on stderr and exits
with status 2; nothing else is caught, so a real bug still shows its traceback.

Every message is one printable line by construction: :class:`UserError` escapes any
character that is not printable (a newline, a tab, an ESC that would start a terminal
sequence, a bidi override) wherever it came from, and :func:`safe_text` quotes a piece of
hostile text (a name, a key, a path) for use inside a message or any other output.
"""

from __future__ import annotations

__all__ = ["UserError", "OrbitDataError", "ReplayError", "AssetError", "UserFolderError",
           "safe_text", "one_line"]


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{code:02x}")
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: object) -> str:
    """``text`` with every non-printable character (newline, tab, ESC, bidi control...)
    written as a backslash escape: one line that cannot drive a terminal."""
    s = str(text)
    if s.isprintable():
        return s
    return "".join(c if c.isprintable() else _escape(c) for c in s)


def safe_text(value: object, limit: int = 60) -> str:
    """Hostile text quoted for a message: ``'...'`` around it, non-printable characters
    escaped (see :func:`one_line`), cut to ``limit`` characters with ``...``."""
    s = str(value)
    cut = len(s) > limit
    s = one_line(s[:limit])
    return f"'{s}...'" if cut else f"'{s}'"


class UserError(Exception):
    """Bad input from outside the program: say what and where, in one line."""

    exit_status = 2

    def __init__(self, message: str, *, where: str | None = None):
        self.where = one_line(where) if where is not None else None
        message = one_line(message)
        super().__init__(f"{self.where}: {message}" if where else message)


class OrbitDataError(UserError):
    """An orbit file (TLE, 3LE, OMM) that cannot be used, naming file, line and column."""


class ReplayError(UserError):
    """A replay file that cannot be trusted or read, or one that cannot be written."""


class AssetError(UserError):
    """A bundled asset that is missing or unreadable."""


class UserFolderError(UserError, OSError):
    """The player's own folder (saved orbits, replays) cannot be made or written: a
    read-only or full disk, ``ISS_GAME_HOME`` under a file. Screens show the message and
    carry on without saving. Also an :class:`OSError` (what making the folder raised
    before), so code that already carries on after an ``OSError`` still does."""
