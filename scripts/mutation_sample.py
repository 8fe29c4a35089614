"""Mutation testing on a seeded random sample: draw N mutants per module, run only those, score them.

A full mutmut run of the record's modules takes hours on a shared 2-core machine. This draws a
reproducible random sample instead: it lists every mutant mutmut would generate for the files
``[tool.mutmut] only_mutate`` names (with mutmut's own generator, so the names are the ones
``mutmut run`` uses), keeps those matching the given globs, draws ``--per-module`` of each
module's mutants with ``random.Random(seed)``, runs ``mutmut run NAME...`` on them, and prints
per module: sampled, killed, timeout, survived, no tests, equivalent, not checked, the sample
score and its 95 % Wilson interval. A group line (e.g. all the record's modules) weighs each
module's score by its number of mutants (a stratified estimate, with a normal-approximation
interval).

    python scripts/mutation_sample.py --per-module 60 --seed 12 'analysis.record.*'   # draw, run, report
    python scripts/mutation_sample.py --report          # report the last sample again (mutants/sample.json)
    python scripts/mutation_sample.py --rerun           # rerun the sample's survivors (and any not checked), then report
    python scripts/mutation_sample.py --list --per-module 60 'analysis.record.*'      # only print the draw

Score = (killed + timeout) / (sampled - equivalent - not checked), as in mutation_summary.py;
equivalent mutants are the ones listed in docs/mutation.md.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import random
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutation_summary import REPO, STATUS, configured_files, equivalent_mutants, module_of

SAMPLE_FILE = REPO / "mutants" / "sample.json"
MUTMUT = Path(sys.executable).parent / "mutmut"


def all_mutants(paths: list[str]) -> dict[str, list[str]]:
    """Every mutant name mutmut generates for each file, by module (mutmut's own generator)."""
    from mutmut.mutation.file_mutation import mutate_file_contents
    from mutmut.utils.format_utils import get_mutant_name

    out: dict[str, list[str]] = {}
    for path in paths:
        source = (REPO / path).read_text(encoding="utf-8")
        mutated = mutate_file_contents(path, source)
        out[module_of(path)] = sorted(get_mutant_name(Path(path), name) for name in mutated.mutant_names)
    return out


def draw(by_module: dict[str, list[str]], per_module: int, seed: int, globs: list[str]) -> dict[str, list[str]]:
    """A seeded sample of ``per_module`` mutants (all if fewer) of each module, among those the globs match.

    Each module has its own generator (seeded with the seed and the module's name), so a module's
    draw does not depend on which other modules were selected."""
    sample = {}
    for module in sorted(by_module):
        names = [n for n in by_module[module] if not globs or any(fnmatch.fnmatch(n, g) for g in globs)]
        if names:
            rng = random.Random(f"{seed}:{module}")
            sample[module] = sorted(rng.sample(names, min(per_module, len(names))))
    return sample


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson score interval of a proportion k/n."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def exit_codes() -> dict[str, int | None]:
    codes: dict[str, int | None] = {}
    for meta in (REPO / "mutants").rglob("*.meta"):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


def tally(sample: dict[str, list[str]]) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    equivalent = equivalent_mutants(REPO / "docs" / "mutation.md")
    codes = exit_codes()
    rows, survivors = {}, []
    for module, names in sample.items():
        counts: dict[str, int] = defaultdict(int)
        for name in names:
            status = STATUS.get(codes.get(name), "suspicious")
            if status in ("survived", "no tests") and name in equivalent:
                status = "equivalent"
            counts[status] += 1
            if status in ("survived", "no tests", "suspicious"):
                survivors.append((name, status))
        rows[module] = {"sampled": len(names), **counts}
    return rows, survivors


def report(meta: dict, show_survivors: bool) -> str:
    rows, survivors = tally(meta["sample"])
    sizes = meta["mutants"]
    columns = ["killed", "timeout", "survived", "no tests", "equivalent", "not checked"]
    lines = [f"Seeded sample: seed {meta['seed']}, {meta['per_module']} mutants per module (all if fewer).", "",
             "| module | mutants | sampled | " + " | ".join(columns) + " | score | 95 % CI |",
             "|---|" + "---:|" * (len(columns) + 4)]
    groups: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for module, r in rows.items():
        scored = r["sampled"] - r.get("equivalent", 0) - r.get("not checked", 0)
        kills = r.get("killed", 0) + r.get("timeout", 0)
        r["scored"], r["kills"] = scored, kills
        lo, hi = wilson(kills, scored)
        s = f"{100 * kills / scored:.1f}%" if scored else "-"
        ci = f"{100 * lo:.0f}-{100 * hi:.0f}%" if scored else "-"
        lines.append(f"| {module} | {sizes[module]} | {r['sampled']} | " + " | ".join(str(r.get(c, 0)) for c in columns)
                     + f" | {s} | {ci} |")
        groups[module.rsplit(".", 1)[0]].append((module, r))
    for group, members in sorted(groups.items()):
        members = [(m, r) for m, r in members if r["scored"]]
        if len(members) < 2:
            continue
        total = sum(sizes[m] for m, _ in members)
        est = sum(sizes[m] / total * r["kills"] / r["scored"] for m, r in members)
        var = sum((sizes[m] / total) ** 2 * (r["kills"] / r["scored"]) * (1 - r["kills"] / r["scored"]) / r["scored"]
                  for m, r in members)
        half = 1.96 * math.sqrt(var)
        sampled = sum(r["sampled"] for _, r in members)
        cells = " | ".join(str(sum(r.get(c, 0) for _, r in members)) for c in columns)
        lines.append(f"| **{group}.\\*** (weighted by size) | {total} | {sampled} | {cells} | **{100 * est:.1f}%** | "
                     f"{100 * max(0.0, est - half):.0f}-{100 * min(1.0, est + half):.0f}% |")
    if show_survivors:
        lines += ["", f"{len(survivors)} sampled mutant(s) neither killed nor listed as equivalent:"]
        lines += [f"  {status:<11} {name}" for name, status in sorted(survivors)]
    return "\n".join(lines)


def refresh_tests() -> None:
    """Copy changed or new test files into mutants/ (mutmut copies tests/ only once, when missing)."""
    for path in (REPO / "tests").rglob("*"):
        target = REPO / "mutants" / path.relative_to(REPO)
        if path.is_file() and "__pycache__" not in path.parts and (not target.exists() or target.read_bytes() != path.read_bytes()):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def run(names: list[str], jobs: int) -> int:
    return subprocess.call([str(MUTMUT), "run", "--max-children", str(jobs), *names], cwd=REPO)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("globs", nargs="*", help="only mutants whose name matches one of these (fnmatch), e.g. 'analysis.record.*'")
    ap.add_argument("--per-module", type=int, default=40, help="mutants drawn per module (default 40)")
    ap.add_argument("--seed", type=int, default=12, help="random seed of the draw (default 12)")
    ap.add_argument("--jobs", type=int, default=1, help="mutmut --max-children (default 1)")
    ap.add_argument("--list", action="store_true", help="print the drawn names and stop")
    ap.add_argument("--report", action="store_true", help="only report the last sample (mutants/sample.json)")
    ap.add_argument("--rerun", action="store_true",
                    help="rerun the last sample's survivors and run its mutants not checked yet (with the current tests), then report")
    ap.add_argument("--survivors", action="store_true", help="also list the sampled mutants not killed")
    args = ap.parse_args(argv)

    if args.report or args.rerun:
        meta = json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))
        if args.rerun:
            _, survivors = tally(meta["sample"])
            codes = exit_codes()
            unchecked = [n for ns in meta["sample"].values() for n in ns if codes.get(n) is None]
            names = [n for n, _ in survivors] + unchecked
            refresh_tests()
            if names and run(names, args.jobs) != 0:
                return 1
        print(report(meta, args.survivors))
        return 0

    by_module = all_mutants(configured_files())
    sample = draw(by_module, args.per_module, args.seed, args.globs)
    if not sample:
        print("no mutant matches", args.globs, file=sys.stderr)
        return 1
    names = [n for ns in sample.values() for n in ns]
    if args.list:
        print("\n".join(names))
        return 0
    meta = {"seed": args.seed, "per_module": args.per_module, "globs": args.globs,
            "mutants": {m: len(by_module[m]) for m in sample}, "sample": sample}
    SAMPLE_FILE.parent.mkdir(exist_ok=True)
    SAMPLE_FILE.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    rc = run(names, args.jobs)
    print(report(meta, args.survivors))
    return rc


if __name__ == "__main__":
    sys.exit(main())
