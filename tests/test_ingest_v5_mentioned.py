"""ingest v5, mentioned: the countries a compound adjective names ("srpsko-makedonska granica") are mentioned, unless they take part."""

from __future__ import annotations

from analysis.curation.ingest import extract


def test_border_countries_are_mentioned():
    d = extract("Hrvatska policija pomaže kolegama na srpsko-makedonskoj granici, rekao je ministar.")
    assert {"RS", "MK"} <= {c["code"] for c in d["mentioned"]["countries"]}


def test_macedonian_compound():
    d = extract("Опремата е предадена на граничниот премин на македонско-грчката граница.")
    assert "GR" in {c["code"] for c in (d.get("mentioned") or {}).get("countries", [])}
