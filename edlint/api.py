"""Library entry points: lint text or files without the command line."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .model import Finding
from .runner import FileResult, RunOptions, Runner
from .source import SourceFile


def lint_text(
    text: str,
    path: str = "<text>",
    date: _dt.date | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: str | Path | None = None,
) -> list[Finding]:
    """Lint one article given as a string; ``path`` decides Markdown or plain text."""
    runner = Runner(RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date))
    res = runner.lint_source(SourceFile(path=path, text=text), Path(path) if config is None and path != "<text>" else None)
    if res.error:
        raise ValueError(res.error)
    return res.findings


def lint_paths(paths: list[str], **options) -> list[FileResult]:
    from .commands.check import lint_all

    results, errors, _ = lint_all(paths, RunOptions(**options))
    return results
