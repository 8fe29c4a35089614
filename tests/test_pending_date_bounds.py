"""scripts/pending_date_bounds.py: staged events with one date bound, minus those a later review added."""

import subprocess
import sys
from pathlib import Path

import yaml

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pending_date_bounds.py"


def _csv(path: Path, header: str, *rows: str) -> None:
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")


def test_lists_one_bound_entries_not_in_the_record(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _csv(data / "events.csv", "event_id,title,source_url",
         "ev-0001,Border police chiefs meet in Ohrid on joint patrols,https://list.example/past",
         "ev-0002,Readmission protocol signed in Tirana,https://a.example/2")
    _csv(data / "event_sources.csv", "event_id,url,publisher,relation", "ev-0002,https://copy.example/2,x,copy")
    sheet = tmp_path / "fam-x.yaml"
    sheet.write_text(yaml.safe_dump([
        # one upper bound, its page also lists another recorded event: still pending
        {"title": "Eighth joint training on children at airports", "source_url": "https://list.example/past",
         "date_start": "", "date_end": "2019-03-01", "date_note": "list page"},
        # dated later and added: the record cites a copy of its page for a like title
        {"title": "Readmission protocol signed in Tirana (announced)", "source_url": "https://copy.example/2",
         "date_end": "2011-05-31"},
        {"title": "Both bounds", "source_url": "https://b.example", "date_start": "2010-01-01", "date_end": "2010-02-01"},
        {"title": "A lower bound only", "source_url": "https://c.example", "date_start": "2018-12-13"},
        {"title": "Out of scope", "source_url": "https://e.example", "date_end": "2013-01-01",
         "rejected": "a single country's internal meeting"},
        {"title": "Extra source for a recorded event", "source_url": "https://d.example", "date_end": "2012-01-01",
         "duplicate_of": "ev-0001"},
    ]), encoding="utf-8")
    out = tmp_path / "pending.yaml"
    run = subprocess.run([sys.executable, str(SCRIPT), str(sheet), "--data", str(data), "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [r["sheet"] for r in rows] == ["fam-x.yaml#1", "fam-x.yaml#4"]
    assert rows[0]["date_end"] == "2019-03-01" and rows[0]["date_start"] == ""
    assert "2 staged events" in run.stdout
