"""Failing cases generated from the declaration: for every table and every constraint that
``data/datapackage.json`` declares (type, format, required, unique, enum, pattern, length, range,
primary key, each foreign key), one row of a small valid record is broken in exactly that way and
``validate`` must report that file, column, rule and line. The same for every rule of
:data:`~analysis.record.rules.RECORD_RULES`, and the codebook must state each of them.

The cases are made when the tests are collected, so a table, field or constraint is tested the
day it is declared; the counts are checked against the raw JSON, read independently of
:mod:`analysis.record.declaration`. Every case also puts a quoted newline in an earlier row when
the table has a free-text column, so the line numbers are checked across multi-line values.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.record.codebook import render
from analysis.record.declaration import Field, Resource, read_package
from analysis.record.load import check
from analysis.record.reading import read_raw
from analysis.record.rules import RECORD_RULES
from analysis.record.validate import validate
from conftest import DATA, rows, write_rows

PACKAGE = read_package(DATA)
RAW = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))

#: a value of the wrong type, per declared type (a new type needs one here, or its case fails)
BAD_TYPE = {"date": "2019-02-30", "number": "east", "integer": "1.5", "boolean": "maybe"}
#: the rule name ``validate`` reports for each constraint keyword
RULE = {"required": "required", "unique": "unique", "enum": "enum", "pattern": "pattern", "minLength": "min-length",
        "maxLength": "max-length", "minimum": "minimum", "maximum": "maximum", "type": "type", "format": "format",
        "primaryKey": "primary-key", "foreignKey": "foreign-key"}


@dataclass(frozen=True)
class Case:
    table: str
    field: str  # the column, or the key's columns joined by '+'
    kind: str  # a key of RULE
    arg: object = None

    @property
    def id(self) -> str:
        return f"{self.table}.{self.field}.{self.kind}"


def declared_constraint_count(raw: dict) -> int:
    """Constraints as the JSON states them, counted without the project's parser."""
    n = 0
    for res in raw["resources"]:
        schema = res["schema"]
        for f in schema["fields"]:
            n += f.get("type", "string") not in ("string", "any")
            n += f.get("format", "default") != "default"
            n += sum(v is not False and v is not None for v in (f.get("constraints") or {}).values())
        n += bool(schema.get("primaryKey"))
        n += len(schema.get("foreignKeys", []))
    return n


def constraint_cases(package=PACKAGE) -> list[Case]:
    cases = []
    for res in package.resources:
        for f in res.fields:
            if f.type not in ("string", "any"):
                cases.append(Case(res.name, f.name, "type", f.type))
            if f.format:
                cases.append(Case(res.name, f.name, "format", f.format))
            for kind, arg in (("required", f.required or None), ("unique", f.unique or None), ("enum", f.enum),
                              ("pattern", f.pattern), ("minLength", f.min_length), ("maxLength", f.max_length),
                              ("minimum", f.minimum), ("maximum", f.maximum)):
                if arg is not None:
                    cases.append(Case(res.name, f.name, kind, arg))
        if res.primary_key:
            cases.append(Case(res.name, "+".join(res.primary_key), "primaryKey", res.primary_key))
        for fk in res.foreign_keys:
            cases.append(Case(res.name, "+".join(fk.fields), "foreignKey", fk))
    return cases


CASES = constraint_cases()
RULE_IDS = [(rule.resource, name) for rules in RECORD_RULES.values() for rule in rules for name in rule.name.split(" / ")]


# --- breaking a small valid record ----------------------------------------------------------------


def _line_of(table: list[list[str]], row: int) -> int:
    """The line where data row ``row`` starts once ``table`` is written (header on line 1)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(table[: row + 1])
    return buf.getvalue().count("\n") + 1


def _text_field(res: Resource, avoid: set[str]) -> Field | None:
    """A free-text column that may hold a newline without breaking any constraint."""
    keyed = {*res.primary_key, *(c for fk in res.foreign_keys for c in fk.fields)}
    for f in res.fields:
        if (f.type == "string" and not (f.enum or f.pattern or f.format or f.min_length) and f.name not in keyed | avoid
                and (f.max_length is None or f.max_length >= 20)):
            return f
    return None


def _multiline(table: list[list[str]], res: Resource, avoid: set[str]) -> bool:
    """Put a quoted newline in row 0 of a free-text column; False when the table has none."""
    f = _text_field(res, avoid)
    if f is None:
        return False
    i = table[0].index(f.name)
    table[1][i] = (table[1][i][: 8] or "first line") + "\nsecond line"
    return True


def _absent_value(res: Resource, fk, tables: dict[str, list[list[str]]]) -> str:
    parent = PACKAGE.resource(fk.resource)
    patterns = [p for p in (res.field(fk.fields[0]).pattern, parent.field(fk.reference_fields[0]).pattern) if p]
    held = {r[tables[fk.resource][0].index(fk.reference_fields[0])] for r in tables[fk.resource][1:]}
    for candidate in ("QQ", "zz-no-such-id", "ev-99999"):
        if candidate not in held and all(re.fullmatch(p, candidate) for p in patterns):
            return candidate
    raise AssertionError(f"no absent value of the right form for {res.name}.{fk.fields[0]}: add a candidate")


def _break(case: Case, tables: dict[str, list[list[str]]]) -> tuple[int, str]:
    """Break ``case`` in ``tables`` (row 1, or an appended row); return the broken data row and the
    value ``validate`` should report."""
    res = PACKAGE.resource(case.table)
    table = tables[case.table]
    assert len(table) >= 3, f"the small record needs two rows in {case.table}"
    row = 1
    if case.kind == "primaryKey":
        table.append(list(table[1]))
        return len(table) - 2, None
    col = table[0].index(case.field.split("+")[0])
    if case.kind == "foreignKey":
        value = _absent_value(res, case.arg, tables)
    elif case.kind == "type":
        value = BAD_TYPE[case.arg]
    elif case.kind == "format":
        assert case.arg == "uri", f"no bad value known for format {case.arg}"
        value = "www.example.org/no-scheme"
    elif case.kind == "required":
        value = ""
    elif case.kind == "unique":
        value = table[1][col]  # data row 0's value, repeated on row 1
        assert value, f"{case.id}: row 0 needs a value to repeat"
    elif case.kind == "enum":
        value = "not-a-declared-value"
    elif case.kind == "pattern":
        value = next(v for v in ("!!", "|", "a||b") if not re.fullmatch(case.arg, v))
    elif case.kind == "maxLength":
        value = "x" * (case.arg + 1)
    elif case.kind == "minLength":
        assert case.arg > 1, "a minimum length of 1 is what 'required' says"
        value = "x" * (case.arg - 1)
    elif case.kind in ("minimum", "maximum"):
        step = -1 if case.kind == "minimum" else 1
        number = case.arg + step
        value = str(int(number)) if res.field(case.field).type == "integer" else repr(float(number))
    else:
        raise AssertionError(f"no way to break {case.kind}")
    table[row + 1][col] = value
    return row, value


@pytest.fixture(scope="session")
def record(small_record: Path):
    """The small valid record as rows, and as read by ``validate`` (tables a case leaves alone
    are not read again)."""
    package = read_package(small_record)
    tables = {res.name: rows(small_record / res.path) for res in package.resources}
    raw = {res.name: read_raw(res, small_record) for res in package.resources}
    return package, tables, raw


def _tables(record) -> dict[str, list[list[str]]]:
    return {name: [list(r) for r in t] for name, t in record[1].items()}


def _check(record, tables: dict[str, list[list[str]]], folder: Path):
    """Validate the small record with ``tables`` written to ``folder`` where they differ from it."""
    package, clean, raw = record
    current = dict(raw)
    for res in package.resources:
        if tables[res.name] != clean[res.name]:
            write_rows(folder / res.path, tables[res.name])
            current[res.name] = read_raw(res, folder)
    assert current != raw, "the case changed nothing"
    return validate(package, current)


def _hits(checked, file: str, column: str, rule: str) -> list:
    hits = [p for p in checked.problems if (p.file, p.column, p.rule) == (file, column, rule)]
    assert hits, f"expected [{rule}] on {file} column {column}; got {[str(p) for p in checked.problems[:10]]}"
    return hits


# --- the declared constraints ---------------------------------------------------------------------


def test_a_case_for_every_declared_constraint():
    assert len(CASES) > 0
    assert len(CASES) == declared_constraint_count(RAW), "a declared constraint has no generated case (or the parser lost it)"
    assert {c.table for c in CASES} == {r["name"] for r in RAW["resources"]}, "every table has at least one case"
    assert {c.kind for c in CASES} <= set(RULE)
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_declared_constraint_is_enforced(record, tmp_path: Path, case: Case):
    tables = _tables(record)
    res = PACKAGE.resource(case.table)
    multiline = _multiline(tables[case.table], res, avoid=set(case.field.split("+")))
    row, value = _break(case, tables)
    line = _line_of(tables[case.table], row)
    if multiline:
        assert line > row + 2, "the quoted newline should move the later rows down a line"
    hits = _hits(_check(record, tables, tmp_path), res.path, case.field, RULE[case.kind])
    assert line in [p.line for p in hits], f"expected line {line}, got {[str(p) for p in hits]}"
    if value is not None:
        assert any(p.value == value for p in hits if p.line == line)


TABLES_WITH_FIELD_CASES = sorted({c.table for c in CASES if c.kind not in ("primaryKey", "foreignKey")})


@pytest.mark.parametrize("table", TABLES_WITH_FIELD_CASES)
def test_every_column_of_a_table_is_checked_in_one_run(record, tmp_path: Path, table: str):
    """One broken cell in each column that has a cell constraint, all on the same row: every one
    is reported, not only the first."""
    clean = _tables(record)
    first: dict[str, Case] = {}
    for c in CASES:
        if c.table == table and c.kind not in ("primaryKey", "foreignKey") and c.field not in first:
            first[c.field] = c
    tables = _tables(record)
    for case in first.values():
        scratch = {name: [list(r) for r in t] for name, t in clean.items()}
        _break(case, scratch)
        col = scratch[table][0].index(case.field)
        tables[table][2][col] = scratch[table][2][col]
    problems = {(p.column, p.rule) for p in _check(record, tables, tmp_path).problems if p.file == PACKAGE.resource(table).path and p.line == 3}
    missing = [c.id for c in first.values() if (c.field, RULE[c.kind]) not in problems]
    assert not missing, f"not reported: {missing}"
    assert len(first) >= 1


# --- the record's own rules -----------------------------------------------------------------------


def _first_row(table: list[list[str]], *nonempty: str) -> int:
    head = table[0]
    for n, r in enumerate(table[1:]):
        if all(r[head.index(c)] for c in nonempty):
            return n
    raise AssertionError(f"no row with {nonempty}")


def _set(table, row, **cells) -> None:
    for column, value in cells.items():
        table[row + 1][table[0].index(column)] = value


def _event_dates_order(t):
    ev = t["events"]
    r = _first_row(ev, "date_start")
    _set(ev, r, date_start="2018-03-21", date_end="2018-03-20", date_precision="span")
    return "events", r, "date_end"


def _event_precision(t):
    ev = t["events"]
    r = _first_row(ev, "date_start")
    _set(ev, r, date_start="2018-03-20", date_end="2018-03-21", date_precision="day")
    return "events", r, "date_end"


def _event_evidence(t):
    ev = t["events"]
    r = _first_row(ev, "date_start")
    _set(ev, r, date_start="2017-05-30", date_end="2018-09-06", date_precision="window", date_note="")
    return "events", r, "date_note"


def _event_scope(t):
    ev, et, topics = t["events"], t["event_topics"], t["topics"]
    out_of_scope = next(r[0] for r in topics[1:] if r[topics[0].index("in_scope")] == "false")
    r = 1
    eid = ev[r + 1][0]
    et[1:] = [x for x in et[1:] if x[0] != eid] + [[eid, out_of_scope]]
    return "events", r, "event_id"


def _event_duplicate(t):
    ev = t["events"]
    r = _first_row(ev, "date_start", "place_id")
    copy = list(ev[r + 1])
    copy[0] = "ev-99999"
    ev.append(copy)
    return "events", len(ev) - 2, "event_id"


def _event_retired(t):
    ev, retired = t["events"], t["retired_events"]
    r = 1
    retired.append([ev[r + 1][0], "2026-12-01", "", "a test"])
    return "events", r, "event_id"


def _initiative_precision(t):
    it = t["initiatives"]
    r = _first_row(it, "start_date")
    _set(it, r, start_precision="")
    return "initiatives", r, "start_precision"


def _initiative_order(t):
    it = t["initiatives"]
    r = _first_row(it, "start_date")
    _set(it, r, start_date="2015-06-02", start_precision="day", end_date="2015-06-01", end_precision="day")
    return "initiatives", r, "end_date"


def _name_order(t):
    on = t["organisation_names"]
    r = _first_row(on, "valid_from")
    start = on[r + 1][on[0].index("valid_from")]
    _set(on, r, valid_to=f"{int(start[:4]) - 1}{start[4:]}")
    return "organisation_names", r, "valid_to"


def _name_periods(t):
    on = t["organisation_names"]
    r = _first_row(on, "valid_from")
    copy = list(on[r + 1])
    _set(on, r, valid_to="")  # leave the name in force ...
    copy[on[0].index("name")] = "A later name"
    copy[on[0].index("valid_from")] = "2099-01-01"  # ... when a later one starts
    copy[on[0].index("valid_to")] = ""
    on.append(copy)
    return "organisation_names", len(on) - 2, "valid_from"


def _coordinates(t):
    pl = t["places"]
    r = _first_row(pl, "latitude")
    _set(pl, r, longitude="")
    return "places", r, "latitude"


def _one_preferred(t):
    ci = t["context_indicators"]
    r = next(n for n, row in enumerate(ci[1:]) if row[ci[0].index("preferred")] == "true")
    _set(ci, r, preferred="false")  # its year is left without a preferred value
    return "context_indicators", r, "preferred"


def _person_body(t):
    ep, eo = t["event_people"], t["event_organisations"]
    r = _first_row(ep, "org_id")
    eid = ep[r + 1][ep[0].index("event_id")]
    linked = {row[eo[0].index("org_id")] for row in eo[1:] if row[eo[0].index("event_id")] == eid}
    other = next(row[0] for row in t["organisations"][1:] if row[0] not in linked)
    _set(ep, r, org_id=other)  # a body the event does not link
    return "event_people", r, "org_id"


def _authority_country(t):
    eo, orgs, ec = t["event_organisations"], t["organisations"], t["event_countries"]
    state = {row[0]: row[orgs[0].index("country_code")] for row in orgs[1:]
             if row[orgs[0].index("kind")] in ("government", "police") and row[orgs[0].index("country_code")]}
    role, body, event = eo[0].index("role"), eo[0].index("org_id"), eo[0].index("event_id")
    r = next(n for n, row in enumerate(eo[1:]) if row[body] in state and row[role] not in ("donor", "named"))
    gone = (eo[r + 1][event], state[eo[r + 1][body]])
    ec[1:] = [row for row in ec[1:] if (row[0], row[1]) != gone]  # the body's country dropped from the event
    return "event_organisations", r, "org_id"


def _one_body_one_part(t):
    eo = t["event_organisations"]
    event, body, role = (eo[0].index(c) for c in ("event_id", "org_id", "role"))
    r = next(n for n, row in enumerate(eo[1:]) if row[role] == "partner")
    other = next(n for n, row in enumerate(eo[1:]) if row[event] != eo[r + 1][event])
    _set(eo, other, event_id=eo[r + 1][event], org_id=eo[r + 1][body], role="participant")  # the partner again, as participant
    return "event_organisations", other, "role"


def _curation_trace(t):
    ev = t["events"]
    r = _first_row(ev, "date_note")
    _set(ev, r, date_note=ev[r + 1][ev[0].index("date_note")] + " (q14 of the family6-border log)")
    return "events", r, "date_note"


def _one_script(table: str, column: str):
    def breaker(t):
        rows = t[table]
        r = 0
        # a look-alike Cyrillic "о" (U+043E) for the Latin "o", as pages copied from Serbian sites carry them
        _set(rows, r, **{column: rows[r + 1][rows[0].index(column)].replace("o", "\u043e", 1) + " Joхaнeс"})
        return table, r, column
    return breaker


#: how to break each rule of RECORD_RULES; a new rule needs an entry here
BREAKERS: dict[tuple[str, str], Callable] = {
    ("events", "date-order"): _event_dates_order,
    ("events", "date-precision"): _event_precision,
    ("events", "date-evidence"): _event_evidence,
    ("events", "scope"): _event_scope,
    ("events", "duplicate"): _event_duplicate,
    ("events", "retired-id"): _event_retired,
    ("events", "no-curation-trace"): _curation_trace,
    ("initiatives", "date-precision"): _initiative_precision,
    ("initiatives", "date-order"): _initiative_order,
    ("organisation_names", "date-order"): _name_order,
    ("organisation_names", "name-periods"): _name_periods,
    ("places", "coordinates"): _coordinates,
    ("context_indicators", "one-preferred"): _one_preferred,
    ("event_people", "person-body"): _person_body,
    ("event_organisations", "authority-country"): _authority_country,
    ("event_organisations", "one-body-one-part"): _one_body_one_part,
    ("people", "one-script"): _one_script("people", "name"),
    ("organisations", "one-script"): _one_script("organisations", "aliases"),
    ("places", "one-script"): _one_script("places", "name"),
}


def test_a_case_for_every_record_rule():
    assert len(RULE_IDS) > 0
    assert sorted(BREAKERS) == sorted(RULE_IDS), "every rule named in RECORD_RULES needs a way to break it, and only those"


@pytest.mark.parametrize(("table", "rule"), RULE_IDS, ids=[f"{t}.{r}" for t, r in RULE_IDS])
def test_record_rule_is_enforced(record, tmp_path: Path, table: str, rule: str):
    tables = _tables(record)
    res = PACKAGE.resource(table)
    _multiline(tables[table], res, avoid=set())
    name, row, column = BREAKERS[(table, rule)](tables)
    assert name == table
    line = _line_of(tables[table], row)
    hits = _hits(_check(record, tables, tmp_path), res.path, column, rule)
    assert line in [p.line for p in hits], f"expected line {line}, got {[str(p) for p in hits]}"


# --- the codebook states every constraint and rule ------------------------------------------------


def _codebook_row(text: str, res: Resource, field: str) -> list[str]:
    section = text.split(f"### `{res.path}`", 1)[1].split("\n### ", 1)[0]
    line = next(x for x in section.splitlines() if x.startswith(f"| `{field}` |"))
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]


def _stated(text: str, case: Case) -> bool:
    res = PACKAGE.resource(case.table)
    section = text.split(f"### `{res.path}`", 1)[1].split("\n### ", 1)[0]
    if case.kind == "primaryKey":
        return f"Primary key: `{', '.join(case.arg)}`." in section
    if case.kind == "foreignKey":
        fk = case.arg
        return f"`{', '.join(fk.fields)}` → `{fk.resource}.{', '.join(fk.reference_fields)}`" in section
    _name, ftype, constraints, _desc = _codebook_row(text, res, case.field)
    arg = case.arg
    expected = {
        "type": lambda: ftype == arg,
        "format": lambda: f"format {arg}" in constraints,
        "required": lambda: "required" in constraints,
        "unique": lambda: "unique" in constraints,
        "enum": lambda: all(f"`{v}`" in constraints for v in arg),
        "pattern": lambda: f"pattern `{arg.replace('|', chr(92) + '|')}`" in constraints,
        "minLength": lambda: f"at least {arg} characters" in constraints,
        "maxLength": lambda: f"at most {arg} characters" in constraints,
        "minimum": lambda: re.search(rf"(at least |^|; ){re.escape(str(arg))}( to |;|$)", constraints) is not None,
        "maximum": lambda: re.search(rf"(at most | to ){re.escape(str(arg))}(;|$)", constraints) is not None,
    }
    return expected[case.kind]()


@pytest.fixture(scope="session")
def codebook() -> str:
    return render(PACKAGE)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_codebook_states_declared_constraint(codebook: str, case: Case):
    assert _stated(codebook, case), f"the codebook does not state {case.id} ({case.arg})"


@pytest.mark.parametrize(("table", "rule"), RULE_IDS, ids=[f"{t}.{r}" for t, r in RULE_IDS])
def test_codebook_states_record_rule(codebook: str, table: str, rule: str):
    stated = [r for r in RECORD_RULES[table] if rule in r.name.split(" / ")]
    assert len(stated) == 1
    section = codebook.split("## Checks beyond the declaration", 1)[1]
    assert f"- `{table}` ({stated[0].name}): {stated[0].description}" in section


def test_codebook_states_every_kind_of_constraint(small_pkg: Path):
    """A constraint kind not declared today (minimum length, a lone maximum) is still written
    into the codebook the day a field declares it, and enforced."""
    descriptor = small_pkg / "datapackage.json"
    d = json.loads(descriptor.read_text(encoding="utf-8"))
    people = next(r for r in d["resources"] if r["name"] == "people")
    name = next(f for f in people["schema"]["fields"] if f["name"] == "name")
    name["constraints"]["minLength"] = 3
    places = next(r for r in d["resources"] if r["name"] == "places")
    lat = next(f for f in places["schema"]["fields"] if f["name"] == "latitude")
    del lat["constraints"]["minimum"]
    descriptor.write_text(json.dumps(d), encoding="utf-8")
    read_package.cache_clear()
    package = read_package(small_pkg)
    text = render(package)
    assert "at least 3 characters" in _codebook_row(text, package.resource("people"), "name")[2]
    assert _codebook_row(text, package.resource("places"), "latitude")[2] == "at most 90"
    tables = {"people": rows(small_pkg / "people.csv")}
    _set(tables["people"], 1, name="Al")
    write_rows(small_pkg / "people.csv", tables["people"])
    hits = _hits(check(small_pkg), "people.csv", "name", "min-length")
    assert [p.line for p in hits] == [3]
