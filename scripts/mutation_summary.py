"""Summarise a mutmut run: mutants, killed, survived, timeout, equivalent and score per module.

mutmut keeps one ``mutants/<path>.meta`` file per mutated source file, with the exit code of the
test run against each mutant. This script reads them (for the files ``[tool.mutmut] only_mutate``
names) and prints a Markdown table. Survivors listed in ``docs/mutation.md`` as equivalent (their
name in backticks on a line of the "Equivalent mutants" section) are counted apart and left out of
the score:

    score = (killed + timeout) / (mutants - equivalent - not checked)

so a mutant with no test or a survivor not explained counts against it. Mutants not checked (a
run limited to some mutants, e.g. a sample: ``mutmut run NAME...``) are shown and left out.

    python scripts/mutation_summary.py [--fail-under 85] [--survivors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTE = REPO / "docs" / "mutation.md"

# the exit codes mutmut 3 records (mutmut.stats.status_by_exit_code), folded into the columns shown
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout",
          24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout", 37: "killed", None: "not checked"}


def configured_files(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    cfg = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["mutmut"]
    return list(cfg["only_mutate"])


def equivalent_mutants(note: Path = NOTE) -> set[str]:
    """Mutant names in backticks under the note's "Equivalent mutants" heading."""
    if not note.exists():
        return set()
    names, inside = set(), False
    for line in note.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = "equivalent mutants" in line.lower()
        elif inside:
            names.update(re.findall(r"`([\w.]+__mutmut_\d+)`", line))
    return names


def module_of(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def summarise(root: Path = REPO) -> tuple[list[dict], list[tuple[str, str]]]:
    equivalent = equivalent_mutants(root / "docs" / "mutation.md")
    rows, survivors = [], []
    for path in configured_files(root / "pyproject.toml"):
        meta = root / "mutants" / f"{path}.meta"
        if not meta.exists():
            rows.append({"module": module_of(path), "mutants": 0, "missing": True})
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts: Counter[str] = Counter()
        for name, code in codes.items():
            status = STATUS.get(code, "suspicious")
            if status in ("survived", "no tests") and name in equivalent:
                status = "equivalent"
            counts[status] += 1
            if status in ("survived", "no tests", "suspicious"):
                survivors.append((name, status))
        rows.append({"module": module_of(path), "mutants": len(codes), **counts})
    return rows, survivors


def score(row: dict) -> float | None:
    scored = row["mutants"] - row.get("equivalent", 0) - row.get("not checked", 0)
    return None if scored <= 0 else 100 * (row.get("killed", 0) + row.get("timeout", 0)) / scored


def table(rows: list[dict]) -> str:
    columns = ["mutants", "killed", "timeout", "survived", "no tests", "equivalent", "not checked"]
    total = {"module": "**all**", **{c: sum(r.get(c, 0) for r in rows) for c in columns}}
    lines = ["| module | " + " | ".join(columns) + " | score |", "|---|" + "---:|" * (len(columns) + 1)]
    for r in [*rows, total]:
        s = score(r)
        cells = [str(r.get(c, 0)) for c in columns] + ["not run" if r.get("missing") else ("-" if s is None else f"{s:.1f}%")]
        lines.append(f"| {r['module']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fail-under", type=float, default=None, help="exit 1 when the overall score is below this (percent)")
    ap.add_argument("--survivors", action="store_true", help="also list every mutant not killed (show one: mutmut show NAME)")
    args = ap.parse_args(argv)
    rows, survivors = summarise()
    print(table(rows))
    columns = ["mutants", "killed", "timeout", "equivalent", "not checked"]
    overall = score({"module": "all", **{c: sum(r.get(c, 0) for r in rows) for c in columns}})
    print(f"\nmutation score: {'-' if overall is None else f'{overall:.1f}%'} "
          f"({len(survivors)} mutant(s) neither killed nor listed as equivalent in docs/mutation.md)")
    if args.survivors:
        for name, status in sorted(survivors):
            print(f"  {status:<11} {name}")
    if args.fail_under is not None and (overall is None or overall < args.fail_under):
        print(f"below the required {args.fail_under:.0f}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
