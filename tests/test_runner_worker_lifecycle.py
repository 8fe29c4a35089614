"""A report worker dies with the runner, and one build leaves the worker as it found it: the
kernel's chatter goes to the report's log while it runs and stderr comes back after, papermill
is called the same way every time, and a second build (or failure) in the same folder works."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import nbformat
import pytest

from analysis.reports import runner

# --- dying with the runner ---------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.signals: dict[int, object] = {}
        self.prctl: list[tuple] = []
        self.threads: list = []
        self.died: list[int] = []


@pytest.fixture
def worker(monkeypatch):
    import ctypes
    import multiprocessing
    import threading

    rec = Recorder()
    monkeypatch.setattr(runner.signal, "signal", lambda sig, handler: rec.signals.__setitem__(sig, handler))

    class Lib:
        def prctl(self, *args):
            rec.prctl.append(args)

    monkeypatch.setattr(ctypes, "CDLL", lambda name, use_errno=False: Lib())

    class Thread:
        def __init__(self, target, name, daemon):
            self.target, self.name, self.daemon = target, name, daemon

        def start(self):
            rec.threads.append(self)

    monkeypatch.setattr(threading, "Thread", Thread)

    class Parent:
        pid = 4242

    monkeypatch.setattr(multiprocessing, "parent_process", lambda: Parent())
    monkeypatch.setattr(runner, "_die_with_children", lambda signum, frame: rec.died.append(signum))
    return rec


def test_a_worker_ignores_ctrl_c_and_dies_on_sigterm_or_when_the_runner_goes(worker, monkeypatch):
    monkeypatch.setattr(runner.os, "getppid", lambda: 4242)
    runner._worker_init()
    assert worker.signals == {signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: runner._die_with_children}
    if sys.platform.startswith("linux"):
        assert worker.prctl == [(1, signal.SIGTERM)]  # PR_SET_PDEATHSIG
    assert worker.died == []
    [thread] = worker.threads
    assert thread.name == "runner-watchdog" and thread.daemon is True
    # the watchdog: quiet while the runner lives, SIGTERM to itself once the worker is re-parented
    parents = iter([4242, 4242, 1])
    monkeypatch.setattr(runner.os, "getppid", lambda: next(parents))
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise StopIteration

    monkeypatch.setattr(runner.time, "sleep", sleep)
    with pytest.raises(StopIteration):
        thread.target()
    assert worker.died == [signal.SIGTERM] and sleeps == [0.5, 0.5, 0.5]


def test_a_worker_whose_runner_is_already_gone_dies_at_once(worker, monkeypatch):
    monkeypatch.setattr(runner.os, "getppid", lambda: 1)
    runner._worker_init()
    assert worker.died == [signal.SIGTERM]


def test_without_a_multiprocessing_parent_the_parent_process_is_the_runner(worker, monkeypatch):
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "parent_process", lambda: None)
    monkeypatch.setattr(runner.os, "getppid", lambda: 777)
    runner._worker_init()
    assert worker.died == []


def test_dying_kills_every_child_then_exits_with_the_signal(monkeypatch):
    import psutil

    killed, exits = [], []

    class Child:
        def __init__(self, n, fails=False):
            self.n, self.fails = n, fails

        def kill(self):
            killed.append(self.n)
            if self.fails:
                raise psutil.NoSuchProcess(self.n)

    class Me:
        def children(self, recursive):
            assert recursive is True
            return [Child(1), Child(2, fails=True), Child(3)]

    monkeypatch.setattr(psutil, "Process", lambda: Me())
    monkeypatch.setattr(runner.os, "_exit", exits.append)
    runner._die_with_children(signal.SIGTERM, None)
    assert killed == [1, 2, 3] and exits == [128 + signal.SIGTERM]


# --- one build, as the worker runs it ----------------------------------------------------------


def _notebook(folder: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell("country = 'ME'\nperiod = ''")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "tiny.ipynb")


@pytest.fixture
def books(tmp_path: Path) -> Path:
    _notebook(tmp_path / "notebooks")
    return tmp_path / "notebooks"


@pytest.fixture
def kernel(monkeypatch):
    import papermill

    calls: list[dict] = []

    def execute(source, target, **kwargs):
        staging = Path(os.environ["WBCOOP_REPORT_DIR"])  # reports/.build-<name>-<random>
        log = staging.parent / ".logs" / f"{staging.name.split('-')[1]}.log"
        calls.append({"target": target, "stderr": os.fstat(2).st_ino, "log": log.stat().st_ino, **kwargs})
        Path(target).write_text(Path(source).read_text(encoding="utf-8"), encoding="utf-8")
        if kwargs["parameters"].get("country") == "ZZ":
            raise papermill.PapermillExecutionError(cell_index=1, exec_count=2, source="", ename="AnalysisError",
                                                    evalue="unknown country code 'ZZ'", traceback=[])

    def export(executed, target, title):
        assert executed.name == "report.ipynb" and executed.exists()
        target.write_text(title, encoding="utf-8")

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    monkeypatch.setattr(runner.site, "export_page", export)
    return calls


def test_papermill_runs_quietly_with_the_kernel_chatter_in_the_log(tmp_path: Path, books: Path, kernel):
    reports = tmp_path / "reports"
    reports.mkdir()
    before = os.fstat(2).st_ino
    spec = runner.ReportSpec("r1", "One", "tiny", {"country": "ME"})
    out = runner.build_one(spec, "fp", "v", reports, books)
    assert out.status == "built", out.error
    call = kernel[0]
    assert Path(call["target"]).name == "report.ipynb"
    assert call["stderr"] == call["log"], "stderr is the report's log while the kernel runs"
    assert os.fstat(2).st_ino == before, "stderr is given back afterwards"
    assert {k: call[k] for k in ("parameters", "kernel_name", "cwd", "progress_bar", "log_output", "report_mode")} == {
        "parameters": {"country": "ME"}, "kernel_name": "python3", "cwd": str(books), "progress_bar": False,
        "log_output": False, "report_mode": False}


def test_build_record_is_indented_json_with_a_utc_time_and_the_seconds_taken(tmp_path: Path, books: Path, kernel,
                                                                            monkeypatch):
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: a local time would be off by a day
    time.tzset()
    try:
        reports = tmp_path / "reports"
        reports.mkdir()
        out = runner.build_one(runner.ReportSpec("r1", "One", "tiny", {}), "fp", "v", reports, books)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    text = (reports / "r1" / "build.json").read_text(encoding="utf-8")
    meta = json.loads(text)
    assert text == json.dumps(meta, indent=2)
    import datetime as dt

    built = dt.datetime.strptime(meta["built_at"], "%Y-%m-%d %H:%M UTC").replace(tzinfo=dt.UTC)
    assert abs((dt.datetime.now(dt.UTC) - built).total_seconds()) < 600
    assert 0 <= meta["seconds"] < 60 and 0 <= out.seconds < 60


def test_a_second_build_and_a_second_failure_in_the_same_folder(tmp_path: Path, books: Path, kernel):
    reports = tmp_path / "reports"
    reports.mkdir()
    good = runner.ReportSpec("r1", "One", "tiny", {"country": "ME"})
    bad = runner.ReportSpec("r1", "One", "tiny", {"country": "ZZ"})
    for spec, status in ((good, "built"), (good, "built"), (bad, "failed"), (bad, "failed"), (good, "built")):
        out = runner.build_one(spec, "fp", "v", reports, books)
        assert (out.name, out.status) == ("r1", status), out.error
        assert isinstance(out.seconds, float) and 0 <= out.seconds < 60
        if status == "failed":  # the second failure too names its cell, and keeps its notebook
            assert out.error == "cell 2: AnalysisError: unknown country code 'ZZ'", out.error
            assert (reports / ".failed" / "r1.ipynb").exists()
    assert not (reports / ".failed" / "r1.ipynb").exists()  # the last build succeeded


def test_failures_are_named_timed_and_say_what_the_notebook_declares(tmp_path: Path, books: Path, kernel):
    reports = tmp_path / "reports"
    reports.mkdir()
    out = runner.build_one(runner.ReportSpec("r9", "Nine", "tiny", {"country": "ZZ"}), "fp", "v", reports, books)
    assert (out.name, out.status, out.error) == ("r9", "failed", "cell 2: AnalysisError: unknown country code 'ZZ'")
    assert isinstance(out.seconds, float) and 0 <= out.seconds < 60
    out = runner.build_one(runner.ReportSpec("r8", "Eight", "tiny", {"contry": "ME"}), "fp", "v", reports, books)
    assert (out.name, out.status) == ("r8", "failed") and isinstance(out.seconds, float) and 0 <= out.seconds < 60
    assert out.error == "report 'r8': notebook 'tiny' has no parameter(s) contry; it declares: country, period"


def test_an_unexpected_failure_is_named_and_timed(tmp_path: Path, books: Path, kernel, monkeypatch):
    monkeypatch.setattr(runner, "_publish", lambda *_: (_ for _ in ()).throw(RuntimeError("disk gone")))
    reports = tmp_path / "reports"
    reports.mkdir()
    out = runner.build_one(runner.ReportSpec("r7", "Seven", "tiny", {}), "fp", "v", reports, books)
    assert (out.name, out.status, out.error) == ("r7", "failed", "RuntimeError: disk gone")
    assert isinstance(out.seconds, float) and 0 <= out.seconds < 60
