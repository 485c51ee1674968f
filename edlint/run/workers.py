"""Check many articles on every core, results streamed back in the order the files were given.

Worth it only for big runs: a pool costs tens of milliseconds to start, so
fewer than ``MIN_FILES_FOR_POOL`` items are handled in-process and one
article in a pre-commit hook stays instant. Work goes out in chunks (one
article is too little work to pay a round trip for) and comes back in
order as it finishes, so a report can be written while the run goes on and
nothing is held for the whole run. On Linux the workers are forked from a
parent that has already handled one item, so rule families and their data
are loaded once and shared.

Workers get paths, not text: each reads its own files (and asks the result
cache itself), so the parent never holds the archive in memory and does not
spend its time reading while the workers wait.

Signals: workers ignore Ctrl-C (the parent decides) and die with their
parent — on Linux the kernel kills them when the parent goes (SIGKILL
included), elsewhere a watch thread notices within half a second. When the
parent is interrupted it kills its workers at once instead of waiting for
queued work, so Ctrl-C on a big run stops within a second.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, TypeVar
from collections.abc import Callable, Iterator, Sequence

from edlint.core.findings import FileResult
from edlint.run import collector
from edlint.io.articles import SourceFile

MIN_FILES_FOR_POOL = 50

T = TypeVar("T")
R = TypeVar("R")

# Set in each worker (inherited through fork, or from the initializer's arguments).
_TASK: tuple[Callable[[Any, Any], Any], Any] | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _die_with_parent(parent: int) -> None:
    """Make this worker end when ``parent`` does, however the parent ends."""
    import signal

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent went before the request took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    import time

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, name="edlint-parent-watch", daemon=True).start()


def _init_worker(fn: Callable[[Any, Any], Any], state: Any, parent: int) -> None:
    global _TASK
    import signal

    # Ctrl-C reaches the whole process group: the parent decides what happens, workers carry on
    # until it stops them. Termination is the default again, whatever handler the parent set.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    _TASK = (fn, state)


def _run_chunk(items: list) -> list:
    assert _TASK is not None
    fn, state = _TASK
    return [fn(state, item) for item in items]


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def map_ordered(
    fn: Callable[[Any, T], R],
    state: Any,
    items: Sequence[T],
    jobs: int | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[R]:
    """``fn(state, item)`` for every item, yielded in input order, on up to ``jobs`` processes.

    ``fn`` must be a module-level function; ``state`` (a runner, a cache) is
    inherited by forked workers. The first item is done here before the pool
    starts, so whatever it loads is shared with the workers. Closing the
    iterator early, or an exception in the caller (KeyboardInterrupt), kills
    the workers at once.
    """
    jobs = jobs or default_jobs()
    n = len(items)
    if jobs <= 1 or n < MIN_FILES_FOR_POOL:
        for item in items:
            yield fn(state, item)
            collector.loaded()
            if on_done:
                on_done(1)
        return
    yield fn(state, items[0])
    collector.loaded()  # before the fork: the workers share the loaded rules without touching them
    if on_done:
        on_done(1)
    rest = n - 1
    size = max(4, min(32, rest // (jobs * 8) or 1))
    chunks = [list(items[i : i + size]) for i in range(1, n, size)]
    import pickle  # loaded with multiprocessing anyway; here so one-file runs never pay for it

    try:
        pool = _context().Pool(jobs, initializer=_init_worker, initargs=(fn, state, os.getpid()))
    except (OSError, RuntimeError, ImportError, TypeError, AttributeError, pickle.PicklingError) as exc:
        # no usable pool here (sandbox, frozen app, a state a fresh interpreter cannot receive)
        sys.stderr.write(f"edlint: parallel checking unavailable ({exc}); checking in one process\n")
        for item in items[1:]:
            yield fn(state, item)
            if on_done:
                on_done(1)
        return
    try:
        for done in pool.imap(_run_chunk, chunks):
            yield from done
            if on_done:
                on_done(len(done))
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # no-op after a clean join; kills the workers on an interrupt or early close


# ------------------------------------------------------------ decoded sources (API and tests)
def _lint_item(runner: Any, item: tuple[SourceFile, str]) -> FileResult:  # runner: a Runner
    src, path = item
    res = runner.lint_source(src, Path(path))
    res.text = None  # the caller has it: do not send it back
    return res


def lint_sources(
    runner: Any,  # a Runner
    items: Sequence[tuple[SourceFile, Path]],
    jobs: int | None = None,
    on_done: Callable[[int], None] | None = None,
) -> list[FileResult]:
    """Lint decoded sources (with the path their config is found from); results in input order."""
    work = [(src, str(p)) for src, p in items]
    results = list(map_ordered(_lint_item, runner, work, jobs, on_done))
    if runner.options.keep_text:
        for r, (src, _) in zip(results, items, strict=True):  # one result per item, in order
            if r.text is None and r.error is None:
                r.text = src.text
    return results
