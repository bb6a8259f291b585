"""The orbit panel in a real (dummy-driver) pygame window, driven by posted events.

Drag a slider, type into fields, click buttons as a player would; check the GameSetup the
panel edits, the files it writes and what it draws. Real SGP4 throughout.
"""

import hashlib

import numpy as np
import pygame
import pytest
from pinned import pinned_orbit

from game.orbit.api import read_orbit_file
from game.paths import orbits_dir, user_orbits_dir
from game.session.setup import GameSetup
from game.view.app import App, Screen
from game.view.screens.orbit_panel import OrbitPanelScreen


class _Below(Screen):
    """Stands in for the title menu under the panel, so popping never ends the app."""


@pytest.fixture(scope="module")
def app():
    a = App(headless=True)
    yield a
    pygame.display.quit()


@pytest.fixture()
def panel(app):
    app.screens.clear()
    app.running = True
    app.push(_Below())
    setup = GameSetup(pinned_orbit(), "iss-2026-10-08.tle")
    screen = OrbitPanelScreen(app, setup)
    app.push(screen)
    app.run(frames=1)
    return screen


def _post(app, *events, frames=1):
    for ev in events:
        pygame.event.post(ev)
    app.run(frames=frames)


def _click(app, pos):
    _post(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
          pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))


def _type(app, field, text, enter=True):
    _click(app, field.rect.center)
    assert field.focused
    events = [pygame.event.Event(pygame.TEXTINPUT, text=text)]
    if enter:
        events.append(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                         unicode="\r", scancode=0))
    _post(app, *events)


def _drag_slider(app, slider, value):
    y = slider.track.centery
    x0 = slider.x_of(slider.value)
    _post(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x0, y), button=1))
    steps = np.linspace(x0, slider.x_of(value), 6)[1:]
    for x in steps:  # one motion a frame, as a mouse would
        _post(app, pygame.event.Event(pygame.MOUSEMOTION, pos=(int(x), y), rel=(5, 0),
                                      buttons=(1, 0, 0)))
    _post(app, pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(slider.x_of(value), y), button=1))


def _map_pixels(app, panel):
    rect = panel.layout(app.surface.get_size())["map"]
    return pygame.surfarray.array3d(app.surface.subsurface(rect)).copy()


def test_dragging_inclination_changes_setup_and_track(app, panel):
    setup = panel.setup
    before_map = _map_pixels(app, panel)
    assert panel.preview.max_abs_lat_deg < 52.5
    s = panel.sliders["inclination_deg"]
    y = s.track.centery
    _post(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(s.x_of(s.value), y), button=1))
    _post(app, pygame.event.Event(pygame.MOUSEMOTION, pos=(s.x_of(80.0), y), rel=(40, 0),
                                  buttons=(1, 0, 0)))
    # While the mouse is still down the edit is already live (estimated passes).
    assert 79.0 < setup.orbit.inclination_deg < 81.0
    assert not panel.preview.exact
    _post(app, pygame.event.Event(pygame.MOUSEMOTION, pos=(s.x_of(97.0), y), rel=(30, 0),
                                  buttons=(1, 0, 0)))
    _post(app, pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(s.x_of(97.0), y), button=1))
    assert 96.0 < setup.orbit.inclination_deg < 98.0
    assert setup.orbit.mean_altitude_km == pytest.approx(420.79, abs=0.05)  # height kept
    assert setup.orbit_label.endswith("(edited)")
    assert panel.preview.exact  # released: passes from find_events
    assert panel.preview.max_abs_lat_deg > 80.0  # the drawn track now reaches the poles
    after_map = _map_pixels(app, panel)
    assert np.abs(after_map.astype(int) - before_map).sum(axis=2).astype(bool).mean() > 0.01
    # The polar strip of the map (top tenth) now holds the track's yellow.
    top = after_map[:, 25: after_map.shape[1] // 10]
    yellow = (top[..., 0] > 200) & (top[..., 1] > 120) & (top[..., 2] < 120)
    assert yellow.any()


def test_altitude_slider_changes_the_period(app, panel):
    p0 = panel.setup.orbit.period_min
    _drag_slider(app, panel.sliders["altitude_km"], 800.0)
    o = panel.setup.orbit
    assert 780.0 < o.mean_altitude_km < 820.0
    a0, a1 = 6378.137 + 420.79, 6378.137 + o.mean_altitude_km
    assert o.period_min / p0 == pytest.approx((a1 / a0) ** 1.5, rel=1e-4)


def test_impossible_edit_keeps_last_good_orbit(app, panel):
    _drag_slider(app, panel.sliders["altitude_km"], 200.0)
    # Drag eccentricity up to 0.06: at 200 km the perigee goes underground on the way.
    _drag_slider(app, panel.sliders["eccentricity"], 0.06)
    good = panel.setup.orbit  # the last eccentricity SGP4 could still fly
    assert 0.0 < good.eccentricity < 0.06 and good.perigee_km > 0.0
    text, _colour = panel.message
    assert "perigee" in text
    assert panel.sliders["eccentricity"].value == pytest.approx(good.eccentricity)
    app.run(frames=2)
    assert panel.setup.orbit is good


def test_save_as_round_trips_into_user_folder(app, panel):
    bundled = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
               for p in orbits_dir().iterdir() if p.is_file()}
    _drag_slider(app, panel.sliders["inclination_deg"], 70.0)
    edited = panel.setup.orbit
    _type(app, panel.save_field, "My Orbit 70")
    path = user_orbits_dir() / "my-orbit-70.tle"
    assert path.is_file()
    (back,) = read_orbit_file(path)
    assert (back.line1, back.line2) == (edited.line1, edited.line2)
    assert back.name == "My Orbit 70"
    assert back.inclination_deg == pytest.approx(edited.inclination_deg)
    assert back.mean_altitude_km == pytest.approx(edited.mean_altitude_km, abs=1e-6)
    assert panel.setup.orbit_label == "my-orbit-70.tle"
    assert (str(path), 0) in [it.key for it in panel.list.items]  # listed, selected
    assert panel.list.selected == (str(path), 0)
    # Overwriting a user file needs a second Save.
    _drag_slider(app, panel.sliders["inclination_deg"], 30.0)
    _type(app, panel.save_field, "my orbit 70")
    assert "exists" in panel.message[0]
    assert read_orbit_file(path)[0].line2 == edited.line2  # untouched so far
    _click(app, panel.save_button.rect.center)
    assert read_orbit_file(path)[0].inclination_deg == pytest.approx(
        panel.setup.orbit.inclination_deg)
    # Bundled files are never touched, whatever the name.
    _type(app, panel.save_field, "../../orbits/iss-2026-10-08")
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in orbits_dir().iterdir() if p.is_file()} == bundled
    assert all(p.parent == user_orbits_dir() for p in user_orbits_dir().glob("*.tle"))


def test_saved_orbit_can_start_a_game(app):
    app.screens.clear()
    app.running = True
    app.push(_Below())
    started = []
    setup = GameSetup(pinned_orbit(), "iss-2026-10-08.tle")
    panel = OrbitPanelScreen(app, setup, on_start=started.append)
    app.push(panel)
    app.run(frames=1)
    _drag_slider(app, panel.sliders["inclination_deg"], 40.0)
    _type(app, panel.save_field, "forty")
    # A fresh panel (say, next session) lists it; picking it and starting uses it.
    setup2 = GameSetup(pinned_orbit(), "iss-2026-10-08.tle")
    panel2 = OrbitPanelScreen(app, setup2, on_start=started.append)
    app.push(panel2)
    app.run(frames=1)
    key = (str(user_orbits_dir() / "forty.tle"), 0)
    i = panel2.list.index_of(key)
    assert i >= 0
    _click(app, panel2.list.row_rect(i).center)
    assert setup2.orbit.inclination_deg == pytest.approx(40.0, abs=0.5)
    _click(app, panel2.start_button.rect.center)
    assert started == [setup2]


def test_bad_file_shows_error_and_keeps_last_good_orbit(app, panel, tmp_path):
    good = panel.setup.orbit
    lines = good.as_3le().splitlines()
    broken = lines[1][:-1] + str((int(lines[1][-1]) + 3) % 10)  # wrong checksum
    bad = tmp_path / "broken.tle"
    bad.write_text("\n".join([lines[0], broken, lines[2]]) + "\n", encoding="ascii")
    _type(app, panel.path_field, str(bad))
    text, _colour = panel.message
    assert "broken.tle" in text and "checksum" in text and "\n" not in text
    assert panel.setup.orbit is good
    # The same in the player's folder: listed as a bad file; picking it keeps the orbit.
    (user_orbits_dir() / "zz-bad.tle").write_text("not an orbit\n", encoding="ascii")
    panel.rescan()
    app.run(frames=1)
    key = (str(user_orbits_dir() / "zz-bad.tle"), -1)
    i = panel.list.index_of(key)
    assert i >= 0 and panel.list.items[i].detail == "bad file"
    panel.list.scroll_to(key)
    _click(app, panel.list.row_rect(i).center)
    assert panel.setup.orbit is good
    assert "zz-bad.tle" in panel.message[0]
    panel.path_field.text = ""  # the failed path stays in the field to be fixed; clear it
    _type(app, panel.path_field, str(tmp_path / "missing.tle"))
    assert "no such file" in panel.message[0] and panel.setup.orbit is good
    app.run(frames=2)  # still drawing


def test_multi_satellite_file_offers_each(app, panel):
    from pathlib import Path

    multi = Path(__file__).parent / "data" / "orbit" / "multi-3le.txt"
    _type(app, panel.path_field, str(multi))
    assert panel.setup.orbit.norad_id == 25544  # the ISS by default
    sats = [it for it in panel.list.items if it.key and it.key[0] == str(multi)]
    assert len(sats) == len(read_orbit_file(multi)) > 1
    hst = next(i for i, it in enumerate(panel.list.items) if it.label.startswith("HST"))
    panel.list.scroll_to(panel.list.items[hst].key)
    _click(app, panel.list.row_rect(hst).center)
    assert panel.setup.orbit.name.startswith("HST")
    assert "HST" in panel.setup.orbit_label


def test_presets_listed_with_labels_and_selectable(app, panel):
    labels = [it.label for it in panel.list.items]
    for want in ("ISS today (real)", "Polar: sees the whole war", "Equatorial: no Moscow",
                 "High 63.4°: over Moscow", "Film release, 2024-01-19"):
        assert want in labels
    i = labels.index("Equatorial: no Moscow")
    _click(app, panel.list.row_rect(i).center)
    assert panel.setup.orbit.inclination_deg == pytest.approx(8.0)
    assert panel.setup.orbit_label == "Equatorial: no Moscow"
    assert panel.preview.passes["korolyov"] == []


def test_mission_start_buttons_and_warning(app, panel):
    from game.orbit.api import epoch_warning

    start = panel.setup.start_unix_s  # the game's own start: the epoch + the seed's offset
    assert panel.preview.start_unix_s == start
    _click(app, panel.epoch_buttons[3].rect.center)  # +1 d
    assert panel.setup.epoch_unix_s == pytest.approx(start + 86400.0)
    assert panel.preview.start_unix_s == pytest.approx(start + 86400.0)
    _type(app, panel.epoch_field, "2024-01-19T00:00:00Z")
    assert panel.setup.epoch_unix_s == 1705622400.0
    assert epoch_warning(panel.setup.orbit, panel.setup.start_unix_s) is not None
    _click(app, panel.reepoch_button.rect.center)  # move the TLE there: no more warning
    assert panel.setup.orbit.epoch_unix_s == pytest.approx(1705622400.0, abs=1e-3)
    assert panel.setup.start_unix_s == 1705622400.0  # the start stays, at the new epoch
    assert epoch_warning(panel.setup.orbit, panel.setup.start_unix_s) is None
    _click(app, panel.epoch_buttons[3].rect.center)  # +1 d
    _click(app, panel.epoch_buttons[4].rect.center)  # back to the TLE epoch exactly
    assert panel.setup.start_unix_s == panel.setup.orbit.epoch_unix_s


def test_escape_goes_back_keeping_the_choice(app, panel):
    _drag_slider(app, panel.sliders["raan_deg"], 200.0)
    chosen = panel.setup.orbit
    _post(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="\x1b",
                                  scancode=0))
    assert app.top is not panel
    assert panel.setup.orbit is chosen
    assert chosen.raan_deg == pytest.approx(200.0, abs=1.0)


def _keystrokes(text):
    """What SDL sends for typing ``text``, in its order: per key a KEYDOWN carrying
    ``.unicode`` and then the TEXTINPUT of the same character (the dummy driver does not
    make the TEXTINPUT itself, so both are posted)."""
    out = []
    for ch in text:
        key = ord(ch.lower()) if ch.isascii() else 0
        out.append(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=ch, scancode=0))
        out.append(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        out.append(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=ch, scancode=0))
    return out


def _keydown(key):
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)


def test_typed_characters_appear_once(app, panel):
    """QA: typing 'my polar' saved 'mmy-polar.tle' (KEYDOWN's unicode and TEXTINPUT both
    added the first character)."""
    _click(app, panel.save_field.rect.center)
    assert panel.save_field.focused
    _post(app, *_keystrokes("my polar"))
    assert panel.save_field.text == "my polar"
    # one key a frame, as a player types, gives the same
    panel.save_field.text = ""
    for ev in _keystrokes("Ab 1"):
        _post(app, ev)
    assert panel.save_field.text == "Ab 1"
    panel.save_field.text = ""
    _post(app, *_keystrokes("my polar"), pygame.event.Event(
        pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
    assert (user_orbits_dir() / "my-polar.tle").exists()
    assert not (user_orbits_dir() / "mmy-polar.tle").exists()


def test_start_field_takes_text_once_and_edits(app, panel):
    field = panel.epoch_field
    _click(app, field.rect.center)
    _post(app, *_keystrokes("1800-01-01"))
    assert field.text == "1800-01-01"
    # editing keys: Home, Delete, End, Backspace, Left, then text at the cursor
    _post(app, _keydown(pygame.K_HOME), _keydown(pygame.K_DELETE))
    assert field.text == "800-01-01" and field.cursor == 0
    _post(app, *_keystrokes("2"), _keydown(pygame.K_END), _keydown(pygame.K_BACKSPACE))
    assert field.text == "2800-01-0"
    _post(app, _keydown(pygame.K_LEFT), _keydown(pygame.K_LEFT), *_keystrokes("x"))
    assert field.text == "2800-01x-0"
    # a letter's KEYDOWN alone (no TEXTINPUT) adds nothing, and screen keys don't fire
    _post(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0, unicode="r",
                                  scancode=0))
    assert field.text == "2800-01x-0"
    assert app.top is panel


def test_start_error_shows_next_to_the_start_field_wrapped(app, panel):
    """QA: a bad mission start showed its error under "Load a file by path", cut off at
    the window bottom."""
    _type(app, panel.epoch_field, "next tuesday")
    text, _colour = panel.message
    assert "write it like" in text and panel.message_at == "start"
    app.run(frames=1)
    r = panel.message_rects["start"]
    field = panel.epoch_field.rect
    assert "path" not in panel.message_rects
    assert 0 <= r.top - field.bottom <= 12  # right under the start field
    assert r.height >= 32  # wrapped over more than one line, not cut
    W, H = app.surface.get_size()
    assert r.bottom <= panel.layout((W, H))["outcome"].top and r.right <= W
    # a good start clears it
    panel.epoch_field.text = ""
    _type(app, panel.epoch_field, "2026-10-09T06:00:00Z")
    app.run(frames=1)
    assert panel.message is None and "start" not in panel.message_rects


def test_save_error_shows_at_the_save_field(app, panel):
    _type(app, panel.save_field, "!!!")
    assert panel.message_at == "save" and "save as" in panel.message[0]
    app.run(frames=1)
    r = panel.message_rects["save"]
    assert 0 <= panel.save_field.rect.top - r.bottom <= 6
    assert r.top >= panel.layout(app.surface.get_size())["outcome"].bottom


def test_in_game_panel_shows_the_game_start_and_says_next_game(app):
    """Opened over a running game (key O): its mission start, not the TLE epoch."""
    from game.newgame import default_start

    app.screens.clear()
    app.running = True
    setup = GameSetup(pinned_orbit(), "iss-2026-10-08.tle", seed=4)
    game_start = default_start(setup.orbit, setup.seed)
    assert game_start != setup.orbit.epoch_unix_s

    class _Game(Screen):
        def __init__(self):
            super().__init__()
            self.setup = setup
            self.sim = type("Sim", (), {"start_unix_s": game_start})()

    app.push(_Game())
    panel = OrbitPanelScreen(app, setup)
    app.push(panel)
    app.run(frames=1)
    assert panel.game_start_unix_s == game_start
    assert panel.preview.start_unix_s == game_start
    assert setup.start_unix_s == game_start
    assert "next game" in panel.start_button.label
    # from the title menu nothing changes
    setup2 = GameSetup(pinned_orbit(), "iss-2026-10-08.tle", seed=4)
    app.screens.clear()
    app.push(_Below())
    p2 = OrbitPanelScreen(app, setup2)
    assert p2.game_start_unix_s is None and setup2.epoch_unix_s is None


def _y2055(tmp_path, orbit):
    """QA's y2055.tle: the ISS element set with epoch year 55 (2055), valid checksum."""
    from game.orbit.api import tle_checksum

    l1 = orbit.line1[:18] + "55" + orbit.line1[20:68]
    l1 += str(tle_checksum(l1))
    p = tmp_path / "y2055.tle"
    p.write_text(f"ISS (ZARYA)\n{l1}\n{orbit.line2}\n", encoding="ascii")
    return p


def test_start_outside_the_ephemeris_shows_error_keeps_last_good(app, panel):
    """QA: a mission start of 1800 crashed the whole game (EphemerisRangeError)."""
    good_orbit, good_start = panel.setup.orbit, panel.setup.epoch_unix_s
    good_preview = panel.preview
    for text in ("1800-01-01T00:00:00Z", "2055-10-09T00:00:00Z"):
        panel.epoch_field.text = ""
        _type(app, panel.epoch_field, text)
        msg, _colour = panel.message
        assert "is outside" in msg and "DE421" in msg and "\n" not in msg
        assert panel.message_at == "start"
        assert panel.setup.epoch_unix_s == good_start and panel.setup.orbit is good_orbit
        assert panel.preview is good_preview
        app.run(frames=2)  # still drawing


def test_tle_epoch_2055_by_path_or_list_shows_error_keeps_last_good(app, panel, tmp_path):
    """QA: loading y2055.tle by path crashed the whole game (EphemerisRangeError)."""
    good = panel.setup.orbit
    bad = _y2055(tmp_path, good)
    _type(app, panel.path_field, str(bad))
    msg, _colour = panel.message
    assert "y2055.tle" in msg and "epoch 2055-" in msg and "is outside" in msg
    assert panel.setup.orbit is good and panel.orbit is good
    app.run(frames=2)
    # in the player's folder: listed as a bad file; picking it keeps the orbit
    mine = user_orbits_dir() / "zz-2055.tle"
    mine.write_text(bad.read_text(), encoding="ascii")
    try:
        panel.rescan()
        app.run(frames=1)
        key = (str(mine), -1)
        i = panel.list.index_of(key)
        assert i >= 0 and panel.list.items[i].detail == "bad file"
        panel.list.scroll_to(key)
        app.run(frames=1)
        _click(app, panel.list.row_rect(i).center)
        assert panel.setup.orbit is good and "is outside" in panel.message[0]
    finally:
        mine.unlink()


def test_start_near_the_end_and_picks_that_cannot_fly_then_keep_last_good(app, panel,
                                                                          tmp_path):
    """+1 d past DE421's end, and picking an orbit that has decayed by the pinned start:
    each shows its error; the orbit, the start and the preview stay."""
    from game.orbit.api import supported_span, tle_checksum

    iss = panel.setup.orbit
    l1 = iss.line1[:33] + " .00000000 +00000-0 +00000-0 0  999"  # no drag: flies in 2053
    l1 = l1[:68] + str(tle_checksum(l1))
    nodrag = tmp_path / "nodrag.tle"
    nodrag.write_text(f"NO DRAG\n{l1}\n{iss.line2}\n", encoding="ascii")
    _type(app, panel.path_field, str(nodrag))
    assert panel.setup.orbit.name == "NO DRAG", panel.message
    _type(app, panel.epoch_field, "2053-10-05T00:00:00Z")
    assert panel.setup.epoch_unix_s == 2643235200.0  # accepted: the orbit flies then
    for _ in range(4):
        _click(app, panel.epoch_buttons[3].rect.center)  # +1 d, past the end
    assert "is outside" in panel.message[0] and panel.message_at == "start"
    assert panel.setup.epoch_unix_s <= supported_span()[1]
    assert panel.preview.start_unix_s == panel.setup.epoch_unix_s
    good, good_preview = panel.setup.orbit, panel.preview
    i = [it.label for it in panel.list.items].index("ISS today (real)")  # decayed by 2053
    panel.list.scroll_to(panel.list.items[i].key)
    app.run(frames=1)
    _click(app, panel.list.row_rect(i).center)
    assert "SGP4 cannot propagate" in panel.message[0]
    assert panel.setup.orbit is good and panel.preview is good_preview
    assert panel.list.selected == (str(nodrag), 0)  # the highlight stays on the orbit used
    app.run(frames=2)
