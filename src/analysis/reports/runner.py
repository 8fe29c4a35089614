"""Where reports are made: run the configured notebooks with papermill and publish them.

``python -m analysis reports`` reads ``reports.yaml``; for each run whose inputs changed
(notebook, parameters, data, library code) it executes the notebook in a worker process,
exports HTML without code, figures (PNG, SVG) and tables (CSV) into a temporary folder, and
moves that folder into ``reports/<name>/`` only when complete. A failing run keeps its last
good version and is listed with its error; the others are still built. A lock file keeps two
runs (say, two cron jobs) from overlapping.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

import yaml

from analysis import locations
from analysis.atomic import umask, write_text_atomic
from analysis.errors import AnalysisError
from analysis.reports import site
from analysis.reports.kernels import execute

CONFIG = locations.config_path()
NOTEBOOKS = locations.notebooks_dir()
REPORTS = locations.reports_dir()
DATA = locations.data_dir()
LIBRARY = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str
    notebook: str
    parameters: dict = field(default_factory=dict)

    def notebook_path(self, notebooks: Path = NOTEBOOKS) -> Path:
        return notebooks / f"{self.notebook}.ipynb"


@dataclass
class Outcome:
    name: str
    status: str  # built, skipped, failed
    seconds: float = 0.0
    error: str = ""
    failed_notebook: str = ""


def load_config(path: Path = CONFIG, notebooks: Path = NOTEBOOKS, data: Path | None = None) -> list[ReportSpec]:
    """The report runs in ``path``, checked for the mistakes a hand-edited file invites, plus one
    profile run for every organisation with enough events in the data (``profiles:``), so the
    report set grows with the record."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnalysisError(f"{path}: no report configuration here") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise AnalysisError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    runs = (raw or {}).get("reports") if isinstance(raw, dict) else None
    if not isinstance(runs, list) or not runs:
        raise AnalysisError(f"{path}: expected 'reports:' with a list of runs (name, title, notebook, parameters)")
    specs, seen = [], set()
    for n, run in enumerate(runs, start=1):
        if not isinstance(run, dict) or not run.get("name") or not run.get("notebook"):
            raise AnalysisError(f"{path}: run {n} needs at least 'name' and 'notebook'")
        extra = set(run) - {"name", "title", "notebook", "parameters"}
        if extra:
            raise AnalysisError(f"{path}: run '{run['name']}' has unknown key(s) {', '.join(sorted(extra))}")
        name = str(run["name"])
        if name in seen or not name.replace("-", "").replace("_", "").isalnum():
            raise AnalysisError(f"{path}: run name '{name}' is repeated or not a simple folder name")
        seen.add(name)
        spec = ReportSpec(name, str(run.get("title") or name), str(run["notebook"]), dict(run.get("parameters") or {}))
        if not spec.notebook_path(notebooks).exists():
            raise AnalysisError(f"{path}: run '{name}': no notebook {spec.notebook_path(notebooks)}")
        specs.append(spec)
    profiles = raw.get("profiles")
    if profiles:
        specs.extend(_profile_specs(path, profiles, notebooks, data or locations.data_dir(), seen))
    return specs


def _profile_specs(path: Path, cfg: dict, notebooks: Path, data: Path, seen: set[str]) -> list[ReportSpec]:
    """``profiles: {notebook, min_events, parameters}``: a run per organisation with at least
    ``min_events`` events, most active first, its id passed as the ``organisation`` parameter."""
    import csv

    from analysis.record.labels import ambiguous
    from analysis.record.labels import label as short_label

    if not isinstance(cfg, dict) or not cfg.get("notebook"):
        raise AnalysisError(f"{path}: 'profiles:' needs a notebook (and min_events, parameters)")
    events: dict[str, set[str]] = {}
    with (data / "event_organisations.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            events.setdefault(row["org_id"], set()).add(row["event_id"])
    with (data / "organisations.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    unclear = ambiguous(row["acronym"] for row in rows)
    label = {row["org_id"]: short_label(row["acronym"], row["name"], unclear) for row in rows}
    minimum = int(cfg.get("min_events", 10))
    chosen = sorted((o for o, ev in events.items() if len(ev) >= minimum), key=lambda o: (-len(events[o]), o))
    out = []
    for org in chosen:
        name = f"profile-{org}"
        if name in seen:
            continue
        params = {**dict(cfg.get("parameters") or {}), "organisation": org}
        spec = ReportSpec(name, f"Profile: {label.get(org, org)}", str(cfg["notebook"]), params)
        if not spec.notebook_path(notebooks).exists():
            raise AnalysisError(f"{path}: profiles: no notebook {spec.notebook_path(notebooks)}")
        out.append(spec)
    return out


def check_parameters(spec: ReportSpec, notebooks: Path = NOTEBOOKS) -> None:
    """Refuse parameters the notebook does not declare (papermill would only warn)."""
    import papermill

    declared = papermill.inspect_notebook(str(spec.notebook_path(notebooks)))
    unknown = sorted(set(spec.parameters) - set(declared))
    if unknown:
        raise AnalysisError(f"report '{spec.name}': notebook '{spec.notebook}' has no parameter(s) {', '.join(unknown)}; "
                            f"it declares: {', '.join(declared)}")


def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def data_version(data: Path = DATA) -> str:
    """Package version and a short hash of every data file: what the reports were built from."""
    from analysis.record.declaration import read_package

    files = [p for p in data.iterdir() if p.is_file() and p.suffix in (".csv", ".json")]
    return f"{read_package(data.resolve()).version}+{_hash_files(files)[:10]}"


def fingerprint(spec: ReportSpec, data_hash: str, library_hash: str, notebooks: Path = NOTEBOOKS) -> str:
    h = hashlib.sha256()
    h.update(spec.notebook_path(notebooks).read_bytes())
    h.update(json.dumps(spec.parameters, sort_keys=True).encode())
    h.update(data_hash.encode())
    h.update(library_hash.encode())
    return h.hexdigest()


def _build_json(folder: Path) -> dict:
    try:
        return json.loads((folder / "build.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


# --- one report, in a worker process --------------------------------------------------------


def build_one(spec: ReportSpec, fp: str, version: str, reports: Path, notebooks: Path, data: Path = DATA) -> Outcome:
    """Execute, export and publish one report. Never raises: failures come back as an Outcome."""
    t0 = time.perf_counter()
    staging = Path(tempfile.mkdtemp(prefix=f".build-{spec.name}-", dir=reports))
    log_path = reports / ".logs" / f"{spec.name}.log"
    log_path.parent.mkdir(exist_ok=True)
    saved_stderr = os.dup(2)
    log = log_path.open("w", encoding="utf-8")
    os.dup2(log.fileno(), 2)  # the kernel's chatter goes to reports/.logs/<name>.log, not the terminal
    try:
        check_parameters(spec, notebooks)
        import papermill

        os.environ["WBCOOP_REPORT_DIR"] = str(staging)
        os.environ[locations.ENV_DATA] = str(data)  # the kernel's analysis.load() reads this package
        executed = staging / "report.ipynb"
        try:
            execute(spec.notebook_path(notebooks), executed, spec.parameters, cwd=notebooks)
        except papermill.PapermillExecutionError as exc:
            failed_dir = reports / ".failed"
            failed_dir.mkdir(exist_ok=True)
            kept = failed_dir / f"{spec.name}.ipynb"
            if executed.exists():
                shutil.copy2(executed, kept)
            return Outcome(spec.name, "failed", time.perf_counter() - t0,
                           f"cell {exc.exec_count or exc.cell_index}: {exc.ename}: {exc.evalue}", str(kept.relative_to(reports)))
        site.export_page(executed, staging / "index.html", spec.title)
        meta = {"name": spec.name, "title": spec.title, "notebook": spec.notebook, "parameters": spec.parameters,
                "fingerprint": fp, "data_version": version,
                "built_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "seconds": round(time.perf_counter() - t0, 1)}
        (staging / "build.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        _publish(staging, reports / spec.name)
        (reports / ".failed" / f"{spec.name}.ipynb").unlink(missing_ok=True)
        return Outcome(spec.name, "built", time.perf_counter() - t0)
    except AnalysisError as exc:
        return Outcome(spec.name, "failed", time.perf_counter() - t0, str(exc))
    except Exception as exc:  # a broken kernel, a full disk: report it, keep the others going
        return Outcome(spec.name, "failed", time.perf_counter() - t0, f"{type(exc).__name__}: {exc}")
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
        log.close()
        os.environ.pop("WBCOOP_REPORT_DIR", None)
        os.environ.pop(locations.ENV_DATA, None)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _worker_init() -> None:
    """Workers die with the runner, whatever kills it. On Linux the kernel sends a worker SIGTERM
    when the runner dies (even by SIGKILL), and on SIGTERM a worker kills its kernel and exits; a
    watchdog thread does the same within half a second if the runner is gone but the signal was
    lost (a library may replace the handler while a notebook runs). Ctrl-C is the runner's to handle."""
    import multiprocessing
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _die_with_children)
    parent = multiprocessing.parent_process()
    runner_pid = parent.pid if parent is not None else os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    def watch() -> None:
        while True:
            if os.getppid() != runner_pid:  # re-parented: the runner is gone
                _die_with_children(signal.SIGTERM, None)
            time.sleep(0.5)

    if os.getppid() != runner_pid:
        _die_with_children(signal.SIGTERM, None)
    threading.Thread(target=watch, name="runner-watchdog", daemon=True).start()


def _die_with_children(signum, _frame) -> None:
    import psutil

    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            child.kill()
    os._exit(128 + signum)


def _publish(staging: Path, target: Path) -> None:
    """Swap the complete new folder in; the old one is removed only after the swap."""
    os.chmod(staging, 0o777 & ~umask())  # mkdtemp makes it private; a published report is readable
    final = Path(tempfile.mkdtemp(prefix=f".ready-{target.name}-", dir=target.parent))
    final.rmdir()
    staging.rename(final)
    old = None
    try:
        if target.exists():
            old = target.parent / f".old-{target.name}-{os.getpid()}"
            if old.exists():
                shutil.rmtree(old)
            target.rename(old)
        final.rename(target)
    except BaseException:
        # the new version did not go into place: put the old one back, so readers keep it
        if old is not None and old.exists() and not target.exists():
            old.rename(target)
        shutil.rmtree(final, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# --- the whole set ----------------------------------------------------------------------------


@dataclass
class Summary:
    outcomes: list[Outcome]
    data_version: str

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def _unknown_reports(unknown: list[str], names: list[str]) -> str:
    """One line: the unknown names, the closest configured ones, and where the full list is."""
    near = sorted({m for u in unknown for m in get_close_matches(u, names, n=3, cutoff=0.6)})
    hint = f"did you mean {', '.join(near)}? " if near else ""
    shown = ", ".join(names) if len(names) <= 12 else f"{len(names)} reports (see 'reports --list')"
    return f"no report named {', '.join(unknown)}; {hint}configured: {shown}"


def run_reports(specs: list[ReportSpec], *, jobs: int | None = None, force: bool = False, only: list[str] | None = None,
                reports: Path = REPORTS, notebooks: Path = NOTEBOOKS, data: Path = DATA, library: Path = LIBRARY,
                progress=print) -> Summary:
    from filelock import FileLock, Timeout

    reports.mkdir(parents=True, exist_ok=True)
    all_specs = specs
    if only:
        unknown = sorted(set(only) - {s.name for s in specs})
        if unknown:
            raise AnalysisError(_unknown_reports(unknown, [s.name for s in specs]))
        specs = [s for s in specs if s.name in only]
    lock = FileLock(str(reports / ".lock"), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise AnalysisError(f"another report run holds {reports / '.lock'}; it will finish on its own "
                            "(delete the file only if no run is active)") from None
    try:
        for leftover in reports.glob(".build-*"):  # staged by a run that was killed; this run holds the lock
            shutil.rmtree(leftover, ignore_errors=True)
        version = data_version(data)
        library_hash = _hash_files(sorted(library.rglob("*.py")))
        todo, outcomes = [], []
        for spec in specs:
            fp = fingerprint(spec, version, library_hash, notebooks)
            current = _build_json(reports / spec.name)
            if not force and current.get("fingerprint") == fp and (reports / spec.name / "index.html").exists():
                outcomes.append(Outcome(spec.name, "skipped"))
            else:
                todo.append((spec, fp))
        if outcomes:
            progress(f"{len(outcomes)} report(s) up to date (nothing they depend on changed): skipped")
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        if todo:
            progress(f"building {len(todo)} report(s) with {workers} worker(s)")
            import nbconvert  # noqa: F401  imported once here (about 1.5 s), not again in every forked worker
            import papermill  # noqa: F401
            with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
                try:
                    futures = {pool.submit(build_one, spec, fp, version, reports, notebooks, data): spec for spec, fp in todo}
                    for n, future in enumerate(as_completed(futures), start=1):
                        out = future.result()
                        outcomes.append(out)
                        line = f"[{n}/{len(todo)}] {out.name}: {out.status} in {out.seconds:.1f}s"
                        if out.error:
                            line += f"\n        {out.error}"
                        progress(line)
                except BaseException:  # Ctrl-C, SIGTERM: stop the workers, which stop their kernels
                    for process in list(getattr(pool, "_processes", {}).values()):
                        process.terminate()
                    raise
        order = {s.name: i for i, s in enumerate(specs)}
        outcomes.sort(key=lambda o: order[o.name])
        summary = Summary(outcomes, version)
        write_index(all_specs, summary, reports)
        return summary
    finally:
        lock.release()


def write_index(specs: list[ReportSpec], summary: Summary, reports: Path) -> None:
    """``reports/index.html``: every report, its parameters, data version, build time and status."""
    status = {o.name: o for o in summary.outcomes}  # runs left out by --only keep their last state
    state_file = reports / ".status.json"
    previous = site.load_json(state_file)
    rows = []
    for spec in specs:
        meta = _build_json(reports / spec.name)
        out = status.get(spec.name)
        err = out.error if out and out.status == "failed" else previous.get(spec.name, {}).get("error", "")
        if out and out.status != "failed":
            err = ""
        previous[spec.name] = {"error": err}
        rows.append({"name": spec.name, "title": spec.title, "notebook": spec.notebook, "built": bool(meta),
                     "parameters": ", ".join(f"{k}={v}" for k, v in spec.parameters.items()) or "defaults",
                     "data_version": meta.get("data_version", "-"), "built_at": meta.get("built_at", "-"), "error": err,
                     "state": "failed (showing last good version)" if err and meta else ("failed" if err else "ok")})
    site.write_index(rows, summary.data_version, reports)
    write_text_atomic(state_file, json.dumps(previous, indent=2))


def main_summary(summary: Summary, out=sys.stdout) -> int:
    built = sum(o.status == "built" for o in summary.outcomes)
    skipped = sum(o.status == "skipped" for o in summary.outcomes)
    print(f"reports: {built} built, {skipped} up to date, {len(summary.failed)} failed; index at reports/index.html", file=out)
    for o in summary.failed:
        print(f"FAILED {o.name}: {o.error}" + (f" (executed notebook kept at reports/{o.failed_notebook})" if o.failed_notebook else ""),
              file=out)
    return 1 if summary.failed else 0

