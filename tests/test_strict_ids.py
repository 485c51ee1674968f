"""#14.1 and #14.17: unknown rule ids and config keys are usage errors, never a silent pass.

These drive the installed ``edlint`` console script, as CI and pre-commit do.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, need_shared

EDLINT = Path(sys.executable).parent / ("edlint.exe" if os.name == "nt" else "edlint")
ARTICLE = "Head\n\nThey will accomodate the visitors on Monday.\n"


def edlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    if not EDLINT.exists():
        pytest.skip(f"edlint console script not installed beside {sys.executable}")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([str(EDLINT), *args, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_misspelled_select_on_the_seed_is_a_usage_error(tmp_path):
    seed = tmp_path / "seed.txt"
    shutil.copy(need_shared(SEED), seed)
    p = edlint("check", "seed.txt", "--select", "titels", "--date", "2022-07-08", cwd=tmp_path)
    assert p.returncode == 2, p.stdout + p.stderr
    assert "'titels'" in p.stderr and "did you mean titles?" in p.stderr
    assert "finding" not in p.stdout  # no "0 finding(s)" that reads as a pass
    ok = edlint("check", "seed.txt", "--select", "titles", "--date", "2022-07-08", cwd=tmp_path)
    assert ok.returncode == 1 and "seed.txt:21:" in ok.stdout and "titles." in ok.stdout


def test_unknown_id_in_ignore_list(folder):
    p = edlint("check", "a.txt", "--ignore", "adcopy,foo", cwd=folder)
    assert p.returncode == 2
    assert "--ignore: unknown rule id 'foo'" in p.stderr
    # a family, a dotted prefix and a glob are all fine
    ok = edlint("check", "a.txt", "--ignore", "adcopy,spelling.misspellings,readability.*", cwd=folder)
    assert ok.returncode == 0, ok.stderr


@pytest.mark.parametrize(
    "toml, line, bad, near",
    [
        ('locale = "en-GB"\nignore = ["adcopyy"]\n', 2, "adcopyy", "adcopy"),
        ('locale = "en-GB"\n\n[rules."spelling.inconsistant"]\nseverity = "error"\n', 3, "spelling.inconsistant",
         "spelling.inconsistent"),
        ('[[overrides]]\npaths = ["wire/**"]\nignore = ["titels"]\n', 3, "titels", "titles"),
    ],
)
def test_unknown_id_in_config_names_file_line_and_closest(folder, toml, line, bad, near):
    (folder / "edlint.toml").write_text(toml, encoding="utf-8")
    p = edlint("check", "a.txt", cwd=folder)
    assert p.returncode == 2, p.stdout + p.stderr
    assert f"edlint.toml:{line}: unknown rule id {bad!r}" in p.stderr
    assert f"did you mean {near}?" in p.stderr
    assert "finding" not in p.stdout


def test_unknown_id_in_suppression_comment_is_a_finding(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# Head\n\n<!-- edlint-disable-next-line spelling.inconsistant -->\nThey will accomodate it.\n",
                  encoding="utf-8")
    p = edlint("check", "a.md", "--format", "concise", cwd=tmp_path)
    assert p.returncode == 1
    assert "a.md:3:31: error: suppression.unknown-rule:" in p.stdout
    assert "did you mean spelling.inconsistent?" in p.stdout
    md.write_text("# Head\n\n<!-- edlint-disable-next-line spelling.misspellings -->\nThey will accomodate it.\n",
                  encoding="utf-8")
    assert edlint("check", "a.md", cwd=tmp_path).returncode == 0


def test_unknown_config_key_names_line_and_closest_key(folder):
    (folder / "edlint.toml").write_text('locale = "en-GB"\nignoree = ["adcopy"]\n', encoding="utf-8")
    p = edlint("check", "a.txt", cwd=folder)
    assert p.returncode == 2
    assert "edlint.toml:2: unknown key 'ignoree' (did you mean ignore?)" in p.stderr
    assert p.stdout == ""  # a broken config prints no "0 finding(s)"
    (folder / "edlint.toml").write_text('[rules."spelling.misspellings"]\nseverty = "error"\n', encoding="utf-8")
    p = edlint("check", "a.txt", "a.txt", cwd=folder)
    assert p.returncode == 2
    assert "edlint.toml:2: rule spelling.misspellings has no option 'severty' (did you mean severity?)" in p.stderr
    assert p.stderr.count("severty") == 1 and p.stdout == ""
