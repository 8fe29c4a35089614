"""ingest, the record's memory: a person the record knows, named on a page without a body, is given the body the page
names that the record links them to in its rows nearest in time; never a body the page does not name, never from the row
the page is itself a source of, never across years."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.gazetteer import Gazetteer, url_key
from analysis.curation.ingest.recorded import recorded_body

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ingest-record"
LABOUR = "ministry-of-labour-employment-veteran-and-social-affairs-of"
PAGE = "https://example.org/news/vulin-presevo"


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture
def record(tmp_path: Path) -> Path:
    """The frozen look-up record, with three rows of history: Vulin with the labour ministry in 2016 (twice, one of them
    from PAGE itself) and with the interior ministry in 2021."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    _write(data / "events.csv", ["event_id", "date_start", "date_end", "source_url"],
           [["ev-1", "2016-03-01", "2016-03-01", "https://example.org/a"],
            ["ev-2", "2016-09-10", "2016-09-10", PAGE],
            ["ev-3", "2021-05-05", "", "https://example.org/c"]])
    _write(data / "event_sources.csv", ["event_id", "url", "publisher", "relation"], [["ev-1", "http://www.example.org/a-copy/", "x", "copy"]])
    _write(data / "event_people.csv", ["event_id", "person_id", "role", "role_original", "org_id"],
           [["ev-1", "aleksandar-vulin", "Minister", "", LABOUR],
            ["ev-2", "aleksandar-vulin", "Minister", "", LABOUR],
            ["ev-3", "aleksandar-vulin", "Minister", "", "mi-rs"]])
    return data


def test_nearest_row_in_time_gives_the_body(record):
    g = Gazetteer.load(record)
    assert recorded_body(g, "aleksandar-vulin", "2016-06-01", None)[0] == LABOUR
    assert recorded_body(g, "aleksandar-vulin", "2021-01-01", None)[0] == "mi-rs"
    assert recorded_body(g, "aleksandar-vulin", "2016-06-01", None)[1].startswith("ev-")


def test_no_body_across_years_or_when_rows_disagree(record):
    g = Gazetteer.load(record)
    assert recorded_body(g, "aleksandar-vulin", "2010-01-01", None) is None  # six years before any row: posts change
    assert recorded_body(g, "aleksandar-vulin", None, None) is None  # undated page, two bodies in the record
    assert recorded_body(g, "nobody-known", "2016-06-01", None) is None
    assert recorded_body(g, None, "2016-06-01", None) is None


def test_rows_of_the_page_itself_are_left_out(record):
    g = Gazetteer.load(record)
    assert recorded_body(g, "aleksandar-vulin", "2016-09-10", PAGE)[1].startswith("ev-1")  # not ev-2, PAGE's own row
    assert set(g.event_urls[url_key("https://example.org/a-copy")]) == {"ev-1"}  # scheme, www and slash ignored
    g.person_orgs["aleksandar-vulin"] = [r for r in g.person_orgs["aleksandar-vulin"] if r[2] == "ev-2"]
    assert recorded_body(g, "aleksandar-vulin", "2016-09-10", PAGE) is None  # its only row is the page's own


TEXT = ("Aleksandar Vulin visited the reception centre in Preševo on 12 June 2016 with representatives of UNHCR. "
        "The Ministry of Labour, Employment, Veteran and Social Affairs of Serbia said the centre hosts 700 migrants.")


def test_draft_takes_the_recorded_body_the_page_names(record):
    d = extract(TEXT, record)
    vulin = next(p for p in d["people"] if p.get("known_as") == "aleksandar-vulin")
    assert vulin["organisation"] == LABOUR
    assert any("Vulin" in line and "record" in line for line in d["evidence"]["to_check"])


def test_draft_never_takes_a_body_the_page_does_not_name(record):
    d = extract(TEXT.split(". ")[0] + ".", record)  # the ministry's sentence cut: the page names no body of Vulin's
    vulin = next(p for p in d["people"] if p.get("known_as") == "aleksandar-vulin")
    assert vulin["organisation"] is None


def test_a_record_without_event_tables_has_no_memory():
    g = Gazetteer.load(FIXTURE)
    assert g.person_orgs == {} and g.event_urls == {}
    vulin = next((p for p in extract(TEXT, FIXTURE)["people"] if p.get("known_as") == "aleksandar-vulin"), None)
    assert vulin is not None and vulin["organisation"] is None
