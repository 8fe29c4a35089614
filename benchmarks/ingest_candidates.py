"""Where `ingest` loses the bodies a release names: over every release with hand-written facts
(benchmarks/ingest_eval/), read against the frozen record of the quality floor (tests/fixtures/ingest-record/), each
body the facts list as taking part is put in one of four places:

- found taking part (right);
- found, but filed as only mentioned (a classification miss);
- not among ingest's candidates at all, although one of the record's forms of its name (name, acronym, aliases,
  historic names) stands in the text (a matching miss);
- not among the candidates and no recorded form in the text: the release names it another way (a form in the region's
  languages or inflected, "the Serbian police", a kind of body for a list of countries, a person's office).

It also counts the bodies ingest says took part that the facts do not list, and how many of those the facts have as
mentioned. The split says which method could close the gap: a better taking-part classifier can only reach the
second place; the last needs the bodies' names as the region writes them.

Usage: python benchmarks/ingest_candidates.py [--part tuning|heldout|blind] [--top N]
"""

from __future__ import annotations

import argparse
import collections
import csv
from pathlib import Path

from analysis.curation.ingest import extract
from analysis.curation.ingest.evaluation import cases
from analysis.curation.ingest.matching import fold
from analysis.curation.names import split_aliases

HERE = Path(__file__).resolve().parent
RELEASES = HERE / "ingest_eval"
RECORD = HERE.parent / "tests" / "fixtures" / "ingest-record"


def recorded_forms(record: Path) -> dict[str, list[str]]:
    """Every written form of each body: name, acronym, aliases and historic names (folded)."""
    forms: dict[str, list[str]] = collections.defaultdict(list)
    with (record / "organisations.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            forms[r["org_id"]] += [r["name"], r.get("acronym") or "", *split_aliases(r.get("aliases"))]
    with (record / "organisation_names.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            forms[r["org_id"]] += [r["name"], r.get("acronym") or ""]
    return {k: [fold(f) for f in v if len(f.strip()) > 2] for k, v in forms.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("tuning", "heldout", "blind"), help="only this part of the releases")
    ap.add_argument("--top", type=int, default=15, help="list the N bodies most often not found")
    args = ap.parse_args(argv)
    forms = recorded_forms(RECORD)
    group = [c for c in cases(RELEASES) if args.part in (None, c[0])]
    n = collections.Counter()
    unfound: collections.Counter[str] = collections.Counter()
    for i, (_, _name, file, exp) in enumerate(group, 1):
        text = file.read_text(encoding="utf-8")
        d = extract(text, RECORD, url=exp.get("url"))
        new = {o["id"] for o in d.get("new_organisations") or []}
        took = {o["id"] for o in d.get("organisations", []) if o["id"] not in new}
        mentioned = {m.get("id") for m in (d.get("mentioned") or {}).get("organisations", []) if m.get("id")}
        want = set(exp.get("organisations") or [])
        folded = fold(text)
        n["listed"] += len(want)
        n["found taking part"] += len(want & took)
        n["found, filed as mentioned"] += len(want & (mentioned - took))
        for org in want - took - mentioned:
            literal = any(f and f in folded for f in forms.get(org, []))
            n["not a candidate, a recorded form in the text" if literal else "not a candidate, named another way"] += 1
            unfound[org] += 1
        n["said to take part"] += len(took)
        n["  wrong"] += len(took - want)
        n["  wrong, the facts have it as mentioned"] += len((took - want) & set(exp.get("organisations_mentioned") or []))
        if i % 50 == 0:
            print(f"... {i} of {len(group)} releases", flush=True)
    print(f"\n{len(group)} releases; bodies of the record the facts list as taking part:")
    for key in ("listed", "found taking part", "found, filed as mentioned", "not a candidate, a recorded form in the text",
                "not a candidate, named another way", "said to take part", "  wrong", "  wrong, the facts have it as mentioned"):
        share = f"  ({n[key] / n['listed']:.0%} of listed)" if n["listed"] and not key.startswith(("said", "  ")) else ""
        print(f"  {key:48} {n[key]:5}{share}")
    print(f"\n{len(unfound)} different bodies not found; the {args.top} most often:")
    for org, c in unfound.most_common(args.top):
        print(f"  {c:3}  {org}")


if __name__ == "__main__":
    main()
