"""Tables people can search, sort and filter offline: the site's one shared script carries the
DataTables bundle that itables ships; a JupyterLab session gets ITables' offline mode."""

from __future__ import annotations

import json
import os

import nbformat
import papermill

from analysis.reports import interactive
from analysis.reports.kernels import KERNEL
from analysis.reports.runner import NOTEBOOKS


def test_the_site_script_carries_the_bundle_and_starts_it_from_a_blob(tmp_path):
    path = interactive.write_script(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path == tmp_path / "assets" / "tables.js"
    assert "URL.createObjectURL(new Blob(" in text and "import(url)" in text
    assert 'querySelectorAll("table.wb")' in text and "new dt.ITable(" in text
    assert "https://" not in text.split("var css")[0].replace("https://github.com/mwouts/itables", "")
    assert len(text) > 300_000  # the DataTables bundle itself, not a loader that would fetch it
    assert json.dumps(interactive.OPTIONS) in text
    before = path.stat().st_mtime_ns
    interactive.write_script(tmp_path)
    assert path.stat().st_mtime_ns == before  # unchanged bundle: the file is not rewritten


def _run(tmp_path, code: str, km=None):
    """Run ``code`` as a notebook's one cell, in a kernel of its own (which inherits this process's
    environment) or in ``km``'s; its outputs as JSON text."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    source, out = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(str(source), str(out), kernel_name=KERNEL, cwd=str(NOTEBOOKS), progress_bar=False, km=km)
    return json.dumps(nbformat.read(out, as_version=4).cells[0].outputs)


CODE = ("import pandas as pd\nfrom analysis.reports import publish\n"
        "publish.table(pd.DataFrame({'country': ['Serbia', 'Albania'], 'events': [3, 2]}), 'demo')")


def test_an_analysts_session_gets_an_interactive_table(tmp_path, monkeypatch):
    monkeypatch.delenv(interactive.STATIC_ENV, raising=False)
    monkeypatch.delenv("WBCOOP_REPORT_DIR", raising=False)
    text = _run(tmp_path, CODE)
    assert "ITable" in text and "<table class=\\\"wb\\\">" not in text


def test_runs_that_compare_outputs_get_the_plain_table(tmp_path, shared_kernel):
    """In the kernel nbval's notebooks run in (root conftest.py: the shared one, started with
    the variable every test run sets), the table is the plain one nbval can compare."""
    assert os.environ.get(interactive.STATIC_ENV) == "1"
    text = _run(tmp_path, CODE + "\nimport os\nprint('static:', os.environ.get('WBCOOP_STATIC_TABLES'))",
                km=shared_kernel.manager(str(NOTEBOOKS)))
    assert "static: 1" in text
    assert "<table class=\\\"wb\\\">" in text and "ITable" not in text
