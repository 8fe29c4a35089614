"""``profiles:`` in reports.yaml: one report per organisation with at least ``min_events`` events
(10 unless set), most active first, titled with its acronym (else its name), read from CSVs that
may carry a byte-order mark, and explained when misconfigured."""

from __future__ import annotations

import codecs
from pathlib import Path

import nbformat
import pytest

from analysis.errors import AnalysisError
from analysis.reports import runner


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    books = tmp_path / "notebooks"
    books.mkdir()
    for name in ("about", "partner"):
        nbformat.write(nbformat.v4.new_notebook(), books / f"{name}.ipynb")
    data = tmp_path / "data"
    data.mkdir()
    counts = {"big": 12, "ten": 10, "nine": 9, "noname": 11, "ghost": 10}
    lines = ["event_id,org_id,role"]
    for org, n in counts.items():
        lines += [f"ev-{i:04d},{org},participant" for i in range(n)]
    lines.append("ev-0000,big,host")  # the same event twice counts once
    # a byte-order mark and CRLF, as a spreadsheet saves them
    (data / "event_organisations.csv").write_bytes(codecs.BOM_UTF8 + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    orgs = ["org_id,name,acronym,kind,country_code,aliases", "big,Big Organisation,BIG,other,,",
            "ten,Ten Agency,TEN,other,,", "nine,Nine Office,NINE,other,,", "noname,Office Without Acronym,,other,,"]
    (data / "organisations.csv").write_bytes(codecs.BOM_UTF8 + ("\r\n".join(orgs) + "\r\n").encode("utf-8"))
    return tmp_path


def _load(folder: Path, profiles: str, runs: str = "  - {name: about, notebook: about}\n") -> list[runner.ReportSpec]:
    config = folder / "reports.yaml"
    config.write_text(f"reports:\n{runs}profiles: {profiles}\n", encoding="utf-8")
    return runner.load_config(config, folder / "notebooks", folder / "data")


def test_profiles_for_organisations_with_ten_events_or_more_most_active_first(folder: Path):
    specs = _load(folder, "{notebook: partner, parameters: {partner: ''}}")
    profiles = [s for s in specs if s.name.startswith("profile-")]
    assert [s.name for s in profiles] == ["profile-big", "profile-noname", "profile-ghost", "profile-ten"]
    assert [s.title for s in profiles] == ["Profile: BIG", "Profile: Office Without Acronym", "Profile: ghost", "Profile: TEN"]
    assert all(s.notebook == "partner" for s in profiles)
    assert profiles[0].parameters == {"partner": "", "organisation": "big"}


def test_min_events_sets_the_threshold(folder: Path):
    names = [s.name for s in _load(folder, "{notebook: partner, min_events: 11}") if s.name.startswith("profile-")]
    assert names == ["profile-big", "profile-noname"]
    names = [s.name for s in _load(folder, "{notebook: partner, min_events: 9}") if s.name.startswith("profile-")]
    assert names == ["profile-big", "profile-noname", "profile-ghost", "profile-ten", "profile-nine"]


def test_a_configured_run_of_the_same_name_wins_and_the_rest_still_come(folder: Path):
    runs = "  - {name: profile-big, title: Hand-made, notebook: about}\n"
    specs = _load(folder, "{notebook: partner}", runs)
    assert [(s.name, s.title) for s in specs] == [("profile-big", "Hand-made"), ("profile-noname", "Profile: Office Without Acronym"),
                                                 ("profile-ghost", "Profile: ghost"), ("profile-ten", "Profile: TEN")]


@pytest.mark.parametrize("profiles", ["{min_events: 3}", "[partner]", "{notebook: ''}"])
def test_profiles_without_a_notebook_are_explained(folder: Path, profiles: str):
    with pytest.raises(AnalysisError) as info:
        _load(folder, profiles)
    assert str(info.value) == f"{folder / 'reports.yaml'}: 'profiles:' needs a notebook (and min_events, parameters)"


def test_profiles_with_a_missing_notebook_name_it(folder: Path):
    with pytest.raises(AnalysisError) as info:
        _load(folder, "{notebook: nowhere}")
    assert str(info.value) == f"{folder / 'reports.yaml'}: profiles: no notebook {folder / 'notebooks' / 'nowhere.ipynb'}"
