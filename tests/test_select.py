"""Selecting events: a period takes every event whose possible dates reach into it, criteria
combine, values are checked, and the selection says in words what chose it."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.errors import AnalysisError
from analysis.reports.select import parse_period, select


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def test_a_window_reaching_into_the_period_is_selected(rec):
    ev = rec.events
    straddling = ev[(ev.date_precision == "window") & (ev.date_start.dt.year < ev.date_end.dt.year)]
    assert not straddling.empty, "the record should hold windows spanning a new year"
    row = straddling.iloc[0]
    year = str(row.date_end.year)
    assert row.event_id in set(select(rec, period=year).events.event_id)
    assert row.event_id in set(select(rec, period=str(row.date_start.year)).events.event_id)
    assert row.event_id not in set(select(rec, period=str(row.date_end.year + 1)).events.event_id)


def test_criteria_combine_and_are_described(rec):
    sel = select(rec, period="2016-2019", countries=["ba"], statuses=["held"])
    assert not sel.empty
    assert (sel.events.date_start <= pd.Timestamp("2019-12-31")).all()
    assert (sel.events.date_end >= pd.Timestamp("2016-01-01")).all()
    in_ba = set(rec.event_countries.loc[rec.event_countries.country_code == "BA", "event_id"])
    assert set(sel.events.event_id) <= in_ba
    assert set(sel.events.status) == {"held"}
    words = sel.describe()
    assert "period: 2016-2019" in words and "(BA)" in words and "statuses: held" in words


def test_no_criteria_selects_everything_in_date_order(rec):
    sel = select(rec)
    assert len(sel.events) == len(rec.events) and sel.describe() == "all events"
    dated = sel.events.date_start.dropna()
    assert dated.is_monotonic_increasing


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"period": "2019-2016"}, "ends before it starts"),
    ({"period": "last year"}, "use YYYY"),
    ({"countries": ["ZZ"]}, "country code 'ZZ'"),
    ({"organisations": ["no-such-body"]}, "unknown organisation 'no-such-body'"),
])
def test_bad_criteria_name_the_value(rec, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        select(rec, **kwargs)


def test_parse_period_bounds():
    assert parse_period("2017-05-30/2018-09-06") == (pd.Timestamp("2017-05-30"), pd.Timestamp("2018-09-06"))
    assert parse_period("") is None
