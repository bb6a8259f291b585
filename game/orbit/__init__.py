"""Orbit layer: element sets in, plain numpy arrays out (public names in ``game.orbit.api``).

This package's ``__init__`` imports nothing heavy on purpose: ``game.sim`` reads
``game.orbit.timeline`` (numpy only) and must never pull in Skyfield.
"""
