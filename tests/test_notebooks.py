"""Report notebooks handle an empty selection with a clear sentence, and declare documented parameters."""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest

from analysis.reports.kernels import KERNEL
from analysis.reports.runner import NOTEBOOKS

# each notebook with a selection nothing matches, and the sentence its reader gets instead of a figure
EMPTY = [
    pytest.param("timeline", {"period": "1990"}, "No events match this selection", id="timeline"),
    pytest.param("topics", {"period": "1990"}, "No events match this selection", id="topics"),
    pytest.param("partner", {"period": "1990"}, "No events match this selection", id="partner"),
    pytest.param("country", {"period": "1990", "country": "AL"}, "No events match this selection", id="country"),
    pytest.param("initiatives", {"status": ["planned"]}, "No initiative in this selection", id="initiatives"),
]


@pytest.fixture
def kernel(shared_kernel):
    """The test process's shared kernel (root conftest.py: started once for these runs and nbval's
    notebooks, not once a notebook): before each notebook runs in it, it is reset (``%reset -f``,
    figures closed, the project's modules forgotten), so nothing a notebook defines is left for the next."""
    return shared_kernel


def _execute(kernel, tmp_path: Path, name: str, params: dict) -> str:
    """Run notebook ``name`` with ``params`` in the shared kernel, reset first; the executed cells
    as JSON text."""
    source, out = NOTEBOOKS / f"{name}.ipynb", tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(str(source), str(out), parameters=params, kernel_name=KERNEL, cwd=str(NOTEBOOKS),
                               progress_bar=False, km=kernel.manager(str(NOTEBOOKS)))
    return json.dumps(json.loads(out.read_text())["cells"])


@pytest.mark.parametrize(("name", "params", "sentence"), EMPTY)
def test_empty_selection_is_a_sentence_not_a_crash(kernel, tmp_path, name, params, sentence):
    text = _execute(kernel, tmp_path, name, params)
    assert "Traceback" not in text
    assert sentence in text, text[:500]


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


def test_each_notebook_starts_in_an_empty_kernel(pytester):
    """nbval runs the notebooks one after another in one kernel (root conftest.py): the second of
    two notebooks finds nothing the first one left, neither a name, a figure nor the project's
    modules, and runs in its own folder, as in a kernel of its own."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    first = new_notebook(cells=[new_code_cell("import analysis.reports.figures\nimport matplotlib.pyplot as plt\n"
                                              "x = 1\nfig = plt.figure()")])
    check = new_code_cell("import os, sys\nimport matplotlib.pyplot as plt\nprint('x' in dir(), 'fig' in dir(), "
                          "'analysis' in sys.modules, len(plt.get_fignums()), os.path.basename(os.getcwd()))",
                          execution_count=1)
    check.outputs = [new_output("stream", name="stdout", text="False False False 0 second\n")]
    second = new_notebook(cells=[check])
    for nb in (first, second):
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder = pytester.path / "second"
    folder.mkdir()
    nbformat.write(first, pytester.path / "first.ipynb")
    nbformat.write(second, folder / "second.ipynb")
    result = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env", "-o", "addopts=",
                                          str(pytester.path / "first.ipynb"), str(folder / "second.ipynb"))
    assert result.ret == 0, result.stdout.str()[-3000:]
    result.assert_outcomes(passed=2)


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
