"""ingest v7, titles: an acting holder's mark ("u.d.", "vršilac dužnosti") and a country's initials ("U.S.") open the title,
and the initials name the country whose embassy a chargé d'affaires is of; "U.S." and "a.i." end no sentence."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.text import sentences


def _people(text: str) -> dict[str, dict]:
    return {p["name"]: p for p in extract(text)["people"]}


@pytest.mark.parametrize(("text", "name", "title"), [
    pytest.param("Fjalë përshëndetëse mbajti u.d. Drejtori i Përgjithshëm i Policisë së Kosovës z. Samedin Mehmeti.",
                 "Samedin Mehmeti", "u.d. Drejtori i Përgjithshëm i Policisë së Kosovës", id="ud-albanian"),
    pytest.param("Vozila je preuzeo vršilac dužnosti pomoćnika direktora za Sektor granične policije Dragan Klikovac.",
                 "Dragan Klikovac", "vršilac dužnosti pomoćnika direktora za Sektor granične policije", id="vrsilac-duznosti"),
    pytest.param("The Special Representative, Ambassador Peter Sorensen, and U.S. Charge d'Affaires, Nicholas M. Hill, met the "
                 "minister.", "Nicholas M. Hill", "U.S. Charge d'Affaires", id="us-initials"),
])
def test_title_opens_with_its_prefix(text, name, title):
    assert _people(text)[name]["title"] == title


@pytest.mark.parametrize("text", [
    pytest.param("The Special Representative, Ambassador Peter Sorensen, and U.S. Charge d'Affaires, Nicholas M. Hill, met the "
                 "minister.", id="after-comma"),
    pytest.param("During a ceremony at the border crossing, U.S. Charge D’Affaires a.i. Nicholas Hill handed over the equipment.",
                 id="a-i"),
])
def test_us_charge_d_affaires_is_of_the_us_embassy(text):
    out = extract(text)
    assert {p["name"]: p["organisation"] for p in out["people"]}["Nicholas Hill" if "a.i." in text else "Nicholas M. Hill"] == "us-embassy"
    assert "us-embassy" in {o["id"] for o in out["organisations"]}


def test_initials_end_no_sentence():
    assert len(sentences("Experts from the U.S. Customs and Border Protection Service trained officers.")) == 1
    assert len(sentences("U.S. Charge D’Affaires a.i. Deborah Jones spoke.")) == 1


def test_an_agency_after_us_initials_is_no_person():
    text = "Over this week you worked with a team of experts from the U.S. Customs and Border Protection Service."
    assert not any("Protection" in p["name"] for p in extract(text)["people"])


def test_a_member_of_an_embassys_staff_is_of_that_embassy():
    text = "Josef Broz, Deputy Head of the Czech Republic's Embassy in Skopje, handed over the donation on Monday."
    assert {p["name"]: p["organisation"] for p in extract(text)["people"]}["Josef Broz"] == "embassy-of-the-czech-republic-in-skopje"
