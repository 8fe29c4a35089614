"""Drafts: the reviewable form of new events, and their conversion into rows of the package.

A draft is YAML (or JSON): one event mapping, a list of them, or a mapping with ``events``
and, optionally, ``organisations`` and ``initiatives`` (the forms of ``new_organisations`` and
``new_initiatives`` below) to add entities on their own.
``ingest`` writes drafts; people review and edit them; ``add`` turns them into rows.
Keys of one event (all optional unless marked):

- ``title`` (required), ``kind``, ``status``, ``summary``: as in ``events``;
- ``date_start`` / ``date_end``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``date_precision``
  (inferred from the forms when absent); ``date_note``: evidence for windows;
- ``url`` (required): the source page; ``extra_urls`` (same post elsewhere), ``report_urls``
  (other pages on the event), ``dating_urls`` (pages used to date it); ``date_accessed``;
- ``url`` may come with ``publisher`` (who published the page; derived from the address when absent);
- ``place``: a place id, or ``{name, country, kind, aliases}``; a new place takes its GeoNames id
  and coordinates from the gazetteer (:mod:`analysis.curation.geonames`), never from the draft;
- ``organisations``: ``[{id, role}]``, with ``new_organisations: [{id, name, acronym, kind,
  country, aliases}]`` for ones the package does not know yet;
- ``people``: ``[{name, title, title_original, organisation}]`` (matched by name and aliases, else
  new); ``title`` in English, ``title_original`` the source's wording when it is in another language;
- ``countries``, ``topics``, ``initiatives``: lists of ids; ``new_initiatives``: ``[{id, name,
  kind, description, start, end, status, url, lead, funders, partners, places}]``;
- ``distinct_from``: ``[{event, reason}]``, recorded events this one is known not to repeat
  (two sessions reported on one page), so the duplicate check lets the pair stand;
- ``follow_ups``: events agreed at this one, in the same form; they become ``planned`` events
  whose ``follow_up_of`` points here.

Keys starting with ``evidence``, ``date_evidence`` or ``_`` are notes for the reviewer and are
ignored. Any other key is an error, so a typo cannot silently drop a fact.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from rapidfuzz import fuzz

from analysis.curation.geonames import located, place_kind
from analysis.curation.names import Lookup, normalise, slug, split_aliases
from analysis.errors import AnalysisError
from analysis.record.declaration import Package
from analysis.record.sources import publisher
from analysis.textio import read_text

EVENT_KEYS = {
    "title", "kind", "status", "summary", "date_start", "date_end", "date_precision", "date_note", "url", "publisher",
    "extra_urls", "report_urls", "dating_urls", "date_accessed", "place", "organisations", "new_organisations",
    "people", "countries", "topics", "initiatives", "new_initiatives", "follow_ups", "distinct_from",
}
_IGNORED = ("evidence", "date_evidence", "_")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


#: the largest draft file ``add`` reads (a draft of a thousand events is about 2 MB)
MAX_DRAFT_BYTES = 20_000_000


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: a draft never needs them, and an alias bomb (a few
    lines that expand to gigabytes) must not be expanded."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.YAMLError(f"line {mark.line + 1}, column {mark.column + 1}: YAML aliases (*name) are not "
                                 "allowed in drafts; write the value out")
        return super().compose_node(parent, index)


@dataclass
class Draft:
    events: list[dict]
    organisations: list[dict] = field(default_factory=list)
    initiatives: list[dict] = field(default_factory=list)


def read_drafts(path: Path) -> Draft:
    """Read a draft file (YAML or JSON)."""
    text, _ = read_text(path, limit=MAX_DRAFT_BYTES, what="draft")
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise AnalysisError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    top = {"events", "organisations", "initiatives"}
    if isinstance(data, dict) and ("events" in data or set(data) <= top):
        extra = set(data) - top
        if extra:
            raise AnalysisError(f"{path}: unknown top-level key(s) {', '.join(sorted(extra))}; allowed: {', '.join(sorted(top))}")
        draft = Draft(data.get("events") or [], data.get("organisations") or [], data.get("initiatives") or [])
    elif isinstance(data, dict):
        draft = Draft([data])
    else:
        draft = Draft(data if isinstance(data, list) else [])
    parts = (draft.events, draft.organisations, draft.initiatives)
    if not any(parts) or not all(isinstance(e, dict) for part in parts for e in part):
        raise AnalysisError(f"{path}: a draft holds one event mapping, a list of them, or 'events: [...]' "
                            "(with optional 'organisations' and 'initiatives')")
    return draft


@dataclass
class Plan:
    """Rows to append, per table, and what was refused."""

    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    added_events: list[tuple[str, str, str]] = field(default_factory=list)  # (id, date, title)
    duplicates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, table: str, row: dict[str, str]) -> None:
        self.rows.setdefault(table, []).append(row)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def normalise_dates(start: Any, end: Any, precision: str | None) -> tuple[str, str, str]:
    """Full ISO start/end dates and the precision, from a draft's partial dates.

    >>> normalise_dates("2018-03", None, None)
    ('2018-03-01', '2018-03-31', 'month')
    >>> normalise_dates("2023-05-29", "2023-05-31", None)
    ('2023-05-29', '2023-05-31', 'span')
    >>> normalise_dates("2017-05-30", "2018-09", "window")
    ('2017-05-30', '2018-09-30', 'window')
    """
    s, e = _text(start), _text(end)
    if not s and not e:
        return "", "", precision or "unknown"
    ms = _PARTIAL_DATE.match(s)
    me = _PARTIAL_DATE.match(e) if e else None
    if not ms or (e and not me):
        raise ValueError(f"dates must be YYYY-MM-DD, YYYY-MM or YYYY (got start {s!r}, end {e!r})")

    def first(m: re.Match) -> str:
        y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
        return f"{y}-{mo}-{d}"

    def last(m: re.Match) -> str:
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        if d:
            return f"{y:04d}-{mo}-{d}"
        if mo:
            return f"{y:04d}-{mo}-{calendar.monthrange(y, int(mo))[1]:02d}"
        return f"{y:04d}-12-31"

    if precision is None:
        if ms.group(3):
            precision = "span" if me and e != s else "day"
        elif ms.group(2):
            precision = "month"
        else:
            precision = "year"
    if precision == "day":
        return first(ms), first(ms) if not me else last(me), precision
    return first(ms), last(me or ms), precision


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
        ids = current["events"].event_id.str.extract(r"ev-(\d+)")[0].dropna().astype(int)
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
        oid = _text(spec.get("id")) or slug(_text(spec.get("acronym")) or _text(spec.get("name")))
        if self.orgs.get(oid) or oid in {r["org_id"] for r in self.plan.rows.get("organisations", [])}:
            return
        row = {"org_id": oid, "name": _text(spec.get("name")), "acronym": _text(spec.get("acronym")),
               "kind": _text(spec.get("kind")) or "other", "country_code": _text(spec.get("country")),
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
        name, country = _text(spec.get("name")), _text(spec.get("country")).upper()
        if _text(spec.get("id")) in self.place_ids:
            return _text(spec.get("id"))
        found = self.places.get((normalise(name), country))
        if found:
            return found
        pid = slug(name) if slug(name) not in self.place_ids else f"{slug(name)}-{country.lower()}"
        kind = _text(spec.get("kind")) or ("online" if normalise(name) == "online" else place_kind(name))
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
        iid = _text(spec.get("id"))
        if not iid or iid in self.initiatives:
            return
        start, _, sp = normalise_dates(spec.get("start"), None, None) if spec.get("start") else ("", "", "")
        end, ep = "", ""
        if spec.get("end"):
            _, end, ep = normalise_dates(spec.get("end"), None, None)
        url = _text(spec.get("url"))
        self.plan.add("initiatives", {
            "initiative_id": iid, "name": _text(spec.get("name")), "kind": _text(spec.get("kind")) or "initiative",
            "description": _text(spec.get("description")), "start_date": start, "start_precision": sp,
            "end_date": end, "end_precision": ep, "status": _text(spec.get("status")) or "unknown",
            "source_url": url, "date_accessed": _text(spec.get("date_accessed")) or self.today,
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
        unknown = [k for k in draft if k not in EVENT_KEYS and not k.startswith(_IGNORED)]
        if unknown:
            self.plan.problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(EVENT_KEYS))}")
            return
        title, url = _text(draft.get("title")), _text(draft.get("url"))
        if not title or not url:
            self.plan.problems.append(f"{where}: 'title' and 'url' are required")
            return
        try:
            start, end, precision = normalise_dates(draft.get("date_start"), draft.get("date_end"), draft.get("date_precision"))
        except ValueError as exc:
            self.plan.problems.append(f"{where}: {exc}")
            return
        status = _text(draft.get("status")) or ("planned" if follow_up_of else "held")
        kind = _text(draft.get("kind")) or "meeting"
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
            ref = _text(spec.get("id") or spec.get("name")) if isinstance(spec, dict) else _text(spec)
            role = _text(spec.get("role")) if isinstance(spec, dict) else "participant"
            oid = self.org_id(ref)
            if oid is None:
                self.plan.problems.append(f"{where}: unknown organisation '{ref}'; add it under new_organisations")
                continue
            if role not in self.role_enum:
                self.plan.problems.append(f"{where}: role {role!r} of '{ref}' is not one of {', '.join(self.role_enum)}")
            orgs.append((oid, role))

        dup = self._duplicate(url, title, start, end, place_id, frozenset(o for o, _ in orgs), follow_up_of)
        if dup:
            self.plan.duplicates.append(f"{where}: '{title}' duplicates {dup}")
            return
        eid = f"ev-{self.next_event:04d}"
        self.next_event += 1
        self.plan.add("events", {
            "event_id": eid, "title": title, "kind": kind, "status": status,
            "date_start": start, "date_end": end, "date_precision": precision,
            "date_note": _text(draft.get("date_note")), "place_id": place_id,
            "summary": _text(draft.get("summary")), "source_url": url,
            "source_publisher": _text(draft.get("publisher")) or publisher(url),
            "date_accessed": _text(draft.get("date_accessed")) or self.today, "follow_up_of": follow_up_of,
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
            name = _text(person.get("name"))
            if not name:
                continue
            pid = self.person_id(name)
            if pid in seen_people:
                continue
            seen_people.add(pid)
            org_ref = _text(person.get("organisation"))
            oid = self.org_id(org_ref) if org_ref else ""
            if org_ref and oid is None:
                self.plan.problems.append(f"{where}: person '{name}': unknown organisation '{org_ref}'")
                oid = ""
            self.plan.add("event_people", {"event_id": eid, "person_id": pid, "role": _text(person.get("title")),
                                           "role_original": _text(person.get("title_original")), "org_id": oid or ""})
        for code in dict.fromkeys(_text(c).upper() for c in _as_list(draft.get("countries"))):
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
            if not _text(reason):
                self.plan.problems.append(f"{where}: distinct_from {other_id!r} needs a reason")
                continue
            self.plan.add("distinct_events", {"event_id": eid, "other_event_id": _text(other_id), "reason": _text(reason)})
        for n, follow in enumerate(draft.get("follow_ups") or [], start=1):
            follow = {"url": url, **follow}
            self.event(follow, f"{where} follow-up {n}", follow_up_of=eid)

    def _duplicate(self, url: str, title: str, start: str, end: str, place: str, orgs: frozenset,
                   follow_up_of: str) -> str | None:
        """An existing event this one repeats: the same page, date and subject (a page may report several
        events of one day), or the same dates, place and organisations."""
        if follow_up_of:
            return None
        for eid, known_start, known_title, known_place in self.known_urls.get(url, []):
            if not start or not known_start:
                return f"{eid} (same source page; one of the two is undated)"
            same_place = not (place and known_place) or place == known_place
            if known_start == start and same_place and fuzz.token_set_ratio(normalise(title), normalise(known_title)) >= 60:
                return f"{eid} (same source page, date and subject)"
        if start and place:
            eid = self.signatures.get((start, end, place, orgs))
            if eid:
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
        planner.event(spec, f"{label}: event {n} ({_text(spec.get('title'))[:40]!r})")
    return planner.plan
