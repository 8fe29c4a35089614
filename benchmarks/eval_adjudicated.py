"""Score `ingest`, and each of the two people who wrote blind set O's facts, against adjudicated facts: where the two
people's facts differ, a third person decided field by field from the saved text and the codebook
(benchmarks/ingest_adjudicated/<set>/expected.yaml; every decision in DECISIONS.md beside it, the brief in BRIEF.md).
Scored so, a tool is not charged for what was only one person's reading, and each person's own score shows how far
one careful person gets on the same conventions.

Usage: python benchmarks/eval_adjudicated.py [--quiet]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from analysis.curation.ingest.evaluation import cases, facts_as_draft, score, table

HERE = Path(__file__).resolve().parent
ADJUDICATED = HERE / "ingest_adjudicated"
#: each set's two people's facts: the first (the blind set's own) and the second (benchmarks/ingest_agreement/)
PEOPLE = {"first person": "ingest_eval/blind/{set}/expected.yaml", "second person": "ingest_agreement/{set}.yaml"}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="tables only, not each release's differences")
    args = ap.parse_args(argv)
    show = (lambda *_: None) if args.quiet else print
    for folder in sorted(p for p in ADJUDICATED.iterdir() if (p / "expected.yaml").is_file()):
        group = [c for c in cases(ADJUDICATED) if c[1].startswith(f"{folder.name}/")]
        if not group:
            raise SystemExit(f"{folder}: no adjudicated facts")
        print(f"\n== set {folder.name}: ingest scored against the adjudicated facts ({len(group)} releases)")
        print(table(score(group, show=show)))
        for who, pattern in PEOPLE.items():
            facts = yaml.safe_load((HERE / pattern.format(set=folder.name)).read_text(encoding="utf-8")) or {}
            drafts = {c[1]: facts_as_draft(facts[c[1].split("/")[-1]]) for c in group}
            print(f"\n== set {folder.name}: the {who}'s facts scored against the adjudicated facts")
            print(table(score(group, show=lambda *_: None, drafts=drafts)))


if __name__ == "__main__":
    main()
