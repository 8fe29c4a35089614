"""Keeping the committed notebooks' outputs in step with the data, for nbval.

nbval re-executes each notebook in CI and compares the outputs with the stored ones, so a
change in the library or the data that alters a count, a sentence or a table fails CI. After
the curated data grow on purpose, ``python -m analysis notebooks-refresh`` (``make nb-refresh``)
stores the new outputs. Figure cells are tagged ``nbval-ignore-output``; their outputs are not
stored, which keeps the files small and the diffs readable.
"""

from __future__ import annotations

from pathlib import Path

from analysis.atomic import write_text_atomic
from analysis.reports.kernels import KERNEL
from analysis.reports.runner import NOTEBOOKS

IGNORE_TAG = "nbval-ignore-output"


def refresh(names: list[str] | None = None, notebooks: Path = NOTEBOOKS, progress=print) -> list[Path]:
    import os

    import nbformat
    from nbclient import NotebookClient

    from analysis.reports.interactive import STATIC_ENV

    os.environ[STATIC_ENV] = "1"  # the outputs nbval compares: plain tables (see analysis.reports.interactive)

    paths = [notebooks / f"{n.removesuffix('.ipynb')}.ipynb" for n in names] if names else sorted(notebooks.glob("*.ipynb"))
    done = []
    for path in paths:
        progress(f"executing {path.name}")
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, kernel_name=KERNEL, timeout=600, resources={"metadata": {"path": str(notebooks)}}).execute()
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
            if cell.cell_type == "code" and IGNORE_TAG in cell.metadata.get("tags", []):
                cell.outputs = []
        nb.metadata.pop("widgets", None)
        write_text_atomic(path, nbformat.writes(nb) + "\n")
        done.append(path)
    return done
