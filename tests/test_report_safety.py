"""Data never reach a page as markup, and exported tables never carry live spreadsheet formulas:
reports are built from a copy of the record whose every free-text field holds a script."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from analysis.reports import runner
from conftest import rows, write_rows

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
FORMULA = '=HYPERLINK("http://evil.example","x")'
#: free-text columns of the tables reports show, and how long each may be
FIELDS = {"events.csv": {"title": 160, "summary": 600}, "organisations.csv": {"name": 200},
          "people.csv": {"name": 120}, "places.csv": {"name": 120}, "countries.csv": {"name": 200},
          "topics.csv": {"label": 200}, "initiatives.csv": {"name": 200}, "event_people.csv": {"role": 200}}


def _poison(pkg: Path) -> None:
    for file, fields in FIELDS.items():
        table = rows(pkg / file)
        header = table[0]
        for n, row in enumerate(table[1:]):
            for field, limit in fields.items():
                i = header.index(field)
                if row[i]:
                    extra = FORMULA if (file == "events.csv" and field == "title" and n % 7 == 0) else PAYLOAD
                    if extra == FORMULA:
                        row[i] = (extra + " " + row[i])[:limit].rstrip()
                    else:
                        row[i] = row[i][: limit - len(PAYLOAD) - 1].rstrip() + " " + PAYLOAD
        write_rows(pkg / file, table)


@pytest.fixture(scope="module")
def built(small_record: Path, tmp_path_factory) -> Path:
    """Three reports built from a poisoned copy of the small record (conftest.small_record: its
    events, and every organisation, person, place, country, topic and initiative of the record)."""
    import shutil

    root = tmp_path_factory.mktemp("unsafe")
    pkg = root / "data"
    shutil.copytree(small_record, pkg)
    _poison(pkg)
    specs = runner.load_config()
    wanted = ["timeline-all", "partner-interpol", "country-ba"]
    # one worker: its warm kernel builds the three in turn (the suite runs beside it on the other core)
    summary = runner.run_reports(specs, only=wanted, jobs=1, data=pkg, reports=root / "reports", progress=lambda _: None)
    assert not summary.failed, [o.error for o in summary.failed]
    return root / "reports"


def test_poisoned_record_is_still_valid_for_reports(built: Path):
    pages = list(built.rglob("*.html"))
    assert len(pages) >= 4  # three reports and the index


def test_no_page_carries_data_as_markup(built: Path):
    pages = list(built.rglob("*.html"))
    assert pages
    escaped = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, page
        assert "<img src=x onerror" not in text, page
        escaped += text.count("&lt;script&gt;alert(1)")
    assert escaped > 10, "the payload should be shown as text on the pages"


def test_exported_tables_neutralise_formulas(built: Path):
    tables = list(built.rglob("tables/*.csv"))
    assert tables
    seen = 0
    for path in tables:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")), (path.name, cell)
                seen += cell.startswith("'=HYPERLINK")
    assert seen > 0, "some exported cell should carry the neutralised formula"


def test_exported_event_tables_join_back_to_the_record(built: Path):
    import re

    path = built / "timeline-all" / "tables" / "events.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows and {"event_id", "date_start", "date_end", "date_precision"} <= set(rows[0])
    assert all(re.fullmatch(r"ev-\d{4,}", r["event_id"]) for r in rows)
    dated = [r for r in rows if r["date_start"]]
    assert dated and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date_start"]) for r in dated)
    page = (built / "timeline-all" / "index.html").read_text(encoding="utf-8")
    assert "<th>event_id</th>" not in page and '<th class="">event_id</th>' not in page
