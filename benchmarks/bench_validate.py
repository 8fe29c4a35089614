"""Benchmark: load + full validation of synthetic packages (10k, 100k, 1M events), and
`frictionless validate` on the 100k package, the tool a user would otherwise reach for.

Each measurement runs in a fresh process (wall time and peak RSS of that process); medians of
--repeat runs are reported. Usage: python benchmarks/bench_validate.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import make_package

OUT = Path(__file__).resolve().parent / "out"
LOAD = "import analysis, sys; rec = analysis.load(sys.argv[1]); print(len(rec.events))"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0 and "frictionless" not in cmd[0]:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    # ru_maxrss of children is the max over all children so far; report it only when it grew
    return wall, max(peak, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--frictionless-size", type=int, default=100_000)
    args = ap.parse_args()
    results = []
    for n in sorted(args.sizes):
        pkg = make_package(OUT / f"events-{n}", n)
        size_mb = sum(p.stat().st_size for p in pkg.iterdir()) / 2**20
        runs = [timed([sys.executable, "-c", LOAD, str(pkg)]) for _ in range(args.repeat)]
        wall = statistics.median(r[0] for r in runs)
        # peak RSS: measure once more in isolation with /usr/bin/time-like accounting
        peak = _peak_rss([sys.executable, "-c", LOAD, str(pkg)])
        row = {"events": n, "csv_mib": round(size_mb, 1), "load_validate_s": round(wall, 2), "peak_rss_mib": round(peak)}
        print(f"{n:>9,} events ({size_mb:7.1f} MiB CSV): load+validate median {wall:6.2f} s, peak RSS {peak:6.0f} MiB", flush=True)
        if n == args.frictionless_size:
            exe = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")
            fl = [timed([exe, "validate", "--json", str(pkg / "datapackage.json")])[0] for _ in range(args.repeat)]
            fwall = statistics.median(fl)
            row["frictionless_s"] = round(fwall, 2)
            row["speedup_vs_frictionless"] = round(fwall / wall, 1)
            print(f"{'':>9}  frictionless validate median {fwall:6.2f} s  ->  {fwall / wall:.1f}x slower than analysis", flush=True)
        results.append(row)
    (OUT / "bench_validate.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


def _peak_rss(cmd: list[str]) -> float:
    """Peak RSS (MiB) of one run, read from the child's own rusage via os.wait4."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
