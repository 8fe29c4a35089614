"""What changed between two versions of the data package, row by row, for the change log.

Rows are matched on each table's primary key (as declared in the newer version); a row is
*added*, *removed*, or *changed* in named fields. Tables or columns that exist in one version
only are reported as such. Reasons for removals are not in the data: the caller passes them.

>>> from analysis.locations import data_dir
>>> d = diff(data_dir(), data_dir())
>>> sum(len(t.added) + len(t.removed) + len(t.changed) for t in d.values())
0
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class TableDiff:
    key: list[str]
    added: list[dict[str, str]] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    changed: list[tuple[dict[str, str], list[str]]] = field(default_factory=list)  # (new row, fields changed)
    new_columns: list[str] = field(default_factory=list)
    new_table: bool = False


def _resources(data_dir: Path) -> dict[str, dict]:
    descriptor = json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in descriptor["resources"]}


def _read(data_dir: Path, res: dict) -> tuple[list[str], list[dict[str, str]]]:
    path = Path(data_dir) / res["path"]
    if not path.exists():
        return [], []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _key(row: dict[str, str], columns: list[str]) -> tuple[str, ...]:
    return tuple(row.get(c, "") for c in columns)


def diff(old_dir: Path, new_dir: Path) -> dict[str, TableDiff]:
    """Per table of the newer package, the rows added, removed and changed since the older one."""
    old_res, new_res = _resources(old_dir), _resources(new_dir)
    out: dict[str, TableDiff] = {}
    for name, res in new_res.items():
        pk = res["schema"].get("primaryKey") or []
        key = [pk] if isinstance(pk, str) else list(pk)
        new_cols, new_rows = _read(new_dir, res)
        d = TableDiff(key=key or new_cols)
        if name not in old_res:
            d.new_table, d.added = True, new_rows
            out[name] = d
            continue
        old_cols, old_rows = _read(old_dir, old_res[name])
        d.new_columns = [c for c in new_cols if c not in old_cols]
        shared = [c for c in new_cols if c in old_cols]

        before = {_key(r, d.key): r for r in old_rows}
        after = {_key(r, d.key): r for r in new_rows}
        d.added = [r for key_, r in after.items() if key_ not in before]
        d.removed = [r for key_, r in before.items() if key_ not in after]
        for key_, row in after.items():
            if key_ in before:
                fields = [c for c in shared if before[key_].get(c, "") != row.get(c, "")]
                fields += [c for c in d.new_columns if row.get(c, "")]
                if fields:
                    d.changed.append((row, fields))
        out[name] = d
    return out


def markdown(changes: dict[str, TableDiff], reasons: dict[str, str] | None = None, *, default_reason: str = "",
             list_limit: int = 2000) -> str:
    """The change log section for one version: per table, counts, then every row's key."""
    reasons = reasons or {}
    lines: list[str] = []
    for name, d in changes.items():
        if not (d.added or d.removed or d.changed or d.new_columns):
            continue
        head = f"### `{name}`" + (" (new table)" if d.new_table else "")
        counts = f"{len(d.added)} added, {len(d.changed)} changed, {len(d.removed)} removed"
        lines += [head, "", counts + (f"; new columns: {', '.join(d.new_columns)}" if d.new_columns else "") + ".", ""]

        def key(row: dict[str, str], columns: list[str] = d.key) -> str:
            return " / ".join(_key(row, columns))

        if d.added and not d.new_table:
            lines.append("- added: " + ", ".join(f"`{key(r)}`" for r in d.added[:list_limit]))
        for row, fields in d.changed[:list_limit]:
            lines.append(f"- changed `{key(row)}`: {', '.join(fields)}")
        for row in d.removed[:list_limit]:
            why = reasons.get(key(row)) or reasons.get(row.get("event_id", "")) or default_reason
            lines.append(f"- removed `{key(row)}`" + (f": {why}" if why else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
