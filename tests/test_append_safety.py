"""``add`` never mixes or loses rows: it writes in each file's own column order, and two runs
at once are serialised by a lock (each either adds its event or says why not)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from analysis.curation.append import add_drafts
from analysis.errors import AnalysisError
from analysis.record.load import load
from conftest import fork_main, rows, wait_forked, write_rows


def _draft(path: Path, title: str, url: str, day: str) -> Path:
    path.write_text(yaml.safe_dump({"title": title, "url": url, "kind": "workshop", "date_start": day,
                                    "place": {"name": "Ohrid", "country": "MK"}, "countries": ["MK"],
                                    "topics": ["border-security"], "organisations": [{"id": "marri", "role": "organiser"}]}),
                    encoding="utf-8")
    return path


def test_add_writes_in_the_files_own_column_order(pkg: Path, tmp_path: Path):
    table = rows(pkg / "events.csv")
    order = list(reversed(range(len(table[0]))))
    write_rows(pkg / "events.csv", [[r[i] for i in order] for r in table])
    add_drafts(_draft(tmp_path / "d.yaml", "Workshop on border checks in Ohrid", "https://example.org/ohrid-1", "2003-05-06"), pkg)
    rec = load(pkg)
    added = rec.events[rec.events.source_url == "https://example.org/ohrid-1"]
    assert len(added) == 1
    row = added.iloc[0]
    assert row.title == "Workshop on border checks in Ohrid" and row.kind == "workshop"
    assert f"{row.date_start:%Y-%m-%d}" == "2003-05-06"


def test_add_refuses_a_file_whose_header_lacks_a_column(pkg: Path, tmp_path: Path):
    table = rows(pkg / "event_topics.csv")
    write_rows(pkg / "event_topics.csv", [[r[0]] for r in table])
    before = (pkg / "events.csv").read_bytes()
    with pytest.raises(AnalysisError):
        add_drafts(_draft(tmp_path / "d.yaml", "Workshop in Ohrid", "https://example.org/ohrid-2", "2003-05-07"), pkg)
    assert (pkg / "events.csv").read_bytes() == before


def test_add_waits_for_the_lock_and_then_gives_up_with_a_message(pkg: Path, tmp_path: Path):
    from filelock import FileLock

    with FileLock(str(pkg / ".add.lock")), pytest.raises(AnalysisError, match=r"another 'add' is writing .*\.add\.lock"):
        add_drafts(_draft(tmp_path / "d.yaml", "Workshop in Ohrid", "https://example.org/ohrid-3", "2003-05-08"), pkg,
                   lock_wait=0.2)


def test_concurrent_adds_keep_every_event(small_pkg: Path, tmp_path: Path):
    """Six processes add one event each at the same moment: all six rows land, none is mixed.
    (Forks of this process running the command line: six real processes racing for the lock,
    on the small record.)"""
    pkg = small_pkg
    runs = []
    for n in range(6):
        draft = _draft(tmp_path / f"d{n}.yaml", f"Parallel workshop number {n} on border checks",
                       f"https://example.org/parallel-{n}", f"2003-06-{n + 1:02d}")
        runs.append((fork_main(["--data", str(pkg), "add", str(draft)], tmp_path / f"d{n}.log"), tmp_path / f"d{n}.log"))
    results = [(wait_forked(pid), log.read_text()) for pid, log in runs]
    assert all(code == 0 for code, _ in results), results
    rec = load(pkg)
    added = rec.events[rec.events.source_url.str.startswith("https://example.org/parallel-")]
    assert len(added) == 6 and added.event_id.is_unique
    for row in added.itertuples():
        n = int(row.source_url.rsplit("-", 1)[1])
        assert row.title == f"Parallel workshop number {n} on border checks"
        assert f"{row.date_start:%Y-%m-%d}" == f"2003-06-{n + 1:02d}"
