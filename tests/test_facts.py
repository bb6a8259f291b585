"""The facts against their sources: ``assets/station.json`` (the compiled fact sheet
that cites a public source for each entry) and the published WGS84 figures."""

import json
import math

import pytest

from game.facts import earth, ground, station
from game.paths import asset


@pytest.fixture(scope="module")
def sheet():
    return json.loads(asset("station.json").read_text())


def test_modules_lengths_segments_and_hatches_match_station_json(sheet):
    real = {m["id"]: m for m in sheet["modules"] + sheet["adapters"]}
    segment_of = {m.id: m.segment for m in station.MODULES}
    for m in station.MODULES:
        if m.segment == "vehicle":
            continue
        assert m.id in real, m.id
        assert real[m.id]["segment"] == m.segment
        assert real[m.id]["dimensions"]["length_m"] == pytest.approx(m.length_m, abs=1e-9)
    for a, b in station.HATCHES:
        if "vehicle" in (segment_of[a], segment_of[b]):
            continue
        linked = {c["to"] for c in real[a].get("connections", [])} | \
            {c["to"] for c in real[b].get("connections", [])}
        assert a in linked or b in linked, (a, b)
    # every pressurized module of DESIGN §3 is there
    for mid in ("unity", "destiny", "harmony", "tranquility", "cupola", "quest", "columbus",
                "kibo_jpm", "leonardo_pmm", "beam", "zvezda", "zarya", "poisk", "rassvet",
                "nauka", "prichal"):
        assert mid in segment_of
    # the station is a tree: n modules, n - 1 hatches, one passage between the segments
    assert len(station.HATCHES) == len(station.MODULES) - 1
    border = [(a, b) for a, b in station.HATCHES
              if {segment_of[a], segment_of[b]} == {"USOS", "ROS"}]
    assert border == [("zarya", "pma1")]


def test_systems_and_vehicles_sit_where_station_json_puts_them(sheet):
    where = {s.id: s.module for s in station.SYSTEMS}
    assert where["o2_zvezda"] == "zvezda" and where["o2_tranquility"] == "tranquility"
    assert where["attitude"] == "zvezda" and where["power_ru"] == "destiny"
    life = sheet["station_systems"]["life_support"]["text"]
    assert "Elektron-VM in Zvezda" in life and "Tranquility" in life
    ports = {p["module"]: p for p in sheet["docking_and_berthing_ports"]}
    soyuz, dragon = (next(v for v in station.VEHICLES if v.id == i) for i in ("soyuz", "dragon"))
    assert "Soyuz" in " ".join(ports[soyuz.port]["vehicles"])
    assert any("Crew Dragon" in " ".join(p["vehicles"]) and p.get("via") == dragon.port
               for p in sheet["docking_and_berthing_ports"])
    assert set(station.CONTROL_MODULES) == {"destiny", "zvezda"}


def test_ground_stations_are_station_json_coordinates(sheet):
    centres = [g for g in sheet["ground_segment"] if g.get("lat") is not None]
    for gs in ground.GROUND_STATIONS.values():
        match = [g for g in centres if g["lat"] == gs.lat_deg and g["lon"] == gs.lon_deg]
        assert len(match) == 1, gs.id
        assert gs.agency.split()[0] in match[0]["agency"]
        assert 0 < gs.min_elevation_deg < 30
    assert set(ground.MISSION_CONTROL.values()) <= set(ground.GROUND_STATIONS)
    assert {ground.GROUND_STATIONS[s].side for s in ground.MISSION_CONTROL.values()} == \
        {"us", "ru"}
    assert set(ground.AGENCY_STATION) == {"ESA", "JAXA", "CSA"}


def test_earth_figures_are_the_published_ones():
    assert earth.WGS84_EQUATORIAL_RADIUS_KM == 6378.137
    assert 1.0 / earth.WGS84_FLATTENING == pytest.approx(298.257223563, abs=1e-9)
    a = earth.WGS84_EQUATORIAL_RADIUS_KM
    b = a * (1.0 - earth.WGS84_FLATTENING)
    assert earth.EARTH_MEAN_RADIUS_KM == pytest.approx((2 * a + b) / 3, abs=1e-4)  # IUGG R1
    assert math.isclose(earth.WGS84_ECCENTRICITY_SQUARED, 0.00669437999014, rel_tol=1e-9)


def test_every_layer_reads_the_facts_not_a_copy():
    """No second table of ground stations or radius of the Earth anywhere in the game."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "game"
    copies = []
    for f in root.rglob("*.py"):
        if f.parts[-2] == "facts":
            continue
        text = f.read_text()
        for needle in ("6378.13", "6371.0", "29.558", "55.9129", "-95.088", "37.8097"):
            if needle in text:
                copies.append(f"{f.relative_to(root)}: {needle}")
    assert not copies, copies
