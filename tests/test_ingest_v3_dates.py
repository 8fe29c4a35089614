"""ingest v3, dates and place: another thing's date, a reporting period, "today's", a place inside a body's name, compounds."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract


@pytest.mark.parametrize(("text", "date"), [
    pytest.param("A workshop was held in Trebinje.\nAs a reminder, the Centre was opened on 24 March 2014.", (None, None),
                 id="opened-on"),
    pytest.param("The Council of Europe launched today its course.\n"
                 "This is in line with the Action Plan adopted on 5 May 2021.", (None, None), id="adopted-on"),
    pytest.param("Skopje – The Committee met.\nThe Director reported on the period of June-December 2022.", (None, None),
                 id="reporting-period"),
    pytest.param("Ministarstvo sigurnosti organiziralo sastanak\n\n31.8.2020\n\nSa današnjeg sastanka u Sarajevu.",
                 ("2020-08-31", "2020-08-31"), id="todays"),
    pytest.param("Sofia – From the 12th to the 13th of February 2016, the Prague Process Secretariat organised a meeting. "
                 "The meeting took place in Sofia.", ("2016-02-12", "2016-02-13"), id="place-in-a-name"),
])
def test_event_date(text, date):
    d = extract(text)
    assert (d.get("date_start"), d.get("date_end")) == date


def test_dash_glued_to_a_word_is_no_dateline():
    d = extract("VII BALKANSKO- JADRANSKA KONFERENCIJA IPA\n\nU periodu od 18-21.11.2022. godine u Sarajevu održana je konferencija.")
    assert d["place"]["id"] == "sarajevo"
    assert (d["date_start"], d["date_end"]) == ("2022-11-18", "2022-11-21")
