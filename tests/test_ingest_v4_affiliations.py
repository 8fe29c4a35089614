"""ingest v4, affiliations and roles: "of that country" in a title, a minister whose ministry the release names, Slavic
surnames in the instrumental, a government in the title of another country's minister, next steps and enlargement."""

from __future__ import annotations

from analysis.curation.ingest import extract
from analysis.curation.ingest.personnames import nominative_name
from analysis.curation.ingest.roles import classify_mention


def _people(d: dict) -> dict[str, dict]:
    return {p["name"]: p for p in d["people"]}


def test_of_that_country_points_back_to_the_country_named_before():
    d = extract("Ministar Petar Petrović boravio je danas u Bugarskoj, gdje se sastao sa potpredsednikom Vlade i ministrom "
                "unutrašnjih poslova te zemlje, Ivanom Georgievim, sa kojim je razgovarao o granici.", url="https://www.primer.rs/v/1")
    p = _people(d)["Ivan Georgiev"]
    assert p["organisation"] == "mi-bg"
    assert p["title"] == "potpredsednik Vlade i ministar unutrašnjih poslova"
    assert "gov-rs" not in {o["id"] for o in d["organisations"]}  # the government is his second hat, not a body taking part


def test_slavic_surname_in_the_instrumental():
    assert nominative_name(["Stojanom", "Ivanovim"]) == "Stojan Ivanov"
    assert nominative_name(["Stojan", "Ivanovim"]) is None  # a first name not in the instrumental: no case to undo


def test_minister_without_a_country_is_of_the_ministry_the_release_names():
    d = extract("Në Shkup u mbajt konferenca, organizatorë të së cilës janë Ministria e Punëve të Brendshme dhe IOM. "
                "Në konferencë foli ministri i Punëve të Brendshme Arben Krasniqi.")
    assert _people(d)["Arben Krasniqi"]["organisation"] == "mi-mk"


def test_albanian_ministry_of_security():
    d = extract("Ministri u takua me ministrin e Sigurisë së Bosnjë dhe Hercegovinës, Emir Hodžić, në Shkup.")
    assert _people(d)["Emir Hodžić"]["organisation"] == "msb-ba"


def test_next_steps_and_enlargement_are_no_part_taken():
    s = "Dogovoreni su idući koraci suradnje s EUROPOL-om."
    assert classify_mention(s, s.index("EUROPOL"), s.index("EUROPOL") + 7)[0] is False
    s = "Dy ministrat ndanë pikëpamjet mbi zgjerimin e Bashkimit Evropian."
    assert classify_mention(s, s.index("Bashkimit"), len(s) - 1)[0] is False
