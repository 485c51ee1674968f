"""edlint's regular expressions, compiled when the wheel is built, served to runs with no cache folder.

``scripts/build_pattern_list.py`` lists the patterns (as text); the wheel build
(``hatch_build.py``) compiles them with the building interpreter into
``edlint/run/compiled_patterns.json``; ``edlint.run.regexcache`` serves them
when the running interpreter is the one that compiled them. These tests build
that file the way the wheel build does and run the real command line with it.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample-article.md"

# The command line with the shipped file at argv[1], counting the patterns Python had to parse itself.
_RUN = textwrap.dedent("""
    import sys
    from pathlib import Path
    import re._parser as parser
    import edlint.run.regexcache as regexcache

    regexcache.SHIPPED = Path(sys.argv[1])
    parsed = [0]
    parse = parser.parse

    def counted(*args, **kwargs):
        parsed[0] += 1
        return parse(*args, **kwargs)

    parser.parse = counted
    import atexit
    atexit.register(lambda: sys.stderr.write(f"parsed {parsed[0]}\\n"))
    sys.argv = ["edlint", *sys.argv[2:]]
    from edlint.commands.entry import run
    run()
""")


def _hook_text() -> str:
    sys.path.insert(0, str(REPO))
    try:
        import hatch_build
    finally:
        sys.path.pop(0)
    text = hatch_build._compiled_patterns()
    if text is None:
        pytest.skip("this interpreter cannot serve compiled patterns (not CPython 3.11+)")
    return text


def _plain_article(tmp_path: Path) -> Path:
    """The sample's text without its front matter: no Markdown or YAML parser, whose own patterns
    are theirs to compile, only edlint's."""
    article = tmp_path / "article.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8").split("\n---\n", 1)[1], encoding="utf-8")
    return article


def _check(shipped: Path, article: Path) -> tuple[list, int]:
    p = subprocess.run([sys.executable, "-c", _RUN, str(shipped), "check", str(article), "--no-cache",
                        "--date", "2022-07-08", "-f", "json"], capture_output=True, text=True, cwd=article.parent)
    assert p.returncode == 1, p.stderr[-2000:]
    findings = [(f["rule"], f["start"], f["end"], f["message"]) for f in json.loads(p.stdout)["findings"]]
    return findings, int(p.stderr.strip().splitlines()[-1].split()[-1])


def test_the_pattern_list_is_up_to_date():
    # In a process of its own: patterns this test run already compiled would not be seen compiling.
    p = subprocess.run([sys.executable, str(REPO / "scripts" / "build_pattern_list.py"), "--check"],
                       capture_output=True, text=True, cwd=REPO)
    assert p.returncode == 0, p.stdout + p.stderr[-2000:]


def test_the_wheel_build_compiles_every_listed_pattern_for_this_interpreter():
    from edlint.run.regexcache import PATTERN_LIST, _tag

    data = json.loads(_hook_text())
    listed = json.loads(PATTERN_LIST.read_text(encoding="utf-8"))["patterns"]
    assert data["tag"] == _tag()
    assert set(data["patterns"]) == {f"{flags}:{p}" for flags, p in listed}


def test_served_patterns_give_the_same_findings_without_parsing(tmp_path):
    shipped = tmp_path / "compiled_patterns.json"
    shipped.write_text(_hook_text(), encoding="utf-8")
    article = _plain_article(tmp_path)

    plain, parsed_plain = _check(tmp_path / "absent.json", article)
    served, parsed_served = _check(shipped, article)
    assert plain and served == plain
    assert parsed_plain > 60  # without the file, Python parses every pattern the run needs
    assert parsed_served <= 5, parsed_served  # with it, only patterns made from this article's own text


def test_a_file_from_another_interpreter_or_damaged_is_ignored(tmp_path):
    data = json.loads(_hook_text())
    article = _plain_article(tmp_path)
    want, parsed_plain = _check(tmp_path / "absent.json", article)

    other = tmp_path / "other.json"
    other.write_text(json.dumps({**data, "tag": "3.99.0-1-4"}), encoding="utf-8")
    assert _check(other, article) == (want, parsed_plain)  # another interpreter's code is never used

    damaged = tmp_path / "damaged.json"
    broken = {k: [v[0], "AAAAAAAAAAA=", v[2], v[3], v[4]] for k, v in data["patterns"].items()}
    damaged.write_text(json.dumps({**data, "patterns": broken}), encoding="utf-8")
    assert _check(damaged, article)[0] == want  # Python's validator refuses the code: compiled as usual
