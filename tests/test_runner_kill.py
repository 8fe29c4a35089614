"""Killing the report runner (SIGKILL, SIGTERM, Ctrl-C) leaves no worker or kernel running and
no stale lock or staging folder that blocks or litters the next run.

The runner is ``python -m analysis reports`` run by a fork of the test process
(conftest.fork_main: a real process to kill, without a Python start-up and the imports of
papermill each time); its workers and kernels are the runner's own."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import psutil
import pytest

from conftest import fork_main


def _start(out: Path) -> int:
    return fork_main(["reports", "--force", "--only", "timeline-all", "--only", "country-ba", "-o", str(out)],
                     out.parent / "runner.log")


def _wait(pid: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the runner did not end within the time limit")


def _wait_for_kernel(pid: int, timeout: float = 60) -> list[psutil.Process]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        family = psutil.Process(pid).children(recursive=True)
        if any("ipykernel" in " ".join(p.cmdline()) for p in family if p.is_running()):
            return family
        time.sleep(0.2)
    raise AssertionError("no kernel started within the time limit")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "Ctrl-C"])
def test_killed_runner_leaves_nothing_behind(tmp_path: Path, sig, monkeypatch):
    out = tmp_path / "reports"
    pid = _start(out)
    family = _wait_for_kernel(pid)
    assert family
    os.kill(pid, sig)
    status = _wait(pid, timeout=60)
    if sig == signal.SIGINT:  # Ctrl-C: the runner stops its workers and says so in one line, exit 130
        log = (tmp_path / "runner.log").read_text()
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 130, (status, log[-2000:])
        assert log.rstrip().endswith("interrupted") and "Traceback" not in log, log[-2000:]
    _gone, alive = psutil.wait_procs(family, timeout=30)
    assert not alive, [" ".join(p.cmdline()) for p in alive]
    if sig != signal.SIGKILL:  # the lock is free and nothing is staged; one full rerun (below) is enough
        from filelock import FileLock

        with FileLock(str(out / ".lock"), timeout=0):
            pass
        return
    # the next run is not blocked and clears the staging folders; what it builds does not matter,
    # so its notebook is not run in a kernel but copied (papermill stood in for in its workers)
    assert list(out.glob(".build-*")), "the killed run should have left its staging folders"
    import papermill

    from analysis.reports import runner

    monkeypatch.setattr(papermill, "execute_notebook", lambda source, output, **_kw: shutil.copy(source, output))
    again = runner.run_reports(runner.load_config(), only=["about"], reports=out, progress=lambda _: None)
    assert [o.status for o in again.outcomes] == ["built"], again.outcomes
    assert not list(out.glob(".build-*"))
    assert (out / "about" / "index.html").is_file()
