"""The runner's and the command line's promises, on a small checkout with tiny notebooks: a change
rebuilds exactly the reports that depend on it (the data among their inputs); a failing or
crashing report keeps its last good version while the others are built, and the exit status is 1;
a fault during publishing leaves readers the old complete report; the lock holds across processes.

(Parallel builds, skipping, the index, a failing real notebook, killing the runner and the lock
within one process are in test_runner.py and test_runner_kill.py.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml

from analysis.errors import AnalysisError
from analysis.reports import runner

BODY = """\
import os, pathlib, time
out = pathlib.Path(os.environ["WBCOOP_REPORT_DIR"])
if wait_for:
    pathlib.Path(wait_for + ".started").write_text("")
    while not pathlib.Path(wait_for).exists():
        time.sleep(0.05)
if mode == "fail":
    raise ValueError("this report fails on purpose")
if mode == "die":
    os._exit(1)  # the kernel dies
if mode == "break-export":
    (out / "build.json").mkdir()  # the runner cannot write its metadata: an unexpected error
lines = (pathlib.Path(os.environ["WBCOOP_DATA"]) / "events.csv").read_text(encoding="utf-8").count(chr(10))
print(f"{label}: {lines} lines of events")
"""


def _notebook(path: Path, extra: str = "") -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('label = "x"\nmode = "ok"\nwait_for = ""', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(BODY + extra)]
    nbformat.write(nb, path)


def _runs(**params) -> list[dict]:
    return [{"name": name, "title": name.upper(), "notebook": nb, "parameters": {"label": name, **params.get(name, {})}}
            for name, nb in (("a", "first"), ("b", "second"))]


def _make_checkout(root: Path, data: Path) -> Path:
    """A workbook checkout (pyproject.toml, data/, notebooks/, reports.yaml) with tiny notebooks."""
    shutil.copytree(data, root / "data")
    (root / "pyproject.toml").write_text("[project]\nname = 'tiny'\n", encoding="utf-8")
    (root / "notebooks").mkdir()
    _notebook(root / "notebooks" / "first.ipynb")
    _notebook(root / "notebooks" / "second.ipynb")
    _configure(root, _runs())
    return root


@pytest.fixture(scope="module")
def built_checkout(small_record: Path, tmp_path_factory) -> Path:
    """The tiny checkout with its two reports built once (in process; the command line's own
    output and exit status are checked where it runs, below)."""
    root = _make_checkout(tmp_path_factory.mktemp("tiny") / "checkout", small_record)
    summary = _run(root)
    assert _status(summary) == {"a": "built", "b": "built"}, [(o.name, o.error) for o in summary.outcomes]
    return root


@pytest.fixture
def checkout(built_checkout: Path, tmp_path: Path) -> Path:
    """A private copy of the built tiny checkout (reports and all)."""
    return Path(shutil.copytree(built_checkout, tmp_path / "checkout", symlinks=True,
                                ignore=shutil.ignore_patterns(".lock")))


def _configure(root: Path, runs: list[dict]) -> None:
    (root / "reports.yaml").write_text(yaml.safe_dump({"reports": runs}), encoding="utf-8")


def _run(root: Path, *, jobs: int = 2, library: Path | None = None, force: bool = False) -> runner.Summary:
    specs = runner.load_config(root / "reports.yaml", notebooks=root / "notebooks", data=root / "data")
    return runner.run_reports(specs, jobs=jobs, force=force, reports=root / "reports", notebooks=root / "notebooks",
                              data=root / "data", library=library or runner.LIBRARY, progress=lambda _: None)


def _status(summary: runner.Summary) -> dict[str, str]:
    return {o.name: o.status for o in summary.outcomes}


def _cli(root: Path, *args: str, **kw) -> subprocess.Popen | subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("WBCOOP_DATA", "WBCOOP_DEBUG")}
    cmd = [sys.executable, "-m", "analysis", "reports", *args]
    if kw.pop("background", False):
        return subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=kw.pop("timeout", 300))


# --- a change rebuilds exactly what depends on it ---------------------------------------------------


def _executed_in_process(monkeypatch) -> list[str]:
    """Stand in for papermill in the runner's (forked) workers: the notebook's result is a line
    naming its label and the number of lines of events.csv it was given. What is tested here is
    which reports are rebuilt, not the kernel, so no kernel is started."""
    import papermill

    def execute(source, output, parameters=None, **_kw):
        nb = nbformat.read(source, as_version=4)
        lines = (Path(os.environ["WBCOOP_DATA"]) / "events.csv").read_text(encoding="utf-8").count(chr(10))
        nb.cells.append(nbformat.v4.new_markdown_cell(f"{parameters['label']}: {lines} lines of events"))
        nbformat.write(nb, output)

    monkeypatch.setattr(papermill, "execute_notebook", execute)


def test_a_change_rebuilds_exactly_the_reports_that_depend_on_it(checkout: Path, monkeypatch):
    _executed_in_process(monkeypatch)
    built_at = {n: (checkout / "reports" / n / "build.json").read_bytes() for n in "ab"}
    assert _status(_run(checkout)) == {"a": "skipped", "b": "skipped"}

    # one notebook: only the report that runs it
    _notebook(checkout / "notebooks" / "second.ipynb", extra="# changed\n")
    assert _status(_run(checkout)) == {"a": "skipped", "b": "built"}
    assert (checkout / "reports" / "a" / "build.json").read_bytes() == built_at["a"]
    # one report's parameters: only that report
    _configure(checkout, _runs(a={"mode": "ok"}))
    assert _status(_run(checkout)) == {"a": "built", "b": "skipped"}

    # the data: every report reads them, so every report is rebuilt, from the new data
    before = json.loads((checkout / "reports" / "a" / "build.json").read_text())["data_version"]
    events = checkout / "data" / "events.csv"
    events.write_bytes(events.read_bytes() + b"ev-9999,One more line\n")
    summary = _run(checkout)
    assert _status(summary) == {"a": "built", "b": "built"}
    meta = json.loads((checkout / "reports" / "a" / "build.json").read_text())
    assert meta["data_version"] == summary.data_version != before
    page = (checkout / "reports" / "a" / "index.html").read_text(encoding="utf-8")
    assert f"a: {events.read_text(encoding='utf-8').count(chr(10))} lines of events" in page
    assert _status(_run(checkout)) == {"a": "skipped", "b": "skipped"}


def test_the_library_code_is_part_of_the_fingerprint(tmp_path: Path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "module.py").write_text("X = 1\n", encoding="utf-8")
    spec = runner.ReportSpec("x", "x", "timeline")
    before = runner.fingerprint(spec, "data", runner._hash_files(sorted(library.rglob("*.py"))))
    (library / "module.py").write_text("X = 2\n", encoding="utf-8")
    assert runner.fingerprint(spec, "data", runner._hash_files(sorted(library.rglob("*.py")))) != before


def test_every_data_file_is_part_of_the_fingerprint(small_pkg: Path):
    """Changing any one file of the package (any table, the declaration) changes the data version,
    and with it every report's fingerprint."""
    spec = runner.ReportSpec("x", "x", "timeline")
    base = runner.data_version(small_pkg)
    files = sorted(p for p in small_pkg.iterdir() if p.suffix in (".csv", ".json"))
    assert len(files) >= 10
    for path in files:
        original = path.read_bytes()
        path.write_bytes(original.replace(b"\n", b"\n ", 1) if path.suffix == ".csv" else original + b"\n")
        changed = runner.data_version(small_pkg)
        assert changed != base, f"{path.name} is not part of the data version"
        assert runner.fingerprint(spec, changed, "lib") != runner.fingerprint(spec, base, "lib")
        path.write_bytes(original)
    assert runner.data_version(small_pkg) == base


# --- failing and crashing reports -----------------------------------------------------------------


def test_failing_and_crashing_reports_keep_their_last_good_version_and_the_others_build(checkout: Path):
    """One command run, one worker: a cell raising, a kernel dying and an error in the runner's own
    step come first; the report after them is still built, the failed ones keep their pages (a
    report never built has none), and the command exits 1 naming each."""
    reports = checkout / "reports"
    good = {n: (reports / n / "index.html").read_bytes() for n in "ab"}
    runs = [{"name": name, "title": name, "notebook": "first", "parameters": {"label": name, "mode": mode}}
            for name, mode in (("a", "fail"), ("b", "die"), ("c", "break-export"), ("d", "ok"))]
    _configure(checkout, runs)
    out = _cli(checkout, "--jobs", "1")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    assert "1 built, 0 up to date, 3 failed" in out.stdout
    failed = [line for line in out.stdout.splitlines() if line.startswith("FAILED ")]
    assert [line.split(":")[0] for line in failed] == ["FAILED a", "FAILED b", "FAILED c"]
    assert "fails on purpose" in failed[0]
    for name in "ab":
        assert (reports / name / "index.html").read_bytes() == good[name], f"{name} lost its last good version"
        assert json.loads((reports / name / "build.json").read_text())["parameters"] == {"label": name}
    assert not (reports / "c").exists(), "a report that failed on its first build publishes nothing"
    assert b"d: " in (reports / "d" / "index.html").read_bytes()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert index.count("failed (showing last good version)") == 2 and index.count("<td>failed<") == 1
    assert not [p.name for p in reports.iterdir() if p.name.startswith((".ready-", ".old-", ".build-"))]


# --- publishing -----------------------------------------------------------------------------------


def _report(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f"<p>{version}</p>", encoding="utf-8")
    (folder / "build.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    (folder / "tables").mkdir()
    (folder / "tables" / "events.csv").write_text(f"version\n{version}\n", encoding="utf-8")
    return folder


def _versions(folder: Path) -> set[str]:
    """The version every file of a published report says it is (one element when complete)."""
    return {(folder / "index.html").read_text(encoding="utf-8")[3:-4],
            json.loads((folder / "build.json").read_text(encoding="utf-8"))["version"],
            (folder / "tables" / "events.csv").read_text(encoding="utf-8").split()[1]}


def _rename_calls(monkeypatch, reports: Path) -> list:
    """Count the renames one publish makes (each is a step a fault could hit)."""
    calls = []
    real = Path.rename

    def rename(self, target):
        calls.append((Path(self).name, Path(target).name))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    staging = _report(reports / ".build-r-x", "new")
    runner._publish(staging, reports / "r")
    monkeypatch.setattr(Path, "rename", real)
    return calls


@pytest.mark.parametrize("fault", range(3), ids=["staging-to-ready", "old-aside", "new-into-place"])
def test_a_fault_during_publishing_leaves_readers_the_old_complete_report(tmp_path: Path, monkeypatch, fault: int):
    reports = tmp_path / "reports"
    _report(reports / "r", "old")
    steps = _rename_calls(monkeypatch, reports)
    assert len(steps) == 3 and _versions(reports / "r") == {"new"}
    shutil.rmtree(reports / "r")
    _report(reports / "r", "old")

    real = Path.rename
    seen = []

    def failing(self, target):
        seen.append(1)
        if len(seen) == fault + 1:
            raise OSError(28, "No space left on device (injected)")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    staging = _report(reports / ".build-r-y", "new")
    with pytest.raises(OSError, match="injected"):
        runner._publish(staging, reports / "r")
    monkeypatch.setattr(Path, "rename", real)
    assert _versions(reports / "r") == {"old"}, "readers must keep the old complete report"
    assert not list(reports.glob(".old-*")), "the old version must be back in place, not left aside"


def test_a_fault_while_building_keeps_the_published_report(checkout: Path, monkeypatch):
    """Through build_one: the new version fails to go into place; the old one stays readable and
    the outcome says why."""
    reports = checkout / "reports"
    old = (reports / "a" / "index.html").read_bytes()
    real = Path.rename

    def failing(self, target):
        if Path(target) == reports / "a" and Path(self).name.startswith(".ready-"):  # the new version going in
            raise OSError(5, "Input/output error (injected)")
        return real(self, target)

    import papermill

    def execute(source, output, **_kw):  # the notebook's result does not matter here, its publishing does
        shutil.copy(source, output)

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    monkeypatch.setattr(Path, "rename", failing)
    spec = next(s for s in runner.load_config(checkout / "reports.yaml", notebooks=checkout / "notebooks") if s.name == "a")
    out = runner.build_one(spec, "new-fingerprint", "v", reports, checkout / "notebooks", checkout / "data")
    monkeypatch.setattr(Path, "rename", real)
    assert out.status == "failed" and "injected" in out.error
    assert (reports / "a" / "index.html").read_bytes() == old
    assert json.loads((reports / "a" / "build.json").read_text())["fingerprint"] != "new-fingerprint"
    assert not [p.name for p in reports.iterdir() if p.name.startswith((".ready-", ".old-", ".build-"))]


# --- the lock across processes --------------------------------------------------------------------


def _wait_for(path: Path, proc: subprocess.Popen, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the first run ended early: {proc.communicate()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("the first run's notebook never started")
        time.sleep(0.05)


def test_the_lock_holds_across_processes(checkout: Path, tmp_path: Path):
    shutil.rmtree(checkout / "reports")
    go = tmp_path / "go"
    _configure(checkout, [{"name": "a", "notebook": "first", "parameters": {"wait_for": str(go)}}])
    first = _cli(checkout, background=True)
    try:
        _wait_for(Path(str(go) + ".started"), first)
        second = _cli(checkout, "--force", timeout=60)  # without the lock it would wait for 'go' too
        err = [line for line in second.stderr.splitlines() if line.strip()]
        assert second.returncode == 1, second.stderr
        assert len(err) == 1 and err[0].startswith("error: another report run holds"), second.stderr
        assert str(checkout / "reports" / ".lock") in err[0]
        assert not (checkout / "reports" / "a").exists(), "the second run must not build anything"
        assert not list((checkout / "reports").glob(".build-a-*"))[1:], "nor stage a second build"
    finally:
        go.write_text("")
    _out, errors = first.communicate(timeout=300)
    assert first.returncode == 0, errors
    assert (checkout / "reports" / "a" / "index.html").is_file()
    # once the first run is over, the lock is free again (and the report is up to date)
    again = _cli(checkout)
    assert again.returncode == 0 and "0 built, 1 up to date" in again.stdout, again.stdout + again.stderr


def test_the_lock_is_refused_in_process_while_another_process_holds_it(checkout: Path):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, filelock; lock = filelock.FileLock(sys.argv[1]); lock.acquire(); "
                               "print('held', flush=True); sys.stdin.read()", str(checkout / "reports" / ".lock")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(AnalysisError, match="another report run holds"):
            _run(checkout)
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0
