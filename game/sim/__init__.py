"""The game itself: a pure, deterministic simulation (no pygame, no Skyfield).

Public API in :mod:`game.sim.api`; rules in :mod:`game.sim.rules`; the AI in
:mod:`game.sim.ai`; whole headless games in :mod:`game.sim.runner`.
"""
