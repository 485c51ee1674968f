"""Library entry points: lint text or files without the command line.

``lint_text`` is a convenience over ``edlint.Linter``: it finds the
configuration the command line would use for ``path`` and keeps a few
Linters for the settings it has seen, so calling it in a loop does not
rebuild the rules for every article. Code that checks many texts should
make one ``Linter`` itself (docs/library.md).
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from pathlib import Path

from edlint.core.findings import FileResult, Finding
from edlint.run.linter import FixResult, Linter, LintError
from edlint.run.runner import Runner, RunOptions

__all__ = ["Linter", "FixResult", "LintError", "lint_text", "lint_paths"]


@lru_cache(maxsize=16)
def _linter(config: str | None, stamp: tuple, select: tuple | None, ignore: tuple | None) -> Linter:
    # ``stamp`` (the file's mtime and size) is part of the key so an edited config is read again.
    return Linter(config, select=list(select) if select else None, ignore=list(ignore) if ignore else None)


def _stamp(config: str | None) -> tuple:
    if config is None:
        return ()
    try:
        st = Path(config).stat()
    except OSError:
        return ()
    return (st.st_mtime_ns, st.st_size)


def lint_text(
    text: str,
    path: str = "<text>",
    date: _dt.date | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: str | Path | None = None,
) -> list[Finding]:
    """Lint one article given as a string; ``path`` decides Markdown or plain text.

    Without ``config`` the configuration is the one found from ``path``'s
    folder (the current folder for ``<text>``) upwards, as on the command line.
    """
    from edlint.io.config import find_config

    if config is None:
        found = find_config(Path(path) if path != "<text>" else Path.cwd())
        config = str(found) if found else None
    else:
        config = str(config)
    linter = _linter(config, _stamp(config), tuple(select) if select else None, tuple(ignore) if ignore else None)
    try:
        return linter.check_text(text, path=path, date=date)
    except LintError as exc:
        raise ValueError(str(exc)) from None


def lint_paths(paths: list[str], **options) -> list[FileResult]:
    """Lint files and folders as ``edlint check`` would; ``options`` are ``RunOptions`` fields."""
    results, _errors = Runner(RunOptions(**options)).lint_paths(paths)
    return results
