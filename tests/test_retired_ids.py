"""An event id is never given to another event: ids of rows that left the record are listed in retired_events.csv, the
validator refuses an event that carries one, and `add` numbers new events after them."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from analysis.record.load import check
from conftest import rows, write_rows


def _max_id(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as fh:
        return max(int(r["event_id"][3:]) for r in csv.DictReader(fh))


def test_the_record_lists_its_retired_ids_and_uses_none(pkg: Path):
    table = rows(pkg / "retired_events.csv")
    assert table[0] == ["event_id", "date_removed", "merged_into", "reason"]
    assert len(table) > 50, "the rows removed since 0.1 are listed"
    assert all(r[3] for r in table[1:]), "each says why"
    live = {r[0] for r in rows(pkg / "events.csv")[1:]}
    assert not live & {r[0] for r in table[1:]}


def test_an_event_with_a_retired_id_is_refused(pkg: Path):
    events = rows(pkg / "events.csv")
    retired = rows(pkg / "retired_events.csv")
    old = events[1][0]
    write_rows(pkg / "retired_events.csv", [*retired, [old, "2026-12-01", "", "a test"]])
    hits = [p for p in check(pkg).problems if p.rule == "retired-id"]
    assert len(hits) == 1 and old in hits[0].message and hits[0].file == "events.csv"


def test_a_merged_into_that_names_no_event_is_refused(pkg: Path):
    retired = rows(pkg / "retired_events.csv")
    retired[1][2] = "ev-99999"
    write_rows(pkg / "retired_events.csv", retired)
    assert any(p.rule == "foreign-key" and p.file == "retired_events.csv" for p in check(pkg).problems)


DRAFT = """events:
- title: Test meeting on border management in Skopje
  kind: meeting
  status: held
  date_start: 2020-02-03
  date_end: 2020-02-03
  date_precision: day
  url: https://example.org/retired-ids-test
  publisher: Example
  place: {id: skopje}
  topics: [border-security]
  countries: [MK, AL]
  organisations:
  - {id: marri, role: organiser}
"""


def test_add_numbers_a_new_event_after_the_highest_retired_id(pkg: Path, tmp_path: Path):
    top = _max_id(pkg / "events.csv")
    retired = rows(pkg / "retired_events.csv")
    write_rows(pkg / "retired_events.csv", [*retired, [f"ev-{top + 5:04d}", "2026-12-01", "", "removed: a test"]])
    draft = tmp_path / "draft.yaml"
    draft.write_text(DRAFT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), "add", str(draft)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _max_id(pkg / "events.csv") == top + 6

