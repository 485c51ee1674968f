"""Peak memory of a whole ``edlint`` run, every process together (Linux).

Usage: python bench/peak_memory.py [--interval 0.05] -- edlint check FOLDER --format json --jobs 2

Starts the command (its output thrown away), samples every process in its
tree each ``--interval`` seconds, and prints the largest total seen, as RSS
(what ``top`` shows; pages forked workers share with the parent count once
per process) and as PSS (shared pages split between the processes that share
them: the memory the run really costs). Also the largest single process.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time


def _tree(root: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _mem(pid: int) -> tuple[int, int]:
    """(rss, pss) in KiB."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not cmd or not os.path.isdir("/proc"):
        print("give a command after --; needs Linux /proc")
        return 2
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best_rss = best_pss = best_one = 0
    most = 0
    while proc.poll() is None:
        pids = _tree(proc.pid)
        mems = [_mem(p) for p in pids]
        best_rss = max(best_rss, sum(m[0] for m in mems))
        best_pss = max(best_pss, sum(m[1] for m in mems))
        best_one = max([best_one] + [m[0] for m in mems])
        most = max(most, len(pids))
        time.sleep(a.interval)
    wall = time.perf_counter() - t
    print(f"exit {proc.returncode}, {wall:.1f} s wall, up to {most} processes")
    print(f"peak, all processes: RSS {best_rss / 1024:.1f} MiB, PSS {best_pss / 1024:.1f} MiB; "
          f"largest single process RSS {best_one / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
