"""ingest v7, a country's presidency of the Council of the EU: the EU and its Council named inside the phrase do not take
part by it; a presidency that organises brings the presiding country's government (no presidency body in the record)."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _orgs(text: str) -> set[str]:
    return {o["id"] for o in extract(text)["organisations"]}


@pytest.mark.parametrize(("text", "gov"), [
    pytest.param("The conference in Sarajevo, jointly organized by the Ministry of Security of Bosnia and Herzegovina and the "
                 "Swedish Presidency of the Council of the European Union, discussed return.", "sweden-gov", id="english"),
    pytest.param("Tokom video-konferencije u organizaciji njemačkog predsjedavanja Savjetu EU razmijenjeni su podaci o migracijama.",
                 "de-gov", id="bcms"),
])
def test_an_organising_presidency_is_its_country_not_the_eu(text, gov):
    orgs = _orgs(text)
    assert gov in orgs
    assert not orgs & {"eu", "council-of-the-european-union"}


def test_a_presidency_that_does_not_organise_brings_no_government():
    text = "Ministar je izjavio da se nada da će tokom poljskog predsedavanja Evropskom unijom sporazum biti potpisan."
    assert "eu" not in _orgs(text) and not any(o.startswith("government-of-poland") for o in _orgs(text))
