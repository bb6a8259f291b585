"""Play v2 (issue 11) on the real game under SDL's dummy driver: the telegraph before a
command, the rules HUD (fights, ledger, secret orders, real-time countdowns), crowded
modules, the end screen's pause, the hot-seat hand-over and each side's own log, the
first-game guide, toasts that count instead of stacking, a fresh seed per launch."""

import pygame
import pytest
from pinned import pinned_orbit

from game.session import telegraph
from game.session.setup import GameSetup, fresh_seed
from game.sim.api import CloseHatch, Escort, Leave, Move, OpenHatch, Restrain, station
from game.view.app import STEP_S, App
from game.view.screens.end_screen import READY_S, EndScreen
from game.view.screens.game_screen import GameScreen, HandOverScreen


@pytest.fixture(scope="module")
def orbit():
    return pinned_orbit()


def _start(orbit, **kw):
    base = dict(orbit=orbit, orbit_label="t", seed=8, us="human", ru="ai")
    base.update(kw)
    app = App(headless=True)
    screen = GameScreen(GameSetup(**base), record=False)
    app.push(screen)
    screen.draw(app.surface, 0.0)
    return app, screen


def _key(app, key, unicode="", mod=0):
    app.top.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=mod))


def _place(game, **where):
    """Test set-up only: put crew where a scene needs them (the view never does this)."""
    snap = game.snapshot()
    for row in snap["crew"]:
        if row[0] in where:
            row[2] = where[row[0]]
    game.restore(snap)


def _ordered(screen):
    """Seed 8: Houston's order reaches the US crew at 963 s."""
    screen.sim.advance(1000.0)
    assert screen.sim.state.may_act["us"]


# ---- the telegraph ------------------------------------------------------------------

def test_a_restraint_is_telegraphed_with_its_odds_and_price_before_it_is_given(orbit):
    app, screen = _start(orbit)
    _ordered(screen)
    g = screen.sim.game
    _place(g, kira="zarya", christian="zarya", nicholai="zarya", alexey="zvezda")
    screen.panel.selected = "christian"
    screen.draw(app.surface, 0.0)
    lines = [t for k, t, ok in screen.panel.telegraph_lines if k == "X"]
    assert lines, screen.panel.telegraph_lines
    # 2 v 1 while Russia's order is a secret to us: both ways, no leak of the truth
    assert "Restrain Nicholai Pulov: 66% (2 v 1)" in lines[0]
    assert "50% (2 v 2) if Russia has its order already" in lines[0]
    assert "on failure Christian is pinned 1 min" in lines[0] and "trust -15" in lines[0]
    assert not app.commands  # nothing was given
    drawn = [r for what, r in screen.panel.text_rects if what == "telegraph"]
    assert drawn and all(screen.panel._rect.contains(r) for r in drawn)


def test_the_odds_shown_are_what_the_side_knows(orbit):
    """Two games that differ only in whether Russia secretly has its order show the US
    player the same telegraph (hovering must not tell a secret)."""
    texts = []
    for ru_ordered in (False, True):
        app, screen = _start(orbit)
        _ordered(screen)
        g = screen.sim.game
        _place(g, kira="zarya", christian="zarya")
        if ru_ordered:
            snap = g.snapshot()
            snap["order_tick"]["ru"] = g.tick
            g.restore(snap)
        view = screen.sim.state
        assert view.orders["ru"] == -1  # still a secret to the US side
        c, t = view.crew_by_id("christian"), view.crew_by_id("nicholai")
        texts.append(telegraph.restrain_text(view, c, t))
        real = g.preview(Restrain("us", "christian", "nicholai"))
        assert real.ok
    assert texts[0] == texts[1]


def test_moves_leaves_hatches_and_escorts_say_what_they_will_do(orbit):
    app, screen = _start(orbit)
    w = screen.sim
    mv = telegraph.explain(w, Move("us", "kira", "destiny"))
    assert mv.ok and "Kira to Destiny:" in mv.text and "about" in mv.text
    secs = station.route_seconds("cupola", station.path("cupola", "destiny", lambda h: True))
    assert f"{secs} s" in mv.text or f"{secs // 60} min" in mv.text
    # leaving before the war: refused, and why
    lv = telegraph.explain(w, Leave("us", "kira"))
    assert not lv.ok and "refused" in lv.text
    board = [o for o in telegraph.options(w, "kira") if o.action == "leave"]
    assert board and "Board" in board[0].text and "every free crew member" in board[0].text
    # a guest before the orders: escort telegraphed
    _place(w.game, alexey="unity", weronika="nauka", gordon="unity")
    es = telegraph.explain(w, Escort("us", "gordon", "alexey"))
    assert es.ok and "Show Alexey Pulov back to Zarya" in es.text and "15 min" in es.text
    # sealing before the order: refused with the rule's reason
    sh = telegraph.explain(w, CloseHatch("us", "gordon", "unity-destiny"))
    assert not sh.ok and "no order yet" in sh.text
    # a hatch sealed from the other side: forcing it, and what it takes
    snap = w.game.snapshot()
    i = station.HATCH_IDS.index("destiny-harmony")
    snap["hatch_open"][i], snap["sealed_from"][i] = 0, "harmony"
    w.game.restore(snap)
    _place(w.game, gordon="destiny")
    fo = telegraph.explain(w, OpenHatch("us", "gordon", "destiny-harmony"))
    assert fo.ok and "Force hatch" in fo.text and "120 s" in fo.text


def test_hovering_a_module_shows_the_eta_before_the_click(orbit):
    app, screen = _start(orbit)
    p = screen.panel
    p.selected = "kira"
    box = p.boxes["destiny"]
    p.hover_pos = (box.right - 4, box.top + 6)
    screen.draw(app.surface, 0.0)
    first = p.telegraph_lines[0]
    assert first[0] == "click" and "Kira to Destiny" in first[1]
    assert not app.commands


# ---- the rules HUD ----------------------------------------------------------------

def test_the_hud_shows_fights_the_ledger_the_secret_and_real_time(orbit):
    app, screen = _start(orbit)
    _ordered(screen)
    w = screen.sim
    rows = " | ".join(t for t, _c, _f in screen.game_hud.lines(w))
    assert "Russia: no word of an order - your next pass over Houston in" in rows
    assert "(at least " in rows  # the pass is hours off: the quiet pace is assumed
    _place(w.game, kira="zarya", christian="zarya")
    assert w.submit(Restrain("us", "christian", "nicholai")).ok
    w.advance(2.0, brake=True)
    rows = " | ".join(t for t, _c, _f in screen.game_hud.lines(w))
    assert "RESTRAINT in Zarya: Christian Campbell grabs Nicholai Pulov - 66% (2 v 1)" in rows
    assert "s left (about" in rows
    assert "-15 trust: Christian Campbell tried to restrain Nicholai Pulov" in rows
    screen.draw(app.surface, 0.0)
    assert any("RESTRAINT" in d for d in screen.game_hud.drawn)
    area, _ = screen.layout(app.surface)
    assert area.contains(screen.game_hud.box)


def test_the_other_sides_stress_is_a_question_mark(orbit):
    app, screen = _start(orbit)
    screen.draw(app.surface, 0.0)
    status = {r.top: None for _w, r in screen.panel.text_rects}
    texts = [w for w, _r in screen.panel.text_rects if w == "roster status"]
    assert len(texts) == 6 and status
    v = screen.sim.state
    assert all(c.stress == -1 for c in v.crew if c.side == "ru")
    assert all(c.stress >= 0 for c in v.crew if c.side == "us")


def test_partner_lean_is_drawn(orbit):
    app, screen = _start(orbit, scenario="international")
    screen.draw(app.surface, 0.0)
    v = screen.sim.state
    partners = [c for c in v.crew if c.side == "neutral"]
    assert len(partners) == 3
    legend = [r for w, r in screen.panel.text_rects if w == "legend"]
    assert legend  # the legend has the partner entry (drawn text measured)


# ---- crowded modules ----------------------------------------------------------------

def test_nine_crew_in_one_module_cover_no_one_and_no_badge(orbit):
    app, screen = _start(orbit, scenario="international")
    g = screen.sim.game
    _place(g, **{c.id: "zvezda" for c in g.state.crew})
    p = screen.panel
    screen.draw(app.surface, 0.0)
    toks = [(cid, c, r) for cid, (c, r) in p.tokens.items()]
    assert len(toks) == 9
    for i, (_a, ca, ra) in enumerate(toks):
        for _b, cb, rb in toks[i + 1:]:
            assert (ca[0] - cb[0]) ** 2 + (ca[1] - cb[1]) ** 2 >= (ra + rb) ** 2
    region = p.token_region("zvezda")
    badges = [r for r, _s in p.badge_rects if p.boxes["zvezda"].contains(r)]
    assert len(badges) == 3
    for _cid, (x, y), r in toks:
        disc = pygame.Rect(x - r, y - r, 2 * r, 2 * r)
        assert region.contains(disc)
        assert not any(disc.colliderect(b) for b in badges)
    # a click picks your own crew first
    mine = [cid for cid, _c, _r in toks if g.state.crew_by_id(cid).side == "us"]
    for cid in mine:
        assert p.token_at(p.tokens[cid][0]) == cid


def test_badge_clicks_act_only_with_crew_in_the_module(orbit):
    app, screen = _start(orbit)
    p = screen.panel
    p.selected = "kira"  # in the Cupola
    r, sys_id = next((r, s) for r, s in p.badge_rects if s == "attitude")
    pygame_ev = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=r.center, button=1)
    p.handle_event(pygame_ev, p._rect)
    assert [type(c).__name__ for c in app.commands] == ["Move"]
    assert app.commands[0].to == "zvezda"
    app.commands.clear()
    # an enemy token clicked with Kira elsewhere: Kira goes to that module
    p.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN,
                                      pos=p.tokens["alexey"][0], button=1), p._rect)
    assert app.commands and app.commands[0].to == "zvezda" and app.commands[0].crew == "kira"


# ---- toasts, log privacy ------------------------------------------------------------

def test_the_same_refusal_counts_instead_of_stacking(orbit):
    app, screen = _start(orbit)
    for _ in range(4):
        screen.sim.submit(CloseHatch("us", "gordon", "unity-destiny"))
    assert len(screen.sim.refusals) == 1
    reason = screen.sim.refusals[0][0]
    assert screen.sim.refusal_repeats[reason] == 4
    screen.draw(app.surface, 0.0)
    assert len(screen.game_hud.toast_rects) == 1


def test_the_other_sides_order_is_not_in_your_log(orbit):
    app, screen = _start(orbit, seed=10)  # Korolyov's order arrives at 1314 s
    w = screen.sim
    w.advance(1400.0)
    assert w.game.state.orders["ru"] >= 0
    everyone = [ln.text for ln in w.log.lines]
    mine = [ln.text for ln in w.log.visible("us")]
    assert any("Korolyov to the Russian crew" in t for t in everyone)
    assert not any("Korolyov to the Russian crew" in t for t in mine)
    assert "you command USA, the AI (hard) commands Russia" in mine[0]


# ---- hot-seat -----------------------------------------------------------------------

def test_the_hand_over_hides_the_board_and_stops_the_clock(orbit):
    app, screen = _start(orbit, us="human", ru="human")
    assert "hot-seat" in screen.sim.log.lines[0].text and "AI" not in screen.sim.log.lines[0].text
    screen.sim.advance(30.0)
    _key(app, pygame.K_TAB)
    hand = app.top
    assert isinstance(hand, HandOverScreen)
    tick = screen.sim.game.tick
    app.run(frames=30)
    assert screen.sim.game.tick == tick
    app._draw(0.0)
    a = pygame.surfarray.array3d(app.surface)
    # nothing of the board shows: the panel (right) and the HUD (top left) are blank
    assert (a[720:, :220] == a[-1, -1]).all() and (a[:400, :220] == a[-1, -1]).all()
    assert "Hand over to RUSSIA" in hand.lines()[0][0]
    _key(app, pygame.K_RETURN)
    assert app.top is screen and screen.sim.commanding == "ru"
    assert screen.panel.selected in ("alexey", "nicholai", "weronika")


# ---- the ending ---------------------------------------------------------------------

def test_the_end_screen_waits_a_moment_and_space_never_starts_a_game(orbit):
    app, screen = _start(orbit, us="ai", ru="ai", seed=1)
    screen.sim.advance(200_000)
    app.run(frames=int(1.6 / STEP_S))
    end = app.top
    assert isinstance(end, EndScreen)
    t_end = screen.t
    app.run(frames=10)
    assert screen.t == t_end  # the clocks stand after the ending
    _key(app, pygame.K_n)  # too soon: swallowed
    assert app.top is end
    app.run(frames=int(READY_S / STEP_S) + 2)
    _key(app, pygame.K_SPACE)
    assert app.top is end  # Space is not Enter here
    text = " ".join(t for t, _c in end.lines())
    assert "Winner: USA" in text or "Winner: RUSSIA" in text or "No winner" in text
    assert "Orders:" in text
    assert end.moments()


# ---- the first game -----------------------------------------------------------------

def test_a_first_game_guides_with_a_few_hints_and_they_can_be_skipped(orbit):
    app, screen = _start(orbit, hints=True)
    g = screen.guide
    assert g.current is not None and g.current.id == "welcome"
    screen.draw(app.surface, 0.0)
    assert screen.game_hud.hint_rect is not None
    area, _ = screen.layout(app.surface)
    assert area.contains(screen.game_hud.hint_rect)
    inset = screen.inset_rect(area)
    assert inset is None or not screen.game_hud.hint_rect.colliderect(inset)
    _key(app, pygame.K_SPACE)  # paused while the hint is up: the banner covers neither
    screen.draw(app.surface, 0.0)
    hud = screen.game_hud
    assert hud.paused_rect is not None and area.contains(hud.paused_rect)
    for other in (hud.hint_rect, hud.box, inset):
        assert other is None or not hud.paused_rect.colliderect(other), other
    _key(app, pygame.K_SPACE)
    for _ in range(5):
        screen.update(STEP_S)
    assert screen.warp <= 20.0  # held down while the fresh hint is read
    while g.current is not None:  # Enter: read; the next queued hint follows
        before = g.current
        _key(app, pygame.K_RETURN)
        assert g.current is not before
    seen = set(g.shown)
    for _ in range(3000):  # play on: the war, a pass, the order come with their hints
        screen.update(STEP_S)
        if g.current is not None:
            seen.add(g.current.id)
            g.dismiss()
        if screen.sim.game.tick > 1100:
            break
    assert {"war", "order"} <= seen, seen
    assert "pass" in g.shown
    _key(app, pygame.K_h)
    assert not g.on and g.current is None


def test_each_launch_has_a_fresh_seed():
    seeds = {fresh_seed() for _ in range(20)}
    assert len(seeds) > 15 and all(1 <= s <= 999_999 for s in seeds)


def test_f1_on_the_title_shows_the_help(orbit):
    from game.view.screens.help import HelpScreen
    from game.view.screens.title import TitleScreen

    app = App(headless=True)
    t = TitleScreen(GameSetup(orbit=orbit, orbit_label="bundled ISS", seed=fresh_seed(),
                              hints=True))
    app.push(t)
    app.run(frames=2)
    assert any(item == "hints" for item, _l, _v in t.items())
    _key(app, pygame.K_F1)
    assert isinstance(app.top, HelpScreen) and "rules" in app.top.pages
