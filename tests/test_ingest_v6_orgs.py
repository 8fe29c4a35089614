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
