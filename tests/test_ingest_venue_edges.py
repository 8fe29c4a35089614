"""ingest, venue: what the surviving mutants of the 9191 draw (docs/mutation.md) showed no test asserted. A video conference
written in BCMS as one word or with a hyphen is held online."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.curation.ingest import extract

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


@pytest.mark.parametrize("text", [
    pytest.param("MARRI i IOM održali su video-konferenciju o migracijama.", id="hyphen"),
    pytest.param("MARRI i IOM održali su videokonferenciju o migracijama.", id="one-word"),
])
def test_a_bcms_video_conference_is_held_online(text):
    assert extract(text, data_dir=MINI)["place"] == {"id": "online", "name": "Online"}
