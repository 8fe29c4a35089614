"""Ingest's gazetteer and entities on a small synthetic record (``tests/fixtures/ingest-mini``, a dozen bodies, five
countries, four places): the qualified names a body is also found by, generic names ("the Ministry of Interior") resolved
to the country in context, a country inside a body's name or locating a place, programmes and possessives that are not the
body, fuzzy names, topics, initiatives and the event's kind. Loaded from its own folder, so the real record's growth does
not change the answers; written for mutation testing (docs/mutation.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import Gazetteer
from analysis.curation.ingest.entities import find_countries, find_initiatives, find_orgs, find_places, find_topics, fuzzy_orgs
from analysis.curation.ingest.kinds import kind_of
from analysis.curation.ingest.matching import Folded
from analysis.curation.ingest.text import sentences

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.load(MINI)


# --- the gazetteer ------------------------------------------------------------------------------


def test_the_gazetteer_reads_the_folder_it_is_given(g):
    assert sorted(g.org_names) == ["bp-rs", "dcaf", "dcaf-lj", "eu", "eud-ba", "fr-embassy", "fr-embassy-bg", "gov-rs", "iom", "ipa-rs",
                                   "marri", "mi-hr", "mi-mk", "mi-rs", "mla", "ncc-hr", "ncc-rs"]
    assert (g.org_names["iom"], g.org_names["mi-rs"], g.org_full["iom"]) == ("IOM", "Ministry of Interior of Serbia",
                                                                            "International Organization for Migration")
    assert (g.org_country["mi-rs"], g.org_country["iom"], g.org_kind["gov-rs"]) == ("RS", "", "government")
    assert g.country_names == {"RS": "Serbia", "MK": "North Macedonia", "HR": "Croatia", "FR": "France", "BA": "Bosnia and Herzegovina"}
    assert sorted(g.places) == ["belgrade", "ohrid", "online", "skopje"]  # places.csv opens with a byte-order mark
    assert g.person_names == {"mirko-k": "Mirko Kuprešaković", "ana-jovic": "Ana Jović"}
    assert g.centres == [("pcc-ohrid", "Ohrid")]


@pytest.mark.parametrize(("text", "found"), [
    ("Serbian Ministry of Interior", [("mi-rs", "Serbian Ministry of Interior")]),
    ("Serbia Ministry of Interior", [("mi-rs", "Serbia Ministry of Interior")]),
    ("MUP Srbije", [("mi-rs", "MUP Srbije")]),
    ("Ministarstva unutrašnjih poslova Srbije", [("mi-rs", "Ministarstva unutrašnjih poslova Srbije")]),
    ("Ministarstvo unutrašnjih poslova u Srbiji", [("mi-rs", "Ministarstvo unutrašnjih poslova u Srbiji")]),
    ("Ministria e Brendshme e Serbisë", [("mi-rs", "Ministria e Brendshme e Serbisë")]),
    ("Serbian Government", [("gov-rs", "Serbian Government")]),
    ("MVR Makedonije", [("mi-mk", "MVR Makedonije")]),
    ("MVR Hrvatske", []),  # MVR is how Macedonian writes it, never Croatia's ministry
    ("Intergovernmental Committee for European Migration", [("iom", "Intergovernmental Committee for European Migration")]),
    ("ICEM", [("iom", "ICEM")]),
    ("Unknown Body", []),  # a former name of a body the record does not hold
    ("Granične policije Srbije", [("bp-rs", "Granične policije Srbije")]),
    ("Croatian Government", []),
    ("IPA Srbije", [("ipa-rs", "IPA Srbije")]),  # an acronym with its country, in the country's case
    ("Serbian IPA", [("ipa-rs", "Serbian IPA")]),
    ("IPA", []),
    ("Evropska unija", [("eu", "Evropska unija")]),  # how the region writes the names of bodies the record holds
    ("Bashkimi Evropian", [("eu", "Bashkimi Evropian")]),
    ("MOM", [("iom", "MOM")]),
    ("OSBE", []),  # the OSCE's local name, but the record here has no OSCE
])
def test_a_body_is_also_found_by_its_qualified_and_local_names(g, text, found):
    assert [(h["key"], h["text"]) for h in g.orgs.find(Folded(text))] == found


def test_generic_names_are_keyed_to_each_country_s_body(g):
    assert g.generic["ministry of interior"] == {"RS": "mi-rs", "MK": "mi-mk", "HR": "mi-hr"}
    assert g.generic["mup"] == {"RS": "mi-rs", "HR": "mi-hr"}
    assert g.generic["mvr"] == {"MK": "mi-mk"}
    assert g.generic["government"] == {"RS": "gov-rs"}
    assert g.generic["border police"] == {"RS": "bp-rs"}
    assert g.generic["granicna policija"] == {"RS": "bp-rs"}
    assert "serbia" not in g.generic and "republic" not in g.generic


def test_countries_by_name_alias_local_name_and_adjective(g):
    found = g.countries.find(Folded("Serbian and Serbia, the Republic of Serbia, Srbija, BiH and French"))
    assert [(h["key"], h["text"]) for h in found] == [("adj|RS", "Serbian"), ("RS", "Serbia"), ("RS", "Republic of Serbia"),
                                                      ("RS", "Srbija"), ("BA", "BiH"), ("adj|FR", "French")]


def test_place_words_are_the_capitalised_words_of_places_and_long_country_words(g):
    assert {"Skopje", "Ohrid", "Belgrade", "Serbia", "North", "Macedonia", "Republic", "Скопје"} <= g.place_words
    assert "BiH" not in g.place_words and "and" not in g.place_words and "dhe" not in g.place_words


def test_a_person_is_found_in_any_case_form_script_or_spelling(g):
    assert g.person("Mirka Kuprešakovića") == "mirko-k"
    assert g.person("ana jovic") == "ana-jovic"
    assert g.person("Ana Jović") == "ana-jovic"
    assert g.person("Marko Kuprešaković") is None
    assert g.person("Ana") is None


# --- organisations in a text --------------------------------------------------------------------


def _orgs(g, text, place_country=None):
    return [(h["id"], h["count"], h["first"], h["spans"]) for h in find_orgs(Folded(text), g, sentences(text), place_country)]


@pytest.mark.parametrize(("text", "place_country", "found"), [
    ("The Ministry of Interior met IOM.", None, [("iom", 1, 29, [(29, 32)])]),
    ("The Ministry of Interior met IOM.", "RS", [("mi-rs", 1, 4, [(4, 24)]), ("iom", 1, 29, [(29, 32)])]),
    ("The Croatian delegation said the Ministry of Interior met IOM.", "RS", [("mi-hr", 1, 33, [(33, 53)]), ("iom", 1, 58, [(58, 61)])]),
    ("The Ministry of Interior met. Croatia sent IOM.", "RS", [("mi-rs", 1, 4, [(4, 24)]), ("iom", 1, 43, [(43, 46)])]),
    ("The Ministry of Interior met.", "FR", []),
    ("The Ministry of Interior of North Macedonia met.", "RS", [("mi-mk", 1, 4, [(4, 43)])]),
    ("MUP met MVR.", "MK", [("mi-mk", 1, 8, [(8, 11)])]),
    ("The Government met. The Ministry of Interior of Serbia too.", None, [("mi-rs", 1, 24, [(24, 54)])]),
    ("The National Coordination Centre met.", "HR", [("ncc-hr", 1, 4, [(4, 32)])]),
    ("IOM met the Ministry of Interior.", "RS", [("iom", 1, 0, [(0, 3)]), ("mi-rs", 1, 12, [(12, 32)])]),
    ("The National Coordination Centre met in Serbia.", None, [("ncc-rs", 1, 4, [(4, 32)])]),
])
def test_a_generic_name_is_the_body_of_the_country_in_its_sentence_else_of_the_event_s(g, text, place_country, found):
    assert _orgs(g, text, place_country) == found


@pytest.mark.parametrize(("text", "place_country", "body"), [
    ("NCC met IOM.", None, "ncc-rs"),  # neither the text nor the place says: the record's first
    ("NCC met IOM.", "HR", "ncc-hr"),
    ("NCC met IOM.", "RS", "ncc-rs"),
    ("NCC met IOM in Croatia.", None, "ncc-hr"),
    ("NCC met IOM in Croatia.", "FR", "ncc-hr"),
    ("NCC met IOM in Croatia.", "RS", "ncc-rs"),  # the event's country first
])
def test_a_form_several_bodies_share_is_the_event_s_country_s_else_a_named_country_s(g, text, place_country, body):
    assert _orgs(g, text, place_country) == [(body, 1, 0, [(0, 3)]), ("iom", 1, 8, [(8, 11)])]


def test_a_programme_or_course_named_after_a_body_is_not_the_body_and_mentions_are_counted(g):
    text = "IOM and IOM again; the IOM 2014 programme, IOM III and the IOM online course."
    assert _orgs(g, text) == [("iom", 2, 0, [(0, 3), (8, 11)])]


def test_a_body_named_in_the_possessive_before_another_is_not_there_itself(g):
    assert _orgs(g, "The EU´s IOM office.") == [("iom", 1, 9, [(9, 12)])]
    assert _orgs(g, "The EU and IOM.") == [("eu", 1, 4, [(4, 6)]), ("iom", 1, 11, [(11, 14)])]


def test_a_bare_acronym_beside_a_body_named_with_it_is_that_body(g):
    assert _orgs(g, "DCAF and DCAF Ljubljana met.") == [("dcaf-lj", 1, 9, [(9, 23)])]
    assert _orgs(g, "DCAF met.") == [("dcaf", 1, 0, [(0, 4)])]


def test_organisations_come_in_order_of_first_mention(g):
    assert [h[0] for h in _orgs(g, "IOM met MARRI. MARRI met IOM and the EU.")] == ["iom", "marri", "eu"]


def test_fuzzy_names_of_a_named_country_s_body(g):
    def fuzzy(text, codes):
        orgs = find_orgs(Folded(text), g, sentences(text), None)
        return [(h["id"], h["count"], h["first"], h["spans"], h["fuzzy"]) for h in fuzzy_orgs(text, g, orgs, codes, {"skopje"})]

    # "Serbian Interior Ministry" is now an exact form (v12); fuzzy matching reads the forms no rule writes
    assert fuzzy("The Serbian Interior Affairs Ministry and the French Embassy met.", {"RS", "FR"}) == [
        ("mi-rs", 1, 0, [(0, 37)], "Serbian Interior Affairs Ministry"), ("fr-embassy", 1, 46, [(46, 60)], "French Embassy")]
    assert fuzzy("The Serbian Interior Ministry and the French Embassy met.", {"RS", "FR"}) == [
        ("fr-embassy", 1, 38, [(38, 52)], "French Embassy")]  # the ministry is found exactly, not twice
    assert fuzzy("The Macedonian Ministry for Interior met.", {"MK"}) == [
        ("mi-mk", 1, 0, [(0, 36)], "Macedonian Ministry for Interior")]
    assert fuzzy("The Macedonian Ministry for Interior met.", {"RS"}) == []  # not a country the text names
    # a name the record writes with the adjective is found by the name as written, not only with the country's name
    assert fuzzy("The Macedonian Association of Lawyers met.", {"MK"}) == [
        ("mla", 1, 0, [(0, 37)], "Macedonian Association of Lawyers")]
    assert fuzzy("The Ministry for Interior met.", {"RS", "MK", "HR"}) == []  # three countries' ministries: none decides
    assert fuzzy("The Serbian Ministry for Interior met. The Serbian Ministry for Interior left.", {"RS"}) == [
        ("mi-rs", 2, 0, [(0, 33), (39, 72)], "Serbian Ministry for Interior")]


# --- places and countries -----------------------------------------------------------------------


def test_places_each_once_with_every_offset_and_evidence_around_the_first(g):
    text = "Skopje meetings: Skopje, Macedonia and Ohrid (Macedonia) and Belgrade in Serbia; Serbian police."
    places = find_places(Folded(text), g)
    assert [(p["id"], p["name"], p["country"], p["pos"], p["end"], p["all"], p["evidence"]) for p in places] == [
        ("skopje", "Skopje", "MK", 0, 6, [0, 17], "line 1: 'Skopje meetings: S'"),
        ("ohrid", "Ohrid", "MK", 39, 44, [39], "line 1: 'opje, Macedonia and Ohrid (Macedonia)'"),
        ("belgrade", "Belgrade", "RS", 61, 69, [61], "line 1: 'rid (Macedonia) and Belgrade in Serbia;'")]


def test_a_place_by_its_name_in_the_region_s_languages(g):
    assert [(p["id"], p["pos"], p["all"]) for p in find_places(Folded("Sastanak u Skoplju, Shkupi i Скопје."), g)] == \
        [("skopje", 11, [11, 20, 29])]


def test_a_country_after_a_place_locates_it_and_a_country_inside_a_body_is_the_body_s(g):
    text = "Skopje, Macedonia and Ohrid (Macedonia) and Belgrade in Serbia; Serbian police; Ministry of Interior of Serbia; Serbia."
    f = Folded(text)
    places = find_places(f, g)
    spans = [s for h in find_orgs(f, g, sentences(text), None) for s in h["spans"]]
    assert spans == [(text.index("Ministry"), text.index("; Serbia."))]
    got = [(c["code"], c["start"], c["end"], c["adjective"], c["locates"]) for c in find_countries(f, g, places, spans)]
    assert got == [("MK", 8, 17, False, True), ("MK", 29, 38, False, True), ("RS", 56, 62, False, True), ("RS", 64, 71, True, False),
                   ("RS", 112, 118, False, False)]


def test_a_country_far_from_a_place_only_names_the_country(g):
    text = "Skopje hosted it;  Macedonia paid."
    f = Folded(text)
    assert [c["locates"] for c in find_countries(f, g, find_places(f, g), [])] == [False]
    for text, locates in (("Skopje ,  Macedonia", True), ("Skopje  ,  Macedonia", False), ("Skopje in Macedonia", True)):
        f = Folded(text)
        assert [c["locates"] for c in find_countries(f, g, find_places(f, g), [])] == [locates]


# --- topics, initiatives, kind ------------------------------------------------------------------


def test_topics_by_keyword_in_any_case_with_their_line(g):
    assert find_topics("Intro\nTalks on the Return of Migrants and readmission.", g) == [
        {"id": "readmission", "evidence": "line 2: 'Return of Migrants'"}]
    assert find_topics("The I-24/7 system.", g) == [{"id": "hotline", "evidence": "line 1: 'I-24/7'"}]
    assert find_topics("The I-24/7 network and I-24/7.", g) == [{"id": "hotline", "evidence": "line 1: 'I-24/7 network'"}]  # longest
    assert find_topics("Nothing here.", g) == []
    assert find_topics("the Return   of\u00a0migrants", g) == [{"id": "readmission", "evidence": "line 1: 'Return   of\\xa0migrants'"}]
    assert find_topics("the return-of migrants", g) == []


@pytest.mark.parametrize(("text", "found"), [
    ("The Police Cooperation Centre Ohrid and the Prague Process (PP).",
     [("pcc-ohrid", "line 1: 'Police Cooperation Centre Ohrid'"), ("prague", "line 1: 'Prague Process'")]),
    ("Police co-operation centres in Ohrid work well.", [("pcc-ohrid", "line 1: 'Police co-operation centres in Ohrid work well.'")]),
    ("Centar za policijsku saradnju u Ohridu radi.", [("pcc-ohrid", "line 1: 'Centar za policijsku saradnju u Ohridu radi.'")]),
    ("Ohrid is nice. The PCC in Belgrade works.", []),
    ("Ohrid is nice.", []),
    ("The PP met.", [("prague", "line 1: 'PP'")]),
])
def test_initiatives_by_name_and_a_centre_by_its_place(g, text, found):
    assert [(i["id"], i["evidence"]) for i in find_initiatives(Folded(text), g, sentences(text))] == found


@pytest.mark.parametrize(("text", "kind"), [
    ("Skopje. A workshop and a training took place.", ("workshop", "workshop")),
    # (since ingest v5 a line of under four words is page clutter, so the opening's sentences are longer)
    ("A conference was held today. Two more words here. Three more words here. The keys were handed over.", ("conference", "conference")),
    ("Nothing. Two. Three. The keys were handed over.", ("other", "handed over")),
    ("Nothing. Two. Three. A training was held.", ("meeting", "")),
    ("A meeting. Two. Three. A training was held.", ("meeting", "meeting")),
    ("The Working Group on Training met at the Training Centre.", ("meeting", "")),
    ("Police education and training workshop.", ("workshop", "workshop")),
    ("A seminar and a workshop.", ("seminar", "seminar")),
    ("A study visit to the meeting.", ("study-visit", "study visit")),
    ("Nothing. Two. Three. A study visit and a launch.", ("study-visit", "study visit")),
])
def test_the_kind_named_first_in_the_opening_else_an_event_s_own_kind_further_down(text, kind):
    assert kind_of(text, sentences(text)) == kind
