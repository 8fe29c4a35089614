"""ingest, donors: what the surviving mutants of the 9191 draw (docs/mutation.md) showed no test asserted. A giving country
named in the text's first words, the sentence a donor's evidence quotes (and quotes as every other finding of that sentence
does), a giving country whose government the record lacks, and a record with no government at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.curation.ingest import extract

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


@pytest.fixture(scope="module")
def no_government(tmp_path_factory) -> Path:
    """The mini record without its one government ("Government of Serbia")."""
    data = tmp_path_factory.mktemp("no-government") / "data"
    shutil.copytree(MINI, data)
    path = data / "organisations.csv"
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True) if not ln.startswith("gov-rs,")),
                    encoding="utf-8")
    return data


def _orgs(d: dict) -> list[tuple[str, str]]:
    return [(o["id"], o["role"]) for o in d["organisations"]]


@pytest.mark.parametrize(("text", "gov"), [
    pytest.param("Donacija Češke Upravi granične policije Srbije uručena je u Beogradu.", "cz-gov", id="donacija-opens-the-text"),
    pytest.param("Financed by Switzerland, the seminar on readmission was held in Skopje.", "ch-gov", id="financed-by-opens-the-text"),
])
def test_a_word_of_giving_opening_the_text_makes_the_country_after_it_a_donor(text, gov):
    # the words of giving before a country are read from the text's very first character
    assert (gov, "donor") in _orgs(extract(text))


def test_a_donor_s_evidence_quotes_the_sentence_and_line_that_name_its_country():
    d = extract("Seminar o migracijama\nSeminar organizuje Atina uz finansijsku podršku Švajcarske.")
    (gov,) = [o for o in d["organisations"] if o["id"] == "ch-gov"]
    assert gov["evidence"] == "its country gives or funds: line 2: 'Seminar organizuje Atina uz finansijsku podršku Švajcarske.'"


def test_a_long_sentence_is_quoted_alike_for_its_donor_and_for_the_body_that_takes_part_in_it():
    text = ("Czechia donated 25 police vehicles and thermal cameras to the Border Police of North Macedonia at a ceremony in "
            "Skopje, where the officers who patrol the southern border thanked the donor for the equipment, which will help them "
            "detect irregular crossings, the smuggling of migrants and trafficking in human beings along the whole border.")
    d = extract(text)
    (donor,) = [o["evidence"] for o in d["organisations"] if o["id"] == "cz-gov"]
    (mk,) = [c for c in d["evidence"]["countries"] if c.startswith("MK: its Border Police")]
    quote = mk.split("; ", 1)[1]
    assert quote.startswith("line 1: 'Czechia donated") and len(quote) < len(text)  # the sentence, cut
    assert donor == f"its country gives or funds: {quote}"


def test_a_giving_country_whose_government_the_record_lacks_adds_no_donor():
    # the mini record knows only France's embassies, no French government
    d = extract("France donated ten vehicles to the Border Police of Serbia.", data_dir=MINI)
    assert _orgs(d) == [("bp-rs", "participant")]


def test_a_record_without_any_government_drafts_a_giving_country_without_a_donor(no_government):
    d = extract("Croatia donated ten vehicles to the Border Police of Serbia.", data_dir=no_government)
    assert _orgs(d) == [("bp-rs", "participant")]
