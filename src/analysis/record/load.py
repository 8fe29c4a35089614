"""The typed record: every table of the package as a pandas DataFrame, and the common joins.

>>> rec = load()
>>> rec.events.dtypes["date_start"]
dtype('<M8[s]')
>>> str(rec.events.dtypes["kind"])
'category'
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.errors import AnalysisError, DataValidationError
from analysis.record.checks import TRUE_VALUES, Checked, parse_dates
from analysis.record.declaration import Field, Package, Resource, read_package
from analysis.record.labels import ambiguous, label
from analysis.record.validate import validate


def _typed(values: pa.ChunkedArray, f: Field) -> pd.Series | pd.Categorical:
    """One column of strings as the type its declaration gives (empty string = missing)."""
    if f.type == "date":
        return pc.cast(parse_dates(values), pa.timestamp("s")).to_pandas()
    if f.type == "boolean":
        return pc.is_in(values, value_set=pa.array(TRUE_VALUES)).to_pandas()
    empty = pc.equal(pc.utf8_length(values), 0)
    nullable = pc.if_else(empty, pa.scalar(None, pa.string()), values) if pc.any(empty).as_py() else values
    if f.type == "number":
        return pc.cast(nullable, pa.float64()).to_pandas()
    if f.type == "integer":
        return pc.cast(nullable, pa.int64()).to_pandas().astype("Int64")
    if f.enum is not None:
        encoded = pc.dictionary_encode(nullable).combine_chunks()
        return pd.Categorical.from_codes(
            _recode(encoded, f.enum), categories=list(f.enum))
    return pd.Series(pd.arrays.ArrowStringArray(nullable) if len(nullable) else pd.array([], dtype="string[pyarrow]"))


def _recode(encoded: pa.DictionaryArray, categories: tuple[str, ...]) -> np.ndarray:
    """Codes into ``categories`` for a dictionary-encoded column (-1 for missing)."""
    position = {c: i for i, c in enumerate(categories)}
    lookup = np.array([position.get(v, -1) for v in encoded.dictionary.to_pylist()] + [-1], dtype=np.int16)
    idx = pc.fill_null(encoded.indices, len(encoded.dictionary)).to_numpy()
    return lookup[idx]


def _frame(res: Resource, table: pa.Table) -> pd.DataFrame:
    return pd.DataFrame({f.name: _typed(table.column(f.name), f) for f in res.fields}, copy=False)


@dataclass
class Record:
    """Every table of the data package, typed; see ``tables`` for their names.

    Attribute access gives a table: ``rec.events``, ``rec.event_topics`` ...
    """

    package: Package
    tables: dict[str, pd.DataFrame]

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table '{name}'; tables are: {', '.join(tables)}")

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *self.tables]

    @property
    def version(self) -> str:
        return self.package.version

    # --- joins analysts need most -------------------------------------------------------
    def names_in_force(self, links: pd.DataFrame) -> pd.DataFrame:
        """``links`` (with ``event_id`` and ``org_id``) plus ``org_name`` and ``org_acronym`` as they
        were at each event's start: an organisation renamed since (EASO → EUAA, SECI Center →
        SELEC) shows the name it had then (``organisation_names``); otherwise its current name."""
        orgs = self.organisations[["org_id", "name", "acronym"]].rename(columns={"name": "org_name", "acronym": "org_acronym"})
        out = links.merge(orgs, on="org_id", how="left")
        history = self.tables.get("organisation_names")
        if history is None or history.empty or out.empty:
            return out
        when = out[["event_id"]].merge(self.events[["event_id", "date_start"]], on="event_id", how="left").date_start
        cand = out[["org_id"]].assign(_row=range(len(out)), _when=when.to_numpy()).merge(history, on="org_id")
        ok = (cand.valid_from.isna() | (cand.valid_from <= cand._when)) & (cand.valid_to.isna() | (cand.valid_to >= cand._when))
        hit = cand[ok & cand._when.notna()].drop_duplicates("_row").set_index("_row")
        rows = pd.Series(range(len(out)))
        found = rows.isin(hit.index)
        for column, source in (("org_name", "name"), ("org_acronym", "acronym")):
            out[column] = rows.map(hit[source]).where(found, pd.Series(out[column].to_numpy())).to_numpy()
        return out

    def event_organisations_named(self) -> pd.DataFrame:
        """One row per event and organisation: event columns, org name/acronym (as in force at the
        event's date) and kind, role."""
        kinds = self.organisations[["org_id", "kind"]].rename(columns={"kind": "org_kind"})
        return self.names_in_force(self.event_organisations).merge(kinds, on="org_id", how="left").merge(
            self.events, on="event_id", how="left")

    def event_topics_named(self) -> pd.DataFrame:
        """One row per event and topic, with the topic label and the event's columns."""
        topics = self.topics[["topic_id", "label"]].rename(columns={"label": "topic"})
        return self.event_topics.merge(topics, on="topic_id", how="left").merge(self.events, on="event_id", how="left")

    def event_countries_named(self) -> pd.DataFrame:
        """One row per event and taking-part country, with country name and participant flag."""
        countries = self.countries.rename(columns={"name": "country"})
        return self.event_countries.merge(countries, on="country_code", how="left").merge(
            self.events, on="event_id", how="left")

    def event_people_named(self) -> pd.DataFrame:
        """One row per event and person: name, role at that event, affiliation acronym."""
        orgs = self.organisations[["org_id", "acronym", "name"]].rename(columns={"acronym": "org_acronym", "name": "org_name"})
        return (self.event_people.merge(self.people[["person_id", "name"]], on="person_id", how="left")
                .merge(orgs, on="org_id", how="left")
                .merge(self.events[["event_id", "title", "date_start", "date_end"]], on="event_id", how="left"))

    def events_wide(self, event_ids: pd.Series | None = None) -> pd.DataFrame:
        """One row per event (or per event in ``event_ids``) with its place and its organisations,
        topics, countries and initiatives gathered into '; '-separated text columns."""
        events = self.events if event_ids is None else self.events[self.events.event_id.isin(event_ids)]
        ev = events.merge(
            self.places[["place_id", "name", "country_code", "latitude", "longitude"]].rename(
                columns={"name": "place", "country_code": "place_country"}),
            on="place_id", how="left")
        named = self.names_in_force(self.event_organisations[self.event_organisations.event_id.isin(ev.event_id)])
        unclear = ambiguous(self.organisations.acronym)  # "BMI" of two ministries, "MUP": the name instead
        lists = {
            "organisations": named.assign(label=[label(a, n, unclear) for a, n in zip(named.org_acronym, named.org_name, strict=True)]),
            "topics": self.event_topics.merge(self.topics[["topic_id", "label"]], on="topic_id"),
            "countries": self.event_countries.rename(columns={"country_code": "label"}),
            "initiatives": self.event_initiatives.merge(
                self.initiatives[["initiative_id", "name"]].rename(columns={"name": "label"}), on="initiative_id"),
        }
        for name, df in lists.items():
            df = df[df.event_id.isin(ev.event_id)]
            joined = df.astype({"label": str}).groupby("event_id", observed=True)["label"].agg(lambda s: "; ".join(sorted(set(s))))
            found = dict(zip(joined.index.astype(str), joined.astype(str), strict=True))
            ev[name] = [found.get(e, "") for e in ev.event_id.astype(str)]  # "" when no row links the event
        return ev


def check(data_dir: Path | str | None = None) -> Checked:
    """Validate the package in ``data_dir`` (default: found as :mod:`analysis.locations` says) and
    return every problem found (never raises for bad rows)."""
    return validate(read_package(data_dir))


def load(data_dir: Path | str | None = None, *, validate_first: bool = True) -> Record:
    """Read, validate and type the data package in ``data_dir``.

    Raises :class:`DataValidationError` listing every problem when the data fail validation.
    """
    checked = check(data_dir)
    if validate_first and not checked.ok:
        raise DataValidationError(checked.errors)
    return from_checked(checked)


def from_checked(checked: Checked) -> Record:
    for res in checked.package.resources:
        raw = checked.tables[res.name]
        if raw.table is None:
            raise AnalysisError(f"{raw.label}: cannot be read; run 'python -m analysis validate' for details")
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        frames = pool.map(lambda res: _frame(res, checked.tables[res.name].table), checked.package.resources)
        tables = dict(zip(checked.package.names, frames, strict=True))
    return Record(package=checked.package, tables=tables)
