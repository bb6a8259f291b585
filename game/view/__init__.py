"""The window (pygame): reads the game's state, turns input into commands.

``app`` (the window and its canvas, the stack of screens, the fixed-step loop, the frame
cap), ``ui_scale`` (the interface factor panels size themselves by), ``widgets`` (buttons,
sliders, text fields, lists), ``keymap`` (every key once: what dispatches it and what the
help says), ``sound`` and ``resources`` (the bundled assets, loaded once) sit here;
``screens/`` holds whole screens, ``panels/`` what lies over and beside the 3D view,
``render/`` the CPU renderer. The game logic behind the screens that needs no window is in
:mod:`game.session`.
"""
