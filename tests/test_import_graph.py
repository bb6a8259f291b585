"""The layers talk through their public faces: an import-graph check over game/ (ast).

Rules (README "How it is built"):

- ``game.sim``, ``game.replay`` and ``game.orbit`` are entered from outside only through
  ``game.sim.api``, ``game.replay.api`` and ``game.orbit.api``;
- each layer imports only the layers below it (:data:`MAY_IMPORT`), never one above;
- ``game.facts``, ``game.errors``, ``game.paths``, ``game.newgame``, ``game.untrusted`` and
  the ``game`` package itself are shared ground: anyone may import them;
- no module reads another module's private names (``thing._field``, or
  ``from x import _name``): a bench or a screen that needs something asks for a public
  method;
- no import by a computed name (``importlib.import_module("game...")``), which would hide
  an edge from this check.

The one exception is named with its reason in :data:`EXCEPTIONS`.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"

SHARED = {"game", "game.facts", "game.errors", "game.paths", "game.newgame",
          "game.untrusted"}
PUBLIC = {"sim": "game.sim.api", "replay": "game.replay.api", "orbit": "game.orbit.api"}
#: layer -> the layers it may import (through PUBLIC where a layer has a public face)
MAY_IMPORT = {
    "orbit": set(),
    "sim": set(),
    "replay": {"sim", "orbit"},
    "bots": {"sim", "orbit"},  # balance plays seeds on real orbit timelines
    "session": {"sim", "orbit", "replay"},
    "view": {"session", "sim", "orbit", "replay"},
    "bench": {"sim", "orbit", "replay", "session", "view"},
    "cli": {"sim", "orbit", "replay", "session", "view", "bots", "bench"},
    "shared": {"sim", "orbit"},  # game.newgame builds a game from an orbit
}
#: (importing layer, imported module) allowed past the rules, with the reason
EXCEPTIONS = {
    ("sim", "game.orbit.timeline"):
        "the orbit timeline is the data the simulation consumes (numpy only): the "
        "contract between the two layers, defined once in game.orbit",
}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _is_module(name: str) -> bool:
    p = ROOT.joinpath(*name.split("."))
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def layer_of(module: str) -> str | None:
    """"sim", "view", ... or "shared" for a module under game/; None outside game."""
    parts = module.split(".")
    if parts[0] != "game":
        return None
    for shared in SHARED - {"game"}:
        if module == shared or module.startswith(shared + "."):
            return "shared"
    if module == "game":
        return "shared"
    if module == "game.__main__":  # ``python -m game``: the command line's door
        return "cli"
    return parts[1]


def imported_modules(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    """(line, module, names imported from it) for every import of a game module."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names if a.name.split(".")[0] == "game"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "game":
                continue
            plain = []
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                if _is_module(sub):  # from game.sim import station: the module itself
                    out.append((node.lineno, sub, []))
                else:
                    plain.append(a.name)
            if plain:
                out.append((node.lineno, node.module, plain))
    return out


def violations(module: str, source: str) -> list[str]:
    """Every rule ``source`` (the text of ``module``) breaks, one line each."""
    tree = ast.parse(source)
    me = layer_of(module)
    bad = []
    for line, target, names in imported_modules(tree):
        there = layer_of(target)
        where = f"{module}:{line} imports {target}"
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        if private:
            bad.append(f"{where}: private name(s) {private}")
        if there is None or there == me or there == "shared":
            continue
        if (me, target) in EXCEPTIONS:
            continue
        if there not in MAY_IMPORT[me]:
            bad.append(f"{where}: layer {me} may not import layer {there}")
        elif there in PUBLIC and target != PUBLIC[there]:
            bad.append(f"{where}: use {PUBLIC[there]}")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                and not node.attr.startswith("__")):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                bad.append(f"{module}:{node.lineno}: reads a private field "
                           f"{ast.unparse(node)}")
        if isinstance(node, ast.Call):
            fn = ast.unparse(node.func)
            if fn in ("importlib.import_module", "import_module", "__import__"):
                bad.append(f"{module}:{node.lineno}: imports by a computed name ({fn})")
    return bad


#: private fields read on purpose on objects of the same module (the test names them)
SAME_MODULE_PRIVATE = {
    ("game.replay.recorder", "rec._reason"): "Recorder.create reads the recorder it made",
    ("game.sim.views", "cv._replace"): "NamedTuple._replace is the public copy-with API",
}


def _sources():
    for path in sorted(GAME.rglob("*.py")):
        yield module_name(path), path.read_text(encoding="utf-8")


def test_every_cross_layer_import_goes_through_a_public_face():
    bad = []
    edges = 0
    for module, source in _sources():
        edges += len(imported_modules(ast.parse(source)))
        for v in violations(module, source):
            if not any(v.startswith(f"{m}:") and f" {field}" in v
                       for (m, field) in SAME_MODULE_PRIVATE):
                bad.append(v)
    assert edges > 300  # the check read the real graph, not an empty one
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("module, source, expected", [
    ("game.view.panels.x", "from game.sim.station import MODULE_NAME", "use game.sim.api"),
    ("game.view.panels.x", "from game.sim import station", "use game.sim.api"),
    ("game.session.x", "def f():\n    from game.replay.reader import read_replay",
     "use game.replay.api"),
    ("game.cli.x", "import game.orbit.track", "use game.orbit.api"),
    ("game.sim.x", "from game.view.app import App", "layer sim may not import layer view"),
    ("game.replay.x", "from game.session.setup import GameSetup",
     "layer replay may not import layer session"),
    ("game.bench.x", "feed._t[-1]", "reads a private field feed._t"),
    ("game.view.x", "from game.replay.api import _secret", "private name"),
    ("game.view.x", "importlib.import_module('game.view.screens.title')", "computed name"),
])
def test_the_check_catches_each_kind_of_breach(module, source, expected):
    assert any(expected in v for v in violations(module, source)), violations(module, source)


def test_the_public_faces_and_shared_ground_pass():
    ok = ("from game.sim.api import station, AI, play\nfrom game.replay.api import Recorder\n"
          "from game.orbit.api import load_orbit\nfrom game.facts.ground import MISSION_CONTROL"
          "\nfrom game.session.world import SimWorld\nself._x = 1\n")
    assert violations("game.view.screens.x", ok) == []


def test_views_are_frozen_snapshots():
    """What a screen reads of the game (StateView and its records) cannot be written:
    nothing outside game/sim holds a live crew record."""
    from pinned import pinned_orbit

    from game.newgame import setup_game
    from game.sim import api

    game = setup_game(pinned_orbit(), seed=1, warp=3.0)
    game.step(30)
    view = game.state
    records = [view, *view.crew, *view.modules, *view.hatches, *view.systems, *view.bonds]
    for rec in records:  # a frozen dataclass or a NamedTuple: no field can be set
        frozen = (dataclasses.is_dataclass(rec) and type(rec).__dataclass_params__.frozen
                  or isinstance(rec, tuple) and hasattr(rec, "_fields"))
        assert frozen, type(rec)
    crew = view.crew[0]
    with pytest.raises(AttributeError):
        crew.module = "cupola"  # type: ignore[misc]
    assert type(crew) is api.CrewView
