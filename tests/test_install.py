"""Installed as a wheel, the workbook finds its data and builds a report from any folder.

The wheel is built from this checkout and installed, without its dependencies, into a fresh
virtual environment that borrows the test environment's third-party packages (a .pth line), so
the test needs no network and imports ``analysis`` only from the wheel. The environment is
kept in ``~/.cache/wbcoop-tests/`` (outside the checkout, one per checkout) under a hash of
everything the wheel is built from (code, data, notebooks, configuration, build files): an
unchanged checkout reuses it, any change builds and installs afresh.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


#: what the wheel is built from (setup.py ships data/, notebooks/ and reports.yaml inside it)
WHEEL_INPUTS = ("src/**/*.py", "src/**/*.yaml", "src/**/templates/**/*", "data/*", "notebooks/*", "reports.yaml",
                "pyproject.toml", "setup.py", "README.md")
CACHE = (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wbcoop-tests"
         / hashlib.sha256(str(REPO).encode()).hexdigest()[:12])


def _wheel_key() -> str:
    h = hashlib.sha256(f"{sys.executable} {sys.version}".encode())
    files = {p for pattern in WHEEL_INPUTS for p in REPO.glob(pattern)
             if p.is_file() and "__pycache__" not in p.parts and "_shipped" not in p.parts}
    for path in sorted(files):
        h.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _install(tmp: Path) -> Path:
    """Build the wheel and install it into a fresh environment under ``tmp``; its python. Without
    PYTHONPATH: a checkout's src/ on it (with the egg-info the build leaves there) would make pip
    take the wheel as installed already and install nothing."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(REPO)],
                           capture_output=True, text=True, env=env)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp / "dist").glob("*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True, env=env).stdout.strip())
    (site / "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                             capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stderr[-2000:]
    return python


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    key = _wheel_key()
    ready = CACHE / key
    if not (ready / "installed").exists():  # written last: a half-made environment is made again
        if CACHE.exists():
            shutil.rmtree(CACHE)  # environments of older checkouts, or an interrupted one
        ready.mkdir(parents=True)
        _install(ready)
        (ready / "installed").write_text(key, encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    return ready / "venv" / "bin" / "python", elsewhere


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
    names = [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]
    name = "about" if "about" in names else names[0]  # the quickest report, when configured
    built = _run(python, elsewhere, "-m", "analysis", "reports", "--only", name)
    assert built.returncode == 0, built.stderr[-3000:]
    assert (elsewhere / "reports" / name / "index.html").is_file()
    assert (elsewhere / "reports" / "index.html").is_file()
