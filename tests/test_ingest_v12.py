"""ingest v12: what running `ingest` over the record's own titles and summaries found."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


RECORD = Path(__file__).resolve().parent / "fixtures" / "ingest-record"
N1 = ("Bosnia's Security Minister Selmo Cikotic said Friday, following a meeting with Bihac Mayor Suhret Fazlic and Prime "
      "Minister of the northwestern Una-Sana Canton (USK), Mustafa Ruznic.")


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p["name"]: (p.get("title"), p.get("organisation")) for p in extract(text, RECORD)["people"]}


def test_a_name_after_a_country_s_possessive_is_a_person():
    # "Bosnia's Security Minister Selmo Cikotic": the possessive began the capitalised run, and the whole run was dropped
    assert _people(N1)["Selmo Cikotic"] == ("Bosnia's Security Minister", "msb-ba")


def test_a_possessive_after_a_name_still_ends_it():
    assert "Nebojsa Stefanovic" in _people("Minister Nebojsa Stefanovic's visit to Skopje on 3 May 2019 was on migration.")


def test_prime_stays_in_a_title_read_back_from_the_role():
    # a lower-case word inside the title ("northwestern") stopped the scan; "Prime" was then dropped from "Prime Minister"
    assert _people(N1)["Mustafa Ruznic"][0] == "Prime Minister of the northwestern Una-Sana Canton (USK)"


def test_a_canton_s_prime_minister_and_a_city_s_mayor_belong_to_their_government_and_city():
    people = _people(N1)
    assert people["Mustafa Ruznic"][1] == "government-of-una-sana-canton"
    assert people["Suhret Fazlic"][1] == "city-of-bihac"
    orgs = [o["id"] for o in extract(N1, RECORD)["organisations"]]
    assert {"msb-ba", "government-of-una-sana-canton", "city-of-bihac"} <= set(orgs)


def test_a_mayor_of_a_city_the_record_does_not_know_is_left_open():
    assert _people("Ruritania City Mayor Ivan Horvat met IOM in Bihac on 3 May 2021 on migrants.")["Ivan Horvat"][1] is None


def test_a_generic_word_that_begins_a_longer_name_is_not_the_country_s_body(tmp_path):
    # "Police Cooperation Centers" in the seed release from Lyon became "French police" once the record held such a body
    data = tmp_path / "record"
    shutil.copytree(RECORD, data)
    with (data / "organisations.csv").open("a", encoding="utf-8") as fh:
        fh.write("french-police,French police,,police,FR,\n")
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "marri-interpol-lyon.txt"
    text = seed.read_text(encoding="utf-8") if seed.exists() else (
        "Lyon - MARRI and INTERPOL met. The follow up has been agreed with trainings for use of I-24/7 data base in Police "
        "Cooperation Centers at two trisection points.")
    assert "french-police" not in [o["id"] for o in extract(text, data)["organisations"]]
    text = "Lyon, 3 May 2021 - MARRI and IOM met the Police on migration."
    assert "french-police" in [o["id"] for o in extract(text, data)["organisations"]]


def test_the_press_short_form_of_a_ministry_is_that_ministry():
    # "the Serbian Interior Ministry" was proposed as a new body although the record holds mi-rs
    orgs = extract("The Serbian Interior Ministry is monitoring the border with IOM, Belgrade, 3 March 2020.", RECORD)
    assert "mi-rs" in [o["id"] for o in orgs["organisations"]]
    assert not [o for o in orgs.get("new_organisations", []) if "Interior" in o.get("name", "")]


def test_another_country_s_adjective_before_a_generic_name_keeps_it_from_the_host_country():
    # "the Slovak Interior Ministry" in a release from Podgorica was read as Montenegro's ministry
    text = ("Podgorica, 21 May 2016 - Slovak Minister Miroslav Lajcak handed over four radars for the border police. "
            "Danilovic has thanked the Slovak Interior Ministry for the gifts.")
    d = extract(text, RECORD)
    assert "mi-me" not in [o["id"] for o in d["organisations"] + d["mentioned"]["organisations"]]


def test_gifts_bestowed_are_a_handover():
    text = ("Podgorica, 21 May 2016 - Slovakia gifts Montenegro four SUVs: Minister Miroslav Lajcak bestowed on Interior "
            "Minister Goran Danilovic four radars for the border police.")
    assert extract(text, RECORD)["kind"] == "other"


@pytest.mark.parametrize("text", [
    "Szeged, 14 July 2016 - At a press conference following talks with his Serbian counterpart, the Hungarian interior "
    "minister said patrols would begin.",
    "Sarajevo, 3 May 2021 - Ministar je na konferenciji za novinare nakon sastanka s IOM-om najavio nove mjere za migrante.",
])
def test_a_press_conference_after_talks_is_not_a_conference(text):
    assert extract(text, RECORD)["kind"] != "conference"


def test_a_conference_is_still_a_conference():
    assert extract("Skopje, 3 May 2019 - MARRI and IOM held a regional conference on migration.", RECORD)["kind"] == "conference"
