"""The Linter for each document's configuration, reloaded when its files change.

A document is checked with the configuration ``edlint check`` would find for
its path (``find_config``: the nearest ``edlint.toml``, ``.edlint.toml`` or
``pyproject.toml`` with ``[tool.edlint]``). One ``Linter`` per configuration
file stays loaded for the life of the server, so the rule families and the
knowledge base are built once. Each lookup compares a cheap stamp (size and
modification time of the configuration file, of every file in its
``rule_dirs`` and of the data files its rules name): when any changed, the
Linter is built again. A configuration that cannot be loaded is kept as its
error, so the editor is told once, not on every keystroke.
"""
from __future__ import annotations

import os
from pathlib import Path

from edlint.io.config import find_config
from edlint.io.errors import InputError
from edlint.run.linter import Linter
from edlint.records import Record


class Loaded(Record):
    """A configuration's Linter, or the one-line reason it could not be built."""

    _fields = ("key", "stamp", "linter", "error")

    def __init__(
        self,
        key: str | None,
        stamp: tuple,
        linter: Linter | None = None,
        error: str | None = None,
    ) -> None:
        self.key = key  # the configuration file, None for the built-in defaults
        self.stamp = stamp
        self.linter = linter
        self.error = error


def _stat(path: Path) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), st.st_size, st.st_mtime_ns)


def _house_files(linter: Linter | None) -> list[Path]:
    """Rule folders' files and data files the configuration names (their changes reload it)."""
    if linter is None:
        return []
    config = linter.config
    out: list[Path] = list(config.data_files())
    for folder in config.rule_dirs:
        try:
            out.extend(sorted(p for p in Path(folder).rglob("*") if p.is_file()))
        except OSError:
            out.append(Path(folder))
    return out


class Configs:
    """Finds, loads, caches and reloads the configuration for document paths."""

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None):
        self.select = select
        self.ignore = ignore
        self._loaded: dict[str | None, Loaded] = {}
        self._house: dict[str | None, list[Path]] = {}

    def key_for(self, path: str | None) -> str | None:
        found = find_config(Path.cwd() if path is None else Path(path))
        return str(found) if found else None

    def _stamp(self, key: str | None) -> tuple:
        if key is None:
            return ()
        return (_stat(Path(key)),) + tuple(_stat(p) for p in self._house.get(key, []))

    def get(self, path: str | None) -> Loaded:
        """The loaded configuration for a document at ``path`` (reloaded if its files changed)."""
        key = self.key_for(path)
        stamp = self._stamp(key)
        have = self._loaded.get(key)
        if have is not None and have.stamp == stamp:
            return have
        loaded = self._load(key)
        self._loaded[key] = loaded
        return loaded

    def _load(self, key: str | None) -> Loaded:
        """Build the configuration's Linter now; a broken configuration becomes its one-line error."""
        try:
            linter = Linter(Path(key) if key else None, select=self.select, ignore=self.ignore)
            self._house[key] = _house_files(linter)
            _ = linter.registry  # load the rules now: broken house rules show up here, not per keystroke
        except (InputError, OSError, ValueError) as exc:
            return Loaded(key, self._stamp(key), error=str(exc))
        return Loaded(key, self._stamp(key), linter=linter)
