"""ingest v6, people: a surname alone after an honorific ("z. Hoti", "Mr Hill"), with the title before the honorific."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p["name"]: (p["title"], p["organisation"]) for p in extract(text)["people"]}


@pytest.mark.parametrize(("text", "name", "title", "org"), [
    pytest.param("Në ceremoni do të marrin pjesë Ambasadori Gjerman z.Rohde, Drejtori i Përgjithshëm i Policisë së Kosovës z. Hoti "
                 "si dhe menaxhmenti i lartë.", "Hoti", "Drejtori i Përgjithshëm i Policisë së Kosovës", "kosovo-police",
                 id="albanian-z-after-a-title"),
    pytest.param("Në ceremoni do të marrin pjesë Ambasadori Gjerman z.Rohde, Drejtori i Përgjithshëm z. Hoti si dhe të tjerë.",
                 "Rohde", "Ambasadori Gjerman", None, id="no-space-after-the-dot"),
    pytest.param("The meeting was opened by Mr Hill, who thanked the hosts for their work.", "Hill", None, None, id="mr-surname"),
])
def test_surname_after_an_honorific(text, name, title, org):
    assert _people(text)[name] == (title, org)


def test_an_honorific_before_a_full_name_is_not_a_surname_alone():
    assert list(_people("Mr Mirsad Buzar welcomed the guests. Mr Buzar informed them about the work of the Service.")) == ["Mirsad Buzar"]


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Kako objašnjava Adrijana Radojčić Nedeljković iz udruženja građana, trening je organizovan uz podršku partnera.",
                 "Adrijana Radojčić Nedeljković", id="speech-verb-before"),
    pytest.param("Obuka je bila korisna, Marko Petrović je izjavio novinarima nakon obuke.", "Marko Petrović", id="speech-verb-after"),
])
def test_a_name_next_to_a_verb_of_saying_is_a_person(text, name):
    assert name in _people(text)


def test_a_surname_that_looks_like_a_place_is_still_a_name():
    text = "Sastanak je održan u organizaciji direktora Savezne policije Njemačke Ditera Romana, razmijenjeni su podaci."
    people = _people(text)
    assert len(people) == 1
    (name, (_, org)), = people.items()
    # the page's nominative, or the record's spelling once the record keeps the page's ("Diter Roman") as an alias
    assert name in {"Diter Roman", "Dieter Romann"} and org == "de-bundespolizei"


def test_a_member_of_the_police_is_a_title():
    text = "Припадникот на граничната полиција на РСМ Перо Марковски ќе биде дел од заедничката операција."
    assert _people(text)["Перо Марковски"][0] == "Припадникот на граничната полиција на РСМ"
