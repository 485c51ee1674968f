"""``--format auto`` and ``--output``: the right format for where edlint runs, reports to files."""
from __future__ import annotations

import json

from conftest import run_cli

BAD = "Head\n\nThe council will accomodate the request.\n"


def test_auto_is_github_under_github_actions(tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", "a.txt", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert p.returncode == 1
    assert p.stdout.startswith("::warning file=a.txt,line=3,col=18,endLine=3,endColumn=28,title=edlint "
                               "spelling.misspellings::")


def test_auto_is_concise_in_a_pipe(tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.stdout.splitlines()[0] == ("a.txt:3:18: warning: spelling.misspellings: Misspelling: 'accomodate' should "
                                        "be 'accommodate'.")


def test_output_file_gets_report_terminal_gets_summary(tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", "a.txt", "--format", "sarif", "--output", "out/report.sarif", cwd=tmp_path)
    assert p.returncode == 2  # the folder does not exist: a clear error, not a traceback
    assert "out/report.sarif: cannot write report" in p.stderr
    p = run_cli("check", "a.txt", "--format", "sarif", "--output", "report.sarif", cwd=tmp_path)
    assert p.returncode == 1
    assert p.stdout == ""
    assert "1 finding(s) (1 warning) in 1 file(s)" in p.stderr
    doc = json.loads((tmp_path / "report.sarif").read_text())
    assert doc["runs"][0]["results"][0]["ruleId"] == "spelling.misspellings"


def test_output_with_rich_writes_plain_text(tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", "a.txt", "--format", "rich", "--output", "report.txt", cwd=tmp_path)
    assert p.returncode == 1
    text = (tmp_path / "report.txt").read_text()
    assert "accomodate" in text and "\x1b[" not in text
    assert "1 finding(s)" in p.stderr
