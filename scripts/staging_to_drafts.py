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

from analysis.curation.names import normalise, slug, split_aliases


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


def _affiliation(orgs: Organisations, ref: str, specs: list[dict]) -> str:
    """A person's organisation: an id, or a placeholder ("NEW", "NEW: Border Police of X") that
    names one of the new bodies of the same event; unresolved placeholders stay empty."""
    if not ref:
        return ""
    if not ref.startswith("NEW"):
        return orgs.resolve({"org": ref})
    new = [o for o in specs if o.get("org") == "NEW"]
    words = set(slug(ref[3:]).split("-")) - {""}
    if words:
        best = max(new, key=lambda o: len(words & set(slug(str(o.get("name"))).split("-"))), default=None)
        if best is not None and words & set(slug(str(best.get("name"))).split("-")):
            return orgs.resolve(best)
        return ""
    return orgs.resolve(new[0]) if len(new) == 1 else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sheets", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--drafts", type=Path, required=True)
    ap.add_argument("--fixes", type=Path, required=True)
    args = ap.parse_args()
    orgs = Organisations(args.data)
    initiatives = {i["initiative_id"] for i in _rows(args.data, "initiatives")}
    events, fixes, skipped = [], [], []
    for sheet in args.sheets:
        for n, e in enumerate(yaml.safe_load(sheet.read_text(encoding="utf-8")) or [], 1):
            where = f"{sheet.name}#{n}"
            if not isinstance(e, dict) or not e.get("source_url") or not e.get("title"):
                skipped.append(f"{where}: no source_url or title")
                continue
            sources = [s for s in e.get("extra_sources") or [] if isinstance(s, dict) and s.get("url")]
            if e.get("duplicate_of"):
                fixes.append({"event_id": e["duplicate_of"], "verdict": "fix", "page_seen": e["source_url"],
                              "fixes": {"sources_add": [{"url": e["source_url"], "publisher": e.get("source_publisher") or "",
                                                         "relation": "report"}, *sources]}})
                continue
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
            if isinstance(place, dict) and place.get("name"):
                draft["place"] = {"name": place["name"], "country": place.get("country_code") or ""}
            specs = [o for o in e.get("organisations") or [] if isinstance(o, dict)]
            draft["organisations"] = [{"id": orgs.resolve(o), "role": o.get("role") or "named"} for o in specs]
            draft["people"] = [{"name": p["name"], "title": p.get("role") or "", "title_original": p.get("role_original") or "",
                                "organisation": _affiliation(orgs, str(p.get("org") or ""), specs)}
                               for p in e.get("people") or [] if isinstance(p, dict) and p.get("name")]
            draft["countries"] = [str(c).upper() for c in e.get("countries") or []]
            draft["topics"] = list(e.get("topics") or [])
            unknown = [i for i in e.get("initiatives") or [] if i not in initiatives]
            if unknown:
                skipped.append(f"{where}: unknown initiative(s) {', '.join(unknown)} left out")
            draft["initiatives"] = [i for i in e.get("initiatives") or [] if i in initiatives]
            events.append({k: v for k, v in draft.items() if v not in (None, "", [])})
    doc = {"organisations": list(orgs.new.values()), "events": events}
    args.drafts.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    args.fixes.write_text(yaml.safe_dump(fixes, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(f"{len(events)} new events, {len(orgs.new)} new organisations, {len(fixes)} duplicates as extra sources")
    for line in skipped:
        print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
