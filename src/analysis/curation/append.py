"""``add``: append reviewed drafts to the package, all tables or none.

The would-be package is staged in a temporary folder beside ``data/`` and validated whole;
only then are the changed files moved into place. Original bytes are kept as they are (new rows
are appended, never re-serialised), and if moving any file fails, every file already moved is
restored, so a failure at any point leaves the package byte-for-byte as it was.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from analysis.curation.drafts import read_drafts
from analysis.curation.journal import STAGE_PREFIX, commit, package_lock, recover
from analysis.curation.planner import Plan, plan
from analysis.errors import AnalysisError
from analysis.record.declaration import Package, read_package
from analysis.record.load import check
from analysis.record.validate import validate


@dataclass
class AddResult:
    plan: Plan
    changed_files: list[str]


def _csv_bytes(rows: list[dict[str, str]], columns: list[str], newline: str) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator=newline, extrasaction="raise")
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _header(original: bytes) -> list[str]:
    """The file's own column order (``validate`` accepts any order)."""
    text = original.removeprefix(codecs.BOM_UTF8).split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8")
    return [c.strip() for c in next(csv.reader([text]), [])]


def _appended(original: bytes, rows: list[dict[str, str]], columns: list[str]) -> bytes:
    """``original`` with ``rows`` appended in the file's own column order and line endings."""
    newline = "\r\n" if b"\r\n" in original[:4096] else "\n"
    header = _header(original) if original.strip() else columns
    if sorted(header) != sorted(columns):
        raise AnalysisError(f"the header of this file ({', '.join(header)}) does not list the declared columns "
                            f"({', '.join(columns)}); fix it before adding")
    body = original
    if body and not body.endswith(b"\n"):
        body += newline.encode()
    return body + _csv_bytes(rows, header, newline)


#: how long ``add`` waits for another ``add`` on the same package before it gives up
LOCK_WAIT_SECONDS = 120


def add_drafts(draft_path: Path, data_dir: Path, *, skip_duplicates: bool = False, dry_run: bool = False,
               today: dt.date | None = None, lock_wait: float = LOCK_WAIT_SECONDS) -> AddResult:
    """Append the events of a draft file to the package in ``data_dir``, every table or none.

    Two ``add`` runs on one package never interleave: each holds the package lock while it
    reads, checks and writes; a second run waits up to ``lock_wait`` seconds. The write is
    journaled (:mod:`analysis.curation.journal`), so a kill at any moment leaves the package old
    or new once the next command has started."""
    data_dir = Path(data_dir).resolve()
    with package_lock(data_dir, lock_wait):
        message = recover(data_dir)
        if message:
            print(f"note: {message}", file=sys.stderr)
        return _add_locked(draft_path, data_dir, skip_duplicates=skip_duplicates, dry_run=dry_run, today=today)


def _add_locked(draft_path: Path, data_dir: Path, *, skip_duplicates: bool, dry_run: bool,
                today: dt.date | None) -> AddResult:
    read_package.cache_clear()
    checked = check(data_dir)
    if not checked.ok:
        raise AnalysisError(
            f"{data_dir}: the package has {len(checked.errors)} problem(s) already; fix them first "
            "('python -m analysis validate' lists them). Nothing was added.")
    package = checked.package
    current = {name: raw.table.to_pandas().astype(str) for name, raw in checked.tables.items()}
    result = plan(package, current, read_drafts(draft_path), str(draft_path), today)
    if result.problems:
        raise AnalysisError("the draft needs fixing; nothing was added:\n  " + "\n  ".join(result.problems))
    if result.duplicates and not skip_duplicates:
        raise AnalysisError("refused: the draft repeats events already in the package; nothing was added:\n  "
                            + "\n  ".join(result.duplicates) + "\n(use --skip-duplicates to add only the others)")
    if not result.rows:
        return AddResult(result, [])
    new_bytes = {}
    for table, rows in result.rows.items():
        res = package.resource(table)
        original = (data_dir / res.path).read_bytes()
        try:
            new_bytes[res.path] = _appended(original, rows, res.field_names)
        except AnalysisError as exc:
            raise AnalysisError(f"{data_dir / res.path}: {exc}; nothing was added") from None
    if dry_run:
        _validate_staged(package, data_dir, new_bytes, keep=False)
        return AddResult(result, sorted(new_bytes))
    staged = _validate_staged(package, data_dir, new_bytes, keep=True)
    commit(data_dir, staged)
    return AddResult(result, sorted(new_bytes))


def _validate_staged(package: Package, data_dir: Path, new_bytes: dict[str, bytes], keep: bool) -> dict[str, Path]:
    try:
        stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=data_dir))
    except OSError as exc:
        raise AnalysisError(f"{data_dir}: cannot write there ({exc.strerror or exc}); nothing was added") from None
    try:
        try:
            shutil.copy2(package.descriptor_path, stage / "datapackage.json")
            for res in package.resources:
                target = stage / res.path
                if res.path in new_bytes:
                    target.write_bytes(new_bytes[res.path])
                else:
                    shutil.copy2(data_dir / res.path, target)
        except OSError as exc:
            raise AnalysisError(f"{data_dir}: could not prepare the new files ({exc.strerror or exc}); "
                                "nothing was added and every file is as it was") from None
        staged_pkg = read_package(stage)
        checked = validate(staged_pkg)
        read_package.cache_clear()
        if not checked.ok:
            lines = "\n  ".join(str(p) for p in checked.errors[:50])
            raise AnalysisError(
                f"the package would not be valid after adding ({len(checked.errors)} problem(s); line numbers refer to "
                f"the files as they would be); nothing was added:\n  {lines}")
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if not keep:
        shutil.rmtree(stage, ignore_errors=True)
        return {}
    return {name: stage / name for name in new_bytes}
