"""Checking a set of files: find configs once per folder, use the cache, fan out to the pool.

``Runner`` checks one file; this module is what turns it into a run over a
repository: config lookup memoised per folder (thousands of articles share a
handful of folders), each file read once and keyed for the cache, only the
misses linted (in parallel when there are many), new results stored. A warm
run never builds a rule registry, so it never imports a rule family.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .cache import ResultCache
from .config import Config, ConfigError, find_config, load_config
from .runner import FileResult, RunOptions, Runner
from .source import InputError, SourceFile, read_source
from .yamlsource import DataError


class BatchRunner(Runner):
    """A Runner whose config lookup is memoised per folder."""

    def __init__(self, options: RunOptions):
        super().__init__(options)
        self._by_dir: dict[str, str | None] = {}

    def config_for(self, path: Path | None) -> Config:
        if self.options.config_path or path is None:
            return super().config_for(path)
        folder = str(path if path.is_dir() else path.parent)
        if folder not in self._by_dir:
            found = find_config(Path(folder))
            self._by_dir[folder] = str(found) if found else None
        key = self._by_dir[folder]
        if key not in self._configs:
            self._configs[key] = load_config(Path(key) if key else None)
        return self._configs[key]

    def configs_seen(self) -> list[Config]:
        """Every configuration this run loaded (for reports that describe the rules in use)."""
        return list(self._configs.values())


@dataclass
class BatchStats:
    files: int = 0
    cached: int = 0
    linted: int = 0
    extra: dict = field(default_factory=dict)


def lint_files(
    runner: Runner,
    files: list[Path],
    cache: ResultCache | None = None,
    jobs: int | None = None,
    progress: Callable[[int], Callable[[int], None] | None] | None = None,
) -> tuple[list[FileResult], BatchStats]:
    """Results for ``files`` in the same order (excluded files dropped), and what the cache saved.

    ``progress(total)`` may return a callback told how many files were done;
    it is only asked for when something actually has to be linted.
    """
    from .parallel import lint_sources

    stats = BatchStats()
    slots: list[FileResult | None] = []
    todo: list[tuple[int, SourceFile, Path, str | None]] = []
    for path in files:
        try:
            cfg = runner.config_for(path)
        except (ConfigError, DataError) as exc:
            slots.append(FileResult(path=str(path), error=str(exc)))
            continue
        if cfg.exclude and cfg.is_excluded(str(path)):
            continue
        stats.files += 1
        try:
            src = read_source(path, str(path))
        except InputError as exc:
            slots.append(FileResult(path=str(path), error=str(exc)))
            continue
        key = None
        if cache is not None:
            key = cache.key(cache.run_key(cfg, runner.options), path, src.text)
            hit = cache.get(key, src.path)
            if hit is not None:
                hit.had_bom = src.had_bom
                if runner.options.keep_text:
                    hit.text = src.text
                slots.append(hit)
                stats.cached += 1
                continue
        todo.append((len(slots), src, path, key))
        slots.append(None)
    if todo:
        stats.linted = len(todo)
        on_done = progress(len(todo)) if progress else None
        results = lint_sources(runner, [(src, p) for _, src, p, _ in todo], jobs, on_done)
        for (slot, _, _, key), res in zip(todo, results):
            slots[slot] = res
            if cache is not None and key is not None:
                cache.put(key, res)
    return [r for r in slots if r is not None], stats
