"""Speed figures for ``iss-game bench``, one module per section, named as the section is.

``ground_track`` (game.orbit's fast path against Skyfield), ``render`` (the game screen's
frame times per camera), ``orbit_editor`` (the orbit panel's live recompute), ``sim``
(whole AI-vs-AI games), ``replay`` (load and seek) and ``pacing`` (the adaptive pace's
real-time figures: longest stretch with nothing to decide, shortest restraint). Each
gives ``fn(quick) -> dict``;
:mod:`game.cli.bench_cmd` lists them and prints the figures. Kept out of the tests on
purpose: tests check correctness, the bench reports speed.
"""
