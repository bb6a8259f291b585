"""The station tables against station.json, and the war's geometry."""

import json

from sim_helpers import game

from game.paths import asset
from game.sim import station as st
from game.sim.fake_timeline import fake_timeline
from game.sim.war import BUILTIN_CITIES, horizon_deg, load_cities, plan_war, seen_from_iss


def test_modules_and_hatches_match_station_json():
    data = json.loads(asset("station.json").read_text())
    real = {m["id"]: m for m in data["modules"] + data["adapters"]}
    for mid, _name, seg, length, _holder in st.MODULES:
        if seg == "vehicle":
            continue
        assert mid in real, mid
        assert real[mid]["segment"] == seg
        assert abs(real[mid]["dimensions"]["length_m"] - length) < 1e-6
    for a, b in st.HATCHES:
        if "vehicle" in (st.SEGMENT[a], st.SEGMENT[b]):
            continue
        linked = {c["to"] for c in real[a].get("connections", [])} | \
            {c["to"] for c in real[b].get("connections", [])}
        assert a in linked or b in linked, (a, b)
    # all pressurized modules of DESIGN §3 are there, and the station is one piece
    for mid in ("unity", "destiny", "harmony", "tranquility", "cupola", "quest", "columbus",
                "kibo_jpm", "leonardo_pmm", "beam", "zvezda", "zarya", "poisk", "rassvet",
                "nauka", "prichal"):
        assert mid in st.MODULE_INDEX
    assert len(st.side_of("", "unity")) == len(st.MODULE_IDS)
    assert st.SYSTEM_MODULE["o2_zvezda"] == "zvezda"
    assert st.SYSTEM_MODULE["o2_tranquility"] == "tranquility"
    assert st.SYSTEM_MODULE["power_ru"] == "destiny"


def test_horizon_and_witnessed_flashes():
    assert 19.0 < horizon_deg(420.0) < 21.0
    tl = fake_timeline(100, sub_point=(30.0, -40.0), subsolar=(0.0, 140.0))
    assert seen_from_iss(tl, 5, 45.0, -40.0) == (True, True)  # 15 deg away, night
    assert seen_from_iss(tl, 5, 55.0, -40.0)[0] is False  # 25 deg away
    tl_day = fake_timeline(100, sub_point=(30.0, -40.0), subsolar=(30.0, -40.0))
    assert seen_from_iss(tl_day, 5, 45.0, -40.0) == (True, False)


def test_war_plan_is_seeded_and_strikes_the_mission_controls():
    tl = fake_timeline(54_001)
    a, b = plan_war(1, tl, 54_000, BUILTIN_CITIES), plan_war(1, tl, 54_000, BUILTIN_CITIES)
    c = plan_war(2, tl, 54_000, BUILTIN_CITIES)
    assert a == b and a.digest != c.digest
    stations = {s.station for s in a.strikes if s.station}
    assert {"houston", "korolyov"} <= stations
    assert all(s1.tick <= s2.tick for s1, s2 in zip(a.strikes, a.strikes[1:], strict=False))
    cities = load_cities()
    assert len(cities) >= 20 and all(-90 <= c[2] <= 90 for c in cities)


def test_state_view_exposes_strikes_for_the_view():
    g = game()
    g.run_until(20_000)
    v = g.state
    assert v.strikes and all(s.tick <= 20_000 for s in v.strikes)
    s = v.strikes[0]
    assert {"lat", "lon", "tick", "unix_s", "magnitude", "witnessed"} <= set(s.to_dict())
    assert len(v.modules) == len(st.MODULE_IDS) and len(v.crew) == 6
