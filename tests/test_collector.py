"""The console command pauses Python's cycle collector while it loads the rules, and only then.

edlint.run.collector says why (a one-article run walked hundreds of thousands
of loaded objects dozens of times for nothing). These tests pin who pays
for that policy: the console command does, a library caller never does.
"""
from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap

from edlint.run import collector


def test_a_library_caller_keeps_python_defaults():
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    collector.loaded()  # what the worker pool calls after its first file, for every caller
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # nothing of this process was frozen


def test_paused_until_loaded_then_collecting_with_the_loaded_objects_frozen():
    kept = [[] for _ in range(1000)]  # objects that exist before "loaded"
    try:
        collector.pause()
        assert not gc.isenabled()
        collector.loaded()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)
        collector.loaded()  # a second call changes nothing
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


_WATCH = textwrap.dedent("""
    import gc, json, sys
    import edlint.run.runner as runner

    seen = []
    check_file = runner.Runner.check_file

    def watched(self, path):
        seen.append(gc.isenabled())
        return check_file(self, path)

    runner.Runner.check_file = watched
    sys.argv = ["edlint", "check", "--jobs", "1", "--no-cache", "-f", "json", *sys.argv[1:]]
    from edlint.commands.entry import run
    try:
        run()
    finally:
        sys.stderr.write(json.dumps({"collecting": seen, "frozen": gc.get_freeze_count() > 0}) + "\\n")
""")


def test_the_console_check_collects_again_from_the_second_article(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}\n\nThe council met on Monday, officials said.\n")
    p = subprocess.run([sys.executable, "-c", _WATCH, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    got = json.loads(p.stderr.strip().splitlines()[-1])
    # The first article loads the rules with the collector paused; the others are checked with it on.
    assert got == {"collecting": [False, True, True], "frozen": True}
