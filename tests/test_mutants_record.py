"""What the record's reader, declaration and checks report, asserted exactly: the file, line,
column, value, rule and message of each problem (docs/mutation.md: the sampled survivors these
kill). Every case is a tiny package written to a temporary folder; no copy of data/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import AnalysisError, Problem
from analysis.record.declaration import read_package
from analysis.record.reading import RawTable, read_raw
from analysis.record.validate import validate
from conftest import DATA

REAL = {r["name"]: r for r in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
EVENT_HEADER = ",".join(f["name"] for f in REAL["events"]["schema"]["fields"])


def _table(name: str, fields: list[dict], primary_key=None, foreign_keys=None) -> dict:
    schema: dict = {"fields": fields}
    if primary_key is not None:
        schema["primaryKey"] = primary_key
    if foreign_keys is not None:
        schema["foreignKeys"] = foreign_keys
    return {"name": name, "path": f"{name}.csv", "schema": schema}


def _package(folder: Path, resources: list[dict], files: dict[str, str | bytes]):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_text(json.dumps({"name": "mini", "resources": resources}), encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    read_package.cache_clear()
    return read_package(folder)


def _problems(folder: Path, resources: list[dict], files: dict[str, str | bytes]) -> list[Problem]:
    return validate(_package(folder, resources, files), threads=1).problems


TWO = [{"name": "id", "type": "string"}, {"name": "name", "type": "string"}]


# --- reading: which file, which line, which rule --------------------------------------------------


def test_a_missing_and_an_empty_file_are_each_named_with_their_rule_and_what_to_do(tmp_path):
    probs = _problems(tmp_path, [_table("gone", TWO), _table("blank", TWO), _table("bom", TWO)],
                      {"blank.csv": "", "bom.csv": b"\xef\xbb\xbf\r\n"})
    assert probs == [
        Problem("gone.csv", None, None, None, "missing-file", f"file not found at {tmp_path / 'gone.csv'}"),
        Problem("blank.csv", None, None, None, "empty-file", "the file is empty; it needs at least the header line"),
        Problem("bom.csv", None, None, None, "empty-file", "the file is empty; it needs at least the header line"),
    ]


def test_a_repeated_column_is_reported_on_line_1_with_its_name(tmp_path):
    probs = _problems(tmp_path, [_table("t", TWO)], {"t.csv": "id,name,name\na,b,c\n"})
    assert probs == [Problem("t.csv", 1, "name", "name", "duplicate-column", "column 'name' appears more than once in the header")]


def test_a_column_name_with_spaces_names_the_column_and_shows_the_raw_header(tmp_path):
    probs = _problems(tmp_path, [_table("t", TWO)], {"t.csv": "id, name\na,b\n"})
    assert probs == [Problem("t.csv", 1, "name", " name", "header",
                             "the column name ' name' has spaces around it; write it as 'name'")]


def test_nul_bytes_are_located_by_line_and_character_even_two_on_one_line(tmp_path):
    probs = _problems(tmp_path, [_table("t", TWO)], {"t.csv": b"id,name\nx1,ab\x00c\nx2,\x00\x00z\n"})
    assert [(p.file, p.line, p.rule, p.message) for p in probs] == [
        ("t.csv", 2, "nul-byte", "a NUL byte at character 6 of the line; remove it (it is not text)"),
        ("t.csv", 3, "nul-byte", "a NUL byte at character 4 of the line; remove it (it is not text)"),
        ("t.csv", 3, "nul-byte", "a NUL byte at character 5 of the line; remove it (it is not text)"),
    ]


def test_a_nul_byte_on_the_header_line_is_line_1(tmp_path):
    probs = _problems(tmp_path, [_table("t", TWO)], {"t.csv": b"id,name\x00\na,b\n"})
    # the header is read before NULs are looked for; a NUL in it makes the name unknown, so the
    # header problem is what is reported: either way the file is refused on line 1
    assert probs and all(p.line == 1 and p.file == "t.csv" for p in probs)


def test_a_row_with_too_many_fields_names_the_file_and_its_line(tmp_path):
    probs = _problems(tmp_path, [_table("t", TWO)], {"t.csv": 'id,name\na,"two\nlines"\nb,c,d\n'})
    assert probs == [Problem("t.csv", 4, None, None, "field-count",
                             "row has 3 fields, the header has 2; check quoting and commas")]


def test_line_of_a_row_after_the_last_located_one_counts_from_the_header(tmp_path):
    pkg = _package(tmp_path, [_table("t", TWO)], {"t.csv": 'id,name\na,"x\ny"\nb,c\n'})
    raw = read_raw(pkg.resource("t"), tmp_path)
    assert [raw.line_of(0), raw.line_of(1)] == [2, 4]  # the quoted newline moves the second row down
    beyond = RawTable(resource=raw.resource, path=raw.path, table=raw.table, _lines=[2])
    assert beyond.line_of(0) == 2 and beyond.line_of(3) == 5


# --- declaration: defaults and paths ------------------------------------------------------------


def test_declaration_defaults_type_title_and_no_primary_key(tmp_path):
    pkg = _package(tmp_path, [{"name": "t", "path": "t.csv",
                               "schema": {"fields": [{"name": "id"}, {"name": "n", "constraints": {"minLength": 3}}]}}],
                   {"t.csv": "id,n\na,bcd\n"})
    res = pkg.resource("t")
    assert (res.title, res.description, res.primary_key, res.foreign_keys) == ("t", "", (), ())
    assert [(f.name, f.type, f.description, f.required, f.unique, f.min_length) for f in res.fields] == [
        ("id", "string", "", False, False, None), ("n", "string", "", False, False, 3)]


def test_min_length_from_the_declaration_is_checked(tmp_path):
    fields = [{"name": "id", "type": "string"}, {"name": "code", "type": "string", "constraints": {"minLength": 3}}]
    probs = _problems(tmp_path, [_table("t", fields)], {"t.csv": "id,code\na,xy\nb,xyz\nc,\n"})
    assert probs == [Problem("t.csv", 2, "code", "xy", "min-length", "shorter than 3 characters")]


def test_a_primary_key_given_as_one_string_is_one_column(tmp_path):
    probs = _problems(tmp_path, [_table("t", TWO, primary_key="id")], {"t.csv": "id,name\na,x\na,y\nb,z\n"})
    assert _package(tmp_path, [_table("t", TWO, primary_key="id")], {}).resource("t").primary_key == ("id",)
    assert probs == [Problem("t.csv", 3, "id", "a", "primary-key", "duplicate primary key")]


@pytest.mark.parametrize("path", ["sub/../t.csv", "../t.csv", "sub\\t.csv", "C:t.csv", "c:/data/t.csv", "/etc/t.csv",
                                  "http://example.org/t.csv"])
def test_a_resource_path_leaving_the_package_folder_is_refused(tmp_path, path):
    with pytest.raises(AnalysisError, match="leaves the package folder"):
        _package(tmp_path, [{"name": "t", "path": path, "schema": {"fields": TWO}}], {})


def test_a_multipart_resource_path_is_refused_with_the_reason(tmp_path):
    with pytest.raises(AnalysisError, match=r"multipart resources are not supported"):
        _package(tmp_path, [{"name": "t", "path": ["a.csv", "b.csv"], "schema": {"fields": TWO}}], {})


def test_a_relative_path_in_a_subfolder_is_accepted(tmp_path):
    (tmp_path / "sub").mkdir()
    probs = _problems(tmp_path, [{"name": "t", "path": "sub/t.csv", "schema": {"fields": TWO}}], {"sub/t.csv": "id,name\na,b\n"})
    assert probs == []


# --- checks: rule names and messages on both paths (distinct values, free text) --------------------


def test_required_format_and_length_on_a_constrained_column(tmp_path):
    fields = [{"name": "id", "type": "string"},
              {"name": "link", "type": "string", "format": "uri", "constraints": {"required": True, "pattern": ".*", "maxLength": 24}}]
    probs = _problems(tmp_path, [_table("t", fields)],
                      {"t.csv": "id,link\na,https://example.org/x\nb,\nc,not a web address\nd,https://example.org/long/path\n"})
    assert [(p.line, p.value, p.rule, p.message) for p in probs] == [
        (3, "", "required", "a value is required here"),
        (4, "not a web address", "format", "not a web address (http:// or https:// followed by a host)"),
        (5, "https://example.org/long/path", "max-length", "longer than 24 characters"),
    ]


def test_free_text_whitespace_and_formula_like_values(tmp_path):
    fields = [{"name": "id", "type": "string"}, {"name": "title", "type": "string"}]
    probs = _problems(tmp_path, [_table("t", fields)],
                      {"t.csv": "id,title\na,Plain title\nb, padded\nc,=SUM(A1)\nd,+381 call\ne,-minus\nf,@handle\ng,a = b\n"})
    found = [(p.line, p.rule, p.severity) for p in probs]
    assert found == [(3, "whitespace", "error"), (4, "formula-like", "warning"), (5, "formula-like", "warning"),
                     (6, "formula-like", "warning"), (7, "formula-like", "warning")]
    assert probs[0].message == "remove leading or trailing spaces"


def test_a_web_address_column_gets_the_format_error_not_the_formula_warning(tmp_path):
    fields = [{"name": "id", "type": "string"}, {"name": "url", "type": "string", "format": "uri"}]
    probs = _problems(tmp_path, [_table("t", fields)], {"t.csv": "id,url\na,https://example.org/\nb,=HYPERLINK(x)\nc,\n"})
    assert [(p.line, p.rule, p.value) for p in probs] == [(3, "format", "=HYPERLINK(x)")]


def test_a_two_column_foreign_key_checks_the_pair_not_each_column(tmp_path):
    parent = _table("p", [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}], primary_key=["a", "b"])
    child = _table("c", [{"name": "id", "type": "string"}, {"name": "a", "type": "string"}, {"name": "b", "type": "string"}],
                   foreign_keys=[{"fields": ["a", "b"], "reference": {"resource": "p", "fields": ["a", "b"]}}])
    # each column's value exists in the parent, but the pair (1, y) does not; an empty pair refers to nothing
    probs = _problems(tmp_path, [parent, child], {"p.csv": "a,b\n1,x\n2,y\n", "c.csv": "id,a,b\nk1,1,x\nk2,1,y\nk3,,\nk4,2,y\n"})
    assert [(p.file, p.line, p.column, p.rule, p.message) for p in probs] == [
        ("c.csv", 3, "a+b", "foreign-key", "no such value in p.a+b")]


def test_a_one_column_foreign_key_names_the_target(tmp_path):
    parent = _table("p", [{"name": "a", "type": "string"}], primary_key=["a"])
    child = _table("c", [{"name": "id", "type": "string"}, {"name": "a", "type": "string"}],
                   foreign_keys=[{"fields": "a", "reference": {"resource": "p", "fields": "a"}}])
    probs = _problems(tmp_path, [parent, child], {"p.csv": "a\n1\n", "c.csv": "id,a\nk1,1\nk2,9\nk3,\n"})
    assert probs == [Problem("c.csv", 3, "a", "9", "foreign-key", "no such value in p.a")]


# --- the record's rules on the real declarations of places and events --------------------------


def test_places_a_site_needs_its_country_and_an_online_place_has_none(tmp_path):
    places = {**REAL["places"], "schema": {**REAL["places"]["schema"], "foreignKeys": []}}
    text = ("place_id,name,kind,country_code,latitude,longitude,aliases,geonames_id,location_note\n"
            "skopje,Skopje,city,MK,41.99646,21.43141,,785842,\n"
            "nowhere,Nowhere,site,,,,,,\n"
            "online,Online,online,RS,,,,,\n")
    probs = _problems(tmp_path, [places], {"places.csv": text})
    assert [(p.line, p.column, p.rule, p.message) for p in probs] == [
        (3, "country_code", "required", "a city or site needs its country"),
        (4, "kind", "coordinates", "an online place has no country or coordinates"),
    ]


def _event(event_id: str, start: str, end: str, precision: str, note: str = "") -> str:
    values = {"event_id": event_id, "title": "A meeting", "kind": "meeting", "status": "held", "date_start": start,
              "date_end": end, "date_precision": precision, "date_note": note, "place_id": "", "summary": "",
              "source_url": "https://example.org/a", "source_publisher": "Someone", "date_accessed": "2026-01-01",
              "follow_up_of": ""}
    return ",".join(values[name] for name in EVENT_HEADER.split(","))


def test_a_span_or_window_must_end_after_it_starts(tmp_path):
    events = {**REAL["events"], "schema": {**REAL["events"]["schema"], "foreignKeys": []}}
    rows = [_event("ev-0001", "2020-03-01", "2020-03-04", "span"),
            _event("ev-0002", "2020-03-01", "2020-03-01", "span"),
            _event("ev-0003", "2020-05-02", "2020-05-02", "window", "bounds from the page")]
    probs = _problems(tmp_path, [events], {"events.csv": "\n".join([EVENT_HEADER, *rows]) + "\n"})
    span_rule = [(p.line, p.column, p.message) for p in probs if p.rule == "date-precision"]
    assert span_rule == [(3, "date_end", "precision 'span' or 'window' needs date_end after date_start"),
                         (4, "date_end", "precision 'span' or 'window' needs date_end after date_start")]


def test_only_arrows_noise_about_a_ragged_non_utf8_row_is_silenced():
    from types import SimpleNamespace

    from analysis.record import reading

    seen: list = []
    quiet = reading._quiet_row_handler_failures(hook=seen.append)

    def on_invalid():  # stands for read_raw's row handler: same qualified name
        pass

    on_invalid.__qualname__ = "read_raw.<locals>.on_invalid"
    noise, other = SimpleNamespace(object=on_invalid), SimpleNamespace(object=print)
    quiet(noise)
    quiet(other)
    assert seen == [other]  # any other "exception ignored" still reaches the previous hook


def test_a_foreign_key_to_its_own_table_is_written_with_an_empty_resource(tmp_path):
    # Frictionless: "resource": "" is the table itself
    table = _table("t", [{"name": "id", "type": "string"}, {"name": "parent", "type": "string"}], primary_key=["id"],
                   foreign_keys=[{"fields": "parent", "reference": {"resource": "", "fields": "id"}}])
    probs = _problems(tmp_path, [table], {"t.csv": "id,parent\na,\nb,a\nc,zz\n"})
    assert probs == [Problem("t.csv", 4, "parent", "zz", "foreign-key", "no such value in t.id")]


def test_length_and_range_on_constrained_columns_each_bound_alone(tmp_path):
    fields = [{"name": "id", "type": "string"},
              {"name": "code", "type": "string", "constraints": {"pattern": "[a-z]+", "minLength": 3}},
              {"name": "rank", "type": "integer", "constraints": {"maximum": 10}},
              {"name": "score", "type": "number", "constraints": {"minimum": 0}}]
    probs = _problems(tmp_path, [_table("t", fields)], {"t.csv": "id,code,rank,score\na,abc,10,0\nb,ab,11,-0.5\nc,,,\n"})
    assert [(p.line, p.column, p.value, p.rule, p.message) for p in probs] == [
        (3, "code", "ab", "min-length", "shorter than 3 characters"),
        (3, "rank", "11", "maximum", "must be at most 10"),
        (3, "score", "-0.5", "minimum", "must be at least 0"),
    ]


def test_parse_dates_keeps_every_chunk_of_a_long_column():
    import datetime

    import pyarrow as pa

    from analysis.record.checks import parse_dates

    column = pa.chunked_array([["2020-01-01", ""], ["2020-02-30", "2021-03-04"]])  # a file read in two blocks
    parsed = parse_dates(column)
    assert parsed.to_pylist() == [datetime.date(2020, 1, 1), None, None, datetime.date(2021, 3, 4)]
    assert parse_dates(pa.array(["2019-12-31"])).to_pylist() == [datetime.date(2019, 12, 31)]


def test_a_repeated_two_column_primary_key_shows_both_values(tmp_path):
    fields = [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}, {"name": "n", "type": "string"}]
    probs = _problems(tmp_path, [_table("t", fields, primary_key=["a", "b"])], {"t.csv": "a,b,n\n1,x,p\n1,y,q\n1,x,r\n"})
    assert probs == [Problem("t.csv", 4, "a+b", "1 | x", "primary-key", "duplicate primary key (a, b)")]
