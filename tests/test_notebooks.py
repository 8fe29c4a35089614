"""Report notebooks handle an empty selection with a clear sentence, and declare documented parameters."""

from __future__ import annotations

import json
from pathlib import Path

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


@pytest.fixture(scope="module")
def kernel():
    """One kernel for the empty-selection runs (started once, not five times): each notebook runs
    in it after ``%reset -f``, so nothing a notebook defines is left for the next one."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel(cwd=str(NOTEBOOKS))
    yield km
    km.shutdown_kernel(now=True)


def _execute(kernel, tmp_path: Path, name: str, params: dict) -> str:
    """Run notebook ``name`` with ``params`` in the shared kernel, after ``%reset -f``; the
    executed cells as JSON text."""
    import nbformat

    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell("%reset -f\nimport matplotlib.pyplot\nmatplotlib.pyplot.close('all')\n"
                                                 "del matplotlib"))
    source, out = tmp_path / f"{name}-in.ipynb", tmp_path / f"{name}.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(str(source), str(out), parameters=params, kernel_name=KERNEL, cwd=str(NOTEBOOKS),
                               progress_bar=False, km=kernel)
    return json.dumps(json.loads(out.read_text())["cells"])


@pytest.mark.parametrize(("name", "params"), EMPTY)
def test_empty_selection_is_a_sentence_not_a_crash(kernel, tmp_path, name, params):
    text = _execute(kernel, tmp_path, name, params)
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
            assert p["inferred_type_name"] in ("str", "list"), f"{path.name}: parameter '{name}' needs a type annotation"
            seen += 1
    assert seen >= 10


def test_command_line_style_parameters(kernel, tmp_path):
    """What ``papermill -p kinds training -p country rs`` passes: strings where lists are meant, any
    case (in the shared kernel: the parameters cell is the notebook's own either way)."""
    text = _execute(kernel, tmp_path, "timeline", {"kinds": "training", "countries": "ba,rs"})
    assert "kinds: training" in text and "Bosnia and Herzegovina (BA), Serbia (RS)" in text
    with pytest.raises(papermill.PapermillExecutionError, match="valid values: active, completed"):
        _execute(kernel, tmp_path, "initiatives", {"status": "activ"})


def test_opening_and_saving_in_jupyterlab_changes_nothing(tmp_path: Path):
    """JupyterLab loads a notebook through the server's contents manager and saves the model it
    got back; with the metadata Lab writes already present, the file comes back byte for byte."""
    import shutil

    from jupyter_server.services.contents.filemanager import FileContentsManager

    names = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert names
    for name in names:
        shutil.copy2(NOTEBOOKS / name, tmp_path / name)
    manager = FileContentsManager(root_dir=str(tmp_path))
    for name in names:
        before = (tmp_path / name).read_bytes()
        model = manager.get(name, content=True)
        meta = model["content"]["metadata"]
        assert meta["kernelspec"] == {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
        assert model["content"]["nbformat_minor"] >= 5 and all("id" in c for c in model["content"]["cells"])
        manager.save({"type": "notebook", "format": "json", "content": model["content"]}, name)
        assert (tmp_path / name).read_bytes() == before, f"{name} changes when saved"
