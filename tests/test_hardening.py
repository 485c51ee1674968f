"""Caches, house rules and fixes that must never lose data or change copy they should not.

Each test holds one promise of docs/reliability.md and drives the installed
``edlint`` command, as CI and pre-commit do.
"""
from __future__ import annotations

import json
import os
import shutil
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
    from edlint.run.cache import ResultCache

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


# ---------------------------------------------------------------- #18.4 self-feeding substitutions

def _house(tmp_path: Path, **rules: str) -> None:
    (tmp_path / "house" / "style").mkdir(parents=True)
    for name, body in rules.items():
        (tmp_path / "house" / "style" / f"{name}.yaml").write_text(body)
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')


def test_a_replacement_containing_its_term_is_applied_once(tmp_path):
    _house(tmp_path, covid="kind: substitution\nsummary: Name the disease.\nswap: {Covid: Covid-19}\n")
    f = tmp_path / "a.md"
    f.write_text("Covid cases rose.\n")
    p = run("fix", "a.md", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert f.read_text() == "Covid-19 cases rose.\n"
    for _ in range(2):
        assert run("fix", "a.md", cwd=tmp_path).returncode == 0
        assert f.read_text() == "Covid-19 cases rose.\n"
    c = run("check", "a.md", "--format", "json", cwd=tmp_path)
    assert [x["rule"] for x in json.loads(c.stdout)["findings"]] == []


def test_fixes_that_never_settle_are_not_written(tmp_path):
    _house(
        tmp_path,
        us="kind: substitution\nsummary: One way.\nswap: {colour: color}\n",
        uk="kind: substitution\nsummary: And back.\nswap: {color: colour}\n",
    )
    f = tmp_path / "a.md"
    f.write_text("The colour of money.\n")
    p = run("fix", "a.md", cwd=tmp_path)
    assert p.returncode == 2
    assert "did not settle" in p.stderr and "a.md" in p.stderr
    assert f.read_text() == "The colour of money.\n"


# ---------------------------------------------------------------- #18.6 the cache is data, not trusted

def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("v*/*/*/*.json"))


def _check(tmp_path: Path, fmt: str = "json", *extra: str):
    return run("check", "a.md", "--format", fmt, "--cache-dir", "c", *extra, cwd=tmp_path)


def test_an_edited_cache_entry_cannot_inject_copy(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("The council will accomodate the request.\n")
    assert _check(tmp_path).returncode == 1
    (entry,) = _entries(tmp_path / "c")
    doc = json.loads(entry.read_text())
    finding = doc["findings"][0]
    finding[9] = ["safe", "x", [[0, 0, "INJECTED PARAGRAPH FROM CACHE\n\n"]]]
    entry.write_text(json.dumps(doc))
    p = run("fix", "a.md", "--cache-dir", "c", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert f.read_text() == "The council will accommodate the request.\n"


BROKEN_ENTRIES = {
    # a message that is a number and a line that is text: well-formed JSON that reporters cannot print
    "wrong types": lambda d: {**d, "findings": [[*d["findings"][0][:2], 12345, *d["findings"][0][3:5], "one",
                                                 *d["findings"][0][6:]]]},
    "negative offsets": lambda d: {**d, "findings": [[*d["findings"][0][:3], -5, *d["findings"][0][4:]]]},
    "not a list": lambda d: {**d, "findings": {"a": 1}},
    "no key": lambda d: {k: v for k, v in d.items() if k != "key"},
    "another key": lambda d: {**d, "key": "0" * 24 + "/" + "1" * 40},
    "a number": lambda d: 7,
    "extra field": lambda d: {**d, "figures": [], "x": 1},
}


CACHE_FORMATS = ["json", "concise", "sarif", "junit", "gitlab", "github", "rich"]


@pytest.mark.parametrize("fmt", CACHE_FORMATS)
def test_malformed_cache_entries_are_misses_in_every_format(tmp_path, fmt):
    (tmp_path / "a.md").write_text("The council will accomodate the request.\n")
    fresh = run("check", "a.md", "--format", fmt, "--no-cache", cwd=tmp_path)
    assert fresh.returncode == 1
    # Wrong types in every format (they crashed reporters); each other spoiling in one format, in turn.
    others = [k for k in BROKEN_ENTRIES if k != "wrong types"]
    for name in ("wrong types", others[CACHE_FORMATS.index(fmt) % len(others)]):
        spoil = BROKEN_ENTRIES[name]
        assert _check(tmp_path, fmt).returncode == 1
        for entry in _entries(tmp_path / "c"):
            entry.write_text(json.dumps(spoil(json.loads(entry.read_text()))))
        p = _check(tmp_path, fmt)
        assert (p.returncode, p.stdout) == (1, fresh.stdout), name
        assert "Traceback" not in p.stderr


HOUSE_VARIANTS = """kind: variants
category: house names
proper_nouns: true
sources:
  - "the desk's own list"
groups:
  - [Ealing Broadway, Ealing Brodway]
"""


def test_a_poisoned_parsed_pack_is_replaced_not_fatal(tmp_path):
    """A house pack's parsed copy in the cache folder, spoiled, is parsed afresh; the findings never change.

    (The built-in packs come parsed with the package and never pass through the cache folder.)
    """
    (tmp_path / "house" / "spelling").mkdir(parents=True)
    (tmp_path / "house" / "spelling" / "names.yaml").write_text(HOUSE_VARIANTS)
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    (tmp_path / "a.md").write_text("Council news\n\nThe council met at Ealing Broadway on Monday. Kiev and Kyiv sent "
                                   "envoys. They will accomodate them at Ealing Brodway.\n")
    expected = run("check", "a.md", "--format", "json", "--no-cache", cwd=tmp_path).stdout
    assert "Ealing Brodway" in expected  # the house pack is in use
    assert _check(tmp_path).stdout == expected
    packs = sorted(p for p in (tmp_path / "c" / "packs").glob("*.json") if not p.name.startswith("regex-"))
    assert packs
    for poison in ('{"kind": 5}', "[1, 2]", "not json"):
        for p in packs:
            p.write_text(poison)
        for _ in range(1 if poison != "not json" else 2):  # the run that meets it (and, once, the next)
            shutil.rmtree(tmp_path / "c" / "v1", ignore_errors=True)  # so the packs are read, not the results
            got = _check(tmp_path)
            assert got.stdout == expected, (poison, got.stderr)
            assert "Traceback" not in got.stderr
    # an entry with the right shape and digest but data that fails the schema: validated, then parsed afresh
    import hashlib

    house_source = hashlib.blake2b(HOUSE_VARIANTS.encode(), digest_size=16).hexdigest()
    poisoned = 0
    for p in sorted((tmp_path / "c" / "packs").glob("*.json")):
        try:
            entry = json.loads(p.read_text())
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("source") == house_source and isinstance(entry["data"], dict):
            entry["data"] = {"kind": entry["data"].get("kind"), "bogus": [1, 2, 3]}
            p.write_text(json.dumps(entry))
            poisoned += 1
    assert poisoned
    for _ in range(2):
        shutil.rmtree(tmp_path / "c" / "v1", ignore_errors=True)
        got = _check(tmp_path)
        assert got.stdout == expected, got.stderr


# ---------------------------------------------------------------- #18.8 the careful writer

def _fixable(path: Path) -> None:
    path.write_text("The council will accomodate the request.\n")


def test_fix_keeps_owner_group_and_mode(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("changing a file's owner needs root")
    f = tmp_path / "a.md"
    _fixable(f)
    os.chown(f, 4321, 8765)
    os.chmod(f, 0o664)
    p = run("fix", "a.md", "--no-cache", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    st = f.stat()
    assert "accommodate" in f.read_text()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (4321, 8765, 0o664)


def test_fix_skips_read_only_files_with_a_note(tmp_path):
    f = tmp_path / "a.md"
    g = tmp_path / "b.md"
    _fixable(f)
    _fixable(g)
    os.chmod(f, 0o444)
    p = run("fix", "a.md", "b.md", "--no-cache", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "accomodate" in f.read_text() and "read-only" in p.stderr
    assert "accommodate" in g.read_text()
    assert "fixed 1 finding(s) in 1 file(s)" in p.stderr
    assert os.stat(f).st_mode & 0o777 == 0o444


def test_fix_leaves_hard_links_joined(tmp_path):
    f = tmp_path / "a.md"
    _fixable(f)
    os.link(f, tmp_path / "same.txt")
    p = run("fix", "a.md", "--no-cache", cwd=tmp_path)
    assert p.returncode == 0
    assert "hard links" in p.stderr
    assert os.stat(f).st_ino == os.stat(tmp_path / "same.txt").st_ino


def test_fix_never_overwrites_an_edit_saved_meanwhile(tmp_path):
    """The file is compared with what was checked just before the rename; an editor's save wins."""
    import subprocess
    import sys

    f = tmp_path / "a.md"
    _fixable(f)
    saved = "The council will accomodate the request, said the editor.\n"
    code = (
        "import os, sys\n"
        "import edlint.io.atomic as fx\n"
        "real = fx._new_temp_beside\n"
        "def new_temp(*a, **k):\n"
        f"    open({str(f)!r}, 'w').write({saved!r})  # an editor saves while the fix runs\n"
        "    return real(*a, **k)\n"
        "fx._new_temp_beside = new_temp\n"
        "from edlint.commands.cli import run\n"
        f"sys.argv = ['edlint', 'fix', '--no-cache', {str(f)!r}]\n"
        "run()\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2, p.stderr
    assert "changed since it was checked" in p.stderr
    assert f.read_text() == saved
    assert [x.name for x in tmp_path.iterdir() if "edlint-tmp" in x.name] == []


# ---------------------------------------------------------------- #18.10 the lower items

def test_odd_file_names_keep_every_format_valid(tmp_path):
    import xml.etree.ElementTree as ET

    names = [b"new\nline.md", b"caf\xe9.md", b"esc\x1b[31m.md"]
    for n in names:
        (tmp_path / os.fsdecode(n)).write_text(GOOD)
    for fmt in ("concise", "json", "sarif", "gitlab", "junit", "github", "rich"):
        p = run("check", ".", "--format", fmt, cwd=tmp_path)
        assert p.returncode == 1, (fmt, p.stderr)
        assert "Traceback" not in p.stderr
        out = p.stdout
        assert "\x1b" not in out, fmt
        if fmt == "concise":
            lines = out.splitlines()
            assert len(lines) == 4 and all(":1:1: " in ln and "spelling.inconsistent" in ln for ln in lines[:3]), out
            assert "new\\nline.md:1:1" in out and "caf\ufffd.md:1:1" in out
        elif fmt in ("json", "sarif", "gitlab"):
            json.loads(out)
        elif fmt == "junit":
            ET.fromstring(out)


def test_report_output_problems_are_one_line(tmp_path):
    (tmp_path / "story.md").write_text(GOOD)
    p = run("check", "story.md", "-f", "rich", "-o", "nodir/x", cwd=tmp_path)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "nodir/x: cannot write report" in p.stderr
    for fmt in ("rich", "json"):
        p = run("check", "story.md", "-f", fmt, "-o", "story.md", cwd=tmp_path)
        assert p.returncode == 2 and "is one of the articles being checked" in p.stderr
        assert (tmp_path / "story.md").read_text() == GOOD


def test_config_discovery_stops_at_the_repository_root(tmp_path):
    (tmp_path / "house" / "style").mkdir(parents=True)
    (tmp_path / "house" / "style" / "kyiv.yaml").write_text("kind: substitution\nsummary: Not ours.\n"
                                                            "swap: {Kyiv: KYIV-X}\n")
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    repo = tmp_path / "checkout"
    (repo / ".git").mkdir(parents=True)
    f = repo / "a.md"
    f.write_text("Kyiv is a city.\n")
    p = run("fix", "a.md", cwd=repo)
    assert p.returncode == 0, p.stderr
    assert f.read_text() == "Kyiv is a city.\n"
    # without a repository boundary the parent's configuration still applies, as before
    other = tmp_path / "loose"
    other.mkdir()
    (other / "a.md").write_text("Kyiv is a city.\n")
    assert run("check", "a.md", "-f", "json", cwd=other).returncode == 1


@pytest.mark.parametrize("message, says", [
    ("Use {oops}", "unknown field {oops}"),
    ("Use {match.__class__.__mro__}", "unknown field {match.__class__.__mro__}"),
    ("Use {replacement!r}", "no format spec or conversion"),
    ("Use {match:>99999999}", "no format spec or conversion"),
    ("Use {", "message template"),
])
def test_rule_messages_are_templates_of_named_fields_checked_at_load(tmp_path, message, says):
    _house(tmp_path, odd=f"kind: substitution\nsummary: Odd.\nmessage: {json.dumps(message)}\nswap: {{Kiev: Kyiv}}\n")
    (tmp_path / "a.md").write_text("Kiev.\n")
    p = run("check", "a.md", "-f", "json", cwd=tmp_path)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    (err,) = json.loads(p.stdout)["errors"]
    assert "odd.yaml:3" in err and says in err


def test_hidden_text_is_checked_or_named(tmp_path):
    filler = ("Filler words here. " * 50 + "\n\n") * 12  # past the first 8 KiB
    (tmp_path / "nul.md").write_text("# Head\n\n" + filler + "A\x00B they will accomodate it.\n")
    (tmp_path / "deep.md").write_text("# Head\n\n" + "> " * 25 + "They will accomodate it.\n\n"
                                      + "- " * 40 + "Accomodate.\n")
    p = run("check", "nul.md", "deep.md", "-f", "json", "--select", "spelling.misspellings", cwd=tmp_path)
    found = {(f["path"], f["line"]) for f in json.loads(p.stdout)["findings"]}
    assert found == {("nul.md", 27), ("deep.md", 3), ("deep.md", 5)}
    (tmp_path / "house" / "adcopy").mkdir(parents=True)
    (tmp_path / "house" / "adcopy" / "mine.yaml").write_text("kind: phrases\nentries: []\n")
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    p = run("check", "nul.md", "-f", "json", cwd=tmp_path)
    assert p.returncode == 1 and p.stderr == ""  # a house phrase file is read like the built-in pack
    (tmp_path / "house" / "adcopy" / "mine.yaml").write_text("kind: phrase\nentries: []\n")
    p = run("check", "nul.md", "-f", "json", cwd=tmp_path)
    assert p.returncode == 2 and "mine.yaml:1: unknown kind 'phrase'" in json.loads(p.stdout)["errors"][0]


# ---------------------------------------------------------------- #18.9 brackets cost linear time

def _best_of(fns, n=3) -> list[float]:
    """Best wall time of each function over ``n`` interleaved rounds (so both see the same machine load)."""
    import time

    best = [float("inf")] * len(fns)
    for _ in range(n):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t)
    return best


@pytest.mark.parametrize("unit", ["[", "![", "[a]("])
def test_ten_times_the_brackets_cost_at_most_fifteen_times_the_time(unit):
    from edlint.io.articles import SourceFile
    from edlint.run.runner import Runner, RunOptions

    runner = Runner(RunOptions(select=["spelling", "adcopy", "titles", "attribution"]))
    runner.lint_source(SourceFile("warm.md", "# Head\n\nKiev.\n"), None)

    def check(n: int):
        text = "# Head\n\n" + unit * (n // len(unit)) + "\n"
        return lambda: runner.lint_source(SourceFile("x.md", text), None)

    small, big = _best_of([check(30_000), check(300_000)])
    assert big <= 15 * max(small, 0.02), (unit, small, big)  # a floor: milliseconds are noise on a busy machine
