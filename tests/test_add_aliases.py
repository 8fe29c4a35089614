"""scripts/add_aliases.py: local-language names of bodies enter organisations.csv only with their page and quote, never
as a name another body already carries (matching could no longer tell the two apart), never from a held-out page; the
table is rewritten whole and valid, and a malformed input stops with one line naming the file and line."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest

from analysis.record.load import check

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("add_aliases", ROOT / "scripts" / "add_aliases.py")
add_aliases = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(add_aliases)

URL = "https://www.mup.gov.rs/wps/portal/sr/aktuelno/saopstenja"
HEADER = "org_id\talias\turl\tquote\n"


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _orgs(data: Path) -> dict[str, dict[str, str]]:
    with (data / "organisations.csv").open(encoding="utf-8", newline="") as fh:
        return {o["org_id"]: o for o in csv.DictReader(fh)}


def _tsv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "aliases.tsv"
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_quoted_form_is_added_and_the_package_stays_valid(data, tmp_path, capsys):
    form = "Zzyzx uprava granične policije"  # a form no body carries, so the test does not depend on the record's aliases
    had = _orgs(data)["border-police-rs"]["aliases"].split("|")
    assert had and form not in had
    tsv = _tsv(tmp_path, f"border-police-rs\t{form}\t{URL}\tsaopštenje: {form} je danas")
    assert add_aliases.main([str(tsv), "--data", str(data)]) == 0
    body = _orgs(data)["border-police-rs"]
    assert body["aliases"].split("|") == [*had, form], "the aliases it had are kept, the new form is added after them"
    assert "added: 1" in capsys.readouterr().out
    assert not check(data).problems


def test_a_form_another_body_carries_is_a_clash_and_is_not_added(data, tmp_path, capsys):
    before = _orgs(data)
    taken = before["mi-rs"]["name"]
    tsv = _tsv(tmp_path, f"border-police-rs\t{taken}\t{URL}\t{taken} saopštava")
    assert add_aliases.main([str(tsv), "--data", str(data)]) == 0
    assert _orgs(data)["border-police-rs"]["aliases"] == before["border-police-rs"]["aliases"]
    out = capsys.readouterr().out
    assert "clash" in out and "mi-rs" in out


@pytest.mark.parametrize(("line", "why"), [
    (f"no-such-body\tGranična policija\t{URL}\tGranična policija", "no organisation"),
    ("border-police-rs\tGranična policija Srbije\t\tGranična policija Srbije", "URL"),
    (f"border-police-rs\tGranična policija Srbije\t{URL}\tpolicija je saopštila", "not in its quote"),
    (f"border-police-rs\tGranična policija Srbije\t{URL}\tGranična policija Srbije", "held out"),
])
def test_forms_without_evidence_or_from_held_out_pages_are_skipped(data, tmp_path, capsys, line, why):
    before = _orgs(data)
    exclude = tmp_path / "held-out.txt"
    exclude.write_text(URL + "\n", encoding="utf-8")
    args = [str(_tsv(tmp_path, line)), "--data", str(data)] + (["--exclude", str(exclude)] if why == "held out" else [])
    assert add_aliases.main(args) == 0
    assert _orgs(data) == before
    assert why in capsys.readouterr().out


def test_a_form_the_body_already_has_is_known_not_repeated(data, tmp_path, capsys):
    tsv = _tsv(tmp_path, f"border-police-rs\tUPRAVA GRANIČNE POLICIJE\t{URL}\tUPRAVA GRANIČNE POLICIJE saopštava")
    assert add_aliases.main([str(tsv), "--data", str(data)]) == 0
    assert _orgs(data)["border-police-rs"]["aliases"].count("|") == _orgs(ROOT / "data")["border-police-rs"]["aliases"].count("|")
    assert "known: 1" in capsys.readouterr().out


def test_a_malformed_file_stops_with_one_line_and_changes_nothing(data, tmp_path, capsys):
    before = (data / "organisations.csv").read_bytes()
    bad = tmp_path / "bad.tsv"
    bad.write_text("org_id,alias,url,quote\nborder-police-rs,x,y,z\n", encoding="utf-8")
    assert add_aliases.main([str(bad), "--data", str(data)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.tsv" in err[0] and "header" in err[0]
    assert (data / "organisations.csv").read_bytes() == before



def test_a_failed_write_stops_with_one_line_and_leaves_the_table(data, tmp_path, capsys, monkeypatch):
    before = (data / "organisations.csv").read_bytes()
    tsv = _tsv(tmp_path, f"border-police-rs\tZzyzx uprava\t{URL}\tZzyzx uprava saopštava")

    def disk_full(path, *_):  # what the atomic writer reports when the disk is full: the path and the cause
        raise add_aliases.AnalysisError(f"{path}: could not be written (No space left on device); the file was left as it was")

    monkeypatch.setattr(add_aliases, "write_csv_atomic", disk_full)
    assert add_aliases.main([str(tsv), "--data", str(data)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "organisations.csv" in err[0] and "No space" in err[0]
    assert (data / "organisations.csv").read_bytes() == before
