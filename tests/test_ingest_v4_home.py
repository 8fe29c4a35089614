"""ingest v4, the release's own country: a generic name ("MUP", "МВР") and a minister named without a country belong to the
country of the site (by its domain) or of the language (Macedonian); a name several countries' bodies share is the body
of the event's country; a body the release cites as its source is only mentioned."""

from __future__ import annotations

from analysis.curation.ingest import extract
from analysis.curation.ingest.roles import classify_mention


def _orgs(d: dict) -> set[str]:
    return {o["id"] for o in d["organisations"]}


def test_generic_acronym_is_the_sites_countrys_body():
    d = extract("Saopštenje MUP-a\nMinistar je učestvovao na sastanku ministara u Ljubljani.", url="https://www.primjer.me/vijest/1")
    assert "mi-me" in _orgs(d) and "mi-hr" not in _orgs(d)


def test_macedonian_text_is_macedonias():
    d = extract("Министерот за внатрешни работи Петко Петковски оствари средба со делегација. Државниот секретар во МВР "
                "ја отвори средбата; двете страни ќе ја продолжат и ќе ја зајакнат соработката.")
    people = {p["name"]: p for p in d["people"]}
    assert people["Петко Петковски"]["organisation"] == "mi-mk"
    assert "mi-mk" in _orgs(d)


def test_shared_name_without_a_country_is_the_event_countrys_body():
    d = extract("Në Shkup sot vazhdon takimi, organizatorë të së cilës janë Ministria e Punëve të Brendshme dhe IOM.")
    assert "mi-mk" in _orgs(d) and "mia-xk" not in _orgs(d)


def test_english_release_on_a_national_domain_keeps_generic_names_open():
    d = extract("Lyon - The regional meeting was held in Lyon. The Project Manager for Border Police Network presented the results "
                "of the project and of the network to the participants.", url="https://regional-body.org.mk/events/1")
    assert not any(o.startswith("border-police") for o in _orgs(d))


def test_the_releases_source_is_only_mentioned():
    s = "Sastanak je održan u Zagrebu, kako što soopšti MVR."
    assert classify_mention(s, s.index("MVR"), s.index("MVR") + 3)[0] is False
    s = "The meeting took place in Vienna, according to UNHCR."
    assert classify_mention(s, s.index("UNHCR"), s.index("UNHCR") + 5)[0] is False


def test_a_title_going_on_after_the_previous_persons_segment():
    d = extract("На обуката учествуваа амбасадорот на Холандија, Јан Петерс, државната секретарка во МВР, а воедно и "
                "национална координаторка за борба против трговија со луѓе, Ана Петровска, и други.")
    people = {p["name"]: p for p in d["people"]}
    assert people["Јан Петерс"]["title"] == "амбасадорот на Холандија"
    assert people["Ана Петровска"]["title"].startswith("државната секретарка во МВР, а воедно и национална координаторка")


def test_the_western_balkans_in_bcms_is_no_person():
    d = extract("Forum je bio prilika da ministri unutrašnjih poslova Zapadnog Balkana razmijene mišljenja o Jugoistočnoj Evropi.")
    assert not any("Balkan" in p["name"] for p in d["people"])
