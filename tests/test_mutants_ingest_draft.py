"""Ingest's draft and people on the small synthetic record of ``tests/fixtures/ingest-mini``: the event's place (dateline,
"held in", online, a new place, the first place named), the partners and the host of a visiting delegation, national bodies
bringing their country, new organisations and their de-duplication, follow-ups, the checklist, and people with their
titles and affiliations (title, bracket, "from", a list, a minister's or an ambassador's country, the publishing site's
country). Each test asserts the draft a curator would read; written for mutation testing (docs/mutation.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.draft import site_country

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def _draft(text: str, **kw) -> dict:
    return extract(text, data_dir=MINI, **kw)


def _people(text: str, **kw) -> list[tuple]:
    return [(p["name"], p["title"], p["organisation"], p.get("written"), p.get("known_as")) for p in _draft(text, **kw)["people"]]


# --- place --------------------------------------------------------------------------------------


def test_a_date_in_a_sentence_naming_only_another_place_is_not_the_event_s():
    d = _draft("The Ohrid conference of 3 May 2021 was recalled. MARRI and IOM met in Skopje on 5 May 2022.")
    assert (d["place"]["id"], d["date_start"]) == ("skopje", "2022-05-05")


def test_a_capitalised_run_with_a_word_that_is_no_name_inside_is_not_a_person():
    assert _people("Director Marko Border Petrović met MARRI.") == []


def test_a_dateline_place_with_its_evidence_and_the_draft_s_title_and_checklist():
    d = _draft("Skopje, 3 May 2019 – MARRI met IOM on readmission.")
    assert d["place"] == {"id": "skopje", "name": "Skopje", "country": "MK"}
    assert d["title"] == "Meeting of MARRI and IOM in Skopje"
    assert (d["kind"], d["status"], d["url"], d["summary"]) == ("meeting", "held", None, None)
    assert d["evidence"]["place"] == "line 1: 'Skopje, 3 May 2019' (dateline)"
    assert d["evidence"]["kind"] == "default: no kind word in the opening sentences"
    assert d["evidence"]["status"] == "reported in the past tense"
    assert d["evidence"]["to_check"] == ["write 'summary' in your own words (one or two sentences)", "check the generated 'title'",
                                         "fill in 'url': the public page this release comes from"]
    assert "mentioned" not in d and "follow_ups" not in d and "new_organisations" not in d


def test_a_place_the_opening_says_the_event_was_held_in():
    d = _draft("Workshop report\nThe workshop was held in Ohrid on 3 May 2019 with MARRI and IOM.")
    assert d["place"] == {"id": "ohrid", "name": "Ohrid", "country": "MK"}
    assert d["evidence"]["place"] == "line 2: 'orkshop was held in Ohrid on 3 May 20' (held in)"
    assert d["evidence"]["kind"] == "'workshop' in the opening sentences"


def test_held_in_counts_only_in_the_first_four_sentences():
    early = _draft("Belgrade police and MARRI met IOM. One. Two. They were hosted in Skopje.")
    late = _draft("Belgrade police and MARRI met IOM. One. Two. Three. They were hosted in Skopje.")
    assert (early["place"]["id"], late.get("place")) == ("skopje", None)
    # a place only named is a hint for the curator, never the venue (v11)
    assert late["evidence"]["place"].startswith("no venue stated in the text; the first place it names is Belgrade, line 1:")
    assert late["evidence"]["place"].endswith("(first place named): set it only if the page says the event was there")
    assert late["evidence"]["places_mentioned"][-1] == "Skopje (MK): line 1: 'They were hosted in Skopje.'"


def test_a_new_place_in_a_dateline_is_checked_for():
    d = _draft("Mavrovo, 3 May 2019 – MARRI met IOM.")
    assert d["place"] == {"name": "Mavrovo"}
    assert d["evidence"]["new_places"] == ["Mavrovo"]
    assert d["evidence"]["to_check"][-1] == "new place 'Mavrovo': add its country (ISO code) and coordinates, or use a known place id"
    assert _draft("MAVROVO, 3 May 2019 – MARRI met IOM.")["place"] == {"name": "Mavrovo"}


def test_an_online_meeting_and_no_place_at_all():
    d = _draft("MARRI held an online meeting with IOM on 3 May 2019.")
    assert (d["place"], d["evidence"]["place"]) == ({"id": "online", "name": "Online"}, "'online meeting' in the opening")
    d = _draft("MARRI met IOM. It was a videoconference.")
    assert (d["place"], d["evidence"]["place"]) == ({"id": "online", "name": "Online"}, "'videoconference' in the opening")
    d = _draft("MARRI met IOM on 3 May 2019.")
    assert "place" not in d and "place" not in d["evidence"]
    assert d["title"] == "Meeting of MARRI and IOM"


def test_no_date_is_said_and_checked_for():
    d = _draft("MARRI met IOM in Belgrade.")
    assert d["date_precision"] == "unknown" and "date_start" not in d
    assert d["evidence"]["date"].startswith("no date for this event in the text")
    assert d["evidence"]["to_check"][-1].startswith("no date found")
    d = _draft("MARRI met IOM in Belgrade.", url="https://example.org/x", published="2019-05-04")
    assert d["url"] == "https://example.org/x" and d["evidence"]["published"] == "2019-05-04"
    assert not any(t.startswith("fill in 'url'") for t in d["evidence"]["to_check"])


def test_a_relative_date_is_counted_from_the_date_the_page_was_published():
    d = _draft("MARRI met IOM in Belgrade yesterday.", published="2019-05-04")
    assert (d["date_start"], d["date_end"], d["date_precision"]) == ("2019-05-03", "2019-05-03", "day")
    assert d["evidence"]["date"] == "line 1: 'yesterday' counted from the publication date 2019-05-04"
    d = _draft("04.05.2019\nMARRI met IOM in Belgrade yesterday.")
    assert (d["evidence"]["published"], d["date_start"]) == ("2019-05-04", "2019-05-03")


# --- organisations and countries ----------------------------------------------------------------


def test_the_host_of_a_visiting_delegation():
    d = _draft("The IOM delegation visited MARRI in Skopje.")
    assert [(o["id"], o["role"]) for o in d["organisations"]] == [("iom", "partner"), ("marri", "host")]
    assert d["organisations"][1]["evidence"] == ("line 1: 'MARRI'; the other side is named as the visiting delegation: "
                                                 "line 1: 'The IOM delegation visited MARRI in Skopje.'")
    d = _draft("MARRI and the IOM delegation met in Skopje.")
    assert [(o["id"], o["role"]) for o in d["organisations"]] == [("marri", "host"), ("iom", "partner")]
    d = _draft("MARRI and IOM met in Skopje.")
    assert [(o["id"], o["role"]) for o in d["organisations"]] == [("marri", "partner"), ("iom", "partner")]


def test_a_national_body_taking_part_brings_its_country_but_a_donor_does_not():
    d = _draft("The Ministry of Interior of Serbia and IOM met in Skopje.")
    assert d["countries"] == ["RS"]
    assert d["evidence"]["countries"] == ["RS: its Ministry of Interior of Serbia takes part; line 1: "
                                          "'The Ministry of Interior of Serbia and IOM met in Skopje.'"]
    d = _draft("IOM met MARRI in Skopje. The event was funded by the Ministry of Interior of Serbia.")
    assert d["countries"] == []
    assert ("mi-rs", "donor") in [(o["id"], o["role"]) for o in d["organisations"]]


def test_countries_taking_part_mentioned_or_only_locating_a_place():
    d = _draft("Delegations of Croatia met IOM in Skopje, Macedonia. They thanked France for its support.")
    assert d["countries"] == ["HR"]
    assert d["mentioned"]["countries"] == [
        {"code": "MK", "reason": "locates a place", "evidence": "line 1: 'Delegations of Croatia met IOM in Skopje, Macedonia.'"},
        {"code": "FR", "reason": "thanked for support", "evidence": "line 1: 'They thanked France for its support.'"}]
    assert d["mentioned"]["organisations"] == []


def test_a_mentioned_body_and_the_body_represented_by_its_delegation():
    d = _draft("The EU Delegation to BiH met IOM in Skopje. The EU standards were discussed.")
    assert [o["id"] for o in d["organisations"]] == ["eud-ba", "iom"]
    assert [(o["id"], o["reason"]) for o in d["mentioned"]["organisations"]] == [("eu", "qualifies 'standards'")]
    d = _draft("The EU Delegation to BiH met IOM in Skopje. Funded by the EU, cars were donated.")
    assert [(o["id"], o["reason"]) for o in d["mentioned"]["organisations"]] == [("eu", "represented by its delegation")]


def test_new_organisations_named_once_each_with_their_evidence():
    d = _draft("The Border Police Agency (BPA) and the Anti-Fraud Office met IOM. The Border Police Agency trained staff. "
               "The BPA Office of the Agency met. The Organisation met.")
    assert d["new_organisations"] == [
        {"id": "bpa", "name": "Border Police Agency", "acronym": "BPA", "kind": "other", "country": None, "new": True,
         "evidence": "line 1: 'The Border Police Agency (BPA)'"},
        {"id": "anti-fraud-office", "name": "Anti-Fraud Office", "acronym": "", "kind": "other", "country": None, "new": True,
         "evidence": "line 1: 'Anti-Fraud Office'"},
        {"id": "bpa-office-of-the-agency", "name": "BPA Office of the Agency", "acronym": "", "kind": "other", "country": None,
         "new": True, "evidence": "line 1: 'The BPA Office of the Agency'"}]
    assert [(o["id"], o["role"]) for o in d["organisations"]][1:] == [
        ("bpa", "participant"), ("anti-fraud-office", "participant"), ("bpa-office-of-the-agency", "participant")]
    assert d["evidence"]["to_check"][-1] == ("new organisation 'BPA Office of the Agency': check name, kind and country, "
                                             "or map it to a known id")


def test_a_variant_of_a_known_body_or_a_unit_next_to_it_is_not_new():
    d = _draft("IOM met the International Organisation for Migration in Skopje. IOM Migration Office staff came.")
    assert "new_organisations" not in d


def test_a_new_body_in_the_region_s_languages_and_its_fuller_name_further_down():
    d = _draft("U organizaciji Uprave za granice, sastanak je bio u Skoplju. Uprava za granice i migracije, koja je domaćin.")
    assert [(o["id"], o["name"], o["evidence"]) for o in d["new_organisations"]] == [
        ("uprava-za-granice-i-migracije", "Uprava za granice i migracije", "line 1: 'Uprave za granice'")]


@pytest.mark.parametrize(("text", "found"), [
    ("U organizaciji Uprave za granice, sastanak.", [("Uprava za granice", 15, 32, "")]),
    ("Uprava za granice i migracije Crne Gore.", [("Uprava za granice i migracije Crne Gore", 0, 39, "")]),
    ("Sa Ministarstvom unutrašnjih poslova i Upravom policije.",
     [("Ministarstvo unutrašnjih poslova", 3, 36, ""), ("Uprava policije", 39, 55, "")]),
    ("Zajednički centar za obuku.", [("Zajednički centar za obuku", 0, 26, "")]),
    ("Zajedničkog centra za obuku.", []),
    ("Ministarstvu pravde (MP) je dato.", [("Ministarstvo pravde (MP)", 0, 24, "MP")]),
    ("Ministarstvo", []),
    ("ministarstvo pravde je", []),
    ("Centrom za obuku.", [("Centar za obuku", 0, 16, "")]),
    ("Ministarstvo pravde, koje je", [("Ministarstvo pravde", 0, 19, "")]),
    ("Univerzitetom u Mastrihtu.", [("Univerzitet u Mastrihtu", 0, 25, "")]),
    ("Ministarstvo za", []),
    ("Управе за људске ресурсе.", [("Управа за људске ресурсе", 0, 24, "")]),
    ("Državno Ministarstvo pravde.", [("Državno Ministarstvo pravde", 0, 27, "")]),
    ("Glavni Centar za obuku.", [("Glavni Centar za obuku", 0, 22, "")]),
    ("Uprava za granice u.", [("Uprava za granice", 0, 17, "")]),
])
def test_local_new_bodies_read_back_in_the_nominative(text, found):
    from analysis.curation.ingest.neworgs import local_new_orgs

    def is_place(t: str) -> int:
        return 9 if t.startswith("Crne Gore") else 0

    assert [(o["name"], o["start"], o["end"], o["acronym"]) for o in local_new_orgs(text, [], is_place)] == found
    assert local_new_orgs(text, [(0, len(text))], is_place) == []


def test_follow_ups_with_their_kind_place_and_subject():
    d = _draft("MARRI met IOM in Skopje on readmission. It was agreed that a workshop will be held in Ohrid. "
               "The next meeting is planned.")
    assert d["follow_ups"] == [{"title": "Planned workshop at Ohrid (follow-up)", "kind": "workshop", "status": "planned",
                                "date_precision": "unknown", "initiatives": [], "topics": ["readmission"],
                                "evidence": "line 1: 'It was agreed that a workshop will be held in Ohrid.'"}]


def test_a_planned_event_and_its_cue():
    d = _draft("A workshop will be held in Skopje on 3 May 2019 by MARRI.")
    assert (d["status"], d["evidence"]["status"]) == ("planned", "'will be held'")


def test_the_country_of_the_site_that_published_a_release():
    assert site_country("https://mup.gov.hr/vijesti/1") == "HR"
    assert site_country("http://www.rks-gov.net/x") == "XK"
    assert site_country("https://mvr.gov.mk:443/a") == "MK"
    assert site_country("https://dcaf.ch/x") is None
    assert site_country("localhost") is None
    assert site_country(None) is None


# --- people -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "people"), [
    ("Ana Jović, Director of IOM, opened the meeting.", [("Ana Jović", "Director of IOM", "iom", None, "ana-jovic")]),
    ("The meeting was opened by Marko Petrović (IOM).", [("Marko Petrović", None, "iom", None, None)]),
    ("Marko Petrović from IOM spoke.", [("Marko Petrović", None, "iom", None, None)]),
    ("The Macedonian Minister of Interior Marko Petrović met MARRI.",
     [("Marko Petrović", "Macedonian Minister of Interior", "mi-mk", None, None)]),
    ("Minister of Interior Marko Petrović met MARRI.", [("Marko Petrović", "Minister of Interior", None, None, None)]),
    ("The French Ambassador Jean Dupont met MARRI in Skopje.", [("Jean Dupont", "French Ambassador", "fr-embassy", None, None)]),
    ("The French Ambassador Jean Dupont met MARRI in Belgrade.", [("Jean Dupont", "French Ambassador", "fr-embassy-bg", None, None)]),
    ("The French Ambassador Jean Dupont met MARRI.", [("Jean Dupont", "French Ambassador", None, None, None)]),  # two embassies
    ("Ambassador of France Jean Dupont met MARRI in Skopje, France.",
     [("Jean Dupont", "Ambassador of France", "fr-embassy", None, None)]),
    ("Serbian Minister of Interior Marko Petrović and Croatian Minister of Interior Ivan Horvat met.",
     [("Marko Petrović", "Serbian Minister of Interior", "mi-rs", None, None),
      ("Ivan Horvat", "Croatian Minister of Interior", "mi-hr", None, None)]),
    ("Marko Petrović and Ivan Horvat, both from IOM, spoke.",
     [("Marko Petrović", None, "iom", None, None), ("Ivan Horvat", None, "iom", None, None)]),
    ("IOM Project Manager Marko Petrović spoke.", [("Marko Petrović", "Project Manager", "iom", None, None)]),
    ("Director Mirka Kuprešakovića met MARRI.", [("Mirko Kuprešaković", "Director", None, "Mirka Kuprešakovića", "mirko-k")]),
    ("Mirka Kuprešakovića met MARRI.", [("Mirko Kuprešaković", None, None, "Mirka Kuprešakovića", "mirko-k")]),
    ("Contracting Parties Agreed Text met.", []),
    ("Marko Petrović met Ivan Horvat.", []),
    ("Marko Petrović, Ivan Horvat and Petar Novak met MARRI.",
     [("Marko Petrović", None, None, None, None), ("Ivan Horvat", None, None, None, None), ("Petar Novak", None, None, None, None)]),
    ("The director of IOM Marko Petrović, deputy director Ivan Horvat, met.",
     [("Marko Petrović", "director of IOM", "iom", None, None), ("Ivan Horvat", "deputy director", "iom", None, None)]),
    ("A delegation of IOM, composed of Marko Petrović, Ivan Horvat and Petar Novak, met.",
     [("Marko Petrović", None, "iom", None, None), ("Ivan Horvat", None, "iom", None, None), ("Petar Novak", None, "iom", None, None)]),
    ("Dr. Marko Petrović met MARRI. Director Marko Petrović of IOM left.", [("Marko Petrović", "Director", "iom", None, None)]),
])
def test_people_their_titles_and_affiliations(text, people):
    assert _people(text) == people


def test_a_body_a_person_is_tied_to_takes_part_with_them():
    d = _draft("The Macedonian Minister of Interior Marko Petrović met MARRI.")
    assert [(o["id"], o["role"]) for o in d["organisations"]] == [("marri", "participant"), ("mi-mk", "participant")]
    assert d["organisations"][1]["evidence"] == ("affiliation of Marko Petrović: line 1: "
                                                 "'The Macedonian Minister of Interior Marko Petrović met MARRI.'")
    assert d["countries"] == ["MK"]


def test_a_minister_named_without_a_country_is_of_the_publishing_site_s_country():
    text = "Ministar unutarnjih poslova Marko Petrović met MARRI."
    assert _people(text, url="https://mup.gov.hr/x") == [("Marko Petrović", "Ministar unutarnjih poslova", "mi-hr", None, None)]
    assert _people(text) == [("Marko Petrović", "Ministar unutarnjih poslova", None, None, None)]
    assert _people(text, url="https://mup.gov.ba/x") == [("Marko Petrović", "Ministar unutarnjih poslova", None, None, None)]


@pytest.mark.parametrize(("text", "people"), [
    ("Marko Petrović, Programme Manager, IOM, opened it.", [("Marko Petrović", "Programme Manager, IOM", "iom")]),
    ("Marko Petrović, Director for Citizenship, Asylum and Migration, opened it.",
     [("Marko Petrović", "Director for Citizenship, Asylum and Migration", None)]),
    ("Marko Petrović, Criminal Intelligence Officer informed on the plan.", [("Marko Petrović", "Criminal Intelligence Officer", None)]),
    ("Marko Petrović, the Acting Chief of IOM, spoke.", [("Marko Petrović", "Acting Chief of IOM", "iom")]),
    ("Marko Petrović, director of IOM and Ivan Horvat, spoke.", [("Marko Petrović", "director of IOM", "iom")]),
    ("Marko Petrović, Austrian Ambassador Ivan Horvat spoke.", [("Ivan Horvat", "Austrian Ambassador", None)]),
    ("Marko Petrović, deputy director Mr. Ivan Horvat spoke.", [("Ivan Horvat", "deputy director", None)]),
    ("Mr. Marko Petrović spoke.", [("Marko Petrović", None, None)]),
    ("Marko Petrović spoke.", []),
    ("Head of IOM, Mr. Marko Petrović, spoke.", [("Marko Petrović", "Head of IOM", "iom")]),
    ("Marko Petrović (Head of Unit) spoke.", [("Marko Petrović", "Head of Unit", None)]),
    ("Marko Petrović from the Border Crimes Directorate spoke.", [("Marko Petrović", "Border Crimes Directorate", None)]),
    ("Head of IOM Marko Petrović, Deputy Head Ivan Horvat spoke.",
     [("Marko Petrović", "Head of IOM", "iom"), ("Ivan Horvat", "Deputy Head", "iom")]),
    ("Director of IOM, Ms Ana Kovač, Head of MARRI, Ms Ivana Horvat, spoke.",
     [("Ana Kovač", "Director of IOM", "iom"), ("Ivana Horvat", "Head of MARRI", "marri")]),
    ("The seminar gathered operators from IOM Marko Petrović and others.", [("Marko Petrović", None, "iom")]),
    ("Marko Petrović, šef Sekcije za pravosuđe, unutarnje poslove i reformu javne uprave, spoke.",
     [("Marko Petrović", "šef Sekcije za pravosuđe, unutarnje poslove i reformu javne uprave", None)]),
    ("Ambassador Hoxha spoke. Ambassador Marko Hoxha came later.", [("Marko Hoxha", "Ambassador", None)]),
    ("Marko Petrović, Head of Unit at IOM, spoke.", [("Marko Petrović", "Head of Unit at IOM", "iom")]),
    ("Marko Petrović, Director of the Belgrade Office, spoke.", [("Marko Petrović", "Director of the Belgrade Office", None)]),
    ("в.д. директор Marko Petrović спомена.", [("Marko Petrović", "в.д. директор", None)]),
    ("IOM represented by Director Marko Petrović spoke.", [("Marko Petrović", "Director", "iom")]),
    ("Deputy Minister Hoxha said it.", [("Hoxha", "Deputy Minister", None)]),
])
def test_titles_written_before_or_after_a_name(text, people):
    assert [(p["name"], p["title"], p["organisation"]) for p in _draft(text)["people"]] == people


def test_more_ways_of_saying_where_the_event_was():
    d = _draft("MARRI met IOM. The talks were on-line.")
    assert (d["place"], d["evidence"]["place"]) == ({"id": "online", "name": "Online"}, "'on-line' in the opening")
    clutter = "Home\nNews\nPress\nMenu\nSearch\n"
    d = _draft(clutter + "SKOPJE, Macedonia, 19 September 2019 (IOM) - MARRI talked with IOM of Belgrade.")  # (v6: not "met in")
    assert d["place"] == {"id": "skopje", "name": "Skopje", "country": "MK"} and d["evidence"]["place"].endswith("(dateline)")
    d = _draft(clutter + "The talks. SKOPJE, Macedonia - MARRI talked with IOM of Belgrade.")  # not at a line's start: no dateline
    assert "place" not in d and "first place it names is Skopje" in d["evidence"]["place"]
    menu = [f"Menu item {i}" for i in range(15)]
    d = _draft("\n".join([*menu[:14], "SKOPJE, Macedonia - MARRI talked with IOM of Belgrade."]))  # line 15: still a dateline
    assert d["place"]["id"] == "skopje" and d["evidence"]["place"].endswith("(dateline)")
    d = _draft("\n".join([*menu, "SKOPJE, Macedonia - MARRI talked with IOM of Belgrade."]))  # line 16: too far down the page
    assert "place" not in d and "first place it names is Skopje" in d["evidence"]["place"]


def test_a_page_s_html_is_reduced_to_its_main_text_first():
    d = _draft("<html><body><article><h1>Talks</h1><p>Skopje, 3 May 2019 – MARRI met IOM to talk about readmission and the return "
               "of migrants in the region with partners.</p></article></body></html>")
    assert (d["place"]["id"], d["date_start"], [o["id"] for o in d["organisations"]]) == ("skopje", "2019-05-03", ["marri", "iom"])
    assert d["evidence"]["published"] == "2019-05-03"


def test_a_new_body_next_to_a_known_one_or_named_twice_is_listed_once():
    d = _draft("The Anti-Fraud Office met IOM. The Anti-Fraud Office (AFO) met again.")
    assert [(o["id"], o["evidence"]) for o in d["new_organisations"]] == [("anti-fraud-office", "line 1: 'The Anti-Fraud Office'")]
    d = _draft("IOM met. Ministarstvo pravde (MP) je domaćin. Ministarstvu pravde (MP) hvala.")
    assert [(o["id"], o["name"], o["acronym"]) for o in d["new_organisations"]] == [("mp", "Ministarstvo pravde (MP)", "MP")]


@pytest.mark.parametrize(("text", "people"), [
    ("Potpredsednici IPA Srbije Marko Petrović i Ivan Horvat su došli.",
     [("Marko Petrović", "Potpredsednik IPA Srbije", "ipa-rs"), ("Ivan Horvat", "Potpredsednik IPA Srbije", "ipa-rs")]),
    ("Ministri unutrašnjih poslova Srbije i Hrvatske Marko Petrović i Ivan Horvat su se sastali.",  # two bodies: not shared
     [("Marko Petrović", "Ministar unutrašnjih poslova Srbije", "mi-rs"),  # (v6: the two countries respectively)
      ("Ivan Horvat", "Ministar unutrašnjih poslova Hrvatske", "mi-hr")]),
    ("Direktor IOM Marko Petrović i Ivan Horvat su došli.", [("Marko Petrović", "Direktor IOM", "iom"), ("Ivan Horvat", None, None)]),
    ("Sastanku su prisustvovali g. Marko Petrović i gđa Ana Kovač.", [("Marko Petrović", None, None), ("Ana Kovač", None, None)]),
    ("Marko Petrović and Ivan Horvat, Director of IOM, met.", [("Marko Petrović", None, None), ("Ivan Horvat", "Director of IOM", "iom")]),
    ("Marko Petrović, Kryetar i IOM, për Trafiqet e Paligjshme, foli.",
     [("Marko Petrović", "Kryetar i IOM, për Trafiqet e Paligjshme", "iom")]),
    ("Marko Petrović, Head of Section for Justice, Home Affairs and Reform, spoke.",
     [("Marko Petrović", "Head of Section for Justice, Home Affairs and Reform", None)]),
    ("Marko Petrović, Head of Section for Justice, who spoke first.", [("Marko Petrović", "Head of Section for Justice", None)]),
    ("Marko Petrović, Director of IOM Ivan Horvat spoke.", [("Ivan Horvat", "Director of IOM", "iom")]),
    ("Ministar Marko Petrović i ministar Ivan Horvat.", [("Marko Petrović", "Ministar", None), ("Ivan Horvat", "ministar", None)]),
    ("The meeting with Mr Hoxha and Minister Hoxha was held.", [("Hoxha", "Minister", None)]),
    ("Marko Petrović, IOM Director, and Ivan Horvat, MARRI Director, spoke.",
     [("Marko Petrović", "IOM Director", "iom"), ("Ivan Horvat", "MARRI Director", "marri")]),
])
def test_lists_of_people_and_what_they_share(text, people):
    assert [(p["name"], p["title"], p["organisation"]) for p in _draft(text)["people"]] == people


def test_a_government_named_only_in_the_title_of_its_minister_is_mentioned_not_taking_part():
    text = ("Ministar Ivan Horvat susreo se s potpredsjednikom Vlade i ministrom unutarnjih poslova Republike Srbije "
            "Draganom Kulićem.")
    d = _draft(text)
    assert [(p["name"], p["title"], p["organisation"]) for p in d["people"]] == [
        ("Ivan Horvat", "Ministar", None),
        ("Dragan Kulić", "potpredsjednik Vlade i ministar unutarnjih poslova Republike Srbije", "mi-rs")]
    assert [(o["id"], o["role"]) for o in d["organisations"]] == [("mi-rs", "participant")]
    assert d["mentioned"]["organisations"] == [{"id": "gov-rs", "reason": "in the title of Dragan Kulić", "evidence": f"line 1: {text!r}"}]
    assert d["countries"] == ["RS"]
    d = _draft("The Government of Serbia and IOM met in Belgrade. Marko Petrović, Deputy Prime Minister, attended.")
    assert [(o["id"], o["role"]) for o in d["organisations"]] == [("gov-rs", "partner"), ("iom", "partner")]


def test_follow_ups_name_their_places_and_initiatives():
    d = _draft("IOM met MARRI. It was agreed to hold a training in Skopje and Ohrid. A follow-up meeting will be organised.")
    assert [(f["title"], f["kind"], f["initiatives"]) for f in d["follow_ups"]] == [
        ("Planned training at Skopje and Ohrid (follow-up)", "training", [])]
    d = _draft("IOM met MARRI at the Police Cooperation Centre Ohrid. The next training on the Prague Process was agreed.")
    assert d["initiatives"] == ["pcc-ohrid", "prague"]
    assert [(f["title"], f["initiatives"], f["evidence"]) for f in d["follow_ups"]] == [
        ("Planned training (follow-up)", ["prague"], "line 1: 'The next training on the Prague Process was agreed.'")]


@pytest.mark.parametrize(("text", "name", "evidence"), [
    ("IOM met. Ministarstvo pravde Republike Srbije, koje je domaćin.", "Ministarstvo pravde Republike Srbije",
     "Ministarstvo pravde Republike Srbije"),
    ("IOM met. Ministarstvo pravde Makedonije, koje je domaćin.", "Ministarstvo pravde Makedonije", "Ministarstvo pravde Makedonije"),
    ("IOM met. Ministarstvo pravde Skopje, koje je domaćin.", "Ministarstvo pravde Skopje", "Ministarstvo pravde Skopje"),
    ("IOM met. Saradnja između Ministarstva pravde Srbije, Hrvatske i Makedonije.", "Ministarstvo pravde Srbije, Hrvatske i Makedonije",
     "Ministarstva pravde Srbije, Hrvatske i Makedonije"),
])
def test_a_new_body_s_name_goes_on_over_the_countries_and_places_it_names(text, name, evidence):
    assert [(o["name"], o["evidence"]) for o in _draft(text)["new_organisations"]] == [(name, f"line 1: {evidence!r}")]


@pytest.mark.parametrize(("text", "people"), [
    ("Marko Petrović, Drejtor për Hetimet e rasteve të rënda, foli.",
     [("Marko Petrović", "Drejtor për Hetimet e rasteve të rënda", None, None)]),
    ("Marko Petrović, Director of IOM and of MARRI, spoke.", [("Marko Petrović", "Director of IOM and of MARRI", "iom", None)]),
    ("Marko Petrović, Director of IOM and Ivan Horvat, Head of MARRI, spoke.",
     [("Marko Petrović", "Director of IOM", "iom", None), ("Ivan Horvat", "Head of MARRI", "marri", None)]),
    ("Marko Petrović, Senior Adviser, IOM Skopje office, spoke.", [("Marko Petrović", "Senior Adviser, IOM Skopje office", "iom", None)]),
    ("Marko Petrović (IOM) and Ivan Horvat (MARRI) met.", [("Marko Petrović", None, "iom", None), ("Ivan Horvat", None, "marri", None)]),
    ("Marko Petrović i Ivan Horvat iz IOM su došli.", [("Marko Petrović", None, "iom", None), ("Ivan Horvat", None, "iom", None)]),
    ("Draganom Kulićem, direktorom IOM, razgovarali su.", [("Dragan Kulić", "direktor IOM", "iom", "Draganom Kulićem")]),
    ("razgovarali su s direktorom IOM Draganom Kulićem.", [("Dragan Kulić", "direktor IOM", "iom", "Draganom Kulićem")]),
    ("Marko Petrović, Director of IOM, and Ivan Horvat, Head of Unit, met.",
     [("Marko Petrović", "Director of IOM", "iom", None), ("Ivan Horvat", "Head of Unit", None, None)]),
    ("Marko Petrović, Programme Manager, International Organization for Migration, spoke.",
     [("Marko Petrović", "Programme Manager, International Organization for Migration", "iom", None)]),
])
def test_titles_bodies_and_names_in_the_nominative_in_more_shapes(text, people):
    assert [(p["name"], p["title"], p["organisation"], p.get("written")) for p in _draft(text)["people"]] == people
