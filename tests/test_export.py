"""Every export format holds the whole record, typed, and reads back in the tool it is for."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.errors import AnalysisError
from analysis.record.export import FORMATS, export


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


@pytest.fixture(scope="module")
def exported(rec, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: export(rec, fmt, folder / f"record.{fmt}") for fmt in FORMATS}


def _seed(rec) -> pd.Series:
    return rec.events.set_index("event_id").loc["ev-0001"]


def test_xlsx_has_every_table_and_a_codebook(rec, exported):
    sheets = pd.read_excel(exported["xlsx"], sheet_name=None, dtype=str, keep_default_na=False)
    assert set(sheets) == {*(r.name for r in rec.package.resources), "codebook"}
    for res in rec.package.resources:
        assert len(sheets[res.name]) == len(rec.tables[res.name]), res.name
    events = sheets["events"].set_index("event_id")
    assert events.loc["ev-0001", "title"] == _seed(rec).title
    assert "NA" in set(sheets["countries"].country_code)  # Namibia stays a code
    assert {"table", "field", "description"} <= set(sheets["codebook"].columns)


def test_parquet_keeps_types(rec, exported):
    events = pd.read_parquet(exported["parquet"] / "events.parquet")
    assert len(events) == len(rec.events)
    assert pd.api.types.is_datetime64_any_dtype(events.date_start)
    assert (exported["parquet"] / "datapackage.json").is_file()


def test_sqlite_has_keys_and_consistent_references(rec, exported):
    con = sqlite3.connect(exported["sqlite"])
    try:
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert n == len(rec.events)
        fks = con.execute("PRAGMA foreign_key_list(event_organisations)").fetchall()
        assert {row[2] for row in fks} == {"events", "organisations"}
        pk = [row[1] for row in con.execute("PRAGMA table_info(events)").fetchall() if row[5]]
        assert pk == ["event_id"]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        joined = con.execute("SELECT count(*) FROM event_organisations eo JOIN organisations o USING (org_id)").fetchone()[0]
        assert joined == len(rec.event_organisations)
    finally:
        con.close()


def test_stata_files_read_back(rec, exported):
    events = pd.read_stata(exported["stata"] / "events.dta")
    assert len(events) == len(rec.events)
    assert events.set_index("event_id").loc["ev-0001", "title"] == _seed(rec).title
    assert pd.api.types.is_datetime64_any_dtype(events.date_start)


def test_duckdb_has_keys(rec, exported):
    import duckdb

    con = duckdb.connect(str(exported["duckdb"]), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == len(rec.events)
        kinds = {row[0] for row in con.execute(
            "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'event_topics'").fetchall()}
        assert {"PRIMARY KEY", "FOREIGN KEY"} <= kinds
    finally:
        con.close()


def test_unknown_format_and_bad_target_are_refused(rec, tmp_path):
    with pytest.raises(AnalysisError, match="unknown format"):
        export(rec, "csv2", tmp_path / "x")
    with pytest.raises(AnalysisError, match="does not exist"):
        export(rec, "sqlite", tmp_path / "missing" / "x.sqlite")


def test_a_target_holding_what_the_user_had_is_refused_and_left_as_it_was(rec, tmp_path: Path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("chapter one")
    with pytest.raises(AnalysisError, match=r"mine: the folder holds files .*thesis\.docx"):
        export(rec, "stata", mine)
    assert (mine / "thesis.docx").read_text() == "chapter one"
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    with pytest.raises(AnalysisError, match=r"notes\.txt: is a file; give a new name for the folder of Parquet"):
        export(rec, "parquet", notes)
    assert notes.read_text() == "keep me"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(AnalysisError, match="pipe: is not a regular file"):
        export(rec, "sqlite", pipe)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    data = rec.package.descriptor_path.parent
    with pytest.raises(AnalysisError, match="inside the record's folder"):
        export(rec, "parquet", data)
    with pytest.raises(AnalysisError, match="inside the record's folder"):
        export(rec, "sqlite", data / "events.csv")
    assert not list(tmp_path.glob(".*")), "no staging folder is left behind"


def test_an_earlier_export_is_replaced_whole(rec, exported, tmp_path: Path):
    again = tmp_path / "record.stata"
    export(rec, "stata", again)
    (again / "events.dta").write_bytes(b"stale")
    (again / "topics.dta").unlink()
    export(rec, "stata", again)
    assert pd.read_stata(again / "events.dta").shape[0] == len(rec.events)
    assert (again / "topics.dta").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.stata"]


def test_xlsx_cells_are_the_text_they_hold_never_a_formula_or_link(rec, tmp_path: Path):
    import copy

    import openpyxl

    hostile = copy.copy(rec)
    hostile.tables = dict(rec.tables)
    events = rec.tables["events"].copy()
    events["title"] = events["title"].astype(object)
    events.loc[events.index[0], "title"] = '=HYPERLINK("http://evil.example","click")'
    hostile.tables["events"] = events
    path = export(hostile, "xlsx", tmp_path / "hostile.xlsx")
    sheet = openpyxl.load_workbook(path)["events"]
    header = [c.value for c in sheet[1]]
    title = sheet.cell(row=2, column=header.index("title") + 1)
    url = sheet.cell(row=2, column=header.index("source_url") + 1)
    assert title.data_type == "s" and title.value == '\'=HYPERLINK("http://evil.example","click")'
    assert url.data_type == "s" and url.hyperlink is None and url.value.startswith("http")
