"""Reading an ``edlint check`` command line without the command-line library, and running it.

A pre-commit hook runs ``edlint check FILE`` on one article, and the
command-line library (typer, with click) costs more to import than checking
the article does. ``parse_check`` reads a ``check`` command line with the
option table below, and ``call_check`` is the one call of ``run_check`` that
both readers use: the typer command (``edlint.commands.cli.check``) and the
console script's fast path (``edlint.commands.entry``). Only a plain, valid
command line is read here: help, an unknown or malformed option, a value
typer would refuse, anything this reader is not sure of is left to typer,
which then answers exactly as it always does (its messages, its exit codes).

``CHECK_OPTIONS`` must list the options of ``edlint.commands.cli.check``
exactly: tests/test_entry.py compares the two, and runs command lines
through both readers to compare what reaches ``run_check``. The signal
handling every command shares (``guarded``) lives here too, so the fast
path and typer's path stop the same way on Ctrl-C.
"""
from __future__ import annotations

import os
import sys

# Option name -> (parameter of edlint.cli.check, kind). Kinds: "flag"; "str"; "multi" (repeatable);
# "path" (a pathlib.Path; an existing path must be readable, as typer requires); "jobs" (an integer >= 1);
# or a tuple of the accepted choices.
FORMATS = ("auto", "rich", "json", "concise", "sarif", "github", "junit", "gitlab")
CHECK_OPTIONS: dict[str, tuple[str, object]] = {
    "--format": ("format", FORMATS), "-f": ("format", FORMATS),
    "--output": ("output", "path"), "-o": ("output", "path"),
    "--date": ("date", "str"),
    "--select": ("select", "multi"),
    "--ignore": ("ignore", "multi"),
    "--fail-on": ("fail_on", ("suggestion", "warning", "error")),
    "--config": ("config", "path"),
    "--color": ("color", ("auto", "always", "never")),
    "--stdin-filename": ("stdin_filename", "str"),
    "--changed-since": ("changed_since", "str"),
    "--diff": ("diff", "flag"),
    "--unsafe-fixes": ("unsafe_fixes", "flag"),
    "--baseline": ("baseline", "path"),
    "--verbose": ("verbose", "flag"), "-v": ("verbose", "flag"),
    "--quiet": ("quiet", "flag"), "-q": ("quiet", "flag"),
    "--exit-zero": ("exit_zero", "flag"),
    "--statistics": ("statistics", "flag"),
    "--no-cache": ("no_cache", "flag"),
    "--cache-dir": ("cache_dir", "path"),
    "--jobs": ("jobs", "jobs"), "-j": ("jobs", "jobs"),
    "--language": ("language", "str"),
}
# What typer passes for an option not given.
CHECK_DEFAULTS: dict[str, object] = {
    "paths": None, "format": "auto", "output": None, "date": None, "select": None, "ignore": None,
    "fail_on": None, "config": None, "color": "auto", "stdin_filename": None, "changed_since": None,
    "diff": False, "unsafe_fixes": False, "baseline": None, "verbose": False, "quiet": False,
    "exit_zero": False, "statistics": False, "no_cache": False, "cache_dir": None, "jobs": None, "language": None,
}


class _NotSure(Exception):
    """This command line is for the typer application to read."""


def parse_check(args: list[str]) -> dict | None:
    """The values of ``edlint check ARGS`` as typer would pass them, or None when typer must read them."""
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None  # a shell-completion request
    values = dict(CHECK_DEFAULTS)
    paths: list[str] = []
    i, n = 0, len(args)
    try:
        while i < n:
            arg = args[i]
            i += 1
            if arg == "--":
                paths += args[i:]
                break
            if not arg.startswith("-") or arg == "-":
                paths.append(arg)
                continue
            name, eq, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
            if name not in CHECK_OPTIONS:
                raise _NotSure
            param, kind = CHECK_OPTIONS[name]
            if kind == "flag":
                if eq:
                    raise _NotSure
                values[param] = True
                continue
            if not eq:
                if i >= n or (args[i].startswith("-") and args[i] != "-"):
                    raise _NotSure  # no value, or one that reads as an option: typer decides
                attached = args[i]
                i += 1
            _store(values, param, kind, attached)
    except _NotSure:
        return None
    values["paths"] = paths or None
    return values


def _store(values: dict, param: str, kind: object, value: str) -> None:
    if kind == "multi":
        values[param] = (values[param] or []) + [value]
    elif kind == "str":
        values[param] = value
    elif kind == "path":
        values[param] = _path(value)
    elif kind == "jobs":
        if not (value.isascii() and value.isdigit()) or int(value) < 1:
            raise _NotSure
        values[param] = int(value)
    elif value in kind:  # type: ignore[operator]
        values[param] = value
    else:
        raise _NotSure


def _path(value: str):
    """A path option as typer gives it: an existing path must be readable, else typer says so."""
    from pathlib import Path

    if os.path.exists(value) and not os.access(value, os.R_OK):
        raise _NotSure
    return Path(value)


def valid_date(value: str | None):
    """``--date``: a date, or None; ValueError for anything that is not YYYY-MM-DD."""
    import datetime as _dt

    return None if value is None else _dt.date.fromisoformat(value)


def call_check(v: dict) -> int:
    """``edlint check`` with the values typer (or ``parse_check``) read; the exit code.

    ``v["date"]`` is already a date and ``v["language"]`` already checked (the readers report bad ones).
    """
    from edlint.commands.check import run_check

    return run_check(
        v["paths"] or [], v["format"], v["output"], v["date"], _split(v["select"]), _split(v["ignore"]),
        v["fail_on"], v["config"], v["color"], v["stdin_filename"],
        diff_base=v["changed_since"], baseline=v["baseline"], use_cache=not v["no_cache"], cache_dir=v["cache_dir"],
        jobs=v["jobs"], show_diff=v["diff"], unsafe_fixes=v["unsafe_fixes"], verbose=v["verbose"],
        quiet=v["quiet"], exit_zero=v["exit_zero"], statistics=v["statistics"], language=v["language"],
    )


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [p for v in values for p in v.split(",") if p.strip()]


def fast_check(argv: list[str]) -> dict | None:
    """The values for the fast path, or None: not ``check``, or anything typer must judge."""
    if len(argv) < 2 or argv[1] != "check" or any(a in ("-h", "--help") for a in argv[2:]):
        return None
    values = parse_check(argv[2:])
    if values is None or values["language"] not in (None, "auto", "en"):
        return None
    try:
        values["date"] = valid_date(values["date"])  # type: ignore[arg-type]
    except ValueError:
        return None
    return values


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM. Not a KeyboardInterrupt, which the command-line library would swallow
    silently: this one unwinds every ``finally`` (temporary files removed, workers killed) up to
    ``run``, which says so and exits 128 + the signal number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum, frame) -> None:
    raise Interrupted(signum)


def _err(message: str) -> None:
    sys.stderr.write(f"edlint: {message}\n")


def old_diff_spelling(argv: list[str]) -> str | None:
    """``check --diff=REV`` (the old changed-lines filter): the hint, or None."""
    if len(argv) > 1 and argv[1] == "check":
        for arg in argv[2:]:
            if arg.startswith("--diff="):
                rev = arg.split("=", 1)[1]
                return (f"--diff no longer takes a revision: it shows what `edlint fix` would change. "
                        f"To check only lines changed since {rev}, use --changed-since {rev}")
    return None




def guarded(main) -> None:
    """Run ``main()`` as the console script does: the old ``--diff=REV`` hint, and Ctrl-C or SIGTERM
    ending the run with "interrupted" and exit 128 + the signal number."""
    import signal

    hint = old_diff_spelling(sys.argv)
    if hint:
        _err(hint)
        sys.exit(2)
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:  # a job started with Ctrl-C ignored keeps it so
            signal.signal(sig, _on_signal)
    try:
        main()
    except Interrupted as exc:
        _err("interrupted")
        sys.exit(128 + exc.signum)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
