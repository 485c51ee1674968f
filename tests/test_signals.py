"""Signals on a big run: workers die with their parent; Ctrl-C and SIGTERM stop at once, cleanly.

A real ``edlint`` process checks a few thousand articles with two workers
and is interrupted once its workers are busy. Ctrl-C (SIGINT to the whole
process group, as a terminal sends it) and SIGTERM must end the run within
a second or so, say ``interrupted``, exit 128 + the signal number, write no
report and leave no temporary file; SIGKILL cannot be handled, but the
workers must still go with their parent instead of lingering as orphans.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")

PARAGRAPH = ("The council said on Monday that the new bridge would open in May, after two years of delays. "
             "Mr Jones, who chairs the transport committee, said the cost had risen to £4m. ")


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(f"Bridge story {i}\n\n" + (PARAGRAPH * 3 + "\n\n") * 6, encoding="utf-8")


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its entry waits to be collected


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, list[int]]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS",)}
    proc = subprocess.Popen([sys.executable, "-m", "edlint", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= 2:
            time.sleep(0.3)  # let the workers get going
            return proc, kids
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    pytest.fail(f"the run never started its workers: {proc.communicate()[1][-500:]!r}")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("signals")
    _articles(root / "news", 3000)
    return root


def _leftovers(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*edlint-tmp*")]


@pytest.mark.parametrize("sig, group, code", [
    (signal.SIGINT, True, 130),   # Ctrl-C at a terminal: the whole process group
    (signal.SIGINT, False, 130),  # kill -INT on the main process only
    (signal.SIGTERM, False, 143),  # a CI job cancelled
])
def test_interrupt_stops_at_once_and_cleanly(archive, sig, group, code):
    report = archive / "report.json"
    proc, workers = _start(archive, "check", "news", "--no-cache", "--jobs", "2", "--format", "json", "-o", str(report))
    t = time.monotonic()
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=30)
    took = time.monotonic() - t
    assert proc.returncode == code, err
    assert "interrupted" in err.decode()
    assert took < 2.0, f"took {took:.2f} s to stop"  # about 0.1 s here; generous for a loaded machine
    assert not any(_alive(w) for w in workers)
    assert not report.exists()
    assert _leftovers(archive) == []


def test_sigkill_takes_the_workers_along(archive):
    proc, workers = _start(archive, "check", "news", "--no-cache", "--jobs", "2", "--format", "concise")
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 3
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "workers outlived their parent"


def test_interrupted_fix_leaves_no_temporary_files(tmp_path):
    news = tmp_path / "news"
    _articles(news, 1500)
    for p in list(news.iterdir())[::2]:
        p.write_text(p.read_text().replace("Monday", "Monday , ").replace("council", "council  "), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in news.iterdir()}
    proc, workers = _start(tmp_path, "fix", "news", "--no-cache", "--jobs", "2")
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert not any(_alive(w) for w in workers)
    assert _leftovers(tmp_path) == []
    assert {p.name for p in news.iterdir()} == set(before)  # nothing added, nothing lost


def test_pool_works_where_processes_are_spawned_not_forked(tmp_path, monkeypatch):
    """Windows (and any platform without fork) starts fresh interpreters: the runner and cache travel pickled."""
    import multiprocessing

    import edlint.run.workers as parallel
    from edlint.run.cache import ResultCache
    from edlint.run.runner import Runner, RunOptions

    news = tmp_path / "news"
    _articles(news, 60)
    files = sorted(news.iterdir())
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = list(Runner(RunOptions(keep_text=False), cache=ResultCache(tmp_path / "cache"), jobs=2).iter_files(files))
    monkeypatch.undo()
    here = list(Runner(RunOptions(keep_text=False), jobs=1).iter_files(files))
    assert [r.path for r in spawned] == [str(p) for p in files]
    assert [[f.to_dict() for f in r.findings] for r in spawned] == [[f.to_dict() for f in r.findings] for r in here]
