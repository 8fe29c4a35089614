"""The record's own rules: what the Frictionless declaration cannot express.

Each rule is listed in the codebook with its description. Table rules see one table
(``_Collector``); record rules (scope, duplicates) see every table once all are read.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.record.checks import TRUE_VALUES, _Collector, _np, parse_dates


@dataclass(frozen=True)
class RecordRule:
    """A rule the Frictionless declaration cannot express; listed in the codebook."""

    resource: str
    name: str
    description: str
    check: Callable[..., None]
    #: other tables the rule reads; it gets their collectors as keyword arguments and is
    #: skipped when one of them could not be read (that file's own problem is reported)
    uses: tuple[str, ...] = ()

    def run(self, col: _Collector, collectors: dict[str, _Collector]) -> None:
        others = {name: collectors[name] for name in self.uses if name in collectors}
        if len(others) < len(self.uses) or any(c.raw.table is None for c in others.values()):
            return
        self.check(col, **others)


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


def _strings(col: _Collector, names: list[str]) -> pd.DataFrame:
    return _frame(col, names).fillna("")


def _scope(col: _Collector, event_topics: _Collector, topics: _Collector) -> None:
    tp = topics.raw.table
    in_scope = pc.filter(tp.column("topic_id"), pc.is_in(tp.column("in_scope"), pa.array(TRUE_VALUES)))
    et = event_topics.raw.table
    covered = pc.unique(pc.filter(et.column("event_id"), pc.is_in(et.column("topic_id"), in_scope)))
    ids = col.raw.table.column("event_id")
    col.rows(_np(pc.invert(pc.is_in(ids, covered))), "event_id", "scope",
             lambda v: f"event {v} has no in-scope topic (in_scope=true in topics.csv); "
                       "give it the topic its page supports, or remove it from the record")


#: titles at least this similar (rapidfuzz token-set ratio, 0-100) on the same dates and place flag a duplicate
TITLE_SIMILARITY = 80


def _repeated(table: pa.Table, keys: list[str], distinct: str) -> pa.Table:
    """Rows of ``table`` whose ``keys`` occur more than once, with more than one ``distinct`` value
    (candidates only: one hash pass over the key finds the few repeated values)."""
    key = table.column(keys[0]) if len(keys) == 1 else pc.binary_join_element_wise(*[table.column(k) for k in keys], "\x1f")
    counts = pc.value_counts(key)
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    if len(repeated) == 0:
        return table.slice(0, 0)
    rows = table.filter(pc.is_in(key, repeated))
    # the same event listing one page twice is not a repetition
    return rows if len(keys) > 1 else rows.group_by([*keys, distinct]).aggregate([]).join(
        rows.group_by(keys).aggregate([(distinct, "count_distinct")]).filter(
            pc.greater(pc.field(f"{distinct}_count_distinct"), 1)).select(keys), keys=keys, join_type="inner")


def _duplicates(col: _Collector, event_sources: _Collector, distinct_events: _Collector) -> None:
    from rapidfuzz import fuzz, utils

    t = col.raw.table
    ev = pa.table({"event_id": t.column("event_id"), "title": t.column("title"), "date_start": t.column("date_start"),
                   "date_end": t.column("date_end"), "place_id": t.column("place_id"), "row": pa.array(np.arange(t.num_rows))})
    src = event_sources.raw.table
    urls = pa.concat_tables([
        pa.table({"url": t.column("source_url"), "event_id": t.column("event_id")}),
        pa.table({"url": src.column("url"), "event_id": src.column("event_id")}),
    ])
    by_page = _repeated(urls, ["url"], "event_id").join(ev, keys="event_id", join_type="inner")
    dated = ev.filter(pc.and_(pc.not_equal(ev.column("date_start"), ""), pc.not_equal(ev.column("place_id"), "")))
    by_place = _repeated(dated, ["date_start", "date_end", "place_id"], "event_id")
    if by_page.num_rows == 0 and by_place.num_rows == 0:
        return
    dist = _strings(distinct_events, ["event_id", "other_event_id"])
    allowed = {frozenset(p) for p in zip(dist.event_id, dist.other_event_id, strict=True)}
    found: dict[int, str] = {}  # row of the later event -> message
    ids = t.column("event_id")

    def flag(i: int, j: int, why: str) -> None:
        a, b = sorted((i, j))
        first, later = ids[a].as_py(), ids[b].as_py()
        if frozenset((first, later)) not in allowed and b not in found:
            found[b] = f"looks like a duplicate of {first} ({why}); merge the rows, or list the pair in distinct_events.csv with the reason"

    # the candidates are few: plain Python over them (pandas' per-group overhead cost more than the rule's work)
    pages: dict[str, dict[int, tuple]] = {}
    page_rows = by_page.select(["url", "row"]).append_column("start", parse_dates(by_page.column("date_start"))) \
        .append_column("end", parse_dates(by_page.column("date_end")))
    for r in page_rows.to_pylist():
        pages.setdefault(r["url"], {})[r["row"]] = (r["start"], r["end"])
    for url in sorted(pages):  # the order of the flags decides which earlier event a message names
        spans = sorted(pages[url].items())
        for k, (i, (s1, e1)) in enumerate(spans):
            for j, (s2, e2) in spans[k + 1:]:
                if None not in (s1, e1, s2, e2) and s1 <= e2 and s2 <= e1:
                    flag(i, j, "same source page, overlapping dates")
    places: dict[tuple, list[tuple[int, str]]] = {}
    for r in by_place.select(["date_start", "date_end", "place_id", "row", "title"]).to_pylist():
        places.setdefault((r["date_start"], r["date_end"], r["place_id"]), []).append((r["row"], utils.default_process(r["title"])))
    for key in sorted(places):
        group = sorted(places[key])
        for k, (i, a) in enumerate(group):
            for j, b in group[k + 1:]:
                if fuzz.token_set_ratio(a, b) >= TITLE_SIMILARITY:
                    flag(i, j, "same dates and place, near-identical title")
    mask = np.zeros(t.num_rows, dtype=bool)
    mask[list(found)] = True
    row_of = {ids[r].as_py(): r for r in found}
    col.rows(mask, "event_id", "duplicate", lambda v: found[row_of[v]])


def _name_periods(col: _Collector) -> None:
    t = col.raw.table
    start, end = parse_dates(t.column("valid_from")), parse_dates(t.column("valid_to"))
    col.rows(_np(pc.less(end, start)), "valid_to", "date-order", "valid_to is before valid_from")
    df = pd.DataFrame({"org": t.column("org_id").to_pandas(), "start": start.to_pandas(), "end": end.to_pandas()})
    df["row"] = np.arange(len(df))
    lo, hi = pd.Timestamp.min.date(), pd.Timestamp.max.date()
    overlap = np.zeros(len(df), dtype=bool)
    for _, group in df[df.duplicated("org", keep=False)].groupby("org"):
        spans = sorted((s if pd.notna(s) else lo, e if pd.notna(e) else hi, r) for s, e, r in zip(group.start, group.end, group.row, strict=True))
        for (_, prev_end, _), (start_, _, row) in itertools.pairwise(spans):
            if start_ <= prev_end:
                overlap[row] = True
    col.rows(overlap, "valid_from", "name-periods", "this name's period overlaps another name of the same organisation")


def _one_preferred(col: _Collector) -> None:
    t = col.raw.table
    df = pd.DataFrame({k: t.column(k).to_pandas() for k in ("indicator_id", "area", "year")})
    df["preferred"] = t.column("preferred").to_pandas().astype(str).str.strip().str.lower().isin(TRUE_VALUES)
    per_year = df.groupby(["indicator_id", "area", "year"], dropna=False).preferred.transform("sum")
    col.rows((per_year != 1).to_numpy() & (df.preferred | (per_year == 0)).to_numpy(), "preferred", "one-preferred",
             "exactly one row per indicator, area and year is preferred")


def _people_bodies(col: _Collector, event_organisations: _Collector) -> None:
    ep, eo = col.raw.table, event_organisations.raw.table
    linked = pc.binary_join_element_wise(eo.column("event_id"), eo.column("org_id"), "|")
    pairs = pc.binary_join_element_wise(ep.column("event_id"), ep.column("org_id"), "|")
    given = pc.not_equal(pc.utf8_length(pc.fill_null(ep.column("org_id"), "")), 0)
    col.rows(pc.and_(given, pc.invert(pc.fill_null(pc.is_in(pairs, linked), False))), "org_id", "person-body",
             lambda v: f"this person's body {v} is not linked to the event in event_organisations.csv; link it (a body "
                       "takes part through its people) or leave org_id empty")


def _retired(col: _Collector, retired_events: _Collector) -> None:
    gone = retired_events.raw.table.column("event_id")
    col.rows(pc.fill_null(pc.is_in(col.raw.table.column("event_id"), gone), False), "event_id", "retired-id",
             lambda v: f"{v} is a retired id (retired_events.csv): an id is never given to another event; give this event "
                       "the next free id")


#: a Latin letter next to a Cyrillic one inside a word: a look-alike letter copied from a page ("Joхaнeс", "Mинистерството");
#: RE2 syntax, as pyarrow matches it (scripts/sheet_person_aliases.py uses it too)
MIXED_SCRIPT = r"[\p{Latin}][\p{Cyrillic}]|[\p{Cyrillic}][\p{Latin}]"


def _mixed_script(col: _Collector) -> None:
    t = col.raw.table
    for name in ("name", "aliases"):
        if name in t.column_names:
            bad = pc.fill_null(pc.match_substring_regex(t.column(name), MIXED_SCRIPT), False)
            col.rows(_np(bad), name, "one-script",
                     lambda v: f"{v!r} mixes Latin and Cyrillic letters in one word (a look-alike letter copied from a page); "
                               "write each word in one script, so that searches and matching find it")


#: a curation log's search number ("q14 of the family6-border log", "query 12"): the record's text cites pages, never working files
CURATION_TRACE = r"\bq\d{1,3}(?:-q\d{1,3})?\b|\bquer(?:y|ies) \d+|\bof the [\w-]+ log\b"


def _curation_trace(col: _Collector) -> None:
    t = col.raw.table
    for name in ("title", "summary", "date_note"):
        bad = pc.fill_null(pc.match_substring_regex(t.column(name), CURATION_TRACE), False)
        col.rows(_np(bad), name, "no-curation-trace",
                 lambda v: f"{v[:80]!r}... cites a curation log's search number; give the page's own words as the "
                           "evidence (the logs are working files, not sources)")


#: kinds of body that are the state: taking part, they make their country a participant (the codebook's "national authority")
AUTHORITY_KINDS = ("government", "police")

#: international administrations that governed a territory and acted for it: taking part, they make it a participant, as
#: its own authorities would (UNMIK under UN Security Council resolution 1244 for Kosovo*)
ADMINISTRATIONS = {"united-nations-interim-administration-mission-in-kosovo": "XK", "unmik-police": "XK",
                   "unmik-office-of-returns-and-communities": "XK", "unmik-department-of-reconstruction": "XK"}


def _authority_countries(col: _Collector, organisations: _Collector, event_countries: _Collector) -> None:
    eo, orgs, ec = col.raw.table, organisations.raw.table, event_countries.raw.table
    state = pc.and_(pc.is_in(orgs.column("kind"), pa.array(AUTHORITY_KINDS)),
                    pc.not_equal(pc.utf8_length(pc.fill_null(orgs.column("country_code"), "")), 0))
    country = dict(zip(pc.filter(orgs.column("org_id"), state).to_pylist(), pc.filter(orgs.column("country_code"), state).to_pylist(),
                       strict=True)) | ADMINISTRATIONS
    present = set(zip(ec.column("event_id").to_pylist(), ec.column("country_code").to_pylist(), strict=True))
    events, bodies, roles = eo.column("event_id").to_pylist(), eo.column("org_id").to_pylist(), eo.column("role").to_pylist()
    bad = np.array([b in country and r not in ("donor", "named") and (e, country[b]) not in present
                    for e, b, r in zip(events, bodies, roles, strict=True)], dtype=bool)
    col.rows(bad, "org_id", "authority-country",
             lambda v: f"{v} is a state body (or an administration acting for a territory) taking part, but its country "
                       f"({country.get(v)}) is not in event_countries.csv for this event; add the country, or give the body "
                       "the role the page states (donor, named)")


#: roles that already say a body took part: `participant` beside one of them repeats it
TAKING_PART = ("host", "organiser", "partner")


def redundant_roles(roles: set[str]) -> set[str]:
    """Of one body's roles at one event, those another role already states (rule one-body-one-part): `participant`
    beside host, organiser or partner, and `named` beside any other role."""
    extra = {"participant"} if roles & set(TAKING_PART) else set()
    return extra | ({"named"} if len(roles) > 1 else set())


def _redundant_roles(col: _Collector) -> None:
    eo = col.raw.table
    pairs = list(zip(eo.column("event_id").to_pylist(), eo.column("org_id").to_pylist(), strict=True))
    roles = eo.column("role").to_pylist()
    held: dict[tuple[str, str], set[str]] = {}
    for pair, role in zip(pairs, roles, strict=True):
        held.setdefault(pair, set()).add(role)
    bad = np.array([r in redundant_roles(held[p]) for p, r in zip(pairs, roles, strict=True)], dtype=bool)
    col.rows(bad, "role", "one-body-one-part",
             lambda v: f"this body is linked to the event in another role too, which already states its part: drop this "
                       f"'{v}' link (`participant` stays only beside `donor` or `trainer`, when the page says both)")


RECORD_RULES: dict[str, tuple[RecordRule, ...]] = {
    "events": (
        RecordRule("events", "date-order / date-precision / date-evidence",
                   "date_end is not before date_start; 'day' means start = end; 'span' and 'window' mean end after start; "
                   "'month' covers exactly one calendar month; 'year' exactly one calendar year; 'unknown' leaves both "
                   "dates empty, every other precision needs both; a 'window' needs its evidence in date_note.",
                   _event_dates),
        RecordRule("events", "scope",
                   "Every event carries at least one topic whose `in_scope` is true in topics.csv (migration, asylum, refugees, "
                   "return and readmission, border management, trafficking in human beings, migrant smuggling, labour migration "
                   "and diaspora); police or judicial cooperation counts only when explicitly aimed at these.",
                   _scope, ("event_topics", "topics")),
        RecordRule("events", "duplicate",
                   "Two events that share a source page (source_url or event_sources) and have overlapping dates, or that have "
                   f"the same dates and place and near-identical titles (token-set similarity {TITLE_SIMILARITY}/100 or more), are "
                   "reported unless distinct_events.csv lists the pair with the reason.",
                   _duplicates, ("event_sources", "distinct_events")),
        RecordRule("events", "no-curation-trace",
                   "Titles, summaries and date notes cite pages, never a curation log's search numbers ('q14 of the log'): "
                   "a reader has the pages, not the working files.",
                   _curation_trace),
        RecordRule("events", "retired-id",
                   "No event carries an id listed in retired_events.csv: the id of a row that was merged or removed is never "
                   "given to another event, so a citation of it cannot lead to the wrong event.",
                   _retired, ("retired_events",)),
    ),
    "event_organisations": (
        RecordRule("event_organisations", "authority-country",
                   "A government or police body (a national authority) taking part in an event, in any role but `donor` or "
                   "`named`, has its country in event_countries: the country takes part through its authorities. UNMIK and its "
                   "offices, which governed Kosovo* under resolution 1244 and acted for it, count as Kosovo's authorities.",
                   _authority_countries, ("organisations", "event_countries")),
        RecordRule("event_organisations", "one-body-one-part",
                   "A body linked to one event in several roles has no `participant` link beside `host`, `organiser` or "
                   "`partner` (those already say it took part), and no `named` link beside any other role (`named` is for a "
                   "body whose role the page does not state).", _redundant_roles),
    ),
    "people": (
        RecordRule("people", "one-script", "Names and aliases write each word in one script, Latin or Cyrillic: no look-alike "
                   "letter of the other script inside a word.", _mixed_script),
    ),
    "organisations": (
        RecordRule("organisations", "one-script", "As for people: each word of a name or alias in one script.", _mixed_script),
    ),
    "event_people": (
        RecordRule("event_people", "person-body",
                   "A person's body at an event (`org_id`) is one of the event's organisations: a body takes part through "
                   "the people the page ties to it.", _people_bodies, ("event_organisations",)),
    ),
    "initiatives": (
        RecordRule("initiatives", "date-precision / date-order",
                   "A precision is given exactly when its date is; end_date is not before start_date.", _initiative_dates),
    ),
    "organisation_names": (
        RecordRule("organisation_names", "date-order / name-periods",
                   "valid_to is not before valid_from, and the periods of one organisation's names do not overlap, so "
                   "exactly one name is in force on any date.", _name_periods),
    ),
    "context_indicators": (
        RecordRule("context_indicators", "one-preferred",
                   "Exactly one row per indicator, area and year has `preferred` true: the value reports draw; the others "
                   "keep other pages' figures for the same year.", _one_preferred),
    ),
    "places": (
        RecordRule("places", "coordinates",
                   "Latitude and longitude come together; cities and sites have a country; online places have neither.",
                   _coordinates),
        RecordRule("places", "one-script", "As for people: each word of a place's name in one script.", _mixed_script),
    ),
}


