"""Synthetic data packages for benchmarks: made by code, written only under benchmarks/out/.

The declaration and the reference tables (countries, topics) are the real ones; events and
their link tables are random but valid, in the proportions of the curated record.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
KINDS = ["meeting", "training", "conference", "workshop", "seminar", "study-visit", "forum", "signing"]
ROLES = ["organiser", "host", "partner", "participant", "donor", "trainer"]


def _write(path: Path, columns: dict[str, np.ndarray | list]) -> None:
    table = pa.table({k: pa.array(v, type=pa.string()) for k, v in columns.items()})
    pacsv.write_csv(table, path, write_options=pacsv.WriteOptions(quoting_style="needed"))


def _ids(prefix: str, n: int, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def make_package(out: Path, n_events: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("datapackage.json", "countries.csv", "topics.csv"):
        shutil.copy2(DATA / name, out / name)
    countries = np.array(pacsv.read_csv(DATA / "countries.csv").column("country_code").to_pylist())
    topic_table = pacsv.read_csv(DATA / "topics.csv", convert_options=pacsv.ConvertOptions(column_types={"in_scope": pa.string()}))
    topics = np.array(topic_table.column("topic_id").to_pylist())
    in_scope = topics[np.array(topic_table.column("in_scope").to_pylist()) == "true"]

    n_places, n_orgs, n_people, n_init = 500, 1000, max(1000, n_events // 10), 100
    place_ids = _ids("place-", n_places, 4)
    _write(out / "places.csv", {
        "place_id": place_ids, "name": np.char.add("Place ", place_ids), "kind": ["city"] * n_places,
        "country_code": rng.choice(countries, n_places), "latitude": np.round(rng.uniform(-60, 70, n_places), 4).astype(str),
        "longitude": np.round(rng.uniform(-170, 170, n_places), 4).astype(str), "aliases": [""] * n_places,
        "geonames_id": rng.integers(1, 9_999_999, n_places).astype(str), "location_note": [""] * n_places})
    org_ids = _ids("org-", n_orgs, 4)
    _write(out / "organisations.csv", {
        "org_id": org_ids, "name": np.char.add("Organisation ", org_ids), "acronym": [""] * n_orgs,
        "kind": ["government"] * n_orgs, "country_code": rng.choice(countries, n_orgs), "aliases": [""] * n_orgs})
    _write(out / "organisation_names.csv", {
        "org_id": np.repeat(org_ids[:10], 2), "name": [f"Name {i} of {o}" for o in org_ids[:10] for i in (1, 2)],
        "acronym": [""] * 20, "valid_from": ["", "2011-10-07"] * 10, "valid_to": ["2011-10-06", ""] * 10,
        "source_url": ["https://example.org/renamed"] * 20, "note": [""] * 20})
    person_ids = _ids("person-", n_people, 7)
    _write(out / "people.csv", {"person_id": person_ids, "name": np.char.add("Person ", person_ids), "aliases": [""] * n_people})
    init_ids = _ids("initiative-", n_init, 3)
    _write(out / "initiatives.csv", {
        "initiative_id": init_ids, "name": init_ids, "aliases": [""] * n_init, "kind": ["project"] * n_init, "description": ["synthetic"] * n_init,
        "start_date": ["2015-01-01"] * n_init, "start_precision": ["year"] * n_init, "end_date": [""] * n_init,
        "end_precision": [""] * n_init, "status": ["active"] * n_init,
        "source_url": ["https://example.org/initiative"] * n_init, "date_accessed": ["2026-11-28"] * n_init})
    _write(out / "initiative_organisations.csv", {"initiative_id": init_ids, "org_id": org_ids[:n_init], "role": ["lead"] * n_init})
    _write(out / "initiative_places.csv", {"initiative_id": init_ids, "place_id": place_ids[:n_init]})

    n = n_events
    event_ids = _ids("ev-", n, 7)
    # each (start day, place) pair is used once, so no two synthetic events look like one event reported twice
    slot = rng.permutation(n)
    start = np.datetime64("2005-01-01") + slot // n_places
    length = rng.integers(0, 3, n)
    end = start + length
    _write(out / "events.csv", {
        "event_id": event_ids, "title": _titles(rng, n), "kind": rng.choice(KINDS, n),
        "status": ["held"] * n, "date_start": start.astype(str), "date_end": end.astype(str),
        "date_precision": np.where(length == 0, "day", "span"), "date_note": [""] * n,
        "place_id": place_ids[slot % n_places], "summary": ["Synthetic row made by benchmarks/synth.py."] * n,
        "source_url": np.char.add("https://example.org/events/", event_ids), "source_publisher": ["example.org"] * n,
        "date_accessed": ["2026-11-28"] * n, "follow_up_of": [""] * n})
    k = max(1, int(n * 0.3))
    _write(out / "event_sources.csv", {"event_id": event_ids[:k], "url": np.char.add("https://copy.example.org/", event_ids[:k]),
                                       "publisher": ["copy.example.org"] * k, "relation": ["copy"] * k})
    # two organisations, two topics, two countries per event; one person; a fifth linked to an initiative
    pairs = np.repeat(event_ids, 2)
    first, second = rng.integers(0, n_orgs - 1, n), None
    second = first + 1
    _write(out / "event_organisations.csv", {"event_id": pairs, "org_id": org_ids[np.ravel(np.column_stack([first, second]))],
                                             "role": rng.choice(ROLES, 2 * n)})
    # the first topic of every event is an in-scope one (the scope rule), the second any other
    index_of = {t: i for i, t in enumerate(topics)}
    lead = np.array([index_of[t] for t in rng.choice(in_scope, n)])
    other = (lead + rng.integers(1, len(topics), n)) % len(topics)  # never the first topic again
    _write(out / "event_topics.csv", {"event_id": pairs, "topic_id": topics[np.ravel(np.column_stack([lead, other]))]})
    c = rng.integers(0, len(countries) - 1, n)
    _write(out / "event_countries.csv", {"event_id": pairs, "country_code": countries[np.ravel(np.column_stack([c, c + 1]))]})
    _write(out / "event_people.csv", {"event_id": event_ids, "person_id": rng.choice(person_ids, n), "role": ["Delegate"] * n,
                                      "role_original": [""] * n, "org_id": rng.choice(org_ids, n)})
    m = n // 5
    _write(out / "event_initiatives.csv", {"event_id": event_ids[:m], "initiative_id": rng.choice(init_ids, m)})
    _write(out / "distinct_events.csv", {"event_id": [], "other_event_id": [], "reason": []})
    _write(out / "retired_events.csv", {"event_id": [], "date_removed": [], "merged_into": [], "reason": []})
    return out


#: words synthetic titles are drawn from: random four-word titles rarely look alike, as real ones do
_VOCABULARY = """regional meeting workshop training border police migration asylum return readmission smuggling
trafficking cooperation conference seminar ministers experts network forum visit protocol agreement centre joint
patrol integrated management capacity data exchange identification reception refugees labour diaspora children
document security airport liaison officers risk analysis strategy action plan evaluation launch handover equipment
vehicles cameras study exercise operation task force committee presidency steering project closing opening annual
quarterly national international bilateral trilateral western balkans europe route"""
WORDS = np.array(sorted(set(_VOCABULARY.split())))


def _titles(rng: np.random.Generator, n: int) -> np.ndarray:
    picks = rng.integers(0, len(WORDS), (n, 5))
    return np.array([" ".join(WORDS[row]).capitalize() for row in picks])
