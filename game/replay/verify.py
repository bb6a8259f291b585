"""``--verify``: re-simulate a replay from its header and compare every checksum.

The game is rebuilt from the header alone (the orbit timeline from the TLE lines the
file carries), each logged command is re-submitted at its tick in file order, and at
every checksum line the game's own checksum must match. The first difference stops
the check and names the tick: a changed checksum, a command the game refuses (a
tampered tick or target usually makes one), or a result that differs.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.replay.player import Cursor, Desync, check_result
from game.replay.reader import Replay


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    checksums: int  # checksum lines that matched (the result's checksum counts as one)
    commands: int  # commands re-submitted
    ticks: int  # where the re-simulation stopped
    desync: Desync | None = None
    warning: str | None = None  # the file was cut short (verified up to its end)

    @property
    def message(self) -> str:
        if self.desync is not None:
            return self.desync.message
        tail = " (file cut short: no result line)" if self.warning else ""
        return (f"verified {self.checksums} checksums, {self.commands} commands, "
                f"{self.ticks} ticks{tail}")


def verify_replay(replay: Replay) -> VerifyReport:
    """Re-simulate ``replay`` and compare; see the module docstring."""
    cur = Cursor(replay, replay.new_game())
    matched = commands = 0
    while cur.index < len(cur.entries):
        is_cmd = cur.entries[cur.index].cmd is not None
        d = cur.apply_next(check=True)
        if d is not None:
            return VerifyReport(False, matched, commands, cur.game.tick, d, replay.warning)
        commands += is_cmd
        matched += not is_cmd
    g = cur.game
    res = replay.result
    if res is not None:
        if g.tick < res["ticks"]:
            g.run_until(res["ticks"])
        d = check_result(g, res, replay.result_line)
        if d is not None:
            return VerifyReport(False, matched, commands, g.tick, d, replay.warning)
        if res["checksum"]:
            matched += 1
    return VerifyReport(True, matched, commands, g.tick, None, replay.warning)

