"""The :class:`Orbit`: one satellite's element set, as read, plus its SGP4 model.

An ``Orbit`` keeps its two TLE lines even when it came from OMM, because the lines are
the element set's identity: replays carry them, the simulation checksums them, and the
editor writes them. Derived elements (inclination, period, perigee...) are properties
read from the SGP4 model so they always agree with what SGP4 flies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sgp4.api import Satrec

from game.facts.earth import WGS84_EQUATORIAL_RADIUS_KM as EARTH_EQUATORIAL_RADIUS_KM
from game.orbit.timescale import DAY_S, JD_UNIX_EPOCH

__all__ = ["Orbit", "EARTH_EQUATORIAL_RADIUS_KM", "SGP4INIT_EPOCH_JD", "SGP4_ERRORS",
           "sgp4_error_text", "epoch_offset_text"]

#: ``Satrec.sgp4init`` counts its epoch in days from 1949 December 31 00:00 UT.
SGP4INIT_EPOCH_JD = 2433281.5

#: What each SGP4 error code means, in words a player can act on: (after the epoch,
#: before it). Run backwards from its epoch, a drag term is anti-drag, so "decayed" is
#: the wrong word there.
SGP4_ERRORS = {
    1: ("mean eccentricity leaves 0..1 (drag has worn the orbit down: it has decayed)",
        "mean eccentricity leaves 0..1 (run back from the epoch, the drag term takes the "
        "orbit out of range)"),
    2: ("mean motion is negative or zero", "mean motion is negative or zero"),
    3: ("perturbed eccentricity leaves 0..1 (the orbit degenerates)",
        "perturbed eccentricity leaves 0..1 (the orbit degenerates)"),
    4: ("semi-latus rectum is negative (the orbit degenerates)",
        "semi-latus rectum is negative (the orbit degenerates)"),
    5: ("the orbit is below the Earth's surface", "the orbit is below the Earth's surface"),
    6: ("the satellite has decayed (re-entered) by then",
        "run back from the epoch, the drag term puts the satellite under the ground by then"),
}


def sgp4_error_text(code: int, days_from_epoch: float = 0.0) -> str:
    """SGP4 error ``code`` in words, worded for a time before or after the epoch."""
    texts = SGP4_ERRORS.get(int(code))
    if texts is None:
        return f"unknown SGP4 error {int(code)}"
    return texts[1] if days_from_epoch < 0 else texts[0]


def epoch_offset_text(days: float) -> str:
    """``2.5 days after the epoch``, ``3.0 hours before the epoch``, ``at the epoch``."""
    if abs(days) < 1e-6:
        return "at the epoch"
    side = "after" if days > 0 else "before"
    if abs(days) < 1.0:
        return f"{abs(days) * 24:.1f} hours {side} the epoch"
    return f"{abs(days):.1f} days {side} the epoch"


@dataclass(frozen=True)
class Orbit:
    """One satellite's element set: identity, the two TLE lines, and its SGP4 model.

    ``epoch_unix_s`` is the element set's epoch in UTC POSIX seconds; ``source`` names
    where it came from (a path, or a label such as ``"editor"``) for error messages.
    """

    name: str
    norad_id: int
    intl_designator: str
    line1: str
    line2: str
    epoch_unix_s: float
    source: str
    satrec: Satrec = field(repr=False, compare=False)

    @classmethod
    def from_checked_lines(cls, satrec: Satrec, name: str, line1: str, line2: str,
                           source: str) -> Orbit:
        """The Orbit of lines that :func:`game.orbit.tle.orbit_from_lines` has checked
        (and SGP4 has read into ``satrec``); only that function calls it."""
        epoch = ((satrec.jdsatepoch - JD_UNIX_EPOCH) + satrec.jdsatepochF) * DAY_S
        return cls(name=name or f"NORAD {satrec.satnum}", norad_id=int(satrec.satnum),
                   intl_designator=str(satrec.intldesg).strip(), line1=line1, line2=line2,
                   epoch_unix_s=float(epoch), source=source, satrec=satrec)

    # --- elements as SGP4 holds them, in the units people quote -----------------------
    @property
    def inclination_deg(self) -> float:
        return math.degrees(self.satrec.inclo)

    @property
    def raan_deg(self) -> float:
        """Right ascension of the ascending node (TEME), degrees."""
        return math.degrees(self.satrec.nodeo)

    @property
    def eccentricity(self) -> float:
        return float(self.satrec.ecco)

    @property
    def arg_perigee_deg(self) -> float:
        return math.degrees(self.satrec.argpo)

    @property
    def mean_anomaly_deg(self) -> float:
        return math.degrees(self.satrec.mo)

    @property
    def mean_motion_rev_per_day(self) -> float:
        """The TLE's (Kozai) mean motion, as written in line 2."""
        return self.satrec.no_kozai * 1440.0 / (2.0 * math.pi)

    @property
    def period_min(self) -> float:
        """Anomalistic period from SGP4's (Brouwer) mean motion, minutes.

        (``Satrec.no`` in the sgp4 binding is the Kozai value; the Brouwer mean motion is
        recovered from SGP4's mean semi-major axis ``a``, in Earth radii.)
        """
        return 2.0 * math.pi / (self.satrec.xke * self.satrec.a ** -1.5)

    @property
    def semi_major_axis_km(self) -> float:
        """SGP4's mean semi-major axis (Brouwer), km."""
        return self.satrec.a * self.satrec.radiusearthkm

    @property
    def mean_altitude_km(self) -> float:
        """Mean semi-major axis minus the WGS84 equatorial radius: what ``--altitude`` sets."""
        return self.semi_major_axis_km - EARTH_EQUATORIAL_RADIUS_KM

    @property
    def perigee_km(self) -> float:
        """Perigee height above the equatorial radius (mean elements), km."""
        return self.semi_major_axis_km * (1.0 - self.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM

    @property
    def apogee_km(self) -> float:
        """Apogee height above the equatorial radius (mean elements), km."""
        return self.semi_major_axis_km * (1.0 + self.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM

    @property
    def orbit_id(self) -> str:
        """The two lines joined: the element set's identity for replays and checksums."""
        return self.line1 + "\n" + self.line2

    def as_3le(self) -> str:
        """Name line and the two lines, newline-ended: a 3LE as CelesTrak serves them."""
        return f"{self.name}\n{self.line1}\n{self.line2}\n"
