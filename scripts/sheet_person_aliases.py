"""Add the spellings of known people that curators' sheets recorded to data/people.csv.

A staging sheet (``curation/sheets/fam-*.yaml``) names each person as the page spells them (``name``) and, for a
person the record already holds, gives the record's ``person_id`` and sometimes further forms the page uses
(``alias``: one form, a ``|``-separated string or a list). ``scripts/staging_to_drafts.py`` and ``add`` link the
person by id but keep only the record's own spelling, so the page's forms were lost; this script keeps them as
aliases. A form is added unless it is already the person's name or alias, or it is a name or alias of another person
(a clash: matching could no longer tell the two apart; reported and skipped), or it is a single word (a surname alone
names no one person: the record keeps such people surname-only), or it mixes Latin and Cyrillic letters in one word
(``validate``'s one-script rule), or the person is no longer linked to an event of the
entry's page (a review unlinked or re-identified them: the sheet's reading was overruled). Entries an editor marked ``rejected``
are left alone. A person without a ``person_id`` is new: ``add`` created them under the sheet's ``name``, so only their
``alias`` forms are added, to the one person of that name linked to an event of the entry's page (none or several: skipped).
Prints one line per form and a count; exit 1, with one line naming the file, on an unreadable sheet or table.

    python scripts/sheet_person_aliases.py curation/sheets/fam-round25-a.yaml --data data
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import yaml

from analysis.atomic import write_csv_atomic
from analysis.curation.names import normalise, split_aliases
from analysis.errors import AnalysisError
from analysis.record.rules import MIXED_SCRIPT


class SheetError(Exception):
    """A sheet that cannot be read as a list of entries: the message names the file."""


def read_forms(path: Path) -> list[dict[str, str]]:
    """(person_id, form, url, where) for every known person's spelling in the sheet's entries that were not rejected; a
    new person's (no ``person_id``) alias forms carry an empty person_id and the ``name`` they were created under."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SheetError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(entries, list):
        raise SheetError(f"{path}: expected a list of entries")
    forms = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or entry.get("rejected"):
            continue
        for person in entry.get("people") or []:
            if not isinstance(person, dict):
                continue
            given = person.get("alias") or []
            extra = given if isinstance(given, list) else split_aliases(str(given))
            pid = str(person.get("person_id") or "")
            for form in [person.get("name"), *extra] if pid else extra:
                if form is not None and str(form).strip():
                    forms.append({"person_id": pid, "form": str(form).strip(), "name": str(person.get("name") or ""),
                                  "url": str(entry.get("source_url") or ""), "where": f"{path.name} entry {n}"})
    return forms


def add_forms(people: list[dict[str, str]], forms: list[dict[str, str]], linked: set[tuple[str, str]]) -> list[str]:
    """Add each form to its person's aliases in place; return one log line per form. ``linked``: the (page URL,
    person_id) pairs of the record, a person linked to an event whose page (main or listed) is that URL."""
    owner: dict[str, set[str]] = {}
    by_id = {p["person_id"]: p for p in people}
    for p in people:
        for form in [p["name"], *split_aliases(p.get("aliases", ""))]:
            owner.setdefault(normalise(form), set()).add(p["person_id"])
    log = []
    for f in forms:
        pid, form, where = f["person_id"], f["form"], f["where"]
        if not pid:  # a new person: the one of the sheet's name linked to the entry's page
            named = {p for p in owner.get(normalise(f.get("name", "")), set()) if (f["url"], p) in linked}
            if len(named) != 1:
                log.append(f"skip {where}: no single person named {f.get('name')!r} linked to {f['url'] or 'the entry'}'s page")
                continue
            pid = named.pop()
        person = by_id.get(pid)
        if person is None:
            log.append(f"skip {where}: no person {pid!r}")
        elif form == person["name"] or form in split_aliases(person.get("aliases", "")):
            log.append(f"known {where}: {pid} already has {form!r}")
        elif (f["url"], pid) not in linked:
            log.append(f"skip {where}: {pid} is not linked to an event of {f['url'] or 'the entry'}'s page")
        elif pc.match_substring_regex(pa.array([form]), MIXED_SCRIPT)[0].as_py():
            log.append(f"skip {where}: {form!r} mixes Latin and Cyrillic letters in one word (a look-alike copied from a page)")
        elif len(form.split()) < 2:
            log.append(f"skip {where}: {form!r} is a single word; a surname alone names no one person")
        elif owner.get(normalise(form), set()) - {pid}:
            log.append(f"clash {where}: {form!r} already names {', '.join(sorted(owner[normalise(form)] - {pid}))}")
        else:
            person["aliases"] = "|".join(dict.fromkeys([*split_aliases(person.get("aliases", "")), form]))
            owner.setdefault(normalise(form), set()).add(pid)
            log.append(f"added {where}: {pid} <- {form!r}")
    return log


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _linked(data: Path) -> set[tuple[str, str]]:
    """(page URL, person_id) for every person linked to an event, under each page of the event."""
    pages: dict[str, set[str]] = {}
    for e in _rows(data / "events.csv"):
        pages.setdefault(e["event_id"], set()).add(e["source_url"])
    for s in _rows(data / "event_sources.csv"):
        pages.setdefault(s["event_id"], set()).add(s["url"])
    return {(url, link["person_id"]) for link in _rows(data / "event_people.csv")
            for url in pages.get(link["event_id"], ())}



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sheets", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path("data"))
    args = ap.parse_args(argv)
    target = args.data / "people.csv"
    try:
        forms = [f for path in args.sheets for f in read_forms(path)]
        with target.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            columns, people = list(reader.fieldnames or []), list(reader)
        log = add_forms(people, forms, _linked(args.data))
        if any(line.startswith("added") for line in log):
            write_csv_atomic(target, columns, people)
    except (SheetError, AnalysisError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(log))
    counts = {k: sum(line.startswith(k) for line in log) for k in ("added", "known", "clash", "skip")}
    print(" | ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
