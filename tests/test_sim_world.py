"""The station graph and the war's geometry (the facts themselves: test_facts.py)."""

from sim_helpers import game

from game.sim import station as st
from game.sim.fake_timeline import fake_timeline
from game.sim.war import horizon_deg, load_cities, plan_war, seen_from_iss


def test_the_station_is_one_piece():
    assert len(st.side_of("", "unity")) == len(st.MODULE_IDS)


def test_horizon_and_witnessed_flashes():
    assert 19.0 < horizon_deg(420.0) < 21.0
    tl = fake_timeline(100, sub_point=(30.0, -40.0), subsolar=(0.0, 140.0))
    assert seen_from_iss(tl, 5, 45.0, -40.0) == (True, True, False)  # 15 deg away, night
    assert seen_from_iss(tl, 5, 55.0, -40.0) == (False, True, True)  # 25 deg: a glow
    assert seen_from_iss(tl, 5, 75.0, -40.0) == (False, True, False)  # 45 deg: nothing
    tl_day = fake_timeline(100, sub_point=(30.0, -40.0), subsolar=(30.0, -40.0))
    assert seen_from_iss(tl_day, 5, 45.0, -40.0) == (True, False, False)
    assert seen_from_iss(tl_day, 5, 55.0, -40.0) == (False, False, False)  # no glow by day


def test_war_plan_is_seeded_and_strikes_the_mission_controls():
    tl = fake_timeline(54_001)
    cities = load_cities()
    a, b = plan_war(1, tl, 54_000, cities), plan_war(1, tl, 54_000, cities)
    c = plan_war(2, tl, 54_000, cities)
    assert a == b and a.digest != c.digest
    stations = {s.station for s in a.strikes if s.station}
    assert {"houston", "korolyov"} <= stations
    assert all(s1.tick <= s2.tick for s1, s2 in zip(a.strikes, a.strikes[1:], strict=False))
    assert len(cities) >= 20 and all(-90 <= c[2] <= 90 for c in cities)


def test_the_first_salvo_is_seen_from_the_station():
    from pinned import pinned_orbit

    from game.newgame import setup_game

    orbit = pinned_orbit()
    for seed in range(12):
        war = setup_game(orbit, seed=seed).setup.war
        first = war.strikes[0]
        assert first.witnessed, (seed, first)
        assert 600 <= first.tick <= 7200 + 60


def test_state_view_exposes_strikes_for_the_view():
    g = game()
    g.run_until(20_000)
    v = g.state
    assert v.strikes and all(s.tick <= 20_000 for s in v.strikes)
    s = v.strikes[0]
    assert {"lat", "lon", "tick", "unix_s", "magnitude", "witnessed"} <= set(s.to_dict())
    assert len(v.modules) == len(st.MODULE_IDS) and len(v.crew) == 6
    assert len(v.bonds) == 15 and all(0 <= b.value <= 100 for b in v.bonds)
