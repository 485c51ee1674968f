"""Checking a set of files: find configs once per folder, use the cache, fan out to the pool.

``Runner`` checks one file; this module is what turns it into a run over a
repository: config lookup memoised per folder (thousands of articles share a
handful of folders), each file read once — by the process that checks it —
and keyed for the cache, only the misses linted (in parallel when there are
many), new results stored, results handed on in order as they are ready. A
warm run never builds a rule registry, so it never imports a rule family.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

from edlint.core.findings import FileResult
from edlint.io.articles import InputError, read_source, read_stdin
from edlint.io.config import Config, ConfigError, find_config, load_config
from edlint.io.datafiles import DataError
from edlint.io.discovery import collect
from edlint.run.cache import ResultCache
from edlint.run.runner import Runner, RunOptions


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


# What happened to one path (see ``check_path``).
EXCLUDED, FAILED, CACHED, LINTED = "excluded", "failed", "cached", "linted"


def check_path(state: tuple[Runner, ResultCache | None], path: Path) -> tuple[FileResult | None, str]:
    """Everything for one file, in whichever process gets it: config, read, cache, lint, store.

    Returns the result (None for an excluded file) and what happened. The text
    goes back with the result only when the run keeps texts (fixes, reports
    with code frames); otherwise nothing of the file outlives this call.
    """
    runner, cache = state
    try:
        cfg = runner.config_for(path)
    except (ConfigError, DataError) as exc:
        return FileResult(path=str(path), error=str(exc)), FAILED
    if cfg.exclude and cfg.is_excluded(str(path)):
        return None, EXCLUDED
    try:
        src = read_source(path, str(path))
    except InputError as exc:
        return FileResult(path=str(path), error=str(exc)), FAILED
    key = None
    if cache is not None:
        key = cache.key(cache.run_key(cfg, runner.options), path, src.text)
        hit = cache.get(key, src.path)
        if hit is not None:
            hit.had_bom = src.had_bom
            if runner.options.keep_text:
                hit.text = src.text
            return hit, CACHED
    res = runner.lint_source(src, path)
    if cache is not None and key is not None:
        cache.put(key, res)
    return res, LINTED


def iter_files(
    runner: Runner,
    files: list[Path],
    cache: ResultCache | None = None,
    jobs: int | None = None,
    progress: Callable[[int], Callable[[int], None] | None] | None = None,
    stats: BatchStats | None = None,
) -> Iterator[FileResult]:
    """Results for ``files`` in the same order (excluded files dropped), as they are ready.

    ``progress(total)`` may return a callback told how many files were done;
    it is asked for when the first file actually had to be linted (a warm run
    never shows a bar). ``stats`` is filled in as the results go by.
    """
    from edlint.run.workers import map_ordered

    stats = stats if stats is not None else BatchStats()
    on_done: Callable[[int], None] | None = None
    asked = progress is None
    pending = step = 0
    for i, (res, what) in enumerate(map_ordered(check_path, (runner, cache), files, jobs)):
        if what == LINTED:
            stats.linted += 1
            if not asked:
                asked = True
                on_done = progress(len(files) - i)  # type: ignore[misc]
                step = max(1, (len(files) - i) // 20)  # a bar redraws about 20 times, not per file
        elif what == CACHED:
            stats.cached += 1
        if what != EXCLUDED:
            stats.files += 1
        if on_done:
            pending += 1
            if pending >= step:
                on_done(pending)
                pending = 0
        if res is not None:
            yield res
    if on_done and pending:
        on_done(pending)


def lint_files(
    runner: Runner,
    files: list[Path],
    cache: ResultCache | None = None,
    jobs: int | None = None,
    progress: Callable[[int], Callable[[int], None] | None] | None = None,
) -> tuple[list[FileResult], BatchStats]:
    """Results for ``files`` in the same order (excluded files dropped), and what the cache saved."""
    stats = BatchStats()
    return list(iter_files(runner, files, cache, jobs, progress, stats)), stats


def iter_all(
    paths: list[str],
    options: RunOptions,
    stdin_filename: str | None = None,
    *,
    cache=None,
    jobs: int | None = None,
    progress=None,
    only=None,
    runner: Runner | None = None,
):
    """Like ``lint_all``, but results come as an iterator, as they are ready (nothing held).

    Returns ``(results, errors, runner)``; ``errors`` (run-level) is complete at once.
    """
    from edlint.io.filenames import display_path

    runner = runner or BatchRunner(options)
    got = collect(paths)
    errors = [f"{display_path(p)}: {m}" for p, m in got.errors]
    files = [p for p in got.files if only is None or only(str(p))]

    def results():
        if got.stdin:
            name = stdin_filename or "<stdin>"
            try:
                src = read_stdin(name)
                yield runner.lint_source(src, Path(stdin_filename) if stdin_filename else None)
            except InputError as exc:
                yield FileResult(path=name, error=str(exc))
        yield from iter_files(runner, files, cache=cache, jobs=jobs, progress=progress)

    return results(), errors, runner


def lint_all(
    paths: list[str],
    options: RunOptions,
    stdin_filename: str | None = None,
    *,
    cache=None,
    jobs: int | None = None,
    progress=None,
    only=None,
    runner: Runner | None = None,
) -> tuple[list[FileResult], list[str], Runner]:
    """Lint every path; return results (in a stable order), run-level errors and the runner.

    ``only(path) -> bool`` narrows the files actually read (``--diff``: files
    with changes); ``cache`` is a ``ResultCache`` or None; ``jobs`` caps the
    worker processes (default: every core); ``progress`` is a ProgressBar's ``start``.
    """
    it, errors, runner = iter_all(paths, options, stdin_filename, cache=cache, jobs=jobs, progress=progress,
                                  only=only, runner=runner)
    return list(it), errors, runner


def rules_for(runner: Runner, config) -> dict:
    """Rule metadata for formats that describe rules (SARIF): every rule of every configuration used.

    Builds registries, so only on demand; a warm cached run otherwise never does.
    """
    configs = list(getattr(runner, "configs_seen", lambda: [])())
    try:
        configs.append(runner.config_for(Path(config) if config else Path.cwd()))
    except (ConfigError, DataError):
        pass
    rules: dict = {}
    for cfg in configs:
        try:
            reg = runner.registry_for(cfg)
        except (ConfigError, DataError):
            continue
        for rid, cls in reg.rules.items():
            rules.setdefault(rid, cls.meta)
    return rules


def preflight(runner: Runner, paths: list[str], config) -> str | None:
    """A broken configuration or an unknown rule id, found before any file is read.

    Loads the configuration each path argument uses (cheap: TOML and a schema);
    with ``--select``/``--ignore`` also builds the registry to check the ids
    (a run without them never pays for that here). Returns the error line or None.
    """
    starts = [Path(config)] if config else sorted({Path.cwd() if p == "-" else Path(p) for p in paths}, key=str)
    opts = runner.options
    try:
        for start in starts:
            cfg = runner.config_for(start if start.exists() else Path.cwd())
            if opts.select or opts.ignore:
                runner.ruleset_for(runner.registry_for(cfg), cfg, None)
    except (ConfigError, DataError) as exc:
        return str(exc)
    return None


def unique(lines) -> list[str]:
    """Each error once: a broken config shared by a folder of articles is one problem, not fifty."""
    return list(dict.fromkeys(lines))
