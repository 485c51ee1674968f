"""The console script's entry point: ``edlint check`` starts without the command-line library.

``edlint check ...`` with a plain, valid command line is read by
``check_args.parse_check`` and run at once; every other command line (other
commands, help, anything typer must judge) goes to the typer application
(``edlint.commands.cli``). Both end in the same ``call_check``. Importing
typer and building the application costs more than checking one article,
which is what a pre-commit hook does.
"""
from __future__ import annotations

import sys

from edlint.commands.check_args import call_check, fast_check, guarded
from edlint.run import collector


def run() -> None:  # console-script entry point
    try:
        values = fast_check(sys.argv)
        if values is None:
            from edlint.commands.cli import run as full

            full()
            return
        collector.pause()  # on again once the rules are loaded (edlint.run.collector says why)
        guarded(lambda: sys.exit(_checked(values)))
    finally:
        collector.at_exit()


def _checked(values: dict) -> int:
    """``call_check`` as the typer application would end it (a closed pipe, end of input, Ctrl-C)."""
    import errno

    try:
        return call_check(values)
    except EOFError:
        sys.stderr.write("\nAborted!\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = _Pacified(sys.stdout)  # type: ignore[assignment]
        sys.stderr = _Pacified(sys.stderr)  # type: ignore[assignment]
        return 1


class _Pacified:
    """A stream whose flush ignores a closed pipe, as click's PacifyFlushWrapper (no message at exit)."""

    def __init__(self, wrapped):
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr):
        return getattr(self.wrapped, attr)
