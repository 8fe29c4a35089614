"""Where the workbook's files are: the data package, the notebooks and report configuration,
and the reports folder, whether the package runs from a checkout or is installed as a wheel.

The data package is found in this order:

1. the folder given explicitly (``--data DIR``, or the ``data_dir`` argument of a function);
2. the ``WBCOOP_DATA`` environment variable;
3. the checkout the command runs in (the current folder or one above it holding
   ``data/datapackage.json`` beside ``pyproject.toml``);
4. the checkout this package was installed from in editable mode;
5. the copy shipped inside the installed package (``analysis/_shipped/data``).

Notebooks and ``reports.yaml`` follow steps 3-5; reports are written to ``reports/`` of the
checkout, or of the current folder when the package is used outside one.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA = "WBCOOP_DATA"
_PACKAGE = Path(__file__).resolve().parent
SHIPPED = _PACKAGE / "_shipped"


def _is_checkout(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() and (folder / "data" / "datapackage.json").is_file()


def checkout(start: Path | None = None) -> Path | None:
    """The workbook checkout containing ``start`` (default: the current folder), if any."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_checkout(folder) and (folder / "notebooks").is_dir():
            return folder
    return None


def source_checkout() -> Path | None:
    """The checkout this package's source lives in (an editable install or ``src/`` on the path)."""
    root = _PACKAGE.parents[1]
    return root if _is_checkout(root) else None


def project_root() -> Path:
    """The folder holding ``notebooks/`` and ``reports.yaml``: a checkout, else the shipped copy."""
    return checkout() or source_checkout() or SHIPPED


def data_dir(explicit: Path | str | None = None) -> Path:
    """The data package folder, by the order in the module docstring."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA)
    if env:
        return Path(env).expanduser().resolve()
    return (project_root() / "data").resolve()


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def config_path() -> Path:
    return project_root() / "reports.yaml"


def reports_dir() -> Path:
    """``reports/`` of the checkout in use, or of the current folder outside any checkout."""
    root = checkout() or source_checkout()
    return (root or Path.cwd()) / "reports"
