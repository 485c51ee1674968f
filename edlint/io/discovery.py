"""Which files a run checks: explicit paths, directories walked for articles, ``.gitignore`` and excludes."""
from __future__ import annotations

import os
from pathlib import Path
from edlint.records import Record

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".edlint_cache"}


class Collected(Record):
    """What the command line's paths name: files to check, one error per path that names none, and stdin."""

    _fields = ("files", "errors", "stdin")

    def __init__(
        self,
        files: list[Path] | None = None,
        errors: list[tuple[str, str]] | None = None,
        stdin: bool = False,
    ) -> None:
        self.files = [] if files is None else files
        self.errors = [] if errors is None else errors  # (path, message)
        self.stdin = stdin


def _gitignore_spec(folder: Path):
    """The folder's own ``.gitignore`` as patterns, or None (an unreadable one ignores nothing)."""
    gi = folder / ".gitignore"
    if not gi.is_file():
        return None
    import pathspec

    try:
        lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.PathSpec.from_lines("gitwildmatch", lines)


def walk_articles(root: Path) -> list[Path]:
    """Articles under a folder, honouring every ``.gitignore`` on the way down, in a stable order."""
    out: list[Path] = []
    specs: list[tuple[Path, object]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        spec = _gitignore_spec(here)
        specs = [(b, s) for b, s in specs if here == b or b in here.parents]
        if spec is not None:
            specs.append((here, spec))
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not _ignored(specs, here / d, True))
        for name in sorted(filenames):
            if name.lower().endswith(ARTICLE_SUFFIXES):
                p = here / name
                if not _ignored(specs, p, False):
                    out.append(p)
    return out


def _ignored(specs: list[tuple[Path, object]], p: Path, is_dir: bool) -> bool:
    """Whether a ``.gitignore`` of a folder above ``p`` (each matched relative to its own folder) ignores it."""
    for base, sp in specs:
        rel = p.relative_to(base).as_posix() + ("/" if is_dir else "")
        if sp.match_file(rel):  # type: ignore[attr-defined]
            return True
    return False


def collect(paths: list[str]) -> Collected:
    """The files the arguments name, in order; a path naming nothing is an error line, not the end of the run."""
    got = Collected()
    for arg in paths:
        if arg == "-":
            got.stdin = True
            continue
        p = Path(arg)
        if p.is_dir():
            found = walk_articles(p)
            if not found:
                got.errors.append((arg, f"no articles ({', '.join(ARTICLE_SUFFIXES)}) found in this directory"))
            got.files.extend(found)
        elif p.exists() or p.is_symlink():
            got.files.append(p)
        else:
            got.errors.append((arg, "no such file or directory"))
    return got
