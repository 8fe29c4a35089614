"""ingest v16, clutter: a page's time stamp glued to the first word of the text ("12:58Direktor ...") is split from it, so
the word opens the person's title instead of ending a number."""

from __future__ import annotations

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.text import plain_text


@pytest.mark.parametrize(("raw", "clean"), [
    ("27.06.2023. | 12:58Direktor Granične policije BiH", "27.06.2023. | 12:58 Direktor Granične policije BiH"),
    ("Skopje, 14.05Министерот за внатрешни работи", "Skopje, 14.05 Министерот за внатрешни работи"),
    ("Sastanak u 10:30 Direktor", "Sastanak u 10:30 Direktor"),  # already apart
    ("COVID-19 mjere", "COVID-19 mjere"),  # no time stamp
    ("12:58DIREKTOR", "12:58DIREKTOR"),  # capitals only: an acronym or a code, left as it is
])
def test_a_glued_time_stamp_is_split_from_the_word(raw, clean):
    assert plain_text(raw) == clean


def test_the_title_after_a_glued_time_stamp_is_the_person_s():
    text = ("27.06.2023. | 12:58Direktor Granične policije BiH Mirko Kuprešaković rekao je da je sve više pokušaja "
            "nezakonitih prelazaka granice. Kuprešaković se danas u Sarajevu sastao sa ministrom za ljudska prava i "
            "izbjeglice Sevlidom Hurtićem.")
    person = next(p for p in extract(text)["people"] if p["name"] == "Mirko Kuprešaković")
    assert person["title"] == "Direktor Granične policije BiH"
