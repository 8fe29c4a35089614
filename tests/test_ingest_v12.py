"""ingest v12: what running `ingest` over the record's own titles and summaries found."""

from __future__ import annotations

from pathlib import Path

from analysis.curation.ingest import extract
from analysis.curation.ingest.dates import find_dates, publication_date

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def test_a_month_after_published_is_no_page_stamp_and_does_not_crash_relative_dates():
    # ev-1802's summary: "the resulting report was ... published in June 2014" read as the page's stamp "2014-06";
    # counting "yesterday" back from it raised ValueError
    text = "GRETA visited Skopje yesterday. The report was published in June 2014."
    assert publication_date(find_dates(text)) is None
    d = extract(text, MINI)
    assert d["evidence"]["published"] is None


def test_a_day_stamp_is_still_the_publication_date_relative_dates_count_from():
    d = extract("Published 14.10.2024\nMARRI and IOM met in Skopje yesterday.", MINI)
    assert d["evidence"]["published"] == "2024-10-14"
    assert d.get("date_start") == "2024-10-13"
