"""List the staged events that wait outside the record because their pages give one date bound only.

A sheet entry (``curation/sheets/*.yaml``) with a lower or an upper date bound but not both cannot
be coded as a window, so ``staging_to_drafts.py`` leaves it out; this script writes those entries
to one file so they are not searched for again and can be completed when a page dates them.

    python scripts/pending_date_bounds.py curation/sheets/*.yaml --out curation/pending-one-date-bound.yaml
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import yaml
from rapidfuzz import fuzz

HEADER = (
    "# Staged events whose pages give only one date bound (usually the publication date):\n"
    "# kept out of the record until a page gives the other bound. Full entries are in curation/sheets/.\n"
    "# Written by scripts/pending_date_bounds.py; do not edit by hand.\n"
)


def one_bound(entry: object) -> bool:
    """True for a new-event entry with exactly one of ``date_start`` and ``date_end``."""
    if not isinstance(entry, dict) or entry.get("duplicate_of") or entry.get("rejected") or not entry.get("source_url"):
        return False
    return bool(entry.get("date_start")) != bool(entry.get("date_end"))


def recorded_titles(data: Path) -> dict[str, list[str]]:
    """The record's event titles by every URL the record cites for them."""
    with (data / "events.csv").open(encoding="utf-8", newline="") as fh:
        events = {r["event_id"]: r for r in csv.DictReader(fh)}
    by_url: dict[str, list[str]] = {}
    for r in events.values():
        by_url.setdefault(r["source_url"], []).append(r["title"])
    with (data / "event_sources.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["event_id"] in events:
                by_url.setdefault(r["url"], []).append(events[r["event_id"]]["title"])
    return by_url


def in_record(entry: dict, by_url: dict[str, list[str]]) -> bool:
    """An entry a later review dated and added: the record cites its page for an event of a like title.

    A page can report several events (a list of past events), so the URL alone does not decide.
    """
    return any(fuzz.token_set_ratio(entry.get("title") or "", t) >= 70 for t in by_url.get(entry["source_url"], []))


def pending(sheets: list[Path], data: Path) -> list[dict[str, object]]:
    """The one-bound entries of the sheets not in the record, in sheet order, each with where it stands."""
    by_url = recorded_titles(data)
    out = []
    for sheet in sorted(sheets, key=lambda p: p.name):
        for n, e in enumerate(yaml.safe_load(sheet.read_text(encoding="utf-8")) or [], 1):
            if one_bound(e) and not in_record(e, by_url):
                out.append({
                    "sheet": f"{sheet.name}#{n}", "title": e.get("title"), "source_url": e["source_url"],
                    "date_start": str(e.get("date_start") or ""), "date_end": str(e.get("date_end") or ""),
                    "date_note": e.get("date_note") or "",
                })
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sheets", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path("data"), help="the record (default: data)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    rows = pending(args.sheets, args.data)
    args.out.write_text(HEADER + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    print(f"{len(rows)} staged events wait for a second date bound: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
