"""The typed record: dtypes, joins, and the seed event encoded in full."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.errors import DataValidationError
from conftest import set_cell

SEED_URL = "http://marri-rc.org.mk/?p=19844"


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def test_types(rec):
    ev = rec.events
    assert str(ev.date_start.dtype).startswith("datetime64")
    assert isinstance(ev.kind.dtype, pd.CategoricalDtype)
    assert list(ev.kind.cat.categories)[:3] == ["meeting", "training", "conference"]
    assert pd.api.types.is_string_dtype(ev.event_id)
    assert rec.places.latitude.dtype == "float64"
    assert rec.countries.marri_participant.dtype == bool
    assert set(rec.tables) == set(rec.package.names)


def test_seed_event_fully_encoded(rec):
    seed = rec.events[(rec.events.source_url == SEED_URL) & rec.events.follow_up_of.isna()]
    assert len(seed) == 1
    ev = seed.iloc[0]
    assert ev.date_precision == "window"
    assert (ev.date_start, ev.date_end) == (pd.Timestamp("2017-05-30"), pd.Timestamp("2018-09-06"))
    assert "30 May 2017" in ev.date_note and "6 September 2018" in ev.date_note
    assert ev.place_id == "lyon"
    people = rec.event_people_named().query("event_id == @ev.event_id")
    assert len(people) == 9
    roles = dict(zip(people.name, people.role, strict=True))
    assert roles["Jürgen Stock"] == "Secretary General"
    assert "Deployment Officer" in roles["Bozidar Popovic"]
    assert set(people.org_acronym) == {"MARRI", "INTERPOL"}
    orgs = rec.event_organisations.query("event_id == @ev.event_id")
    # a bilateral meeting (codebook, role): MARRI's delegation came to INTERPOL's seat in Lyon and was
    # shown its operation room, so INTERPOL received it (host) and MARRI is the counterpart (partner)
    assert set(zip(orgs.org_id, orgs.role, strict=True)) == {("interpol", "host"), ("marri", "partner")}
    inits = set(rec.event_initiatives.query("event_id == @ev.event_id").initiative_id)
    assert {"pcc-trebinje", "pcc-plav", "interpol-i247-extension"} <= inits
    follow = rec.events[rec.events.follow_up_of == ev.event_id]
    assert len(follow) == 1
    assert (follow.iloc[0].status, follow.iloc[0].kind, follow.iloc[0].date_precision) == ("planned", "training", "unknown")
    places = rec.initiative_places.merge(rec.places, on="place_id")
    assert {("pcc-trebinje", "BA"), ("pcc-plav", "ME")} <= set(zip(places.initiative_id, places.country_code, strict=True))


def test_joins_are_one_call(rec):
    named = rec.event_organisations_named()
    assert {"org_name", "role", "title", "date_start"} <= set(named.columns)
    assert len(named) == len(rec.event_organisations)
    topics = rec.event_topics_named()
    assert topics.topic.notna().all() and len(topics) == len(rec.event_topics)
    wide = rec.events_wide()
    assert len(wide) == len(rec.events)
    lyon = wide[wide.source_url == SEED_URL].iloc[0]
    assert "INTERPOL" in lyon.organisations and "Border security" in lyon.topics


def test_unknown_table_attribute_is_explained(rec):
    with pytest.raises(AttributeError, match="tables are: countries"):
        _ = rec.meetings


def test_load_refuses_invalid_data_listing_every_problem(pkg):
    set_cell(pkg / "events.csv", 0, "kind", "banquet")
    set_cell(pkg / "places.csv", 0, "latitude", "99")
    with pytest.raises(DataValidationError) as err:
        analysis.load(pkg)
    assert len(err.value.problems) == 2
    assert "events.csv:2" in str(err.value) and "places.csv:2" in str(err.value)


def test_events_wide_when_no_selected_event_has_a_link():
    rec = analysis.load()
    unlinked = rec.events[~rec.events.event_id.isin(rec.event_initiatives.event_id)].event_id.head(3)
    wide = rec.events_wide(unlinked)
    assert len(wide) == 3 and list(wide.initiatives) == ["", "", ""]
