"""ingest v7, organisations: a kind of body written in lower case right before its country is that country's body, as the
region's languages write it ("граничната полиција на РСМ", "policisë kufitare të Maqedonisë", "graničnoj policiji Crne
Gore"); a lower-case kind with no country after it stays a description."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _orgs(text: str) -> set[str]:
    return {o["id"] for o in extract(text)["organisations"]}


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("Припадникот на граничната полиција на РСМ Перо Марковски ќе биде дел од операцијата.", "border-police-mk",
                 id="mk-article-and-initials"),
    pytest.param("Опремата е донирана на граничната полиција на Македонија.", "border-police-mk", id="mk-country-name"),
    pytest.param("Pajisjet iu dorëzuan policisë kufitare të Maqedonisë.", "border-police-mk", id="albanian"),
    pytest.param("Vozila su predata graničnoj policiji Crne Gore.", "border-police-me", id="bcms-dative"),
])
def test_lower_case_body_before_its_country(text, org):
    assert org in _orgs(text)


def test_lower_case_kind_without_a_country_is_a_description():
    assert not any(o.startswith("border-police") for o in _orgs("Opremu koriste granične policije u regionu."))
