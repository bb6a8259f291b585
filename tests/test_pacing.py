"""The adaptive pace (game.session.pacing): AI-vs-AI games at the default settings, paced
as the window paces them, keep the issue's targets (never more than 2 real minutes with
nothing to decide; a restraint never resolves in under 3 real seconds), and the policy
slows for what it says it slows for."""

import math

import pytest
from pinned import pinned_orbit

from game.session import pacing
from game.session.setup import GameSetup
from game.session.world import SimWorld
from game.sim.api import Move, Restrain, tuning


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


# A coarser real step than the window's 1/60 s keeps this fast; the figures move by
# hundredths (tools/measure_pacing.py --step 0.0166667 gives the window's own).
STEP = 0.05


@pytest.mark.parametrize("seed,side", [(1, "us"), (4, "ru"), (8, None), (13, "us")])
def test_the_pace_keeps_the_targets(orbit, seed, side):
    f = pacing.measure(GameSetup(orbit=orbit, orbit_label="t", seed=seed), side,
                       real_step=STEP)
    assert f.ending
    assert f.longest_quiet_s <= pacing.QUIET_TARGET_S, f
    assert f.restraints > 0, "these seeds have fights"
    assert f.shortest_restraint_s >= pacing.RESTRAINT_TARGET_S, f
    # and the quiet hours do go fast: the whole game is minutes, not the old half hour
    assert f.real_s < 20 * 60


def test_a_faster_player_still_sees_every_restraint_for_3_real_seconds(orbit):
    f = pacing.measure(GameSetup(orbit=orbit, orbit_label="t", seed=1), "us",
                       real_step=STEP, factor=4.0)
    assert f.restraints > 0
    assert f.shortest_restraint_s >= pacing.RESTRAINT_TARGET_S


def test_the_survey_says_pass_and_names_the_worst(orbit):
    out = pacing.survey(orbit, [2], sides=("us",), real_step=STEP)
    assert out["verdict"] == "PASS" and out["games"] == 1
    assert out["longest_quiet_s"] <= 120 and "seed 2" in out["longest_quiet_at"]


def _world(orbit, seed=1, **kw):
    base = dict(orbit=orbit, orbit_label="t", seed=seed, us="human", ru="ai")
    base.update(kw)
    return SimWorld(GameSetup(**base), record=False)


def test_quiet_is_fast_and_a_pass_over_your_mission_control_eases_it_down(orbit):
    w = _world(orbit, seed=3)
    v = w.state
    # before the war no order is even sent: a pass is nothing to slow down for
    assert not v.war_begun and v.next_contact["us"] > 0
    assert not [p for p in pacing.attention(v, "us") if p.kind.startswith("pass")]
    while not w.state.war_begun:
        w.advance(30.0)
    v = w.state
    nc = v.next_contact["us"]
    assert nc - v.tick > 300 and v.orders["us"] < 0
    far = nc - 6 * pacing.LEAD["pass_order"][0] * pacing.MAX_WARP  # as if it were far off
    warp, why = pacing.policy(v, "us", at_tick=far)
    assert warp == pacing.MAX_WARP and why == "quiet"
    near, why = pacing.policy(v, "us", at_tick=nc - 30)
    lead, floor = pacing.LEAD["pass_order"]
    assert near == max(floor, 30 / lead) and "Houston" in why
    # the pace it eases to: the pass is reached in readable time, not in a blink
    p = pacing.Pacer("us")
    assert p.real_seconds(v, nc) > 10
    # counted partly at the quiet pace, which anything new slows: the HUD says "at least"
    assert p.forecast(v, 3 * 3600)[1] and p.real_words(v, 3 * 3600).startswith("at least")


def test_an_enemy_floating_toward_your_crew_slows_the_pace(orbit):
    w = _world(orbit)
    g = w.game
    # Alexey (Zvezda) sets off for Destiny, where Gordon is: the RU side's own command
    g.submit(Move("ru", "alexey", "destiny"))
    v = w.state
    pts = pacing.attention(v, "us")
    arrive = [p for p in pts if p.kind == "approach"]
    assert arrive and "Alexey" in arrive[0].what and "Destiny" in arrive[0].what
    warp, why = pacing.policy(v, "us")
    assert warp < pacing.MAX_WARP and "Alexey" in why
    # watched from Russia, its own crew's walk is no approach
    assert not [p for p in pacing.attention(g.view_for("ru"), "ru") if p.kind == "approach"]


def test_a_restraint_holds_the_pace_down_and_stops_the_frame_it_starts_in(orbit):
    w = _world(orbit, seed=8)  # Houston's order arrives at 963 s on this orbit
    g = w.game
    w.advance(1000.0)
    assert g.tick == 1000 and g.state.may_act["us"]
    snap = g.snapshot()  # test set-up: Kira beside Nicholai in Zarya
    kira = next(i for i, c in enumerate(snap["crew"]) if c[0] == "kira")
    nic = next(c for c in snap["crew"] if c[0] == "nicholai")
    snap["crew"][kira][2] = nic[2]
    g.restore(snap)
    assert w.submit(Restrain("us", "kira", "nicholai")).ok
    seen = []
    w.listeners.append(lambda what: seen.append(what[1].kind) if what[0] == "event" else 0)
    w.advance(500.0, brake=True)  # a frame at a huge warp: the start stops it
    assert "restrain_started" in seen
    assert g.tick == 1001 and g.state.fights
    p = pacing.Pacer("us", factor=4.0)
    p.warp = pacing.MAX_WARP
    assert p.step(g.state, 1 / 60) <= tuning.RESTRAIN_S / pacing.MIN_FIGHT_REAL_S
    # the HUD's real-time equivalent: the fight's 30 s at this pace
    assert p.real_seconds(g.state, tuning.RESTRAIN_S) >= pacing.MIN_FIGHT_REAL_S - 0.01
    assert not p.forecast(g.state, tuning.RESTRAIN_S)[1]  # a fight's pace is known: "about"


def test_speeding_up_is_eased_slowing_is_at_once_and_notable_events_linger(orbit):
    w = _world(orbit)
    v = w.state
    p = pacing.Pacer("us")
    p.warp = pacing.MIN_WARP
    w1 = p.step(v, 0.1)
    assert w1 == pytest.approx(pacing.MIN_WARP * pacing.RAMP_PER_S ** 0.1)
    for _ in range(200):
        p.step(v, 0.1)
    assert p.warp == p.target(v)[0] > 100
    from game.sim.api import Event

    p.note([Event(10, "flash", "A flash over Houston", {})])
    assert p.step(v, 0.1) == pacing.LINGER_WARP
    p.note([Event(10, "intel", "Korolyov to the Russian crew ...", {"side": "ru"})])
    p._linger = 0
    assert p.step(v, 0.1) > pacing.LINGER_WARP  # the other side's secret: not for us
    p.warp = pacing.MAX_WARP
    p.hold = 20.0  # a first-game hint being read
    assert p.step(v, 0.1) == 20.0
    assert math.isclose(pacing.FIGHT_WARP, tuning.RESTRAIN_S / pacing.FIGHT_REAL_S)


def test_about_in_words():
    assert pacing.about(0.4) == "a moment"
    assert pacing.about(20.2) == "about 20 s"
    assert pacing.about(150) == "about 2 min"
    assert pacing.about(33, at_least=True) == "at least 33 s"
    assert pacing.about(0.4, at_least=True) == "at least 1 s"


def test_the_sim_delivers_the_events_of_a_submitted_command(orbit):
    w = _world(orbit, seed=8)
    g = w.game
    g.run_until(1000)
    snap = g.snapshot()
    kira = next(i for i, c in enumerate(snap["crew"]) if c[0] == "kira")
    snap["crew"][kira][2] = next(c for c in snap["crew"] if c[0] == "nicholai")[2]
    g.restore(snap)
    assert g.submit(Restrain("us", "kira", "nicholai")).ok
    events = g.step(1)
    assert events and events[0].kind == "restrain_started" and events[0].tick == 1000
    assert "%" in events[0].text and events[0].data["odds_permille"] > 0
