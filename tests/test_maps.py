"""The map report: outlines ship with the package, counts per place and period add up, places
the map cannot show are listed, not dropped."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.reports import maps
from analysis.reports.select import select

PERIODS = ["2005-2012", "2013-2017", "2018-2025"]


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def test_outlines_hold_the_six_participants_and_their_neighbours():
    codes = {code for code, _, _ in maps.outlines()}
    assert set(maps.PARTICIPANTS) <= codes
    assert {"HR", "SI", "BG", "GR", "IT", "AT"} <= codes
    kosovo = next(rings for code, _, rings in maps.outlines() if code == "XK")
    lon, lat = kosovo[0][:, 0], kosovo[0][:, 1]
    assert 20 < lon.mean() < 22 and 42 < lat.mean() < 43.5


def test_counts_per_place_and_period_match_the_events(rec):
    sel = select(rec, period="2005-2025")
    table = maps.places_by_period(sel, PERIODS)
    assert not table.empty
    ev = sel.events.dropna(subset=["place_id", "date_start"])
    sarajevo_late = ev[(ev.place_id == "sarajevo") & ev.date_start.between(pd.Timestamp("2018-01-01"), pd.Timestamp("2025-12-31"))]
    row = table[(table.place_id == "sarajevo") & (table.period == "2018-2025")]
    assert int(row.events.iloc[0]) == sarajevo_late.event_id.nunique() > 0
    in_periods = ev[ev.date_start.between(pd.Timestamp("2005-01-01"), pd.Timestamp("2025-12-31"))]
    assert int(table.events.sum()) == in_periods.event_id.nunique()


def test_an_event_on_a_period_boundary_counts_in_that_period(rec):
    sel = select(rec)
    table = maps.places_by_period(sel, ["2013-2017", "2018-2025"])
    ev = sel.events.dropna(subset=["place_id"])
    first_day = ev[ev.date_start == ev.date_start[ev.date_start.dt.year == 2018].min()]
    assert len(first_day) > 0
    place = str(first_day.place_id.iloc[0])
    assert ((table.place_id == place) & (table.period == "2018-2025")).any()


def test_places_the_map_cannot_show_are_listed(rec):
    table = maps.places_by_period(select(rec), PERIODS)
    rest = maps.outside_frame(table)
    assert "Lyon" in set(rest.place) or "Brussels" in set(rest.place)
    assert set(rest.why) <= {"no coordinates in the record", "outside the map's frame"}
    shown = table[table.longitude.between(*maps.REGION[:2]) & table.latitude.between(*maps.REGION[2:])]
    assert int(shown.events.sum()) + int(rest.events.sum()) == int(table.events.sum())


def test_the_map_draws_a_panel_per_period_and_nothing_for_no_places(rec):
    table = maps.places_by_period(select(rec), PERIODS)
    fig = maps.events_map(table, PERIODS, "test")
    assert fig is not None and len([ax for ax in fig.axes if ax.get_title()]) == 3
    assert all(ax.collections for ax in fig.axes[:3])
    assert maps.events_map(table.iloc[0:0], PERIODS, "none") is None
