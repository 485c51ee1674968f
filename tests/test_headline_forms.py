"""One place decides the headline and standfirst, wherever the copy keeps them; every rule reads it."""
from __future__ import annotations

import json

import pytest
from conftest import SEED, need_shared, run_cli

from edlint.api import lint_text
from edlint.document import build_document

HEAD = "Ben Wallace assures Ukraine UK is 'full square behind them'"
BODY = "The news comes as troops advance.\n\nOfficials met on Monday.\n"


def headline_of(text: str, path: str) -> str | None:
    doc = build_document(text, path)
    return None if doc.headline is None else doc.prose[doc.headline.start : doc.headline.end]


@pytest.mark.parametrize(
    "text,path",
    [
        (f"{HEAD}\n\n{BODY}", "a.txt"),  # first line of plain text
        (f"\n\n  \n{HEAD}\n\n{BODY}", "a.txt"),  # after blank lines
        (f"---\ndate: 2022-07-08\n---\n{HEAD}\n{BODY}", "a.txt"),  # plain text under front matter
        (f"---\ntitle: \"{HEAD}\"\n---\n{BODY}", "a.md"),  # front-matter title
        # YAML single-quoted, '' escapes
        (f"---\nheadline: '{HEAD.replace(chr(39), chr(39) * 2)}'\n---\n{BODY}", "a.md"),
        (f"+++\ntitle = \"{HEAD}\"\n+++\n{BODY}", "a.md"),  # TOML
        (f"# {HEAD}\n\n{BODY}", "a.md"),  # first Markdown heading
        (f"---\ndate: 2022-07-08\n---\n\n## {HEAD}\n\n{BODY}", "a.md"),  # a heading that opens the article
        (f"---\ntitle: \"{HEAD}\"\n---\n{BODY}", "a.txt"),
    ],
)
def test_headline_wherever_it_is_feeds_the_headline_rule(text, path):
    got = headline_of(text, path)
    assert got is not None and " ".join(got.replace("''", "'").split()) == HEAD
    found = [f for f in lint_text(text, path, select=["attribution.headline-quote"])]
    assert len(found) == 1
    f = found[0]
    assert "Ben Wallace" in f.message and "full square behind them" in f.message
    # The finding points at the quote inside the headline, at its own offsets in the file.
    assert text[f.start : f.end].strip(" '") .startswith("full square behind them")


@pytest.mark.parametrize("key", ["standfirst", "description"])
def test_standfirst_from_front_matter(key):
    text = f"---\ntitle: Plain headline\n{key}: Minister says 'we will never give up the fight'\n---\n{BODY}"
    doc = build_document(text, "a.md")
    assert doc.text[doc.standfirst.start : doc.standfirst.end] == "Minister says 'we will never give up the fight'"
    (f,) = lint_text(text, "a.md", select=["attribution.headline-quote"])
    assert "standfirst" in f.message and text[f.start : f.end] == "'we will never give up the fight'"


def test_markdown_without_a_heading_has_no_headline():
    assert headline_of("Intro paragraph\n\n## Sub\n\nText.\n", "a.md") is None


def _keyed(path):
    p = run_cli("check", str(path), "--format", "json", "--no-cache",
                *(["--date", "2022-07-08"] if path.suffix == ".txt" and path == SEED else []))
    assert p.returncode == 1, p.stderr
    text = path.read_text(encoding="utf-8")
    out = set()
    for f in json.loads(p.stdout)["findings"]:
        line_end = text.find("\n", f["start"])
        out.add((f["rule"], text[f["start"] : line_end if line_end != -1 else len(text)].strip()))
    return out


def test_seed_dated_in_front_matter_gives_the_same_findings(tmp_path):
    src = need_shared(SEED).read_text(encoding="utf-8")
    head, rest = src.split("\n", 1)
    front = "---\ndate: 2022-07-08\ntitle: \"" + head.replace('"', '\\"') + "\"\n---\n"
    md = tmp_path / "seed.md"
    md.write_text(front + "\n" + "\n\n".join(rest.splitlines()) + "\n", encoding="utf-8")
    txt = tmp_path / "seed.txt"
    txt.write_text(front + rest, encoding="utf-8")
    expected = _keyed(SEED)
    assert {k[0].split(".")[0] for k in expected} >= {"attribution", "adcopy", "spelling", "titles"}
    # The headline finding points at the quote in the title, wherever the title is.
    assert ("attribution.headline-quote", "'full square behind them'") in expected
    for copy in (md, txt):
        got = _keyed(copy)
        head_keys = {k for k in got if k[0] == "attribution.headline-quote"}
        assert head_keys == {("attribution.headline-quote", "'full square behind them'\"")}, copy
        body_expected = {k for k in expected if k[0] != "attribution.headline-quote"}
        assert {k for k in got if k not in head_keys} == body_expected, copy
