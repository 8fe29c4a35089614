"""Record rules, named exactly: a city or site without a country, an online place with one, and
a span or window that does not end after it starts."""

from __future__ import annotations

from pathlib import Path

from analysis.record.load import check
from conftest import rows, set_cell


def _problems(pkg: Path, rule: str):
    return [(p.file, p.line, p.column, p.value, p.message) for p in check(pkg).problems if p.rule == rule]


def test_a_city_needs_its_country_and_an_online_place_has_none(pkg: Path):
    table = rows(pkg / "places.csv")
    header = table[0]
    city = next(i for i, r in enumerate(table[1:]) if r[header.index("kind")] == "city")
    online = next((i for i, r in enumerate(table[1:]) if r[header.index("kind")] == "online"), None)
    set_cell(pkg / "places.csv", city, "country_code", "")
    assert ("places.csv", city + 2, "country_code", "", "a city or site needs its country") in _problems(pkg, "required")
    if online is None:  # make one: an online place with a country
        online = city
        set_cell(pkg / "places.csv", city, "country_code", "MK")
        set_cell(pkg / "places.csv", city, "latitude", "")
        set_cell(pkg / "places.csv", city, "longitude", "")
        set_cell(pkg / "places.csv", city, "kind", "online")
    else:
        set_cell(pkg / "places.csv", online, "country_code", "MK")
    found = _problems(pkg, "coordinates")
    assert ("places.csv", online + 2, "kind", "online", "an online place has no country or coordinates") in found


def test_a_span_must_end_after_it_starts(pkg: Path):
    table = rows(pkg / "events.csv")
    header = table[0]
    row = next(i for i, r in enumerate(table[1:]) if r[header.index("date_precision")] == "span")
    start = table[row + 1][header.index("date_start")]
    set_cell(pkg / "events.csv", row, "date_end", start)
    found = _problems(pkg, "date-precision")
    assert [f for f in found if f[1] == row + 2] == [
        ("events.csv", row + 2, "date_end", start, "precision 'span' or 'window' needs date_end after date_start")]
