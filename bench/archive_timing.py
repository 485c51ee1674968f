"""Time ``edlint check`` on an archive: cold on one core, cold on every core, warm from the cache.

Usage: python bench/archive_timing.py [FOLDER] [--runs N] [--require-speedup X]

FOLDER defaults to the BBC corpus in the shared reference material
(../shared/data/corpus/bbc), copied flat into a temporary folder with its
articles only (its README.TXT is not an article, and a run over the original
folder would check and count it). A FOLDER given is checked as it is, and
counted as edlint counts it. Each cold run starts from an empty cache folder
(so it includes writing the cache); the warm run re-uses the cache the
all-cores run wrote; the best of ``--runs`` is reported for each. Output
goes to /dev/null in the concise format, so the figures are edlint's work,
not the terminal's. Exits 1 if ``--require-speedup`` is given and the warm
run is not that many times faster than the one-core cold run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus import BBC, flat_corpus  # noqa: E402


def run(folder: Path, *args: str) -> tuple[float, int]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "EDLINT_CACHE_DIR")}
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "edlint", "check", str(folder), "--format", "concise", *args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=str(REPO))
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"edlint failed (exit {p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return wall, p.returncode


def count_files(folder: Path) -> int:
    sys.path.insert(0, str(REPO))
    from edlint.io.discovery import collect

    return len(collect([str(folder)]).files)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=1, help="repeat each measurement and keep the best (default 1)")
    ap.add_argument("--require-speedup", type=float, default=None)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="edlint-bench-"))
    try:
        return _measure(a, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _measure(a, tmp: Path) -> int:
    if a.folder is None:
        a.folder = flat_corpus(tmp / "bbc")
        if a.folder is None:
            print(f"skipped: {BBC} not found (the shared reference material is absent)")
            return 0
    elif not a.folder.is_dir():
        print(f"skipped: {a.folder} not found")
        return 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    figures: dict = {"folder": str(a.folder), "files": count_files(a.folder), "cores": cpus}

    def cold(jobs: int) -> float:
        best = float("inf")
        for i in range(a.runs):
            cache = tmp / f"cold-{jobs}-{i}"
            best = min(best, run(a.folder, "--cache-dir", str(cache), "--jobs", str(jobs))[0])
        return best

    figures["cold_1_process_s"] = round(cold(1), 3)
    figures["cold_all_cores_s"] = round(cold(cpus), 3)
    warm_cache = tmp / f"cold-{cpus}-0"
    figures["warm_cache_s"] = round(min(run(a.folder, "--cache-dir", str(warm_cache))[0]
                                        for _ in range(max(a.runs, 3))), 3)
    figures["speedup_warm_vs_cold_1"] = round(figures["cold_1_process_s"] / figures["warm_cache_s"], 1)
    figures["speedup_all_cores_vs_1"] = round(figures["cold_1_process_s"] / figures["cold_all_cores_s"], 2)
    if a.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{figures['files']} files in {figures['folder']} ({cpus} cores)")
        print(f"  cold, 1 process : {figures['cold_1_process_s']:8.2f} s")
        print(f"  cold, {cpus} cores   : {figures['cold_all_cores_s']:8.2f} s  ({figures['speedup_all_cores_vs_1']}x)")
        print(f"  warm, cache     : {figures['warm_cache_s']:8.2f} s  "
              f"({figures['speedup_warm_vs_cold_1']}x faster than cold on 1 process)")
    if a.require_speedup and figures["speedup_warm_vs_cold_1"] < a.require_speedup:
        print(f"warm run is only {figures['speedup_warm_vs_cold_1']}x faster; wanted {a.require_speedup}x",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
