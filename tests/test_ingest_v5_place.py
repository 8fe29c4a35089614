"""ingest v5, place: the event's place is a place named as one, not a body's seat, someone's origin or an attribute."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _place(text: str) -> str | None:
    return (extract(text).get("place") or {}).get("id")


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("The donation was handed over today.\n\nThe head of the IOM Skopje office and the minister spoke.", None,
                 id="seat-glued-to-a-body"),
    pytest.param("A delegation visited the Service today.\n\nThe guests came from the Blue University - Tirana and the ministry.",
                 None, id="origin-after-from"),
    pytest.param("Partners met at the end of the talks.\n\nThey spoke about the Schengen institutions and the acquis.", None,
                 id="schengen-attribute"),
    pytest.param("Partners met at the end of the talks.\n\nThey spoke about the EU and Schengen Institutions in detail.", None,
                 id="schengen-attribute-capitalised"),
    pytest.param("Experts from Sarajevo met at the Jahorina Migration Dialogue.\n\nIt was held in Jahorina, Bosnia and Herzegovina.",
                 "jahorina", id="held-in-on-a-later-naming"),
    pytest.param("Granična policija je predstavila danas u Sarajevu Priručnik o dokumentima.", "sarajevo", id="held-in-then-capital"),
    pytest.param("The experts met.\n\nThey discussed the situation in Tirana and in Skopje.", "tirana", id="first-place-named-still"),
])
def test_event_place(text, place):
    assert _place(text) == place
