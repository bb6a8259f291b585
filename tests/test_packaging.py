"""The wheel carries every package: pyproject.toml lists them by hand, so a new folder
under game/ that is not listed would install without it and fail on import."""

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parent.parent


def _listed() -> set[str]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return set(tomllib.load(fh)["tool"]["setuptools"]["packages"])


def test_every_game_package_is_listed_in_pyproject():
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "game").rglob("__init__.py")}
    missing = sorted(found - _listed())
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_listed_package_exists():
    """The other way round: a listed package with no folder (renamed, deleted) breaks the
    build; game.assets and game.orbits are the data folders mapped in package-dir."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        mapped = tomllib.load(fh)["tool"]["setuptools"]["package-dir"]
    for name in sorted(_listed()):
        folder = ROOT / mapped.get(name, name.replace(".", "/"))
        assert folder.is_dir(), f"pyproject.toml lists {name}, but {folder} is not there"
        if name not in mapped or mapped[name] == name.replace(".", "/"):
            assert (folder / "__init__.py").is_file(), f"{name} has no __init__.py"
