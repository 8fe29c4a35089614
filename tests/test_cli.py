"""The command line as a user meets it: exit codes, readable messages, no tracebacks.

The commands run as forks of the test process (conftest.run_forked: what ``main`` exits with and
writes, without a Python start-up each); ``python -m analysis`` itself, as a shell starts it, is
the closed-pipe test's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from analysis.record.declaration import read_package
from conftest import run_forked, set_cell, snapshot


def run(*args: str) -> subprocess.CompletedProcess:
    return run_forked(*args, text=True)


def test_validate_ok():
    out = run("validate")
    assert out.returncode == 0, out.stderr
    assert f"valid: {len(read_package().resources)} tables" in out.stdout


def test_validate_bad_data_exit_1_no_traceback(pkg: Path):
    set_cell(pkg / "events.csv", 4, "kind", "banquet")
    before = snapshot(pkg)
    out = run("--data", str(pkg), "validate")
    assert out.returncode == 1
    assert "events.csv:6, column 'kind', value 'banquet': [enum]" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    assert snapshot(pkg) == before


def test_info_reports_coverage():
    out = run("info")
    assert out.returncode == 0, out.stderr
    for heading in ("Rows per table", "Events per year", "Events per country", "Events per kind", "Events per source site", "Quality"):
        assert heading in out.stdout
    assert "marri-rc.org.mk" in out.stdout


def test_info_on_bad_data_is_a_message(pkg: Path):
    set_cell(pkg / "events.csv", 0, "date_start", "yesterday")
    out = run("--data", str(pkg), "info")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "validate" in out.stderr


def test_missing_data_dir(tmp_path: Path):
    out = run("--data", str(tmp_path / "nowhere"), "validate")
    assert out.returncode == 1
    assert "no data package here" in out.stderr and "Traceback" not in out.stderr


def test_usage_errors_are_one_line_naming_the_value_and_exit_1():
    for args, value in [((), "COMMAND"), (("frobnicate",), "'frobnicate'"),
                        (("validate", "--max-problems", "many"), "'many'")]:
        out = run(*args)
        assert out.returncode == 1, args
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and value in lines[0], out.stderr


def test_review_of_a_folder_without_a_data_package_names_it(tmp_path: Path):
    out = run("--data", str(tmp_path), "review", "ev-0001")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"{tmp_path / 'datapackage.json'}: no data package here" in out.stderr


def test_help_on_each_command():
    for cmd in ("validate", "info", "add", "ingest", "reports"):
        out = run(cmd, "--help")
        assert out.returncode == 0, (cmd, out.stderr)
        assert "usage:" in out.stdout


def test_info_shows_version_counts_and_year_coverage():
    out = run("info")
    assert out.returncode == 0, out.stderr
    version = read_package().version
    assert f"(version {version})" in out.stdout
    assert "events, " in out.stdout.splitlines()[1]
    assert "Years 2005-2025 with no event:" in out.stdout


def test_info_into_a_closed_pipe_is_quiet():
    proc = subprocess.run(f"{sys.executable} -m analysis info | head -1", shell=True, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr
