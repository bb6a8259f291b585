"""What the game accepts as an orbit: the physical bounds every element set is held to.

One set of numbers for every way an orbit comes in (TLE, 3LE, OMM JSON/CSV, the orbit
editor, the orbit a replay carries), so that whatever one path accepts the others
accept too, and whatever is accepted the game can fly, record and replay with bounded
work.

* Angles as a TLE holds them: inclination 0..180°, the others 0 to under 360°.
* Eccentricity 0 to under 1 (1 or more is not a closed orbit).
* Mean motion at least :data:`MIN_MEAN_MOTION_REV_PER_DAY` (a period of 20 days, a semi-
  major axis of about 311,000 km: TESS, the slowest satellite flown from TLEs, has 0.07)
  and under 100 rev/day (the TLE column's width; SGP4 refuses anything under the ground
  long before).
* Apogee, and every position SGP4 gives over the span checked, within
  :data:`MAX_RADIUS_KM` of the Earth's centre: beyond a million km the Sun's pull wins
  (the Earth's Hill sphere is 1.5 million km) and SGP4's numbers mean nothing; nothing
  below the surface.
* |BSTAR| under :data:`MAX_ABS_BSTAR` (1/Earth radii): real sets stay under 0.1; a drag
  term of 1 brings the ISS down in hours, and a negative one that size throws it out of
  Earth orbit.
* Catalogue numbers 1..339999 (five digits, or Alpha-5 up to Z9999).

Time spans: an element set is loaded only if SGP4 flies it over :data:`LOAD_SPAN_S`
around its epoch, the span a default game uses (the start is the epoch plus a seeded
0-24 h, and a game at the default warp lasts 15 mission hours) with a day before the
epoch for the track drawn behind the station. Any other span (``--epoch``, a higher
warp, a replay) is checked when a game or a command asks for it.
"""

from __future__ import annotations

__all__ = ["MIN_MEAN_MOTION_REV_PER_DAY", "MAX_MEAN_MOTION_REV_PER_DAY", "MAX_RADIUS_KM",
           "MIN_RADIUS_KM", "MAX_ABS_BSTAR", "MAX_CATALOGUE_NUMBER", "LOAD_SPAN_S",
           "NAME_MAX"]

MIN_MEAN_MOTION_REV_PER_DAY = 0.05
MAX_MEAN_MOTION_REV_PER_DAY = 100.0
MAX_RADIUS_KM = 1_000_000.0
#: The WGS72 polar radius (SGP4 flies TLEs on WGS72): a position nearer the centre is
#: under the ground everywhere.
MIN_RADIUS_KM = 6356.75
MAX_ABS_BSTAR = 1.0
MAX_CATALOGUE_NUMBER = 339_999
#: (before, after) the epoch, seconds: every element set must fly over this span to load.
LOAD_SPAN_S = (-86_400.0, 2 * 86_400.0)
#: Longest satellite name: CelesTrak pads (and limits) 3LE name lines to 24 columns.
NAME_MAX = 24
