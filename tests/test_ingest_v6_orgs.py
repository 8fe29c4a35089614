"""ingest v6, organisations: a country's body named with its English adjective and without "Federal" ("German Ministry of the
Interior" for the Federal Ministry of the Interior of Germany), a federal police in the region's languages."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _orgs(text: str, url: str | None = None) -> set[str]:
    d = extract(text, url=url)
    return {o["id"] for o in d["organisations"]} | {o["id"] for o in (d.get("mentioned") or {}).get("organisations", [])}


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("Officials of the German Ministry of the Interior met their Serbian counterparts in Belgrade.", "de-bmi",
                 id="federal-dropped"),
    pytest.param("The Austrian Ministry of the Interior and the Serbian police agreed on joint patrols.", "at-bmi",
                 id="demonym-led-name"),
    pytest.param("Sastanak je održan u organizaciji direktora Savezne policije Njemačke i lidera graničnih službi.", "de-bundespolizei",
                 id="federal-police-in-bcms"),
])
def test_body_named_in_another_form(text, org):
    assert org in _orgs(text)


def test_a_qualifying_bracket_is_kept():
    """'Government of the Republic of Macedonia (MARRI Presidency-in-Office)' is not Macedonia's government as such."""
    text = "Меморандумот е потпишан помеѓу Владата на Република Северна Македонија и Владата на Република Србија во Белград."
    assert "government-of-the-republic-of-macedonia-marri-presidency-in" not in _orgs(text)


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("Na konferenciji su učestvovali i predstavnici Evropola i Fronteksa, saopšteno je iz policije.", "frontex",
                 id="x-as-ks-inflected"),
    pytest.param("Полицаецот ќе биде дел од заедничката операција на Фронтекс во Елхово, Бугарија.", "frontex", id="x-as-ks-cyrillic"),
])
def test_x_written_ks(text, org):
    assert org in _orgs(text)


@pytest.mark.parametrize(("text", "country"), [
    pytest.param("Припадникот на граничната полиција на РСМ ќе учествува во операцијата во Бугарија.", "MK", id="rsm"),
    pytest.param("Protokolli u nënshkrua nga ministri i MPB-së i RKS-së Ekrem Mustafa dhe homologu i tij.", "XK", id="rks"),
])
def test_a_republic_by_its_initials(text, country):
    d = extract(text)
    assert country in d["countries"] + [c["code"] for c in (d.get("mentioned") or {}).get("countries", [])]


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("Predstavnici Specijalnog državnog tužilaštva Crne Gore razgovarali su u Podgorici.",
                 "special-state-prosecutor-s-office-of-montenegro", id="special-state-prosecutor"),
    pytest.param("Obuku su pohađali predstavnici Republičkog javnog tužilaštva i policije u Beogradu.",
                 "republic-public-prosecutor-s-office-of-serbia", id="republic-public-prosecutor"),
    pytest.param("Predstavnici Tužilaštva BiH učestvovali su na sastanku u Sarajevu.", "prosecutor-s-office-of-bosnia-and-herzegovina",
                 id="prosecutor-of-bih"),
])
def test_prosecutors_offices_in_bcms(text, org):
    assert org in _orgs(text)


def test_a_national_police_by_its_countrys_adjective():
    assert "hungarian-national-police" in _orgs("Mađarska policija poslala je jedan kontingent graničnih policajaca na granicu.")


def test_a_police_word_alone_is_no_countrys_police():
    assert _orgs("Policija je poslala kontingent na granicu prema Mađarskoj.") == set()


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("Konferenciji su prisustvovali šef misije Evropske unije u Srbiji Vensan Dežer i drugi gosti.",
                 "delegation-of-the-european-union-to-serbia", id="mission-of-the-eu-in-serbia"),
    pytest.param("Direktor je održao sastanak sa šefom Odjela za vladavinu prava Europske unije u BiH Alfredom Stripollijem.",
                 "delegation-of-the-european-union-to-bosnia-and-herzegovina", id="eu-in-bih"),
])
def test_the_eu_in_a_country_is_its_delegation(text, org):
    assert org in _orgs(text) and "eu" not in _orgs(text)


def test_the_eu_without_a_country_stays_the_eu():
    assert "eu" in _orgs("Ministar je rekao da Srbija želi da postane član Evropske unije, na sastanku u Beogradu.")


def test_an_acronym_several_countries_share_is_the_one_the_text_names_in_full():
    text = ("Ministria e Punëve të Brendshme e Republikës së Kosovës organizoi fushatën. Hapjen e fushatës e bënë drejtori i "
            "Sekretariatit të Strategjive të MPB-së, Naim Muja, dhe të tjerë.")
    assert {p["name"]: p["organisation"] for p in extract(text)["people"]} == {"Naim Muja": "mia-xk"}
