"""ingest v6, taking part: the body a release comes from takes part when the text names one of its people by title; a country that
gives or funds is its government, as the donor."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _taking(text: str) -> list[str]:
    return [o["id"] for o in extract(text)["organisations"]]


def test_source_with_its_minister_takes_part():
    text = ("Ministar unutrašnjih poslova Srbije Ivica Dačić i ministar Poljske potpisali su sporazum o saradnji u Varšavi. "
            "Sporazum je važan za obje zemlje, saopšteno je iz Ministarstva unutrašnjih poslova Srbije.")
    assert "mi-rs" in _taking(text)


def test_source_alone_is_only_mentioned():
    text = ("Policijski službenici Srbije i Poljske održali su obuku u Varšavi. "
            "Obuka je važna za obje zemlje, saopšteno je iz Ministarstva unutrašnjih poslova Srbije.")
    d = extract(text)
    assert "mi-rs" not in [o["id"] for o in d["organisations"]]
    assert "mi-rs" in [o["id"] for o in d["mentioned"]["organisations"]]


def _roles(text: str) -> dict[str, str]:
    return {o["id"]: o["role"] for o in extract(text)["organisations"]}


@pytest.mark.parametrize(("text", "gov"), [
    pytest.param("Czechia donates 25 police vehicles to the Border Police of North Macedonia in Skopje.", "cz-gov", id="country-donates"),
    pytest.param("Upravi granične policije Srbije uručena je donacija Češke, u opremi i vozilima.", "cz-gov", id="donacija-of-a-country"),
    pytest.param("Seminar organizuje Atina uz finansijsku podršku Švajcarske u okviru migracionog paketa.", "ch-gov", id="support-of"),
    pytest.param("The activity was financed by the Government of Switzerland.", "ch-gov", id="financed-by-the-government-of"),
    pytest.param("The training was held within the project on border management supported by Government of Switzerland.", "ch-gov",
                 id="supported-by"),
    pytest.param("The consultation in Belgrade was organised by UNODC with support from the Government of France.", "government-of-france",
                 id="support-from"),
    pytest.param("The project on joint border patrols is funded by the UK Government and run by IOM in Sarajevo.", "uk-gov",
                 id="uk-government"),
])
def test_a_giving_country_is_its_government_as_donor(text, gov):
    assert _roles(text).get(gov) == "donor"


def test_a_giving_country_with_its_own_body_there_adds_no_government():
    text = "Njemačka je donirala šest vozila, a sporazum je potpisalo Savezno ministarstvo unutrašnjih poslova Njemačke."
    assert "de-gov" not in _roles(text)


def test_a_country_that_gives_nothing_is_no_donor():
    assert "cz-gov" not in _roles("Policija je na granici zaustavila državljane Češke i Slovačke u Beogradu.")


@pytest.mark.parametrize(("text", "code"), [
    pytest.param("Ministria organizoi fushatën në Vermicë. Kjo fushatë vjen si rezultat i bashkëpunimit trelateral mes Republikës së "
                 "Kosovës, Republikës së Shqipërisë dhe Republikës së Malit të Zi.", "ME", id="albanian-cooperation-between"),
    pytest.param("Министерот денеска ја посети Полицијата. Состанокот е дел од соработката меѓу Македонија и Грција.", "GR",
                 id="macedonian-cooperation-between"),
])
def test_cooperation_between_countries_is_a_subject(text, code):
    d = extract(text)
    assert code not in d["countries"]
    assert code in [c["code"] for c in d["mentioned"]["countries"]]


def test_a_border_of_two_countries_in_macedonian_with_turkey():
    d = extract("Полицаецот ќе учествува во операцијата на Фронтекс во Елхово на бугарско-турската граница.")
    assert "TR" in [c["code"] for c in d["mentioned"]["countries"]]


@pytest.mark.parametrize(("text", "org", "role"), [
    pytest.param("The seminar in Skopje was held under the auspices of the Ministry of Interior of North Macedonia and organised by IOM.",
                 "mi-mk", "named", id="auspices-is-named"),
    pytest.param("The seminar in Skopje was held under the auspices of the Ministry of Interior of North Macedonia and organised by IOM.",
                 "iom", "organiser", id="the-organiser-beside-it"),
    pytest.param("The regional meeting in Budva was chaired by the Ministry of Interior of Montenegro and attended by IOM.", "mi-me", "host",
                 id="a-chair-is-the-host"),
])
def test_roles_follow_the_codebook_for_patrons_and_chairs(text, org, role):
    # the codebook: a body under whose auspices an event is held is `named`; a chair (a chairmanship-in-office) is `host`
    assert _roles(text).get(org) == role
