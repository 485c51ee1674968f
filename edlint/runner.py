"""Check files end to end: find their config, read them, build documents, run the rules.

Each file is independent: a bad file becomes a ``FileResult`` with an
``error`` and the run goes on. The functions here are plain and picklable so
a process pool can run them on many cores.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config, ConfigError, find_config, load_config
from .document import build_document
from .engine import RuleCrash, Services, lint_document
from .model import Finding
from .registry import Registry, RuleSet, build_registry, resolve, unused_opt_in_families
from .source import InputError, SourceFile, read_source
from .yamlsource import DataError


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    date: str | None = None
    date_source: str = ""
    error: str | None = None  # one line: "path[:line]: message"
    text: str | None = None  # kept for the rich report's code frames and for fixes
    had_bom: bool = False
    skipped: str | None = None  # why no rule ran, e.g. "skipped: not English (detected: ru)"


@dataclass
class RunOptions:
    config_path: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    date: _dt.date | None = None
    keep_text: bool = True
    language: str | None = None  # "auto" (detect; skip what is not English) or "en"; None: the config's


class Runner:
    """Caches configs, registries and rule sets for one run."""

    def __init__(self, options: RunOptions):
        self.options = options
        self._configs: dict[str | None, Config] = {}
        self._found: dict[Path, str | None] = {}
        self._flat: dict[tuple, RuleSet] = {}
        self._registries: dict[tuple, Registry] = {}
        self._rulesets: dict = {}
        self.services = Services()

    # A runner sent to a process that was not forked from this one (a "spawn" platform) travels
    # as its settings and configurations; rule sets and services are loaded again there.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.update(_flat={}, _registries={}, _rulesets={}, services=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.services = Services()

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

    def registry_for(self, config: Config) -> Registry:
        skip = unused_opt_in_families(config, self.options.select)
        key = (tuple(str(d) for d in config.rule_dirs), skip)
        if key not in self._registries:
            self._registries[key] = build_registry(config.rule_dirs, skip)
        return self._registries[key]

    def ruleset_for(self, registry: Registry, config: Config, path: Path | None) -> RuleSet:
        """The rules for one file; one set for every file when no override names paths."""
        if any(layer.paths is not None for layer in config.layers):
            return resolve(registry, config, str(path) if path else None,
                           self.options.select, self.options.ignore, self._rulesets)
        key = (id(registry), id(config))
        if key not in self._flat:
            self._flat[key] = resolve(registry, config, None, self.options.select, self.options.ignore, self._rulesets)
        return self._flat[key]

    # ------------------------------------------------------------ checking
    def lint_source(
        self, src: SourceFile, path_for_config: Path | None = None, *,
        date: _dt.date | None = None, kind: str | None = None,
    ) -> FileResult:
        """Check one decoded article; ``date`` and ``kind`` override the run's for this text only."""
        res = FileResult(path=src.path, had_bom=src.had_bom)
        date = date if date is not None else self.options.date
        try:
            config = self.config_for(path_for_config)
            registry = self.registry_for(config)
            ruleset = self.ruleset_for(registry, config, path_for_config)
            doc = build_document(src.text, src.path, kind=kind, default_date=date)
            res.skipped = _language_skip(doc, self.options.language or config.language)
            if res.skipped:
                if self.options.keep_text:
                    res.text = src.text
                return res
            result = lint_document(doc, ruleset, self.services, str(config.root), date)
        except (ConfigError, DataError, InputError, RuleCrash) as exc:
            res.error = str(exc)
            return res
        res.findings = result.findings
        res.figures = result.figures
        res.date = doc.date.isoformat() if doc.date else None
        res.date_source = doc.date_source
        if self.options.keep_text:
            res.text = src.text
        return res

    def lint_path(self, path: Path) -> FileResult:
        try:
            src = read_source(path, str(path))
        except InputError as exc:
            return FileResult(path=str(path), error=str(exc))
        return self.lint_source(src, path)


def _language_skip(doc, language: str) -> str | None:
    """The note for a file not in English (its rules would only say nonsense), or None to check it."""
    if language != "auto":
        return None
    from .language import detect, skip_note

    found = detect(doc.prose)
    return skip_note(found) if found else None
