"""The war below: a seeded strike schedule over real cities, and what the ISS sees of it.

The schedule is drawn once when a game starts, from the seed alone (plus the city list
and the orbit timeline), so it is part of the game's fixed set-up, not of its state.
The three acts of the story are paced by it and by the real orbit:
- the war begins 10-20 minutes into the mission, at the first moment from then on when
  the station can see it (a target city inside its horizon; at the latest 2 h in): the
  crew always see the first salvo. Salvos then come faster as the war escalates (mean
  gap 40 min, then 25, then 12); each strikes 1-5 cities of one bloc;
- *the orders*: each side's mission control sends its order 5-15 minutes after the
  first salvo (each side its own seeded delay), early in act 1. It reaches the crew at
  the first pass of the ISS over that mission control (>= 10 degrees up) from then on,
  so when each side hears it is decided by the real orbit, not by the dice: the two
  sides usually hear it hours apart, and a side whose mission control never sees the
  station in the game never hears it (it may act once attacked, or in act 3);
- *the dark*: Houston and Korolyov are struck at a seeded time 5-9 h in, but never
  before 20-60 minutes (seeded) after the end of their own first pass following their
  order: the war reaches the command centres only once each has had its one real chance
  to speak to its crew. Once struck a centre is silent (no order, no call can arrive
  from it); with both struck, act 3 (dark) begins. The partner agencies' centres are
  struck 4-10 h in;
- one anti-satellite (ASAT) test 2-8 h in raises a debris warning (see world.py).

Every number is in ``tuning.py``. A flash is *witnessed* when its city lies inside the
ISS horizon at the strike's second: great-circle angle from the sub-satellite point <
arccos(R / (R + h)). It is *night* when the city is more than 90 degrees from the
subsolar point. A night strike beyond the horizon but within ``GLOW_DEG`` lights the
horizon: a *glow*, seen but not the flash itself.

Cities come from ``assets/cities.csv`` through :mod:`game.facts.cities` (the one reader;
a missing or broken file is an AssetError, never a silent stand-in): the most populous
of each bloc are the targets (:func:`load_cities`). The list's digest is part of the
game's set-up digest (and so of every checksum).
"""

from __future__ import annotations

import functools
import hashlib
import math
from dataclasses import dataclass

import numpy as np

from game.facts.earth import EARTH_MEAN_RADIUS_KM as EARTH_RADIUS_KM
from game.facts.ground import GROUND_STATIONS, MISSION_CONTROL
from game.sim import tuning as tn
from game.sim.prng import Prng, seed_state

#: which bloc a country belongs to, by ISO code: "us" cities are struck by Russia.
BLOC = {"US": "us", "CA": "us", "GB": "us", "FR": "us", "DE": "us", "PL": "us", "JP": "us",
        "IT": "us", "KR": "us", "NO": "us", "RU": "ru", "BY": "ru"}
_COUNTRY_NAMES = {"united states": "US", "usa": "US", "canada": "CA", "united kingdom": "GB",
                  "france": "FR", "germany": "DE", "poland": "PL", "japan": "JP", "italy": "IT",
                  "south korea": "KR", "norway": "NO", "russia": "RU",
                  "russian federation": "RU", "belarus": "BY"}
_PER_BLOC = 60  # most populous cities of each bloc kept as targets
_MIN_PER_BLOC = 10  # fewer targets than this: the file is not the game's

_STATION_STRIKE_WINDOW_S = {sid: (tn.MISSION_CONTROL_STRIKE_S if sid in MISSION_CONTROL.values()
                                 else tn.PARTNER_CENTRE_STRIKE_S) for sid in GROUND_STATIONS}
NEVER = 1 << 62  # the same "never" as rules.NEVER


@dataclass(frozen=True)
class Strike:
    """One flash on the ground: plain data for the view and the rules."""

    tick: int  # mission second of the strike
    unix_s: float  # UTC seconds since 1970 (timeline start + tick)
    lat: float
    lon: float
    magnitude: int  # 1..3
    city: str
    bloc: str  # "us" or "ru": whose city it was
    station: str  # ground-station id silenced by this strike, or ""
    witnessed: bool  # inside the ISS horizon at that second
    night: bool  # on the night side (brighter, seen more)
    glow: bool = False  # not witnessed, but a night strike lighting the horizon


    def to_dict(self) -> dict:
        return {"tick": self.tick, "unix_s": self.unix_s, "lat": self.lat, "lon": self.lon,
                "magnitude": self.magnitude, "city": self.city, "bloc": self.bloc,
                "station": self.station, "witnessed": self.witnessed, "night": self.night,
                "glow": self.glow}


@dataclass(frozen=True)
class WarPlan:
    strikes: tuple[Strike, ...]  # sorted by tick
    station_strike_tick: dict[str, int]  # ground station -> tick it falls silent
    asat_tick: int
    order_issue: dict[str, int]  # side -> tick its mission control sends the order
    order_window: dict[str, tuple[int, int]]  # side -> first pass (start, end) from then on
    digest: str  # of the city list and the schedule


def load_cities(path=None) -> tuple[tuple[str, str, float, float], ...]:
    """Target cities: the top ``_PER_BLOC`` by population of each bloc, as
    ``(name, ISO country, lat, lon)``, from :func:`game.facts.cities.read_cities`
    (``path`` None: the bundled ``assets/cities.csv``, picked once per process). An
    AssetError, one line, if the file is missing or broken or holds too few cities of a
    bloc to fight a war over."""
    if path is None:
        return _bundled_targets()
    return _targets(path)


@functools.lru_cache(maxsize=1)
def _bundled_targets() -> tuple[tuple[str, str, float, float], ...]:
    return _targets(None)


def _targets(path) -> tuple[tuple[str, str, float, float], ...]:
    from game.errors import AssetError
    from game.facts.cities import read_cities

    by_bloc: dict[str, list] = {"us": [], "ru": []}
    for c in read_cities(path):
        code = c.country.upper() if len(c.country) == 2 else _COUNTRY_NAMES.get(c.country.lower())
        bloc = BLOC.get(code or "")
        if bloc is not None:
            by_bloc[bloc].append((-c.population, c.name, code, round(c.lat_deg, 4),
                                  round(c.lon_deg, 4)))
    short = [b for b, v in by_bloc.items() if len(v) < _MIN_PER_BLOC]
    if short:
        raise AssetError(f"fewer than {_MIN_PER_BLOC} cities of the {'/'.join(short)} bloc: "
                         "not enough targets for a war",
                         where=str(path) if path is not None else "assets/cities.csv")
    out = []
    for bloc in ("us", "ru"):
        for _p, name, code, lat, lon in sorted(by_bloc[bloc])[:_PER_BLOC]:
            out.append((name, code, lat, lon))
    return tuple(out)


def central_angle_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle angle between two points on a sphere, degrees (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return math.degrees(2 * math.asin(min(1.0, math.sqrt(a))))


def horizon_deg(alt_km: float) -> float:
    """Angular radius of the ground the ISS can see: arccos(R / (R + h))."""
    return math.degrees(math.acos(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + max(alt_km, 0.0))))


def seen_from_iss(timeline, tick: int, lat: float, lon: float) -> tuple[bool, bool, bool]:
    """(witnessed, night, glow) for a strike at (lat, lon) at mission second ``tick``."""
    i = timeline.index_at(tick)
    sub_lat, sub_lon = float(timeline.lat_deg[i]), float(timeline.lon_deg[i])
    away = central_angle_deg(sub_lat, sub_lon, lat, lon)
    witnessed = away < horizon_deg(float(timeline.alt_km[i]))
    sun = central_angle_deg(float(timeline.subsolar_lat_deg[i]),
                            float(timeline.subsolar_lon_deg[i]), lat, lon)
    night = sun > 90.0
    return witnessed, night, (not witnessed and night and away < tn.GLOW_DEG)


def first_salvo_in_view(timeline, not_before: int, latest: int, cities) -> tuple[int, list]:
    """The first tick in [not_before, latest] (every 10 s) at which a target city lies
    inside the station's horizon, and the cities in view then; (not_before, []) if none."""
    if not cities:
        return not_before, []
    lat = np.radians(np.array([c[2] for c in cities], dtype=np.float64))
    lon = np.radians(np.array([c[3] for c in cities], dtype=np.float64))
    ticks = np.arange(not_before, max(not_before, latest) + 1, 10)
    idx = np.array([timeline.index_at(int(t)) for t in ticks])
    slat = np.radians(np.asarray(timeline.lat_deg, dtype=np.float64)[idx])[:, None]
    slon = np.radians(np.asarray(timeline.lon_deg, dtype=np.float64)[idx])[:, None]
    alt = np.maximum(np.asarray(timeline.alt_km, dtype=np.float64)[idx], 0.0)[:, None]
    cos_away = np.sin(slat) * np.sin(lat) + np.cos(slat) * np.cos(lat) * np.cos(lon - slon)
    # well inside the horizon (2 degrees in), so it is still in view seconds later
    horizon = np.arccos(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + alt)) - np.radians(2.0)
    seen = cos_away > np.cos(horizon)
    rows = np.flatnonzero(seen.any(axis=1))
    if len(rows) == 0:
        return not_before, []
    r = int(rows[0])
    return int(ticks[r]), [cities[j] for j in np.flatnonzero(seen[r])]


def _tick_of_index(j: int, step_s: float) -> int:
    return int(math.ceil(j * step_s - 1e-9))


def first_in_view(timeline, sid: str, from_tick: int, before: int) -> int:
    """First tick >= from_tick at which station ``sid`` sees the ISS, if < before, else NEVER."""
    arr = timeline.station_in_view.get(sid)
    if arr is None:
        return NEVER
    i = timeline.index_at(from_tick)
    hits = np.flatnonzero(np.asarray(arr[i:], dtype=bool))
    if len(hits) == 0:
        return NEVER
    tick = max(from_tick, _tick_of_index(i + int(hits[0]), timeline.step_s))
    return tick if tick < before else NEVER


def out_of_view(timeline, sid: str, from_tick: int) -> int:
    """First tick >= from_tick at which station ``sid`` no longer sees the ISS (the pass
    in progress at ``from_tick`` ends); the timeline's end if it never does."""
    arr = np.asarray(timeline.station_in_view.get(sid, ()), dtype=bool)
    i = timeline.index_at(from_tick)
    miss = np.flatnonzero(~arr[i:])
    j = i + int(miss[0]) if len(miss) else len(arr)
    return max(from_tick, _tick_of_index(j, timeline.step_s))


def pass_starts(timeline, sid: str, before: int) -> tuple[int, ...]:
    """Ticks in (0, before) at which a pass over station ``sid`` begins."""
    arr = timeline.station_in_view.get(sid)
    if arr is None:
        return ()
    a = np.asarray(arr, dtype=bool)
    rising = np.flatnonzero(a & ~np.concatenate(([False], a[:-1])))
    ticks = (_tick_of_index(int(j), timeline.step_s) for j in rising)
    return tuple(t for t in ticks if 0 < t < before)


def plan_war(seed: int, timeline, horizon_ticks: int, cities) -> WarPlan:
    """Draw the whole war for a game of at most ``horizon_ticks`` seconds.

    Besides the strikes: when each side's order is sent, and the first pass that can
    carry it (see the module docstring: the command centres are struck only after it).
    """
    rng = Prng(seed_state(seed, "war"))
    by_bloc = {b: [c for c in cities if BLOC.get(c[1]) == b] for b in ("us", "ru")}
    raw: list[tuple[int, float, float, int, str, str, str]] = []
    start = rng.between(*tn.FIRST_SALVO_S)
    targets = [c for c in cities if BLOC.get(c[1]) in ("us", "ru")]
    first_salvo, in_view = first_salvo_in_view(timeline, start, tn.FIRST_SALVO_LATEST_S,
                                               targets)
    if in_view:  # the first salvo: what the crew see from the station (whose, unclear)
        for k in range(min(len(in_view), 1 + rng.below(3))):
            c = in_view[(rng.below(len(in_view)) + k) % len(in_view)]
            if any(r[4] == c[0] for r in raw):
                continue
            raw.append((first_salvo + 5 * k, c[2], c[3], 1 + rng.below(3), c[0],
                        BLOC[c[1]], ""))
    t = first_salvo
    salvo = 0
    while t < horizon_ticks:
        if salvo or not in_view:
            bloc = ("us", "ru")[rng.below(2)] if salvo else "ru"
            pool = by_bloc[bloc] or list(cities)
            n = 1 + rng.below(min(5, 1 + salvo // 3))
            used = set()
            for _k in range(n):
                c = pool[rng.below(len(pool))]
                if c[0] in used:
                    continue
                used.add(c[0])
                raw.append((t + rng.below(90), c[2], c[3], 1 + rng.below(3), c[0], bloc, ""))
        salvo += 1
        mean = 2400 if t < 3 * 3600 else 1500 if t < 7 * 3600 else 720
        t += mean // 2 + rng.below(mean)
    orders_rng = Prng(seed_state(seed, "orders"))
    issue = {side: first_salvo + orders_rng.between(*tn.ORDER_DELAY_S)
             for side in MISSION_CONTROL}
    window = {}
    for side, sid in MISSION_CONTROL.items():
        begin = first_in_view(timeline, sid, issue[side], horizon_ticks)
        window[side] = (begin, NEVER if begin == NEVER else out_of_view(timeline, sid, begin))
    not_before = {sid: window[side][1] for side, sid in MISSION_CONTROL.items()}
    station_tick = {}
    for sid, (lo, hi) in _STATION_STRIKE_WINDOW_S.items():
        tick = rng.between(lo, hi)
        if sid in not_before:
            delay = rng.between(*tn.AFTER_ORDER_PASS_S)
            if not_before[sid] != NEVER:
                tick = max(tick, not_before[sid] + delay)
        station_tick[sid] = tick
        gs = GROUND_STATIONS[sid]
        raw.append((tick, gs.lat_deg, gs.lon_deg, 3, gs.label, gs.side, sid))
    asat = rng.between(*tn.ASAT_S)
    raw.sort(key=lambda r: (r[0], r[4]))
    strikes = []
    for tick, lat, lon, mag, city, bloc, sid in raw:
        if tick >= horizon_ticks:
            continue
        witnessed, night, glow = seen_from_iss(timeline, tick, lat, lon)
        strikes.append(Strike(tick, float(timeline.start_unix_s) + tick, lat, lon, mag, city,
                              bloc, sid, witnessed, night, glow))
    h = hashlib.blake2b(digest_size=16)
    h.update(repr(tuple(cities)).encode())
    h.update(repr([(s.tick, s.city, s.magnitude, s.witnessed, s.night, s.glow)
                   for s in strikes]).encode())
    h.update(repr((sorted(station_tick.items()), asat, sorted(issue.items()),
                   sorted(window.items()))).encode())
    return WarPlan(tuple(strikes), station_tick, asat, issue, window, h.hexdigest())
