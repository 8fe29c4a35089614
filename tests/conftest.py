"""Shared fixtures: a private copy of the real data package that a test may break."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.record.declaration import read_package

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def _fresh_package_cache():
    read_package.cache_clear()
    yield
    read_package.cache_clear()


@pytest.fixture(autouse=True)
def _no_figure_left_open():
    """Each test starts with no pyplot figure open: a figure a test drew and did not close would
    otherwise count as a leak in a later test that checks the library closes its figures (mutmut
    runs every test in one process)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".*"))
    return target


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def write_rows(path: Path, table: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(table)
    path.write_text(buf.getvalue(), encoding="utf-8")


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set data row ``row`` (0-based; file line row + 2) of ``column`` to ``value``."""
    table = rows(path)
    table[row + 1][table[0].index(column)] = value
    write_rows(path, table)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every data file's bytes (dot-files such as the lock are not data)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def fork_main(argv: list[str], log: Path, env: dict[str, str | None] | None = None, *, err: Path | None = None,
              stdin: bytes | None = None, preexec=None, cwd: Path | None = None) -> int:
    """Start ``python -m analysis *argv`` as a fork of this process: a real process that can be
    killed, race another or hit a resource limit (``preexec`` runs in it first), without starting
    Python and importing pandas again. Its stdout goes to ``log`` (stderr too, or to ``err``), its
    stdin comes from ``stdin``; ``env`` is set in it (None: unset); it runs in ``cwd``. As ``python -m`` would, an
    uncaught exception prints its traceback and exits 1. Its pid, for :func:`wait_forked`.

    Not for a command that must find its checkout from ``cwd``: the locations the runner resolves
    when it is imported (notebooks/, reports.yaml) are this process's."""
    import importlib
    import signal
    import traceback

    from analysis.cli import main

    for module in ("analysis.record.load", "analysis.curation.append"):  # what most commands import (pandas among
        importlib.import_module(module)  # it): once, here, not again in every child
    source = None
    if stdin is not None:
        source = log.with_name(log.name + ".stdin")
        source.write_bytes(stdin)
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            read_package.cache_clear()  # a fresh process has read no package yet
            signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a fresh Python, whatever pytest set
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            for key, value in (env or {}).items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            if cwd is not None:
                os.chdir(cwd)
            os.dup2(os.open(source or os.devnull, os.O_RDONLY), 0)
            os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
            os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC) if err else 1, 2)
            # the standard streams of a fresh process, not pytest's captures
            sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
            if preexec is not None:
                preexec()
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    return pid


def wait_forked(pid: int, timeout: float = 300) -> int:
    """The exit status of a process from :func:`fork_main`, or minus the signal that killed it
    (killed, and an AssertionError, if it is not done within ``timeout`` seconds)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            raise AssertionError(f"the command did not end within {timeout} s")
        time.sleep(0.02)


def run_forked(*args: str, stdin: bytes | None = None, preexec=None, text: bool = False, cwd: Path | None = None,
               env: dict[str, str | None] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """``python -m analysis *args`` as a fork of this process (:func:`fork_main`): what it exited
    with, wrote to stdout and to stderr (str with ``text``, else bytes)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out, err = Path(tmp) / "out", Path(tmp) / "err"
        code = wait_forked(fork_main(list(args), out, env, err=err, stdin=stdin, preexec=preexec, cwd=cwd), timeout)
        stdout, stderr = out.read_bytes(), err.read_bytes()
    if text:
        return subprocess.CompletedProcess(["analysis", *args], code, stdout.decode(), stderr.decode())
    return subprocess.CompletedProcess(["analysis", *args], code, stdout, stderr)


def build_small_record(target: Path, n_events: int = 12) -> Path:
    """A valid copy of data/ in ``target`` cut down to a few events and the rows that point at
    them (every table that refers to events keeps at least two rows). The tables that events
    refer to stay whole, so every foreign key still resolves."""
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".*", "README.md"))
    package = read_package(target)
    events = rows(target / "events.csv")
    head, body = events[0], events[1:]
    ids = [r[0] for r in body]
    keep = set(ids[:n_events])
    links = [(res, [fk.fields[0] for fk in res.foreign_keys if fk.resource == "events"])
             for res in package.resources if res.name != "events"]
    links = [(res, cols) for res, cols in links if cols]
    assert links, "some table should refer to events"
    tables = {res.name: rows(target / res.path) for res, _ in links}

    def kept(res, row) -> bool:
        return all(row[tables[res.name][0].index(c)] in keep for c in cols_of[res.name])

    cols_of = {res.name: cols for res, cols in links}
    for res, cols in links:  # enough rows in every linking table
        table = tables[res.name]
        for row in table[1:]:
            if sum(kept(res, r) for r in table[1:]) >= 2:
                break
            keep.update(row[table[0].index(c)] for c in cols)
    follow = head.index("follow_up_of")
    while True:  # follow-ups point at kept events
        missing = {r[follow] for r in body if r[0] in keep and r[follow] and r[follow] not in keep}
        if not missing:
            break
        keep |= missing
    write_rows(target / "events.csv", [head] + [r for r in body if r[0] in keep])
    for res, _ in links:
        table = tables[res.name]
        write_rows(target / res.path, [table[0]] + [r for r in table[1:] if kept(res, r)])
    read_package.cache_clear()
    return target


@pytest.fixture(scope="session")
def small_record(tmp_path_factory) -> Path:
    """A small valid record, built once per test process; copy it before changing it."""
    from analysis.record.load import check

    target = build_small_record(tmp_path_factory.mktemp("small") / "data")
    checked = check(target)
    assert checked.ok, [str(p) for p in checked.problems[:10]]
    read_package.cache_clear()
    return target


@pytest.fixture
def small_pkg(small_record: Path, tmp_path: Path) -> Path:
    """A private copy of the small valid record."""
    return Path(shutil.copytree(small_record, tmp_path / "data"))


#: one report of every notebook (the 50-odd organisation profiles are the partner notebook): what
#: `make test` builds and opens on a developer's machine; CI (CI=true), or WBCOOP_BROWSER_ALL=1,
#: builds and opens every page of the report set (about 2.5 minutes more on 2 cores)
SITE_PAGES = ["timeline-all", "partner-interpol", "country-xk", "initiatives", "topics-main", "network", "map", "about"]


def site_pages() -> list[str]:
    from analysis.reports import runner

    if os.environ.get("CI") or os.environ.get("WBCOOP_BROWSER_ALL"):
        return [s.name for s in runner.load_config()]
    return SITE_PAGES


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> dict:
    """The configured reports of :func:`site_pages`, built once per test session from the real
    record by one run of the runner with two workers, into a fresh folder (``reports``) that every
    test process shares (pytest-xdist: the first process to ask builds it, under a lock, while
    the other waits; the runner's two workers keep both cores busy). What the build printed and
    its summary come with it (``lines``, ``statuses``, ``data_version``). Read-only: copy it before
    changing anything."""
    from filelock import FileLock

    from analysis.reports import runner

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the session's folder, shared by the workers
    folder = root / "shared-site"
    record = root / "shared-site.json"
    with FileLock(str(root / "shared-site.lock")):
        if not record.exists():
            lines: list[str] = []
            summary = runner.run_reports(runner.load_config(), only=site_pages(), jobs=2, reports=folder / "reports",
                                         progress=lines.append)
            record.write_text(json.dumps({"lines": lines, "data_version": summary.data_version,
                                          "statuses": {o.name: o.status for o in summary.outcomes},
                                          "errors": [o.error for o in summary.failed]}), encoding="utf-8")
    built = json.loads(record.read_text(encoding="utf-8"))
    assert not built["errors"], built["errors"]
    return {**built, "reports": folder / "reports"}


#: the longest-running test files, longest first (measured with --durations): `make test` hands
#: whole files to its two workers (--dist loadfile; the cells of a notebook must share a kernel),
#: and starting the long ones first lets both workers finish together instead of one idling
#: while the other runs a long file at the end. test_runner.py builds the report set that
#: test_browser.py opens too (site_build): it goes first, the browser test once the set is likely built
SLOW_FIRST = ("test_runner.py", "test_report_safety.py", "test_runner_promises.py", "test_runner_warm_kernel.py",
              "test_declaration_cases.py", "test_notebooks.py", "test_install.py", "test_runner_kill.py", "test_network.py",
              "test_ingest_add.py", "test_export.py", "test_ingest_quality_floor.py", "test_record_rules.py",
              "test_fuzz_validate.py", "test_browser.py", "test_validate.py", "test_bad_input.py", "test_boundaries.py")


def pytest_collection_modifyitems(config, items):
    """Long-running files first, then the notebooks, then the rest, each in collection order."""

    def rank(item) -> int:
        path = Path(str(item.path))
        if path.name in SLOW_FIRST:
            return SLOW_FIRST.index(path.name)
        return len(SLOW_FIRST) + (0 if path.suffix == ".ipynb" else 1)

    items.sort(key=rank)  # stable: the order within each file is kept
