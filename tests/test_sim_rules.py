"""The rules of version 2, each tested so that breaking it fails a test.

Numbers come from ``game.sim.tuning`` (the one table); the tests hold the rules to the
sentences the player reads (``test_sim_tuning.py`` holds the sentences to the numbers).
"""

import pytest
from sim_helpers import crew, game, orders_game, run_to_orders, run_until_order, us_only_game, walk

from game.sim import api
from game.sim import station as st
from game.sim import tuning as tn
from game.sim.api import (
    CloseHatch,
    Escort,
    Leave,
    Move,
    Restrain,
    SystemOffline,
    SystemRestore,
    Talk,
)


def test_move_time_is_sum_of_hops():
    g = game()
    route = st.path("zvezda", "destiny", g.hatch_open)
    assert route == ["zarya", "pma1", "unity", "destiny"]
    expected = st.route_seconds("zvezda", route)
    assert expected == (5 + 26) + (5 + 15) + (5 + 8) + (5 + 14)
    assert walk(g, "ru", "alexey", "destiny") == expected
    assert g.preview(Move("us", "kira", "zvezda")).seconds == \
        st.route_seconds("cupola", st.path("cupola", "zvezda", g.hatch_open))


def test_a_hatch_closed_ahead_stops_a_moving_crew_member():
    g = run_to_orders(orders_game())
    assert g.submit(Move("ru", "alexey", "harmony")).ok  # ... Unity -> Destiny -> Harmony
    assert g.submit(CloseHatch("us", "christian", "destiny-harmony")).ok
    g.step(300)
    a = crew(g, "alexey")
    assert a.module == "destiny" and a.task == "idle"


def test_capture_takes_60_s_alone_and_needs_the_order():
    g = game()  # no pass at all: nobody ever hears an order before the dark
    walk(g, "us", "kira", "nauka")
    g.step(tn.CAPTURE_S + 10)
    assert g.holder("nauka") == "ru", "no capture in routine"
    g = run_to_orders(orders_game())
    walk(g, "us", "kira", "nauka")
    arrived = g.tick
    g.step(tn.CAPTURE_S - 1)
    assert g.holder("nauka") == "ru"
    g.step(1)
    assert g.holder("nauka") == "us" and g.tick == arrived + tn.CAPTURE_S


def test_capture_needs_to_be_alone():
    g = run_to_orders(orders_game())
    walk(g, "us", "kira", "zarya")  # Nicholai is in Zarya
    g.step(tn.CAPTURE_S * 3)
    assert g.holder("zarya") == "ru"


def test_seize_holding_both_command_modules_and_broken_by_an_enemy_inside():
    g = run_to_orders(orders_game())
    walk(g, "ru", "alexey", "poisk")
    walk(g, "us", "kira", "zvezda")
    g.step(tn.CAPTURE_S)
    v = g.state
    assert g.holder("zvezda") == "us" and v.seize_side == "us"
    assert v.seize_due == g.tick + tn.SEIZE_S
    walk(g, "ru", "alexey", "zvezda")
    assert g.state.seize_side == "" and g.state.seize_due == -1
    walk(g, "ru", "alexey", "poisk")
    g.step(1)
    due = g.state.seize_due
    g.run_until(due - 1)
    assert not g.ended
    g.step(1)
    assert g.ending == "us_control" and g.winner == "us"


def _fight_setup(offset=0, seed=1):
    """Orders both sides; Kira and Christian with Alexey alone in Zvezda (Russia's)."""
    g = run_to_orders(orders_game(seed=seed))
    walk(g, "ru", "weronika", "nauka")
    walk(g, "ru", "nicholai", "poisk")
    walk(g, "us", "kira", "zvezda")
    walk(g, "us", "christian", "zvezda")
    g.step(1 + offset)
    return g


def test_restraint_odds_are_fixed_when_it_starts_and_told_beforehand():
    g = _fight_setup()
    p = g.preview(Restrain("us", "kira", "alexey"))
    # 2 attackers against Alexey plus his home (Russia holds Zvezda and may use force)
    assert p.ok and p.odds_permille == 500 and "50% (2 v 2)" in p.text
    assert f"pinned {tn.PIN_S} s" in p.text
    assert g.submit(Restrain("us", "kira", "alexey")).ok
    (f,) = g.state.fights
    assert (f.attacker, f.target, f.odds_permille, f.attackers, f.defenders) == \
        ("kira", "alexey", 500, 2, 2)
    assert f.due == g.tick + tn.RESTRAIN_S
    assert crew(g, "alexey").task == "held"  # locked together: he cannot walk away
    assert not g.submit(Move("ru", "alexey", "zarya")).ok
    walk(g, "ru", "nicholai", "zvezda")  # a defender arrives: the odds stay as they were
    assert g.state.fights[0].odds_permille == 500
    g.run_until(f.due)
    assert not g.state.fights
    a, k = crew(g, "alexey"), crew(g, "kira")
    assert a.restrained != (k.pinned_until > 0)  # one or the other


def _outcomes(n=40):
    """The same attempt started at n different ticks: (restrained?, game) each."""
    out = []
    for offset in range(n):
        g = _fight_setup(offset)
        assert g.submit(Restrain("us", "kira", "alexey")).ok
        g.step(tn.RESTRAIN_S)
        out.append((crew(g, "alexey").restrained, g))
    return out


def test_dice_are_keyed_to_the_event_and_honest():
    outcomes = _outcomes()
    wins = sum(1 for ok, _g in outcomes if ok)
    assert 10 <= wins <= 30, wins  # 50% odds: both happen, in about that share
    again = _fight_setup(offset=3)
    assert again.submit(Restrain("us", "kira", "alexey")).ok
    again.step(tn.RESTRAIN_S)
    assert crew(again, "alexey").restrained == outcomes[3][0]  # same event, same roll


def test_a_failed_attacker_is_pinned_open_to_a_counter_grab_at_the_odds_told_before():
    """The price of failure is in proportion: pinned, no defender, and open to the other
    side's answer at the odds the preview told before the attempt; the one who fought
    the grab off cannot be grabbed again for BRACE_S (no chain of grabs keeps them
    locked)."""
    told = _fight_setup()
    before = told.preview(Restrain("us", "kira", "alexey"))
    counter = api.counter_odds(told.view_for("us"), "kira", "alexey")
    assert f"counter-grab at {counter[2] // 10}% ({counter[0]} v {counter[1]})" in before.text
    g = next(g for ok, g in _outcomes() if not ok)
    k = crew(g, "kira")
    assert k.pinned_until == g.tick + tn.PIN_S and not k.free and not k.restrained
    assert not g.submit(Move("us", "kira", "zarya")).ok  # out of action
    r = g.submit(Restrain("us", "christian", "alexey"))
    assert not r.ok and "fought off a grab" in r.reason  # Alexey has the upper hand
    # Kira does not defend: Alexey on Christian is one against one
    p = g.preview(Restrain("ru", "alexey", "christian"))
    assert p.ok and "(1 v 1)" in p.text
    # ... and Kira may be restrained, at the odds told before her attempt
    p = g.preview(Restrain("ru", "alexey", "kira"))
    assert p.ok and p.odds_permille == counter[2]
    g.run_until(g.tick + tn.BRACE_S)
    assert g.preview(Restrain("us", "christian", "alexey")).ok  # braced no more
    g.run_until(k.pinned_until)
    assert crew(g, "kira").free


def test_a_struggle_ties_up_both_in_it():
    """Crew locked in one struggle count for neither side in another: grabbing everyone
    at once splits your numbers."""
    g = _fight_setup()
    walk(g, "ru", "nicholai", "zvezda")  # two Russians at home, two Americans
    assert g.submit(Restrain("us", "kira", "alexey")).ok
    p = g.preview(Restrain("us", "christian", "nicholai"))
    # Kira and Alexey are locked together: Christian alone against Nicholai and his home
    assert p.ok and "(1 v 2)" in p.text


def test_surprise_takes_the_home_advantage_away_once():
    g = run_until_order(us_only_game(), "us")
    assert not g.may_defend("ru")
    walk(g, "ru", "nicholai", "poisk")
    walk(g, "us", "kira", "harmony")
    assert g.submit(Move("us", "kira", "zvezda")).ok and \
        g.submit(Move("us", "christian", "zvezda")).ok  # together, before they count
    while not (crew(g, "kira").module == crew(g, "christian").module == "zvezda"):
        g.step(1)
    assert not g.may_defend("ru")
    p = g.preview(Restrain("us", "kira", "alexey"))
    assert p.odds_permille == 666  # 2 v 1: Russia has no order, is not expecting it
    assert g.submit(Restrain("us", "kira", "alexey")).ok
    assert g.may_defend("ru") and not g.may_act("ru")  # attacked: self-defence only
    walk(g, "us", "christian", "poisk")  # on to Nicholai, at home in Poisk
    p = g.preview(Restrain("us", "christian", "nicholai"))
    assert p.ok and p.odds_permille < 500  # 1 v 1, and Russia defends its home now
    # a bot counts the same odds from its own view (api.restrain_odds, as the rules do)
    view = g.view_for("us")
    assert api.restrain_odds(view, "christian", "nicholai")[2] == p.odds_permille
    assert api.restrain_odds(view, "christian", "nicholai", surprised=True)[2] == 500


def test_without_an_order_a_side_defends_only_its_own_segment():
    g = run_until_order(us_only_game(), "us")
    walk(g, "us", "kira", "zvezda")
    assert g.submit(Restrain("us", "kira", "alexey")).ok  # Russia is attacked
    g.step(tn.RESTRAIN_S + 1)
    walk(g, "us", "gordon", "unity")  # Weronika is in Unity, the US segment
    r = g.submit(Restrain("ru", "weronika", "gordon"))
    assert not r.ok and "defends your own segment" in r.reason
    if not crew(g, "alexey").restrained and crew(g, "kira").pinned_until < 0:
        assert g.submit(Restrain("ru", "alexey", "kira")).ok  # in Zvezda: yes
    walk(g, "ru", "nicholai", "nauka")  # alone in a module: but no capture without order
    g.step(tn.CAPTURE_S * 2)
    assert g.holder("nauka") == "ru" and not g.state.modules[st.MODULE_INDEX["unity"]].capturing


def test_armed_intruders_in_a_command_module_give_the_right_to_defend():
    g = run_until_order(us_only_game(), "us")
    walk(g, "us", "kira", "zvezda")
    entered = g.tick
    g.run_until(entered + tn.INTRUSION_S - 1)
    assert not g.may_defend("ru")
    g.step(1)
    assert g.may_defend("ru") and not g.may_act("ru")
    g2 = game()  # nobody has orders: a guest is just a guest
    walk(g2, "us", "kira", "zvezda")
    g2.step(tn.INTRUSION_S * 3)
    assert not g2.may_defend("ru")


def test_a_guest_is_shown_out_and_barred_before_the_orders():
    g = game()  # Weronika starts in Unity, a guest in the US segment
    walk(g, "us", "gordon", "unity")
    p = g.preview(Escort("us", "gordon", "weronika"))
    assert p.ok and p.seconds == tn.ESCORT_S
    trust = g.trust
    assert g.submit(Escort("us", "gordon", "weronika")).ok
    g.step(tn.ESCORT_S)
    w = crew(g, "weronika")
    assert w.module == "zarya" and w.barred == "USOS" and w.barred_until == g.tick + \
        tn.ESCORT_BAR_S
    assert g.trust == trust + tn.ESCORT_TRUST
    r = g.submit(Move("ru", "weronika", "destiny"))
    assert not r.ok and "shown out" in r.reason
    g.step(tn.ESCORT_BAR_S)
    assert g.submit(Move("ru", "weronika", "destiny")).ok
    # a guest whose side has its order will not go; nor can you show people out of theirs
    g = run_to_orders(orders_game())
    walk(g, "us", "gordon", "unity")
    r = g.submit(Escort("us", "gordon", "weronika"))
    assert not r.ok and "orders" in r.reason
    walk(g, "us", "kira", "zarya")
    r = g.submit(Escort("ru", "nicholai", "kira"))
    assert not r.ok


def test_orders_are_secret_until_the_ground_tells_or_force_shows():
    windows = {"houston": [(0, 3000), (6000, 6100)], "korolyov": [(5000, 5100), (9000, 9100)]}
    g = game(windows=windows)
    run_until_order(g, "us")
    assert g.state.orders["us"] >= 0
    assert g.view_for("ru").orders["us"] == -1 and not g.view_for("ru").may_act["us"]
    assert g.view_for("ru").act == 1 and g.view_for("us").act == 2
    g.run_until(4999)
    assert g.view_for("ru").orders["us"] == -1
    g.run_until(5001)  # Russia's order, and with it Korolyov's word of the US's
    assert g.may_act("ru") and g.view_for("ru").orders["us"] == g.state.orders["us"]
    assert g.view_for("us").orders["ru"] == -1  # the US was told "no order" at its own
    g.run_until(6001)  # Houston's next pass: the US learns Russia's order
    assert g.view_for("us").orders["ru"] == g.state.orders["ru"]
    # the other side's stress and loyalty are theirs to know
    assert all(c.stress == -1 for c in g.view_for("us").crew if c.side == "ru")
    g = game(windows={"houston": [(0, 3000)]})
    run_until_order(g, "us")
    walk(g, "us", "kira", "zarya")
    assert g.submit(Restrain("us", "kira", "nicholai")).ok  # force shows it
    assert g.view_for("ru").may_act["us"]


def test_each_later_pass_calms_and_restores_what_the_other_side_cut():
    windows = {"houston": [(0, 3000), (8000, 8100)], "korolyov": [(0, 54_000)]}
    g = run_to_orders(game(windows=windows))
    walk(g, "us", "christian", "destiny")
    walk(g, "us", "kira", "destiny")
    walk(g, "ru", "weronika", "tranquility")
    g.step(tn.CAPTURE_S)
    assert g.holder("tranquility") == "ru"
    assert g.submit(SystemOffline("ru", "weronika", "o2_tranquility")).ok
    assert g.submit(SystemOffline("us", "gordon", "power_ru")).ok  # the US's own cut
    g.step(tn.SYSTEM_S)
    walk(g, "ru", "weronika", "unity")
    g.run_until(7999)
    before = {c.id: c.stress for c in g.state.crew if c.side == "us"}
    g.run_until(8000)
    v = g.state
    assert {s.id: s.on for s in v.systems}["o2_tranquility"]  # restored from Houston
    assert not {s.id: s.on for s in v.systems}["power_ru"]  # the US's own cut stays
    assert all(c.stress == max(0, before[c.id] - tn.CONTACT_CALM)
               for c in v.crew if c.side == "us")
    assert g.stats["remote_restores"] == 1


def test_truce_needs_trust_both_sides_talking_after_their_orders_and_no_force():
    g = run_to_orders(orders_game())
    walk(g, "ru", "weronika", "destiny")
    talks = 0
    while g.trust < tn.TRUCE_AT:
        assert g.submit(Talk("us", "gordon", "weronika")).ok
        g.step(tn.TALK_S)
        talks += 1
        assert talks < 40
    g.step(tn.TRUCE_S + 1)
    assert not g.ended and g.state.truce_due == -1  # Russia has not spoken since its order
    assert g.submit(Talk("ru", "weronika", "gordon")).ok
    g.step(tn.TALK_S)
    due = g.state.truce_due
    assert due == g.tick + tn.TRUCE_S - 1 or due == g.tick + tn.TRUCE_S
    g.run_until(due)
    assert g.ending == "truce" and g.winner is None


def test_force_breaks_a_truce_in_the_making():
    g = run_to_orders(orders_game())
    walk(g, "ru", "weronika", "destiny")
    walk(g, "us", "kira", "zarya")
    while g.trust < tn.TRUCE_AT:
        g.submit(Talk("us", "gordon", "weronika"))
        g.step(tn.TALK_S)
    g.submit(Talk("ru", "weronika", "gordon"))
    g.step(tn.TALK_S)
    assert g.state.truce_due >= 0
    assert g.submit(Restrain("us", "kira", "nicholai")).ok
    assert g.state.truce_due == -1


def test_talk_across_the_divide_counts_fully_once_per_pair_per_ten_minutes():
    g = game()
    walk(g, "us", "gordon", "unity")  # with Weronika
    trust, bond = g.trust, g.state.bond("gordon", "weronika")
    loyalty = crew(g, "weronika").loyalty
    talker = crew(g, "gordon").loyalty
    assert f"trust +{tn.TALK_TRUST}, bond +{tn.TALK_BOND}, stress -{tn.TALK_CALM_ACROSS} both" \
        in g.preview(Talk("us", "gordon", "weronika")).text
    assert g.submit(Talk("us", "gordon", "weronika")).ok
    g.step(tn.TALK_S)
    assert g.trust == trust + tn.TALK_TRUST
    assert g.state.bond("gordon", "weronika") == bond + tn.TALK_BOND
    # both doubt a little: the talker pays what the listener pays
    assert crew(g, "weronika").loyalty == loyalty + tn.TALK_LOYALTY
    assert crew(g, "gordon").loyalty == talker + tn.TALK_LOYALTY
    stress = crew(g, "weronika").stress
    assert g.preview(Talk("us", "gordon", "weronika")).text.endswith(
        f"trust +{tn.TALK_TRUST_REPEAT}, no calmer: they talked a moment ago")
    assert g.submit(Talk("us", "gordon", "weronika")).ok
    g.step(tn.TALK_S)
    assert g.trust == trust + tn.TALK_TRUST + tn.TALK_TRUST_REPEAT
    assert g.state.bond("gordon", "weronika") == bond + tn.TALK_BOND
    assert crew(g, "weronika").stress == stress  # a talk spammed calms nobody
    assert g.state.trust_ledger[-1].reason == "Gordon Barrett talked with Weronika Vetrov"


def test_bonded_crew_refuse_to_restrain_each_other():
    g = run_to_orders(orders_game())
    assert g.state.bond("gordon", "weronika") >= tn.BOND_REFUSE  # the film's lovers
    walk(g, "us", "gordon", "unity")
    r = g.submit(Restrain("us", "gordon", "weronika"))
    assert not r.ok and "bonded" in r.reason
    assert g.refusal_counts["bond"] == 1


def test_a_mixed_crew_bonded_across_the_divide_leaves_together():
    g = game(windows={"houston": [(0, 3000)]})
    g.run_until(2000)  # the war has begun
    walk(g, "us", "kira", "zvezda")
    for _ in range(2):
        assert g.submit(Talk("us", "kira", "alexey")).ok
        g.step(tn.TALK_REPEAT_S)
    assert g.state.bond("kira", "alexey") >= tn.BOND_ESCAPE
    walk(g, "us", "kira", "soyuz")
    walk(g, "ru", "alexey", "soyuz")
    walk(g, "us", "christian", "soyuz")  # not bonded to Alexey
    r = g.submit(Leave("ru", "alexey"))
    assert not r.ok and "Christian" in r.reason
    walk(g, "us", "christian", "rassvet")
    assert g.submit(Leave("ru", "alexey")).ok
    g.step(tn.LEAVE_S)
    assert g.ending == "together" and g.winner is None
    assert crew(g, "kira").gone and crew(g, "alexey").gone and not crew(g, "nicholai").gone


def test_evacuation_needs_everyone_aboard_and_leaves_the_station_to_the_other_side():
    g = run_to_orders(orders_game())
    walk(g, "ru", "alexey", "soyuz")
    r = g.submit(Leave("ru", "alexey"))
    assert not r.ok and "not everyone is aboard" in r.reason
    walk(g, "ru", "nicholai", "soyuz")
    walk(g, "ru", "weronika", "soyuz")
    assert g.preview(Leave("ru", "alexey")).ok
    assert g.submit(Leave("ru", "alexey")).ok
    g.step(tn.LEAVE_S - 1)
    assert not g.ended
    g.step(1)
    assert g.ending == "evacuation_ru" and g.winner == "us"
    g = run_to_orders(orders_game())
    walk(g, "us", "kira", "soyuz")
    r = g.submit(Leave("us", "kira"))
    assert not r.ok and "not your vehicle" in r.reason


def _both_oxygen_generators_cut():
    g = run_to_orders(orders_game())
    assert g.submit(SystemOffline("ru", "alexey", "o2_zvezda")).ok
    walk(g, "us", "christian", "tranquility")
    assert g.submit(SystemOffline("us", "christian", "o2_tranquility")).ok
    g.step(tn.SYSTEM_S)
    return g


def test_oxygen_runs_out_with_no_generator_and_refills_when_one_works():
    g = _both_oxygen_generators_cut()
    assert not g.oxygen_generating and g.oxygen_reserve_s == tn.O2_RESERVE_S
    g.step(3600)
    assert g.oxygen_reserve_s == tn.O2_RESERVE_S - 3600
    stress = crew(g, "kira").stress
    assert g.submit(SystemRestore("us", "christian", "o2_tranquility")).ok
    g.step(tn.SYSTEM_S + 1800)
    assert g.oxygen_reserve_s == tn.O2_RESERVE_S - 3600 - tn.SYSTEM_S + 1800
    assert stress > 0
    g = _both_oxygen_generators_cut()
    off_at = g.tick
    g.run_until(off_at + tn.O2_RESERVE_S - 1)
    assert not g.ended
    g.step(1)
    assert g.ending == "station_lost" and g.winner is None


def test_elektron_needs_us_power_and_attitude_keeps_the_arrays_on_the_sun():
    g = run_to_orders(orders_game())
    assert g.submit(SystemOffline("us", "gordon", "power_ru")).ok
    g.step(tn.SYSTEM_S)
    assert g.system_on("o2_zvezda") and not g.system_working("o2_zvezda")
    assert g.oxygen_generating  # Tranquility still works
    assert g.submit(SystemRestore("us", "gordon", "power_ru")).ok
    g.step(tn.SYSTEM_S)
    assert g.system_working("o2_zvezda")
    assert g.submit(SystemOffline("ru", "alexey", "attitude")).ok
    g.step(tn.SYSTEM_S + tn.POWER_DRIFT_S - 1)
    assert not g.state.power_low and g.system_working("o2_tranquility")
    g.step(1)
    assert g.state.power_low and not g.oxygen_generating
    assert g.submit(SystemRestore("ru", "alexey", "attitude")).ok
    g.step(tn.SYSTEM_S)
    assert not g.state.power_low and g.oxygen_generating


@pytest.mark.parametrize("restore", [False, True])
def test_the_debris_cloud_needs_attitude_control_when_it_comes(restore):
    g = run_to_orders(orders_game())
    asat = g.setup.war.asat_tick
    g.run_until(asat - 100)
    assert g.submit(SystemOffline("ru", "alexey", "attitude")).ok
    g.run_until(asat)
    deadline = g.state.debris_deadline
    assert deadline == asat + tn.DEBRIS_WINDOW_S
    if restore:
        g.run_until(deadline - 100)
        assert g.submit(SystemRestore("ru", "alexey", "attitude")).ok
    g.run_until(deadline)
    if restore:
        assert not g.ended
    else:
        assert g.ending == "station_lost" and "debris" in g.summary()["text"]


def test_stress_over_the_limit_refuses_force_and_says_why():
    g = run_to_orders(orders_game())
    for cid in ("alexey", "weronika"):
        walk(g, "ru", cid, "zarya")
    walk(g, "us", "kira", "zarya")  # one against three at their home: mostly failures
    for _ in range(20):
        k = crew(g, "kira")
        if k.stress > k.stress_limit:
            break
        target = next(c.id for c in g.state.crew if c.side == "ru" and c.free)
        assert g.submit(Restrain("us", "kira", target)).ok
        g.step(tn.RESTRAIN_S + tn.PIN_S + 1)
    k = crew(g, "kira")
    assert k.stress > k.stress_limit
    target = next(c.id for c in g.state.crew if c.side == "ru" and c.free)
    r = g.submit(Restrain("us", "kira", target))
    assert not r.ok and "refuses: stress" in r.reason and str(k.stress_limit) in r.reason
    assert g.refusal_counts["stress"] == 1
    assert g.submit(Talk("us", "kira", target)).ok  # talking is not force


def test_refused_commands_change_nothing():
    g = game()
    before = g.checksum()
    for cmd in (Restrain("us", "kira", "alexey"), Move("us", "alexey", "destiny"),
                CloseHatch("us", "gordon", "unity-destiny"), Leave("ru", "alexey"),
                Escort("ru", "alexey", "kira")):
        assert not g.submit(cmd).ok
    assert g.checksum() == before
    assert [r.kind for r in g.state.refusals] == ["restrain", "move", "close", "leave",
                                                   "escort"]


def test_partners_lean_join_and_leave_by_what_each_side_does():
    g = orders_game(scenario="international")
    g.run_until(2000)
    assert crew(g, "elena").side == "neutral"
    walk(g, "us", "christian", "columbus")
    for _ in range(2):
        g.submit(Talk("us", "christian", "elena"))
        g.step(tn.TALK_S)
    assert crew(g, "elena").lean_us == tn.LEAN_PER_TALK  # once per ten minutes
    for _ in range(5):
        g.step(tn.TALK_REPEAT_S - tn.TALK_S)
        g.submit(Talk("us", "christian", "elena"))
        g.step(tn.TALK_S)
    assert crew(g, "elena").side == "us"
    # seeing her side use force sends her back to neutral
    run_to_orders(g)
    for cid in ("nicholai", "alexey", "weronika"):
        walk(g, "ru", cid, "columbus")
    walk(g, "us", "kira", "columbus")  # two take turns: one alone soon refuses, stressed
    seen = 0
    for who, cid in (("christian", "nicholai"), ("kira", "alexey"), ("christian", "weronika")):
        if crew(g, "elena").side != "us":
            break
        assert g.submit(Restrain("us", who, cid)).ok
        seen += 1
        g.step(tn.RESTRAIN_S + tn.PIN_S + 1)
    assert crew(g, "elena").side == "neutral" and g.stats["partners_lost"] == 1
    assert seen == 3  # 60 - 15 - 15 is still 30; the third sends her away


def test_a_neutral_partner_counts_for_whoever_is_attacked():
    g = run_to_orders(orders_game(scenario="international"))
    walk(g, "ru", "nicholai", "columbus")  # with Elena (ESA), neutral; the US holds Columbus
    walk(g, "us", "christian", "columbus")
    p = g.preview(Restrain("us", "christian", "nicholai"))
    assert p.odds_permille == 1000 * 1 // (1 + 1 + tn.PARTNER_DEFENCE)


def test_stress_eases_every_half_hour_without_force():
    g = game()
    g.step(1)
    s0 = {c.id: c.stress for c in g.state.crew}
    g.run_until(tn.CALM_S * 2)
    v = g.state
    # flashes are far away in these tests: only the calm moves stress
    assert all(c.stress == max(0, s0[c.id] - 2 * tn.CALM_STRESS) for c in v.crew), \
        [(c.id, s0[c.id], c.stress) for c in v.crew]


def test_a_vehicle_the_other_side_has_taken_does_not_undock_for_you():
    g = run_to_orders(orders_game())
    walk(g, "us", "kira", "soyuz")
    g.step(tn.CAPTURE_S)
    assert g.holder("soyuz") == "us"
    walk(g, "us", "kira", "rassvet")
    walk(g, "ru", "alexey", "soyuz")
    r = g.submit(Leave("ru", "alexey"))
    assert not r.ok and "taken the Soyuz" in r.reason
    g.step(tn.CAPTURE_S)  # alone in it: theirs again
    assert g.holder("soyuz") == "ru"
    r = g.submit(Leave("ru", "alexey"))
    assert not r.ok and "not everyone is aboard" in r.reason


def test_talk_alone_cannot_wear_a_crew_member_down_below_the_floor():
    """The hard AI once talked one US crew member 200 times: the listener's loyalty (and
    with it the stress limit) went to 0 while the talkers kept theirs. Now talk softens
    both, and never below TALK_LOYALTY_FLOOR."""
    g = game()
    walk(g, "us", "gordon", "unity")  # with Weronika
    for _ in range(60):  # ten hours of talks, a fresh one every ten minutes
        assert g.submit(Talk("ru", "weronika", "gordon")).ok
        g.step(tn.TALK_REPEAT_S)
    for who in ("gordon", "weronika"):
        assert crew(g, who).loyalty == tn.TALK_LOYALTY_FLOOR
    assert api.stress_limit(tn.TALK_LOYALTY_FLOOR) >= tn.STRESS_LIMIT_BASE + 20


def test_a_side_seen_taking_a_module_has_shown_its_order():
    """Taking a module needs an order, and happens in plain sight: the other side's view
    counts that side as armed from then on (its HUD once read "no word of an order" over
    "Russia taking Harmony")."""
    g = game(windows={"korolyov": [(0, 54_000)]})
    walk(g, "ru", "weronika", "zarya")  # the guest in Unity goes home first
    run_until_order(g, "ru")
    assert not g.may_act("us") and not g.view_for("us").may_act["ru"]  # a secret
    empty = next(m.id for m in g.state.modules if m.holder == "us" and not m.crew
                 and m.id not in st.VEHICLES)
    walk(g, "ru", "weronika", empty)  # alone in a US module
    for _ in range(tn.CAPTURE_S):
        if any(m.capturing == "ru" for m in g.view_for("us").modules):
            break
        g.step(1)
    v = g.view_for("us")
    assert v.may_act["ru"] and v.act == 2


def test_steadying_within_a_side_is_once_a_pair_and_never_while_the_air_is_short():
    """Talk within a side eases stress once a pair per TALK_REPEAT_S, and not at all
    while the air is short (no oxygen made, or a reserve under AIR_SHORT_S): a side that
    cut the oxygen and talked the stress away among themselves once drove only the other
    side over its limit."""
    g = run_to_orders(orders_game())
    walk(g, "us", "kira", "destiny")  # with Gordon
    for cid in ("kira", "gordon"):
        g._crew[cid].stress = 50
    talk = Talk("us", "kira", "gordon")
    assert f"stress -{tn.TALK_CALM_WITHIN} both" in g.preview(talk).text
    assert g.submit(talk).ok
    g.step(tn.TALK_S)
    assert crew(g, "kira").stress == crew(g, "gordon").stress == 50 - tn.TALK_CALM_WITHIN
    assert "no calmer: they talked" in g.preview(talk).text
    assert g.submit(talk).ok
    g.step(tn.TALK_S)  # a moment later: no calmer
    assert crew(g, "kira").stress == 50 - tn.TALK_CALM_WITHIN
    # the air: Russia cuts Elektron, the US its own Tranquility generator
    assert g.submit(SystemOffline("ru", "alexey", "o2_zvezda")).ok
    walk(g, "us", "christian", "tranquility")
    assert g.submit(SystemOffline("us", "christian", "o2_tranquility")).ok
    g.step(tn.SYSTEM_S)
    assert not g.state.oxygen_generating
    g.run_until(g.tick + tn.TALK_REPEAT_S)
    s0 = crew(g, "kira").stress
    assert "no calmer: the air is short" in g.preview(talk).text
    assert g.submit(talk).ok
    events = g.step(tn.TALK_S)
    assert crew(g, "kira").stress >= s0  # not steadied (the reserve's stress may come)
    assert any("no calmer (the air is short)" in e.text for e in events)
    # the oxygen back once the reserve is low: still short until it has refilled
    g.run_until(g.tick + tn.O2_RESERVE_S - tn.AIR_SHORT_S)
    assert g.submit(SystemRestore("us", "christian", "o2_tranquility")).ok
    g.step(tn.SYSTEM_S)
    assert g.state.oxygen_generating and g.state.oxygen_reserve_s < tn.AIR_SHORT_S
    assert "no calmer: the air is short" in g.preview(talk).text
    g.run_until(g.tick + tn.AIR_SHORT_S - g.state.oxygen_reserve_s)
    assert f"stress -{tn.TALK_CALM_WITHIN} both" in g.preview(talk).text


def test_over_the_limit_a_crew_member_still_secures_a_pinned_attacker():
    """Stress stops a crew member starting force, not securing an enemy who just failed
    to grab them (else a side whose foes were all over the limit could retry a grab at
    any odds for free)."""
    g = next(g for ok, g in _outcomes() if not ok)  # Kira pinned in Zvezda, by Alexey
    a = g._crew["alexey"]
    a.stress = api.stress_limit(a.loyalty) + 10
    r = g.submit(Restrain("ru", "alexey", "christian"))
    assert not r.ok and "refuses: stress" in r.reason  # a free American: that is force
    assert g.submit(Restrain("ru", "alexey", "kira")).ok  # the pinned one: securing her


def test_without_its_order_a_side_answers_a_failed_grab_wherever_it_happens():
    """Rules 5: a side attacked before its order defends its own segment, and anywhere
    an attacker pinned beside them after a failed grab (the telegraph promised "open to a
    counter-grab" there too, and an adversary grabbed guests in its own segment for free:
    they could not answer)."""
    tries = []
    for offset in range(40):
        g = run_until_order(us_only_game(), "us")  # Russia never hears its order
        walk(g, "ru", "alexey", "unity")  # a guest in the US segment
        walk(g, "us", "kira", "unity")
        walk(g, "us", "christian", "unity")
        g.step(1 + offset)
        assert g.submit(Restrain("us", "kira", "alexey")).ok
        g.step(tn.RESTRAIN_S)
        tries.append(g)
        if not crew(g, "alexey").restrained:
            break
    g = tries[-1]
    assert not crew(g, "alexey").restrained and crew(g, "kira").pinned_until >= 0
    assert not g.may_act("ru") and g.may_defend("ru")
    r = g.submit(Restrain("ru", "alexey", "christian"))  # a free American: no order
    assert not r.ok and "defends your own segment" in r.reason, r.reason
    assert g.submit(Restrain("ru", "alexey", "kira")).ok  # the pinned attacker: yes
