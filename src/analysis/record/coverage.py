"""Coverage of the record: how much it holds, over which years, countries, kinds and sources."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from analysis.record.load import Record


def domain(url: str) -> str:
    """The site a URL belongs to, without 'www.'.

    >>> domain("http://www.marri-rc.org.mk/?p=19844")
    'marri-rc.org.mk'
    """
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def row_counts(rec: Record) -> pd.Series:
    return pd.Series({name: len(df) for name, df in rec.tables.items()}, name="rows")


def events_per_year(rec: Record) -> pd.Series:
    """Events by the year of their earliest possible date (undated events are left out)."""
    years = rec.events.date_start.dt.year.dropna().astype(int)
    return years.value_counts().sort_index().rename("events")


def events_per_country(rec: Record) -> pd.DataFrame:
    """Events each country took part in, with its name and MARRI participant flag."""
    counts = rec.event_countries.country_code.value_counts()
    out = rec.countries.set_index("country_code").join(counts.rename("events"), how="inner")
    return out.sort_values("events", ascending=False)


def events_per_kind(rec: Record) -> pd.Series:
    return rec.events.kind.value_counts().rename("events")


def events_per_source(rec: Record) -> pd.Series:
    return rec.events.source_url.map(domain).value_counts().rename("events")


def quality(rec: Record) -> pd.Series:
    """Shares and counts analysts check before trusting a slice of the record."""
    ev = rec.events
    n = len(ev)
    with_org = ev.event_id.isin(rec.event_organisations.event_id)
    return pd.Series(dtype=object, data={
        "events": n,
        "dated to the day or span": int(ev.date_precision.isin(["day", "span"]).sum()),
        "share dated to the day or span": round(float(ev.date_precision.isin(["day", "span"]).mean()) if n else 0.0, 3),
        "dated by month or year only": int(ev.date_precision.isin(["month", "year"]).sum()),
        "date windows (uncertain)": int((ev.date_precision == "window").sum()),
        "undated": int((ev.date_precision == "unknown").sum()),
        "without a place": int(ev.place_id.isna().sum()),
        "without an organisation": int((~with_org).sum()),
        "planned (not reported held)": int((ev.status == "planned").sum()),
    })


#: the years the record sets out to cover
COVERED_YEARS = range(2005, 2026)


def missing_years(rec: Record, years: range = COVERED_YEARS) -> list[int]:
    """Years of the covered span in which no event starts (should be empty).

    >>> from analysis.record.load import load
    >>> missing_years(load(), range(1990, 1992))
    [1990, 1991]
    """
    present = set(rec.events.date_start.dt.year.dropna().astype(int))
    return [y for y in years if y not in present]


def missing_participants(rec: Record) -> list[str]:
    """MARRI Participants with no recorded participation (should be empty)."""
    participants = rec.countries.loc[rec.countries.marri_participant, "country_code"]
    return sorted(set(participants) - set(rec.event_countries.country_code))


def precision_shares(rec: Record) -> pd.DataFrame:
    """How well the sources date the events: count and share per ``date_precision``."""
    counts = rec.events.date_precision.astype(str).value_counts()
    return pd.DataFrame({"events": counts, "share": (counts / counts.sum()).round(3)}).rename_axis("date precision")


def per_source_site(rec: Record, top: int = 25) -> pd.DataFrame:
    """Events per site their page is on (the largest ``top``), so readers see what the record leans on."""
    counts = events_per_source(rec)
    return counts.head(top).rename_axis("source site").to_frame()


def per_country(rec: Record) -> pd.DataFrame:
    """Events each country took part in, by name, MARRI Participants first."""
    out = events_per_country(rec)[["name", "marri_participant", "events"]].rename(
        columns={"name": "country", "marri_participant": "MARRI Participant"})
    return out.sort_values(["MARRI Participant", "events"], ascending=[False, False]).reset_index(drop=True)


def thinnest_years(rec: Record, n: int = 5, years: range = COVERED_YEARS) -> pd.Series:
    """The ``n`` covered years with the fewest events: where the record is most likely incomplete."""
    counts = events_per_year(rec).reindex(list(years), fill_value=0)
    return counts.sort_values().head(n).rename_axis("year")


def in_scope_topics(rec: Record) -> list[str]:
    return sorted(rec.topics.loc[rec.topics.in_scope, "label"].astype(str))
