"""``edlint baseline write``: record today's findings so ``check --baseline`` reports only new ones."""
from __future__ import annotations

import sys
from pathlib import Path

from edlint.run.cache import open_cache
from edlint.run.runner import Runner, RunOptions


def run_baseline_write(paths, output: Path, date, select, ignore, config, *,
                       use_cache=True, cache_dir=None, jobs=None) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to record: give files or folders\n")
        return 2
    if "-" in paths:
        sys.stderr.write("edlint: a baseline records files, not standard input\n")
        return 2
    from edlint.workflow.baseline import write_baseline

    from ..report.progress import ProgressBar

    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date)
    runner = Runner(options, cache=open_cache(use_cache, cache_dir), jobs=jobs)
    with ProgressBar() as bar:
        results, errors = runner.lint_paths(paths, progress=bar.start)
    problems = errors + [r.error for r in results if r.error]
    for e in problems:
        sys.stderr.write(f"edlint: {e}\n")
    if problems:
        # A baseline written from a run that could not read every file would forget
        # that file's accepted findings and bring them all back later: keep the old one.
        sys.stderr.write(f"edlint: {output}: baseline not written: {len(problems)} error(s) above\n")
        return 2
    try:
        n = write_baseline(results, Path(output))
    except OSError as exc:
        sys.stderr.write(f"edlint: {output}: cannot write baseline: {exc.strerror or exc}\n")
        return 2
    files = len({r.path for r in results if r.findings})
    sys.stderr.write(f"edlint: recorded {n} finding(s) in {files} file(s) to {output}\n")
    return 0
