"""``edlint fix``: safe vs unsafe, --diff, byte-exact writes (BOM, CRLF, mode), stability, atomicity."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys

import pytest
from conftest import REPO, run_cli

BAD = "Head\n\nThe council will accomodate the request.\n"
FIXED = "Head\n\nThe council will accommodate the request.\n"


def _house_rules(tmp_path):
    """A config with two house rules: an unsafe swap, and a safe swap whose output another rule fixes."""
    (tmp_path / "house" / "style").mkdir(parents=True)
    (tmp_path / "house" / "style" / "place-names.yaml").write_text(
        "kind: substitution\nsummary: Current spellings of place names.\nsafe: false\nswap:\n  Kiev: Kyiv\n"
    )
    (tmp_path / "house" / "style" / "chain.yaml").write_text(
        "kind: substitution\nsummary: A typo whose fix is itself a known misspelling.\nswap:\n"
        "  acommodate: accomodate\n"
    )
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')


def test_safe_fix_writes_only_the_span(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    p = run_cli("fix", "a.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert f.read_text() == FIXED
    assert "fixed 1 finding(s) in 1 file(s)" in p.stderr
    assert run_cli("check", "a.txt", cwd=tmp_path).returncode == 0


def test_crlf_bom_and_permissions_survive(tmp_path):
    f = tmp_path / "a.txt"
    original = "\ufeffHead\r\n\r\nThe council will accomodate the request.  \r\nLast line, no newline"
    f.write_bytes(original.encode("utf-8"))
    os.chmod(f, 0o640)
    p = run_cli("fix", "a.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert f.read_bytes() == original.replace("accomodate", "accommodate").encode("utf-8")
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert [x.name for x in tmp_path.iterdir() if "edlint-tmp" in x.name] == []


def test_second_run_changes_nothing(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Head\n\nIt was a seperate issue, they will accomodate it.\n")
    assert run_cli("fix", "a.md", cwd=tmp_path).returncode == 0
    once = f.read_bytes()
    mtime = f.stat().st_mtime_ns
    p = run_cli("fix", "a.md", cwd=tmp_path)
    assert p.returncode == 0 and "fixed 0 finding(s) in 0 file(s)" in p.stderr
    assert f.read_bytes() == once and f.stat().st_mtime_ns == mtime  # not even rewritten


def test_fix_repeats_until_stable(tmp_path):
    _house_rules(tmp_path)
    f = tmp_path / "a.txt"
    f.write_text("Head\n\nThe council will acommodate the request.\n")
    p = run_cli("fix", "a.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    # round 1: acommodate -> accomodate (house rule); round 2: accomodate -> accommodate
    assert f.read_text() == FIXED
    assert "fixed 2 finding(s)" in p.stderr


def test_unsafe_fixes_only_on_request(tmp_path):
    _house_rules(tmp_path)
    f = tmp_path / "a.txt"
    f.write_text("Head\n\nShelling near Kiev; officials will accomodate refugees.\n")
    assert run_cli("fix", "a.txt", cwd=tmp_path).returncode == 0
    assert f.read_text() == "Head\n\nShelling near Kiev; officials will accommodate refugees.\n"
    assert run_cli("fix", "a.txt", "--unsafe-fixes", cwd=tmp_path).returncode == 0
    assert f.read_text() == "Head\n\nShelling near Kyiv; officials will accommodate refugees.\n"


def test_diff_shows_changes_and_writes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    p = run_cli("fix", "a.txt", "--diff", cwd=tmp_path)
    assert p.returncode == 1
    assert f.read_text() == BAD
    assert p.stdout == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Head\n \n"
        "-The council will accomodate the request.\n+The council will accommodate the request.\n"
    )
    assert "would fix 1 finding(s) in 1 file(s)" in p.stderr
    f.write_text(FIXED)
    p = run_cli("fix", "a.txt", "--diff", cwd=tmp_path)
    assert p.returncode == 0 and p.stdout == ""


def test_symlink_stays_a_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(BAD)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run_cli("fix", "link.txt", cwd=tmp_path).returncode == 0
    assert link.is_symlink() and target.read_text() == FIXED


def _fix_in_subprocess(path, patch: str):
    code = (
        "import os, signal, sys\n"
        f"{patch}\n"
        "from edlint.commands.cli import run\n"
        f"sys.argv = ['edlint', 'fix', '--no-cache', {str(path)!r}]\n"
        "run()\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(REPO), timeout=120)


def test_killed_mid_write_leaves_original_intact(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    # SIGKILL the process after the new content is written to the temporary file, before the rename.
    p = _fix_in_subprocess(f, "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)")
    assert p.returncode == -signal.SIGKILL, (p.returncode, p.stderr)
    assert f.read_text() == BAD
    leftovers = [x for x in tmp_path.iterdir() if x.name.endswith(".edlint-tmp")]
    assert len(leftovers) == 1 and leftovers[0].read_text() == FIXED  # the new copy never replaced the article


def test_failed_rename_leaves_original_and_no_temp_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    patch = (
        "import errno\n"
        "def boom(a, b):\n"
        "    raise OSError(errno.EIO, 'simulated I/O error')\n"
        "os.replace = boom\n"
    )
    p = _fix_in_subprocess(f, patch)
    assert p.returncode == 2, p.stderr
    assert "cannot write fix: simulated I/O error" in p.stderr
    assert f.read_text() == BAD
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can write anywhere")
def test_read_only_folder_is_a_clear_error(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    f = d / "a.txt"
    f.write_text(BAD)
    os.chmod(d, 0o555)
    try:
        p = run_cli("fix", str(f), "--no-cache", cwd=tmp_path)
    finally:
        os.chmod(d, 0o755)
    assert p.returncode == 2 and "cannot write fix" in p.stderr
    assert f.read_text() == BAD
