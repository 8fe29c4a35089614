"""Context indicators: every figure sourced and validated, one drawn per year, gaps kept as gaps."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis.record.declaration import read_package
from analysis.record.load import check
from analysis.reports import figures, views
from analysis.reports.select import select
from conftest import rows, set_cell


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def _problems(pkg, rule):
    read_package.cache_clear()
    return [p for p in check(pkg).problems if p.rule == rule]


def test_every_figure_has_a_page_and_one_preferred_value_a_year(rec):
    ind = rec.context_indicators
    assert len(ind) >= 40
    assert ind.source_url.str.match(r"https?://").all()
    per_year = ind[ind.preferred.astype(bool)].groupby(["indicator_id", "area", "year"], observed=True).size()
    assert (per_year == 1).all()
    assert len(per_year) == ind.groupby(["indicator_id", "area", "year"], observed=True).ngroups


def test_two_preferred_values_for_one_year_are_reported(pkg):
    table = rows(pkg / "context_indicators.csv")
    header, body = table[0], table[1:]
    key = [header.index(c) for c in ("indicator_id", "area", "year")]
    pref = header.index("preferred")
    pair = next(i for i in range(len(body) - 1) if [body[i][k] for k in key] == [body[i + 1][k] for k in key])
    other = pair + 1 if body[pair][pref] == "true" else pair
    set_cell(pkg / "context_indicators.csv", other, "preferred", "true")
    found = _problems(pkg, "one-preferred")
    assert len(found) == 2 and {p.line for p in found} == {pair + 2, pair + 3}


def test_a_year_with_no_preferred_value_is_reported(pkg):
    table = rows(pkg / "context_indicators.csv")
    pref = table[0].index("preferred")
    first = next(i for i, r in enumerate(table[1:]) if r[pref] == "true")
    set_cell(pkg / "context_indicators.csv", first, "preferred", "false")
    found = _problems(pkg, "one-preferred")
    assert found and all(p.line >= 2 for p in found)


@pytest.mark.parametrize(("column", "value", "rule"), [("value", "-5", "minimum"), ("area", "HR", "enum"),
                                                      ("source_url", "see report", "pattern"), ("year", "1890", "minimum")])
def test_declared_constraints_hold(pkg, column, value, rule):
    set_cell(pkg / "context_indicators.csv", 0, column, value)
    read_package.cache_clear()
    problems = [p for p in check(pkg).problems if p.file.endswith("context_indicators.csv")]
    assert any(p.rule == rule and p.column == column and p.line == 2 for p in problems), problems


def test_series_hold_preferred_values_and_gaps_stay_gaps(rec):
    route = views.context_series(rec, "wb-route-detections")
    ind = rec.context_indicators
    expect = ind[(ind.indicator_id == "wb-route-detections") & ind.preferred.astype(bool)].set_index("year").value
    assert route["WB-route"].to_dict() == {int(k): int(v) for k, v in expect.items()}
    assert 2020 not in route.index  # no whole-year figure is sourced for 2020
    fig = figures.activity_and_context(select(rec).events, route, views.context_series(rec, "asylum-applications"))
    line = fig.axes[1].lines[0]
    ys = dict(zip(line.get_xdata(), line.get_ydata(), strict=True))
    assert math.isnan(ys[2020]) and ys[2017] == expect[2017]


def test_the_readable_table_names_areas_and_keeps_ids(rec):
    table = views.context(rec)
    assert {"Western Balkan route", "Kosovo*", "Montenegro"} <= set(table.area)
    assert table.indicator.notna().all() and set(table.indicator_id) <= set(views.INDICATOR_LABELS)
    assert len(table) == int(rec.context_indicators.preferred.astype(bool).sum())
    assert pd.api.types.is_integer_dtype(table.value)
