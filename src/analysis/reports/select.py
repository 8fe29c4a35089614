"""Selecting events: by period, organisations, countries, kinds, topics and statuses.

>>> rec = load()
>>> sel = select(rec, period="2014", countries=["BA"])
>>> bool((sel.events.date_start.dt.year <= 2014).all())
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from analysis.errors import AnalysisError
from analysis.record.load import Record, load  # noqa: F401  (load is used by the doctest)
from analysis.reports.parameters import as_list, choose

_YEAR = re.compile(r"^\s*(\d{4})\s*(?:[-–/]\s*(\d{4}))?\s*$")
_DATES = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})\s*$")


def parse_period(period: str | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """``"2014"``, ``"2014-2018"`` or ``"2017-05-30/2018-09-06"`` as first and last day; empty = all.

    >>> parse_period("2014-2018")
    (Timestamp('2014-01-01 00:00:00'), Timestamp('2018-12-31 00:00:00'))
    """
    if not period:
        return None
    m = _YEAR.match(str(period))
    if m:
        first, last = m.group(1), m.group(2) or m.group(1)
        bounds = pd.Timestamp(f"{first}-01-01"), pd.Timestamp(f"{last}-12-31")
    else:
        m = _DATES.match(str(period))
        if not m:
            raise AnalysisError(f"period {period!r}: use YYYY, YYYY-YYYY or YYYY-MM-DD/YYYY-MM-DD")
        bounds = pd.Timestamp(m.group(1)), pd.Timestamp(m.group(2))
    if bounds[1] < bounds[0]:
        raise AnalysisError(f"period {period!r} ends before it starts")
    return bounds


@dataclass
class Selection:
    """The events a report is about, with the criteria that chose them."""

    record: Record
    events: pd.DataFrame
    criteria: dict = field(default_factory=dict)

    @property
    def ids(self) -> pd.Index:
        return pd.Index(self.events.event_id)

    @property
    def empty(self) -> bool:
        return self.events.empty

    def links(self, table: str) -> pd.DataFrame:
        """Rows of a link table (``event_topics`` ...) for the selected events."""
        df = self.record.tables[table]
        return df[df.event_id.isin(self.ids)]

    def describe(self) -> str:
        """The criteria in words, for titles and captions."""
        parts = []
        for key, value in self.criteria.items():
            if value:
                parts.append(f"{key}: {', '.join(value) if isinstance(value, list | tuple) else value}")
        return "; ".join(parts) if parts else "all events"


#: letters that carry no combining mark to strip, and dashes, as people type them
_PLAIN = str.maketrans({"đ": "dj", "Đ": "Dj", "ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "‐": "-", "‑": "-", "‒": "-",
                        "–": "-", "—": "-", "−": "-"})


def _fold(text: str) -> str:
    """A name without case, diacritics or extra spaces: ``Građanska`` and ``gradjanska`` match.

    >>> _fold("  Vaša prava  BiH") == _fold("vasa prava bih")
    True
    """
    text = unicodedata.normalize("NFKD", str(text).translate(_PLAIN))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split()).casefold()


def resolve_organisations(rec: Record, names: object) -> list[str]:
    """Organisation ids for ids, acronyms or names (any case, with or without diacritics)."""
    orgs = rec.organisations
    acronyms, full_names = orgs.acronym.map(_fold, na_action="ignore"), orgs.name.map(_fold, na_action="ignore")
    out = []
    for name in as_list(names):
        key = _fold(name)
        hit = orgs[(orgs.org_id == name) | (acronyms == key) | (full_names == key)]
        if hit.empty:
            raise AnalysisError(f"unknown organisation {name!r}; use an org_id or acronym from data/organisations.csv")
        out.append(hit.org_id.iloc[0])
    return out


def initiatives(rec: Record, statuses: object = None, kinds: object = None) -> pd.DataFrame:
    """Initiatives with any of ``statuses`` and any of ``kinds`` (empty: all); values are checked."""
    ini = rec.initiatives
    statuses, kinds = as_list(statuses), as_list(kinds)
    if statuses:
        ini = ini[ini.status.isin(choose(statuses, ini.status.cat.categories, "initiative status"))]
    if kinds:
        ini = ini[ini.kind.isin(choose(kinds, ini.kind.cat.categories, "initiative kind"))]
    return ini


def select(rec: Record, period: str | None = None, organisations: list[str] | None = None,
           countries: list[str] | None = None, kinds: list[str] | None = None, topics: list[str] | None = None,
           statuses: list[str] | None = None) -> Selection:
    """Events matching every criterion given (within one criterion, any value matches).

    An event is in a period when its possible dates overlap it, so an event dated only to a
    window that reaches into the period is included (its ``date_precision`` says so).
    """
    ev = rec.events
    organisations, countries, kinds, topics, statuses = map(as_list, (organisations, countries, kinds, topics, statuses))
    mask = pd.Series(True, index=ev.index)
    bounds = parse_period(period)
    if bounds is not None:
        mask &= (ev.date_start <= bounds[1]) & (ev.date_end >= bounds[0])
    if organisations:
        ids = resolve_organisations(rec, organisations)
        mask &= ev.event_id.isin(rec.event_organisations.loc[rec.event_organisations.org_id.isin(ids), "event_id"])
    if countries:
        countries = choose(countries, rec.countries.country_code, "country code")
        mask &= ev.event_id.isin(rec.event_countries.loc[rec.event_countries.country_code.isin(countries), "event_id"])
    if kinds:
        kinds = choose(kinds, ev.kind.cat.categories, "kind")
        mask &= ev.kind.isin(kinds)
    if topics:
        topics = choose(topics, rec.topics.topic_id, "topic")
        mask &= ev.event_id.isin(rec.event_topics.loc[rec.event_topics.topic_id.isin(topics), "event_id"])
    if statuses:
        statuses = choose(statuses, ev.status.cat.categories, "status")
        mask &= ev.status.isin(statuses)
    chosen = rec.events_wide(ev.loc[mask, "event_id"]).sort_values(["date_start", "event_id"], na_position="last")
    criteria = {"period": period, "organisations": organisations, "countries": countries, "kinds": kinds, "topics": topics,
                "statuses": statuses}
    if organisations:  # in words: acronyms or names, not ids
        orgs = rec.organisations.set_index("org_id")
        criteria["organisations"] = [str(orgs.acronym.get(i) if pd.notna(orgs.acronym.get(i)) else orgs.name.get(i))
                                     for i in resolve_organisations(rec, organisations)]
    if countries:
        names = rec.countries.set_index("country_code").name
        criteria["countries"] = [f"{names.get(c, c)} ({c})" for c in countries]
    return Selection(record=rec, events=chosen.reset_index(drop=True), criteria=criteria)
