"""Each selection criterion on its own and with the others: exactly the events it names (checked
against the link tables directly), period edges inclusive on both sides, organisations by id,
acronym or name in any case, and the criteria in words."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.errors import AnalysisError
from analysis.reports.select import Selection, parse_period, resolve_organisations, select


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def ids(sel: Selection) -> set[str]:
    return set(sel.events.event_id)


def linked(table: pd.DataFrame, column: str, values: set[str]) -> set[str]:
    return set(table.loc[table[column].isin(values), "event_id"])


# --- the period ------------------------------------------------------------------------------


def test_an_event_ending_on_the_first_day_or_starting_on_the_last_day_is_in_the_period(rec):
    ev = rec.events.dropna(subset=["date_start"])
    row = ev.iloc[len(ev) // 2]
    day = pd.Timedelta(days=1)
    start, end = row.date_start, row.date_end
    ends_on_first = f"{end:%Y-%m-%d}/{end + 30 * day:%Y-%m-%d}"
    starts_on_last = f"{start - 30 * day:%Y-%m-%d}/{start:%Y-%m-%d}"
    assert row.event_id in ids(select(rec, period=ends_on_first))
    assert row.event_id in ids(select(rec, period=starts_on_last))
    assert row.event_id not in ids(select(rec, period=f"{end + day:%Y-%m-%d}/{end + 30 * day:%Y-%m-%d}"))
    assert row.event_id not in ids(select(rec, period=f"{start - 30 * day:%Y-%m-%d}/{start - day:%Y-%m-%d}"))


def test_a_year_period_is_exactly_the_events_overlapping_that_year(rec):
    ev = rec.events
    expected = set(ev.loc[(ev.date_start <= "2016-12-31") & (ev.date_end >= "2016-01-01"), "event_id"])
    assert expected and ids(select(rec, period="2016")) == expected
    assert ids(select(rec, period=" 2016 – 2016 ")) == expected  # an en dash and spaces are forgiven


def test_undated_events_come_last_and_leave_any_period(rec):
    everything = select(rec).events
    undated = everything.date_start.isna()
    assert undated.any(), "the record holds undated (planned) events"
    assert not undated.iloc[: (~undated).sum()].any(), "undated events sort after every dated one"
    assert not (select(rec, period="1900-2100").events.date_start.isna()).any()


def test_parse_period_forms():
    assert parse_period(None) is None
    assert parse_period("2014") == (pd.Timestamp("2014-01-01"), pd.Timestamp("2014-12-31"))
    assert parse_period("2014/2015") == (pd.Timestamp("2014-01-01"), pd.Timestamp("2015-12-31"))
    assert parse_period(" 2017-05-30 / 2017-05-30 ") == (pd.Timestamp("2017-05-30"), pd.Timestamp("2017-05-30"))
    with pytest.raises(AnalysisError, match=r"^period '2017-05-30/2017-05-29' ends before it starts$"):
        parse_period("2017-05-30/2017-05-29")
    with pytest.raises(AnalysisError, match=r"^period '2014-15': use YYYY, YYYY-YYYY or YYYY-MM-DD/YYYY-MM-DD$"):
        parse_period("2014-15")


# --- each criterion exactly ---------------------------------------------------------------------


def test_organisations_select_exactly_their_events(rec):
    orgs = rec.organisations.set_index("org_id")
    counts = rec.event_organisations.org_id.value_counts()
    a, b = counts.index[0], counts.index[1]
    expected = linked(rec.event_organisations, "org_id", {a, b})
    assert ids(select(rec, organisations=[a, b])) == expected
    assert ids(select(rec, organisations=[a])) == linked(rec.event_organisations, "org_id", {a})
    label = orgs.acronym.get(a) if pd.notna(orgs.acronym.get(a)) else orgs.name.get(a)
    assert select(rec, organisations=[a]).criteria["organisations"] == [label]


@pytest.mark.parametrize("criterion", ["kinds", "statuses"])
def test_kinds_and_statuses_select_exactly_their_events(rec, criterion):
    column = {"kinds": "kind", "statuses": "status"}[criterion]
    values = rec.events[column].astype(str)
    common, rare = values.value_counts().index[0], values.value_counts().index[-1]
    sel = select(rec, **{criterion: [common.upper(), rare]})
    assert ids(sel) == set(rec.events.loc[values.isin([common, rare]), "event_id"])
    assert sel.criteria[criterion] == [common, rare]  # the valid spelling, not the one typed


def test_topics_select_exactly_their_events(rec):
    counts = rec.event_topics.topic_id.value_counts()
    topic = counts.index[-1]
    assert ids(select(rec, topics=[topic])) == linked(rec.event_topics, "topic_id", {topic})
    both = [counts.index[0], topic]
    assert ids(select(rec, topics=both)) == linked(rec.event_topics, "topic_id", set(both))


def test_countries_select_exactly_their_events(rec):
    assert ids(select(rec, countries=["me", "AL"])) == linked(rec.event_countries, "country_code", {"ME", "AL"})


def test_every_criterion_narrows_the_others(rec):
    counts = rec.event_organisations.org_id.value_counts()
    org = counts.index[0]
    ev = rec.events
    in_period = set(ev.loc[(ev.date_start <= "2019-12-31") & (ev.date_end >= "2016-01-01"), "event_id"])
    by_org = linked(rec.event_organisations, "org_id", {org})
    topic = rec.event_topics.topic_id.value_counts().index[0]
    by_topic = linked(rec.event_topics, "topic_id", {topic})
    kind = ev.kind.astype(str).value_counts().index[0]
    by_kind = set(ev.loc[ev.kind == kind, "event_id"])
    held = set(ev.loc[ev.status == "held", "event_id"])
    in_rs = linked(rec.event_countries, "country_code", {"RS"})
    assert ids(select(rec, period="2016-2019", organisations=[org])) == in_period & by_org
    assert ids(select(rec, organisations=[org], topics=[topic])) == by_org & by_topic
    assert ids(select(rec, topics=[topic], kinds=[kind])) == by_topic & by_kind
    assert ids(select(rec, kinds=[kind], statuses=["held"])) == by_kind & held
    assert ids(select(rec, period="2016-2019", kinds=[kind])) == in_period & by_kind
    assert ids(select(rec, countries=["RS"], topics=[topic])) == in_rs & by_topic
    everything = in_period & by_org & by_topic & by_kind & held & in_rs
    sel = select(rec, period="2016-2019", organisations=[org], countries=["RS"], kinds=[kind], topics=[topic], statuses=["held"])
    assert ids(sel) == everything


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kinds": ["banquet"]}, "unknown kind 'banquet'; valid values: "),
    ({"topics": ["weather"]}, "unknown topic 'weather'; valid values: "),
    ({"statuses": ["rumoured"]}, "unknown status 'rumoured'; valid values: cancelled, held, planned"),
    ({"countries": ["ZZ"]}, "unknown country code 'ZZ'; valid values: "),
])
def test_a_bad_value_names_the_criterion_and_the_valid_values(rec, kwargs, message):
    with pytest.raises(AnalysisError) as info:
        select(rec, **kwargs)
    assert str(info.value).startswith(message)


# --- organisations by name ---------------------------------------------------------------------


def test_organisations_by_id_acronym_or_name_in_any_case(rec):
    orgs = rec.organisations.dropna(subset=["acronym"])
    orgs = orgs[orgs.acronym.str.casefold() != orgs.name.str.casefold()]
    row = orgs.iloc[0]
    for spelling in (row.org_id, row.acronym, row.acronym.lower(), row.acronym.upper(), row["name"], row["name"].upper(),
                     row["name"].lower()):
        assert resolve_organisations(rec, [spelling]) == [row.org_id], spelling
    other = orgs.iloc[1]
    assert resolve_organisations(rec, [other["name"].swapcase(), row.acronym]) == [other.org_id, row.org_id]
    assert resolve_organisations(rec, f"{row.acronym}, {other.org_id}") == [row.org_id, other.org_id]
    assert resolve_organisations(rec, None) == []


def test_an_organisation_named_by_its_full_name_selects_its_events(rec):
    counts = rec.event_organisations.org_id.value_counts()
    org = counts.index[0]
    name = rec.organisations.set_index("org_id").name[org]
    assert ids(select(rec, organisations=[name.upper()])) == linked(rec.event_organisations, "org_id", {org})


def test_an_unknown_organisation_is_refused_with_where_to_look(rec):
    with pytest.raises(AnalysisError, match=r"^unknown organisation 'Atlantis Police'; use an org_id or acronym from "
                                            r"data/organisations.csv$"):
        resolve_organisations(rec, ["Atlantis Police"])


# --- in words ---------------------------------------------------------------------------------


def test_describe_joins_the_criteria_and_their_values():
    sel = Selection(record=None, events=pd.DataFrame({"event_id": []}),
                    criteria={"period": "2016", "organisations": ["MARRI", "IOM"], "kinds": [], "topics": ("a", "b"),
                              "statuses": None})
    assert sel.describe() == "period: 2016; organisations: MARRI, IOM; topics: a, b"
    assert Selection(record=None, events=pd.DataFrame(), criteria={"kinds": []}).describe() == "all events"


def test_the_selection_describes_countries_with_their_names(rec):
    sel = select(rec, countries=["me"], statuses="held")
    names = rec.countries.set_index("country_code").name
    assert sel.criteria["countries"] == [f"{names['ME']} (ME)"]
    assert sel.describe() == f"countries: {names['ME']} (ME); statuses: held"


def test_links_and_ids_follow_the_selection(rec):
    sel = select(rec, countries=["XK"])
    assert list(sel.ids) == list(sel.events.event_id)
    links = sel.links("event_topics")
    assert set(links.event_id) <= ids(sel) and len(links) == rec.event_topics.event_id.isin(ids(sel)).sum()
    assert not sel.empty and select(rec, period="1990").empty


def test_the_criteria_in_words_name_organisations_and_topics(rec):
    counts = rec.event_organisations.org_id.value_counts()
    orgs = rec.organisations.set_index("org_id")
    no_acronym = [o for o in counts.index if pd.isna(orgs.acronym.get(o))]
    assert no_acronym, "the record holds organisations without an acronym"
    org = no_acronym[0]
    topic = rec.event_topics.topic_id.value_counts().index[0]
    sel = select(rec, organisations=[org], topics=[topic])
    assert sel.describe() == f"organisations: {orgs.name[org]}; topics: {topic}"


def test_the_selected_events_are_numbered_from_zero_without_an_index_column(rec):
    sel = select(rec, countries=["ME"])
    assert "index" not in sel.events.columns
    assert list(sel.events.index) == list(range(len(sel.events)))
