"""The rules of DESIGN §3, each tested so that breaking it fails a test."""

import pytest
from sim_helpers import game, orders_game, run_to_orders

from game.sim import station as st
from game.sim.api import (
    CloseHatch,
    Free,
    Leave,
    Move,
    Restrain,
    SystemOffline,
    SystemRestore,
    Talk,
)
from game.sim.fake_timeline import fake_timeline
from game.sim.war import NEVER, first_in_view

CAPTURE_S, SEIZE_S, TRUCE_S = 60, 600, 600  # DESIGN §3, written out on purpose
O2_RESERVE_S = 4 * 3600


def _walk(g, side, crew, to):
    """Send ``crew`` to ``to`` and step until they are there; return the ticks it took."""
    t0 = g.tick
    r = g.submit(Move(side, crew, to))
    assert r.ok, r.reason
    while g.crew_by_id(crew).module != to:
        g.step(1)
        assert g.tick - t0 < 2000, "never arrived"
    return g.tick - t0


def test_move_time_is_sum_of_hops():
    g = game()
    route = st.path("zvezda", "destiny", g.hatch_open)
    assert route == ["zarya", "pma1", "unity", "destiny"]
    expected = st.route_seconds("zvezda", route)
    assert expected == (5 + 26) + (5 + 15) + (5 + 8) + (5 + 14)
    assert _walk(g, "ru", "alexey", "destiny") == expected


def test_hatch_closed_ahead_stops_a_moving_crew_member():
    g = run_to_orders(orders_game())
    assert g.submit(Move("ru", "alexey", "harmony")).ok  # ... Unity -> Destiny -> Harmony
    assert g.submit(CloseHatch("us", "christian", "destiny-harmony")).ok
    g.step(300)
    a = g.crew_by_id("alexey")
    assert a.module == "destiny" and a.task == "idle"


def test_capture_takes_60_s_alone_and_needs_orders():
    g = game()  # no windows: nobody ever gets orders before the dark
    _walk(g, "us", "kira", "nauka")  # Weronika left Nauka? she starts in Unity
    assert g.holder("nauka") == "ru"
    g.step(CAPTURE_S + 10)
    assert g.holder("nauka") == "ru", "no capture in routine"
    g = run_to_orders(orders_game())
    t = _walk(g, "us", "kira", "nauka")
    arrived = g.tick
    g.step(CAPTURE_S - 1)
    assert g.holder("nauka") == "ru"
    g.step(1)
    assert g.holder("nauka") == "us" and g.tick == arrived + CAPTURE_S and t > 0


def test_capture_needs_to_be_alone():
    g = run_to_orders(orders_game())
    _walk(g, "us", "kira", "zarya")  # Nicholai is in Zarya
    g.step(CAPTURE_S * 3)
    assert g.holder("zarya") == "ru"


def _clear_zvezda(g):
    for cid, to in (("alexey", "poisk"),):
        _walk(g, "ru", cid, to)


def test_seize_holding_destiny_and_zvezda_for_600_s():
    g = run_to_orders(orders_game())
    _walk(g, "ru", "alexey", "poisk")
    _walk(g, "us", "kira", "zvezda")
    g.step(CAPTURE_S)
    assert g.holder("zvezda") == "us" and g.holder("destiny") == "us"
    side, due = g.seize
    assert side == "us" and due == g.tick + SEIZE_S
    g.step(SEIZE_S - 1)
    assert not g.ended
    g.step(1)
    assert g.ended and g.ending == "us_control"
    assert g.summary()["ending"] == "us_control"


def test_seize_broken_by_an_enemy_inside():
    g = run_to_orders(orders_game())
    _walk(g, "ru", "alexey", "poisk")
    _walk(g, "us", "kira", "zvezda")
    g.step(CAPTURE_S)
    assert g.seize[0] == "us"
    _walk(g, "ru", "alexey", "zvezda")
    assert g.seize == ("", -1)
    g.step(SEIZE_S * 2)
    assert not g.ended


def test_truce_when_trust_held_at_80_for_600_s():
    g = run_to_orders(orders_game())
    _walk(g, "ru", "weronika", "destiny")
    start = g.trust
    talks = 0
    while g.trust < 80:
        assert g.state.truce_due == -1, f"truce started at trust {g.trust}"
        assert g.submit(Talk("us", "gordon", "weronika")).ok
        g.step(60)
        talks += 1
        assert talks < 30
    assert g.trust >= 80 and g.trust > start
    assert g.state.truce_due == g.tick + TRUCE_S
    g.step(TRUCE_S + 1)
    assert g.ended and g.ending == "truce"


def test_truce_needs_both_sides_to_have_a_choice():
    windows = {"houston": [(0, 54_000)]}  # only the US ever gets its order
    g = game(windows=windows)
    while not g.may_act("us"):
        g.step(100)
    _walk(g, "ru", "weronika", "destiny")
    for _ in range(15):
        g.submit(Talk("us", "gordon", "weronika"))
        g.step(60)
    assert g.trust >= 80
    g.step(TRUCE_S * 2)
    assert not g.ended


def test_evacuation_needs_everyone_aboard_then_ends_the_game():
    g = run_to_orders(orders_game())
    _walk(g, "ru", "alexey", "soyuz")
    r = g.submit(Leave("ru", "alexey"))
    assert not r.ok and "not everyone is aboard" in r.reason
    _walk(g, "ru", "nicholai", "soyuz")
    _walk(g, "ru", "weronika", "soyuz")
    assert g.submit(Leave("ru", "alexey")).ok
    g.step(59)
    assert not g.ended
    g.step(1)
    assert g.ending == "evacuation_ru"
    assert all(c.gone for c in g.crew if c.side == "ru")


def test_evacuation_us_in_the_dragon_and_not_in_their_vehicle():
    g = run_to_orders(orders_game())
    for cid in ("kira", "gordon", "christian"):
        _walk(g, "us", cid, "dragon")
    assert g.submit(Leave("us", "kira")).ok
    g.step(60)
    assert g.ending == "evacuation_us"
    g = run_to_orders(orders_game())
    _walk(g, "us", "kira", "soyuz")
    r = g.submit(Leave("us", "kira"))
    assert not r.ok and "not your vehicle" in r.reason


def test_station_lost_when_both_oxygen_generators_are_off():
    g = run_to_orders(orders_game())
    assert g.submit(SystemOffline("ru", "alexey", "o2_zvezda")).ok
    _walk(g, "us", "christian", "tranquility")
    _walk(g, "ru", "weronika", "zarya")  # so Christian is alone in Tranquility's segment
    assert g.submit(SystemOffline("us", "christian", "o2_tranquility")).ok
    g.step(30)
    assert not g.system_on("o2_zvezda") and not g.system_on("o2_tranquility")
    off_at = g.tick
    assert not g.oxygen_generating and g.oxygen_reserve_s == O2_RESERVE_S
    g.step(O2_RESERVE_S - 1)
    assert not g.ended and g.oxygen_reserve_s == 1
    g.step(1)
    assert g.ending == "station_lost" and g.tick == off_at + O2_RESERVE_S


def test_elektron_needs_us_power_and_restoring_stops_the_clock():
    g = run_to_orders(orders_game())
    assert g.submit(SystemOffline("us", "gordon", "power_ru")).ok
    g.step(30)
    assert g.system_on("o2_zvezda") and not g.system_working("o2_zvezda")
    assert g.oxygen_generating  # Tranquility still works
    assert g.submit(SystemRestore("us", "gordon", "power_ru")).ok
    g.step(30)
    assert g.system_working("o2_zvezda")


def test_attitude_off_drifts_the_arrays_off_the_sun():
    g = run_to_orders(orders_game())
    assert g.submit(SystemOffline("ru", "alexey", "attitude")).ok
    g.step(30 + 1799)
    assert not g.state.power_low and g.system_working("o2_tranquility")
    g.step(1)
    assert g.state.power_low and not g.system_working("o2_tranquility")
    assert not g.system_working("o2_zvezda")  # no US power for Elektron either
    assert not g.oxygen_generating
    assert g.submit(SystemRestore("ru", "alexey", "attitude")).ok
    g.step(30)
    assert not g.state.power_low and g.oxygen_generating


@pytest.mark.parametrize("restore", [False, True])
def test_debris_warning_needs_thrusters_in_its_window(restore):
    g = run_to_orders(orders_game())
    asat = g.setup.war.asat_tick
    g.run_until(asat - 100)
    assert g.submit(SystemOffline("ru", "alexey", "attitude")).ok
    g.run_until(asat)
    assert g.state.debris_deadline == asat + 1800
    if restore:
        g.run_until(asat + 1500)
        assert g.submit(SystemRestore("ru", "alexey", "attitude")).ok
    g.run_until(asat + 1800)
    if restore:
        assert not g.ended
    else:
        assert g.ending == "station_lost" and "debris" in g.summary()["text"]


def test_orders_arrive_only_inside_windows():
    windows = {"houston": [(5000, 5100)], "korolyov": [(9000, 9200)]}
    g = game(windows=windows)
    assert g.setup.order_issue["us"] < 5000 and g.setup.order_issue["ru"] < 9000
    g.run_until(4999)
    assert g.order_tick("us") == -1
    g.step(1)
    assert g.order_tick("us") == 5000 and g.order_tick("ru") == -1
    g.run_until(9000)
    assert g.order_tick("ru") == 9000
    assert g.state.act == 2


def test_no_window_no_orders():
    g = game(windows={})
    g.run_until(20_000)
    assert g.order_tick("us") == -1 and g.order_tick("ru") == -1 and g.state.act == 1


def test_a_struck_ground_station_is_silent():
    # no pass at all: Houston is struck on its seeded 5-9 h schedule and falls silent
    probe = game()
    struck = probe.setup.war.station_strike_tick["houston"]
    assert 5 * 3600 <= struck <= 9 * 3600
    probe.run_until(struck)
    assert "houston" in probe.state.silenced and probe.order_tick("us") == -1
    # a partner centre struck on its schedule: a pass after the strike brings no call
    always = {"houston": [(0, 54_000)], "korolyov": [(0, 54_000)]}
    probe = game(scenario="international", windows=always)
    struck = probe.setup.war.station_strike_tick["oberpfaffenhofen"]
    g = game(scenario="international",
             windows={**always, "oberpfaffenhofen": [(struck + 10, struck + 600)]})
    assert g.setup.war.station_strike_tick["oberpfaffenhofen"] == struck
    events = g.run_until(struck + 1000)
    assert "oberpfaffenhofen" in g.state.silenced
    assert not any(e.kind == "agency_call" for e in events)
    # the same pass before the strike: the call comes
    g = game(scenario="international",
             windows={**always, "oberpfaffenhofen": [(struck - 600, struck - 10)]})
    assert any(e.kind == "agency_call" for e in g.run_until(struck))
    # and an order due after its centre was struck never comes (the rule new_game applies)
    tl = fake_timeline(54_010, windows={"houston": [(20_000, 20_600)]})
    assert first_in_view(tl, "houston", 3000, 19_000) == NEVER
    assert first_in_view(tl, "houston", 3000, 21_000) == 20_000


def test_mission_control_is_struck_only_after_its_pass_with_the_order():
    # the war waits for each centre's first pass after its order (+ 20-60 min): the rule
    # that makes act 2 happen, so a pass after the seeded strike time postpones the strike
    probe = game()
    base = probe.setup.war.station_strike_tick["houston"]
    g = game(windows={"houston": [(base + 10, base + 600)]})
    struck = g.setup.war.station_strike_tick["houston"]
    assert base + 600 + 1200 <= struck <= base + 600 + 3600
    assert g.setup.war.order_window["us"] == (base + 10, base + 600)
    g.run_until(base + 10)
    assert g.order_tick("us") == base + 10
    g.run_until(struck)
    assert "houston" in g.state.silenced
    # a pass long before the seeded time changes nothing
    g = game(windows={"houston": [(4000, 4600)]})
    assert g.setup.war.station_strike_tick["houston"] == base
    # the orders are sent 5-15 min after the first salvo, early in act 1
    first = g.setup.war.strikes[0].tick  # the first salvo's first flash: 0-89 s after it
    assert 600 <= first < 1200 + 90
    for side in ("us", "ru"):
        issue = g.setup.order_issue[side]
        assert 900 <= issue <= 2100 and first + 300 - 90 < issue <= first + 900


def test_restrain_is_gated_by_the_order():
    g = game(windows={"korolyov": [(0, 54_000)]})
    while not g.may_act("ru"):
        g.step(100)
    _walk(g, "us", "christian", "unity")  # Weronika is there
    r = g.submit(Restrain("us", "christian", "weronika"))
    assert not r.ok and "order" in r.reason
    assert g.submit(Restrain("ru", "weronika", "christian")).ok
    g.step(30)
    # whatever happened, the US was attacked: now it may act in self-defence
    assert g.may_act("us")


@pytest.mark.parametrize("attackers, expect", [(1, 0.5), (2, 2 / 3)])
def test_restrain_odds(attackers, expect):
    wins = 0
    trials = 150
    for seed in range(trials):
        g = run_to_orders(orders_game(seed=seed))
        # Gordon waits in Destiny; Alexey (and Nicholai) come to him
        _walk(g, "ru", "alexey", "destiny")
        if attackers == 2:
            _walk(g, "ru", "nicholai", "destiny")
        assert g.submit(Restrain("ru", "alexey", "gordon")).ok
        g.step(29)
        assert not g.crew_by_id("gordon").restrained
        g.step(1)
        won = g.crew_by_id("gordon").restrained
        wins += won
        # failure: the defenders restrain the attacker
        assert won != g.crew_by_id("alexey").restrained
    assert abs(wins / trials - expect) < 0.13


def test_free_needs_60_s_and_no_enemy_present():
    g = run_to_orders(orders_game(seed=2))
    _walk(g, "ru", "alexey", "destiny")
    _walk(g, "ru", "nicholai", "destiny")
    seed = 2
    while True:
        g.submit(Restrain("ru", "alexey", "gordon"))
        g.step(30)
        if g.crew_by_id("gordon").restrained:
            break
        seed += 1
        g = run_to_orders(orders_game(seed=seed))
        _walk(g, "ru", "alexey", "destiny")
        _walk(g, "ru", "nicholai", "destiny")
    _walk(g, "us", "christian", "destiny")
    r = g.submit(Free("us", "christian", "gordon"))
    assert not r.ok and "enemy" in r.reason
    _walk(g, "ru", "alexey", "unity")
    _walk(g, "ru", "nicholai", "unity")
    assert g.submit(Free("us", "christian", "gordon")).ok
    g.step(59)
    assert g.crew_by_id("gordon").restrained
    g.step(1)
    assert not g.crew_by_id("gordon").restrained
    r = g.submit(Restrain("us", "gordon", "gordon"))
    assert not r.ok


def test_stress_over_the_limit_refuses_hostile_orders_with_the_reason():
    # a city right under the (fake) ISS: every strike on it is witnessed at night
    cities = (("Under", "US", 30.0, -40.0), ("Near", "RU", 31.0, -41.0))
    g = game(windows={"houston": [(0, 54_000)], "korolyov": [(0, 54_000)]}, cities=cities)
    assert g.crew_by_id("kira").module == "cupola"
    before = g.crew_by_id("kira").stress
    kira_seen = 0
    while kira_seen < 6 and not g.ended:
        ev = g.step(500)
        kira_seen += sum(1 for e in ev if e.kind == "flash")
    k = g.crew_by_id("kira")
    gd = g.crew_by_id("gordon")
    assert k.witnessed >= 6
    assert k.stress - before > gd.stress - 10  # the Cupola sees more
    assert k.stress > 78
    _walk(g, "us", "kira", "unity")
    r = g.submit(Restrain("us", "kira", "weronika"))
    assert not r.ok and "refuses" in r.reason and "stress" in r.reason


def test_refused_commands_change_nothing():
    g = orders_game()
    before = g.checksum()
    for cmd in (Move("us", "nobody", "destiny"), Move("ru", "kira", "zvezda"),
                CloseHatch("us", "gordon", "harmony-columbus"),
                SystemOffline("us", "gordon", "attitude"), Talk("us", "gordon", "alexey"),
                Leave("us", "gordon")):
        r = g.submit(cmd)
        assert not r.ok and r.reason
    assert g.checksum() == before


def test_international_partner_crew_start_neutral_and_can_be_won_over():
    g = run_to_orders(orders_game(scenario="international"))
    elena = g.crew_by_id("elena")
    assert elena.side == "neutral" and elena.module == "columbus"
    r = g.submit(Move("us", "elena", "destiny"))
    assert not r.ok and "neutral" in r.reason
    _walk(g, "us", "christian", "columbus")
    for i in range(3):
        assert g.submit(Talk("us", "christian", "elena")).ok
        events = g.step(60)
        assert (g.crew_by_id("elena").side == "us") == (i == 2)
    assert any(e.kind == "joined" for e in events)
    assert g.submit(Move("us", "elena", "destiny")).ok  # now hers to command


def test_partner_agencies_call_for_calm_during_their_passes():
    windows = {"houston": [(0, 54_000)], "korolyov": [(0, 54_000)],
               "oberpfaffenhofen": [(7000, 7300)]}
    g = game(scenario="international", windows=windows)
    g.run_until(6999)
    before = g.trust
    events = g.step(1)
    assert any(e.kind == "agency_call" for e in events)
    assert g.trust == before + 2
