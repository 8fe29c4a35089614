"""ingest v5, titles: a role before a role in the genitive ("pomoćnik direktora"), and the role's adjectives before it
("parlamentarni državni sekretar", "Националната координаторка"), not a verb or an adverb before it."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _titles(text: str) -> dict[str, str | None]:
    return {p["name"]: p["title"] for p in extract(text)["people"]}


@pytest.mark.parametrize(("text", "name", "title"), [
    pytest.param("Sastanku je prisustvovao pomoćnik direktora za granične poslove Ivan Ivić.", "Ivan Ivić",
                 "pomoćnik direktora za granične poslove", id="role-before-genitive-role"),
    pytest.param("В.д. помоћник директора за Сектор граничне полиције Марко Марић потписао је споразум.", "Марко Марић",
                 "В.д. помоћник директора за Сектор граничне полиције", id="acting-role-before-genitive-role"),
    pytest.param("Sporazum su potpisali ministar Ivan Ivić i parlamentarni državni sekretar austrijskog ministarstva Hans Bauer.",
                 "Hans Bauer", "parlamentarni državni sekretar austrijskog ministarstva", id="adjectives-before-role"),
    pytest.param("Националната координаторка за борба против трговија со луѓе Ана Петровска ја отвори работилницата.",
                 "Ана Петровска", "Националната координаторка за борба против трговија со луѓе", id="macedonian-definite-adjective"),
    pytest.param("Sastanku je prisustvovao zamjenik izvršnog direktora FRONTEX-a Hans Bauer, a potom i drugi.", "Hans Bauer",
                 "zamjenik izvršnog direktora FRONTEX-a", id="role-adjective-role"),
    pytest.param("Delegacija predvođena ravnateljem Ivanom Ivićem posjetila je centar.", "Ivan Ivić", "ravnatelj",
                 id="not-a-participle"),
    pytest.param("Ова го истакна денеска дополнителниот заменик министер за внатрешни работи Марко Марковски во Скопје.",
                 "Марко Марковски", "дополнителниот заменик министер за внатрешни работи", id="not-the-verb-nor-the-adverb"),
])
def test_title(text, name, title):
    assert _titles(text)[name] == title
