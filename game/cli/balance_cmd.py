"""``iss-game balance``: the scripted strategies and the AIs against the hard AI over many
seeds, the table, and the targets of issue 10 (see :mod:`game.bots.balance`)."""

from __future__ import annotations


def run(args) -> int:
    from game.bots import balance
    from game.bots.strategies import STRATEGIES
    from game.errors import UserError

    for name in args.strategy or ():
        if name not in STRATEGIES:
            raise UserError(f"--strategy: no strategy '{name[:40]}'; known: "
                            f"{', '.join(STRATEGIES)}")
    if args.jobs is not None and not 1 <= args.jobs <= 64:
        raise UserError("--jobs must be between 1 and 64")
    return balance.main(args)
