"""ingest v8, the glossary: a body the record knows by its English name is found where a release names it in the region's
languages, by reading the name into English words; a name of another country's body, or one that says more than the
record's name, is not taken for it; a known body's office and a known body named with its acronym are no new bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.glossary import english_words, match, record_words

RECORD = Path(__file__).resolve().parent / "fixtures" / "ingest-record"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.cached(RECORD)


@pytest.mark.parametrize(("local", "english"), [
    ("Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja", "Ministry of Labour, Employment, Veteran and Social Affairs"),
    ("Националната комисија за борба против трговија со луѓе", "National Commission for Combating Trafficking in Human Beings"),
    ("Služba za borbu protiv organizovanog kriminala", "Service for Combating Organised Crime"),
    ("Ministria e Punëve të Brendshme", "Ministry of Internal Affairs"),
])
def test_a_local_name_reads_as_the_english_one(local, english):
    assert english_words(local) == english_words(english)


def test_words_the_glossary_lacks_stay_marked():
    assert english_words("Ministarstvo kulture") == ["ministry", "?kulture"]


@pytest.mark.parametrize(("local", "cc", "oid"), [
    ("Ministarstvo za evropske integracije", "RS", "ministry-of-european-integration-of-serbia"),
    ("Комисијата за борба против трговијата со луѓе и илегалната миграција", "MK",
     "national-commission-for-combating-trafficking-in-human-being"),
    ("Ministarstvo za ljudska i manjinska prava i društveni dijalog", "RS",
     "ministry-of-human-and-minority-rights-and-social-dialogue-of"),
])
def test_a_local_name_finds_the_record_body_of_its_country(g, local, cc, oid):
    assert match(local, cc, g) == oid


@pytest.mark.parametrize(("local", "cc"), [
    pytest.param("Ministarstvo za evropske integracije", None, id="no-country"),
    pytest.param("Ministarstvo za evropske integracije", "HR", id="a-country-without-that-body"),
    pytest.param("Uprava poreza i carina", "RS", id="says-more-than-the-record-name"),
    pytest.param("Ministarstvo kulture i informisanja", "RS", id="no-such-body-in-the-record"),
])
def test_no_body_is_taken_on_too_little(g, local, cc):
    assert match(local, cc, g) is None


def test_a_parent_body_after_a_comma_is_not_part_of_a_units_name(g):
    oid = next(o for o, name in g.org_full.items() if name.startswith("Service for Combating Organised Crime, Ministry"))
    assert record_words(g, oid) == ["service", "combating", "organised", "crime"]


def test_ingest_finds_a_body_named_in_macedonian_and_takes_it_as_organiser():
    text = ("Регионалната работилница ја организираше Канцеларијата на Обединетите нации за дрога и криминал (UNODC), во "
            "соработка со Националната комисија за борба против трговија со луѓе и илегална миграција на Влада на Република "
            "Северна Македонија.")
    d = extract(text, RECORD, url="https://nacionalnakomisija.gov.mk/x")
    orgs = {o["id"] for o in d["organisations"]}
    assert "national-commission-for-combating-trafficking-in-human-being" in orgs
    assert "unodc" in orgs and "unodc" not in {n["id"] for n in d.get("new_organisations", [])}  # named in full with its acronym


def test_ingest_reads_a_serbian_ministry_the_record_lists_only_in_english():
    text = ("Obuku je organizovalo Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja Republike Srbije uz podršku "
            "Međunarodne organizacije za migracije.")
    d = extract(text, RECORD, url="https://www.minrzs.gov.rs/x")
    assert "ministry-of-labour-employment-veteran-and-social-affairs-of" in {o["id"] for o in d["organisations"]}
    assert not d.get("new_organisations")


def test_a_known_bodys_office_is_no_new_body():
    text = ("Обуката ја организираше Канцеларијата на Меѓународната организација за миграции (ИОМ) во Скопје, со поддршка на "
            "Холандија.")
    d = extract(text, RECORD, url="https://makedonskosonce.com/x")
    assert "iom" in {o["id"] for o in d["organisations"]}
    assert not any("Меѓународната" in n["name"] for n in d.get("new_organisations", []))


def test_an_albanian_name_runs_on_with_its_capitalised_adjectives_and_is_read():
    text = ("Caritas Shqiptar dhe CRS në bashkëpunim me Zyrën e Koordinatorit Kombëtar Anti Trafik më datë 7 nëntor 2014 "
            "prezantuan projektin në Tiranë; morën pjesë përfaqësues nga Shërbimi Social Shtetëror.")
    d = extract(text, RECORD, url="https://caritasalbania.org/x")
    orgs = {o["id"] for o in d["organisations"]}
    assert {"office-of-the-national-anti-trafficking-coordinator-of-alban", "state-social-services-of-albania"} <= orgs


def test_an_embassy_named_by_its_country_alone_is_that_countrys_embassy_in_the_releases_country(g):
    assert match("Ambasada e", "US", g, "AL") == "embassy-of-the-united-states-in-albania"
    assert match("Ambasada e", "US", g, None) is None  # in no country: which of its embassies is not said


def test_unknown_words_differing_only_in_a_case_ending_are_the_same_word(g):
    from analysis.curation.ingest.glossary import _same

    assert _same("?kukesit", "?kukes") and not _same("?kuk", "?kukesit") and not _same("?kukes", "kukes")
