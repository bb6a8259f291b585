"""Record -> verify round trips, tampering caught, truncation plays, the carried orbit."""

import json
import subprocess
import sys

import pytest
from test_replay_helpers import record_game

from game.cli.main import main
from game.errors import ReplayError
from game.replay.api import Recorder, read_replay, verify_replay


def _lines(path):
    return path.read_text().splitlines()


def _write(path, lines):
    path.write_text("".join(line + "\n" for line in lines))
    return path


@pytest.mark.parametrize("seed", range(10))
def test_sim_record_then_verify_round_trip(tmp_path, seed, capsys):
    f = tmp_path / f"s{seed}.jsonl"
    assert main(["sim", "--seed", str(seed), "--record", str(f), "--json"]) == 0
    sim_out = json.loads(capsys.readouterr().out)
    replay = read_replay(f)
    assert replay.warning is None
    assert replay.result["ending"] == sim_out["ending"]
    assert replay.result["checksum"] == sim_out["checksum"]
    assert replay.header["orbit"]["line1"] == sim_out["orbit"][0]
    report = verify_replay(replay)
    assert report.ok, report.message
    assert report.checksums >= 2
    assert report.ticks == sim_out["ticks"]


def test_sim_record_carries_the_orbit_name(tmp_path, capsys):
    """QA: sim --record wrote "orbit":{"name":""...}; windowed games write the name."""
    f = tmp_path / "named.jsonl"
    assert main(["sim", "--seed", "2", "--record", str(f), "--json"]) == 0
    sim_out = json.loads(capsys.readouterr().out)
    orbit = read_replay(f).header["orbit"]
    assert orbit["name"] == "ISS (ZARYA)"
    assert sim_out["orbit"] == [orbit["line1"], orbit["line2"]]  # --json: the two lines


def test_cli_verify_subprocess(tmp_path):
    f = record_game(tmp_path / "g.jsonl", seed=4)
    p = subprocess.run([sys.executable, "-m", "game", "replay", str(f), "--verify"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("verified ")
    assert "checksums" in p.stdout


def test_recorder_for_a_live_game_with_irregular_steps(tmp_path):
    """The windowed game's way: attach, step by odd amounts, checkpoint, finish."""
    from test_replay_helpers import _orbit_and_timeline

    from game.sim.ai import AI
    from game.sim.api import new_game

    orbit, timeline, max_ticks = _orbit_and_timeline(30.0)
    game = new_game("film", 8, timeline, max_ticks=max_ticks)
    ai = {s: AI(s, 8, "easy") for s in ("us", "ru")}
    f = tmp_path / "live.jsonl"
    rec = Recorder.for_game(f, game, orbit=orbit, sides={"us": "ai", "ru": "ai"},
                            difficulty="easy", warp=30.0, checksum_every=500)
    step = 7
    while not game.ended and game.tick < 20_000:
        for c in ai.values():
            if c.wake <= game.tick:
                for cmd in c.decide(game.view_for(c.side)):
                    game.submit(cmd)
        game.step(step)
        step = step % 37 + 11
        rec.checkpoint(game)
    rec.finish(game)
    assert rec.closed and rec.error is None
    replay = read_replay(f)
    assert replay.result is not None and replay.warning is None
    report = verify_replay(replay)
    assert report.ok, report.message
    assert report.checksums > 20


def test_tampered_target_is_caught_naming_the_tick(tmp_path, capsys):
    f = record_game(tmp_path / "g.jsonl", seed=3)
    lines = _lines(f)
    i = next(i for i, line in enumerate(lines) if '"kind":"move"' in line and i > 5)
    obj = json.loads(lines[i])
    obj["cmd"]["to"] = "zvezda" if obj["cmd"]["to"] != "zvezda" else "unity"
    lines[i] = json.dumps(obj, separators=(",", ":"))
    t = _write(tmp_path / "t.jsonl", lines)
    rc = main(["replay", str(t), "--verify"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1
    assert len(err) == 1 and "desync at tick " in err[0]


def test_tampered_tick_is_caught(tmp_path, capsys):
    f = record_game(tmp_path / "g.jsonl", seed=5)
    lines = _lines(f)
    objs = [json.loads(x) for x in lines]
    caught = 0
    tried = 0
    for i in range(2, len(objs) - 2):
        o = objs[i]
        if "cmd" not in o:
            continue
        nxt = objs[i + 1].get("t", 10**9)
        new_t = min(o["t"] + 200, nxt)
        if new_t == o["t"]:
            continue
        mutated = [dict(x) for x in objs]
        mutated[i] = {"t": new_t, "cmd": o["cmd"]}
        t = _write(tmp_path / f"t{i}.jsonl", [json.dumps(x, separators=(",", ":"))
                                              for x in mutated])
        report = verify_replay(read_replay(t))
        tried += 1
        caught += not report.ok
        if not report.ok:
            assert report.message.startswith("desync at tick ")
        if tried == 5:
            break
    assert tried == 5 and caught == 5
    assert main(["replay", str(tmp_path / f"t{i}.jsonl"), "--verify"]) == 1


def test_tampered_checksum_names_its_tick(tmp_path):
    f = record_game(tmp_path / "g.jsonl", seed=2)
    lines = _lines(f)
    i = next(i for i, line in enumerate(lines) if '"checksum"' in line and '"result"' not in line)
    obj = json.loads(lines[i])
    obj["checksum"] = "0" * 32
    lines[i] = json.dumps(obj, separators=(",", ":"))
    report = verify_replay(read_replay(_write(tmp_path / "t.jsonl", lines)))
    assert not report.ok
    assert report.desync.tick == obj["t"]
    assert report.message.startswith(f"desync at tick {obj['t']}: expected {'0' * 32}, got ")


def test_truncated_file_plays_with_a_warning(tmp_path, capsys):
    f = record_game(tmp_path / "g.jsonl", seed=3)
    data = f.read_bytes()
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(data[: len(data) // 2])  # mid-line: a crash while writing
    replay = read_replay(cut)
    assert replay.warning and "incomplete" in replay.warning
    assert replay.result is None and replay.entries
    rc = main(["replay", str(cut), "--verify"])
    out, err = capsys.readouterr()
    assert rc == 0 and out.startswith("verified ")
    assert len(err.strip().splitlines()) == 1 and "warning" in err
    # no result line, but whole lines: also plays, also warns
    whole = _write(tmp_path / "whole.jsonl", _lines(f)[:-1])
    r2 = read_replay(whole)
    assert r2.warning and "no result line" in r2.warning
    from game.replay.player import ReplayPlayer

    p = ReplayPlayer(r2)
    assert p.desync is None and p.end_tick == r2.entries[-1].t


def test_recorder_without_finish_leaves_a_playable_file(tmp_path):
    from test_replay_helpers import _orbit_and_timeline

    from game.sim.ai import AI
    from game.sim.api import new_game
    from game.sim.runner import play

    orbit, timeline, max_ticks = _orbit_and_timeline(30.0)
    game = new_game("film", 6, timeline, max_ticks=max_ticks)
    f = tmp_path / "crash.jsonl"
    with Recorder.for_game(f, game, orbit=orbit, sides={"us": "ai", "ru": "ai"},
                           difficulty="hard", warp=30.0, attach=False) as rec:
        play(game, {s: AI(s, 6, "hard") for s in ("us", "ru")}, on_command=rec.on_command,
             checksum_every=600, on_checksum=rec.on_checksum, until=5000)
        # killed here: no finish()
    replay = read_replay(f)
    assert replay.warning and replay.result is None
    assert verify_replay(replay).ok


def test_replay_uses_the_orbit_it_carries(tmp_path, monkeypatch):
    f = record_game(tmp_path / "g.jsonl", seed=1)
    import game.paths

    def gone():
        raise AssertionError("a replay must not read orbits/")

    monkeypatch.setattr(game.paths, "orbits_dir", gone)
    monkeypatch.setattr(game.paths, "default_orbit_file", gone)
    assert verify_replay(read_replay(f)).ok
    # and it is really the carried TLE that counts: another valid element set desyncs
    from game.orbit.api import edit_elements, read_orbit_file

    monkeypatch.undo()
    orbit = read_orbit_file(game.paths.default_orbit_file())[0]
    other = edit_elements(orbit, inclination_deg=60.0)
    lines = _lines(f)
    head = json.loads(lines[0])
    head["orbit"] = {"name": "EDITED", "line1": other.line1, "line2": other.line2}
    lines[0] = json.dumps(head, separators=(",", ":"))
    report = verify_replay(read_replay(_write(tmp_path / "o.jsonl", lines)))
    assert not report.ok and "desync at tick" in report.message


def test_record_to_a_missing_folder_is_one_line(tmp_path, capsys):
    rc = main(["sim", "--seed", "1", "--record", str(tmp_path / "no" / "such" / "r.jsonl")])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and "cannot write replay" in err[0]


def test_read_error_is_replay_error(tmp_path):
    with pytest.raises(ReplayError, match="no such file"):
        read_replay(tmp_path / "nope.jsonl")
