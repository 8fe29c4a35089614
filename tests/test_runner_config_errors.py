"""reports.yaml as people edit it by hand: a YAML mistake is located (line and column from 1),
every malformed run is named by its position or name, and run names may use - and _."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from analysis.errors import AnalysisError
from analysis.reports import runner


@pytest.fixture
def books(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), folder / "country.ipynb")
    return folder


def _load(tmp_path: Path, books: Path, text: str) -> list[runner.ReportSpec]:
    path = tmp_path / "reports.yaml"
    path.write_text(text, encoding="utf-8")
    return runner.load_config(path, books, tmp_path)


def _error(tmp_path: Path, books: Path, text: str) -> str:
    with pytest.raises(AnalysisError) as info:
        _load(tmp_path, books, text)
    return str(info.value)


def test_a_yaml_mistake_names_its_line_and_column(tmp_path: Path, books: Path):
    text = "reports:\n  - name: a\n    notebook: [country\n"
    message = _error(tmp_path, books, text)
    path = tmp_path / "reports.yaml"
    assert message.startswith(f"{path}:4:1: not valid YAML (")
    assert message.endswith(")") and "expected ',' or ']'" in message


def test_a_missing_file_and_a_config_that_is_not_a_mapping(tmp_path: Path, books: Path):
    path = tmp_path / "reports.yaml"
    with pytest.raises(AnalysisError) as info:
        runner.load_config(tmp_path / "nowhere.yaml", books)
    assert str(info.value) == f"{tmp_path / 'nowhere.yaml'}: no report configuration here"
    expected = f"{path}: expected 'reports:' with a list of runs (name, title, notebook, parameters)"
    for text in ("- a\n- b\n", "reports: {name: a}\n", "reports: []\n", "", "title: x\n"):
        assert _error(tmp_path, books, text) == expected, text


@pytest.mark.parametrize(("runs", "message"), [
    ("  - {name: a, notebook: country}\n  - {notebook: country}\n", "run 2 needs at least 'name' and 'notebook'"),
    ("  - {name: a}\n", "run 1 needs at least 'name' and 'notebook'"),
    ("  - just-a-name\n", "run 1 needs at least 'name' and 'notebook'"),
    ("  - {name: a, notebook: country, params: {}, colour: red}\n", "run 'a' has unknown key(s) colour, params"),
    ("  - {name: a/b, notebook: country}\n", "run name 'a/b' is repeated or not a simple folder name"),
])
def test_each_malformed_run_is_named(tmp_path: Path, books: Path, runs: str, message: str):
    assert _error(tmp_path, books, "reports:\n" + runs) == f"{tmp_path / 'reports.yaml'}: {message}"


def test_run_names_may_use_dashes_and_underscores(tmp_path: Path, books: Path):
    specs = _load(tmp_path, books, "reports:\n  - {name: country-me, notebook: country}\n  - {name: all_events, notebook: country,"
                                   " title: Everything, parameters: {country: ME}}\n")
    assert [(s.name, s.title, s.notebook, s.parameters) for s in specs] == [
        ("country-me", "country-me", "country", {}), ("all_events", "Everything", "country", {"country": "ME"})]
