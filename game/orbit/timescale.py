"""One cached Skyfield timescale and one cached DE421 ephemeris, and UTC time helpers.

Skyfield objects are built once per process: loading the timescale and opening the
ephemeris cost tens of milliseconds, and the game asks for the sky many times a second.
Nothing is ever downloaded: the timescale is Skyfield's built-in one and DE421 comes from
the ``skyfield-data`` package, opened with ``expire=False`` so players never see a warning
about "expired" data files (the files are still right for the game's years).

Times in ``game.orbit`` are numpy float64 arrays of UTC POSIX seconds (``unix_s``): the
simulation's and the recorder's clock. They become Julian dates or Skyfield ``Time``
objects only here.
"""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from functools import lru_cache

import numpy as np

__all__ = [
    "JD_UNIX_EPOCH", "DAY_S", "timescale", "ephemeris", "skyfield_times", "jd_utc_split",
    "dut1_s", "parse_iso_utc", "iso_utc", "supported_span", "check_time_span",
]

JD_UNIX_EPOCH = 2440587.5  # Julian date of 1970-01-01T00:00:00 UTC
DAY_S = 86400.0


@lru_cache(maxsize=1)
def timescale():
    """Skyfield's built-in timescale (leap seconds, UT1): no download, made once."""
    from skyfield.api import load

    return load.timescale(builtin=True)


@lru_cache(maxsize=1)
def ephemeris():
    """The JPL DE421 ephemeris shipped in ``skyfield-data``, opened once, never refreshed."""
    from skyfield.api import Loader

    with warnings.catch_warnings():  # skyfield-data warns about its own IERS file's age
        warnings.simplefilter("ignore")
        import skyfield_data

        path = skyfield_data.get_skyfield_data_path()
    return Loader(path, expire=False, verbose=False)("de421.bsp")


_HOUR_S = 3600.0
#: The Sun is read on an hourly grid and interpolated (game.orbit.sun): a time needs the
#: ephemeris up to two grid hours after it.
_SUN_GRID_MARGIN_S = 2 * _HOUR_S


@lru_cache(maxsize=1)
def supported_span() -> tuple[float, float]:
    """(first, last) UTC POSIX seconds the game can compute, inclusive, whole hours.

    The one limit is the DE421 ephemeris (the Sun: day and night, orbital dawn), read from
    the loaded file: the intersection of its segments' coverage, turned from TDB into UTC
    by the timescale, rounded inwards to whole hours and kept clear of the Sun's hourly
    interpolation grid. Skyfield's built-in timescale itself covers any year (it
    extrapolates UT1), so it adds no tighter bound. About 1899-07-29..2053-10-08.
    """
    eph = ephemeris()
    first_jd = max(seg.spk_segment.start_jd for seg in eph.segments)
    last_jd = min(seg.spk_segment.end_jd for seg in eph.segments)
    ts = timescale()
    first = ts.tdb_jd(first_jd).utc_datetime().timestamp()
    last = ts.tdb_jd(last_jd).utc_datetime().timestamp() - _SUN_GRID_MARGIN_S
    return (float(np.ceil(first / _HOUR_S) * _HOUR_S),
            float(np.floor(last / _HOUR_S) * _HOUR_S))


def check_time_span(unix_s, what: str = "time", where: str | None = None) -> None:
    """Raise :class:`~game.errors.OrbitDataError` unless every time is in
    :func:`supported_span`; every public entry point that takes a time calls it before
    computing, so out-of-range dates are a one-line error, never a Skyfield traceback.
    """
    from game.errors import OrbitDataError

    t = np.asarray(unix_s, dtype=np.float64)
    if t.size == 0:
        return
    first, last = supported_span()
    lo, hi = float(np.min(t)), float(np.max(t))  # NaN propagates to both
    if first <= lo and hi <= last:
        return
    bad = hi if first <= lo <= last else lo  # the first time outside
    # datetime shows years 1-9999 only (and not NaN)
    shown = iso_utc(bad) if -6.2e10 < bad < 2.5e11 else f"{bad:g} s from 1970"
    raise OrbitDataError(f"{what} {shown} is outside {iso_utc(first)}..{iso_utc(last)}, "
                         "the span of the DE421 ephemeris the game uses for the Sun",
                         where=where)


def as_unix_array(unix_s) -> np.ndarray:
    """Times as a contiguous 1-D float64 array (SGP4's array path insists on contiguity)."""
    return np.ascontiguousarray(np.atleast_1d(np.asarray(unix_s, dtype=np.float64)))


def skyfield_times(unix_s):
    """Skyfield ``Time`` (array) for UTC POSIX seconds; leap seconds handled by Skyfield."""
    t = as_unix_array(unix_s)
    days = np.floor(t / DAY_S)  # POSIX days have 86400 s: pass day + second of day, so
    return timescale().utc(1970, 1, 1 + days, 0, 0, t - days * DAY_S)  # leap s are right


def jd_utc_split(unix_s) -> tuple[np.ndarray, np.ndarray]:
    """UTC Julian date as (whole day, fraction) pairs, the form SGP4 wants for precision.

    SGP4 takes its epoch and times on the UTC scale (AIAA 2006-6753), exactly as Skyfield
    feeds it, so the fast path and the reference propagate at the same instants.
    """
    t = as_unix_array(unix_s)
    days = np.floor(t / DAY_S)
    return JD_UNIX_EPOCH + days, (t - days * DAY_S) / DAY_S


_DUT1_GRID_S = 3600.0
_dut1_cache: dict[int, float] = {}


def hourly_brackets(t: np.ndarray, grid_s: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For values sampled on a grid ``grid_s`` apart and interpolated between: the grid
    points that bracket ``t`` (sorted, unique), each time's lower point as an index into
    them, and its fraction of the way to the next. Only bracketing points, so two times
    a century apart need four values, not every point between them."""
    x = t / grid_s
    lower = np.floor(x).astype(np.int64)
    points = np.unique(np.concatenate([lower, lower + 1]))
    return points, np.searchsorted(points, lower), x - lower


def dut1_s(unix_s) -> np.ndarray:
    """UT1 − UTC in seconds, from Skyfield's built-in IERS table, on an hourly grid.

    The Earth turns 0.46 km of ISS track per second of UT1 error, so the fast ground track
    needs it; it drifts by milliseconds a day, so hourly values interpolated are exact
    enough (a leap second would be smeared over one hour; none is scheduled).
    """
    t = as_unix_array(unix_s)
    if t.size == 0:
        return t.copy()
    hours, i, w = hourly_brackets(t, _DUT1_GRID_S)
    missing = [int(h) for h in hours if int(h) not in _dut1_cache]
    if missing:
        if len(_dut1_cache) > 100_000:
            _dut1_cache.clear()
        values = skyfield_times(np.array(missing, float) * _DUT1_GRID_S).dut1
        _dut1_cache.update(zip(missing, np.atleast_1d(values).tolist(), strict=True))
    grid = np.array([_dut1_cache[int(h)] for h in hours])
    return grid[i] * (1.0 - w) + grid[i + 1] * w


def parse_iso_utc(text: str, what: str = "time") -> float:
    """ISO 8601 text (``2024-01-19T12:00:00Z``, a date, or with an offset) -> UTC POSIX s.

    A time without a zone is taken as UTC, the only clock the game uses.
    """
    from game.errors import UserError

    s = text.strip()
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        raise UserError(f"{what} '{text}' is not an ISO 8601 UTC time; "
                        "write it like 2024-01-19T12:00:00Z") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def iso_utc(unix_s: float, digits: int = 0) -> str:
    """UTC POSIX seconds -> ``2024-01-19T12:00:00Z`` (``digits`` decimals of seconds)."""
    dt = datetime.fromtimestamp(round(float(unix_s), digits), tz=timezone.utc)
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if digits > 0:
        text += f"{dt.microsecond / 1e6:.{digits}f}"[1:]
    return text + "Z"
