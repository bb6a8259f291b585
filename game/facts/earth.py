"""The Earth's figure.

Sources:
- WGS84: NIMA TR8350.2, *Department of Defense World Geodetic System 1984*, 3rd edition
  (2000), table 3.1: semi-major axis a = 6378137.0 m, 1/f = 298.257223563. Skyfield's
  ``wgs84`` and GPS use the same two numbers.
- Mean radius: IUGG mean radius R1 = (2a + b) / 3 of the GRS80/WGS84 ellipsoid,
  6371.0088 km (H. Moritz, *Geodetic Reference System 1980*, Journal of Geodesy 74, 2000).

Where each is used: geodetic latitude/longitude/altitude (the ground track, the
ground-station geometry, "altitude" in the orbit editor) are WGS84; the sphere the game
draws and the horizon a crew member sees are the mean radius (a sphere is all either
needs, and the mean radius errs least over the whole globe).
"""

WGS84_EQUATORIAL_RADIUS_KM = 6378.137
WGS84_FLATTENING = 1.0 / 298.257223563
#: First eccentricity squared, e^2 = f (2 - f): derived, not a second fact.
WGS84_ECCENTRICITY_SQUARED = WGS84_FLATTENING * (2.0 - WGS84_FLATTENING)

EARTH_MEAN_RADIUS_KM = 6371.0088
