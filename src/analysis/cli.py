"""The command line: ``python -m analysis COMMAND`` (or ``wbcoop COMMAND``).

Each command is a thin wrapper over a library function. Problems a user can act on print as
one readable message and exit 1 (usage mistakes too); nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import sys
from pathlib import Path

from analysis import locations
from analysis.errors import AnalysisError, DataValidationError


def _cmd_validate(args: argparse.Namespace) -> int:
    from analysis.record.load import check

    checked = check(args.data)
    for w in checked.warnings[: args.max_problems]:
        print(f"warning: {w}", file=sys.stderr)
    if not checked.ok:
        errors = checked.errors
        for p in errors[: args.max_problems]:
            print(p, file=sys.stderr)
        more = len(errors) - args.max_problems
        if more > 0:
            print(f"... and {more} more (use --max-problems N to see more)", file=sys.stderr)
        files = len({p.file for p in errors})
        print(f"INVALID: {len(errors)} problem(s) in {files} file(s) of {checked.package.descriptor_path}; "
              "the files were not changed.", file=sys.stderr)
        return 1
    warned = f", {len(checked.warnings)} warning(s)" if checked.warnings else ""
    print(f"valid: {len(checked.tables)} tables, {checked.rows_checked} rows checked in {checked.package.data_dir}{warned}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    import pandas as pd

    from analysis.record import coverage
    from analysis.record.load import load

    rec = load(args.data)
    ev = rec.events
    with pd.option_context("display.width", 120, "display.max_rows", 200):
        print(f"{rec.package.title} (version {rec.version})")
        print(f"{len(ev)} events, {len(rec.organisations)} organisations, {len(rec.people)} people, "
              f"{len(rec.initiatives)} initiatives, {len(rec.places)} places\n")
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
        gaps = coverage.missing_years(rec)
        span = f"{coverage.COVERED_YEARS.start}-{coverage.COVERED_YEARS.stop - 1}"
        print(f"\nYears {span} with no event: {', '.join(map(str, gaps)) if gaps else 'none'}")
        missing = coverage.missing_participants(rec)
        if missing:
            print(f"\nMARRI Participants with no recorded participation: {', '.join(missing)}")
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    import yaml

    from analysis.atomic import write_text_atomic
    from analysis.curation.ingest import extract
    from analysis.curation.ingest.fetch import load

    page = load(args.file)
    draft = extract(page.text, args.data, url=args.url or page.url, published=page.published)
    header = (f"# Draft from {page.label}, written by 'python -m analysis ingest'. Review every field, then run:\n"
              f"#   python -m analysis add {args.output or 'DRAFT.yaml'}\n"
              "# 'evidence' keys say where each value came from and 'mentioned' lists what the page names without it taking\n"
              "# part; 'add' ignores both (move an entry into 'organisations' or 'countries' to link it).\n")
    text = header + yaml.safe_dump({"events": [draft]}, sort_keys=False, allow_unicode=True, width=120)
    if args.output:
        write_text_atomic(args.output, text)
        print(f"draft written to {args.output}; to check: " + "; ".join(draft["evidence"]["to_check"]), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    from analysis.atomic import write_text_atomic
    from analysis.curation.review import read_list, render, review

    if args.list:
        items = read_list(args.list)
    elif args.event:
        if args.page and len(args.event) > 1:
            raise AnalysisError("--page goes with one event id; for several, give a list file (--list) of 'id<TAB>file-or-url' lines")
        items = [(eid, args.page) for eid in args.event]
    else:
        raise AnalysisError("give one or more event ids, or --list FILE")
    reviews = review(items, args.data)
    text = render(reviews)
    write_text_atomic(args.output, text)
    for r in reviews:
        lacks = sum(f.kind == "lacks" for f in r.findings)
        unsupported = sum(f.kind == "unsupported" for f in r.findings)
        other = len(r.findings) - lacks - unsupported
        status = f"error: {r.error}" if r.error else f"{lacks} missing from the row, {unsupported} unsupported by the page, {other} date/place"
        print(f"{r.event_id}: {status}")
        for f in r.findings:
            print(f"  {f.kind:11} {f.field}: {f.value}")
    print(f"report written to {args.output}", file=sys.stderr)
    unread = [r.event_id for r in reviews if r.error]
    if unread:  # the report is kept, but a scheduled run must see that some rows were not checked
        print(f"error: {len(unread)} of {len(reviews)} page(s) could not be read ({', '.join(unread[:5])}"
              f"{', ...' if len(unread) > 5 else ''}); their rows were not checked", file=sys.stderr)
        return 1
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    from analysis.curation.append import add_drafts

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


def _cmd_reports(args: argparse.Namespace) -> int:
    from analysis.reports import runner

    specs = runner.load_config(args.config or locations.config_path(), data=args.data)
    if args.list:
        for spec in specs:
            print(f"{spec.name:22} {spec.notebook:12} {spec.parameters}")
        return 0
    summary = runner.run_reports(specs, jobs=args.jobs, force=args.force, only=args.only, data=args.data,
                                 reports=args.output or locations.reports_dir(),
                                 progress=lambda line: print(line, file=sys.stderr, flush=True))
    return runner.main_summary(summary)


def _cmd_refresh(args: argparse.Namespace) -> int:
    from analysis.reports import notebooks

    for path in notebooks.refresh(args.notebook or None, progress=lambda line: print(line, file=sys.stderr, flush=True)):
        print(f"refreshed {path}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from analysis.record.export import default_target, export
    from analysis.record.load import load

    rec = load(args.data)
    target = args.output
    if target is None:
        target = default_target(args.format, rec.version)
        target.parent.mkdir(exist_ok=True)
    target = export(rec, args.format, target)
    print(f"wrote {target} ({args.format}, {len(rec.package.resources)} tables, {len(rec.events)} events)")
    return 0


def _cmd_codebook(args: argparse.Namespace) -> int:
    from analysis.atomic import write_text_atomic
    from analysis.record.codebook import codebook_path, render
    from analysis.record.declaration import read_package

    package = read_package(args.data)
    text, path = render(package), codebook_path(package)
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date with datapackage.json; run 'python -m analysis codebook'", file=sys.stderr)
            return 1
        print(f"{path} is current")
        return 0
    write_text_atomic(path, text)
    print(f"wrote {path}")
    return 0


def _register_record_commands(sub: argparse._SubParsersAction) -> None:
    """Commands that build from or change the record: reports, ingest, add, codebook, notebooks-refresh."""
    p = sub.add_parser("codebook", help="regenerate data/README.md (the codebook) from datapackage.json",
                       description="Write the codebook, data/README.md, from the data package declaration, its vocabularies "
                                   "and the validation rules. --check only reports whether it is current (exit 1 if not).")
    p.add_argument("--check", action="store_true", help="exit 1 if data/README.md is out of date, change nothing")
    p.set_defaults(func=_cmd_codebook)

    p = sub.add_parser("export", help="write the whole record for other tools: xlsx, parquet, sqlite, stata, duckdb",
                       description="Write every table with its types: an Excel workbook (one sheet a table and a codebook "
                                   "sheet), a folder of Parquet or Stata files, or a SQLite or DuckDB database with the "
                                   "primary and foreign keys.")
    p.add_argument("--format", required=True, choices=["xlsx", "parquet", "sqlite", "stata", "duckdb"])
    p.add_argument("-o", "--output", type=Path, help="file (or folder, for parquet and stata) to write; "
                   "default exports/wb-cooperation-record-VERSION.EXT")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("reports", help="regenerate the report set (notebooks -> reports/) in parallel, skipping unchanged ones",
                       description="Execute each run of reports.yaml with papermill and publish reports/<name>/ (HTML without "
                                   "code, figures as PNG and SVG, tables as CSV) and reports/index.html. Runs whose notebook, "
                                   "parameters, data and library are unchanged are skipped. Safe under cron: a lock prevents "
                                   "overlapping runs, reports are swapped in only when complete, a failing report keeps its "
                                   "last good version. Exit 1 if any report failed.")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="parallel workers (default: the machine's cores)")
    p.add_argument("--only", action="append", metavar="NAME", help="build only this report (repeatable)")
    p.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    p.add_argument("--list", action="store_true", help="list the configured reports and exit")
    p.add_argument("--config", type=Path, default=None, help="report configuration (default: reports.yaml)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="folder to publish into (default: reports/ of the checkout, else of the current folder)")
    p.set_defaults(func=_cmd_reports)

    p = sub.add_parser("notebooks-refresh", help="re-execute notebooks in place so their stored outputs match the data (for nbval)",
                       description="Execute each notebook with its default parameters and store the outputs nbval compares. "
                                   "Run after the curated data grow, then review and commit the notebooks.")
    p.add_argument("notebook", nargs="*", help="notebook names (default: all in notebooks/)")
    p.set_defaults(func=_cmd_refresh)

    p = sub.add_parser("ingest", help="draft an event (YAML, for review) from a press release: a URL, a text or HTML file, or -",
                       description="Read a press release (plain text or HTML) and write a draft event in the package's own "
                                   "vocabulary: title, kind, status, dates, place, organisations with roles, people with titles "
                                   "and affiliations, countries, topics, initiatives and agreed follow-ups, each with the line "
                                   "of text it came from. Organisations and countries the page only mentions are listed apart with "
                                   "their evidence. Unknown organisations and places are flagged as new. A URL is fetched "
                                   "once (timeout, size limit); everything else is offline and deterministic. Review the "
                                   "draft, then 'add' it.")
    p.add_argument("file", metavar="SOURCE", help="the press release: a file (text or HTML), - for standard input, or an http(s) URL "
                   "to fetch (its main text is extracted as for an HTML file)")
    p.add_argument("--url", help="the public page the release comes from (recorded as the source; default: SOURCE when it is a URL)")
    p.add_argument("-o", "--output", type=Path, help="write the draft here (default: standard output)")
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("review", help="check recorded events against their pages: what the row lacks, what the page does not support",
                       description="Extract each event's page afresh (as ingest does) and compare it with the event's row: "
                                   "countries, organisations, people, place and date. Lists what the page names that the row "
                                   "lacks and what the row claims that the page does not support, and writes a Markdown report "
                                   "a curator works through. The page is --page (a file or URL), a list file's second column, "
                                   "or else the event's source_url (fetched).")
    p.add_argument("event", nargs="*", help="event ids (ev-0001 ...)")
    p.add_argument("--page", help="the page of the (one) event: a file or an http(s) URL (default: its source_url)")
    p.add_argument("--list", type=Path, help="a file of 'EVENT_ID<TAB>FILE-OR-URL' lines (the second column may be left out)")
    p.add_argument("-o", "--output", type=Path, default=Path("review.md"), help="the report to write (default: review.md)")
    p.set_defaults(func=_cmd_review)

    p = sub.add_parser("add", help="append a reviewed draft (YAML/JSON) to the data package, all tables or none",
                       description="Validate DRAFT together with the package, assign ids, refuse duplicates (same source "
                                   "page and date, or same dates, place and organisations) and append to every table "
                                   "atomically: on any failure every file stays byte-for-byte as it was.")
    p.add_argument("draft", type=Path, help="draft file written by 'ingest' (or by hand)")
    p.add_argument("--skip-duplicates", action="store_true", help="add the other events instead of refusing the draft")
    p.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    p.set_defaults(func=_cmd_add)


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are bad input like any other: one line naming the value, exit 1 (argparse's own is 2)."""

    def error(self, message: str):
        self.exit(1, f"error: {self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="Western Balkans migration and border-security cooperation workbook.",
    )
    parser.add_argument("--data", type=Path, default=None,
                        help="folder holding datapackage.json (default: $WBCOOP_DATA, else data/ of the checkout you are "
                             "in, else the copy installed with the package)")
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

    _register_record_commands(sub)
    return parser


class _NamedStream:
    """A text stream whose failed writes name it ("standard output: File too large"), as failed writes to files do."""

    def __init__(self, stream, name: str) -> None:
        self._stream, self._name = stream, name

    def _named(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, exc.filename or self._name) from None

    def write(self, text: str) -> int:
        return self._named(self._stream.write, text)

    def flush(self) -> None:
        self._named(self._stream.flush)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data = locations.data_dir(args.data)
    if args.func is not _cmd_add:  # add recovers under its own lock
        from analysis.curation.journal import recover_if_free

        try:
            note = recover_if_free(args.data)
        except AnalysisError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if note:
            print(f"note: {note}", file=sys.stderr)
    if hasattr(signal, "SIGXFSZ"):
        # past a file-size limit (ulimit -f) a write fails with an error we can report, instead of killing us
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    stdout, sys.stdout = sys.stdout, _NamedStream(sys.stdout, "standard output")
    try:
        return _run(args)
    finally:
        sys.stdout = stdout


def _run(args: argparse.Namespace) -> int:
    """The command, with its failures as one line each and an exit code."""
    try:
        code = args.func(args)
        sys.stdout.flush()  # a write buffered past a full disk fails here, not unreported at exit
        return code
    except DataValidationError as exc:
        print(f"error: {exc}\nRun 'python -m analysis validate' to see every problem.", file=sys.stderr)
        return 1
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (``wbcoop info | head``): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        # disk full, read-only folder, file size limit, a folder where a file was expected ...
        where = exc.filename or ""
        print(f"error: {where + ': ' if where else ''}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except csv.Error as exc:
        print(f"error: a CSV file could not be read ({exc})", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("WBCOOP_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc}\nThis is a bug; rerun with WBCOOP_DEBUG=1 for the "
              "traceback and report it.", file=sys.stderr)
        return 3
