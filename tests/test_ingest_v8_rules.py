"""ingest v8: a generic body is the release's own country's before the venue's; a minister in a government is of the ministry
the title names; a portfolio's words find a renamed ministry; the region's word for "NGO" before a name; places that are
named but are no venue (a country as a whole, a process's genitive, a body's seat, an English article); an academic
honorific and a glued dateline are no part of a title; titles are scored up to a leading article."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.evaluation import _norm_title
from analysis.curation.ingest.gazetteer import Gazetteer

RECORD = Path(__file__).resolve().parent / "fixtures" / "ingest-record"  # the record's look-up tables, frozen


def _draft(text: str, url: str | None = None) -> dict:
    return extract(text, RECORD, url=url)


def _aff(text: str, url: str | None = None) -> dict[str, str | None]:
    return {p["name"]: p["organisation"] for p in _draft(text, url)["people"]}


def _orgs(text: str, url: str | None = None) -> set[str]:
    return {o["id"] for o in _draft(text, url)["organisations"]}


def test_a_generic_ministry_is_the_releases_own_countrys_before_the_venues():
    text = ("Ministri i Ministrisë së Punëve të Brendshme, z. Agim Veliu, mori pjesë në takimin e ministrave të brendshëm "
            "në Berlin, në kuadër të procesit rajonal për migracionin.")
    orgs = _orgs(text, "https://mpb.rks-gov.net/f/57/499/x")
    assert "mia-xk" in orgs and "de-bmi" not in orgs


def test_of_several_countries_in_the_sentence_the_releases_own_is_the_ministrys():
    text = ("Во духот на добрите односи помеѓу Црна Гора и Република Северна Македонија, државната секретарка на "
            "Министерството за внатрешни работи, м-р Магдалена Несторовска, беше домаќин на црногорска делегација.")
    people = {p["name"]: p for p in _draft(text, "https://www.webohrid.mk/x")["people"]}
    nestorovska = next(p for n, p in people.items() if "Несторовска" in n)
    assert nestorovska["organisation"] == "mi-mk"
    assert "м-р" not in (nestorovska["title"] or "")  # the honorific before the name is no part of the title


@pytest.mark.parametrize(("text", "name", "org"), [
    pytest.param("Ministar unutrašnjih poslova u Vladi Republike Srbije Bratislav Gašić razgovarao je na graničnom prelazu "
                 "o suzbijanju iregularnih migracija.", "Bratislav Gašić", "mi-rs", id="minister-in-the-government"),
    pytest.param("Ministar policije Ivica Dačić potpisao je u Berlinu sporazum o readmisiji sa nemačkim kolegom.",
                 "Ivica Dačić", "mi-rs", id="police-minister"),
    pytest.param("The agreement on the employment of BiH citizens in Slovenia was signed at Brdo by the Slovenian Minister of "
                 "Labour, Family and Social Affairs Ivan Svetlik and the Bosnian minister.", "Ivan Svetlik",
                 "ministry-of-labour-family-social-affairs-and-equal-opportuni", id="portfolio-of-a-renamed-ministry"),
])
def test_a_minister_is_tied_to_the_ministry_the_title_names(text, name, org):
    assert _aff(text, "https://www.info24.rs/x" if "Vladi" in text or "policije" in text else None)[name] == org


def test_a_minister_of_another_country_in_the_sentence_keeps_that_countrys_ministry():
    text = ("Ministar unutrašnjih poslova u Vladi Republike Srbije Bratislav Gašić razgovarao je sa potpredsednikom Vlade i "
            "ministrom unutrašnjih poslova Bugarske Ivanom Demerdžievim o migracijama.")
    aff = _aff(text, "https://www.info24.rs/x")
    assert aff["Bratislav Gašić"] == "mi-rs"
    assert next(o for n, o in aff.items() if n.startswith("Ivan")) == "mi-bg"


def test_the_regions_word_for_an_ngo_finds_the_ngo_and_its_name_is_no_place():
    text = ("U studijskoj poseti Sloveniji učestvovali su predstavnici Uprave kriminalističke policije i predstavnica NVO Atina, "
            "radi razmene iskustava u borbi protiv trgovine ljudima.")
    d = _draft(text, "https://www.atina.org.rs/x")
    assert "ngo-atina" in {o["id"] for o in d["organisations"]}
    assert (d.get("place") or {}).get("id") != "athens"


@pytest.mark.parametrize(("text", "not_there"), [
    pytest.param("Sporazum je deo tvining projekta koji finansira EU, a sprovodi ga konzorcijum Holandije, Austrije i "
                 "Slovenije. Ministarstva su potpisala sporazum o legalnim migracijama.", "austria", id="country-in-a-list"),
    pytest.param("Ministri Veliu mori pjesë në takimin e ministrave në kuadër të Procesit të Berlinit 2020 për lëvizjen e "
                 "qytetarëve.", "berlin", id="albanian-genitive-of-a-process"),
    pytest.param("Nine border police officers, two OSCE border experts from the Secretariat in Vienna and three representatives "
                 "of DCAF took part in the seminar on blue borders.", "vienna", id="seat-of-where-they-come-from"),
    pytest.param("Referring to the time when Croatia entered the EU and the Schengen, the director praised the training of the "
                 "border police officers.", "schengen", id="english-article-before-a-town"),
])
def test_a_place_named_as_no_venue_is_not_the_events_place(text, not_there):
    assert (_draft(text).get("place") or {}).get("id") != not_there


def test_a_place_held_in_is_still_the_venue():
    assert (_draft("The seminar on blue borders was held in Vienna on 3 May 2006 with border police officers from the "
                   "region.").get("place") or {}).get("id") == "vienna"


def test_a_dateline_glued_to_a_title_is_not_part_of_it():
    text = ("NjUJORK- Predsjedavajući Savjeta ministara BiH Zoran Tegeltija sastao se sa generalnim direktorom Međunarodne "
            "organizacije za migracije Antoniom Vitorinom o upravljanju migracijama.")
    people = {p["name"]: p for p in _draft(text, "https://www.glassrpske.com/x")["people"]}
    title = people["Zoran Tegeltija"]["title"]
    assert title and title.startswith("Predsjedavajući") and "NjUJORK" not in title


def test_titles_are_scored_up_to_a_leading_article():
    g = Gazetteer.cached(RECORD)
    assert _norm_title("the Agency’s director", g) == _norm_title("Agency’s director", g)
    assert _norm_title("The head of the Croatian Academy", g) == _norm_title("head of the Croatian Academy", g)
    assert _norm_title("the Minister", g) != _norm_title("the Deputy Minister", g)


def test_albanian_words_of_bodies_are_no_persons_names():
    text = ("Në konferencë morën pjesë Z. Henry Jardine dhe përfaqësues të Komiteteve Rajonale Anti Trafik, Koordinatori Kombëtar "
            "Anti Trafik, Shoqëria Civile etj.")
    names = {p["name"] for p in _draft(text, "https://caritasalbania.org/x")["people"]}
    assert "Henry Jardine" in names
    assert not any(w in n for n in names for w in ("Rajonale", "Kombëtar", "Shoqëria", "Civile"))
