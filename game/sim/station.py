"""The station as the rules see it: the graph of modules and hatches, who holds what
at the start, and how long it takes to float from one module to the next.

The facts (modules, lengths, hatches, systems, vehicles) are in :mod:`game.facts.station`;
this module only indexes them for the rules. Moving from one module's centre to the
next: half of each module's length at 0.5 m/s plus 5 s for the hatch =
``5 + ceil(len_a + len_b)`` seconds.
"""

from __future__ import annotations

import math
from collections import deque

from game.facts import station as facts
from game.sim import tuning as tn

US, RU = "us", "ru"
_HOLDER_OF_SEGMENT = {"USOS": US, "ROS": RU}
_VEHICLE_SIDE = {v.id: v.side for v in facts.VEHICLES}

#: (id, display name, segment, length in metres, initial holder): the facts, plus who
#: holds each module when the game begins (its segment's side; a vehicle its side's).
MODULES: tuple[tuple[str, str, str, float, str], ...] = tuple(
    (m.id, m.name, m.segment, m.length_m,
     _HOLDER_OF_SEGMENT.get(m.segment) or _VEHICLE_SIDE[m.id]) for m in facts.MODULES)

MODULE_IDS: tuple[str, ...] = tuple(m[0] for m in MODULES)
MODULE_INDEX: dict[str, int] = {m: i for i, m in enumerate(MODULE_IDS)}
MODULE_NAME: dict[str, str] = {m[0]: m[1] for m in MODULES}
SEGMENT: dict[str, str] = {m[0]: m[2] for m in MODULES}
LENGTH_M: dict[str, float] = {m[0]: m[3] for m in MODULES}
INITIAL_HOLDER: dict[str, str] = {m[0]: m[4] for m in MODULES}

HATCHES: tuple[tuple[str, str], ...] = facts.HATCHES
HATCH_IDS: tuple[str, ...] = tuple(f"{a}-{b}" for a, b in HATCHES)
HATCH_ENDS: dict[str, tuple[str, str]] = dict(zip(HATCH_IDS, HATCHES, strict=True))

#: module -> tuple of (neighbour, hatch id), in a fixed order.
NEIGHBOURS: dict[str, tuple[tuple[str, str], ...]] = {
    m: tuple((b if a == m else a, h) for h, (a, b) in HATCH_ENDS.items() if m in (a, b))
    for m in MODULE_IDS
}
HATCH_BETWEEN: dict[tuple[str, str], str] = {}
for _h, (_a, _b) in HATCH_ENDS.items():
    HATCH_BETWEEN[(_a, _b)] = _h
    HATCH_BETWEEN[(_b, _a)] = _h

HATCH_S = tn.HATCH_S
FORCE_S = tn.FORCE_S
SPEED_M_S = tn.SPEED_M_S


def hop_seconds(a: str, b: str) -> int:
    """Centre of ``a`` to centre of ``b``: (len_a/2 + len_b/2) / 0.5 m/s + 5 s, rounded up."""
    return HATCH_S + math.ceil((LENGTH_M[a] + LENGTH_M[b]) / 2 / SPEED_M_S - 1e-9)


HOP_S: dict[tuple[str, str], int] = {
    (a, b): hop_seconds(a, b) for (a, b) in HATCH_BETWEEN
}

# Vehicles: the ways home. vehicle id -> (side, capacity, port module)
VEHICLES: dict[str, tuple[str, int, str]] = {
    v.id: (v.side, v.capacity, v.port) for v in facts.VEHICLES
}
VEHICLE_OF: dict[str, str] = {side: v for v, (side, _c, _p) in VEHICLES.items()}

# Command and control: holding both for SEIZE_S seizes the station.
CONTROL_MODULES: tuple[str, ...] = facts.CONTROL_MODULES

# Systems: id -> (module, display name). Their effects live in rules.py.
SYSTEMS: tuple[tuple[str, str, str], ...] = tuple(
    (x.id, x.module, x.name) for x in facts.SYSTEMS)
SYSTEM_IDS: tuple[str, ...] = tuple(s[0] for s in SYSTEMS)
SYSTEM_MODULE: dict[str, str] = {s[0]: s[1] for s in SYSTEMS}
SYSTEM_NAME: dict[str, str] = {s[0]: s[2] for s in SYSTEMS}

CUPOLA = facts.CUPOLA


def _tree_routes() -> dict[tuple[str, str], tuple[str, ...]]:
    """The one route between every pair of modules: the station is a tree (PMA-1 is the
    only passage between the segments; ``tests/test_facts.py`` holds it to that)."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for start in MODULE_IDS:
        prev = {start: ""}
        queue = deque([start])
        while queue:
            m = queue.popleft()
            for n, _h in NEIGHBOURS[m]:
                if n not in prev:
                    prev[n] = m
                    queue.append(n)
        for goal in MODULE_IDS:
            route, m = [], goal
            while m != start:
                route.append(m)
                m = prev[m]
            out[(start, goal)] = tuple(reversed(route))
    return out


#: (a, b) -> the modules after ``a`` on the way to ``b``, every hatch open.
TREE_ROUTE: dict[tuple[str, str], tuple[str, ...]] = _tree_routes()
#: (a, b) -> the hatches crossed on that way, in order.
ROUTE_HATCHES: dict[tuple[str, str], tuple[str, ...]] = {
    (a, b): tuple(HATCH_BETWEEN[(x, y)] for x, y in zip((a, *r), r, strict=False))
    for (a, b), r in TREE_ROUTE.items()
}


def path(start: str, goal: str, hatch_open) -> list[str] | None:
    """The route from ``start`` to ``goal`` through hatches where ``hatch_open(hatch_id)``
    is true: the modules after ``start``, or None if a closed hatch cuts it off."""
    for h in ROUTE_HATCHES[(start, goal)]:
        if not hatch_open(h):
            return None
    return list(TREE_ROUTE[(start, goal)])


def first_closed_hatch(start: str, goal: str, hatch_open) -> str:
    """The first closed hatch on the way from ``start`` to ``goal``, or ""."""
    for h in ROUTE_HATCHES[(start, goal)]:
        if not hatch_open(h):
            return h
    return ""


def side_of(hatch: str, module: str) -> frozenset[str]:
    """Modules reachable from ``module`` without passing ``hatch`` (its side of the hatch)."""
    seen = {module}
    queue = deque([module])
    while queue:
        m = queue.popleft()
        for n, h in NEIGHBOURS[m]:
            if h != hatch and n not in seen:
                seen.add(n)
                queue.append(n)
    return frozenset(seen)


def route_seconds(start: str, route: list[str]) -> int:
    """Seconds to walk ``route`` (as returned by :func:`path`) from ``start``."""
    total, here = 0, start
    for m in route:
        total += HOP_S[(here, m)]
        here = m
    return total


#: Seconds from module to module if every hatch were open (for the AI's estimates).
TREE_SECONDS: dict[tuple[str, str], int] = {
    (a, b): route_seconds(a, list(r)) for (a, b), r in TREE_ROUTE.items()
}

#: The module of each side's segment next to the border (where a guest is shown back to).
BORDER_MODULE: dict[str, str] = {US: "unity", RU: "zarya"}
