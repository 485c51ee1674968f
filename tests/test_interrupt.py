"""``edlint fix`` over 200 files, killed at random points: no article is ever half fixed.

SIGINT, SIGTERM and SIGKILL land at moments spread over a whole run (seeded,
so a failure can be replayed). After each: every file holds either its
original text or its fully fixed text, with its owner, group and mode; no
process of the run is left behind; after SIGINT or SIGTERM no temporary
file is left either (SIGKILL cannot be caught: a temporary file it strands
is a hidden ``.edlint-tmp`` file, never taken for an article).
"""
from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_bad_input import edlint_command

N_FILES = 200
SEED = 20181
KILLS = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL, signal.SIGINT, signal.SIGTERM, signal.SIGKILL]


def _article(i: int) -> str:
    return f"Head {i}\n\nThe council will accomodate the request from Kiev.\n\nIt was a seperate issue, {i}.\n"


def _make(folder: Path) -> None:
    folder.mkdir(parents=True)
    for i in range(N_FILES):
        p = folder / f"a{i:03d}.txt"
        p.write_text(_article(i))
        os.chmod(p, 0o640)
        if os.geteuid() == 0:
            os.chown(p, 4321, 8765)


def _env(tmp: Path) -> dict:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.pop("GITHUB_ACTIONS", None)
    env["EDLINT_CACHE_DIR"] = str(tmp / "cache")
    return env


def _session_members(sid: int) -> list[int]:
    """Processes still alive in the session the run was started in (Linux /proc)."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        # fields after the name: state, ppid, pgrp, session, ...
        if int(fields[3]) == sid and fields[0] != b"Z":
            out.append(int(d))
    return out


@pytest.fixture(scope="module")
def killed_runs(tmp_path_factory):
    """Six fix runs over 200 files each, killed at seeded random moments; what each left behind."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to look for left-over processes")
    tmp_path = tmp_path_factory.mktemp("interrupt")
    cmd = edlint_command()
    # One uninterrupted run gives the fixed text of every file and the length of a run.
    ref = tmp_path / "ref"
    _make(ref)
    t0 = time.monotonic()
    done = subprocess.run([cmd, "fix", str(ref), "--no-cache"], env=_env(tmp_path), capture_output=True, timeout=300)
    length = time.monotonic() - t0
    assert done.returncode == 0, done.stderr
    fixed = {p.name: p.read_text() for p in ref.iterdir()}
    assert all(fixed[f"a{i:03d}.txt"] != _article(i) for i in range(N_FILES))

    rng = random.Random(SEED)
    runs = []
    for n, sig in enumerate(KILLS):
        news = tmp_path / f"run{n}"
        _make(news)
        delay = length * rng.uniform(0.05, 0.95)
        proc = subprocess.Popen([cmd, "fix", str(news), "--no-cache"], env=_env(tmp_path),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            time.sleep(delay)
            proc.send_signal(sig)
            proc.wait(timeout=30)
            deadline = time.monotonic() + 5
            while _session_members(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            left = _session_members(proc.pid)
        finally:
            for pid in _session_members(proc.pid):  # only processes of the run this test started
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        files = {}
        for i in range(N_FILES):
            p = news / f"a{i:03d}.txt"
            st = p.stat()
            files[p.name] = (p.read_text(), st.st_mode & 0o7777, st.st_uid, st.st_gid)
        temps = [p.name for p in news.iterdir() if p.name.endswith(".edlint-tmp")]
        runs.append({"signal": sig, "delay": round(delay, 2), "left": left, "files": files, "temps": temps})
        shutil.rmtree(news)
    return fixed, runs


def test_fix_killed_at_random_points_leaves_every_file_whole(killed_runs):
    fixed, runs = killed_runs
    counts = set()
    for run in runs:
        what = f"{run['signal'].name} after {run['delay']}s"
        n_fixed = 0
        for i in range(N_FILES):
            name = f"a{i:03d}.txt"
            text, mode, uid, gid = run["files"][name]
            assert text in (_article(i), fixed[name]), f"{what}: {name} is half fixed"
            n_fixed += text != _article(i)
            assert mode == 0o640, (what, name)
            if os.geteuid() == 0:
                assert (uid, gid) == (4321, 8765), (what, name)
        if run["signal"] != signal.SIGKILL:
            assert run["temps"] == [], f"{what} left {run['temps']}"
        else:  # SIGKILL cannot be caught; what it strands is never taken for an article
            assert all(t.startswith(".") and not t.endswith((".md", ".txt", ".markdown")) for t in run["temps"])
        counts.add(n_fixed)
    # The kills really landed at different points of the run (not all before or after every write).
    assert len(counts) > 1, [(r["signal"].name, r["delay"]) for r in runs]


def test_fix_killed_at_random_points_leaves_no_process_behind(killed_runs):
    _, runs = killed_runs
    for run in runs:
        assert run["left"] == [], f"{run['signal'].name} after {run['delay']}s left processes {run['left']}"
