"""Sub-commands that change or build from the record: add (and reports, ingest)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _cmd_add(args: argparse.Namespace) -> int:
    from analysis.append import add_drafts

    result = add_drafts(args.draft, args.data, skip_duplicates=args.skip_duplicates, dry_run=args.dry_run)
    verb = "would add" if args.dry_run else "added"
    counts = {t: len(r) for t, r in result.plan.rows.items()}
    if not counts:
        print("nothing to add")
    for eid, date, title in result.plan.added_events:
        print(f"{verb} {eid}  {date}  {title}")
    if counts:
        print(f"{verb} rows: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))
    for dup in result.plan.duplicates:
        print(f"skipped duplicate: {dup}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="append a reviewed draft (YAML/JSON) to the data package, all tables or none",
                       description="Validate DRAFT together with the package, assign ids, refuse duplicates (same source "
                                   "page and date, or same dates, place and organisations) and append to every table "
                                   "atomically: on any failure every file stays byte-for-byte as it was.")
    p.add_argument("draft", type=Path, help="draft file written by 'ingest' (or by hand)")
    p.add_argument("--skip-duplicates", action="store_true", help="add the other events instead of refusing the draft")
    p.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    p.set_defaults(func=_cmd_add)
