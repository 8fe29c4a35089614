"""Apply a curator's row-by-row review (fixes checked against each row's page) to data/.

Input: YAML lists of ``{event_id, page_seen, verdict, scope_reason, fixes, evidence}`` (the
format curators fill in while re-checking rows against their pages; see data/README.md, "How
rows are checked"). Verdicts: ``ok``, ``fix``, ``out-of-scope`` (the row leaves the record),
``duplicate`` (merged into ``fixes.duplicate_of``), ``unverifiable`` (left as it is).
Writes every table in its own column order and prints one line per change; the reasons for
removed rows go to ``--reasons`` (JSON) for the change log. Run ``python -m analysis validate``
afterwards.

    python scripts/apply_review.py review1.yaml review2.yaml --data data --reasons removed.json
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml

from analysis.curation.geonames import located
from analysis.curation.names import normalise, slug, split_aliases
from analysis.record.rules import redundant_roles

#: the kinds of place a review may give a new venue (codebook: places.kind)
PLACE_KINDS = ("city", "site")

LINKS = ["event_countries", "event_organisations", "event_people", "event_topics", "event_initiatives", "event_sources"]


class Tables:
    def __init__(self, data: Path):
        self.data = data
        self.columns: dict[str, list[str]] = {}
        self.rows: dict[str, list[dict[str, str]]] = {}
        for name in ["events", "organisations", "people", "places", "initiatives", "initiative_organisations", *LINKS,
                     "distinct_events", "organisation_names", "retired_events"]:
            with (data / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                self.columns[name] = list(reader.fieldnames or [])
                self.rows[name] = list(reader)
        self.log: list[str] = []

    def save(self) -> None:
        for name, rows in self.rows.items():
            with (self.data / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, self.columns[name], lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)

    def event(self, eid: str) -> dict[str, str] | None:
        return next((r for r in self.rows["events"] if r["event_id"] == eid), None)

    def links(self, table: str, eid: str) -> list[dict[str, str]]:
        return [r for r in self.rows[table] if r["event_id"] == eid]

    def add_link(self, table: str, row: dict[str, str]) -> bool:
        key = [c for c in self.columns[table] if c in ("event_id", "country_code", "org_id", "role", "person_id", "topic_id",
                                                         "initiative_id", "url")]
        if table == "event_people":
            key = ["event_id", "person_id"]
        if any(all(r.get(k, "") == row.get(k, "") for k in key) for r in self.rows[table]):
            return False
        self.rows[table].append({c: row.get(c, "") for c in self.columns[table]})
        return True

    def drop_links(self, table: str, pred) -> int:
        before = len(self.rows[table])
        self.rows[table] = [r for r in self.rows[table] if not pred(r)]
        return before - len(self.rows[table])

    # --- entities ---------------------------------------------------------------------
    def org_id(self, spec: dict) -> str:
        ref = str(spec.get("org") or "").strip()
        if ref and ref != "NEW" and any(o["org_id"] == ref for o in self.rows["organisations"]):
            return ref
        name, acronym = str(spec.get("name") or ref).strip(), str(spec.get("acronym") or "").strip()
        wanted = {normalise(name)} | ({normalise(acronym)} if acronym else set())
        for o in self.rows["organisations"]:
            forms = {normalise(o["name"])} | {normalise(a) for a in split_aliases(o["aliases"])}
            if (wanted & forms) or (acronym and normalise(o["acronym"]) == normalise(acronym)
                                    and o["country_code"] == str(spec.get("country_code") or "")):
                return o["org_id"]
        if not name:
            raise SystemExit(f"organisation without id or name: {spec}")
        oid = slug(name)[:60].strip("-")
        taken = {o["org_id"] for o in self.rows["organisations"]}
        n = 2
        while oid in taken:
            oid, n = f"{slug(name)[:57]}-{n}", n + 1
        self.rows["organisations"].append({
            "org_id": oid, "name": name, "acronym": acronym, "kind": str(spec.get("kind") or "other"),
            "country_code": str(spec.get("country_code") or ""), "aliases": ""})
        self.log.append(f"organisations +{oid} ({name})")
        return oid

    def org_ref(self, ref: str, fixes: dict) -> str:
        """An organisation a person is tied to: an id, or a placeholder naming a new body
        ("NEW: Albanian State Police", "NEW-albanian-state-police") resolved against the new
        bodies the same review adds."""
        specs = [o for k in ("orgs_add", "orgs_role") for o in fixes.get(k) or [] if isinstance(o, dict) and o.get("org") == "NEW"]
        if not ref.startswith("NEW"):
            if ref == slug(ref) and not any(o["org_id"] == ref for o in self.rows["organisations"]):
                named = [o for o in specs if slug(str(o.get("name"))).startswith(ref)]
                if len(named) == 1:  # the slug of the name of a body the same review adds
                    return self.org_id(named[0])
                raise SystemExit(f"{ref!r}: not an org_id of organisations.csv and not the name of a body this review adds; "
                                 "use an org_id, or 'NEW: <name>' for a body in orgs_add")
            return self.org_id({"org": ref})
        wanted = ref[4:].strip(" :-")
        for o in specs:  # "NEW-scip" for the body added with id_hint NEW-scip, or with acronym SCIP
            if o.get("id_hint") == ref or (o.get("acronym") and normalise(str(o["acronym"])) == normalise(wanted)):
                return self.org_id(o)
        words = set(slug(wanted).split("-"))
        best = max(specs, key=lambda o: len(words & set(slug(str(o.get("name"))).split("-"))), default=None)
        if best is not None and words & set(slug(str(best.get("name"))).split("-")):
            return self.org_id(best)
        if wanted == slug(wanted):  # a bare slug names no body: never make one called "scip"
            raise SystemExit(f"{ref!r}: no new body of this review matches this placeholder; add the body to orgs_add "
                             "(org: NEW, name, acronym, kind, country_code) or use an org_id of organisations.csv")
        return self.org_id({"org": "NEW", "name": wanted})

    def merge(self, table: str, key: str, old: str, new: str) -> None:
        """Fold entity ``old`` into ``new``: references move, ``old``'s name becomes an alias."""
        gone = next(r for r in self.rows[table] if r[key] == old)
        kept = next(r for r in self.rows[table] if r[key] == new)
        kept["aliases"] = "|".join(dict.fromkeys(a for a in [*split_aliases(kept["aliases"]), gone["name"],
                                                             *split_aliases(gone["aliases"])] if a and a != kept["name"]))
        self.rows[table] = [r for r in self.rows[table] if r[key] != old]
        for name, rows in self.rows.items():
            if key in self.columns[name] and name != table:
                for r in rows:
                    if r[key] == old:
                        r[key] = new
                seen, unique = set(), []
                for r in rows:
                    sig = tuple(r.values())
                    if sig not in seen:
                        seen.add(sig)
                        unique.append(r)
                self.rows[name] = unique
        self.log.append(f"{table}: {old} merged into {new}")

    def person_id(self, name: str, namesake: bool = False) -> str:
        """The record's person of that name or alias; else, or for a ``namesake`` (a person the page shows is not the record's
        person of the same name), a new person under a free id."""
        for p in self.rows["people"]:
            if not namesake and normalise(name) in {normalise(p["name"]), *(normalise(a) for a in split_aliases(p["aliases"]))}:
                return p["person_id"]
        pid, n = slug(name), 2
        taken = {p["person_id"] for p in self.rows["people"]}
        while pid in taken:
            pid, n = f"{slug(name)}-{n}", n + 1
        self.rows["people"].append({"person_id": pid, "name": name, "aliases": ""})
        self.log.append(f"people +{pid}")
        return pid

    def place_id(self, spec: dict) -> str:
        name, country = str(spec.get("name") or "").strip(), str(spec.get("country_code") or "").strip().upper()
        if normalise(name) == "online":
            return "online"
        for p in self.rows["places"]:
            if p["country_code"] == country and normalise(name) in {normalise(p["name"]), *map(normalise, split_aliases(p["aliases"]))}:
                return p["place_id"]
        taken = {p["place_id"] for p in self.rows["places"]}
        pid = slug(name) if slug(name) not in taken else f"{slug(name)}-{country.lower()}"
        kind = str(spec.get("kind") or "").strip()  # the reviewer's word wins; a guess only when none is given
        if kind not in PLACE_KINDS:
            site_words = ("crossing", "airport", "centre", "center", "academy", "port ", "park", "hotel", "chancellery", "ministry")
            kind = "site" if "," in name or any(w in normalise(name) for w in site_words) else "city"
        self.rows["places"].append({"place_id": pid, "name": name, "kind": kind, "country_code": country, "aliases": "",
                                    **located(name, country)})
        self.log.append(f"places +{pid}")
        return pid


def remove_event(t: Tables, eid: str, why: str, into: str = "") -> None:
    """Take a row out of the record; its id is retired (never given to another event), with ``why`` and the row it went into."""
    t.rows["events"] = [r for r in t.rows["events"] if r["event_id"] != eid]
    for r in t.rows["retired_events"]:  # rows merged into this one now point where it goes (nowhere, if removed)
        if r["merged_into"] == eid:
            r["merged_into"] = into
    t.rows["retired_events"].append({"event_id": eid, "date_removed": dt.date.today().isoformat(), "merged_into": into,
                                     "reason": why[:600]})
    for table in LINKS:
        t.drop_links(table, lambda r: r["event_id"] == eid)
    t.drop_links("distinct_events", lambda r: eid in (r["event_id"], r["other_event_id"]))
    for r in t.rows["events"]:
        if r["follow_up_of"] == eid:
            r["follow_up_of"] = into


def _site(url: str) -> str:
    return urlparse(url).netloc.lower().removeprefix("www.")


def one_part(t: Tables, eid: str) -> None:
    """Drop the event's body links another link of the same body already states (rule one-body-one-part), as a merge or
    a reviewer's new role can leave them: `participant` beside host, organiser or partner; `named` beside any role."""
    held: dict[str, set[str]] = {}
    for row in t.links("event_organisations", eid):
        held.setdefault(row["org_id"], set()).add(row["role"])
    for org, roles in held.items():
        for role in redundant_roles(roles):
            t.drop_links("event_organisations", lambda r, o=org, ro=role: r["event_id"] == eid and r["org_id"] == o
                         and r["role"] == ro)


def merge_into(t: Tables, eid: str, keep: str, why: str) -> None:
    gone, kept = t.event(eid), t.event(keep)
    for table in LINKS:
        for row in t.links(table, eid):
            t.add_link(table, {**row, "event_id": keep})
    one_part(t, keep)
    if gone["source_url"] != kept["source_url"]:  # the same post at another address of its site, else another page
        same_site = _site(gone["source_url"]) == _site(kept["source_url"])
        t.add_link("event_sources", {"event_id": keep, "url": gone["source_url"], "publisher": gone["source_publisher"],
                                     "relation": "copy" if same_site else "report"})
    remove_event(t, eid, why, into=keep)


def _country(code: object) -> str:
    """A country code as the reviewer wrote it; YAML reads an unquoted NO (Norway) as false."""
    return "NO" if code is False else str(code).upper()


#: the fix keys a review may use; other spellings reviewers wrote are read as these
FIX_KEYS = {"countries_add", "countries_remove", "orgs_add", "orgs_remove", "orgs_role", "people_add", "people_fix",
            "people_remove", "topics_add", "topics_remove", "date", "place", "initiatives_add", "status", "source_url",
            "source_publisher", "sources_add", "extra_sources_add", "sources_remove", "source_relation", "title", "summary",
            "kind", "follow_up_of", "duplicate_of"}
FIX_KEY_SPELLINGS = {"extra_sources": "extra_sources_add", "sources_relation": "source_relation"}
PERSON_KEY_SPELLINGS = {"add_alias": "alias_add"}


def item_fixes(path: Path, item: dict) -> dict:
    """An entry's fixes; a fix key written beside `fixes:` instead of under it stops the run (it was once dropped unread)."""
    misplaced = sorted(k for k in item if FIX_KEY_SPELLINGS.get(k, k) in FIX_KEYS)
    if misplaced:
        raise SystemExit(f"{path}: {item['event_id']}: {', '.join(misplaced)} written beside `fixes:`, not under it; "
                         "move it under `fixes:` (nothing was changed)")
    return item.get("fixes") or {}


def _normalised_fixes(eid: str, fx: dict) -> dict:
    """The review's fixes under the keys apply_fixes reads; a key it does not know stops the run, never passes unread."""
    fx = {FIX_KEY_SPELLINGS.get(k, k): v for k, v in fx.items()}
    unknown = sorted(set(fx) - FIX_KEYS)
    if unknown:
        raise SystemExit(f"{eid}: unknown fix key(s) {', '.join(unknown)}; use one of {', '.join(sorted(FIX_KEYS))} "
                         "(nothing was changed)")
    if fx.get("people_fix"):
        fx["people_fix"] = [{PERSON_KEY_SPELLINGS.get(k, k): v for k, v in spec.items()} for spec in fx["people_fix"]]
    return fx


def apply_fixes(t: Tables, eid: str, fx: dict) -> None:
    ev = t.event(eid)
    fx = _normalised_fixes(eid, fx)
    for code in fx.get("countries_add") or []:
        t.add_link("event_countries", {"event_id": eid, "country_code": _country(code)})
    for code in fx.get("countries_remove") or []:
        gone = _country(code)
        t.drop_links("event_countries", lambda r, c=gone: r["event_id"] == eid and r["country_code"] == c)
    for spec in fx.get("orgs_remove") or []:
        oid = spec["org"] if isinstance(spec, dict) else spec
        role = str(spec.get("role") or "") if isinstance(spec, dict) else ""  # a role given: only that link goes
        t.drop_links("event_organisations", lambda r, o=oid, ro=role: r["event_id"] == eid and r["org_id"] == o
                     and (not ro or r["role"] == ro))
    for spec in fx.get("orgs_role") or []:
        oid, old_role = t.org_id(spec), spec.get("from")
        t.drop_links("event_organisations", lambda r, o=oid, f=old_role: r["event_id"] == eid and r["org_id"] == o
                     and (not f or r["role"] == f))
        t.add_link("event_organisations", {"event_id": eid, "org_id": oid, "role": spec["to"]})
    for spec in fx.get("orgs_add") or []:
        t.add_link("event_organisations", {"event_id": eid, "org_id": t.org_id(spec), "role": spec.get("role") or "named"})
    for spec in fx.get("people_remove") or []:
        t.drop_links("event_people", lambda r, p=spec["person_id"]: r["event_id"] == eid and r["person_id"] == p)
    for spec in fx.get("people_fix") or []:
        pid = spec["person_id"]
        person = next((p for p in t.rows["people"] if p["person_id"] == pid), None)
        if person and spec.get("name") and spec["name"] != person["name"]:
            old = person["name"]
            person["name"] = spec["name"]
            aliases = [a for a in split_aliases(person["aliases"]) if a != spec["name"]]
            if normalise(old) != normalise(spec["name"]) or old != spec["name"]:
                aliases.append(old)
            person["aliases"] = "|".join(dict.fromkeys(aliases))
        if person and spec.get("alias_add"):  # a spelling of the page the record lacks: kept as an alias
            given = spec["alias_add"] if isinstance(spec["alias_add"], list) else split_aliases(str(spec["alias_add"]))
            extra = [str(a).strip() for a in given if str(a).strip() and str(a).strip() != person["name"]]
            person["aliases"] = "|".join(dict.fromkeys([*split_aliases(person["aliases"]), *extra]))
        for r in t.links("event_people", eid):
            if r["person_id"] == pid:
                for key in ("role", "role_original"):
                    if key in spec and spec[key] is not None:
                        r[key] = str(spec[key])
                if spec.get("org"):
                    r["org_id"] = t.org_ref(_person_org(spec), fx)
                elif "org" in spec:  # an empty body: the page does not state whose the person is
                    r["org_id"] = ""
    for spec in fx.get("people_add") or []:
        known = spec.get("person_id") and any(p["person_id"] == spec["person_id"] for p in t.rows["people"])
        pid = str(spec["person_id"]) if known else t.person_id(spec["name"], namesake=bool(spec.get("namesake")))
        org = t.org_ref(_person_org(spec), fx) if spec.get("org") else ""
        t.add_link("event_people", {"event_id": eid, "person_id": pid, "role": str(spec.get("role") or ""),
                                    "role_original": str(spec.get("role_original") or ""), "org_id": org})
    for topic in fx.get("topics_add") or []:
        t.add_link("event_topics", {"event_id": eid, "topic_id": topic})
    for topic in fx.get("topics_remove") or []:
        t.drop_links("event_topics", lambda r, tp=topic: r["event_id"] == eid and r["topic_id"] == tp)
    if fx.get("date"):
        for key in ("date_start", "date_end", "date_precision", "date_note"):
            if key in fx["date"]:
                value = fx["date"][key]
                ev[key] = "" if value is None else str(value)
    if "place" in fx:
        ev["place_id"] = t.place_id(fx["place"]) if fx["place"] else ""
    for iid in fx.get("initiatives_add") or []:
        if any(i["initiative_id"] == iid for i in t.rows["initiatives"]):
            t.add_link("event_initiatives", {"event_id": eid, "initiative_id": iid})
        else:
            print(f"{eid}: unknown initiative {iid} not linked", file=sys.stderr)
    if fx.get("status"):
        ev["status"] = str(fx["status"])
    if fx.get("source_url") and fx["source_url"] != ev["source_url"]:  # the event's own page found: it becomes the main page
        old_url, old_publisher = ev["source_url"], ev["source_publisher"]
        ev["source_url"] = str(fx["source_url"])
        ev["source_publisher"] = str(fx.get("source_publisher") or old_publisher)
        t.drop_links("event_sources", lambda r: r["event_id"] == eid and r["url"] == ev["source_url"])
        t.add_link("event_sources", {"event_id": eid, "url": old_url, "publisher": old_publisher, "relation": "report"})
    for src in [*(fx.get("sources_add") or []), *(fx.get("extra_sources_add") or [])]:
        if src.get("url") and src["url"] != ev["source_url"]:
            t.add_link("event_sources", {"event_id": eid, "url": src["url"], "publisher": src.get("publisher") or "",
                                         "relation": src.get("relation") or "report"})
    for src in fx.get("sources_remove") or []:  # a listed page that is not a copy or report of the event
        url = src.get("url") if isinstance(src, dict) else str(src)
        if not t.drop_links("event_sources", lambda r, u=url: r["event_id"] == eid and r["url"] == u):
            own = " (the event's own page stays: give another source_url to replace it)" if url == ev["source_url"] else ""
            print(f"{eid}: no listed source {url}; nothing removed{own}", file=sys.stderr)
    for change in fx.get("source_relation") or []:  # {url, from, to}: a stored source's relation corrected
        rows = [r for r in t.links("event_sources", eid) if r["url"] == change.get("url") and r["relation"] == change.get("from")]
        if not rows:
            print(f"{eid}: no {change.get('from')} source {change.get('url')}; relation not changed", file=sys.stderr)
        for row in rows:
            row["relation"] = str(change["to"])
    for key in ("title", "summary", "kind"):
        if fx.get(key):  # a value, or the {from, to} form reviewers also use for roles
            ev[key] = str(fx[key]["to"] if isinstance(fx[key], dict) and "to" in fx[key] else fx[key])
    if "follow_up_of" in fx:  # the event this one was agreed at (empty: none)
        target = str(fx["follow_up_of"] or "")
        if target and (target == eid or t.event(target) is None):
            raise SystemExit(f"{eid}: follow_up_of {target!r} is not another event of the record; nothing was changed")
        ev["follow_up_of"] = target
    for spec in fx.get("people_fix") or []:  # one person under two ids: fold this id into the one the review names
        if spec.get("merge_into") and spec["merge_into"] != spec["person_id"]:
            ids = {p["person_id"] for p in t.rows["people"]}
            if spec["merge_into"] not in ids:
                raise SystemExit(f"{eid}: merge_into {spec['merge_into']!r} is not a person of the record; nothing was changed")
            if spec["person_id"] in ids:
                t.merge("people", "person_id", spec["person_id"], spec["merge_into"])
    one_part(t, eid)


def _person_org(spec: dict) -> str:
    """A person's body as the reviewer wrote it: an id, a placeholder, or ``org: NEW`` with the body in ``org_name``."""
    if str(spec["org"]) == "NEW" and spec.get("org_name"):
        return f"NEW: {spec['org_name']}"
    return str(spec["org"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reviews", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--reasons", type=Path, required=True, help="JSON file of removed rows' reasons: this run's are added to those it holds")
    ap.add_argument("--merge-people", nargs="*", default=[], metavar="OLD=NEW", help="one person under two ids")
    ap.add_argument("--merge-orgs", nargs="*", default=[], metavar="OLD=NEW", help="one organisation under two ids")
    args = ap.parse_args()
    try:  # the reasons of earlier runs of one release are kept: each run adds its own
        earlier = json.loads(args.reasons.read_text(encoding="utf-8")) if args.reasons.exists() else {}
    except (OSError, ValueError) as e:
        earlier = e
    if not isinstance(earlier, dict):
        print(f"error: {args.reasons}: not a JSON object of removed rows' reasons ({earlier}); nothing was changed", file=sys.stderr)
        return 1
    t = Tables(args.data)
    for table, key, pairs in (("people", "person_id", args.merge_people), ("organisations", "org_id", args.merge_orgs)):
        for pair in pairs:
            old, new = pair.split("=")
            t.merge(table, key, old, new)
    removed: dict[str, str] = {}
    merges: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    for path in args.reviews:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            eid, verdict = item["event_id"], item.get("verdict", "ok")
            if t.event(eid) is None:
                print(f"{path}: {eid} not in the record (already merged or removed); skipped", file=sys.stderr)
                continue
            counts[verdict] = counts.get(verdict, 0) + 1
            fx = item_fixes(path, item)
            if verdict == "out-of-scope":
                removed[eid] = f"out of scope: {item.get('scope_reason') or 'no migration, border, asylum or trafficking angle on its page'}"
                remove_event(t, eid, removed[eid])
                continue
            apply_fixes(t, eid, fx)
            if fx.get("duplicate_of"):
                merges.append((eid, fx["duplicate_of"]))
    for eid, keep in merges:
        if t.event(eid) is None or t.event(keep) is None:
            continue
        removed[eid] = f"duplicate of {keep} (merged: its page became an extra source of {keep})"
        merge_into(t, eid, keep, removed[eid])
    t.save()
    args.reasons.write_text(json.dumps({**earlier, **removed}, indent=1, ensure_ascii=False), encoding="utf-8")
    print("verdicts:", counts, "| removed:", len(removed), "| new entities:", len(t.log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
