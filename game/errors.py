"""The one error type a player or a tool is meant to read.

Anything that is the user's input being wrong (a broken TLE, a hostile replay file, a
missing asset, an impossible orbit) raises :class:`UserError`. The command line prints
its message as one line on stderr and exits with status 2; nothing else is caught, so a
real bug still shows its traceback.
"""


class UserError(Exception):
    """Bad input from outside the program: say what and where, in one line."""

    exit_status = 2

    def __init__(self, message: str, *, where: str | None = None):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class OrbitDataError(UserError):
    """An orbit file (TLE, 3LE, OMM) that cannot be used, naming file, line and column."""


class ReplayError(UserError):
    """A replay file that cannot be trusted or read."""


class AssetError(UserError):
    """A bundled asset that is missing or unreadable."""
