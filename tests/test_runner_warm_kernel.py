"""A runner worker keeps one kernel for its reports (kernels.WARM) and gives each notebook what a
new kernel would: no names, figures or project modules left by the report before, the report's
own output folder and data package, the notebook's folder, cell numbers from 1. A report that
kills its kernel fails alone and the next one gets a new kernel; a worker stops its kernel when
it exits, and never uses or stops the kernel of the process it was forked from."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from analysis.reports import kernels, runner

BODY = """\
import json, os, sys
from pathlib import Path
import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
if mode == "die":
    os._exit(1)
seen = {"pid": os.getpid(), "leftover": "leak" in dir(), "figures": len(plt.get_fignums()),
        "project_loaded": "analysis.errors" in sys.modules, "cwd": os.getcwd(),
        "data": os.environ.get("WBCOOP_DATA"), "count": get_ipython().execution_count}
leak = 1
plt.figure()
import analysis.errors
if mode == "fail":
    raise ValueError("fails on purpose")
(Path(os.environ["WBCOOP_REPORT_DIR"]) / "seen.json").write_text(json.dumps(seen))
"""


@pytest.fixture
def books(tmp_path: Path, monkeypatch) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('mode = "ok"', metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell(BODY)]
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(nb, folder / "probe.ipynb")
    monkeypatch.setattr(runner.site, "export_page", lambda executed, target, title: target.write_text(title))
    return folder


@pytest.fixture(scope="module")
def warm():
    """A warm kernel of these tests' own (one start for them all), stopped after them."""
    own = kernels.WarmKernel()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kernels, "WARM", own)
        yield own
    own.stop()


def _build(name: str, books: Path, reports: Path, data: Path, mode: str = "ok") -> runner.Outcome:
    spec = runner.ReportSpec(name, name, "probe", {"mode": mode})
    return runner.build_one(spec, "fp", "v", reports, books, data)


def _seen(reports: Path, name: str) -> dict:
    return json.loads((reports / name / "seen.json").read_text())


def test_reports_in_one_worker_share_a_kernel_that_looks_new_to_each(tmp_path: Path, books: Path, warm):
    """Three reports in a row in one kernel: the second fails (a cell raises), the third still finds
    nothing the first two left."""
    reports = tmp_path / "reports"
    reports.mkdir()
    warm.stop()  # whatever ran before: its first report starts the kernel the three share
    starts = warm.started
    first = _build("r1", books, reports, tmp_path / "data-1")
    failed = _build("r2", books, reports, tmp_path / "data-2", mode="fail")
    third = _build("r3", books, reports, tmp_path / "data-3")
    assert (first.status, third.status) == ("built", "built"), (first.error, third.error)
    assert failed.status == "failed" and failed.error.startswith("cell 3: ValueError: fails on purpose"), failed.error
    one, three = _seen(reports, "r1"), _seen(reports, "r3")
    assert one["pid"] == three["pid"] and warm.started == starts + 1, "the reports reuse the first one's kernel"
    assert not three["leftover"] and three["figures"] == 0 and not three["project_loaded"]
    assert three["count"] == one["count"], "cells are numbered as in a new kernel"
    assert (one["data"], three["data"]) == (str(tmp_path / "data-1"), str(tmp_path / "data-3"))
    assert three["cwd"] == str(books)
    assert not (reports / "r2").exists()


# A report that kills its kernel fails alone and the next one gets a new kernel: test_runner_promises.py
# (one worker: a failing, a dying and a breaking report, then one that is built).


def _gone(pid: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


def test_a_worker_stops_its_kernel_at_exit_and_leaves_its_parents_alone(tmp_path: Path, books: Path, warm,
                                                                        small_record: Path):
    reports = tmp_path / "reports"
    reports.mkdir()
    assert _build("mine", books, reports, tmp_path).status == "built"  # this process's own warm kernel
    mine = _seen(reports, "mine")["pid"]
    specs = [runner.ReportSpec(f"w{n}", f"w{n}", "probe", {"mode": "ok"}) for n in (1, 2)]
    summary = runner.run_reports(specs, jobs=1, reports=reports, notebooks=books, data=small_record,
                                 progress=lambda _: None)
    assert [o.status for o in summary.outcomes] == ["built", "built"]
    worker = {_seen(reports, s.name)["pid"] for s in specs}
    assert len(worker) == 1 and mine not in worker, "the worker starts a kernel of its own, once"
    assert _gone(worker.pop(), seconds=0.2), "the worker stops its kernel before it exits"
    assert psutil.pid_exists(mine) and warm.km is not None and run_alive(warm), "the parent's kernel was stopped"
    assert _build("again", books, reports, tmp_path).status == "built" and _seen(reports, "again")["pid"] == mine


def test_a_reset_that_fails_says_why_and_the_kernel_stays_usable(warm, tmp_path: Path):
    """A reset that raises (a broken kernel environment) is an error naming the exception, not a
    report built in a half-reset kernel; the next reset works."""
    assert warm.manager("python3", str(tmp_path)) is warm.km is not None  # started here when run alone
    with pytest.raises(RuntimeError, match="resetting the report kernel failed: ValueError: no such folder"):
        warm._run("raise ValueError('no such folder')")
    warm._run("pass")


def run_alive(warm: kernels.WarmKernel) -> bool:
    return bool(kernels.run_sync(warm.km.is_alive)())


def test_stop_never_touches_a_kernel_another_process_started(monkeypatch):
    stopped = []

    class Manager:
        async def shutdown_kernel(self, now=False):
            stopped.append(now)

    own = kernels.WarmKernel()
    own.km, own.pid = Manager(), os.getpid() + 1  # as a forked child sees its parent's kernel
    own.stop()
    assert stopped == [] and own.km is None
    own.km, own.pid = Manager(), os.getpid()
    own.stop()
    assert stopped == [True]


def test_what_the_kernel_writes_to_its_stderr_reaches_ours_while_it_runs(warm, tmp_path: Path, capfd):
    """The kernel's own output (a crash message, a start-up warning) is forwarded as it comes to
    whatever fd 2 is then: the runner points it at the current report's log."""
    warm.manager("python3", str(tmp_path))
    warm._run("import os; os.write(2, b'kernel-stderr-probe\\n')")
    seen = ""
    deadline = time.monotonic() + 10
    while "kernel-stderr-probe" not in seen and time.monotonic() < deadline:
        time.sleep(0.05)
        seen += capfd.readouterr().err
    assert "kernel-stderr-probe" in seen and run_alive(warm), "forwarded while the kernel still runs"


def test_a_kernel_that_died_is_replaced_and_counted(tmp_path: Path, books: Path, warm):
    reports = tmp_path / "reports"
    reports.mkdir()
    assert _build("before", books, reports, tmp_path).status == "built"
    before, starts = _seen(reports, "before")["pid"], warm.started
    assert _build("dies", books, reports, tmp_path, mode="die").status == "failed"
    assert _build("after", books, reports, tmp_path).status == "built"
    assert _seen(reports, "after")["pid"] != before and warm.started == starts + 1


def test_a_new_kernel_that_dies_before_it_answers_is_started_again(monkeypatch, tmp_path: Path):
    """A kernel started at the moment another process starts one can find a port taken and die before it answers
    (jupyter_client picks ports the kernel binds later): that is no fault of the report, so a fresh kernel is started,
    up to START_ATTEMPTS; a kernel that never comes up is still an error. Seen as a report failing only under load."""
    own = kernels.WarmKernel()
    calls: list[str] = []

    def start(kernel_name: str, cwd: str) -> None:
        calls.append("start")
        own.km, own.pid = object(), os.getpid()
        own.started += 1

    def run(code: str) -> None:
        calls.append("run")
        if calls.count("start") < 2:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(own, "_start", start)
    monkeypatch.setattr(own, "_run", run)
    monkeypatch.setattr(own, "stop", lambda: setattr(own, "km", None))
    assert own.manager("python3", str(tmp_path)) is own.km is not None
    assert calls == ["start", "run", "start", "run"] and own.started == 2

    own2 = kernels.WarmKernel()
    monkeypatch.setattr(own2, "_start", lambda kernel_name, cwd: setattr(own2, "km", object()))
    monkeypatch.setattr(own2, "_run", lambda code: (_ for _ in ()).throw(RuntimeError("Kernel died")))
    monkeypatch.setattr(own2, "stop", lambda: setattr(own2, "km", None))
    with pytest.raises(RuntimeError, match="Kernel died"):
        own2.manager("python3", str(tmp_path))
    assert own2.km is None


SLOW_KERNEL = ("import runpy, sys, time\n"
               "time.sleep({delay})\n"
               "sys.argv = ['ipykernel_launcher', '-f', sys.argv[1]]\n"
               "runpy.run_module('ipykernel_launcher', run_name='__main__', alter_sys=True)\n")


def test_a_kernel_slow_to_start_is_waited_for_not_declared_dead(monkeypatch, tmp_path: Path):
    """On a loaded machine (CI: two test workers on two cores) a kernel can take seconds to answer. The client that
    waits for it must ask the kernel's process whether it lives, not the heartbeat, which counts a kernel that has not
    yet bound its socket as dead after one second: every start then 'died', and the reports failed together."""
    spec = tmp_path / "kernels" / "slow"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [os.sys.executable, "-c", SLOW_KERNEL.format(delay=4), "{connection_file}"],
        "display_name": "slow", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    own = kernels.WarmKernel()
    try:
        km = own.manager("slow", str(tmp_path))
        assert run_alive(own) and own.started == 1, "answered on the first start"
        assert km is own.km
    finally:
        own.stop()
