"""Time edlint and proselint side by side on the same corpus, in one run, and print the ratios.

Usage: python bench/run_bench.py [CORPUS_DIR] [--limit N] [--runs 3] [--jobs 2]

Both tools run as their command-line programs on the same files (the BBC
corpus flattened into one folder by default), as a user or CI job would run
them: edlint with its default rules (``--no-cache``, ``--jobs``), edlint with
the strict preset's families (readability and proselint on, one process) and
``proselint check``. The commands run in turn (edlint, strict, proselint,
edlint, ...) so a busy moment of a shared machine hits all of them; each
figure is the median over ``--runs``, wall and CPU (user + system of the
process and its workers), and the ratios are taken run by run, then the
median. Skips cleanly when the corpus is absent.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus import BBC, flat_corpus  # noqa: E402


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall s, cpu s, exit code) of one run, the CPU of every process it waited for included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(cwd),
                       env={k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "EDLINT_CACHE_DIR")})
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=None, help="a folder of articles (default: the BBC corpus, flattened)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles of the BBC corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="edlint-bench-"))
    try:
        if args.corpus:
            folder = Path(args.corpus)
            if not folder.is_dir():
                print(f"corpus not found: {folder} (skipping)")
                return 0
        else:
            folder = flat_corpus(work / "articles", limit=args.limit)
            if folder is None:
                print(f"corpus not found: {BBC} (skipping)")
                return 0
        n = sum(1 for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md", ".markdown"))
        edlint = [sys.executable, "-m", "edlint", "check", str(folder), "--format", "json", "--no-cache"]
        prose = shutil.which("proselint")
        commands = {
            f"edlint, default rules, --jobs {args.jobs}": edlint + ["--jobs", str(args.jobs)],
            "edlint, strict families, --jobs 1": edlint + ["--jobs", "1", "--select",
                                                            "adcopy,spelling,titles,attribution,readability,proselint",
                                                            "--ignore", "proselint.restricted"],
            "proselint check": ([prose] if prose else [sys.executable, "-m", "proselint"]) + ["check", str(folder)],
        }
        got: dict[str, list[tuple[float, float, int]]] = {k: [] for k in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                got[name].append(timed(cmd, work))
        print(f"{n} articles in {folder}; {os.cpu_count()} cores; median of {args.runs} runs, in turn\n")
        print(f"{'command':<38}{'wall s':>9}{'cpu s':>9}{'articles/s':>12}{'exit':>6}")
        for name, runs in got.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"{name:<38}{wall:>9.2f}{cpu:>9.2f}{n / wall:>12.0f}{runs[-1][2]:>6}")
        names = list(commands)
        default, strict, pl = (got[k] for k in names)
        print()
        # one measurement of each command per run, so the lists pair up
        wall_ratio = statistics.median(p[0] / d[0] for p, d in zip(pl, default, strict=True))
        cpu_ratio = statistics.median(p[1] / s[1] for p, s in zip(pl, strict, strict=True))
        print(f"proselint / edlint default, wall: {wall_ratio:.1f}x")
        print(f"proselint / edlint strict, CPU:   {cpu_ratio:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
