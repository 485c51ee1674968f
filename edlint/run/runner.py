"""One run: one article, many files, the result cache and the worker pool, all through one ``Runner``.

A run over a repository checks thousands of files that share a handful of
folders and fewer configurations. The ``Runner`` looks each folder's
configuration up once and passes the ``Config`` along (the exclusion check,
the cache key and the checking all use the one it found), keeps one
``Linter`` (``edlint.run.linter``) per configuration — the same object a
library user checks texts with, so a text gives the same findings either
way — and owns the result cache and the number of worker processes.

Each file is independent: a bad file becomes a ``FileResult`` with an
``error`` and the run goes on. Each file is read once, by the process that
checks it; only cache misses are linted (on every core when there are many,
``edlint.run.workers``), new results are stored, and results come back in
the order the files were given, as they are ready. A warm run never builds a
rule registry, so it never imports a rule family.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from edlint.core.findings import FileResult
from edlint.io.articles import SourceFile, read_source, read_stdin
from edlint.io.config import Config, find_config, load_config
from edlint.io.errors import InputError
from edlint.run.options import RunOptions

if TYPE_CHECKING:
    from edlint.core.registry import Registry, RuleSet
    from edlint.run.cache import ResultCache
    from edlint.run.linter import Linter, Shared

# ``progress(total)`` may return a callback told how many more files are done.
Progress = Callable[[int], Callable[[int], None] | None]

# What happened to one file (see ``Runner.check_file``).
EXCLUDED, FAILED, CACHED, LINTED = "excluded", "failed", "cached", "linted"

__all__ = ["Runner", "RunOptions", "unique"]


class Runner:
    """One run: finds each folder's configuration once, keeps one Linter per configuration, uses the cache.

    ``cache`` is a ``ResultCache`` or None; ``jobs`` caps the worker processes
    of a big run (default: every core).
    """

    def __init__(self, options: RunOptions, *, cache: ResultCache | None = None, jobs: int | None = None):
        self.options = options
        self.cache = cache
        self.jobs = jobs
        self._configs: dict[str | None, Config] = {}
        self._found: dict[Path, str | None] = {}
        self._linters: dict[int, Linter] = {}
        self._shared: Shared | None = None

    # A runner sent to a process that was not forked from this one (a "spawn" platform) travels
    # as its settings, cache and configurations; Linters, rule sets and services are loaded again there.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.update(_linters={}, _shared=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    # ------------------------------------------------------------ configuration
    def config_for(self, path: Path | None) -> Config:
        """The configuration for ``path`` (a file or a folder; None: the working directory)."""
        if self.options.config_path:
            return self._config(self.options.config_path)
        start = path if path is not None else Path.cwd()
        return self.config_for_folder(start if start.is_dir() else start.parent)

    def config_for_folder(self, folder: Path) -> Config:
        """The configuration of the files in ``folder``: searched once per folder, loaded once per file.

        An archive holds thousands of files per folder; each asks here, and
        only the first one of a folder touches the disk.
        """
        if self.options.config_path:
            return self._config(self.options.config_path)
        if folder not in self._found:
            found = find_config(folder)
            self._found[folder] = str(found) if found else None
        return self._config(self._found[folder])

    def _config(self, key: str | None) -> Config:
        if key not in self._configs:
            self._configs[key] = load_config(Path(key) if key else None)
        return self._configs[key]

    def configs_seen(self) -> list[Config]:
        """Every configuration this run loaded (for reports that describe the rules in use)."""
        return list(self._configs.values())

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

    def ruleset_for(self, config: Config, path: Path | None) -> RuleSet:
        """The rules for one file under ``config`` (builds the registry on first use)."""
        return self.linter_for(config).ruleset_for(path)

    # ------------------------------------------------------------ one article
    def lint_source(
        self, src: SourceFile, path_for_config: Path | None = None, *,
        date: _dt.date | None = None, kind: str | None = None,
    ) -> FileResult:
        """Check one decoded article; ``date`` and ``kind`` override the run's for this text only."""
        try:
            config = self.config_for(path_for_config)
        except InputError as exc:
            return FileResult(path=src.path, had_bom=src.had_bom, error=str(exc))
        return self._check(src, path_for_config, config, date=date, kind=kind)

    def _check(self, src: SourceFile, path: Path | None, config: Config, *,
               date: _dt.date | None = None, kind: str | None = None) -> FileResult:
        return self.linter_for(config).check_source(
            src, path, date=date if date is not None else self.options.date, kind=kind,
            keep_text=self.options.keep_text,
        )

    # ------------------------------------------------------------ one file
    def check_file(self, path: Path) -> tuple[FileResult | None, str]:
        """Everything for one file, in whichever process gets it: config, read, cache, lint, store.

        Returns the result (None for an excluded file) and what happened. The
        text goes back with the result only when the run keeps texts (fixes,
        reports with code frames); otherwise nothing of the file outlives this call.
        """
        try:
            config = self.config_for_folder(path.parent)
        except InputError as exc:
            return FileResult(path=str(path), error=str(exc)), FAILED
        if config.exclude and config.is_excluded(str(path)):
            return None, EXCLUDED
        try:
            src = read_source(path, str(path))
        except InputError as exc:
            return FileResult(path=str(path), error=str(exc)), FAILED
        cache = self.cache
        key = cache.key(cache.run_key(config, self.options), path, src.text) if cache is not None else None
        if key is not None:
            hit = self._cached(key, src, config)
            if hit is not None:
                return hit, CACHED
        res = self._check(src, path, config)
        if key is not None:
            cache.put(key, res)  # type: ignore[union-attr]
        return res, LINTED

    def _cached(self, key: str, src: SourceFile, config: Config) -> FileResult | None:
        """The stored result for this text, completed with what the cache does not keep."""
        hit = self.cache.get(key, src.path)  # type: ignore[union-attr]
        if hit is not None:
            hit.had_bom = src.had_bom
            hit.fail_on = config.fail_on
            if self.options.keep_text:
                hit.text = src.text
        return hit

    # ------------------------------------------------------------ many files
    def iter_files(self, files: list[Path], progress: Progress | None = None) -> Iterator[FileResult]:
        """Results for ``files`` in the same order (excluded files dropped), as they are ready.

        ``progress(total)`` may return a callback told how many files were
        done; it is asked for when the first file actually had to be linted
        (a warm run never shows a bar).
        """
        from edlint.run.workers import map_ordered

        bar = _Bar(progress, len(files))
        for i, (res, what) in enumerate(map_ordered(_check_file, self, files, self.jobs)):
            bar.done(i, what)
            if res is not None:
                yield res
        bar.finish()

    def iter_paths(
        self, paths: list[str], stdin_filename: str | None = None, *,
        progress: Progress | None = None, only: Callable[[str], bool] | None = None,
    ) -> tuple[Iterator[FileResult], list[str]]:
        """Results for every file the paths name, as they are ready, and the run-level errors (complete at once).

        ``-`` is standard input (its configuration found from
        ``stdin_filename``); ``only(path) -> bool`` narrows the files actually
        read (``--changed-since``: files with changes).
        """
        from edlint.io.discovery import collect
        from edlint.io.filenames import display_path

        got = collect(paths)
        errors = [f"{display_path(p)}: {m}" for p, m in got.errors]
        files = [p for p in got.files if only is None or only(str(p))]

        def results() -> Iterator[FileResult]:
            if got.stdin:
                yield self._check_stdin(stdin_filename)
            yield from self.iter_files(files, progress)

        return results(), errors

    def lint_paths(
        self, paths: list[str], stdin_filename: str | None = None, *,
        progress: Progress | None = None, only: Callable[[str], bool] | None = None,
    ) -> tuple[list[FileResult], list[str]]:
        """Like ``iter_paths``, with every result in a list (in a stable order)."""
        results, errors = self.iter_paths(paths, stdin_filename, progress=progress, only=only)
        return list(results), errors

    def _check_stdin(self, stdin_filename: str | None) -> FileResult:
        name = stdin_filename or "<stdin>"
        try:
            src = read_stdin(name)
        except InputError as exc:
            return FileResult(path=name, error=str(exc))
        return self.lint_source(src, Path(stdin_filename) if stdin_filename else None)

    # ------------------------------------------------------------ before and after
    def preflight(self, paths: list[str], config: str | Path | None) -> str | None:
        """A broken configuration or an unknown rule id, found before any file is read.

        Loads the configuration each path argument uses (cheap: TOML and a
        schema); with ``--select``/``--ignore`` also builds the registry to
        check the ids (a run without them never pays for that here). Returns
        the error line or None.
        """
        starts = [Path(config)] if config else sorted({Path.cwd() if p == "-" else Path(p) for p in paths}, key=str)
        try:
            for start in starts:
                cfg = self.config_for(start if start.exists() else Path.cwd())
                if self.options.select or self.options.ignore:
                    self.ruleset_for(cfg, None)
        except InputError as exc:
            return str(exc)
        return None

    def rules_in_use(self, config: str | Path | None) -> dict:
        """Rule metadata for formats that describe rules (SARIF): every rule of every configuration used.

        Builds registries, so only on demand; a warm cached run otherwise never does.
        """
        configs = self.configs_seen()
        with contextlib.suppress(InputError):
            configs.append(self.config_for(Path(config) if config else Path.cwd()))
        rules: dict = {}
        for cfg in configs:
            try:
                reg = self.registry_for(cfg)
            except InputError:
                continue
            for rid, cls in reg.rules.items():
                rules.setdefault(rid, cls.meta)
        return rules


def _check_file(runner: Runner, path: Path) -> tuple[FileResult | None, str]:
    """``Runner.check_file`` as the module-level function a worker process is given."""
    return runner.check_file(path)


class _Bar:
    """Feeds a progress bar from the results going by: started at the first file that is linted."""

    def __init__(self, progress: Progress | None, total: int):
        self._progress = progress
        self._total = total
        self._on_done: Callable[[int], None] | None = None
        self._pending = 0
        self._step = 0

    def done(self, index: int, what: str) -> None:
        if what == LINTED and self._progress is not None:
            left = self._total - index
            self._on_done = self._progress(left)
            self._progress = None  # asked once
            self._step = max(1, left // 20)  # a bar redraws about 20 times, not per file
        if self._on_done:
            self._pending += 1
            if self._pending >= self._step:
                self._on_done(self._pending)
                self._pending = 0

    def finish(self) -> None:
        if self._on_done and self._pending:
            self._on_done(self._pending)


def unique(lines) -> list[str]:
    """Each error once: a broken config shared by a folder of articles is one problem, not fifty."""
    return list(dict.fromkeys(lines))
