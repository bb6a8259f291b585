"""What the play screens lay over and beside the 3D view.

``hud`` (clocks, position, sunlight, ground windows), ``game_hud`` (the rules on
screen), ``schematic`` (the station plan for giving orders: ``schematic_layout``,
``schematic_orders`` and ``schematic_draw`` are its geometry, input and drawing) and
``timeline_bar`` (the replay's bar).
"""
