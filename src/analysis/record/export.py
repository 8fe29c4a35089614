"""The whole record for other tools: Excel, Parquet, SQLite, Stata and DuckDB.

Every format carries every table of the declaration with its types (dates as dates, booleans,
numbers); the database formats also carry the primary and foreign keys; Excel adds a codebook
sheet and neutralises text cells a spreadsheet would run as formulas. A file is written beside
its target and moved into place when complete, so an interrupted export leaves nothing half-written.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.cells import neutralise_frame
from analysis.errors import AnalysisError
from analysis.record.declaration import Package, Resource
from analysis.record.load import Record

FORMATS = {"xlsx": "Excel workbook", "parquet": "folder of Parquet files", "sqlite": "SQLite database",
           "stata": "folder of Stata .dta files", "duckdb": "DuckDB database"}
_SQL_TYPES = {"string": "TEXT", "date": "DATE", "number": "DOUBLE", "integer": "BIGINT", "boolean": "BOOLEAN"}


def default_target(fmt: str, version: str) -> Path:
    suffix = {"parquet": "-parquet", "stata": "-stata"}.get(fmt, f".{fmt}")
    return Path("exports") / f"wb-cooperation-record-{version}{suffix}"


def export(rec: Record, fmt: str, target: Path) -> Path:
    """Write the record as ``fmt`` to ``target`` (a file, or a folder for parquet and stata)."""
    if fmt not in FORMATS:
        raise AnalysisError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    target = Path(target)
    _check_target(rec, fmt, target)
    writer: Callable[[Record, Path], None] = {"xlsx": _xlsx, "parquet": _parquet, "sqlite": _sqlite, "stata": _stata,
                                              "duckdb": _duckdb}[fmt]
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.", dir=target.parent) as tmp:
        staged = Path(tmp) / target.name
        try:
            writer(rec, staged)
        except OSError as exc:  # disk full, quota, file-size limit: name the target, keep what was there
            raise AnalysisError(f"{target}: cannot write the {FORMATS[fmt]} ({exc.strerror or exc}); "
                                "nothing was changed") from None
        if target.exists():  # moved aside, not deleted, until the new one is in place; the folder goes with tmp
            target.replace(Path(tmp) / f"{target.name}.old")
        staged.replace(target)
    return target


def _check_target(rec: Record, fmt: str, target: Path) -> None:
    """Refuse a target whose replacement would lose something the user had: the record itself, a device or pipe,
    a file where a folder goes, or a folder holding anything but an earlier export of the same format."""
    if not target.parent.is_dir():
        raise AnalysisError(f"{target}: the folder {target.parent} does not exist")
    data = rec.package.descriptor_path.parent.resolve()
    if target.resolve() == data or data in target.resolve().parents:
        raise AnalysisError(f"{target}: is inside the record's folder {data}; write the export elsewhere")
    folder = fmt in ("parquet", "stata")
    if not target.exists() and not target.is_symlink():
        return
    if target.is_dir() and not folder:
        raise AnalysisError(f"{target}: is a folder; give a file name for the {FORMATS[fmt]}")
    if not target.is_dir() and (folder or not target.is_file()):
        kind = "a file" if target.is_file() else "not a regular file"
        raise AnalysisError(f"{target}: is {kind}; give a new name for the {FORMATS[fmt]} (nothing was changed)")
    if folder:
        suffix = ".parquet" if fmt == "parquet" else ".dta"
        ours = {f"{res.name}{suffix}" for res in rec.package.resources} | {"datapackage.json"}
        other = sorted(p.name for p in target.iterdir() if p.name not in ours or not p.is_file())
        if other:
            raise AnalysisError(f"{target}: the folder holds files that are not an earlier {fmt} export of the record "
                                f"({', '.join(other[:3])}); give a new or empty folder (nothing was changed)")


def _tables(rec: Record) -> list[tuple[Resource, pd.DataFrame]]:
    return [(res, rec.tables[res.name]) for res in rec.package.resources]


def _plain(res: Resource, df: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as text, so every tool reads the same values."""
    out = df.copy()
    for f in res.fields:
        if isinstance(out[f.name].dtype, pd.CategoricalDtype):
            out[f.name] = out[f.name].astype(object).where(out[f.name].notna(), None)
    return out


def codebook_frame(package: Package) -> pd.DataFrame:
    rows = []
    for res in package.resources:
        for f in res.fields:
            rows.append({"table": res.name, "field": f.name, "type": f.type, "required": f.required,
                         "allowed values": ", ".join(f.enum or []), "description": f.description})
    return pd.DataFrame(rows)


# every cell as the text it is: no formula, link or number made from a string (formula-like text is
# neutralised as well, for readers that re-type cells)
_XLSX_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def _xlsx(rec: Record, path: Path) -> None:
    # XlsxWriter builds the workbook in memory (no temporary files, unlike openpyxl's writer) and it is
    # written in one go, so a full disk fails in one place, with one message
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": _XLSX_OPTIONS}) as xl:
        for res, df in _tables(rec):
            neutralise_frame(_plain(res, df)).to_excel(xl, sheet_name=res.name[:31], index=False)
        neutralise_frame(codebook_frame(rec.package)).to_excel(xl, sheet_name="codebook", index=False)
    path.write_bytes(buffer.getvalue())


def _parquet(rec: Record, folder: Path) -> None:
    folder.mkdir()
    for res, df in _tables(rec):
        _plain(res, df).to_parquet(folder / f"{res.name}.parquet", index=False)
    shutil.copy2(rec.package.descriptor_path, folder / "datapackage.json")


def _stata(rec: Record, folder: Path) -> None:
    folder.mkdir()
    for res, df in _tables(rec):
        out = _plain(res, df)
        dates = {f.name: "td" for f in res.fields if f.type == "date"}
        for f in res.fields:
            if f.type == "boolean":
                out[f.name] = out[f.name].astype("Int8")
            elif f.type == "string":
                out[f.name] = out[f.name].fillna("").astype(str)
        long_text = [f.name for f in res.fields if f.type == "string" and out[f.name].str.len().max() > 2045]
        out.to_stata(folder / f"{res.name}.dta", write_index=False, version=118, convert_dates=dates,
                     convert_strl=long_text, data_label=f"{rec.package.title} {rec.version}: {res.name}"[:80])


def _ddl(res: Resource, self_references: bool, deferred: bool = False) -> str:
    cols = [f'"{f.name}" {_SQL_TYPES.get(f.type, "TEXT")}{" NOT NULL" if f.required else ""}' for f in res.fields]
    if res.primary_key:
        cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in res.primary_key) + ")")
    for fk in res.foreign_keys:
        if fk.resource == res.name and not self_references:
            continue
        cols.append("FOREIGN KEY (" + ", ".join(f'"{c}"' for c in fk.fields) + f') REFERENCES "{fk.resource}" ('
                    + ", ".join(f'"{c}"' for c in fk.reference_fields) + ")"
                    + (" DEFERRABLE INITIALLY DEFERRED" if deferred else ""))
    return f'CREATE TABLE "{res.name}" (\n  ' + ",\n  ".join(cols) + "\n)"


def _rows(res: Resource, df: pd.DataFrame) -> list[tuple]:
    out = _plain(res, df)
    for f in res.fields:
        if f.type == "date":
            out[f.name] = out[f.name].dt.strftime("%Y-%m-%d")
    return [tuple(None if pd.isna(v) else v for v in row) for row in out.itertuples(index=False, name=None)]


def _sqlite(rec: Record, path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        with con:
            for res, df in _tables(rec):
                con.execute(_ddl(res, self_references=True, deferred=True))
                marks = ", ".join("?" * len(res.fields))
                con.executemany(f'INSERT INTO "{res.name}" VALUES ({marks})', _rows(res, df))
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise AnalysisError(f"{path}: the export breaks {len(problems)} foreign key(s); validate the data first")
    except sqlite3.OperationalError as exc:  # "database or disk is full", "disk I/O error"
        raise OSError(str(exc)) from None
    finally:
        con.close()


def _duckdb(rec: Record, path: Path) -> None:
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for res, df in _tables(rec):
            # DuckDB does not accept a table's foreign key to itself (events.follow_up_of); that one
            # relation is left to the data package's own validation
            con.execute(_ddl(res, self_references=False))
            frame = _plain(res, df)  # noqa: F841 (read by name in the SQL below)
            columns = ", ".join(f'CAST("{f.name}" AS DATE)' if f.type == "date" else f'"{f.name}"' for f in res.fields)
            con.execute(f'INSERT INTO "{res.name}" SELECT {columns} FROM frame')
        con.commit()
    except (duckdb.IOException, duckdb.TransactionException) as exc:  # the disk filled while writing, or its commit log
        raise OSError(str(exc).splitlines()[0]) from None
    finally:
        con.close()
