"""The compiled gazetteer is kept on disk, in the user's cache, between runs (within one run:
test_ingest_gazetteer_cache.py); one `ingest` call spent most of its time compiling it. A second run with the same
tables and code reads it back; a cache that cannot be read or written only costs time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.curation.ingest import gazetteer
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"
TEXT = "Skopje, 3 May 2019 – MARRI met IOM on readmission."


def _compile(data_dir: Path, digest: str = "d1") -> Gazetteer:
    return gazetteer._compiled.__wrapped__(data_dir, digest)  # past the in-process cache, as a new process is


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("WBCOOP_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_run_reads_the_cached_gazetteer_instead_of_compiling(cache, monkeypatch):
    first = _compile(MINI)
    assert len(list(cache.glob("gazetteer-*.pickle"))) == 1

    def no_compiling(*_):
        raise AssertionError("compiled again although the cache holds it")

    monkeypatch.setattr(Gazetteer, "load", no_compiling)
    second = _compile(MINI)
    assert second.org_names == first.org_names and second.places == first.places
    assert [h["key"] for h in second.orgs.find(Folded(TEXT))] == [h["key"] for h in first.orgs.find(Folded(TEXT))] == ["marri", "iom"]


def test_other_tables_get_their_own_entry(cache):
    _compile(MINI, "d1")
    _compile(MINI, "d2")
    assert len(list(cache.glob("gazetteer-*.pickle"))) == 2


def test_a_damaged_cache_file_is_compiled_again_and_replaced(cache):
    _compile(MINI)
    (path,) = cache.glob("gazetteer-*.pickle")
    path.write_bytes(b"not a pickle")
    g = _compile(MINI)
    assert g.org_names["marri"] == "MARRI"
    assert path.read_bytes() != b"not a pickle"


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("WBCOOP_CACHE", str(blocker / "cache"))
    assert _compile(MINI).org_names["iom"] == "IOM"
    assert blocker.read_text() == "a file where the cache folder would be"
    assert not list(tmp_path.glob("**/.gazetteer-*"))  # no half-written temporary file left


def test_the_cache_keeps_only_a_few_records(cache, monkeypatch):
    monkeypatch.setattr(gazetteer, "_KEEP", 2)
    for n in range(4):
        _compile(MINI, f"d{n}")
    assert len(list(cache.glob("gazetteer-*.pickle"))) == 2


def test_a_change_to_the_tables_is_seen_through_the_digest(tmp_path, cache):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    before = Gazetteer.cached(data)
    with (data / "organisations.csv").open("a", encoding="utf-8") as f:
        f.write("sfa-ba,Service for Foreigners' Affairs,SFA,police,BA,\n")
    assert "sfa-ba" not in before.org_names and "sfa-ba" in Gazetteer.cached(data).org_names


def test_no_home_folder_means_no_cache_not_a_failure(monkeypatch):
    monkeypatch.delenv("WBCOOP_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert _compile(MINI).org_names["marri"] == "MARRI"
