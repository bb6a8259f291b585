"""Players' own bots, the scripted strategies that test the rules, and the balance run.

- :mod:`game.bots.loader`: ``SPEC`` strings (``human``, ``ai``, ``ai:easy``, ``ai:hard``,
  ``bot:FILE.py``) to controllers; a bot file's ``make_bot(side, seed)`` is loaded and
  called every 5 mission seconds, watched for errors and for time.
- :mod:`game.bots.strategies`: short scripted strategies (each a few lines on
  ``game.sim.api``) that a good AI must beat.
- :mod:`game.bots.balance`: ``iss-game balance``: the strategies and the AIs against the
  hard AI over many seeds, and the table that says whether the game is a good one.
"""
