"""Changing an element set: new mean elements in, a valid TLE (and SGP4 model) out.

What the numbers mean, since TLEs are SGP4's *mean* elements, not osculating ones:

* ``altitude_km`` is the mean altitude: SGP4's mean (Brouwer) semi-major axis minus the
  WGS84 equatorial radius (game.facts.earth). The TLE stores the Kozai mean motion; SGP4
  converts it to Brouwer's with a J2 correction that depends on inclination and
  eccentricity. We invert that conversion exactly (a fixed-point iteration of SGP4's own
  formula, WGS72 constants as TLEs use), so SGP4 reading the new TLE has the asked
  semi-major axis, and its anomalistic period is 2π·sqrt(a³/μ).
* Without ``altitude_km`` the Kozai mean motion is kept as written.
* ``epoch_unix_s`` moves the epoch along the orbit: the old elements are propagated by
  SGP4 to the new epoch and SGP4's own mean elements there (secular J2 drift of node and
  perigee, drag decay of the mean motion) become the new element set, so the new TLE
  flies where the old one would have been. Other changes apply after the move.
* Drag terms (BSTAR, ndot, nddot), name, NORAD number and international designator are
  kept. Lines are written by ``sgp4.exporter.export_tle`` and then go through the one
  rule every orbit file meets (:func:`game.orbit.tle.orbit_from_lines`): SGP4 reads
  them as written, the elements are physical, and SGP4 flies them over the span a game
  uses around the epoch (not only at the epoch). So the returned model is exactly what
  the file will say, and the file loads.
* Angles and eccentricity are rounded to the TLE's columns first (4 and 7 decimals; a
  full turn is 0°, -0 is 0), so what is checked is what is written.

Fast enough to call on every slider drag (a fraction of a millisecond).
"""

from __future__ import annotations

import math

from sgp4.api import WGS72, Satrec
from sgp4.earth_gravity import wgs72
from sgp4.exporter import export_tle

from game.errors import OrbitDataError
from game.orbit.elements import (
    EARTH_EQUATORIAL_RADIUS_KM,
    SGP4INIT_EPOCH_JD,
    Orbit,
    epoch_offset_text,
    sgp4_error_text,
)
from game.orbit.limits import MIN_MEAN_MOTION_REV_PER_DAY
from game.orbit.timescale import DAY_S, JD_UNIX_EPOCH, check_time_span
from game.orbit.tle import Place, clean_name, orbit_from_lines

__all__ = ["edit_elements", "MIN_ALTITUDE_KM", "MAX_ALTITUDE_KM"]

#: Below this mean altitude an orbit decays within days; the editor refuses it.
MIN_ALTITUDE_KM = 150.0
#: Above this the mean motion would be under the 0.05 rev/day every orbit must have
#: (game.orbit.limits): a period of about 20 days.
MAX_ALTITUDE_KM = 300_000.0
#: Slack on the minimum for the rounding of the mean motion to the TLE's 8 decimals.
_ALTITUDE_SLACK_KM = 1e-3
_TAU = 2.0 * math.pi
# WGS72, the constants SGP4 itself flies TLEs with (sgp4's own table, not a copy).
_RE = wgs72.radiusearthkm
_XKE = 60.0 / math.sqrt(_RE**3 / wgs72.mu)
_J2 = wgs72.j2
_EPOCH_MIN_UNIX = -410227200.0  # 1957-01-01: TLE epoch years are two digits, 1957-2056
_EPOCH_MAX_UNIX = 2745792000.0  # 2057-01-01


def _brouwer_from_kozai(no_kozai: float, ecc: float, incl: float) -> float:
    """SGP4's ``initl`` conversion of the TLE (Kozai) mean motion to Brouwer's, rad/min."""
    cosio = math.cos(incl)
    omeosq = 1.0 - ecc * ecc
    d1 = 0.75 * _J2 * (3.0 * cosio * cosio - 1.0) / (math.sqrt(omeosq) * omeosq)
    ak = (_XKE / no_kozai) ** (2.0 / 3.0)
    del_ = d1 / (ak * ak)
    adel = ak * (1.0 - del_ * del_ - del_ * (1.0 / 3.0 + 134.0 * del_ * del_ / 81.0))
    del_ = d1 / (adel * adel)
    return no_kozai / (1.0 + del_)


def _kozai_from_brouwer(no_brouwer: float, ecc: float, incl: float) -> float:
    no_kozai = no_brouwer
    for _ in range(8):  # the correction is ~1e-3: converges to 1e-15 in a few rounds
        no_kozai *= no_brouwer / _brouwer_from_kozai(no_kozai, ecc, incl)
    return no_kozai


def _check(ok: bool, message: str, source: str) -> None:
    if not ok:
        raise OrbitDataError(message, where=source)


def edit_elements(orbit: Orbit, *, inclination_deg: float | None = None,
                  altitude_km: float | None = None, raan_deg: float | None = None,
                  eccentricity: float | None = None, arg_perigee_deg: float | None = None,
                  mean_anomaly_deg: float | None = None, epoch_unix_s: float | None = None,
                  name: str | None = None, source: str = "orbit editor") -> Orbit:
    """A new :class:`Orbit` with the given mean elements changed (see the module notes).

    Impossible values (inclination outside 0–180°, eccentricity outside [0, 1), mean
    altitude under 150 km, perigee inside the Earth, epoch outside 1957–2056 or outside
    the span the game computes, :func:`~game.orbit.timescale.supported_span`) raise
    :class:`OrbitDataError` with the reason; the original orbit is untouched.
    """
    where = f"edit of {orbit.name} ({orbit.source})"
    for label, value in (("inclination", inclination_deg), ("altitude", altitude_km),
                         ("RAAN", raan_deg), ("eccentricity", eccentricity),
                         ("argument of perigee", arg_perigee_deg),
                         ("mean anomaly", mean_anomaly_deg), ("epoch", epoch_unix_s)):
        _check(value is None or (isinstance(value, (int, float)) and math.isfinite(value)),
               f"{label} must be a finite number, got {value}", where)
    if name is not None:
        name = clean_name(name, where)
    if inclination_deg is not None:
        inclination_deg = round(float(inclination_deg), 4) + 0.0
        _check(0.0 <= inclination_deg <= 180.0, f"inclination must be 0 to 180 degrees, "
               f"got {inclination_deg:g}", where)
    if eccentricity is not None:
        eccentricity = round(float(eccentricity), 7) + 0.0  # the TLE's 7 digits; -0 is 0
        _check(0.0 <= eccentricity < 1.0, f"eccentricity must be at least 0 and below 1 "
               f"(1 or more is not a closed orbit), got {eccentricity:g}", where)
    if altitude_km is not None:
        _check(altitude_km >= MIN_ALTITUDE_KM, f"altitude must be at least "
               f"{MIN_ALTITUDE_KM:g} km (lower orbits decay within days), got "
               f"{altitude_km:g}", where)
        _check(altitude_km <= MAX_ALTITUDE_KM, f"altitude must be at most "
               f"{MAX_ALTITUDE_KM:,.0f} km (higher orbits are slower than "
               f"{MIN_MEAN_MOTION_REV_PER_DAY:g} rev/day, a 20-day period), got "
               f"{altitude_km:g}", where)
    if epoch_unix_s is not None:
        _check(_EPOCH_MIN_UNIX <= epoch_unix_s < _EPOCH_MAX_UNIX,
               "epoch must be between 1957 and 2056 (TLE years have two digits)", where)
        # and inside the span the game computes (DE421 ends in 2053): a TLE the rest of
        # the game could not fly is never written
        check_time_span(epoch_unix_s, "epoch", where)

    old = orbit.satrec
    if epoch_unix_s is not None and abs(epoch_unix_s - orbit.epoch_unix_s) > 1e-3:
        days = math.floor(epoch_unix_s / DAY_S)
        err, _, _ = old.sgp4(JD_UNIX_EPOCH + days, (epoch_unix_s - days * DAY_S) / DAY_S)
        offset = (epoch_unix_s - orbit.epoch_unix_s) / DAY_S
        _check(err == 0, f"{orbit.name} cannot be moved to the new epoch "
               f"({epoch_offset_text(offset)}): {sgp4_error_text(err, offset)}", where)
        # SGP4's mean elements at the last propagated time.
        incl, node, argp, mean_anom = old.im, old.Om, old.om, old.mm
        ecc = min(max(old.em, 0.0), 0.9999999)
        no_brouwer = old.nm
        epoch = epoch_unix_s
        revs = (epoch_unix_s - orbit.epoch_unix_s) / 60.0 * old.no_kozai / _TAU
        revnum = int(old.revnum + math.floor(revs)) % 100000
        no_kozai = None
        _check(all(math.isfinite(x) for x in (incl, node, argp, mean_anom, ecc, no_brouwer))
               and no_brouwer > 0.0, f"{orbit.name} cannot be moved to the new epoch: SGP4's "
               "mean elements there are not an orbit", where)
    else:
        incl, node, argp, mean_anom, ecc = old.inclo, old.nodeo, old.argpo, old.mo, old.ecco
        no_kozai, no_brouwer = old.no_kozai, None
        epoch = orbit.epoch_unix_s
        revnum = old.revnum
    if inclination_deg is not None:
        incl = math.radians(inclination_deg)
    if raan_deg is not None:
        node = math.radians(float(raan_deg) % 360.0)
    if eccentricity is not None:
        ecc = eccentricity
    if arg_perigee_deg is not None:
        argp = math.radians(float(arg_perigee_deg) % 360.0)
    if mean_anomaly_deg is not None:
        mean_anom = math.radians(float(mean_anomaly_deg) % 360.0)
    if altitude_km is not None:
        a_er = (EARTH_EQUATORIAL_RADIUS_KM + altitude_km) / _RE
        no_brouwer = _XKE / a_er**1.5
    if no_brouwer is not None:
        no_kozai = _kozai_from_brouwer(no_brouwer, ecc, incl)
    # What the TLE's columns hold: 0..180 and 0..under 360 to 4 decimals, 7 for e.
    incl = math.radians(min(max(round(math.degrees(incl), 4), 0.0), 180.0))
    node, argp, mean_anom = (math.radians(round(math.degrees(x % _TAU), 4) % 360.0)
                             for x in (node, argp, mean_anom))
    ecc = min(round(ecc, 7), 0.9999999) + 0.0

    a_km = (_XKE / _brouwer_from_kozai(no_kozai, ecc, incl)) ** (2.0 / 3.0) * _RE
    mean_alt = a_km - EARTH_EQUATORIAL_RADIUS_KM
    perigee = a_km * (1.0 - ecc) - EARTH_EQUATORIAL_RADIUS_KM
    _check(mean_alt >= MIN_ALTITUDE_KM - _ALTITUDE_SLACK_KM, f"mean altitude would be "
           f"{mean_alt:.0f} km, under the {MIN_ALTITUDE_KM:g} km minimum", where)
    _check(perigee > 0.0, f"perigee would be {-perigee:.0f} km inside the Earth "
           f"(a {a_km:.0f} km, eccentricity {ecc:g}): lower the eccentricity or raise "
           "the altitude", where)

    sat = Satrec()
    sat.sgp4init(WGS72, "i", old.satnum, epoch / DAY_S + JD_UNIX_EPOCH - SGP4INIT_EPOCH_JD,
                 old.bstar, old.ndot, old.nddot, ecc, argp, incl, mean_anom, no_kozai, node)
    sat.classification = old.classification or "U"
    sat.intldesg = old.intldesg
    sat.ephtype = old.ephtype
    sat.elnum = old.elnum
    sat.revnum = revnum
    try:
        line1, line2 = export_tle(sat)
    except ValueError as exc:
        raise OrbitDataError(f"cannot be written as a TLE: {exc}", where=where) from None
    return orbit_from_lines(orbit.name if name is None else name, line1, line2,
                            Place(source, None, f"edit of {orbit.name}"))
