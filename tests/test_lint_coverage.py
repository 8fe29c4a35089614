"""The linter run by `make test` sees every module of the package: an exclude pattern in pyproject.toml once
matched src/analysis/reports/ as well as the generated reports/ folder, so that package went unlinted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_checks_every_module_of_the_package():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    listed = subprocess.run([ruff, "check", "--show-files", "src"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    seen = {Path(line.strip()).resolve() for line in listed.stdout.splitlines() if line.strip().endswith(".py")}
    modules = {p.resolve() for p in (ROOT / "src").rglob("*.py") if "__pycache__" not in p.parts}
    assert len(modules) > 40 and (ROOT / "src/analysis/reports/runner.py").resolve() in modules
    assert modules - seen == set()
