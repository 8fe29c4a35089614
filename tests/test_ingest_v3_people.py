"""ingest v3, people: titles in the region's languages, two roles in one title, affiliations stated once for a list."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.people import is_role, nominative_title


def _people(text: str) -> dict[str, dict]:
    return {p["name"]: p for p in extract(text)["people"]}


def test_both_of_an_organisation_after_a_list():
    people = _people("The event was attended by Mr Anton Travner, Director, and Ms Jelka Klemenc, Project Manager, both DCAF Ljubljana.")
    assert people["Anton Travner"]["organisation"] == "dcaf-ljubljana"
    assert people["Jelka Klemenc"]["organisation"] == "dcaf-ljubljana"


def test_two_roles_in_a_lower_case_title_and_the_last_roles_body():
    people = _people("Ministar Vlaho Orepić susreo se danas u Beogradu s potpredsjednikom Vlade i ministrom unutarnjih poslova "
                     "Republike Srbije Nebojšom Stefanovićem.")
    p = people["Nebojša Stefanović"]
    assert p["title"] == "potpredsjednik Vlade i ministar unutarnjih poslova Republike Srbije"
    assert p["organisation"] == "mi-rs"


@pytest.mark.parametrize(("title", "nominative"), [
    pytest.param("potpredsjednikom Vlade i ministrom unutarnjih poslova", "potpredsjednik Vlade i ministar unutarnjih poslova",
                 id="each-head"),
    pytest.param("zamjenikom direktora", "zamjenik direktora", id="genitive-kept"),
    pytest.param("veleposlanikom", "veleposlanik", id="veleposlanik"),
])
def test_nominative_title(title, nominative):
    assert nominative_title(title) == nominative


def test_degree_is_a_role_only_as_a_whole_word():
    assert is_role("MBA") and is_role("M.A.")
    assert not is_role("mbahet")
