"""ingest v5, organisations: country adjectives of the region's languages with a body's local name, the police directorate's
local names, and a bare "Policija" that is no particular body."""

from __future__ import annotations

from analysis.curation.ingest import extract


def _orgs(text: str) -> set[str]:
    d = extract(text)
    return {o["id"] for o in d["organisations"]} | {o["id"] for o in (d.get("mentioned") or {}).get("organisations", [])}


def _aff(text: str, name: str) -> str | None:
    return next(p["organisation"] for p in extract(text)["people"] if p["name"] == name)


def test_bcms_adjective_before_a_capitalised_body():
    text = "U Beogradu su razgovarali ministar Marko Marić i sekretar nemačkog Ministarstva unutrašnjih poslova Hans Bauer."
    assert _aff(text, "Hans Bauer") == "de-bmi"


def test_albanian_adjective_after_the_body():
    text = "Koordinatori nacional nga qeveria kosovare Agron Berisha tha se marrëveshja është e rëndësishme."
    assert _aff(text, "Agron Berisha") == "government-of-kosovo"


def test_bcms_adjective_before_a_lower_case_noun_is_a_description():
    assert "border-police-me" not in _orgs("Frontex podržava obuku službenika crnogorske granične policije u Podgorici.")


def test_police_directorate_in_the_local_language():
    assert "police-directorate-of-serbia" in _orgs("U Beogradu su se sastali predstavnici Direkcije policije i ministarstva Srbije.")


def test_bare_policija_is_no_directorate():
    assert "police-directorate-of-serbia" not in _orgs("Policija je u Beogradu uhapsila dvojicu krijumčara iz Srbije.")


def test_brcko_police_in_the_local_language():
    assert "police-of-brcko-district-of-bosnia-and-herzegovina" in _orgs(
        "Sastanku je prisustvovao zamjenik voditelja Policije Brčko distrikta BiH Marko Marić u Sarajevu.")


def test_an_acronym_several_countries_share_names_none_without_a_country():
    orgs = _orgs("Nova donacija za MUP!\n\nMinistar je rekao da je podrška važna za sve.")
    assert not orgs & {"mi-hr", "mi-rs", "mi-me"}


def test_generic_name_of_the_one_country_named_that_has_such_a_body():
    text = ("Pomoćnik direktora potpisao je juče sporazum o donaciji vozila.\n\nSporazum je potpisan između Njemačke i Uprave "
            "policije.\n\nVozila su namijenjena migrantima koji su na teritoriji Crne Gore.")
    assert "police-me" in _orgs(text)


def test_a_one_word_generic_name_is_not_read_so():
    assert "kosovo-police" not in _orgs("Policija je obavila kontrolu.\n\nSastanak je bio o saradnji s Kosovom.")


def test_a_body_of_an_entity_in_the_local_language():
    assert "police-directorate-of-republika-srpska" in _orgs(
        "Sastanku su prisustvovali ravnatelj Policije Republike Srpske Marko Marić i drugi u Sarajevu.")


def test_iom_in_serbian_with_internacionalna():
    assert "iom" in _orgs("Seminar je organizovan uz podršku Internacionalne organizacije za migracije u Subotici.")
