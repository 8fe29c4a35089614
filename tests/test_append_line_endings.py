"""Appending keeps each file as it is: its line endings (CRLF stays CRLF), its byte-order mark,
its column order, a missing final newline supplied in the file's own style; and ``add`` says
what it refused and why, leaving nothing staged behind."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
import yaml

from analysis.curation.append import _appended, _header, add_drafts
from analysis.errors import AnalysisError
from conftest import snapshot


@pytest.fixture
def pkg(small_pkg: Path) -> Path:
    """A private copy of the small valid record (tests/conftest.py: a dozen events, every table
    that refers to them, the tables they refer to whole): what ``add`` does to a file's line
    endings, and what it refuses, does not depend on how many events the record already holds."""
    return small_pkg


COLUMNS = ["event_id", "topic_id"]
ROWS = [{"event_id": "ev-9", "topic_id": "asylum"}, {"event_id": "ev-10", "topic_id": "a, b"}]


def test_crlf_file_gets_crlf_rows():
    original = b"event_id,topic_id\r\nev-1,asylum\r\n"
    assert _appended(original, ROWS, COLUMNS) == original + b'ev-9,asylum\r\nev-10,"a, b"\r\n'


def test_lf_file_gets_lf_rows():
    original = b"event_id,topic_id\nev-1,asylum\n"
    assert _appended(original, ROWS, COLUMNS) == original + b'ev-9,asylum\nev-10,"a, b"\n'


def test_a_missing_final_newline_is_supplied_in_the_files_style():
    assert _appended(b"event_id,topic_id\r\nev-1,asylum", ROWS[:1], COLUMNS) == b"event_id,topic_id\r\nev-1,asylum\r\nev-9,asylum\r\n"
    assert _appended(b"event_id,topic_id\nev-1,asylum", ROWS[:1], COLUMNS) == b"event_id,topic_id\nev-1,asylum\nev-9,asylum\n"


def test_rows_follow_the_files_column_order_and_bom():
    original = codecs.BOM_UTF8 + b"topic_id , event_id\r\nasylum,ev-1\r\n"
    assert _header(original) == ["topic_id", "event_id"]
    assert _appended(original, ROWS[:1], COLUMNS) == original + b"asylum,ev-9\r\n"


def test_an_empty_file_takes_the_declared_order():
    assert _appended(b"", ROWS[:1], COLUMNS) == b"ev-9,asylum\n"
    assert _appended(b"  \n", ROWS[:1], COLUMNS) == b"  \nev-9,asylum\n"


def test_a_header_that_does_not_match_the_declaration_is_refused():
    with pytest.raises(AnalysisError) as info:
        _appended(b"event_id,topic\nev-1,asylum\n", ROWS, COLUMNS)
    assert str(info.value) == ("the header of this file (event_id, topic) does not list the declared columns "
                               "(event_id, topic_id); fix it before adding")


def test_a_row_with_an_undeclared_column_is_an_error_not_dropped():
    with pytest.raises(ValueError, match="role"):
        _appended(b"event_id,topic_id\n", [{"event_id": "ev-9", "topic_id": "asylum", "role": "x"}], COLUMNS)


def test_header_reads_only_the_first_line():
    assert _header(b"a,b\r\nc,d\n") == ["a", "b"]
    assert _header(b"a,BOX\r\n") == ["a", "BOX"]
    assert _header(b'"x\r",y\n1,2\n') == ["x", "y"]
    assert _header(b"\r\nrest") == []


# --- add, end to end ---------------------------------------------------------------------------


def _draft(path: Path, url: str = "https://example.org/line-endings", **extra) -> Path:
    path.write_text(yaml.safe_dump({"title": "Workshop on returns in Ohrid", "url": url, "kind": "workshop",
                                    "date_start": "2003-04-05", "place": {"name": "Ohrid", "country": "MK"},
                                    "countries": ["MK"], "topics": ["readmission"], **extra}), encoding="utf-8")
    return path


def _leftovers(pkg: Path) -> list[str]:
    return sorted(p.name for p in pkg.iterdir() if p.name.startswith(".add-"))


def test_add_to_crlf_files_keeps_them_crlf(pkg: Path, tmp_path: Path):
    for name in ("events.csv", "event_topics.csv", "event_countries.csv"):
        path = pkg / name
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    result = add_drafts(_draft(tmp_path / "d.yaml"), pkg, today=dt.date(2020, 1, 2))
    assert result.changed_files == sorted(result.changed_files) and "events.csv" in result.changed_files
    assert result.plan.rows["events"][0]["date_accessed"] == "2020-01-02"  # the day of the add, unless the draft says
    for name in result.changed_files:
        data = (pkg / name).read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n"), name
    assert _leftovers(pkg) == []


def test_dry_run_changes_nothing_and_names_the_files(pkg: Path, tmp_path: Path):
    before = snapshot(pkg)
    result = add_drafts(_draft(tmp_path / "d.yaml"), pkg, dry_run=True)
    assert result.changed_files == sorted(result.changed_files)
    assert {"events.csv", "event_topics.csv", "event_countries.csv"} <= set(result.changed_files)
    assert result.plan.rows and snapshot(pkg) == before and _leftovers(pkg) == []


def test_a_repeated_event_is_refused_then_skipped_on_request(pkg: Path, tmp_path: Path):
    draft = _draft(tmp_path / "d.yaml")
    add_drafts(draft, pkg)
    before = snapshot(pkg)
    with pytest.raises(AnalysisError) as info:
        add_drafts(draft, pkg)
    text = str(info.value)
    assert text.startswith("refused: the draft repeats events already in the package; nothing was added:\n  ")
    assert text.endswith("\n(use --skip-duplicates to add only the others)")
    assert snapshot(pkg) == before
    skipped = add_drafts(draft, pkg, skip_duplicates=True)
    assert skipped.changed_files == [] and skipped.plan.duplicates and snapshot(pkg) == before


def test_a_draft_with_mistakes_is_refused_with_each_one(pkg: Path, tmp_path: Path):
    before = snapshot(pkg)
    with pytest.raises(AnalysisError) as info:
        add_drafts(_draft(tmp_path / "d.yaml", kind="banquet", topics=["weather"]), pkg)
    text = str(info.value)
    assert text.startswith("the draft needs fixing; nothing was added:\n  ")
    assert "banquet" in text and "weather" in text and "\n  " in text.split("nothing was added:", 1)[1]
    assert f"{tmp_path / 'd.yaml'}: event 1 (" in text  # each mistake names the draft file and the event
    assert snapshot(pkg) == before


def test_a_package_already_invalid_is_refused_before_reading_the_draft(pkg: Path, tmp_path: Path):
    path = pkg / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace("workshop", "banquet", 1).replace("meeting", "banquet", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(AnalysisError) as info:
        add_drafts(tmp_path / "no-such-draft.yaml", pkg)
    assert str(info.value).startswith(f"{pkg}: the package has ")
    assert str(info.value).endswith(" problem(s) already; fix them first ('python -m analysis validate' lists them). "
                                    "Nothing was added.")


def test_rows_that_would_make_the_package_invalid_are_refused_with_their_lines(pkg: Path, tmp_path: Path, monkeypatch):
    from analysis.curation import append

    real = append._appended

    def with_a_bad_row(original, rows, columns):
        if "date_precision" in columns:
            rows = [{**r, "date_precision": "fortnight"} for r in rows]
        return real(original, rows, columns)

    monkeypatch.setattr(append, "_appended", with_a_bad_row)
    before = snapshot(pkg)
    with pytest.raises(AnalysisError) as info:
        add_drafts(_draft(tmp_path / "d.yaml"), pkg)
    text = str(info.value)
    assert text.startswith("the package would not be valid after adding (")
    assert "line numbers refer to the files as they would be); nothing was added:\n  events.csv:" in text
    assert "fortnight" in text
    assert snapshot(pkg) == before and _leftovers(pkg) == []


def test_the_would_be_package_is_staged_hidden_inside_the_data_folder(pkg: Path, tmp_path: Path, monkeypatch):
    from analysis.curation import append

    seen = []
    real = append.validate

    def validate(package):
        seen.append(package.data_dir)
        return real(package)

    monkeypatch.setattr(append, "validate", validate)
    add_drafts(_draft(tmp_path / "d.yaml"), pkg, dry_run=True)
    [stage] = seen
    assert stage.parent == pkg.resolve() and stage.name.startswith(".add-")


def test_a_folder_that_cannot_be_written_says_so(pkg: Path, tmp_path: Path, monkeypatch):
    from analysis.curation import append

    def refuse(**_):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(append.tempfile, "mkdtemp", refuse)
    with pytest.raises(AnalysisError) as info:
        add_drafts(_draft(tmp_path / "d.yaml"), pkg)
    assert str(info.value) == f"{pkg.resolve()}: cannot write there (Read-only file system); nothing was added"


def test_a_copy_that_fails_while_staging_says_so_and_leaves_nothing(pkg: Path, tmp_path: Path, monkeypatch):
    from analysis.curation import append

    def full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(append.shutil, "copy2", full)
    before = snapshot(pkg)
    with pytest.raises(AnalysisError) as info:
        add_drafts(_draft(tmp_path / "d.yaml"), pkg)
    assert str(info.value) == (f"{pkg.resolve()}: could not prepare the new files (No space left on device); "
                               "nothing was added and every file is as it was")
    assert snapshot(pkg) == before and _leftovers(pkg) == []


def test_add_notes_what_it_cleaned_up_from_an_interrupted_add(pkg: Path, tmp_path: Path, capsys):
    (pkg / ".add-killed").mkdir()
    add_drafts(_draft(tmp_path / "d.yaml"), pkg, dry_run=True)
    err = capsys.readouterr().err
    assert err == f"note: removed what an interrupted 'add' left in {pkg.resolve()}; no file had been changed\n"
    assert not (pkg / ".add-killed").exists()
