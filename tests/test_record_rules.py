"""The record's own rules of v0.2: scope, duplicates, organisation name periods, and the
gazetteer and name-history features they rely on. Each rule is shown firing on a broken copy
of the real package, and silent on the real one."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import analysis
from analysis.curation.geonames import locate, located
from analysis.record.load import check
from analysis.record.rules import CURATION_TRACE
from conftest import rows, set_cell, write_rows


def _problems(pkg: Path, rule: str) -> list:
    return [p for p in check(pkg).problems if p.rule == rule]


def _event_row(pkg: Path, event_id: str) -> tuple[list[str], list[str], int]:
    table = rows(pkg / "events.csv")
    for i, row in enumerate(table):
        if row[0] == event_id:
            return table[0], row, i
    raise AssertionError(f"{event_id} not in events.csv")


def _in_scope_topics(pkg: Path) -> set[str]:
    with (pkg / "topics.csv").open(encoding="utf-8") as fh:
        return {t["topic_id"] for t in csv.DictReader(fh) if t["in_scope"] == "true"}


def _first_event(pkg: Path) -> str:
    return rows(pkg / "events.csv")[1][0]


def test_real_package_passes_the_new_rules():
    problems = [p for p in check().problems
                if p.rule in ("scope", "duplicate", "name-periods", "person-body", "authority-country", "one-body-one-part")]
    assert not problems, "\n".join(map(str, problems[:10]))


def test_scope_rule_fires_for_an_event_without_in_scope_topic(pkg: Path):
    eid = _first_event(pkg)
    topics = rows(pkg / "event_topics.csv")
    kept = [topics[0]] + [r for r in topics[1:] if r[0] != eid] + [[eid, "police-cooperation"]]
    write_rows(pkg / "event_topics.csv", kept)
    hits = _problems(pkg, "scope")
    assert [p.value for p in hits] == [eid]
    _, _, line = _event_row(pkg, eid)
    assert hits[0].line == line + 1 and hits[0].file == "events.csv"
    assert "in-scope topic" in hits[0].message


def test_scope_follows_the_declared_in_scope_flag(pkg: Path):
    """Turning a topic's flag off puts out of scope exactly the events that relied on it alone."""
    scope = _in_scope_topics(pkg)
    assert "border-security" in scope and "police-cooperation" not in scope
    table = rows(pkg / "topics.csv")
    col = table[0].index("in_scope")
    for r in table[1:]:
        r[col] = "false"
    write_rows(pkg / "topics.csv", table)
    hits = _problems(pkg, "scope")
    assert len(hits) >= 200  # every event now lacks an in-scope topic


def _append_event(pkg: Path, row: list[str]) -> None:
    table = rows(pkg / "events.csv")
    table.append(row)
    write_rows(pkg / "events.csv", table)


def test_duplicate_same_source_page_and_overlapping_dates(pkg: Path):
    header, row, _ = _event_row(pkg, "ev-0003")
    copy = list(row)
    copy[0] = "ev-9001"
    copy[header.index("title")] = "Completely different wording of the title"
    _append_event(pkg, copy)
    hits = _problems(pkg, "duplicate")
    assert [p.value for p in hits] == ["ev-9001"]
    assert "ev-0003" in hits[0].message and "same source page" in hits[0].message


def test_duplicate_through_an_extra_source_url(pkg: Path):
    header, row, _ = _event_row(pkg, "ev-0003")
    copy = list(row)
    copy[0] = "ev-9002"
    copy[header.index("source_url")] = "https://example.org/another-copy"
    _append_event(pkg, copy)
    sources = rows(pkg / "event_sources.csv")
    sources.append(["ev-0003", "https://example.org/another-copy", "example.org", "copy"])
    write_rows(pkg / "event_sources.csv", sources)
    assert [p.value for p in _problems(pkg, "duplicate")] == ["ev-9002"]


def test_same_page_but_different_days_is_not_a_duplicate(pkg: Path):
    header, row, _ = _event_row(pkg, "ev-0003")
    copy = list(row)
    copy[0] = "ev-9003"
    copy[header.index("date_start")] = copy[header.index("date_end")] = "2001-01-01"
    copy[header.index("date_precision")] = "day"
    _append_event(pkg, copy)
    assert _problems(pkg, "duplicate") == []


def test_duplicate_same_dates_place_and_near_identical_title(pkg: Path):
    header, row, _ = _event_row(pkg, "ev-0003")
    copy = list(row)
    copy[0] = "ev-9004"
    copy[header.index("source_url")] = "https://example.org/elsewhere"
    copy[header.index("title")] = row[header.index("title")].upper() + " (report)"
    _append_event(pkg, copy)
    hits = _problems(pkg, "duplicate")
    assert [p.value for p in hits] == ["ev-9004"]
    assert "near-identical title" in hits[0].message
    # a different title on the same day and place is a different event
    set_cell(pkg / "events.csv", len(rows(pkg / "events.csv")) - 2, "title", "Unrelated workshop on labour statistics")
    assert _problems(pkg, "duplicate") == []


def test_distinct_events_silences_the_duplicate_rule(pkg: Path):
    _header, row, _ = _event_row(pkg, "ev-0003")
    copy = list(row)
    copy[0] = "ev-9005"
    _append_event(pkg, copy)
    assert _problems(pkg, "duplicate")
    distinct = rows(pkg / "distinct_events.csv")
    distinct.append(["ev-9005", "ev-0003", "Two sessions reported on one page."])
    write_rows(pkg / "distinct_events.csv", distinct)
    assert _problems(pkg, "duplicate") == []


def test_distinct_events_must_name_real_events(pkg: Path):
    distinct = rows(pkg / "distinct_events.csv")
    distinct.append(["ev-0003", "ev-9999", "no such event"])
    write_rows(pkg / "distinct_events.csv", distinct)
    hits = [p for p in check(pkg).problems if p.rule == "foreign-key" and p.file == "distinct_events.csv"]
    assert hits and hits[0].value == "ev-9999"


@pytest.mark.parametrize(("valid_from", "valid_to", "rule"), [
    pytest.param("2020-01-01", "2019-01-01", "date-order", id="reversed"),
    pytest.param("2021-06-01", "", "name-periods", id="overlapping"),
])
def test_organisation_name_periods(pkg: Path, valid_from, valid_to, rule):
    table = rows(pkg / "organisation_names.csv")
    assert len(table) > 1
    table.append(["easo", "A third name", "", valid_from, valid_to, "https://example.org/x", ""])
    write_rows(pkg / "organisation_names.csv", table)
    hits = _problems(pkg, rule)
    assert hits and all(p.file == "organisation_names.csv" for p in hits)


def test_reports_use_the_name_in_force_at_the_event_date():
    rec = analysis.load()
    hist = rec.organisation_names
    assert {"easo", "selec", "frontex"} <= set(hist.org_id)
    links = rec.event_organisations[rec.event_organisations.org_id.isin(["frontex", "selec", "easo", "mi-mk"])]
    named = rec.names_in_force(links).merge(rec.events[["event_id", "date_start"]], on="event_id")
    assert len(named) > 5
    for row in named.itertuples():
        if pd_isna(row.date_start):
            continue
        periods = hist[hist.org_id == row.org_id]
        expected = periods[(periods.valid_from.isna() | (periods.valid_from <= row.date_start))
                           & (periods.valid_to.isna() | (periods.valid_to >= row.date_start))]
        if len(expected):
            assert row.org_name == expected.name.iloc[0], row


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_names_in_force_switches_at_the_change_date():
    rec = analysis.load()
    frame = rec.events[["event_id"]].head(2).assign(org_id="easo")
    rec.events.loc[rec.events.event_id == frame.event_id.iloc[0], "date_start"] = __import__("pandas").Timestamp("2022-01-18")
    rec.events.loc[rec.events.event_id == frame.event_id.iloc[1], "date_start"] = __import__("pandas").Timestamp("2022-01-19")
    named = rec.names_in_force(frame)
    assert list(named.org_acronym) == ["EASO", "EUAA"]


def test_gazetteer_places_and_notes():
    assert locate("Plav", "ME").geonames_id == 3193228
    assert locate("Plav", "RS") is None  # the country matters
    found, missing = located("Ohrid", "MK"), located("Gradina border crossing", "RS")
    assert found["geonames_id"] and found["latitude"].startswith("41.")
    assert missing["geonames_id"] == "" and missing["latitude"] == "" and "GeoNames" in missing["location_note"]


def test_a_bracket_qualifier_chooses_the_namesake_near_it_or_none():
    near_sarajevo = locate("Lukavica (East Sarajevo)", "BA")
    assert near_sarajevo is not None and abs(near_sarajevo.latitude - 43.83) < 0.05  # not the larger Lukavica up north
    assert locate("Lukavica", "BA").latitude > 44.5  # unqualified: the most populous, as before
    assert locate("Foča (village north of Doboj)", "BA") is None  # the town of Foča is another place
    assert locate("Igalo (Herceg Novi)", "ME").name == "Igalo"
    assert locate("Ovča (Belgrade)", "RS") is not None
    assert locate("Plav (Podgorica)", "ME") is None  # no Plav within 40 km of Podgorica: a namesake the data lacks


def test_every_geonames_id_in_places_matches_the_gazetteer():
    rec = analysis.load()
    places = rec.places[rec.places.geonames_id.notna()]
    assert len(places) > 20
    for p in places.itertuples():
        hit = locate(p.name, p.country_code) or next(
            (h for a in str(p.aliases or "").split("|") if a and (h := locate(a, p.country_code))), None)
        assert hit is not None and hit.geonames_id == int(p.geonames_id), p.place_id
        assert abs(hit.latitude - p.latitude) < 1e-4 and abs(hit.longitude - p.longitude) < 1e-4
    unlocated = rec.places[rec.places.geonames_id.isna() & (rec.places.kind != "online")]
    assert unlocated.latitude.isna().all() and unlocated.location_note.notna().all()


def test_empty_integer_with_minimum_is_not_a_violation(pkg: Path):
    table = rows(pkg / "places.csv")
    col = table[0].index("geonames_id")
    assert any(r[col] == "" for r in table[1:])  # the real package has sites GeoNames lacks
    assert not [p for p in check(pkg).problems if p.rule == "minimum"]
    set_cell(pkg / "places.csv", 0, "geonames_id", "0")
    hits = [p for p in check(pkg).problems if p.rule == "minimum"]
    assert [(p.column, p.value) for p in hits] == [("geonames_id", "0")]


def test_person_body_rule_is_silent_on_the_real_package_and_fires_on_an_unlinked_body(pkg: Path):
    assert not [p for p in check().problems if p.rule == "person-body"]
    people = rows(pkg / "event_people.csv")
    header = people[0]
    i = next(k for k, r in enumerate(people[1:], 1) if r[header.index("org_id")])
    eid = people[i][0]
    linked = {r[1] for r in rows(pkg / "event_organisations.csv")[1:] if r[0] == eid}
    other = next(r[0] for r in rows(pkg / "organisations.csv")[1:] if r[0] not in linked)
    people[i][header.index("org_id")] = other
    write_rows(pkg / "event_people.csv", people)
    hits = _problems(pkg, "person-body")
    assert [p.value for p in hits] == [other] and hits[0].line == i + 1
    assert "not linked to the event" in hits[0].message


@pytest.mark.parametrize("role", ["participant", "partner", "host"])
def test_unmik_taking_part_makes_kosovo_a_participant(pkg: Path, role: str):
    """UNMIK governed Kosovo* under resolution 1244 and acted for it: the codebook counts it as Kosovo's authorities."""
    links = rows(pkg / "event_organisations.csv")
    unmik = [r for r in links[1:] if r[1] == "united-nations-interim-administration-mission-in-kosovo"]
    assert unmik, "the record links UNMIK to some events"
    eid = unmik[0][0]
    countries = rows(pkg / "event_countries.csv")
    write_rows(pkg / "event_countries.csv", [r for r in countries if not (r[0] == eid and r[1] == "XK")])
    for r in links:
        if r[0] == eid and r[1] == "united-nations-interim-administration-mission-in-kosovo":
            r[2] = role
    write_rows(pkg / "event_organisations.csv", links)
    hits = _problems(pkg, "authority-country")
    assert [p.value for p in hits] == ["united-nations-interim-administration-mission-in-kosovo"]
    assert "(XK)" in hits[0].message


def test_unmik_as_donor_or_named_needs_no_kosovo(pkg: Path):
    links = rows(pkg / "event_organisations.csv")
    eid = next(r[0] for r in links[1:] if r[1] == "united-nations-interim-administration-mission-in-kosovo")
    countries = rows(pkg / "event_countries.csv")
    write_rows(pkg / "event_countries.csv", [r for r in countries if not (r[0] == eid and r[1] == "XK")])
    for r in links:
        if r[0] == eid and r[1] == "united-nations-interim-administration-mission-in-kosovo":
            r[2] = "named"
    write_rows(pkg / "event_organisations.csv", links)
    hits = [p for p in _problems(pkg, "authority-country") if p.value.startswith(("united-nations-interim", "unmik"))]
    assert hits == []


@pytest.mark.parametrize(("text", "cites_log"), [
    ("the dating search (q14 of the family6-border log) found no dated copy", True),
    ("two searches (q24-q25 of the log) found no report of it", True),
    ("one dating search, query 12, found no other page", True),
    ("In Q4 2020 the ministry reported 1,200 returns", False),
    ("a query about asylum procedures from the ombudsman", False),
    ("the log of the border crossing was inspected", False),
])
def test_curation_trace_pattern(text: str, cites_log: bool):
    assert bool(re.search(CURATION_TRACE, text)) is cites_log


@pytest.mark.parametrize(("first", "second", "flagged"), [
    ("partner", "participant", "participant"),
    ("host", "participant", "participant"),
    ("organiser", "participant", "participant"),
    ("participant", "named", "named"),
    ("donor", "named", "named"),
    ("donor", "participant", None),
    ("trainer", "participant", None),
])
def test_a_body_linked_twice_keeps_one_statement_of_its_part(pkg: Path, first: str, second: str, flagged: str | None):
    """`participant` beside host, organiser or partner, and `named` beside any role, repeat what the other link says."""
    links = rows(pkg / "event_organisations.csv")
    eid, org = links[1][0], "one-body-one-part-test"
    orgs = rows(pkg / "organisations.csv")
    orgs.append([org, "One Body One Part Test"] + [""] * (len(orgs[0]) - 2))
    orgs[-1][orgs[0].index("kind")] = "ngo"
    write_rows(pkg / "organisations.csv", orgs)
    write_rows(pkg / "event_organisations.csv", [*links, [eid, org, first], [eid, org, second]])
    hits = _problems(pkg, "one-body-one-part")
    assert [p.value for p in hits] == ([flagged] if flagged else [])
    if flagged:
        assert hits[0].line == len(links) + 2 and "drop this" in hits[0].message
