"""Every validation rule fires on a bad input, with a message that names file, line, column,
value and rule; the real package passes; files are never modified."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from analysis.record.checks import MAX_PER_RULE
from analysis.record.load import check
from conftest import DATA, rows, set_cell, snapshot, write_rows


@pytest.fixture
def pkg(small_pkg: Path) -> Path:
    """A private copy of the small valid record (tests/conftest.py: the real record cut to a dozen
    events and the rows that refer to them): each rule below fires on a row or two whatever the
    record's size, and the small copy is quicker to make and check. The real record is checked
    whole above, and :func:`full_pkg` is a copy of it where the size matters."""
    return small_pkg


@pytest.fixture
def full_pkg(tmp_path: Path) -> Path:
    """A private copy of the real record."""
    import shutil

    return Path(shutil.copytree(DATA, tmp_path / "data", ignore=shutil.ignore_patterns(".*")))


def test_real_package_is_valid_and_checks_rows():
    checked = check()
    assert checked.ok, "\n".join(map(str, checked.problems[:20]))
    assert checked.rows_checked > 1000
    assert checked.tables["events"].table.num_rows >= 200


def _only(checked, rule):
    hits = [p for p in checked.problems if p.rule == rule]
    assert hits, f"expected a '{rule}' problem, got: {[str(p) for p in checked.problems]}"
    return hits


CELL_CASES = [
    pytest.param("events.csv", 0, "kind", "banquet", "enum", "not one of the allowed values", id="enum"),
    pytest.param("events.csv", 1, "title", "", "required", "a value is required", id="required"),
    pytest.param("events.csv", 2, "date_accessed", "2023-02-30", "type", "not a calendar date", id="date-type-impossible-day"),
    pytest.param("events.csv", 2, "date_accessed", "28/11/2026", "type", "YYYY-MM-DD", id="date-type-format"),
    pytest.param("events.csv", 3, "event_id", "ev-0001", "unique", "already appears", id="unique"),
    pytest.param("events.csv", 3, "event_id", "EV_12", "pattern", "does not match the pattern", id="pattern"),
    pytest.param("events.csv", 4, "source_url", "marri-rc.org.mk/?p=1", "format", "not a web address", id="url-form"),
    pytest.param("events.csv", 4, "place_id", "atlantis", "foreign-key", "no such value in places.place_id", id="foreign-key"),
    pytest.param("events.csv", 5, "title", "x" * 161, "max-length", "longer than 160", id="max-length"),
    pytest.param("events.csv", 5, "title", " padded", "whitespace", "leading or trailing", id="whitespace"),
    pytest.param("places.csv", 0, "latitude", "91.5", "maximum", "at most 90", id="latitude-range"),
    pytest.param("places.csv", 1, "longitude", "-181", "minimum", "at least -180", id="longitude-range"),
    pytest.param("places.csv", 1, "longitude", "east", "type", "not a number", id="number-type"),
    pytest.param("places.csv", 2, "country_code", "YU", "foreign-key", "countries.country_code", id="country-code"),
    pytest.param("countries.csv", 0, "marri_participant", "maybe", "type", "not a boolean", id="boolean-type"),
    pytest.param("event_topics.csv", 0, "topic_id", "weather", "foreign-key", "topics.topic_id", id="link-foreign-key"),
]


@pytest.mark.parametrize(("file", "row", "column", "value", "rule", "message"), CELL_CASES)
def test_cell_rule_fires_with_location(pkg: Path, file, row, column, value, rule, message):
    set_cell(pkg / file, row, column, value)
    before = snapshot(pkg)
    checked = check(pkg)
    hits = [p for p in _only(checked, rule) if p.file == file and p.column == column]
    assert hits, [str(p) for p in checked.problems]
    p = hits[0]
    assert p.line == row + 2
    assert p.value == value
    assert message in p.message
    assert f"{file}:{row + 2}" in str(p) and column in str(p)
    assert snapshot(pkg) == before, "validation must never modify files"


def test_primary_key_duplicate_in_link_table(pkg: Path):
    path = pkg / "event_topics.csv"
    table = rows(path)
    write_rows(path, [*table, table[1]])
    hits = _only(check(pkg), "primary-key")
    assert hits[0].line == len(table) + 1
    assert hits[0].column == "event_id+topic_id"


DATE_CASES = [
    pytest.param({"date_start": "2018-03-21", "date_end": "2018-03-20", "date_precision": "span"}, "date-order", id="end-before-start"),
    pytest.param({"date_start": "2018-03-20", "date_end": "2018-03-21", "date_precision": "day"}, "date-precision", id="day-spans-two"),
    pytest.param({"date_start": "2018-03-02", "date_end": "2018-03-31", "date_precision": "month"}, "date-precision", id="month-not-1st"),
    pytest.param({"date_start": "2018-01-01", "date_end": "2019-12-31", "date_precision": "year"}, "date-precision", id="year-two-years"),
    pytest.param({"date_start": "2017-05-30", "date_end": "2018-09-06", "date_precision": "window", "date_note": ""},
                 "date-evidence", id="window-without-evidence"),
    pytest.param({"date_start": "2018-03-20", "date_end": "2018-03-20", "date_precision": "unknown"}, "date-precision", id="unknown-with-dates"),
    pytest.param({"date_start": "", "date_end": "", "date_precision": "day"}, "date-precision", id="day-without-dates"),
]


@pytest.mark.parametrize(("cells", "rule"), DATE_CASES)
def test_date_rules(pkg: Path, cells: dict, rule: str):
    for column, value in cells.items():
        set_cell(pkg / "events.csv", 7, column, value)
    hits = [p for p in _only(check(pkg), rule) if p.file == "events.csv"]
    assert hits[0].line == 9


def test_coordinates_come_in_pairs(pkg: Path):
    set_cell(pkg / "places.csv", 0, "longitude", "")
    hits = _only(check(pkg), "coordinates")
    assert hits[0].file == "places.csv" and hits[0].line == 2


def test_initiative_precision_without_date(pkg: Path):
    set_cell(pkg / "initiatives.csv", 0, "start_precision", "")
    set_cell(pkg / "initiatives.csv", 0, "start_date", "2014-03-24")
    hits = _only(check(pkg), "date-precision")
    assert hits[0].file == "initiatives.csv"


def test_every_problem_in_one_run(pkg: Path):
    set_cell(pkg / "events.csv", 0, "kind", "banquet")
    set_cell(pkg / "places.csv", 0, "latitude", "123")
    set_cell(pkg / "event_countries.csv", 0, "country_code", "ZZ")
    rules = {(p.file, p.rule) for p in check(pkg).problems}
    assert {("events.csv", "enum"), ("places.csv", "maximum"), ("event_countries.csv", "foreign-key")} <= rules


def test_many_failures_are_counted_not_dropped(full_pkg: Path):
    pkg = full_pkg  # more rows than MAX_PER_RULE
    path = pkg / "event_topics.csv"
    table = rows(path)
    n = len(table) - 1
    assert n > MAX_PER_RULE
    write_rows(path, [table[0]] + [[r[0], "weather"] for r in table[1:]])
    hits = [p for p in check(pkg).problems if p.rule == "foreign-key" and p.file == "event_topics.csv"]
    assert len(hits) == MAX_PER_RULE + 1
    assert f"{n - MAX_PER_RULE} more rows" in hits[-1].message


def test_exactly_the_cap_of_failures_adds_no_count_line(full_pkg: Path):
    """MAX_PER_RULE failing rows are all listed, with no "... and 0 more rows" line after them."""
    path = full_pkg / "event_topics.csv"
    table = rows(path)
    assert len(table) - 1 > MAX_PER_RULE
    broken = [[r[0], "weather"] if i < MAX_PER_RULE else r for i, r in enumerate(table[1:])]
    write_rows(path, [table[0], *broken])
    hits = [p for p in check(full_pkg).problems if p.rule == "foreign-key" and p.file == "event_topics.csv"]
    assert len(hits) == MAX_PER_RULE
    assert all(p.line is not None and "more rows" not in p.message for p in hits)


def test_unknown_and_missing_columns(pkg: Path):
    path = pkg / "people.csv"
    table = rows(path)
    table[0][table[0].index("aliases")] = "nickname"
    write_rows(path, table)
    checked = check(pkg)
    assert _only(checked, "missing-column")[0].column == "aliases"
    unknown = _only(checked, "unknown-column")[0]
    assert (unknown.file, unknown.line, unknown.value) == ("people.csv", 1, "nickname")


def test_empty_file(pkg: Path):
    (pkg / "event_people.csv").write_bytes(b"")
    assert _only(check(pkg), "empty-file")[0].file == "event_people.csv"


def test_missing_file(pkg: Path):
    (pkg / "event_people.csv").unlink()
    assert _only(check(pkg), "missing-file")[0].file == "event_people.csv"


def test_invalid_utf8_names_the_line(pkg: Path):
    path = pkg / "people.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b"\xff\xfe"
    path.write_bytes(b"\n".join(lines))
    hit = _only(check(pkg), "encoding")[0]
    assert (hit.file, hit.line) == ("people.csv", 4)


def test_ragged_row(pkg: Path):
    path = pkg / "event_topics.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("ev-0001,border-security,extra\n")
    hit = _only(check(pkg), "field-count")[0]
    assert hit.line == len(rows(path))


def test_bom_and_crlf_are_accepted(full_pkg: Path):
    pkg = full_pkg  # every character the real files hold
    for name in ("events.csv", "places.csv"):
        path = pkg / name
        text = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        path.write_bytes(codecs.BOM_UTF8 + text)
    assert check(pkg).ok


def test_line_numbers_follow_quoted_newlines(pkg: Path):
    path = pkg / "events.csv"
    set_cell(path, 0, "summary", "first line\nsecond line")  # a legal multi-line value
    set_cell(path, 3, "kind", "banquet")
    hit = _only(check(pkg), "enum")[0]
    assert hit.line == 6  # header, row 0 on lines 2-3, rows 1-2, row 3 on line 6
