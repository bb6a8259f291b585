"""The game's pace for ``iss-game bench``: AI-vs-AI games at the default settings, paced
as the window paces them (:mod:`game.session.pacing`, one 1/60 s real step at a time),
for a player of each side and for watching. Figures: the longest real stretch with
nothing to decide (target: at most 2 minutes), the shortest restraint in real seconds
(target: at least 3), the games' real length."""

from __future__ import annotations


def bench_pacing(quick: bool = False) -> dict:
    from game.orbit.api import load_orbit
    from game.session.pacing import survey

    seeds = range(1, 4 if quick else 11)
    out = survey(load_orbit(), seeds)
    out.pop("runs")
    out["seeds"] = f"{seeds.start}-{seeds.stop - 1}"
    return out
