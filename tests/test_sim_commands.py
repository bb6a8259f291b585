"""Command objects and their untrusted dict form."""

import pytest

from game.sim.api import (
    COMMAND_TYPES,
    Leave,
    Move,
    Restrain,
    command_from_dict,
    command_to_dict,
)


def test_round_trip_every_kind():
    for kind, cls in COMMAND_TYPES.items():
        names = [n for n in cls.__dataclass_fields__]
        cmd = cls(**{n: ("us" if n == "side" else "x_1") for n in names})
        d = command_to_dict(cmd)
        assert d["kind"] == kind
        assert command_from_dict(d) == cmd


def test_dict_form_is_plain():
    assert command_to_dict(Move("us", "kira", "destiny")) == {
        "kind": "move", "side": "us", "crew": "kira", "to": "destiny"}
    assert command_to_dict(Leave("ru", "alexey")) == {"kind": "leave", "side": "ru",
                                                      "crew": "alexey"}


@pytest.mark.parametrize("bad", [
    None, [], "move", {"kind": "teleport", "side": "us", "crew": "kira"},
    {"kind": "move", "side": "us", "crew": "kira"},
    {"kind": "move", "side": "us", "crew": "kira", "to": "destiny", "extra": 1},
    {"kind": "move", "side": "xx", "crew": "kira", "to": "destiny"},
    {"kind": "move", "side": "us", "crew": 5, "to": "destiny"},
    {"kind": "move", "side": "us", "crew": "kira", "to": "d" * 500},
    {"kind": "move", "side": "us", "crew": "kira", "to": "des tiny"},
    {"kind": "move", "side": "us", "crew": "", "to": "destiny"},
    {"kind": ["move"], "side": "us"},
    {1: 2, "kind": "stop", "side": "us", "crew": "kira"},
])
def test_bad_dicts_raise_value_error(bad):
    with pytest.raises(ValueError):
        command_from_dict(bad)


def test_commands_are_frozen():
    cmd = Restrain("us", "kira", "alexey")
    with pytest.raises(AttributeError):
        cmd.target = "nicholai"
    assert cmd.kind == "restrain"


def test_the_bot_contract_keeps_its_commands_and_their_fields():
    """Bots are written against these names and fields: add commands, never rename."""
    from game.sim.api import COMMAND_FIELDS

    contract = {"move": ("side", "crew", "to"), "talk": ("side", "crew", "target"),
                "restrain": ("side", "crew", "target"), "free": ("side", "crew", "target"),
                "open": ("side", "crew", "hatch"), "close": ("side", "crew", "hatch"),
                "offline": ("side", "crew", "system"), "restore": ("side", "crew", "system"),
                "leave": ("side", "crew"), "stop": ("side", "crew")}
    for kind, names in contract.items():
        assert COMMAND_FIELDS[kind] == names, kind
    import game.sim.api as api

    for name in ("Move", "Talk", "Restrain", "Free", "OpenHatch", "CloseHatch",
                 "SystemOffline", "SystemRestore", "Leave", "Stop"):
        assert name in api.__all__
