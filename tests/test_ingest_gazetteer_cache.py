"""``extract`` compiles the record's names once while the tables hold the same bytes, and again as soon
as any byte changes, even when the file keeps its size and its timestamp."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from analysis.curation.ingest import extract
from analysis.curation.ingest.gazetteer import TABLES, Gazetteer

MINI = Path(__file__).resolve().parent / "fixtures" / "ingest-mini"


def test_the_gazetteer_is_compiled_again_only_when_a_table_changes(tmp_path: Path):
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    first = Gazetteer.cached(data)
    assert Gazetteer.cached(data) is first, "unchanged tables: the compiled gazetteer is reused"
    people = data / "people.csv"
    text = people.read_text(encoding="utf-8")
    assert text.endswith("vic\n")
    stat = people.stat()
    people.write_text(text[:-4] + "Ana" + text[-1:], encoding="utf-8")
    os.utime(people, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same timestamp, other bytes
    assert people.stat().st_size == stat.st_size
    again = Gazetteer.cached(data)
    assert again is not first and set(TABLES) <= {p.stem for p in data.glob("*.csv")}


def test_extract_sees_a_person_added_to_the_record(tmp_path: Path):
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    text = "Director Zora Testić of the Ministry of Interior opened the meeting in Skopje on 3 May 2019."
    before = extract(text, data)
    assert [p.get("known_as") for p in before["people"] if p["name"] == "Zora Testić"] == [None]
    people = data / "people.csv"
    header = people.read_text(encoding="utf-8").splitlines()[0].split(",")
    row = {"person_id": "zora-testic", "name": "Zora Testić"}
    with people.open("a", encoding="utf-8", newline="") as fh:
        fh.write(",".join(row.get(col, "") for col in header) + "\n")
    after = extract(text, data)
    assert [p.get("known_as") for p in after["people"] if p["name"] == "Zora Testić"] == ["zora-testic"]
