"""The package is a valid Frictionless data package for other tools too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def test_frictionless_validate_reports_valid():
    exe = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")
    if not Path(exe).exists():
        pytest.fail("frictionless is not installed; run `make test`, which installs the pinned dev dependencies")
    out = subprocess.run([exe, "validate", "--json", str(DATA / "datapackage.json")], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:]
    assert '"valid": true' in out.stdout
