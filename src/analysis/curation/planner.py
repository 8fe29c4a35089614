"""Planning ``add``: turning a reviewed draft into the rows each table gets, against the
package as it stands (ids assigned, names matched, new places located, duplicates refused)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from analysis.curation.drafts import EVENT_KEYS, IGNORED_PREFIXES, Draft, normalise_dates, text_of
from analysis.curation.geonames import located, place_kind
from analysis.curation.names import Lookup, normalise, slug, split_aliases
from analysis.record.declaration import Package
from analysis.record.sources import publisher


@dataclass
class Plan:
    """Rows to append, per table, and what was refused."""

    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    added_events: list[tuple[str, str, str]] = field(default_factory=list)  # (id, date, title)
    duplicates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, table: str, row: dict[str, str]) -> None:
        self.rows.setdefault(table, []).append(row)



class Planner:
    """Turns drafts into rows against the package as it stands (``current``: string frames)."""

    def __init__(self, package: Package, current: dict[str, pd.DataFrame], today: dt.date | None = None):
        self.package = package
        self.cur = current
        self.today = (today or dt.date.today()).isoformat()
        self.plan = Plan()
        self.orgs = Lookup.from_frame(current["organisations"], "org_id", ["name", "acronym"])
        self.places = {(normalise(n), c): pid for pid, n, c, a in _place_names(current["places"])}
        self.people = Lookup.from_frame(current["people"], "person_id", ["name"])
        self.initiatives = set(current["initiatives"].initiative_id)
        self.topics = set(current["topics"].topic_id)
        self.countries = set(current["countries"].country_code)
        self.person_ids = set(current["people"].person_id)
        self.place_ids = set(current["places"].place_id)
        taken = [current["events"].event_id]  # and the retired ids: an id is never given to another event
        if "retired_events" in current:
            taken.append(current["retired_events"].event_id)
        ids = pd.concat(taken).str.extract(r"ev-(\d+)")[0].dropna().astype(int)
        self.next_event = (int(ids.max()) + 1) if len(ids) else 1
        ev = current["events"]
        self.known_urls: dict[str, list[tuple[str, str, str, str]]] = {}
        facts = {r.event_id: (r.event_id, r.date_start, r.title, r.place_id) for r in ev.itertuples()}
        for eid, url in zip(ev.event_id, ev.source_url, strict=True):
            self.known_urls.setdefault(url, []).append(facts[eid])
        src = current["event_sources"]
        for eid, url in zip(src.event_id, src.url, strict=True):
            if eid in facts:
                self.known_urls.setdefault(url, []).append(facts[eid])
        orgsets = current["event_organisations"].groupby("event_id")["org_id"].agg(frozenset)
        self.signatures = {
            (r.date_start, r.date_end, r.place_id, orgsets.get(r.event_id, frozenset())): r.event_id
            for r in ev.itertuples() if r.date_start and r.place_id
        }
        self.enums = {f.name: f.enum for f in package.resource("events").fields if f.enum}
        self.role_enum = package.resource("event_organisations").field("role").enum

    # --- entities ----------------------------------------------------------------------
    def _org(self, spec: dict) -> None:
        oid = text_of(spec.get("id")) or slug(text_of(spec.get("acronym")) or text_of(spec.get("name")))
        if self.orgs.get(oid) or oid in {r["org_id"] for r in self.plan.rows.get("organisations", [])}:
            return
        row = {"org_id": oid, "name": text_of(spec.get("name")), "acronym": text_of(spec.get("acronym")),
               "kind": text_of(spec.get("kind")) or "other", "country_code": text_of(spec.get("country")),
               "aliases": "|".join(_as_list(spec.get("aliases")))}
        self.plan.add("organisations", row)
        self.orgs.index.setdefault(normalise(oid), oid)
        if row["name"]:
            self.orgs.index.setdefault(normalise(row["name"]), oid)
        if row["acronym"]:
            self.orgs.index.setdefault(normalise(row["acronym"]), oid)

    def org_id(self, name_or_id: str) -> str | None:
        return self.orgs.get(name_or_id)

    def place_id(self, spec: Any, where: str) -> str:
        if spec is None or spec == "":
            return ""
        if isinstance(spec, str):
            if spec in self.place_ids:
                return spec
            self.plan.problems.append(f"{where}: place '{spec}' is not a known place id; give {{name, country}} instead")
            return ""
        name, country = text_of(spec.get("name")), text_of(spec.get("country")).upper()
        if text_of(spec.get("id")) in self.place_ids:
            return text_of(spec.get("id"))
        found = self.places.get((normalise(name), country))
        if found:
            return found
        pid = slug(name) if slug(name) not in self.place_ids else f"{slug(name)}-{country.lower()}"
        kind = text_of(spec.get("kind")) or ("online" if normalise(name) == "online" else place_kind(name))
        row = {"place_id": pid, "name": name, "kind": kind, "country_code": country,
               "aliases": "|".join(_as_list(spec.get("aliases")))}
        if kind != "online":
            row.update(located(name, country))
        self.plan.add("places", row)
        self.place_ids.add(pid)
        self.places[(normalise(name), country)] = pid
        for alias in _as_list(spec.get("aliases")):
            self.places.setdefault((normalise(alias), country), pid)
        return pid

    def person_id(self, name: str) -> str:
        found = self.people.get(name)
        if found:
            return found
        base = slug(name) or "person"  # a script slug() cannot transliterate (Greek) still gets an id
        pid, n = base, 2
        while pid in self.person_ids:
            pid, n = f"{base}-{n}", n + 1
        self.plan.add("people", {"person_id": pid, "name": name, "aliases": ""})
        self.person_ids.add(pid)
        self.people.index[normalise(name)] = pid
        return pid

    def initiative(self, spec: dict, where: str) -> None:
        iid = text_of(spec.get("id"))
        if not iid or iid in self.initiatives:
            return
        start, _, sp = normalise_dates(spec.get("start"), None, None) if spec.get("start") else ("", "", "")
        end, ep = "", ""
        if spec.get("end"):
            _, end, ep = normalise_dates(spec.get("end"), None, None)
        url = text_of(spec.get("url"))
        self.plan.add("initiatives", {
            "initiative_id": iid, "name": text_of(spec.get("name")), "kind": text_of(spec.get("kind")) or "initiative",
            "description": text_of(spec.get("description")), "start_date": start, "start_precision": sp,
            "end_date": end, "end_precision": ep, "status": text_of(spec.get("status")) or "unknown",
            "source_url": url, "date_accessed": text_of(spec.get("date_accessed")) or self.today,
        })
        self.initiatives.add(iid)
        for role, key in (("lead", "lead"), ("funder", "funders"), ("partner", "partners")):
            for org in _as_list(spec.get(key)):
                oid = self.org_id(org)
                if oid is None:
                    self.plan.problems.append(f"{where}: initiative '{iid}' names unknown organisation '{org}'")
                    continue
                self.plan.add("initiative_organisations", {"initiative_id": iid, "org_id": oid, "role": role})
        for place in _as_list(spec.get("places")):
            pid = self.place_id(place, where)
            if pid:
                self.plan.add("initiative_places", {"initiative_id": iid, "place_id": pid})

    # --- events ------------------------------------------------------------------------
    def event(self, draft: dict, where: str, follow_up_of: str = "") -> None:
        unknown = [k for k in draft if k not in EVENT_KEYS and not k.startswith(IGNORED_PREFIXES)]
        if unknown:
            self.plan.problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(EVENT_KEYS))}")
            return
        title, url = text_of(draft.get("title")), text_of(draft.get("url"))
        if not title or not url:
            self.plan.problems.append(f"{where}: 'title' and 'url' are required")
            return
        try:
            start, end, precision = normalise_dates(draft.get("date_start"), draft.get("date_end"), draft.get("date_precision"))
        except ValueError as exc:
            self.plan.problems.append(f"{where}: {exc}")
            return
        status = text_of(draft.get("status")) or ("planned" if follow_up_of else "held")
        kind = text_of(draft.get("kind")) or "meeting"
        for key, value in (("kind", kind), ("status", status), ("date_precision", precision)):
            if value not in self.enums[key]:
                self.plan.problems.append(f"{where}: {key} {value!r} is not one of {', '.join(self.enums[key])}")
        for spec in draft.get("new_organisations") or []:
            self._org(spec)
        for spec in draft.get("new_initiatives") or []:
            self.initiative(spec, where)
        place_id = self.place_id(draft.get("place"), where)
        orgs = []
        for spec in draft.get("organisations") or []:
            ref = text_of(spec.get("id") or spec.get("name")) if isinstance(spec, dict) else text_of(spec)
            role = text_of(spec.get("role")) if isinstance(spec, dict) else "participant"
            oid = self.org_id(ref)
            if oid is None:
                self.plan.problems.append(f"{where}: unknown organisation '{ref}'; add it under new_organisations")
                continue
            if role not in self.role_enum:
                self.plan.problems.append(f"{where}: role {role!r} of '{ref}' is not one of {', '.join(self.role_enum)}")
            orgs.append((oid, role))

        distinct = frozenset(text_of(o.get("event")) for o in draft.get("distinct_from") or [] if isinstance(o, dict))
        dup = self._duplicate(url, title, start, end, place_id, frozenset(o for o, _ in orgs), follow_up_of, distinct)
        if dup:
            self.plan.duplicates.append(f"{where}: '{title}' duplicates {dup}")
            return
        eid = f"ev-{self.next_event:04d}"
        self.next_event += 1
        self.plan.add("events", {
            "event_id": eid, "title": title, "kind": kind, "status": status,
            "date_start": start, "date_end": end, "date_precision": precision,
            "date_note": text_of(draft.get("date_note")), "place_id": place_id,
            "summary": text_of(draft.get("summary")), "source_url": url,
            "source_publisher": text_of(draft.get("publisher")) or publisher(url),
            "date_accessed": text_of(draft.get("date_accessed")) or self.today, "follow_up_of": follow_up_of,
        })
        self.plan.added_events.append((eid, start or "undated", title))
        self.known_urls.setdefault(url, []).append((eid, start, title, place_id))
        if start and place_id:
            self.signatures[(start, end, place_id, frozenset(o for o, _ in orgs))] = eid
        for key, relation in (("extra_urls", "copy"), ("report_urls", "report"), ("dating_urls", "dating")):
            for extra in dict.fromkeys(_as_list(draft.get(key))):
                if extra != url:
                    self.plan.add("event_sources", {"event_id": eid, "url": extra, "publisher": publisher(extra), "relation": relation})
        for oid, role in dict.fromkeys(orgs):
            self.plan.add("event_organisations", {"event_id": eid, "org_id": oid, "role": role})
        seen_people = set()
        for person in draft.get("people") or []:
            name = text_of(person.get("name"))
            if not name:
                continue
            known = text_of(person.get("known_as"))
            if known and known not in self.person_ids:
                self.plan.problems.append(f"{where}: person '{name}': known_as '{known}' is no person_id in people.csv")
                continue
            pid = known or self.person_id(name)  # "known_as": the record's person under another spelling (ingest finds them)
            if pid in seen_people:
                continue
            seen_people.add(pid)
            org_ref = text_of(person.get("organisation"))
            oid = self.org_id(org_ref) if org_ref else ""
            if org_ref and oid is None:
                self.plan.problems.append(f"{where}: person '{name}': unknown organisation '{org_ref}'")
                oid = ""
            self.plan.add("event_people", {"event_id": eid, "person_id": pid, "role": text_of(person.get("title")),
                                           "role_original": text_of(person.get("title_original")), "org_id": oid or ""})
        for code in dict.fromkeys(text_of(c).upper() for c in _as_list(draft.get("countries"))):
            self.plan.add("event_countries", {"event_id": eid, "country_code": code})
        for topic in dict.fromkeys(_as_list(draft.get("topics"))):
            if topic not in self.topics:
                self.plan.problems.append(f"{where}: unknown topic '{topic}'; topics are: {', '.join(sorted(self.topics))}")
                continue
            self.plan.add("event_topics", {"event_id": eid, "topic_id": topic})
        for ini in dict.fromkeys(_as_list(draft.get("initiatives"))):
            if ini not in self.initiatives:
                self.plan.problems.append(f"{where}: unknown initiative '{ini}'; describe it under new_initiatives")
                continue
            self.plan.add("event_initiatives", {"event_id": eid, "initiative_id": ini})
        for other in draft.get("distinct_from") or []:
            other_id, reason = (other.get("event"), other.get("reason")) if isinstance(other, dict) else (other, "")
            if not text_of(reason):
                self.plan.problems.append(f"{where}: distinct_from {other_id!r} needs a reason")
                continue
            self.plan.add("distinct_events", {"event_id": eid, "other_event_id": text_of(other_id), "reason": text_of(reason)})
        for n, follow in enumerate(draft.get("follow_ups") or [], start=1):
            follow = {"url": url, **follow}
            self.event(follow, f"{where} follow-up {n}", follow_up_of=eid)

    def _duplicate(self, url: str, title: str, start: str, end: str, place: str, orgs: frozenset,
                   follow_up_of: str, distinct: frozenset = frozenset()) -> str | None:
        """An existing event this one repeats: the same page, date and subject (a page may report several
        events of one day), or the same dates, place and organisations; never one the draft says it is
        distinct from (``distinct_from``)."""
        if follow_up_of:
            return None
        for eid, known_start, known_title, known_place in self.known_urls.get(url, []):
            if eid in distinct:
                continue
            if not start or not known_start:
                return f"{eid} (same source page; one of the two is undated)"
            same_place = not (place and known_place) or place == known_place
            if known_start == start and same_place and fuzz.token_set_ratio(normalise(title), normalise(known_title)) >= 60:
                return f"{eid} (same source page, date and subject)"
        if start and place:
            eid = self.signatures.get((start, end, place, orgs))
            if eid and eid not in distinct:
                return f"{eid} (same dates, place and organisations)"
        return None


def _place_names(places: pd.DataFrame):
    for row in places.itertuples(index=False):
        yield row.place_id, row.name, row.country_code, row.aliases
        for alias in split_aliases(row.aliases):
            yield row.place_id, alias, row.country_code, ""


def _as_list(value: Any) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def plan(package: Package, current: dict[str, pd.DataFrame], draft: Draft, label: str,
         today: dt.date | None = None) -> Plan:
    planner = Planner(package, current, today)
    for spec in draft.organisations:
        planner._org(spec)
    for n, spec in enumerate(draft.initiatives, start=1):
        planner.initiative(spec, f"{label}: initiative {n}")
    for n, spec in enumerate(draft.events, start=1):
        planner.event(spec, f"{label}: event {n} ({text_of(spec.get('title'))[:40]!r})")
    return planner.plan
