"""Killing the report runner (SIGKILL, SIGTERM, Ctrl-C) leaves no worker or kernel running and
no stale lock or staging folder that blocks or litters the next run."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest


def _start(out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "analysis", "reports", "--force", "--only", "timeline-all",
                             "--only", "country-ba", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for_kernel(proc: subprocess.Popen, timeout: float = 60) -> list[psutil.Process]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        family = psutil.Process(proc.pid).children(recursive=True)
        if any("ipykernel" in " ".join(p.cmdline()) for p in family if p.is_running()):
            return family
        time.sleep(0.2)
    raise AssertionError("no kernel started within the time limit")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "Ctrl-C"])
def test_killed_runner_leaves_nothing_behind(tmp_path: Path, sig, monkeypatch):
    out = tmp_path / "reports"
    proc = _start(out)
    family = _wait_for_kernel(proc)
    assert family
    proc.send_signal(sig)
    proc.wait(timeout=60)
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
