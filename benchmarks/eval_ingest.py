"""Evaluate `ingest` on a small hand-checked set of real press releases (benchmarks/ingest_eval/):
precision and recall per field, and the wall time of one `python -m analysis ingest` call.

Usage: python benchmarks/eval_ingest.py
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from analysis.curation.ingest import Gazetteer, extract
from analysis.curation.names import normalise

HERE = Path(__file__).resolve().parent / "ingest_eval"


GAZ = Gazetteer.load()


def _norm_title(t: str | None) -> str:
    """A title compared up to the organisation named in it, which ingest records as the affiliation
    ("Director of the MARRI RC" and "Director" with affiliation MARRI count as the same)."""
    t = t or ""
    for pattern, _, _ in GAZ.orgs:
        t = pattern.sub(" ", t)
    t = re.sub(r"[^\w]+", " ", normalise(t)).strip()
    return re.sub(r"(?:\b(?:of|the|at|in)\s*)+$", "", t).strip()


def score(cases: dict) -> dict[str, list[int]]:
    """Per field: [true positives, predicted, expected]."""
    totals: dict[str, list[int]] = {}

    def add(field, tp, pred, exp):
        t = totals.setdefault(field, [0, 0, 0])
        t[0] += tp
        t[1] += pred
        t[2] += exp

    for name, exp in cases.items():
        text = (HERE / exp.get("file", f"{name}.txt")).read_text(encoding="utf-8")
        d = extract(text, url=exp["url"])
        got_date = [d.get("date_start"), d.get("date_end")] if d.get("date_start") else None
        want_date = [str(x) for x in exp["date"]] if exp["date"] else None
        add("date", int(got_date == want_date and want_date is not None) + int(got_date is None and want_date is None),
            int(got_date is not None) + int(got_date is None and want_date is None), 1)
        got_place = (d.get("place") or {}).get("id")
        add("place", int(got_place == exp["place"]), int(got_place is not None), 1)
        add("kind", int(d["kind"] == exp["kind"]), 1, 1)
        for field, got, want in (
            ("organisations", {o["id"] for o in d["organisations"]}, set(exp["organisations"])),
            ("countries", set(d["countries"]), set(exp["countries"])),
            ("people", {normalise(p["name"]) for p in d["people"]}, {normalise(n) for n in exp["people"]}),
        ):
            add(field, len(got & want), len(got), len(want))
            if got != want:
                print(f"  {name} {field}: missed {sorted(want - got)}, extra {sorted(got - want)}")
        titles = {normalise(p["name"]): p["title"] for p in d["people"]}
        want_titles = {normalise(n): t for n, t in exp["people"].items()}
        hits = sum(_norm_title(titles.get(n)) == _norm_title(t) for n, t in want_titles.items() if n in titles)
        add("people titles", hits, sum(1 for n in want_titles if titles.get(n)), len(want_titles))
        if got_date != want_date:
            print(f"  {name} date: got {got_date}, expected {want_date}")
        if got_place != exp["place"]:
            print(f"  {name} place: got {got_place}, expected {exp['place']}")
        if d["kind"] != exp["kind"]:
            print(f"  {name} kind: got {d['kind']}, expected {exp['kind']}")
    return totals


def main() -> None:
    cases = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
    groups = {"used while tuning ingest": {k: v for k, v in cases.items() if not v.get("held_out")},
              "held out": {k: v for k, v in cases.items() if v.get("held_out")}}
    for label, group in groups.items():
        print(f"\n== {len(group)} press releases {label}")
        totals = score(group)
        print(f"{'field':15} {'precision':>9} {'recall':>7}   (correct / extracted / expected)")
        for field, (tp, pred, exp) in totals.items():
            p = tp / pred if pred else 1.0
            r = tp / exp if exp else 1.0
            print(f"{field:15} {p:9.2f} {r:7.2f}   ({tp} / {pred} / {exp})")
    seed = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "marri-interpol-lyon.txt"
    walls = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "ingest", str(seed)], check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
    print(f"\none release, `python -m analysis ingest` including start-up: median {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}, 7 runs)")


if __name__ == "__main__":
    main()
