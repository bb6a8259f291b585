"""Every key and click of the game, once: what dispatches them and what the help says.

:data:`KEYMAP` is the one table. A :class:`Binding` names an ``action``; a screen that
takes it has a method ``act_<action>(event)`` (``tests/test_keymap.py`` checks that every
key of every binding reaches its method, and that the help lists every binding). Bindings
with no keys are the mouse's: the help shows them, the panels handle them. ``screens``
says where a binding works: ``game`` (a game being played), ``play`` (any view of the
Earth: the game and the replay), ``replay``, ``title``, ``app`` (everywhere: the window).

:func:`lookup` finds the binding an event means on a screen; :func:`help_rows` gives the
help's rows by group; :func:`hint_line` the short key line a panel shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class Binding:
    action: str  # "act_" + action is the handling method
    keys: tuple[int, ...]  # pygame key codes (empty: a mouse action, for the help only)
    label: str  # the key(s) as the help shows them
    what: str  # what it does, for the help
    group: str  # the help's section
    screens: tuple[str, ...] = ("game",)
    chars: tuple[str, ...] = ()  # typed characters that also mean it ("?")
    shift: bool | None = None  # True: only with Shift; False: only without; None: either
    hint: str = ""  # the few words of a panel's key line ("" : not in it)


K = pygame
KEYMAP: tuple[Binding, ...] = (
    # ---- orders: the station schematic ----------------------------------------------
    Binding("", (), "Click a token", "select one of your crew (your own first when tokens "
            "share a spot); the panel then telegraphs what each order would do", "Orders"),
    Binding("", (), "Click a module", "send the selected crew member there (the ETA shows "
            "on hover, before you click)", "Orders"),
    Binding("", (), "Click a hatch", "seal or open it (the selected crew member, or yours "
            "beside it); sealed from the other side: force it", "Orders"),
    Binding("", (), "Click a badge", "cut or restore that system, when the selected crew "
            "member is in its module (else: move there)", "Orders"),
    Binding("", (), "Right click", "cancel a waiting order (who to talk to, restrain ...)",
            "Orders"),
    Binding("next_crew", (K.K_n,), "N", "select your next crew member", "Orders"),
    Binding("talk", (K.K_k,), "K", "talk with someone in the same module", "Orders"),
    Binding("restrain", (K.K_x,), "X", "restrain someone of the other side in the same "
            "module (the odds are shown first)", "Orders"),
    Binding("free", (K.K_f,), "F", "free a restrained crewmate in the same module", "Orders"),
    Binding("escort", (K.K_g,), "G", "show a guest of the other side out of your segment",
            "Orders"),
    Binding("offline", (K.K_d,), "D", "cut a system in the crew member's module", "Orders"),
    Binding("restore", (K.K_e,), "E", "restore a system in the crew member's module",
            "Orders"),
    Binding("leave", (K.K_l,), "L", "board your vehicle (Dragon / Soyuz); aboard it: undock "
            "and leave", "Orders"),
    Binding("stop", (K.K_s,), "S", "stop what the selected crew member is doing", "Orders"),
    # ---- time and the game ----------------------------------------------------------
    Binding("pause", (K.K_SPACE,), "Space", "pause / resume the mission clock (orders can "
            "be given while paused)", "Time", ("game",)),
    Binding("slower", (K.K_MINUS, K.K_KP_MINUS, K.K_LEFTBRACKET), "- or [", "slower: the "
            "pace x1/2 (down to x1/4)", "Time", ("game",)),
    Binding("faster", (K.K_EQUALS, K.K_PLUS, K.K_KP_PLUS, K.K_RIGHTBRACKET), "+ or ]",
            "faster: the pace x2 (up to x4; a restraint still takes 4 real seconds or more)",
            "Time", ("game",)),
    Binding("hand_over", (K.K_TAB,), "Tab", "hot-seat: hand command to the other side (the "
            "clock stops until they take it)", "Game"),
    Binding("hints", (K.K_h,), "H", "first-game hints on / off", "Game"),
    Binding("next_hint", (K.K_RETURN, K.K_KP_ENTER), "Enter", "dismiss the hint shown",
            "Game"),
    Binding("orbits", (K.K_o,), "O", "the orbit panel: choose or edit the element set "
            "(for the next game)", "Game"),
    Binding("menu", (K.K_ESCAPE,), "Esc", "pause menu: resume, leave to the title, quit",
            "Game"),
    Binding("help", (K.K_F1,), "F1 or ?", "this help: keys, every rule, why an order is "
            "refused", "Game", ("game", "play", "title"), chars=("?",)),
    # ---- the view -------------------------------------------------------------------
    Binding("", (), "Mouse drag", "turn the free camera around the Earth", "View"),
    Binding("", (), "Mouse wheel", "zoom (free and follow cameras)", "View"),
    Binding("camera_free", (K.K_1,), "1", "free camera", "View", ("play",)),
    Binding("camera_follow", (K.K_2,), "2", "follow the ISS", "View", ("play",)),
    Binding("camera_cupola", (K.K_3,), "3", "the Cupola's view straight down", "View",
            ("play",)),
    Binding("camera_cycle", (K.K_c,), "C", "cycle the cameras", "View", ("play",)),
    Binding("camera_reset", (K.K_r,), "R", "free camera: follow the ISS again", "View",
            ("play",)),
    Binding("track", (K.K_t,), "T", "ground track on / off", "View", ("play",)),
    Binding("inset", (K.K_m,), "M", "station inset on / off (free camera)", "View",
            ("play",)),
    Binding("perf", (K.K_F3,), "F3", "frames a second, frame time, 3D resolution", "View",
            ("play",)),
    Binding("fullscreen", (K.K_F11,), "F11", "full screen on / off", "View", ("app",)),
    # ---- replays --------------------------------------------------------------------
    Binding("play_pause", (K.K_SPACE,), "Space", "play / pause", "Replay", ("replay",),
            hint="space play"),
    Binding("speed_down", (K.K_LEFTBRACKET, K.K_MINUS, K.K_KP_MINUS), "[ or -", "slower "
            "(down to 1/4x)", "Replay", ("replay",), hint="[ ] speed"),
    Binding("speed_up", (K.K_RIGHTBRACKET, K.K_PLUS, K.K_EQUALS, K.K_KP_PLUS), "] or +",
            "faster (up to 64x)", "Replay", ("replay",)),
    Binding("seek_back", (K.K_LEFT,), "Left", "5 mission minutes back (Shift: 1 hour)",
            "Replay", ("replay",), hint="left/right 5 min (shift 1 h)"),
    Binding("seek_forward", (K.K_RIGHT,), "Right", "5 mission minutes on (Shift: 1 hour)",
            "Replay", ("replay",)),
    Binding("seek_start", (K.K_HOME,), "Home", "to the start", "Replay", ("replay",)),
    Binding("seek_end", (K.K_END,), "End", "to the end", "Replay", ("replay",)),
    Binding("tick_back", (K.K_COMMA,), ",", "one mission second back (Shift: a minute)",
            "Replay", ("replay",), hint=", . 1 s"),
    Binding("tick_forward", (K.K_PERIOD,), ".", "one mission second on (Shift: a minute)",
            "Replay", ("replay",)),
    Binding("next_event", (K.K_n,), "N", "to the next event", "Replay", ("replay",),
            shift=False, hint="n event"),
    Binding("prev_event", (K.K_p,), "P", "to the previous event", "Replay", ("replay",)),
    Binding("prev_event", (K.K_n,), "Shift+N", "to the previous event", "Replay",
            ("replay",), shift=True),
    Binding("ending", (K.K_e,), "E", "name the ending before the play head gets there",
            "Replay", ("replay",), hint="e ending"),
    Binding("back", (K.K_ESCAPE,), "Esc", "back to the replays", "Replay", ("replay",),
            hint="Esc back"),
    # ---- the title menu -------------------------------------------------------------
    Binding("up", (K.K_UP, K.K_w), "Up", "choose the row above", "Title", ("title",)),
    Binding("down", (K.K_DOWN, K.K_TAB), "Down or Tab", "choose the row below", "Title",
            ("title",)),
    Binding("left", (K.K_LEFT, K.K_a), "Left", "the previous value of a choice (seed - 1)",
            "Title", ("title",)),
    Binding("right", (K.K_RIGHT, K.K_d), "Right", "the next value of a choice (seed + 1)",
            "Title", ("title",)),
    Binding("select", (K.K_RETURN, K.K_KP_ENTER), "Enter", "start, open, or change the "
            "chosen row", "Title", ("title",)),
    Binding("", (), "0-9, Backspace", "type the seed (on the Seed row)", "Title"),
    Binding("quit", (K.K_ESCAPE,), "Esc", "quit", "Title", ("title",)),
)

GROUPS = ("Orders", "Time", "Game", "View", "Replay", "Title")


def _matches(b: Binding, ev) -> bool:
    if ev.key in b.keys or (b.chars and getattr(ev, "unicode", "") in b.chars):
        if b.shift is not None:
            return bool(getattr(ev, "mod", 0) & pygame.KMOD_SHIFT) == b.shift
        return True
    return False


def lookup(ev, screens: tuple[str, ...]) -> Binding | None:
    """The binding a KEYDOWN event means on a screen that takes ``screens``' bindings."""
    if ev.type != pygame.KEYDOWN:
        return None
    for b in KEYMAP:
        if b.keys and set(b.screens) & set(screens) and _matches(b, ev):
            return b
    return None


def dispatch(screen, ev, screens: tuple[str, ...]) -> bool:
    """Run ``screen.act_<action>(ev)`` for the binding ``ev`` means; True if one did.
    A handler returning False declines (the event goes on)."""
    b = lookup(ev, screens)
    if b is None:
        return False
    fn = getattr(screen, "act_" + b.action, None)
    if fn is None:
        return False
    screen.last_action = b.action
    return fn(ev) is not False


def help_rows(groups: tuple[str, ...] = GROUPS) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group, [(keys, what)])] for the help, in table order."""
    out = []
    for g in groups:
        rows = [(b.label, b.what) for b in KEYMAP if b.group == g]
        if rows:
            out.append((g, rows))
    return out


def hint_line(screen: str) -> str:
    """The short key line of a panel (the replay bar's): the bindings' hint words."""
    return "   ".join(b.hint for b in KEYMAP if b.hint and screen in b.screens)
