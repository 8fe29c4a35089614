"""ingest v3, kind: launches, donations and handovers in the region's languages, cues further down, training as a field."""

from __future__ import annotations

import pytest

from analysis.curation.ingest.kinds import kind_of
from analysis.curation.ingest.text import sentences


def _kind(text: str) -> str:
    return kind_of(text, sentences(text))[0]


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("The Council of Europe launches its first regional human rights training for legal professionals.", "launch",
                 id="launches"),
    pytest.param("Evropska unija donirala pet vozila Graničnoj policiji BiH", "other", id="bcms-donation"),
    pytest.param("Press release\n\nDate: Monday\n\nSarajevo\n\nThe keys of the new vehicles were handed over by the EU.", "other",
                 id="handover-further-down"),
    pytest.param("Press release\n\nDate: Monday\n\nSarajevo\n\nThe officers discussed the plan. A training followed.", "meeting",
                 id="training-further-down-is-not-the-event"),
    pytest.param("The heads of institutions responsible for police education and training met in Ljubljana.", "meeting",
                 id="training-as-a-field"),
])
def test_kind(text, kind):
    assert _kind(text) == kind
