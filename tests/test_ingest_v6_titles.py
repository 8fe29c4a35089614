"""ingest v6, titles: role words of the region's languages (a manager, a commissioner, a judge, a prosecutor, in either gender)
and a Macedonian adjective with its article before the role ("јавната обвинителка")."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _people(text: str, url: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    return {p["name"]: (p["title"], p["organisation"]) for p in extract(text, url=url)["people"]}


@pytest.mark.parametrize(("text", "name", "title", "org"), [
    pytest.param("Догађај је свечано отворила Донатела Брадић, регионална менаџерка Међународне организације за миграције (ИОМ).",
                 "Donatella Bradić", "регионална менаџерка Међународне организације за миграције", "iom", id="manager-feminine"),
    pytest.param("Sporazum su potpisali povjerenica za unutarnje poslove Ana Horvat i drugi predstavnici.", "Ana Horvat",
                 "povjerenica za unutarnje poslove", None, id="commissioner-feminine"),
    pytest.param("Na obuci je govorila tužiteljica Ana Kovač, a potom i drugi.", "Ana Kovač", "tužiteljica", None, id="prosecutor"),
    pytest.param("На настанот говореше јавната обвинителка Гордана Смаќоска за искуствата.", "Гордана Смаќоска", "јавната обвинителка",
                 None, id="macedonian-definite-adjective"),
])
def test_role_words(text, name, title, org):
    assert _people(text)[name] == (title, org)


def test_a_judge_of_the_administrative_court():
    people = _people("U radu su učešće uzele sudije Upravnog suda, Jelena Iskić i drugi.", url="http://www.up.sud.rs/x")
    # the plural "sudije" said of the list is each judge's title in the nominative singular (since v9)
    assert people["Jelena Iskić"] == ("sudija Upravnog suda", "administrative-court-of-serbia")


def test_trust_is_no_commissioner():
    assert _people("Seminar je uživao veliko povjerenje Marka Markovića i drugih.") == {}


def test_an_albanian_woman_minister_of_a_country_named_in_albanian():
    text = "Në takim morën pjesë ministrja e Punëve të Brendshme të Republikës së Finlandës Paivi Rasanen dhe të tjerë."
    assert _people(text)["Paivi Rasanen"] == ("ministrja e Punëve të Brendshme të Republikës së Finlandës",
                                              "ministry-of-the-interior-of-finland")
