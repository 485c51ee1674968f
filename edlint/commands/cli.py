"""The ``edlint`` command line: check, fix, baseline, rules, explain (and the kb helper).

Each subcommand is a small function that returns an exit code: 0 nothing at
or above the fail level, 1 findings, 2 usage, config or input errors.
Heavy modules (rich, rule families, textstat) are imported only by the
commands that use them, so one article in a pre-commit hook stays instant.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path


import typer

from edlint import __version__
from edlint.commands.options import parse_date as _parse_date

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="edlint: an editorial linter for news copy.",
)


class Format(str, Enum):
    auto = "auto"
    rich = "rich"
    json = "json"
    concise = "concise"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class FailOn(str, Enum):
    suggestion = "suggestion"
    warning = "warning"
    error = "error"


def _err(message: str) -> None:
    sys.stderr.write(f"edlint: {message}\n")


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [p for v in values for p in v.split(",") if p.strip()]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"edlint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True,
        help="Show the version.",
    ),
) -> None:
    """edlint: an editorial linter for news copy."""


PATHS = typer.Argument(None, help="Files or folders to check; '-' reads standard input.")
CONFIG = typer.Option(None, "--config", help="Use this edlint.toml (or pyproject.toml) for every file.")
DATE = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="Article date where the front matter has none.")
SELECT = typer.Option(None, "--select", help="Only these rules or families (comma-separated, repeatable).")
IGNORE = typer.Option(None, "--ignore", help="Skip these rules or families.")


NO_CACHE = typer.Option(False, "--no-cache", help="Neither read nor write the result cache.")
CACHE_DIR = typer.Option(None, "--cache-dir", help="Result cache folder (default: $EDLINT_CACHE_DIR or .edlint_cache).")
LANGUAGE = typer.Option(
    None, "--language", metavar="auto|en",
    help="auto: skip files that are not in English (the default, or the config's `language`); "
    "en: check every file as English.",
)
JOBS = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for big runs (default: every core).")


def _examples(*lines: str) -> str:
    """An "Examples" block for a command's --help, kept as written (no re-wrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {ln}" for ln in lines)


@app.command(epilog=_examples(
    "edlint check articles/",
    "edlint check story.md --date 2022-07-08 --format concise",
    "edlint check story.md --diff              # show what `edlint fix` would change",
    "edlint check . --changed-since origin/main   # only lines changed since a revision",
))
def check(
    paths: list[str] | None = PATHS,
    format: Format = typer.Option(
        Format.auto, "--format", "-f",
        help="Output format (auto: github in GitHub Actions, rich at a terminal, concise otherwise).",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o",
        help="Write the report to this file; the terminal gets the summary.",
    ),
    date: str | None = DATE,
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on",
        help="Lowest severity that makes the exit code 1 (default: warning).",
    ),
    config: Path | None = CONFIG,
    color: Color = typer.Option(Color.auto, "--color", help="Colour in the terminal report."),
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename",
        help="Name (and so type) for text read from '-'.",
    ),
    changed_since: str | None = typer.Option(
        None, "--changed-since", metavar="REV",
        help="Only findings on lines changed since git revision REV.",
    ),
    diff: bool = typer.Option(False, "--diff", help="Show what `edlint fix` would change, as a patch; write nothing."),
    unsafe_fixes: bool = typer.Option(
        False, "--unsafe-fixes",
        help="With --diff: include fixes an editor should confirm.",
    ),
    baseline: Path | None = typer.Option(None, "--baseline", help="Hide findings recorded in this baseline file."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list clean files and their figures."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the findings only: no summary."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even with findings (errors still exit 2)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print a count per rule instead of each finding."),
    no_cache: bool = NO_CACHE,
    cache_dir: Path | None = CACHE_DIR,
    jobs: int | None = JOBS,
    language: str | None = LANGUAGE,
) -> None:
    """Check articles and report findings."""
    from edlint.commands.check_args import call_check

    # The same call as the console script's own reader of `check` (edlint/commands/check_args.py).
    code = call_check(dict(
        paths=paths, format=format.value, output=output, date=_parse_date(date), select=select, ignore=ignore,
        fail_on=fail_on.value if fail_on else None, config=config, color=color.value, stdin_filename=stdin_filename,
        changed_since=changed_since, diff=diff, unsafe_fixes=unsafe_fixes, baseline=baseline, verbose=verbose,
        quiet=quiet, exit_zero=exit_zero, statistics=statistics, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs,
        language=_language(language),
    ))
    raise typer.Exit(code)


@app.command(epilog=_examples(
    "edlint fix story.md",
    "edlint fix articles/ --diff            # show the patch, write nothing",
    "edlint fix - < story.txt > fixed.txt   # standard input to standard output",
    "edlint fix story.md --unsafe-fixes",
))
def fix(
    paths: list[str] | None = PATHS,
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes an editor should confirm."),
    diff: bool = typer.Option(
        False, "--diff",
        help="Show a unified diff; write nothing (exit 1 if anything would change).",
    ),
    date: str | None = DATE,
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = CONFIG,
    color: Color = typer.Option(Color.auto, "--color", help="Colour the diff (auto: in a terminal)."),
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename",
        help="Name (and so type) for text read from '-'.",
    ),
    no_cache: bool = NO_CACHE,
    cache_dir: Path | None = CACHE_DIR,
    jobs: int | None = JOBS,
    language: str | None = LANGUAGE,
) -> None:
    """Apply fixes (safe ones unless --unsafe-fixes) to articles, atomically; '-' fixes standard input to
    standard output."""
    from edlint.commands.fix import run_fix

    raise typer.Exit(run_fix(
        paths or [], unsafe_fixes, diff, _parse_date(date), _split(select), _split(ignore), config,
        use_cache=not no_cache, cache_dir=cache_dir, jobs=jobs, color=color.value, stdin_filename=stdin_filename,
        language=_language(language),
    ))


def _language(value: str | None) -> str | None:
    if value is not None and value not in ("auto", "en"):
        raise typer.BadParameter(f"{value!r}: use auto or en (edlint checks English copy)", param_hint="--language")
    return value


baseline_app = typer.Typer(no_args_is_help=True, help="Record today's findings so checks report only new ones.")
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("write", epilog=_examples(
    "edlint baseline write articles/ --output edlint-baseline.json",
    "edlint check articles/ --baseline edlint-baseline.json",
))
def baseline_write(
    paths: list[str] | None = PATHS,
    output: Path = typer.Option(Path("edlint-baseline.json"), "--output", "-o", help="Baseline file to write."),
    date: str | None = DATE,
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = CONFIG,
    no_cache: bool = NO_CACHE,
    cache_dir: Path | None = CACHE_DIR,
    jobs: int | None = JOBS,
) -> None:
    """Record every current finding in PATHS; `edlint check --baseline FILE` then hides them."""
    from edlint.commands.baseline import run_baseline_write

    raise typer.Exit(run_baseline_write(
        paths or [], output, _parse_date(date), _split(select), _split(ignore), config,
        use_cache=not no_cache, cache_dir=cache_dir, jobs=jobs,
    ))


@app.command("rules", epilog=_examples(
    "edlint rules                 # the rules on for this folder's edlint.toml",
    "edlint rules --all           # every rule, proselint's included",
    "edlint rules --format json",
))
def rules_cmd(
    config: Path | None = CONFIG,
    all_rules: bool = typer.Option(False, "--all", help="Also list the off rules of opt-in families (proselint)."),
    enabled: bool = typer.Option(False, "--enabled", help="Only the rules that are on."),
    format: str = typer.Option("table", "--format", "-f", metavar="table|json", help="A table, or JSON for scripts."),
) -> None:
    """List the rules (as this folder's edlint.toml sets them): id, severity, on or off, fix safety."""
    from edlint.commands.rules import run_rules

    if format not in ("table", "json"):
        raise typer.BadParameter(f"{format!r}: use table or json", param_hint="--format")
    raise typer.Exit(run_rules(config, all_rules, format, enabled))


@app.command(epilog=_examples(
    "edlint explain spelling.inconsistent",
    "edlint explain spelling.inconsistent Kiev   # the rule's data about one word",
))
def explain(
    rule: str = typer.Argument(..., help="Rule id, e.g. spelling.inconsistent."),
    term: str | None = typer.Argument(None, help="A word the rule's data knows, e.g. Kiev: show its entry."),
    config: Path | None = CONFIG,
) -> None:
    """Show a rule's documentation (and, with TERM, the rule's data about it)."""
    from edlint.commands.rules import run_explain

    raise typer.Exit(run_explain(rule, config, term))


@app.command(epilog=_examples(
    "edlint stats articles/",
    "edlint stats story.md --json",
))
def stats(
    paths: list[str] | None = PATHS,
    config: Path | None = CONFIG,
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Readability figures per article (Flesch, grade, sentence length), with totals."""
    from edlint.commands.stats import run_stats

    raise typer.Exit(run_stats(paths or [], config, json_out))


@app.command(epilog=_examples(
    "edlint init                 # edlint.toml and .pre-commit-config.yaml here",
    "edlint init --schema        # and edlint.schema.json, for editors",
    "edlint init newsroom/",
))
def init(
    folder: Path = typer.Argument(Path("."), help="Where to write the files (default: here)."),
    schema: bool = typer.Option(False, "--schema", help="Also write edlint.schema.json and point edlint.toml at it."),
) -> None:
    """Write a commented edlint.toml for a newsroom and a pre-commit config (never overwrites)."""
    from edlint.commands.init import run_init

    raise typer.Exit(run_init(folder, schema))


@app.command()
def server() -> None:
    """Run the language server for editors on standard input and output (needs edlint[server])."""
    from edlint.server import (
        main as serve,  # pygls loads only here, never for the other commands
    )

    raise typer.Exit(serve())


def _register_optional() -> None:
    """Sub-apps that live with the features they serve."""
    from edlint.commands.archive import (
        app as archive_app,  # the dask extra is imported only when an archive runs
    )

    app.add_typer(archive_app, name="archive")
    try:
        from edlint.commands.kb import app as kb_app
    except ImportError:
        return
    app.add_typer(kb_app, name="kb", help="Ask the officeholder knowledge base.")


_register_optional()


from edlint.commands.check_args import Interrupted, guarded  # noqa: E402,F401  (Interrupted: for callers)


def run() -> None:  # the typer application, as the console script runs it (edlint.commands.entry)
    guarded(app)
