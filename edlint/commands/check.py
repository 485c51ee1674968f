"""``edlint check``: collect files, lint them (cache, pool), narrow (diff, baseline), report, exit code."""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from ..batch import BatchRunner, lint_files
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


def open_cache(enabled: bool, cache_dir: str | Path | None):
    """The result cache (and, beside it, parsed rule packs), or None with --no-cache."""
    from ..yamlsource import use_parse_cache

    if not enabled:
        use_parse_cache(None)
        return None
    from ..cache import ResultCache, default_cache_dir

    root = Path(cache_dir) if cache_dir else default_cache_dir()
    use_parse_cache(root / "packs")
    return ResultCache(root)


def lint_all(
    paths: list[str],
    options: RunOptions,
    stdin_filename: str | None = None,
    *,
    cache=None,
    jobs: int | None = None,
    progress=None,
    only=None,
    runner: Runner | None = None,
) -> tuple[list[FileResult], list[str], Runner]:
    """Lint every path; return results (in a stable order), run-level errors and the runner.

    ``only(path) -> bool`` narrows the files actually read (``--diff``: files
    with changes); ``cache`` is a ``ResultCache`` or None; ``jobs`` caps the
    worker processes (default: every core); ``progress`` is a ProgressBar's ``start``.
    """
    runner = runner or BatchRunner(options)
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
    files = [p for p in got.files if only is None or only(str(p))]
    found, _ = lint_files(runner, files, cache=cache, jobs=jobs, progress=progress)
    results.extend(found)
    return results, errors, runner


def _rules_for(runner: Runner, config) -> dict:
    """Rule metadata for formats that describe rules (SARIF): every rule of every configuration used.

    Builds registries, so only on demand; a warm cached run otherwise never does.
    """
    configs = list(getattr(runner, "configs_seen", lambda: [])())
    try:
        configs.append(runner.config_for(Path(config) if config else Path.cwd()))
    except (ConfigError, DataError):
        pass
    rules: dict = {}
    for cfg in configs:
        try:
            reg = runner.registry_for(cfg)
        except (ConfigError, DataError):
            continue
        for rid, cls in reg.rules.items():
            rules.setdefault(rid, cls.meta)
    return rules


def preflight(runner: Runner, paths: list[str], config) -> str | None:
    """A broken configuration or an unknown rule id, found before any file is read.

    Loads the configuration each path argument uses (cheap: TOML and a schema);
    with ``--select``/``--ignore`` also builds the registry to check the ids
    (a run without them never pays for that here). Returns the error line or None.
    """
    starts = [Path(config)] if config else sorted({Path.cwd() if p == "-" else Path(p) for p in paths}, key=str)
    opts = runner.options
    try:
        for start in starts:
            cfg = runner.config_for(start if start.exists() else Path.cwd())
            if opts.select or opts.ignore:
                runner.ruleset_for(runner.registry_for(cfg), cfg, None)
    except (ConfigError, DataError) as exc:
        return str(exc)
    return None


def unique(lines) -> list[str]:
    """Each error once: a broken config shared by a folder of articles is one problem, not fifty."""
    return list(dict.fromkeys(lines))


def run_check(
    paths, fmt, output, date, select, ignore, fail_on, config, color, stdin_filename,
    *, diff_base: str | None = None, baseline: Path | None = None, use_cache: bool = True,
    cache_dir: Path | None = None, jobs: int | None = None, language: str | None = None,
) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to check: give files, folders or '-' for standard input\n")
        return 2
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
        from ..baseline import Baseline, BaselineError

        try:
            base = Baseline(Path(baseline))
        except BaselineError as exc:
            sys.stderr.write(f"edlint: {exc}\n")
            return 2
    changed = None
    if diff_base:
        from ..gitdiff import GitError, changed_lines

        try:
            changed = changed_lines(diff_base)
        except GitError as exc:
            sys.stderr.write(f"edlint: --diff {diff_base}: {exc}\n")
            return 2
    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date,
                         language=language)
    runner = BatchRunner(options)
    problem = preflight(runner, paths, config)
    if problem:
        sys.stderr.write(f"edlint: {problem}\n")
        return 2
    from ..report.progress import ProgressBar

    with ProgressBar() as bar:
        results, errors, runner = lint_all(
            paths, options, stdin_filename, cache=open_cache(use_cache, cache_dir), jobs=jobs,
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
    if fmt == "rich":
        from ..report.console import make_console, render

        if output:
            with open(output, "w", encoding="utf-8") as fh:
                render(results, summary, make_console("never", file=fh, width=100))
            _print_summary(summary, color)
        else:
            render(results, summary, make_console(color))
    else:
        mod = importlib.import_module(FORMATS[fmt])
        extra = {"rules": _rules_for(runner, config)} if getattr(mod, "NEEDS_RULES", False) else {}
        text = mod.render(results, summary, **extra)
        if output:
            from ..fix import write_bytes_atomic

            try:
                write_bytes_atomic(Path(output), text.encode("utf-8"), keep_mode=Path(output).exists())
            except OSError as exc:
                sys.stderr.write(f"edlint: {output}: cannot write report: {exc.strerror or exc}\n")
                return 2
            _print_summary(summary, color)
        else:
            sys.stdout.write(text)
    if summary.errors:
        return 2
    return 1 if summary.failing else 0


def _print_summary(summary, color: str) -> None:
    """With ``--output`` the report goes to the file; the terminal still says how it went."""
    from ..report.console import make_console, summary_line

    make_console(color, file=sys.stderr).print(summary_line(summary))
