"""The report runner: parallel builds, skip when unchanged, failure isolation keeping the last
good report, the lock, and parameters checked against the notebooks."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from analysis.errors import AnalysisError
from analysis.reports import runner


def test_every_configured_parameter_is_declared_by_its_notebook():
    import papermill

    specs = runner.load_config()
    checked = 0
    for spec in specs:
        declared = papermill.inspect_notebook(str(spec.notebook_path()))
        assert set(spec.parameters) <= set(declared), (spec.name, spec.parameters, list(declared))
        runner.check_parameters(spec)
        checked += 1
    assert checked >= 10
    names = {s.name for s in specs}
    assert {"timeline-all", "partner-interpol", "initiatives", "topics-main"} <= names
    assert {f"country-{c}" for c in ("al", "ba", "xk", "me", "mk", "rs")} <= names


def _config(tmp_path: Path, runs: list[dict]) -> list[runner.ReportSpec]:
    path = tmp_path / "reports.yaml"
    path.write_text(yaml.safe_dump({"reports": runs}), encoding="utf-8")
    return runner.load_config(path)


@pytest.fixture(scope="module")
def built(site_build):
    """The configured reports built in parallel (two workers) into a fresh folder, once per
    session and shared with test_browser.py (conftest.site_build): what the runner printed, its
    outcomes, the folder."""
    return site_build, runner.load_config()


def _copy(site_build, tmp_path: Path) -> Path:
    """A private copy of the shared build, to run the runner again on."""
    return Path(shutil.copytree(site_build["reports"], tmp_path / "reports", ignore=shutil.ignore_patterns(".lock")))


def test_parallel_build_publishes_everything(built):
    site_build, specs = built
    reports, lines = site_build["reports"], site_build["lines"]
    wanted = [s for s in specs if s.name in site_build["statuses"]]
    assert len(wanted) >= 8 and set(site_build["statuses"].values()) == {"built"}
    assert any("with 2 worker(s)" in line for line in lines)
    spec = next(s for s in wanted if s.name == "country-xk")
    me = reports / spec.name
    html = (me / "index.html").read_text(encoding="utf-8")
    assert spec.title in html and "<img" in html
    assert "import analysis" not in html, "HTML reports carry no code"
    assert {p.suffix for p in (me / "figures").iterdir() if p.name != "checks.json"} == {".png", ".svg"}
    assert (me / "figures" / "checks.json").is_file()  # the figure check's verdict
    assert (me / "tables" / "events.csv").stat().st_size > 100
    meta = json.loads((me / "build.json").read_text())
    assert meta["parameters"] == {"country": "XK"} and meta["data_version"] == site_build["data_version"]
    index = (reports / "index.html").read_text(encoding="utf-8")
    for s in wanted:
        assert f'href="{s.name}/index.html"' in index
        assert (reports / s.name / "index.html").is_file() and (reports / s.name / "build.json").is_file()
    assert site_build["data_version"] in index
    assert not list(reports.glob(".build-*")) and not list(reports.glob(".old-*"))


def test_unchanged_rerun_skips_and_is_fast(built, tmp_path: Path):
    site_build, specs = built
    reports = _copy(site_build, tmp_path)
    t0 = time.perf_counter()
    second = runner.run_reports(specs, jobs=2, only=list(site_build["statuses"]), reports=reports, progress=lambda _: None)
    seconds = time.perf_counter() - t0
    assert {o.status for o in second.outcomes} == {"skipped"} and len(second.outcomes) == len(site_build["statuses"])
    assert seconds < 5


def test_failing_report_keeps_last_good_version_and_others_build(built, tmp_path: Path):
    site_build, _ = built
    reports = _copy(site_build, tmp_path)
    good_html = (reports / "country-xk" / "index.html").read_bytes()
    broken = _config(tmp_path, [
        {"name": "country-xk", "title": "Kosovo*", "notebook": "country", "parameters": {"country": "ZZ"}},
        {"name": "about", "title": "About the record", "notebook": "about", "parameters": {}},
    ])
    (reports / "about" / "build.json").write_text("{}", encoding="utf-8")  # out of date: built again, next to the failure
    summary = runner.run_reports(broken, jobs=1, reports=reports, progress=lambda _: None)  # one kernel: the failure, then about
    status = {o.name: o for o in summary.outcomes}
    assert status["about"].status == "built"
    failed = status["country-xk"]
    assert failed.status == "failed"
    assert "AnalysisError" in failed.error and "unknown country code 'ZZ'" in failed.error and "cell" in failed.error
    assert (reports / "country-xk" / "index.html").read_bytes() == good_html
    assert (reports / failed.failed_notebook).exists()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "failed (showing last good version)" in index and "unknown country code" in index
    with open(os.devnull, "w") as sink:
        assert runner.main_summary(summary, out=sink) == 1


def test_unknown_parameter_is_refused(tmp_path: Path):
    specs = _config(tmp_path, [{"name": "x", "notebook": "country", "parameters": {"contry": "ME"}}])
    reports = tmp_path / "site" / "reports"  # -o to a folder whose parent does not exist yet: both are made
    summary = runner.run_reports(specs, jobs=1, reports=reports, progress=lambda _: None)
    assert summary.failed and "has no parameter(s) contry" in summary.failed[0].error
    assert (reports / "index.html").is_file()


def test_lock_stops_an_overlapping_run(tmp_path: Path):
    specs = _config(tmp_path, [{"name": "x", "notebook": "country", "parameters": {}}])
    reports = tmp_path / "reports"
    reports.mkdir()
    with FileLock(str(reports / ".lock")), pytest.raises(AnalysisError, match="another report run holds"):
        runner.run_reports(specs, reports=reports, progress=lambda _: None)


@pytest.mark.parametrize(("runs", "message"), [
    pytest.param([{"name": "a", "notebook": "nope"}], "no notebook", id="missing-notebook"),
    pytest.param([{"name": "a", "notebook": "country"}, {"name": "a", "notebook": "country"}], "repeated", id="duplicate-name"),
    pytest.param([{"name": "a", "notebook": "country", "params": {}}], "unknown key", id="typo-key"),
    pytest.param([], "expected 'reports:'", id="empty"),
])
def test_bad_configuration_is_explained(tmp_path: Path, runs, message):
    with pytest.raises(AnalysisError, match=message):
        _config(tmp_path, runs)


def test_nbval_would_catch_a_changed_result(pytester):
    """The stored outputs really are compared: alter one and nbval fails (a pytest run of its own,
    in this process: no second Python start-up)."""
    import nbformat

    src = runner.NOTEBOOKS / "about.ipynb"  # the quickest notebook to run; any would do
    nb = nbformat.read(src, as_version=4)
    compared = [c for c in nb.cells if c.cell_type == "code" and c.outputs and "nbval-ignore-output" not in c.metadata.get("tags", [])]
    assert compared, "the notebook stores outputs for nbval to compare"
    out = compared[0].outputs[0]
    key = "text/markdown" if "text/markdown" in out.get("data", {}) else "text/plain"
    out["data"][key] = "a different result"
    target = pytester.path / "about.ipynb"
    nbformat.write(nb, target)
    result = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env", "-o", "addopts=",
                                          str(target))
    stdout = result.stdout.str()
    assert result.ret == 1, stdout[-2000:]
    assert "a different result" in stdout


def test_profiles_grow_with_the_record(tmp_path: Path):
    import analysis

    rec = analysis.load()
    per_org = rec.event_organisations.groupby("org_id", observed=True).event_id.nunique()
    specs = runner.load_config()
    profiles = [s for s in specs if s.name.startswith("profile-")]
    assert {s.parameters["organisation"] for s in profiles} == set(per_org[per_org >= 10].index)
    assert all(s.notebook == "partner" and s.parameters["partner"] == "" for s in profiles)
    counts = [per_org[s.parameters["organisation"]] for s in profiles]
    assert counts == sorted(counts, reverse=True), "the most active organisations come first"
    config = tmp_path / "reports.yaml"
    config.write_text("reports:\n  - {name: about, notebook: about}\nprofiles: {notebook: partner, min_events: 40}\n",
                      encoding="utf-8")
    fewer = [s for s in runner.load_config(config) if s.name.startswith("profile-")]
    assert len(fewer) == int((per_org >= 40).sum()) and 0 < len(fewer) < len(profiles)
