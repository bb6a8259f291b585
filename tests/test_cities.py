"""One cities reader (game.facts.cities) for every layer; a missing or broken file is one
clear line and exit status 2, never a silent stand-in list."""

import pytest

from game.errors import AssetError
from game.facts.cities import read_cities
from game.sim import war


def test_the_bundled_file_is_read_once_for_all():
    rows = read_cities()
    assert len(rows) > 1000 and rows is read_cities()
    assert rows[0].name == "Shanghai" and rows[0].country == "CN"
    targets = war.load_cities()
    assert len(targets) == 120  # 60 most populous of each bloc
    assert ("Moscow", "RU", 55.752, 37.6178) in targets


def test_a_missing_file_is_one_line_naming_it(tmp_path):
    with pytest.raises(AssetError) as info:
        read_cities(tmp_path / "cities.csv")
    msg = str(info.value)
    assert msg.startswith(str(tmp_path / "cities.csv")) and "\n" not in msg
    assert "build_assets.py" in msg


@pytest.mark.parametrize("text, expected", [
    ("name,country,lat\nX,US,1\n", "lacks column(s) lon, population"),
    ("name,country,lat,lon,population\nX,US,95,0,10\n", "line 2: not a city"),
    ("name,country,lat,lon,population\nX,US,1,2,3\nY,US,north,2,3\n", "line 3: lat, lon"),
    ("name,country,lat,lon,population\n,US,1,2,3\n", "line 2: not a city"),
    ("name,country,lat,lon,population\nX,US,nan,2,3\n", "line 2: not a city"),
])
def test_a_broken_file_names_the_row(tmp_path, text, expected):
    p = tmp_path / "cities.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(AssetError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_cities(p)


def test_too_few_targets_for_a_war_is_refused(tmp_path):
    p = tmp_path / "cities.csv"
    p.write_text("name,country,lat,lon,population\n" +
                 "".join(f"C{i},US,{i},0,{1000 + i}\n" for i in range(12)) +
                 "Moscow,RU,55.75,37.62,12000000\n", encoding="utf-8")
    with pytest.raises(AssetError, match="fewer than 10 cities of the ru bloc"):
        war.load_cities(p)


def test_the_command_line_says_so_and_exits_2(tmp_path, monkeypatch, capsys):
    """With the bundled file gone, `iss-game sim` prints one line and exits 2."""
    from game.cli.main import main
    from game.facts import cities

    missing = tmp_path / "cities.csv"
    monkeypatch.setattr(cities, "_bundled", lambda: cities.read_cities(missing))
    war._bundled_targets.cache_clear()
    try:
        assert main(["sim", "--seed", "1"]) == 2
    finally:
        war._bundled_targets.cache_clear()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read the cities file" in err and str(missing) in err
