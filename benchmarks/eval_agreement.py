"""How far two careful people agree on the facts `ingest` is scored on: a second person's facts for blind sets F, G, J and O
(benchmarks/ingest_agreement/<set>.yaml, written from the same saved texts without seeing the first person's facts, ingest
or its code; the briefs are BRIEF.md, BRIEF-J.md and BRIEF-O.md there) scored against the first person's
(benchmarks/ingest_eval/blind/<set>/expected.yaml)
with ingest's own scorer. Their agreement is the ceiling a tool can be held to on the same conventions.

Usage: python benchmarks/eval_agreement.py [--quiet]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from analysis.curation.ingest.evaluation import cases, facts_as_draft, score, table

HERE = Path(__file__).resolve().parent
SECOND = HERE / "ingest_agreement"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="tables only, not each release's differences")
    args = ap.parse_args(argv)
    every = cases(HERE / "ingest_eval")
    both = []
    for second in sorted(SECOND.glob("*.yaml")):
        facts = yaml.safe_load(second.read_text(encoding="utf-8")) or {}
        drafts = {f"blind/{second.stem}/{name}": facts_as_draft(f) for name, f in facts.items()}
        group = [c for c in every if c[1] in drafts]
        missing = set(drafts) - {c[1] for c in group}
        if missing:
            raise SystemExit(f"{second}: no first facts for {sorted(missing)}")
        both.append((second.stem, group, drafts))
        print(f"\n== set {second.stem}: the second person's facts scored against the first's ({len(group)} releases)")
        print(table(score(group, show=(lambda *_: None) if args.quiet else print, drafts=drafts)))
    group = [c for _, g, _ in both for c in g]
    drafts = {k: v for _, _, d in both for k, v in d.items()}
    print(f"\n== all: {len(group)} releases")
    print(table(score(group, show=lambda *_: None, drafts=drafts)))


if __name__ == "__main__":
    main()
