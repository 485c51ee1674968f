"""Check files end to end: find their config, read them, hand each to its configuration's Linter.

The ``Runner`` owns the configuration lookup, the reading and the results;
the checking of a document belongs to the ``Linter`` it keeps for each
distinct configuration (``edlint.run.linter``), the same object a library user
checks texts with. Each file is independent: a bad file becomes a ``FileResult`` with an
``error`` and the run goes on. The functions here are plain and picklable so
a process pool can run them on many cores.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from edlint.core.findings import FileResult
from edlint.io.articles import InputError, SourceFile, read_source
from edlint.io.config import Config, ConfigError, find_config, load_config
from edlint.io.datafiles import DataError

if TYPE_CHECKING:
    from edlint.core.registry import Registry, RuleSet
    from edlint.run.linter import Linter, Shared


@dataclass
class RunOptions:
    config_path: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    date: _dt.date | None = None
    keep_text: bool = True
    language: str | None = None  # "auto" (detect; skip what is not English) or "en"; None: the config's


class Runner:
    """Finds each file's configuration and keeps one Linter per configuration for one run."""

    def __init__(self, options: RunOptions):
        self.options = options
        self._configs: dict[str | None, Config] = {}
        self._found: dict[Path, str | None] = {}
        self._linters: dict[int, Linter] = {}
        self._shared: Shared | None = None

    # A runner sent to a process that was not forked from this one (a "spawn" platform) travels
    # as its settings and configurations; Linters, rule sets and services are loaded again there.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.update(_linters={}, _shared=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    # ------------------------------------------------------------ config
    def config_for(self, path: Path | None) -> Config:
        if self.options.config_path:
            key: str | None = self.options.config_path
        else:
            # One search per folder, not per file: an archive holds thousands of files per folder.
            start = path if path is not None else Path.cwd()
            folder = start if start.is_dir() else start.parent
            if folder not in self._found:
                found = find_config(folder)
                self._found[folder] = str(found) if found else None
            key = self._found[folder]
        if key not in self._configs:
            self._configs[key] = load_config(Path(key) if key else None)
        return self._configs[key]

    def linter_for(self, config: Config) -> Linter:
        """The Linter that checks every file under ``config`` in this run (made on first use)."""
        linter = self._linters.get(id(config))
        if linter is None:
            from edlint.run.linter import Linter, Shared

            if self._shared is None:
                self._shared = Shared()
            opts = self.options
            linter = Linter(config, select=opts.select, ignore=opts.ignore, language=opts.language,
                            shared=self._shared)
            self._linters[id(config)] = linter  # the Linter keeps ``config`` alive, so its id stays unique
        return linter

    def registry_for(self, config: Config) -> Registry:
        return self.linter_for(config).registry

    def ruleset_for(self, registry: Registry, config: Config, path: Path | None) -> RuleSet:
        """The rules for one file (``registry`` is the one ``registry_for(config)`` gave)."""
        return self.linter_for(config).ruleset_for(path)

    # ------------------------------------------------------------ checking
    def lint_source(
        self, src: SourceFile, path_for_config: Path | None = None, *,
        date: _dt.date | None = None, kind: str | None = None,
    ) -> FileResult:
        """Check one decoded article; ``date`` and ``kind`` override the run's for this text only."""
        try:
            config = self.config_for(path_for_config)
        except (ConfigError, DataError, InputError) as exc:
            return FileResult(path=src.path, had_bom=src.had_bom, error=str(exc))
        return self.linter_for(config).check_source(
            src, path_for_config, date=date if date is not None else self.options.date, kind=kind,
            keep_text=self.options.keep_text,
        )

    def lint_path(self, path: Path) -> FileResult:
        try:
            src = read_source(path, str(path))
        except InputError as exc:
            return FileResult(path=str(path), error=str(exc))
        return self.lint_source(src, path)

