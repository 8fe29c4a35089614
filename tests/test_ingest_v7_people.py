"""ingest v7, people: the Albanian adjectives of a ministry or directorate ("i Brendshëm", "i Jashtëm", "i Përgjithshëm")
after a role belong to the title, not to the name; an ombudsman ("Ombudsman", "Zaštitnik ljudskih prava") is a role."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _people(text: str) -> dict[str, str | None]:
    return {p["name"]: p["title"] for p in extract(text)["people"]}


@pytest.mark.parametrize(("text", "name", "title"), [
    pytest.param("Ministri i Brendshëm Bujar Nishani priti në Tiranë homologun e tij.", "Bujar Nishani", "Ministri i Brendshëm",
                 id="brendshem"),
    pytest.param("Ministri i Jashtëm Ditmir Bushati foli në takim.", "Ditmir Bushati", "Ministri i Jashtëm", id="jashtem"),
    pytest.param("Ombudsman Siniša Bjeković je otvorio skup u Podgorici.", "Siniša Bjeković", "Ombudsman", id="ombudsman"),
    pytest.param("Zaštitnik ljudskih prava i sloboda Siniša Bjeković je otvorio skup.", "Siniša Bjeković",
                 "Zaštitnik ljudskih prava i sloboda", id="zastitnik"),
])
def test_title_is_not_part_of_the_name(text, name, title):
    assert _people(text).get(name) == title
