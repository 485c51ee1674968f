"""``check --changed-since REV`` and baselines, on real temporary git repositories."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = (
    "Council budget\n\n"
    "The council will accomodate the request, officials said.\n\n"
    "It was a seperate issue from the vote.\n"
)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org",
}


def git(repo, *args):
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    r = tmp_path / "articles"
    (r / "news").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    (r / "news" / "budget.txt").write_text(OLD)
    (r / "news" / "untouched.txt").write_text("Old story\n\nThey will definately come.\n")
    git(r, "add", "-A")
    git(r, "commit", "-q", "-m", "old articles")
    return r


def concise(p):
    return [ln for ln in p.stdout.splitlines() if ":" in ln and "finding(s)" not in ln]


# ------------------------------------------------------------------ --changed-since

def test_diff_reports_only_changed_lines(repo):
    git(repo, "checkout", "-q", "-b", "edit")
    text = OLD.replace("officials said.", "officials said on Monday, and will acheive it.")
    (repo / "news" / "budget.txt").write_text("Update: new intro line.\n\n" + text)
    git(repo, "commit", "-q", "-am", "edit")
    full = run_cli("check", "news", cwd=repo, env={"EDLINT_CACHE_DIR": str(repo.parent / "c")})
    assert len(concise(full)) == 4  # accomodate, acheive, seperate, definately
    p = run_cli("check", "news", "--changed-since", "main", cwd=repo, env={"EDLINT_CACHE_DIR": str(repo.parent / "c")})
    assert p.returncode == 1, p.stderr
    # the edited line (now line 5) has both its old and its new misspelling: the line changed
    assert concise(p) == [
        "news/budget.txt:5:18: warning: spelling.misspellings: Misspelling: 'accomodate' should be 'accommodate'.",
        "news/budget.txt:5:77: warning: spelling.misspellings: Misspelling: 'acheive' should be 'achieve'.",
    ]


def test_diff_counts_uncommitted_and_untracked_and_ignores_base_only_changes(repo):
    git(repo, "checkout", "-q", "-b", "edit")
    # main moves on after the branch: that change is not ours to report
    git(repo, "checkout", "-q", "main")
    (repo / "news" / "untouched.txt").write_text("Old story\n\nThey will definately come, beleive me.\n")
    git(repo, "commit", "-q", "-am", "main edit")
    git(repo, "checkout", "-q", "edit")
    (repo / "news" / "budget.txt").write_text(OLD + "\nNew paragraph they will beleive.\n")  # uncommitted
    (repo / "news" / "fresh.md").write_text("# Fresh\n\nA wierd new story.\n")  # untracked
    p = run_cli("check", "news", "--changed-since", "main", "--no-cache", cwd=repo)
    assert concise(p) == [
        "news/budget.txt:7:25: warning: spelling.misspellings: Misspelling: 'beleive' should be 'believe'.",
        "news/fresh.md:3:3: warning: spelling.misspellings: Misspelling: 'wierd' should be 'weird'.",
    ]


def test_diff_without_changes_passes_and_bad_base_is_an_error(repo):
    p = run_cli("check", "news", "--changed-since", "HEAD", "--no-cache", cwd=repo)
    assert p.returncode == 0 and concise(p) == []
    p = run_cli("check", "news", "--changed-since", "no-such-branch", "--no-cache", cwd=repo)
    assert p.returncode == 2 and "--changed-since no-such-branch" in p.stderr


def test_diff_outside_git_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(OLD)
    p = run_cli("check", "a.txt", "--changed-since", "main", "--no-cache", cwd=tmp_path,
                env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert p.returncode == 2 and "--changed-since main" in p.stderr


# ------------------------------------------------------------------ baseline

def test_baseline_hides_old_findings_and_survives_edits_above(repo):
    w = run_cli("baseline", "write", "news", "--output", "edlint-baseline.json", "--no-cache", cwd=repo)
    assert w.returncode == 0, w.stderr
    assert "recorded 3 finding(s) in 2 file(s)" in w.stderr
    doc = json.loads((repo / "edlint-baseline.json").read_text())
    assert {e["path"] for e in doc["findings"]} == {"news/budget.txt", "news/untouched.txt"}
    git(repo, "add", "edlint-baseline.json")
    git(repo, "commit", "-q", "-m", "baseline")

    p = run_cli("check", "news", "--baseline", "edlint-baseline.json", "--no-cache", cwd=repo)
    assert p.returncode == 0 and concise(p) == []
    assert "3 finding(s) hidden by the baseline" in p.stderr

    # paragraphs added above move every line; old findings stay hidden, the new one is reported
    (repo / "news" / "budget.txt").write_text("Two new lines\n\nabove the old copy, which they recieved.\n\n" + OLD)
    p = run_cli("check", "news", "--baseline", "edlint-baseline.json", "--no-cache", cwd=repo)
    assert p.returncode == 1
    assert concise(p) == ["news/budget.txt:3:32: warning: spelling.misspellings: Misspelling: 'recieved' should be "
                          "'received'."]


def test_baseline_counts_duplicates_and_new_copy_on_an_old_line(repo):
    run_cli("baseline", "write", "news", "-o", "base.json", "--no-cache", cwd=repo)
    # the same sentence pasted again: identical finding, but one more than recorded
    (repo / "news" / "budget.txt").write_text(OLD + "\nIt was a seperate issue from the vote.\n")
    p = run_cli("check", "news", "--baseline", "base.json", "--no-cache", cwd=repo)
    assert concise(p) == ["news/budget.txt:7:10: warning: spelling.misspellings: Misspelling: 'seperate' should be "
                          "'separate'."]
    # editing the sentence itself makes it new copy: reported again
    (repo / "news" / "budget.txt").write_text(OLD.replace("from the vote", "from the budget vote"))
    p = run_cli("check", "news", "--baseline", "base.json", "--no-cache", cwd=repo)
    assert concise(p) == ["news/budget.txt:5:10: warning: spelling.misspellings: Misspelling: 'seperate' should be "
                          "'separate'."]


def test_baseline_works_from_another_folder(repo):
    run_cli("baseline", "write", "news", "-o", "base.json", "--no-cache", cwd=repo)
    p = run_cli("check", ".", "--baseline", "../base.json", "--no-cache", cwd=repo / "news")
    assert p.returncode == 0 and concise(p) == [], p.stdout


def test_bad_baseline_file_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(OLD)
    (tmp_path / "b.json").write_text("{not json")
    p = run_cli("check", "a.txt", "--baseline", "b.json", cwd=tmp_path)
    assert p.returncode == 2 and "b.json: not an edlint baseline" in p.stderr
    p = run_cli("check", "a.txt", "--baseline", "missing.json", cwd=tmp_path)
    assert p.returncode == 2 and "missing.json: cannot read baseline" in p.stderr


def test_diff_with_unusual_file_names(repo):
    odd = repo / "news" / 'café "budget" notes.txt'
    odd.write_text(OLD)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd name")
    odd.write_text(OLD + "\nThey will acheive it.\n")
    p = run_cli("check", "news", "--changed-since", "HEAD", "--no-cache", cwd=repo)
    assert concise(p) == [f"news/{odd.name}:7:11: warning: spelling.misspellings: Misspelling: 'acheive' should be "
                          "'achieve'."]


def test_unquote_git_names():
    from edlint.workflow.changed_lines import _unquote

    assert _unquote('"b/caf\\303\\251 \\"x\\".txt"') == 'b/café "x".txt'
    assert _unquote("b/plain.txt") == "b/plain.txt"
