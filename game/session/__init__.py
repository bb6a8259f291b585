"""A game session without a window: what the screens play, watch and edit, no pygame.

``setup`` (the choices a new game is made of), ``world`` (the live game behind the play
screen: ticks, commands, recording), ``pacing`` (the adaptive pace and its measure),
``telegraph`` (what an order would do, said before it is given), ``guide`` (the first
game's hints), ``log`` (the message log), ``wording`` (the game in
words: sides, endings, commands, the mission clock), ``palette`` (the one set of colours
for sides and log lines), ``orbit_preview`` (the orbit panel's live maths) and
``orbit_files`` (the orbit files the menus offer).

It imports game.sim, game.replay, game.orbit, game.newgame and game.facts; game.view
imports it, never the other way round.
"""
