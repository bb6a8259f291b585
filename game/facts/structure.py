"""The station's outside, for drawing it: truss, solar array wings, radiators, visiting
vehicles (metres; the body frame of ``game.view.render.station_model``: x forward along
the velocity, y starboard, z nadir).

Figures from ``assets/station.json`` (``station_dimensions`` and the power system's
entry, each with its sources there):
- the Integrated Truss Structure is 109 m end to end, port to starboard, on Destiny's
  zenith (S0);
- eight legacy Solar Array Wings, two on each photovoltaic module P4, P6, S4 and S6,
  each about 35 m long and 11.6 m wide (two blankets either side of a mast), a pair
  72.8 m tip to tip.

How they move (NASA, "International Space Station Electric Power System", ISS EPS
overview): the Solar Alpha Rotary Joints turn the outboard truss, and with it all four
wings of a side, about the truss axis once an orbit; each wing's Beta Gimbal Assembly
turns it about its own long axis to follow the Sun's angle out of the orbit plane (the
beta angle). Together they keep the cells facing the Sun. The main radiators (Heat
Rejection System, three on each of S1 and P1, each about 23 m x 3.4 m; NASA "Active
Thermal Control System overview") are turned by the Thermal Radiator Rotary Joints to
stay edge-on to the Sun.

Positions along the truss (the PV modules' beta gimbals near y = +-35.5 m and +-48.5 m,
the radiators on S1/P1 between +-11 and +-22 m) are read off NASA's ISS configuration
drawings to about a metre: the drawing's scale, not a measured figure.

Visiting vehicles (manufacturers' public figures): Soyuz MS about 7.5 m long and 2.7 m
across at most, its two solar panels about 10.6 m tip to tip (RSC Energia); Crew Dragon
about 4 m across, 8.1 m long with its trunk (SpaceX).
"""

from __future__ import annotations

TRUSS_LENGTH_M = 109.0
TRUSS_SECTION_M = 3.2  # the truss's square cross-section, roughly
TRUSS_ABOVE_DESTINY_M = 4.6  # truss axis above Destiny's axis (S0 on Destiny zenith)

WING_LENGTH_M = 35.0
WING_WIDTH_M = 11.6
WING_MAST_GAP_M = 1.0  # between the two blankets of a wing
WING_ROOT_M = 2.0  # from the truss axis to the blankets' inner ends (blanket boxes)
#: The beta gimbals along the truss: (truss segment, y in metres), two wings each.
PV_MODULES: tuple[tuple[str, float], ...] = (("P6", -48.5), ("P4", -35.5), ("S4", 35.5),
                                             ("S6", 48.5))

RADIATOR_LENGTH_M = 23.3
RADIATOR_WIDTH_M = 3.4
RADIATORS_PER_SIDE = 3
RADIATOR_Y_M = (11.0, 22.0)  # inner and outer edge along the truss (S1 +, P1 -)

SOYUZ_LENGTH_M = 7.5
SOYUZ_DIAMETER_M = 2.7
SOYUZ_PANEL_SPAN_M = 10.6
DRAGON_LENGTH_M = 8.1
DRAGON_DIAMETER_M = 4.0
