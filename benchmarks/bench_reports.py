"""Benchmark: the report runner against the tool a user would otherwise use, a shell loop of
plain `papermill` runs over the same notebooks and parameters (reports.yaml).

Measures, each as the median of --repeat runs: the papermill loop (sequential, notebooks only);
`python -m analysis reports --force` (parallel, plus HTML, figures and tables); and the
no-change rerun `python -m analysis reports`. Usage: python benchmarks/bench_reports.py
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from analysis.reports import runner
from analysis.reports.kernels import KERNEL

REPO = Path(__file__).resolve().parents[1]


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - t0


def papermill_loop(specs: list[runner.ReportSpec], out: Path) -> float:
    exe = str(Path(sys.executable).parent / "papermill")
    t0 = time.perf_counter()
    for spec in specs:
        cmd = [exe, str(spec.notebook_path()), str(out / f"{spec.name}.ipynb"), "-k", KERNEL, "--cwd", str(runner.NOTEBOOKS)]
        if spec.parameters:
            cmd += ["-y", yaml.safe_dump(spec.parameters)]
        subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    specs = runner.load_config()
    loop, full, rerun = [], [], []
    for i in range(args.repeat):
        out = Path(tempfile.mkdtemp())
        loop.append(papermill_loop(specs, out))
        shutil.rmtree(out)
        full.append(wall([sys.executable, "-m", "analysis", "reports", "--force"]))
        print(f"run {i + 1}: papermill loop {loop[-1]:.1f} s, runner (2 cores) {full[-1]:.1f} s", flush=True)
    for _ in range(5):
        rerun.append(wall([sys.executable, "-m", "analysis", "reports"]))
    result = {
        "reports": len(specs),
        "papermill_loop_s": round(statistics.median(loop), 1),
        "runner_full_s": round(statistics.median(full), 1),
        "ratio": round(statistics.median(full) / statistics.median(loop), 2),
        "no_change_rerun_s": round(statistics.median(rerun), 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
