"""What every script that writes a file shipped in the package does: write it, or with ``--check`` say it is stale.

The test suite runs each such script with ``--check``, so a pack edited without
regenerating its derived file fails there, naming the command to run.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def write_or_check(out: Path, want: str, argv: list[str], script: str, summary: str,
                   same: Callable[[str, str], bool] = str.__eq__) -> int:
    """Write ``want`` to ``out`` (printing ``summary``), or with ``--check`` compare; the exit code."""
    if "--check" in argv:
        have = out.read_text(encoding="utf-8") if out.exists() else ""
        if not same(have, want):
            print(f"{out.relative_to(REPO)} is out of date: run python scripts/{script}")
            return 1
        return 0
    out.write_text(want, encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)} ({summary})")
    return 0
