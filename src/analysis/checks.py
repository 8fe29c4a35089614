"""Where data is checked: every rule of the declaration, plus the record's own rules.

All checks run over whole columns (Arrow compute), collect every failure, and locate each one
by file, line, column and value. The declaration's constraints (type, required, unique, enum,
pattern, length, range, primary and foreign keys) come from ``datapackage.json``; the rules it
cannot express (date precision, coordinates in pairs, ...) are listed in :data:`RECORD_RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.errors import Problem
from analysis.package import Field, Package, Resource
from analysis.readcsv import RawTable, read_raw

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
        return not self.problems

    @property
    def rows_checked(self) -> int:
        return sum(t.table.num_rows for t in self.tables.values() if t.table is not None)


class _Collector:
    def __init__(self, raw: RawTable):
        self.raw = raw
        self.problems: list[Problem] = []

    def rows(self, mask: pa.Array | np.ndarray, column: str | None, rule: str, message: str | Callable[[str], str],
             values: pa.Array | None = None) -> None:
        """Record a problem for every row where ``mask`` is true."""
        mask_np = mask if isinstance(mask, np.ndarray) else pc.fill_null(mask, False).to_numpy(zero_copy_only=False)
        idx = np.flatnonzero(mask_np)
        if idx.size == 0:
            return
        col = values if values is not None else (self.raw.table.column(column) if column else None)
        for i in idx[:MAX_PER_RULE]:
            value = None if col is None else col[int(i)].as_py()
            text = message(value) if callable(message) else message
            self.problems.append(Problem(self.raw.label, self.raw.line_of(int(i)), column, value, rule, text))
        if idx.size > MAX_PER_RULE:
            self.problems.append(
                Problem(self.raw.label, None, column, None, rule, f"... and {idx.size - MAX_PER_RULE} more rows fail this rule")
            )


def validate(package: Package, tables: dict[str, RawTable] | None = None) -> Checked:
    """Check every resource of ``package``; read the files unless ``tables`` are given."""
    if tables is None:
        tables = {r.name: read_raw(r, package.data_dir) for r in package.resources}
    problems: list[Problem] = []
    for res in package.resources:
        raw = tables[res.name]
        problems.extend(raw.problems)
        if raw.table is None:
            continue
        col = _Collector(raw)
        for f in res.fields:
            _check_field(col, f)
        _check_primary_key(col, res)
        _check_foreign_keys(col, res, tables)
        for rule in RECORD_RULES.get(res.name, ()):
            rule.check(col)
        problems.extend(col.problems)
    return Checked(package=package, tables=tables, problems=problems)


def _check_field(col: _Collector, f: Field) -> None:
    values = col.raw.table.column(f.name).combine_chunks() if col.raw.table.column(f.name).num_chunks != 1 else col.raw.table.column(f.name).chunk(0)
    if len(values) == 0:
        return
    empty = pc.equal(pc.utf8_length(values), 0)
    present = pc.invert(empty)
    if f.required:
        col.rows(empty, f.name, "required", "a value is required here", values)
    stripped = pc.not_equal(pc.utf8_trim_whitespace(values), values)
    col.rows(stripped, f.name, "whitespace", "remove leading or trailing spaces", values)

    def bad(mask: pa.Array) -> pa.Array:
        return pc.and_(present, pc.invert(mask))

    if f.type == "date":
        ok_form = pc.match_substring_regex(values, DATE_PATTERN)
        parsed = pc.strptime(pc.if_else(ok_form, values, "1970-01-01"), format="%Y-%m-%d", unit="s", error_is_null=True)
        roundtrip = pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), values)
        col.rows(bad(pc.fill_null(pc.and_(ok_form, roundtrip), False)), f.name, "type",
                 "not a calendar date in the form YYYY-MM-DD", values)
    elif f.type in ("number", "integer"):
        pattern = NUMBER_PATTERN if f.type == "number" else INTEGER_PATTERN
        ok_num = pc.match_substring_regex(values, pattern)
        col.rows(bad(ok_num), f.name, "type", f"not a{'n integer' if f.type == 'integer' else ' number'}", values)
        if f.minimum is not None or f.maximum is not None:
            nums = pc.cast(pc.if_else(pc.and_(present, ok_num), values, "0"), pa.float64())
            if f.minimum is not None:
                col.rows(pc.less(nums, f.minimum), f.name, "minimum", f"must be at least {f.minimum}", values)
            if f.maximum is not None:
                col.rows(pc.greater(nums, f.maximum), f.name, "maximum", f"must be at most {f.maximum}", values)
    elif f.type == "boolean":
        ok_bool = pc.is_in(values, pa.array(TRUE_VALUES + FALSE_VALUES))
        col.rows(bad(ok_bool), f.name, "type", "not a boolean (true or false)", values)
    if f.format == "uri":
        col.rows(bad(pc.match_substring_regex(values, URI_PATTERN)), f.name, "format",
                 "not a web address (http:// or https:// followed by a host)", values)
    if f.enum is not None:
        allowed = ", ".join(f.enum)
        col.rows(bad(pc.is_in(values, pa.array(f.enum))), f.name, "enum", f"not one of the allowed values: {allowed}", values)
    if f.pattern is not None:
        col.rows(bad(pc.match_substring_regex(values, f"^(?:{f.pattern})$")), f.name, "pattern",
                 f"does not match the pattern {f.pattern}", values)
    if f.max_length is not None:
        col.rows(pc.greater(pc.utf8_length(values), f.max_length), f.name, "max-length",
                 f"longer than {f.max_length} characters", values)
    if f.min_length is not None:
        col.rows(pc.and_(present, pc.less(pc.utf8_length(values), f.min_length)), f.name, "min-length",
                 f"shorter than {f.min_length} characters", values)
    if f.unique:
        dup = _duplicated([values]) & present.to_numpy(zero_copy_only=False)
        col.rows(dup, f.name, "unique", "this value already appears on an earlier row", values)


def _duplicated(columns: Iterable[pa.Array]) -> np.ndarray:
    frame = pd.DataFrame({str(i): c.to_pandas() for i, c in enumerate(columns)})
    return frame.duplicated(keep="first").to_numpy()


def _check_primary_key(col: _Collector, res: Resource) -> None:
    if not res.primary_key:
        return
    t = col.raw.table
    keys = [t.column(k).combine_chunks() for k in res.primary_key]
    dup = _duplicated(keys)
    if len(res.primary_key) == 1:
        col.rows(dup, res.primary_key[0], "primary-key", "duplicate primary key", keys[0])
    else:
        joined = pc.binary_join_element_wise(*keys, " | ")
        col.rows(dup, "+".join(res.primary_key), "primary-key",
                 f"duplicate primary key ({', '.join(res.primary_key)})", joined)


def _check_foreign_keys(col: _Collector, res: Resource, tables: dict[str, RawTable]) -> None:
    t = col.raw.table
    for fk in res.foreign_keys:
        target = tables.get(fk.resource)
        if target is None or target.table is None:
            continue  # the missing or unreadable target is reported on its own
        child = pc.binary_join_element_wise(*[t.column(c).combine_chunks() for c in fk.fields], "\x1f")
        parent = pc.binary_join_element_wise(*[target.table.column(c).combine_chunks() for c in fk.reference_fields], "\x1f")
        present = pc.greater(pc.utf8_length(child), len(fk.fields) - 1)
        missing = pc.and_(present, pc.invert(pc.is_in(child, parent.unique())))
        target_name = f"{fk.resource}.{'+'.join(fk.reference_fields)}"
        col.rows(missing, "+".join(fk.fields), "foreign-key", f"no such value in {target_name}", child)


# --- the record's own rules ------------------------------------------------------------------


@dataclass(frozen=True)
class RecordRule:
    """A rule the Frictionless declaration cannot express; listed in the codebook."""

    resource: str
    name: str
    description: str
    check: Callable[[_Collector], None]


def _frame(col: _Collector, names: list[str]) -> pd.DataFrame:
    t = col.raw.table
    return pd.DataFrame({n: t.column(n).to_pandas() for n in names})


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series.where(series.str.fullmatch(DATE_PATTERN[1:-1])), format="%Y-%m-%d", errors="coerce")


def _event_dates(col: _Collector) -> None:
    df = _frame(col, ["date_start", "date_end", "date_precision", "date_note"])
    start, end, prec = _dates(df.date_start), _dates(df.date_end), df.date_precision
    has_s, has_e = df.date_start != "", df.date_end != ""
    both = start.notna() & end.notna()
    col.rows((both & (end < start)).to_numpy(), "date_end", "date-order", "date_end is before date_start")
    unknown = prec == "unknown"
    col.rows((unknown & (has_s | has_e)).to_numpy(), "date_precision", "date-precision",
             "precision 'unknown' must leave date_start and date_end empty")
    col.rows((~unknown & prec.isin(_PRECISIONS) & ~(has_s & has_e)).to_numpy(), "date_precision", "date-precision",
             lambda v: f"precision '{v}' needs both date_start and date_end")
    col.rows((both & (prec == "day") & (start != end)).to_numpy(), "date_end", "date-precision",
             "precision 'day' needs date_end equal to date_start")
    col.rows((both & prec.isin(["span", "window"]) & (end <= start)).to_numpy(), "date_end", "date-precision",
             "precision 'span' or 'window' needs date_end after date_start")
    month_ok = (start.dt.day == 1) & (end == start + pd.offsets.MonthEnd(0))
    col.rows((both & (prec == "month") & ~month_ok).to_numpy(), "date_start", "date-precision",
             "precision 'month' needs date_start on the 1st and date_end on the last day of the same month")
    year_ok = (start.dt.month == 1) & (start.dt.day == 1) & (end.dt.month == 12) & (end.dt.day == 31) & (start.dt.year == end.dt.year)
    col.rows((both & (prec == "year") & ~year_ok).to_numpy(), "date_start", "date-precision",
             "precision 'year' needs date_start 1 January and date_end 31 December of the same year")
    col.rows(((prec == "window") & (df.date_note == "")).to_numpy(), "date_note", "date-evidence",
             "a date window needs its evidence in date_note")


_PRECISIONS = ["day", "span", "month", "year", "window"]


def _initiative_dates(col: _Collector) -> None:
    df = _frame(col, ["start_date", "start_precision", "end_date", "end_precision"])
    for d, p in (("start_date", "start_precision"), ("end_date", "end_precision")):
        col.rows(((df[d] != "") != (df[p] != "")).to_numpy(), p, "date-precision",
                 f"{p} must be given exactly when {d} is")
    start, end = _dates(df.start_date), _dates(df.end_date)
    col.rows((start.notna() & end.notna() & (end < start)).to_numpy(), "end_date", "date-order", "end_date is before start_date")


def _coordinates(col: _Collector) -> None:
    df = _frame(col, ["kind", "country_code", "latitude", "longitude"])
    col.rows(((df.latitude == "") != (df.longitude == "")).to_numpy(), "latitude", "coordinates",
             "latitude and longitude must be given together")
    on_site = df.kind != "online"
    col.rows((on_site & (df.country_code == "")).to_numpy(), "country_code", "required",
             "a city or site needs its country")
    col.rows((~on_site & ((df.latitude != "") | (df.country_code != ""))).to_numpy(), "kind", "coordinates",
             "an online place has no country or coordinates")


RECORD_RULES: dict[str, tuple[RecordRule, ...]] = {
    "events": (
        RecordRule("events", "date-order / date-precision / date-evidence",
                   "date_end is not before date_start; 'day' means start = end; 'span' and 'window' mean end after start; "
                   "'month' covers exactly one calendar month; 'year' exactly one calendar year; 'unknown' leaves both "
                   "dates empty, every other precision needs both; a 'window' needs its evidence in date_note.",
                   _event_dates),
    ),
    "initiatives": (
        RecordRule("initiatives", "date-precision / date-order",
                   "A precision is given exactly when its date is; end_date is not before start_date.", _initiative_dates),
    ),
    "places": (
        RecordRule("places", "coordinates",
                   "Latitude and longitude come together; cities and sites have a country; online places have neither.",
                   _coordinates),
    ),
}


def validate_dir(data_dir: Path) -> Checked:
    from analysis.package import read_package

    return validate(read_package(Path(data_dir).resolve()))
