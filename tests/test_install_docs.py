"""#14.18: the pip line of docs/install.md installs edlint from a git clone (file:// URL, no network).

The pre-commit ``repo:``/``rev:`` configuration of the same page runs in
tests/test_precommit.py, which shares pre-commit's environment with the other
hook tests.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def test_pip_install_from_git_url_as_documented(tmp_path):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout")
    doc = (REPO / "docs" / "install.md").read_text(encoding="utf-8")
    (line,) = [ln for ln in re.findall(r"```sh\n(.*?)```", doc, re.S)[0].splitlines() if "pip install" in ln]
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, check=True, capture_output=True,
                         text=True).stdout.strip()
    line = line.replace("<repository URL>", clone.as_uri()).replace("<tag or commit>", rev)
    args = shlex.split(line)
    assert args[:4] == ["python", "-m", "pip", "install"]
    target = tmp_path / "site"
    # edlint itself only (its dependencies are those of this test run), into a folder of its own
    p = subprocess.run([sys.executable, *args[1:], "--no-deps", "--quiet", "--target", str(target)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    assert (target / "edlint" / "io" / "config.schema.json").is_file()
    assert (target / "edlint" / "_rules" / "spelling" / "misspellings.yaml").is_file()
    env = dict(os.environ, PYTHONPATH=str(target), NO_COLOR="1")
    article = tmp_path / "a.txt"
    article.write_text("Head\n\nThey will accomodate it.\n")
    run = subprocess.run([sys.executable, "-m", "edlint", "check", str(article), "--no-cache"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "spelling.misspellings" in run.stdout, run.stderr
    where = subprocess.run([sys.executable, "-c", "import edlint; print(edlint.__file__)"], env=env, cwd=tmp_path,
                           capture_output=True, text=True).stdout
    assert where.startswith(str(target))
