"""A kill at any step of add's commit leaves the package old or new once the next command has
started: the journal is rolled back before any file is replaced, and forward after."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from analysis.curation.journal import KILL_ENV
from conftest import snapshot


def _run(pkg: Path, *args: str, kill_at: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ}
    env.pop(KILL_ENV, None)
    if kill_at is not None:
        env[KILL_ENV] = str(kill_at)
    return subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _leftovers(pkg: Path) -> list[str]:
    return sorted(p.name for p in pkg.iterdir() if p.name.startswith(".") and p.name != ".add.lock")


def test_kill_at_every_step_of_the_commit(pkg: Path, tmp_path: Path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(yaml.safe_dump({
        "title": "Regional workshop on returns in Ohrid", "url": "https://example.org/journal-test", "kind": "workshop",
        "date_start": "2003-04-05", "place": {"name": "Ohrid", "country": "MK"}, "countries": ["MK", "AL"],
        "topics": ["readmission"]}), encoding="utf-8")  # three files change: ten steps to kill at
    old = snapshot(pkg)
    clean = tmp_path / "clean"
    shutil.copytree(pkg, clean)
    assert _run(clean, "add", str(draft)).returncode == 0
    new = snapshot(clean)
    assert new != old
    outcomes = []
    for step in range(1, 40):
        work = tmp_path / f"step-{step}"
        shutil.copytree(pkg, work)
        added = _run(work, "add", str(draft), kill_at=step)
        if added.returncode == 0:  # past the last step: the commit finished
            assert snapshot(work) == new
            break
        assert added.returncode == -9, (step, added.returncode, added.stderr)
        after = _run(work, "validate")
        assert after.returncode == 0, (step, after.stderr)
        state = snapshot(work)
        assert state in (old, new), f"step {step}: the package is neither the old one nor the new one"
        assert not _leftovers(work), (step, _leftovers(work))
        outcomes.append("new" if state == new else "old")
        if "rolled back" in after.stderr:
            assert state == old
        if "completed" in after.stderr:
            assert state == new
    assert len(outcomes) >= 8, outcomes
    assert "old" in outcomes and "new" in outcomes, outcomes
