"""Validation of a whole package: every table's declared constraints, then the record's rules.

:func:`validate` reads the tables (unless given), runs :mod:`.checks` on each in parallel
threads and the rules of :mod:`.rules`, and returns every problem in declaration order.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import ThreadPoolExecutor

from analysis.errors import Problem
from analysis.record.checks import Checked, _check_field, _check_foreign_keys, _check_primary_key, _Collector, _ParentKeys
from analysis.record.declaration import Package, Resource
from analysis.record.reading import RawTable, read_raw
from analysis.record.rules import RECORD_RULES

#: packages smaller than this (bytes on disk) are checked in one thread: the thread hand-offs cost more
#: than they save (the record of 3 MB: 41 ms in one thread, 46 ms and half as much CPU again in four;
#: a synthetic 48 MB package: 441 ms in one, 274 ms in four)
PARALLEL_FROM_BYTES = 10_000_000


def _workers(package: Package) -> int:
    size = 0
    for res in package.resources:
        with contextlib.suppress(OSError):  # read_raw reports a missing file
            size += (package.data_dir / res.path).stat().st_size
    return 1 if size < PARALLEL_FROM_BYTES else min(4, os.cpu_count() or 1)


def validate(package: Package, tables: dict[str, RawTable] | None = None, *, threads: int | None = None) -> Checked:
    """Check every resource of ``package``; read the files unless ``tables`` are given.

    Tables are read and checked in parallel threads (Arrow releases the GIL), and each of the
    record's own rules runs as a task of its own; the problems come back in the order of the
    declaration and of the rules, so the report does not depend on scheduling.
    """
    workers = threads or _workers(package)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        if tables is None:
            tables = dict(zip(package.names, pool.map(lambda r: read_raw(r, package.data_dir), package.resources), strict=True))
        collectors = {r.name: _Collector(tables[r.name]) for r in package.resources}
        parents = _ParentKeys(tables, collectors)

        rule_runs = {res.name: [(rule, collectors[res.name].fork()) for rule in RECORD_RULES.get(res.name, ())]
                     for res in package.resources}

        def check_one(res: Resource) -> None:
            col = collectors[res.name]
            if col.raw.table is None:
                return
            for f in res.fields:
                _check_field(col, f)
            _check_primary_key(col, res)
            _check_foreign_keys(col, res, parents)

        def run_rule(job) -> None:
            rule, col = job
            if col.raw.table is not None:
                rule.run(col, collectors)

        jobs = [job for res in package.resources for job in rule_runs[res.name]]
        # the slow rules first, so they overlap with the per-table checks instead of trailing them
        futures = [pool.submit(run_rule, job) for job in jobs] + [pool.submit(check_one, res) for res in package.resources]
        for future in futures:
            future.result()
    problems: list[Problem] = []
    for res in package.resources:
        problems.extend(tables[res.name].problems)
        problems.extend(collectors[res.name].problems)
        for _, col in rule_runs[res.name]:
            problems.extend(col.problems)
    return Checked(package=package, tables=tables, problems=problems)
