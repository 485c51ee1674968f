"""Time edlint and proselint side by side on the same corpus, in one run, and print the ratio.

Usage: python bench/run_bench.py [CORPUS_DIR] [--limit N]

Both tools run as their command-line programs on the same files, as a user
or CI job would run them. edlint runs with its default rules (and again with
the readability and proselint families switched on); proselint runs with its
own defaults. The corpus defaults to ../shared/data/corpus/bbc.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (REPO / ".." / "shared" / "data" / "corpus" / "bbc").resolve()


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    return time.perf_counter() - t, p.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found: {corpus} (skipping)")
        return 0
    files = sorted(p for p in corpus.rglob("*.txt") if p.name != "README.TXT")
    if args.limit:
        files = files[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="edlint-bench-"))
    try:
        # Copy so both tools see exactly the same files and nothing else.
        for i, f in enumerate(files):
            dst = work / f.parent.name / f.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst)
        n = len(files)
        edlint = [sys.executable, "-m", "edlint", "check", str(work), "--format", "json"]
        env = {"EDLINT_CACHE_DIR": str(work / ".cache")}
        runs = [
            ("edlint (default rules)", edlint + ["--no-cache"] if _has_flag("--no-cache") else edlint, env),
            ("edlint + readability", edlint + ["--select", "adcopy,spelling,titles,attribution,readability"] + (["--no-cache"] if _has_flag("--no-cache") else []), env),
            ("edlint + proselint pack", edlint + ["--select", "adcopy,spelling,titles,attribution,proselint", "--ignore", "proselint.restricted"] + (["--no-cache"] if _has_flag("--no-cache") else []), env),
            ("proselint CLI", ["proselint", "check", str(work), "-o", "json"], None),
        ]
        if shutil.which("proselint") is None:
            runs[-1] = ("proselint CLI", [sys.executable, "-m", "proselint", "check", str(work), "-o", "json"], None)
        results = {}
        print(f"{n} articles from {corpus}, {os.cpu_count()} cores\n")
        print(f"{'run':<28}{'seconds':>10}{'articles/s':>12}{'exit':>6}")
        for name, cmd, e in runs:
            secs, rc = timed(cmd, e)
            results[name] = secs
            print(f"{name:<28}{secs:>10.2f}{n / secs:>12.0f}{rc:>6}")
        base = results["edlint (default rules)"]
        prose = results["proselint CLI"]
        print(f"\nproselint CLI / edlint (default rules) = {prose / base:.1f}x")
        print(f"proselint CLI / edlint + proselint pack = {prose / results['edlint + proselint pack']:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _has_flag(flag: str) -> bool:
    p = subprocess.run([sys.executable, "-m", "edlint", "check", "--help"], capture_output=True, text=True)
    return flag in p.stdout


if __name__ == "__main__":
    raise SystemExit(main())
