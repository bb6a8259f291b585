"""Facts about the real world the game is built on: each value once, with its source.

Like Skyfield's ``constants.py``: the numbers that are not the game's to choose live
here, cited, and every layer (orbit, sim, view, cli) reads them from here instead of
writing its own copy. Game *choices* (how long a restraint takes, how fast crew float)
are not facts: they live in ``game.sim.tuning``.

- :mod:`game.facts.earth`: the WGS84 ellipsoid and the Earth's mean radius.
- :mod:`game.facts.ground`: the ground stations (mission control centres) of the ISS.
- :mod:`game.facts.station`: the station's pressurized modules, hatches, systems and
  the vehicles docked to it.
- :mod:`game.facts.cities`: the world's cities (GeoNames), the one reader of
  ``assets/cities.csv``.

Only the standard library is imported here, so ``game.sim`` (which may import neither
pygame nor Skyfield) can read every fact.
"""
