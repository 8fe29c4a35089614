"""``review``: a recorded row against its page, on fixtures (never the network)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from analysis.curation.review import read_list, render, review
from conftest import rows, write_rows

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "marri-interpol-lyon.txt"


def _drop_links(pkg: Path, table: str, event_id: str, key: str, value: str) -> None:
    t = rows(pkg / f"{table}.csv")
    col = t[0].index(key)
    write_rows(pkg / f"{table}.csv", [t[0]] + [r for r in t[1:] if not (r[0] == event_id and r[col] == value)])


def test_agreeing_row_has_no_omissions(pkg: Path):
    (r,) = review([("ev-0001", str(SEED))], pkg)
    assert r.error is None
    assert not [f for f in r.findings if f.kind == "lacks" and f.field in ("people", "countries")]


def test_omissions_and_unsupported_claims_are_found(pkg: Path):
    _drop_links(pkg, "event_people", "ev-0001", "person_id", "dominic-suc")
    t = rows(pkg / "event_countries.csv")
    write_rows(pkg / "event_countries.csv", [*t, ["ev-0001", "HU"]])
    (r,) = review([("ev-0001", str(SEED))], pkg)
    lacks = [f for f in r.findings if f.kind == "lacks"]
    unsupported = [f for f in r.findings if f.kind == "unsupported"]
    assert any(f.field == "people" and "Dominic Suc" in f.value and "line 8" in f.note for f in lacks)
    assert any(f.field == "countries" and f.value.startswith("HU") for f in unsupported)
    md = render([r], when="2026-11-29")
    assert "## ev-0001" in md and "- [ ] **people**: Dominic Suc" in md and "does not name" in md


def test_a_more_precise_date_is_reported(pkg: Path):
    (r,) = review([("ev-0004", str(FIXTURES / "trm-mavrovo.html"))], pkg)  # a page for another event: everything differs
    assert any(f.kind in ("date", "place") for f in r.findings)


def test_unreadable_page_is_one_finding(pkg: Path, tmp_path: Path):
    (r,) = review([("ev-0001", str(tmp_path / "missing.html"))], pkg)
    assert r.error and "no such file" in r.error
    assert "could not read the page" in render([r])


def test_cli_review_list_file_writes_an_atomic_report(pkg: Path, tmp_path: Path):
    listing = tmp_path / "list.tsv"
    listing.write_text(f"# id<TAB>page\nev-0001\t{SEED}\n", encoding="utf-8")
    assert read_list(listing) == [("ev-0001", str(SEED))]
    out = tmp_path / "review.md"
    res = subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), "review", "--list", str(listing), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("ev-0001: ") and out.read_text(encoding="utf-8").startswith("# Review of 1 event(s)")
    assert not list(tmp_path.glob(".*tmp*")), "no temporary file left behind"


def test_cli_review_unknown_event_is_one_line(pkg: Path, tmp_path: Path):
    res = subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), "review", "ev-9999", "--page", str(SEED),
                          "-o", str(tmp_path / "r.md")], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "ev-9999: no such event" in res.stderr and "Traceback" not in res.stderr


def test_cli_review_of_a_retired_id_says_what_became_of_it(pkg: Path, tmp_path: Path):
    """A citation of a row that left the record finds the row it was merged into, or why it was removed."""
    with (pkg / "retired_events.csv").open(encoding="utf-8", newline="") as fh:
        merged = next(r for r in csv.DictReader(fh) if r["merged_into"])
    res = subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), "review", merged["event_id"], "--page", str(SEED),
                          "-o", str(tmp_path / "r.md")], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"{merged['event_id']}: no longer in the record: merged into {merged['merged_into']}" in res.stderr


def test_cli_review_exits_1_naming_the_rows_whose_page_could_not_be_read(pkg: Path, tmp_path: Path):
    listing = tmp_path / "list.tsv"
    listing.write_text(f"ev-0001\t{SEED}\nev-0004\t{tmp_path / 'gone.html'}\n", encoding="utf-8")
    out = tmp_path / "review.md"
    res = subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), "review", "--list", str(listing), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.strip().splitlines()[-1] == ("error: 1 of 2 page(s) could not be read (ev-0004); "
                                                   "their rows were not checked")
    report = out.read_text(encoding="utf-8")
    assert "## ev-0001" in report and "could not read the page" in report
