"""Check many articles on every core, with results in the order the files were given.

Worth it only for big runs: a pool costs tens of milliseconds to start, so
fewer than ``MIN_FILES_FOR_POOL`` files are checked in-process and one
article in a pre-commit hook stays instant. Work goes out in chunks (one
article is too little work to pay a round trip for), each worker keeps its
own runner (configs, rule sets, run-wide services) for all its chunks, and
on Linux the workers are forked from a parent that has already checked one
file, so rule families and their data are loaded once and shared.

Workers receive the decoded text, not the path: the parent read the file to
key the cache, and checking what it read keeps cache entries honest if the
file changes mid-run. They send findings back without the text, which the
parent still has.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from .runner import FileResult, RunOptions, Runner
from .source import SourceFile

MIN_FILES_FOR_POOL = 50

_WORKER: Runner | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _init_worker(options: RunOptions, runner_factory: Callable[[RunOptions], Runner]) -> None:
    global _WORKER
    if _WORKER is None or _WORKER.options != options:
        _WORKER = runner_factory(options)
    _WORKER.options.keep_text = False


def _lint_chunk(items: list[tuple[SourceFile, str]]) -> list[FileResult]:
    assert _WORKER is not None
    return [_WORKER.lint_source(src, Path(p)) for src, p in items]


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def lint_sources(
    runner: Runner,
    items: Sequence[tuple[SourceFile, Path]],
    jobs: int | None = None,
    on_done: Callable[[int], None] | None = None,
) -> list[FileResult]:
    """Lint decoded sources (with the path their config is found from); results in input order."""
    jobs = jobs or default_jobs()
    results: list[FileResult | None] = [None] * len(items)
    if jobs <= 1 or len(items) < MIN_FILES_FOR_POOL:
        for i, (src, path) in enumerate(items):
            results[i] = runner.lint_source(src, path)
            if on_done:
                on_done(1)
        return results  # type: ignore[return-value]

    global _WORKER
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only big runs pay for the import

    # Check the first file here: it loads every rule family and shared service once,
    # and forked workers inherit them instead of loading them again each.
    results[0] = runner.lint_source(items[0][0], items[0][1])
    if on_done:
        on_done(1)
    rest = list(range(1, len(items)))
    chunk = max(4, min(64, len(rest) // (jobs * 8) or 1))
    chunks = [rest[i : i + chunk] for i in range(0, len(rest), chunk)]
    _WORKER = runner  # inherited by forked workers
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(runner.options, type(runner))
        ) as pool:
            futures = {pool.submit(_lint_chunk, [(items[i][0], str(items[i][1])) for i in idx]): idx for idx in chunks}
            for fut in as_completed(futures):
                idx = futures[fut]
                for i, res in zip(idx, fut.result()):
                    results[i] = res
                if on_done:
                    on_done(len(idx))
    except (OSError, RuntimeError, ImportError) as exc:  # no usable pool here (sandbox, frozen app): go on in-process
        import sys

        sys.stderr.write(f"edlint: parallel checking unavailable ({exc}); checking in one process\n")
    finally:
        _WORKER = None
    for i, r in enumerate(results):
        if r is None:
            results[i] = runner.lint_source(items[i][0], items[i][1])
            if on_done:
                on_done(1)
        elif runner.options.keep_text and r.text is None and r.error is None:
            r.text = items[i][0].text
    return results  # type: ignore[return-value]
