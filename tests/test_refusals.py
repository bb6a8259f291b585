"""Every refusal the rules can give is in the table the help shows (game.sim.refusals), and
the table holds nothing the rules no longer say; the panel's own refusals likewise."""

import ast
import re
from pathlib import Path

import pytest

from game.sim.api import REFUSALS, refusal_lines, tuning

ROOT = Path(__file__).resolve().parents[1]
_FIELD = re.compile(r"\{[^{}]*\}")


def _template(node) -> str | None:
    """An f-string (or plain string, or a sum of them) with every {...} as {}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _template(node.left), _template(node.right)
        return a + b if a is not None and b is not None else None
    return None


def _norm(msg: str) -> str:
    return _FIELD.sub("{}", msg)


def _check_messages() -> set[str]:
    """Every message a check in game/sim/tasks.py returns."""
    tree = ast.parse((ROOT / "game/sim/tasks.py").read_text())
    found = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef) or not (
                fn.name.startswith("_check") or fn.name in ("_target", "_leave_blocker",
                                                            "_together_blocker")):
            continue
        for n in ast.walk(fn):
            if isinstance(n, ast.Return) and n.value is not None:
                v = n.value.elts[1] if isinstance(n.value, ast.Tuple) else n.value
                t = _template(v)
                if t:  # "" is "no objection"
                    found.add(t)
    return found


def test_the_checks_are_read():
    msgs = _check_messages()
    assert len(msgs) > 40
    assert "{} is restrained" in msgs


@pytest.mark.parametrize("msg", sorted(_check_messages()))
def test_every_refusal_of_the_rules_is_in_the_table(msg):
    assert msg in {_norm(m) for _g, m, _w in REFUSALS}, f"not in game/sim/refusals.py: {msg}"


def test_the_table_holds_only_refusals_the_rules_give():
    msgs = _check_messages()
    stale = [m for _g, m, _w in REFUSALS if _norm(m) not in msgs]
    assert not stale


def test_the_reasons_cite_the_tuning_numbers():
    lines = refusal_lines()
    assert len(lines) == len(REFUSALS)
    pin = next(why for _g, m, why in lines if m.startswith("{crew} is pinned"))
    assert tuning.duration(tuning.PIN_S) in pin and "{" not in pin
    for _g, _m, why in lines:
        assert not re.search(r"\{[A-Z_]+\}", why), why


def test_the_panel_refusals_are_in_the_help():
    """The schematic's own refusals (no crew selected, watching ...) are listed too."""
    from game.view.panels.schematic_orders import PANEL_REFUSALS

    tree = ast.parse((ROOT / "game/view/panels/schematic_orders.py").read_text())
    said = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "_refuse" and n.args:
            t = _template(n.args[0])
            assert t is not None, ast.unparse(n)
            said.add(t)
    assert said
    listed = {_norm(m) for m, _w in PANEL_REFUSALS}
    assert said <= listed, said - listed
