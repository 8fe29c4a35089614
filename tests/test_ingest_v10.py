"""ingest v10: a minister of one of Bosnia and Herzegovina's entities is of the entity's ministry, not of the country whose adjective the
entity's name shares ("Министар унутрашњих послова Републике Српске" is Republika Srpska's interior minister, not Serbia's);
a body the record lacks is not proposed under a name that runs into a number, a dash or an "and" after its head noun."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.affiliations import country_ministry
from analysis.curation.ingest.gazetteer import Gazetteer

RECORD = Path(__file__).resolve().parent / "fixtures" / "ingest-record"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.cached(RECORD)


@pytest.mark.parametrize("title", ["Ministar unutrašnjih poslova Republike Srpske", "Министар унутрашњих послова Републике Српске"])
@pytest.mark.parametrize("cc", ["RS", "BA"])
def test_entity_minister_is_of_the_entity_ministry(g, title, cc):
    assert country_ministry(title, g, cc) == "ministry-of-interior-of-republika-srpska"


def test_a_country_minister_stays_the_country_s(g):
    assert country_ministry("ministar unutrašnjih poslova Srbije", g, "RS") == "mi-rs"


def test_draft_ties_the_entity_minister_to_the_entity_ministry():
    text = ("Banja Luka, 12. mart 2019.\nМинистар унутрашњих послова Републике Српске Драган Лукач састао се данас са "
            "делегацијом Министарства безбједности БиХ о миграцијама.\n")
    people = extract(text, RECORD)["people"]
    assert [(p["name"], p["organisation"]) for p in people] == [("Драган Лукач", "ministry-of-interior-of-republika-srpska")]


@pytest.mark.parametrize(("text", "names"), [
    ("Predstavnici Direkcija i izazovima sa kojima se susreće govorili su.", []),
    ("Izveštaj je predstavila Institucija 26 puta ove godine.", []),
    ("Posjetu je organizovala Direkcija za prihvat stranaca koji traže međunarodnu zaštitu - tokom marta.",
     ["Direkcija za prihvat stranaca koji traže međunarodnu zaštitu"]),
])
def test_a_new_body_s_name_ends_at_a_number_a_dash_or_an_and_after_its_head(text, names):
    from analysis.curation.ingest.neworgs import local_new_orgs

    assert [o["name"] for o in local_new_orgs(text, [], lambda _: False)] == names


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Састанку је присуствовао замјеник командира Полицијске станице Брод Жарко Кузмановић.", "Жарко Кузмановић",
                 id="town-after-a-unit"),
    pytest.param("Sastanku su prisustvovali zamjenik šefa Delegacije Evropske unije u Crnoj Gori Rikardo Seri i drugi.", "Rikardo Seri",
                 id="place-after-u"),
])
def test_a_place_before_a_name_is_not_part_of_it(text, name):
    assert [p["name"] for p in extract(text, RECORD)["people"]] == [name]


def test_a_country_whose_last_word_is_lower_case_is_no_person():
    text = "Prisustvovali su šef političkog odjeljenja u ambasadi Sjedinjenih Američkih država Skot Pariš i drugi."
    assert "Sjedinjenih Američkih" not in [p["name"] for p in extract(text, RECORD)["people"]]
