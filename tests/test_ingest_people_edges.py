"""ingest, people: what the surviving mutants of the 9191 draw (docs/mutation.md) showed no test asserted. A name before a
possessive, a surname after an honorific whose title names no country (the site's or the language's country's minister), and a
name right after a body in the Albanian genitive, known to the record or not, with the name named again later."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def _people(text: str, **kw) -> list[tuple[str, str | None, str | None]]:
    return [(p["name"], p["title"], p["organisation"]) for p in extract(text, **kw)["people"]]


@pytest.mark.parametrize(("text", "kw", "person"), [
    pytest.param("Minister Ivica Dačić’s visit to Skopje was hosted by MARRI.", {}, ("Ivica Dačić", "Minister", None), id="typographic"),
    pytest.param("Director Ana Jović's speech opened the MARRI meeting in Skopje.", {"data_dir": MINI}, ("Ana Jović", "Director", None),
                 id="straight"),
])
def test_a_name_before_a_possessive_is_a_person(text, kw, person):
    assert _people(text, **kw) == [person]


@pytest.mark.parametrize(("text", "url", "person"), [
    pytest.param("Ministar unutarnjih poslova gospodin Božinović otvorio je konferenciju u Zagrebu.", "https://mup.gov.hr/vijesti/1",
                 ("Božinović", "Ministar unutarnjih poslova", "mi-hr"), id="the-site-s-country"),
    pytest.param("Министерот за внатрешни работи г-дин Спасовски ја отвори конференцијата. Тој ќе ја зајакне соработката и ќе "
                 "оствари средба.", None, ("Спасовски", "Министерот за внатрешни работи", "mi-mk"), id="the-language-s-country"),
])
def test_a_surname_after_an_honorific_with_a_title_naming_no_country_is_the_release_s_country_s_minister(text, url, person):
    assert _people(text, url=url) == [person]


def test_a_name_right_after_a_known_body_in_the_albanian_genitive_is_the_person_s():
    assert _people("Takimin e hapi Drejtori i Policisë së Shtetit Gledis Nano.") == [
        ("Gledis Nano", "Drejtori i Policisë së Shtetit", "asp-al")]


def test_a_name_after_an_unknown_body_in_the_albanian_genitive_keeps_its_own_title_when_named_again():
    text = "Takimin e hapi drejtori i Agjencisë së Migracionit Arben Krasniqi. Më pas Arben Krasniqi foli për azilin."
    assert _people(text) == [("Arben Krasniqi", "drejtori i Agjencisë së Migracionit", None)]
