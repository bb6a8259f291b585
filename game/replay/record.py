"""Where ``iss-game sim --record`` finds its recorder (see game.cli.sim_cmd)."""

from game.replay.recorder import open_recording

__all__ = ["open_recording"]
