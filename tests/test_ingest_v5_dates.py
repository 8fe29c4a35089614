"""ingest v5, dates: a page's update note dates the page, not the event; a month compared with is not the event's month."""

from __future__ import annotations

from analysis.curation.ingest import extract
from analysis.curation.ingest.dates import find_dates


def test_an_update_note_is_a_stamp():
    text = "Izvor: Tanjug, 3.Mar.2011, 10:25   (ažurirano 05.Apr.2021.)\n\nMinistri su potpisali sporazum o saradnji."
    assert all(d["stamp"] for d in find_dates(text))


def test_a_month_compared_with_is_not_the_events():
    text = "Ministri su potpisali sporazum.\n\nBroj zahteva je za 35 odsto manji u odnosu na decembar 2010. godine."
    assert extract(text).get("date_start") is None
