"""Add local-language names of organisations, harvested from pages the curators quoted, to data/organisations.csv.

Input: tab-separated files with the header ``org_id  alias  url  quote`` (one name form per line, the page that
uses it and the verbatim excerpt), kept under ``curation/aliases/`` as the provenance of each alias. A form is
added to the body's ``aliases`` unless it is already its name or alias, or it is a name or alias of another body
(a clash: matching could no longer tell the two apart; reported and skipped), or its page is in ``--exclude``
(pages held out from curation, e.g. an evaluation set), or it has no URL or quote. Prints one line per form added
or skipped and a count; exit 1, with one line naming the file and line, on a malformed input.

    python scripts/add_aliases.py curation/aliases/org-aliases-a.tsv --data data --exclude held-out-urls.txt
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from analysis.atomic import write_csv_atomic
from analysis.curation.names import normalise, split_aliases
from analysis.errors import AnalysisError

COLUMNS = ["org_id", "alias", "url", "quote"]


class AliasError(Exception):
    """A malformed alias file: the message names the file and the line."""


def read_forms(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames is None or [c.strip() for c in reader.fieldnames[:4]] != COLUMNS:
            raise AliasError(f"{path}: the first line must be the header {' '.join(COLUMNS)} (tab-separated)")
        rows = []
        for line, row in enumerate(reader, start=2):
            if None in row.values() or row.get(None):
                raise AliasError(f"{path}:{line}: expected {len(COLUMNS)} tab-separated fields")
            rows.append({k: (row[k] or "").strip() for k in COLUMNS} | {"where": f"{path.name}:{line}"})
        return rows


def add_aliases(organisations: list[dict[str, str]], forms: list[dict[str, str]], exclude: set[str]) -> list[str]:
    """Add each form to its body's aliases in place; return one log line per form."""
    owner: dict[str, set[str]] = {}
    by_id = {o["org_id"]: o for o in organisations}
    for o in organisations:
        for form in [o["name"], *split_aliases(o.get("aliases", ""))]:
            owner.setdefault(normalise(form), set()).add(o["org_id"])
    log = []
    for f in forms:
        oid, alias, where = f["org_id"], f["alias"], f["where"]
        body = by_id.get(oid)
        key = normalise(alias)
        if body is None:
            log.append(f"skip {where}: no organisation {oid!r}")
        elif not alias or not f["url"] or not f["quote"]:
            log.append(f"skip {where}: {oid} needs an alias, its page's URL and a quote")
        elif f["url"] in exclude:
            log.append(f"skip {where}: {f['url']} is held out")
        elif alias not in f["quote"]:
            log.append(f"skip {where}: {alias!r} is not in its quote")
        elif owner.get(key, set()) - {oid}:
            log.append(f"clash {where}: {alias!r} already names {', '.join(sorted(owner[key] - {oid}))}")
        elif oid in owner.get(key, set()):
            log.append(f"known {where}: {oid} already has {alias!r}")
        else:
            body["aliases"] = "|".join(dict.fromkeys([*split_aliases(body.get("aliases", "")), alias]))
            owner.setdefault(key, set()).add(oid)
            log.append(f"added {where}: {oid} <- {alias!r}")
    return log


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--exclude", type=Path, help="a file of URLs (one per line) whose quotes may not be used")
    args = ap.parse_args(argv)
    target = args.data / "organisations.csv"
    try:
        exclude = set(args.exclude.read_text(encoding="utf-8").split()) if args.exclude else set()
        forms = [f for path in args.files for f in read_forms(path)]
        with target.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            columns, organisations = list(reader.fieldnames or []), list(reader)
        log = add_aliases(organisations, forms, exclude)
        write_csv_atomic(target, columns, organisations)
    except (AliasError, AnalysisError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(log))
    counts = {k: sum(line.startswith(k) for line in log) for k in ("added", "known", "clash", "skip")}
    print(" | ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
