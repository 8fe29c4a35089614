"""Installed as a wheel, the workbook finds its data and builds a report from any folder.

The wheel is built from this checkout and installed, without its dependencies, into a fresh
virtual environment that borrows the test environment's third-party packages (a .pth line), so
the test needs no network and imports ``analysis`` only from the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(REPO)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp / "dist").glob("*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return python, elsewhere


def _run(python: Path, cwd: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("WBCOOP_DATA", "PYTHONPATH", "WBCOOP_REPORT_DIR")}
    # the borrowed packages' data files (nbconvert's templates) are where a real install puts them
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    return subprocess.run([str(python), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_wheel_loads_its_shipped_data_from_another_folder(installed):
    python, elsewhere = installed
    out = _run(python, elsewhere, "-c", "import analysis, sys; rec = analysis.load(); "
               "print(analysis.__file__); print(len(rec.events)); print(rec.version)")
    assert out.returncode == 0, out.stderr
    where, count, version = out.stdout.split()
    assert "site-packages" in where and str(REPO) not in where
    assert int(count) > 200 and version


def test_wheel_info_and_validate_from_another_folder(installed):
    python, elsewhere = installed
    info = _run(python, elsewhere, "-m", "analysis", "info")
    assert info.returncode == 0, info.stderr
    assert "version" in info.stdout and "events" in info.stdout
    valid = _run(python, elsewhere, "-m", "analysis", "validate")
    assert valid.returncode == 0 and "_shipped" in valid.stdout


def test_wheel_honours_data_option_and_environment(installed, tmp_path):
    python, elsewhere = installed
    missing = tmp_path / "nowhere"
    out = _run(python, elsewhere, "-m", "analysis", "--data", str(missing), "info")
    assert out.returncode == 1 and str(missing) in out.stderr and "Traceback" not in out.stderr


def test_wheel_builds_a_report_in_the_current_folder(installed):
    python, elsewhere = installed
    listed = _run(python, elsewhere, "-m", "analysis", "reports", "--list")
    assert listed.returncode == 0, listed.stderr
    name = listed.stdout.split()[0]
    built = _run(python, elsewhere, "-m", "analysis", "reports", "--only", name)
    assert built.returncode == 0, built.stderr[-3000:]
    assert (elsewhere / "reports" / name / "index.html").is_file()
    assert (elsewhere / "reports" / "index.html").is_file()
