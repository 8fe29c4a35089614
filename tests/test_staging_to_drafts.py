"""scripts/staging_to_drafts.py folds one event two curators staged from one page into one draft, and never folds two
events one curator staged from one page (two trainings, two round tables a page reports together): on 2026-11-30 three
such events were folded into their neighbours and lost until a second check noticed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("staging_to_drafts", ROOT / "scripts" / "staging_to_drafts.py")
staging = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(staging)


def _event(sheet: str, title: str, org: str) -> dict:
    return {"title": title, "url": "https://example.org/two-trainings", "date_start": "2022-05-01", "date_end": "2022-06-30",
            "organisations": [{"id": org, "role": "organiser"}], "_evidence": {"sheet": sheet}}


def test_one_curator_s_two_events_from_one_page_stay_two():
    events, folded = staging._fold_repeats([_event("fam-a.yaml#2", "Training in Niš", "iom"),
                                            _event("fam-a.yaml#3", "Training in Novi Sad", "ngo-atina")])
    assert folded == 0 and [e["title"] for e in events] == ["Training in Niš", "Training in Novi Sad"]


def test_two_curators_one_event_become_one_draft_with_both_bodies():
    events, folded = staging._fold_repeats([_event("fam-a.yaml#2", "Training in Niš", "iom"),
                                            _event("fam-b.yaml#7", "IOM training, Niš", "ngo-atina")])
    assert folded == 1 and len(events) == 1
    assert [o["id"] for o in events[0]["organisations"]] == ["iom", "ngo-atina"]
