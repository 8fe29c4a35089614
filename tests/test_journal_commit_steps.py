"""The journaled commit, in process: a kill simulated at every step (the ``WBCOOP_KILL_AT_STEP``
hook raises instead of killing) leaves the package old or new after :func:`recover`; the journal
says which; an error while moving files restores every file; and recovery runs only when the
package needs it and no writer holds it."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from filelock import FileLock

from analysis.curation import journal
from analysis.errors import AnalysisError

NAMES = ["a.csv", "b.csv", "c.csv"]


class Killed(BaseException):
    """What the process would have died of (not an Exception: the commit must not catch it)."""


def _package(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    data = tmp_path / "data"
    data.mkdir(parents=True)
    stage = data / f"{journal.STAGE_PREFIX}x1"
    stage.mkdir()
    staged = {}
    for name in NAMES:
        (data / name).write_text(f"old {name}\n", encoding="utf-8")
        (stage / name).write_text(f"old {name}\nnew {name}\n", encoding="utf-8")
        staged[name] = stage / name
    (data / "untouched.csv").write_text("same\n", encoding="utf-8")
    return data, staged


def _state(data: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(data.iterdir()) if p.is_file() and p.name != journal.LOCK}


def _listing(data: Path) -> list[str]:
    """Every name in the folder but the lock file (which stays, as filelock leaves it)."""
    return sorted(p.name for p in data.iterdir() if p.name != journal.LOCK)


OLD = {**{n: f"old {n}\n" for n in NAMES}, "untouched.csv": "same\n"}
NEW = {**{n: f"old {n}\nnew {n}\n" for n in NAMES}, "untouched.csv": "same\n"}


@pytest.fixture
def kill_at(monkeypatch):
    journals: list[dict | None] = []

    def set_step(data: Path, step: int) -> list:
        monkeypatch.setenv(journal.KILL_ENV, str(step))

        def kill(pid, sig):
            assert (pid, sig) == (os.getpid(), signal.SIGKILL)
            path = data / journal.JOURNAL
            journals.append(json.loads(path.read_text(encoding="utf-8")) if path.exists() else None)
            raise Killed

        monkeypatch.setattr(journal.os, "kill", kill)
        return journals

    return set_step


def test_commit_without_a_kill_moves_every_file_and_cleans_up(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(journal.KILL_ENV, raising=False)
    data, staged = _package(tmp_path)
    journal.commit(data, staged)
    assert _state(data) == NEW
    assert _listing(data) == [*NAMES, "untouched.csv"]  # no journal, backup or stage left


def test_a_kill_at_every_step_leaves_the_package_old_or_new_after_recovery(tmp_path: Path, kill_at):
    outcomes, states = [], []
    for step in range(1, 20):
        data, staged = _package(tmp_path / f"step-{step}")
        seen = kill_at(data, step)
        try:
            journal.commit(data, staged)
        except Killed:
            pass
        else:
            assert _state(data) == NEW and step == 2 + 2 * len(NAMES) + 3
            break
        states.append(seen[-1]["state"] if seen[-1] else None)
        message = journal.recover(data)
        after = _state(data)
        assert after in (OLD, NEW), step
        assert _listing(data) == [*NAMES, "untouched.csv"], step
        outcomes.append("new" if after == NEW else "old")
        if after == NEW:  # after the last step the journal is already gone: nothing to recover
            assert message is None or message.startswith("completed an 'add' that was interrupted while writing ")
        else:
            assert message is None or message.startswith(("rolled back an 'add' that was interrupted before writing ",
                                                          "removed what an interrupted 'add' left in "))
    # step 1: nothing written yet; 2 to 5: journal prepared (backups linked); 6 to 9: committing; 10: done
    assert states == [None, *["prepared"] * 4, *["committing"] * 4, None]
    assert outcomes == ["old"] * 5 + ["new"] * 5
    assert seen == [] or seen[-1] is None or seen[-1]["files"] == NAMES


def test_the_journal_names_the_stage_and_the_files(tmp_path: Path, kill_at):
    data, staged = _package(tmp_path)
    seen = kill_at(data, 2)
    with pytest.raises(Killed):
        journal.commit(data, staged)
    assert seen == [{"stage": f"{journal.STAGE_PREFIX}x1", "files": NAMES, "state": "prepared"}]


def test_a_failed_move_restores_every_file(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(journal.KILL_ENV, raising=False)
    data, staged = _package(tmp_path)
    real = os.replace
    calls = []

    def replace(src, dst):  # the third data file fails to move in, after two have
        if Path(src).parent.name.startswith(journal.STAGE_PREFIX):
            calls.append(Path(dst).name)
            if len(calls) == 3:
                raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(journal.os, "replace", replace)
    with pytest.raises(AnalysisError) as info:
        journal.commit(data, staged)
    assert str(info.value) == (f"adding failed while writing {data} ([Errno 28] No space left on device); "
                               "every file was restored as it was")
    assert calls == NAMES and _state(data) == OLD
    assert _listing(data) == [*NAMES, "untouched.csv"]


def test_recover_rolls_forward_only_the_files_still_staged(tmp_path: Path):
    data, staged = _package(tmp_path)
    os.replace(staged["a.csv"], data / "a.csv")  # moved before the interruption
    (data / journal.JOURNAL).write_text(json.dumps({"stage": staged["a.csv"].parent.name, "files": NAMES,
                                                    "state": "committing"}), encoding="utf-8")
    for name in NAMES:
        (data / f".{name}.bak").write_text("backup", encoding="utf-8")
    message = journal.recover(data)
    assert message == f"completed an 'add' that was interrupted while writing {data}: every file now has the new rows"
    assert _state(data) == NEW
    assert _listing(data) == [*NAMES, "untouched.csv"]


def test_recover_rolls_back_a_prepared_journal_and_removes_other_stages(tmp_path: Path):
    data, staged = _package(tmp_path)
    other = data / f"{journal.STAGE_PREFIX}older"
    other.mkdir()
    (data / journal.JOURNAL).write_text(json.dumps({"stage": staged["a.csv"].parent.name, "files": NAMES, "state": "prepared"}),
                                        encoding="utf-8")
    assert journal.recover(data) == (f"rolled back an 'add' that was interrupted before writing {data}: "
                                     "every file is as it was")
    assert _state(data) == OLD
    assert _listing(data) == [*NAMES, "untouched.csv"]


def test_recover_without_a_journal_removes_stages_and_backups(tmp_path: Path):
    data, _ = _package(tmp_path)
    (data / ".a.csv.bak").write_text("backup", encoding="utf-8")
    (data / f"{journal.STAGE_PREFIX}file").write_text("a file, not a stage", encoding="utf-8")
    assert journal.recover(data) == f"removed what an interrupted 'add' left in {data}; no file had been changed"
    assert _listing(data) == [f"{journal.STAGE_PREFIX}file", *NAMES, "untouched.csv"]
    (data / ".b.csv.bak").write_text("backup", encoding="utf-8")
    assert journal.recover(data) is None  # nothing staged: nothing to say, but the backup goes
    assert not (data / ".b.csv.bak").exists()


@pytest.mark.parametrize("text", ["{not json", '{"files": []}', '{"stage": "x"}', "[1, 2]"])
def test_an_unreadable_journal_says_how_to_restore(tmp_path: Path, text: str):
    data, _ = _package(tmp_path)
    (data / journal.JOURNAL).write_text(text, encoding="utf-8")
    with pytest.raises(AnalysisError) as info:
        journal.recover(data)
    assert str(info.value) == (f"{data / journal.JOURNAL}: an interrupted 'add' left a journal that cannot be read; restore "
                               "the data folder from version control (git checkout data/) and delete the journal")


def test_recover_if_free_does_nothing_on_a_clean_package(tmp_path: Path, monkeypatch):
    data, staged = _package(tmp_path)
    staged["a.csv"].parent.rename(tmp_path / "elsewhere")
    monkeypatch.setattr(journal, "recover", lambda d: pytest.fail("recover called on a clean package"))
    assert journal.recover_if_free(data) is None


@pytest.mark.parametrize("leftover", ["journal", "stage"])
def test_recover_if_free_recovers_when_no_writer_holds_the_lock(tmp_path: Path, leftover: str):
    data, staged = _package(tmp_path)
    if leftover == "journal":
        (data / journal.JOURNAL).write_text(json.dumps({"stage": staged["a.csv"].parent.name, "files": NAMES,
                                                        "state": "committing"}), encoding="utf-8")
        assert journal.recover_if_free(data).startswith("completed")
        assert _state(data) == NEW
    else:
        assert journal.recover_if_free(data).startswith("removed what an interrupted 'add' left in")
        assert _state(data) == OLD
    assert _listing(data) == [*NAMES, "untouched.csv"]


def test_recover_if_free_leaves_a_live_writer_alone(tmp_path: Path):
    data, staged = _package(tmp_path)
    (data / journal.JOURNAL).write_text(json.dumps({"stage": staged["a.csv"].parent.name, "files": NAMES,
                                                    "state": "committing"}), encoding="utf-8")
    with FileLock(str(data / journal.LOCK)):
        assert journal.recover_if_free(data) is None
    assert {n: (data / n).read_text(encoding="utf-8") for n in OLD} == OLD and (data / journal.JOURNAL).exists()


def test_package_lock_waits_then_names_the_writer(tmp_path: Path):
    data, _ = _package(tmp_path)
    with FileLock(str(data / journal.LOCK)), pytest.raises(AnalysisError) as info, journal.package_lock(data, 0.2, what="merge"):
        pass
    assert str(info.value) == (f"another 'merge' is writing to {data} (it holds {data / journal.LOCK}); waited 0 s; "
                               "try again when it has finished")


def test_steps_count_from_one_and_fire_only_at_the_chosen_step(monkeypatch):
    fired = []
    monkeypatch.setattr(journal.os, "kill", lambda pid, sig: fired.append((pid, sig)))
    monkeypatch.setenv(journal.KILL_ENV, "3")
    step = journal._Steps()
    for _ in range(5):
        step()
    assert step.n == 5 and fired == [(os.getpid(), signal.SIGKILL)]
    monkeypatch.setenv(journal.KILL_ENV, "")
    quiet = journal._Steps()
    for _ in range(3):
        quiet()
    monkeypatch.delenv(journal.KILL_ENV)
    for _ in range(3):
        journal._Steps()()
    assert len(fired) == 1


def test_recover_if_free_does_not_wait_for_a_live_writer(tmp_path: Path):
    import time

    data, _ = _package(tmp_path)
    with FileLock(str(data / journal.LOCK)):
        t0 = time.perf_counter()
        assert journal.recover_if_free(data) is None
        assert time.perf_counter() - t0 < 0.5  # every command calls it on start: it must not stall
