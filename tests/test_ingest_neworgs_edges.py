"""ingest, neworgs: what the surviving mutants of the 9191 draw (docs/mutation.md) showed no test asserted. A body the record
lacks ends before the names of the people after it, and keeps a Roman numeral that closes its name."""

from __future__ import annotations

from pathlib import Path

from analysis.curation.ingest import extract

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def _new(text: str) -> list[str]:
    return [o["name"] for o in extract(text, data_dir=MINI).get("new_organisations", [])]


def test_a_new_body_s_name_ends_before_a_person_s_name_after_it():
    assert _new("Predstavnici Uprave za granice Mirko Petrović i Ana Jović posjetili su Skopje.") == ["Uprava za granice"]


def test_a_roman_numeral_closing_a_new_body_s_name_stays_in_it():
    # "IX" is no linking word ("i") to trim from the end of the name
    assert _new("Obuku je organizovao Centar za obuku policije IX.") == ["Centar za obuku policije IX"]
