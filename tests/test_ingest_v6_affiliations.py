"""ingest v6, affiliations: an English minister named after the field ("Interior Minister"), a body named in full in a
language the record lacks but known by its acronym in brackets ("iz Evropske kancelarije ... (EASO)")."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _aff(text: str, url: str | None = None) -> dict[str, str | None]:
    return {p["name"]: p["organisation"] for p in extract(text, url=url)["people"]}


@pytest.mark.parametrize(("text", "name", "org"), [
    pytest.param("Ministers met in Berlin at the invitation of German Interior Minister Anna Weber to discuss the Balkan route.",
                 "Anna Weber", "de-bmi", id="interior-minister"),
    pytest.param("The donation is significant for the border police, Macedonian Interior Minister Marko Petrov said.",
                 "Marko Petrov", "mi-mk", id="interior-minister-adjective"),
    pytest.param("Nakon pauze, gospođa Karla Ramos iz Evropske kancelarije za podršku sistemu azila (EASO) održala je predavanje.",
                 "Karla Ramos", "easo", id="from-a-body-glossed-by-its-acronym"),
])
def test_affiliation(text, name, org):
    assert _aff(text)[name] == org


def test_deputy_joined_by_and_shares_the_body():
    text = ("Zamjenik direktora Granične policije BiH Fahrudin Halač i pomoćnik direktora za organizaciju i operacije Dragan Kulić "
            "informisali su učesnike.")
    assert _aff(text)["Dragan Kulić"] == "border-police-ba"


def test_two_countries_in_a_plural_title_respectively():
    d = extract("Ministri unutrašnjih poslova Srbije i Poljske Ivica Dačić i Ježi Miler potpisali su sporazum o saradnji.")
    got = {p["name"]: (p["title"], p["organisation"]) for p in d["people"]}
    assert got == {"Ivica Dačić": ("Ministar unutrašnjih poslova Srbije", "mi-rs"),
                   "Ježi Miler": ("Ministar unutrašnjih poslova Poljske", "ministry-of-the-interior-and-administration-of-poland")}


@pytest.mark.parametrize(("text", "url", "org"), [
    pytest.param("Protokol su potpisali pomoćnik direktora za Sektor granične policije Dragan Klikovac i drugi.", "https://www.gov.me/x",
                 "police-me", id="a-police-unit-of-the-sites-country"),
    pytest.param("Sastanku je prisustvovao načelnik odeljenja policije Srbije Marko Jović, a potom i drugi.", None,
                 "police-directorate-of-serbia", id="police-of-the-country-in-the-title"),
])
def test_a_title_naming_the_police_but_no_body(text, url, org):
    assert list(_aff(text, url).values()) == [org]


def test_a_police_word_without_a_country_is_no_body():
    assert list(_aff("Sastanku je prisustvovao načelnik odeljenja policije Marko Jović, a potom i drugi.").values()) == [None]


def test_on_behalf_of_a_body_before_and_of_a_country_after():
    text = ("Sporazum su u ime Europske unije potpisali povjerenica za unutarnje poslove Ana Horvat, a ministar unutarnjih poslova "
            "Marko Petrović u ime Crne Gore.")
    assert _aff(text) == {"Ana Horvat": "eu", "Marko Petrović": "mi-me"}


def test_on_behalf_of_holds_only_for_the_first_signatory():
    text = "Sporazum su u ime Europske unije potpisali povjerenica Ana Horvat i ministar pravosuđa Ivan Kovač."
    assert _aff(text)["Ivan Kovač"] is None
