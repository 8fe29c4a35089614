"""The record's own rules: what the Frictionless declaration cannot express.

Each rule is listed in the codebook with its description. Table rules see one table
(``_Collector``); record rules (scope, duplicates) see every table once all are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.record.checks import _Collector, _np, parse_dates


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


def _event_dates(col: _Collector) -> None:
    t = col.raw.table
    prec, note = t.column("date_precision"), t.column("date_note")
    s_raw, e_raw = t.column("date_start"), t.column("date_end")
    start, end = parse_dates(s_raw), parse_dates(e_raw)
    has_s, has_e = pc.not_equal(pc.utf8_length(s_raw), 0), pc.not_equal(pc.utf8_length(e_raw), 0)
    both = pc.and_(pc.is_valid(start), pc.is_valid(end))

    def when(*masks):
        out = masks[0]
        for m in masks[1:]:
            out = pc.and_(out, m)
        return _np(out)

    def is_(value):
        return pc.equal(prec, value)

    col.rows(when(both, pc.less(end, start)), "date_end", "date-order", "date_end is before date_start")
    col.rows(when(is_("unknown"), pc.or_(has_s, has_e)), "date_precision", "date-precision",
             "precision 'unknown' must leave date_start and date_end empty")
    col.rows(when(pc.is_in(prec, pa.array(_PRECISIONS)), pc.invert(pc.and_(has_s, has_e))), "date_precision",
             "date-precision", lambda v: f"precision '{v}' needs both date_start and date_end")
    col.rows(when(both, is_("day"), pc.not_equal(start, end)), "date_end", "date-precision",
             "precision 'day' needs date_end equal to date_start")
    col.rows(when(both, pc.is_in(prec, pa.array(["span", "window"])), pc.less_equal(end, start)), "date_end",
             "date-precision", "precision 'span' or 'window' needs date_end after date_start")
    day_after_end = pc.cast(pc.cast(pc.add(pc.cast(end, pa.int32()), 1), pa.int32()), pa.date32())
    same_month = pc.and_(pc.equal(pc.year(start), pc.year(end)), pc.equal(pc.month(start), pc.month(end)))
    month_ok = pc.and_(pc.and_(pc.equal(pc.day(start), 1), same_month), pc.equal(pc.day(day_after_end), 1))
    col.rows(when(both, is_("month"), pc.invert(month_ok)), "date_start", "date-precision",
             "precision 'month' needs date_start on the 1st and date_end on the last day of the same month")
    year_ok = pc.and_(pc.and_(pc.equal(pc.day_of_year(start), 1), pc.equal(pc.year(start), pc.year(end))),
                      pc.equal(pc.year(day_after_end), pc.add(pc.year(end), 1)))
    col.rows(when(both, is_("year"), pc.invert(year_ok)), "date_start", "date-precision",
             "precision 'year' needs date_start 1 January and date_end 31 December of the same year")
    col.rows(when(is_("window"), pc.equal(pc.utf8_length(note), 0)), "date_note", "date-evidence",
             "a date window needs its evidence in date_note")


_PRECISIONS = ["day", "span", "month", "year", "window"]


def _initiative_dates(col: _Collector) -> None:
    df = _frame(col, ["start_date", "start_precision", "end_date", "end_precision"])
    for d, p in (("start_date", "start_precision"), ("end_date", "end_precision")):
        col.rows(((df[d] != "") != (df[p] != "")).to_numpy(), p, "date-precision",
                 f"{p} must be given exactly when {d} is")
    start, end = parse_dates(col.raw.table.column("start_date")), parse_dates(col.raw.table.column("end_date"))
    col.rows(_np(pc.less(end, start)), "end_date", "date-order", "end_date is before start_date")


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


