"""scripts/sheet_person_aliases.py: the spellings a staging sheet recorded for people the record already holds reach
people.csv as aliases, but never from a rejected entry, never a bare surname, never a form that names another person,
never for a person a review has since unlinked from the entry's page; a sheet that cannot be read stops the run with
one line naming it and leaves the table as it was."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

from analysis.record.load import check

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("sheet_person_aliases", ROOT / "scripts" / "sheet_person_aliases.py")
sheet_aliases = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(sheet_aliases)


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _people(data: Path) -> dict[str, dict[str, str]]:
    return {p["person_id"]: p for p in _rows(data / "people.csv")}


def _a_link(data: Path) -> tuple[str, str, str]:
    """(page URL, person_id, another person's name): a person linked to an event of the record and its page."""
    urls = {e["event_id"]: e["source_url"] for e in _rows(data / "events.csv")}
    link = next(r for r in _rows(data / "event_people.csv") if urls.get(r["event_id"]))
    other = next(p["name"] for p in _rows(data / "people.csv") if p["person_id"] != link["person_id"] and " " in p["name"])
    return urls[link["event_id"]], link["person_id"], other


def _sheet(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "fam-test.yaml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def _entry(url: str, people: list[dict], **extra) -> dict:
    return {"source_url": url, "title": "t", "people": people, **extra}


def test_a_page_spelling_of_a_known_person_becomes_an_alias(data, tmp_path, capsys):
    url, pid, _ = _a_link(data)
    sheet = _sheet(tmp_path, [_entry(url, [{"name": "Zzyzx Qwertyová", "person_id": pid, "alias": "Зизикс Квертиова|Z. Q."}])])
    assert sheet_aliases.main([str(sheet), "--data", str(data)]) == 0
    aliases = _people(data)[pid]["aliases"].split("|")
    assert {"Zzyzx Qwertyová", "Зизикс Квертиова", "Z. Q."} <= set(aliases)
    assert "added: 3" in capsys.readouterr().out
    assert check(data).ok  # the table is rewritten whole and stays valid
    # a second run finds them known and changes nothing
    before = (data / "people.csv").read_bytes()
    assert sheet_aliases.main([str(sheet), "--data", str(data)]) == 0
    assert (data / "people.csv").read_bytes() == before


def test_rejected_entries_surnames_clashes_and_unlinked_people_are_left_out(data, tmp_path, capsys):
    url, pid, other = _a_link(data)
    on_page = {e["event_id"] for e in _rows(data / "events.csv") if e["source_url"] == url}
    linked = {r["person_id"] for r in _rows(data / "event_people.csv") if r["event_id"] in on_page}
    stranger = next(p for p in _people(data) if p not in linked)
    sheet = _sheet(tmp_path, [
        _entry(url, [{"name": "Rejected Spelling", "person_id": pid}], rejected="editor: not in scope"),
        _entry(url, [{"name": "Qwertyová", "person_id": pid}]),           # a surname alone
        _entry(url, [{"name": "Dаlibor Qwerty", "person_id": pid}]),       # a Cyrillic 'а' among Latin letters
        _entry(url, [{"name": other, "person_id": pid}]),                  # another person's name
        _entry(url, [{"name": "Unlinked Person", "person_id": stranger}]),  # not linked to this page's event
        _entry(url, [{"name": "New Person Without Id"}]),                  # a new person with no alias: nothing to add
    ])
    before = _people(data)
    assert sheet_aliases.main([str(sheet), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert _people(data) == before
    assert "added: 0" in out and "clash: 1" in out and "skip: 3" in out
    assert "single word" in out and "not linked" in out and "mixes Latin and Cyrillic" in out


def test_an_unreadable_sheet_stops_with_one_line_and_changes_nothing(data, tmp_path, capsys):
    bad = tmp_path / "fam-bad.yaml"
    bad.write_text("- source_url: [unclosed\n", encoding="utf-8")
    before = (data / "people.csv").read_bytes()
    assert sheet_aliases.main([str(bad), "--data", str(data)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "fam-bad.yaml" in err[0] and "Traceback" not in err[0]
    assert (data / "people.csv").read_bytes() == before


def test_a_new_persons_alias_reaches_the_person_add_created_on_that_page(data, tmp_path, capsys):
    url, pid, _ = _a_link(data)
    on_page = {e["event_id"] for e in _rows(data / "events.csv") if e["source_url"] == url}
    linked = {r["person_id"] for r in _rows(data / "event_people.csv") if r["event_id"] in on_page}
    stranger = next(p["name"] for p in _people(data).values() if p["person_id"] not in linked and " " in p["name"])
    name = _people(data)[pid]["name"]  # as `add` would have created them: the sheet's name, linked to the page's event
    sheet = _sheet(tmp_path, [
        _entry(url, [{"name": name, "alias": "Qwerty Zzyzxová"}]),
        _entry(url, [{"name": stranger, "alias": "Elsewhere Spelling"}]),  # no person of that name on this page
    ])
    assert sheet_aliases.main([str(sheet), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    people = _people(data)
    assert "Qwerty Zzyzxová" in people[pid]["aliases"].split("|")
    assert not any("Elsewhere Spelling" in p["aliases"] for p in people.values())
    assert "added: 1" in out and "no single person named" in out
    assert check(data).ok
