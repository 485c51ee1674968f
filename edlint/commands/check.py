"""``edlint check``: collect files, lint them (cache, pool), narrow (diff, baseline), report, exit code."""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from edlint.core.findings import Severity
from edlint.io.config import ConfigError
from edlint.io.datafiles import DataError
from edlint.run.batch import BatchRunner, lint_all, preflight, rules_for, unique
from edlint.run.cache import open_cache
from edlint.run.runner import RunOptions

from ..report import FORMATS, summarise

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
    if not paths:
        sys.stderr.write("edlint: nothing to check: give files, folders or '-' for standard input\n")
        return 2
    if show_diff:
        missing = [p for p in paths if p != "-" and not Path(p).exists()]
        if missing:
            sys.stderr.write(
                f"edlint: {missing[0]}: no such file or folder; `--diff` now shows what `edlint fix` would change. "
                f"To check only lines changed since a git revision, use `--changed-since {missing[0]}`\n"
            )
            return 2
        from .fix import run_fix

        return run_fix(paths, unsafe_fixes, True, date, select, ignore, config, use_cache=use_cache,
                       cache_dir=cache_dir, jobs=jobs, color=color, stdin_filename=stdin_filename)
    if config is not None and not Path(config).is_file():
        sys.stderr.write(f"edlint: {config}: config file not found\n")
        return 2
    if fmt == "auto":
        fmt = auto_format()
    if fmt not in FORMATS:
        sys.stderr.write(f"edlint: output format {fmt!r} is not available in this build\n")
        return 2
    base = None
    if baseline is not None:
        from edlint.workflow.baseline import Baseline, BaselineError

        try:
            base = Baseline(Path(baseline))
        except BaselineError as exc:
            sys.stderr.write(f"edlint: {exc}\n")
            return 2
    changed = None
    if diff_base:
        from edlint.workflow.changed_lines import GitError, changed_lines

        try:
            changed = changed_lines(diff_base)
        except GitError as exc:
            sys.stderr.write(f"edlint: --changed-since {diff_base}: {exc}\n")
            return 2
    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date,
                         keep_text=fmt in TEXT_FORMATS or base is not None,
                         language=language)
    runner = BatchRunner(options)
    cache = open_cache(use_cache, cache_dir)
    problem = preflight(runner, paths, config)
    if problem:
        sys.stderr.write(f"edlint: {problem}\n")
        return 2
    from ..report.progress import ProgressBar

    if fmt in STREAM_FORMATS and not statistics:
        from .streamed import run_streamed

        return run_streamed(
            fmt, paths, options, output, stdin_filename, color, config, fail_on, base, baseline, changed,
            cache=cache, jobs=jobs, progress=ProgressBar(), runner=runner, exit_zero=exit_zero,
        )

    with ProgressBar() as bar:
        results, errors, runner = lint_all(
            paths, options, stdin_filename, cache=cache, jobs=jobs,
            progress=bar.start, only=changed.touches if changed else None, runner=runner,
        )
    if changed is not None:
        for r in results:
            r.findings = [f for f in r.findings if changed.covers(r.path, f.line, f.end_line)]
    hidden = base.filter(results) if base is not None else 0
    try:
        cfg_fail = runner.config_for(Path(config) if config else Path.cwd()).fail_on if not fail_on else None
    except (ConfigError, DataError):
        cfg_fail = None
    threshold = Severity.parse(fail_on) if fail_on else (cfg_fail or Severity.WARNING)
    summary = summarise(results, threshold)
    summary.errors += len(errors)
    summary.run_errors = list(errors)
    for e in unique(errors + [r.error for r in results if r.error]):
        sys.stderr.write(f"edlint: {e}\n")
    if fmt == "gitlab":  # Code Quality has no place for a note: say it on standard error
        for r in results:
            if r.skipped:
                sys.stderr.write(f"edlint: {r.path}: {r.skipped}\n")
    if results and all(r.error for r in results) and fmt in ("rich", "concise") and not output:
        return 2  # nothing was checked: a "0 findings" line would read as a pass
    if hidden:
        sys.stderr.write(f"edlint: {hidden} finding(s) hidden by the baseline {baseline}\n")
    if output and _is_checked_file(output, results):
        sys.stderr.write(f"edlint: --output {output}: is one of the articles being checked; not overwriting it\n")
        return 2
    if statistics:
        sys.stdout.write(statistics_text(results))
    elif fmt == "rich":
        from ..report.console import make_console, render

        if output:
            try:
                with open(output, "w", encoding="utf-8") as fh:
                    render(results, summary, make_console("never", file=fh, width=100), verbose=verbose)
            except OSError as exc:
                sys.stderr.write(f"edlint: {output}: cannot write report: {exc.strerror or exc}\n")
                return 2
            print_summary(summary, color)
        else:
            render(results, summary, make_console(color), verbose=verbose, quiet=quiet)
    else:
        mod = importlib.import_module(FORMATS[fmt])
        extra = {"rules": rules_for(runner, config)} if getattr(mod, "NEEDS_RULES", False) else {}
        if fmt == "concise":
            extra = {"color": _use_color(color, output), "quiet": quiet}
        text = mod.render(results, summary, **extra)
        if output:
            from edlint.io.atomic import write_file

            try:
                write_file(Path(output), text.encode("utf-8"))
            except OSError as exc:
                sys.stderr.write(f"edlint: {output}: cannot write report: {exc.strerror or exc}\n")
                return 2
            print_summary(summary, color)
        else:
            sys.stdout.write(text)
    if summary.errors:
        return 2
    return 1 if summary.failing and not exit_zero else 0


def _use_color(color: str, output) -> bool:
    """Colour for the plain-text formats: ``always``, or ``auto`` on a terminal without NO_COLOR."""
    if color == "always":
        return True
    if color == "never" or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def statistics_text(results) -> str:
    """``--statistics``: one line per rule, most frequent first: count, rule, severity, fixable mark."""
    from collections import Counter

    count: Counter = Counter()
    sev: dict[str, str] = {}
    fixable: set[str] = set()
    for r in results:
        for f in r.findings:
            count[f.rule] += 1
            sev[f.rule] = str(f.severity)
            if f.fix and f.fix.safe:
                fixable.add(f.rule)
    width = max((len(str(n)) for n in count.values()), default=1)
    rule_w = max((len(rid) for rid in count), default=0)
    lines = [
        f"{n:>{width}}  {rid:<{rule_w}}  {sev[rid]:<10}{'  [*] fixable' if rid in fixable else ''}".rstrip()
        for rid, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return "".join(ln + "\n" for ln in lines)


def _is_checked_file(output, results) -> bool:
    """Would writing the report to ``output`` replace an article of this run?"""
    try:
        out = os.stat(output)
    except OSError:
        return False
    for r in results:
        try:
            st = os.stat(r.path)
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            return True
    return False


def print_summary(summary, color: str) -> None:
    """With ``--output`` the report goes to the file; the terminal still says how it went (rich loads only here)."""
    from edlint.report.console import print_summary as to_stderr

    to_stderr(summary, color)
