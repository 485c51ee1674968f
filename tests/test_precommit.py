"""The pre-commit hooks, run by the real pre-commit on a real repository of articles.

pre-commit clones this repository at its HEAD commit and installs edlint
into a fresh virtualenv (once per test module: PRE_COMMIT_HOME is shared),
exactly as an article repository's ``.pre-commit-config.yaml`` would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import REPO

pytestmark = pytest.mark.slow

BAD = "Head\n\nThe council will accomodate the request.\n"
GOOD = "# Head\n\nThe council met on Monday.\n"


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: pre-commit needs a commit to install from")
    e = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PRE_COMMIT", "EDLINT_", "GIT_"))}
    e.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        PRE_COMMIT_COLOR="never", NO_COLOR="1",
        GIT_AUTHOR_NAME="Copy Desk", GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Copy Desk", GIT_COMMITTER_EMAIL="desk@example.org",
    )
    return e


@pytest.fixture
def articles(tmp_path, env):
    """A git repository of articles whose pre-commit config points at this repository's HEAD."""
    rev = _git("rev-parse", "HEAD", cwd=REPO).strip()
    repo = tmp_path / "articles"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": str(REPO), "rev": rev, "hooks": [{"id": "edlint"}, {"id": "edlint-fix"}]}]})
    )
    return repo


def _pre_commit(repo, env, *args):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )


def _commit_all(repo, env):
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "--no-verify", "-m", "articles"], cwd=repo, env=env, check=True)


def test_manifest_uses_only_keys_pre_commit_accepts():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    known = {item.key for item in clientlib.MANIFEST_HOOK_DICT.items}
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["edlint", "edlint-fix"]
    for h in hooks:
        assert set(h) <= known, set(h) - known
        assert h["language"] == "python"
        assert set(h["types_or"]) == {"markdown", "plain-text"}
    clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))  # raises on anything invalid


def test_check_hook_fails_on_bad_article_and_passes_on_clean(articles, env):
    (articles / "bad.txt").write_text(BAD)
    (articles / "good.md").write_text(GOOD)
    (articles / "notes.csv").write_text("accomodate,x\n")  # not an article: never passed to the hook
    _commit_all(articles, env)
    p = _pre_commit(articles, env, "run", "edlint", "--all-files")
    assert p.returncode == 1, p.stdout + p.stderr
    want = "bad.txt:3:18: warning: spelling.misspellings: Misspelling: 'accomodate' should be 'accommodate'."
    assert want in p.stdout
    assert "notes.csv" not in p.stdout

    (articles / "bad.txt").write_text(BAD.replace("accomodate", "accommodate"))
    _commit_all(articles, env)
    p = _pre_commit(articles, env, "run", "edlint", "--all-files")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Passed" in p.stdout
    # the result cache lives in the repository but never shows up as a change
    assert ".edlint_cache" not in _git("status", "--porcelain", "--untracked-files=all", cwd=articles)


def test_fix_hook_changes_the_file_and_fails_the_commit(articles, env):
    (articles / "bad.txt").write_bytes(BAD.replace("\n", "\r\n").encode())
    _commit_all(articles, env)
    p = _pre_commit(articles, env, "run", "edlint-fix", "--all-files")
    assert p.returncode == 1, p.stdout + p.stderr
    assert "files were modified by this hook" in p.stdout
    assert (articles / "bad.txt").read_bytes() == b"Head\r\n\r\nThe council will accommodate the request.\r\n"
    _commit_all(articles, env)
    p = _pre_commit(articles, env, "run", "edlint-fix", "--all-files")
    assert p.returncode == 0, p.stdout + p.stderr


def test_installed_hook_blocks_a_commit(articles, env):
    p = _pre_commit(articles, env, "install")
    assert p.returncode == 0, p.stderr
    (articles / "story.md").write_text("# Story\n\nThe council will accomodate the request.\n")
    subprocess.run(["git", "add", "story.md", ".pre-commit-config.yaml"], cwd=articles, env=env, check=True)
    c = subprocess.run(["git", "commit", "-m", "story"], cwd=articles, env=env, capture_output=True, text=True,
                       timeout=600)
    assert c.returncode != 0, c.stdout + c.stderr
    assert "story.md:3:18: warning: spelling.misspellings" in c.stdout + c.stderr
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=articles,
                          capture_output=True).returncode != 0


def test_install_docs_precommit_config_runs(articles, env):
    """#14.18: the repo:/rev: configuration of docs/install.md, with this repository and its HEAD filled in."""
    import re

    doc = (REPO / "docs" / "install.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "rev:" in b)
    rev = _git("rev-parse", "HEAD", cwd=REPO).strip()
    config = block.replace("<repository URL>", str(REPO)).replace("<tag or commit>", rev)
    (articles / ".pre-commit-config.yaml").write_text(config)
    (articles / "bad.txt").write_text(BAD)
    _commit_all(articles, env)
    p = _pre_commit(articles, env, "run", "--all-files")
    assert p.returncode == 1, p.stdout + p.stderr
    assert "files were modified by this hook" in p.stdout  # edlint-fix ran first
    assert (articles / "bad.txt").read_text() == BAD.replace("accomodate", "accommodate")
