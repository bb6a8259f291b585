"""I.S.S. — the real International Space Station over an Earth at war.

Layers (see README): ``game.orbit`` turns element sets into numbers, ``game.sim`` plays
the rules, ``game.view`` draws, ``game.replay`` records and re-plays, ``game.cli`` is
the command line.
"""

__version__ = "0.1.0"
