"""ingest v3, roles: a name in a project's quoted title, "EU and non-EU countries", "part of the EU", "the EU will"."""

from __future__ import annotations

import pytest

from analysis.curation.ingest.roles import classify_mention


def _verdict(sentence: str, name: str) -> bool:
    a = sentence.index(name)
    return classify_mention(sentence, a, a + len(name))[0]


@pytest.mark.parametrize(("sentence", "name"), [
    pytest.param("Sastanak s predstavnicima FRONTEX-a nadležnim za IPA III Projekta „EU: regionalna potpora“.", "EU", id="project-title"),
    pytest.param("The workshop showed the differences between EU and non-EU countries.", "EU", id="eu-countries"),
    pytest.param("Six Western Balkan countries are still not part of the EU.", "EU", id="part-of"),
    pytest.param("He adds that the EU will continue to provide support.", "EU", id="modal"),
])
def test_only_mentioned(sentence, name):
    assert _verdict(sentence, name) is False


@pytest.mark.parametrize(("sentence", "name"), [
    pytest.param("Na sastanku se obratio g-din Branko Leko: „Društvo Crvenog krsta provodi mandat“.", "Društvo Crvenog krsta",
                 id="quoted-speech"),
    pytest.param("UNHCR on Tuesday joined the European Commission in calling on governments.", "European Commission", id="joined"),
])
def test_still_taking_part(sentence, name):
    assert _verdict(sentence, name) is True


def test_site_name_line_is_not_taking_part():
    assert _verdict("- Влада Црне Горе", "Влада Црне Горе") is False


def test_government_only_in_a_ministers_title_is_mentioned():
    from analysis.curation.ingest import extract

    d = extract("Ministar unutarnjih poslova Vlaho Orepić susreo se danas u Beogradu s potpredsjednikom Vlade i ministrom unutarnjih "
                "poslova Republike Srbije Nebojšom Stefanovićem.")
    ids = {o["id"] for o in d["organisations"]}
    assert "mi-rs" in ids and "gov-rs" not in ids
    assert "gov-rs" in {o["id"] for o in d["mentioned"]["organisations"]}
    assert all("_title_span" not in p for p in d["people"])


def test_cooperation_between_is_a_subject():
    s = "The conference focused on regional cooperation between the Western Balkan countries, the EU and other stake-holders."
    assert _verdict(s, "EU") is False


def test_cooperation_between_does_not_reach_a_later_actor():
    s = "Following the cooperation between the two centres, the workshop was organised by MARRI in Skopje."
    assert _verdict(s, "MARRI") is True


def test_the_eu_is_there_through_its_delegation():
    from analysis.curation.ingest import extract

    d = extract("Evropska unija donirala pet vozila Graničnoj policiji BiH.\n\nKljučeve je uručio šef Sekcije Delegacije Evropske "
                "unije u BiH Nicolas Bizel.")
    ids = {o["id"] for o in d["organisations"]}
    assert "delegation-of-the-european-union-to-bosnia-and-herzegovina" in ids and "eu" not in ids
