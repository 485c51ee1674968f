"""``edlint check`` read without typer: the same options, the same call, typer for anything else.

The console script reads a plain ``check`` command line itself (edlint/commands/check_args.py)
so one article in a pre-commit hook does not pay for importing the command-line library.
These tests hold the two readers together: the option table against typer's own declaration of
``check``, and command lines run through both readers, compared on what reaches ``run_check``.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import edlint.commands.check as check_module
from edlint.commands.check_args import CHECK_DEFAULTS, CHECK_OPTIONS, call_check, fast_check
from edlint.commands.cli import app


def _typer_check():
    return typer.main.get_command(app).commands["check"]


def test_the_option_table_is_typers_declaration_of_check():
    cmd = _typer_check()
    declared: dict[str, tuple[str, object]] = {}
    for p in cmd.params:
        if p.param_type_name != "option":
            assert p.name == "paths" and p.nargs == -1
            continue
        if p.is_flag:
            kind: object = "flag"
        elif p.multiple:
            kind = "multi"
        elif hasattr(p.type, "choices"):
            kind = tuple(str(c.value if hasattr(c, "value") else c) for c in p.type.choices)
        elif p.name == "jobs":
            kind = "jobs"
        elif type(p.type).__name__ == "TyperPath":
            kind = "path"
        else:
            kind = "str"
        for opt in p.opts:
            declared[opt] = (p.name, kind)
        assert not p.secondary_opts, p.name
    assert declared == CHECK_OPTIONS
    assert set(CHECK_DEFAULTS) == {p.name for p in cmd.params}
    for p in cmd.params:
        default = p.default.value if hasattr(p.default, "value") else p.default
        assert CHECK_DEFAULTS[p.name] == default, p.name


SAME = [
    ["a.txt"],
    ["a.txt", "b.md", "-"],
    ["a.txt", "--date", "2022-07-08", "--format", "json", "--no-cache"],
    ["-f", "concise", "a.txt", "--select", "adcopy,titles", "--select", "spelling", "--ignore=readability"],
    ["a.txt", "--jobs", "3", "-j", "2", "--fail-on", "error", "--color", "never", "-v", "-q", "--exit-zero"],
    ["--output", "out.json", "--config", "edlint.toml", "--cache-dir", "c", "--baseline", "b.json", "a.txt"],
    ["--stdin-filename", "x.md", "-", "--changed-since", "HEAD~1", "--language", "en", "--statistics"],
    ["--diff", "--unsafe-fixes", "a.txt", "--", "--not-an-option.txt"],
    ["--format=sarif", "--language=auto", "--date=2024-02-29", "a.txt"],
]


def _captured(monkeypatch, run) -> tuple:
    got = []
    monkeypatch.setattr(check_module, "run_check", lambda *a, **k: got.append((a, k)) or 0)
    run()
    assert len(got) == 1
    return got[0]


@pytest.mark.parametrize("args", SAME, ids=lambda a: " ".join(a)[:40])
def test_both_readers_make_the_same_call(monkeypatch, tmp_path, args):
    monkeypatch.chdir(tmp_path)
    via_typer = _captured(monkeypatch, lambda: CliRunner().invoke(app, ["check", *args], catch_exceptions=False))
    values = fast_check(["edlint", "check", *args])
    assert values is not None
    via_fast = _captured(monkeypatch, lambda: call_check(values))
    assert via_fast == via_typer


LEFT_TO_TYPER = [
    ["-h"], ["a.txt", "--help"], ["--format", "xml", "a.txt"], ["--jobs", "0", "a.txt"], ["--jobs", "two"],
    ["--bogus", "a.txt"], ["--date", "2022-13-01", "a.txt"], ["--language", "fr", "a.txt"], ["-vq", "a.txt"],
    ["--verbose=1", "a.txt"], ["--diff=HEAD", "a.txt"], ["a.txt", "--date"], ["--select", "--verbose", "a.txt"],
    ["-fjson", "a.txt"],
]


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=lambda a: " ".join(a)[:40])
def test_anything_unusual_is_left_to_typer(args):
    assert fast_check(["edlint", "check", *args]) is None


def test_other_commands_are_left_to_typer():
    assert fast_check(["edlint", "fix", "a.txt"]) is None
    assert fast_check(["edlint", "--version"]) is None
    assert fast_check(["edlint"]) is None


def test_an_unreadable_output_path_is_left_to_typer(tmp_path):
    locked = tmp_path / "locked.json"
    locked.write_text("{}")
    locked.chmod(0)
    try:
        import os

        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read anything")
        assert fast_check(["edlint", "check", "a.txt", "-o", str(locked)]) is None
    finally:
        locked.chmod(0o644)


def _imported(cmd: list[str], cwd: Path) -> set[str]:
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    assert p.returncode in (0, 1), p.stderr[-2000:]
    return {ln.rsplit("|", 1)[1].strip() for ln in p.stderr.splitlines() if ln.startswith("import time:") and "|" in ln}


def test_the_installed_command_checks_a_file_without_typer(tmp_path):
    script = Path(sys.executable).with_name("edlint")
    if not script.is_file():
        pytest.skip(f"no installed console script beside {sys.executable}")
    article = tmp_path / "a.txt"
    article.write_text("Council rates\n\nThe council said on Monday that rates would rise by 3%.\n", encoding="utf-8")
    cmd = [sys.executable, "-X", "importtime", str(script), "check", str(article), "-f", "concise",
           "--cache-dir", str(tmp_path / "cache")]
    _imported(cmd, tmp_path)  # the first run caches the parsed packs
    names = _imported(cmd, tmp_path)
    assert "edlint.commands.check" in names  # the article really was checked
    library = sorted(n for n in names if n.split(".")[0] in ("typer", "click", "rich", "shellingham"))
    assert library == [], f"`edlint check FILE` imports the command-line library: {library}"
    assert "edlint.commands.cli" not in names
