"""The bad-input matrix, through the installed ``edlint`` command as CI runs it.

Every bad file is one line on standard error naming it, the run exits 2, and
every other file of the same run is still checked and reported, in every
output format. Cases that once crashed or hung a whole run are kept here.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

FORMATS = ("rich", "concise", "json", "sarif", "junit", "gitlab", "github")
GOOD = "Kiev and Kyiv.\n"  # one finding (spelling.inconsistent) on line 1


def edlint_command() -> str:
    """The ``edlint`` console script of the environment running the tests, as a user has it."""
    here = Path(sys.executable).parent
    found = shutil.which("edlint", path=str(here)) or shutil.which("edlint")
    if not found:
        pytest.skip("the edlint command is not installed in this environment")
    return found


def run(*args: str, cwd: Path, timeout: float = 60, env: dict | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ)
    full.pop("GITHUB_ACTIONS", None)
    full["NO_COLOR"] = "1"
    full["EDLINT_CACHE_DIR"] = str(cwd / ".cache-for-test")
    full.update(env or {})
    p = subprocess.run([edlint_command(), *args], cwd=cwd, capture_output=True, timeout=timeout, env=full)
    p.stdout = p.stdout.decode("utf-8", "replace")  # type: ignore[assignment]
    p.stderr = p.stderr.decode("utf-8", "replace")  # type: ignore[assignment]
    return p


# ---------------------------------------------------------------- the matrix
# name -> (file name, maker(folder) -> None, what its one error line must say)

def _write(name: str, data: bytes | str):
    def make(folder: Path) -> None:
        p = folder / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return make


def _fifo(folder: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(folder / "pipe.md")


def _link_to(target: str, name: str):
    def make(folder: Path) -> None:
        if not Path(target).exists():
            pytest.skip(f"{target} not available")
        (folder / name).symlink_to(target)
    return make


def _dangling(folder: Path) -> None:
    (folder / "gone.md").symlink_to(folder / "nowhere.md")


def _folder_named_like_article(folder: Path) -> None:
    (folder / "dir.md").mkdir()


BAD = {
    "missing": ("missing.md", lambda folder: None, "no such file"),
    "binary": ("photo.txt", _write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    "not-utf8": ("latin1.md", _write("latin1.md", "Caf\u00e9 society.\n".encode("latin-1")), "not valid UTF-8"),
    "date-unquoted": ("d1.md", _write("d1.md", "---\ndate: 2022-02-30\n---\nKiev.\n"), ":2: "),
    "date-quoted": ("d2.md", _write("d2.md", '---\ntitle: A day\ndate: "2022-02-30"\n---\nKiev.\n'), ":3: "),
    "date-in-title": ("d3.md", _write("d3.md", "---\ntitle: 2022-02-30\n---\nKiev.\n"), ":2: "),
    "date-in-text-file": ("d4.txt", _write("d4.txt", "---\npublished: 2021-13-01\n---\nHead\n\nKiev.\n"), ":2: "),
    "date-toml": ("d5.md", _write("d5.md", "+++\ndate = 2022-02-30\n+++\nKiev.\n"), "d5.md:2: "),
    "time-impossible": ("d6.md", _write("d6.md", "---\ndate: 2022-01-01 25:61:00\n---\nKiev.\n"), ":2: "),
    "yaml-deep": ("deep.md", _write("deep.md", "---\nx: " + "[" * 3000 + "]" * 3000 + "\n---\nKiev.\n"), "deep.md"),
    "yaml-broken": ("yb.md", _write("yb.md", "---\ntitle: [unclosed\n---\nKiev.\n"), "invalid YAML"),
    "fifo": ("pipe.md", _fifo, "not a regular file"),
    "link-to-device": ("zero.md", _link_to("/dev/zero", "zero.md"), "not a regular file"),
    "dangling-link": ("gone.md", _dangling, "no such file"),
    "folder-named-md": ("dir.md", _folder_named_like_article, "directory"),
}


def _setup(tmp_path: Path, names: list[str]) -> list[str]:
    (tmp_path / "ok.md").write_text(GOOD, encoding="utf-8")
    args = ["ok.md"]
    for name in names:
        fname, make, _ = BAD[name]
        make(tmp_path)
        args.append(fname)
    return args


def _assert_one_line_each(p, names: list[str]) -> None:
    assert "Traceback" not in p.stderr, p.stderr
    lines = p.stderr.splitlines()
    for name in names:
        fname, _, says = BAD[name]
        about = [ln for ln in lines if fname in ln]
        assert len(about) == 1, (name, p.stderr)
        assert says in about[0], (name, about[0])


def _assert_ok_reported(p, fmt: str) -> None:
    out = p.stdout
    if fmt == "json":
        doc = json.loads(out)
        assert [f["path"] for f in doc["findings"]] == ["ok.md"]
        assert doc["findings"][0]["rule"] == "spelling.inconsistent"
    elif fmt == "sarif":
        doc = json.loads(out)
        res = doc["runs"][0]["results"]
        assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in res] == ["ok.md"]
    elif fmt == "gitlab":
        doc = json.loads(out)
        assert [r["location"]["path"] for r in doc] == ["ok.md"]
    elif fmt == "junit":
        root = ET.fromstring(out)
        suites = {s.get("name") for s in root.iter("testsuite")}
        assert "ok.md" in suites
        assert any("spelling.inconsistent" in (c.get("name") or "") for c in root.iter("testcase"))
    else:  # rich, concise, github: text naming the file and the rule
        assert "ok.md" in out and "spelling.inconsistent" in out, out


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_is_one_line_and_the_run_goes_on(tmp_path, name):
    args = _setup(tmp_path, [name])
    p = run("check", *args, "--format", "json", cwd=tmp_path, timeout=30)
    assert p.returncode == 2, (p.returncode, p.stderr)
    _assert_one_line_each(p, [name])
    _assert_ok_reported(p, "json")
    doc = json.loads(p.stdout)
    assert len(doc["errors"]) == 1 and BAD[name][0] in doc["errors"][0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reports_good_files_beside_all_bad_ones(tmp_path, fmt):
    names = sorted(BAD)
    args = _setup(tmp_path, names)
    p = run("check", *args, "--format", fmt, cwd=tmp_path, timeout=60)
    assert p.returncode == 2, (p.returncode, p.stderr)
    _assert_one_line_each(p, names)
    _assert_ok_reported(p, fmt)


# ---------------------------------------------------------------- lines: one table everywhere

@pytest.mark.parametrize("fmt", FORMATS)
def test_lone_carriage_returns_are_line_breaks_everywhere(tmp_path, fmt):
    """#18.1: markdown-it reads a lone CR as a line break; so does every other part of edlint."""
    (tmp_path / "ok.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "cr.md").write_bytes(b"a\rb")
    (tmp_path / "mac.md").write_bytes(b"# Head\r\rThe city\rof Kiev and Kyiv.\r")
    p = run("check", "ok.md", "cr.md", "mac.md", "--format", fmt, cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr and p.stderr.strip() == "", p.stderr
    assert "ok.md" in p.stdout and "mac.md" in p.stdout
    if fmt == "json":
        by_path = {f["path"]: f for f in json.loads(p.stdout)["findings"]}
        f = by_path["mac.md"]
        assert (f["line"], f["column"]) == (4, 4)
        text = (tmp_path / "mac.md").read_bytes().decode("utf-8")
        assert text[f["start"] : f["end"]] == "Kiev"


# ---------------------------------------------------------------- data files

def test_impossible_date_in_a_rule_pack_is_that_packs_error(tmp_path):
    """#18.2: a date PyYAML cannot build, in any key of any data file, is one located error."""
    house = tmp_path / "house"
    (house / "rules" / "spelling").mkdir(parents=True)
    (house / "edlint.toml").write_text('rule_dirs = ["rules"]\n')
    (house / "rules" / "spelling" / "odd.yaml").write_text(
        "kind: substitution\nsummary: Odd dates\nwhy: 2022-02-30\nswap: {Kiev: Kyiv}\n"
    )
    (house / "story.md").write_text(GOOD)
    (tmp_path / "ok.md").write_text(GOOD)
    p = run("check", "ok.md", "house/story.md", "--format", "json", cwd=tmp_path)
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    (err,) = json.loads(p.stdout)["errors"]
    assert "odd.yaml:3" in err
    assert [f["path"] for f in json.loads(p.stdout)["findings"]] == ["ok.md"]


# ---------------------------------------------------------------- baseline (#14.3)

def test_baseline_write_keeps_the_old_baseline_when_the_run_fails(tmp_path):
    (tmp_path / "ok.md").write_text(GOOD)
    w = run("baseline", "write", "ok.md", "-o", "base.json", cwd=tmp_path)
    assert w.returncode == 0, w.stderr
    before = (tmp_path / "base.json").read_bytes()
    assert json.loads(before)["findings"]
    p = run("baseline", "write", "seeed.md", "-o", "base.json", cwd=tmp_path)
    assert p.returncode == 2
    assert "seeed.md" in p.stderr and "not written" in p.stderr
    assert (tmp_path / "base.json").read_bytes() == before
    (tmp_path / "d.md").write_text("---\ndate: 2022-02-30\n---\nKiev.\n")
    p = run("baseline", "write", "ok.md", "d.md", "-o", "new.json", cwd=tmp_path)
    assert p.returncode == 2 and not (tmp_path / "new.json").exists()


@pytest.mark.parametrize("where", ["rule", "variants"])
def test_house_data_files_that_are_pipes_or_not_utf8_are_one_error(tmp_path, where):
    """A house data file is read like an article: regular files only, UTF-8, one located error."""
    house = tmp_path / "house"
    (house / "rules" / "style").mkdir(parents=True)
    if where == "rule":
        (house / "edlint.toml").write_text('rule_dirs = ["rules"]\n')
        os.mkfifo(house / "rules" / "style" / "pipe.yaml")
        bad = "pipe.yaml"
    else:
        (house / "edlint.toml").write_text('[rules."spelling.inconsistent"]\nextra_files = ["mine.yaml"]\n')
        latin1 = "kind: variants\ncategory: x\nsources: []\ngroups: [[Caf\u00e9, Cafe]]\n".encode("latin-1")
        (house / "mine.yaml").write_bytes(latin1)
        bad = "mine.yaml"
    (house / "story.md").write_text(GOOD)
    (tmp_path / "ok.md").write_text(GOOD)
    p = run("check", "ok.md", "house/story.md", "--format", "json", "--no-cache", cwd=tmp_path, timeout=30)
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    (err,) = json.loads(p.stdout)["errors"]
    assert bad in err
    assert [f["path"] for f in json.loads(p.stdout)["findings"]] == ["ok.md"]
