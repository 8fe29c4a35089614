"""Shared fixtures: a private copy of the real data package that a test may break."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from analysis.record.declaration import read_package

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def _fresh_package_cache():
    read_package.cache_clear()
    yield
    read_package.cache_clear()


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".*"))
    return target


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def write_rows(path: Path, table: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(table)
    path.write_text(buf.getvalue(), encoding="utf-8")


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set data row ``row`` (0-based; file line row + 2) of ``column`` to ``value``."""
    table = rows(path)
    table[row + 1][table[0].index(column)] = value
    write_rows(path, table)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every data file's bytes (dot-files such as the lock are not data)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}
