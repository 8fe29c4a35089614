"""Tables the reports show: who, what and where behind a selection of events.

Each function takes a :class:`~analysis.select.Selection` (or the record) and returns a plain
DataFrame, so notebooks stay thin and these are tested like any other code.
"""

from __future__ import annotations

import pandas as pd

from analysis.record.labels import org_labels
from analysis.record.load import Record
from analysis.reports.select import Selection


def country_names(rec: Record) -> pd.Series:
    """Country names by ISO code, Kosovo written Kosovo* (the site adds its footnote)."""
    names = rec.countries.set_index("country_code").name.astype(str)
    return names.where(names.index != "XK", "Kosovo*")


def _years(sel: Selection) -> pd.Series:
    return sel.events.set_index("event_id").date_start.dt.year


def by_year(sel: Selection, link_table: str, key: str, labels: pd.Series | None = None, top: int = 12) -> pd.DataFrame:
    """Events per year for the ``top`` most frequent values of ``key`` in ``link_table``."""
    links = sel.links(link_table)[["event_id", key]].drop_duplicates()
    if links.empty:
        return pd.DataFrame()
    links = links.assign(year=links.event_id.map(_years(sel))).dropna(subset=["year"])
    links["year"] = links.year.astype(int)
    names = links[key].astype(str).map(labels) if labels is not None else links[key].astype(str)
    links = links.assign(label=names.fillna(links[key].astype(str)))
    keep = links.label.value_counts().index[:top]
    table = pd.crosstab(links.label[links.label.isin(keep)], links.year[links.label.isin(keep)])
    table = table.reindex(columns=range(int(links.year.min()), int(links.year.max()) + 1), fill_value=0)
    table.columns.name = None
    return table.loc[table.sum(axis=1).sort_values(ascending=False).index]


def organisations_by_year(sel: Selection, top: int = 12) -> pd.DataFrame:
    return by_year(sel, "event_organisations", "org_id", org_labels(sel.record.organisations), top)


def topics_by_year(sel: Selection, top: int = 24) -> pd.DataFrame:
    labels = sel.record.topics.set_index("topic_id").label.astype(str)
    return by_year(sel, "event_topics", "topic_id", labels, top)


def countries_by_year(sel: Selection, top: int = 12) -> pd.DataFrame:
    names = sel.record.countries.set_index("country_code").name.astype(str)
    return by_year(sel, "event_countries", "country_code", names, top)


def topic_counts(sel: Selection) -> pd.Series:
    labels = sel.record.topics.set_index("topic_id").label.astype(str)
    links = sel.links("event_topics")
    return links.topic_id.astype(str).map(labels).value_counts().rename("events").rename_axis("topic")


def cooccurrence(sel: Selection, topics: list[str] | None = None) -> pd.DataFrame:
    """How many selected events carry both topics (diagonal: events with the topic)."""
    links = sel.links("event_topics")[["event_id", "topic_id"]]
    if topics:
        links = links[links.topic_id.isin(topics)]
    if links.empty:
        return pd.DataFrame()
    labels = sel.record.topics.set_index("topic_id").label.astype(str)
    onehot = pd.crosstab(links.event_id, links.topic_id.astype(str).map(labels)).clip(upper=1)
    co = onehot.T @ onehot
    order = co.values.diagonal().argsort(kind="stable")[::-1]
    co = co.iloc[order, order]
    co.index.name, co.columns.name = "topic", "topic"
    return co


def carriers(sel: Selection, topic_ids: list[str], link_table: str, key: str, top: int = 5) -> pd.DataFrame:
    """For each topic, the organisations (or countries) most often present at its events.

    ``events`` counts the topic's events, as the topic chart does; ``with one named`` counts those
    of them that name at least one organisation (or taking-part country), which the ranking is
    drawn from, so the two can differ."""
    what = "organisation" if key == "org_id" else "country"
    columns = ["topic", "events", f"with {'an' if what == 'organisation' else 'a'} {what} named", "most present (events)"]
    topics = sel.links("event_topics")
    if topic_ids:
        topics = topics[topics.topic_id.isin(topic_ids)]
    links = sel.links(link_table)[["event_id", key]].drop_duplicates()
    both = topics.merge(links, on="event_id")
    if both.empty:
        return pd.DataFrame(columns=columns)
    labels = org_labels(sel.record.organisations) if key == "org_id" else country_names(sel.record)
    tlabels = sel.record.topics.set_index("topic_id").label.astype(str)
    per_topic = topics.drop_duplicates(["event_id", "topic_id"]).topic_id.astype(str).value_counts()
    rows = []
    for topic, part in both.groupby(both.topic_id.astype(str)):
        counts = part[key].astype(str).value_counts().head(top)
        names = [f"{labels.get(k, k)} ({v})" for k, v in counts.items()]
        rows.append(dict(zip(columns, [tlabels.get(topic, topic), int(per_topic.get(topic, 0)), part.event_id.nunique(),
                                       ", ".join(names)], strict=True)))
    return pd.DataFrame(rows, columns=columns).sort_values(["events", "topic"], ascending=[False, True]).reset_index(drop=True)


def partners(sel: Selection, exclude: list[str], top: int = 15) -> pd.Series:
    """Organisations present at the selected events, other than ``exclude`` (ids)."""
    links = sel.links("event_organisations")
    links = links[~links.org_id.isin(exclude)].drop_duplicates(["event_id", "org_id"])
    return links.org_id.astype(str).map(org_labels(sel.record.organisations)).value_counts().head(top).rename("events")


def people(sel: Selection, organisation: str | None = None) -> pd.DataFrame:
    """People named at the selected events, with their roles as the sources give them."""
    named = sel.record.event_people_named()
    named = named[named.event_id.isin(sel.ids)]
    if organisation:
        named = named[named.org_id == organisation]
    if named.empty:
        return pd.DataFrame(columns=["name", "organisation", "roles", "events", "first", "last"])
    grouped = named.groupby("person_id").agg(
        name=("name", "first"), organisation=("org_acronym", lambda s: ", ".join(sorted({str(x) for x in s.dropna()}))),
        roles=("role", lambda s: "; ".join(sorted({str(x) for x in s.dropna() if str(x)}))[:160]),
        events=("event_id", "nunique"), first=("date_start", "min"), last=("date_end", "max"))
    grouped["first"] = grouped["first"].dt.strftime("%Y-%m-%d")
    grouped["last"] = grouped["last"].dt.strftime("%Y-%m-%d")
    return grouped.sort_values(["events", "name"], ascending=[False, True]).reset_index(drop=True)


def initiatives_of(sel: Selection) -> pd.DataFrame:
    """Initiatives the selected events belong to, with how many of them."""
    links = sel.links("event_initiatives")
    if links.empty:
        return pd.DataFrame(columns=["initiative", "kind", "status", "events"])
    counts = links.initiative_id.value_counts().rename("events")
    ini = sel.record.initiatives.set_index("initiative_id").join(counts, how="inner")
    return ini.reset_index()[["name", "kind", "status", "events"]].rename(columns={"name": "initiative"}).astype(
        {"kind": str, "status": str}).sort_values(["events", "initiative"], ascending=[False, True]).reset_index(drop=True)


def initiatives_table(rec: Record, country: str | None = None) -> pd.DataFrame:
    """Initiatives with their dates, status, lead and funding organisations, places and events."""
    ini = rec.initiatives.copy()
    labels = org_labels(rec.organisations)
    io = rec.initiative_organisations.assign(label=lambda d: d.org_id.astype(str).map(labels))
    lead = io[io.role == "lead"].groupby("initiative_id").label.agg(lambda s: ", ".join(sorted(s)))
    funders = io[io.role == "funder"].groupby("initiative_id").label.agg(lambda s: ", ".join(sorted(s)))
    places = rec.initiative_places.merge(rec.places, on="place_id")
    where = places.groupby("initiative_id").name.agg(lambda s: ", ".join(sorted(s)))
    events = rec.event_initiatives.initiative_id.value_counts()
    out = pd.DataFrame({
        "initiative": ini.name,
        "kind": ini.kind.astype(str),
        "start": ini.start_date.dt.strftime("%Y-%m-%d").fillna(""),
        "end": ini.end_date.dt.strftime("%Y-%m-%d").fillna(""),
        "status": ini.status.astype(str),
        "lead": ini.initiative_id.map(lead).fillna(""),
        "funders": ini.initiative_id.map(funders).fillna(""),
        "places": ini.initiative_id.map(where).fillna(""),
        "events": ini.initiative_id.map(events).fillna(0).astype(int),
        "source": ini.source_url,
    })
    if country:
        located = set(places.loc[places.country_code == country, "initiative_id"])
        out = out[ini.initiative_id.isin(located).to_numpy()]
    return out.assign(_undated=out.start == "").sort_values(["_undated", "start", "initiative"]).drop(
        columns="_undated").reset_index(drop=True)


def events_of_initiatives(rec: Record) -> pd.DataFrame:
    """Each initiative's events, dated, for the initiatives report."""
    from analysis.reports.publish import date_label

    links = rec.event_initiatives.merge(rec.events, on="event_id").merge(
        rec.initiatives[["initiative_id", "name"]], on="initiative_id")
    if links.empty:
        return pd.DataFrame(columns=["initiative", "date", "event", "source"])
    links = links.sort_values(["name", "date_start"])
    return pd.DataFrame({"initiative": links.name, "date": links.apply(date_label, axis=1), "event": links.title,
                         "source": links.source_url}).reset_index(drop=True)


#: how the context indicators are named on the pages
INDICATOR_LABELS = {
    "wb-route-detections": "Irregular crossings detected on the Western Balkan route (Frontex)",
    "wb-region-detections": "Detections reported within the Western Balkans (Frontex regional analysis)",
    "asylum-applications": "Asylum applications",
    "asylum-intentions": "Intentions to seek asylum",
}


def context(rec: Record, preferred_only: bool = True) -> pd.DataFrame:
    """The context indicators as a readable table: indicator, area (names, Kosovo*), year, value,
    whether approximate, what the page counts and the page; ids stay for the CSV."""
    ind = rec.context_indicators
    if preferred_only:
        ind = ind[ind.preferred.astype(bool)]
    names = country_names(rec)
    areas = {"WB-route": "Western Balkan route", "WB-region": "Western Balkans region"}
    area = ind.area.astype(str)
    return pd.DataFrame({
        "indicator": ind.indicator_id.astype(str).map(INDICATOR_LABELS),
        "area": area.map(areas).fillna(area.map(names)).fillna(area),
        "year": ind.year.astype(int),
        "value": ind.value.astype(int),
        "approximate": ind.approximate.map({True: "yes", False: ""}),
        "measure": ind.measure,
        "source": ind.source_url,
        "indicator_id": ind.indicator_id.astype(str),
        "area_code": area,
    }).sort_values(["indicator_id", "area_code", "year"]).reset_index(drop=True)


def context_series(rec: Record, indicator: str) -> pd.DataFrame:
    """One indicator's preferred values as a year x area table (empty cells: no sourced figure)."""
    ind = rec.context_indicators
    ind = ind[ind.preferred.astype(bool) & (ind.indicator_id.astype(str) == indicator)]
    if ind.empty:
        return pd.DataFrame()
    table = ind.pivot_table(index="year", columns=ind.area.astype(str), values="value", aggfunc="first")
    table.columns.name = None
    return table.sort_index()


def _ranges(years: list[int]) -> str:
    """``[2004, 2005, 2006, 2010]`` as ``"2004-2006, 2010"``.

    >>> _ranges([2013, 2015, 2016, 2017, 2020])
    '2013, 2015-2017, 2020'
    """
    out, start = [], None
    for prev, year in zip([None, *years], [*years, None], strict=True):
        if start is None:
            start = year
        elif year is None or year != prev + 1:
            out.append(f"{start}-{prev}" if prev != start else str(start))
            start = year
    return ", ".join(out)


def context_coverage(rec: Record) -> pd.DataFrame:
    """For each context indicator and area, the years a page gives a whole-year figure for."""
    table = context(rec)
    if table.empty:
        return pd.DataFrame(columns=["indicator", "area", "years with a sourced figure", "figures"])
    return (table.groupby(["indicator", "area"], sort=False)
            .agg(years=("year", lambda s: _ranges(sorted(s))), figures=("year", "size")).reset_index()
            .rename(columns={"years": "years with a sourced figure"}))
