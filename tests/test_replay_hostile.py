"""A replay file is untrusted input: anything wrong is one ReplayError line (exit 2)."""

import json
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_replay_helpers import record_game

from game.cli.main import main
from game.errors import ReplayError
from game.replay.api import ReplayPlayer, parse_replay, verify_replay


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    """A short real replay (warp 1: a 1800-tick game), as bytes."""
    path = tmp_path_factory.mktemp("r") / "short.jsonl"
    record_game(path, seed=3, warp=2.0, checksum_every=300)
    return path.read_bytes()


def _header(valid):
    return json.loads(valid.split(b"\n", 1)[0])


def _with_header(valid, **changes):
    h = _header(valid)
    for k, v in changes.items():
        if v is ...:
            del h[k]
        else:
            h[k] = v
    rest = valid.split(b"\n", 1)[1]
    return json.dumps(h).encode() + b"\n" + rest


def _with_line(valid, obj_or_bytes, where=2):
    lines = valid.split(b"\n")
    new = obj_or_bytes if isinstance(obj_or_bytes, bytes) else json.dumps(obj_or_bytes).encode()
    lines.insert(where, new)
    return b"\n".join(lines)


def _refused(data, match=None):
    with pytest.raises(ReplayError) as exc:
        parse_replay(data, "hostile.jsonl")
    msg = str(exc.value)
    assert msg.startswith("hostile.jsonl: ") and "\n" not in msg
    if match:
        assert match in msg, msg
    return msg


def test_valid_file_is_accepted(valid):
    r = parse_replay(valid, "ok.jsonl")
    assert r.warning is None and r.result is not None and r.entries


@pytest.mark.parametrize("data,match", [
    (b"", "empty file"),
    (b"\n\n  \n", "empty file"),
    (b"hello world\n", "line 1: not JSON"),
    (pickle.dumps({"format": "iss-game-replay"}), "line 1"),
    (b"\xff\xfe{\"a\": 1}\n", "not UTF-8"),
    (b"[" * 5000 + b"]" * 5000 + b"\n", "nested deeper"),
    (b"{\"a\":" * 100 + b"1" + b"}" * 100 + b"\n", "nested deeper"),
    (b"{\"format\": \"x\"}\n", "not an iss-game replay"),
    (b"[1, 2]\n", "expected a JSON object"),
    (b"{\"format\": \"iss-game-replay\", \"version\": 7}\n",
     "made by a newer iss-game (format v7); this build reads up to v1"),
    (b"{\"format\": \"iss-game-replay\", \"version\": \"1\"}\n", "'version'"),
    (b"{\"format\": \"iss-game-replay\", \"format\": \"x\"}\n", "duplicate key"),
    (b"x" * 20000 + b"\n", "longer than"),
])
def test_garbage_files(data, match):
    _refused(data, match)


def test_huge_file_refused():
    from game.replay.format import MAX_FILE_BYTES

    _refused(b" " * (MAX_FILE_BYTES + 10), "MiB")


@pytest.mark.parametrize("field,value,match", [
    ("seed", "7", "'seed'"),
    ("seed", 2**70, "'seed'"),
    ("seed", True, "'seed'"),
    ("scenario", "mars", "'scenario'"),
    ("sides", {"us": "robot", "ru": "ai"}, "'sides'"),
    ("sides", {"us": "ai"}, "'sides'"),
    ("difficulty", "nightmare", "'difficulty'"),
    ("warp", 0, "'warp'"),
    ("warp", 1e9, "'warp'"),
    ("warp", "30", "'warp'"),
    ("max_ticks", -5, "'max_ticks'"),
    ("max_ticks", 10**9, "'max_ticks'"),
    ("start_unix_s", 1e30, "'start_unix_s'"),
    ("checksum_every", 0, "'checksum_every'"),
    ("timeline", {"step_s": -1, "samples": 10}, "step_s"),
    ("timeline", [1, 2], "'timeline'"),
    ("orbit", "ISS", "'orbit'"),
    ("extra", 1, "unexpected field 'extra'"),
    ("seed", ..., "missing field 'seed'"),
    ("rules", "1", "'rules'"),
    ("rules", 99, "recorded under the newer game rules v99"),
    ("rules", 1, "recorded under the older game rules v1"),
    ("rules", ..., "recorded before game rules were versioned"),
])
def test_bad_header_fields(valid, field, value, match):
    _refused(_with_header(valid, **{field: value}), match)


def test_a_replay_from_before_rule_versions_names_its_build_never_none(valid):
    """QA: "an early iss-game None build" leaked a Python None into the message."""
    msg = _refused(_with_header(valid, rules=..., game_version=...),
                   "recorded before game rules were versioned")
    assert "None" not in msg and "by an early iss-game" in msg
    msg = _refused(_with_header(valid, rules=..., game_version="0.1.0"), "by iss-game 0.1.0")
    assert "None" not in msg


def test_bad_tle_in_header(valid):
    orb = _header(valid)["orbit"]
    broken = dict(orb, line1=orb["line1"][:-1] + str((int(orb["line1"][-1]) + 1) % 10))
    msg = _refused(_with_header(valid, orbit=broken), "line 1: the orbit it carries")
    assert "checksum" in msg
    _refused(_with_header(valid, orbit=dict(orb, line2="2 garbage")), "line 1")


def test_nan_and_infinity_refused(valid):
    text = valid.decode()
    head, rest = text.split("\n", 1)
    for bad in ("NaN", "Infinity", "-Infinity", "1e999"):
        h = head.replace('"warp":2.0', f'"warp":{bad}')
        assert h != head
        _refused((h + "\n" + rest).encode(), "line 1")
    _refused(_with_line(valid, b'{"t": NaN, "checksum": "00"}'), "line 3")


@pytest.mark.parametrize("obj,match", [
    ({"t": 5, "cmd": {"kind": "teleport", "side": "us", "crew": "kira"}},
     "unknown command kind 'teleport'"),
    ({"t": 5, "cmd": {"kind": "move", "side": "us", "crew": "kira"}}, "missing field 'to'"),
    ({"t": 5, "cmd": {"kind": "move", "side": "xx", "crew": "kira", "to": "unity"}}, "side"),
    ({"t": 5, "cmd": {"kind": "move", "side": "us", "crew": 3, "to": "unity"}}, "string"),
    ({"t": 5, "cmd": "move kira"}, "JSON object"),
    ({"t": -1, "cmd": {"kind": "stop", "side": "us", "crew": "kira"}}, "outside"),
    ({"t": 1.5, "cmd": {"kind": "stop", "side": "us", "crew": "kira"}}, "integer tick"),
    ({"t": "5", "cmd": {"kind": "stop", "side": "us", "crew": "kira"}}, "integer tick"),
    ({"t": 10**8, "cmd": {"kind": "stop", "side": "us", "crew": "kira"}}, "outside"),
    ({"t": 5, "checksum": "xyz", "log": "0" * 32}, "32 lowercase hex"),
    ({"t": 5, "checksum": "0" * 32}, "missing field 'log'"),
    ({"t": 5}, "expected a command"),
    ({"t": 5, "cmd": {"kind": "stop", "side": "us", "crew": "kira"}, "x": 1}, "unexpected"),
])
def test_bad_lines(valid, obj, match):
    msg = _refused(_with_line(valid, obj), match)
    assert "hostile.jsonl: line 3: " in msg


def test_decreasing_ticks_refused(valid):
    lines = valid.split(b"\n")
    late = json.loads(lines[-3])
    assert late["t"] > 0
    lines.insert(len(lines) - 2, json.dumps({"t": 0, "checksum": "0" * 32, "log": "0" * 32})
                 .encode())
    _refused(b"\n".join(lines), "goes back in time")


def test_lines_after_result_refused(valid):
    _refused(valid + b'{"t": 5, "checksum": "' + b"0" * 32 + b'", "log": "' + b"0" * 32
             + b'"}\n', "nothing may follow the result")


def test_cli_hostile_is_one_line_exit_2(tmp_path, capsys):
    f = tmp_path / "evil.jsonl"
    f.write_bytes(pickle.dumps(object))
    for argv in (["replay", str(f), "--verify"], ["replay", str(f), "--headless", "--frames",
                                                   "1"]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("iss-game replay: error: ")
        assert str(f) in err[0]
    f.write_bytes(b'{"format":"iss-game-replay","version":2}\n')
    assert main(["replay", str(f), "--verify"]) == 2
    assert "made by a newer iss-game (format v2); this build reads up to v1" in \
        capsys.readouterr().err


# ---- fuzzing ------------------------------------------------------------------------------

def _survives(data):
    """Reading, verifying and loading a player raise nothing but ReplayError."""
    try:
        r = parse_replay(data, "fuzz.jsonl")
    except ReplayError:
        return
    verify_replay(r)
    ReplayPlayer(r, snapshot_every=300)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_fuzz_random_bytes(data):
    _survives(data)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                              max_size=4),
    max_leaves=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_structured_mutations(valid, data):
    lines = valid.split(b"\n")[:-1]
    op = data.draw(st.sampled_from(["drop", "dup", "swap", "byte", "value", "cut", "key"]))
    i = data.draw(st.integers(0, len(lines) - 1))
    if op == "drop":
        del lines[i]
    elif op == "dup":
        lines.insert(i, lines[i])
    elif op == "swap":
        j = data.draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "byte":
        line = bytearray(lines[i])
        k = data.draw(st.integers(0, len(line) - 1))
        line[k] = data.draw(st.integers(0, 255))
        lines[i] = bytes(line)
    elif op in ("value", "key"):
        obj = json.loads(lines[i])
        target = obj
        while True:  # walk into a nested object
            inner = [k for k, v in target.items() if isinstance(v, dict)]
            if not inner or data.draw(st.booleans()):
                break
            target = target[data.draw(st.sampled_from(inner))]
        key = data.draw(st.sampled_from(sorted(target)))
        if op == "value":
            target[key] = data.draw(_json)
        else:
            target[data.draw(st.text(max_size=6))] = target.pop(key)
        lines[i] = json.dumps(obj).encode()
    blob = b"\n".join(lines) + b"\n"
    if op == "cut":
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    _survives(blob)


@pytest.mark.parametrize("field, digits", [("seed", "1" + "0" * 5000), ("warp", "2" + "0" * 45),
                                           ("warp", "2." + "0" * 60),
                                           ("max_ticks", "-" + "9" * 4400)])
def test_overlong_number_in_the_header_is_one_clear_line(valid, field, digits):
    """QA: a 5000-digit seed gave Python's internal 'Exceeds the limit (4300 digits) for
    integer string conversion ... t' (cut mid-word)."""
    h = _header(valid)
    h[field] = 0
    head = json.dumps(h).replace(f'"{field}": 0', f'"{field}": {digits}', 1).encode()
    data = head + b"\n" + valid.split(b"\n", 1)[1]
    msg = _refused(data, f"line 1: '{field}' is a number {len(digits)} characters long")
    assert "Exceeds" not in msg and "4300" not in msg


def test_overlong_number_in_a_command_line_names_the_field(valid):
    _refused(_with_line(valid, b'{"t": ' + b"7" * 300 + b', "cmd": {}}'),
             "line 3: 't' is a number 300 characters long")


def test_overlong_seed_via_the_cli_is_one_line(valid, tmp_path, capsys):
    h = _header(valid)
    h["seed"] = 0
    head = json.dumps(h).replace('"seed": 0', '"seed": ' + "1" * 5001, 1).encode()
    p = tmp_path / "bigseed.jsonl"
    p.write_bytes(head + b"\n" + valid.split(b"\n", 1)[1])
    assert main(["replay", str(p), "--verify"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'seed' is a number 5001 characters long" in err[0]
