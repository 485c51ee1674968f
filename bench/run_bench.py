"""Time edlint and proselint side by side on the same corpus, in one run, and print the ratios.

Usage: python bench/run_bench.py [CORPUS_DIR] [--limit N] [--runs 3] [--jobs 2]
       python bench/run_bench.py --one [--runs 15]

Both tools run as their command-line programs on the same files (the BBC
corpus flattened into one folder by default), as a user or CI job would run
them: edlint with its default rules (``--no-cache``, ``--jobs``), edlint with
the strict preset's families (readability and proselint on, one process) and
``proselint check``. The commands run in turn (edlint, strict, proselint,
edlint, ...) so a busy moment of a shared machine hits all of them; each
figure is the median over ``--runs``, wall and CPU (user + system of the
process and its workers), and the ratios are taken run by run, then the
median. Skips cleanly when the corpus is absent.

``--one`` times what a pre-commit hook does instead: ``edlint check`` on one
article (the seed article, copied to a fresh name each run so the result
cache never answers, while the parsed rule packs and compiled patterns are
cached, as in a repository that has run edlint before) against
``proselint check`` on the same file, in turn; CPU and wall medians and the
per-run ratio.
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
from corpus import BBC, SEED, flat_corpus  # noqa: E402


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


def _ratio(a: list[tuple], b: list[tuple], i: int) -> float:
    """The median of the run-by-run ratios a/b of figure ``i`` (0 wall, 1 CPU)."""
    return statistics.median(x[i] / y[i] for x, y in zip(a, b, strict=True))


def _proselint() -> list[str]:
    prose = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    return [prose] if Path(prose).is_file() else [sys.executable, "-m", "proselint"]


def one_article(runs: int, work: Path) -> int:
    """edlint and proselint on one article each run (a fresh name: a result-cache miss), in turn."""
    if not SEED.is_file():
        print(f"seed article not found: {SEED} (skipping)")
        return 0
    cache = work / "cache"
    edlint = [sys.executable, "-m", "edlint", "check", "--date", "2022-07-08", "--cache-dir", str(cache),
              "-f", "concise"]
    got: dict[str, list[tuple[float, float, int]]] = {"edlint check FILE": [], "proselint check FILE": []}
    for k in range(runs + 1):  # the first round warms the pack cache and the OS file cache: not counted
        article = work / f"article_{k}.txt"
        shutil.copyfile(SEED, article)
        e = timed(edlint + [str(article)], work)
        p = timed(_proselint() + ["check", str(article)], work)
        if k:
            got["edlint check FILE"].append(e)
            got["proselint check FILE"].append(p)
    print(f"one article ({SEED.name}), result cache missed, packs cached; median of {runs} runs, in turn\n")
    print(f"{'command':<24}{'wall s':>9}{'cpu s':>9}")
    for name, rows in got.items():
        print(f"{name:<24}{statistics.median(r[0] for r in rows):>9.3f}{statistics.median(r[1] for r in rows):>9.3f}")
    e_rows, p_rows = got.values()
    print(f"\nedlint / proselint, CPU:  {_ratio(e_rows, p_rows, 1):.2f}")
    print(f"edlint / proselint, wall: {_ratio(e_rows, p_rows, 0):.2f}")
    return 0


def _compile_bytecode() -> None:
    """Write edlint's bytecode first, as ``pip install`` does for proselint and for an installed edlint.

    A checkout run with PYTHONDONTWRITEBYTECODE set (some CI images and sandboxes set it) would
    otherwise compile every module from source on every run: tens of milliseconds that no
    installed edlint pays, and that proselint, installed, never pays either.
    """
    import compileall

    compileall.compile_dir(str(REPO / "edlint"), quiet=1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=None, help="a folder of articles (default: the BBC corpus, flattened)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles of the BBC corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--one", action="store_true", help="one article, as a pre-commit hook checks it")
    args = ap.parse_args()
    _compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="edlint-bench-"))
    if args.one:
        try:
            return one_article(args.runs, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
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
        commands = {
            f"edlint, default rules, --jobs {args.jobs}": edlint + ["--jobs", str(args.jobs)],
            "edlint, strict families, --jobs 1": edlint + ["--jobs", "1", "--select",
                                                            "adcopy,spelling,titles,attribution,readability,proselint",
                                                            "--ignore", "proselint.restricted"],
            "proselint check": _proselint() + ["check", str(folder)],
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
        print(f"proselint / edlint default, wall: {_ratio(pl, default, 0):.1f}x")
        print(f"proselint / edlint default, CPU:  {_ratio(pl, default, 1):.1f}x")
        print(f"proselint / edlint strict, CPU:   {_ratio(pl, strict, 1):.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
