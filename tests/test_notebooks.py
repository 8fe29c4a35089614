"""Report notebooks handle an empty selection with a clear sentence, and declare documented parameters."""

from __future__ import annotations

import json

import papermill
import pytest

from analysis.reports.runner import KERNEL, NOTEBOOKS

EMPTY = [
    pytest.param("timeline", {"period": "1990"}, id="timeline"),
    pytest.param("topics", {"period": "1990"}, id="topics"),
    pytest.param("partner", {"period": "1990"}, id="partner"),
    pytest.param("country", {"period": "1990", "country": "AL"}, id="country"),
    pytest.param("initiatives", {"status": ["planned"]}, id="initiatives"),
]


@pytest.mark.parametrize(("name", "params"), EMPTY)
def test_empty_selection_is_a_sentence_not_a_crash(tmp_path, name, params):
    out = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(out), parameters=params, kernel_name=KERNEL,
                               cwd=str(NOTEBOOKS), progress_bar=False)
    text = json.dumps(json.loads(out.read_text())["cells"])
    assert "Traceback" not in text
    assert any(phrase in text for phrase in ("No events match", "Nothing to draw", "No rows", "No initiative")), text[:500]


def test_every_report_notebook_has_documented_parameters():
    seen = 0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        if path.stem == "explore":
            continue
        params = papermill.inspect_notebook(str(path))
        assert params, f"{path.name} has no cell tagged 'parameters'"
        for name, p in params.items():
            assert p["help"], f"{path.name}: parameter '{name}' needs a comment saying what it takes"
            seen += 1
    assert seen >= 10
