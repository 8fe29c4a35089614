"""ingest v4, titles: Albanian titles in the accusative and dative back in the nominative, two roles joined by "and"
before a name, and a segment opened by "with" after a name belonging to the next person."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.titles import nominative_title


def _people(text: str, url: str | None = None) -> dict[str, dict]:
    return {p.get("written", p["name"]): p for p in extract(text, url=url)["people"]}


@pytest.mark.parametrize(("title", "nominative"), [
    pytest.param("ministrin e Drejtësisë", "ministri i Drejtësisë", id="accusative-and-its-article"),
    pytest.param("drejtorin e përgjithshëm të Policisë", "drejtori i përgjithshëm i Policisë", id="adjective-then-genitive"),
    pytest.param("ministrin serb të Financave", "ministri serb i Financave", id="adjective-without-article"),
    pytest.param("këshilltarin e parë dhe ministrin e Mbrojtjes", "këshilltari i parë dhe ministri i Mbrojtjes", id="two-heads"),
    pytest.param("ministrit të Financave", "ministri i Financave", id="dative"),
    pytest.param("drejtoreshën e Agjencisë", "drejtoresha e Agjencisë", id="feminine"),
    pytest.param("Udhëheqës i Sekretariatit të Strategjive", "Udhëheqës i Sekretariatit të Strategjive", id="genitive-object-kept"),
    pytest.param("zëvendës i drejtorit të Policisë", "zëvendës i drejtorit të Policisë", id="deputy-of-the-director-kept"),
])
def test_albanian_title_in_the_nominative(title, nominative):
    assert nominative_title(title) == nominative


def test_albanian_accusative_title_of_a_person_met():
    people = _people("Ministri pati një takim me drejtorin e përgjithshëm të Policisë, Arben Gashi, në zyrën e tij.")
    assert people["Arben Gashi"]["title"] == "drejtori i përgjithshëm i Policisë"


def test_two_roles_joined_by_and_before_a_name():
    people = _people("Ministri u takua me zëvendës kryeministrin e parë dhe ministrin e Financave, Petr Novak, në Tiranë.")
    assert people["Petr Novak"]["title"] == "zëvendës kryeministri i parë dhe ministri i Financave"


def test_with_after_a_name_opens_the_next_persons_title():
    people = _people("Ai do të takohet me ministrin e Financave, Petr Novak, me ministrin e Drejtësisë, Ivan Horvat, dhe të tjerë.")
    assert people["Petr Novak"]["title"] == "ministri i Financave"
    assert people["Ivan Horvat"]["title"] == "ministri i Drejtësisë"
