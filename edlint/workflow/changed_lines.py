"""Which lines changed since a git revision: what a pull-request check should report on.

A repository of years of articles has old findings nobody will fix in this
pull request; ``edlint check --changed-since REV`` reports only findings on lines
added or changed since BASE. The comparison is against the merge base of
BASE and HEAD (what a pull request's diff shows), taken with the working
tree, so uncommitted edits count and changes that only landed on BASE do
not. Files git does not track yet count as entirely new.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from edlint.document.lazyre import lazy

_HUNK = lazy(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    pass


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=str(cwd), capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {' '.join(args)} failed")
    return proc.stdout.decode("utf-8", "surrogateescape")


_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual file names (``"caf\\303\\251 \\"x\\".txt"``)."""
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    body = name[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            octal = body[i + 1 : i + 4]
            if len(octal) == 3 and all(ch in "01234567" for ch in octal):
                out.append(int(octal, 8))
                i += 4
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
        out += c.encode("utf-8", "surrogateescape")
        i += 1
    return out.decode("utf-8", "surrogateescape")


class ChangedLines:
    """Changed line numbers per file (by real path); ``None`` means the whole file is new."""

    def __init__(self, files: dict[str, set[int] | None]):
        self.files = files

    @staticmethod
    def _key(path: str) -> str:
        return os.path.realpath(path)

    def touches(self, path: str) -> bool:
        return self._key(path) in self.files

    def covers(self, path: str, first: int, last: int) -> bool:
        lines = self.files.get(self._key(path), set())
        if lines is None:
            return True
        return any(n in lines for n in range(first, max(first, last) + 1))


def changed_lines(base: str, cwd: Path | None = None) -> ChangedLines:
    cwd = Path(cwd or Path.cwd())
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        against = _git(["merge-base", base, "HEAD"], top).strip()
    except GitError:
        _git(["rev-parse", "--verify", "--quiet", base + "^{commit}"], top)  # a clear error for a bad name
        against = base
    out = _git(["diff", "--no-color", "--no-ext-diff", "-U0", "-M", against, "--"], top)
    files: dict[str, set[int] | None] = {}
    current: set[int] | None = None
    for line in out.splitlines():
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")  # git ends names containing spaces with a tab
            if name == "/dev/null":
                current = None
                continue
            name = _unquote(name)
            if name.startswith("b/"):
                name = name[2:]
            current = files.setdefault(os.path.realpath(top / name), set())
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
            current.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            files[os.path.realpath(top / name)] = None
    return ChangedLines(files)
