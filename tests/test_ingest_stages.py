"""The stages of ingest one by one: matching, sentences, dates, entities, roles, people, and the draft's 'mentioned' key."""

from __future__ import annotations

import pytest
import yaml

from analysis.curation.drafts import IGNORED_PREFIXES
from analysis.curation.ingest import Gazetteer, extract
from analysis.curation.ingest.dates import event_date, find_dates, relative_dates
from analysis.curation.ingest.entities import find_orgs, find_places
from analysis.curation.ingest.matching import Folded, same_name, words_match
from analysis.curation.ingest.roles import classify_mention
from analysis.curation.ingest.text import sentences


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.load()


# --- matching ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("form", "word", "same"), [
    pytest.param("policija", "policije", True, id="bcms-genitive"),
    pytest.param("migration", "migrations", True, id="plural"),
    pytest.param("ministry", "ministries", True, id="plural-ies"),
    pytest.param("chile", "children", False, id="not-a-stem"),
    pytest.param("dominica", "dominic", False, id="no-bare-stem"),
])
def test_words_match(form, word, same):
    assert words_match(form, word) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    pytest.param("Mirka Kuprešakovića", "Mirko Kuprešaković", True, id="genitive"),
    pytest.param("Žarka Laketu", "Žarko Laketa", True, id="accusative"),
    pytest.param("Ивица Дачић", "Ivica Dačić", True, id="cyrillic"),
    pytest.param("Marko Vujević", "Mirko Kuprešaković", False, id="other-person"),
])
def test_same_name(a, b, same):
    assert same_name(a, b) is same


def test_known_person_in_an_inflected_form_gets_the_records_name(g):
    assert g.person("Mirka Kuprešakovića") == "mirko-kupresakovic"
    d = extract("Sarajevo – Direktor Granične policije BiH Mirko Kuprešaković primio je 16. srpnja 2024. godine "
                "Žarka Laketu, direktora Službe za poslove sa strancima BiH.")
    names = {p["name"] for p in d["people"]}
    assert {"Mirko Kuprešaković", "Žarko Laketa"} <= names


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("The Czech Government supported the workshop.", "cz-gov", id="country-adjective"),
    pytest.param("representatives of the SECI Center attended", "selec", id="former-name"),
    pytest.param("Granične policije Bosne i Hercegovine", "border-police-ba", id="inflected"),
    pytest.param("The Ministry of Interior hosted the talks.", None, id="no-country-no-guess"),
])
def test_organisations_the_record_knows_in_other_forms(g, text, org):
    f = Folded(text)
    found = {h["id"] for h in find_orgs(f, g, sentences(text), None)}
    if org is None:
        assert not {o for o in found if o.startswith("mi-")}
    else:
        assert org in found, found


def test_generic_name_is_the_body_of_the_country_in_context(g):
    text = "Skopje – The Ministry of Interior hosted the meeting."
    f = Folded(text)
    assert {h["id"] for h in find_orgs(f, g, sentences(text), "MK")} >= {"mi-mk"}


def test_places_in_case_forms(g):
    assert [p["id"] for p in find_places(Folded("održana je obuka u Plandištu"), g)] == ["plandiste"]


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "start", "end"), [
    pytest.param("29–31 May 2023", "2023-05-29", "2023-05-31", id="en-dash"),
    pytest.param("29 May – 1 June 2023", "2023-05-29", "2023-06-01", id="cross-month-en-dash"),
    pytest.param("29 May—1 June 2023", "2023-05-29", "2023-06-01", id="em-dash"),
    pytest.param("od 17. do 18. septembra 2025. godine", "2025-09-17", "2025-09-18", id="bcms-span"),
    pytest.param("16. srpnja 2024. godine", "2024-07-16", "2024-07-16", id="croatian-month"),
    pytest.param("на 30ти јуни и 1ви јули 2022 година", "2022-06-30", "2022-07-01", id="macedonian"),
    pytest.param("održan 07.06.2018.godine u Sarajevu", "2018-06-07", "2018-06-07", id="numeric-day-first"),
])
def test_dates_as_the_region_writes_them(text, start, end):
    d = find_dates(text)[0]
    assert (d["date_start"], d["date_end"]) == (start, end)


def test_numeric_dates_are_day_first_unless_the_page_shows_otherwise():
    assert find_dates("Posted 11/9/2018")[0]["date_start"] == "2018-09-11"
    both = find_dates("Posted 11/9/2018. Updated 11/23/2018")
    assert both[0]["date_start"] == "2018-11-09", "a page writing 11/23 writes month first"


def test_a_date_in_the_text_wins_over_a_page_stamp():
    text = "23.09.2025.\nU Plandištu je u periodu od 17. do 18. septembra 2025. godine održana obuka."
    dates = find_dates(text)
    assert dates[0]["stamp"] and not dates[1]["stamp"]
    d = event_date(text, dates, [], sentences(text), {}, None)
    assert (d["date_start"], d["date_end"]) == ("2025-09-17", "2025-09-18")


def test_a_stamp_alone_dates_the_page_not_the_event():
    d = extract("Sastanak komisije\n28.3.2023\nU Briselu je održan sastanak Zajedničke komisije za readmisiju.")
    assert "date_start" not in d and d["evidence"]["published"] == "2023-03-28"


@pytest.mark.parametrize(("text", "published", "day"), [
    pytest.param("The ministers met yesterday in Skopje.", "2024-02-28", "2024-02-27", id="yesterday"),
    pytest.param("Delegacija je posjetila u ponedjeljak centar.", "2019-09-03", "2019-09-02", id="weekday-bcms"),
    pytest.param("Директорот денеска учествува на состанок.", "2015-10-20", "2015-10-20", id="today-macedonian"),
])
def test_relative_dates_count_from_the_publication_date(text, published, day):
    assert relative_dates(text, published)[0]["date_start"] == day
    assert relative_dates(text, None) == []


# --- roles -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "name", "part", "reason"), [
    pytest.param("The workshop was organised by MARRI in Skopje.", "MARRI", True, "organised by", id="organised-by"),
    pytest.param("The project is funded by USAID.", "USAID", True, "funded by", id="funded-by"),
    pytest.param("Delegations of Serbia and Austria attended.", "Serbia", True, "delegations of", id="delegations-of"),
    pytest.param("The meeting was hosted by IOM.", "IOM", True, "hosted by", id="hosted-by"),
    pytest.param("Austria was presented as an example of good cooperation.", "Austria", True, "named", id="subject"),
    pytest.param("The model was presented as an example of Austria's practice.", "Austria", False, "as an example of", id="example"),
    pytest.param("The Committee expressed its gratitude to GIZ for its support.", "GIZ", False, "thanked for support", id="thanked"),
    pytest.param("Laws were aligned with EU standards.", "EU", False, "qualifies 'standards'", id="qualifier"),
    pytest.param("Most were migrants from Afghanistan.", "Afghanistan", False, "migrants' origin or route", id="origin"),
])
def test_taking_part_or_mentioned(sentence, name, part, reason):
    a = sentence.index(name)
    got = classify_mention(sentence, a, a + len(name))
    assert (got[0], got[2]) == (part, reason)


def test_mentioned_things_stay_visible_and_add_ignores_them():
    d = extract("Skopje – MARRI organised a workshop on readmission on 3 May 2019 with the Ministry of Interior of "
                "North Macedonia. The participants thanked GIZ for its support in the past.")
    assert "giz" not in {o["id"] for o in d["organisations"]}
    (giz,) = [o for o in d["mentioned"]["organisations"] if o["id"] == "giz"]
    assert giz["reason"] == "thanked for support" and "GIZ" in giz["evidence"]
    assert "mentioned".startswith(IGNORED_PREFIXES)
    yaml.safe_dump(d)  # the draft is plain data


# --- people ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "org"), [
    pytest.param("Skopje – The meeting was opened by Anton Travner, Head of the PCC SEE Secretariat.", "Anton Travner", "pcc-see",
                 id="X-title-of-Y"),
    pytest.param("Skopje – MARRI's Director Sashko Kocev opened the meeting.", "Sashko Kocev", "marri", id="Ys-title-X"),
    pytest.param("Skopje – The meeting was opened by Ms. Elisa Trossero (ICMPD).", "Elisa Trossero", "icmpd", id="X-bracket-Y"),
    pytest.param("Skopje – Mr. John Smith and Ms. Ana Jones, from IOM, presented the study.", "John Smith", "iom", id="list-of-Y"),
    pytest.param("Skopje – MARRI met the delegation. Mr. John Smith, Senior Adviser, spoke.", "John Smith", None, id="no-default"),
    pytest.param("Sarajevo – Delegacija Parlamentarne skupštine Bosne i Hercegovine, koju su činili Šemsudin Mehmedović, Lazar "
                 "Prodanović i Edita Đapo, posjetila je centar.", "Edita Đapo", "pa-ba", id="composed-of-list"),
    pytest.param("Sarajevo – They met the director of the Border Police of Bosnia and Herzegovina Mr. Zoran Galić, deputy director "
                 "Mr. Fahrudin Halač and others.", "Fahrudin Halač", "border-police-ba", id="deputy-of-the-same"),
    pytest.param("Sarajevo – Ministri unutrašnjih poslova Srbije Ivica Dačić posjetio je granicu.", "Ivica Dačić", "mi-rs",
                 id="bcms-title-with-country"),
])
def test_affiliation_comes_from_the_sentence(text, name, org):
    people = {p["name"]: p for p in extract(text)["people"]}
    assert people[name]["organisation"] == org


@pytest.mark.parametrize("text", [
    pytest.param("Sastanku je prisustvovao g. Marko Marković iz IOM-a.", id="bcms-g"),
    pytest.param("На средбата присуствуваше г-дин Марко Марковски.", id="macedonian-g-din"),
    pytest.param("Në takim ishte z. Arben Hoxha.", id="albanian-z"),
])
def test_honorifics_in_the_regions_languages_mark_people(text):
    assert len(extract(text)["people"]) == 1


# --- sentences and initiatives -----------------------------------------------------------------

def test_sentences_keep_honorifics_and_dates_inside():
    text = "Sastanku je prisustvovao g. Marko Marković. Održan je 16. srpnja 2024. godine u Sarajevu.\nNaslov"
    assert [s.text for s in sentences(text)] == ["Sastanku je prisustvovao g. Marko Marković.",
                                                 "Održan je 16. srpnja 2024. godine u Sarajevu.", "Naslov"]
    assert all(text[s.start:s.end] == s.text for s in sentences(text))


def test_initiatives_by_name_as_well_as_alias(g):
    from analysis.curation.ingest.entities import find_initiatives

    text = "The MARRI Border Management Police Network met; the Joint Police Cooperation Centre (Trebinje) reported."
    assert {i["id"] for i in find_initiatives(Folded(text), g, sentences(text))} >= {"marri-border-police-network", "pcc-trebinje"}
