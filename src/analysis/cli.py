"""The command line: ``python -m analysis COMMAND`` (or ``wbcoop COMMAND``).

Each command is a thin wrapper over a library function. Problems a user can act on print as
one readable message and exit 1; usage errors exit 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.errors import AnalysisError, DataValidationError
from analysis.package import DEFAULT_DATA_DIR


def _cmd_validate(args: argparse.Namespace) -> int:
    from analysis.record import check

    checked = check(args.data)
    if not checked.ok:
        for p in checked.problems[: args.max_problems]:
            print(p, file=sys.stderr)
        more = len(checked.problems) - args.max_problems
        if more > 0:
            print(f"... and {more} more (use --max-problems N to see more)", file=sys.stderr)
        files = len({p.file for p in checked.problems})
        print(f"INVALID: {len(checked.problems)} problem(s) in {files} file(s) of {checked.package.descriptor_path}; "
              "the files were not changed.", file=sys.stderr)
        return 1
    print(f"valid: {len(checked.tables)} tables, {checked.rows_checked} rows checked in {checked.package.data_dir}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    import pandas as pd

    from analysis import coverage
    from analysis.record import load

    rec = load(args.data)
    ev = rec.events
    with pd.option_context("display.width", 120, "display.max_rows", 200):
        print(f"{rec.package.title} (version {rec.version})\n")
        print("Rows per table:")
        print(coverage.row_counts(rec).to_string(), "\n")
        dated = ev.dropna(subset=["date_start"])
        if len(dated):
            print(f"Date range: {dated.date_start.min():%Y-%m-%d} to {dated.date_end.max():%Y-%m-%d}\n")
        print("Events per year:")
        print(coverage.events_per_year(rec).to_string(), "\n")
        print("Events per country taking part:")
        print(coverage.events_per_country(rec)[["name", "marri_participant", "events"]].to_string(), "\n")
        print("Events per kind:")
        print(coverage.events_per_kind(rec).to_string(), "\n")
        print("Events per source site:")
        print(coverage.events_per_source(rec).to_string(), "\n")
        print("Quality:")
        print(coverage.quality(rec).to_string())
        missing = coverage.missing_participants(rec)
        if missing:
            print(f"\nMARRI Participants with no recorded participation: {', '.join(missing)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Western Balkans migration and border-security cooperation workbook.",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                        help="folder holding datapackage.json (default: the repository's data/)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check every table against datapackage.json and list every problem",
                       description="Check every table against datapackage.json; list every problem with file, line, "
                                   "column, value and rule. Exit 1 when any is found. Files are never modified.")
    p.add_argument("--max-problems", type=int, default=500, metavar="N", help="print at most N problems (default 500)")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("info", help="row counts, date range, coverage by year, country, kind and source",
                       description="Summarise the record: rows per table, date range, events per year, country, "
                                   "kind and source site, and quality shares.")
    p.set_defaults(func=_cmd_info)

    from analysis import cli_more

    cli_more.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataValidationError as exc:
        print(f"error: {exc}\nRun 'python -m analysis validate' to see every problem.", file=sys.stderr)
        return 1
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("WBCOOP_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc}\nThis is a bug; rerun with WBCOOP_DEBUG=1 for the "
              "traceback and report it.", file=sys.stderr)
        return 3
