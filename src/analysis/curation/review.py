"""``review``: a recorded event checked against its page. A fresh extraction of the page (:mod:`.ingest`) is
compared with the event's row and its links (countries, organisations, people, place, date), and what
differs is listed for a curator: what the page names that the row lacks, and what the row claims that
the page does not support. The findings are leads, not verdicts: each comes with the page's evidence.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from analysis import locations
from analysis.curation.ingest import extract, load
from analysis.curation.ingest.matching import Folded, fold, same_name
from analysis.errors import AnalysisError


@dataclass
class Finding:
    kind: str  # "lacks" (the page names it, the row does not), "unsupported" (the row has it, the page does not), "date", "place"
    field: str
    value: str
    note: str = ""


@dataclass
class Review:
    event_id: str
    title: str
    source: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    with (data_dir / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


class Record:
    """The rows ``review`` compares with: events and their links, read once."""

    def __init__(self, data_dir: Path):
        self.events = {r["event_id"]: r for r in _rows(data_dir, "events")}
        self.links: dict[str, dict[str, list[dict]]] = {}
        for table in ("event_countries", "event_organisations", "event_people"):
            for r in _rows(data_dir, table):
                self.links.setdefault(r["event_id"], {}).setdefault(table, []).append(r)
        self.people = {r["person_id"]: r for r in _rows(data_dir, "people")}
        self.orgs = {r["org_id"]: r for r in _rows(data_dir, "organisations")}
        self.countries = {r["country_code"]: r["name"] for r in _rows(data_dir, "countries")}
        retired = data_dir / "retired_events.csv"
        self.retired = {r["event_id"]: r for r in _rows(data_dir, "retired_events")} if retired.exists() else {}

    def linked(self, event_id: str, table: str) -> list[dict]:
        return self.links.get(event_id, {}).get(table, [])


def review_event(rec: Record, event_id: str, source: str | None, data_dir: Path) -> Review:
    """Compare one event's row with a fresh extraction of its page (``source``: a file or URL; default the row's source_url)."""
    row = rec.events.get(event_id)
    if row is None and (gone := rec.retired.get(event_id)):
        where = f"merged into {gone['merged_into']}" if gone["merged_into"] else "removed"
        raise AnalysisError(f"{event_id}: no longer in the record: {where} on {gone['date_removed']} ({gone['reason']}); "
                            f"see {data_dir / 'retired_events.csv'}")
    if row is None:
        raise AnalysisError(f"{event_id}: no such event in {data_dir / 'events.csv'}")
    source = source or row["source_url"]
    out = Review(event_id, row["title"], source)
    try:
        page = load(source)
    except AnalysisError as exc:
        out.error = str(exc)
        return out
    d = extract(page.text, data_dir, url=row["source_url"], published=page.published)
    text = Folded(page.text)
    mentioned = d.get("mentioned") or {}

    # countries
    have = {r["country_code"] for r in rec.linked(event_id, "event_countries")}
    got = set(d["countries"])
    only_mentioned = {m["code"]: m for m in mentioned.get("countries", [])}
    evid = {e.split(":", 1)[0]: e.split(":", 1)[1].strip() for e in d["evidence"]["countries"]}
    for code in sorted(got - have):
        out.findings.append(Finding("lacks", "countries", f"{code} ({rec.countries.get(code, code)})", evid.get(code, "")))
    for code in sorted(have - got):
        if code in only_mentioned:
            m = only_mentioned[code]
            out.findings.append(Finding("unsupported", "countries", f"{code} ({rec.countries.get(code, code)})",
                                        f"the page only mentions it ({m['reason']}): {m['evidence']}"))
        elif not _named(text, rec.countries.get(code, code)):
            out.findings.append(Finding("unsupported", "countries", f"{code} ({rec.countries.get(code, code)})",
                                        "the page does not name it (it may name it in a form ingest does not know: check)"))

    # organisations
    have_orgs = {r["org_id"]: r["role"] for r in rec.linked(event_id, "event_organisations")}
    new = {o["id"] for o in d.get("new_organisations", [])}
    got_orgs = {o["id"]: o for o in d["organisations"] if o["id"] not in new}
    only_m = {m["id"]: m for m in mentioned.get("organisations", [])}
    for oid in sorted(set(got_orgs) - set(have_orgs)):
        out.findings.append(Finding("lacks", "organisations", f"{oid} as {got_orgs[oid]['role']}", got_orgs[oid]["evidence"]))
    for o in d.get("new_organisations", []):
        out.findings.append(Finding("lacks", "organisations", f"'{o['name']}' (not in the record)", o["evidence"]))
    for oid in sorted(set(have_orgs) - set(got_orgs)):
        if oid in only_m:
            out.findings.append(Finding("unsupported", "organisations", f"{oid} as {have_orgs[oid]}",
                                        f"the page only mentions it ({only_m[oid]['reason']}): {only_m[oid]['evidence']}"))
        else:
            org = rec.orgs.get(oid, {})
            forms = [org.get("name", ""), org.get("acronym", ""), *(org.get("aliases") or "").split("|")]
            if not any(f and _named(text, f) for f in forms):
                out.findings.append(Finding("unsupported", "organisations", f"{oid} as {have_orgs[oid]}",
                                            "the page does not name it (check the other pages of the event)"))

    # people
    have_people = {r["person_id"]: r for r in rec.linked(event_id, "event_people")}
    got_people = {p.get("known_as") or p["name"]: p for p in d["people"]}
    for key, p in got_people.items():
        if key not in have_people:
            what = f"{p['name']}" + (f", {p['title']}" if p.get("title") else "") + (f" ({p['organisation']})" if p.get("organisation") else "")
            out.findings.append(Finding("lacks", "people", what, p["evidence"]))
        elif p.get("organisation") and have_people[key]["org_id"] and p["organisation"] != have_people[key]["org_id"]:
            out.findings.append(Finding("unsupported", "people", f"{key}: affiliation {have_people[key]['org_id']}",
                                        f"the page ties them to {p['organisation']}: {p['evidence']}"))
    for pid in sorted(set(have_people) - set(got_people)):
        name = rec.people.get(pid, {}).get("name", pid)
        if not _person_named(text, name):
            out.findings.append(Finding("unsupported", "people", f"{pid} ({name})", "the page does not name this person"))

    # place and date
    place = (d.get("place") or {}).get("id") or (d.get("place") or {}).get("name")
    if place and row["place_id"] and place != row["place_id"]:
        out.findings.append(Finding("place", "place", f"row {row['place_id']}, page {place}", d["evidence"].get("place", "")))
    elif place and not row["place_id"]:
        out.findings.append(Finding("lacks", "place", place, d["evidence"].get("place", "")))
    out.findings.extend(_date_findings(row, d))
    return out


def _named(text: Folded, name: str) -> bool:
    return bool(name) and text.find_words(name) != (-1, -1)


def _person_named(text: Folded, name: str) -> bool:
    words = fold(name).split()
    if not words:
        return False
    toks = [t[0] for t in text.tokens]
    return any(same_name(" ".join(toks[k:k + len(words)]), name) for k in range(len(toks) - len(words) + 1))


def _date_findings(row: dict, d: dict) -> list[Finding]:
    start, end, prec = d.get("date_start"), d.get("date_end"), d.get("date_precision")
    if not start or prec == "unknown":
        return []
    rs, re_, rp = row["date_start"], row["date_end"], row["date_precision"]
    ev = d["evidence"].get("date", "")
    if not rs:
        return [Finding("lacks", "date", f"{start}..{end or start} ({prec})", ev)]
    if prec == "month":
        return []
    try:
        inside = dt.date.fromisoformat(rs) <= dt.date.fromisoformat(start) and dt.date.fromisoformat(end or start) <= dt.date.fromisoformat(re_)
    except ValueError:
        return []
    if (rs, re_) == (start, end or start):
        return []
    if inside and rp in ("window", "month", "year"):
        return [Finding("date", "date", f"more precise: {start}..{end or start} (row: {rs}..{re_}, {rp})", ev)]
    return [Finding("date", "date", f"page {start}..{end or start}, row {rs}..{re_} ({rp})", ev)]


def read_list(path: Path) -> list[tuple[str, str | None]]:
    """``id<TAB>file-or-url`` lines (or bare ids); blank lines and # comments skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        eid, _, source = line.partition("\t")
        out.append((eid.strip(), source.strip() or None))
    return out


def review(items: list[tuple[str, str | None]], data_dir: Path | None = None) -> list[Review]:
    from analysis.record.declaration import read_package

    data_dir = locations.data_dir(data_dir)
    read_package(data_dir)  # a folder with no data package gets the same message as every other command
    rec = Record(data_dir)
    return [review_event(rec, eid, source, data_dir) for eid, source in items]


_HEAD = {"lacks": "The page names what the row lacks", "unsupported": "The row claims what the page does not support",
         "date": "Dates", "place": "Place"}


def render(reviews: list[Review], when: str | None = None) -> str:
    """The Markdown report: one section per event, one checkbox per finding, each with the page's evidence."""
    when = when or dt.date.today().isoformat()
    n = sum(len(r.findings) for r in reviews)
    lines = [f"# Review of {len(reviews)} event(s) against their pages ({when})", "",
             f"{n} finding(s). Each is a lead from `python -m analysis review`, not a verdict: check it on the page, then "
             "fix the data (with a change-log entry) or tick it off with a note on why the row stands.", ""]
    for r in reviews:
        lines += [f"## {r.event_id}: {r.title}", "", f"Page: {r.source}", ""]
        if r.error:
            lines += [f"- [ ] could not read the page: {r.error}", ""]
            continue
        if not r.findings:
            lines += ["Nothing to check: the row and the page agree on every compared field.", ""]
            continue
        for kind in ("lacks", "unsupported", "date", "place"):
            items = [f for f in r.findings if f.kind == kind]
            if items:
                lines.append(f"### {_HEAD[kind]}")
                lines += [f"- [ ] **{f.field}**: {f.value}" + (f"  \n  {f.note}" if f.note else "") for f in items]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"
