"""Ingest's rules pinned on small synthetic inputs, for the survivors of the seed-31 sample (docs/mutation.md): names in -ica,
Serbian names in the genitive, surname mentions after a long title, qualifiers written with a hyphen, compound adjectives
of countries, Albanian titles with several heads, a declared charset in capitals, and more. Each test asserts an exact
result a curator would see.
"""

from __future__ import annotations

from pathlib import Path

from http_fakes import Response, serve

from analysis.curation.ingest.fetch import fetch
from analysis.curation.ingest.matching import name_stem
from analysis.curation.ingest.personnames import nominative_name, surname_mentions
from analysis.curation.ingest.roles import classify_mention, compound_countries
from analysis.curation.ingest.titles import _albanian_nominative

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def test_a_name_in_ica_keeps_its_stem_in_ic():
    assert [name_stem(w) for w in ["Jovica", "Perica", "Kuprešakovića", "Ivica"]] == ["jovic", "peric", "kupresakovic", "ivic"]


def test_a_surname_in_ija_after_a_mans_title_in_the_genitive_loses_its_j():
    assert nominative_name(["Šandora", "Egerešija"], "predsednika") == "Šandor Egereši"
    assert nominative_name(["Predraga", "Novikova"], "direktora Fonda") == "Predrag Novikov"


def test_a_surname_mention_takes_at_most_four_words_of_title():
    def title(w):
        return w.lower() in ("minister", "director", "deputy", "ambassador")

    text = "Acting Deputy Special Regional Director Maxhuni said so."
    assert surname_mentions(text, title, lambda w: True) == [(40, 47, "Deputy Special Regional Director")]


def test_a_qualifier_written_with_a_hyphen_is_named_without_it():
    assert classify_mention("The EU-standards apply.", 4, 6) == (False, None, "qualifies 'standards'")


def test_compound_adjectives_name_each_country_once():
    assert compound_countries("na srpsko-makedonskoj granici") == [("RS", 3), ("MK", 10)]
    assert compound_countries("македонско-грчката граница") == [("MK", 0), ("GR", 11)]
    assert compound_countries("bosansko-hercegovački") == [("BA", 0)]


def test_an_albanian_head_after_a_comma_or_dhe_is_put_in_the_nominative():
    assert _albanian_nominative("Zyrtari, ministrin e Punëve") == "Zyrtari, ministri i Punëve"
    assert _albanian_nominative("dhe ministrin e Punëve") == "dhe ministri i Punëve"


def test_an_albanian_title_ending_in_dhe_or_a_comma_is_read_to_its_end():
    assert _albanian_nominative("ministrin e Punëve dhe") == "ministri i Punëve dhe"
    assert _albanian_nominative("ministrin e Punëve,") == "ministri i Punëve,"


def test_fetch_reads_a_charset_declared_in_capitals(monkeypatch):
    body = '<HTML><HEAD><META CHARSET="windows-1251"></HEAD><BODY><P>Скопје</P></BODY></HTML>'.encode("cp1251")
    serve(monkeypatch, Response(body))
    assert "Скопје" in fetch("https://example.org/a")


def test_a_new_body_opened_by_an_adjective_in_the_nominative_takes_it_in():
    from analysis.curation.ingest.neworgs import local_new_orgs

    def names(text):
        return [(o["name"], o["start"], o["end"]) for o in local_new_orgs(text, [], lambda t: 0)]

    assert names("Hrvatska agencija za migracije.") == [("Hrvatska agencija za migracije", 0, 30)]
    assert names("Македонски центар за миграции.") == [("Македонски центар за миграции", 0, 29)]


def test_a_new_body_s_name_does_not_end_on_a_preposition():
    from analysis.curation.ingest.neworgs import local_new_orgs

    found = local_new_orgs("Ministarstvo unutrašnjih poslova per.", [], lambda t: 0)
    assert [(o["name"], o["end"]) for o in found] == [("Ministarstvo unutrašnjih poslova", 32)]


def test_the_kind_of_a_body_the_record_does_not_know_is_empty():
    from analysis.curation.ingest.draft import g_kind
    from analysis.curation.ingest.gazetteer import Gazetteer

    assert g_kind(Gazetteer.load(MINI), "no-such-body") == ""


def test_a_title_is_read_after_its_last_linking_word():
    from analysis.curation.ingest.titlespans import _after_link

    assert _after_link("Head of Office, represented by Deputy Head", []) == "Deputy Head"
    assert _after_link("met with a to b by Head", []) == "Head"
    assert _after_link("Head of Office", []) == "Head of Office"


def test_a_name_opening_with_a_number_in_lower_case_is_still_found():
    from analysis.curation.ingest.matching import Folded, Matcher

    m = Matcher()
    m.add("1st Police Academy", "pa")
    assert [(h["key"], h["start"], h["end"], h["text"]) for h in m.find(Folded("the 1st police academy opened"), capitalised=True)] \
        == [("pa", 4, 22, "1st police academy")]


def test_a_local_name_of_a_national_body_is_found_with_its_country_linked_by_a_preposition():
    from analysis.curation.ingest.gazetteer import Gazetteer
    from analysis.curation.ingest.matching import Folded

    g = Gazetteer.load(MINI)
    for text in ["Ministarstvo unutrašnjih poslova u Srbiji", "Ministarstvo unutrašnjih poslova Srbije",
                 "Ministria e Punëve të Brendshme e Serbisë"]:
        assert [(h["key"], h["text"]) for h in g.orgs.find(Folded(text))] == [("mi-rs", text)]


def test_a_person_is_known_by_each_alias_the_record_lists(tmp_path):
    import shutil

    from analysis.curation.ingest.gazetteer import Gazetteer

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "people.csv").write_text("person_id,name,aliases\nana-jovic,Ana Jović,Ana Petrović\n", encoding="utf-8")
    assert Gazetteer.load(data).people == {"ana jovic": "ana-jovic", "ana petrovic": "ana-jovic"}
