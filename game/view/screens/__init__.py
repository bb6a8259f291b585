"""Whole screens of the window, each a :class:`game.view.app.Screen` on the app's stack.

``title`` (the menu), ``play`` (the 3D view with HUD and room for panels), ``game_screen``
(play with the simulation behind it), ``replay_screen`` and ``replay_browser``,
``orbit_panel`` (pick and edit the orbit), and the overlays over a game: ``help``,
``pause_menu`` and ``end_screen`` (the last two built on ``choice``).
"""
