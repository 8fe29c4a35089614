"""ingest v11: the EU (or NATO) named with no part stated is a frame ("integration with the EU", "the EU's external
border"), not a party: it goes to the mentioned unless a cue or one of its people says it took part; a place the text only
names, with no "held in" and no dateline, is a hint for the curator, never the venue."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract

RECORD = Path(__file__).resolve().parent / "fixtures" / "ingest-record"
MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def _ids(d: dict, key: str = "organisations") -> list[str]:
    return [o["id"] for o in (d[key] if key == "organisations" else d.get("mentioned", {}).get("organisations", []))]


def test_the_eu_named_without_a_cue_is_mentioned_with_its_reason():
    d = extract("MARRI and IOM met in Skopje on 3 May 2019. Both sides praised the EU.", MINI)
    assert "eu" not in _ids(d) and "eu" in _ids(d, "mentioned")
    reason = next(o["reason"] for o in d["mentioned"]["organisations"] if o["id"] == "eu")
    assert reason == "a union of states named with no part stated"


@pytest.mark.parametrize("text", [
    "MARRI and IOM met in Skopje on 3 May 2019. The workshop was funded by the EU.",
    "MARRI and IOM met in Skopje on 3 May 2019 with representatives of the EU.",
])
def test_the_eu_with_a_cue_takes_part(text):
    assert "eu" in _ids(extract(text, MINI))


def test_the_eu_takes_part_through_a_person_the_text_ties_to_it():
    text = ("Brussels, 3 May 2021 - Minister Nebojša Stefanović met the EU Commissioner for Home Affairs Ylva Johansson "
            "on migration.")
    d = extract(text, RECORD)
    assert any(p["organisation"] == "eu" for p in d["people"]), d["people"]
    assert "eu" in _ids(d)


def test_a_body_that_is_not_a_union_still_takes_part_without_a_cue():
    d = extract("MARRI and IOM met in Skopje on 3 May 2019. The talks covered readmission with UNHCR.", MINI)
    assert {"marri", "iom"} <= set(_ids(d))


def test_a_place_only_named_is_a_hint_not_the_venue():
    d = extract("Belgrade police and MARRI met IOM on 3 May 2019.", MINI)
    assert "place" not in d
    assert d["evidence"]["place"].startswith("no venue stated in the text; the first place it names is Belgrade")
    assert "Belgrade" not in d["title"]


def test_a_stated_venue_is_still_the_venue():
    d = extract("MARRI met IOM on 3 May 2019. The meeting was held in Skopje.", MINI)
    assert d["place"]["id"] == "skopje" and d["evidence"]["place"].endswith("(held in)")


#: (text, kind): police operations reported by their arrests and aid handed out are `other` (handovers); the opening of a
#: border crossing, a deployment begun and a campaign launched are a `launch`
KINDS = [
    ("Police in Albania, Greece and Italy arrested 29 people smuggling migrants, Europol said on 3 May 2019.", "other"),
    ("U akciji MUP-a uhapšeno je pet osoba zbog krijumčarenja migranata.", "other"),
    ("Policia e Shtetit arrestoi tre persona për trafikim, në bashkëpunim me Europol.", "other"),
    ("In cooperation with ASB, PREDA Plus distributed 150 humanitarian packages per day to refugees at Tabanovce.", "other"),
    ("U Prihvatnom centru za migrante podijeljeno je 60 paketa u organizaciji TIKA.", "other"),
    ("The new border crossing point Glloboçicë-Borje was opened on 3 May 2019 by the two ministers.", "launch"),
    ("Ministers attended the opening of the Božaj border crossing with MARRI.", "launch"),
    ("Otvoren je novi granični prelaz uz prisustvo IOM-a.", "launch"),
    ("The European Union's border agency Frontex has begun its official deployment in North Macedonia on Thursday.", "launch"),
    ("Institucionet shtetërore kanë lansuar fushatën kundër trafikimit.", "launch"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kinds_of_events_that_are_not_meetings(text, kind):
    assert extract(text, MINI)["kind"] == kind


@pytest.fixture(scope="module")
def offices_record(tmp_path_factory) -> Path:
    """The mini record with country offices of IOM and the EU: "IOM Mission in Serbia", "Delegation of the European Union
    to Serbia", "IOM Office in Skopje" (a capital names its country)."""
    import shutil

    d = tmp_path_factory.mktemp("offices")
    for f in MINI.iterdir():
        shutil.copy(f, d / f.name)
    with (d / "organisations.csv").open("a", encoding="utf-8") as out:
        out.write("iom-mission-in-serbia,IOM Mission in Serbia,,international-organisation,RS,\n"
                  "eud-rs,Delegation of the European Union to Serbia,,eu-body,RS,\n"
                  "iom-office-in-skopje,IOM Office in Skopje,,international-organisation,MK,\n")
    return d


def test_a_global_body_named_with_a_country_points_the_curator_to_its_office(offices_record):
    checks = extract("Belgrade, 3 May 2019 - MARRI met the head of IOM in Serbia on readmission.", offices_record)["evidence"]["to_check"]
    assert any("the record keeps its office there, iom-mission-in-serbia" in c for c in checks), checks
    plain = extract("Belgrade, 3 May 2019 - MARRI met IOM on readmission.", offices_record)
    assert not any("keeps its office" in c for c in plain["evidence"]["to_check"])


def test_country_offices_are_read_from_the_record_s_names(offices_record):
    from analysis.curation.ingest.gazetteer import Gazetteer
    from analysis.curation.ingest.offices import country_offices

    offices = country_offices(Gazetteer.load(offices_record))
    assert offices["iom"] == {"RS": "iom-mission-in-serbia", "MK": "iom-office-in-skopje"}
    assert offices["eu"] == {"RS": "eud-rs", "BA": "eud-ba"}  # eud-ba: "Delegation of the European Union to Bosnia and Herzegovina"


@pytest.mark.parametrize("text", [
    "Consultations of civil society were held on 18 June 2019 in the Human Rights House in Belgrade with UNHCR.",
    "As part of honoring of the World Refugee Day we organised a meeting with IOM on 20 June 2019.",
    "MARRI met the Prime Minister of the northwestern Una-Sana Canton (USK) on 3 May 2019.",
    "Ambasadori su se sastali u Crnoj Gori sa predstavnicima IOM-a 3. maja 2019.",
])
def test_capitalised_words_of_bodies_days_and_places_are_no_person(text):
    assert extract(text, MINI)["people"] == []


def test_a_name_after_such_words_is_still_read():
    text = "MARRI met Albania's Deputy Interior Minister for Border Issues Julian Hodaj on 3 May 2019."
    assert [p["name"] for p in extract(text, MINI)["people"]] == ["Julian Hodaj"]
