"""A progress bar on standard error for long runs at a terminal (never in logs or pipes).

Shown only when standard error is a terminal and the run has enough files
to lint that waiting is noticeable; transient, so it leaves nothing behind
in the scrollback once the report is printed. It redraws only when work is
reported done, never from a background thread: the worker pool forks, and a
thread holding the console's lock at that moment would leave the lock held
forever in the child.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

MIN_FILES = 200


class ProgressBar:
    """A context manager around a run: ``start`` returns the callback workers report done files through."""

    def __init__(self, enabled: bool | None = None, min_files: int = MIN_FILES):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.min_files = min_files
        self._progress = None

    def start(self, total: int) -> Callable[[int], None] | None:
        """The bar for ``total`` files, as an ``advance(n)`` callback; None when no bar is shown."""
        if not self.enabled or total < self.min_files:
            return None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True, auto_refresh=False,
        )
        self._progress.start()
        task = self._progress.add_task("check", total=total)
        progress = self._progress

        def advance(n: int) -> None:
            progress.advance(task, n)
            progress.refresh()

        return advance

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
