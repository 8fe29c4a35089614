"""Initiatives by status and kind (any of each; empty: all), with values checked and spelt as
the record spells them."""

from __future__ import annotations

import pytest

import analysis
from analysis.errors import AnalysisError
from analysis.reports.select import initiatives


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def test_no_criteria_gives_every_initiative(rec):
    assert len(initiatives(rec)) == len(rec.initiatives)


def test_statuses_and_kinds_select_exactly_and_combine(rec):
    ini = rec.initiatives
    status = ini.status.astype(str).value_counts().index[0]
    kind = ini.kind.astype(str).value_counts().index[0]
    by_status = set(ini.loc[ini.status == status, "initiative_id"])
    by_kind = set(ini.loc[ini.kind == kind, "initiative_id"])
    assert set(initiatives(rec, statuses=status.upper()).initiative_id) == by_status
    assert set(initiatives(rec, kinds=[kind]).initiative_id) == by_kind
    assert set(initiatives(rec, statuses=[status], kinds=kind).initiative_id) == by_status & by_kind
    both = ini.status.astype(str).value_counts().index[:2].tolist()
    assert set(initiatives(rec, statuses=",".join(both)).initiative_id) == set(ini.loc[ini.status.isin(both), "initiative_id"])


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"statuses": ["dormant"]}, "unknown initiative status 'dormant'; valid values: "),
    ({"kinds": ["party"]}, "unknown initiative kind 'party'; valid values: "),
])
def test_an_unknown_value_is_refused_with_the_valid_ones(rec, kwargs, message):
    with pytest.raises(AnalysisError) as info:
        initiatives(rec, **kwargs)
    assert str(info.value).startswith(message)
