"""ingest v6, taking part: the body a release comes from takes part when the text names one of its people by title."""

from __future__ import annotations

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
