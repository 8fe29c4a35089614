"""ingest v6, kind: a launch is of something launched ("pokrenut je projekat", not "pokrenuto je ... postupaka"), an office's
opening, a presentation ("Презентација Приручника"), a campaign's opening in Albanian; an online course is a product, not a
training."""

from __future__ import annotations

import pytest

from analysis.curation.ingest.kinds import kind_of
from analysis.curation.ingest.text import sentences


def _kind(text: str) -> str:
    return kind_of(text, sentences(text))[0]


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Pred sudom je pokrenuto između tri i četiri postupka, čulo se na završnici dvodnevnog treninga o žrtvama.",
                 "training", id="proceedings-are-no-launch"),
    pytest.param("U Beogradu je danas pokrenut novi projekat za zaštitu maloletnih migranata.", "launch", id="project-launched"),
    pytest.param("Opening of Office for fighting human trafficking\n\nThe Office will open today in Skopje with the partners.", "launch",
                 id="office-opening"),
    pytest.param("Презентација Приручника о стандардима у области азила одржана је у Београду уз присуство гостију.", "launch",
                 id="presentation-of-a-handbook"),
    pytest.param("Похвале за Приручник и Онлајн курс о азилу\n\nПрезентација Приручника и Онлајн курса одржана је у Београду.",
                 "launch", id="online-course-is-a-product"),
    pytest.param("Hapjen e fushatës kundër trafikimit e bënë drejtorët e policisë dhe të ministrisë në Prishtinë sot.", "launch",
                 id="albanian-campaign-opening"),
])
def test_kind(text, kind):
    assert _kind(text) == kind
