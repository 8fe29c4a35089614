"""ingest v4, kind: kind words in inflected forms and in Macedonian, and a training centre's name that is no training."""

from __future__ import annotations

import pytest

from analysis.curation.ingest.entities import kind_of
from analysis.curation.ingest.text import sentences


def _kind(text: str) -> str:
    return kind_of(text, sentences(text))[0]


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Ministar je učestvovao na Forumu ministara unutrašnjih poslova u Ljubljani.", "forum", id="forum-inflected"),
    pytest.param("Денеска министерот оствари работна средба со делегација од Хрватска.", "meeting", id="macedonian-sredba"),
    pytest.param("U trening centru za migracije održan je koordinacioni sastanak.", "meeting", id="training-centre-inflected"),
    pytest.param("Делегацијата ја посети Центарот за обука и разговараше за соработката.", "meeting", id="centre-for-training"),
    pytest.param("The Centre for Training hosted talks of the two police directors.", "meeting", id="english-centre-for-training"),
    pytest.param("Obuka za granične policajce održana je u Sarajevu.", "training", id="a-training-still"),
])
def test_kind(text, kind):
    assert _kind(text) == kind
