"""A game session without a window: what the screens play, watch and edit, no pygame.

``setup`` (the choices a new game is made of), ``world`` (the live game behind the play
screen: ticks, commands, recording), ``log`` (the message log), ``wording`` (the game in
words: sides, endings, commands, the mission clock), ``palette`` (the one set of colours
for sides and log lines), ``orbit_preview`` (the orbit panel's live maths) and
``orbit_files`` (the orbit files the menus offer).

It imports game.sim, game.replay, game.orbit, game.newgame and game.facts; game.view
imports it, never the other way round.
"""
