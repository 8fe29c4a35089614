"""Evaluate `ingest` on hand-checked real press releases: precision, recall and F1 per field, per part,
and the wall time of one `python -m analysis ingest` call including start-up.

Every ``expected.yaml`` under benchmarks/ingest_eval/ (recursively) is read. A folder named
``heldout`` holds the held-out part (facts written before ingest ever saw the release, never used
while tuning until its first run was published); a folder named ``blind`` holds releases whose facts
were written by someone who never ran ingest, after the held-out part had been opened for tuning,
and which the person tuning never saw; everything else is the tuning part. Each case names its text (``file``, default
``<name>.txt`` beside the YAML) and the facts: ``kind``, ``date`` ([start, end] or null), ``place``,
``organisations`` (ids taking part), ``organisations_unknown`` (names the record does not know),
``organisations_mentioned``, ``countries``, ``countries_mentioned``, ``initiatives`` (optional) and
``people``: ``Name: "title"`` or ``Name: {title: ..., organisation: org_id|null}``.

Usage: python benchmarks/eval_ingest.py [--part tuning|heldout|blind] [--only FOLDER] [--quiet] [--no-timing]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from analysis.curation.ingest.evaluation import cases, score, table

ROOT = Path(__file__).resolve().parent / "ingest_eval"
PARTS = ("tuning", "heldout", "blind")


def startup_time(runs: int = 7) -> str:
    seed = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "marri-interpol-lyon.txt"
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "ingest", str(seed)], check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
    return (f"one release, `python -m analysis ingest FILE` including start-up: median {statistics.median(walls):.2f} s "
            f"(min {min(walls):.2f}, max {max(walls):.2f}, {runs} runs; target < 0.5 s)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=PARTS, help="score only this part (default: all)")
    ap.add_argument("--quiet", action="store_true", help="tables only, not each release's differences")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--only", metavar="FOLDER", help="score only the releases under this folder (e.g. blind/D)")
    args = ap.parse_args(argv)
    every = [c for c in cases(ROOT) if not args.only or c[1].startswith(args.only.strip("/") + "/")]
    for part in PARTS:
        if args.part and part != args.part:
            continue
        group = [c for c in every if c[0] == part]
        sites = {re.sub(r"^https?://(www\.)?", "", c[3].get("url") or "").split("/")[0] for c in group}
        print(f"\n== {part}: {len(group)} press releases from {len(sites - {''})} sites")
        if group:
            print(table(score(group, show=(lambda *_: None) if args.quiet else print)))
        else:
            print(f"(none: put the {part} releases under {ROOT / part}/)")
    if not args.no_timing:
        print("\n" + startup_time())


if __name__ == "__main__":
    main()
