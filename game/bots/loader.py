"""Who plays a side: ``SPEC`` strings to controllers, and bots loaded from files.

A bot is a Python file that defines ``make_bot(side, seed)`` returning an object with
``decide(view) -> list`` of commands built with ``game.sim.api`` (``Move``, ``Talk``,
``Restrain``, ...). The runner calls it every :data:`BOT_PERIOD_S` mission seconds with
the game's read-only ``StateView``. Its commands go through ``Game.submit`` exactly as a
player's do (one for the other side, or an impossible one, is refused and shown in
``view.refusals``). A bot that raises, returns something that is not a list of commands,
or takes more than :data:`BOT_TIME_LIMIT_S` for one decision stops the game with one line
naming the bot file (:class:`BotError`, exit status 2). Replays record the commands, so a
replay never runs a bot.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import replace
from pathlib import Path

from game.errors import UserError

BOT_PERIOD_S = 5
BOT_TIME_LIMIT_S = 1.0
CONTROLLERS = ("human", "ai", "ai:easy", "ai:hard", "bot:FILE.py")


class BotError(UserError):
    """A bot misbehaved: raised, answered nonsense, or took too long."""


def _safe(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def check_spec(spec: str, flag: str) -> str:
    """``spec`` if it is one of :data:`CONTROLLERS` (any ``bot:`` path), else a UserError."""
    if spec in ("human", "ai", "ai:easy", "ai:hard") or (spec.startswith("bot:") and
                                                         len(spec) > 4):
        return spec
    raise UserError(f"{flag}: '{_safe(spec, 60)}' is not a player; use one of "
                    f"{', '.join(CONTROLLERS)}")


def controller_for(spec: str, side: str, seed: int, difficulty: str = "hard"):
    """The controller for a side: None for a human, the AI, or a loaded bot."""
    from game.sim.api import AI

    if spec == "human":
        return None
    if spec == "ai":
        return AI(side, seed, difficulty)
    if spec in ("ai:easy", "ai:hard"):
        return AI(side, seed, spec.split(":")[1])
    if spec.startswith("bot:"):
        return load_bot(spec[4:], side, seed)
    raise UserError(f"unknown player '{_safe(spec, 60)}'")


def load_bot(path: str, side: str, seed: int) -> BotController:
    """Import the bot file at ``path`` and make its bot for ``side``."""
    p = Path(path)
    if not p.is_file():
        raise BotError("bot file not found", where=str(p))
    name = f"iss_bot_{side}_{abs(hash(str(p.resolve()))) & 0xFFFFFF:x}"
    spec = importlib.util.spec_from_file_location(name, p)
    if spec is None or spec.loader is None:
        raise BotError("not a Python file", where=str(p))
    module = importlib.util.module_from_spec(spec)
    try:
        sys.modules[name] = module
        spec.loader.exec_module(module)
        make = getattr(module, "make_bot", None)
        if not callable(make):
            raise BotError("defines no make_bot(side, seed)", where=str(p))
        bot = make(side, seed)
    except BotError:
        raise
    except Exception as exc:  # noqa: BLE001 - the user's code: any failure is its failure
        raise BotError(f"loading the bot failed: {type(exc).__name__}: {_safe(exc)}",
                       where=str(p)) from None
    finally:
        sys.modules.pop(name, None)
    if not callable(getattr(bot, "decide", None)):
        raise BotError("make_bot() returned an object with no decide(view)", where=str(p))
    return BotController(bot, side, str(p))


class BotController:
    """Runs a bot for the runner: every BOT_PERIOD_S, checked, timed."""

    def __init__(self, bot, side: str, name: str, *, period: int = BOT_PERIOD_S,
                 time_limit_s: float = BOT_TIME_LIMIT_S):
        self.bot, self.side, self.name = bot, side, name
        self.period = period
        self.time_limit_s = time_limit_s
        self.wake = 0

    def decide(self, view) -> list:
        from game.sim.api import COMMAND_TYPES

        self.wake = view.tick + self.period
        t0 = time.perf_counter()
        try:
            out = self.bot.decide(view)
        except Exception as exc:  # noqa: BLE001 - the user's code
            raise BotError(f"decide() raised {type(exc).__name__} at tick {view.tick}: "
                           f"{_safe(exc)}", where=self.name) from None
        took = time.perf_counter() - t0
        if took > self.time_limit_s:
            raise BotError(f"decide() took {took:.2f} s at tick {view.tick} (the limit is "
                           f"{self.time_limit_s:g} s)", where=self.name)
        if out is None:
            return []
        if not isinstance(out, (list, tuple)):
            raise BotError(f"decide() returned {type(out).__name__}, not a list of commands",
                           where=self.name)
        kinds = set(COMMAND_TYPES.values())
        for cmd in out:
            if type(cmd) not in kinds:
                raise BotError(f"decide() returned {_safe(repr(cmd), 60)}, not a command from "
                               "game.sim.api", where=self.name)
        # a bot speaks for its own side only: a command "for" the other side is its own
        # order to the other side's crew, and is refused as such ("not yours to command")
        return [c if c.side == self.side else replace(c, side=self.side) for c in out]
