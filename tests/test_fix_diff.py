"""#14.12–13 and 15: ruff's meanings for --diff, --changed-since, fix on standard input, what fix leaves."""
from __future__ import annotations

import os
import sys

from conftest import run_cli

BAD = "Council delays vote\n\nThe council will accomodate the request, officials said on Monday.\n"


def test_check_diff_shows_the_fix_as_a_patch_and_writes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    for cmd in ("check", "fix"):
        p = run_cli(cmd, "a.txt", "--diff", "--no-cache", cwd=tmp_path)
        assert p.returncode == 1, p.stderr
        assert "-The council will accomodate" in p.stdout and "+The council will accommodate" in p.stdout
        assert "\x1b[" not in p.stdout
        assert f.read_text(encoding="utf-8") == BAD


def test_old_diff_spelling_is_refused_with_a_hint(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    p = run_cli("check", "--diff", "main", "a.txt", "--no-cache", cwd=tmp_path)
    assert p.returncode == 2
    assert "--changed-since main" in p.stderr
    p = run_cli("check", "--diff=main", "a.txt", "--no-cache", cwd=tmp_path)
    assert p.returncode == 2 and "--changed-since main" in p.stderr
    h = run_cli("check", "--help")
    assert "--changed-since" in h.stdout and "REV" in h.stdout


def test_fix_stdin_prints_the_fixed_text(tmp_path):
    p = run_cli("fix", "-", input=BAD.encode(), cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout == BAD.replace("accomodate", "accommodate")


def test_fix_reports_what_remains_and_unsafe_fixes_held_back(tmp_path):
    text = ('Talks go on\n\n"We left Kiev on Monday," said Anna Smith, a teacher.\n\n'
            'Officials in Kyiv said they will accomodate the request.\n')

    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    p = run_cli("fix", "a.txt", "--no-cache", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "fixed 1 finding(s) in 1 file(s); 1 finding remains (1 with unsafe fixes held back" in p.stderr
    assert "accommodate" in f.read_text(encoding="utf-8") and "Kiev" in f.read_text(encoding="utf-8")


def test_diff_is_coloured_in_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    p = run_cli("fix", "a.txt", "--diff", "--color", "always", "--no-cache", cwd=tmp_path)
    assert "\x1b[31m-The council" in p.stdout and "\x1b[32m+The council" in p.stdout
    if os.name == "posix":  # a real pseudo-terminal: colour without being asked
        import pty
        import subprocess

        master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
        proc = subprocess.run([sys.executable, "-m", "edlint", "fix", "a.txt", "--diff", "--no-cache"], cwd=tmp_path,
                              stdout=slave, stderr=subprocess.DEVNULL, env=env, timeout=120)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
        assert proc.returncode == 1 and b"\x1b[32m+" in out


def test_habits_h_exit_zero_statistics_date_examples(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    h = run_cli("check", "-h")
    assert h.returncode == 0 and "--exit-zero" in h.stdout and "YYYY-MM-DD" in h.stdout
    for cmd in ("check", "fix", "rules", "explain", "stats", "init"):
        out = run_cli(cmd, "--help").stdout
        assert "Examples:" in out and f"edlint {cmd}" in out, cmd
    assert run_cli("check", "a.txt", "--exit-zero", "--no-cache", cwd=tmp_path).returncode == 0
    s = run_cli("check", "a.txt", "--statistics", "--no-cache", cwd=tmp_path)
    assert s.returncode == 1
    assert s.stdout.split() == ["1", "spelling.misspellings", "warning", "[*]", "fixable"]
