"""Caches, house rules and fixes that must never lose data or change copy they should not.

Each test holds one promise of docs/reliability.md and drives the installed
``edlint`` command, as CI and pre-commit do.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from test_bad_input import GOOD, run


# ---------------------------------------------------------------- #18.3 cache folders

@pytest.mark.parametrize("how", ["flag", "env"])
def test_cache_dir_never_touches_a_folder_edlint_did_not_make(tmp_path, how):
    (tmp_path / "ok.md").write_text(GOOD)
    precious = tmp_path / "p" / "v1" / "chapter1" / "text.md"
    precious.parent.mkdir(parents=True)
    precious.write_text("precious\n")
    old = precious.parent.parent / "0123456789abcdef01234567" / "ab"
    old.mkdir(parents=True)
    (old / "cd.json").write_text("{}")  # looks like an old cache state: still not edlint's folder
    args = ["check", "ok.md", "--format", "json"]
    env = {}
    if how == "flag":
        args += ["--cache-dir", "p"]
    else:
        env["EDLINT_CACHE_DIR"] = str(tmp_path / "p")
    p = run(*args, cwd=tmp_path, env=env)
    assert p.returncode == 1, p.stderr
    assert [f["path"] for f in json.loads(p.stdout)["findings"]] == ["ok.md"]
    assert "not an edlint cache" in p.stderr
    assert precious.read_text() == "precious\n"
    assert (old / "cd.json").exists()
    assert sorted(x.name for x in (tmp_path / "p").iterdir()) == ["v1"]  # no .gitignore, no tag, no packs


def test_pruning_an_edlint_cache_deletes_only_what_edlint_wrote(tmp_path):
    (tmp_path / "ok.md").write_text(GOOD)
    cache = tmp_path / "c"
    assert run("check", "ok.md", "--cache-dir", "c", cwd=tmp_path).returncode == 1
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    state = cache / "v1" / "0123456789abcdef01234567"
    (state / "ab").mkdir(parents=True)
    (state / "ab" / "cd.json").write_text("{}")
    (state / "ab" / "notes.txt").write_text("mine\n")  # a file edlint never names so
    (state / ".used").touch()
    os.utime(state / ".used", (0, 0))
    other = cache / "v1" / "chapter1"
    other.mkdir()
    (other / "text.md").write_text("precious\n")
    from edlint.cache import ResultCache

    assert ResultCache(cache).prune() == 1
    assert not (state / "ab" / "cd.json").exists() and not (state / ".used").exists()
    assert (state / "ab" / "notes.txt").read_text() == "mine\n"
    assert (other / "text.md").read_text() == "precious\n"


def test_an_empty_or_new_cache_folder_is_claimed(tmp_path):
    (tmp_path / "ok.md").write_text(GOOD)
    (tmp_path / "empty").mkdir()
    for name in ("empty", "new/deep"):
        p = run("check", "ok.md", "--cache-dir", name, cwd=tmp_path)
        assert p.returncode == 1 and "cache" not in p.stderr, p.stderr
        assert (tmp_path / name / "CACHEDIR.TAG").is_file()
        assert (tmp_path / name / ".gitignore").read_text().splitlines()[-1] == "*"
