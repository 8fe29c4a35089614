"""Scoring ``ingest`` against facts written down by hand for real press releases: per field, how many
extracted values are right, how many were extracted and how many were expected (precision, recall
and F1 follow). ``benchmarks/eval_ingest.py`` prints the tables; the test suite holds ingest to the
counts it reached (``tests/test_ingest_quality_floor.py``).

A case is a release's text and its facts in an ``expected.yaml``: ``kind``, ``date`` ([start, end]
or null), ``place``, ``organisations`` (ids taking part), ``organisations_unknown`` (names the record
does not know), ``organisations_mentioned``, ``countries``, ``countries_mentioned``, ``initiatives``
(optional) and ``people``: ``Name: "title"`` or ``Name: {title: ..., organisation: org_id|null}``.
A folder named ``heldout`` or ``blind`` on a case's path puts it in that part, else it is tuning."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from analysis.curation.ingest.draft import extract
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded
from analysis.curation.names import normalise, slug

FIELDS = ("date", "place", "kind", "organisations", "countries", "people", "people titles", "affiliations", "initiatives",
          "orgs mentioned", "countries mentioned")


def _norm_title(t: str | None, g: Gazetteer) -> str:
    """A title compared up to the organisation named in it, which ingest records as the affiliation
    ("Director of the MARRI RC" and "Director" with affiliation MARRI count as the same), and up to a leading article."""
    t = t or ""
    for m in reversed(g.orgs.find(Folded(t), capitalised=False)):
        t = t[:m["start"]] + " " + t[m["end"]:]
    t = re.sub(r"[^\w]+", " ", normalise(t)).strip()
    t = re.sub(r"^(?:the|a|an)\s+", "", t)  # an English article is no part of a title ("the Agency's director")
    return re.sub(r"(?:\b(?:of|the|at|in)\s*)+$", "", t).strip()


def _person(value) -> tuple[str | None, str | None, bool]:
    """(title, organisation, affiliation given) of an expected person in either format."""
    if isinstance(value, dict):
        return value.get("title"), value.get("organisation"), "organisation" in value
    return value, None, False


def _same_new_org(name: str, org: dict) -> bool:
    forms = [org.get("name") or "", org.get("acronym") or "", org.get("id") or ""]
    return any(f and (normalise(f) == normalise(name) or fuzz.token_sort_ratio(normalise(f), normalise(name)) >= 85) for f in forms)


def cases(root: Path) -> list[tuple[str, str, Path, dict]]:
    """(part, name, text file, expected facts) for every case under ``root`` (benchmarks/ingest_eval/)."""
    out = []
    for yml in sorted(root.rglob("expected.yaml")):
        folders = yml.relative_to(root).parts
        part = "heldout" if "heldout" in folders else "blind" if "blind" in folders else "tuning"
        for name, exp in (yaml.safe_load(yml.read_text(encoding="utf-8")) or {}).items():
            file = yml.parent / exp.get("file", f"{name}.txt")
            if not file.exists() and file.with_suffix(".html").exists():
                file = file.with_suffix(".html")
            out.append((part, f"{yml.parent.relative_to(root)}/{name}".lstrip("./"), file, exp))
    return out


def score(group: list[tuple[str, str, Path, dict]], data_dir: Path | None = None, show=print, drafts: dict[str, dict] | None = None
          ) -> dict[str, list[int]]:
    """Per field: [true positives, predicted, expected], ingest reading the record in ``data_dir``; or, with ``drafts`` (case
    name: draft), those drafts scored instead (a second person's facts, :func:`facts_as_draft`)."""
    g = Gazetteer.cached(data_dir)
    totals: dict[str, list[int]] = {}

    def add(field, tp, pred, exp):
        t = totals.setdefault(field, [0, 0, 0])
        t[0] += tp
        t[1] += pred
        t[2] += exp

    for _, name, file, exp in group:
        d = drafts[name] if drafts is not None else extract(file.read_text(encoding="utf-8"), data_dir, url=exp.get("url"))
        got_date = [d.get("date_start"), d.get("date_end")] if d.get("date_start") else None
        want_date = [str(x) for x in exp["date"]] if exp.get("date") else None
        add("date", int(got_date == want_date), int(got_date is not None or want_date is None), int(want_date is not None or got_date is None))
        place = d.get("place") or {}
        got_place = place.get("id") or (normalise(place["name"]) if place.get("name") else None)
        want_place = exp.get("place")
        if isinstance(want_place, str) and want_place.startswith("new:"):  # a place the record lacks, by its slug
            want_place = want_place[4:]
            got_place = slug(place["name"]) if place.get("new") and want_place.startswith(slug(place["name"])) else got_place
            got_place = want_place if got_place and want_place.startswith(got_place) else got_place
        add("place", int(got_place == want_place and want_place is not None) + int(got_place is None and want_place is None),
            int(got_place is not None or want_place is None), int(want_place is not None or got_place is None))
        add("kind", int(d.get("kind") == exp.get("kind")), 1, 1)
        new_orgs = d.get("new_organisations") or []
        known = {o["id"] for o in d.get("organisations", []) if o["id"] not in {n["id"] for n in new_orgs}}
        taking_new = [n for n in new_orgs if n["id"] in {o["id"] for o in d.get("organisations", [])}]
        want_orgs = set(exp.get("organisations") or [])
        unknown = list(exp.get("organisations_unknown") or [])
        matched_new = {n["id"] for n in taking_new if any(_same_new_org(u, n) for u in unknown)}
        tp = len(known & want_orgs) + len(matched_new)
        add("organisations", tp, len(known) + len(taking_new), len(want_orgs) + len(unknown))
        if known != want_orgs or len(matched_new) != len(taking_new) or len(matched_new) < len(unknown):
            show(f"  {name} organisations: missed {sorted(want_orgs - known)}, extra {sorted(known - want_orgs)}; "
                 f"new {[n['name'] for n in taking_new]} vs unknown {unknown}")
        got_c, want_c = set(d.get("countries") or []), set(exp.get("countries") or [])
        add("countries", len(got_c & want_c), len(got_c), len(want_c))
        if got_c != want_c:
            show(f"  {name} countries: missed {sorted(want_c - got_c)}, extra {sorted(got_c - want_c)}")
        mentioned = d.get("mentioned") or {}
        for field, key in (("orgs mentioned", "organisations_mentioned"), ("countries mentioned", "countries_mentioned")):
            if key in exp:
                got = {m.get("id") or m.get("code") for m in mentioned.get(key.split("_")[0], [])}
                want = set(exp.get(key) or [])
                add(field, len(got & want), len(got), len(want))
        # a person the record knows counts under the record's id, whichever of their spellings the page or ingest uses
        people = {p.get("known_as") or g.person(p["name"]) or normalise(p["name"]): p for p in d.get("people", [])}
        want_people = {g.person(n) or normalise(n): _person(v) for n, v in (exp.get("people") or {}).items()}
        add("people", len(people.keys() & want_people.keys()), len(people), len(want_people))
        if people.keys() != want_people.keys():
            show(f"  {name} people: missed {sorted(want_people.keys() - people.keys())}, extra {sorted(people.keys() - want_people.keys())}")
        hits = sum(_norm_title(people[n]["title"], g) == _norm_title(t, g) for n, (t, _, _) in want_people.items() if n in people)
        add("people titles", hits, sum(1 for n in want_people if n in people and people[n].get("title")), len(want_people))
        for n, (t, _, _) in want_people.items():
            if n in people and _norm_title(people[n]["title"], g) != _norm_title(t, g):
                show(f"  {name} title of {n}: got {people[n]['title']!r}, expected {t!r}")
        with_aff = {n: o for n, (_, o, given) in want_people.items() if given}
        aff_hits = sum(1 for n, o in with_aff.items() if n in people and people[n].get("organisation") == o)
        add("affiliations", aff_hits, len(with_aff), len(with_aff))
        for n, o in with_aff.items():
            if n in people and people[n].get("organisation") != o:
                show(f"  {name} affiliation of {n}: got {people[n].get('organisation')}, expected {o}")
        if "initiatives" in exp:
            got_i, want_i = set(d.get("initiatives") or []), set(exp.get("initiatives") or [])
            add("initiatives", len(got_i & want_i), len(got_i), len(want_i))
            if got_i != want_i:
                show(f"  {name} initiatives: missed {sorted(want_i - got_i)}, extra {sorted(got_i - want_i)}")
        if got_date != want_date:
            show(f"  {name} date: got {got_date}, expected {want_date}")
        if got_place != want_place:
            show(f"  {name} place: got {got_place}, expected {want_place}")
        if d.get("kind") != exp.get("kind"):
            show(f"  {name} kind: got {d.get('kind')}, expected {exp.get('kind')}")
    return totals


def facts_as_draft(facts: dict) -> dict:
    """Facts written down by hand (the format of ``expected.yaml``) in the form of an ingest draft, so that one person's facts
    can be scored against another's: how far two careful people agree is the ceiling ingest is measured against."""
    date = facts.get("date")
    start, end = (date if isinstance(date, list) else [date, None]) if date else [None, None]
    new = [{"id": slug(n), "name": n} for n in facts.get("organisations_unknown") or []]
    return {
        "date_start": str(start) if start else None, "date_end": str(end) if end else None,
        "place": {"id": facts["place"]} if facts.get("place") else None, "kind": facts.get("kind"),
        "organisations": [{"id": o} for o in facts.get("organisations") or []] + [{"id": n["id"]} for n in new],
        "new_organisations": new, "countries": facts.get("countries") or [],
        "mentioned": {"organisations": [{"id": o} for o in facts.get("organisations_mentioned") or []],
                      "countries": [{"code": c} for c in facts.get("countries_mentioned") or []]},
        "people": [{"name": n, "title": _person(v)[0], "organisation": _person(v)[1]} for n, v in (facts.get("people") or {}).items()],
    }


def table(totals: dict[str, list[int]]) -> str:
    lines = [f"{'field':20} {'precision':>9} {'recall':>7} {'F1':>5}   (correct / extracted / expected)"]
    for field in FIELDS:
        if field not in totals:
            continue
        tp, pred, exp = totals[field]
        p = tp / pred if pred else 1.0
        r = tp / exp if exp else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if field == "affiliations":
            lines.append(f"{field:20} {'':>9} {'':>7} {'':>5}   {tp} of {exp} people right ({r:.0%})")
        else:
            lines.append(f"{field:20} {p:9.2f} {r:7.2f} {f1:5.2f}   ({tp} / {pred} / {exp})")
    return "\n".join(lines)
