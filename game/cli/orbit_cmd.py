"""``iss-game orbit show|track|edit``: look at, sample and change orbit data.

Output goes to stdout (text, CSV, GeoJSON or one JSON object); warnings (epoch far from
the asked time) are single lines on stderr; bad input raises ``UserError`` which the
entry point turns into one stderr line and exit status 2.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

import numpy as np

from game.errors import UserError, one_line
from game.facts.earth import WGS84_EQUATORIAL_RADIUS_KM
from game.facts.ground import MISSION_CONTROL

#: Bounds on ``orbit track``: a year of data, at most ~10 million rows.
MAX_TRACK_HOURS = 24.0 * 366
MIN_STEP_S = 0.1
MAX_STEP_S = 86400.0
MAX_TRACK_ROWS = 10_000_000
_CHUNK = 20_000
_CHECK_CHUNK = 500_000
#: Points sampled over one orbit for ``show``'s sunlight share (5 s apart for the ISS).
SHOW_SAMPLES = 2000


def run(args) -> int:
    return {"show": _show, "track": _track, "edit": _edit}[args.orbit_verb](args)


def _warn(message: str | None) -> None:
    if message:
        print(f"iss-game orbit: {message}", file=sys.stderr)


def _load(args):
    from game.orbit.api import load_orbit

    return load_orbit(args.file, args.sat)


# --- show ------------------------------------------------------------------------------
def _age_text(days: float) -> str:
    if abs(days) < 1.0:
        return f"{abs(days) * 24:.1f} hours " + ("old" if days >= 0 else "in the future")
    return f"{abs(days):.1f} days " + ("old" if days >= 0 else "in the future")


def _show(args) -> int:
    from game.orbit.api import EPOCH_WARNING_DAYS as RECENT_DAYS
    from game.orbit.api import (
        GROUND_STATIONS,
        check_flight,
        iso_utc,
        passes,
        sun_events,
        sunlit,
    )

    orbit = _load(args)
    now = time.time()
    age_days = (now - orbit.epoch_unix_s) / 86400.0
    recent = abs(age_days) <= RECENT_DAYS
    start = now if recent else orbit.epoch_unix_s
    start_label = "now" if recent else "the epoch (the element set is not recent)"
    period_s = orbit.period_min * 60.0
    # Bounded work whatever the orbit: at most SHOW_SAMPLES points over one orbit, the
    # Sun's events over at most a day.
    events_end = start + min(period_s * 1.5, 86400.0)
    check_flight(orbit, start, max(start + 86400.0, start + period_s, events_end))
    orbit_t = start + np.linspace(0.0, period_s, min(SHOW_SAMPLES, int(period_s / 5.0) + 1),
                                  endpoint=False)
    day_t = start + np.arange(0.0, 86400.0, 10.0)
    lit_orbit = float(sunlit(orbit, orbit_t).mean())
    lit_day = float(sunlit(orbit, day_t).mean())
    events = sun_events(orbit, start, events_end)
    station_passes = {sid: passes(orbit, sid, start, 24.0) for sid in MISSION_CONTROL.values()}
    data = {
        "name": orbit.name, "norad_id": orbit.norad_id,
        "intl_designator": orbit.intl_designator, "source": orbit.source,
        "epoch_utc": iso_utc(orbit.epoch_unix_s, 3), "epoch_age_days": round(age_days, 3),
        "inclination_deg": round(orbit.inclination_deg, 4),
        "raan_deg": round(orbit.raan_deg, 4), "eccentricity": round(orbit.eccentricity, 7),
        "arg_perigee_deg": round(orbit.arg_perigee_deg, 4),
        "mean_anomaly_deg": round(orbit.mean_anomaly_deg, 4),
        "mean_motion_rev_per_day": round(orbit.mean_motion_rev_per_day, 8),
        "period_min": round(orbit.period_min, 3),
        "mean_altitude_km": round(orbit.mean_altitude_km, 2),
        "perigee_km": round(orbit.perigee_km, 2), "apogee_km": round(orbit.apogee_km, 2),
        "passes_from": "now" if recent else "epoch", "passes_start_utc": iso_utc(start),
        "sunlit_share_orbit": round(lit_orbit, 4), "sunlit_share_24h": round(lit_day, 4),
        "sun_events": [{"utc": iso_utc(e.unix_s, 1), "kind": e.kind} for e in events],
        "passes": {sid: [{"rise_utc": iso_utc(p.rise_unix_s),
                          "culminate_utc": iso_utc(p.culminate_unix_s),
                          "set_utc": iso_utc(p.set_unix_s),
                          "max_elevation_deg": round(p.max_elevation_deg, 1)}
                         for p in ps] for sid, ps in station_passes.items()},
        "tle": [orbit.line1, orbit.line2],
    }
    if args.json:
        print(json.dumps(data))
        return 0
    out = [
        f"{orbit.name}   NORAD {orbit.norad_id}   COSPAR {orbit.intl_designator or '-'}",
        f"  source        {one_line(orbit.source)}",
        f"  epoch         {data['epoch_utc']}  ({_age_text(age_days)})",
        f"  inclination   {orbit.inclination_deg:9.4f}°",
        f"  RAAN          {orbit.raan_deg:9.4f}°",
        f"  eccentricity  {orbit.eccentricity:9.7f}",
        f"  arg. perigee  {orbit.arg_perigee_deg:9.4f}°",
        f"  mean anomaly  {orbit.mean_anomaly_deg:9.4f}°",
        f"  mean motion   {orbit.mean_motion_rev_per_day:11.8f} rev/day",
        f"  period        {orbit.period_min:9.2f} min",
        f"  perigee       {orbit.perigee_km:9.1f} km   apogee {orbit.apogee_km:.1f} km"
        f"   (above {WGS84_EQUATORIAL_RADIUS_KM} km)",
        f"  sunlight      {lit_orbit:.0%} of the orbit from {start_label.split(' (')[0]}, "
        f"{lit_day:.0%} over 24 h",
    ]
    if events:
        out.append("  orbital dawn/dusk  " + ", ".join(
            f"{e.kind} {iso_utc(e.unix_s)[11:19]}" for e in events[:3]))
    out.append(f"Passes above 10° in the 24 h from {start_label}, {iso_utc(start)}:")
    for sid, ps in station_passes.items():
        out.append(f"  {GROUND_STATIONS[sid].name}: {len(ps)} pass(es)")
        for p in ps:
            out.append(f"    {iso_utc(p.rise_unix_s)}  to {iso_utc(p.set_unix_s)[11:]}"
                       f"  ({p.duration_s / 60:4.1f} min, max {p.max_elevation_deg:4.1f}°)")
    print("\n".join(out))
    if not recent:
        _warn(f"warning: the element set is {_age_text(age_days)}; SGP4 positions for today "
              f"are over 100 km off (measured on real ISS sets: 100 km after "
              f"{RECENT_DAYS:g} days) - drop a fresh file in (see orbits/README.md)")
    return 0


# --- track -----------------------------------------------------------------------------
def _track_times(args) -> tuple[float, float, int]:
    from game.orbit.api import parse_iso_utc

    start = parse_iso_utc(args.start, "--start")
    hours, step = args.hours, args.step
    if not (math.isfinite(hours) and 0.0 < hours <= MAX_TRACK_HOURS):
        raise UserError(f"--hours must be more than 0 and at most {MAX_TRACK_HOURS:g}, "
                        f"got {hours:g}")
    if not (math.isfinite(step) and MIN_STEP_S <= step <= MAX_STEP_S):
        raise UserError(f"--step must be {MIN_STEP_S:g} to {MAX_STEP_S:g} seconds, "
                        f"got {step:g}")
    n = int(math.floor(hours * 3600.0 / step + 1e-9)) + 1
    if n > MAX_TRACK_ROWS:
        raise UserError(f"{n} points is too many (at most {MAX_TRACK_ROWS}); raise --step "
                        "or lower --hours")
    return start, step, n


def _utc_strings(t: np.ndarray, step: float) -> np.ndarray:
    unit = "s" if float(step).is_integer() and float(t[0]).is_integer() else "ms"
    stamps = np.round(t * (1 if unit == "s" else 1000)).astype(np.int64)
    return np.char.add(np.datetime_as_string(stamps.astype(f"datetime64[{unit}]"), unit=unit),
                       "Z")


def _track(args) -> int:
    from game.orbit.api import (
        check_time_span,
        epoch_warning,
        ground_track,
        position_teme_km,
        sunlit,
    )

    orbit = _load(args)
    start, step, n = _track_times(args)
    end = start + (n - 1) * step
    check_time_span(start, "--start")  # refused before any output
    check_time_span(end, "the track's end (--start plus --hours)")
    # Every point SGP4 will be asked for, checked before the first byte is written: a
    # failure is one error line, never a CSV cut short.
    for first in range(0, n, _CHECK_CHUNK):
        position_teme_km(orbit, start + np.arange(first, min(first + _CHECK_CHUNK, n),
                                                  dtype=np.float64) * step)
    _warn(epoch_warning(orbit, start, end))
    out = sys.stdout
    if args.format == "geojson":
        return _track_geojson(orbit, start, step, n, out)
    out.write("utc,lat_deg,lon_deg,alt_km,sunlit\n")
    for first in range(0, n, _CHUNK):
        t = start + np.arange(first, min(first + _CHUNK, n), dtype=np.float64) * step
        tr = ground_track(orbit, t)
        lit = np.where(sunlit(orbit, t), "true", "false")
        cols = np.empty((len(t), 5), dtype=object)
        cols[:, 0] = _utc_strings(t, step)
        cols[:, 1] = np.round(tr.lat_deg, 5)
        cols[:, 2] = np.round(tr.lon_deg, 5)
        cols[:, 3] = np.round(tr.alt_km, 3)
        cols[:, 4] = lit
        # One C-level formatting of the whole chunk, one write.
        out.write(("%s,%.5f,%.5f,%.3f,%s\n" * len(t)) % tuple(cols.ravel().tolist()))
    out.flush()
    return 0


def _track_geojson(orbit, start: float, step: float, n: int, out) -> int:
    from game.orbit.api import ground_track, iso_utc, split_antimeridian

    lat, lon = np.empty(n), np.empty(n)
    for first in range(0, n, 200_000):
        t = start + np.arange(first, min(first + 200_000, n), dtype=np.float64) * step
        tr = ground_track(orbit, t)
        lat[first:first + len(t)], lon[first:first + len(t)] = tr.lat_deg, tr.lon_deg
    lines = [np.round(p, 5).tolist() for p in split_antimeridian(lat, lon)]
    feature = {
        "type": "Feature",
        "geometry": {"type": "MultiLineString", "coordinates": lines},
        "properties": {"name": orbit.name, "norad_id": orbit.norad_id,
                       "start_utc": iso_utc(start), "end_utc": iso_utc(start + (n - 1) * step),
                       "step_s": step, "points": n,
                       "note": "sub-satellite track, WGS84 [lon, lat]; split at ±180°"},
    }
    json.dump({"type": "FeatureCollection", "features": [feature]}, out,
              separators=(",", ":"))
    out.write("\n")
    out.flush()
    return 0


# --- edit ------------------------------------------------------------------------------
def _edit(args) -> int:
    from game.orbit.api import edit_elements, iso_utc, parse_iso_utc

    orbit = _load(args)
    epoch = parse_iso_utc(args.epoch, "--epoch") if args.epoch else None
    edited = edit_elements(orbit, inclination_deg=args.inclination,
                           altitude_km=args.altitude, raan_deg=args.raan,
                           eccentricity=args.eccentricity,
                           arg_perigee_deg=args.arg_perigee,
                           mean_anomaly_deg=args.mean_anomaly, epoch_unix_s=epoch,
                           name=args.name, source=str(args.output))
    path = Path(args.output)
    try:
        if path.exists() and not path.is_file():  # a FIFO would block, a folder fail
            raise UserError("is not a regular file; -o writes an orbit file",
                            where=str(path))
        path.write_text(edited.as_3le(), encoding="ascii")
    except OSError as exc:
        raise UserError(f"cannot write: {exc.strerror or exc}", where=str(path)) from None
    except ValueError:  # a NUL in the name
        raise UserError("not a usable file name", where=str(path)) from None
    print(f"wrote {one_line(path)}: {edited.name} ({edited.norad_id}), epoch "
          f"{iso_utc(edited.epoch_unix_s)}, inclination {edited.inclination_deg:.4f}°, "
          f"RAAN {edited.raan_deg:.4f}°, e {edited.eccentricity:.7f}, "
          f"mean altitude {edited.mean_altitude_km:.1f} km, period {edited.period_min:.2f} min")
    return 0
