"""Bounded work for every input: regular files only (a FIFO, /dev/zero, a folder: one
clear line, no hang), bounded reads, replay size limits, the replay catalogue reading a
header and a tail, and the seed bound shared by the game and its replays."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pinned import pinned_orbit_path

from game.cli.main import main
from game.errors import OrbitDataError, ReplayError
from game.orbit.api import read_orbit_file
from game.replay.catalog import describe, list_replays
from game.replay.reader import MAX_CHECKSUMS, MAX_COMMANDS, parse_replay, read_replay

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.tle"
    os.mkfifo(path)
    return path


def test_orbit_and_replay_readers_refuse_special_files(fifo, tmp_path):
    for reader, err in ((read_orbit_file, OrbitDataError), (read_replay, ReplayError)):
        with pytest.raises(err, match="is a pipe"):
            reader(fifo)  # opened without blocking: no writer needed, no hang
        with pytest.raises(err, match="is a device"):
            reader("/dev/zero")  # no 6 GB MemoryError
        with pytest.raises(err, match="is a folder"):
            reader(tmp_path)
        with pytest.raises(err, match="no such file"):
            reader(tmp_path / "missing")


@pytest.mark.parametrize("argv", [["orbit", "show", "{f}"], ["replay", "{f}", "--verify"],
                                  ["orbit", "track", "{f}", "--start", "2026-10-09",
                                   "--hours", "1", "--step", "60"]])
def test_cli_on_a_fifo_is_one_line_and_no_hang(fifo, argv):
    cmd = [sys.executable, "-m", "game.cli.main", *[a.format(f=fifo) for a in argv]]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=ENV, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "is a pipe (FIFO)" in proc.stderr


def test_oversized_orbit_file_is_refused_before_reading(tmp_path, monkeypatch):
    import game.orbit.parse as parse

    monkeypatch.setattr(parse, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.tle"
    big.write_text(" " * 2000)
    with pytest.raises(OrbitDataError, match="is 2000 bytes; over 1000 bytes is refused"):
        read_orbit_file(big)


# --- replays: size limits that keep verify fast ---------------------------------------
@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    path = tmp_path_factory.mktemp("rec") / "game.jsonl"
    assert main(["sim", "--seed", "3", "--orbit", str(pinned_orbit_path()),
                 "--record", str(path)]) == 0
    return path


def _with_lines(recorded, extra: list[str]) -> bytes:
    lines = recorded.read_bytes().split(b"\n")
    header = lines[0]
    return header + b"\n" + b"".join(x.encode() + b"\n" for x in extra)


def test_more_commands_than_the_limit_are_refused(recorded):
    cmd = '{"t":0,"cmd":{"kind":"stop","side":"us","crew":"kira"}}'
    data = _with_lines(recorded, [cmd] * (MAX_COMMANDS + 1))
    with pytest.raises(ReplayError, match=f"over {MAX_COMMANDS} commands"):
        parse_replay(data, "many.jsonl")


def test_more_checksum_lines_than_the_limit_are_refused(recorded):
    ck = '{"t":0,"checksum":"' + "0" * 32 + '","log":"' + "0" * 32 + '"}'
    data = _with_lines(recorded, [ck] * (MAX_CHECKSUMS + 1))
    with pytest.raises(ReplayError, match=f"over {MAX_CHECKSUMS} checksum lines"):
        parse_replay(data, "many.jsonl")


def test_the_catalogue_reads_only_the_header_and_the_tail(recorded, tmp_path):
    good = describe(recorded)
    assert good.ok and good.ending and good.ending != "cut short" and good.ticks > 0
    # a broken line in the middle: the full reader refuses it, the row does not read it
    lines = recorded.read_bytes().split(b"\n")
    lines[len(lines) // 2] = b'{"t": "not a tick"}'
    broken = tmp_path / "broken-middle.jsonl"
    broken.write_bytes(b"\n".join(lines))
    with pytest.raises(ReplayError):
        read_replay(broken)
    row = describe(broken)
    assert row.ok and (row.ending, row.ticks) == (good.ending, good.ticks)
    # cut short: the tick of the last complete line, "cut short"
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"\n".join(recorded.read_bytes().split(b"\n")[:5]) + b"\n{\"t\": 9")
    row = describe(cut)
    assert row.ending == "cut short" and row.ticks == json.loads(
        recorded.read_bytes().split(b"\n")[4])["t"]
    # a bad header is the row's one-line error
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"format": "nope"}\n')
    assert not describe(bad).ok and "\n" not in describe(bad).error


def test_the_catalogue_lists_a_folder_it_cannot_write_or_that_is_missing(recorded, tmp_path):
    assert list_replays(tmp_path / "nowhere") == []
    rows = list_replays(recorded.parent)
    assert [r.path.name for r in rows] == [recorded.name]


def test_seed_two_to_the_63_is_refused_up_front(capsys, tmp_path):
    out = tmp_path / "r.jsonl"
    assert main(["sim", "--seed", str(2**63), "--record", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--seed must be an integer from" in err
    assert not out.exists()


def test_the_largest_seed_records_a_replay_its_reader_accepts(capsys, tmp_path):
    out = tmp_path / "r.jsonl"
    for seed in (2**63 - 1, -(2**63 - 1)):
        assert main(["sim", "--seed", str(seed), "--warp", "3", "--orbit",
                     str(pinned_orbit_path()), "--record", str(out)]) == 0
        assert main(["replay", str(out), "--verify"]) == 0
    assert "verified" in capsys.readouterr().out
