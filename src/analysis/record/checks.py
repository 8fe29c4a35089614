"""Where data is checked: every rule of the declaration, plus the record's own rules.

All checks run over whole columns (Arrow compute), collect every failure, and locate each one
by file, line, column and value. The declaration's constraints (type, required, unique, enum,
pattern, length, range, primary and foreign keys) come from ``datapackage.json``; the rules it
cannot express (date precision, coordinates in pairs, ...) are listed in :data:`RECORD_RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from threading import Lock

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.errors import Problem
from analysis.record.declaration import Field, Package, Resource
from analysis.record.reading import RawTable

#: At most this many located problems per file, column and rule; the rest are counted.
MAX_PER_RULE = 200

URI_PATTERN = r"^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$"
NUMBER_PATTERN = r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"
INTEGER_PATTERN = r"^[-+]?[0-9]+$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


@dataclass
class Checked:
    """The outcome of validating a package: its raw tables and every problem found."""

    package: Package
    tables: dict[str, RawTable]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def rows_checked(self) -> int:
        return sum(t.table.num_rows for t in self.tables.values() if t.table is not None)


class _Collector:
    def __init__(self, raw: RawTable):
        self.raw = raw
        self.problems: list[Problem] = []
        self._encoded: dict[str, pa.DictionaryArray] = {}
        self._lock = Lock()
        res = raw.resource
        #: columns that keys use: they are dictionary-encoded once and every check reuses that
        self.keyed = {*res.primary_key, *(c for fk in res.foreign_keys for c in fk.fields)}

    def fork(self) -> _Collector:
        """A collector of the same table with its own problem list (for a rule run in parallel),
        sharing the encodings already computed."""
        twin = _Collector.__new__(_Collector)
        twin.raw, twin.problems, twin._encoded, twin._lock, twin.keyed = self.raw, [], self._encoded, self._lock, self.keyed
        return twin

    def encoded(self, column: str) -> pa.DictionaryArray:
        """The column dictionary-encoded (distinct values + row codes), computed once."""
        with self._lock:
            if column not in self._encoded:
                self._encoded[column] = pc.dictionary_encode(self.raw.table.column(column).combine_chunks())
            return self._encoded[column]

    def rows_with(self, column: str, bad_values: np.ndarray, rule: str, message: str | Callable[[str], str]) -> None:
        """Record a problem on every row whose value is flagged in ``bad_values`` (a mask over the
        column's distinct values)."""
        enc = self.encoded(column)
        self.rows(bad_values[enc.indices.to_numpy()], column, rule, message)

    def rows(self, mask: pa.Array | np.ndarray, column: str | None, rule: str, message: str | Callable[[str], str],
             values: pa.Array | None = None, severity: str = "error") -> None:
        """Record a problem for every row where ``mask`` is true."""
        mask_np = mask if isinstance(mask, np.ndarray) else _np(mask)
        idx = np.flatnonzero(mask_np)
        if idx.size == 0:
            return
        col = values if values is not None else (self.raw.table.column(column) if column else None)
        for i in idx[:MAX_PER_RULE]:
            value = None if col is None else col[int(i)].as_py()
            text = message(value) if callable(message) else message
            self.problems.append(Problem(self.raw.label, self.raw.line_of(int(i)), column, value, rule, text, severity))
        if idx.size > MAX_PER_RULE:
            self.problems.append(
                Problem(self.raw.label, None, column, None, rule, f"... and {idx.size - MAX_PER_RULE} more rows fail this rule",
                        severity)
            )


def parse_dates(values: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """ISO dates (strings) as date32; empty or invalid values become null.

    Parses each distinct value once, so a million rows over a few thousand days cost little.
    """
    encoded = pc.dictionary_encode(values)
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    out = []
    for chunk in chunks:
        out.append(pc.take(_dates_of(chunk.dictionary), chunk.indices))
    return pa.chunked_array(out, type=pa.date32()) if isinstance(encoded, pa.ChunkedArray) else out[0]


def _dates_of(strings: pa.Array) -> pa.Array:
    ok_form = pc.fill_null(pc.match_substring_regex(strings, DATE_PATTERN), False)
    candidates = pc.if_else(ok_form, strings, pa.scalar(None, pa.string()))
    try:
        return pc.cast(candidates, pa.date32())
    except pa.ArrowInvalid:  # some impossible day such as 2023-02-30: parse one by one
        parsed = []
        for v in candidates.to_pylist():
            try:
                parsed.append(pc.cast(pa.scalar(v, pa.string()), pa.date32()).as_py() if v else None)
            except pa.ArrowInvalid:
                parsed.append(None)
        return pa.array(parsed, type=pa.date32())


def _check_field(col: _Collector, f: Field) -> None:
    """Every declared constraint of one column, decided on its distinct values."""
    values = col.raw.table.column(f.name)
    if len(values) == 0:
        return
    if f.name not in col.keyed and f.type == "string" and f.enum is None and f.pattern is None:
        _check_free_text(col, f, values)
        return
    uniq = col.encoded(f.name).dictionary
    empty = pc.equal(pc.utf8_length(uniq), 0)
    present = pc.invert(empty)
    checks: list[tuple[pa.Array, str, str]] = []  # (bad mask over uniq, rule, message)
    if f.required:
        checks.append((empty, "required", "a value is required here"))
    checks.append((pc.not_equal(pc.utf8_trim_whitespace(uniq), uniq), "whitespace", "remove leading or trailing spaces"))

    def bad(ok: pa.Array) -> pa.Array:
        return pc.and_(present, pc.invert(pc.fill_null(ok, False)))

    if f.type == "date":
        checks.append((bad(pc.is_valid(_dates_of(uniq))), "type", "not a calendar date in the form YYYY-MM-DD"))
    elif f.type in ("number", "integer"):
        ok_num = pc.match_substring_regex(uniq, NUMBER_PATTERN if f.type == "number" else INTEGER_PATTERN)
        checks.append((bad(ok_num), "type", f"not a{'n integer' if f.type == 'integer' else ' number'}"))
        if f.minimum is not None or f.maximum is not None:
            numeric = pc.and_(present, pc.fill_null(ok_num, False))
            nums = pc.cast(pc.if_else(numeric, uniq, "0"), pa.float64())
            if f.minimum is not None:
                checks.append((pc.and_(numeric, pc.less(nums, f.minimum)), "minimum", f"must be at least {f.minimum}"))
            if f.maximum is not None:
                checks.append((pc.and_(numeric, pc.greater(nums, f.maximum)), "maximum", f"must be at most {f.maximum}"))
    elif f.type == "boolean":
        checks.append((bad(pc.is_in(uniq, pa.array(TRUE_VALUES + FALSE_VALUES))), "type", "not a boolean (true or false)"))
    if f.format == "uri":
        checks.append((bad(pc.match_substring_regex(uniq, URI_PATTERN)), "format",
                       "not a web address (http:// or https:// followed by a host)"))
    if f.enum is not None:
        checks.append((bad(pc.is_in(uniq, pa.array(f.enum))), "enum", f"not one of the allowed values: {', '.join(f.enum)}"))
    if f.pattern is not None:
        checks.append((bad(pc.match_substring_regex(uniq, f"^(?:{f.pattern})$")), "pattern", f"does not match the pattern {f.pattern}"))
    if f.max_length is not None:
        checks.append((pc.greater(pc.utf8_length(uniq), f.max_length), "max-length", f"longer than {f.max_length} characters"))
    if f.min_length is not None:
        checks.append((pc.and_(present, pc.less(pc.utf8_length(uniq), f.min_length)), "min-length",
                       f"shorter than {f.min_length} characters"))
    for mask, rule, message in checks:
        bad_uniq = _np(mask)
        if bad_uniq.any():
            col.rows_with(f.name, bad_uniq, rule, message)
    if f.unique and len(uniq) < len(values):
        dup = _duplicated(col, [f.name]) & pc.not_equal(pc.utf8_length(values), 0).to_numpy()
        col.rows(dup, f.name, "unique", "this value already appears on an earlier row")


def _check_free_text(col: _Collector, f: Field, values: pa.ChunkedArray) -> None:
    """Constraints of a free-text column (titles, summaries, URLs), checked row by row: such
    columns have nearly as many distinct values as rows, so encoding them would cost more."""
    if f.required:
        col.rows(_np(pc.equal(pc.utf8_length(values), 0)), f.name, "required", "a value is required here")
    col.rows(_np(pc.not_equal(pc.utf8_trim_whitespace(values), values)), f.name, "whitespace", "remove leading or trailing spaces")
    if f.format == "uri":
        ok = pc.or_(pc.equal(pc.utf8_length(values), 0), pc.match_substring_regex(values, URI_PATTERN))
        col.rows(_np(pc.invert(ok)), f.name, "format", "not a web address (http:// or https:// followed by a host)")
    if f.max_length is not None:
        col.rows(_np(pc.greater(pc.utf8_length(values), f.max_length)), f.name, "max-length", f"longer than {f.max_length} characters")
    if f.min_length is not None:
        n = pc.utf8_length(values)
        col.rows(_np(pc.and_(pc.greater(n, 0), pc.less(n, f.min_length))), f.name, "min-length", f"shorter than {f.min_length} characters")
    if f.unique:
        dup = _duplicated(col, [f.name]) & _np(pc.not_equal(pc.utf8_length(values), 0))
        col.rows(dup, f.name, "unique", "this value already appears on an earlier row")
    if f.format != "uri":
        formula = pc.match_substring_regex(values, "^[=+\\-@\t\r]")
        col.rows(_np(formula), f.name, "formula-like", "begins like a spreadsheet formula (= + - @); exports neutralise it, "
                 "but reword it if you can", severity="warning")


def _duplicated(col: _Collector, columns: Iterable[str]) -> np.ndarray:
    """True on every row whose key (all ``columns``) already appeared on an earlier row."""
    key = None
    for name in columns:
        enc = col.encoded(name)
        codes = enc.indices.to_numpy().astype(np.int64)
        key = codes if key is None else key * len(enc.dictionary) + codes
    if not (np.diff(np.sort(key)) == 0).any():  # the common case, about twice as fast as hashing
        return np.zeros(len(key), dtype=bool)
    return pd.Series(key).duplicated(keep="first").to_numpy()


def _check_primary_key(col: _Collector, res: Resource) -> None:
    if not res.primary_key:
        return
    t = col.raw.table
    keys = [t.column(k) for k in res.primary_key]
    if len(keys) == 1:
        if len(col.encoded(res.primary_key[0]).dictionary) == t.num_rows:
            return
        col.rows(_duplicated(col, res.primary_key), res.primary_key[0], "primary-key", "duplicate primary key")
        return
    dup = _duplicated(col, res.primary_key)
    if dup.any():
        joined = pc.binary_join_element_wise(*keys, " | ")
        col.rows(dup, "+".join(res.primary_key), "primary-key", f"duplicate primary key ({', '.join(res.primary_key)})", joined)


class _ParentKeys:
    """Distinct values of referenced columns, computed once however many tables refer to them."""

    def __init__(self, tables: dict[str, RawTable], collectors: dict[str, _Collector]):
        self.tables = tables
        self.collectors = collectors
        self.cache: dict[tuple[str, tuple[str, ...]], pa.Array | None] = {}
        self.lock = Lock()

    def get(self, resource: str, fields: tuple[str, ...]) -> pa.Array | None:
        with self.lock:
            key = (resource, fields)
            if key not in self.cache:
                target = self.tables.get(resource)
                if target is None or target.table is None:
                    self.cache[key] = None
                elif len(fields) == 1:
                    self.cache[key] = self.collectors[resource].encoded(fields[0]).dictionary
                else:
                    self.cache[key] = pc.unique(_joined(target.table, fields))
            return self.cache[key]


def _joined(table: pa.Table, fields: tuple[str, ...]) -> pa.ChunkedArray:
    if len(fields) == 1:
        return table.column(fields[0])
    return pc.binary_join_element_wise(*[table.column(c) for c in fields], "\x1f")


def _check_foreign_keys(col: _Collector, res: Resource, parents: _ParentKeys) -> None:
    t = col.raw.table
    if t.num_rows == 0:
        return  # nothing refers to anything: no parent key set needs building
    for fk in res.foreign_keys:
        parent = parents.get(fk.resource, fk.reference_fields)
        if parent is None:
            continue  # the missing or unreadable target is reported on its own
        target_name = f"{fk.resource}.{'+'.join(fk.reference_fields)}"
        if len(fk.fields) == 1:
            uniq = col.encoded(fk.fields[0]).dictionary
            missing = _np(pc.and_(pc.greater(pc.utf8_length(uniq), 0), pc.invert(pc.is_in(uniq, value_set=parent))))
            if missing.any():
                col.rows_with(fk.fields[0], missing, "foreign-key", f"no such value in {target_name}")
            continue
        child = _joined(t, fk.fields)
        uniq = pc.unique(child)
        present = pc.greater(pc.utf8_length(uniq), len(fk.fields) - 1)
        bad = uniq.filter(pc.and_(present, pc.invert(pc.is_in(uniq, value_set=parent))))
        if len(bad):
            col.rows(_np(pc.is_in(child, value_set=bad)), "+".join(fk.fields), "foreign-key", f"no such value in {target_name}", child)


def _np(array: pa.ChunkedArray | pa.Array) -> np.ndarray:
    if array.type == pa.bool_():
        array = pc.fill_null(array, False)
    return array.to_numpy(zero_copy_only=False)
