"""The orbit panel: pick, load, edit and save the ISS's orbit, with a live ground track.

Opened from the title menu (``OrbitPanelScreen(app, setup)``, optionally with
``on_start=callback``) and in game with the key O. Opened over a running game (found as
the screen below with ``sim.start_unix_s`` for this setup, or given as
``game_start_unix_s``) it shows that game's mission start, pins it as the start of the
next game if none was chosen, and says that changes apply to the next game: the running
game keeps its orbit. It edits a :class:`~game.session.setup.GameSetup`: whenever the
player picks a file, moves a slider or shifts the mission start, ``setup.orbit``,
``setup.orbit_label`` and ``setup.epoch_unix_s`` are replaced at once, so leaving the
panel (Esc, Back) keeps the choice and "Start game with this orbit" starts with it.

Layout (1280x720, scales with the window): files on the left (presets with friendly
labels, the real ISS sets, the player's own orbits, files loaded by path), the globe and a
flat map in the middle (three orbits ahead from the mission start, the ISS, Houston and
Korolyov with the ground they can see), elements and outcomes on the right.

The files come from :class:`game.session.orbit_files.OrbitCatalogue`, the numbers from
:func:`game.session.orbit_preview.compute_preview`, the flat map's night side from
:func:`game.view.render.flat_map.night_map`; this file is the screen.

Live editing: every slider move runs ``compute_preview`` — ``edit_elements``
(~50 µs), then the one orbit sampler at 20 s over the next 24 h: the track three orbits
ahead, the sunlight share and passes over mission control from a vectorised elevation
check of the same positions (a few ms in all; ``iss-game bench``, section
``orbit_editor``). Slider moves within a frame coalesce into one recompute. When the mouse
is released the passes are recomputed exactly with Skyfield's ``find_events``.
Bad input never ends the panel: a broken file or an impossible edit shows its error,
wrapped, next to what caused it (the path field, the sliders, the mission start, the save
field) and the last good orbit stays.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame

from game.errors import UserError, UserFolderError
from game.facts.ground import GROUND_STATIONS
from game.session.orbit_files import OrbitCatalogue, OrbitFile, sanitise_name
from game.session.orbit_preview import (
    PASS_HOURS,
    PREVIEW_ORBITS,
    PREVIEW_STEP_S,
    STATIONS,
    Preview,
    circle_latlon,
    compute_preview,
    footprint_radius_deg,
)
from game.session.wording import fmt_duration, fmt_utc
from game.view import widgets as w
from game.view.app import Screen
from game.view.render.astro import EARTH_RADIUS_KM, unit_from_latlon
from game.view.render.flat_map import night_map

_SLIDERS = (  # (key, label, lo, hi, fmt, unit, wheel step = snap)
    ("inclination_deg", "Inclination", 0.0, 180.0, "{:.2f}", "°", 0.1),
    ("altitude_km", "Mean altitude", 160.0, 1500.0, "{:.1f}", " km", 1.0),
    ("raan_deg", "RAAN (ascending node)", 0.0, 360.0, "{:.2f}", "°", 0.5),
    ("eccentricity", "Eccentricity", 0.0, 0.06, "{:.5f}", "", 0.0002),
    ("arg_perigee_deg", "Argument of perigee", 0.0, 360.0, "{:.2f}", "°", 0.5),
    ("mean_anomaly_deg", "Mean anomaly", 0.0, 360.0, "{:.2f}", "°", 0.5),
)


def _orbit_value(orbit, key: str) -> float:
    return float(getattr(orbit, "mean_altitude_km" if key == "altitude_km" else key))


class OrbitPanelScreen(Screen):
    """The orbit editor. ``setup`` is the GameSetup it edits in place."""

    def __init__(self, app, setup, on_start: Callable[[object], None] | None = None, *,
                 game_start_unix_s: float | None = None):
        super().__init__()
        self.app = app
        self.setup = setup
        self.on_start = on_start
        if game_start_unix_s is None:
            game_start_unix_s = _running_game_start(app, setup)
        self.game_start_unix_s = game_start_unix_s  # set: opened over a running game
        if game_start_unix_s is not None and setup.epoch_unix_s is None:
            # The running game started at a seeded offset from the TLE epoch; the next
            # one starts there too (and stays there if the orbit changes), as shown.
            setup.epoch_unix_s = float(game_start_unix_s)
        self.orbit = setup.orbit  # the current (last good) orbit
        self.label = setup.orbit_label
        self.message: tuple[str, tuple] | None = None  # (text, colour): errors, notices
        #: where ``message`` belongs, so it is drawn next to it: "path" (files, the
        #: default), "elements" (sliders), "start" (mission start), "save"
        self.message_at = "path"
        self.message_rects: dict[str, pygame.Rect] = {}  # where it was last drawn
        self._confirm_path: Path | None = None
        self._pending: tuple[str, float] | None = None  # slider edit not yet applied
        self.files: list[OrbitFile] = []
        self.loaded: list[OrbitFile] = []
        self.catalogue = OrbitCatalogue()
        self.preview: Preview | None = None
        self._scene = None
        self._map_base: pygame.Surface | None = None
        self._map_key = None
        self._cam = None
        self._cam_auto = True
        self._drag_globe = False
        self.last_recompute_ms = 0.0

        self.list = w.ListView(self._on_select)
        self.path_field = w.TextField("type a file path, Enter", self._on_load_path)
        self.save_field = w.TextField("name, e.g. my polar orbit", self._on_save)
        self.epoch_field = w.TextField("start, e.g. 2024-01-19T12:00Z", self._on_epoch_text)
        self.sliders: dict[str, w.Slider] = {}
        for key, label, lo, hi, fmt, unit, step in _SLIDERS:
            self.sliders[key] = w.Slider(label, lo, hi, _orbit_value(self.orbit, key),
                                         self._slider_cb(key), fmt=fmt, unit=unit,
                                         wheel_step=step, snap=step / 10.0)
        self.epoch_buttons = [
            w.Button("-1 d", lambda: self._shift_start(-86400.0), size=18),
            w.Button("-1 h", lambda: self._shift_start(-3600.0), size=18),
            w.Button("+1 h", lambda: self._shift_start(3600.0), size=18),
            w.Button("+1 d", lambda: self._shift_start(86400.0), size=18),
            w.Button("Epoch", self._reset_start, size=18),
        ]
        self.reepoch_button = w.Button("Move TLE here", self._reepoch, size=18)
        self.save_button = w.Button("Save", lambda: self._on_save(self.save_field.text))
        self.revert_button = w.Button("Revert", self._revert)
        self.back_button = w.Button("Back (Esc)", self._back)
        self.start_button = w.Button("Start game with this orbit" if self.game_start_unix_s is None
                                     else "Back to the game (changes: next game)",
                                     self._start_game, accent=True)
        self.buttons = [*self.epoch_buttons, self.reepoch_button, self.save_button,
                        self.revert_button, self.back_button, self.start_button]
        self.fields = [self.path_field, self.save_field, self.epoch_field]
        self._base_orbit = self.orbit
        self._base_label = self.label
        self.rescan()
        self._select_matching()
        if self.list.selected is not None:  # a bundled or saved file: its friendly label
            f = self._file_of(self.list.selected[0])
            if f is not None and self.label == f.path.name:
                self.label = self._base_label = f.label
        self._recompute(exact=True)

    # -- files ----------------------------------------------------------------------------
    def rescan(self) -> None:
        """Read the bundled and the player's folders again and rebuild the list."""
        self.files, error = self.catalogue.scan()
        if error:
            self._error(error)
        self._rebuild_list()

    def _rebuild_list(self) -> None:
        items: list[w.ListItem] = []
        titles = {"presets": "Presets", "real": "Real ISS element sets",
                  "yours": "Your orbits", "loaded": "Loaded by path"}
        for group in ("presets", "real", "yours", "loaded"):
            members = [f for f in self.files + self.loaded if f.group == group]
            if not members and group != "yours":
                continue
            items.append(w.ListItem(titles[group]))
            if not members:
                items.append(w.ListItem("none yet: use Save as", None, indent=1,
                                        colour=w.DIM))
            for f in members:
                if f.orbits is None:
                    items.append(w.ListItem(f.label, (str(f.path), -1), "bad file", 1, w.BAD))
                elif len(f.orbits) == 1:
                    o = f.orbits[0]
                    items.append(w.ListItem(f.label, (str(f.path), 0),
                                            f"{o.inclination_deg:.1f}°", 1))
                else:
                    items.append(w.ListItem(f"{f.label} ({len(f.orbits)} satellites)", None,
                                            indent=1, colour=(170, 180, 205)))
                    for i, o in enumerate(f.orbits):
                        items.append(w.ListItem(o.name, (str(f.path), i),
                                                f"{o.inclination_deg:.1f}°", 2))
        self.list.set_items(items)

    def _file_of(self, path: str) -> OrbitFile | None:
        return next((f for f in self.files + self.loaded if str(f.path) == path), None)

    def _select_matching(self) -> None:
        for f in self.files + self.loaded:
            for i, o in enumerate(f.orbits or []):
                if o.line1 == self.orbit.line1 and o.line2 == self.orbit.line2:
                    self.list.selected = (str(f.path), i)
                    self.list.scroll_to(self.list.selected)
                    return
        self.list.selected = None

    def _on_select(self, key) -> None:
        path, i = key
        f = self._file_of(path)
        if f is None:
            return
        if f.orbits is None:
            self._error(f.error or "cannot read this file")
            self._select_matching()  # the highlight stays on the orbit still in use
            return
        o = f.orbits[i]
        label = f.label if len(f.orbits) == 1 else f"{o.name} ({f.path.name})"
        self._use(o, label)

    def _use(self, orbit, label: str, message: str | None = None) -> bool:
        """Make ``orbit`` the current one (a pick or load, not an edit); if it cannot be
        computed at the mission start, show why and keep the last good one (False)."""
        try:
            preview = compute_preview(orbit, self.setup.start_for(orbit), exact_passes=True)
        except UserError as exc:
            self._error(str(exc))
            self._select_matching()
            return False
        self.orbit, self.label = orbit, label
        self._base_orbit, self._base_label = orbit, label
        self.setup.orbit, self.setup.orbit_label = orbit, label
        self._confirm_path = None
        self.message = (message, w.GOOD) if message else None
        self.message_at = "path"
        self._sync_sliders()
        self._cam_auto = True
        self.preview = preview
        self._select_matching()
        return True

    def _on_load_path(self, text: str) -> None:
        from game.orbit.api import select_orbit

        raw = text.strip().strip('"').strip("'")
        if not raw:
            self._error("type the path of a TLE, 3LE or OMM file")
            return
        path = Path(raw).expanduser()
        of = self.catalogue.read(path, "loaded", path.name)
        if of.orbits is None:
            self._error(of.error or "cannot read this file")
            return
        self.loaded = [f for f in self.loaded if f.path != path] + [of]
        self._rebuild_list()
        try:
            o = select_orbit(of.orbits, None, str(path))
        except UserError:
            o = of.orbits[0]  # several satellites, no ISS: the first; the list offers all
        i = of.orbits.index(o)
        if not self._use(o, path.name if len(of.orbits) == 1 else f"{o.name} ({path.name})",
                         f"loaded {path.name}: {len(of.orbits)} satellite(s)"):
            return
        self.path_field.focus(False)
        self.list.selected = (str(path), i)
        self.list.scroll_to(self.list.selected)

    # -- editing --------------------------------------------------------------------------
    def _slider_cb(self, key: str):
        def cb(value: float, final: bool) -> None:
            self._pending = (key, value)
            if final:
                self._apply_pending(final=True)
        return cb

    def _sync_sliders(self) -> None:
        for key, s in self.sliders.items():
            if not s.dragging:
                s.set_value(_orbit_value(self.orbit, key))

    def _apply_pending(self, final: bool = False) -> None:
        from game.orbit.api import edit_elements

        if self._pending is None:
            if final:
                self._recompute(exact=True)
            return
        key, value = self._pending
        self._pending = None
        kwargs = {"altitude_km": self.orbit.mean_altitude_km, key: value}
        try:
            edited = edit_elements(self.orbit, name=self.orbit.name, source="orbit editor",
                                   **kwargs)
        except UserError as exc:
            self._error(str(exc), "elements")
            if final:
                self._sync_sliders()
            return
        try:
            preview = compute_preview(edited, self._start(), exact_passes=final)
        except UserError as exc:
            self._error(str(exc), "elements")
            return
        self.orbit, self.preview = edited, preview
        self.label = f"{self._base_label} (edited)"
        self.setup.orbit, self.setup.orbit_label = edited, self.label
        self.message = None
        self._confirm_path = None
        self._cam_auto = True
        if final:
            self._sync_sliders()
            self._select_matching()

    def _recompute(self, exact: bool, at: str = "path") -> bool:
        t0 = time.perf_counter()
        try:
            self.preview = compute_preview(self.orbit, self._start(), exact_passes=exact)
        except UserError as exc:
            self._error(str(exc), at)
            return False
        finally:
            self.last_recompute_ms = (time.perf_counter() - t0) * 1000.0
        return True

    def _revert(self) -> None:
        self._use(self._base_orbit, self._base_label, "back to the orbit as loaded")

    def _error(self, text: str, at: str = "path", colour=w.BAD) -> None:
        """Show ``text`` next to ``at`` (see ``message_at``)."""
        self.message = (text, colour)
        self.message_at = at

    def _clear_message(self, at: str) -> None:
        if self.message is not None and self.message_at == at:
            self.message = None

    # -- mission start ----------------------------------------------------------------------
    def _start(self) -> float:
        """The mission start the next game flies (the set-up's one definition)."""
        return self.setup.start_for(self.orbit)

    def _set_start(self, unix_s: float | None) -> None:
        old = self.setup.epoch_unix_s
        self.setup.epoch_unix_s = unix_s
        self._cam_auto = True
        self._clear_message("start")
        if not self._recompute(exact=True, at="start"):  # e.g. outside DE421's span:
            self.setup.epoch_unix_s = old  # the error shows, the last good start stays

    def _shift_start(self, dt: float) -> None:
        self._set_start(self._start() + dt)

    def _reset_start(self) -> None:
        """"Epoch": start exactly at the element set's epoch."""
        self._set_start(self.orbit.epoch_unix_s)

    def _on_epoch_text(self, text: str) -> None:
        from game.orbit.api import parse_iso_utc

        try:
            t = float(parse_iso_utc(text.strip(), "mission start"))
        except UserError as exc:
            self._error(str(exc), "start")
            return
        self.epoch_field.focus(False)
        self._set_start(t)

    def _reepoch(self) -> None:
        """Move the element set's epoch to the mission start (SGP4 propagates it there)."""
        from game.orbit.api import edit_elements

        start = self._start()
        try:
            moved = edit_elements(self.orbit, epoch_unix_s=start, source="orbit editor")
        except UserError as exc:
            self._error(str(exc), "start")
            return
        self.orbit = moved
        self.label = f"{self._base_label} (edited)"
        self.setup.orbit, self.setup.orbit_label = moved, self.label
        self.setup.epoch_unix_s = start  # the start stays where it was, at the new epoch
        self._sync_sliders()
        self._clear_message("start")
        self._recompute(exact=True, at="start")
        if self.message is None:
            self._error("epoch moved to the mission start by SGP4", "start", w.GOOD)

    # -- save -------------------------------------------------------------------------------
    def _on_save(self, text: str) -> None:
        from game.paths import orbits_dir, user_orbits_dir

        try:
            stem, name_line = sanitise_name(text)
        except ValueError as exc:
            self._error(f"save as: {exc}", "save")
            return
        try:
            folder = user_orbits_dir()
        except UserFolderError as exc:  # read-only, full, or under a file: say so, stay
            self._error(f"save as: {exc}", "save")
            return
        path = folder / f"{stem}.tle"
        try:
            bundled = orbits_dir().resolve()
        except UserError:  # AssetError: no bundled folder, so none to protect
            bundled = None
        if bundled is not None and path.resolve().parent == bundled:
            self._error("save as: refusing to write into the bundled orbits folder", "save")
            return
        if path.exists() and self._confirm_path != path:
            self._confirm_path = path
            self._error(f"{path.name} exists in your orbits: Save again to overwrite it",
                        "save", w.WARN)
            return
        orbit = dataclasses.replace(self.orbit, name=name_line, source=str(path))
        tmp = path.with_suffix(".tle.tmp")
        try:
            tmp.write_text(orbit.as_3le(), encoding="ascii")
            tmp.replace(path)
        except OSError as exc:  # a full disk, a folder gone read-only since it was made
            with contextlib.suppress(OSError):  # what a full disk left half-written
                tmp.unlink(missing_ok=True)
            self._error(f"save as: {path}: cannot write ({exc.strerror or exc}); nothing "
                        "was saved", "save")
            return
        self._confirm_path = None
        self.catalogue.forget(path)
        self.rescan()
        self._use(orbit, path.name)
        self._error(f"saved {path}", "save", w.GOOD)
        self.save_field.text = ""
        self.save_field.focus(False)

    # -- leaving ----------------------------------------------------------------------------
    def _back(self) -> None:
        if self.app is not None and self.app.top is self:
            self.app.pop()

    def _start_game(self) -> None:
        if self.on_start is not None:
            self.on_start(self.setup)
        else:
            self._back()

    # -- layout -----------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> dict[str, pygame.Rect]:
        W, H = size
        left_w = max(260, int(W * 0.235))
        right_w = max(360, int(W * 0.305))
        mid_x = left_w + 12
        mid_w = W - left_w - right_w - 24
        map_h = min(int(mid_w / 2), int(H * 0.4))
        map_w = map_h * 2
        rects = {
            "left": pygame.Rect(0, 0, left_w, H),
            "list": pygame.Rect(12, 40, left_w - 12, H - 40 - 136),
            "path": pygame.Rect(12, H - 88, left_w - 12, 28),
            "globe": pygame.Rect(mid_x, 40, mid_w, H - 40 - map_h - 16),
            "map": pygame.Rect(mid_x + (mid_w - map_w) // 2, H - map_h - 10, map_w, map_h),
            "right": pygame.Rect(W - right_w - 4, 0, right_w, H),
        }
        rx, rw = rects["right"].left + 8, right_w - 16
        y = 62
        for key, _l, *_ in _SLIDERS:
            self.sliders[key].rect = pygame.Rect(rx - 8, y, rw + 16, 38)
            y += 38
        rects["derived"] = pygame.Rect(rx, y + 2, rw, 34)  # or two lines of a slider error
        y += 38
        rects["start_hdr"] = pygame.Rect(rx, y, rw, 20)
        y += 40
        bw = (rw - 4 * 6) // 5
        for i, b in enumerate(self.epoch_buttons):
            b.rect = pygame.Rect(rx + i * (bw + 6), y, bw, 26)
        y += 32
        self.epoch_field.rect = pygame.Rect(rx, y, rw - 130, 26)
        self.reepoch_button.rect = pygame.Rect(rx + rw - 124, y, 124, 26)
        y += 32
        rects["warn"] = pygame.Rect(rx, y, rw, 48)  # or three lines of a start error
        y += 50
        rects["outcome"] = pygame.Rect(rx, y, rw, 84)
        y = H - 112
        self.save_field.rect = pygame.Rect(rx, y, rw - 76, 28)
        self.save_button.rect = pygame.Rect(rx + rw - 70, y, 70, 28)
        y = H - 74
        self.revert_button.rect = pygame.Rect(rx, y, (rw - 6) // 2, 26)
        self.back_button.rect = pygame.Rect(rx + (rw + 6) // 2, y, (rw - 6) // 2, 26)
        self.start_button.rect = pygame.Rect(rx, H - 42, rw, 32)
        self.list.rect = rects["list"]
        self.path_field.rect = rects["path"]
        return rects

    # -- events -----------------------------------------------------------------------------
    def handle_event(self, ev) -> bool:
        size = (self.app.screen_size(self) if self.app is not None
                else pygame.display.get_surface().get_size())
        rects = self.layout(size)
        # A focused text field gets keys first.
        focused = next((f for f in self.fields if f.focused), None)
        if focused is not None and ev.type in (pygame.KEYDOWN, pygame.TEXTINPUT):
            return focused.handle_event(ev)
        if ev.type == pygame.MOUSEBUTTONDOWN:  # every field sees a click: one focus at most
            hit = [f.handle_event(ev) for f in self.fields]
            if any(hit):
                return True
        else:
            for f in self.fields:
                if f.handle_event(ev):
                    return True
        for s in self.sliders.values():
            if s.handle_event(ev):
                return True
        for b in self.buttons:
            if b.handle_event(ev):
                return True
        if self.list.handle_event(ev):
            return True
        globe = rects["globe"]
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1 and globe.collidepoint(ev.pos):
            self._drag_globe = True
            return True
        if ev.type == pygame.MOUSEBUTTONUP and ev.button == 1 and self._drag_globe:
            self._drag_globe = False
            return True
        if ev.type == pygame.MOUSEMOTION and self._drag_globe and self._cam is not None:
            self._cam.drag(ev.rel[0], ev.rel[1])
            self._cam_auto = False
            return True
        if (ev.type == pygame.MOUSEWHEEL and self._cam is not None
                and globe.collidepoint(self.app.mouse_pos(self))):
            self._cam.zoom(ev.y)
            return True
        if ev.type == pygame.KEYDOWN:
            if ev.key == pygame.K_ESCAPE:
                self._back()
            elif ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self._start_game()
            elif ev.key in (pygame.K_UP, pygame.K_DOWN):
                self._step_selection(-1 if ev.key == pygame.K_UP else 1)
            elif ev.key == pygame.K_r:
                self._cam_auto = True
            else:
                return False
            return True
        return False

    def _step_selection(self, d: int) -> None:
        keys = [it.key for it in self.list.items if it.key is not None]
        if not keys:
            return
        i = keys.index(self.list.selected) if self.list.selected in keys else -1
        key = keys[(i + d) % len(keys)] if i >= 0 else keys[0]
        self.list.selected = key
        self.list.scroll_to(key)
        self._on_select(key)

    def update(self, dt: float) -> None:
        if self._pending is not None:
            t0 = time.perf_counter()
            self._apply_pending(final=False)
            self.last_recompute_ms = (time.perf_counter() - t0) * 1000.0

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        if self._pending is not None:
            self.update(0.0)
        rects = self.layout(surface.get_size())
        surface.fill(w.BG)
        self.message_rects.clear()
        self._draw_left(surface, rects)
        self._draw_middle(surface, rects)
        self._draw_right(surface, rects)

    def _draw_left(self, surf, rects) -> None:
        w.blit_text(surf, "ORBIT FILES", (14, 13), 24, w.ACCENT)
        self.list.draw(surf)
        r = rects["path"]
        w.blit_text(surf, "Load a file by path (TLE, 3LE, OMM)", (r.left, r.top - 20), 18,
                    w.DIM)
        self.path_field.draw(surf)
        self._draw_message(surf, "path", r.left, r.bottom + 5, r.width, 3)

    def _draw_middle(self, surf, rects) -> None:
        g = rects["globe"]
        name = self.orbit.name
        w.blit_text(surf, name, (g.left, 12), 26, w.TEXT, width=g.width - 10)
        nw = w.font(26).size(w.fit(name, 26, g.width - 10))[0]
        w.blit_text(surf, self.label, (g.left + nw + 12, 16), 20, w.DIM,
                    width=max(g.width - nw - 20, 10))
        self._draw_globe(surf, g)
        self._draw_map(surf, rects["map"])

    # The globe: the game's own Scene (Blue Marble, real Sun), track three orbits ahead.
    def _draw_globe(self, surf, rect: pygame.Rect) -> None:
        from game.view.render.camera import FreeCam
        from game.view.render.feed import IssState
        from game.view.render.scene import Scene, ViewState

        p = self.preview
        if p is None:
            return
        if self._scene is None:
            self._scene = Scene()
            self._cam = FreeCam(3.4)
        lat0, lon0, alt0 = float(p.lat_deg[0]), float(p.lon_deg[0]), float(p.alt_km[0])
        pos = unit_from_latlon(lat0, lon0) * (1.0 + alt0 / EARTH_RADIUS_KM)
        nxt = unit_from_latlon(float(p.lat_deg[1]), float(p.lon_deg[1])) * (
            1.0 + float(p.alt_km[1]) / EARTH_RADIUS_KM)
        iss = IssState(p.start_unix_s, pos, (nxt - pos) / PREVIEW_STEP_S, lat0, lon0, alt0,
                       bool(p.sunlit[0]))
        vs = ViewState(unix_s=p.start_unix_s, iss=iss, sun_ecef=p.sun_ecef,
                       show_model_inset=False)
        vs.track_ahead = unit_from_latlon(p.lat_deg, p.lon_deg)
        gmst = vs.gmst_deg
        if self._cam_auto:
            # Face the Korolyov-Houston side of the track near the ISS, a little from
            # above the ISS's hemisphere so the highest latitudes show.
            self._cam.az_inertial_deg = lon0 + gmst + 25.0
            self._cam.el_deg = max(min(lat0 * 0.5 + 18.0, 60.0), -60.0)
        cam = self._cam.camera(gmst)
        self._scene.draw(surf, rect, vs, cam)
        self._draw_stations_on_globe(surf, rect, cam, alt0)
        pygame.draw.rect(surf, w.PANEL_EDGE, rect, 1, border_radius=4)
        start_word = "Mission start" if self.game_start_unix_s is None else "Next game starts"
        w.blit_text(surf, f"{start_word} {fmt_utc(p.start_unix_s)} - track "
                    f"{PREVIEW_ORBITS} orbits ahead", (rect.left + 10, rect.top + 8), 18,
                    (200, 210, 230), width=rect.width - 20)
        if self.game_start_unix_s is not None:
            w.blit_text(surf, "In game: the running game keeps its orbit; changes here "
                        "apply to the next game", (rect.left + 10, rect.top + 28), 18, w.WARN,
                        width=rect.width - 20)
        w.blit_text(surf, "drag to turn, wheel to zoom, R to recentre",
                    (rect.right - 10, rect.bottom - 22), 17, (120, 130, 155), align="right")

    def _station_colour(self, sid: str) -> tuple[int, int, int]:
        return (120, 235, 150) if self.preview and self.preview.passes.get(sid) else (235, 110,
                                                                                      100)

    def _draw_stations_on_globe(self, surf, rect, cam, alt_km: float) -> None:
        for sid, label in STATIONS:
            st = GROUND_STATIONS[sid]
            radius = footprint_radius_deg(alt_km, sid)
            col = self._station_colour(sid)
            clat, clon = circle_latlon(st.lat_deg, st.lon_deg, radius)
            ring = unit_from_latlon(clat, clon) * 1.002
            xy, z = cam.project(ring, rect.width, rect.height)
            vis = ((ring @ cam.pos) > 1.0) & (z > 0)
            pts = xy + (rect.left, rect.top)
            run: list = []
            for ok, pt in zip(vis, pts.tolist(), strict=True):
                if ok:
                    run.append(pt)
                elif len(run) > 1:
                    pygame.draw.lines(surf, col, False, run, 1)
                    run = []
                else:
                    run = []
            if len(run) > 1:
                pygame.draw.lines(surf, col, False, run, 1)
            c = unit_from_latlon(st.lat_deg, st.lon_deg)[None, :]
            cxy, cz = cam.project(c, rect.width, rect.height)
            if (c @ cam.pos)[0] > 1.0 and cz[0] > 0:
                x, y = int(cxy[0, 0] + rect.left), int(cxy[0, 1] + rect.top)
                pygame.draw.polygon(surf, col, [(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)])
                w.blit_text(surf, label, (x + 8, y - 8), 18, col)

    # The flat map: the whole track at once, night side shaded at the mission start.
    def _map_surface(self, size: tuple[int, int], start_unix_s: float, sun) -> pygame.Surface:
        key = (size, round(start_unix_s / 60.0))
        if self._map_base is None or self._map_key != key:
            self._map_base, self._map_key = night_map(size, sun), key
        return self._map_base

    def _draw_map(self, surf, rect: pygame.Rect) -> None:
        from game.orbit.api import split_antimeridian

        p = self.preview
        if p is None:
            return
        surf.blit(self._map_surface(rect.size, p.start_unix_s, p.sun_ecef), rect.topleft)

        def to_px(lon, lat):
            return np.column_stack([rect.left + (np.asarray(lon) + 180.0) / 360.0 * rect.width,
                                    rect.top + (90.0 - np.asarray(lat)) / 180.0 * rect.height])

        prev = surf.get_clip()
        surf.set_clip(rect)
        for sid, label in STATIONS:
            st = GROUND_STATIONS[sid]
            radius = footprint_radius_deg(float(p.alt_km[0]), sid)
            col = self._station_colour(sid)
            clat, clon = circle_latlon(st.lat_deg, st.lon_deg, radius)
            for piece in split_antimeridian(clat, clon):
                if len(piece) > 1:
                    pygame.draw.lines(surf, col, False, to_px(piece[:, 0], piece[:, 1]).tolist())
            x, y = to_px([st.lon_deg], [st.lat_deg])[0]
            pygame.draw.polygon(surf, col, [(x, y - 4), (x + 4, y), (x, y + 4), (x - 4, y)])
            w.blit_text(surf, label, (int(x) + 6, int(y) - 7), 16, col)
        n_orbit = max(int(round(len(p.unix_s) / PREVIEW_ORBITS)), 2)
        colours = [(255, 215, 90), (240, 160, 60), (200, 110, 50)]
        for k in range(PREVIEW_ORBITS):
            sl = slice(k * n_orbit, min((k + 1) * n_orbit + 1, len(p.unix_s)))
            for piece in split_antimeridian(p.lat_deg[sl], p.lon_deg[sl]):
                if len(piece) > 1:
                    pygame.draw.lines(surf, colours[k % 3], False,
                                      to_px(piece[:, 0], piece[:, 1]).tolist(), 2)
        x, y = to_px([p.lon_deg[0]], [p.lat_deg[0]])[0]
        pygame.draw.circle(surf, (255, 255, 255), (int(x), int(y)), 5)
        pygame.draw.circle(surf, (255, 210, 90), (int(x), int(y)), 9, 1)
        w.blit_text(surf, "ISS", (int(x) + 10, int(y) - 18), 18, (255, 255, 255))
        lx, ly = rect.left + 8, rect.top + 5
        pygame.draw.rect(surf, (6, 9, 18), (rect.left, rect.top, 150, 22))
        for k, name in enumerate(("orbit 1", "2", "3")):
            pygame.draw.line(surf, colours[k], (lx, ly + 7), (lx + 16, ly + 7), 2)
            w.blit_text(surf, name, (lx + 20, ly), 16, (230, 230, 240))
            lx += 20 + w.font(16).size(name)[0] + 12
        surf.set_clip(prev)
        pygame.draw.rect(surf, w.PANEL_EDGE, rect, 1)
        w.blit_text(surf, f"max latitude {p.max_abs_lat_deg:.1f}°", (rect.right - 6, rect.top + 4),
                    17, (230, 230, 240), align="right")

    def _draw_right(self, surf, rects) -> None:
        from game.newgame import max_ticks_for
        from game.orbit.api import EPOCH_WARNING_DAYS, epoch_warning

        right = rects["right"]
        rx, rw = right.left + 8, right.width - 16
        o = self.orbit
        w.blit_text(surf, "ELEMENTS", (rx, 13), 24, w.ACCENT)
        w.blit_text(surf, f"TLE epoch {fmt_utc(o.epoch_unix_s)}", (rx, 38), 18, w.DIM)
        w.blit_text(surf, f"NORAD {o.norad_id}", (rx + rw, 16), 18, w.DIM, align="right")
        for s in self.sliders.values():
            s.draw(surf)
        r = rects["derived"]
        if not self._draw_message(surf, "elements", r.left, r.top, r.width, 2):
            w.blit_text(surf, f"Period {o.period_min:.2f} min   perigee {o.perigee_km:.0f} km"
                        f"   apogee {o.apogee_km:.0f} km", (r.left, r.top), 19, (200, 215, 240))
        r = rects["start_hdr"]
        if self.game_start_unix_s is None:
            w.blit_text(surf, "MISSION START", (r.left, r.top), 22, w.ACCENT)
        else:
            w.blit_text(surf, "NEXT GAME STARTS", (r.left, r.top), 22, w.ACCENT)
            # month, day and minute: the whole date ran into the heading
            w.blit_text(surf, f"this game {fmt_utc(self.game_start_unix_s)[5:16]} UTC",
                        (r.right, r.top + 3), 17, w.DIM, align="right")
        start = self._start()
        days = (start - o.epoch_unix_s) / 86400.0
        w.blit_text(surf, f"{fmt_utc(start)}   TLE epoch {days:+.2f} d", (r.left, r.top + 20),
                    18, w.TEXT)
        for b in self.epoch_buttons:
            b.draw(surf)
        self.epoch_field.draw(surf)
        self.reepoch_button.draw(surf)
        r = rects["warn"]
        warning = epoch_warning(o, start, start + max_ticks_for(self.setup.warp))
        if self._draw_message(surf, "start", r.left, r.top, r.width, 3):
            pass  # the start's own error (or notice) takes the warning's place
        elif warning:
            short = warning.split(";")[0].replace("warning: ", "")
            note = f"{short}: SGP4 drifts km/day; 'Move TLE here' or a fresher set."
            lines = w.wrap(w.font(17), note, r.width)
            for i, line in enumerate(lines[:2]):
                w.blit_text(surf, line, (r.left, r.top + 16 * i), 17, w.WARN)
        else:
            w.blit_text(surf, f"game within {EPOCH_WARNING_DAYS:g} days of the TLE epoch: "
                        "SGP4 good to ~100 km", (r.left, r.top), 17, (120, 150, 130),
                        width=r.width)
        self._draw_outcome(surf, rects["outcome"])
        r = self.save_field.rect
        if not self._draw_message(surf, "save", r.left, r.top - 36, r.width + 76, 2,
                                  bottom=r.top - 2):
            w.blit_text(surf, "SAVE AS (your orbits folder)", (r.left, r.top - 20), 18, w.DIM)
        for widget in (self.save_field, self.save_button, self.revert_button, self.back_button,
                       self.start_button):
            widget.draw(surf)

    def _draw_message(self, surf, at: str, x: int, y: int, width: int, max_lines: int, *,
                      bottom: int | None = None) -> bool:
        """Draw ``message`` if it belongs to ``at``: wrapped to ``width``, at most
        ``max_lines`` (the last cut with an ellipsis), from ``y`` down, or ending at
        ``bottom``. True if drawn."""
        if self.message is None or self.message_at != at:
            return False
        text, colour = self.message
        lines = w.wrap(w.font(17), text, width)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = w.fit(lines[-1] + " ...", 17, width)
        if bottom is not None:
            y = bottom - 16 * len(lines)
        for i, line in enumerate(lines):
            w.blit_text(surf, line, (x, y + 16 * i), 17, colour, width=width)
        self.message_rects[at] = pygame.Rect(x, y, width, 16 * len(lines))
        return True

    def _draw_outcome(self, surf, r: pygame.Rect) -> None:
        p = self.preview
        w.frame(surf, r, (11, 16, 30), w.PANEL_EDGE, 6)
        if p is None:
            return
        x, y = r.left + 10, r.top + 7
        w.blit_text(surf, f"Sunlit {p.sunlit_share * 100:.0f}% of the next {PREVIEW_ORBITS} "
                    "orbits", (x, y), 19, (255, 220, 130))
        tag = "" if p.exact else "  (live estimate)"
        w.blit_text(surf, f"Passes over mission control, next {PASS_HOURS:.0f} h{tag}",
                    (x, y + 21), 17, w.DIM)
        for i, (sid, label) in enumerate(STATIONS):
            ps = p.passes.get(sid, [])
            yy = y + 40 + 20 * i
            col = self._station_colour(sid)
            if not ps:
                line = f"{label}: no pass in {PASS_HOURS:.0f} h"
            else:
                nx = ps[0]
                when = ("now" if nx.rise_unix_s <= p.start_unix_s
                        else f"in {fmt_duration(nx.rise_unix_s - p.start_unix_s)}")
                line = (f"{label}: {len(ps)} - next {when}, "
                        f"{(nx.set_unix_s - nx.rise_unix_s) / 60:.0f} min, "
                        f"max {nx.max_elevation_deg:.0f}°")
            w.blit_text(surf, line, (x, yy), 19, col, width=r.width - 20)


def _running_game_start(app, setup) -> float | None:
    """The mission start of the game running under the panel (the top screen, with a
    ``sim`` for this very setup), or None from the title menu."""
    below = getattr(app, "top", None)
    if below is None or getattr(below, "setup", None) is not setup:
        return None
    start = getattr(getattr(below, "sim", None), "start_unix_s", None)
    return float(start) if isinstance(start, (int, float)) else None
