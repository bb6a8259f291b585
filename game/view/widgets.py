"""Small immediate-looking, retained widgets for menus and panels: button, slider, text
field, scrolling list. Plain pygame and the bundled DejaVu font, nothing beyond pygame-ce.

Each widget owns a ``rect`` (screen pixels, set by its screen's layout), draws itself with
``draw(surface)`` and takes events with ``handle_event(event) -> bool`` (True: consumed).
Callbacks are plain callables; widgets never know about the game.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

# -- look ---------------------------------------------------------------------------------
BG = (7, 10, 20)
PANEL = (13, 18, 33)
PANEL_EDGE = (44, 56, 88)
TEXT = (225, 232, 245)
DIM = (140, 152, 178)
ACCENT = (255, 200, 90)
ACCENT_DIM = (150, 118, 60)
GOOD = (130, 235, 150)
BAD = (255, 120, 110)
WARN = (255, 190, 90)
HOVER = (30, 40, 66)
SELECT = (44, 62, 104)

_fonts: dict[tuple[int, bool], pygame.font.Font] = {}
_text_cache: dict[tuple, pygame.Surface] = {}
TEXT_CACHE_SIZE = 2000  # lines kept; past it the cache starts again (a HUD redraws them)
#: The bundled faces (DejaVu Sans, assets/ATTRIBUTION.md): every name and sign the game
#: writes renders the same on every machine (pygame's default font spaced "Barret t").
FONT_FILES = {False: "dejavu_sans.ttf", True: "dejavu_sans_bold.ttf"}
#: Sizes are given in the default font's units (what the layouts were drawn for); DejaVu
#: at this fraction of them sets the same width of text.
FONT_K = 0.70


def font(size: int = 20, bold: bool = False) -> pygame.font.Font:
    """The game's font at ``size`` (the default font's units): DejaVu Sans, bundled, made
    once (so a font is also a stable cache key)."""
    key = (size, bold)
    f = _fonts.get(key)
    if f is None:
        from game.errors import AssetError
        from game.paths import asset

        path = asset(FONT_FILES[bold])  # missing: AssetError, one line
        try:
            f = pygame.font.Font(str(path), max(6, round(size * FONT_K)))
        except (OSError, pygame.error) as exc:
            raise AssetError(f"cannot read font ({exc})", where=str(path)) from None
        _fonts[key] = f
    return f


def render_line(f: pygame.font.Font, s: str, colour=TEXT) -> pygame.Surface:
    """One line of text in font ``f``, antialiased, cached by (font, text, colour): the one
    text cache of the interface (HUDs, schematic, menus). A line costs nothing until its
    text changes."""
    key = (f, s, colour)
    surf = _text_cache.get(key)
    if surf is None:
        if len(_text_cache) >= TEXT_CACHE_SIZE:
            _text_cache.clear()
        surf = _text_cache[key] = f.render(s, True, colour)
    return surf


def text(s: str, size: int = 20, colour=TEXT) -> pygame.Surface:
    """A rendered line at ``size`` px (:func:`render_line` in :func:`font` ``(size)``)."""
    return render_line(font(size), s, colour)


def ellipsize(f: pygame.font.Font, s: str, width: int) -> str:
    """``s`` cut to fit ``width`` pixels in font ``f``, ending in "..." when cut."""
    if f.size(s)[0] <= width:
        return s
    lo, hi = 0, len(s)
    while lo < hi:  # the longest prefix that fits with the dots
        mid = (lo + hi + 1) // 2
        if f.size(s[:mid].rstrip() + "...")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return s[:lo].rstrip() + "..."


def fit(s: str, size: int, width: int) -> str:
    """``s`` cut with an ellipsis so it renders within ``width`` pixels."""
    return ellipsize(font(size), s, width)


def wrap(f: pygame.font.Font, s: str, width: int) -> list[str]:
    """``s`` in lines no wider than ``width`` pixels in font ``f`` (by words; a word too
    long for a line of its own is ellipsized)."""
    lines: list[str] = []
    cur = ""
    for word in s.split():
        trial = f"{cur} {word}" if cur else word
        if f.size(trial)[0] <= width:
            cur = trial
            continue
        if cur:
            lines.append(cur)
        cur = word if f.size(word)[0] <= width else ellipsize(f, word, width)
    if cur:
        lines.append(cur)
    return lines or [""]


def blit_text(surf: pygame.Surface, s: str, pos, size: int = 20, colour=TEXT,
              width: int | None = None, align: str = "left") -> int:
    """Draw one line at ``pos`` (top-left, or top-right with ``align="right"``); returns
    its height."""
    if width is not None:
        s = fit(s, size, width)
    t = text(s, size, colour)
    x, y = pos
    if align == "right":
        x -= t.get_width()
    elif align == "center":
        x -= t.get_width() // 2
    surf.blit(t, (x, y))
    return t.get_height()


_veils: dict[tuple, pygame.Surface] = {}


def veil(surf: pygame.Surface, rect, rgba: tuple[int, int, int, int]) -> None:
    """Blend a translucent ``rgba`` rectangle over ``rect``; the surfaces are made once
    per (size, colour), not every frame."""
    rect = pygame.Rect(rect)
    key = (rect.size, rgba)
    s = _veils.get(key)
    if s is None:
        if len(_veils) > 64:
            _veils.clear()
        s = _veils[key] = pygame.Surface(rect.size, pygame.SRCALPHA)
        s.fill(rgba)
    surf.blit(s, rect.topleft)


def dim_below(surface: pygame.Surface, alpha: int = 140) -> None:
    """A full-window translucent black layer: everything drawn so far recedes."""
    veil(surface, surface.get_rect(), (0, 0, 0, alpha))


def frame(surf: pygame.Surface, rect: pygame.Rect, fill=PANEL, edge=PANEL_EDGE,
          radius: int = 6) -> None:
    pygame.draw.rect(surf, fill, rect, border_radius=radius)
    if edge is not None:
        pygame.draw.rect(surf, edge, rect, 1, border_radius=radius)


def _is_click(ev) -> bool:
    return ev.type == pygame.MOUSEBUTTONDOWN and getattr(ev, "button", 1) == 1


# -- button -------------------------------------------------------------------------------
class Button:
    def __init__(self, label: str, on_click: Callable[[], None], *, accent: bool = False,
                 size: int = 20, rect: pygame.Rect | None = None):
        self.label = label
        self.on_click = on_click
        self.accent = accent
        self.size = size
        self.enabled = True
        self.rect = rect or pygame.Rect(0, 0, 100, 28)
        self.hover = False

    def handle_event(self, ev) -> bool:
        if ev.type == pygame.MOUSEMOTION:
            self.hover = self.rect.collidepoint(ev.pos)
            return False
        if _is_click(ev) and self.rect.collidepoint(ev.pos):
            if self.enabled:
                self.on_click()
            return True
        return False

    def draw(self, surf: pygame.Surface) -> None:
        if self.accent:
            fill = (120, 88, 30) if self.hover else (92, 68, 26)
            edge, col = ACCENT, (255, 240, 210)
        else:
            fill = HOVER if self.hover else (20, 27, 48)
            edge, col = PANEL_EDGE, TEXT
        if not self.enabled:
            fill, edge, col = (16, 20, 32), (40, 46, 62), (90, 96, 112)
        frame(surf, self.rect, fill, edge, 5)
        t = text(fit(self.label, self.size, self.rect.width - 8), self.size, col)
        surf.blit(t, t.get_rect(center=self.rect.center))


# -- slider -------------------------------------------------------------------------------
class Slider:
    """A labelled horizontal slider. ``on_change(value, final)``: ``final`` is False while
    the mouse drags and True on release, a wheel step, or a key step."""

    def __init__(self, label: str, lo: float, hi: float, value: float,
                 on_change: Callable[[float, bool], None], *, fmt: str = "{:.2f}",
                 unit: str = "", wheel_step: float | None = None, snap: float = 0.0):
        self.label, self.lo, self.hi = label, float(lo), float(hi)
        self.value = float(value)
        self.on_change = on_change
        self.fmt, self.unit = fmt, unit
        self.wheel_step = wheel_step if wheel_step is not None else (hi - lo) / 200.0
        self.snap = snap  # dragged values round to this step (0: no rounding)
        self.rect = pygame.Rect(0, 0, 300, 40)
        self.dragging = False
        self.hover = False
        self.enabled = True

    @property
    def track(self) -> pygame.Rect:
        """The bar itself: the lower half of the widget, inset so the knob fits."""
        r = self.rect
        return pygame.Rect(r.left + 8, r.top + 26, r.width - 16, 6)

    def x_of(self, value: float) -> int:
        t = self.track
        f = (min(max(value, self.lo), self.hi) - self.lo) / (self.hi - self.lo)
        return int(round(t.left + f * t.width))

    def value_at(self, x: float) -> float:
        t = self.track
        f = min(max((x - t.left) / max(t.width, 1), 0.0), 1.0)
        v = self.lo + f * (self.hi - self.lo)
        return round(v / self.snap) * self.snap if self.snap > 0 else v

    def set_value(self, v: float) -> None:
        self.value = min(max(float(v), self.lo), self.hi)

    def _hit(self, pos) -> bool:
        return self.rect.inflate(0, 6).collidepoint(pos)

    def handle_event(self, ev) -> bool:
        if not self.enabled:
            return False
        if _is_click(ev) and self._hit(ev.pos):
            self.dragging = True
            self.set_value(self.value_at(ev.pos[0]))
            self.on_change(self.value, False)
            return True
        if ev.type == pygame.MOUSEMOTION:
            self.hover = self._hit(ev.pos)
            if self.dragging:
                self.set_value(self.value_at(ev.pos[0]))
                self.on_change(self.value, False)
                return True
            return False
        if ev.type == pygame.MOUSEBUTTONUP and self.dragging:
            self.dragging = False
            self.set_value(self.value_at(ev.pos[0]))
            self.on_change(self.value, True)
            return True
        if ev.type == pygame.MOUSEWHEEL and self.hover:
            self.set_value(self.value + ev.y * self.wheel_step)
            self.on_change(self.value, True)
            return True
        return False

    def draw(self, surf: pygame.Surface) -> None:
        r = self.rect
        label_col = ACCENT if (self.dragging or self.hover) else DIM
        blit_text(surf, self.label, (r.left + 8, r.top + 4), 20, label_col)
        blit_text(surf, self.fmt.format(self.value) + self.unit, (r.right - 8, r.top + 4), 20,
                  TEXT if self.enabled else DIM, align="right")
        t = self.track
        pygame.draw.rect(surf, (34, 42, 66), t, border_radius=3)
        x = self.x_of(self.value)
        fill = pygame.Rect(t.left, t.top, max(x - t.left, 0), t.height)
        pygame.draw.rect(surf, ACCENT_DIM if self.enabled else (60, 64, 76), fill,
                         border_radius=3)
        knob = ACCENT if self.enabled else (110, 110, 120)
        pygame.draw.circle(surf, (10, 12, 20), (x, t.centery), 8)
        pygame.draw.circle(surf, knob, (x, t.centery), 7 if not self.dragging else 8)


# -- text field ---------------------------------------------------------------------------
class TextField:
    """One line of text input. Click to focus; Enter calls ``on_submit(text)``; Esc
    leaves the field.

    Text comes only from TEXTINPUT events (typed characters, IME compositions, dead keys);
    KEYDOWN is only for editing keys: Backspace, Delete, Left/Right, Home/End, Enter, Esc.
    SDL sends a KEYDOWN (carrying ``.unicode``) *before* the TEXTINPUT of the same key
    press, so taking text from both doubles the characters. Focusing starts SDL text
    input (pygame-ce starts it at init; something may have stopped it) and puts the IME
    candidate box at the field. Leaving the field does not stop text input again: other
    screens read KEYDOWN's ``.unicode``, which SDL fills only while text input is on.
    """

    def __init__(self, placeholder: str, on_submit: Callable[[str], None], *,
                 max_len: int = 200, rect: pygame.Rect | None = None):
        self.placeholder = placeholder
        self.on_submit = on_submit
        self.max_len = max_len
        self._text = ""
        self.cursor = 0  # insertion point, 0..len(text)
        self.focused = False
        self.rect = rect or pygame.Rect(0, 0, 200, 28)

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, value: str) -> None:  # set from outside: the cursor goes to the end
        self._text = value[: self.max_len]
        self.cursor = len(self._text)

    def focus(self, on: bool = True) -> None:
        self.focused = on
        if not on:
            return
        self.cursor = len(self._text)
        try:
            pygame.key.start_text_input()
            pygame.key.set_text_input_rect(self.rect)
        except pygame.error:
            pass  # no video system (tests driving the widget alone)

    def insert(self, s: str) -> None:
        s = "".join(c for c in s if c.isprintable())
        room = self.max_len - len(self._text)
        if not s or room <= 0:
            return
        s = s[:room]
        t, i = self._text, self.cursor
        self._text = t[:i] + s + t[i:]
        self.cursor = i + len(s)

    def handle_event(self, ev) -> bool:
        if _is_click(ev):
            inside = self.rect.collidepoint(ev.pos)
            if inside != self.focused:
                self.focus(inside)
            return inside
        if not self.focused:
            return False
        if ev.type == pygame.TEXTINPUT:
            self.insert(ev.text)
            return True
        if ev.type == pygame.KEYDOWN:
            k, t, i = ev.key, self._text, self.cursor
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.on_submit(self._text)
            elif k == pygame.K_ESCAPE:
                self.focus(False)
            elif k == pygame.K_BACKSPACE and i > 0:
                self._text, self.cursor = t[: i - 1] + t[i:], i - 1
            elif k == pygame.K_DELETE:
                self._text = t[:i] + t[i + 1:]
            elif k == pygame.K_LEFT:
                self.cursor = max(i - 1, 0)
            elif k == pygame.K_RIGHT:
                self.cursor = min(i + 1, len(t))
            elif k == pygame.K_HOME:
                self.cursor = 0
            elif k == pygame.K_END:
                self.cursor = len(t)
            # Anything else (a letter's KEYDOWN included) adds nothing: its TEXTINPUT does.
            return True  # a focused field eats keys so screen shortcuts don't fire
        return False

    def draw(self, surf: pygame.Surface) -> None:
        frame(surf, self.rect, (8, 12, 24), ACCENT if self.focused else PANEL_EDGE, 4)
        inner = self.rect.width - 14
        f = font(20)
        if self._text:
            # Scroll so the cursor stays in view: drop characters from the left while the
            # text up to the cursor is too wide, then cut what overflows on the right.
            start = 0
            while start < self.cursor and f.size(self._text[start:self.cursor])[0] > inner:
                start += 1
            s = self._text[start:]
            while s and f.size(s)[0] > inner:
                s = s[:-1]
            col = TEXT
            cursor_px = f.size(self._text[start:self.cursor])[0]
        else:
            s, col = fit(self.placeholder, 20, inner), (96, 106, 130)
            cursor_px = 0
        t = text(s, 20, col)
        y = self.rect.centery - t.get_height() // 2
        surf.blit(t, (self.rect.left + 7, y))
        if self.focused and (pygame.time.get_ticks() // 500) % 2 == 0:
            x = self.rect.left + 8 + cursor_px
            pygame.draw.line(surf, ACCENT, (x, y), (x, y + t.get_height()), 1)


# -- list ---------------------------------------------------------------------------------
@dataclass
class ListItem:
    label: str
    key: object = None  # what ``on_select`` receives; None: a header, not selectable
    detail: str = ""  # second, dimmer text on the right
    indent: int = 0
    colour: tuple[int, int, int] | None = None


class ListView:
    """A scrolling list of :class:`ListItem`; click selects, the wheel scrolls."""

    ROW = 24

    def __init__(self, on_select: Callable[[object], None]):
        self.items: list[ListItem] = []
        self.on_select = on_select
        self.selected: object = None
        self.scroll = 0
        self.rect = pygame.Rect(0, 0, 280, 300)
        self.hover_i = -1

    def set_items(self, items: list[ListItem]) -> None:
        self.items = items
        self.scroll = min(self.scroll, self._max_scroll())

    def _max_scroll(self) -> int:
        return max(len(self.items) * self.ROW - self.rect.height + 8, 0)

    def _index_at(self, pos) -> int:
        if not self.rect.collidepoint(pos):
            return -1
        i = (pos[1] - self.rect.top - 4 + self.scroll) // self.ROW
        return int(i) if 0 <= i < len(self.items) else -1

    def row_rect(self, i: int) -> pygame.Rect:
        return pygame.Rect(self.rect.left + 2, self.rect.top + 4 + i * self.ROW - self.scroll,
                           self.rect.width - 4, self.ROW)

    def index_of(self, key) -> int:
        return next((i for i, it in enumerate(self.items) if it.key == key), -1)

    def scroll_to(self, key) -> None:
        i = self.index_of(key)
        if i < 0:
            return
        top, bottom = i * self.ROW, (i + 1) * self.ROW + 8
        if top < self.scroll:
            self.scroll = top
        elif bottom > self.scroll + self.rect.height:
            self.scroll = min(bottom - self.rect.height, self._max_scroll())

    def handle_event(self, ev) -> bool:
        if ev.type == pygame.MOUSEMOTION:
            self.hover_i = self._index_at(ev.pos)
            return False
        if ev.type == pygame.MOUSEWHEEL and self.hover_i >= 0:
            self.scroll = int(min(max(self.scroll - ev.y * self.ROW * 2, 0), self._max_scroll()))
            return True
        if _is_click(ev):
            i = self._index_at(ev.pos)
            if i < 0:
                return False
            if self.items[i].key is not None:
                self.selected = self.items[i].key
                self.on_select(self.items[i].key)
            return True
        return False

    def draw(self, surf: pygame.Surface) -> None:
        frame(surf, self.rect, (9, 13, 26), PANEL_EDGE, 6)
        prev = surf.get_clip()
        surf.set_clip(self.rect.inflate(-2, -2))
        for i, it in enumerate(self.items):
            r = self.row_rect(i)
            if r.bottom < self.rect.top or r.top > self.rect.bottom:
                continue
            header = it.key is None
            if not header and it.key == self.selected:
                pygame.draw.rect(surf, SELECT, r, border_radius=4)
                pygame.draw.rect(surf, ACCENT, (r.left, r.top + 3, 3, r.height - 6))
            elif not header and i == self.hover_i:
                pygame.draw.rect(surf, HOVER, r, border_radius=4)
            x = r.left + 10 + 14 * it.indent
            size = 18 if header else 20
            col = it.colour or ((120, 140, 190) if header else TEXT)
            dw = font(18).size(it.detail)[0] + 10 if it.detail else 0
            blit_text(surf, it.label.upper() if header else it.label,
                      (x, r.top + (6 if header else 4)), size, col, width=r.right - x - dw - 6)
            if it.detail:
                blit_text(surf, it.detail, (r.right - 8, r.top + 5), 18, DIM, align="right")
        surf.set_clip(prev)
        if self._max_scroll() > 0:  # scroll bar
            frac = self.rect.height / (len(self.items) * self.ROW + 8)
            h = max(int(self.rect.height * frac), 20)
            y = self.rect.top + int((self.rect.height - h) * self.scroll / self._max_scroll())
            pygame.draw.rect(surf, (70, 84, 120), (self.rect.right - 5, y, 3, h))
