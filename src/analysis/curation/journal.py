"""Changing the data package so that a crash or a kill at any moment leaves it old or new.

``add`` stages every new file in a folder beside the package and validates it there; then
:func:`commit` writes a journal (which files, where staged), links a backup of each original,
marks the journal *committing*, and moves the staged files into place one by one. The next
command that opens the package calls :func:`recover`: a journal still *prepared* means nothing
was replaced yet, so the change is rolled back; a journal *committing* means some files may be
new, so the rest of the (already validated) staged files are moved in: the change is rolled
forward. Either way it says so. The package lock (:func:`package_lock`) keeps two writers apart
and keeps recovery away from a writer that is still alive.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

from analysis.atomic import write_text_atomic
from analysis.errors import AnalysisError

JOURNAL = ".add-journal.json"
LOCK = ".add.lock"
STAGE_PREFIX = ".add-"
#: a test hook: the commit kills its own process at this step (1, 2, ...) to prove recovery works
KILL_ENV = "WBCOOP_KILL_AT_STEP"


@contextlib.contextmanager
def package_lock(data_dir: Path, wait: float, what: str = "add") -> Iterator[None]:
    """Hold the package's writer lock (waiting up to ``wait`` seconds for another writer)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(Path(data_dir) / LOCK))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise AnalysisError(f"another '{what}' is writing to {data_dir} (it holds {Path(data_dir) / LOCK}); "
                            f"waited {wait:.0f} s; try again when it has finished") from None
    except OSError as exc:
        raise AnalysisError(f"{data_dir}: cannot take the lock for writing ({exc.strerror or exc})") from None
    try:
        yield
    finally:
        lock.release()


class _Steps:
    """Counts the commit's steps; with ``WBCOOP_KILL_AT_STEP=n`` the process dies at step n."""

    def __init__(self) -> None:
        self.n = 0
        self.kill_at = int(os.environ.get(KILL_ENV, "0") or 0)

    def __call__(self) -> None:
        self.n += 1
        if self.n == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)


def _write_journal(data_dir: Path, stage: Path, names: list[str], state: str) -> None:
    write_text_atomic(data_dir / JOURNAL, json.dumps({"stage": stage.name, "files": names, "state": state}))


def _backup(data_dir: Path, name: str) -> Path:
    return data_dir / f".{name}.bak"


def commit(data_dir: Path, staged: dict[str, Path]) -> None:
    """Move the staged files (all in one stage folder) over the originals, journaled."""
    step = _Steps()
    names = list(staged)
    stage = next(iter(staged.values())).parent
    step()
    _write_journal(data_dir, stage, names, "prepared")
    moved: list[str] = []
    try:
        step()
        for name in names:
            backup = _backup(data_dir, name)
            backup.unlink(missing_ok=True)
            os.link(data_dir / name, backup)
            step()
        _write_journal(data_dir, stage, names, "committing")
        step()
        for name in names:
            os.replace(staged[name], data_dir / name)
            moved.append(name)
            step()
    except Exception as exc:
        for name in moved:
            os.replace(_backup(data_dir, name), data_dir / name)
        _cleanup(data_dir, stage, names)
        raise AnalysisError(f"adding failed while writing {data_dir} ({exc}); every file was restored as it was") from None
    _cleanup(data_dir, stage, names)
    step()


def _cleanup(data_dir: Path, stage: Path | None, names: list[str]) -> None:
    for name in names:
        _backup(data_dir, name).unlink(missing_ok=True)
    if stage is not None:
        shutil.rmtree(stage, ignore_errors=True)
    (data_dir / JOURNAL).unlink(missing_ok=True)


def recover(data_dir: Path) -> str | None:
    """Finish or undo an interrupted change of the package; say what was done (None: nothing to do).

    Call it holding :func:`package_lock`: a writer that holds the lock is alive and not interrupted."""
    data_dir = Path(data_dir)
    journal = data_dir / JOURNAL
    stale = [p for p in data_dir.glob(f"{STAGE_PREFIX}*") if p.is_dir()]
    if not journal.exists():
        for folder in stale:  # staged by an 'add' killed before it began to commit: nothing was changed
            shutil.rmtree(folder, ignore_errors=True)
        for backup in data_dir.glob(".*.bak"):
            backup.unlink(missing_ok=True)
        return f"removed what an interrupted 'add' left in {data_dir}; no file had been changed" if stale else None
    try:
        state = json.loads(journal.read_text(encoding="utf-8"))
        stage, names = data_dir / state["stage"], list(state["files"])
    except (ValueError, KeyError, TypeError):
        raise AnalysisError(f"{journal}: an interrupted 'add' left a journal that cannot be read; restore the data "
                            "folder from version control (git checkout data/) and delete the journal") from None
    if state.get("state") == "committing":
        for name in names:
            if (stage / name).exists():
                os.replace(stage / name, data_dir / name)
        message = f"completed an 'add' that was interrupted while writing {data_dir}: every file now has the new rows"
    else:
        message = f"rolled back an 'add' that was interrupted before writing {data_dir}: every file is as it was"
    _cleanup(data_dir, stage, names)
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return message


def recover_if_free(data_dir: Path) -> str | None:
    """:func:`recover` when no writer holds the package (used when any command starts)."""
    if not (Path(data_dir) / JOURNAL).exists() and not any(Path(data_dir).glob(f"{STAGE_PREFIX}*")):
        return None
    try:
        with package_lock(data_dir, wait=0):
            return recover(data_dir)
    except AnalysisError:
        return None  # a live writer holds the lock: it is not interrupted
