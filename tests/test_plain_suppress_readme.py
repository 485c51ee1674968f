"""#14.14 (suppression comments in plain text) and #14.20 (the README on tests that need reference data)."""
from __future__ import annotations

import re

from conftest import REPO, run_cli

ARTICLE = (
    "Council delays vote\n\n"
    "# edlint-disable-next-line spelling.misspellings\n"
    "They will accomodate the request.\n\n"
    "They will accomodate it again.\n"
)


def test_plain_text_suppression_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    p = run_cli("check", "a.txt", "--format", "concise", "--no-cache", cwd=tmp_path)
    findings = [ln for ln in p.stdout.splitlines() if ln.startswith("a.txt:")]
    assert findings == [
        "a.txt:6:11: warning: spelling.misspellings: Misspelling: 'accomodate' should be 'accommodate'."]
    # the HTML comment form works in plain text too, and a bare disable covers every rule
    (tmp_path / "b.txt").write_text(ARTICLE.replace("# edlint-disable-next-line spelling.misspellings",
                                                    "<!-- edlint-disable-next-line -->"), encoding="utf-8")
    p = run_cli("check", "b.txt", "--format", "concise", "--no-cache", cwd=tmp_path)
    assert [ln.split(":")[1] for ln in p.stdout.splitlines() if ln.startswith("b.txt:")] == ["6"]
    # a misspelled id in the plain-text form is reported where it is written
    (tmp_path / "c.txt").write_text(ARTICLE.replace("spelling.misspellings", "speling"), encoding="utf-8")
    p = run_cli("check", "c.txt", "--format", "concise", "--no-cache", cwd=tmp_path)
    assert "c.txt:3:28: error: suppression.unknown-rule:" in p.stdout and "did you mean spelling?" in p.stdout


def test_plain_text_suppression_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ref = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for text in (readme, ref):
        assert "# edlint-disable-next-line" in text and "plain text" in text


def test_readme_says_how_many_tests_skip_without_reference_data_and_how_to_run_them():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"without it, (\d+) tests skip", readme)
    assert m and int(m.group(1)) > 0
    assert "../shared" in readme and "python -m pytest -rs" in readme
    # the skip message the README quotes is the one the tests print
    assert "reference material not available" in (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
