"""Recording, reading, verifying and playing back replays: import from game.replay.api."""
