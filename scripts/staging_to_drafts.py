"""Turn curators' event sheets (one YAML list per family of events) into ``add`` drafts.

A sheet entry carries the facts of one event with the evidence a reviewer checks (see
data/README.md, "How rows are checked"). New events become one draft file for
``python -m analysis add``; entries that say ``duplicate_of: ev-XXXX`` become review fixes
(extra sources for the event already in the record) for ``scripts/apply_review.py``.

    python scripts/staging_to_drafts.py sheets/*.yaml --data data --drafts new.yaml --fixes dup-fixes.yaml
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import yaml

from analysis.curation.ingest.gazetteer import url_key
from analysis.curation.names import normalise, slug, split_aliases

#: libyaml's loader where PyYAML was built with it: the earlier rounds' files run to tens of megabytes
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _rows(data: Path, name: str) -> list[dict[str, str]]:
    with (data / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class Organisations:
    """Existing organisations by id and name forms; new ones get one id across all sheets."""

    def __init__(self, data: Path):
        self.ids = {o["org_id"] for o in _rows(data, "organisations")}
        self.forms: dict[str, str] = {}
        for o in _rows(data, "organisations"):
            for form in (o["name"], *split_aliases(o["aliases"])):
                self.forms.setdefault(normalise(form), o["org_id"])
        self.new: dict[str, dict] = {}

    def resolve(self, spec: dict) -> str:
        ref = str(spec.get("org") or "").strip()
        if ref in self.ids:
            return ref
        name = str(spec.get("name") or ref).strip()
        found = self.forms.get(normalise(name))
        if found:
            return found
        oid = slug(name)[:60].strip("-")
        n = 2
        while oid in self.ids:
            oid, n = f"{slug(name)[:57]}-{n}", n + 1
        self.ids.add(oid)
        self.forms[normalise(name)] = oid
        self.new[oid] = {"id": oid, "name": name, "acronym": str(spec.get("acronym") or ""),
                         "kind": str(spec.get("kind") or "other"), "country": str(spec.get("country_code") or "")}
        return oid


def _country(code: object) -> str:
    """An ISO code as YAML 1.1 may have read it: a bare NO (Norway) arrives as False."""
    return "NO" if code is False else str(code).upper()


def _urls(event: dict) -> set[str]:
    return {event["url"], *event.get("extra_urls", []), *event.get("report_urls", []), *event.get("dating_urls", [])}


def _overlap(a: dict, b: dict) -> bool:
    a0, b0 = str(a.get("date_start") or ""), str(b.get("date_start") or "")
    a1, b1 = str(a.get("date_end") or a0), str(b.get("date_end") or b0)
    return bool(a0 and b0) and a0[:10] <= b1[:10] and b0[:10] <= a1[:10]


def _sheet(event: dict) -> str:
    return str(event.get("_evidence", {}).get("sheet", "")).split("#")[0]


def _fold_repeats(events: list[dict]) -> tuple[list[dict], int]:
    """One event found by two curators (a shared page, overlapping dates) becomes one draft: the
    first keeps its facts, the second adds its pages, countries, organisations, people and topics."""
    kept: list[dict] = []
    for event in events:
        # one curator's two entries from one page are two events the curator told apart (two trainings, two round tables)
        twin = next((k for k in kept if _urls(k) & _urls(event) and _overlap(k, event) and _sheet(k) != _sheet(event)), None)
        if twin is None:
            kept.append(event)
            continue
        twin["report_urls"] = sorted(set(twin.get("report_urls", [])) | (_urls(event) - _urls(twin)))
        for key in ("countries", "topics", "initiatives"):
            twin[key] = list(dict.fromkeys([*twin.get(key, []), *event.get(key, [])]))
        have = {o["id"] for o in twin.get("organisations", [])}
        twin["organisations"] = [*twin.get("organisations", []), *(o for o in event.get("organisations", []) if o["id"] not in have)]
        names = {p["name"] for p in twin.get("people", [])}
        twin["people"] = [*twin.get("people", []), *(p for p in event.get("people", []) if p["name"] not in names)]
    return kept, len(events) - len(kept)


def _affiliation(orgs: Organisations, ref: str, specs: list[dict], role: str = "") -> str:
    """A person's organisation: an id, or a placeholder ("NEW", "NEW: Border Police of X") that
    names one of the new bodies of the same event. A bare "NEW" among several new bodies is the one
    whose name shares the most words with the person's role ("Consul General of Montenegro in New
    York": the consulate, not the emigrants' union), when one shares clearly more than the others;
    unresolved placeholders stay empty (the caller reports them)."""
    if not ref:
        return ""
    if not ref.startswith("NEW"):
        return orgs.resolve({"org": ref})
    new = [o for o in specs if o.get("org") == "NEW"]
    words = set(slug(ref[3:]).split("-")) - {""}
    if not words and len(new) == 1:
        return orgs.resolve(new[0])
    words = words or set(slug(role).split("-")) - _FILLER
    scored = sorted(((len(words & set(slug(str(o.get("name"))).split("-"))), i) for i, o in enumerate(new)), reverse=True)
    if scored and scored[0][0] >= 1 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return orgs.resolve(new[scored[0][1]])
    return ""


#: words of a role that say nothing about which body it belongs to
_FILLER = {"", "of", "the", "and", "in", "for", "to", "a", "at", "on"}


def _unresolved(where: str, people: list[dict], staged: list) -> list[str]:
    """One line per person whose staged body was a placeholder the draft could not resolve."""
    lines = []
    for person, spec in zip(people, (p for p in staged if isinstance(p, dict) and p.get("name")), strict=True):
        ref = str(spec.get("org") or "")
        if ref.startswith("NEW") and not (person.get("organisation") or person.get("org")):
            lines.append(f"{where}: {person['name']}'s body {ref!r} names none of the entry's new bodies unambiguously; "
                         "left empty: write 'NEW: <the body's name as in organisations>'")
    return lines


def _merge_organisations(orgs: Organisations, events: list[dict], merges: dict) -> None:
    mapping = merges.get("new") or {}
    for oid, spec in (merges.get("create") or {}).items():
        if oid not in orgs.ids:
            orgs.new[oid] = {"id": oid, **spec}
    for old in mapping:
        orgs.new.pop(old, None)
    for event in events:
        kept = []
        for link in event.get("organisations", []):
            target = mapping.get(link["id"], link["id"])
            if target and (target, link["role"]) not in {(k["id"], k["role"]) for k in kept}:
                kept.append({"id": target, "role": link["role"]})
        event["organisations"] = kept
        for person in event.get("people", []):
            if person.get("organisation") in mapping:
                person["organisation"] = mapping[person["organisation"]] or ""


def _judged_before(curation: Path, sheets: list[Path]) -> dict[str, str]:
    """Pages an editor already turned down: sheet entries marked ``rejected`` and rows a review took out as out of scope
    (their ids are retired, so the record alone no longer knows the page). Keyed by ``url_key``; the value says where."""
    judged: dict[str, str] = {}
    own = {s.resolve() for s in sheets}
    for sheet in sorted((curation / "sheets").glob("*.yaml")):
        if sheet.resolve() in own:
            continue
        text = sheet.read_text(encoding="utf-8")
        for e in (yaml.load(text, Loader=LOADER) if "rejected:" in text else None) or []:
            if isinstance(e, dict) and e.get("rejected") and e.get("source_url"):
                judged[url_key(str(e["source_url"]))] = f"rejected in {sheet.name}: {e['rejected']}"
    for review in sorted((curation / "reviews").glob("*.yaml")):
        text = review.read_text(encoding="utf-8")
        for e in (yaml.load(text, Loader=LOADER) if "out-of-scope" in text else None) or []:
            if isinstance(e, dict) and e.get("verdict") == "out-of-scope" and e.get("page_seen"):
                judged[url_key(str(e["page_seen"]))] = f"{e.get('event_id')} taken out as out of scope in {review.name}"
    return judged


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sheets", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--drafts", type=Path, required=True)
    ap.add_argument("--fixes", type=Path, required=True)
    ap.add_argument("--skip", nargs="*", default=[], metavar="SHEET#N", help="entries a reviewer rejected (e.g. fam-x.yaml#3)")
    ap.add_argument("--org-merges", type=Path, help="YAML: new organisation ids mapped to the id kept (null drops the link)")
    ap.add_argument("--curation", type=Path, default=Path("curation"), help="the sheets and reviews of earlier rounds")
    ap.add_argument("--rejudge", action="store_true", help="stage pages an editor turned down before (a changed rule)")
    args = ap.parse_args()
    judged = {} if args.rejudge else _judged_before(args.curation, args.sheets)
    orgs = Organisations(args.data)
    initiatives = {i["initiative_id"] for i in _rows(args.data, "initiatives")}
    places = {p["place_id"]: p for p in _rows(args.data, "places")}
    links = _rows(args.data, "event_organisations")
    people_links = _rows(args.data, "event_people")
    events, fixes, skipped = [], [], []
    for sheet in args.sheets:
        for n, e in enumerate(yaml.safe_load(sheet.read_text(encoding="utf-8")) or [], 1):
            where = f"{sheet.name}#{n}"
            if where in args.skip:
                skipped.append(f"{where}: rejected by the reviewer")
                continue
            if isinstance(e, dict) and e.get("rejected"):
                skipped.append(f"{where}: rejected by the reviewer ({e['rejected']})")
                continue
            if not isinstance(e, dict) or not e.get("source_url") or not e.get("title"):
                skipped.append(f"{where}: no source_url or title")
                continue
            before = judged.get(url_key(str(e["source_url"])))
            if before and not e.get("duplicate_of"):
                skipped.append(f"{where}: judged before ({before}); --rejudge to stage it")
                continue
            sources = [s for s in e.get("extra_sources") or [] if isinstance(s, dict) and s.get("url")]
            if e.get("duplicate_of"):
                eid = e["duplicate_of"]
                linked = {r["org_id"] for r in links if r["event_id"] == eid}
                specs = [o for o in e.get("organisations") or [] if isinstance(o, dict)]
                new_orgs = [o for o in specs if orgs.resolve(o) not in linked]
                present = {r["person_id"] for r in people_links if r["event_id"] == eid}
                # the people the page names that the row lacks come too (round 15's duplicates had lost them)
                wanted = [p for p in e.get("people") or [] if isinstance(p, dict) and p.get("name") and p.get("person_id") not in present]
                people = [{"name": p["name"], **({"person_id": str(p["person_id"])} if p.get("person_id") else {}),
                           "role": p.get("role") or "", "role_original": p.get("role_original") or "",
                           "org": _affiliation(orgs, str(p.get("org") or ""), specs, str(p.get("role") or ""))}
                          for p in wanted]
                skipped.extend(_unresolved(where, people, wanted))
                fixes.append({"event_id": eid, "verdict": "fix", "page_seen": e["source_url"], "fixes": {
                    "sources_add": [{"url": e["source_url"], "publisher": e.get("source_publisher") or "", "relation": "report"},
                                    *sources],
                    "countries_add": [_country(c) for c in e.get("countries") or []],
                    "orgs_add": [{"org": orgs.resolve(o), "role": o.get("role") or "named"} for o in new_orgs],
                    **({"people_add": people} if people else {})}})
                continue
            if e.get("date_end") and not e.get("date_start"):
                # an open window cannot be coded: the row goes in undated, its one bound kept in words
                bound = f"The page does not date the event; it took place no later than {e['date_end']}, and no earlier bound is evidenced."
                e = {**e, "date_start": None, "date_end": None, "date_precision": "unknown",
                     "date_note": f"{e.get('date_note') or ''} {bound}".strip()}
                skipped.append(f"{where}: only an upper date bound; added undated, the bound in date_note")
            draft = {
                "title": e["title"], "kind": e.get("kind"), "status": e.get("status"), "summary": e.get("summary"),
                "date_start": e.get("date_start"), "date_end": e.get("date_end"), "date_precision": e.get("date_precision"),
                "date_note": e.get("date_note"), "url": e["source_url"], "publisher": e.get("source_publisher"),
                "_evidence": {"date": e.get("date_evidence"), "place": e.get("place_evidence"), "sheet": where},
            }
            for relation, key in (("copy", "extra_urls"), ("report", "report_urls"), ("dating", "dating_urls")):
                urls = [s["url"] for s in sources if (s.get("relation") or "report") == relation]
                if urls:
                    draft[key] = urls
            place = e.get("place")
            if isinstance(place, str) and place.strip():  # a place id of the record ("budva"): its name and country
                known = places.get(place.strip())
                if known is None:
                    skipped.append(f"{where}: place {place!r} is not a place id of the record; give name and "
                                   "country_code (left out)")
                place = {"name": known["name"], "country_code": known["country_code"]} if known else None
            if isinstance(place, dict) and place.get("name"):
                draft["place"] = {"name": place["name"], "country": place.get("country_code") or ""}
                if place.get("kind"):  # a venue the sheet calls a `site` must not become a city by its name's shape
                    draft["place"]["kind"] = place["kind"]
            specs = [o for o in e.get("organisations") or [] if isinstance(o, dict)]
            draft["organisations"] = [{"id": orgs.resolve(o), "role": o.get("role") or "named"} for o in specs]
            draft["people"] = [{"name": p["name"], "title": p.get("role") or "", "title_original": p.get("role_original") or "",
                                "organisation": _affiliation(orgs, str(p.get("org") or ""), specs, str(p.get("role") or "")),
                                **({"known_as": str(p["person_id"])} if p.get("person_id") else {})}
                               for p in e.get("people") or [] if isinstance(p, dict) and p.get("name")]
            skipped.extend(_unresolved(where, draft["people"], e.get("people") or []))
            draft["countries"] = [_country(c) for c in e.get("countries") or []]
            draft["topics"] = list(e.get("topics") or [])
            unknown = [i for i in e.get("initiatives") or [] if i not in initiatives]
            if unknown:
                skipped.append(f"{where}: unknown initiative(s) {', '.join(unknown)} left out")
            draft["initiatives"] = [i for i in e.get("initiatives") or [] if i in initiatives]
            # a recorded event the curator found is another activity ("two activities under one year heading")
            draft["distinct_from"] = [{"event": d["event"], "reason": d.get("reason") or ""}
                                      for d in e.get("distinct_from") or [] if isinstance(d, dict) and d.get("event")]
            events.append({k: v for k, v in draft.items() if v not in (None, "", [])})
    events, folded = _fold_repeats(events)
    if args.org_merges:
        _merge_organisations(orgs, events, yaml.safe_load(args.org_merges.read_text(encoding="utf-8")))
    doc = {"organisations": list(orgs.new.values()), "events": events}
    args.drafts.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    args.fixes.write_text(yaml.safe_dump(fixes, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(f"{len(events)} new events ({folded} reported by two curators folded into one), {len(orgs.new)} new organisations, "
          f"{len(fixes)} duplicates as extra sources")
    for line in skipped:
        print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
