"""The runner's bookkeeping, without running a kernel: what the fingerprint and the data version
depend on, when a report is skipped or rebuilt, the atomic swap of a finished report, how one
report's failure is reported (and kept apart from the others), the index and the exit status."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from analysis import locations
from analysis.errors import AnalysisError
from analysis.reports import runner


def _notebook(folder: Path, name: str = "tiny", source: str = "x = 1") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def books(tmp_path: Path) -> Path:
    _notebook(tmp_path / "notebooks")
    _notebook(tmp_path / "notebooks", "other", "y = 2")
    return tmp_path / "notebooks"


SPEC = runner.ReportSpec("r1", "Report one", "tiny", {"x": 2})


# --- fingerprint and data version ------------------------------------------------------------


def test_fingerprint_follows_notebook_parameters_data_and_library(books: Path):
    base = runner.fingerprint(SPEC, "d1", "l1", books)
    assert re.fullmatch(r"[0-9a-f]{64}", base)
    assert runner.fingerprint(SPEC, "d1", "l1", books) == base
    assert runner.fingerprint(runner.ReportSpec("other-name", "Other title", "tiny", {"x": 2}), "d1", "l1", books) == base
    assert runner.fingerprint(SPEC, "d2", "l1", books) != base
    assert runner.fingerprint(SPEC, "d1", "l2", books) != base
    assert runner.fingerprint(runner.ReportSpec("r1", "Report one", "tiny", {"x": 3}), "d1", "l1", books) != base
    assert runner.fingerprint(runner.ReportSpec("r1", "Report one", "other", {"x": 2}), "d1", "l1", books) != base
    _notebook(books, "tiny", "x = 1  # changed")
    assert runner.fingerprint(SPEC, "d1", "l1", books) != base


def test_fingerprint_ignores_the_order_parameters_are_written_in(books: Path):
    a = runner.ReportSpec("r", "R", "tiny", {"x": 1, "y": [1, 2]})
    b = runner.ReportSpec("r", "R", "tiny", {"y": [1, 2], "x": 1})
    assert runner.fingerprint(a, "d", "l", books) == runner.fingerprint(b, "d", "l", books)


def test_hash_files_covers_names_and_contents_in_any_order(tmp_path: Path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("1", encoding="utf-8")
    b.write_text("2", encoding="utf-8")
    h = runner._hash_files([a, b])
    assert h == runner._hash_files([b, a])
    assert re.fullmatch(r"[0-9a-f]{64}", h)
    b.write_text("3", encoding="utf-8")
    assert runner._hash_files([a, b]) != h
    c = tmp_path / "c.csv"
    b.rename(c)
    c.write_text("2", encoding="utf-8")
    assert runner._hash_files([a, c]) != h  # the same bytes under another name


def test_data_version_is_the_package_version_and_a_hash_of_the_data_files(pkg: Path):
    version = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))["version"]
    first = runner.data_version(pkg)
    assert re.fullmatch(re.escape(version) + r"\+[0-9a-f]{10}", first)
    (pkg / "notes.txt").write_text("not data", encoding="utf-8")
    (pkg / "scratch").mkdir()
    (pkg / "scratch" / "x.csv").write_text("a\n", encoding="utf-8")
    assert runner.data_version(pkg) == first  # only the package's own .csv and .json files count
    with (pkg / "topics.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    second = runner.data_version(pkg)
    assert second != first
    descriptor = pkg / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert runner.data_version(pkg) != second


def test_build_json_is_empty_when_missing_or_broken(tmp_path: Path):
    assert runner._build_json(tmp_path) == {}
    (tmp_path / "build.json").write_text("{not json", encoding="utf-8")
    assert runner._build_json(tmp_path) == {}
    (tmp_path / "build.json").write_text('{"fingerprint": "abc"}', encoding="utf-8")
    assert runner._build_json(tmp_path) == {"fingerprint": "abc"}


# --- the atomic swap -------------------------------------------------------------------------


def _staged(reports: Path, text: str) -> Path:
    staging = reports / f".build-x-{text}"
    staging.mkdir(parents=True)
    os.chmod(staging, 0o700)
    (staging / "index.html").write_text(text, encoding="utf-8")
    return staging


def test_publish_swaps_the_new_folder_in_and_leaves_nothing_behind(tmp_path: Path):
    reports = tmp_path / "reports"
    runner._publish(_staged(reports, "first"), reports / "me")
    assert (reports / "me" / "index.html").read_text(encoding="utf-8") == "first"
    (reports / "me" / "stale.png").write_bytes(b"old figure")
    runner._publish(_staged(reports, "second"), reports / "me")
    assert (reports / "me" / "index.html").read_text(encoding="utf-8") == "second"
    assert not (reports / "me" / "stale.png").exists()  # the old folder is replaced, not merged
    assert sorted(p.name for p in reports.iterdir()) == ["me"]


def test_publish_makes_the_report_readable(tmp_path: Path):
    reports = tmp_path / "reports"
    old = os.umask(0o022)
    try:
        runner._publish(_staged(reports, "x"), reports / "me")
    finally:
        os.umask(old)
    assert stat.S_IMODE((reports / "me").stat().st_mode) == 0o755


def test_publish_clears_an_old_folder_a_killed_swap_left(tmp_path: Path):
    reports = tmp_path / "reports"
    runner._publish(_staged(reports, "first"), reports / "me")
    leftover = reports / f".old-me-{os.getpid()}"
    leftover.mkdir()
    (leftover / "index.html").write_text("older", encoding="utf-8")
    runner._publish(_staged(reports, "second"), reports / "me")
    assert (reports / "me" / "index.html").read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in reports.iterdir()) == ["me"]


def test_readers_see_the_old_or_the_new_report_never_a_mix(tmp_path: Path, monkeypatch):
    """Fault injected at the swap: the old folder has moved aside when the new one fails to move in."""
    reports = tmp_path / "reports"
    runner._publish(_staged(reports, "first"), reports / "me")
    seen = []
    real_rename = Path.rename

    def rename(self, target):
        if Path(target).name == "me":
            seen.append(sorted(p.name for p in reports.iterdir()))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    runner._publish(_staged(reports, "second"), reports / "me")
    # just before the new folder takes the name, it is complete under a hidden name
    assert len(seen) == 1 and "me" not in seen[0] and any(n.startswith(".ready-me-") for n in seen[0])


# --- one report ------------------------------------------------------------------------------


class FakePapermill:
    """papermill.execute_notebook stand-in: writes the notebook, or fails like a cell would."""

    def __init__(self, error: Exception | None = None):
        self.error = error
        self.calls: list[dict] = []

    def __call__(self, source, target, **kwargs):
        self.calls.append({"source": source, "target": target, "env": os.environ.get("WBCOOP_REPORT_DIR"),
                           "data": os.environ.get(locations.ENV_DATA), **kwargs})
        Path(target).write_text(Path(source).read_text(encoding="utf-8"), encoding="utf-8")
        if self.error is not None:
            raise self.error


@pytest.fixture
def fake_kernel(monkeypatch):
    import papermill

    fake = FakePapermill()
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    monkeypatch.setattr(runner.site, "export_page",
                        lambda executed, target, title: target.write_text(f"<h1>{title}</h1>", encoding="utf-8"))
    return fake


def test_build_one_publishes_the_page_and_its_build_record(tmp_path: Path, books: Path, fake_kernel, monkeypatch):
    monkeypatch.delenv(locations.ENV_DATA, raising=False)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / ".failed").mkdir()
    (reports / ".failed" / "r1.ipynb").write_text("{}", encoding="utf-8")  # an earlier failure of this report
    out = runner.build_one(SPEC, "fp-1", "0.2+abc", reports, books, data=tmp_path / "data")
    assert (out.name, out.status, out.error) == ("r1", "built", "")
    assert out.seconds >= 0
    call = fake_kernel.calls[0]
    assert call["source"] == str(books / "tiny.ipynb")
    assert call["parameters"] == {"x": 2} and call["kernel_name"] == "python3" and call["cwd"] == str(books)
    assert call["data"] == str(tmp_path / "data")
    staging = Path(call["env"])
    assert staging.parent == reports and staging.name.startswith(".build-r1-")
    assert not staging.exists()
    assert (reports / "r1" / "index.html").read_text(encoding="utf-8") == "<h1>Report one</h1>"
    meta = json.loads((reports / "r1" / "build.json").read_text(encoding="utf-8"))
    assert {k: meta[k] for k in ("name", "title", "notebook", "parameters", "fingerprint", "data_version")} == {
        "name": "r1", "title": "Report one", "notebook": "tiny", "parameters": {"x": 2}, "fingerprint": "fp-1",
        "data_version": "0.2+abc"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", meta["built_at"])
    assert isinstance(meta["seconds"], float)
    assert not (reports / ".failed" / "r1.ipynb").exists()
    assert (reports / ".logs" / "r1.log").exists()
    assert "WBCOOP_REPORT_DIR" not in os.environ and locations.ENV_DATA not in os.environ
    assert sorted(p.name for p in reports.iterdir()) == [".failed", ".logs", "r1"]


def test_build_one_keeps_a_failing_notebook_and_names_the_cell(tmp_path: Path, books: Path, fake_kernel):
    import papermill

    fake_kernel.error = papermill.PapermillExecutionError(cell_index=4, exec_count=3, source="1/0", ename="ZeroDivisionError",
                                                          evalue="division by zero", traceback=[])
    reports = tmp_path / "reports"
    reports.mkdir()
    out = runner.build_one(SPEC, "fp", "v", reports, books)
    assert (out.status, out.error) == ("failed", "cell 3: ZeroDivisionError: division by zero")
    assert out.failed_notebook == os.path.join(".failed", "r1.ipynb")
    assert (reports / out.failed_notebook).read_text(encoding="utf-8") == (books / "tiny.ipynb").read_text(encoding="utf-8")
    assert not (reports / "r1").exists()
    assert not list(reports.glob(".build-*"))


def test_build_one_names_the_cell_index_when_it_never_ran(tmp_path: Path, books: Path, fake_kernel):
    import papermill

    fake_kernel.error = papermill.PapermillExecutionError(cell_index=7, exec_count=None, source="", ename="E", evalue="v",
                                                          traceback=[])
    reports = tmp_path / "reports"
    reports.mkdir()
    assert runner.build_one(SPEC, "fp", "v", reports, books).error == "cell 7: E: v"


def test_build_one_refuses_undeclared_parameters_without_running(tmp_path: Path, books: Path, fake_kernel):
    reports = tmp_path / "reports"
    reports.mkdir()
    spec = runner.ReportSpec("r2", "R2", "tiny", {"x": 1, "typo": 2, "also": 3})
    out = runner.build_one(spec, "fp", "v", reports, books)
    assert out.status == "failed"
    assert out.error == "report 'r2': notebook 'tiny' has no parameter(s) also, typo; it declares: x"
    assert fake_kernel.calls == [] and out.failed_notebook == ""


def test_build_one_reports_an_unexpected_exception_instead_of_raising(tmp_path: Path, books: Path, fake_kernel, monkeypatch):
    def broken(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(runner, "_publish", broken)
    reports = tmp_path / "reports"
    reports.mkdir()
    out = runner.build_one(SPEC, "fp", "v", reports, books)
    assert (out.status, out.error) == ("failed", "OSError: [Errno 28] No space left on device")
    assert not list(reports.glob(".build-*")) and not (reports / "r1").exists()


def test_build_one_starts_a_kernel_that_died_at_start_once_more(tmp_path: Path, books: Path, fake_kernel, monkeypatch):
    import papermill

    errors = [RuntimeError("Kernel died before replying to kernel_info")]

    def flaky(source, target, **kwargs):
        fake_kernel(source, target, **kwargs)
        if errors:
            raise errors.pop()

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    reports = tmp_path / "reports"
    reports.mkdir()
    out = runner.build_one(SPEC, "fp", "v", reports, books)
    assert (out.status, len(fake_kernel.calls)) == ("built", 2)
    assert "starting it again" in (reports / ".logs" / "r1.log").read_text(encoding="utf-8")


def test_build_one_gives_up_on_a_kernel_that_never_starts_and_never_reruns_a_notebook(tmp_path: Path, books: Path,
                                                                                     fake_kernel):
    import papermill

    reports = tmp_path / "reports"
    reports.mkdir()
    fake_kernel.error = RuntimeError("Kernel died before replying to kernel_info")
    out = runner.build_one(SPEC, "fp", "v", reports, books)
    assert (out.status, out.error, len(fake_kernel.calls)) == (
        "failed", "RuntimeError: Kernel died before replying to kernel_info", 2)
    fake_kernel.calls.clear()
    fake_kernel.error = RuntimeError("something else broke")  # not a start-up failure: no second run
    assert runner.build_one(SPEC, "fp", "v", reports, books).status == "failed" and len(fake_kernel.calls) == 1
    fake_kernel.calls.clear()
    fake_kernel.error = papermill.PapermillExecutionError(cell_index=1, exec_count=1, source="", ename="E", evalue="v",
                                                          traceback=[])
    assert runner.build_one(SPEC, "fp", "v", reports, books).status == "failed" and len(fake_kernel.calls) == 1


# --- the whole set, with a stand-in for the worker's build ---------------------------------------


def fake_build(spec, fp, version, reports, notebooks, data):
    """Module level, so the worker process can find it. A spec whose title is 'FAIL' fails."""
    if spec.title == "FAIL":
        return runner.Outcome(spec.name, "failed", 0.1, "boom")
    folder = reports / spec.name
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(spec.title, encoding="utf-8")
    (folder / "build.json").write_text(json.dumps({"fingerprint": fp, "data_version": version, "built_at": "now"}),
                                       encoding="utf-8")
    return runner.Outcome(spec.name, "built", 0.1)


@pytest.fixture
def setup(tmp_path: Path, books: Path, pkg: Path, monkeypatch):
    monkeypatch.setattr(runner, "build_one", fake_build)
    library = tmp_path / "library"
    library.mkdir()
    (library / "mod.py").write_text("x = 1\n", encoding="utf-8")
    specs = [runner.ReportSpec("a", "A", "tiny", {}), runner.ReportSpec("b", "B", "other", {}),
             runner.ReportSpec("c", "C", "tiny", {"x": 5})]
    lines: list[str] = []

    def run(specs=specs, **kw):
        lines.clear()
        return runner.run_reports(specs, reports=tmp_path / "reports", notebooks=books, data=pkg, library=library,
                                  progress=lines.append, **{"jobs": 1, **kw})

    return SimpleNamespace(run=run, specs=specs, lines=lines, reports=tmp_path / "reports", data=pkg, library=library,
                           books=books)


def test_unchanged_reports_are_skipped_and_changed_inputs_rebuild(setup):
    s = setup
    first = s.run(jobs=2)
    assert [(o.name, o.status) for o in first.outcomes] == [("a", "built"), ("b", "built"), ("c", "built")]
    assert s.lines[0] == "building 3 report(s) with 2 worker(s)"
    assert s.lines[1:] and all(re.fullmatch(r"\[\d/3\] [abc]: built in 0\.1s", line) for line in s.lines[1:])
    assert first.data_version == runner.data_version(s.data)
    again = s.run()
    assert [o.status for o in again.outcomes] == ["skipped"] * 3
    assert s.lines == ["3 report(s) up to date (nothing they depend on changed): skipped"]
    assert [o.status for o in s.run(force=True).outcomes] == ["built"] * 3
    (s.books / "other.ipynb").write_text((s.books / "other.ipynb").read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert [o.status for o in s.run().outcomes] == ["skipped", "built", "skipped"]
    assert s.lines[0] == "2 report(s) up to date (nothing they depend on changed): skipped"
    assert s.lines[1] == "building 1 report(s) with 1 worker(s)"
    (s.library / "mod.py").write_text("x = 2\n", encoding="utf-8")
    assert [o.status for o in s.run().outcomes] == ["built"] * 3
    with (s.data / "topics.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    assert [o.status for o in s.run().outcomes] == ["built"] * 3
    (s.reports / "b" / "index.html").unlink()  # a report whose page is missing is rebuilt
    assert [o.status for o in s.run().outcomes] == ["skipped", "built", "skipped"]


def test_a_failing_report_does_not_stop_the_others_and_the_exit_is_1(setup):
    s = setup
    broken = [s.specs[0], runner.ReportSpec("b", "FAIL", "other", {}), s.specs[2]]
    summary = s.run(broken, jobs=2)
    assert [(o.name, o.status) for o in summary.outcomes] == [("a", "built"), ("b", "failed"), ("c", "built")]
    assert [o.name for o in summary.failed] == ["b"]
    assert any(line.endswith("b: failed in 0.1s\n        boom") for line in s.lines)
    out = io.StringIO()
    assert runner.main_summary(summary, out=out) == 1
    assert out.getvalue() == ("reports: 2 built, 0 up to date, 1 failed; index at reports/index.html\n"
                              "FAILED b: boom\n")
    index = (s.reports / "index.html").read_text(encoding="utf-8")
    assert '<tr class="failed"><td>FAIL</td>' in index and "boom" in index
    ok = io.StringIO()
    assert runner.main_summary(s.run(), out=ok) == 0
    assert ok.getvalue() == "reports: 1 built, 2 up to date, 0 failed; index at reports/index.html\n"


def test_main_summary_points_at_the_kept_notebook():
    summary = runner.Summary([runner.Outcome("a", "failed", 1.0, "cell 2: E: v", ".failed/a.ipynb"),
                              runner.Outcome("b", "skipped")], "v")
    out = io.StringIO()
    assert runner.main_summary(summary, out=out) == 1
    assert out.getvalue().splitlines() == [
        "reports: 0 built, 1 up to date, 1 failed; index at reports/index.html",
        "FAILED a: cell 2: E: v (executed notebook kept at reports/.failed/a.ipynb)"]


def test_only_builds_the_named_reports_and_refuses_unknown_names(setup):
    s = setup
    summary = s.run(only=["c", "a"])
    assert [o.name for o in summary.outcomes] == ["a", "c"]
    assert not (s.reports / "b").exists()
    with pytest.raises(AnalysisError, match=r"^no report named x, y; configured: a, b, c$"):
        s.run(only=["y", "x", "a"])


def test_leftover_staging_folders_are_removed_under_the_lock(setup):
    s = setup
    (s.reports / ".build-a-killed").mkdir(parents=True)
    (s.reports / ".build-a-killed" / "report.ipynb").write_text("{}", encoding="utf-8")
    (s.reports / ".keep-me").mkdir()
    s.run()
    assert not (s.reports / ".build-a-killed").exists()
    assert (s.reports / ".keep-me").exists()
    assert runner_lock_is_free(s.reports)


def runner_lock_is_free(reports: Path) -> bool:
    from filelock import FileLock

    lock = FileLock(str(reports / ".lock"), timeout=0)
    lock.acquire()
    lock.release()
    return True


def test_the_lock_is_released_after_a_run_and_after_an_error(setup):
    s = setup
    s.run()
    assert runner_lock_is_free(s.reports)
    with pytest.raises(AnalysisError):
        s.run(only=["nope"])
    s.run()
    assert runner_lock_is_free(s.reports)


# --- the index -------------------------------------------------------------------------------


def _rows(monkeypatch) -> list:
    captured: list = []
    monkeypatch.setattr(runner.site, "write_index", lambda rows, version, reports: captured.append((rows, version)))
    return captured


def test_index_rows_state_and_last_error(tmp_path: Path, monkeypatch):
    captured = _rows(monkeypatch)
    reports = tmp_path / "reports"
    reports.mkdir()
    specs = [runner.ReportSpec("a", "A", "tiny", {"country": "ME", "period": "2018"}), runner.ReportSpec("b", "B", "tiny", {}),
             runner.ReportSpec("c", "C", "tiny", {})]
    (reports / "a").mkdir()
    (reports / "a" / "build.json").write_text(json.dumps({"data_version": "1+x", "built_at": "2026-01-01 00:00 UTC"}),
                                             encoding="utf-8")
    summary = runner.Summary([runner.Outcome("a", "failed", 1.0, "cell 1: E: bad"), runner.Outcome("b", "failed", 1.0, "gone")],
                             "1+y")
    runner.write_index(specs, summary, reports)
    rows, version = captured[-1]
    assert version == "1+y"
    assert rows[0] == {"name": "a", "title": "A", "notebook": "tiny", "built": True, "parameters": "country=ME, period=2018",
                       "data_version": "1+x", "built_at": "2026-01-01 00:00 UTC", "error": "cell 1: E: bad",
                       "state": "failed (showing last good version)"}
    assert rows[1] == {"name": "b", "title": "B", "notebook": "tiny", "built": False, "parameters": "defaults",
                       "data_version": "-", "built_at": "-", "error": "gone", "state": "failed"}
    assert rows[2]["state"] == "ok" and rows[2]["error"] == ""
    assert json.loads((reports / ".status.json").read_text(encoding="utf-8")) == {
        "a": {"error": "cell 1: E: bad"}, "b": {"error": "gone"}, "c": {"error": ""}}
    # a run with --only b: a keeps its last error, b is now built
    runner.write_index(specs, runner.Summary([runner.Outcome("b", "built")], "1+z"), reports)
    rows, _ = captured[-1]
    assert [(r["name"], r["error"], r["state"]) for r in rows] == [
        ("a", "cell 1: E: bad", "failed (showing last good version)"), ("b", "", "ok"), ("c", "", "ok")]
    # a skipped report clears its error too
    runner.write_index(specs, runner.Summary([runner.Outcome("a", "skipped")], "1+z"), reports)
    assert captured[-1][0][0]["error"] == "" and captured[-1][0][0]["state"] == "ok"


def test_an_unknown_name_among_many_reports_suggests_the_closest_and_points_to_the_list():
    names = [f"profile-body-{i}" for i in range(40)] + ["country-al", "country-ba"]
    message = runner._unknown_reports(["country-ab"], names)
    assert message == "no report named country-ab; did you mean country-al, country-ba? configured: 42 reports (see 'reports --list')"
    assert "profile-body-7" not in message
    assert runner._unknown_reports(["zzz"], names).endswith("configured: 42 reports (see 'reports --list')")
