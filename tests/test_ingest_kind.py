"""ingest's kind of event: kind words in inflected forms and in Macedonian, a training centre's name that is no
training (v4); kinds the text signals without the kind's own word, and an opening read past the page's clutter (v5)."""

from __future__ import annotations

import pytest

from analysis.curation.ingest.kinds import kind_of
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
    pytest.param("Донација за полицијата во Куманово\n\nОпремата ќе биде примопредадена утре.", "other", id="donacija-mk"),
    pytest.param("Oprema je primopredana graničnoj policiji u Zvorniku.", "other", id="primopredaja-participle"),
    pytest.param("Policija je danas predstavila novi Priručnik o lažnim dokumentima.", "launch", id="handbook-presented"),
    pytest.param("The ministry presented the new online portal for asylum seekers.", "launch", id="portal-presented"),
    pytest.param("Officers of the two countries began joint patrols along the border on Monday.", "exercise", id="joint-patrols"),
    pytest.param("Počele su zajedničke patrole dviju policija na granici.", "exercise", id="zajednicke-patrole"),
    pytest.param("Experts visited Austria last week, in the first study visit of its kind.", "study-visit", id="visit-is-study-visit"),
    pytest.param("A delegation visited the Agency today.\n\nThe goal of the visit was to get familiar with the work of the Agency.",
                 "study-visit", id="visit-to-learn-the-work"),
    pytest.param("Skip to main content\n\nNews -\n\nSporazum o saradnji\n\nIzvor: Tanjug, 3.Mar.2011\n\nSporazum o saradnji\n\n"
                 "Ministri su danas potpisali sporazum o readmisiji.", "signing", id="clutter-is-no-opening"),
    pytest.param("Ministers gathered in Budva.\n\nThey spoke of migration.\n\nThey spoke of borders.\n\n"
                 "The two-day conference was organised by the ministry.", "conference", id="conference-further-down"),
    pytest.param("A delegation visited the Agency today and met its director.", "meeting", id="a-visit-is-still-a-meeting"),
])
def test_kind(text, kind):
    assert _kind(text) == kind
