"""``edlint check``: collect files, lint them, report, and choose the exit code."""
from __future__ import annotations

import datetime as _dt
import importlib
import os
import sys
from pathlib import Path

from ..config import ConfigError
from ..files import collect
from ..model import Severity
from ..report import FORMATS, summarise
from ..runner import FileResult, RunOptions, Runner
from ..source import InputError, read_stdin
from ..yamlsource import DataError


def auto_format() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS:
        return "github"
    return "rich" if sys.stdout.isatty() else "concise"


def lint_all(paths: list[str], options: RunOptions, stdin_filename: str | None = None) -> tuple[list[FileResult], list[str], Runner]:
    """Lint every path; return results (in a stable order), run-level errors and the runner."""
    runner = Runner(options)
    got = collect(paths)
    errors = [f"{p}: {m}" for p, m in got.errors]
    results: list[FileResult] = []
    if got.stdin:
        name = stdin_filename or "<stdin>"
        try:
            src = read_stdin(name)
            results.append(runner.lint_source(src, Path(stdin_filename) if stdin_filename else None))
        except InputError as exc:
            results.append(FileResult(path=name, error=str(exc)))
    for path in got.files:
        try:
            cfg = runner.config_for(path)
        except (ConfigError, DataError) as exc:
            results.append(FileResult(path=str(path), error=str(exc)))
            continue
        if cfg.is_excluded(str(path)):
            continue
        results.append(runner.lint_path(path))
    return results, errors, runner


def run_check(paths, fmt, output, date, select, ignore, fail_on, config, color, stdin_filename) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to check: give files, folders or '-' for standard input\n")
        return 2
    if config is not None and not Path(config).is_file():
        sys.stderr.write(f"edlint: {config}: config file not found\n")
        return 2
    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date)
    results, errors, runner = lint_all(paths, options, stdin_filename)
    try:
        cfg_fail = runner.config_for(Path(config) if config else Path.cwd()).fail_on if not fail_on else None
    except (ConfigError, DataError):
        cfg_fail = None
    threshold = Severity.parse(fail_on) if fail_on else (cfg_fail or Severity.WARNING)
    summary = summarise(results, threshold)
    summary.errors += len(errors)
    for e in errors + [r.error for r in results if r.error]:
        sys.stderr.write(f"edlint: {e}\n")
    if fmt == "auto":
        fmt = auto_format()
    if fmt not in FORMATS:
        sys.stderr.write(f"edlint: output format {fmt!r} is not available in this build\n")
        return 2
    if fmt == "rich":
        from ..report.console import make_console, render

        if output:
            with open(output, "w", encoding="utf-8") as fh:
                render(results, summary, make_console("never", file=fh, width=100))
        else:
            render(results, summary, make_console(color))
    else:
        mod = importlib.import_module(FORMATS[fmt])
        text = mod.render(results, summary)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            from ..report.console import make_console, summary_line

            make_console(color, file=sys.stderr).print(summary_line(summary))
        else:
            sys.stdout.write(text)
    if summary.errors:
        return 2
    return 1 if summary.failing else 0
