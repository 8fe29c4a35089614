"""ingest, entities: what the surviving mutants of the 9191 draw (docs/mutation.md) showed no test asserted. The EU named in a
country whose delegation the record knows is that delegation from its first naming on, even when the delegation is named by its
own name only later."""

from __future__ import annotations

from pathlib import Path

from analysis.curation.ingest import extract

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def test_the_eu_in_a_country_named_first_puts_its_delegation_first_though_its_own_name_comes_later():
    d = extract("The EU in Bosnia and Herzegovina and MARRI met in Skopje. The EU Delegation to BiH funded the meeting.", data_dir=MINI)
    assert [o["id"] for o in d["organisations"]] == ["eud-ba", "marri"]
    assert d["title"] == "Meeting of Delegation of the European Union to Bosnia and Herzegovina and MARRI in Skopje"
