"""The message log of a game: events, orders and refusals, newest last, bounded."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass
class LogLine:
    tick: int
    text: str
    colour: tuple[int, int, int]
    kind: str = ""
    side: str | None = None  # only that side's player sees it (its order, its passes,
    #                          its own commands in hot-seat); None: everyone

    def seen_by(self, side: str | None) -> bool:
        """Does a player commanding ``side`` (None: watching, a replay) see this line?"""
        return side is None or self.side is None or self.side == side


class Log:
    """The message log: events, orders, refusals; newest last, bounded.

    Talk is the one thing crew do over and over (the AI's diplomacy talks every minute or
    so), so the same conversation gets a new line at most once per ``TALK_QUIET_TICKS``,
    marked "(xN)" with how many times that pair has talked so far. Everything else is
    logged as it happens, a run of identical lines folded as "(xN)"."""

    TALK_QUIET_TICKS = 600

    def __init__(self, size: int = 200):
        self.lines: deque[LogLine] = deque(maxlen=size)
        self.version = 0  # bumps on every change (panels cache their drawing by it)
        self._talk_logged: dict[str, int] = {}  # conversation -> tick of its last new line
        self._talks: dict[str, int] = {}  # conversation -> times it happened

    def clear(self) -> None:
        self.lines.clear()
        self._talk_logged.clear()
        self._talks.clear()
        self.version += 1

    def visible(self, side: str | None) -> list[LogLine]:
        """The lines a player commanding ``side`` sees (None: all of them)."""
        return [ln for ln in self.lines if ln.seen_by(side)]

    def _add_talk(self, tick: int, text: str, colour) -> None:
        n = self._talks[text] = self._talks.get(text, 0) + 1
        shown = f"{text} (x{n})" if n > 1 else text
        last = self.lines[-1] if self.lines else None
        if last is not None and last.kind == "talked" and last.text.split(" (x")[0] == text:
            self.lines[-1] = LogLine(tick, shown, last.colour, "talked")  # count it there
        else:
            quiet_since = self._talk_logged.get(text)
            if quiet_since is not None and 0 <= tick - quiet_since < self.TALK_QUIET_TICKS:
                return
            self._talk_logged[text] = tick
            self.lines.append(LogLine(tick, shown, colour, "talked"))
        self.version += 1

    def add(self, tick: int, text: str, colour=(215, 222, 235), kind: str = "",
            side: str | None = None) -> None:
        if kind == "talked" and side is None:
            self._add_talk(int(tick), text, colour)
            return
        last = self.lines[-1] if self.lines else None
        if last is not None and last.text.split(" (x")[0] == text and last.kind == kind \
                and last.side == side:
            n = int(last.text.rsplit("(x", 1)[1][:-1]) + 1 if "(x" in last.text else 2
            self.lines[-1] = LogLine(int(tick), f"{text} (x{n})", colour, kind, side)
        else:
            self.lines.append(LogLine(int(tick), text, colour, kind, side))
        self.version += 1
