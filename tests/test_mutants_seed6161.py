"""Behaviour the fresh mutation draw of seed 6161 found unasserted (docs/mutation.md): each test
states a promise of the validator, the publisher or ingest that a survivor of that draw broke."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.dates import find_dates
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.personnames import not_name
from analysis.curation.ingest.presidency import presidencies
from analysis.record.load import check
from conftest import set_cell


@pytest.mark.parametrize(("start", "end"), [("", ""), ("2018-01-01", ""), ("", "2018-12-31")], ids=["none", "start-only", "end-only"])
def test_a_year_without_both_dates_is_reported_once_for_the_missing_date(pkg: Path, start: str, end: str):
    """A 'year' row missing a date breaks one rule (every precision but 'unknown' needs both dates),
    not also the rule that a year runs from 1 January to 31 December."""
    set_cell(pkg / "events.csv", 7, "date_precision", "year")
    set_cell(pkg / "events.csv", 7, "date_start", start)
    set_cell(pkg / "events.csv", 7, "date_end", end)
    hits = [p for p in check(pkg).problems if p.file == "events.csv" and p.line == 9 and p.rule == "date-precision"]
    assert hits, "the missing date is reported"
    assert not any("1 January" in p.message for p in hits), [p.message for p in hits]


# --- ingest ---------------------------------------------------------------------------------------

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def test_a_donor_government_says_why_it_is_there():
    d = extract("Seminar organizuje Atina uz finansijsku podršku Švajcarske u okviru migracionog paketa.")
    (gov,) = [o for o in d["organisations"] if o["id"] == "ch-gov"]
    assert gov["role"] == "donor" and gov["evidence"].startswith("its country gives or funds: ")


def test_a_donor_country_named_twice_is_one_donor():
    d = extract("Seminar organizuje Atina uz finansijsku podršku Švajcarske u okviru migracionog paketa. "
                "Švajcarska je donirala i opremu, a seminar je podržala Švajcarska.")
    assert [o["id"] for o in d["organisations"]].count("ch-gov") == 1


def test_a_span_written_backwards_is_skipped_and_the_dates_after_it_are_still_read():
    found = find_dates("The course ran 31–29 May 2019, the report says; it closed on 3 June 2019 in Skopje.")
    assert ("2019-06-03", "2019-06-03") in [(d["date_start"], d["date_end"]) for d in found]
    assert not any(d["date_start"] > d["date_end"] for d in found)


def test_a_presidency_organising_at_the_very_start_of_the_text_is_read():
    text = "Organised by the Serbian Presidency of the Council of the European Union, the meeting took place in Vienna."
    assert [h["id"] for h in presidencies(text, Gazetteer.load(MINI), [])] == ["gov-rs"]


def test_a_long_word_in_ing_is_no_name_from_eight_letters():
    g = Gazetteer.load(MINI)
    assert not_name("Training", g) and not_name("Building", g)  # eight letters: the rule's edge


def test_a_presidency_the_record_has_as_its_own_body_is_that_body_not_the_government():
    g = Gazetteer.load()  # the record: Poland's presidency of 2011 is a body of its own
    assert g.generic.get("presidency of council of european union", {}).get("PL")
    text = "The conference was organised by the Polish Presidency of the Council of the European Union."
    assert [h["id"] for h in presidencies(text, g, [])] == [g.generic["presidency of council of european union"]["PL"]]


def test_the_united_states_never_preside_over_the_eu():
    """An 'American Presidency' is no EU presidency: no US body is added (the record's US stand-in is its embassy)."""
    text = "The meeting was organised by the American Presidency of the European Union in Brussels."
    assert presidencies(text, Gazetteer.load(), []) == []
