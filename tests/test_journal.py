"""A kill at any step of add's commit leaves the package old or new once the next command has
started: the journal is rolled back before any file is replaced, and forward after.

``add`` runs as a real process that really dies (SIGKILL at step n): a fork of this one running
the command line's ``main``, which saves starting Python and importing pandas a dozen times; the
next command, which finds the journal and recovers, runs in this process. On a small copy of the
record: which tables change is what matters, not how long they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from analysis.cli import main
from analysis.curation.journal import KILL_ENV
from conftest import fork_main, snapshot, wait_forked


def _add(pkg: Path, draft: Path, log: Path, kill_at: int | None = None) -> int:
    """``python -m analysis --data pkg add draft`` in a forked process (its output into ``log``):
    its exit status, or minus the signal that killed it."""
    env = {KILL_ENV: None if kill_at is None else str(kill_at)}
    return wait_forked(fork_main(["--data", str(pkg), "add", str(draft)], log, env))


def _next_command(pkg: Path, capsys) -> tuple[int, str]:
    """``python -m analysis --data pkg validate``, in process: its exit status and stderr."""
    capsys.readouterr()
    code = main(["--data", str(pkg), "validate"])
    return code, capsys.readouterr().err


def _leftovers(pkg: Path) -> list[str]:
    return sorted(p.name for p in pkg.iterdir() if p.name.startswith(".") and p.name != ".add.lock")


def test_kill_at_every_step_of_the_commit(small_pkg: Path, tmp_path: Path, capsys):
    pkg = small_pkg
    draft = tmp_path / "draft.yaml"
    draft.write_text(yaml.safe_dump({
        "title": "Regional workshop on returns in Ohrid", "url": "https://example.org/journal-test", "kind": "workshop",
        "date_start": "2003-04-05", "place": {"name": "Ohrid", "country": "MK"}, "countries": ["MK", "AL"],
        "topics": ["readmission"]}), encoding="utf-8")  # three files change: ten steps to kill at
    old = snapshot(pkg)
    clean = tmp_path / "clean"
    shutil.copytree(pkg, clean)
    log = tmp_path / "add.log"
    assert _add(clean, draft, log) == 0, log.read_text()
    new = snapshot(clean)
    assert new != old
    outcomes = []
    for step in range(1, 40):
        work = tmp_path / f"step-{step}"
        shutil.copytree(pkg, work)
        added = _add(work, draft, log, kill_at=step)
        if added == 0:  # past the last step: the commit finished
            assert snapshot(work) == new
            break
        assert added == -9, (step, added, log.read_text())
        code, err = _next_command(work, capsys)
        assert code == 0, (step, err)
        state = snapshot(work)
        assert state in (old, new), f"step {step}: the package is neither the old one nor the new one"
        assert not _leftovers(work), (step, _leftovers(work))
        outcomes.append("new" if state == new else "old")
        if "rolled back" in err:
            assert state == old
        if "completed" in err:
            assert state == new
    assert len(outcomes) >= 8, outcomes
    assert "old" in outcomes and "new" in outcomes, outcomes
