"""ingest v7, heads of government and state and EU commissioners: a prime minister is his country's government, a president
of a country the office of its president, a European commissioner the EU (in any case of the region's languages); a
president of anything else is not a head of state. Also a head's title left alone once a list's titles are shared out."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _aff(text: str) -> dict[str, str | None]:
    return {p["name"]: p["organisation"] for p in extract(text)["people"]}


@pytest.mark.parametrize(("text", "name", "org"), [
    pytest.param("The meeting in Pristina was attended by the Prime Minister of Kosovo Ramush Haradinaj and the Minister of "
                 "Internal Affairs of Kosovo Ekrem Mustafa.", "Ramush Haradinaj", "government-of-kosovo", id="prime-minister-en"),
    pytest.param("Na sastanku u Beogradu učestvovali su premijer Srbije Ana Brnabić i ministar unutrašnjih poslova Nebojša "
                 "Stefanović.", "Ana Brnabić", "gov-rs", id="premijer-bcms"),
    pytest.param("Takimin e ndoqën kryeministri në detyrë i Kosovës, Ramush Haradinaj, dhe ministri i MPB-së Ekrem Mustafa.",
                 "Ramush Haradinaj", "government-of-kosovo", id="kryeministri-acting-al"),
    pytest.param("President of Serbia Aleksandar Vučić opened the new border crossing.", "Aleksandar Vučić",
                 "office-of-the-president-of-the-republic-of-serbia", id="president-of-a-country"),
    pytest.param("Ministar Dačić se sastao sa evropskom komesarkom za unutrašnje poslove Ilvom Johanson u Briselu.",
                 "Ylva Johansson", "eu", id="eu-commissioner-instrumental"),
    pytest.param("The European Commissioner for Home Affairs Ylva Johansson visited the border.", "Ylva Johansson", "eu",
                 id="eu-commissioner-en"),
])
def test_head_is_tied_to_the_body_they_lead(text, name, org):
    assert _aff(text)[name] == org


def test_head_of_a_list_keeps_the_government_once_titles_are_shared_out():
    text = ("Për ta përcjellë ushtrimin morën pjesë kryeministri në detyrë i Kosovës, Ramush Haradinaj, zëvendëskryeministri i "
            "Republikës së Maqedonisë së Veriut, Oliver Spasovski, dhe të tjerë.")
    assert _aff(text)["Ramush Haradinaj"] == "government-of-kosovo"


@pytest.mark.parametrize("text", [
    pytest.param("Skupu se obratio predsednik Skupštine Marko Marković.", id="president-of-an-assembly"),
    pytest.param("Prisutnima se obratio predsjednik Udruženja građana Marko Marković.", id="president-of-an-association"),
])
def test_a_president_of_a_body_is_not_a_head_of_state(text):
    orgs = {o["id"] for o in extract(text)["organisations"]}
    assert not any(o.startswith("office-of-the-president") for o in orgs)


def test_a_venue_named_after_a_person_does_not_hide_people_of_that_first_name(tmp_path):
    """A word that begins a recorded person's name stays a name word even when a venue carries it: the record's "Hotel
    Aleksandar Palace, Skopje" (0.3.23) had stopped ingest from reading Aleksandar Vučić at all."""
    import shutil
    from pathlib import Path

    record = tmp_path / "record"
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "ingest-record", record)
    with (record / "places.csv").open("a", encoding="utf-8") as f:
        f.write('hotel-aleksandar-palace-skopje,"Hotel Aleksandar Palace, Skopje",site,MK,,,,,\n')
    people = extract("President of Serbia Aleksandar Vučić opened the new border crossing.", record)["people"]
    assert [(p["name"], p["organisation"]) for p in people] == [
        ("Aleksandar Vučić", "office-of-the-president-of-the-republic-of-serbia")]
