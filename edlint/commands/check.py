"""``edlint check``: collect files, lint them (cache, pool), narrow (diff, baseline), report, exit code.

A thin command over the library: ``edlint.run.runner.Runner`` checks the
files, ``edlint.workflow.narrowing`` leaves out what a pull-request check
should not see, ``edlint.report`` formats, ``edlint.run.verdict`` decides the
exit code. What is here is the order of those steps and what the command
line says when one cannot go on.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from edlint.run.cache import open_cache
from edlint.run.runner import Runner, RunOptions, unique
from edlint.run.verdict import Verdict

from ..report import FORMATS, summarise
from .reporting import Refused, ReportRequest, is_checked_file, write_report

if TYPE_CHECKING:
    from edlint.core.findings import FileResult
    from edlint.workflow.narrowing import Narrowing

# Reports that quote the article (code frames, snippets, fingerprints): the run keeps each text.
TEXT_FORMATS = ("rich", "sarif", "gitlab")
# Reports written while the run goes on, holding no finding longer than it takes to write it.
STREAM_FORMATS = ("json",)


def auto_format() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS:
        return "github"
    return "rich" if sys.stdout.isatty() else "concise"


def run_check(
    paths, fmt, output, date, select, ignore, fail_on, config, color, stdin_filename,
    *, diff_base: str | None = None, baseline: Path | None = None, use_cache: bool = True,
    cache_dir: Path | None = None, jobs: int | None = None, language: str | None = None,
    show_diff: bool = False, unsafe_fixes: bool = False,
    verbose: bool = False, quiet: bool = False, exit_zero: bool = False, statistics: bool = False,
) -> int:
    request = ReportRequest(fmt, output, color, config, fail_on, verbose, quiet, exit_zero, statistics)
    try:
        if not paths:
            raise Refused("nothing to check: give files, folders or '-' for standard input")
        if show_diff:
            return _show_fixes(paths, unsafe_fixes, date, select, ignore, config, use_cache=use_cache,
                               cache_dir=cache_dir, jobs=jobs, color=color, stdin_filename=stdin_filename)
        request.fmt = _report_format(fmt, config)
        narrowing = _narrowing(diff_base, baseline)
        options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date,
                             keep_text=request.fmt in TEXT_FORMATS or baseline is not None, language=language)
        runner = Runner(options, cache=open_cache(use_cache, cache_dir), jobs=jobs)
        problem = runner.preflight(paths, config)
        if problem:
            raise Refused(problem)
        if request.fmt in STREAM_FORMATS and not statistics:
            from .streamed import run_streamed

            return run_streamed(runner, paths, stdin_filename, request, narrowing)
        return _check_and_report(runner, paths, stdin_filename, request, narrowing)
    except Refused as exc:
        sys.stderr.write(f"edlint: {exc}\n")
        return 2


def _show_fixes(paths, unsafe_fixes, date, select, ignore, config, **run) -> int:
    """``check --diff``: what ``edlint fix`` would change; a missing path most likely meant ``--changed-since``."""
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise Refused(
            f"{missing[0]}: no such file or folder; `--diff` now shows what `edlint fix` would change. "
            f"To check only lines changed since a git revision, use `--changed-since {missing[0]}`"
        )
    from .fix import run_fix

    return run_fix(paths, unsafe_fixes, True, date, select, ignore, config, **run)


def _report_format(fmt: str, config) -> str:
    """The format to write (``auto`` resolved), once the configuration named exists."""
    if config is not None and not Path(config).is_file():
        raise Refused(f"{config}: config file not found")
    if fmt == "auto":
        fmt = auto_format()
    if fmt not in FORMATS:
        raise Refused(f"output format {fmt!r} is not available in this build")
    return fmt


def _narrowing(diff_base: str | None, baseline: Path | None) -> Narrowing | None:
    """The baseline and changed lines a pull-request check narrows to (None: a plain check)."""
    if baseline is None and not diff_base:
        return None
    from edlint.workflow.narrowing import Narrowing, NarrowingError

    try:
        return Narrowing.load(diff_base, baseline)
    except NarrowingError as exc:
        raise Refused(str(exc)) from None


def _check_and_report(runner: Runner, paths, stdin_filename, request: ReportRequest,
                      narrowing: Narrowing | None) -> int:
    """Check every file, then narrow, count, say the errors and write the report."""
    from ..report.progress import ProgressBar

    with ProgressBar() as bar:
        results, errors = runner.lint_paths(paths, stdin_filename, progress=bar.start,
                                             only=narrowing.only if narrowing else None)
    if narrowing is not None:
        narrowing.narrow(results)
    verdict = Verdict(request.fail_override)
    for r in results:
        verdict.add(r)
    summary = summarise(results, request.summary_level(runner))
    summary.errors += len(errors)
    summary.run_errors = list(errors)
    _say_problems(results, errors, request.fmt)
    if results and all(r.error for r in results) and request.fmt in ("rich", "concise") and not request.output:
        return 2  # nothing was checked: a "0 findings" line would read as a pass
    note = narrowing.hidden_note() if narrowing else None
    if note:
        sys.stderr.write(f"edlint: {note}\n")
    if request.output and is_checked_file(request.output, results):
        raise Refused(f"--output {request.output}: is one of the articles being checked; not overwriting it")
    write_report(runner, results, summary, request)
    return request.exit_code(summary, verdict)


def _say_problems(results: list[FileResult], errors: list[str], fmt: str) -> None:
    """Each error once on standard error; for GitLab (no place for a note) the skipped files too."""
    for e in unique(errors + [r.error for r in results if r.error]):
        sys.stderr.write(f"edlint: {e}\n")
    if fmt == "gitlab":
        for r in results:
            if r.skipped:
                sys.stderr.write(f"edlint: {r.path}: {r.skipped}\n")
