"""ingest v6, place: a place the opening says the event was held, met or signed at beats an agency's dateline and a body's
seat; another event's place ("the first conference, held in Ohrid in 2021") is not; a border crossing in the region's
languages; the dateline's date still dates the event."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


def _place(text: str) -> str | None:
    return (extract(text).get("place") or {}).get("id")


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("Pred Višim sudom u Subotici pokrenuto je više postupaka, čulo se na treningu koji je održan na Paliću.", "palic",
                 id="odrzan-na-beats-a-seat"),
    pytest.param("Министрите во Белград потпишаа меморандум\n\nСкопје, 31 март 2023 (МИА) - Министрите денеска потпишаа меморандум.",
                 "belgrade", id="signed-in-beats-a-dateline"),
    pytest.param("Ministar se sastao danas na Graničnom prelazu Kalotina u Bugarskoj sa kolegom iz Bugarske.",
                 "kalotina-border-crossing", id="border-crossing-in-bcms"),
    pytest.param("The conference opened today in Sarajevo. The first conference, held in Ohrid in October 2021, set the agenda.",
                 "sarajevo", id="another-events-place"),
])
def test_place(text, place):
    assert _place(text) == place


def test_the_datelines_date_dates_the_event_held_elsewhere():
    d = extract("Министрите во Белград потпишаа меморандум\n\nСкопје, 31 март 2023 (МИА) - Министрите денеска потпишаа меморандум.")
    assert d.get("date_start") == "2023-03-31"
